#include "core/domain/Clock.h"
#include "core/domain/CustomerValidator.h"
#include "core/services/CustomerService.h"
#include "core/services/DemoData.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kasir;

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void isDeterministicAndValid()
    {
        QCOMPARE(DemoData::customer(7, 42).name, DemoData::customer(7, 42).name);
        QCOMPARE(DemoData::customer(7, 42).phone, DemoData::customer(7, 42).phone);
        QVERIFY(DemoData::customer(7, 42).name != DemoData::customer(8, 42).name
            || DemoData::customer(7, 42).phone != DemoData::customer(8, 42).phone);
        QSet<QString> phones;
        int kenyan = 0, indian = 0;
        for (qint64 i = 0; i < 20'000; ++i) {
            const CustomerInput in = DemoData::customer(1, i);
            const auto c = CustomerValidator::apply(Customer {}, in, QStringLiteral("ID"), QDate(2026, 11, 21));
            QVERIFY2(c.ok(),
                qPrintable(QStringLiteral("#%1 %2: %3").arg(i).arg(*in.phone, c ? QString() : c.error().describe())));
            QVERIFY2(!phones.contains(c->phone), qPrintable(c->phone));
            phones.insert(c->phone);
            kenyan += c->phone.startsWith(QStringLiteral("+254"));
            indian += c->phone.startsWith(QStringLiteral("+91"));
        }
        QVERIFY(kenyan > 1000 && indian > 1000);
    }

    void writesThroughTheServiceAndContinuesAcrossRuns()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("demo.db")), SystemClock::instance());
        QVERIFY(db.ok());
        auto admin = DemoData::ensureCompany(**db);
        QVERIFY(admin.ok());
        qint64 reported = 0;
        QCOMPARE(DemoData::generate(**db, *admin, 1200, 3, [&](qint64 n) { reported = n; }).value(), 1200);
        QCOMPARE(reported, 1200);
        // A second run adds more, with new numbers.
        QCOMPARE(DemoData::generate(**db, *admin, 300, 3).value(), 300);
        QCOMPARE(CustomerService(**db, *admin).count(CustomerQuery {}).value(), 1500);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1500);
        // The same company is reused, with its three demo logins.
        auto again = DemoData::ensureCompany(**db);
        QCOMPARE(again->userId, admin->userId);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM app_user")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void aCancelledRunAddsNobody()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("demo.db")), SystemClock::instance());
        QVERIFY(db.ok());
        auto admin = DemoData::ensureCompany(**db);
        QVERIFY(admin.ok());
        QCOMPARE(DemoData::generate(**db, *admin, 100, 5).value(), 100);
        // Stopped after the first batch was written: the run is undone as a whole.
        std::atomic<qint64> written {0}; // told on this thread, asked on the batch thread
        auto stopped = DemoData::generate(
            **db, *admin, 3 * DemoData::batchSize, 5, [&](qint64 n) { written = n; }, [&] { return written > 0; });
        QVERIFY(!stopped.ok());
        QVERIFY(stopped.error().isCancelled());
        // The next batch is made while one is written: cancelled before the third at the latest.
        QVERIFY(written >= DemoData::batchSize && written < 3 * DemoData::batchSize);
        QCOMPARE(CustomerService(**db, *admin).count(CustomerQuery {}).value(), 100);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 100);
        // The next run carries on as if the cancelled one never was.
        QCOMPARE(DemoData::generate(**db, *admin, 10, 5).value(), 10);
        QCOMPARE(CustomerService(**db, *admin).count(CustomerQuery {}).value(), 110);

        // Stopped after the last batch, while the load is being finished: undone too.
        std::atomic<qint64> all {0};
        auto late = DemoData::generate(
            **db, *admin, 20, 5, [&](qint64 n) { all = n; }, [&] { return all == 20; });
        QVERIFY(!late.ok() && late.error().isCancelled());
        QCOMPARE(all.load(), 20);
        QCOMPARE(CustomerService(**db, *admin).count(CustomerQuery {}).value(), 110);
    }

    void onlyAnAdministratorAddsDemoCustomers()
    {
        test::TestDatabase t;
        for (const Actor& actor : {t.manager(), t.cashier()}) {
            auto refused = DemoData::generate(t.db(), actor, 5, 1);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, Error::Kind::PermissionDenied);
        }
        QCOMPARE(t.countRows(QStringLiteral("customer")), 0);
        QCOMPARE(DemoData::generate(t.db(), t.admin(), 5, 1).value(), 5);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "TestDemoData.moc"
