#include "core/services/MembershipService.h"
#include "core/services/UserService.h"
#include "tests/support/TestDatabase.h"
#include "ui/views/SettingsView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

namespace kasir::test {

// The settings page driven as a manager, an administrator and a cashier drive it: the real
// widget on the offscreen platform, the outcome read back through core's services.
class TestSettingsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theRulesFormShowsTheRulesAndSavesAValidChange();
    void anInvalidRuleIsShownByItsFieldAndNothingIsSaved();
    void anAdministratorAddsACashier();
    void aTooShortPasswordIsExplainedAndNoUserIsAdded();
    void aManagerDoesNotManageUsers();
    void aCashierCannotChangeRulesOrAddUsers();
    void choosingIndonesianIsRememberedAndAnnounced();
    void openFolderOpensTheDatabaseFolder();
    void screenshots();

private:
    void open(const Actor& actor);
    // Brings a section to the front, as a click on its tab does.
    void showSection(const QString& title);
    template<typename T>
    T* child(const char* name) const
    {
        T* found = m_view->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    void setText(const char* name, const QString& text);
    MembershipRules storedRules();
    QStringList usernames();

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<SettingsView> m_view;
};

void TestSettingsView::initTestCase()
{
    // QSettings then writes under ~/.qttest, never into the real configuration.
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsView::init()
{
    QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir")).remove(QString::fromLatin1(SettingsView::languageKey));
    m_database = std::make_unique<TestDatabase>();
}

void TestSettingsView::cleanup()
{
    m_view.reset();
    m_database.reset();
    QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir")).remove(QString::fromLatin1(SettingsView::languageKey));
}

void TestSettingsView::open(const Actor& actor)
{
    m_view = std::make_unique<SettingsView>(m_database->db(), actor, m_database->company());
    m_view->setFolderOpener([](const QUrl&) { return false; });
    m_view->resize(1366, 768);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestSettingsView::showSection(const QString& title)
{
    auto* tabs = child<QTabWidget>("settingsTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).remove(u'&') == title) {
            tabs->setCurrentIndex(i);
            // The layouts take in the messages shown above before the picture is taken.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            return;
        }
    }
    qFatal("no section %s", qPrintable(title));
}

void TestSettingsView::setText(const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(name);
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

MembershipRules TestSettingsView::storedRules()
{
    auto rules = MembershipService(m_database->db(), m_database->admin()).rules();
    if (!rules)
        qFatal("rules: %s", qPrintable(rules.error().describe()));
    return *rules;
}

QStringList TestSettingsView::usernames()
{
    auto users = UserService(m_database->db(), m_database->admin()).list();
    if (!users)
        qFatal("users: %s", qPrintable(users.error().describe()));
    QStringList names;
    for (const User& u : *users)
        names << u.username;
    return names;
}

void TestSettingsView::theRulesFormShowsTheRulesAndSavesAValidChange()
{
    open(m_database->manager());
    showSection(QStringLiteral("Membership rules"));
    const MembershipRules before = storedRules();
    QCOMPARE(child<QLineEdit>("goldDiscountEdit")->text(), QStringLiteral("15"));
    QCOMPARE(child<QLineEdit>("silverFromEdit")->text(), QLocale().toString(before.silverFrom));
    QCOMPARE(child<QLineEdit>("goldFromEdit")->text(), QLocale().toString(before.goldFrom));
    QCOMPARE(child<QCheckBox>("tiersCanDropEdit")->isChecked(), before.tiersCanDrop);

    QSignalSpy changed(m_view.get(), &SettingsView::rulesChanged);
    setText("goldDiscountEdit", QStringLiteral("17.5"));
    QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);

    QCOMPARE(storedRules().goldDiscountBp, 1750);
    QCOMPARE(storedRules().silverDiscountBp, before.silverDiscountBp);
    QCOMPARE(changed.count(), 1);
    QVERIFY(child<QLabel>("rulesStatus")->isVisible());
    QVERIFY(!child<QLabel>("goldDiscountError")->isVisible());

    // Saving what is already in force announces nothing.
    QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
}

void TestSettingsView::anInvalidRuleIsShownByItsFieldAndNothingIsSaved()
{
    open(m_database->manager());
    showSection(QStringLiteral("Membership rules"));
    const MembershipRules before = storedRules();
    QSignalSpy changed(m_view.get(), &SettingsView::rulesChanged);

    // Silver above Gold: core says Gold must be at least the Silver threshold.
    setText("silverFromEdit", QStringLiteral("6000000"));
    setText("goldDiscountEdit", QStringLiteral("16"));
    QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);

    auto* goldError = child<QLabel>("goldFromError");
    QVERIFY(goldError->isVisible());
    QVERIFY2(goldError->text().contains(QStringLiteral("Silver")), qPrintable(goldError->text()));
    QVERIFY(child<QLineEdit>("goldFromEdit")->accessibleDescription().contains(QStringLiteral("Silver")));
    QVERIFY(!child<QLabel>("goldDiscountError")->isVisible());
    QCOMPARE(storedRules(), before);
    QCOMPARE(changed.count(), 0);

    // Something that is not an amount never reaches core, and is said by its field.
    setText("silverFromEdit", QStringLiteral("lots"));
    QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("silverFromError")->isVisible());
    QCOMPARE(storedRules(), before);

