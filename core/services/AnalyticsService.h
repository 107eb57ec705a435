#pragma once

#include "core/domain/Analytics.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/services/RfmService.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimeZone>

namespace kasir {

class Database;

// The membership dashboard's data for managers and administrators (`kasirctl stats`,
// `top`, `repeat`): company-wide counts and sums from the running totals that the database
// keeps (DashboardRepository), lists from the figure indexes. Months and "this month" are
// calendar months in the shop's time zone.
class AnalyticsService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::AnalyticsService)

public:
    static constexpr int defaultChurnDays = 90;
    static constexpr int maxChurnDays = 3650;
    static constexpr int defaultListLimit = 10;
    static constexpr int maxListLimit = 500;
    static constexpr int defaultMonths = 12;
    static constexpr int maxMonths = 120;

    // `zone`: the shop's time zone for months (the system's by default).
    AnalyticsService(Database& db, Actor actor, QTimeZone zone = QTimeZone::systemTimeZone());

    Result<AnalyticsOverview> overview(int churnDays = defaultChurnDays);
    // Highest first; only customers whose figure is above zero.
    Result<QList<RankedCustomer>> top(RankBy by, int limit = defaultListLimit);
    Result<QList<RankedCustomer>> recent(int limit = defaultListLimit);
    // The last `months` calendar months, this one included, oldest first.
    Result<QList<MonthFigures>> months(int months = defaultMonths);
    // Customers with at least `minPurchases` purchases (seed 001: 2), most purchases first;
    // `after` is the previous page's nextCursor.
    Result<RepeatPage> repeatCustomers(qint64 minPurchases = 2, int limit = 50, const QString& after = {});

    // Everything the dashboard shows at once, read in one snapshot.
    struct Dashboard
    {
        AnalyticsOverview overview;
        QList<RankedCustomer> topByRevenue;
        QList<RankedCustomer> topBySales;
        QList<RankedCustomer> topByBalance;
        QList<RankedCustomer> recent;
        QList<MonthFigures> months;
        RfmService::Counts segments; // customers per RFM segment; notRanked: the others
    };
    Result<Dashboard> dashboard(int churnDays = defaultChurnDays, int listLimit = defaultListLimit);

    static QJsonObject toJson(const AnalyticsOverview& overview);
    static QJsonObject toJson(const RankedCustomer& customer);
    static QJsonObject toJson(const MonthFigures& month);
    static QJsonObject toJson(const Dashboard& dashboard);

private:
    Status require() const;
    // The first day of the calendar month `monthsBack` before the current one, and its
    // first instant (midnight, or later where a clock change skips midnight).
    QDate firstOfMonth(int monthsBack) const;
    qint64 monthStart(int monthsBack) const;
    Result<AnalyticsOverview> readOverview(int churnDays);
    Result<QList<MonthFigures>> readMonths(int months);

    Database& m_db;
    Actor m_actor;
    QTimeZone m_zone;
};

} // namespace kasir
