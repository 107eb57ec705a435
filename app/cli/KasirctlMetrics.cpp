// kasirctl's commands for the derived customer figures (metrics, rebuild, check) and for
// walk-in sales counted towards a customer who registered later (walk-ins, link).
#include "app/cli/Kasirctl.h"
#include "core/domain/Clock.h"
#include "core/services/CheckoutService.h"
#include "core/services/MetricsService.h"
#include "core/storage/Database.h"

#include <QJsonArray>

namespace kasir {

int Kasirctl::customerMetrics(const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("customer"), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto report = MetricsService(*m_db, m_actor).report(p.positionalArguments().constFirst());
    if (!report)
        return m_out.fail(report.error());
    m_out.line(MetricsService::toJson(*report, m_db->clock().nowMs()));
    return CliOutput::Ok;
}

int Kasirctl::rebuild(const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto done = MetricsService(*m_db, m_actor).rebuild();
    if (!done)
        return m_out.fail(done.error());
    m_out.line(QJsonObject {{QStringLiteral("customers"), done->customers}, {QStringLiteral("sales"), done->sales},
        {QStringLiteral("milliseconds"), done->milliseconds}});
    return CliOutput::Ok;
}

int Kasirctl::check(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    std::optional<qint64> limit;
    if (!readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
        return code;
    if (limit && (*limit < 1 || *limit > 1'000'000))
        return m_out.failInvalid(QStringLiteral("limit"), tr("must be between 1 and 1000000"));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto differences = MetricsService(*m_db, m_actor).check(static_cast<int>(limit.value_or(1000)));
    if (!differences)
        return m_out.fail(differences.error());
    // One line per figure that disagrees, then the verdict.
    for (const MetricsDifference& d : *differences)
        m_out.line(QJsonObject {{QStringLiteral("customerId"), d.customerId}, {QStringLiteral("field"), d.field},
            {QStringLiteral("cached"), d.cached}, {QStringLiteral("fromFacts"), d.fromFacts}});
    if (!differences->isEmpty())
        return m_out.fail(Error::other(QStringLiteral("mismatch"),
            tr("%n figure(s) of the customers disagree with their sales and ledgers; kasirctl rebuild makes them "
               "again",
                nullptr, static_cast<int>(differences->size()))));
    m_out.line(QJsonObject {{QStringLiteral("ok"), true}});
    return CliOutput::Ok;
}

int Kasirctl::walkIns(const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("phone"), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto sales = CheckoutService(*m_db, m_actor).walkInSales(p.positionalArguments().constFirst());
    if (!sales)
        return m_out.fail(sales.error());
    // The figures of each sale: a list does not read lines and payments.
    for (const Sale& s : *sales) {
        QJsonObject o = CheckoutService::toJson(s);
        o.remove(QStringLiteral("lines"));
        o.remove(QStringLiteral("payments"));
        m_out.line(o);
    }
    return CliOutput::Ok;
}

int Kasirctl::link(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("order"), QString(), QStringLiteral("order")));
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("customer"), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto linked = CheckoutService(*m_db, m_actor)
                      .linkWalkInSales(p.positionalArguments().constFirst(), p.values(QStringLiteral("order")));
    if (!linked)
        return m_out.fail(linked.error());
    QJsonArray orders;
    for (const Sale& s : linked->sales)
        orders.append(s.orderNumber);
    m_out.line(QJsonObject {{QStringLiteral("customerId"), linked->customer.id}, {QStringLiteral("linked"), orders},
        {QStringLiteral("total"), linked->total},
        {QStringLiteral("level"), CustomerEnums::toString(linked->customer.level)},
        {QStringLiteral("type"), CustomerEnums::toString(linked->customer.type)}});
    return CliOutput::Ok;
}

} // namespace kasir
