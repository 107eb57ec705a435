#include "core/domain/Role.h"
#include "tests/support/TestDatabase.h"
#include "ui/dialogs/LoginDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace kasir::test {

class TestLoginDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_database = std::make_unique<TestDatabase>(); }

    void aCashierSignsInWithTheKeyboard()
    {
        LoginDialog dialog(m_database->db(), m_database->company());
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* username = dialog.findChild<QLineEdit*>(QStringLiteral("username"));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
        QVERIFY(username && password);
        QVERIFY(username->hasFocus());
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClicks(username, QStringLiteral("kasir"));
        QTest::keyClick(username, Qt::Key_Tab);
        QVERIFY(password->hasFocus());
        QTest::keyClicks(password, QStringLiteral("correct horse"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(dialog.user());
        QCOMPARE(dialog.user()->username, QStringLiteral("kasir"));
        QCOMPARE(dialog.user()->role, Role::Cashier);
    }

    void aWrongPasswordSaysSoAndStays()
    {
        LoginDialog dialog(m_database->db(), m_database->company());
        dialog.show();
        auto* username = dialog.findChild<QLineEdit*>(QStringLiteral("username"));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("loginMessage"));
        auto* signIn = dialog.findChild<QPushButton*>(QStringLiteral("signIn"));
        QVERIFY(username && password && message && signIn);
        QVERIFY(!message->isVisible());
        QSignalSpy accepted(&dialog, &QDialog::accepted);

        // Nothing typed: asked for the username, nothing checked.
        QTest::mouseClick(signIn, Qt::LeftButton);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), LoginDialog::tr("Type your username."));

        username->setText(QStringLiteral("manager"));
        password->setText(QStringLiteral("wrong horse"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.user());
        QCOMPARE(
            message->text(), LoginDialog::tr("The username or the password is wrong. Try again, or ask a manager."));
        QVERIFY(password->text().isEmpty()); // typed again from the start
        QCOMPARE(username->text(), QStringLiteral("manager"));

        // An unknown user gets the same words: the dialog does not tell who exists.
        username->setText(QStringLiteral("nobody"));
        password->setText(QStringLiteral("correct horse"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QCOMPARE(
            message->text(), LoginDialog::tr("The username or the password is wrong. Try again, or ask a manager."));

        username->setText(QStringLiteral("  manager "));
        password->setText(QStringLiteral("correct horse"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.user()->role, Role::Manager);
    }

    void lookAtIt()
    {
        // Pictures for a person to look at, when asked for: empty, and after a wrong password.
        const QString folder = qEnvironmentVariable("KASIR_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("set KASIR_SCREENSHOT_DIR to picture the sign-in");
        LoginDialog dialog(m_database->db(), m_database->company());
        dialog.show();
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/login.png")));
        dialog.findChild<QLineEdit*>(QStringLiteral("username"))->setText(QStringLiteral("kasir"));
        dialog.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("salah"));
        dialog.signIn();
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/login-wrong.png")));
    }

private:
    std::unique_ptr<TestDatabase> m_database;
};

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestLoginDialog)
#include "TestLoginDialog.moc"
