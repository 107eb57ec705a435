#include "tests/support/TestDatabase.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerInput.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/storage/UnitOfWork.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>
#include <thread>

using namespace kasir;

namespace {

QVariant scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void migratesAnEmptyFileAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/kasir.db"));
        ManualClock clock;
        {
            auto db = Database::open(path, clock);
            QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().describe()));
            QCOMPARE((*db)->schemaVersion(), Migrations::latest());
            QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM schema_migrations")).toInt(),
                Migrations::all().size());
            QVERIFY(
                scalar(**db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_word'")).toInt()
                == 1);
        }
        auto again = Database::open(path, clock);
        QVERIFY(again.ok());
        QCOMPARE((*again)->schemaVersion(), Migrations::latest());
        QCOMPARE(scalar(**again, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    void setsThePragmasAPosNeeds()
    {
        kasir::test::TestDatabase t;
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    }

    void leavesTheWalOnlyWhenAlone()
    {
        // A bulk load may write with a rollback journal, but never with a reader locked out.
        kasir::test::TestDatabase t;
        // The connection's own busy timeout is given back as it was.
        QVERIFY(scalar(t.db(), QStringLiteral("PRAGMA busy_timeout = 1234")).isValid());
        QVERIFY(t.db().leaveWalIfAlone());
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA busy_timeout")).toInt(), 1234);
        QVERIFY(scalar(t.db(), QStringLiteral("PRAGMA busy_timeout = 5000")).isValid());
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
        QVERIFY(t.db().returnToWal().ok());
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));

        // Another connection to the file, idle: refused at once, nothing changes.
        auto other = Database::open(t.db().path(), t.clock());
        QVERIFY(other.ok());
        QCOMPARE(scalar(**other, QStringLiteral("SELECT count(*) FROM customer")).toInt(), 0);
        QElapsedTimer waited;
        waited.start();
        QVERIFY(!t.db().leaveWalIfAlone());
        QVERIFY(waited.elapsed() < 2000);
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(**other, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        // The connection waits for locks as before.
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
        other->reset();

        // Not inside a unit of work, where the journal cannot change.
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        QVERIFY(!t.db().leaveWalIfAlone());
    }

    void aProgramOpeningTheFileDuringALoadWaitsForIt()
    {
        // A load on another thread writes with a rollback journal and holds the write lock
        // for a moment; a program opening the file meanwhile waits, then finds it in WAL.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        std::promise<void> writing;
        std::thread loader([&] {
            auto db = Database::open(path, clock);
            if (!db || !(*db)->leaveWalIfAlone())
                qFatal("the loader could not leave the WAL");
            QSqlQuery q((*db)->connection());
            q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            q.exec(QStringLiteral("INSERT INTO local_state (key, value) VALUES ('loading', 'yes')"));
            writing.set_value();
            QThread::msleep(600);
            q.exec(QStringLiteral("COMMIT"));
            q.finish();
            if (!(*db)->returnToWal())
                qFatal("the loader could not go back to WAL");
            (*db)->closeThreadConnection();
        });
        writing.get_future().wait();
        QElapsedTimer waited;
        waited.start();
        auto opened = Database::open(path, clock);
        const qint64 ms = waited.elapsed();
        loader.join();
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().describe()));
        QVERIFY2(ms >= 300, qPrintable(QString::number(ms)));
        QCOMPARE((*opened)->localState(QStringLiteral("loading")), QStringLiteral("yes"));
        QCOMPARE(scalar(**opened, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void migratesFromEveryEarlierVersion()
    {
        for (int from = 0; from < Migrations::latest(); ++from) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("kasir.db"));
            ManualClock clock;
            {
                auto old = Database::openAtVersion(path, clock, from);
                QVERIFY(old.ok());
                QCOMPARE((*old)->schemaVersion(), from);
                if (from >= 1) {
                    // Data written under the old schema must survive the upgrade.
                    QSqlQuery q((*old)->connection());
                    QVERIFY(q.exec(QStringLiteral("INSERT INTO company (id, name, created_at, updated_at) "
                                                  "VALUES ('c1', 'Lama', 1, 1)")));
                }
            }
            auto db = Database::open(path, clock);
            QVERIFY2(
                db.ok(), qPrintable(QStringLiteral("from %1: ").arg(from) + (db ? QString() : db.error().describe())));
            QCOMPARE((*db)->schemaVersion(), Migrations::latest());
            if (from >= 1)
                QCOMPARE(scalar(**db, QStringLiteral("SELECT name FROM company WHERE id = 'c1'")).toString(),
                    QStringLiteral("Lama"));
        }
    }

    void migrationEightCountsWhatIsAlreadyThere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 7);
            QVERIFY(old.ok());
            QSqlQuery q((*old)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO company (id, name, created_at, updated_at) "
                                          "VALUES ('c1', 'Lama', 1, 1)")));
            // 2026-01-01 00:00 and 00:20 UTC: two different quarter-hours.
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO customer (id, company_id, code, name, name_key, type, level, created_at, updated_at) "
                "VALUES ('a', 'c1', 'C-000001', 'Agus', 'agus', 'vip', 'Gold', 1767225600000, 1), "
                "('b', 'c1', 'C-000002', 'Siti', 'siti', 'member', 'Bronze', 1767226800000, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, last_purchase_at, "
                "points, credit) VALUES ('a', 'c1', 3, 900000, 1767226800000, 90, -50000), "
                "('b', 'c1', 0, 0, NULL, 0, 20000)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO sale (id, company_id, store_id, terminal_id, order_number, kind, reverses, customer_id, "
                "items, subtotal, discount_bp, discount, total, created_at) VALUES "
                "('s1', 'c1', 'st', 't', '1-1-1', 'sale', NULL, 'a', 1, 500000, 0, 0, 500000, 1767226800000), "
                "('s2', 'c1', 'st', 't', '1-1-2', 'refund', 's1', 'a', -1, -500000, 0, 0, -500000, 1767226900000)")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        const auto rows = [&](const QString& sql) { return scalar(**db, sql).toString(); };
        QCOMPARE(rows(QStringLiteral("SELECT group_concat(type || '/' || level || '=' || customers, ' ') FROM "
                                     "(SELECT * FROM dashboard_customers ORDER BY type)")),
            QStringLiteral("member/Bronze=1 vip/Gold=1"));
        QCOMPARE(
            rows(QStringLiteral("SELECT group_concat(purchases_band || '/' || credit_sign || '=' || customers || ',' "
                                "|| spent || ',' || credit || ',' || points || ',' || dated, ' ') FROM "
                                "(SELECT * FROM dashboard_figures ORDER BY purchases_band)")),
            QStringLiteral("0/1=1,0,20000,0,0 3/-1=1,900000,-50000,90,1"));
        QCOMPARE(
            rows(QStringLiteral("SELECT group_concat(slot || '=' || new_customers || ',' || sales || ',' || refunds "
                                "|| ',' || revenue, ' ') FROM (SELECT * FROM dashboard_slots ORDER BY slot)")),
            QStringLiteral("1963584=1,0,0,0 1963585=1,1,1,0"));
        // And from now on the triggers keep them.
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE customer SET level = 'Silver' WHERE id = 'b'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE customer_metrics SET credit = 0 WHERE customer_id = 'b'")));
        QCOMPARE(rows(QStringLiteral("SELECT customers FROM dashboard_customers WHERE level = 'Silver'")),
            QStringLiteral("1"));
        QCOMPARE(rows(QStringLiteral("SELECT customers FROM dashboard_customers WHERE level = 'Bronze'")),
            QStringLiteral("0"));
        QCOMPARE(
            rows(QStringLiteral("SELECT group_concat(credit_sign || '=' || customers, ' ') FROM "
                                "(SELECT * FROM dashboard_figures WHERE purchases_band = 0 ORDER BY credit_sign)")),
            QStringLiteral("0=1 1=0"));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM customer WHERE id = 'b'")));
        QCOMPARE(rows(QStringLiteral("SELECT sum(customers) FROM dashboard_figures")), QStringLiteral("1"));
        QCOMPARE(rows(QStringLiteral("SELECT sum(customers) FROM dashboard_customers")), QStringLiteral("1"));
        QCOMPARE(rows(QStringLiteral("SELECT sum(new_customers) FROM dashboard_slots")), QStringLiteral("1"));
    }

    void migrationThirteenKeepsCustomersAndRecordsDuplicates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 12);
            QVERIFY(old.ok());
            QSqlQuery q((*old)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO company (id, name, created_at, updated_at) "
                                          "VALUES ('c1', 'Lama', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO customer (id, company_id, code, name, name_key, phone, created_at, updated_at) VALUES "
                "('a', 'c1', 'C-000001', 'Agus', 'agus', '+6281234567890', 1, 1)")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(scalar(**db, QStringLiteral("SELECT phone FROM customer WHERE id = 'a'")).toString(),
            QStringLiteral("+6281234567890"));
        QSqlQuery q((*db)->connection());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO customer_duplicate (company_id, customer_id, field, value, "
                                       "other_customer_id, found_at) VALUES ('c1', 'b', 'phone', '+6281234567890', "
                                       "'a', 2)")),
            qPrintable(q.lastError().text()));
        // One record per customer, field and value: finding it again writes nothing new.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO customer_duplicate VALUES ('c1', 'b', 'phone', "
                                       "'+6281234567890', 'a', 3)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO customer_duplicate VALUES ('c1', 'b', 'name', 'Agus', 'a', 3)")));
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM customer_duplicate")).toInt(), 1);
    }

    void migrationFourteenKeepsTheOutboxAndAddsTheRefusedChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 13);
            QVERIFY(old.ok());
            QSqlQuery q((*old)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO sync_outbox (op_id, company_id, entity, entity_id, op, fields, "
                                          "hlc, created_at, action) VALUES ('o1', 'c1', 'customer', 'a', 'upsert', "
                                          "'{}', '000000000001-0000-00000001', 1, 'create')")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QCOMPARE((*db)->schemaVersion(), 14);
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 1);
        QSqlQuery q((*db)->connection());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO sync_rejected (op_id, company_id, entity, entity_id, action, "
                                       "fields, hlc, created_at, code, message, rejected_at) VALUES ('o0', 'c1', "
                                       "'product', 'p', 'create', '{}', 'x', 1, 'forbidden', 'no', 2)")),
            qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO sync_rejected (op_id, company_id, entity, entity_id, action, "
                                       "fields, hlc, created_at, code, message, rejected_at) VALUES ('o0', 'c1', "
                                       "'product', 'p', 'create', '{}', 'x', 1, 'forbidden', 'no', 2)")));
    }

    void migrationSixFindsTheCustomerOfEveryEarlierAuditRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 5);
            QVERIFY(old.ok());
            QSqlQuery q((*old)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO audit_log (at, hlc, entity, entity_id, action, changes) VALUES "
                                          "(1, 'h1', 'customer', 'cust-1', 'create', '{\"name\": [null, \"Agus\"]}'), "
                                          "(2, 'h2', 'points_entry', 'p-1', 'create', '{\"customerId\": [null, "
                                          "\"cust-1\"], \"points\": [null, 5]}'), "
                                          "(3, 'h3', 'membership_rules', 'c1', 'update', '{\"goldFrom\": [1, 2]}')")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QCOMPARE(scalar(**db,
                     QStringLiteral("SELECT group_concat(coalesce(customer_id, '-'), ' ') FROM "
                                    "(SELECT customer_id FROM audit_log ORDER BY id)"))
                     .toString(),
            QStringLiteral("cust-1 cust-1 -"));
        // And the log is append-only again.
        QSqlQuery q((*db)->connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET action = 'x'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
    }

    void migrationThreeIndexesTheNamesAlreadyThere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 2);
            QVERIFY(old.ok());
            QSqlQuery q((*old)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO company (id, name, created_at, updated_at) "
                                          "VALUES ('c1', 'Lama', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO customer (id, company_id, code, name, name_key, created_at, updated_at) VALUES "
                "('a', 'c1', 'C-000001', 'Agus Santoso', 'agus santoso', 1, 1), "
                "('b', 'c1', 'C-000002', 'Siti-Nur Agus', 'siti-nur agus', 1, 1)")));
            // Schema 2 as it shipped keeps the full-text index with triggers.
            QCOMPARE(
                q.exec(QStringLiteral("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH 'agus'")) && q.next()
                    ? q.value(0).toInt()
                    : -1,
                2);
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QCOMPARE(
            scalar(**db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_fts'")).toInt(), 0);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(word || ':' || id, ' ') FROM "
                                      "(SELECT word, id FROM customer_word ORDER BY company_id, word, name_key, id)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("agus:a agus:b nur:b santoso:a siti:b"));
        // Schema 2's FTS triggers and type/status/level indexes are gone: customers can be
        // written again.
        QCOMPARE(scalar(**db,
                     QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'customer_fts%' "
                                    "OR name IN ('ix_customer_type', 'ix_customer_status', "
                                    "'ix_customer_level')"))
                     .toInt(),
            0);
        QVERIFY2(q.exec(QStringLiteral("UPDATE customer SET name = 'Agus S.', name_key = 'agus s.' WHERE id = 'a'")),
            qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("DELETE FROM customer WHERE id = 'b'")), qPrintable(q.lastError().text()));
    }

    void aPreparedStatementOutlivesTheCacheGrowing()
    {
        // A search keeps reading one cached statement while it prepares others.
        kasir::test::TestDatabase t;
        QSqlQuery& outer = t.db().prepared(QStringLiteral("SELECT value FROM json_each('[1,2,3]')"));
        QVERIFY(outer.exec());
        QVERIFY(outer.next());
        for (int i = 0; i < 200; ++i) {
            QSqlQuery& inner = t.db().prepared(QStringLiteral("SELECT %1").arg(i));
            QVERIFY(inner.exec() && inner.next());
            QCOMPARE(inner.value(0).toInt(), i);
            inner.finish();
        }
        QVERIFY(outer.next());
        QCOMPARE(outer.value(0).toInt(), 2);
        outer.finish();
    }

    void refusesAFileFromANewerKasir()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto db = Database::open(path, clock);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'future', 0)")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("schema_too_new"));
        QVERIFY(db.error().message.contains(QStringLiteral("999")));
    }

    void aFailedMigrationLeavesTheOldSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto db = Database::openAtVersion(path, clock, 1);
            QVERIFY(db.ok());
            // Something already named like migration 2's table makes it fail half-way.
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE ix_customer_name_blocker (x)")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX ix_customer_name ON ix_customer_name_blocker (x)")));
        }
        auto db = Database::open(path, clock);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, QStringLiteral("migration_failed"));
        auto old = Database::openAtVersion(path, clock, 1);
        QVERIFY(old.ok());
        QCOMPARE((*old)->schemaVersion(), 1);
        QCOMPARE(
            scalar(**old, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'customer'")).toInt(), 0);
    }

    void refusesAFolderOrNoPath()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto folder = Database::open(dir.path(), clock);
        QVERIFY(!folder.ok());
        QCOMPARE(folder.error().field, QStringLiteral("db"));
        auto none = Database::open(QString(), clock);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, Error::Kind::Invalid);
    }

    void theClockSurvivesARestart()
    {
        kasir::test::TestDatabase t;
        CustomerService service(t.db(), t.admin());
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        QVERIFY(service.create(in).ok());
        const Hlc before = t.db().hlc().last();
        QVERIFY(before.siteId != 0);
        // The terminal restarts with its clock set an hour back.
        t.clock().advance(-3'600'000);
        t.reopen();
        const Hlc after = t.db().hlc().tick();
        QVERIFY(before < after);
        QCOMPARE(after.siteId, before.siteId);
    }

    void connectionsArePerThread()
    {
        kasir::test::TestDatabase t;
        const QString mine = t.db().connection().connectionName();
        QString theirs;
        int customers = -1;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            theirs = t.db().connection().connectionName();
            customers = scalar(t.db(), QStringLiteral("SELECT count(*) FROM customer")).toInt();
        }));
        thread->start();
        QVERIFY(thread->wait(10'000));
        QVERIFY(!theirs.isEmpty());
        QVERIFY(theirs != mine);
        QCOMPARE(customers, 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
