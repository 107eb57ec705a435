#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/MembershipService.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace kasir;

namespace {

QStringList fieldsOf(const Error& e)
{
    QStringList out;
    for (const FieldError& f : e.fields)
        out << f.field + u':' + f.code;
    return out;
}

QString lastRow(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toString();
}

// The rules with every field moved off its default, still consistent.
MembershipRules custom()
{
    MembershipRules r;
    r.silverFrom = 1'500'000;
    r.goldFrom = 6'000'000;
    r.platinumFrom = 12'000'000;
    r.bronzeDiscountBp = 0;
    r.silverDiscountBp = 750;
    r.goldDiscountBp = 1250;
    r.platinumDiscountBp = 2500;
    r.spendPerPoint = 5'000;
    r.pointValue = 50;
    r.memberFrom = 0;
    r.tiersCanDrop = true;
    r.pointsExpireDays = 365;
    return r;
}

// Only what a rule decides, not who changed it when.
bool sameRules(MembershipRules a, MembershipRules b)
{
    a.updatedAt = b.updatedAt = 0;
    a.updatedBy.clear();
    b.updatedBy.clear();
    return a == b;
}

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

// Customers who have bought under the default rules (one item is 100,000; walk-ins and
// wholesale buyers pay full price, members 5 % less at Bronze), each placed by their sales:
//   ani    walk-in     600,000   Bronze
//   fajar  walk-in     300,000   Bronze
//   budi   member    2,850,000   Silver
//   citra  member    5,700,000   Gold
//   dewi   member            0   Bronze (never bought: no figures at all)
//   eko    wholesale 11,000,000  Platinum
struct Buyers
{
    test::TestDatabase t;
    Customer ani, fajar, budi, citra, dewi, eko;

    Buyers()
    {
        ProductService::ProductInput item;
        item.sku = QStringLiteral("ITEM");
        item.name = QStringLiteral("Barang");
        item.price = 100'000;
        if (!ProductService(t.db(), t.admin()).add(item))
            qFatal("cannot add the product");
        ani = buyer(QStringLiteral("Ani Lestari"), QStringLiteral("walk-in"), 6);
        fajar = buyer(QStringLiteral("Fajar Nugroho"), QStringLiteral("walk-in"), 3);
        budi = buyer(QStringLiteral("Budi Santoso"), QStringLiteral("member"), 30);
        citra = buyer(QStringLiteral("Citra Dewi"), QStringLiteral("member"), 60);
        dewi = buyer(QStringLiteral("Dewi Sartika"), QStringLiteral("member"), 0);
        eko = buyer(QStringLiteral("Eko Prasetyo"), QStringLiteral("wholesale"), 110);
    }

