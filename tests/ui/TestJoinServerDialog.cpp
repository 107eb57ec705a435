#include "core/domain/Clock.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/sync/SyncEngine.h"
#include "tests/support/ServerProcess.h"
#include "ui/dialogs/JoinServerDialog.h"
#include "ui/widgets/SyncPanel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace kasir;

// A new terminal joins its shop's server from the first-start dialog, against a real
// kasir-server; then Settings > Sync says where it stands.
class TestJoinServerDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerProcess> m_server;
    QString m_store;
    QNetworkAccessManager m_network;

    QString code()
    {
        return m_server
            ->admin({QStringLiteral("terminal"), QStringLiteral("register"), QStringLiteral("--store"), m_store})
            .value(QStringLiteral("enrolmentCode"))
            .toString();
    }

    static void shoot(QWidget& w, const char* name)
    {
        const QString folder = qEnvironmentVariable("KASIR_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            QVERIFY(w.grab().save(QDir(folder).filePath(QLatin1String(name))));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<test::ServerProcess>(QStringLiteral(KASIR_SERVER_PATH), m_dir.path());
        QVERIFY(m_server->start());
        const QString company = m_server
                                    ->admin({QStringLiteral("company"), QStringLiteral("create"),
                                        QStringLiteral("--name"), QStringLiteral("Toko Sinar")})
                                    .value(QStringLiteral("id"))
                                    .toString();
        m_store = m_server
                      ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"), company,
                          QStringLiteral("--code"), QStringLiteral("S01"), QStringLiteral("--name"),
                          QStringLiteral("Pusat")})
                      .value(QStringLiteral("id"))
                      .toString();
        QVERIFY(!m_server
                     ->admin({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"), company,
                                 QStringLiteral("--username"), QStringLiteral("ani"), QStringLiteral("--role"),
                                 QStringLiteral("admin")},
                         "rahasia-123")
                     .isEmpty());
    }

    void aWrongCodeIsShownByTheCodeField()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("wrong.db")), SystemClock::instance()).value();
        SyncEngine engine(*db, m_network, SystemClock::instance());
        JoinServerDialog dialog(engine, QStringLiteral("This computer has no Kasir data yet."));
        dialog.show();
        auto* join = dialog.findChild<QPushButton*>(QStringLiteral("joinButton"));
        auto* codeError = dialog.findChild<QLabel*>(QStringLiteral("joinCodeError"));
        auto* serverError = dialog.findChild<QLabel*>(QStringLiteral("joinServerError"));
        // Nothing typed: both fields say so, nothing is sent.
        QTest::mouseClick(join, Qt::LeftButton);
        QVERIFY(codeError->isVisible() && serverError->isVisible());
        dialog.findChild<QLineEdit*>(QStringLiteral("joinServer"))->setText(m_server->url().toString());
        dialog.findChild<QLineEdit*>(QStringLiteral("joinCode"))->setText(QStringLiteral("AAAAA-BBBBB"));
        QTest::mouseClick(join, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(codeError->isVisible() && join->isEnabled(), 20000);
        QVERIFY(!serverError->isVisible());
        QVERIFY2(codeError->text().contains(QStringLiteral("does not know this code")), qPrintable(codeError->text()));
        QVERIFY(!engine.isEnrolled());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        shoot(dialog, "join-server-wrong-code.png");
    }

    void aTerminalJoinsAndDownloadsItsCompany()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("new.db")), SystemClock::instance()).value();
        SyncEngine engine(*db, m_network, SystemClock::instance());
        JoinServerDialog dialog(engine, QStringLiteral("This computer has no Kasir data yet."));
        dialog.show();
        dialog.findChild<QLineEdit*>(QStringLiteral("joinServer"))->setText(m_server->url().toString());
        dialog.findChild<QLineEdit*>(QStringLiteral("joinCode"))->setText(code().toLower());
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("joinButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
        auto company = SetupService(*db).currentCompany();
        QVERIFY(company);
        QCOMPARE(company->name, QStringLiteral("Toko Sinar"));

        SyncPanel panel(*db, engine);
        panel.resize(900, 520);
        panel.show();
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("syncServer"))->text(), m_server->url().toString());
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("syncState"))->text(), SyncPanel::describeState(engine));
        QCOMPARE(engine.state(), SyncEngine::State::UpToDate);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("syncLastSync"))->text() != QStringLiteral("never"));
        // "Sync now" runs a cycle and the panel follows it.
        auto* now = panel.findChild<QPushButton*>(QStringLiteral("syncNow"));
        QVERIFY(now->isEnabled());
        QTest::mouseClick(now, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::UpToDate, 20000);
        QTRY_VERIFY(now->isEnabled());
        shoot(panel, "settings-sync.png");
    }
};

QTEST_MAIN(TestJoinServerDialog)
#include "TestJoinServerDialog.moc"
