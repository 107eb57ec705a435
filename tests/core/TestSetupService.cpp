#include "core/domain/Clock.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kasir;

class TestSetupService : public QObject
{
    Q_OBJECT

private slots:
    void setsUpATerminalOnce()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto db = Database::open(dir.filePath(QStringLiteral("k.db")), clock);
        QVERIFY(db.ok());
        SetupService setup(**db);
        QCOMPARE(setup.currentCompany().error().kind, Error::Kind::NotFound);

        SetupService::Request r;
        r.companyName = QStringLiteral("  Toko   Maju ");
        r.region = QStringLiteral("ke");
        r.currency = QStringLiteral("kes");
        r.adminPassword = QStringLiteral("12345678");
        auto out = setup.initialise(r);
        QVERIFY2(out.ok(), qPrintable(out ? QString() : out.error().describe()));
        QCOMPARE(out->company.name, QStringLiteral("Toko Maju"));
        QCOMPARE(out->company.defaultRegion, QStringLiteral("KE"));
        QCOMPARE(out->company.currency, QStringLiteral("KES"));
        QVERIFY(out->terminal.siteId > 0);
        QCOMPARE((*db)->hlc().siteId(), out->terminal.siteId);
        QCOMPARE(setup.currentCompany()->id, out->company.id);

        auto again = setup.initialise(r);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY(again.error().message.contains(QStringLiteral("Toko Maju")));
    }

    void namesEveryBadField()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto db = Database::open(dir.filePath(QStringLiteral("k.db")), clock);
        SetupService::Request r;
        r.companyName = QStringLiteral("   ");
        r.region = QStringLiteral("XX");
        r.currency = QStringLiteral("rupiah");
        r.adminUsername = QStringLiteral("a b");
        r.adminPassword = QStringLiteral("123");
        auto out = SetupService(**db).initialise(r);
        QVERIFY(!out.ok());
        QStringList fields;
        for (const FieldError& f : out.error().fields)
            fields << f.field;
        QCOMPARE(fields,
            (QStringList {QStringLiteral("company"), QStringLiteral("region"), QStringLiteral("currency"),
                QStringLiteral("adminUsername"), QStringLiteral("adminPassword")}));
    }
};

QTEST_GUILESS_MAIN(TestSetupService)
#include "TestSetupService.moc"
