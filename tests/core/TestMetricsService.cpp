#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/MetricsService.h"
#include "core/services/ProductService.h"
#include "core/storage/MetricsRepository.h"
#include "tests/support/TestDatabase.h"

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
        return {};
    return q.value(0);
}

Payment cash(qint64 amount)
{
    return {PaymentMethod::Cash, amount};
}

// A shop with three products and two customers under the default rules (members from
// 1,000,000 spent, Silver from 2,000,000).
struct Shop
{
    test::TestDatabase t;
    Customer siti;
    Customer budi;

    Shop()
    {
        ProductService products(t.db(), t.admin());
        for (const auto& [sku, name, price] : {std::tuple {"KOPI", "Kopi Susu", 250'000},
                 {"ROTI", "Roti Bakar", 150'000}, {"TEH", "Teh Manis", 80'000}}) {
            ProductService::ProductInput in;
            in.sku = QString::fromLatin1(sku);
            in.name = QString::fromLatin1(name);
            in.price = price;
            if (!products.add(in))
                qFatal("cannot add product");
        }
        CustomerService customers(t.db(), t.admin());
        CustomerInput s;
        s.name = QStringLiteral("Siti Rahayu");
        s.phone = QStringLiteral("0812 3456 7890");
        s.type = QStringLiteral("member");
        siti = customers.create(s).value();
        CustomerInput b;
        b.name = QStringLiteral("Budi Santoso");
        b.phone = QStringLiteral("0813 1111 2222");
        budi = customers.create(b).value();
    }

    Sale sell(const QString& customer, QList<SaleRequest::Item> items, qint64 pay)
    {
        SaleRequest req;
        req.customer = customer;
        req.items = std::move(items);
        req.payments = {cash(pay)};
        auto s = CheckoutService(t.db(), t.cashier()).complete(req);
        if (!s)
            qFatal("sale failed: %s", qPrintable(s.error().describe()));
        return *s;
    }

    Sale walkIn(const QString& phone, QList<SaleRequest::Item> items, qint64 pay)
    {
        SaleRequest req;
        req.walkInPhone = phone;
        req.items = std::move(items);
        req.payments = {cash(pay)};
        auto s = CheckoutService(t.db(), t.cashier()).complete(req);
        if (!s)
            qFatal("walk-in sale failed: %s", qPrintable(s.error().describe()));
        return *s;
    }

    Sale refund(const QString& order)
    {
        auto r = CheckoutService(t.db(), t.manager()).refund(order, QStringLiteral("returned"));
        if (!r)
            qFatal("refund failed: %s", qPrintable(r.error().describe()));
        return *r;
    }

    CustomerMetrics cached(const QString& id) { return MetricsRepository(t.db()).cached(id).value(); }
    Customer customer(const QString& id) { return CustomerService(t.db(), t.admin()).get(id).value(); }
};

} // namespace

class TestMetricsService : public QObject
{
    Q_OBJECT

private slots:
    void repeatFrequencyThresholdsAreTheSameInCodeAndInSql()
    {
        test::TestDatabase t;
        for (qint64 n : {0, 1, 2, 4, 5, 9, 10, 11, 500}) {
            const QString inCode = RepeatFrequencies::toString(RepeatFrequencies::of(n));
            const QString inSql
                = scalar(t.db(), QStringLiteral("SELECT ") + RepeatFrequencies::sqlCase(QString::number(n))).toString();
            QCOMPARE(inSql, inCode);
            QCOMPARE(RepeatFrequencies::parse(inCode), RepeatFrequencies::of(n));
        }
        QCOMPARE(RepeatFrequencies::of(1), RepeatFrequency::OneTime);
        QCOMPARE(RepeatFrequencies::of(RepeatFrequencies::occasionalFrom), RepeatFrequency::Occasional);
        QCOMPARE(RepeatFrequencies::of(RepeatFrequencies::regularFrom), RepeatFrequency::Regular);
        QCOMPARE(RepeatFrequencies::of(RepeatFrequencies::frequentFrom), RepeatFrequency::Frequent);
        QCOMPARE(RepeatFrequencies::parse(u"sometimes"), std::nullopt);
    }

