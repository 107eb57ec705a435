#include "core/services/AnalyticsService.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/MetricsService.h"
#include "core/services/ProductService.h"
#include "core/services/RfmService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

constexpr qint64 kDay = 24LL * 60 * 60 * 1000;

QVariant scalar(Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        qFatal("%s failed", qPrintable(sql));
    return q.value(0);
}

qint64 count(Database& db, const QString& where, const QVariantList& binds = {})
{
    return scalar(db,
        QStringLiteral("SELECT count(*) FROM customer c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
                       "WHERE ")
            + where,
        binds)
        .toLongLong();
}

void addProducts(test::TestDatabase& t)
{
    ProductService products(t.db(), t.admin());
    for (const auto& [sku, price] : {std::pair {"KOPI", 250'000}, {"TEH", 80'000}}) {
        ProductService::ProductInput in;
        in.sku = QString::fromLatin1(sku);
        in.name = QString::fromLatin1(sku);
        in.price = price;
        if (!products.add(in))
            qFatal("cannot add product");
    }
}

Customer addCustomer(test::TestDatabase& t, const QString& name, const QString& type = QStringLiteral("walk-in"))
{
    CustomerInput in;
    in.name = name;
    in.type = type;
    auto c = CustomerService(t.db(), t.admin()).create(in);
    if (!c)
        qFatal("cannot add customer: %s", qPrintable(c.error().describe()));
    return *c;
}

