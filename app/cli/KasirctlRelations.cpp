// kasirctl's commands for what staff record about a customer: notes and tags.
#include "app/cli/Kasirctl.h"
#include "core/services/NoteService.h"
#include "core/services/TagService.h"
#include "core/storage/Database.h"

namespace kasir {

int Kasirctl::note(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (verb == u"add") {
        p.addOption(QCommandLineOption(QStringLiteral("kind"), QString(), QStringLiteral("kind")));
        p.addOption(QCommandLineOption(QStringLiteral("text"), QString(), QStringLiteral("text")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        QList<FieldError> missing;
        for (const char* flag : {"kind", "text"}) {
            if (!p.isSet(QLatin1String(flag)))
                missing << FieldError {QLatin1String(flag), QStringLiteral("required"), tr("is required")};
        }
        if (!missing.isEmpty())
            return m_out.fail(Error::invalid(missing));
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto added = NoteService(*m_db, m_actor)
                         .add(p.positionalArguments().constFirst(), p.value(QStringLiteral("kind")),
                             p.value(QStringLiteral("text")));
        if (!added)
            return m_out.fail(added.error());
        m_out.line(NoteService::toJson(*added));
        return CliOutput::Ok;
    }
    if (verb == u"list") {
        p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
        p.addOption(QCommandLineOption(QStringLiteral("before"), QString(), QStringLiteral("note")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        std::optional<qint64> limit;
        if (!readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
            return code;
        if (limit && (*limit < 1 || *limit > NoteService::maxLimit))
            return m_out.failInvalid(
                QStringLiteral("limit"), tr("must be between 1 and %1").arg(NoteService::maxLimit));
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto page
            = NoteService(*m_db, m_actor)
                  .list(p.positionalArguments().constFirst(),
                      static_cast<int>(limit.value_or(NoteService::defaultLimit)), p.value(QStringLiteral("before")));
        if (!page)
            return m_out.fail(page.error());
        for (const CustomerNote& n : std::as_const(page->items))
            m_out.line(NoteService::toJson(n));
        // Where the next page starts, when there is one.
        if (!page->nextBefore.isEmpty())
            m_out.line(QJsonObject {{QStringLiteral("next"), page->nextBefore}});
        return CliOutput::Ok;
    }
    if (verb == u"delete") {
        if (!parse(p, args, 1, QStringLiteral("note"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto removed = NoteService(*m_db, m_actor).remove(p.positionalArguments().constFirst());
        if (!removed)
            return m_out.fail(removed.error());
        m_out.line(NoteService::toJson(*removed));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(
        QStringLiteral("command"), tr("unknown note command \"%1\"; use add, list or delete").arg(verb.left(64)));
}

int Kasirctl::tag(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (verb == u"add") {
        p.addOption(QCommandLineOption(QStringLiteral("color"), QString(), QStringLiteral("color")));
        if (!parse(p, args, 2, QStringLiteral("name"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        const QStringList pos = p.positionalArguments();
        auto tagged = TagService(*m_db, m_actor).tag(pos.at(0), pos.at(1), p.value(QStringLiteral("color")));
        if (!tagged)
            return m_out.fail(tagged.error());
        QJsonObject o = TagService::toJson(tagged->tag);
        o.insert(QStringLiteral("added"), tagged->added);
        o.insert(QStringLiteral("created"), tagged->created);
        m_out.line(o);
        return CliOutput::Ok;
    }
    if (verb == u"remove") {
        if (!parse(p, args, 2, QStringLiteral("name"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        const QStringList pos = p.positionalArguments();
        auto removed = TagService(*m_db, m_actor).untag(pos.at(0), pos.at(1));
        if (!removed)
            return m_out.fail(removed.error());
        QJsonObject o = TagService::toJson(*removed);
        o.insert(QStringLiteral("removed"), true);
        m_out.line(o);
        return CliOutput::Ok;
    }
    if (verb == u"popular") {
        p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
        if (!parse(p, args, 0, QString(), code))
            return code;
        std::optional<qint64> limit;
        if (!readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
            return code;
        if (limit && (*limit < 1 || *limit > TagService::maxPopular))
            return m_out.failInvalid(
                QStringLiteral("limit"), tr("must be between 1 and %1").arg(TagService::maxPopular));
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto popular = TagService(*m_db, m_actor).popular(static_cast<int>(limit.value_or(TagService::defaultPopular)));
        if (!popular)
            return m_out.fail(popular.error());
        for (const TagCount& t : std::as_const(*popular)) {
            QJsonObject o = TagService::toJson(t.tag);
            o.insert(QStringLiteral("customers"), t.customers);
            m_out.line(o);
        }
        return CliOutput::Ok;
    }
    if (verb == u"list" || verb == u"of") {
        const bool of = verb == u"of";
        if (!parse(p, args, of ? 1 : 0, QStringLiteral("customer"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        TagService service(*m_db, m_actor);
        auto tags = of ? service.tagsOf(p.positionalArguments().constFirst()) : service.list();
        if (!tags)
            return m_out.fail(tags.error());
        for (const Tag& t : std::as_const(*tags))
            m_out.line(TagService::toJson(t));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(QStringLiteral("command"),
        tr("unknown tag command \"%1\"; use add, remove, popular, list or of").arg(verb.left(64)));
}

} // namespace kasir