    // Corrected, the messages go and the rule is saved.
    setText("silverFromEdit", QStringLiteral("2500000"));
    QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);
    QVERIFY(!child<QLabel>("silverFromError")->isVisible());
    QVERIFY(!goldError->isVisible());
    QCOMPARE(storedRules().silverFrom, 2'500'000);
    QCOMPARE(storedRules().goldDiscountBp, 1600);
    QCOMPARE(changed.count(), 1);
}

void TestSettingsView::anAdministratorAddsACashier()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    auto* table = child<QTableWidget>("usersTable");
    const int rowsBefore = table->rowCount();
    QCOMPARE(rowsBefore, static_cast<int>(usernames().size()));

    setText("newUsername", QStringLiteral("siti"));
    setText("newDisplayName", QStringLiteral("Siti Rahayu"));
    auto* role = child<QComboBox>("newRole");
    role->setCurrentIndex(role->findData(QStringLiteral("cashier")));
    setText("newPassword", QStringLiteral("correct horse"));
    setText("newPasswordRepeat", QStringLiteral("correct horse"));
    QTest::mouseClick(child<QPushButton>("addUserButton"), Qt::LeftButton);

    QVERIFY(usernames().contains(QStringLiteral("siti")));
    auto user = UserService::authenticate(
        m_database->db(), m_database->company().id, QStringLiteral("siti"), QStringLiteral("correct horse"));
    QVERIFY(user.ok());
    QCOMPARE(user->role, Role::Cashier);
    QCOMPARE(user->displayName, QStringLiteral("Siti Rahayu"));
    QCOMPARE(table->rowCount(), rowsBefore + 1);
    QVERIFY(!table->findItems(QStringLiteral("Siti Rahayu"), Qt::MatchExactly).isEmpty());
    QVERIFY(child<QLineEdit>("newPassword")->text().isEmpty());
}

