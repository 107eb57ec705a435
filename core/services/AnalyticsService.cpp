#include "core/services/AnalyticsService.h"

#include "core/domain/Clock.h"
#include "core/storage/DashboardRepository.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QJsonArray>

#include <limits>

namespace kasir {

namespace {

constexpr qint64 kDayMs = 86'400'000;

Status checkRange(qint64 value, qint64 low, qint64 high, const QString& field)
{
    if (value >= low && value <= high)
        return Done {};
    return Error::invalidField(field, QStringLiteral("out_of_range"),
        AnalyticsService::tr("%1 must be between %2 and %3").arg(field).arg(low).arg(high));
}

QString encodeCursor(const RankedCustomer& last)
{
    return QString::number(last.metrics.purchases) + u':' + last.id;
}

std::optional<std::pair<qint64, QString>> decodeCursor(const QString& cursor)
{
    const qsizetype colon = cursor.indexOf(u':');
    if (colon <= 0 || colon == cursor.size() - 1)
        return std::nullopt;
    bool ok = false;
    const qint64 purchases = cursor.left(colon).toLongLong(&ok);
    if (!ok || purchases < 0)
        return std::nullopt;
    return std::pair {purchases, cursor.mid(colon + 1)};
}

} // namespace

AnalyticsService::AnalyticsService(Database& db, Actor actor, QTimeZone zone)
    : m_db(db), m_actor(std::move(actor)), m_zone(zone.isValid() ? std::move(zone) : QTimeZone::systemTimeZone())
{ }

Status AnalyticsService::require() const
{
    return m_actor.require(Permission::AnalyticsRead, tr("see the company's customer figures"));
}

QDate AnalyticsService::firstOfMonth(int monthsBack) const
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_db.clock().nowMs(), m_zone).date();
    return QDate(today.year(), today.month(), 1).addMonths(-monthsBack);
}

qint64 AnalyticsService::monthStart(int monthsBack) const
{
    return firstOfMonth(monthsBack).startOfDay(m_zone).toMSecsSinceEpoch();
}

Result<AnalyticsOverview> AnalyticsService::overview(int churnDays)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(churnDays, 1, maxChurnDays, QStringLiteral("churnDays")); !s)
        return s.error();
    const ReadSnapshot snapshot(m_db);
    return readOverview(churnDays);
}

Result<AnalyticsOverview> AnalyticsService::readOverview(int churnDays)
{
    DashboardRepository repo(m_db);
    AnalyticsOverview o;
    o.asOf = m_db.clock().nowMs();
    o.churnDays = churnDays;

    auto counts = repo.customerCounts(m_actor.companyId);
    if (!counts)
        return counts.error();
    qint64 byLevel[4] = {};
    for (const DashboardRepository::CustomerCount& c : std::as_const(*counts)) {
        o.totalCustomers += c.customers;
        switch (c.status) {
        case CustomerStatus::Active:
            o.activeCustomers += c.customers;
            break;
        case CustomerStatus::Inactive:
            o.inactiveCustomers += c.customers;
            break;
        case CustomerStatus::Blocked:
            o.blockedCustomers += c.customers;
            break;
        }
        switch (c.type) {
        case CustomerType::WalkIn:
            o.walkInCustomers += c.customers;
            break;
        case CustomerType::Member:
            o.memberCustomers += c.customers;
            break;
        case CustomerType::Vip:
            o.vipCustomers += c.customers;
            break;
        case CustomerType::Wholesale:
            o.wholesaleCustomers += c.customers;
            break;
        }
        byLevel[static_cast<int>(c.level)] += c.customers;
    }
    o.membershipActive = o.memberCustomers + o.vipCustomers;
    for (int i = 0; i < 4; ++i)
        o.byLevel.append(LevelCount {static_cast<MembershipLevel>(i), byLevel[i]});

    auto bands = repo.figureBands(m_actor.companyId);
    if (!bands)
        return bands.error();
    qint64 byFrequency[5] = {};
    qint64 purchases = 0;
    qint64 dated = 0;
    for (const DashboardRepository::FigureBand& b : std::as_const(*bands)) {
        if (b.purchasesBand >= 1) {
            o.customersWithPurchases += b.customers;
            byFrequency[static_cast<int>(RepeatFrequencies::of(b.purchasesBand))] += b.customers;
        }
        if (b.purchasesBand >= 2)
            o.repeatCustomers += b.customers;
        if (b.creditSign < 0) {
            o.customersWithDebt += b.customers;
            o.totalDebt -= b.credit;
        } else if (b.creditSign > 0) {
            o.customersWithCredit += b.customers;
            o.totalCredit += b.credit;
        }
        o.totalRevenue += b.spent;
        o.pointsOutstanding += b.points;
        purchases += b.purchases;
        dated += b.dated;
    }
    // Customers without a purchase include those with no figures at all.
    byFrequency[static_cast<int>(RepeatFrequency::None)] = o.totalCustomers - o.customersWithPurchases;
    for (int i = 0; i < 5; ++i)
        o.frequencies.append(FrequencyCount {static_cast<RepeatFrequency>(i), byFrequency[i]});
    if (o.totalCustomers > 0) {
        // Rounded to the nearest minor unit, halves away from zero.
        const qint64 half = o.totalCustomers / 2;
        o.averageLifetimeValue
            = (o.totalRevenue >= 0 ? o.totalRevenue + half : o.totalRevenue - half) / o.totalCustomers;
        o.averagePurchases = double(purchases) / double(o.totalCustomers);
        o.repeatPercent = 100.0 * double(o.repeatCustomers) / double(o.totalCustomers);
    }

    auto max = repo.maxSpent(m_actor.companyId);
    if (!max)
        return max.error();
    o.maxSpent = *max;
    auto recentBuyers = repo.boughtSince(m_actor.companyId, o.asOf - churnDays * kDayMs);
    if (!recentBuyers)
        return recentBuyers.error();
    o.churned = dated - *recentBuyers;
    auto fresh = repo.slotTotals(m_actor.companyId, monthStart(0), std::numeric_limits<qint64>::max());
    if (!fresh)
        return fresh.error();
    o.newThisMonth = fresh->newCustomers;
    return o;
}

