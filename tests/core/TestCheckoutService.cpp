#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/ProductService.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

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

// A shop with three products and a member, a walk-in customer and the default rules.
struct Shop
{
    test::TestDatabase t;
    Customer member;
    Customer regular;

    Shop()
    {
        ProductService products(t.db(), t.admin());
        for (const auto& [sku, name, price] :
            {std::tuple {"KOPI", "Kopi Susu", 25'000}, {"ROTI", "Roti Bakar", 15'000}, {"TEH", "Teh Manis", 8'000}}) {
            ProductService::ProductInput in;
            in.sku = QString::fromLatin1(sku);
            in.name = QString::fromLatin1(name);
            in.price = price;
            if (!products.add(in))
                qFatal("cannot add product");
        }
        CustomerService customers(t.db(), t.admin());
        CustomerInput m;
        m.name = QStringLiteral("Siti Rahayu");
        m.phone = QStringLiteral("0812 3456 7890");
        m.type = QStringLiteral("member");
        member = customers.create(m).value();
        CustomerInput r;
        r.name = QStringLiteral("Budi Santoso");
        r.phone = QStringLiteral("0813 1111 2222");
        regular = customers.create(r).value();
    }

    Result<Sale> sell(const Actor& who, const QString& customer, QList<SaleRequest::Item> items,
        QList<Payment> payments, const QString& override = {})
    {
        SaleRequest req;
        req.customer = customer;
        req.items = std::move(items);
        req.payments = std::move(payments);
        req.creditLimitOverride = override;
        return CheckoutService(t.db(), who).complete(req);
    }

    Balances balances(const QString& id) { return LedgerRepository(t.db()).balances(id).value(); }
    Balances fromEntries(const QString& id) { return LedgerRepository(t.db()).balancesFromEntries(id).value(); }

    QVariantList metrics(const QString& id)
    {
        QSqlQuery q(t.db().connection());
        q.prepare(QStringLiteral("SELECT purchases, total_spent, total_items, first_purchase_at, last_purchase_at, "
                                 "points, credit FROM customer_metrics WHERE customer_id = ?"));
        q.addBindValue(id);
        QVariantList out;
        if (q.exec() && q.next()) {
            for (int i = 0; i < 7; ++i)
                out << q.value(i);
        }
        return out;
    }
};

Payment cash(qint64 amount)
{
    return {PaymentMethod::Cash, amount};
}

} // namespace

class TestCheckoutService : public QObject
{
    Q_OBJECT

private slots:
    void aMemberBuysWithTheirDiscountAndEarnsPoints()
    {
        Shop shop;
        // 2 x 25,000 + 15,000 = 65,000; Bronze members get 5 %: 3,250 off, 61,750 to pay.
        auto sale = shop.sell(shop.t.cashier(), shop.member.code,
            {{QStringLiteral("kopi"), 2}, {QStringLiteral("ROTI"), 1}}, {cash(100'000)});
        QVERIFY2(sale.ok(), qPrintable(sale ? QString() : sale.error().describe()));
        QCOMPARE(sale->subtotal, 65'000);
        QCOMPARE(sale->discountBp, 500);
        QCOMPARE(sale->discount, 3'250);
        QCOMPARE(sale->total, 61'750);
        QCOMPARE(sale->items, 3);
        QCOMPARE(sale->lines.size(), 2);
        // Cash is kept net of the 38,250 change; 1 point per 10,000 paid in money.
        QCOMPARE(sale->payments, (QList<Payment> {cash(61'750)}));
        QCOMPARE(sale->pointsEarned, 6);
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z0-9]+-[A-Z0-9]+-000001$")).match(sale->orderNumber).hasMatch(),
            qPrintable(sale->orderNumber));
        QCOMPARE(sale->customerName, QStringLiteral("Siti Rahayu"));
        QCOMPARE(sale->customerPhone, QStringLiteral("+6281234567890"));
        QCOMPARE(shop.balances(shop.member.id).points, 6);
        QCOMPARE(shop.metrics(shop.member.id).mid(0, 3), (QVariantList {1, 61'750, 3}));
        // What was stored reads back the same.
        auto again = CheckoutService(shop.t.db(), shop.t.manager()).sale(sale->orderNumber);
        QVERIFY(again.ok());
        QCOMPARE(*again, *sale);
        // The sale, its points entry: each with an audit row and an op.
        QCOMPARE(scalar(shop.t.db(),
                     QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity IN ('sale', "
                                    "'points_entry') AND entity_id IN (SELECT id FROM sale UNION "
                                    "SELECT id FROM points_entry)"))
                     .toInt(),
            2);
        QCOMPARE(scalar(shop.t.db(),
                     QStringLiteral("SELECT json_extract(changes, '$.total[1]') FROM audit_log "
                                    "WHERE entity = 'sale'"))
                     .toLongLong(),
            61'750);
        // The next order number follows.
        auto next = shop.sell(shop.t.cashier(), {}, {{QStringLiteral("TEH"), 1}}, {cash(8'000)});
        QVERIFY2(next.ok(), qPrintable(next ? QString() : next.error().describe()));
        QVERIFY(next->orderNumber.endsWith(QStringLiteral("-000002")));
    }

    void aWalkInBuysAnonymouslyWithANotedPhone()
    {
        Shop shop;
        SaleRequest req;
        req.walkInName = QStringLiteral("  Ibu Ani ");
        req.walkInPhone = QStringLiteral("0857-1234-5678");
        req.items = {{QStringLiteral("TEH"), 3}};
        req.payments = {{PaymentMethod::MobileMoney, 24'000}};
        auto sale = CheckoutService(shop.t.db(), shop.t.cashier()).complete(req);
        QVERIFY2(sale.ok(), qPrintable(sale ? QString() : sale.error().describe()));
        QVERIFY(sale->customerId.isEmpty());
        QCOMPARE(sale->customerName, QStringLiteral("Ibu Ani"));
        QCOMPARE(sale->customerPhone, QStringLiteral("+6285712345678"));
        QCOMPARE(sale->discount, 0);
        QCOMPARE(sale->pointsEarned, 0);
        QCOMPARE(shop.t.countRows(QStringLiteral("points_entry")), 0);
        QCOMPARE(shop.t.countRows(QStringLiteral("customer_metrics")), 0);

        req.walkInPhone = QStringLiteral("12");
        auto bad = CheckoutService(shop.t.db(), shop.t.cashier()).complete(req);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("walkInPhone"));
        // A walk-in cannot pay with points or store credit.
        req.walkInPhone.clear();
        req.payments = {{PaymentMethod::StoreCredit, 24'000}};
        bad = CheckoutService(shop.t.db(), shop.t.cashier()).complete(req);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("payments[0].method"));
    }

    void badSalesAreRefusedWithEveryProblemNamed()
    {
        Shop shop;
        auto sale = shop.sell(shop.t.cashier(), {},
            {{QStringLiteral("NOPE"), 1}, {QStringLiteral("KOPI"), 0}, {QStringLiteral("'; DROP TABLE sale; --"), 1}},
            {cash(-5)});
        QVERIFY(!sale.ok());
        QCOMPARE(sale.error().kind, Error::Kind::Invalid);
        QStringList fields;
        for (const FieldError& f : sale.error().fields)
            fields << f.field;
        QCOMPARE(fields,
            (QStringList {QStringLiteral("items[0].sku"), QStringLiteral("items[1].quantity"),
                QStringLiteral("items[2].sku"), QStringLiteral("payments[0].amount")}));
        QVERIFY(shop.sell(shop.t.cashier(), {}, {}, {cash(1)}).error().field == u"items");
        // Short, and overpaid by card.
        auto shortPaid = shop.sell(shop.t.cashier(), {}, {{QStringLiteral("KOPI"), 1}}, {cash(20'000)});
        QCOMPARE(shortPaid.error().fields.value(0).code, QStringLiteral("short"));
        auto overCard = shop.sell(shop.t.cashier(), {}, {{QStringLiteral("KOPI"), 1}}, {{PaymentMethod::Card, 30'000}});
        QCOMPARE(overCard.error().fields.value(0).code, QStringLiteral("overpaid"));
        // Quantities that would overflow.
        auto huge = shop.sell(shop.t.cashier(), {}, {{QStringLiteral("KOPI"), 999'999'999'999}}, {cash(1)});
        QCOMPARE(huge.error().fields.value(0).field, QStringLiteral("items[0].quantity"));
        QCOMPARE(shop.t.countRows(QStringLiteral("sale")), 0);
        // A deactivated product is no longer sold.
        ProductService::ProductInput off;
        off.active = false;
        QVERIFY(ProductService(shop.t.db(), shop.t.admin()).update(QStringLiteral("TEH"), off).ok());
        auto gone = shop.sell(shop.t.cashier(), {}, {{QStringLiteral("TEH"), 1}}, {cash(8'000)});
        QCOMPARE(gone.error().fields.value(0).field, QStringLiteral("items[0].sku"));
    }

    void pointsPayInMultiplesOfTheirValueAndEarnNothing()
    {
        Shop shop;
        QVERIFY(LedgerService(shop.t.db(), shop.t.manager())
                    .adjustPoints(shop.member.code, 300, QStringLiteral("welcome"))
                    .ok());
        // 25,000 - 5 % = 23,750: 200 points (20,000) and 3,750 cash; points only on the cash.
        auto sale = shop.sell(shop.t.cashier(), shop.member.id, {{QStringLiteral("KOPI"), 1}},
            {{PaymentMethod::Points, 20'000}, cash(3'750)});
        QVERIFY2(sale.ok(), qPrintable(sale ? QString() : sale.error().describe()));
        QCOMPARE(sale->pointsRedeemed, 200);
        QCOMPARE(sale->pointsEarned, 0);
        QCOMPARE(shop.balances(shop.member.id).points, 100);
        auto odd = shop.sell(shop.t.cashier(), shop.member.id, {{QStringLiteral("TEH"), 1}},
            {{PaymentMethod::Points, 150}, cash(7'450)});
        QCOMPARE(odd.error().fields.value(0).code, QStringLiteral("points_value"));
        auto tooMany = shop.sell(shop.t.cashier(), shop.member.id, {{QStringLiteral("KOPI"), 1}},
            {{PaymentMethod::Points, 20'000}, cash(3'750)});
        QCOMPARE(tooMany.error().fields.value(0).code, QStringLiteral("not_enough_points"));
        QCOMPARE(shop.fromEntries(shop.member.id), shop.balances(shop.member.id));
    }

    void storeCreditStopsAtTheLimitUnlessAManagerAllowsIt()
    {
        Shop shop;
        LedgerService ledger(shop.t.db(), shop.t.manager());
        QVERIFY(ledger.addCredit(shop.regular.code, 10'000, CreditKind::Credit, QStringLiteral("top-up")).ok());
        QVERIFY(ledger.setCreditLimit(shop.regular.code, 20'000).ok());
        // Not a member: no discount. 25,000 from 10,000 credit: 15,000 debt, within 20,000.
        auto sale = shop.sell(
            shop.t.cashier(), shop.regular.code, {{QStringLiteral("KOPI"), 1}}, {{PaymentMethod::StoreCredit, 25'000}});
        QVERIFY2(sale.ok(), qPrintable(sale ? QString() : sale.error().describe()));
        QCOMPARE(shop.balances(shop.regular.id).credit, -15'000);
        // Another 15,000 would be 30,000 debt.
        auto past = shop.sell(
            shop.t.cashier(), shop.regular.code, {{QStringLiteral("ROTI"), 1}}, {{PaymentMethod::StoreCredit, 15'000}});
        QVERIFY(!past.ok());
        QCOMPARE(past.error().fields.value(0).code, QStringLiteral("credit_limit"));
        // A cashier cannot allow it; a manager can, with a reason that is kept.
        auto cashierOverride = shop.sell(shop.t.cashier(), shop.regular.code, {{QStringLiteral("ROTI"), 1}},
            {{PaymentMethod::StoreCredit, 15'000}}, QStringLiteral("pelanggan lama"));
        QCOMPARE(cashierOverride.error().kind, Error::Kind::PermissionDenied);
        auto allowed = shop.sell(shop.t.manager(), shop.regular.code, {{QStringLiteral("ROTI"), 1}},
            {{PaymentMethod::StoreCredit, 15'000}}, QStringLiteral("pelanggan lama"));
        QVERIFY2(allowed.ok(), qPrintable(allowed ? QString() : allowed.error().describe()));
        QCOMPARE(shop.balances(shop.regular.id).credit, -30'000);
        QCOMPARE(scalar(shop.t.db(), QStringLiteral("SELECT limit_override FROM credit_entry WHERE sale_id = ?"),
                     {allowed->id})
                     .toString(),
            QStringLiteral("pelanggan lama"));
        QVERIFY(scalar(shop.t.db(),
            QStringLiteral("SELECT changes FROM audit_log WHERE entity = 'credit_entry' AND entity_id = "
                           "(SELECT id FROM credit_entry WHERE sale_id = ?)"),
            {allowed->id})
                    .toString()
                    .contains(QStringLiteral("pelanggan lama")));
        QCOMPARE(shop.fromEntries(shop.regular.id), shop.balances(shop.regular.id));
    }

    void aRefundRestoresPointsCreditAndFiguresExactly()
    {
        Shop shop;
        LedgerService ledger(shop.t.db(), shop.t.manager());
        QVERIFY(ledger.adjustPoints(shop.member.code, 500, QStringLiteral("start")).ok());
        QVERIFY(ledger.addCredit(shop.member.code, 50'000, CreditKind::Credit, QStringLiteral("top-up")).ok());
        auto first = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("ROTI"), 2}}, {cash(28'500)});
        QVERIFY(first.ok());
        const QVariantList before = shop.metrics(shop.member.id);
        const Balances balancesBefore = shop.balances(shop.member.id);
        // 3 x 25,000 = 75,000 - 5 % = 71,250: 10,000 by points, 30,000 credit, 31,250 card.
        auto sale = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("KOPI"), 3}},
            {{PaymentMethod::Points, 10'000}, {PaymentMethod::StoreCredit, 30'000}, {PaymentMethod::Card, 31'250}});
        QVERIFY2(sale.ok(), qPrintable(sale ? QString() : sale.error().describe()));
        QCOMPARE(sale->pointsEarned, 3);
        QVERIFY(shop.balances(shop.member.id) != balancesBefore);

        // A cashier may not refund.
        QCOMPARE(CheckoutService(shop.t.db(), shop.t.cashier())
                     .refund(sale->orderNumber, QStringLiteral("rusak"))
                     .error()
                     .kind,
            Error::Kind::PermissionDenied);
        CheckoutService manager(shop.t.db(), shop.t.manager());
        QCOMPARE(manager.refund(sale->orderNumber, QStringLiteral("  ")).error().field, QStringLiteral("reason"));
        auto refund = manager.refund(sale->orderNumber.toLower(), QStringLiteral("barang rusak"));
        QVERIFY2(refund.ok(), qPrintable(refund ? QString() : refund.error().describe()));
        QVERIFY(refund->refund);
        QCOMPARE(refund->reverses, sale->id);
        QCOMPARE(refund->total, -71'250);
        QCOMPARE(shop.balances(shop.member.id), balancesBefore);
        QCOMPARE(shop.metrics(shop.member.id), before);
        QCOMPARE(shop.fromEntries(shop.member.id), shop.balances(shop.member.id));
        // Once only; a refund is not refunded.
        QCOMPARE(
            manager.refund(sale->orderNumber, QStringLiteral("lagi")).error().code, QStringLiteral("already_refunded"));
        QCOMPARE(manager.refund(refund->orderNumber, QStringLiteral("lagi")).error().fields.value(0).code,
            QStringLiteral("is_refund"));
        QCOMPARE(
            manager.refund(QStringLiteral("X-Y-999999"), QStringLiteral("lagi")).error().kind, Error::Kind::NotFound);
    }

    void aRefundTakesBackPointsAlreadySpent()
    {
        // 4 x 25,000 - 5 % = 95,000 in cash earns 9 points; 900 of them pay for a tea;
        // refunding the first sale takes back all 9: the customer owes 9 points.
        Shop shop;
        auto big = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("KOPI"), 4}}, {cash(95'000)});
        QVERIFY(big.ok());
        QCOMPARE(big->pointsEarned, 9);
        QVERIFY(shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("TEH"), 1}},
                        {{PaymentMethod::Points, 900}, cash(6'700)})
                    .ok());
        QCOMPARE(shop.balances(shop.member.id).points, 0);
        QVERIFY(CheckoutService(shop.t.db(), shop.t.manager()).refund(big->orderNumber, QStringLiteral("retur")).ok());
        QCOMPARE(shop.balances(shop.member.id).points, -9);
        QCOMPARE(shop.fromEntries(shop.member.id).points, -9);
        // Points cannot pay while the balance is below 0; a manager can bring it up, not down.
        auto owed = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("TEH"), 1}},
            {{PaymentMethod::Points, 100}, cash(7'500)});
        QCOMPARE(owed.error().fields.value(0).code, QStringLiteral("not_enough_points"));
        LedgerService ledger(shop.t.db(), shop.t.manager());
        QCOMPARE(ledger.adjustPoints(shop.member.code, -1, QStringLiteral("x")).error().fields.value(0).code,
            QStringLiteral("insufficient_points"));
        QVERIFY(ledger.adjustPoints(shop.member.code, 4, QStringLiteral("goodwill")).ok());
        QCOMPARE(shop.balances(shop.member.id).points, -5);
    }

    void balancesAreTheSumOfTheirEntriesAfterAnyMix()
    {
        // Sales paid with cash, store credit and points, refunds, adjustments and top-ups in
        // a seeded random order, against a model the test keeps itself.
        Shop shop;
        LedgerService ledger(shop.t.db(), shop.t.admin());
        QVERIFY(ledger.setCreditLimit(shop.member.code, 1'000'000).ok());
        struct Sold
        {
            QString order;
            qint64 total, credit, redeemed, earned;
        };
        QList<Sold> sold;
        qint64 points = 0;
        qint64 credit = 0;
        qint64 spent = 0;
        QRandomGenerator rng(20261121);
        for (int i = 0; i < 80; ++i) {
            const int what = rng.bounded(5);
            if (what == 0) {
                const qint64 n = rng.bounded(1, 50);
                QVERIFY(ledger.adjustPoints(shop.member.code, n, QStringLiteral("bonus")).ok());
                points += n;
            } else if (what == 1) {
                const qint64 n = rng.bounded(1, 40'000);
                QVERIFY(ledger.addCredit(shop.member.code, n, CreditKind::Credit, QStringLiteral("top-up")).ok());
                credit += n;
            } else if (what == 2 && !sold.isEmpty()) {
                const Sold s = sold.takeAt(rng.bounded(sold.size()));
                QVERIFY(CheckoutService(shop.t.db(), shop.t.admin()).refund(s.order, QStringLiteral("retur")).ok());
                points += s.redeemed - s.earned;
                credit += s.credit;
                spent -= s.total;
            } else {
                // 8,000 x n - 5 % (Bronze member), paid partly with points and store credit.
                const qint64 n = rng.bounded(1, 5);
                const qint64 total = 8'000 * n * 95 / 100;
                const qint64 redeemed
                    = points > 0 && rng.bounded(0, 2) ? rng.bounded(qint64(0), std::min(points, total / 100) + 1) : 0;
                const qint64 onCredit
                    = rng.bounded(0, 2) ? std::min<qint64>(total - redeemed * 100, rng.bounded(1, 20'000)) : 0;
                const qint64 inCash = total - redeemed * 100 - onCredit;
                QList<Payment> pay;
                if (redeemed > 0)
                    pay << Payment {PaymentMethod::Points, redeemed * 100};
                if (onCredit > 0)
                    pay << Payment {PaymentMethod::StoreCredit, onCredit};
                if (inCash > 0)
                    pay << cash(inCash);
                auto s = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("TEH"), n}}, pay);
                QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().describe()));
                const qint64 earned = inCash / 10'000;
                QCOMPARE(s->pointsEarned, earned);
                QCOMPARE(s->pointsRedeemed, redeemed);
                sold.append({s->orderNumber, total, onCredit, redeemed, earned});
                points += earned - redeemed;
                credit -= onCredit;
                spent += total;
            }
            QCOMPARE(shop.balances(shop.member.id), (Balances {points, credit}));
            QCOMPARE(shop.fromEntries(shop.member.id), (Balances {points, credit}));
        }
        const QVariantList figures = shop.metrics(shop.member.id);
        QCOMPARE(figures.value(0).toLongLong(), sold.size());
        QCOMPARE(figures.value(1).toLongLong(), spent);
    }

    void tiersFollowTotalSpentAndDropOnlyWhenAllowed()
    {
        Shop shop;
        // Rules with small thresholds; a walk-in becomes a member at 30,000.
        MembershipRules rules;
        rules.silverFrom = 50'000;
        rules.goldFrom = 100'000;
        rules.platinumFrom = 200'000;
        rules.memberFrom = 30'000;
        {
            UnitOfWork uow(shop.t.db(), shop.t.admin());
            QVERIFY(uow.begin().ok());
            QVERIFY(MembershipRepository(shop.t.db()).saveRules(uow, shop.t.company().id, rules).ok());
            QVERIFY(uow.commit().ok());
        }
        auto customer = [&] { return CustomerService(shop.t.db(), shop.t.admin()).get(shop.regular.id).value(); };
        // 25,000: still a walk-in, Bronze, no discount.
        auto first = shop.sell(shop.t.cashier(), shop.regular.id, {{QStringLiteral("KOPI"), 1}}, {cash(25'000)});
        QVERIFY(first.ok());
        QCOMPARE(customer().type, CustomerType::WalkIn);
        // 50,000 spent in all: a member (at 30,000) and Silver (at 50,000), in one step.
        auto second = shop.sell(shop.t.cashier(), shop.regular.id, {{QStringLiteral("KOPI"), 1}}, {cash(25'000)});
        QVERIFY(second.ok());
        QCOMPARE(customer().type, CustomerType::Member);
        QCOMPARE(customer().level, MembershipLevel::Silver);
        QCOMPARE(scalar(shop.t.db(),
                     QStringLiteral("SELECT from_level || '>' || to_level || ' ' || from_type || '>' || "
                                    "to_type FROM tier_history WHERE customer_id = ?"),
                     {shop.regular.id})
                     .toString(),
            QStringLiteral("Bronze>Silver walk-in>member"));
        QCOMPARE(scalar(shop.t.db(),
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer' AND "
                                    "action = 'tier' AND entity_id = ?"),
                     {shop.regular.id})
                     .toInt(),
            1);
        // Refunded: the step up that sale gave is taken back (25,000 spent: Bronze, a walk-in
        // again), with its own tier history and audit.
        CheckoutService manager(shop.t.db(), shop.t.admin());
        QVERIFY(manager.refund(second->orderNumber, QStringLiteral("retur")).ok());
        QCOMPARE(customer().level, MembershipLevel::Bronze);
        QCOMPARE(customer().type, CustomerType::WalkIn);
        QCOMPARE(scalar(shop.t.db(), QStringLiteral("SELECT count(*) FROM tier_history WHERE customer_id = ?"),
                     {shop.regular.id})
                     .toInt(),
            2);
        // Bought again: a Silver member once more.
        QVERIFY(shop.sell(shop.t.cashier(), shop.regular.id, {{QStringLiteral("KOPI"), 1}}, {cash(25'000)}).ok());
        QCOMPARE(customer().level, MembershipLevel::Silver);
        // Silver: 10 % off 8,000.
        auto fourth = shop.sell(shop.t.cashier(), shop.regular.id, {{QStringLiteral("TEH"), 1}}, {cash(7'200)});
        QVERIFY(fourth.ok());
        // Refunding a sale that gave no step: 32,200 spent, below Silver, but tiers do not
        // drop by default.
        QVERIFY(manager.refund(first->orderNumber, QStringLiteral("retur")).ok());
        QCOMPARE(customer().level, MembershipLevel::Silver);
        // When tiers can drop, the next change of figures brings it down; membership stays.
        rules.tiersCanDrop = true;
        {
            UnitOfWork uow(shop.t.db(), shop.t.admin());
            QVERIFY(uow.begin().ok());
            QVERIFY(MembershipRepository(shop.t.db()).saveRules(uow, shop.t.company().id, rules).ok());
            QVERIFY(uow.commit().ok());
        }
        QVERIFY(manager.refund(fourth->orderNumber, QStringLiteral("retur")).ok());
        QCOMPARE(customer().level, MembershipLevel::Bronze);
        QCOMPARE(customer().type, CustomerType::Member);
    }

    void aFailureMidSaleLeavesNothing()
    {
        Shop shop;
        QVERIFY(
            LedgerService(shop.t.db(), shop.t.manager()).adjustPoints(shop.member.code, 10, QStringLiteral("x")).ok());
        const qint64 audit = shop.t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = shop.t.countRows(QStringLiteral("sync_outbox"));
        const QVariantList figures = shop.metrics(shop.member.id);
        QSqlQuery trigger(shop.t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_points BEFORE INSERT ON points_entry "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        auto sale = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("KOPI"), 1}}, {cash(23'750)});
        QVERIFY(!sale.ok());
        QCOMPARE(shop.t.countRows(QStringLiteral("sale")), 0);
        QCOMPARE(shop.t.countRows(QStringLiteral("sale_line")), 0);
        QCOMPARE(shop.t.countRows(QStringLiteral("sale_payment")), 0);
        QCOMPARE(shop.t.countRows(QStringLiteral("audit_log")), audit);
        QCOMPARE(shop.t.countRows(QStringLiteral("sync_outbox")), ops);
        QCOMPARE(shop.metrics(shop.member.id), figures);
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_points")));
        // The order number was not used up either.
        auto ok = shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("KOPI"), 1}}, {cash(23'750)});
        QVERIFY(ok.ok());
        QVERIFY(ok->orderNumber.endsWith(QStringLiteral("-000001")));
    }

    void aCustomerWithSalesCannotBeDeletedOnlyDeactivated()
    {
        Shop shop;
        QVERIFY(shop.sell(shop.t.cashier(), shop.member.code, {{QStringLiteral("TEH"), 1}}, {cash(8'000)}).ok());
        CustomerService customers(shop.t.db(), shop.t.admin());
        auto removed = customers.remove(shop.member.code);
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().kind, Error::Kind::Conflict);
        QCOMPARE(removed.error().code, QStringLiteral("has_history"));
        QVERIFY2(removed.error().message.contains(QStringLiteral("deactivate the customer instead")),
            qPrintable(removed.error().message));
        QVERIFY2(removed.error().message.contains(QStringLiteral("sale")), qPrintable(removed.error().message));
        QVERIFY(customers.get(shop.member.code).ok());
        QVERIFY(customers.deactivate(shop.member.code).ok());
        // Someone who never bought anything may go.
        QVERIFY(customers.remove(shop.regular.code).ok());
        QCOMPARE(customers.get(shop.regular.code).error().kind, Error::Kind::NotFound);
    }

    void theCounterFindsAndRegistersCustomers()
    {
        Shop shop;
        CheckoutService counter(shop.t.db(), shop.t.cashier());
        auto byLast = counter.lookup(QStringLiteral("7890"));
        QVERIFY(byLast.ok());
        QCOMPARE(byLast->size(), 1);
        QCOMPARE(byLast->first().id, shop.member.id);
        auto byWhole = counter.lookup(QStringLiteral("+62 812-3456-7890"));
        QVERIFY(byWhole.ok());
        QCOMPARE(byWhole->value(0).id, shop.member.id);
        QCOMPARE(counter.lookup(QStringLiteral("78")).error().field, QStringLiteral("phone"));
        QVERIFY(counter.lookup(QStringLiteral("0000")).value().isEmpty());
        QCOMPARE(counter.registerAtCounter(QStringLiteral("Dewi"), QString()).error().field, QStringLiteral("phone"));
        auto dewi = counter.registerAtCounter(QStringLiteral("Dewi Lestari"), QStringLiteral("0821 5555 6666"));
        QVERIFY2(dewi.ok(), qPrintable(dewi ? QString() : dewi.error().describe()));
        QCOMPARE(counter.lookup(QStringLiteral("6666"))->value(0).id, dewi->id);
        // Someone with sales cannot be deleted: the message says to deactivate.
        QVERIFY(shop.sell(shop.t.cashier(), dewi->id, {{QStringLiteral("TEH"), 1}}, {cash(8'000)}).ok());
        const Status removed = CustomerService(shop.t.db(), shop.t.admin()).remove(dewi->id);
        QVERIFY(!removed.ok());
        QVERIFY(removed.error().message.contains(QStringLiteral("deactivate")));
    }
};

QTEST_GUILESS_MAIN(TestCheckoutService)
#include "TestCheckoutService.moc"
