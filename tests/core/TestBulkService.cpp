#include "core/services/AnalyticsService.h"
#include "core/services/BulkService.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/ProductService.h"
#include "core/services/TagService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace kasir;

namespace {

qint64 scalar(Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// What a bulk change leaves behind: customer audit rows and sync ops.
struct Footprint
{
    qint64 audit = 0;
    qint64 ops = 0;
    qint64 tagOps = 0;

    static Footprint of(Database& db)
    {
        return {scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer'")),
            scalar(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer'")),
            scalar(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity IN ('tag', 'customer_tag')"))};
    }
};

QList<Customer> addCustomers(test::TestDatabase& t, int n, const QString& type = QStringLiteral("walk-in"),
    const QString& prefix = QStringLiteral("Pelanggan"))
{
    QList<CustomerInput> inputs;
    for (int i = 0; i < n; ++i) {
        CustomerInput in;
        in.name = QStringLiteral("%1 %2").arg(prefix).arg(i, 5, 10, QLatin1Char('0'));
        in.type = type;
        inputs << in;
    }
    auto made = CustomerService(t.db(), t.admin()).createMany(inputs);
    if (!made)
        qFatal("customers: %s", qPrintable(made.error().describe()));
    return *made;
}

Customer addCustomer(test::TestDatabase& t, const QString& name, const QString& type, const Actor& as = {})
{
    CustomerInput in;
    in.name = name;
    in.type = type;
    auto c = CustomerService(t.db(), as.userId.isEmpty() ? t.admin() : as).create(in);
    if (!c)
        qFatal("customer: %s", qPrintable(c.error().describe()));
    return *c;
}

Customer reread(test::TestDatabase& t, const QString& id)
{
    return CustomerService(t.db(), t.admin()).get(id).value();
}

qint64 countType(test::TestDatabase& t, const QString& type)
{
    return scalar(t.db(), QStringLiteral("SELECT count(*) FROM customer WHERE company_id = ? AND type = ?"),
        {t.company().id, type});
}

QString describe(const Result<BulkService::Outcome>& r)
{
    if (!r)
        return r.error().describe();
    return QString::fromUtf8(QJsonDocument(BulkService::toJson(*r)).toJson(QJsonDocument::Compact));
}

BulkService::Selection everyone()
{
    return BulkService::Selection::filtered(CustomerQuery {});
}

} // namespace

class TestBulkService : public QObject
{
    Q_OBJECT

private slots:
    void setsTypeAndStatusAsASingleEditWould()
    {
        test::TestDatabase t;
        const QList<Customer> walkIns = addCustomers(t, 5);
        const Customer vip = addCustomer(t, QStringLiteral("Sudah VIP"), QStringLiteral("vip"));
        const Footprint before = Footprint::of(t.db());
        t.clock().advance(60'000);

        BulkService bulk(t.db(), t.manager());
        auto r = bulk.apply(everyone(), BulkService::Action::setType(CustomerType::Vip));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->total, 6);
        QCOMPARE(r->changed, 5);
        QCOMPARE(r->unchanged, 1);
        QCOMPARE(r->failed, 0);
        QCOMPARE(r->remaining(), 0);
        QVERIFY(!r->cancelled);
        QVERIFY(!r->fault);
        QCOMPARE(countType(t, QStringLiteral("vip")), 6);
        // One audit row and one sync op per changed customer, none for the one already vip.
        const Footprint after = Footprint::of(t.db());
        QCOMPARE(after.audit - before.audit, 5);
        QCOMPARE(after.ops - before.ops, 5);
        QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = ?"), {vip.id}), 1);
        // Written as the single edit writes it: an update by the manager, stamped now.
        const Customer c = reread(t, walkIns[2].id);
        QCOMPARE(c.updatedBy, t.manager().userId);
        QCOMPARE(c.updatedAt, t.clock().nowMs());
        QSqlQuery q(t.db().connection());
        q.prepare(
            QStringLiteral("SELECT action, actor_id, changes FROM audit_log WHERE entity_id = ? ORDER BY id DESC"));
        q.addBindValue(walkIns[2].id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("update"));
        QCOMPARE(q.value(1).toString(), t.manager().userId);
        const QJsonObject changes = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
        QVERIFY2(changes.contains(QStringLiteral("type")), q.value(2).toByteArray().constData());
        q.finish();

        r = bulk.apply(everyone(), BulkService::Action::setStatus(CustomerStatus::Blocked));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->changed, 6);
        QCOMPARE(reread(t, vip.id).status, CustomerStatus::Blocked);
        r = bulk.apply(everyone(), BulkService::Action::setStatus(CustomerStatus::Blocked));
        QCOMPARE(r->changed, 0);
        QCOMPARE(r->unchanged, 6);
        QCOMPARE(Footprint::of(t.db()).audit - before.audit, 11);
    }

    void membershipOnAndOff()
    {
        test::TestDatabase t;
        const Customer walkIn = addCustomer(t, QStringLiteral("Walk In"), QStringLiteral("walk-in"));
        const Customer member = addCustomer(t, QStringLiteral("Member"), QStringLiteral("member"));
        const Customer vip = addCustomer(t, QStringLiteral("Vip"), QStringLiteral("vip"));
        const Customer wholesale = addCustomer(t, QStringLiteral("Grosir"), QStringLiteral("wholesale"));
        BulkService bulk(t.db(), t.admin());

        // On: the walk-in becomes a member; members and vips have it; wholesale is refused,
        // named, and left as it is.
        auto on = bulk.apply(everyone(), BulkService::Action::membership(true));
        QVERIFY2(on.ok(), qPrintable(describe(on)));
        QCOMPARE(on->changed, 1);
        QCOMPARE(on->unchanged, 2);
        QCOMPARE(on->failed, 1);
        QCOMPARE(on->failures.size(), 1);
        QCOMPARE(on->failures[0].customer, wholesale.code);
        QCOMPARE(on->failures[0].customerId, wholesale.id);
        QCOMPARE(on->failures[0].error.code, QStringLiteral("wholesale_customer"));
        QCOMPARE(reread(t, walkIn.id).type, CustomerType::Member);
        QCOMPARE(reread(t, vip.id).type, CustomerType::Vip);
        QCOMPARE(reread(t, wholesale.id).type, CustomerType::Wholesale);

        // Off: members and vips become walk-ins; wholesale has none to turn off.
        auto off = bulk.apply(everyone(), BulkService::Action::membership(false));
        QVERIFY2(off.ok(), qPrintable(describe(off)));
        QCOMPARE(off->changed, 3);
        QCOMPARE(off->unchanged, 1);
        QCOMPARE(off->failed, 0);
        for (const Customer& c : {walkIn, member, vip})
            QCOMPARE(reread(t, c.id).type, CustomerType::WalkIn);
        QCOMPARE(reread(t, wholesale.id).type, CustomerType::Wholesale);
        // The filter the dashboard uses agrees.
        CustomerQuery members;
        members.membershipActive = true;
        QCOMPARE(CustomerService(t.db(), t.admin()).count(members).value(), 0);
    }

    void addsAndRemovesTags()
    {
        test::TestDatabase t;
        const QList<Customer> all = addCustomers(t, 30);
        TagService tags(t.db(), t.admin());
        QVERIFY(tags.tag(all[0].id, QStringLiteral("Lama")).ok());
        const Footprint before = Footprint::of(t.db());
        BulkService bulk(t.db(), t.manager());

        // A new tag is made once and put on everyone; the chunks after the first use it.
        BulkService::Options small;
        small.chunkSize = 7;
        auto added = bulk.apply(everyone(), BulkService::Action::addTag(QStringLiteral("Pelanggan Setiá")), small);
        QVERIFY2(added.ok(), qPrintable(describe(added)));
        QCOMPARE(added->changed, 30);
        QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM tag")), 2);
        QCOMPARE(Footprint::of(t.db()).tagOps - before.tagOps, 31);
        // Case and accents name the same tag: nobody is tagged twice.
        added = bulk.apply(everyone(), BulkService::Action::addTag(QStringLiteral("PELANGGAN SETIA")), small);
        QCOMPARE(added->changed, 0);
        QCOMPARE(added->unchanged, 30);

        // Only the selection: those with the old tag lose the new one.
        CustomerQuery tagged;
        tagged.tags = {QStringLiteral("lama")};
        auto removed = bulk.apply(BulkService::Selection::filtered(tagged),
            BulkService::Action::removeTag(QStringLiteral("pelanggan setia")));
        QVERIFY2(removed.ok(), qPrintable(describe(removed)));
        QCOMPARE(removed->total, 1);
        QCOMPARE(removed->changed, 1);
        QCOMPARE(tags.tagsOf(all[0].id)->size(), 1);
        QCOMPARE(tags.tagsOf(all[1].id)->size(), 1);
        removed = bulk.apply(everyone(), BulkService::Action::removeTag(QStringLiteral("Pelanggan Setia")));
        QCOMPARE(removed->changed, 29);
        QCOMPARE(removed->unchanged, 1);
        QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM customer_tag")), 1);
        // The tag itself stays; customer rows were never touched.
        QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM tag")), 2);
        QCOMPARE(Footprint::of(t.db()).audit, before.audit);

        // A tag that does not exist is said once, before anything; a bad name names the flag.
        auto missing = bulk.apply(everyone(), BulkService::Action::removeTag(QStringLiteral("Tidak Ada")));
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
        auto bad = bulk.apply(everyone(), BulkService::Action::addTag(QStringLiteral("  ")));
        QCOMPARE(bad.error().kind, Error::Kind::Invalid);
        QCOMPARE(bad.error().field, QStringLiteral("addTag"));
        bad = bulk.apply(everyone(), BulkService::Action::removeTag(QString(TagService::maxName + 1, u'x')));
        QCOMPARE(bad.error().field, QStringLiteral("removeTag"));
    }

    void permissionsPerRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("allowed");
        const QList<std::pair<const char*, Role>> roles {
            {"admin", Role::Admin}, {"manager", Role::Manager}, {"cashier", Role::Cashier}};
        const QStringList actions {QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("add-tag"),
            QStringLiteral("remove-tag"), QStringLiteral("membership-on"), QStringLiteral("membership-off")};
        for (const auto& [name, role] : roles) {
            for (int a = 0; a < actions.size(); ++a)
                QTest::newRow(qPrintable(QLatin1String(name) + u' ' + actions[a]))
                    << static_cast<int>(role) << a << (role != Role::Cashier);
        }
    }

    void permissionsPerRole()
    {
        QFETCH(int, role);
        QFETCH(int, action);
        QFETCH(bool, allowed);
        test::TestDatabase t;
        const QList<Customer> all = addCustomers(t, 3);
        addCustomer(t, QStringLiteral("Anggota"), QStringLiteral("member"));
        QVERIFY(TagService(t.db(), t.admin()).tag(all[0].id, QStringLiteral("Ada")).ok());
        const BulkService::Action actions[] = {BulkService::Action::setType(CustomerType::Vip),
            BulkService::Action::setStatus(CustomerStatus::Inactive),
            BulkService::Action::addTag(QStringLiteral("Baru")), BulkService::Action::removeTag(QStringLiteral("Ada")),
            BulkService::Action::membership(true), BulkService::Action::membership(false)};
        const Actor as = role == static_cast<int>(Role::Admin) ? t.admin()
            : role == static_cast<int>(Role::Manager)          ? t.manager()
                                                               : t.cashier();
        const Footprint before = Footprint::of(t.db());
        auto r = BulkService(t.db(), as).apply(everyone(), actions[action]);
        if (!allowed) {
            QCOMPARE(r.error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(Footprint::of(t.db()).audit, before.audit);
            QCOMPARE(Footprint::of(t.db()).tagOps, before.tagOps);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r->changed >= 1);
        QCOMPARE(r->failed, 0);
    }

    void cashiersAreRefusedBeforeAnythingIsRead()
    {
        test::TestDatabase t;
        addCustomers(t, 2);
        BulkService bulk(t.db(), t.cashier());
        // A query that would be refused, a tag that does not exist, a dry run, a silly chunk
        // size: a cashier hears only that they may not.
        CustomerQuery invalid;
        invalid.tags = QStringList(CustomerQuery::maxTags + 1, QStringLiteral("x"));
        BulkService::Options dry;
        dry.dryRun = true;
        dry.chunkSize = 0;
        int progressCalls = 0;
        dry.progress = [&](qint64, qint64) {
            ++progressCalls;
            return true;
        };
        for (const auto& r : {bulk.apply(BulkService::Selection::filtered(invalid),
                                  BulkService::Action::removeTag(QStringLiteral("Tidak Ada")), dry),
                 bulk.apply(BulkService::Selection::picked({QStringLiteral("C-000001")}),
                     BulkService::Action::setType(CustomerType::Vip), dry)}) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::PermissionDenied);
            QVERIFY2(r.error().message.contains(QStringLiteral("bulk")), qPrintable(r.error().message));
        }
        QCOMPARE(progressCalls, 0);
        QCOMPARE(countType(t, QStringLiteral("vip")), 0);
    }

    void otherCompaniesAreNeverTouched()
    {
        test::TestDatabase t;
        const Actor otherAdmin = t.addCompany(QStringLiteral("Toko Sebelah"));
        const QList<Customer> ours = addCustomers(t, 4);
        QList<CustomerInput> theirInputs;
        for (int i = 0; i < 3; ++i) {
            CustomerInput in;
            in.name = QStringLiteral("Pelanggan %1").arg(i, 5, 10, QLatin1Char('0')); // the same names as ours
            theirInputs << in;
        }
        const QList<Customer> theirs = CustomerService(t.db(), otherAdmin).createMany(theirInputs).value();
        const qint64 theirAudit = scalar(
            t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE company_id = ?"), {theirs[0].companyId});
        BulkService bulk(t.db(), t.admin());

        // Filtered: the whole company, theirs not included however the text matches.
        CustomerQuery byName;
        byName.text = QStringLiteral("pelanggan");
        auto r = bulk.apply(BulkService::Selection::filtered(byName), BulkService::Action::setType(CustomerType::Vip));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->total, 4);
        QCOMPARE(r->changed, 4);
        // Named: their ids and codes name nobody here.
        QStringList refs {theirs[0].id, theirs[1].id.toUpper(), ours[0].id};
        r = bulk.apply(BulkService::Selection::picked(refs), BulkService::Action::setStatus(CustomerStatus::Blocked));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->total, 3);
        QCOMPARE(r->changed, 1);
        QCOMPARE(r->failed, 2);
        for (const BulkService::Failure& f : r->failures) {
            QCOMPARE(f.error.kind, Error::Kind::NotFound);
            QVERIFY(f.customerId.isEmpty());
        }
        for (const Customer& c : theirs) {
            const Customer now = CustomerService(t.db(), otherAdmin).get(c.id).value();
            QCOMPARE(now, c);
        }
        QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE company_id = ?"),
                     {theirs[0].companyId}),
            theirAudit);
    }

    void namedCustomersWithNastyReferences()
    {
        test::TestDatabase t;
        const QList<Customer> all = addCustomers(t, 3);
        const qint64 customers = t.countRows(QStringLiteral("customer"));
        const QStringList refs {
            all[0].code, // C-000001
            all[0].id, // the same customer by id: counted once
            QStringLiteral("  c1  "), // and by a short code
            QStringLiteral("c2"),
            QStringLiteral("'; DROP TABLE customer; --"),
            QStringLiteral("C-000001' OR '1'='1"),
            QStringLiteral("Pelanggan \U0001F600 ñandú"),
            QStringLiteral("C-\uFF10\uFF10\uFF11"), // full-width digits
            QStringLiteral("00000000-0000-7000-8000-000000000000"), // well formed, nobody
            QString(10'000, u'9'),
            QString(),
        };
        BulkService bulk(t.db(), t.manager());
        auto r = bulk.apply(BulkService::Selection::picked(refs), BulkService::Action::setType(CustomerType::Member));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->changed, 2);
        QCOMPARE(r->failed, 7);
        QCOMPARE(r->total, 9);
        QCOMPARE(r->remaining(), 0);
        QCOMPARE(reread(t, all[0].id).type, CustomerType::Member);
        QCOMPARE(reread(t, all[1].id).type, CustomerType::Member);
        QCOMPARE(reread(t, all[2].id).type, CustomerType::WalkIn);
        for (const BulkService::Failure& f : r->failures) {
            QVERIFY2(f.error.kind == Error::Kind::Invalid || f.error.kind == Error::Kind::NotFound,
                qPrintable(f.error.describe()));
            QVERIFY(f.customer.size() <= 64);
        }
        // The summary carries them as they were given, as valid JSON.
        const QJsonObject json = BulkService::toJson(*r);
        QCOMPARE(json.value(QStringLiteral("failures")).toArray().size(), 7);
        QCOMPARE(json.value(QStringLiteral("failures")).toArray()[2].toObject().value(QStringLiteral("customer")),
            QStringLiteral("Pelanggan \U0001F600 ñandú"));
        QCOMPARE(t.countRows(QStringLiteral("customer")), customers);

        // Named and filtered at once is a mistake, not a choice of one of them.
        BulkService::Selection both = BulkService::Selection::filtered(CustomerQuery {});
        both.refs = {all[2].code};
        auto r2 = bulk.apply(both, BulkService::Action::setType(CustomerType::Member));
        QCOMPARE(r2.error().field, QStringLiteral("ids"));
        QCOMPARE(reread(t, all[2].id).type, CustomerType::WalkIn);
    }

    void anEmptySelectionWritesNothing()
    {
        test::TestDatabase t;
        addCustomers(t, 3);
        const Footprint before = Footprint::of(t.db());
        BulkService bulk(t.db(), t.admin());
        CustomerQuery nobody;
        nobody.text = QStringLiteral("zzzz");
        int calls = 0;
        BulkService::Options o;
        o.progress = [&](qint64, qint64) {
            ++calls;
            return true;
        };
        for (const BulkService::Selection& s :
            {BulkService::Selection::filtered(nobody), BulkService::Selection::picked({})}) {
            auto r = bulk.apply(s, BulkService::Action::addTag(QStringLiteral("Kosong")), o);
            QVERIFY2(r.ok(), qPrintable(describe(r)));
            QCOMPARE(r->total, 0);
            QCOMPARE(r->changed + r->unchanged + r->failed, 0);
            QVERIFY(!r->cancelled);
        }
        QCOMPARE(calls, 0);
        // Not even the tag was made.
        QCOMPARE(t.countRows(QStringLiteral("tag")), 0);
        QCOMPARE(Footprint::of(t.db()).ops, before.ops);
    }

    void aDryRunCountsWithoutWriting()
    {
        test::TestDatabase t;
        addCustomers(t, 40);
        addCustomers(t, 5, QStringLiteral("vip"), QStringLiteral("Lama"));
        const Footprint before = Footprint::of(t.db());
        BulkService bulk(t.db(), t.manager());
        BulkService::Options dry;
        dry.dryRun = true;
        dry.chunkSize = 16;
        auto r = bulk.apply(everyone(), BulkService::Action::setType(CustomerType::Vip), dry);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r->dryRun);
        QCOMPARE(r->changed, 40);
        QCOMPARE(r->unchanged, 5);
        QCOMPARE(countType(t, QStringLiteral("vip")), 5);
        r = bulk.apply(everyone(), BulkService::Action::addTag(QStringLiteral("Baru")), dry);
        QCOMPARE(r->changed, 45);
        QCOMPARE(t.countRows(QStringLiteral("tag")), 0);
        const Footprint after = Footprint::of(t.db());
        QCOMPARE(after.audit, before.audit);
        QCOMPARE(after.ops, before.ops);
        QCOMPARE(after.tagOps, before.tagOps);
        // And the real run does what the dry run said.
        QCOMPARE(bulk.apply(everyone(), BulkService::Action::setType(CustomerType::Vip))->changed, 40);
    }

    void cancelStopsBetweenChunks()
    {
        test::TestDatabase t;
        addCustomers(t, 50);
        BulkService bulk(t.db(), t.manager());
        BulkService::Options o;
        o.chunkSize = 10;
        QList<std::pair<qint64, qint64>> calls;
        o.progress = [&](qint64 done, qint64 total) {
            calls << std::pair {done, total};
            return done < 20;
        };
        auto r = bulk.apply(everyone(), BulkService::Action::setType(CustomerType::Vip), o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r->cancelled);
        QVERIFY(!r->fault);
        QCOMPARE(r->total, 50);
        QCOMPARE(r->changed, 20);
        QCOMPARE(r->remaining(), 30);
        QCOMPARE(countType(t, QStringLiteral("vip")), 20);
        QCOMPARE(Footprint::of(t.db()).audit, 50 + 20);
        // Before the first chunk and after each one.
        const QList<std::pair<qint64, qint64>> expected {{0, 50}, {10, 50}, {20, 50}};
        QCOMPARE(calls, expected);

        // Cancelled while the selection is read: nothing is written.
        addCustomers(t, CustomerQuery::maxLimit, QStringLiteral("walk-in"), QStringLiteral("Banyak"));
        o.progress = [](qint64, qint64 total) { return total >= 0; };
        r = bulk.apply(everyone(), BulkService::Action::setType(CustomerType::Wholesale), o);
        QVERIFY(r->cancelled);
        QCOMPARE(r->changed, 0);
        QCOMPARE(countType(t, QStringLiteral("wholesale")), 0);
    }

    void aFaultInALaterChunkKeepsTheChunksBefore()
    {
        test::TestDatabase t;
        addCustomers(t, 50);
        const Footprint before = Footprint::of(t.db());
        // The 25th op of the run fails: in the third chunk of ten.
        QSqlQuery trigger(t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                            "WHEN (SELECT count(*) FROM sync_outbox) >= %1 "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
                                 .arg(t.countRows(QStringLiteral("sync_outbox")) + 24)));
        BulkService::Options o;
        o.chunkSize = 10;
        auto r = BulkService(t.db(), t.manager()).apply(everyone(), BulkService::Action::setType(CustomerType::Vip), o);
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r->fault);
        QVERIFY2(r->fault->message.contains(QStringLiteral("disk on fire")), qPrintable(r->fault->describe()));
        QCOMPARE(r->changed, 20);
        QCOMPARE(r->remaining(), 30);
        QVERIFY(!r->cancelled);
        // What the outcome says is what the file holds: two chunks, with their rows and ops.
        QCOMPARE(countType(t, QStringLiteral("vip")), 20);
        QCOMPARE(AnalyticsService(t.db(), t.manager()).overview()->vipCustomers, 20);
        const Footprint after = Footprint::of(t.db());
        QCOMPARE(after.audit - before.audit, 20);
        QCOMPARE(after.ops - before.ops, 20);
        QVERIFY(BulkService::toJson(*r).contains(QStringLiteral("fault")));

        // Run again: the first twenty are unchanged, the rest are done.
        r = BulkService(t.db(), t.manager()).apply(everyone(), BulkService::Action::setType(CustomerType::Vip), o);
        QCOMPARE(r->unchanged, 20);
        QCOMPARE(r->changed, 30);
    }

    void twoThousandCustomersInChunks()
    {
        test::TestDatabase t;
        addCustomers(t, 2000);
        addCustomers(t, 10, QStringLiteral("wholesale"), QStringLiteral("Grosir"));
        const Footprint before = Footprint::of(t.db());
        // Filtered by the type the action changes: the selection is read before anything is
        // written, so changing it does not shift the pages.
        CustomerQuery walkIns;
        walkIns.type = CustomerType::WalkIn;
        BulkService::Options o;
        qint64 lastDone = -1;
        int chunks = 0;
        o.progress = [&](qint64 done, qint64 total) {
            if (total < 0)
                return true;
            if (done <= lastDone || total != 2000)
                qFatal("progress went wrong: %lld of %lld", done, total);
            lastDone = done;
            ++chunks;
            return true;
        };
        auto r
            = BulkService(t.db(), t.manager())
                  .apply(BulkService::Selection::filtered(walkIns), BulkService::Action::setType(CustomerType::Vip), o);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->total, 2000);
        QCOMPARE(r->changed, 2000);
        QCOMPARE(lastDone, 2000);
        QCOMPARE(chunks, 1 + 2000 / BulkService::defaultChunkSize);
        QCOMPARE(countType(t, QStringLiteral("vip")), 2000);
        QCOMPARE(countType(t, QStringLiteral("wholesale")), 10);
        // The dashboard's running totals followed every customer.
        const AnalyticsOverview overview = AnalyticsService(t.db(), t.manager()).overview().value();
        QCOMPARE(overview.vipCustomers, 2000);
        QCOMPARE(overview.walkInCustomers, 0);
        QCOMPARE(overview.membershipActive, 2000);
        const Footprint after = Footprint::of(t.db());
        QCOMPARE(after.audit - before.audit, r->changed);
        QCOMPARE(after.ops - before.ops, r->changed);
        // Each op is about its own customer.
        QCOMPARE(scalar(t.db(),
                     QStringLiteral("SELECT count(DISTINCT entity_id) FROM sync_outbox WHERE entity = 'customer' "
                                    "AND fields LIKE '%\"type\":\"vip\"%'")),
            2000);
    }

    void aSaleAtTheTillGoesThroughDuringABigBulk()
    {
        test::TestDatabase t;
        ProductService::ProductInput kopi;
        kopi.sku = QStringLiteral("KOPI");
        kopi.name = QStringLiteral("Kopi Susu");
        kopi.price = 25'000;
        QVERIFY(ProductService(t.db(), t.admin()).add(kopi).ok());
        const QList<Customer> all = addCustomers(t, 3000);
        const QString buyer = all[2500].id;

        std::atomic<bool> bulkRunning = false;
        std::atomic<bool> bulkDone = false;
        std::atomic<int> sales = 0;
        std::atomic<int> salesDuringBulk = 0;
        std::atomic<qint64> longestSale = 0;
        QString saleError;
        // The till: another connection on another thread, selling to a customer the bulk
        // also changes, as long as the bulk runs.
        std::thread till([&] {
            ManualClock clock;
            auto db = Database::open(t.path(), clock);
            if (!db) {
                saleError = db.error().describe();
                return;
            }
            while (!bulkRunning)
                QThread::msleep(1);
            while (!bulkDone) {
                QThread::msleep(10); // the next customer steps up
                QElapsedTimer waited;
                waited.start();
                SaleRequest req;
                req.customer = buyer;
                req.items = {{QStringLiteral("KOPI"), 1}};
                req.payments = {{PaymentMethod::Cash, 25'000}};
                auto sale = CheckoutService(**db, t.cashier()).complete(req);
                if (!sale) {
                    saleError = sale.error().describe();
                    break;
                }
                ++sales;
                longestSale = std::max<qint64>(longestSale, waited.elapsed());
                if (!bulkDone)
                    ++salesDuringBulk;
            }
            (*db)->closeThreadConnection();
        });
        BulkService::Options o;
        o.chunkSize = 100;
        // The till starts selling once the chunks start.
        o.progress = [&](qint64, qint64 total) {
            if (total >= 0)
                bulkRunning = true;
            return true;
        };
        QElapsedTimer took;
        took.start();
        auto r = BulkService(t.db(), t.manager()).apply(everyone(), BulkService::Action::setType(CustomerType::Vip), o);
        const qint64 bulkMs = took.elapsed();
        bulkDone = true;
        till.join();
        QVERIFY2(saleError.isEmpty(), qPrintable(saleError));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY2(!r->fault, qPrintable(describe(r)));
        QCOMPARE(r->changed, 3000);
        QVERIFY(salesDuringBulk > 0);
        // Neither lost the other's write: the buyer is vip and has every purchase.
        QCOMPARE(reread(t, buyer).type, CustomerType::Vip);
        QCOMPARE(
            scalar(t.db(), QStringLiteral("SELECT purchases FROM customer_metrics WHERE customer_id = ?"), {buyer}),
            qint64(sales.load()));
        qInfo("%d sales went through during the bulk of %lld ms, the longest in %lld ms", salesDuringBulk.load(),
            bulkMs, longestSale.load());
    }

    void outcomeAsJson()
    {
        BulkService::Outcome o;
        o.action = BulkService::Action::membership(false);
        o.total = 5;
        o.changed = 2;
        o.unchanged = 1;
        o.failed = 1;
        o.failures << BulkService::Failure {QStringLiteral("C-000009"), QStringLiteral("id-9"),
            Error::invalidField(QStringLiteral("customer"), QStringLiteral("invalid_reference"), QStringLiteral("x"))};
        const QJsonObject json = BulkService::toJson(o);
        QCOMPARE(json.value(QStringLiteral("action")).toString(), QStringLiteral("membership"));
        QCOMPARE(json.value(QStringLiteral("value")).toString(), QStringLiteral("off"));
        QCOMPARE(json.value(QStringLiteral("remaining")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("dryRun")).toBool(), false);
        const QJsonObject failure = json.value(QStringLiteral("failures")).toArray().at(0).toObject();
        QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_reference"));
        QCOMPARE(failure.value(QStringLiteral("field")).toString(), QStringLiteral("customer"));
        QCOMPARE(failure.value(QStringLiteral("customer")).toString(), QStringLiteral("C-000009"));
        QVERIFY(!json.contains(QStringLiteral("fault")));
    }
};

QTEST_GUILESS_MAIN(TestBulkService)
#include "TestBulkService.moc"
