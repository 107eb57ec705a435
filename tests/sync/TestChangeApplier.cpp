#include "core/domain/CustomerInput.h"
#include "core/domain/Ids.h"
#include "core/services/CheckoutService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/NoteService.h"
#include "core/services/ProductService.h"
#include "core/services/TagService.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"
#include "core/sync/ChangeApplier.h"
#include "core/sync/SyncLoad.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <ctime>

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

// The tables every terminal of a company must hold alike after sync, each in key order,
// without what is only this terminal's (customer.seq and the word index's copy of it).
// Dashboard totals are compared without their empty groups: a group a customer passed
// through on one terminal can stay behind there with a count of 0.
const QList<std::pair<const char*, const char*>> kSyncedTables {
    {"company", "id"},
    {"store", "id"},
    {"terminal", "id"},
    {"app_user", "id"},
    {"customer", "id"},
    {"customer_word", "company_id, word, name_key, id"},
    {"customer_duplicate", "customer_id, field, value"},
    {"product", "id"},
    {"membership_rules", "company_id"},
    {"sale", "id"},
    {"sale_line", "sale_id, line_no"},
    {"sale_payment", "sale_id, line_no"},
    {"sale_link", "sale_id"},
    {"points_entry", "id"},
    {"credit_entry", "id"},
    {"credit_limit", "customer_id"},
    {"tier_history", "id"},
    {"customer_metrics", "customer_id"},
    {"customer_note", "id"},
    {"tag", "id"},
    {"customer_tag", "customer_id, tag_id"},
    {"customer_contact", "id"},
    {"customer_preference", "customer_id"},
    {"customer_erasure", "customer_id"},
    {"sale_erasure", "sale_id"},
    {"(SELECT * FROM dashboard_customers WHERE customers <> 0)", "company_id, type, status, level"},
    {"(SELECT * FROM dashboard_figures WHERE customers <> 0)", "company_id, purchases_band, credit_sign"},
    {"(SELECT * FROM dashboard_slots WHERE new_customers <> 0 OR sales <> 0 OR refunds <> 0 OR revenue <> 0)",
        "company_id, slot"},
};

QStringList dump(Database& db)
{
    QStringList out;
    for (const auto& [table, key] : kSyncedTables) {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(QLatin1String(table), QLatin1String(key))))
            qFatal("cannot read %s", table);
        while (q.next()) {
            const QSqlRecord r = q.record();
            QStringList cells;
            for (int i = 0; i < r.count(); ++i) {
                if (r.fieldName(i) == u"seq")
                    continue;
                const QVariant v = q.value(i);
                cells << (v.isNull() ? QStringLiteral("NULL")
                                     : QStringLiteral("%1:%2").arg(QLatin1String(v.typeName()), v.toString()));
            }
            out << QLatin1String(table) + u' ' + cells.join(u'|');
        }
    }
    return out;
}

// The audit rows a terminal wrote, in order, without their row ids.
QStringList auditRows(Database& db)
{
    QStringList out;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT at, hlc, company_id, actor_id, actor_name, entity, entity_id, action, changes, "
                               "customer_id FROM audit_log ORDER BY id")))
        qFatal("cannot read the audit log");
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < 10; ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out << cells.join(u'|');
    }
    return out;
}

// A customer registered on the terminal of `site`, as its op arrives in a pull.
SyncOp customerOp(const QString& companyId, const QString& actorId, quint32 site, qint64 at, const QString& id,
    const QJsonObject& fields)
{
    SyncOp op;
    op.id = Ids::newId(at);
    op.companyId = companyId;
    op.entity = QStringLiteral("customer");
    op.entityId = id;
    op.action = QStringLiteral("create");
    op.fields = fields;
    op.hlc = Hlc {at, 0, site};
    op.actorId = actorId;
    op.createdAt = at;
    return op;
}

// Two terminals of one company. A is set up as a new shop; B starts as an empty file that
// pulls everything A did, then becomes a terminal of its own.
struct Shop
{
    test::TestDatabase a;
    QTemporaryDir dir;
    ManualClock bClock;
    std::unique_ptr<Database> b;
    QString companyId;
    quint32 bSite = 0;
    QString bTerminal;

