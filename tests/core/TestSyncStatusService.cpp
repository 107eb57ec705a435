#include "core/services/CustomerService.h"
#include "core/services/NoteService.h"
#include "core/services/SyncStatusService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace kasir;

class TestSyncStatusService : public QObject
{
    Q_OBJECT

private slots:
    void countsTheCompanysUnsentChanges()
    {
        // Each change writes one op; another company's ops are not this terminal user's
        // business; ops the server acknowledged (deleted) no longer count.
        test::TestDatabase t;
        SyncStatusService status(t.db(), t.cashier());
        auto before = status.pendingChanges();
        QVERIFY(before.ok());

        CustomerInput in;
        in.name = QStringLiteral("Siti Aminah");
        auto siti = CustomerService(t.db(), t.admin()).create(in);
        QVERIFY(siti.ok());
        QVERIFY(NoteService(t.db(), t.cashier())
                    .add(siti->id, QStringLiteral("personal"), QStringLiteral("Suka kopi"))
                    .ok());
        auto after = status.pendingChanges();
        QVERIFY(after.ok());
        QCOMPARE(*after, *before + 2);

        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        in.name = QStringLiteral("Budi");
        QVERIFY(CustomerService(t.db(), other).create(in).ok());
        QCOMPARE(*status.pendingChanges(), *after);
        QVERIFY(*SyncStatusService(t.db(), other).pendingChanges() >= 1);

        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM sync_outbox WHERE seq = (SELECT max(seq) FROM sync_outbox "
                                      "WHERE company_id = '%1')")
                           .arg(t.cashier().companyId)));
        QCOMPARE(*status.pendingChanges(), *after - 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncStatusService)
#include "TestSyncStatusService.moc"
