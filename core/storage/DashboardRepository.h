#pragma once

#include "core/domain/Analytics.h"
#include "core/domain/CustomerMetrics.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace kasir {

class Database;
class UnitOfWork;

// The membership dashboard's figures. Running totals (dashboard_customers, _figures,
// _slots; migration 8) are kept by triggers on customer, customer_metrics and sale, so the
// overview of a million customers reads a few hundred rows. The totals are derived: fill()
// makes them from those tables, differences() compares. Lists (top, recent, repeat) read
// customer_metrics through its figure indexes.
class DashboardRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::DashboardRepository)

public:
    static constexpr qint64 slotMs = 900'000; // a quarter of an hour
    static constexpr int purchasesBandCap = 100; // the last band holds 100 purchases and more
    static_assert(RepeatFrequencies::frequentFrom < purchasesBandCap);

    explicit DashboardRepository(Database& db);

    // Writes the totals of `companyId` (every company when empty) from customer,
    // customer_metrics and sale. The caller has cleared that company's rows.
    static Status fill(QSqlDatabase db, const QString& companyId);
    // Replaces the company's totals with what the tables give (a rebuild).
    Status refill(UnitOfWork& uow, const QString& companyId);
    // Rows of the company written while paused leave the totals alone; the caller brings
    // them up to date (refill, countNewCustomers) before the unit of work commits.
    Status pause(UnitOfWork& uow, const QString& companyId);
    Status resume(UnitOfWork& uow, const QString& companyId);
    // Counts customers inserted while paused: their type, status, level and creation time.
    Status countNewCustomers(UnitOfWork& uow, const QList<Customer>& customers);
    // Where the kept totals and the tables disagree, at most `limit` (customerId empty,
    // field "dashboard.<table>[<key>].<column>").
    Result<QList<MetricsDifference>> differences(const QString& companyId, int limit);

    struct CustomerCount
    {
        CustomerType type = CustomerType::WalkIn;
        CustomerStatus status = CustomerStatus::Active;
        MembershipLevel level = MembershipLevel::Bronze;
        qint64 customers = 0;
    };
    Result<QList<CustomerCount>> customerCounts(const QString& companyId);

    struct FigureBand
    {
        int purchasesBand = 0; // purchases, capped at purchasesBandCap
        int creditSign = 0; // -1 owes, 0 none, 1 holds credit
        qint64 customers = 0;
        qint64 purchases = 0;
        qint64 spent = 0;
        qint64 credit = 0;
        qint64 points = 0;
        qint64 dated = 0; // with a last purchase
    };
    Result<QList<FigureBand>> figureBands(const QString& companyId);

    struct SlotTotals
    {
        qint64 newCustomers = 0;
        qint64 sales = 0;
        qint64 refunds = 0;
        qint64 revenue = 0;
    };
    // Totals of the slots in [fromMs, toMs); both on slot boundaries.
    Result<SlotTotals> slotTotals(const QString& companyId, qint64 fromMs, qint64 toMs);

    // Customers whose last purchase is at or after `fromMs`.
    Result<qint64> boughtSince(const QString& companyId, qint64 fromMs);
    Result<qint64> maxSpent(const QString& companyId);
    // The customers with the highest figure `by` above zero, highest first.
    Result<QList<RankedCustomer>> top(const QString& companyId, RankBy by, int limit);
    // The newest customers first.
    Result<QList<RankedCustomer>> recent(const QString& companyId, int limit);
    // Customers with at least `minPurchases`, most purchases first, from after the
    // cursor (purchases, customer id) of the previous page's last row.
    Result<QList<RankedCustomer>> repeat(
        const QString& companyId, qint64 minPurchases, int limit, std::optional<std::pair<qint64, QString>> after);

private:
    Database& m_db;
};

} // namespace kasir