    Shop()
    {
        companyId = a.company().id;
        ProductService products(a.db(), a.admin());
        ProductService::ProductInput in;
        in.sku = QStringLiteral("KOPI");
        in.name = QStringLiteral("Kopi Susu");
        in.price = 25'000;
        if (!products.add(in))
            qFatal("cannot add product");
        auto opened = Database::open(dir.filePath(QStringLiteral("b.db")), bClock);
        if (!opened)
            qFatal("cannot open b");
        b = std::move(opened).value();
        bClock.set(a.clock().nowMs());
        // B pulls A's history before it is a terminal: its clock has no site yet.
        if (Status s = pull(*b, outbox(a.db())); !s)
            qFatal("initial pull: %s", qPrintable(s.error().describe()));

        bSite = a.db().hlc().siteId() + 1;
        b->hlc().setSiteId(bSite);
        UnitOfWork uow(*b, a.admin());
        if (!uow.begin())
            qFatal("begin");
        const QString storeId = scalar(*b, QStringLiteral("SELECT id FROM store")).toString();
        const Terminal t {
            Ids::newId(uow.now()), storeId, QStringLiteral("T02"), QStringLiteral("Counter 2"), bSite, uow.now()};
        bTerminal = t.id;
        TenancyRepository tenancy(*b);
        if (!tenancy.insertTerminal(uow, t) || !tenancy.setLocalTerminal(uow, t.id)
            || !uow.record(
                {QStringLiteral("terminal"), t.id, companyId, QStringLiteral("create"), UnitOfWork::Op::Upsert, {},
                    FieldSnapshot {{QStringLiteral("storeId"), storeId}, {QStringLiteral("code"), t.code},
                        {QStringLiteral("name"), t.name}, {QStringLiteral("siteId"), static_cast<qint64>(bSite)}}})
            || !uow.commit())
            qFatal("cannot set up terminal b");
        acknowledgeAll(a.db());
    }

    QList<SyncOp> outbox(Database& db) { return OutboxRepository(db).oldest(companyId, 1'000'000).value(); }

    static void acknowledgeAll(Database& db)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("DELETE FROM sync_outbox")))
            qFatal("cannot empty the outbox");
    }

    static Status pull(Database& db, const QList<SyncOp>& ops)
    {
        UnitOfWork uow(db, Actor {});
        if (Status s = uow.begin(); !s)
            return s;
        if (Status s = ChangeApplier(db).apply(uow, ops); !s)
            return s;
        return uow.commit();
    }

    // What a server log would give: A's pending ops, then B's, pulled by both.
    void exchange()
    {
        QList<SyncOp> log = outbox(a.db());
        log += outbox(*b);
        QVERIFY2(pull(a.db(), log).ok(), "pull into a");
        QVERIFY2(pull(*b, log).ok(), "pull into b");
        acknowledgeAll(a.db());
        acknowledgeAll(*b);
    }

    Customer create(Database& db, const QString& name, const QString& phone = {})
    {
        CustomerInput in;
        in.name = name;
        in.phone = phone;
        auto c = CustomerService(db, a.admin()).create(in);
        if (!c)
            qFatal("cannot create %s: %s", qPrintable(name), qPrintable(c.error().describe()));
        return *c;
    }

    Customer update(Database& db, const QString& id, std::optional<QString> CustomerInput::*field, const QString& value)
    {
        CustomerInput in;
        in.*field = value;
        auto c = CustomerService(db, a.admin()).update(id, in);
        if (!c)
            qFatal("cannot update %s: %s", qPrintable(value), qPrintable(c.error().describe()));
        return *c;
    }

    Sale sell(Database& db, const QString& customerId, qint64 quantity)
    {
        SaleRequest req;
        req.customer = customerId;
        req.items = {{QStringLiteral("KOPI"), quantity}};
        req.payments = {{PaymentMethod::Cash, 25'000 * quantity}};
        auto s = CheckoutService(db, a.admin()).complete(req);
        if (!s)
            qFatal("cannot sell: %s", qPrintable(s.error().describe()));
        return *s;
    }

    void tick(qint64 ms = 1000)
    {
        a.clock().advance(ms);
        bClock.advance(ms);
    }
};

} // namespace

