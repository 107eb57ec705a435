#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/NoteService.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/sync/SyncEngine.h"
#include "tests/support/ServerProcess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

using namespace kasir;

namespace {

// One terminal (a till): its own SQLite file and sync engine.
struct Till
{
    std::unique_ptr<Database> db;
    std::unique_ptr<SyncEngine> engine;

    Actor login(const QString& username)
    {
        auto terminal = TenancyRepository(*db).localTerminal().value();
        auto store = TenancyRepository(*db).store(terminal->storeId).value();
        return TenancyRepository(*db).userByName(store->companyId, username).value()->actor();
    }
};

} // namespace

class TestSyncIntegration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<test::ServerProcess> m_server;
    QString m_company;
    QString m_store1;
    QString m_store2;

    // Runs `start` and waits for the engine's outcome.
    static Status outcome(SyncEngine& engine, const std::function<void()>& start)
    {
        std::optional<Status> out;
        QEventLoop loop;
        const auto connection = QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const Status& s) {
            out = s;
            loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        start();
        if (!out)
            loop.exec();
        QObject::disconnect(connection);
        return out ? *out : Status(Error::other(QStringLiteral("timeout"), QStringLiteral("sync did not finish")));
    }

    Status syncOnce(Till& t)
    {
        return outcome(*t.engine, [&t] { t.engine->syncNow(); });
    }

    // A terminal enrolled and through its first sync, with the engine's own page size.
    std::unique_ptr<Till> enrol(const QString& storeId, const QString& name)
    {
        auto t = registered(storeId, name, m_network, 0, true);
        if (Status s = syncOnce(*t); !s)
            qFatal("first sync of %s failed: %s", qPrintable(name), qPrintable(s.error().describe()));
        return t;
    }

    // Every table that sync carries, as text, rows ordered; terminal-local tables and
    // columns (row numbers, the outbox, cursors, the audit log's own ids) left out.
    static QString syncedState(Database& db)
    {
        static const QStringList local {QStringLiteral("local_state"), QStringLiteral("sync_outbox"),
            QStringLiteral("sync_rejected"), QStringLiteral("code_sequence"), QStringLiteral("audit_log"),
            QStringLiteral("schema_migrations")};
        QSqlQuery tables(db.connection());
        tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                   "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        QString out;
        for (const QString& table : std::as_const(names)) {
            if (local.contains(table) || table.contains(QLatin1String("_fts")))
                continue;
            QSqlQuery cols(db.connection());
            cols.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
            QStringList columns;
            while (cols.next()) {
                const QString c = cols.value(0).toString();
                if (c != u"seq")
                    columns << c;
            }
            QSqlQuery rows(db.connection());
            rows.exec(
                QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns.join(u','), table, columns.join(u',')));
            out += u'#' + table + u'\n';
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < columns.size(); ++i)
                    values << (rows.value(i).isNull() ? QStringLiteral("NULL") : rows.value(i).toString());
                out += values.join(u'|') + u'\n';
            }
        }
        return out;
    }

    static QString firstDifference(const QString& a, const QString& b)
    {
        const QStringList la = a.split(u'\n');
        const QStringList lb = b.split(u'\n');
        for (qsizetype i = 0; i < std::max(la.size(), lb.size()); ++i) {
            if (la.value(i) != lb.value(i))
                return QStringLiteral("line %1:\n  %2\n  %3").arg(i).arg(la.value(i).left(300), lb.value(i).left(300));
        }
        return {};
    }

    QJsonObject postRaw(const QString& path, const QByteArray& token, const QJsonObject& body, int* status)
    {
        QUrl url = m_server->url();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = m_network.post(req, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }

    // A REST API call with an API key.
    QJsonObject rest(
        const QByteArray& verb, const QString& path, const QByteArray& key, const QJsonObject& body, int* status)
    {
        QUrl url = m_server->url();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + key);
        QNetworkReply* reply = m_network.sendCustomRequest(
            req, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<test::ServerProcess>(QStringLiteral(KASIR_SERVER_PATH), m_dir.path());
        QVERIFY(m_server->start());
        qInfo("kasir-server at %s on %s", qPrintable(m_server->url().toString()),
            qEnvironmentVariableIsEmpty("KASIR_TEST_PG") ? "SQLite" : "PostgreSQL");
        m_company = m_server
                        ->admin({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
                            QStringLiteral("Toko Sinar")})
                        .value(QStringLiteral("id"))
                        .toString();
        QVERIFY(!m_company.isEmpty());
        m_store1 = m_server
                       ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"),
                           m_company, QStringLiteral("--code"), QStringLiteral("S01"), QStringLiteral("--name"),
                           QStringLiteral("Pusat")})
                       .value(QStringLiteral("id"))
                       .toString();
        m_store2 = m_server
                       ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"),
                           m_company, QStringLiteral("--code"), QStringLiteral("S02"), QStringLiteral("--name"),
                           QStringLiteral("Cabang")})
                       .value(QStringLiteral("id"))
                       .toString();
        for (const auto& [name, role] : {std::pair {"ani", "admin"}, std::pair {"budi", "cashier"}}) {
            QVERIFY(!m_server
                         ->admin({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"),
                                     m_company, QStringLiteral("--username"), QLatin1String(name),
                                     QStringLiteral("--role"), QLatin1String(role)},
                             "rahasia-123")
                         .isEmpty());
        }
    }

    void cleanupTestCase()
    {
        m_server->stop();
        // A graceful stop: SIGTERM finishes the request in flight and exits 0.
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->exitCode(), 0);
    }

    void offlineEditsAndSalesConverge()
    {
        auto t1 = enrol(m_store1, QStringLiteral("t1"));
        auto t2 = enrol(m_store1, QStringLiteral("t2"));
        auto t3 = enrol(m_store2, QStringLiteral("t3"));
        // The first sync brought the company, its stores, users and terminals.
        QVERIFY(t2->login(QStringLiteral("budi")).role == Role::Cashier);
        QCOMPARE(TenancyRepository(*t3->db).stores(m_company).value().size(), 2);

        const Actor admin1 = t1->login(QStringLiteral("ani"));
        ProductService::ProductInput coffee;
        coffee.sku = QStringLiteral("KOPI");
        coffee.name = QStringLiteral("Kopi susu");
        coffee.price = 25000;
        QVERIFY(ProductService(*t1->db, admin1).add(coffee));

        // Offline: each terminal registers a customer; codes never collide.
        auto reg = [](Till& t, const QString& name, const QString& phone) {
            CustomerInput in;
            in.name = name;
            in.phone = phone;
            return CustomerService(*t.db, t.login(QStringLiteral("budi"))).create(in).value();
        };
        const Customer a = reg(*t1, QStringLiteral("Ayu Lestari"), QStringLiteral("0812-1111-0001"));
        const Customer b = reg(*t2, QStringLiteral("Bayu Pratama"), QStringLiteral("0812-1111-0002"));
        const Customer c = reg(*t3, QStringLiteral("Citra Dewi"), QStringLiteral("0812-1111-0003"));
        QVERIFY(a.code != b.code && b.code != c.code && a.code != c.code);

        for (int round = 0; round < 2; ++round) {
            for (Till* t : {t1.get(), t2.get(), t3.get()})
                QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        }
        QCOMPARE(OutboxRepository(*t1->db).pending(m_company).value(), 0);

        // Offline again: sales at two counters to the same customer, edits of one customer
        // at three, and the same field changed at two.
        auto sell = [](Till& t, const QString& customer, qint64 qty) {
            SaleRequest req;
            req.customer = customer;
            req.items = {{QStringLiteral("KOPI"), qty}};
            req.payments = {{PaymentMethod::Cash, 25000 * qty}};
            return CheckoutService(*t.db, t.login(QStringLiteral("budi"))).complete(req);
        };
        QVERIFY(sell(*t2, a.id, 2));
        QVERIFY(sell(*t3, a.id, 3));
        QVERIFY(sell(*t1, b.id, 1));
        auto edit = [](Till& t, const QString& id, auto set) {
            CustomerInput in;
            set(in);
            return CustomerService(*t.db, t.login(QStringLiteral("ani"))).update(id, in);
        };
        QVERIFY(edit(*t2, a.id, [](CustomerInput& in) { in.email = QStringLiteral("ayu@example.com"); }));
        QVERIFY(edit(*t3, a.id, [](CustomerInput& in) { in.city = QStringLiteral("Bandung"); }));
        QVERIFY(edit(*t1, c.id, [](CustomerInput& in) { in.address = QStringLiteral("Jl. Mawar 1"); }));
        QTest::qWait(5); // the later edit has the later stamp
        QVERIFY(edit(*t3, c.id, [](CustomerInput& in) { in.address = QStringLiteral("Jl. Melati 2"); }));

        for (int round = 0; round < 2; ++round) {
            for (Till* t : {t1.get(), t2.get(), t3.get()})
                QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        }
        const QString s1 = syncedState(*t1->db);
        const QString s2 = syncedState(*t2->db);
        const QString s3 = syncedState(*t3->db);
        QVERIFY(s1.contains(QStringLiteral("Ayu Lestari")) && s1.contains(QStringLiteral("Jl. Melati 2")));
        QVERIFY(s1.count(u'\n') > 60); // every table, with rows in those that sync carries
        QVERIFY2(s1 == s2, qPrintable(firstDifference(s1, s2)));
        QVERIFY2(s1 == s3, qPrintable(firstDifference(s1, s3)));

        // What a person would check: both sales counted once for Ayu everywhere, the later
        // address won, every field edit arrived.
        for (Till* t : {t1.get(), t2.get(), t3.get()}) {
            auto ayu = CustomerService(*t->db, t->login(QStringLiteral("ani"))).get(a.id).value();
            QCOMPARE(ayu.email, QStringLiteral("ayu@example.com"));
            QCOMPARE(ayu.city, QStringLiteral("Bandung"));
            QSqlQuery q(t->db->connection());
            q.exec(QStringLiteral("SELECT purchases, total_spent FROM customer_metrics WHERE customer_id = '%1'")
                       .arg(a.id));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), 2);
            QCOMPARE(q.value(1).toLongLong(), 125000);
            auto citra = CustomerService(*t->db, t->login(QStringLiteral("ani"))).get(c.id).value();
            QCOMPARE(citra.address, QStringLiteral("Jl. Melati 2"));
        }

        // Each terminal keeps handing out codes from its own block, also after pulling the
        // others' codes.
        const Customer d = reg(*t1, QStringLiteral("Dedi"), QStringLiteral("0812-1111-0004"));
        const Customer e = reg(*t2, QStringLiteral("Eka"), QStringLiteral("0812-1111-0005"));
        QCOMPARE(d.code, QStringLiteral("C-000002"));
        QCOMPARE(e.code, QStringLiteral("C-100000002"));
        QVERIFY(syncOnce(*t1));

        // Replaying a push changes nothing: the server answers "duplicate" for each op,
        // and the terminals hold what they held.
        QVERIFY(edit(*t1, b.id, [](CustomerInput& in) { in.notes = QStringLiteral("suka kopi"); }));
        const QList<SyncOp> sent = OutboxRepository(*t1->db).oldest(m_company, 100).value();
        QCOMPARE(sent.size(), 1);
        QVERIFY(syncOnce(*t1));
        QVERIFY(syncOnce(*t2));
        const QString before = syncedState(*t2->db);
        QJsonArray ops;
        for (const SyncOp& op : sent)
            ops.append(op.toJson());
        int status = 0;
        const QJsonObject replay = postRaw(QStringLiteral("/sync/v1/push"),
            t1->db->localState(QString::fromLatin1(SyncEngine::tokenKey)).toLatin1(),
            {{QStringLiteral("deviceId"), t1->db->localState(QString::fromLatin1(SyncEngine::deviceKey))},
                {QStringLiteral("batchId"), QStringLiteral("replay")}, {QStringLiteral("ops"), ops}},
            &status);
        QCOMPARE(status, 200);
        QCOMPARE(replay.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("status")),
            QStringLiteral("duplicate"));
        QVERIFY(syncOnce(*t2));
        QCOMPARE(t2->engine->progress().pulled, 0);
        QCOMPARE(syncedState(*t2->db), before);

        // A revoked terminal is refused, and says so.
        QVERIFY(m_server
                    ->admin({QStringLiteral("terminal"), QStringLiteral("revoke"),
                        t3->db->localState(QString::fromLatin1(SyncEngine::deviceKey))})
                    .value(QStringLiteral("revoked"))
                    .toBool());
        const Status refused = syncOnce(*t3);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("unauthorised"));
        QCOMPARE(t3->engine->state(), SyncEngine::State::Error);
    }

    // Two tills refund the same sale while offline: the second refund cannot be applied
    // where the first is (one refund per sale). It is kept aside there, and sync goes on.
    void anOpThatCannotBeAppliedDoesNotStopSync()
    {
        auto t1 = enrol(m_store1, QStringLiteral("r1"));
        auto t2 = enrol(m_store1, QStringLiteral("r2"));
        CustomerInput in;
        in.name = QStringLiteral("Rina");
        in.phone = QStringLiteral("0813-2222-0001");
        const Customer rina = CustomerService(*t1->db, t1->login(QStringLiteral("budi"))).create(in).value();
        SaleRequest req;
        req.customer = rina.id;
        req.items = {{QStringLiteral("KOPI"), 1}};
        req.payments = {{PaymentMethod::Cash, 25000}};
        const Sale sale = CheckoutService(*t1->db, t1->login(QStringLiteral("budi"))).complete(req).value();
        QVERIFY(syncOnce(*t1));
        QVERIFY(syncOnce(*t2));
        QVERIFY(CheckoutService(*t1->db, t1->login(QStringLiteral("ani")))
                    .refund(sale.orderNumber, QStringLiteral("rusak")));
        QVERIFY(CheckoutService(*t2->db, t2->login(QStringLiteral("ani")))
                    .refund(sale.orderNumber, QStringLiteral("salah")));
        for (Till* t : {t1.get(), t2.get(), t1.get()})
            QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        auto unapplied = [](Till& t) {
            QSqlQuery q(t.db->connection());
            q.exec(QStringLiteral("SELECT count(*) FROM sync_unapplied WHERE entity = 'sale'"));
            return q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(unapplied(*t1), 1);
        QCOMPARE(unapplied(*t2), 1);
        // Later changes still arrive.
        in.name = QStringLiteral("Yudi");
        in.phone = QStringLiteral("0813-2222-0002");
        const Customer yudi = CustomerService(*t2->db, t2->login(QStringLiteral("budi"))).create(in).value();
        QVERIFY(syncOnce(*t2));
        QVERIFY(syncOnce(*t1));
        QCOMPARE(CustomerService(*t1->db, t1->login(QStringLiteral("ani"))).get(yudi.id).value().name,
            QStringLiteral("Yudi"));
    }

    // A terminal registered with the server that has not synced yet (pageSize 0: the engine's).
    std::unique_ptr<Till> registered(const QString& storeId, const QString& name, QNetworkAccessManager& network,
        int pageSize, bool asLoad, const Clock* clock = nullptr)
    {
        const Clock& time = clock ? *clock : m_clock;
        const QJsonObject reg = m_server->admin({QStringLiteral("terminal"), QStringLiteral("register"),
            QStringLiteral("--store"), storeId, QStringLiteral("--name"), name});
        auto t = std::make_unique<Till>();
        t->db = Database::open(m_dir.filePath(name + QStringLiteral(".db")), time).value();
        t->engine = std::make_unique<SyncEngine>(*t->db, network, time);
        if (pageSize > 0)
            t->engine->setPageSize(pageSize);
        t->engine->setFirstDownloadAsLoad(asLoad);
        const Status enrolled = outcome(*t->engine,
            [&] { t->engine->enrol(m_server->url(), reg.value(QStringLiteral("enrolmentCode")).toString()); });
        if (!enrolled)
            qFatal("enrolment of %s failed: %s", qPrintable(name), qPrintable(t->engine->lastError()));
        return t;
    }

    static QString scalar(Database& db, const QString& sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("<%1>").arg(q.lastError().text());
        return q.value(0).toString();
    }

    // The synced tables without sync_unapplied (its rows say when they were set aside).
    static QString loadedState(Database& db)
    {
        QString state = syncedState(db);
        const qsizetype from = state.indexOf(QLatin1String("#sync_unapplied\n"));
        if (from >= 0) {
            const qsizetype to = state.indexOf(u'#', from + 1);
            state.remove(from, to < 0 ? state.size() - from : to - from);
        }
        return state;
    }

    static QString indexes(Database& db)
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' "
                              "ORDER BY name"));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out.join(u'\n');
    }

    // A new terminal's first download of more than one page is written as one load (the
    // search indexes made once at the end): it ends where page by page ends, a write tried
    // meanwhile is refused with the reason, and a download stopped short by the network or
    // by the program closing keeps what it wrote and goes on from there.
    void aFirstDownloadIsWrittenAsOneLoad()
    {
        // A company of its own, so that its history holds only what this test puts there.
        const QString company = m_server
                                    ->admin({QStringLiteral("company"), QStringLiteral("create"),
                                        QStringLiteral("--name"), QStringLiteral("Toko Muat")})
                                    .value(QStringLiteral("id"))
                                    .toString();
        QStringList stores;
        for (const char* code : {"M1", "M2"}) {
            stores << m_server
                          ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"),
                              company, QStringLiteral("--code"), QLatin1String(code), QStringLiteral("--name"),
                              QLatin1String(code)})
                          .value(QStringLiteral("id"))
                          .toString();
        }
        for (const auto& [name, role] : {std::pair {"ani", "admin"}, std::pair {"budi", "cashier"}}) {
            QVERIFY(!m_server
                         ->admin({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"),
                                     company, QStringLiteral("--username"), QLatin1String(name),
                                     QStringLiteral("--role"), QLatin1String(role)},
                             "rahasia-123")
                         .isEmpty());
        }
        auto t1 = enrol(stores.at(0), QStringLiteral("l1"));
        auto t2 = enrol(stores.at(1), QStringLiteral("l2"));
        ProductService::ProductInput coffee;
        coffee.sku = QStringLiteral("KOPI");
        coffee.name = QStringLiteral("Kopi susu");
        coffee.price = 25000;
        QVERIFY(ProductService(*t1->db, t1->login(QStringLiteral("ani"))).add(coffee));
        // Many pages' worth: registrations, later edits of some (the load meets customers it
        // wrote pages before), a deletion, sales, and one phone registered at both stores.
        const Actor budi = t1->login(QStringLiteral("budi"));
        const Actor ani = t1->login(QStringLiteral("ani"));
        QList<Customer> made;
        for (int i = 0; i < 240; ++i) {
            CustomerInput in;
            in.name = QStringLiteral("Pelanggan Muat %1").arg(i);
            in.phone = QStringLiteral("0814-3000-%1").arg(i, 4, 10, QLatin1Char('0'));
            made << CustomerService(*t1->db, budi).create(in).value();
        }
        for (int i = 0; i < 240; i += 7) {
            CustomerInput in;
            in.name = QStringLiteral("Nama Baru %1").arg(i);
            in.city = QStringLiteral("Medan");
            QVERIFY(CustomerService(*t1->db, ani).update(made.at(i).id, in));
        }
        QVERIFY(CustomerService(*t1->db, ani).remove(made.at(5).id));
        QList<Sale> sales;
        for (int i : {1, 2, 2}) {
            SaleRequest req;
            req.customer = made.at(i).id;
            req.items = {{QStringLiteral("KOPI"), 1}};
            req.payments = {{PaymentMethod::Cash, 25000}};
            sales << CheckoutService(*t1->db, budi).complete(req).value();
        }
        CustomerInput same;
        same.name = QStringLiteral("Sama Satu");
        same.phone = QStringLiteral("0814-3999-0001");
        QVERIFY(CustomerService(*t1->db, budi).create(same));
        same.name = QStringLiteral("Sama Dua");
        QVERIFY(CustomerService(*t2->db, t2->login(QStringLiteral("budi"))).create(same));
        for (Till* t : {t1.get(), t2.get(), t1.get()})
            QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));

        // Every terminal of this test is registered first, so that all download the same log.
        QNetworkAccessManager flaky;
        auto ref = registered(stores.at(0), QStringLiteral("l-ref"), m_network, 30, false);
        auto load = registered(stores.at(0), QStringLiteral("l-load"), m_network, 30, true);
        auto cut = registered(stores.at(0), QStringLiteral("l-net"), flaky, 30, true);
        auto closing = registered(stores.at(0), QStringLiteral("l-close"), m_network, 30, true);
        ManualClock skewed(m_clock.nowMs());
        QNetworkAccessManager flaky2;
        auto ahead = registered(stores.at(0), QStringLiteral("l-ahead"), flaky2, 30, true, &skewed);

        // The reference: the download page by page.
        QVERIFY2(syncOnce(*ref), qPrintable(ref->engine->lastError()));
        const QString expected = loadedState(*ref->db);
        const qint64 total = ref->engine->progress().pulled;
        QVERIFY(total > 250);
        QVERIFY(expected.contains(QStringLiteral("Nama Baru 7")));

        // As one load, with a write tried half-way.
        std::optional<Error> refused;
        const auto tryWrite
            = connect(load->engine.get(), &SyncEngine::progressChanged, this, [&](const SyncEngine::Progress& p) {
                  if (refused || p.pulled < 120)
                      return;
                  CustomerInput in;
                  in.name = QStringLiteral("Di Tengah Unduhan");
                  // (This terminal's own row comes last in the company's history: budi as he is known.)
                  auto created = CustomerService(*load->db, budi).create(in);
                  refused = created ? Error::other(QStringLiteral("written"), QString()) : created.error();
              });
        QVERIFY2(syncOnce(*load), qPrintable(load->engine->lastError()));
        disconnect(tryWrite);
        QVERIFY(refused);
        QCOMPARE(refused->code, QStringLiteral("write_held"));
        QVERIFY2(refused->message.contains(QStringLiteral("downloaded")), qPrintable(refused->message));
        QCOMPARE(load->engine->progress().pulled, total);
        const QString loaded = loadedState(*load->db);
        QVERIFY2(loaded == expected, qPrintable(firstDifference(expected, loaded)));
        QCOMPARE(indexes(*load->db), indexes(*ref->db));
        QCOMPARE(scalar(*load->db, QStringLiteral("SELECT count(*) FROM sync_unapplied")),
            scalar(*ref->db, QStringLiteral("SELECT count(*) FROM sync_unapplied")));
        QCOMPARE(scalar(*load->db, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(scalar(*load->db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(load->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QString());
        // Name search runs on the index the load made: the edited names, not the old ones.
        CustomerQuery byName;
        byName.text = QStringLiteral("nama baru");
        QCOMPARE(CustomerService(*load->db, ani).count(byName).value(), 35);
        byName.text = QStringLiteral("muat 0");
        QCOMPARE(CustomerService(*load->db, ani).count(byName).value(), 0);
        // After the load, the terminal writes again.
        CustomerInput after;
        after.name = QStringLiteral("Sesudah Unduhan");
        QVERIFY(CustomerService(*load->db, load->login(QStringLiteral("budi"))).create(after));

        // Stopped by the network: what was written stays, with its cursor.
        const auto breakNetwork
            = connect(cut->engine.get(), &SyncEngine::progressChanged, this, [&](const SyncEngine::Progress& p) {
                  if (p.pulled >= 90)
                      flaky.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 1));
              });
        const Status stopped = syncOnce(*cut);
        disconnect(breakNetwork);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, QStringLiteral("offline"));
        QCOMPARE(cut->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QStringLiteral("1"));
        const qint64 kept = scalar(*cut->db, QStringLiteral("SELECT count(*) FROM customer")).toLongLong();
        QVERIFY2(kept > 0 && cut->engine->progress().pulled < total, qPrintable(QString::number(kept)));
        QVERIFY(cut->db->localState(QString::fromLatin1(SyncEngine::cursorKey)).toLongLong() > 0);
        QCOMPARE(indexes(*cut->db), indexes(*ref->db));
        QCOMPARE(scalar(*cut->db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        flaky.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        QVERIFY2(syncOnce(*cut), qPrintable(cut->engine->lastError()));
        QCOMPARE(cut->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QString());
        QVERIFY(cut->engine->progress().pulled < total); // went on from where it stopped
        const QString resumed = loadedState(*cut->db);
        QVERIFY2(resumed == expected, qPrintable(firstDifference(expected, resumed)));

        // Stopped by the program closing half-way: the same.
        {
            QEventLoop loop;
            connect(closing->engine.get(), &SyncEngine::progressChanged, &loop, [&](const SyncEngine::Progress& p) {
                if (p.pulled >= 150)
                    loop.quit();
            });
            connect(closing->engine.get(), &SyncEngine::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            closing->engine->syncNow();
            loop.exec();
        }
        QVERIFY(closing->engine->state() == SyncEngine::State::Syncing);
        closing->engine.reset();
        QCOMPARE(closing->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QStringLiteral("1"));
        QCOMPARE(indexes(*closing->db), indexes(*ref->db));
        // The rest fits in one page this time: written page by page, and the download is over.
        closing->engine = std::make_unique<SyncEngine>(*closing->db, m_network, m_clock);
        closing->engine->setPageSize(5000);
        QVERIFY2(syncOnce(*closing), qPrintable(closing->engine->lastError()));
        QVERIFY(closing->engine->progress().pulled < total);
        QCOMPARE(closing->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QString());
        const QString reopened = loadedState(*closing->db);
        QVERIFY2(reopened == expected, qPrintable(firstDifference(expected, reopened)));
        QCOMPARE(scalar(*load->db, QStringLiteral("SELECT count(*) FROM sync_unapplied")), QStringLiteral("0"));

        // Cut short, then a change made here with a clock ten minutes ahead: the server
        // refuses that push, and the download still ends (what the cycle reports is the push).
        const auto breakAgain
            = connect(ahead->engine.get(), &SyncEngine::progressChanged, this, [&](const SyncEngine::Progress& p) {
                  if (p.pulled >= 90)
                      flaky2.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 1));
              });
        QVERIFY(!syncOnce(*ahead));
        disconnect(breakAgain);
        QCOMPARE(ahead->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QStringLiteral("1"));
        skewed.advance(10 * 60 * 1000);
        CustomerInput early;
        early.name = QStringLiteral("Jam Terlalu Cepat");
        QVERIFY(CustomerService(*ahead->db, budi).create(early));
        flaky2.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        const Status refusedPush = syncOnce(*ahead);
        QVERIFY(!refusedPush);
        QCOMPARE(refusedPush.error().code, QStringLiteral("clock_ahead"));
        QCOMPARE(ahead->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QString());
        QVERIFY(ahead->engine->lastSyncAt() > 0);
        QCOMPARE(scalar(*ahead->db, QStringLiteral("SELECT count(*) FROM customer")).toLongLong(),
            scalar(*ref->db, QStringLiteral("SELECT count(*) FROM customer")).toLongLong() + 1);

        // An op that cannot be applied here (one sale refunded at two tills while offline):
        // a load that meets it starts again with a savepoint per page and sets it aside.
        QVERIFY(CheckoutService(*t1->db, ani).refund(sales.at(0).orderNumber, QStringLiteral("rusak")));
        QVERIFY(CheckoutService(*t2->db, t2->login(QStringLiteral("ani")))
                    .refund(sales.at(0).orderNumber, QStringLiteral("salah")));
        for (Till* t : {t1.get(), t2.get(), t1.get()})
            QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        auto careful = registered(stores.at(0), QStringLiteral("l-careful"), m_network, 30, true);
        QVERIFY2(syncOnce(*careful), qPrintable(careful->engine->lastError()));
        QVERIFY2(syncOnce(*ref), qPrintable(ref->engine->lastError()));
        QCOMPARE(scalar(*careful->db, QStringLiteral("SELECT count(*) FROM sync_unapplied")), QStringLiteral("1"));
        QCOMPARE(scalar(*ref->db, QStringLiteral("SELECT count(*) FROM sync_unapplied")), QStringLiteral("1"));
        QCOMPARE(careful->db->localState(QString::fromLatin1(SyncEngine::loadingKey)), QString());
        QCOMPARE(indexes(*careful->db), indexes(*ref->db));
        const QString now = loadedState(*ref->db);
        const QString carefully = loadedState(*careful->db);
        QVERIFY2(carefully == now, qPrintable(firstDifference(now, carefully)));
    }

    // SIGTERM while a push is being handled: the push is answered in full and kept, and the
    // server exits cleanly.
    void aStopFinishesTheRequestInFlight()
    {
        QTemporaryDir own;
        test::ServerProcess server(QStringLiteral(KASIR_SERVER_PATH), own.path());
        QVERIFY(server.start());
        const QString company = server
                                    .admin({QStringLiteral("company"), QStringLiteral("create"),
                                        QStringLiteral("--name"), QStringLiteral("Toko Tutup")})
                                    .value(QStringLiteral("id"))
                                    .toString();
        const QString store = server
                                  .admin({QStringLiteral("store"), QStringLiteral("create"),
                                      QStringLiteral("--company"), company, QStringLiteral("--code"),
                                      QStringLiteral("S01"), QStringLiteral("--name"), QStringLiteral("Pusat")})
                                  .value(QStringLiteral("id"))
                                  .toString();
        const QString admin = server
                                  .admin({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"),
                                             company, QStringLiteral("--username"), QStringLiteral("ani"),
                                             QStringLiteral("--role"), QStringLiteral("admin")},
                                      "rahasia-123")
                                  .value(QStringLiteral("id"))
                                  .toString();
        const QJsonObject reg = server.admin({QStringLiteral("terminal"), QStringLiteral("register"),
            QStringLiteral("--store"), store, QStringLiteral("--token")});
        const quint32 site = static_cast<quint32>(reg.value(QStringLiteral("siteId")).toDouble());
        QJsonArray ops;
        for (int i = 0; i < 4000; ++i) {
            SyncOp op;
            op.id = Ids::newId();
            op.companyId = company;
            op.entity = QStringLiteral("customer");
            op.entityId = Ids::newId();
            op.action = QStringLiteral("create");
            op.fields = {{QStringLiteral("name"), QStringLiteral("Pelanggan %1").arg(i)},
                {QStringLiteral("notes"), QString(400, u'x')}};
            op.hlc = Hlc {m_clock.nowMs(), static_cast<quint16>(i), site};
            op.actorId = admin;
            op.createdAt = m_clock.nowMs();
            ops.append(op.toJson());
        }
        QUrl url = server.url();
        url.setPath(QStringLiteral("/sync/v1/push"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + reg.value(QStringLiteral("token")).toString().toLatin1());
        QNetworkReply* reply = m_network.post(req,
            QJsonDocument(QJsonObject {{QStringLiteral("deviceId"), reg.value(QStringLiteral("id"))},
                              {QStringLiteral("batchId"), QStringLiteral("last")}, {QStringLiteral("ops"), ops}})
                .toJson(QJsonDocument::Compact));
        QSignalSpy done(reply, &QNetworkReply::finished);
        // Once the whole request is on its way, and while the server handles it.
        QSignalSpy sent(reply, &QNetworkReply::uploadProgress);
        QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty() && sent.last().at(0) == sent.last().at(1), 20000);
        server.signalStop();
        QVERIFY(done.wait(30000) || done.size() == 1);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QCOMPARE(answer.value(QStringLiteral("results")).toArray().size(), 4000);
        QVERIFY(server.waitForStopped());
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void restApiAndTerminalsShareCustomers()
    {
        auto t = enrol(m_store1, QStringLiteral("rest-till"));
        const Actor ani = t->login(QStringLiteral("ani"));
        const QByteArray key
            = m_server->admin(
                          {QStringLiteral("apikey"), QStringLiteral("create"), QStringLiteral("--user"), ani.userId})
                  .value(QStringLiteral("key"))
                  .toString()
                  .toLatin1();
        QVERIFY(!key.isEmpty());

        // Registered through the REST API, it arrives on the terminal as the terminal's own
        // service would have written it.
        int status = 0;
        const QJsonObject made = rest("POST", QStringLiteral("/api/v1/customers"), key,
            {{QStringLiteral("name"), QStringLiteral("Rina Integrasi")},
                {QStringLiteral("phone"), QStringLiteral("0812-5555-0001")},
                {QStringLiteral("email"), QStringLiteral("rina@example.com")},
                {QStringLiteral("type"), QStringLiteral("member")}},
            &status);
        QCOMPARE(status, 201);
        const QString restId = made.value(QStringLiteral("id")).toString();
        QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        auto rina = CustomerService(*t->db, t->login(QStringLiteral("budi"))).get(restId);
        QVERIFY2(rina, qPrintable(rina ? QString() : rina.error().describe()));
        QCOMPARE(rina->name, QStringLiteral("Rina Integrasi"));
        QCOMPARE(rina->phone, QStringLiteral("+6281255550001"));
        QCOMPARE(rina->code, made.value(QStringLiteral("code")).toString());
        QCOMPARE(rina->type, CustomerType::Member);
        QCOMPARE(rina->createdBy, ani.userId);
        auto byPhone
            = CustomerService(*t->db, t->login(QStringLiteral("budi"))).findByPhone(QStringLiteral("081255550001"));
        QVERIFY(byPhone && byPhone->has_value());

        // Registered and sold to on the terminal, it is readable through the REST API with
        // its figures.
        ProductService::ProductInput tea;
        tea.sku = QStringLiteral("TEH");
        tea.name = QStringLiteral("Teh manis");
        tea.price = 8000;
        QVERIFY(ProductService(*t->db, ani).add(tea));
        CustomerInput in;
        in.name = QStringLiteral("Tono Kasir");
        in.phone = QStringLiteral("0812-5555-0002");
        const Customer tono = CustomerService(*t->db, t->login(QStringLiteral("budi"))).create(in).value();
        SaleRequest sale;
        sale.customer = restId;
        sale.items = {{QStringLiteral("TEH"), 3}};
        sale.payments = {{PaymentMethod::Cash, 24000}};
        const auto sold = CheckoutService(*t->db, t->login(QStringLiteral("budi"))).complete(sale);
        QVERIFY(sold);
        QVERIFY(sold->total > 0 && sold->total <= 24000); // a member's discount may apply
        QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        QJsonObject got = rest("GET", QStringLiteral("/api/v1/customers/") + tono.id, key, {}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(got.value(QStringLiteral("name")).toString(), QStringLiteral("Tono Kasir"));
        QCOMPARE(got.value(QStringLiteral("code")).toString(), tono.code);
        QCOMPARE(got.value(QStringLiteral("phone")).toString(), QStringLiteral("+6281255550002"));
        got = rest("GET", QStringLiteral("/api/v1/customers/") + restId, key, {}, &status);
        QCOMPARE(got.value(QStringLiteral("stats"))[QStringLiteral("purchases")].toInt(), 1);
        QCOMPARE(got.value(QStringLiteral("stats"))[QStringLiteral("totalSpent")].toInteger(), sold->total);
        got = rest("GET", QStringLiteral("/api/v1/customers/") + restId + QStringLiteral("/history"), key, {}, &status);
        QCOMPARE(got.value(QStringLiteral("items"))[0][QStringLiteral("orderNumber")].toString(), sold->orderNumber);
        // The REST API refuses the terminal customer's phone for another customer.
        rest("POST", QStringLiteral("/api/v1/customers"), key,
            {{QStringLiteral("name"), QStringLiteral("Tono Dua")},
                {QStringLiteral("phone"), QStringLiteral("+6281255550002")}},
            &status);
        QCOMPARE(status, 409);

        // Changes, notes and a soft delete made through the REST API reach the terminal.
        rest("PATCH", QStringLiteral("/api/v1/customers/") + tono.id, key,
            {{QStringLiteral("city"), QStringLiteral("Medan")}}, &status);
        QCOMPARE(status, 200);
        rest("POST", QStringLiteral("/api/v1/customers/") + tono.id + QStringLiteral("/notes"), key,
            {{QStringLiteral("kind"), QStringLiteral("preference")},
                {QStringLiteral("body"), QStringLiteral("Suka teh manis")}},
            &status);
        QCOMPARE(status, 201);
        rest("DELETE", QStringLiteral("/api/v1/customers/") + restId, key, {}, &status);
        QCOMPARE(status, 200);
        QVERIFY2(syncOnce(*t), qPrintable(t->engine->lastError()));
        const Actor budi = t->login(QStringLiteral("budi"));
        QCOMPARE(CustomerService(*t->db, budi).get(tono.id).value().city, QStringLiteral("Medan"));
        QCOMPARE(CustomerService(*t->db, budi).get(tono.id).value().name, QStringLiteral("Tono Kasir"));
        const NotePage notes = NoteService(*t->db, budi).list(tono.id).value();
        QCOMPARE(notes.items.size(), 1);
        QCOMPARE(notes.items.at(0).body, QStringLiteral("Suka teh manis"));
        QCOMPARE(notes.items.at(0).createdBy, ani.userId);
        QCOMPARE(CustomerService(*t->db, budi).get(restId).value().status, CustomerStatus::Inactive);
        QCOMPARE(OutboxRepository(*t->db).pending(m_company).value(), 0);

        // A second terminal that syncs from scratch holds the same.
        auto t2 = enrol(m_store2, QStringLiteral("rest-till-2"));
        QCOMPARE(CustomerService(*t2->db, budi).get(tono.id).value().city, QStringLiteral("Medan"));
        QCOMPARE(CustomerService(*t2->db, budi).get(restId).value().status, CustomerStatus::Inactive);
    }

    void anotherCompanysTerminalSeesAndChangesNothing()
    {
        const QString other = m_server
                                  ->admin({QStringLiteral("company"), QStringLiteral("create"),
                                      QStringLiteral("--name"), QStringLiteral("Toko Lain")})
                                  .value(QStringLiteral("id"))
                                  .toString();
        const QString store
            = m_server
                  ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"), other,
                      QStringLiteral("--code"), QStringLiteral("X1"), QStringLiteral("--name"), QStringLiteral("X")})
                  .value(QStringLiteral("id"))
                  .toString();
        m_server->admin(
            {QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"), other,
                QStringLiteral("--username"), QStringLiteral("eko"), QStringLiteral("--role"), QStringLiteral("admin")},
            "rahasia-123");
        auto stranger = enrol(store, QStringLiteral("stranger"));
        QSqlQuery q(stranger->db->connection());
        q.exec(QStringLiteral("SELECT count(*) FROM customer"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.exec(QStringLiteral("SELECT count(*) FROM company WHERE id <> '%1'").arg(other));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        // Its token cannot write into the first company, even naming it.
        SyncOp forged;
        forged.id = QStringLiteral("01a1ffab-0000-7000-8000-000000000001");
        forged.companyId = m_company;
        forged.entity = QStringLiteral("customer");
        forged.entityId = QStringLiteral("01a1ffab-0000-7000-8000-000000000002");
        forged.action = QStringLiteral("create");
        forged.fields = {{QStringLiteral("name"), QStringLiteral("Intruder")}};
        forged.hlc = Hlc {m_clock.nowMs(), 0, 7};
        forged.actorId = stranger->login(QStringLiteral("eko")).userId;
        int status = 0;
        const QJsonObject reply = postRaw(QStringLiteral("/sync/v1/push"),
            stranger->db->localState(QString::fromLatin1(SyncEngine::tokenKey)).toLatin1(),
            {{QStringLiteral("deviceId"), stranger->db->localState(QString::fromLatin1(SyncEngine::deviceKey))},
                {QStringLiteral("batchId"), QStringLiteral("x")},
                {QStringLiteral("ops"), QJsonArray {forged.toJson()}}},
            &status);
        QCOMPARE(status, 200);
        const QJsonObject result = reply.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value(QStringLiteral("code")).toString(), QStringLiteral("wrong_company"));
        // And a made-up token gets nothing at all.
        postRaw(QStringLiteral("/sync/v1/push"), "not-a-token", {}, &status);
        QCOMPARE(status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "TestSyncIntegration.moc"
