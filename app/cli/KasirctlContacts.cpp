// kasirctl's commands for how a customer is reached: additional contacts (contact) and
// preferences with consent and favourite products (prefs).
#include "app/cli/Kasirctl.h"
#include "core/services/ContactService.h"
#include "core/services/PreferenceService.h"
#include "core/storage/Database.h"

#include <QJsonArray>

namespace kasir {

namespace {

std::optional<bool> parseTrueFalse(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true")
        return true;
    if (t == u"false")
        return false;
    return std::nullopt;
}

} // namespace

int Kasirctl::contact(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (verb == u"add") {
        for (const char* name : {"kind", "value", "label"})
            p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
        p.addOption(QCommandLineOption(QStringLiteral("primary")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        QList<FieldError> missing;
        for (const char* name : {"kind", "value"}) {
            if (!p.isSet(QLatin1String(name)))
                missing.append({QLatin1String(name), QStringLiteral("required"), tr("is required")});
        }
        if (!missing.isEmpty())
            return m_out.fail(Error::invalid(missing));
        ContactService::ContactInput in;
        in.kind = p.value(QStringLiteral("kind"));
        in.value = p.value(QStringLiteral("value"));
        if (p.isSet(QStringLiteral("label")))
            in.label = p.value(QStringLiteral("label"));
        // Without --primary the service decides: the first contact of a kind is the primary one.
        if (p.isSet(QStringLiteral("primary")))
            in.primary = true;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto added = ContactService(*m_db, m_actor).add(p.positionalArguments().constFirst(), in);
        if (!added)
            return m_out.fail(added.error());
        m_out.line(ContactService::toJson(*added));
        return CliOutput::Ok;
    }
    if (verb == u"update") {
        p.addOption(QCommandLineOption(QStringLiteral("label"), QString(), QStringLiteral("value")));
        p.addOption(QCommandLineOption(QStringLiteral("primary")));
        if (!parse(p, args, 1, QStringLiteral("contact"), code))
            return code;
        ContactService::ContactChange change;
        if (p.isSet(QStringLiteral("label")))
            change.label = p.value(QStringLiteral("label"));
        if (p.isSet(QStringLiteral("primary")))
            change.primary = true;
        if (!change.label && !change.primary)
            return m_out.fail(Error::invalidField(QStringLiteral("fields"), QStringLiteral("required"),
                tr("name at least one field to change: --label or --primary")));
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto updated = ContactService(*m_db, m_actor).update(p.positionalArguments().constFirst(), change);
        if (!updated)
            return m_out.fail(updated.error());
        m_out.line(ContactService::toJson(*updated));
        return CliOutput::Ok;
    }
    if (verb == u"list" || verb == u"remove") {
        const bool list = verb == u"list";
        if (!parse(p, args, 1, list ? QStringLiteral("customer") : QStringLiteral("contact"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        ContactService contacts(*m_db, m_actor);
        const QString ref = p.positionalArguments().constFirst();
        if (!list) {
            if (Status s = contacts.remove(ref); !s)
                return m_out.fail(s.error());
            m_out.line(QJsonObject {{QStringLiteral("deleted"), ref.trimmed().toLower()}});
            return CliOutput::Ok;
        }
        auto all = contacts.list(ref);
        if (!all)
            return m_out.fail(all.error());
        for (const CustomerContact& c : std::as_const(*all))
            m_out.line(ContactService::toJson(c));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(QStringLiteral("command"),
        tr("unknown contact command \"%1\"; use add, list, update or remove").arg(verb.left(64)));
}

int Kasirctl::prefs(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* name : {"preferred-payment", "best-contact-time"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    for (const char* name : {"offers", "loyalty", "do-not-contact"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("true|false")));
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("customer"), code))
        return code;
    PreferenceService::PreferenceInput in;
    if (p.isSet(QStringLiteral("preferred-payment")))
        in.preferredPayment = p.value(QStringLiteral("preferred-payment"));
    if (p.isSet(QStringLiteral("best-contact-time")))
        in.bestContactTime = p.value(QStringLiteral("best-contact-time"));
    QList<FieldError> errors;
    for (const auto& [flag, field, member] :
        {std::tuple {"offers", "canReceiveOffers", &PreferenceService::PreferenceInput::canReceiveOffers},
            std::tuple {"loyalty", "canReceiveLoyalty", &PreferenceService::PreferenceInput::canReceiveLoyalty},
            std::tuple {"do-not-contact", "doNotContact", &PreferenceService::PreferenceInput::doNotContact}}) {
        if (!p.isSet(QLatin1String(flag)))
            continue;
        if (auto b = parseTrueFalse(p.value(QLatin1String(flag))))
            in.*member = *b;
        else
            errors.append({QLatin1String(field), QStringLiteral("invalid_boolean"), tr("must be true or false")});
    }
    if (!errors.isEmpty())
        return m_out.fail(Error::invalid(errors));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    PreferenceService service(*m_db, m_actor);
    const QString ref = p.positionalArguments().constFirst();
    auto prefs = in.isEmpty() ? service.get(ref) : service.set(ref, in);
    if (!prefs)
        return m_out.fail(prefs.error());
    QJsonObject out = PreferenceService::toJson(*prefs);
    auto favourites = service.favouriteProducts(ref);
    if (!favourites)
        return m_out.fail(favourites.error());
    QJsonArray top;
    for (const ProductTotal& f : *favourites)
        top.append(QJsonObject {{QStringLiteral("sku"), f.sku}, {QStringLiteral("name"), f.name},
            {QStringLiteral("quantity"), f.quantity}, {QStringLiteral("amount"), f.amount}});
    out.insert(QStringLiteral("favouriteProducts"), top);
    m_out.line(out);
    return CliOutput::Ok;
}

} // namespace kasir
