#include "core/services/MetricsService.h"

#include "core/domain/Clock.h"
#include "core/services/CustomerService.h"
#include "core/storage/DashboardRepository.h"
#include "core/storage/Database.h"
#include "core/storage/MetricsRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>

namespace kasir {

namespace {
constexpr int kMonths = 12;
constexpr int kTopProducts = 5;
} // namespace

MetricsService::MetricsService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<MetricsService::Report> MetricsService::report(const QString& idOrCode)
{
    // CustomerService::get checks that the actor may read customers of this company.
    auto customer = CustomerService(m_db, m_actor).get(idOrCode);
    if (!customer)
        return customer.error();
    MetricsRepository repo(m_db);
    // The figures, the months and the products from one snapshot of the file.
    const ReadSnapshot snapshot(m_db);
    Report out;
    auto metrics = repo.cached(customer->id);
    if (!metrics)
        return metrics.error();
    out.metrics = *metrics;
    // The first day of the month eleven months back: twelve calendar months with this one.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_db.clock().nowMs(), Qt::UTC).date();
    const QDate since = QDate(today.year(), today.month(), 1).addMonths(-(kMonths - 1));
    auto months = repo.monthly(customer->id, QDateTime(since, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    if (!months)
        return months.error();
    out.months = *months;
    auto top = repo.topProducts(customer->id, kTopProducts);
    if (!top)
        return top.error();
    out.topProducts = *top;
    return out;
}

Result<MetricsService::RebuildResult> MetricsService::rebuild()
{
    if (Status s = m_actor.require(Permission::Maintenance, tr("rebuild customer figures")); !s)
        return s.error();
    QElapsedTimer timer;
    timer.start();
    // The figures are derived, not facts: no audit row or sync op, but one transaction, so
    // that a failed or killed rebuild leaves the cache as it was.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    // The dashboard's running totals count customer_metrics row by row: they step aside
    // while it is replaced and are made again after it, from it.
    DashboardRepository dashboard(m_db);
    if (Status s = dashboard.pause(uow, m_actor.companyId); !s)
        return s.error();
    auto counts = MetricsRepository(m_db).rebuild(uow, m_actor.companyId);
    if (!counts)
        return counts.error();
    if (Status s = dashboard.refill(uow, m_actor.companyId); !s)
        return s.error();
    if (Status s = dashboard.resume(uow, m_actor.companyId); !s)
        return s.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return RebuildResult {counts->customers, counts->sales, timer.elapsed()};
}

Result<QList<MetricsDifference>> MetricsService::check(int limit)
{
    if (Status s = m_actor.require(Permission::Maintenance, tr("check customer figures")); !s)
        return s.error();
    limit = std::max(1, limit);
    auto differences = MetricsRepository(m_db).differences(m_actor.companyId, limit);
    if (!differences || differences->size() >= limit)
        return differences;
    auto dashboard = DashboardRepository(m_db).differences(m_actor.companyId, limit - int(differences->size()));
    if (!dashboard)
        return dashboard.error();
    return *differences + *dashboard;
}

QJsonObject MetricsService::toJson(const Report& r, qint64 nowMs)
{
    const CustomerMetrics& m = r.metrics;
    QJsonObject o {{QStringLiteral("customerId"), m.customerId}, {QStringLiteral("purchases"), m.purchases},
        {QStringLiteral("totalSpent"), m.totalSpent}, {QStringLiteral("totalItems"), m.totalItems},
        {QStringLiteral("averageOrderValue"), m.averageOrderValue()},
        {QStringLiteral("lifetimeValue"), m.lifetimeValue()}, {QStringLiteral("repeatCustomer"), m.isRepeatCustomer()},
        {QStringLiteral("repeatFrequency"), RepeatFrequencies::toString(m.repeatFrequency())},
        {QStringLiteral("points"), m.points}, {QStringLiteral("credit"), m.credit}};
    if (m.firstPurchaseAt)
        o.insert(QStringLiteral("firstPurchaseAt"), isoUtc(*m.firstPurchaseAt));
    if (m.lastPurchaseAt)
        o.insert(QStringLiteral("lastPurchaseAt"), isoUtc(*m.lastPurchaseAt));
    if (auto days = m.daysSinceLastPurchase(nowMs))
        o.insert(QStringLiteral("daysSinceLastPurchase"), *days);
    QJsonArray months;
    for (const MonthlySpending& s : r.months)
        months.append(QJsonObject {{QStringLiteral("month"), s.month}, {QStringLiteral("purchases"), s.purchases},
            {QStringLiteral("spent"), s.spent}});
    o.insert(QStringLiteral("monthlySpending"), months);
    QJsonArray top;
    for (const ProductTotal& p : r.topProducts)
        top.append(QJsonObject {{QStringLiteral("sku"), p.sku}, {QStringLiteral("name"), p.name},
            {QStringLiteral("quantity"), p.quantity}, {QStringLiteral("amount"), p.amount}});
    o.insert(QStringLiteral("topProducts"), top);
    return o;
}

} // namespace kasir