void TestSettingsView::aTooShortPasswordIsExplainedAndNoUserIsAdded()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    const QStringList before = usernames();
    setText("newUsername", QStringLiteral("budi"));
    setText("newPassword", QStringLiteral("short"));
    setText("newPasswordRepeat", QStringLiteral("short"));
    QTest::mouseClick(child<QPushButton>("addUserButton"), Qt::LeftButton);

    auto* error = child<QLabel>("newPasswordError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Must be at least 8 characters"));
    QVERIFY(!child<QLabel>("newUsernameError")->isVisible());
    QCOMPARE(usernames(), before);

    // Two different passwords are caught by the form before core is asked.
    setText("newPassword", QStringLiteral("correct horse"));
    setText("newPasswordRepeat", QStringLiteral("correct hose"));
    QTest::mouseClick(child<QPushButton>("addUserButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("newPasswordRepeatError")->isVisible());
    QVERIFY(!error->isVisible());
    QCOMPARE(usernames(), before);
}

void TestSettingsView::aManagerDoesNotManageUsers()
{
    // Core lets only an administrator list and add users (Permission::UserManage).
    open(m_database->manager());
    showSection(QStringLiteral("Users and roles"));
    QVERIFY(m_view->findChild<QTableWidget*>(QStringLiteral("usersTable")) == nullptr);
    QVERIFY(m_view->findChild<QPushButton*>(QStringLiteral("addUserButton")) == nullptr);
    QVERIFY(child<QLabel>("usersNotice")->isVisible());
    QVERIFY(!m_view->addUser());
}

void TestSettingsView::aCashierCannotChangeRulesOrAddUsers()
{
    open(m_database->cashier());
    showSection(QStringLiteral("Membership rules"));
    const MembershipRules before = storedRules();
    // The rules are there to read, not to change.
    auto* gold = child<QLineEdit>("goldDiscountEdit");
    QCOMPARE(gold->text(), QStringLiteral("15"));
    QVERIFY(gold->isReadOnly());
    QVERIFY(child<QLineEdit>("silverFromEdit")->isReadOnly());
    QVERIFY(!child<QCheckBox>("tiersCanDropEdit")->isEnabled());
    QVERIFY(child<QSpinBox>("pointsExpireDaysEdit")->isReadOnly());
    QVERIFY(m_view->findChild<QPushButton*>(QStringLiteral("saveRulesButton")) == nullptr);
    QVERIFY(child<QLabel>("rulesReadOnlyNotice")->isVisible());
    QTest::keyClicks(gold, QStringLiteral("99"));
    QCOMPARE(gold->text(), QStringLiteral("15"));
    QVERIFY(!m_view->saveRules());
    QCOMPARE(storedRules(), before);

    QVERIFY(m_view->findChild<QTableWidget*>(QStringLiteral("usersTable")) == nullptr);
    QVERIFY(m_view->findChild<QPushButton*>(QStringLiteral("addUserButton")) == nullptr);
    QVERIFY(!m_view->addUser());
}

void TestSettingsView::choosingIndonesianIsRememberedAndAnnounced()
{
    QVERIFY(QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir")).fileName().contains(QStringLiteral("qttest")));
    open(m_database->cashier());
    showSection(QStringLiteral("Language"));
    auto* combo = child<QComboBox>("languageCombo");
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en_US"));
    QSignalSpy changed(m_view.get(), &SettingsView::languageChanged);

    auto* apply = child<QPushButton>("applyLanguage");
    QVERIFY(!apply->isEnabled()); // nothing to apply yet
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentText(), QStringLiteral("Bahasa Indonesia"));
    QCOMPARE(changed.count(), 0); // choosing is not applying: the window is not made again
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("id_ID"));
    QCOMPARE(QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir"))
                 .value(QString::fromLatin1(SettingsView::languageKey))
                 .toString(),
        QStringLiteral("id_ID"));

    // The next time the page opens it shows the choice, and opening it announces nothing.
    m_view.reset();
    open(m_database->cashier());
    QSignalSpy again(m_view.get(), &SettingsView::languageChanged);
    QCOMPARE(child<QComboBox>("languageCombo")->currentData().toString(), QStringLiteral("id_ID"));
    QCOMPARE(again.count(), 0);
}

void TestSettingsView::openFolderOpensTheDatabaseFolder()
{
    open(m_database->cashier());
    showSection(QStringLiteral("Data folder"));
    QList<QUrl> opened;
    m_view->setFolderOpener([&opened](const QUrl& url) {
        opened << url;
        return true;
    });
    QVERIFY(child<QLabel>("databasePath")->text().endsWith(QFileInfo(m_database->path()).fileName()));
    QTest::mouseClick(child<QPushButton>("openDataFolderButton"), Qt::LeftButton);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).toLocalFile(), QFileInfo(m_database->path()).absolutePath());
}

void TestSettingsView::screenshots()
{
    const QString dir = qEnvironmentVariable("KASIR_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set KASIR_SCREENSHOT_DIR to picture each section");
    for (const Actor& actor : {m_database->admin(), m_database->cashier()}) {
        open(actor);
        auto* tabs = child<QTabWidget>("settingsTabs");
        const QString who = Roles::toString(actor.role);
        if (actor.role == Role::Admin) {
            tabs->setCurrentIndex(2);
            setText("silverFromEdit", QStringLiteral("6000000"));
            QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);
            tabs->setCurrentIndex(1);
            setText("newUsername", QStringLiteral("budi"));
            setText("newPassword", QStringLiteral("short"));
            setText("newPasswordRepeat", QStringLiteral("short"));
            QTest::mouseClick(child<QPushButton>("addUserButton"), Qt::LeftButton);
        }
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            // The layouts take in the messages shown above before the picture is taken.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QVERIFY(m_view->grab().save(QStringLiteral("%1/settings-%2-%3.png").arg(dir, who).arg(i)));
        }
        m_view.reset();
    }
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestSettingsView)
#include "TestSettingsView.moc"