class TestChangeApplier : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyFilePullsTheWholeShop()
    {
        Shop shop;
        // Everything A did before B existed, B holds the same (and A learns of B's terminal).
        shop.exchange();
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM app_user")).toInt(), 3);
        QCOMPARE(scalar(shop.a.db(), QStringLiteral("SELECT count(*) FROM terminal")).toInt(), 2);
        // A pulled change shows in the activity log with who made it.
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT actor_name FROM audit_log WHERE entity = 'product'")),
            QVariant(QStringLiteral("admin")));
        // And B's own outbox holds nothing it pulled.
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 0);
    }

    void offlineWorkOnBothTerminalsEndsTheSame()
    {
        Shop shop;
        shop.exchange();
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"), QStringLiteral("0812 3456 7890"));
        shop.exchange();

        // Offline: each terminal registers, sells, notes and tags on its own.
        shop.tick();
        shop.create(shop.a.db(), QStringLiteral("Budi Santoso"));
        const Customer agus = shop.create(*shop.b, QStringLiteral("Agus Salim"), QStringLiteral("0813 1111 2222"));
        shop.sell(shop.a.db(), siti.id, 2);
        shop.sell(*shop.b, siti.id, 1);
        shop.sell(*shop.b, agus.id, 3);
        QVERIFY(NoteService(*shop.b, shop.a.admin())
                    .add(siti.id, QStringLiteral("preference"), QStringLiteral("Suka kopi tanpa gula")));
        QVERIFY(TagService(shop.a.db(), shop.a.admin()).tag(siti.id, QStringLiteral("Langganan")));
        QVERIFY(LedgerService(*shop.b, shop.a.admin()).adjustPoints(siti.id, 7, QStringLiteral("hadiah")));
        shop.update(shop.a.db(), siti.id, &CustomerInput::city, QStringLiteral("Bandung"));
        shop.update(*shop.b, siti.id, &CustomerInput::address, QStringLiteral("Jl. Merdeka 1"));
        shop.exchange();

        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
        // Both edits of Siti survive: they touched different fields.
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT city || '/' || address FROM customer WHERE id = ?"), {siti.id})
                     .toString(),
            QStringLiteral("Bandung/Jl. Merdeka 1"));
        // Three purchases, counted once each, on both terminals.
        for (Database* db : {&shop.a.db(), shop.b.get()})
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT purchases FROM customer_metrics WHERE customer_id = ?"), {siti.id})
                    .toInt(),
                2);
        QCOMPARE(scalar(shop.a.db(), QStringLiteral("SELECT total_spent FROM customer_metrics WHERE customer_id = ?"),
                     {siti.id})
                     .toLongLong(),
            75'000);
        QCOMPARE(LedgerRepository(shop.a.db()).balances(siti.id)->points,
            LedgerRepository(shop.a.db()).balancesFromEntries(siti.id)->points);
    }

    void theLaterEditOfAFieldWinsOnBoth()
    {
        Shop shop;
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        shop.exchange();
        // B edits the city later than A: B's stays pending on B and must not be overwritten by
        // A's older one, and A takes B's.
        shop.update(shop.a.db(), siti.id, &CustomerInput::city, QStringLiteral("Bandung"));
        shop.tick(5);
        shop.update(*shop.b, siti.id, &CustomerInput::city, QStringLiteral("Bogor"));
        shop.exchange();
        for (Database* db : {&shop.a.db(), shop.b.get()})
            QCOMPARE(scalar(*db, QStringLiteral("SELECT city FROM customer WHERE id = ?"), {siti.id}).toString(),
                QStringLiteral("Bogor"));
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));

        // The same millisecond on both clocks: the higher site id (B's) wins everywhere.
        shop.a.clock().set(shop.bClock.nowMs() + 60'000);
        shop.bClock.set(shop.a.clock().nowMs());
        shop.update(shop.a.db(), siti.id, &CustomerInput::notes, QStringLiteral("dari A"));
        shop.update(*shop.b, siti.id, &CustomerInput::notes, QStringLiteral("dari B"));
        shop.exchange();
        for (Database* db : {&shop.a.db(), shop.b.get()})
            QCOMPARE(scalar(*db, QStringLiteral("SELECT notes FROM customer WHERE id = ?"), {siti.id}).toString(),
                QStringLiteral("dari B"));
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));

        // After pulling a stamp from the future, a local edit still orders after it.
        shop.a.clock().set(shop.bClock.nowMs() + 120'000);
        shop.update(shop.a.db(), siti.id, &CustomerInput::notes, QStringLiteral("masa depan"));
        shop.exchange();
        shop.update(*shop.b, siti.id, &CustomerInput::notes, QStringLiteral("sesudahnya"));
        shop.exchange();
        for (Database* db : {&shop.a.db(), shop.b.get()})
            QCOMPARE(scalar(*db, QStringLiteral("SELECT notes FROM customer WHERE id = ?"), {siti.id}).toString(),
                QStringLiteral("sesudahnya"));
    }

    void aPendingLocalValueIsNotOverwrittenByAnOlderPull()
    {
        Shop shop;
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        shop.exchange();
        shop.update(shop.a.db(), siti.id, &CustomerInput::email, QStringLiteral("siti@a.example"));
        shop.tick(10);
        shop.update(*shop.b, siti.id, &CustomerInput::email, QStringLiteral("siti@b.example"));
        // B pulls A's older op while its own is still in its outbox.
        QVERIFY(Shop::pull(*shop.b, shop.outbox(shop.a.db())).ok());
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT email FROM customer WHERE id = ?"), {siti.id}).toString(),
            QStringLiteral("siti@b.example"));
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 1);
        // The older op won nothing: no audit row says it changed the customer on B.
        QCOMPARE(
            scalar(*shop.b,
                QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ? AND changes LIKE '%a.example%'"),
                {siti.id})
                .toInt(),
            0);
    }

    void reapplyingAPageChangesNothing()
    {
        Shop shop;
        shop.exchange();
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        shop.sell(shop.a.db(), siti.id, 2);
        QVERIFY(LedgerService(shop.a.db(), shop.a.admin()).adjustPoints(siti.id, 5, QStringLiteral("hadiah")));
        const QList<SyncOp> page = shop.outbox(shop.a.db());
        QVERIFY(Shop::pull(*shop.b, page).ok());
        const QStringList once = dump(*shop.b);
        const qint64 auditRows = scalar(*shop.b, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        QVERIFY(Shop::pull(*shop.b, page).ok());
        QCOMPARE(dump(*shop.b), once);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), auditRows);
        const Balances balances = LedgerRepository(*shop.b).balances(siti.id).value();
        QCOMPARE(balances.points, LedgerRepository(shop.a.db()).balances(siti.id)->points);
        QCOMPARE(
            scalar(*shop.b, QStringLiteral("SELECT purchases FROM customer_metrics WHERE customer_id = ?"), {siti.id})
                .toInt(),
            1);
    }

    void salesFromOneTerminalCountOnceOnTheOther()
    {
        Shop shop;
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        shop.update(shop.a.db(), siti.id, &CustomerInput::type, QStringLiteral("member"));
        shop.exchange();
        shop.sell(shop.a.db(), siti.id, 4); // 100,000 less the Bronze member discount of 5 %: 9 points
        shop.exchange();
        for (Database* db : {&shop.a.db(), shop.b.get()}) {
            QCOMPARE(scalar(*db,
                         QStringLiteral("SELECT purchases || '/' || total_spent || '/' || points FROM "
                                        "customer_metrics WHERE customer_id = ?"),
                         {siti.id})
                         .toString(),
                QStringLiteral("1/95000/9"));
            QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(sales) FROM dashboard_slots")).toInt(), 1);
        }
        // The line names its product on B too.
        QCOMPARE(
            scalar(*shop.b, QStringLiteral("SELECT count(*) FROM sale_line WHERE product_id IS NOT NULL")).toInt(), 1);
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
    }

    void aPhoneRegisteredTwiceOfflineResolvesTheSameEverywhere()
    {
        Shop shop;
        shop.exchange();
        const Customer onA = shop.create(shop.a.db(), QStringLiteral("Siti A"), QStringLiteral("0812 3456 7890"));
        const Customer onB = shop.create(*shop.b, QStringLiteral("Siti B"), QStringLiteral("0812 3456 7890"));
        // Both got the first code of their terminal, too.
        QCOMPARE(onA.code, onB.code);
        shop.exchange();
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
        const auto& [keeper, loser] = onA.id < onB.id ? std::pair {onA, onB} : std::pair {onB, onA};
        for (Database* db : {&shop.a.db(), shop.b.get()}) {
            QCOMPARE(scalar(*db, QStringLiteral("SELECT phone FROM customer WHERE id = ?"), {keeper.id}).toString(),
                QStringLiteral("+6281234567890"));
            QVERIFY(scalar(*db, QStringLiteral("SELECT phone FROM customer WHERE id = ?"), {loser.id}).isNull());
            QCOMPARE(scalar(*db,
                         QStringLiteral("SELECT group_concat(field || '=' || value, ' ') FROM "
                                        "(SELECT * FROM customer_duplicate WHERE customer_id = ? "
                                        "AND other_customer_id = ? ORDER BY field)"),
                         {loser.id, keeper.id})
                         .toString(),
                QStringLiteral("code=%1 phone=+6281234567890").arg(loser.code));
        }
        // And each terminal's next registration gets a code nobody holds.
        const Customer next = shop.create(*shop.b, QStringLiteral("Agus"));
        QVERIFY(next.code != onA.code);
        shop.exchange();
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
    }

    void aDeletedRowStaysDeleted()
    {
        Shop shop;
        const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        QVERIFY(TagService(shop.a.db(), shop.a.admin()).tag(siti.id, QStringLiteral("Langganan")));
        shop.exchange();
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_tag")).toInt(), 1);
        const QList<SyncOp> tagged = shop.outbox(shop.a.db()); // empty: already exchanged
        QVERIFY(tagged.isEmpty());
        const QString tagId = scalar(shop.a.db(), QStringLiteral("SELECT id FROM tag")).toString();
        shop.tick();
        QVERIFY(TagService(shop.a.db(), shop.a.admin()).untag(siti.id, QStringLiteral("Langganan")));
        shop.exchange();
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_tag")).toInt(), 0);
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
        // The creating op pulled again (a replayed page) does not bring the tag back.
        SyncOp create;
        QSqlQuery q(shop.a.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT hlc FROM audit_log WHERE entity = 'customer_tag' ORDER BY id LIMIT 1")));
        QVERIFY(q.next());
        create.id = Ids::newId(1);
        create.companyId = shop.companyId;
        create.entity = QStringLiteral("customer_tag");
        create.entityId = siti.id + u':' + tagId;
        create.action = QStringLiteral("create");
        create.fields = {{QStringLiteral("createdAt"), QStringLiteral("2026-01-01T00:00:00.000Z")},
            {QStringLiteral("customerId"), siti.id}, {QStringLiteral("tagId"), tagId}};
        create.hlc = Hlc::fromString(q.value(0).toString());
        q.finish();
        QVERIFY(Shop::pull(*shop.b, {create}).ok());
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_tag")).toInt(), 0);
        // Tagged again later, it is back on both.
        shop.tick();
        QVERIFY(TagService(*shop.b, shop.a.admin()).tag(siti.id, QStringLiteral("Langganan")));
        shop.exchange();
        QCOMPARE(scalar(shop.a.db(), QStringLiteral("SELECT count(*) FROM customer_tag")).toInt(), 1);
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
    }

    void aDeletedCustomerStaysDeletedWhateverEditsCrossedIt()
    {
        // A deletes a customer while B, offline, edits it later by the clock. Had each kept
        // the newer op, A would hold no customer and B one with the edit; a delete wins over
        // every edit instead, earlier or later, so both drop it. Either order of the edit and
        // the delete, and either terminal deleting, ends the same.
        for (bool editLater : {true, false}) {
            for (bool deleteOnA : {true, false}) {
                Shop shop;
                const Customer siti = shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
                shop.exchange();
                Database& deleter = deleteOnA ? shop.a.db() : *shop.b;
                Database& editor = deleteOnA ? *shop.b : shop.a.db();
                const auto remove = [&] { QVERIFY(CustomerService(deleter, shop.a.admin()).remove(siti.id).ok()); };
                const auto edit
                    = [&] { shop.update(editor, siti.id, &CustomerInput::city, QStringLiteral("Bandung")); };
                shop.tick();
                if (editLater)
                    remove();
                else
                    edit();
                shop.tick();
                if (editLater)
                    edit();
                else
                    remove();
                shop.exchange();
                const QString what = QStringLiteral("edit %1, delete on %2")
                                         .arg(editLater ? QStringLiteral("later") : QStringLiteral("earlier"),
                                             deleteOnA ? QStringLiteral("A") : QStringLiteral("B"));
                for (Database* db : {&shop.a.db(), shop.b.get()})
                    QVERIFY2(
                        scalar(*db, QStringLiteral("SELECT count(*) FROM customer WHERE id = ?"), {siti.id}).toInt()
                            == 0,
                        qPrintable(what));
                QVERIFY2(dump(*shop.b) == dump(shop.a.db()), qPrintable(what));
            }
        }
    }

    void aMalformedOpLeavesNothingWritten()
    {
        Shop shop;
        shop.exchange();
        shop.create(shop.a.db(), QStringLiteral("Siti Rahayu"));
        shop.create(shop.a.db(), QStringLiteral("Budi Santoso"));
        QList<SyncOp> page = shop.outbox(shop.a.db());
        QCOMPARE(page.size(), 2);
        page[1].fields.insert(QStringLiteral("preferSms"), QStringLiteral("yes"));
        const QStringList before = dump(*shop.b);
        const qint64 audit = scalar(*shop.b, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        const Status s = Shop::pull(*shop.b, page);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, QStringLiteral("preferSms"));
        QVERIFY2(s.error().message.contains(page[1].id), qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(QStringLiteral("customer")));
        QCOMPARE(dump(*shop.b), before);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), audit);

        SyncOp unknown = page[0];
        unknown.entity = QStringLiteral("spaceship");
        const Status u = Shop::pull(*shop.b, {unknown});
        QVERIFY(!u.ok());
        QCOMPARE(u.error().field, QStringLiteral("entity"));
        QVERIFY(u.error().message.contains(unknown.id));
    }

    // Pages written as one load (a first download): an op that cannot be applied is set
    // aside and the rest of its page is kept; the indexes the load dropped are made again
    // and the file ends as the other terminal's; a load that is never committed leaves
    // nothing, its indexes included.
    void aLoadSetsAsideWhatItCannotApplyAndLeavesNothingUncommitted()
    {
        Shop shop;
        shop.exchange();
        QList<Customer> made;
        for (int i = 0; i < 150; ++i)
            made << shop.create(shop.a.db(), QStringLiteral("Pelanggan %1").arg(i),
                QStringLiteral("0815-4000-%1").arg(i, 4, 10, QLatin1Char('0')));
        for (int i = 0; i < 150; i += 10)
            shop.update(shop.a.db(), made.at(i).id, &CustomerInput::name, QStringLiteral("Ganti %1").arg(i));
        shop.sell(shop.a.db(), made.at(3).id, 2);
        QList<SyncOp> log = shop.outbox(shop.a.db());
        SyncOp alien = log.at(60);
        alien.id = Ids::newId();
        alien.entity = QStringLiteral("spaceship");
        log.insert(61, alien);
        QList<QList<SyncOp>> pages;
        for (qsizetype i = 0; i < log.size(); i += 40)
            pages << log.mid(i, 40);
        const auto indexes = [](Database& db) {
            QStringList out;
            QSqlQuery q(db.connection());
            q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name"));
            while (q.next())
                out << q.value(0).toString();
            return out;
        };
        const QStringList before = dump(*shop.b);
        const QStringList indexesBefore = indexes(*shop.b);
        QVERIFY(indexesBefore.contains(QStringLiteral("ix_customer_name")));

        {
            SyncLoad load(*shop.b, true);
            qint64 unapplied = 0;
            QVERIFY(load.begin());
            QVERIFY(!indexes(*shop.b).contains(QStringLiteral("ix_customer_name")));
            QVERIFY(indexes(*shop.b).contains(QStringLiteral("ux_customer_phone")));
            QVERIFY(load.apply(pages.at(0), unapplied));
            // A write of the program meanwhile is refused, and says why.
            const Status held = UnitOfWork(*shop.b, shop.a.admin()).begin();
            QVERIFY(!held);
            QCOMPARE(held.error().code, QStringLiteral("write_held"));
        } // never committed
        QCOMPARE(dump(*shop.b), before);
        QCOMPARE(indexes(*shop.b), indexesBefore);
        QCOMPARE(scalar(*shop.b, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QVERIFY(UnitOfWork(*shop.b, shop.a.admin()).begin());

        {
            // Without savepoints, the op fails the load, which the caller then begins again.
            SyncLoad fast(*shop.b, false);
            qint64 unapplied = 0;
            QVERIFY(fast.begin());
            QVERIFY(fast.apply(pages.at(0), unapplied));
            const Status failed = fast.apply(pages.at(1), unapplied);
            QVERIFY(!failed);
            QVERIFY(ChangeApplier::appliesToOneOp(failed.error()));
            QCOMPARE(failed.error().field, QStringLiteral("entity"));
        }
        QCOMPARE(dump(*shop.b), before);
        QCOMPARE(indexes(*shop.b), indexesBefore);

        SyncLoad load(*shop.b, true);
        qint64 unapplied = 0;
        QVERIFY(load.begin());
        for (const QList<SyncOp>& page : std::as_const(pages))
            QVERIFY(load.apply(page, unapplied));
        QVERIFY(load.commit());
        QCOMPARE(unapplied, 1);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT entity FROM sync_unapplied")).toString(),
            QStringLiteral("spaceship"));
        QCOMPARE(indexes(*shop.b), indexesBefore);
        QCOMPARE(scalar(*shop.b, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(dump(*shop.b), dump(shop.a.db()));
        QCOMPARE(
            scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_word WHERE word = 'ganti'")).toInt(), 15);
    }

    void aPageOfNewCustomersEndsAsItsOpsOneByOne()
    {
        // Registrations of customers B has never seen go in many to a statement; mixed with
        // what must find them (their later edits, a note, a delete) and with values held
        // twice, the page must leave exactly what its ops applied one at a time leave.
        Shop shop;
        const Customer known
            = shop.create(shop.a.db(), QStringLiteral("Dewi Lestari"), QStringLiteral("0812 0000 0001"));
        shop.exchange();
        const QString copy = shop.dir.filePath(QStringLiteral("c.db"));
        QSqlQuery vacuum(shop.b->connection());
        QVERIFY(vacuum.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)));
        auto opened = Database::open(copy, shop.bClock);
        QVERIFY(opened);
        std::unique_ptr<Database> c = std::move(opened).value();
        c->hlc().setSiteId(shop.bSite);

        const quint32 site = shop.a.db().hlc().siteId();
        const QString by = shop.a.admin().userId;
        qint64 at = shop.a.clock().nowMs() + 1000;
        QList<SyncOp> page;
        QStringList ids;
        const auto add = [&](const QString& id, const QJsonObject& fields) {
            page.append(customerOp(shop.companyId, by, site, at++, id, fields));
        };
        // One registered earlier elsewhere and pulled late: its smaller id takes the phone from
        // the customer before it in the page.
        const QString early = Ids::newId(at);
        for (int i = 0; i < 150; ++i) {
            ids << (i == 140 ? early : Ids::newId(at));
            QJsonObject f {{QStringLiteral("code"), QStringLiteral("C-%1").arg(500 + i, 6, 10, QLatin1Char('0'))},
                {QStringLiteral("name"), QStringLiteral("Pelanggan %1").arg(i)},
                {QStringLiteral("phone"), QStringLiteral("+62813%1").arg(i, 8, 10, QLatin1Char('0'))},
                {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(i)},
                {QStringLiteral("createdAt"), isoUtc(at)}, {QStringLiteral("updatedAt"), isoUtc(at)},
                {QStringLiteral("type"), i % 3 == 0 ? QStringLiteral("member") : QStringLiteral("walk-in")}};
            if (i == 40 || i == 41) // the same phone twice in one statement
                f.insert(QStringLiteral("phone"), QStringLiteral("+6281399999999"));
            if (i == 100) // the phone of a customer of an earlier statement
                f.insert(QStringLiteral("phone"), QStringLiteral("+62813%1").arg(10, 8, 10, QLatin1Char('0')));
            if (i == 120) // B's own customer's phone
                f.insert(QStringLiteral("phone"), known.phone);
            if (i == 130) // an email and a code held earlier in the page
                f.insert(QStringLiteral("email"), QStringLiteral("p3@example.com"));
            if (i == 131)
                f.insert(QStringLiteral("code"), QStringLiteral("C-000503"));
            if (i == 140)
                f.insert(QStringLiteral("phone"), QStringLiteral("+62813%1").arg(139, 8, 10, QLatin1Char('0')));
            add(ids.last(), f);
            if (i == 5) // an edit of a customer still waiting to be written
                add(ids.at(2),
                    {{QStringLiteral("name"), QStringLiteral("Pelanggan Dua")},
                        {QStringLiteral("updatedAt"), isoUtc(at)}});
            if (i == 70) {
                SyncOp note;
                note.id = Ids::newId(at);
                note.companyId = shop.companyId;
                note.entity = QStringLiteral("customer_note");
                note.entityId = Ids::newId(at);
                note.action = QStringLiteral("create");
                note.fields = {{QStringLiteral("customerId"), ids.at(69)},
                    {QStringLiteral("kind"), QStringLiteral("issue")},
                    {QStringLiteral("body"), QStringLiteral("Minta struk")}, {QStringLiteral("createdAt"), isoUtc(at)}};
                note.hlc = Hlc {at++, 0, site};
                note.actorId = by;
                note.createdAt = note.hlc.ms;
                page.append(note);
            }
            if (i == 90) {
                SyncOp gone = page.last();
                gone.id = Ids::newId(at);
                gone.entityId = ids.at(80);
                gone.kind = SyncOp::Kind::Delete;
                gone.action = QStringLiteral("delete");
                gone.fields = {};
                gone.hlc = Hlc {at++, 0, site};
                page.append(gone);
            }
        }
        add(known.id, {{QStringLiteral("city"), QStringLiteral("Medan")}, {QStringLiteral("updatedAt"), isoUtc(at)}});

        QVERIFY2(Shop::pull(*shop.b, page).ok(), "the page at once");
        for (const SyncOp& op : std::as_const(page))
            QVERIFY2(Shop::pull(*c, {op}).ok(), qPrintable(op.entityId));
        QCOMPARE(dump(*shop.b), dump(*c));
        QCOMPARE(auditRows(*shop.b), auditRows(*c));

        // What a person sees: 149 customers came, the values held twice went to one each.
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer")).toInt(), 150);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_duplicate")).toInt(), 6);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT phone FROM customer WHERE id = ?"), {ids.at(140)}).toString(),
            QStringLiteral("+6281300000139"));
        QVERIFY(scalar(*shop.b, QStringLiteral("SELECT phone FROM customer WHERE id = ?"), {ids.at(139)}).isNull());
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT name FROM customer WHERE id = ?"), {ids.at(2)}).toString(),
            QStringLiteral("Pelanggan Dua"));
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT sum(customers) FROM dashboard_customers")).toInt(), 150);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_word WHERE word = 'pelanggan'")).toInt(),
            149);

        // The same page again changes nothing.
        const QStringList once = dump(*shop.b);
        const QStringList audit = auditRows(*shop.b);
        QVERIFY(Shop::pull(*shop.b, page).ok());
        QCOMPARE(dump(*shop.b), once);
        QCOMPARE(auditRows(*shop.b), audit);
    }

    void initialSyncIsFast()
    {
        // A company of registrations pulled into a new terminal, in pages of 1,000.
        Shop shop;
        shop.exchange();
        constexpr int count = 20'000;
        QList<SyncOp> ops;
        ops.reserve(count);
        const qint64 t0 = shop.a.clock().nowMs();
        const quint32 site = shop.a.db().hlc().siteId();
        const QString by = shop.a.admin().userId;
        for (int i = 0; i < count; ++i) {
            SyncOp op;
            op.id = Ids::newId(t0 + i);
            op.companyId = shop.companyId;
            op.entity = QStringLiteral("customer");
            op.entityId = Ids::newId(t0 + i);
            op.action = QStringLiteral("create");
            const QString at = isoUtc(t0 + i);
            op.fields = {{QStringLiteral("code"), QStringLiteral("C-%1").arg(i + 1, 6, 10, QLatin1Char('0'))},
                {QStringLiteral("name"), QStringLiteral("Pelanggan %1 Santoso").arg(i)},
                {QStringLiteral("phone"), QStringLiteral("+62812%1").arg(i, 8, 10, QLatin1Char('0'))},
                {QStringLiteral("createdAt"), at}, {QStringLiteral("updatedAt"), at}, {QStringLiteral("createdBy"), by},
                {QStringLiteral("updatedBy"), by}, {QStringLiteral("id"), op.entityId},
                {QStringLiteral("level"), QStringLiteral("Bronze")},
                {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("type"), QStringLiteral("walk-in")}, {QStringLiteral("preferSms"), true},
                {QStringLiteral("preferEmail"), false}, {QStringLiteral("preferCall"), false},
                {QStringLiteral("preferWhatsapp"), false}, {QStringLiteral("doNotContact"), false}};
            op.hlc = Hlc {t0 + i, 0, site};
            op.actorId = by;
            op.createdAt = t0 + i;
            ops.append(op);
        }
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpu0 = std::clock();
        for (int from = 0; from < count; from += 1000)
            QVERIFY(Shop::pull(*shop.b, ops.mid(from, 1000)).ok());
        const qint64 ms = std::max<qint64>(timer.elapsed(), 1);
        const qint64 perSecond = count * 1000 / ms;
        const qint64 cpuMs = (std::clock() - cpu0) * 1000 / CLOCKS_PER_SEC;
        qInfo("initial sync: %d customer creates in %lld ms (%lld per second), %lld ms of CPU", count, ms, perSecond,
            cpuMs);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer")).toInt(), count);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT count(*) FROM customer_word WHERE word = 'santoso'")).toInt(),
            count);

        // One change to one of them, as a later pull brings it.
        SyncOp edit = ops.at(count / 2);
        edit.id = Ids::newId(t0 + count);
        edit.action = QStringLiteral("update");
        edit.fields = {{QStringLiteral("name"), QStringLiteral("Pelanggan Baru")},
            {QStringLiteral("updatedAt"), isoUtc(t0 + count)}};
        edit.hlc = Hlc {t0 + count, 0, site};
        timer.restart();
        QVERIFY(Shop::pull(*shop.b, {edit}).ok());
        const qint64 editMs = timer.elapsed();
        qInfo("one pulled edit: %lld ms", editMs);
        QCOMPARE(scalar(*shop.b, QStringLiteral("SELECT name FROM customer WHERE id = ?"), {edit.entityId}).toString(),
            QStringLiteral("Pelanggan Baru"));
        QVERIFY2(editMs < 50, qPrintable(QString::number(editMs)));
    }
};

QTEST_GUILESS_MAIN(TestChangeApplier)
#include "TestChangeApplier.moc"