Result<QList<RankedCustomer>> AnalyticsService::top(RankBy by, int limit)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(limit, 1, maxListLimit, QStringLiteral("limit")); !s)
        return s.error();
    return DashboardRepository(m_db).top(m_actor.companyId, by, limit);
}

Result<QList<RankedCustomer>> AnalyticsService::recent(int limit)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(limit, 1, maxListLimit, QStringLiteral("limit")); !s)
        return s.error();
    return DashboardRepository(m_db).recent(m_actor.companyId, limit);
}

Result<QList<MonthFigures>> AnalyticsService::months(int months)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(months, 1, maxMonths, QStringLiteral("months")); !s)
        return s.error();
    return readMonths(months);
}

Result<QList<MonthFigures>> AnalyticsService::readMonths(int months)
{
    DashboardRepository repo(m_db);
    QList<MonthFigures> out;
    for (int back = months - 1; back >= 0; --back) {
        const qint64 from = monthStart(back);
        auto totals = repo.slotTotals(m_actor.companyId, from, monthStart(back - 1));
        if (!totals)
            return totals.error();
        MonthFigures m;
        m.month = firstOfMonth(back);
        m.newCustomers = totals->newCustomers;
        m.sales = totals->sales;
        m.refunds = totals->refunds;
        m.revenue = totals->revenue;
        out.append(m);
    }
    return out;
}

Result<RepeatPage> AnalyticsService::repeatCustomers(qint64 minPurchases, int limit, const QString& after)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(minPurchases, 1, std::numeric_limits<qint64>::max(), QStringLiteral("minPurchases")); !s)
        return s.error();
    if (Status s = checkRange(limit, 1, maxListLimit, QStringLiteral("limit")); !s)
        return s.error();
    std::optional<std::pair<qint64, QString>> cursor;
    if (!after.isEmpty()) {
        cursor = decodeCursor(after);
        if (!cursor)
            return Error::invalidField(
                QStringLiteral("after"), QStringLiteral("invalid"), tr("after is not a cursor from a previous page"));
    }
    // One more than asked tells whether another page follows.
    auto rows = DashboardRepository(m_db).repeat(m_actor.companyId, minPurchases, limit + 1, cursor);
    if (!rows)
        return rows.error();
    RepeatPage page;
    page.items = std::move(*rows);
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextCursor = encodeCursor(page.items.constLast());
    }
    return page;
}

Result<AnalyticsService::Dashboard> AnalyticsService::dashboard(int churnDays, int listLimit)
{
    if (Status s = require(); !s)
        return s.error();
    if (Status s = checkRange(churnDays, 1, maxChurnDays, QStringLiteral("churnDays")); !s)
        return s.error();
    if (Status s = checkRange(listLimit, 1, maxListLimit, QStringLiteral("limit")); !s)
        return s.error();
    const ReadSnapshot snapshot(m_db);
    Dashboard d;
    auto overview = readOverview(churnDays);
    if (!overview)
        return overview.error();
    d.overview = std::move(*overview);
    DashboardRepository repo(m_db);
    for (auto [by, list] : {std::pair {RankBy::Revenue, &d.topByRevenue}, std::pair {RankBy::Sales, &d.topBySales},
             std::pair {RankBy::Balance, &d.topByBalance}}) {
        auto rows = repo.top(m_actor.companyId, by, listLimit);
        if (!rows)
            return rows.error();
        *list = std::move(*rows);
    }
    auto recentRows = repo.recent(m_actor.companyId, listLimit);
    if (!recentRows)
        return recentRows.error();
    d.recent = std::move(*recentRows);
    auto monthRows = readMonths(defaultMonths);
    if (!monthRows)
        return monthRows.error();
    d.months = std::move(*monthRows);
    auto segments = RfmService(m_db, m_actor).segmentCounts();
    if (!segments)
        return segments.error();
    d.segments = std::move(*segments);
    d.segments.notRanked = std::max<qint64>(0, d.overview.totalCustomers - d.segments.ranked);
    return d;
}