    Customer buyer(const QString& name, const QString& type, qint64 items)
    {
        CustomerInput in;
        in.name = name;
        in.type = type;
        auto c = CustomerService(t.db(), t.admin()).create(in);
        if (!c)
            qFatal("cannot register %s: %s", qPrintable(name), qPrintable(c.error().describe()));
        if (items > 0) {
            SaleRequest sale;
            sale.customer = c->id;
            sale.items = {{QStringLiteral("ITEM"), items}};
            sale.payments = {{PaymentMethod::Cash, items * 100'000}};
            if (auto done = CheckoutService(t.db(), t.cashier()).complete(sale); !done)
                qFatal("cannot sell to %s: %s", qPrintable(name), qPrintable(done.error().describe()));
        }
        return get(c->id);
    }

    Customer get(const QString& id) { return CustomerService(t.db(), t.admin()).get(id).value(); }
    QString tier(const Customer& c)
    {
        const Customer now = get(c.id);
        return CustomerEnums::toString(now.level) + u'/' + CustomerEnums::toString(now.type);
    }
    qint64 spent(const Customer& c)
    {
        return scalar(t.db(),
            QStringLiteral("SELECT coalesce((SELECT total_spent FROM customer_metrics WHERE "
                           "customer_id = ?), 0)"),
            {c.id})
            .toLongLong();
    }
    QStringList tiers()
    {
        QStringList out;
        for (const Customer* c : {&ani, &fajar, &budi, &citra, &dewi, &eko})
            out << tier(*c);
        return out;
    }
    // The rule changes' lines of tier history: "name: from -> to", oldest first.
    QStringList ruleMoves()
    {
        QSqlQuery q(t.db().connection());
        q.prepare(QStringLiteral("SELECT c.name, h.from_level, h.from_type, h.to_level, h.to_type, h.sale_id, "
                                 "h.created_by FROM tier_history h JOIN customer c ON c.id = h.customer_id "
                                 "WHERE h.reason = 'membership rules changed' ORDER BY h.created_at, h.rowid"));
        QStringList out;
        if (!q.exec())
            return {QStringLiteral("query failed")};
        while (q.next()) {
            out << QStringLiteral("%1: %2/%3 -> %4/%5")
                       .arg(q.value(0).toString().section(u' ', 0, 0), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString(), q.value(4).toString());
            if (!q.value(5).isNull() || q.value(6).toString().isEmpty())
                out << QStringLiteral("(with a sale or without who)");
        }
        return out;
    }
    // Every row a rule change may write.
    QList<qint64> footprint()
    {
        QList<qint64> out;
        for (const char* table : {"membership_rules", "tier_history", "audit_log", "sync_outbox"})
            out << t.countRows(QString::fromLatin1(table));
        return out;
    }
};

MembershipRules thresholds(qint64 silver, qint64 gold, qint64 platinum, bool canDrop = false)
{
    MembershipRules r = MembershipRules::defaults();
    r.silverFrom = silver;
    r.goldFrom = gold;
    r.platinumFrom = platinum;
    r.tiersCanDrop = canDrop;
    return r;
}

} // namespace

class TestMembershipService : public QObject
{
    Q_OBJECT

private slots:
    void theDefaultsApplyUntilSomeoneChangesThem()
    {
        test::TestDatabase t;
        MembershipService s(t.db(), t.cashier());
        auto r = s.rules();
        QVERIFY(r.ok());
        QCOMPARE(r->silverFrom, 2'000'000);
        QCOMPARE(r->goldFrom, 5'000'000);
        QCOMPARE(r->platinumFrom, 10'000'000);
        QCOMPARE(r->bronzeDiscountBp, 500);
        QCOMPARE(r->silverDiscountBp, 1000);
        QCOMPARE(r->goldDiscountBp, 1500);
        QCOMPARE(r->platinumDiscountBp, 2000);
        QCOMPARE(r->spendPerPoint, 10'000);
        QCOMPARE(r->pointsFor(10'000), 1);
        QVERIFY(!r->tiersCanDrop);
        QCOMPARE(r->pointsExpireDays, 0);
        QCOMPARE(r->updatedAt, 0);
        QVERIFY(r->updatedBy.isEmpty());
        QVERIFY(r->problems().isEmpty());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
    }

    void aSalesDiscountFollowsOneRule()
    {
        // Their own discount wins; members (and VIPs) get their level's; nobody else any.
        const MembershipRules rules = MembershipRules::defaults();
        Customer c;
        c.type = CustomerType::WalkIn;
        c.level = MembershipLevel::Gold;
        QCOMPARE(rules.discountBpFor(c), 0);
        c.type = CustomerType::Member;
        QCOMPARE(rules.discountBpFor(c), 1500);
        c.type = CustomerType::Vip;
        c.level = MembershipLevel::Platinum;
        QCOMPARE(rules.discountBpFor(c), 2000);
        c.discountOverrideBp = 250;
        QCOMPARE(rules.discountBpFor(c), 250);
        c.type = CustomerType::WalkIn;
        QCOMPARE(rules.discountBpFor(c), 250);
        c.discountOverrideBp = 0; // their own "none" wins over the level's
        c.type = CustomerType::Member;
        QCOMPARE(rules.discountBpFor(c), 0);

        // Rounded down, exact where amount x bp would not fit in 64 bits.
        QCOMPARE(MembershipRules::discountOf(99'999, 1000), 9'999);
        QCOMPARE(MembershipRules::discountOf(10'000, 1), 1);
        QCOMPARE(MembershipRules::discountOf(9'999, 1), 0);
        QCOMPARE(MembershipRules::discountOf(0, 2000), 0);
        QCOMPARE(
            MembershipRules::discountOf(std::numeric_limits<qint64>::max(), 10000), std::numeric_limits<qint64>::max());
        QCOMPARE(MembershipRules::discountOf(std::numeric_limits<qint64>::max(), 5000),
            std::numeric_limits<qint64>::max() / 2);
    }

    void setRulesRoundTripsPerCompany()
    {
        test::TestDatabase t;
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        MembershipService s(t.db(), t.manager());
        t.clock().advance(5'000);
        auto saved = s.setRules(custom());
        QVERIFY2(saved.ok(), qPrintable(saved ? QString() : saved.error().describe()));
        QVERIFY(sameRules(saved->rules, custom()));
        QCOMPARE(saved->rules.updatedAt, t.clock().nowMs());
        QCOMPARE(saved->rules.updatedBy, t.manager().userId);
        QCOMPARE(*s.rules(), saved->rules);
        QCOMPARE(*MembershipService(t.db(), t.cashier()).rules(), saved->rules);
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 1);

        // The other company keeps its own (default) rules.
        QVERIFY(sameRules(*MembershipService(t.db(), other).rules(), MembershipRules::defaults()));

        // A second change replaces the row.
        t.clock().advance(60'000);
        MembershipRules next = custom();
        next.goldFrom = 7'000'000;
        next.tiersCanDrop = false;
        auto again = MembershipService(t.db(), t.admin()).setRules(next);
        QVERIFY(again.ok());
        QCOMPARE(again->rules.updatedBy, t.admin().userId);
        QCOMPARE(again->rules.updatedAt, t.clock().nowMs());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 1);

        t.reopen();
        auto reread = MembershipService(t.db(), t.manager()).rules();
        QVERIFY(reread.ok());
        QCOMPARE(*reread, again->rules);
        QCOMPARE(reread->goldFrom, 7'000'000);
        QVERIFY(!reread->tiersCanDrop);
        QCOMPARE(reread->pointsExpireDays, 365);
    }

    void invalidRulesReportEveryFailingField()
    {
        test::TestDatabase t;
        MembershipService s(t.db(), t.admin());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));

        MembershipRules bad;
        bad.silverFrom = 5'000'000;
        bad.goldFrom = 2'000'000; // below silver
        bad.platinumFrom = 1'000'000; // below gold
        bad.bronzeDiscountBp = 10'001; // over 100 %
        bad.platinumDiscountBp = -1;
        bad.spendPerPoint = 0;
        bad.pointValue = -1;
        bad.pointsExpireDays = -1;
        auto r = s.setRules(bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(r.error()),
            (QStringList {QStringLiteral("pointValue:negative"), QStringLiteral("goldFrom:below_lower_level"),
                QStringLiteral("platinumFrom:below_lower_level"), QStringLiteral("bronzeDiscount:out_of_range"),
                QStringLiteral("platinumDiscount:out_of_range"), QStringLiteral("spendPerPoint:not_positive"),
                QStringLiteral("pointsExpireDays:out_of_range")}));
        for (const FieldError& f : r.error().fields)
            QVERIFY(!f.message.isEmpty());
        MembershipRules longLived;
        longLived.pointsExpireDays = MembershipRules::maxPointsExpireDays + 1;
        QCOMPARE(
            fieldsOf(s.setRules(longLived).error()), QStringList {QStringLiteral("pointsExpireDays:out_of_range")});

        MembershipRules negative;
        negative.silverFrom = -1;
        negative.memberFrom = -1;
        negative.spendPerPoint = -10'000;
        QCOMPARE(fieldsOf(s.setRules(negative).error()),
            (QStringList {QStringLiteral("silverFrom:negative"), QStringLiteral("memberFrom:negative"),
                QStringLiteral("spendPerPoint:not_positive")}));

        // Equal thresholds and the edges of the discount range are allowed.
        MembershipRules edge;
        edge.silverFrom = edge.goldFrom = edge.platinumFrom = 0;
        edge.bronzeDiscountBp = 0;
        edge.platinumDiscountBp = 10'000;
        edge.spendPerPoint = 1;
        edge.pointsExpireDays = MembershipRules::maxPointsExpireDays;
        QVERIFY(s.setRules(edge).ok());

        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 1);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QVERIFY(sameRules(*s.rules(), edge));
    }

    void onlyManagersAndAdministratorsChangeTheRules()
    {
        test::TestDatabase t;
        auto denied = MembershipService(t.db(), t.cashier()).setRules(custom());
        QCOMPARE(denied.error().kind, Error::Kind::PermissionDenied);
        QVERIFY(!denied.error().message.isEmpty());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
        QVERIFY(sameRules(*MembershipService(t.db(), t.cashier()).rules(), MembershipRules::defaults()));
        QVERIFY(MembershipService(t.db(), t.manager()).setRules(custom()).ok());
        QVERIFY(sameRules(*MembershipService(t.db(), t.cashier()).rules(), custom()));
    }

    void aChangeIsAuditedAndQueuedAndNoChangeWritesNothing()
    {
        test::TestDatabase t;
        MembershipService s(t.db(), t.manager());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));

        // Setting what is already in force (the defaults) writes nothing.
        QVERIFY(s.setRules(MembershipRules::defaults()).ok());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);

        MembershipRules r = MembershipRules::defaults();
        r.goldFrom = 6'000'000;
        r.goldDiscountBp = 1250;
        r.tiersCanDrop = true;
        QVERIFY(s.setRules(r).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
        QCOMPARE(lastRow(t.db(),
                     QStringLiteral("SELECT entity || '|' || entity_id || '|' || action || '|' || actor_id || '|' || "
                                    "changes FROM audit_log ORDER BY id DESC LIMIT 1")),
            QStringLiteral(
                "membership_rules|%1|update|%2|"
                "{\"goldDiscount\":[1500,1250],\"goldFrom\":[5000000,6000000],\"tiersCanDrop\":[false,true]}")
                .arg(t.company().id, t.manager().userId));
        QCOMPARE(lastRow(t.db(),
                     QStringLiteral("SELECT entity || '|' || entity_id || '|' || op || '|' || company_id FROM "
                                    "sync_outbox ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("membership_rules|%1|upsert|%1").arg(t.company().id));
        const QJsonObject op = QJsonDocument::fromJson(
            lastRow(t.db(), QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")).toUtf8())
                                   .object();
        QCOMPARE(op.keys(),
            (QStringList {QStringLiteral("goldDiscount"), QStringLiteral("goldFrom"), QStringLiteral("tiersCanDrop"),
                QStringLiteral("updatedAt"), QStringLiteral("updatedBy")}));
        QCOMPARE(op.value(u"goldFrom").toInteger(), 6'000'000);
        QCOMPARE(op.value(u"updatedBy").toString(), t.manager().userId);

        // Again the same: nothing new, not even a new time stamp.
        t.clock().advance(1'000);
        const qint64 stamped = s.rules()->updatedAt;
        QCOMPARE(s.setRules(r)->rules.updatedAt, stamped);
        QCOMPARE(s.rules()->updatedAt, stamped);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
    }

    void aFailedWriteLeavesTheRulesAsTheyWere()
    {
        test::TestDatabase t;
        MembershipService s(t.db(), t.admin());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        QSqlQuery trigger(t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        QVERIFY(!s.setRules(custom()).ok());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);
        QVERIFY(sameRules(*s.rules(), MembershipRules::defaults()));

        // Over stored rules, too.
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        auto stored = s.setRules(custom());
        QVERIFY(stored.ok());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        QVERIFY(!s.setRules(MembershipRules::defaults()).ok());
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        QCOMPARE(*s.rules(), stored->rules);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
    }

    void theRepositoryWritesOnlyInAUnitOfWork()
    {
        test::TestDatabase t;
        MembershipRepository repo(t.db());
        UnitOfWork notBegun(t.db(), t.admin());
        QVERIFY(!repo.saveRules(notBegun, t.company().id, custom()).ok());
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
        // The schema refuses what the service would: the last line of defence.
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        MembershipRules bad = custom();
        bad.goldFrom = 1;
        QVERIFY(!repo.saveRules(uow, t.company().id, bad).ok());
        uow.rollback();
        QCOMPARE(t.countRows(QStringLiteral("membership_rules")), 0);
    }

    void toJsonAndFromJson()
    {
        const QJsonObject defaults = MembershipService::toJson(MembershipRules::defaults());
        QCOMPARE(QJsonDocument(defaults).toJson(QJsonDocument::Compact),
            QByteArray("{\"bronzeDiscount\":500,\"goldDiscount\":1500,\"goldFrom\":5000000,\"memberFrom\":1000000,"
                       "\"platinumDiscount\":2000,\"platinumFrom\":10000000,\"pointValue\":100,\"pointsExpireDays\":0,"
                       "\"silverDiscount\":1000,\"silverFrom\":2000000,\"spendPerPoint\":10000,"
                       "\"tiersCanDrop\":false}"));
        MembershipRules stamped = custom();
        stamped.updatedAt = 1'767'225'601'500;
        stamped.updatedBy = QStringLiteral("u-1");
        const QJsonObject json = MembershipService::toJson(stamped);
        QCOMPARE(json.value(u"updatedAt").toString(), QStringLiteral("2026-01-01T00:00:01.500Z"));
        QCOMPARE(json.value(u"updatedBy").toString(), QStringLiteral("u-1"));

        // What toJson writes, fromJson reads back (the stamps are read-only).
        auto back = MembershipService::fromJson(json, MembershipRules::defaults());
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().describe()));
        QVERIFY(sameRules(*back, custom()));
        QCOMPARE(back->updatedAt, 0);

        // Only the keys present change.
        auto partial = MembershipService::fromJson(
            QJsonObject {{QStringLiteral("goldFrom"), 6'500'000}, {QStringLiteral("tiersCanDrop"), true}},
            MembershipRules::defaults());
        QVERIFY(partial.ok());
        MembershipRules expected = MembershipRules::defaults();
        expected.goldFrom = 6'500'000;
        expected.tiersCanDrop = true;
        QCOMPARE(*partial, expected);
        QCOMPARE(*MembershipService::fromJson(QJsonObject {}, custom()), custom());

        // Wrong types name their keys, every one at once.
        const QJsonObject wrong {
            {QStringLiteral("silverFrom"), QStringLiteral("2000000")},
            {QStringLiteral("goldFrom"), QJsonValue::Null},
            {QStringLiteral("platinumFrom"), QJsonArray {1}},
            {QStringLiteral("bronzeDiscount"), 5.5},
            {QStringLiteral("silverDiscount"), 3e9},
            {QStringLiteral("spendPerPoint"), true},
            {QStringLiteral("pointValue"), 1e30},
            {QStringLiteral("tiersCanDrop"), 1},
            {QStringLiteral("pointsExpireDays"), QStringLiteral("30")},
            {QStringLiteral("goldFom"), 1},
        };
        auto r = MembershipService::fromJson(wrong, MembershipRules::defaults());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QStringList got = fieldsOf(r.error());
        got.sort();
        QCOMPARE(got,
            (QStringList {QStringLiteral("bronzeDiscount:not_an_integer"), QStringLiteral("goldFom:unknown_field"),
                QStringLiteral("goldFrom:wrong_type"), QStringLiteral("platinumFrom:wrong_type"),
                QStringLiteral("pointValue:out_of_range"), QStringLiteral("pointsExpireDays:wrong_type"),
                QStringLiteral("silverDiscount:out_of_range"), QStringLiteral("silverFrom:wrong_type"),
                QStringLiteral("spendPerPoint:wrong_type"), QStringLiteral("tiersCanDrop:wrong_type")}));
        for (const FieldError& f : r.error().fields)
            QVERIFY(!f.message.isEmpty());

        // fromJson reads; setRules judges.
        auto inverted = MembershipService::fromJson(
            QJsonObject {{QStringLiteral("goldFrom"), 1'000'000}}, MembershipRules::defaults());
        QVERIFY(inverted.ok());
        QCOMPARE(
            fieldsOf(Error::invalid(inverted->problems())), QStringList {QStringLiteral("goldFrom:below_lower_level")});
    }

    void levelsPointsAndTypesAtTheThresholds()
    {
        const MembershipRules r = MembershipRules::defaults();
        QCOMPARE(r.levelFor(-1), MembershipLevel::Bronze);
        QCOMPARE(r.levelFor(0), MembershipLevel::Bronze);
        QCOMPARE(r.levelFor(1'999'999), MembershipLevel::Bronze);
        QCOMPARE(r.levelFor(2'000'000), MembershipLevel::Silver);
        QCOMPARE(r.levelFor(4'999'999), MembershipLevel::Silver);
        QCOMPARE(r.levelFor(5'000'000), MembershipLevel::Gold);
        QCOMPARE(r.levelFor(9'999'999), MembershipLevel::Gold);
        QCOMPARE(r.levelFor(10'000'000), MembershipLevel::Platinum);
        QCOMPARE(r.discountBp(MembershipLevel::Bronze), 500);
        QCOMPARE(r.discountBp(MembershipLevel::Silver), 1000);
        QCOMPARE(r.discountBp(MembershipLevel::Gold), 1500);
        QCOMPARE(r.discountBp(MembershipLevel::Platinum), 2000);

        QCOMPARE(r.pointsFor(-10'000), 0);
        QCOMPARE(r.pointsFor(0), 0);
        QCOMPARE(r.pointsFor(9'999), 0);
        QCOMPARE(r.pointsFor(10'000), 1);
        QCOMPARE(r.pointsFor(19'999), 1);
        QCOMPARE(r.pointsFor(20'000), 2);
        QCOMPARE(r.pointsFor(1'000'000'000'000'000), 100'000'000'000);

        // Up at the thresholds, possibly several levels at once...
        QCOMPARE(r.nextLevel(MembershipLevel::Bronze, 1'999'999), MembershipLevel::Bronze);
        QCOMPARE(r.nextLevel(MembershipLevel::Bronze, 2'000'000), MembershipLevel::Silver);
        QCOMPARE(r.nextLevel(MembershipLevel::Bronze, 10'000'000), MembershipLevel::Platinum);
        QCOMPARE(r.nextLevel(MembershipLevel::Silver, 5'000'000), MembershipLevel::Gold);
        // ...and down (after refunds) only when the company lets tiers drop.
        QCOMPARE(r.nextLevel(MembershipLevel::Gold, 4'999'999), MembershipLevel::Gold);
        QCOMPARE(r.nextLevel(MembershipLevel::Platinum, 0), MembershipLevel::Platinum);
        MembershipRules dropping = r;
        dropping.tiersCanDrop = true;
        QCOMPARE(dropping.nextLevel(MembershipLevel::Gold, 4'999'999), MembershipLevel::Silver);
        QCOMPARE(dropping.nextLevel(MembershipLevel::Platinum, 0), MembershipLevel::Bronze);
        QCOMPARE(dropping.nextLevel(MembershipLevel::Gold, 5'000'000), MembershipLevel::Gold);

        QCOMPARE(r.nextType(CustomerType::WalkIn, 999'999), CustomerType::WalkIn);
        QCOMPARE(r.nextType(CustomerType::WalkIn, 1'000'000), CustomerType::Member);
        QCOMPARE(r.nextType(CustomerType::Vip, 50'000'000), CustomerType::Vip);
        QCOMPARE(r.nextType(CustomerType::Wholesale, 50'000'000), CustomerType::Wholesale);
        QCOMPARE(r.nextType(CustomerType::Member, 0), CustomerType::Member);
        MembershipRules never = r;
        never.memberFrom = 0;
        QCOMPARE(never.nextType(CustomerType::WalkIn, 50'000'000), CustomerType::WalkIn);
    }

    void theBuyersStandWhereTheirSalesPutThem()
    {
        Buyers b;
        QCOMPARE(b.spent(b.ani), 600'000);
        QCOMPARE(b.spent(b.fajar), 300'000);
        QCOMPARE(b.spent(b.budi), 2'850'000);
        QCOMPARE(b.spent(b.citra), 5'700'000);
        QCOMPARE(b.spent(b.dewi), 0);
        QCOMPARE(b.spent(b.eko), 11'000'000);
        QCOMPARE(
            scalar(b.t.db(), QStringLiteral("SELECT count(*) FROM customer_metrics WHERE customer_id = ?"), {b.dewi.id})
                .toInt(),
            0);
        QCOMPARE(b.tiers(),
            (QStringList {QStringLiteral("Bronze/walk-in"), QStringLiteral("Bronze/walk-in"),
                QStringLiteral("Silver/member"), QStringLiteral("Gold/member"), QStringLiteral("Bronze/member"),
                QStringLiteral("Platinum/wholesale")}));
    }

    void raisedThresholdsMoveNobodyDownUnlessTiersCanDrop()
    {
        Buyers b;
        MembershipService s(b.t.db(), b.t.manager());
        const QStringList before = b.tiers();
        const QList<qint64> rows = b.footprint();

        auto raised = s.setRules(thresholds(3'000'000, 8'000'000, 20'000'000));
        QVERIFY2(raised.ok(), qPrintable(raised ? QString() : raised.error().describe()));
        QCOMPARE(raised->customersMoved, 0);
        QCOMPARE(b.tiers(), before);
        // The rules row, its audit row and its op; no tier history.
        QCOMPARE(b.footprint(), (QList<qint64> {rows[0] + 1, rows[1], rows[2] + 1, rows[3] + 1}));

        // Letting tiers drop places everyone by the raised thresholds.
        b.t.clock().advance(60'000);
        auto dropping = s.setRules(thresholds(3'000'000, 8'000'000, 20'000'000, true));
        QVERIFY(dropping.ok());
        QCOMPARE(dropping->customersMoved, 3);
        QCOMPARE(b.tiers(),
            (QStringList {QStringLiteral("Bronze/walk-in"), QStringLiteral("Bronze/walk-in"),
                QStringLiteral("Bronze/member"), QStringLiteral("Silver/member"), QStringLiteral("Bronze/member"),
                QStringLiteral("Gold/wholesale")}));
        QCOMPARE(b.ruleMoves(),
            (QStringList {QStringLiteral("Budi: Silver/member -> Bronze/member"),
                QStringLiteral("Citra: Gold/member -> Silver/member"),
                QStringLiteral("Eko: Platinum/wholesale -> Gold/wholesale")}));
        // Dropped customers pay their new level's discount at the next sale.
        QCOMPARE(CheckoutService(b.t.db(), b.t.cashier())
                     .complete(SaleRequest {
                         b.citra.id, {}, {}, {{QStringLiteral("ITEM"), 1}}, {{PaymentMethod::Cash, 100'000}}, {}})
                     ->discountBp,
            1000);

        // The same rules again move nobody and write nothing.
        const QList<qint64> settled = b.footprint();
        QCOMPARE(s.setRules(thresholds(3'000'000, 8'000'000, 20'000'000, true))->customersMoved, 0);
        QCOMPARE(b.footprint(), settled);
    }

    void loweredThresholdsMoveCustomersUpWithHistoryAuditAndSyncOps()
    {
        Buyers b;
        b.t.clock().advance(3'600'000);
        const QList<qint64> rows = b.footprint();
        auto lowered = MembershipService(b.t.db(), b.t.manager()).setRules(thresholds(500'000, 2'000'000, 5'000'000));
        QVERIFY2(lowered.ok(), qPrintable(lowered ? QString() : lowered.error().describe()));
        QCOMPARE(lowered->customersMoved, 3);
        // Ani reaches Silver and stays a walk-in (memberFrom is still 1,000,000); Fajar and
        // Dewi have too little, Eko is already at the top.
        QCOMPARE(b.tiers(),
            (QStringList {QStringLiteral("Silver/walk-in"), QStringLiteral("Bronze/walk-in"),
                QStringLiteral("Gold/member"), QStringLiteral("Platinum/member"), QStringLiteral("Bronze/member"),
                QStringLiteral("Platinum/wholesale")}));
        QCOMPARE(b.ruleMoves(),
            (QStringList {QStringLiteral("Ani: Bronze/walk-in -> Silver/walk-in"),
                QStringLiteral("Budi: Silver/member -> Gold/member"),
                QStringLiteral("Citra: Gold/member -> Platinum/member")}));
        // Per move: the customer row's audit row and op, the history row's audit row and op;
        // and once the rules'.
        QCOMPARE(b.footprint(), (QList<qint64> {rows[0] + 1, rows[1] + 3, rows[2] + 7, rows[3] + 7}));

        const Customer budi = b.get(b.budi.id);
        QCOMPARE(budi.updatedAt, b.t.clock().nowMs());
        QCOMPARE(budi.updatedBy, b.t.manager().userId);
        QCOMPARE(lastRow(b.t.db(),
                     QStringLiteral("SELECT action || '|' || actor_id || '|' || changes FROM audit_log "
                                    "WHERE entity = 'customer' AND entity_id = '%1' ORDER BY id DESC LIMIT 1")
                         .arg(budi.id)),
            QStringLiteral("tier|%1|{\"level\":[\"Silver\",\"Gold\"]}").arg(b.t.manager().userId));
        const QJsonObject op = QJsonDocument::fromJson(
            lastRow(b.t.db(),
                QStringLiteral("SELECT fields FROM sync_outbox WHERE entity = 'customer' AND entity_id = '%1' "
                               "ORDER BY seq DESC LIMIT 1")
                    .arg(budi.id))
                .toUtf8())
                                   .object();
        QCOMPARE(op.value(u"level").toString(), QStringLiteral("Gold"));
        QCOMPARE(op.value(u"updatedBy").toString(), b.t.manager().userId);
        const QJsonObject history = QJsonDocument::fromJson(
            lastRow(b.t.db(),
                QStringLiteral("SELECT o.fields FROM sync_outbox o JOIN tier_history h ON h.id = o.entity_id "
                               "WHERE o.entity = 'tier_history' AND h.customer_id = '%1' ORDER BY o.seq DESC LIMIT 1")
                    .arg(budi.id))
                .toUtf8())
                                        .object();
        QCOMPARE(history.value(u"reason").toString(), QStringLiteral("membership rules changed"));
        QCOMPARE(history.value(u"fromLevel").toString(), QStringLiteral("Silver"));
        QCOMPARE(history.value(u"toLevel").toString(), QStringLiteral("Gold"));
        QVERIFY(!history.contains(u"saleId"));

        // Raised back without letting tiers drop: everyone keeps what they reached.
        const QStringList reached = b.tiers();
        QCOMPARE(MembershipService(b.t.db(), b.t.admin()).setRules(MembershipRules::defaults())->customersMoved, 0);
        QCOMPARE(b.tiers(), reached);
    }

    void aLowerMemberFromTurnsWalkInsWithEnoughSpentIntoMembers()
    {
        Buyers b;
        MembershipRules r = MembershipRules::defaults();
        r.memberFrom = 500'000;
        auto changed = MembershipService(b.t.db(), b.t.manager()).setRules(r);
        QVERIFY(changed.ok());
        QCOMPARE(changed->customersMoved, 1);
        QCOMPARE(b.tier(b.ani), QStringLiteral("Bronze/member"));
        QCOMPARE(b.tier(b.fajar), QStringLiteral("Bronze/walk-in"));
        QCOMPARE(b.ruleMoves(), QStringList {QStringLiteral("Ani: Bronze/walk-in -> Bronze/member")});
        // As a member Ani now gets the Bronze discount.
        QCOMPARE(CheckoutService(b.t.db(), b.t.cashier())
                     .complete(SaleRequest {
                         b.ani.id, {}, {}, {{QStringLiteral("ITEM"), 1}}, {{PaymentMethod::Cash, 100'000}}, {}})
                     ->discountBp,
            500);

        // 0 makes nobody a member by spending, and takes no membership away.
        r.memberFrom = 0;
        QCOMPARE(MembershipService(b.t.db(), b.t.manager()).setRules(r)->customersMoved, 0);
        QCOMPARE(b.tier(b.ani), QStringLiteral("Bronze/member"));
        QCOMPARE(b.tier(b.fajar), QStringLiteral("Bronze/walk-in"));
    }

    void onlyRulesThatDecideTiersPlaceCustomersAndOnlyOfTheCompany()
    {
        Buyers b;
        const Actor other = b.t.addCompany(QStringLiteral("Toko Lain"));
        CustomerInput in;
        in.name = QStringLiteral("Gita Lain");
        auto outsider = CustomerService(b.t.db(), other).create(in);
        QVERIFY2(outsider.ok(), qPrintable(outsider ? QString() : outsider.error().describe()));
        MembershipService s(b.t.db(), b.t.manager());

        // Letting tiers drop under the same thresholds: everyone already stands right.
        MembershipRules r = MembershipRules::defaults();
        r.tiersCanDrop = true;
        QCOMPARE(s.setRules(r)->customersMoved, 0);
        // A level set by hand survives a change of discounts, points or expiry...
        CustomerInput gold;
        gold.level = QStringLiteral("Gold");
        QVERIFY(CustomerService(b.t.db(), b.t.manager()).update(b.dewi.id, gold).ok());
        r.goldDiscountBp = 1750;
        r.pointValue = 50;
        r.pointsExpireDays = 90;
        QCOMPARE(s.setRules(r)->customersMoved, 0);
        QCOMPARE(b.tier(b.dewi), QStringLiteral("Gold/member"));
        // ...not a change of thresholds, which places her by what she spent.
        r.silverFrom = 2'500'000;
        QCOMPARE(s.setRules(r)->customersMoved, 1);
        QCOMPARE(b.tier(b.dewi), QStringLiteral("Bronze/member"));

        // Thresholds of 0 put everyone of this company at Platinum, nobody of the other.
        QCOMPARE(s.setRules(thresholds(0, 0, 0))->customersMoved, 5);
        QCOMPARE(b.tiers(),
            (QStringList {QStringLiteral("Platinum/walk-in"), QStringLiteral("Platinum/walk-in"),
                QStringLiteral("Platinum/member"), QStringLiteral("Platinum/member"), QStringLiteral("Platinum/member"),
                QStringLiteral("Platinum/wholesale")}));
        QCOMPARE(CustomerService(b.t.db(), other).get(outsider->id)->level, MembershipLevel::Bronze);
    }

    void aRefusedChangeLeavesTheRulesAndTheCustomersAlone()
    {
        Buyers b;
        MembershipService s(b.t.db(), b.t.manager());
        const MembershipRules before = *s.rules();
        const QStringList tiers = b.tiers();
        const QList<qint64> rows = b.footprint();

        // Invalid: Gold below Silver, though each threshold alone would move customers.
        auto invalid = s.setRules(thresholds(500'000, 400'000, 5'000'000, true));
        QVERIFY(!invalid.ok());
        QCOMPARE(fieldsOf(invalid.error()), QStringList {QStringLiteral("goldFrom:below_lower_level")});
        // Not allowed.
        QCOMPARE(MembershipService(b.t.db(), b.t.cashier()).setRules(thresholds(0, 0, 0)).error().kind,
            Error::Kind::PermissionDenied);
        // A write that fails half-way through the customers takes the rules back with it.
        QSqlQuery trigger(b.t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_tier BEFORE INSERT ON tier_history "
                                            "WHEN (SELECT count(*) FROM tier_history) >= %1 "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
                                 .arg(rows[1] + 1)));
        auto failed = s.setRules(thresholds(0, 0, 0));
        QVERIFY(!failed.ok());
        QVERIFY2(
            failed.error().message.contains(QStringLiteral("disk on fire")), qPrintable(failed.error().describe()));
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_tier")));

        QCOMPARE(*s.rules(), before);
        QCOMPARE(b.tiers(), tiers);
        QCOMPARE(b.footprint(), rows);
        QVERIFY(b.ruleMoves().isEmpty());
    }

    void storedRulesDecideTheLevels()
    {
        test::TestDatabase t;
        QVERIFY(MembershipService(t.db(), t.manager()).setRules(custom()).ok());
        const MembershipRules r = *MembershipService(t.db(), t.cashier()).rules();
        QCOMPARE(r.levelFor(1'499'999), MembershipLevel::Bronze);
        QCOMPARE(r.levelFor(1'500'000), MembershipLevel::Silver);
        QCOMPARE(r.levelFor(5'999'999), MembershipLevel::Silver);
        QCOMPARE(r.levelFor(6'000'000), MembershipLevel::Gold);
        QCOMPARE(r.levelFor(12'000'000), MembershipLevel::Platinum);
        QCOMPARE(r.discountBp(MembershipLevel::Gold), 1250);
        QCOMPARE(r.pointsFor(14'999), 2);
        QCOMPARE(r.nextLevel(MembershipLevel::Gold, 0), MembershipLevel::Bronze);
        QCOMPARE(r.nextType(CustomerType::WalkIn, 100'000'000), CustomerType::WalkIn);
    }
};

QTEST_GUILESS_MAIN(TestMembershipService)
#include "TestMembershipService.moc"