Result<Sale> sell(test::TestDatabase& t, const QString& customer, qint64 teas)
{
    SaleRequest req;
    req.customer = customer;
    req.items = {{QStringLiteral("TEH"), teas}};
    // Whatever the discount, cash covers it (change is given).
    req.payments = {{PaymentMethod::Cash, teas * 80'000}};
    return CheckoutService(t.db(), t.cashier()).complete(req);
}

// The overview the slow way: straight from customer and customer_metrics.
AnalyticsOverview bruteForce(test::TestDatabase& t, int churnDays, qint64 monthStartMs)
{
    Database& db = t.db();
    const QString company = t.company().id;
    const qint64 now = t.clock().nowMs();
    AnalyticsOverview o;
    o.asOf = now;
    o.churnDays = churnDays;
    const auto n = [&](const QString& where, const QVariantList& more = {}) {
        return count(db, QStringLiteral("c.company_id = ? AND ") + where, QVariantList {company} + more);
    };
    o.totalCustomers = n(QStringLiteral("1"));
    o.activeCustomers = n(QStringLiteral("c.status = 'active'"));
    o.inactiveCustomers = n(QStringLiteral("c.status = 'inactive'"));
    o.blockedCustomers = n(QStringLiteral("c.status = 'blocked'"));
    o.walkInCustomers = n(QStringLiteral("c.type = 'walk-in'"));
    o.memberCustomers = n(QStringLiteral("c.type = 'member'"));
    o.vipCustomers = n(QStringLiteral("c.type = 'vip'"));
    o.wholesaleCustomers = n(QStringLiteral("c.type = 'wholesale'"));
    o.membershipActive = o.memberCustomers + o.vipCustomers;
    o.newThisMonth = n(QStringLiteral("c.created_at >= ?"), {monthStartMs});
    for (MembershipLevel level :
        {MembershipLevel::Bronze, MembershipLevel::Silver, MembershipLevel::Gold, MembershipLevel::Platinum})
        o.byLevel.append({level, n(QStringLiteral("c.level = ?"), {CustomerEnums::toString(level)})});
    const auto sum = [&](const QString& expr) {
        return scalar(db,
            QStringLiteral("SELECT coalesce(sum(%1), 0) FROM customer_metrics WHERE company_id = ?").arg(expr),
            {company})
            .toLongLong();
    };
    o.totalRevenue = sum(QStringLiteral("total_spent"));
    o.maxSpent = scalar(db,
        QStringLiteral("SELECT coalesce(max(total_spent), 0) FROM customer_metrics WHERE company_id = ? "
                       "AND total_spent > 0"),
        {company})
                     .toLongLong();
    const qint64 purchases = sum(QStringLiteral("purchases"));
    o.customersWithPurchases = n(QStringLiteral("m.purchases >= 1"));
    o.repeatCustomers = n(QStringLiteral("m.purchases >= 2"));
    for (RepeatFrequency f : {RepeatFrequency::None, RepeatFrequency::OneTime, RepeatFrequency::Occasional,
             RepeatFrequency::Regular, RepeatFrequency::Frequent})
        o.frequencies.append({f,
            n(RepeatFrequencies::sqlCase(QStringLiteral("coalesce(m.purchases, 0)")) + QStringLiteral(" = ?"),
                {RepeatFrequencies::toString(f)})});
    o.churned = n(QStringLiteral("m.last_purchase_at < ?"), {now - churnDays * kDay});
    o.customersWithDebt = n(QStringLiteral("m.credit < 0"));
    o.totalDebt = -sum(QStringLiteral("min(credit, 0)"));
    o.customersWithCredit = n(QStringLiteral("m.credit > 0"));
    o.totalCredit = sum(QStringLiteral("max(credit, 0)"));
    o.pointsOutstanding = sum(QStringLiteral("points"));
    if (o.totalCustomers > 0) {
        o.averageLifetimeValue = qRound64(double(o.totalRevenue) / double(o.totalCustomers));
        o.averagePurchases = double(purchases) / double(o.totalCustomers);
        o.repeatPercent = 100.0 * double(o.repeatCustomers) / double(o.totalCustomers);
    }
    return o;
}

void compareOverviews(const AnalyticsOverview& got, const AnalyticsOverview& want)
{
    QCOMPARE(got.totalCustomers, want.totalCustomers);
    QCOMPARE(got.activeCustomers, want.activeCustomers);
    QCOMPARE(got.inactiveCustomers, want.inactiveCustomers);
    QCOMPARE(got.blockedCustomers, want.blockedCustomers);
    QCOMPARE(got.walkInCustomers, want.walkInCustomers);
    QCOMPARE(got.memberCustomers, want.memberCustomers);
    QCOMPARE(got.vipCustomers, want.vipCustomers);
    QCOMPARE(got.wholesaleCustomers, want.wholesaleCustomers);
    QCOMPARE(got.membershipActive, want.membershipActive);
    QCOMPARE(got.newThisMonth, want.newThisMonth);
    QCOMPARE(got.byLevel, want.byLevel);
    QCOMPARE(got.totalRevenue, want.totalRevenue);
    QCOMPARE(got.averageLifetimeValue, want.averageLifetimeValue);
    QCOMPARE(got.averagePurchases, want.averagePurchases);
    QCOMPARE(got.maxSpent, want.maxSpent);
    QCOMPARE(got.customersWithPurchases, want.customersWithPurchases);
    QCOMPARE(got.repeatCustomers, want.repeatCustomers);
    QCOMPARE(got.repeatPercent, want.repeatPercent);
    QCOMPARE(got.frequencies, want.frequencies);
    QCOMPARE(got.churned, want.churned);
    QCOMPARE(got.customersWithDebt, want.customersWithDebt);
    QCOMPARE(got.totalDebt, want.totalDebt);
    QCOMPARE(got.customersWithCredit, want.customersWithCredit);
    QCOMPARE(got.totalCredit, want.totalCredit);
    QCOMPARE(got.pointsOutstanding, want.pointsOutstanding);
}

const QTimeZone kUtc(QByteArrayLiteral("UTC"));

qint64 utcMonthStart(qint64 nowMs)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
    return QDateTime(QDate(d.year(), d.month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TestAnalyticsService : public QObject
{
    Q_OBJECT

private slots:
    void theOverviewAgreesWithTheTablesAfterAnyMix()
    {
        test::TestDatabase t;
        addProducts(t);
        const Actor other = t.addCompany(QStringLiteral("Toko Sebelah"));
        CustomerInput stranger;
        stranger.name = QStringLiteral("Not Ours");
        QVERIFY(CustomerService(t.db(), other).create(stranger).ok());

        QRandomGenerator rng(11);
        QList<Customer> customers;
        QStringList orders;
        CustomerService admin(t.db(), t.admin());
        LedgerService ledger(t.db(), t.manager());
        const QStringList types {
            QStringLiteral("walk-in"), QStringLiteral("member"), QStringLiteral("vip"), QStringLiteral("wholesale")};
        for (int i = 0; i < 400; ++i) {
            t.clock().advance(rng.bounded(8) == 0 ? -rng.bounded(kDay) : rng.bounded(2 * kDay));
            const int what = rng.bounded(20);
            if (customers.size() < 3 || what < 4) {
                customers << addCustomer(t, QStringLiteral("Pelanggan %1").arg(i), types.at(rng.bounded(4)));
                continue;
            }
            const Customer& who = customers.at(rng.bounded(int(customers.size())));
            if (what < 10) {
                auto s = sell(t, who.id, 1 + rng.bounded(4));
                if (s)
                    orders << s->orderNumber;
            } else if (what < 11 && !orders.isEmpty()) {
                QVERIFY(CheckoutService(t.db(), t.manager())
                            .refund(orders.takeAt(rng.bounded(int(orders.size()))), QStringLiteral("returned"))
                            .ok());
            } else if (what < 13) {
                QVERIFY(
                    ledger.addCredit(who.id, 5'000 + rng.bounded(50'000), CreditKind::Credit, QStringLiteral("top-up"))
                        .ok());
            } else if (what < 14) {
                QVERIFY(ledger.setCreditLimit(who.id, 1'000'000).ok());
                ledger.debitCredit(who.id, 10'000 + rng.bounded(90'000), QStringLiteral("on account")).ok();
            } else if (what < 15) {
                QVERIFY(ledger.adjustPoints(who.id, 1 + rng.bounded(50), QStringLiteral("goodwill")).ok());
            } else if (what < 17) {
                CustomerInput change;
                change.type = types.at(rng.bounded(4));
                QVERIFY(admin.update(who.id, change).ok());
            } else if (what < 18) {
                QVERIFY((rng.bounded(2) ? admin.deactivate(who.id) : admin.reactivate(who.id)).ok());
            } else if (what < 19) {
                // Only a customer without history may go; the others are refused and stay.
                if (admin.remove(who.id).ok())
                    customers.removeIf([&](const Customer& c) { return c.id == who.id; });
            } else {
                CustomerInput change;
                change.status = QStringLiteral("blocked");
                QVERIFY(admin.update(who.id, change).ok());
            }
        }
        AnalyticsService service(t.db(), t.manager(), kUtc);
        for (int churn : {1, 30, 90, 365}) {
            auto got = service.overview(churn);
            QVERIFY2(got.ok(), qPrintable(got ? QString() : got.error().describe()));
            compareOverviews(*got, bruteForce(t, churn, utcMonthStart(t.clock().nowMs())));
        }
        auto o = service.overview();
        QVERIFY(o->customersWithPurchases > 10);
        QVERIFY(o->repeatCustomers > 0);
        QVERIFY(o->customersWithDebt > 0 && o->customersWithCredit > 0);
        QVERIFY(o->churned > 0);

        // The kept totals agree with the tables, and a rebuild makes the same ones.
        MetricsService metrics(t.db(), t.admin());
        QVERIFY(metrics.check()->isEmpty());
        QVERIFY(metrics.rebuild().ok());
        QVERIFY(metrics.check()->isEmpty());
        compareOverviews(*service.overview(), bruteForce(t, 90, utcMonthStart(t.clock().nowMs())));
    }

    void bulkLoadsAreCountedLikeSingleRegistrations()
    {
        test::TestDatabase t;
        CustomerService service(t.db(), t.admin());
        // A load as big as the file (indexes rebuilt, the totals counted per batch), then a
        // smaller one (row by row, the triggers count).
        for (const auto& [total, batch] : {std::pair {300, 70}, std::pair {120, 50}}) {
            int made = 0;
            const auto next = [&, total = total, batch = batch]() -> Result<QList<Customer>> {
                QList<Customer> out;
                while (made < total && out.size() < batch) {
                    Customer c;
                    c.name = QStringLiteral("Muat %1 %2").arg(total).arg(made);
                    c.type = made % 3 == 0 ? CustomerType::Vip : CustomerType::Member;
                    c.level = made % 5 == 0 ? MembershipLevel::Gold : MembershipLevel::Bronze;
                    c.status = made % 7 == 0 ? CustomerStatus::Blocked : CustomerStatus::Active;
                    out.append(c);
                    ++made;
                }
                return out;
            };
            auto loaded = service.createInBulk(total, next, {}, 1);
            QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().describe()));
            QCOMPARE(*loaded, total);
            t.clock().advance(kDay);
        }
        QCOMPARE(t.countRows(QStringLiteral("dashboard_pause")), 0);
        QVERIFY(MetricsService(t.db(), t.admin()).check()->isEmpty());
        compareOverviews(*AnalyticsService(t.db(), t.manager(), kUtc).overview(),
            bruteForce(t, 90, utcMonthStart(t.clock().nowMs())));
        QCOMPARE(AnalyticsService(t.db(), t.manager(), kUtc).overview()->vipCustomers, 100 + 40);
    }

    void checkFindsATotalThatWentWrongAndRebuildMendsIt()
    {
        test::TestDatabase t;
        addProducts(t);
        const Customer siti = addCustomer(t, QStringLiteral("Siti"), QStringLiteral("member"));
        QVERIFY(sell(t, siti.id, 2).ok());
        MetricsService metrics(t.db(), t.admin());
        QVERIFY(metrics.check()->isEmpty());
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE dashboard_figures SET spent = spent + 5")));
        QVERIFY(q.exec(QStringLiteral("UPDATE dashboard_customers SET customers = 7")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM dashboard_slots")));
        auto differences = metrics.check();
        QVERIFY(differences.ok());
        QStringList fields;
        for (const MetricsDifference& d : *differences)
            fields << d.field;
        QVERIFY2(
            fields.contains(QStringLiteral("dashboard.dashboard_figures[1/0].spent")), qPrintable(fields.join(u' ')));
        QVERIFY(fields.contains(QStringLiteral("dashboard.dashboard_customers[member/active/Bronze].customers")));
        QVERIFY(std::any_of(fields.cbegin(), fields.cend(),
            [](const QString& f) { return f.startsWith(QStringLiteral("dashboard.dashboard_slots[")); }));
        QVERIFY(metrics.rebuild().ok());
        QVERIFY(metrics.check()->isEmpty());
        QCOMPARE(AnalyticsService(t.db(), t.admin(), kUtc).overview()->totalCustomers, 1);
    }

    void monthsAreCalendarMonthsInTheShopsTimeZone()
    {
        test::TestDatabase t;
        addProducts(t);
        const QTimeZone jakarta(QByteArrayLiteral("Asia/Jakarta"));
        QVERIFY(jakarta.isValid());
        const auto at = [&](int y, int m, int d, int h, int min) {
            return QDateTime(QDate(y, m, d), QTime(h, min), jakarta).toMSecsSinceEpoch();
        };
        // 31 March 23:30 in Jakarta is 16:30 UTC the same day; 1 April 00:10 is still
        // 31 March in UTC. The shop counts them in March and April.
        t.clock().set(at(2026, 3, 31, 23, 30));
        const Customer march = addCustomer(t, QStringLiteral("Maret"));
        QVERIFY(sell(t, march.id, 1).ok());
        t.clock().set(at(2026, 4, 1, 0, 10));
        const Customer april = addCustomer(t, QStringLiteral("April"));
        QVERIFY(sell(t, april.id, 3).ok());
        const auto refunded = sell(t, april.id, 1);
        QVERIFY(refunded.ok());
        QVERIFY(CheckoutService(t.db(), t.manager()).refund(refunded->orderNumber, QStringLiteral("salah")).ok());
        t.clock().set(at(2026, 4, 15, 12, 0));

        auto months = AnalyticsService(t.db(), t.manager(), jakarta).months(3);
        QVERIFY2(months.ok(), qPrintable(months ? QString() : months.error().describe()));
        QCOMPARE(months->size(), 3);
        QCOMPARE(months->at(0), (MonthFigures {QDate(2026, 2, 1), 0, 0, 0, 0}));
        QCOMPARE(months->at(1).month, QDate(2026, 3, 1));
        QCOMPARE(months->at(1).newCustomers, 1);
        QCOMPARE(months->at(1).sales, 1);
        QCOMPARE(months->at(1).revenue, 80'000);
        QCOMPARE(months->at(2).month, QDate(2026, 4, 1));
        QCOMPARE(months->at(2).newCustomers, 1);
        QCOMPARE(months->at(2).sales, 2);
        QCOMPARE(months->at(2).refunds, 1);
        QCOMPARE(months->at(2).revenue, 3 * 80'000);
        QCOMPARE(AnalyticsService(t.db(), t.manager(), jakarta).overview()->newThisMonth, 1);

        // In UTC all of it happened on 31 March.
        auto utc = AnalyticsService(t.db(), t.manager(), kUtc).months(2);
        QCOMPARE(utc->at(0).sales, 3);
        QCOMPARE(utc->at(0).refunds, 1);
        QCOMPARE(utc->at(0).newCustomers, 2);
        QCOMPARE(utc->at(1), (MonthFigures {QDate(2026, 4, 1), 0, 0, 0, 0}));
        QCOMPARE(AnalyticsService(t.db(), t.manager(), kUtc).overview()->newThisMonth, 0);
    }

    void churnCountsBuyersWhoStayedAway()
    {
        test::TestDatabase t;
        addProducts(t);
        const Customer gone = addCustomer(t, QStringLiteral("Lama"));
        const Customer back = addCustomer(t, QStringLiteral("Baru"));
        addCustomer(t, QStringLiteral("Belum Beli"));
        QVERIFY(sell(t, gone.id, 1).ok());
        t.clock().advance(100 * kDay);
        QVERIFY(sell(t, back.id, 1).ok());
        t.clock().advance(kDay + 1);
        AnalyticsService service(t.db(), t.manager(), kUtc);
        QCOMPARE(service.overview(90)->churned, 1);
        QCOMPARE(service.overview(120)->churned, 0);
        QCOMPARE(service.overview(1)->churned, 2);
        QCOMPARE(service.overview()->frequencies.at(0), (FrequencyCount {RepeatFrequency::None, 1}));
    }

    void topRecentAndRepeatListsAreOrderedAndPaged()
    {
        test::TestDatabase t;
        addProducts(t);
        QList<Customer> people;
        for (int i = 0; i < 7; ++i) {
            people << addCustomer(t, QStringLiteral("Orang %1").arg(i));
            t.clock().advance(1000);
        }
        // Orang i buys i times, one tea each time, except Orang 6 who buys once, big.
        for (int i = 1; i < 6; ++i)
            for (int k = 0; k < i; ++k)
                QVERIFY(sell(t, people[i].id, 1).ok());
        QVERIFY(sell(t, people[6].id, 20).ok());
        LedgerService ledger(t.db(), t.manager());
        QVERIFY(ledger.addCredit(people[2].id, 70'000, CreditKind::Credit, QStringLiteral("top-up")).ok());
        QVERIFY(ledger.addCredit(people[0].id, 90'000, CreditKind::Credit, QStringLiteral("top-up")).ok());
        AnalyticsService service(t.db(), t.manager(), kUtc);

        const auto names = [](const QList<RankedCustomer>& rows) {
            QStringList out;
            for (const RankedCustomer& r : rows)
                out << r.name;
            return out;
        };
        QCOMPARE(names(*service.top(RankBy::Revenue, 3)),
            (QStringList {QStringLiteral("Orang 6"), QStringLiteral("Orang 5"), QStringLiteral("Orang 4")}));
        QCOMPARE(names(*service.top(RankBy::Sales, 2)),
            (QStringList {QStringLiteral("Orang 5"), QStringLiteral("Orang 4")}));
        // Only customers holding credit, most first.
        QCOMPARE(names(*service.top(RankBy::Balance, 10)),
            (QStringList {QStringLiteral("Orang 0"), QStringLiteral("Orang 2")}));
        QCOMPARE(service.top(RankBy::Revenue, 100)->size(), 6); // Orang 0 bought nothing
        QCOMPARE(names(*service.recent(2)), (QStringList {QStringLiteral("Orang 6"), QStringLiteral("Orang 5")}));
        // The dashboard carries the RFM segments once the company is ranked: six buyers
        // ranked, the seventh customer (no purchase) not.
        QVERIFY(RfmService(t.db(), t.manager()).recompute().ok());
        const auto dashboard = service.dashboard();
        QVERIFY(dashboard.ok());
        QCOMPARE(dashboard->segments.ranked, 6);
        QCOMPARE(dashboard->segments.notRanked, 1);
        qint64 inSegments = 0;
        for (const RfmService::SegmentCount& c : dashboard->segments.segments)
            inSegments += c.customers;
        QCOMPARE(inSegments, 6);
        const RankedCustomer top = service.top(RankBy::Revenue, 1)->constFirst();
        QCOMPARE(top.metrics.purchases, 1);
        QCOMPARE(top.metrics.totalSpent, 20 * 80'000);

        // Repeat customers with 2+ purchases in pages of 2: 5, 4, 3, 2 purchases.
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            auto page = service.repeatCustomers(2, 2, cursor);
            QVERIFY2(page.ok(), qPrintable(page ? QString() : page.error().describe()));
            seen << names(page->items);
            cursor = page->nextCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen,
            (QStringList {QStringLiteral("Orang 5"), QStringLiteral("Orang 4"), QStringLiteral("Orang 3"),
                QStringLiteral("Orang 2")}));
        QCOMPARE(pages, 2);
        QCOMPARE(service.repeatCustomers(5, 50)->items.size(), 1);
        QCOMPARE(service.repeatCustomers(6, 50)->items.size(), 0);
        for (const QString& bad : {QStringLiteral("nonsense"), QStringLiteral(":x"), QStringLiteral("-1:abc"),
                 QStringLiteral("3:"), QStringLiteral("'; DROP TABLE customer; --")}) {
            auto refused = service.repeatCustomers(2, 2, bad);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
            QCOMPARE(refused.error().field, QStringLiteral("after"));
        }
    }

    void onlyManagersAndAdministratorsSeeTheFigures()
    {
        test::TestDatabase t;
        addProducts(t);
        const Customer a = addCustomer(t, QStringLiteral("Satu"));
        QVERIFY(sell(t, a.id, 1).ok());
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        for (const Actor& actor : {t.admin(), t.manager()}) {
            AnalyticsService service(t.db(), actor, kUtc);
            QCOMPARE(service.overview()->totalCustomers, 1);
            QVERIFY(service.dashboard().ok());
        }
        AnalyticsService cashier(t.db(), t.cashier(), kUtc);
        for (Error::Kind kind : {cashier.overview().error().kind, cashier.top(RankBy::Revenue).error().kind,
                 cashier.recent().error().kind, cashier.months().error().kind, cashier.repeatCustomers().error().kind,
                 cashier.dashboard().error().kind})
            QCOMPARE(kind, Error::Kind::PermissionDenied);
        // Another company's administrator sees none of it.
        AnalyticsService theirs(t.db(), other, kUtc);
        QCOMPARE(theirs.overview()->totalCustomers, 0);
        QCOMPARE(theirs.overview()->totalRevenue, 0);
        QVERIFY(theirs.top(RankBy::Revenue)->isEmpty());
        QVERIFY(theirs.recent()->isEmpty());
        QCOMPARE(theirs.months(1)->constFirst().sales, 0);
    }

    void badArgumentsNameTheirField()
    {
        test::TestDatabase t;
        AnalyticsService service(t.db(), t.manager(), kUtc);
        QCOMPARE(service.overview(0).error().field, QStringLiteral("churnDays"));
        QCOMPARE(service.overview(AnalyticsService::maxChurnDays + 1).error().field, QStringLiteral("churnDays"));
        QCOMPARE(service.top(RankBy::Sales, 0).error().field, QStringLiteral("limit"));
        QCOMPARE(service.recent(AnalyticsService::maxListLimit + 1).error().field, QStringLiteral("limit"));
        QCOMPARE(service.months(0).error().field, QStringLiteral("months"));
        QCOMPARE(service.repeatCustomers(0).error().field, QStringLiteral("minPurchases"));
        QCOMPARE(service.dashboard(90, 0).error().field, QStringLiteral("limit"));
        // An empty company: zeros, no division by zero.
        auto empty = service.overview();
        QVERIFY(empty.ok());
        QCOMPARE(empty->totalCustomers, 0);
        QCOMPARE(empty->averageLifetimeValue, 0);
        QCOMPARE(empty->averagePurchases, 0.0);
        QCOMPARE(empty->repeatPercent, 0.0);
        QCOMPARE(service.dashboard()->months.size(), AnalyticsService::defaultMonths);
        QCOMPARE(service.dashboard()->segments.ranked, 0);
        QVERIFY(!service.dashboard()->segments.computedAt);
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsService)
#include "TestAnalyticsService.moc"
