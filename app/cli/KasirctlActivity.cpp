// kasirctl activity: a customer's activity log, newest first, one entry per line.
#include "app/cli/Kasirctl.h"
#include "core/services/ActivityService.h"
#include "core/storage/Database.h"

namespace kasir {

int Kasirctl::activity(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    p.addOption(QCommandLineOption(QStringLiteral("before"), QString(), QStringLiteral("id")));
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("customer"), code))
        return code;
    std::optional<qint64> limit;
    std::optional<qint64> before;
    if (!readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false)
        || !readInteger(p, QStringLiteral("before"), QStringLiteral("before"), before, code, false))
        return code;
    if (limit && (*limit < 1 || *limit > 1000))
        return m_out.failInvalid(QStringLiteral("limit"), tr("must be between 1 and 1000"));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto entries = ActivityService(*m_db, m_actor)
                       .forCustomer(p.positionalArguments().constFirst(), static_cast<int>(limit.value_or(50)),
                           before.value_or(0));
    if (!entries)
        return m_out.fail(entries.error());
    for (const ActivityEntry& e : *entries)
        m_out.line(ActivityService::toJson(e));
    return CliOutput::Ok;
}

} // namespace kasir