QJsonObject AnalyticsService::toJson(const AnalyticsOverview& o)
{
    QJsonArray levels;
    for (const LevelCount& l : o.byLevel)
        levels.append(QJsonObject {
            {QStringLiteral("level"), CustomerEnums::toString(l.level)}, {QStringLiteral("count"), l.customers}});
    QJsonObject frequencies;
    for (const FrequencyCount& f : o.frequencies)
        frequencies.insert(RepeatFrequencies::toString(f.frequency), f.customers);
    return QJsonObject {
        {QStringLiteral("asOf"), isoUtc(o.asOf)},
        {QStringLiteral("totalCustomers"), o.totalCustomers},
        {QStringLiteral("activeCustomers"), o.activeCustomers},
        {QStringLiteral("inactiveCustomers"), o.inactiveCustomers},
        {QStringLiteral("blockedCustomers"), o.blockedCustomers},
        {QStringLiteral("walkInCustomers"), o.walkInCustomers},
        {QStringLiteral("memberCustomers"), o.memberCustomers},
        {QStringLiteral("vipCustomers"), o.vipCustomers},
        {QStringLiteral("wholesaleCustomers"), o.wholesaleCustomers},
        {QStringLiteral("membershipActive"), o.membershipActive},
        {QStringLiteral("newCustomersThisMonth"), o.newThisMonth},
        {QStringLiteral("customersByLevel"), levels},
        {QStringLiteral("totalRevenue"), o.totalRevenue},
        {QStringLiteral("avgLifetimeValue"), o.averageLifetimeValue},
        {QStringLiteral("avgPurchases"), o.averagePurchases},
        {QStringLiteral("maxSpent"), o.maxSpent},
        {QStringLiteral("customersWithPurchases"), o.customersWithPurchases},
        {QStringLiteral("repeatCustomers"), o.repeatCustomers},
        {QStringLiteral("repeatCustomerPercent"), o.repeatPercent},
        {QStringLiteral("frequencyDistribution"), frequencies},
        {QStringLiteral("churnDays"), o.churnDays},
        {QStringLiteral("churnedCustomers"), o.churned},
        {QStringLiteral("customersWithDebt"), o.customersWithDebt},
        {QStringLiteral("totalDebt"), o.totalDebt},
        {QStringLiteral("customersWithCredit"), o.customersWithCredit},
        {QStringLiteral("totalCredit"), o.totalCredit},
        {QStringLiteral("pointsOutstanding"), o.pointsOutstanding},
    };
}

QJsonObject AnalyticsService::toJson(const RankedCustomer& c)
{
    QJsonObject o {{QStringLiteral("id"), c.id}, {QStringLiteral("code"), c.code}, {QStringLiteral("name"), c.name},
        {QStringLiteral("type"), CustomerEnums::toString(c.type)},
        {QStringLiteral("status"), CustomerEnums::toString(c.status)},
        {QStringLiteral("level"), CustomerEnums::toString(c.level)}, {QStringLiteral("createdAt"), isoUtc(c.createdAt)},
        {QStringLiteral("totalPurchases"), c.metrics.purchases}, {QStringLiteral("totalSpent"), c.metrics.totalSpent},
        {QStringLiteral("points"), c.metrics.points}, {QStringLiteral("credit"), c.metrics.credit},
        {QStringLiteral("repeatFrequency"), RepeatFrequencies::toString(c.metrics.repeatFrequency())}};
    if (c.metrics.lastPurchaseAt)
        o.insert(QStringLiteral("lastPurchaseAt"), isoUtc(*c.metrics.lastPurchaseAt));
    return o;
}

QJsonObject AnalyticsService::toJson(const MonthFigures& m)
{
    return QJsonObject {{QStringLiteral("month"), m.month.toString(QStringLiteral("yyyy-MM"))},
        {QStringLiteral("newCustomers"), m.newCustomers}, {QStringLiteral("sales"), m.sales},
        {QStringLiteral("refunds"), m.refunds}, {QStringLiteral("revenue"), m.revenue}};
}

QJsonObject AnalyticsService::toJson(const Dashboard& d)
{
    const auto list = [](const QList<RankedCustomer>& rows) {
        QJsonArray a;
        for (const RankedCustomer& r : rows)
            a.append(toJson(r));
        return a;
    };
    QJsonArray months;
    for (const MonthFigures& m : d.months)
        months.append(toJson(m));
    return QJsonObject {{QStringLiteral("overview"), toJson(d.overview)},
        {QStringLiteral("topByRevenue"), list(d.topByRevenue)}, {QStringLiteral("topBySales"), list(d.topBySales)},
        {QStringLiteral("topByBalance"), list(d.topByBalance)}, {QStringLiteral("recentCustomers"), list(d.recent)},
        {QStringLiteral("months"), months}, {QStringLiteral("segments"), RfmService::toJson(d.segments)}};
}

} // namespace kasir
