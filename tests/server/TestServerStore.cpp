#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/domain/TextFold.h"
#include "core/sync/ServerProjection.h"
#include "core/sync/ServerStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace kasir;

// kasir-server's storage, on SQLite by default and on PostgreSQL when KASIR_TEST_PG holds a
// conninfo (ctest runs it both ways; tests/support/with-postgres.sh makes the database).
class TestServerStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;

    std::unique_ptr<ServerStore> open()
    {
        const QString pg = qEnvironmentVariable("KASIR_TEST_PG");
        auto store = pg.isEmpty() ? ServerStore::openSqlite(m_dir.filePath(QStringLiteral("server.db")), m_clock)
                                  : ServerStore::openPostgres(pg, m_clock);
        if (!store)
            qFatal("cannot open the server store: %s", qPrintable(store.error().describe()));
        return std::move(store).value();
    }

    struct Shop
    {
        Company company;
        Store store;
        User admin;
        User cashier;
        ServerStore::Device device;
        QString token;
    };

    Shop makeShop(ServerStore& s, const QString& name)
    {
        Shop shop;
        shop.company = s.createCompany(name, QStringLiteral("ID"), QStringLiteral("IDR")).value();
        shop.store = s.createStore(shop.company.id, QStringLiteral("S01"), QStringLiteral("Pusat")).value();
        shop.admin = s.createUser(shop.company.id, QStringLiteral("ani"), QStringLiteral("Ani"), Role::Admin,
                          QStringLiteral("rahasia-123"))
                         .value();
        shop.cashier = s.createUser(shop.company.id, QStringLiteral("budi"), QStringLiteral("Budi"), Role::Cashier,
                            QStringLiteral("rahasia-456"))
                           .value();
        auto reg = s.registerTerminal(shop.store.id, QStringLiteral("Kasir 1"), true).value();
        shop.device = reg.device;
        shop.token = reg.token;
        return shop;
    }

    SyncOp op(const Shop& shop, const QString& entity, const QString& action, const QJsonObject& fields,
        const QString& actor, quint16 counter = 0)
    {
        SyncOp o;
        o.id = Ids::newId(m_clock.nowMs());
        o.companyId = shop.company.id;
        o.entity = entity;
        o.entityId = Ids::newId(m_clock.nowMs());
        o.action = action;
        o.fields = fields;
        o.hlc = Hlc {m_clock.nowMs(), counter, shop.device.siteId};
        o.actorId = actor;
        o.createdAt = m_clock.nowMs();
        return o;
    }

    SyncOp customer(const Shop& shop, const QString& name, quint16 counter = 0)
    {
        return op(shop, QStringLiteral("customer"), QStringLiteral("create"), {{QStringLiteral("name"), name}},
            shop.cashier.id, counter);
    }

    // The projection's rows and words of a company as text, company left out, in id order:
    // read from the database itself (psql on PostgreSQL).
    QStringList storedRows(const QString& companyId)
    {
        const QString select = QStringLiteral(
            "SELECT id, code, name, name_key, phone, phone_rev, email, type, status, level, city, created_at, "
            "updated_at, deleted, anonymised_at, data, field_hlc, row_hlc FROM srv_customer WHERE company_id = '%1' "
            "ORDER BY id")
                                   .arg(companyId);
        const QString words = QStringLiteral("SELECT customer_id, word FROM srv_customer_word WHERE company_id = "
                                             "'%1' ORDER BY customer_id, word")
                                  .arg(companyId);
        QStringList out;
        const QString pg = qEnvironmentVariable("KASIR_TEST_PG");
        if (!pg.isEmpty()) {
            for (const QString& sql : {select, words}) {
                QProcess psql;
                psql.start(QStringLiteral("psql"), {pg, QStringLiteral("-qAtc"), sql});
                if (!psql.waitForFinished(30000) || psql.exitCode() != 0)
                    qFatal("psql failed: %s", psql.readAllStandardError().constData());
                out << QString::fromUtf8(psql.readAllStandardOutput()).split(u'\n');
            }
            return out;
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stored-rows"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("server.db")));
            if (!db.open())
                qFatal("cannot open the server file");
            for (const QString& sql : {select, words}) {
                QSqlQuery q(db);
                if (!q.exec(sql))
                    qFatal("cannot read the projection");
                while (q.next()) {
                    QStringList values;
                    for (int c = 0; c < q.record().count(); ++c)
                        values << (q.value(c).isNull() ? QStringLiteral("<null>") : q.value(c).toString());
                    out << values.join(u'|');
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("stored-rows"));
        return out;
    }

    qint64 logLength(ServerStore& s, const ServerStore::Device& d)
    {
        qint64 since = 0;
        qint64 count = 0;
        for (;;) {
            auto page = s.pull(d, since, 1000).value();
            count += page.changes.size();
            since = page.next;
            if (!page.hasMore)
                return count;
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qInfo("storage: %s", qEnvironmentVariableIsEmpty("KASIR_TEST_PG") ? "SQLite" : "PostgreSQL");
    }

    void administrationRefusesBadInputAndDuplicates()
    {
        auto s = open();
        auto bad = s->createCompany(QStringLiteral("  "), QStringLiteral("XX"), QStringLiteral("rupiah"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().fields.size(), 3);
        QCOMPARE(bad.error().fields[0].field, QStringLiteral("name"));
        QCOMPARE(bad.error().fields[1].field, QStringLiteral("region"));
        QCOMPARE(bad.error().fields[2].field, QStringLiteral("currency"));

        Shop shop = makeShop(*s, QStringLiteral("Toko \"Maju\"'; DROP TABLE srv_user; --"));
        QCOMPARE(s->company(shop.company.id).value()->name, QStringLiteral("Toko \"Maju\"'; DROP TABLE srv_user; --"));
        auto dupStore = s->createStore(shop.company.id, QStringLiteral("s01"), QStringLiteral("Lagi"));
        QVERIFY(!dupStore);
        QCOMPARE(dupStore.error().kind, Error::Kind::Conflict);
        QCOMPARE(dupStore.error().field, QStringLiteral("code"));
        auto dupUser = s->createUser(
            shop.company.id, QStringLiteral("ANI"), QString(), Role::Manager, QStringLiteral("rahasia-789"));
        QVERIFY(!dupUser);
        QCOMPARE(dupUser.error().field, QStringLiteral("username"));
        auto noStore = s->registerTerminal(Ids::newId(), QString(), false);
        QVERIFY(!noStore);
        QCOMPARE(noStore.error().kind, Error::Kind::NotFound);
        auto shortPassword
            = s->createUser(shop.company.id, QStringLiteral("citra"), QString(), Role::Manager, QStringLiteral("x"));
        QVERIFY(!shortPassword);
        QCOMPARE(shortPassword.error().fields.value(0).field, QStringLiteral("password"));

        // The second terminal of the store gets the next code and number.
        auto second = s->registerTerminal(shop.store.id, QString(), false).value();
        QCOMPARE(second.device.code, QStringLiteral("T02"));
        QCOMPARE(second.device.number, 2);
        QVERIFY(second.device.siteId != shop.device.siteId);
        QCOMPARE(s->terminals(shop.company.id).value().size(), 2);
    }

    void anEnrolmentCodeWorksOnceAndExpires()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Enrol"));
        auto reg = s->registerTerminal(shop.store.id, QStringLiteral("Kasir 2"), false).value();
        QVERIFY(reg.token.isEmpty());
        QCOMPARE(reg.enrolmentCode.size(), 11);
        QVERIFY(!s->enrol(QStringLiteral("WRONG-CODE1")));
        // Typed in lower case without the dash, as people do.
        auto e = s->enrol(reg.enrolmentCode.toLower().remove(u'-'));
        QVERIFY2(e, qPrintable(e ? QString() : e.error().describe()));
        QCOMPARE(e->device.id, reg.device.id);
        QCOMPARE(e->company.id, shop.company.id);
        QVERIFY(s->authenticate(e->token));
        QVERIFY(!s->enrol(reg.enrolmentCode)); // once only

        auto late = s->registerTerminal(shop.store.id, QString(), false).value();
        m_clock.advance(25LL * 3600 * 1000);
        auto expired = s->enrol(late.enrolmentCode);
        QVERIFY(!expired);
        QCOMPARE(expired.error().kind, Error::Kind::PermissionDenied);
    }

    void aRevokedTokenIsRefused()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Cabut"));
        QVERIFY(s->authenticate(shop.token));
        QVERIFY(s->revokeTerminal(shop.device.id));
        auto after = s->authenticate(shop.token);
        QVERIFY(!after);
        QCOMPARE(after.error().kind, Error::Kind::NotFound);
        auto listed = s->terminals(shop.company.id).value();
        QVERIFY(listed.constFirst().revokedAt > 0);
        QVERIFY(!s->revokeTerminal(Ids::newId()));
        QVERIFY(!s->authenticate(QString()));
    }

    void aReplayedPushChangesNothing()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Ulang"));
        const qint64 before = logLength(*s, shop.device);
        QCOMPARE(before, 5); // company, store, two users, the terminal
        QList<SyncOp> ops;
        for (int i = 0; i < 150; ++i)
            ops << customer(shop, QStringLiteral("Pelanggan %1").arg(i), static_cast<quint16>(i));
        auto first = s->push(shop.device, QStringLiteral("b1"), ops).value();
        QCOMPARE(first.results.size(), 150);
        for (int i = 0; i < 150; ++i) {
            QCOMPARE(first.results[i].status, ServerStore::OpResult::Status::Applied);
            QCOMPARE(first.results[i].seq, before + 1 + i);
        }
        auto again = s->push(shop.device, QStringLiteral("b1"), ops).value();
        for (int i = 0; i < 150; ++i) {
            QCOMPARE(again.results[i].status, ServerStore::OpResult::Status::Duplicate);
            QCOMPARE(again.results[i].seq, first.results[i].seq);
        }
        QCOMPARE(logLength(*s, shop.device), before + 150);

        // The same id with other content is refused, and nothing is written.
        SyncOp forged = ops[7];
        forged.fields.insert(QStringLiteral("name"), QStringLiteral("Someone else"));
        auto reused = s->push(shop.device, QStringLiteral("b2"), {forged}).value();
        QCOMPARE(reused.results.constFirst().status, ServerStore::OpResult::Status::Rejected);
        QCOMPARE(reused.results.constFirst().code, QStringLiteral("id_reused"));
        QCOMPARE(logLength(*s, shop.device), before + 150);

        // The pulled log holds the ops as pushed, in order.
        auto page = s->pull(shop.device, before, 10).value();
        QCOMPARE(page.changes.size(), 10);
        QVERIFY(page.hasMore);
        QCOMPARE(page.changes[3].id, ops[3].id);
        QCOMPARE(page.changes[3].fields, ops[3].fields);
        QCOMPARE(page.changes[3].hlc, ops[3].hlc);
        QCOMPARE(page.changes[3].deviceId, shop.device.id);
        QCOMPARE(page.next, before + 10);
    }

    void everyOpIsCheckedForRoleAndCompany()
    {
        auto s = open();
        Shop a = makeShop(*s, QStringLiteral("Toko A"));
        Shop b = makeShop(*s, QStringLiteral("Toko B"));
        const qint64 before = logLength(*s, a.device);
        QList<SyncOp> ops;
        ops << op(a, QStringLiteral("product"), QStringLiteral("create"),
            {{QStringLiteral("sku"), QStringLiteral("X")}},
            a.cashier.id); // a cashier may not manage products
        ops << customer(a, QStringLiteral("Fine"));
        SyncOp other = customer(a, QStringLiteral("Into B"));
        other.companyId = b.company.id; // a terminal of A writing into B
        ops << other;
        SyncOp stranger = customer(a, QStringLiteral("By B's admin"));
        stranger.actorId = b.admin.id; // a user of another company
        ops << stranger;
        ops << op(a, QStringLiteral("user"), QStringLiteral("update"),
            {{QStringLiteral("role"), QStringLiteral("admin")}}, a.admin.id);
        ops.last().entityId = b.cashier.id; // A's admin promoting B's cashier
        ops << op(a, QStringLiteral("terminal"), QStringLiteral("create"),
            {{QStringLiteral("code"), QStringLiteral("T9")}}, a.admin.id);
        ops << op(a, QStringLiteral("spaceship"), QStringLiteral("create"), {{QStringLiteral("x"), 1}}, a.admin.id);
        SyncOp anonymous = customer(a, QStringLiteral("Nobody"));
        anonymous.actorId.clear();
        ops << anonymous;
        auto out = s->push(a.device, QStringLiteral("mixed"), ops).value();
        QCOMPARE(out.results.size(), ops.size());
        const QStringList codes {QStringLiteral("forbidden"), QString(), QStringLiteral("wrong_company"),
            QStringLiteral("unknown_user"), QStringLiteral("wrong_company"), QStringLiteral("server_only"),
            QStringLiteral("unknown_entity"), QStringLiteral("no_actor")};
        for (qsizetype i = 0; i < ops.size(); ++i) {
            QCOMPARE(out.results[i].code, codes[i]);
            QCOMPARE(out.results[i].status,
                codes[i].isEmpty() ? ServerStore::OpResult::Status::Applied : ServerStore::OpResult::Status::Rejected);
        }
        QCOMPARE(logLength(*s, a.device), before + 1);
        // B saw none of it, and its cashier is still a cashier: A's admin could not promote them.
        const qint64 bLog = logLength(*s, b.device);
        QCOMPARE(bLog, 5);
        SyncOp byCashier = op(b, QStringLiteral("tag"), QStringLiteral("create"),
            {{QStringLiteral("name"), QStringLiteral("VIP")}}, b.cashier.id);
        QCOMPARE(s->push(b.device, QStringLiteral("b"), {byCashier}).value().results.constFirst().code,
            QStringLiteral("forbidden"));
        // A refusal is recorded: sent again, it answers the same.
        auto replay = s->push(a.device, QStringLiteral("mixed"), {ops[0]}).value();
        QCOMPARE(replay.results.constFirst().code, QStringLiteral("forbidden"));

        // A user deactivated by an admin's pushed change may no longer write. (The change is
        // newer than the server's own stamps of the user.)
        m_clock.advance(1);
        SyncOp off = op(a, QStringLiteral("user"), QStringLiteral("deactivate"), {{QStringLiteral("active"), false}},
            a.admin.id, 1);
        off.entityId = a.cashier.id;
        QCOMPARE(s->push(a.device, QStringLiteral("off"), {off, customer(a, QStringLiteral("Late"), 2)})
                     .value()
                     .results[1]
                     .code,
            QStringLiteral("user_inactive"));
    }

    // Ops are judged by what their author was allowed when they made them, and by what
    // they do rather than by the action name the terminal gave them.
    void permissionsFollowTheOpsStampAndContent()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Hak"));
        auto manager = s->createUser(shop.company.id, QStringLiteral("citra"), QStringLiteral("Citra"), Role::Manager,
                            QStringLiteral("rahasia-789"))
                           .value();
        m_clock.advance(10);
        // Budi sells offline at t1; the admin deactivates him at t2; the till reconnects later.
        SyncOp sale = op(shop, QStringLiteral("sale"), QStringLiteral("create"),
            {{QStringLiteral("kind"), QStringLiteral("sale")}, {QStringLiteral("total"), 50000}}, shop.cashier.id, 1);
        SyncOp off = op(shop, QStringLiteral("user"), QStringLiteral("deactivate"), {{QStringLiteral("active"), false}},
            shop.admin.id, 2);
        off.entityId = shop.cashier.id;
        QCOMPARE(s->push(shop.device, QStringLiteral("off"), {off}).value().results[0].status,
            ServerStore::OpResult::Status::Applied);
        auto late = s->push(shop.device, QStringLiteral("sale"), {sale}).value();
        QCOMPARE(late.results[0].status, ServerStore::OpResult::Status::Applied);
        // After the deactivation's stamp, nothing of his is taken.
        SyncOp after = customer(shop, QStringLiteral("After"), 3);
        QCOMPARE(s->push(shop.device, QStringLiteral("after"), {after}).value().results[0].code,
            QStringLiteral("user_inactive"));

        // A password change that also sets a role is a user change, which a manager may not make.
        SyncOp sneaky = op(shop, QStringLiteral("user"), QStringLiteral("password"),
            {{QStringLiteral("passwordHash"), QStringLiteral("x")}, {QStringLiteral("role"), QStringLiteral("admin")}},
            manager.id, 4);
        sneaky.entityId = manager.id;
        SyncOp own = sneaky;
        own.id = Ids::newId();
        own.fields.remove(QStringLiteral("role"));
        // A delete named "update" is a delete; "tier" that renames is an update; a second
        // "create" of a row is an update.
        SyncOp c = customer(shop, QStringLiteral("Dewi"), 5);
        c.actorId = manager.id;
        SyncOp del = op(shop, QStringLiteral("customer"), QStringLiteral("update"), {}, manager.id, 6);
        del.entityId = c.entityId;
        del.kind = SyncOp::Kind::Delete;
        SyncOp tier = op(shop, QStringLiteral("customer"), QStringLiteral("tier"),
            {{QStringLiteral("level"), QStringLiteral("Gold")}, {QStringLiteral("name"), QStringLiteral("Renamed")}},
            shop.admin.id, 7);
        tier.entityId = c.entityId;
        SyncOp again = customer(shop, QStringLiteral("Overwritten"), 8);
        again.entityId = c.entityId;
        again.actorId = manager.id; // a manager may update, so this one is fine...
        auto out = s->push(shop.device, QStringLiteral("mix"), {sneaky, own, c, del, tier, again}).value();
        const QStringList codes {
            QStringLiteral("forbidden"), QString(), QString(), QStringLiteral("forbidden"), QString(), QString()};
        for (int i = 0; i < codes.size(); ++i)
            QCOMPARE(out.results[i].code, codes[i]);
        // ...but a cashier's second "create" of the row is an update, which a cashier may not make.
        auto other = s->registerTerminal(shop.store.id, QString(), true).value();
        SyncOp byCashier = customer(shop, QStringLiteral("Cashier's overwrite"), 9);
        byCashier.entityId = c.entityId;
        byCashier.actorId = s->createUser(shop.company.id, QStringLiteral("eko"), QString(), Role::Cashier,
                                 QStringLiteral("rahasia-000"))
                                .value()
                                .id;
        m_clock.advance(10);
        byCashier.hlc = Hlc {m_clock.nowMs(), 0, other.device.siteId};
        QCOMPARE(s->push(other.device, QStringLiteral("c"), {byCashier}).value().results[0].code,
            QStringLiteral("forbidden"));
    }

    // Two terminals create a user with the same name offline: the second is refused on its
    // own, the ops around it go through.
    void aRefusedUserDoesNotBlockTheBatch()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Nama"));
        m_clock.advance(10);
        SyncOp dup = op(shop, QStringLiteral("user"), QStringLiteral("create"),
            {{QStringLiteral("username"), QStringLiteral("BUDI")}, {QStringLiteral("displayName"), QStringLiteral("B")},
                {QStringLiteral("role"), QStringLiteral("cashier")},
                {QStringLiteral("passwordHash"), QStringLiteral("h")}},
            shop.admin.id, 1);
        auto out = s->push(shop.device, QStringLiteral("u"),
                        {customer(shop, QStringLiteral("Before"), 0), dup, customer(shop, QStringLiteral("After"), 2)})
                       .value();
        QCOMPARE(out.results.size(), 3);
        QCOMPARE(out.results[0].status, ServerStore::OpResult::Status::Applied);
        QCOMPARE(out.results[1].code, QStringLiteral("conflict"));
        QCOMPARE(out.results[2].status, ServerStore::OpResult::Status::Applied);
    }

    void anApiKeyActsAsItsUserUntilRevokedOrDeactivated()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Kunci"));
        auto key = s->createApiKey(shop.cashier.id);
        QVERIFY(key);
        QVERIFY(key->key.size() > 40);
        auto user = s->authenticateApiKey(key->key);
        QVERIFY(user);
        QCOMPARE(user->id, shop.cashier.id);
        QCOMPARE(user->companyId, shop.company.id);
        QCOMPARE(user->role, Role::Cashier);
        QCOMPARE(s->authenticateApiKey(key->key + u'x').error().kind, Error::Kind::NotFound);
        QCOMPARE(s->authenticateApiKey(QString()).error().kind, Error::Kind::NotFound);

        // A user deactivated on a terminal loses their keys' access with it.
        m_clock.advance(1);
        SyncOp off = op(shop, QStringLiteral("user"), QStringLiteral("deactivate"), {{QStringLiteral("active"), false}},
            shop.admin.id, 1);
        off.entityId = shop.cashier.id;
        QCOMPARE(s->push(shop.device, QStringLiteral("off"), {off}).value().results.constFirst().status,
            ServerStore::OpResult::Status::Applied);
        QCOMPARE(s->authenticateApiKey(key->key).error().kind, Error::Kind::NotFound);
        QCOMPARE(s->createApiKey(shop.cashier.id).error().kind, Error::Kind::Invalid);

        auto adminKey = s->createApiKey(shop.admin.id).value();
        QVERIFY(s->authenticateApiKey(adminKey.key));
        QVERIFY(s->revokeApiKey(adminKey.id));
        QVERIFY(s->revokeApiKey(adminKey.id)); // again: already done
        QCOMPARE(s->authenticateApiKey(adminKey.key).error().kind, Error::Kind::NotFound);
        QCOMPARE(s->revokeApiKey(QStringLiteral("nothing")).error().kind, Error::Kind::NotFound);
    }

    void theProjectionMergesFieldsByStampAndKeepsCompaniesApart()
    {
        auto s = open();
        Shop a = makeShop(*s, QStringLiteral("Toko Proyeksi"));
        Shop b = makeShop(*s, QStringLiteral("Toko Lain Proyeksi"));
        m_clock.advance(10);
        SyncOp made = op(a, QStringLiteral("customer"), QStringLiteral("create"),
            {{QStringLiteral("name"), QStringLiteral("Wati Susanti")},
                {QStringLiteral("code"), QStringLiteral("C-000001")},
                {QStringLiteral("phone"), QStringLiteral("+6281200000001")},
                {QStringLiteral("city"), QStringLiteral("Bogor")}, {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("type"), QStringLiteral("walk-in")}},
            a.cashier.id, 1);
        const QString id = made.entityId;
        const auto update = [&](const QJsonObject& fields, quint16 counter) {
            SyncOp u = op(a, QStringLiteral("customer"), QStringLiteral("update"), fields, a.admin.id, counter);
            u.entityId = id;
            return u;
        };
        // Two edits of the city arrive newest first; an email made between them still lands.
        const QList<SyncOp> ops {made, update({{QStringLiteral("city"), QStringLiteral("Bandung")}}, 5),
            update({{QStringLiteral("city"), QStringLiteral("Solo")}}, 3),
            update({{QStringLiteral("email"), QStringLiteral("wati@example.com")}}, 2)};
        const ServerStore::PushOutcome merged = s->push(a.device, QStringLiteral("merge"), ops).value();
        for (const auto& r : merged.results)
            QCOMPARE(r.status, ServerStore::OpResult::Status::Applied);
        auto row = s->projection().customer(a.company.id, id).value();
        QVERIFY(row.has_value());
        QCOMPARE(row->customer.city, QStringLiteral("Bandung"));
        QCOMPARE(row->customer.email, QStringLiteral("wati@example.com"));
        QCOMPARE(row->customer.name, QStringLiteral("Wati Susanti"));
        const auto holder = s->projection().byPhone(a.company.id, QStringLiteral("+6281200000001")).value();
        QVERIFY(holder.has_value());
        QCOMPARE(holder->id, id);

        // A refused op changes nothing: a cashier may not change customers.
        SyncOp refused = update({{QStringLiteral("name"), QStringLiteral("Renamed")}}, 9);
        refused.actorId = a.cashier.id;
        QCOMPARE(s->push(a.device, QStringLiteral("refused"), {refused}).value().results.constFirst().code,
            QStringLiteral("forbidden"));
        QCOMPARE(s->projection().customer(a.company.id, id).value()->customer.name, QStringLiteral("Wati Susanti"));

        // Another company's op with the same key is a row of that company only.
        SyncOp intruder = customer(b, QStringLiteral("Intruder"), 1);
        intruder.entityId = id;
        intruder.fields.insert(QStringLiteral("code"), QStringLiteral("C-000001"));
        intruder.actorId = b.admin.id;
        QCOMPARE(s->push(b.device, QStringLiteral("b"), {intruder}).value().results.constFirst().status,
            ServerStore::OpResult::Status::Applied);
        QCOMPARE(s->projection().customer(a.company.id, id).value()->customer.name, QStringLiteral("Wati Susanti"));
        QCOMPARE(s->projection().customer(b.company.id, id).value()->customer.name, QStringLiteral("Intruder"));
        ServerProjection::ListQuery everyone;
        everyone.limit = 1000;
        const ServerProjection::ListPage seenByB = s->projection().customers(b.company.id, everyone).value();
        QCOMPARE(seenByB.items.size(), 1);
        for (const Customer& c : seenByB.items)
            QVERIFY(c.name != u"Wati Susanti");

        // Facts count once, with their optional fields left out as the terminals leave out empty ones.
        SyncOp points = op(a, QStringLiteral("points_entry"), QStringLiteral("create"),
            {{QStringLiteral("customerId"), id}, {QStringLiteral("kind"), QStringLiteral("earned")},
                {QStringLiteral("points"), 7}, {QStringLiteral("balanceAfter"), 7},
                {QStringLiteral("saleId"), QStringLiteral("01a1ffab-0000-7000-8000-00000000000a")},
                {QStringLiteral("createdAt"), QStringLiteral("2026-01-02T03:04:05.000Z")}},
            a.cashier.id, 10);
        SyncOp note = op(a, QStringLiteral("customer_note"), QStringLiteral("create"),
            {{QStringLiteral("customerId"), id}, {QStringLiteral("body"), QStringLiteral("Suka batik")},
                {QStringLiteral("createdAt"), QStringLiteral("2026-01-02T03:04:05.000Z")}},
            a.cashier.id, 11);
        for (int round = 0; round < 2; ++round) {
            const ServerStore::PushOutcome pushed = s->push(a.device, QStringLiteral("facts"), {points, note}).value();
            for (const auto& r : pushed.results)
                QVERIFY(r.status != ServerStore::OpResult::Status::Rejected);
        }
        QCOMPARE(s->projection().figures(a.company.id, id).value().points, 7);
        QCOMPARE(s->projection().notes(a.company.id, id, 10).value().size(), 1);

        // The projection is derived: made again from the log, it is the same.
        const auto before = s->projection().customers(a.company.id, everyone).value().items;
        QVERIFY(s->rebuildProjection());
        QCOMPARE(s->projection().customers(a.company.id, everyone).value().items, before);
        QCOMPARE(s->projection().figures(a.company.id, id).value().points, 7);
        QCOMPARE(s->projection().notes(a.company.id, id, 10).value().size(), 1);
        QCOMPARE(s->projection().customer(b.company.id, id).value()->customer.name, QStringLiteral("Intruder"));

        // A delete wins over older changes, and an older upsert does not bring the row back.
        SyncOp gone = update({}, 20);
        gone.kind = SyncOp::Kind::Delete;
        gone.action = QStringLiteral("delete");
        SyncOp stale = update({{QStringLiteral("name"), QStringLiteral("Back again")},
                                  {QStringLiteral("code"), QStringLiteral("C-000001")}},
            15);
        const auto pushed = s->push(a.device, QStringLiteral("gone"), {gone, stale});
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().describe()));
        QCOMPARE(pushed->results.size(), 2);
        QVERIFY(s->projection().customer(a.company.id, id).value()->deleted);
        QVERIFY(!s->projection().byPhone(a.company.id, QStringLiteral("+6281200000001")).value().has_value());
        // A delete also wins over a newer edit that crossed it (made offline on another till
        // and pushed first), as on the terminals, so the server ends as they do.
        SyncOp rina = customer(a, QStringLiteral("Rina Wulandari"), 40);
        rina.fields.insert(QStringLiteral("code"), QStringLiteral("C-000002"));
        rina.actorId = a.admin.id;
        SyncOp crossed = update({{QStringLiteral("city"), QStringLiteral("Depok")}}, 45);
        crossed.entityId = rina.entityId;
        SyncOp removed = update({}, 43);
        removed.entityId = rina.entityId;
        removed.kind = SyncOp::Kind::Delete;
        removed.action = QStringLiteral("delete");
        const ServerStore::PushOutcome crossing
            = s->push(a.device, QStringLiteral("crossed"), {rina, crossed, removed}).value();
        for (const auto& r : crossing.results)
            QCOMPARE(r.status, ServerStore::OpResult::Status::Applied);
        QVERIFY(s->projection().customer(a.company.id, rina.entityId).value()->deleted);
        QVERIFY(s->rebuildProjection());
        QVERIFY(s->projection().customer(a.company.id, rina.entityId).value()->deleted);
    }

    // A push batch is folded into the projection together (ServerProjection::applyAll): the
    // rows and words must end exactly as when the same ops are folded in one at a time.
    void aBatchFoldsInAsItsOpsOneAtATime()
    {
        auto s = open();
        Shop together = makeShop(*s, QStringLiteral("Toko Sekaligus"));
        Shop oneByOne = makeShop(*s, QStringLiteral("Toko Satu Satu"));
        m_clock.advance(10);
        QRandomGenerator rng(20261122);
        const QStringList names {QStringLiteral("Wati Susanti"), QStringLiteral("Budi Santoso"),
            QStringLiteral("Ani Wijaya"), QStringLiteral("Sri Lestari Wati"), QStringLiteral("Dewi O'Brien")};
        // Enough customers that a batch reads more than one statement's worth of rows and
        // writes rows and words several to a statement.
        QStringList ids;
        for (int i = 0; i < 120; ++i)
            ids << Ids::newId(m_clock.nowMs() + i);
        QList<SyncOp> ops;
        for (int i = 0; i < 100; ++i) {
            SyncOp o = customer(together, names[i % names.size()], 1);
            o.entityId = ids[i];
            o.fields.insert(QStringLiteral("code"), QStringLiteral("C-%1").arg(i, 6, 10, QLatin1Char('0')));
            o.actorId = together.admin.id;
            ops.append(o);
        }
        for (int i = 0; i < 1200; ++i) {
            SyncOp o = op(together, QStringLiteral("customer"), QStringLiteral("update"), {}, together.admin.id,
                static_cast<quint16>(rng.bounded(100)));
            o.entityId = ids[rng.bounded(ids.size())];
            o.hlc.ms += rng.bounded(40); // stamps arrive out of order
            o.createdAt += rng.bounded(100000);
            const int kind = rng.bounded(40);
            if (kind == 0) {
                o.kind = SyncOp::Kind::Delete;
                o.action = QStringLiteral("delete");
            } else if (kind == 1) {
                o.entity = QStringLiteral("customer_erasure");
                o.action = QStringLiteral("create");
                o.fields = {{QStringLiteral("createdAt"), QStringLiteral("2026-03-04T05:06:07.000Z")}};
            } else if (kind == 2) {
                o.entity = QStringLiteral("customer_note");
                o.action = QStringLiteral("create");
                o.fields = {{QStringLiteral("customerId"), o.entityId}, {QStringLiteral("body"), QStringLiteral("ok")},
                    {QStringLiteral("createdAt"), QStringLiteral("2026-03-04T05:06:07.000Z")}};
                o.entityId = Ids::newId(m_clock.nowMs() + i);
            } else {
                const auto maybe = [&](const char* field, const QJsonValue& value) {
                    if (rng.bounded(3) == 0)
                        o.fields.insert(QLatin1String(field), value);
                };
                maybe("name", rng.bounded(6) == 0 ? QString() : names[rng.bounded(names.size())]);
                maybe("code", QStringLiteral("C-%1").arg(rng.bounded(30), 6, 10, QLatin1Char('0')));
                maybe("phone", rng.bounded(4) == 0 ? QString() : QStringLiteral("+62812%1").arg(rng.bounded(10000000)));
                maybe("email", QStringLiteral("p%1@example.com").arg(rng.bounded(50)));
                maybe("city", rng.bounded(2) == 0 ? QStringLiteral("Bogor") : QStringLiteral("Solo"));
                maybe("doNotContact", rng.bounded(2) == 0);
                maybe("birthDate", rng.bounded(5) == 0 ? QStringLiteral("not a date") : QStringLiteral("1990-05-06"));
                // Bookkeeping fields follow the newest op of the row, not their own stamps.
                maybe("updatedAt",
                    QStringLiteral("2026-03-%1T05:06:07.000Z").arg(1 + rng.bounded(28), 2, 10, QLatin1Char('0')));
                maybe("updatedBy", rng.bounded(2) == 0 ? together.admin.id : together.cashier.id);
                if (rng.bounded(4) == 0)
                    o.action = QStringLiteral("create");
            }
            ops.append(o);
        }
        // Two batches: the second reads rows the first wrote.
        for (const auto& [from, to] : {std::pair<qsizetype, qsizetype> {0, 600}, {600, ops.size()}}) {
            QList<const SyncOp*> batch;
            for (qsizetype i = from; i < to; ++i)
                batch.append(&ops[i]);
            const Status folded = s->projection().applyAll(batch);
            QVERIFY2(folded, qPrintable(folded ? QString() : folded.error().describe()));
        }
        for (SyncOp o : std::as_const(ops)) {
            o.companyId = oneByOne.company.id;
            o.id = Ids::newId(m_clock.nowMs());
            const Status one = s->projection().apply(o);
            QVERIFY2(one, qPrintable(one ? QString() : one.error().describe()));
        }
        int live = 0;
        QHash<QString, QString> liveNames; // id -> name, of the customers left
        for (const QString& id : std::as_const(ids)) {
            const auto a = s->projection().customer(together.company.id, id).value();
            const auto b = s->projection().customer(oneByOne.company.id, id).value();
            QCOMPARE(a.has_value(), b.has_value());
            if (!a)
                continue;
            QCOMPARE(a->deleted, b->deleted);
            QCOMPARE(a->anonymisedAt, b->anonymisedAt);
            Customer other = b->customer;
            other.companyId = a->customer.companyId;
            QCOMPARE(a->customer, other);
            live += a->deleted ? 0 : 1;
            if (!a->deleted)
                liveNames.insert(id, a->customer.name);
        }
        QVERIFY2(live > 0, "the ops should leave some customers");
        // Every column, and every word, as stored.
        QCOMPARE(storedRows(together.company.id), storedRows(oneByOne.company.id));
        // The name words: every word of the pool finds the same customers in both.
        for (const QString& name : names) {
            for (const QString& word : name.split(u' ')) {
                ServerProjection::ListQuery q;
                q.text = word;
                q.region = QStringLiteral("ID");
                q.limit = 1000;
                QList<QString> found[2];
                int i = 0;
                for (const Shop* shop : {&together, &oneByOne}) {
                    const ServerProjection::ListPage page = s->projection().customers(shop->company.id, q).value();
                    for (const Customer& c : page.items)
                        found[i] << c.id;
                    ++i;
                }
                QCOMPARE(found[0], found[1]);
                // ...and those are the customers whose name has a word starting with it.
                QStringList expected;
                for (auto it = liveNames.cbegin(); it != liveNames.cend(); ++it) {
                    const QStringList nameWords = TextFold::words(TextFold::fold(it.value()));
                    const QStringList asked = TextFold::words(TextFold::fold(word));
                    const bool all = std::all_of(asked.cbegin(), asked.cend(), [&](const QString& w) {
                        return std::any_of(
                            nameWords.cbegin(), nameWords.cend(), [&](const QString& n) { return n.startsWith(w); });
                    });
                    if (all)
                        expected << it.key();
                }
                QStringList got = found[0];
                got.sort();
                expected.sort();
                QCOMPARE(got, expected);
            }
        }
    }

    void aVersionOneDatabaseGetsItsProjectionFromTheLog()
    {
        if (!qEnvironmentVariableIsEmpty("KASIR_TEST_PG"))
            QSKIP("made by dropping tables of the SQLite file");
        QString id;
        QString company;
        {
            auto s = open();
            Shop shop = makeShop(*s, QStringLiteral("Toko Versi Satu"));
            company = shop.company.id;
            SyncOp c = customer(shop, QStringLiteral("Lama Sekali"), 1);
            c.fields.insert(QStringLiteral("code"), QStringLiteral("C-000001"));
            id = c.entityId;
            QCOMPARE(s->push(shop.device, QStringLiteral("v1"), {c}).value().results.constFirst().status,
                ServerStore::OpResult::Status::Applied);
        }
        {
            // Back to what version 1 had: no projection, no API keys.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("server.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char* table : {"srv_customer", "srv_customer_word", "srv_note", "srv_sale", "srv_sale_link",
                     "srv_points_entry", "srv_credit_entry", "srv_code_sequence", "srv_api_key"})
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(table))));
            QVERIFY(q.exec(QStringLiteral("UPDATE srv_meta SET value = '1' WHERE key = 'schema'")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        auto s = open();
        auto row = s->projection().customer(company, id).value();
        QVERIFY(row.has_value());
        QCOMPARE(row->customer.name, QStringLiteral("Lama Sekali"));
        QVERIFY(!row->deleted);
    }

    // PostgreSQL restarted or dropped the connection: the next write connects again, with
    // every statement prepared afresh (the REST projection's too), and nothing is lost.
    void aDroppedPostgresConnectionIsMadeAgain()
    {
        const QString pg = qEnvironmentVariable("KASIR_TEST_PG");
        if (pg.isEmpty())
            QSKIP("PostgreSQL only (KASIR_TEST_PG)");
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Putus"));
        const qint64 before = logLength(*s, shop.device);
        QVERIFY(s->push(shop.device, QStringLiteral("a"), {customer(shop, QStringLiteral("Sebelum"), 1)}));
        QProcess psql;
        psql.start(QStringLiteral("psql"),
            {pg, QStringLiteral("-qAtc"),
                QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> "
                               "pg_backend_pid() AND datname = current_database()")});
        QVERIFY(psql.waitForFinished(30000));
        QCOMPARE(psql.exitCode(), 0);
        QVERIFY(psql.readAllStandardOutput().trimmed().toInt() >= 1);
        SyncOp after = customer(shop, QStringLiteral("Sesudah"), 2);
        after.fields.insert(QStringLiteral("code"), QStringLiteral("C-000002"));
        auto pushed = s->push(shop.device, QStringLiteral("b"), {after});
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().describe()));
        QCOMPARE(pushed->results.constFirst().status, ServerStore::OpResult::Status::Applied);
        QCOMPARE(logLength(*s, shop.device), before + 2);
        QCOMPARE(s->projection().customer(shop.company.id, after.entityId).value()->customer.name,
            QStringLiteral("Sesudah"));
    }

    void aClockTooFarAheadStopsTheBatchThere()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Jam"));
        const qint64 before = logLength(*s, shop.device);
        SyncOp ok1 = customer(shop, QStringLiteral("One"), 1);
        SyncOp ahead = customer(shop, QStringLiteral("Ahead"), 2);
        ahead.hlc.ms = m_clock.nowMs() + ServerStore::maxSkewMs + 60000;
        SyncOp after = customer(shop, QStringLiteral("After"), 3);
        auto out = s->push(shop.device, QStringLiteral("skew"), {ok1, ahead, after}).value();
        QCOMPARE(out.results.size(), 1);
        QCOMPARE(out.results.constFirst().status, ServerStore::OpResult::Status::Applied);
        QVERIFY(out.stopped);
        QCOMPARE(out.stopped->id, ahead.id);
        QCOMPARE(out.stopped->code, QStringLiteral("clock_ahead"));
        QCOMPARE(logLength(*s, shop.device), before + 1);
        // Within five minutes is fine.
        ahead.hlc.ms = m_clock.nowMs() + ServerStore::maxSkewMs - 1000;
        QCOMPARE(s->push(shop.device, QStringLiteral("skew2"), {ahead, after}).value().results.size(), 2);
    }

    // Writers on other connections (other server processes on PostgreSQL) push at once while
    // a reader pulls: the reader must never see a position before an earlier one has
    // committed, or its cursor would pass over it for good.
    void concurrentPushesNeverLetACursorSkip()
    {
        auto s = open();
        Shop shop = makeShop(*s, QStringLiteral("Toko Ramai"));
        const qint64 before = logLength(*s, shop.device);
        constexpr int writers = 4;
        constexpr int batches = 25;
        constexpr int perBatch = 20;
        QList<QList<QList<SyncOp>>> work(writers);
        for (int w = 0; w < writers; ++w) {
            for (int b = 0; b < batches; ++b) {
                QList<SyncOp> batch;
                for (int i = 0; i < perBatch; ++i)
                    batch << customer(shop, QStringLiteral("W%1 B%2 #%3").arg(w).arg(b).arg(i),
                        static_cast<quint16>(w * 1000 + b * perBatch + i));
                work[w] << batch;
            }
        }
        std::atomic<int> done {0};
        std::atomic<int> failures {0};
        QList<QThread*> threads;
        for (int w = 0; w < writers; ++w) {
            threads << QThread::create([&, w] {
                auto mine = open();
                for (const auto& batch : std::as_const(work[w])) {
                    auto r = mine->push(shop.device, QStringLiteral("w%1").arg(w), batch);
                    if (!r || r->results.size() != perBatch)
                        ++failures;
                }
                ++done;
            });
        }
        QList<qint64> seen;
        QString readerError;
        QThread* reader = QThread::create([&] {
            auto mine = open();
            qint64 since = before;
            for (;;) {
                const bool finished = done.load() == writers;
                auto page = mine->pull(shop.device, since, 7);
                if (!page) {
                    readerError = page.error().describe();
                    return;
                }
                for (const SyncOp& o : std::as_const(page->changes))
                    seen << o.seq;
                since = page->next;
                if (finished && !page->hasMore)
                    return;
            }
        });
        for (QThread* t : std::as_const(threads))
            t->start();
        reader->start();
        for (QThread* t : std::as_const(threads))
            QVERIFY(t->wait(120000));
        QVERIFY(reader->wait(120000));
        qDeleteAll(threads);
        delete reader;
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(seen.size(), writers * batches * perBatch);
        for (qsizetype i = 0; i < seen.size(); ++i)
            QCOMPARE(seen[i], before + 1 + i);
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "TestServerStore.moc"
