// kasirctl bulk: one change to every customer a filter selects, or to the customers named.
#include "app/cli/Kasirctl.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/BulkService.h"
#include "core/storage/Database.h"

namespace kasir {

namespace {

struct ActionFlag
{
    const char* flag;
    const char* field;
};

const ActionFlag kActions[] = {
    {"set-type", "setType"},
    {"set-status", "setStatus"},
    {"add-tag", "addTag"},
    {"remove-tag", "removeTag"},
    {"membership", "membership"},
};

} // namespace

int Kasirctl::bulk(const QStringList& args)
{
    QCommandLineParser p;
    addFilterOptions(p);
    p.addOption(QCommandLineOption(QStringLiteral("ids"), QString(), QStringLiteral("ids")));
    for (const ActionFlag& a : kActions)
        p.addOption(QCommandLineOption(QLatin1String(a.flag), QString(), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("dry-run")));
    p.addOption(QCommandLineOption(QStringLiteral("progress")));
    // customer search's paging flags are known here only to be refused with a reason: a bulk
    // change always takes the whole selection, never one page of it.
    const QStringList paging {QStringLiteral("sort"), QStringLiteral("desc"), QStringLiteral("limit"),
        QStringLiteral("after"), QStringLiteral("page-info")};
    for (const QString& name : paging) {
        const bool valued = name != u"desc" && name != u"page-info";
        p.addOption(valued ? QCommandLineOption(name, QString(), QStringLiteral("value")) : QCommandLineOption(name));
    }
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    for (const QString& name : paging) {
        if (p.isSet(name))
            return m_out.failInvalid(
                name, tr("does not apply to bulk, which changes every customer the filters select"));
    }

    QList<FieldError> errors;
    CustomerQuery query;
    readFilter(p, query, errors);

    // Exactly one action, given once.
    const ActionFlag* chosen = nullptr;
    for (const ActionFlag& a : kActions) {
        if (!p.isSet(QLatin1String(a.flag)))
            continue;
        if (chosen) {
            return m_out.failInvalid(QLatin1String(a.field),
                tr("cannot go with --%1: one action at a time").arg(QLatin1String(chosen->flag)));
        }
        if (p.values(QLatin1String(a.flag)).size() > 1)
            return m_out.failInvalid(QLatin1String(a.field), tr("is given more than once; one value at a time"));
        chosen = &a;
    }
    if (!chosen)
        return m_out.fail(Error::invalidField(QStringLiteral("action"), QStringLiteral("required"),
            tr("name one action: --set-type, --set-status, --add-tag, --remove-tag or --membership")));
    const QString flag = QLatin1String(chosen->flag);
    const QString field = QLatin1String(chosen->field);
    const QString value = p.value(flag);
    BulkService::Action action;
    if (flag == u"set-type") {
        if (const auto type = CustomerEnums::parseType(value))
            action = BulkService::Action::setType(*type);
        else
            errors << FieldError {field, QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::typeNames().join(QStringLiteral(", ")))};
    } else if (flag == u"set-status") {
        if (const auto status = CustomerEnums::parseStatus(value))
            action = BulkService::Action::setStatus(*status);
        else
            errors << FieldError {field, QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::statusNames().join(QStringLiteral(", ")))};
    } else if (flag == u"add-tag") {
        action = BulkService::Action::addTag(value);
    } else if (flag == u"remove-tag") {
        action = BulkService::Action::removeTag(value);
    } else {
        const QString onOff = value.trimmed().toLower();
        if (onOff == u"on" || onOff == u"off")
            action = BulkService::Action::membership(onOff == u"on");
        else
            errors << FieldError {field, QStringLiteral("invalid_choice"), tr("must be on or off")};
    }

    // Customers named one by one, or filtered: not both.
    BulkService::Selection selection = BulkService::Selection::filtered(query);
    if (p.isSet(QStringLiteral("ids"))) {
        QStringList own {QStringLiteral("ids"), QStringLiteral("dry-run"), QStringLiteral("progress")};
        for (const ActionFlag& a : kActions)
            own << QLatin1String(a.flag);
        for (const QString& name : p.optionNames()) {
            if (!own.contains(name))
                return m_out.failInvalid(QStringLiteral("ids"),
                    tr("cannot go with --%1: name the customers or filter them, not both").arg(name));
        }
        QStringList refs;
        for (const QString& list : p.values(QStringLiteral("ids"))) {
            for (const QString& ref : list.split(u',')) {
                if (!ref.trimmed().isEmpty())
                    refs << ref.trimmed();
            }
        }
        if (refs.isEmpty())
            errors << FieldError {QStringLiteral("ids"), QStringLiteral("required"),
                tr("must name at least one customer by id or code, separated by commas")};
        selection = BulkService::Selection::picked(refs);
    }
    if (!errors.isEmpty())
        return m_out.fail(Error::invalid(errors));

    if (!openDatabase(code) || !resolveActor(code))
        return code;
    BulkService::Options options;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    if (p.isSet(QStringLiteral("progress"))) {
        options.progress = [this](qint64 done, qint64 total) {
            if (total >= 0)
                m_out.progress(QJsonObject {{QStringLiteral("done"), done}, {QStringLiteral("total"), total}});
            return true;
        };
    }
    auto outcome = BulkService(*m_db, m_actor).apply(selection, action, options);
    if (!outcome)
        return m_out.fail(outcome.error());
    m_out.line(BulkService::toJson(*outcome));
    if (outcome->fault)
        return m_out.fail(*outcome->fault);
    if (outcome->failed == 0)
        return CliOutput::Ok;
    // Some customers were refused: the exit code of the kind they share, else "other".
    Error refused = Error::other(QStringLiteral("not_all_changed"),
        tr("%n customer(s) could not be changed; the summary says why", nullptr, static_cast<int>(outcome->failed)));
    const Error::Kind first = outcome->failures.constFirst().error.kind;
    const bool shared = outcome->failures.size() == outcome->failed
        && std::all_of(outcome->failures.cbegin(), outcome->failures.cend(),
            [first](const BulkService::Failure& f) { return f.error.kind == first; });
    if (shared)
        refused.kind = first;
    return m_out.fail(refused);
}

} // namespace kasir