    void theReportAddsUpSalesRefundsMonthsAndProducts()
    {
        Shop shop;
        const qint64 start = shop.t.clock().nowMs(); // 2026-01-01
        // January: 2 KOPI + 1 ROTI (650,000, 5 % off for a Bronze member: 617,500).
        const Sale jan = shop.sell(shop.siti.code, {{QStringLiteral("KOPI"), 2}, {QStringLiteral("ROTI"), 1}}, 617'500);
        shop.t.clock().advance(40 * kDay); // February
        const Sale feb = shop.sell(shop.siti.code, {{QStringLiteral("TEH"), 5}}, 380'000);
        shop.t.clock().advance(1 * kDay);
        const Sale gone = shop.sell(shop.siti.code, {{QStringLiteral("ROTI"), 4}}, 570'000);
        shop.t.clock().advance(30 * kDay); // March: the last sale is refunded
        shop.refund(gone.orderNumber);
        shop.t.clock().advance(10 * kDay);

        auto report = MetricsService(shop.t.db(), shop.t.cashier()).report(shop.siti.code);
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().describe()));
        const CustomerMetrics& m = report->metrics;
        QCOMPARE(m.purchases, 2);
        QCOMPARE(m.totalSpent, jan.total + feb.total);
        QCOMPARE(m.totalItems, 8);
        QCOMPARE(m.firstPurchaseAt, start);
        QCOMPARE(m.lastPurchaseAt, feb.createdAt); // the refunded sale is no purchase
        QCOMPARE(m.averageOrderValue(), (jan.total + feb.total) / 2);
        QCOMPARE(m.lifetimeValue(), m.totalSpent);
        QVERIFY(m.isRepeatCustomer());
        QCOMPARE(m.repeatFrequency(), RepeatFrequency::Occasional);
        QCOMPARE(m.daysSinceLastPurchase(shop.t.clock().nowMs()).value(), 41);
        QCOMPARE(m.points, jan.pointsEarned + feb.pointsEarned);
        // Months as the facts fell: the refund counts in March, where it was made.
        QCOMPARE(report->months,
            (QList<MonthlySpending> {{QStringLiteral("2026-01"), 1, jan.total},
                {QStringLiteral("2026-02"), 2, feb.total + gone.total}, {QStringLiteral("2026-03"), -1, -gone.total}}));
        // Net of the refund: 5 TEH, 2 KOPI, 1 ROTI (4 ROTI came back).
        QCOMPARE(report->topProducts,
            (QList<ProductTotal> {{QStringLiteral("TEH"), QStringLiteral("Teh Manis"), 5, 400'000},
                {QStringLiteral("KOPI"), QStringLiteral("Kopi Susu"), 2, 500'000},
                {QStringLiteral("ROTI"), QStringLiteral("Roti Bakar"), 1, 150'000}}));

        const QJsonObject json = MetricsService::toJson(*report, shop.t.clock().nowMs());
        QCOMPARE(json.value(QStringLiteral("repeatFrequency")).toString(), QStringLiteral("occasional"));
        QCOMPARE(json.value(QStringLiteral("daysSinceLastPurchase")).toInteger(), 41);
        QCOMPARE(json.value(QStringLiteral("averageOrderValue")).toInteger(), m.averageOrderValue());
        QCOMPARE(json.value(QStringLiteral("monthlySpending")).toArray().size(), 3);

        // Someone who never bought: zeros, no dates, no months.
        auto none = MetricsService(shop.t.db(), shop.t.cashier()).report(shop.budi.code);
        QVERIFY(none.ok());
        QCOMPARE(none->metrics.purchases, 0);
        QCOMPARE(none->metrics.repeatFrequency(), RepeatFrequency::None);
        QCOMPARE(none->metrics.daysSinceLastPurchase(shop.t.clock().nowMs()), std::nullopt);
        QVERIFY(none->months.isEmpty());
        QVERIFY(none->topProducts.isEmpty());
        QVERIFY(!MetricsService::toJson(*none, 0).contains(QStringLiteral("lastPurchaseAt")));

        auto missing = MetricsService(shop.t.db(), shop.t.cashier()).report(QStringLiteral("C-999999"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }

    void rebuildMakesTheSameFiguresFromTheFactsAfterAnyMix()
    {
        Shop shop;
        LedgerService ledger(shop.t.db(), shop.t.manager());
        QRandomGenerator rng(7);
        QStringList orders;
        const QList<QString> customers {shop.siti.code, shop.budi.code};
        for (int i = 0; i < 60; ++i) {
            // Now and then the clock is set back a little, as after a correction.
            shop.t.clock().advance(rng.bounded(8) == 0 ? -rng.bounded(kDay) : rng.bounded(3 * kDay));
            const int what = rng.bounded(10);
            const QString who = customers.at(rng.bounded(2));
            if (what < 5) {
                const qint64 qty = 1 + rng.bounded(3);
                orders << shop.sell(who, {{QStringLiteral("TEH"), qty}}, qty * 80'000).orderNumber;
            } else if (what < 6) {
                orders << shop.walkIn(QStringLiteral("0857-0000-1111"), {{QStringLiteral("ROTI"), 1}}, 150'000)
                              .orderNumber;
            } else if (what < 7 && !orders.isEmpty()) {
                const QString order = orders.takeAt(rng.bounded(int(orders.size())));
                shop.refund(order);
            } else if (what < 8) {
                QVERIFY(ledger.adjustPoints(who, 1 + rng.bounded(20), QStringLiteral("goodwill")).ok());
            } else {
                QVERIFY(ledger
                            .addCredit(who, 10'000 + rng.bounded(50'000), CreditKind::Credit, QStringLiteral("top-up"),
                                QString())
                            .ok());
            }
        }
        // A customer registers with the walk-in phone and takes those sales over.
        CustomerInput in;
        in.name = QStringLiteral("Dewi Lestari");
        in.phone = QStringLiteral("+62 857 0000 1111");
        const Customer dewi = CustomerService(shop.t.db(), shop.t.cashier()).create(in).value();
        QVERIFY(CheckoutService(shop.t.db(), shop.t.cashier()).linkWalkInSales(dewi.code).ok());

        MetricsService service(shop.t.db(), shop.t.manager());
        auto agrees = service.check();
        QVERIFY2(agrees.ok(), qPrintable(agrees ? QString() : agrees.error().describe()));
        QVERIFY2(agrees->isEmpty(),
            qPrintable(agrees->isEmpty() ? QString() : agrees->first().customerId + agrees->first().field));

        QList<CustomerMetrics> before;
        for (const QString& id : {shop.siti.id, shop.budi.id, dewi.id})
            before << shop.cached(id);
        QVERIFY(before.at(0).purchases > 0 && before.at(1).purchases > 0);
        // Throw the cache away: the rebuild makes it again, figure for figure.
        QSqlQuery wipe(shop.t.db().connection());
        QVERIFY(wipe.exec(QStringLiteral("DELETE FROM customer_metrics")));
        QCOMPARE(shop.t.countRows(QStringLiteral("customer_metrics")), 0);
        auto rebuilt = service.rebuild();
        QVERIFY2(rebuilt.ok(), qPrintable(rebuilt ? QString() : rebuilt.error().describe()));
        QCOMPARE(rebuilt->customers, 3);
        QCOMPARE(rebuilt->sales, shop.t.countRows(QStringLiteral("sale")));
        QList<CustomerMetrics> after;
        for (const QString& id : {shop.siti.id, shop.budi.id, dewi.id})
            after << shop.cached(id);
        QCOMPARE(after, before);
        QVERIFY(service.check()->isEmpty());
    }

    void aClockSetBackMovesTheFirstPurchaseAsTheFactsDo()
    {
        Shop shop;
        const Sale later = shop.sell(shop.budi.code, {{QStringLiteral("TEH"), 1}}, 80'000);
        shop.t.clock().advance(-2 * kDay);
        const Sale earlier = shop.sell(shop.budi.code, {{QStringLiteral("TEH"), 2}}, 160'000);
        const CustomerMetrics m = shop.cached(shop.budi.id);
        QCOMPARE(m.firstPurchaseAt, earlier.createdAt);
        QCOMPARE(m.lastPurchaseAt, later.createdAt);
        QVERIFY(MetricsService(shop.t.db(), shop.t.admin()).check()->isEmpty());
    }

    void checkNamesEveryFigureThatDisagrees()
    {
        Shop shop;
        shop.sell(shop.siti.code, {{QStringLiteral("KOPI"), 1}}, 237'500);
        shop.sell(shop.budi.code, {{QStringLiteral("TEH"), 1}}, 80'000);
        MetricsService service(shop.t.db(), shop.t.admin());
        QVERIFY(service.check()->isEmpty());
        QSqlQuery q(shop.t.db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE customer_metrics SET total_spent = total_spent + 1, points = 99, "
                                      "last_purchase_at = NULL WHERE customer_id = '%1'")
                           .arg(shop.siti.id)));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM customer_metrics WHERE customer_id = '%1'").arg(shop.budi.id)));
        // A cached row for someone without a single fact.
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        const Customer ani = CustomerService(shop.t.db(), shop.t.admin()).create(in).value();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, purchases) "
                                      "VALUES ('%1', '%2', 3)")
                           .arg(ani.id, ani.companyId)));
        auto differences = service.check();
        QVERIFY(differences.ok());
        QList<MetricsDifference> expected {
            {shop.budi.id, QStringLiteral("purchases"), QStringLiteral("0"), QStringLiteral("1")},
            {shop.budi.id, QStringLiteral("totalSpent"), QStringLiteral("0"), QStringLiteral("80000")},
            {shop.budi.id, QStringLiteral("totalItems"), QStringLiteral("0"), QStringLiteral("1")},
            {shop.budi.id, QStringLiteral("firstPurchaseAt"), QString(), QString::number(shop.t.clock().nowMs())},
            {shop.budi.id, QStringLiteral("lastPurchaseAt"), QString(), QString::number(shop.t.clock().nowMs())},
            {shop.siti.id, QStringLiteral("totalSpent"), QStringLiteral("237501"), QStringLiteral("237500")},
            {shop.siti.id, QStringLiteral("lastPurchaseAt"), QString(), QString::number(shop.t.clock().nowMs())},
            {shop.siti.id, QStringLiteral("points"), QStringLiteral("99"), QStringLiteral("23")},
            {ani.id, QStringLiteral("purchases"), QStringLiteral("3"), QStringLiteral("0")},
        };
        std::stable_sort(expected.begin(), expected.end(),
            [](const MetricsDifference& a, const MetricsDifference& b) { return a.customerId < b.customerId; });
        QCOMPARE(*differences, expected);
        QCOMPARE(service.check(2)->size(), 2);
        QVERIFY(service.rebuild().ok());
        QVERIFY(service.check()->isEmpty());
        QCOMPARE(MetricsRepository(shop.t.db()).cached(shop.siti.id)->points, 23);
    }

    void onlyManagersRebuildOrCheck()
    {
        Shop shop;
        MetricsService cashier(shop.t.db(), shop.t.cashier());
        QCOMPARE(cashier.rebuild().error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.check().error().kind, Error::Kind::PermissionDenied);
        QVERIFY(MetricsService(shop.t.db(), shop.t.manager()).rebuild().ok());
        // Another company's figures are not touched by this one's rebuild.
        const Actor other = shop.t.addCompany(QStringLiteral("Toko Lain"));
        QVERIFY(MetricsService(shop.t.db(), other).check()->isEmpty());
    }

    void walkInSalesAreLinkedWhenTheCustomerRegisters()
    {
        Shop shop;
        const Sale a = shop.walkIn(QStringLiteral("0857-1234-5678"), {{QStringLiteral("KOPI"), 2}}, 500'000);
        shop.t.clock().advance(kDay);
        const Sale b = shop.walkIn(QStringLiteral("+62 857 1234 5678"), {{QStringLiteral("ROTI"), 1}}, 150'000);
        const Sale bBack = shop.refund(b.orderNumber);
        shop.t.clock().advance(kDay);
        const Sale c = shop.walkIn(QStringLiteral("085712345678"), {{QStringLiteral("KOPI"), 3}}, 750'000);
        const Sale other
            = shop.walkIn(QStringLiteral("0857 9999 0000"), {{QStringLiteral("TEH"), 1}}, 80'000); // someone else
        shop.walkIn(QString(), {{QStringLiteral("TEH"), 1}}, 80'000); // nobody noted

        CheckoutService counter(shop.t.db(), shop.t.cashier());
        auto offered = counter.walkInSales(QStringLiteral("0857 1234 5678"));
        QVERIFY(offered.ok());
        QCOMPARE(offered->size(), 4); // a, b, its refund, c
        QCOMPARE(offered->first().orderNumber, a.orderNumber);
        QCOMPARE(counter.walkInSales(QStringLiteral("12")).error().fields.value(0).field, QStringLiteral("phone"));

        auto dewi = counter.registerAtCounter(QStringLiteral("Dewi Lestari"), QStringLiteral("0857-1234-5678"));
        QVERIFY(dewi.ok());
        QCOMPARE(dewi->type, CustomerType::WalkIn);

        // Naming b links its refund with it; naming what is not theirs is refused, nothing linked.
        auto refused = counter.linkWalkInSales(dewi->code, {b.orderNumber, QStringLiteral("S01-T01-999999")});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().fields.value(0).field, QStringLiteral("orders[1]"));
        QCOMPARE(refused.error().fields.value(0).code, QStringLiteral("not_found"));
        QCOMPARE(shop.t.countRows(QStringLiteral("sale_link")), 0);
        auto someoneElses = counter.linkWalkInSales(dewi->code, {other.orderNumber.toLower()});
        QCOMPARE(someoneElses.error().fields.value(0).code, QStringLiteral("not_linkable"));

        auto first = counter.linkWalkInSales(dewi->code, {b.orderNumber});
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().describe()));
        QCOMPARE(first->sales.size(), 2);
        QCOMPARE(first->total, 0);
        QCOMPARE(shop.cached(dewi->id).purchases, 0);

        // The rest: 1,250,000 makes a walk-in a member (default rules), with tier history.
        auto rest = counter.linkWalkInSales(dewi->code);
        QVERIFY(rest.ok());
        QCOMPARE(rest->sales.size(), 2);
        QCOMPARE(rest->total, a.total + c.total);
        QCOMPARE(rest->customer.type, CustomerType::Member);
        const CustomerMetrics m = shop.cached(dewi->id);
        QCOMPARE(m.purchases, 2);
        QCOMPARE(m.totalSpent, 1'250'000);
        QCOMPARE(m.totalItems, 5);
        QCOMPARE(m.firstPurchaseAt, a.createdAt);
        QCOMPARE(m.lastPurchaseAt, c.createdAt);
        QCOMPARE(m.points, 0); // points are earned by members at the time of the sale
        QCOMPARE(
            scalar(shop.t.db(),
                QStringLiteral("SELECT to_type || ' ' || reason FROM tier_history WHERE customer_id = ?"), {dewi->id})
                .toString(),
            QStringLiteral("member walk-in sales linked: %1, %2").arg(a.orderNumber, c.orderNumber));
        QCOMPARE(
            scalar(shop.t.db(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'sale_link'")).toInt(),
            4);
        // Nothing is left to link; the sales themselves are unchanged.
        QVERIFY(counter.walkInSales(dewi->phone)->isEmpty());
        QCOMPARE(counter.linkWalkInSales(dewi->code)->sales.size(), 0);
        QCOMPARE(counter.sale(a.orderNumber)->customerId, QString());

        // The history shows them, newest first.
        auto history = counter.salesOf(dewi->code);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 4);
        QCOMPARE(history->first().orderNumber, c.orderNumber);
        QVERIFY(std::any_of(history->cbegin(), history->cend(), [&](const Sale& s) { return s.id == bBack.id; }));

        // A refund of a linked sale comes off the customer's figures.
        // c was the sale that made her a member; its refund takes that back as for her own sale.
        QCOMPARE(
            scalar(shop.t.db(), QStringLiteral("SELECT sale_id FROM tier_history WHERE customer_id = ?"), {dewi->id})
                .toString(),
            c.id);
        const Sale cBack = shop.refund(c.orderNumber);
        QCOMPARE(cBack.customerId, dewi->id);
        QCOMPARE(shop.customer(dewi->id).type, CustomerType::WalkIn);
        QCOMPARE(shop.cached(dewi->id).totalSpent, a.total);
        QCOMPARE(shop.cached(dewi->id).lastPurchaseAt, a.createdAt);
        QVERIFY(MetricsService(shop.t.db(), shop.t.admin()).check()->isEmpty());

        // Linked sales keep the customer from being deleted.
        auto removed = CustomerService(shop.t.db(), shop.t.admin()).remove(dewi->code);
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().kind, Error::Kind::Conflict);
        QVERIFY2(removed.error().message.contains(QStringLiteral("deactivate")), qPrintable(removed.error().message));
    }

    void aCustomerWithoutAPhoneHasNothingToLink()
    {
        Shop shop;
        CustomerInput in;
        in.name = QStringLiteral("Tanpa Telepon");
        const Customer c = CustomerService(shop.t.db(), shop.t.admin()).create(in).value();
        auto linked = CheckoutService(shop.t.db(), shop.t.cashier()).linkWalkInSales(c.code);
        QVERIFY(!linked.ok());
        QCOMPARE(linked.error().fields.value(0).field, QStringLiteral("customer"));
        QCOMPARE(linked.error().fields.value(0).code, QStringLiteral("no_phone"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsService)
#include "TestMetricsService.moc"
