// kasirctl's commands for the membership dashboard's data: stats, top and repeat.
#include "app/cli/Kasirctl.h"
#include "core/domain/Money.h"
#include "core/services/AnalyticsService.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

namespace kasir {

int Kasirctl::stats(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("json")));
    p.addOption(QCommandLineOption(QStringLiteral("churn-days"), QString(), QStringLiteral("days")));
    p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    std::optional<qint64> churnDays;
    std::optional<qint64> limit;
    if (!readInteger(p, QStringLiteral("churn-days"), QStringLiteral("churn-days"), churnDays, code, false)
        || !readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
        return code;
    if (churnDays && (*churnDays < 1 || *churnDays > AnalyticsService::maxChurnDays))
        return m_out.failInvalid(
            QStringLiteral("churn-days"), tr("must be between 1 and %1").arg(AnalyticsService::maxChurnDays));
    if (limit && (*limit < 1 || *limit > AnalyticsService::maxListLimit))
        return m_out.failInvalid(
            QStringLiteral("limit"), tr("must be between 1 and %1").arg(AnalyticsService::maxListLimit));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    AnalyticsService service(*m_db, m_actor);
    const int churn = static_cast<int>(churnDays.value_or(AnalyticsService::defaultChurnDays));
    if (p.isSet(QStringLiteral("json"))) {
        auto dashboard = service.dashboard(churn, static_cast<int>(limit.value_or(AnalyticsService::defaultListLimit)));
        if (!dashboard)
            return m_out.fail(dashboard.error());
        m_out.line(AnalyticsService::toJson(*dashboard));
        return CliOutput::Ok;
    }
    if (p.isSet(QStringLiteral("limit")))
        return m_out.failInvalid(QStringLiteral("limit"), tr("only goes with --json"));
    auto o = service.overview(churn);
    if (!o)
        return m_out.fail(o.error());
    auto company = CustomerService(*m_db, m_actor).company();
    if (!company)
        return m_out.fail(company.error());
    const QString currency = company->currency;
    const QLocale locale;
    const auto n = [&](qint64 v) { return locale.toString(v); };
    const auto money = [&](qint64 v) { return Money::format(v, currency); };
    QTextStream out(stdout);
    out << tr("Customers          %1 (active %2, inactive %3, blocked %4)\n")
               .arg(n(o->totalCustomers), n(o->activeCustomers), n(o->inactiveCustomers), n(o->blockedCustomers));
    out << tr("By type            walk-in %1, member %2, vip %3, wholesale %4\n")
               .arg(n(o->walkInCustomers), n(o->memberCustomers), n(o->vipCustomers), n(o->wholesaleCustomers));
    QStringList levels;
    for (const LevelCount& l : o->byLevel)
        levels.append(QStringLiteral("%1 %2").arg(CustomerEnums::displayName(l.level), n(l.customers)));
    out << tr("By level           %1\n").arg(levels.join(QStringLiteral(", ")));
    out << tr("New this month     %1\n").arg(n(o->newThisMonth));
    out << tr("Revenue            %1 (average per customer %2, highest %3)\n")
               .arg(money(o->totalRevenue), money(o->averageLifetimeValue), money(o->maxSpent));
    out << tr("Purchases          %1 per customer; %2 customers bought, %3 came back (%4 %)\n")
               .arg(locale.toString(o->averagePurchases, 'f', 2), n(o->customersWithPurchases), n(o->repeatCustomers),
                   locale.toString(o->repeatPercent, 'f', 1));
    QStringList frequencies;
    for (const FrequencyCount& f : o->frequencies)
        frequencies.append(QStringLiteral("%1 %2").arg(RepeatFrequencies::displayName(f.frequency), n(f.customers)));
    out << tr("Frequency          %1\n").arg(frequencies.join(QStringLiteral(", ")));
    out << tr("Churned            %1 (no purchase in %n day(s))\n", nullptr, o->churnDays).arg(n(o->churned));
    out << tr("Debt               %1 owed by %2 customers\n").arg(money(o->totalDebt), n(o->customersWithDebt));
    out << tr("Store credit       %1 held by %2 customers\n").arg(money(o->totalCredit), n(o->customersWithCredit));
    out << tr("Points             %1 outstanding\n").arg(n(o->pointsOutstanding));
    return CliOutput::Ok;
}

int Kasirctl::top(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("by"), QString(), QStringLiteral("figure")));
    p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    RankBy by = RankBy::Revenue;
    if (p.isSet(QStringLiteral("by"))) {
        const auto parsed = RankByNames::parse(p.value(QStringLiteral("by")));
        if (!parsed)
            return m_out.failInvalid(
                QStringLiteral("by"), tr("must be one of %1").arg(RankByNames::names().join(QStringLiteral(", "))));
        by = *parsed;
    }
    std::optional<qint64> limit;
    if (!readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
        return code;
    if (limit && (*limit < 1 || *limit > AnalyticsService::maxListLimit))
        return m_out.failInvalid(
            QStringLiteral("limit"), tr("must be between 1 and %1").arg(AnalyticsService::maxListLimit));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto rows = AnalyticsService(*m_db, m_actor)
                    .top(by, static_cast<int>(limit.value_or(AnalyticsService::defaultListLimit)));
    if (!rows)
        return m_out.fail(rows.error());
    for (const RankedCustomer& r : *rows)
        m_out.line(AnalyticsService::toJson(r));
    return CliOutput::Ok;
}

int Kasirctl::repeat(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("min"), QString(), QStringLiteral("n")));
    p.addOption(QCommandLineOption(QStringLiteral("limit"), QString(), QStringLiteral("n")));
    p.addOption(QCommandLineOption(QStringLiteral("after"), QString(), QStringLiteral("cursor")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    std::optional<qint64> min;
    std::optional<qint64> limit;
    if (!readInteger(p, QStringLiteral("min"), QStringLiteral("min"), min, code, false)
        || !readInteger(p, QStringLiteral("limit"), QStringLiteral("limit"), limit, code, false))
        return code;
    if (min && *min < 1)
        return m_out.failInvalid(QStringLiteral("min"), tr("must be 1 or more"));
    if (limit && (*limit < 1 || *limit > AnalyticsService::maxListLimit))
        return m_out.failInvalid(
            QStringLiteral("limit"), tr("must be between 1 and %1").arg(AnalyticsService::maxListLimit));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto page
        = AnalyticsService(*m_db, m_actor)
              .repeatCustomers(min.value_or(2), static_cast<int>(limit.value_or(50)), p.value(QStringLiteral("after")));
    if (!page)
        return m_out.fail(page.error());
    for (const RankedCustomer& r : page->items)
        m_out.line(AnalyticsService::toJson(r));
    if (!page->nextCursor.isEmpty())
        m_out.line(QJsonObject {{QStringLiteral("next"), page->nextCursor}});
    return CliOutput::Ok;
}

} // namespace kasir
