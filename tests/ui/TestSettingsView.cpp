#include "core/services/CompanyService.h"
#include "core/services/MembershipService.h"
#include "core/services/UserService.h"
#include "tests/support/TestDatabase.h"
#include "ui/views/SettingsView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
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
    void anAdministratorRenamesTheCompany();
    void aManagerSeesTheCompanyAndStoresReadOnly();
    void anAdministratorAddsAStoreButNotADuplicateCode();
    void anAdministratorRenamesAStore();
    void theCompanyPageIsWalkedInReadingOrderByTab();
    void anAdministratorDeactivatesAndReactivatesAUser();
    void anAdministratorChangesANameAndARole();
    void anAdministratorCannotDemoteOrDeactivateThemselves();
    void anAdministratorSetsANewPassword();
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
    void typeInto(QWidget* widget, const QString& text);
    MembershipRules storedRules();
    QStringList usernames();
    QList<Store> storedStores();
    User storedUser(const QString& username);
    bool canSignIn(const QString& username, const QString& password);
    // Clicks the row whose first column reads `text`.
    void clickRow(const char* table, const QString& text);
    // The names of the widgets that take focus, one Tab after another, from `first`.
    QStringList tabWalk(QWidget* first, int steps);

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
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    typeInto(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestSettingsView::typeInto(QWidget* widget, const QString& text)
{
    // keyClicks() takes Latin-1 only; a character beyond it comes as the text of a key
    // event of its own, as an input method sends it.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
            continue;
        }
        const qsizetype n = c.isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, text.mid(i, n), Qt::NoModifier);
        i += n - 1;
    }
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

QList<Store> TestSettingsView::storedStores()
{
    auto stores = CompanyService(m_database->db(), m_database->admin()).stores();
    if (!stores)
        qFatal("stores: %s", qPrintable(stores.error().describe()));
    return *stores;
}

User TestSettingsView::storedUser(const QString& username)
{
    auto users = UserService(m_database->db(), m_database->admin()).list();
    if (!users)
        qFatal("users: %s", qPrintable(users.error().describe()));
    for (const User& u : std::as_const(*users)) {
        if (u.username == username)
            return u;
    }
    qFatal("no user %s", qPrintable(username));
}

bool TestSettingsView::canSignIn(const QString& username, const QString& password)
{
    return UserService::authenticate(m_database->db(), m_database->company().id, username, password).ok();
}

void TestSettingsView::clickRow(const char* name, const QString& text)
{
    auto* table = child<QTableWidget>(name);
    const auto found = table->findItems(text, Qt::MatchExactly);
    QVERIFY2(!found.isEmpty(), qPrintable(text));
    QTableWidgetItem* item = found.first();
    table->scrollToItem(item);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(item).center());
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), item->row());
}

QStringList TestSettingsView::tabWalk(QWidget* first, int steps)
{
    first->setFocus(Qt::TabFocusReason);
    QStringList names {QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString()};
    for (int i = 0; i < steps; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        names << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString());
    }
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
    // No actions on users either, and the slots do nothing.
    for (const char* name : {"editUserBox", "saveUserButton", "toggleActiveButton", "setPasswordButton"})
        QVERIFY2(m_view->findChild<QWidget*>(QString::fromLatin1(name)) == nullptr, name);
    const User before = storedUser(QStringLiteral("kasir"));
    QVERIFY(!m_view->saveUser());
    QVERIFY(!m_view->toggleUserActive());
    QVERIFY(!m_view->setUserPassword());
    QVERIFY(storedUser(QStringLiteral("kasir")).active);
    QCOMPARE(storedUser(QStringLiteral("kasir")).updatedAt, before.updatedAt);
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

void TestSettingsView::anAdministratorRenamesTheCompany()
{
    open(m_database->admin());
    showSection(QStringLiteral("Company"));
    QSignalSpy renamed(m_view.get(), &SettingsView::companyChanged);
    auto* name = child<QLineEdit>("companyNameEdit");
    QCOMPARE(name->text(), QStringLiteral("Toko Maju"));
    QCOMPARE(name->accessibleName(), QStringLiteral("Company name"));

    // Typed and saved with Enter, as a keyboard user does.
    name->setFocus();
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    typeInto(name, QStringLiteral("  Toko Maju Jaya 🛒 "));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(
        CompanyService(m_database->db(), m_database->cashier()).company()->name, QStringLiteral("Toko Maju Jaya 🛒"));
    QCOMPARE(name->text(), QStringLiteral("Toko Maju Jaya 🛒")); // as stored
    QCOMPARE(child<QLabel>("companyStatus")->text(), QStringLiteral("Saved."));
    QVERIFY(child<QLabel>("companyStatus")->isVisible());
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).value<Company>().name, QStringLiteral("Toko Maju Jaya 🛒"));
    // The region and currency are shown, with why they stay.
    QVERIFY(child<QLabel>("companyNote")->text().contains(QStringLiteral("cannot be changed")));
    QCOMPARE(child<QLabel>("companyCurrency")->text(), QStringLiteral("IDR"));

    // An empty name is refused by its field, and nothing is saved.
    setText("companyNameEdit", QString());
    QTest::mouseClick(child<QPushButton>("saveCompanyNameButton"), Qt::LeftButton);
    auto* error = child<QLabel>("companyNameEditError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Is required"));
    QCOMPARE(name->accessibleDescription(), QStringLiteral("Is required"));
    QVERIFY(!child<QLabel>("companyStatus")->isVisible()); // the field's message says it all
    QCOMPARE(
        CompanyService(m_database->db(), m_database->admin()).company()->name, QStringLiteral("Toko Maju Jaya 🛒"));
    QCOMPARE(renamed.count(), 1);

    // Too long: said by the field; corrected, the message goes.
    setText("companyNameEdit", QString(121, u'x'));
    QTest::mouseClick(child<QPushButton>("saveCompanyNameButton"), Qt::LeftButton);
    QCOMPARE(error->text(), QStringLiteral("Must be at most 120 characters"));
    setText("companyNameEdit", QStringLiteral("Toko \"Maju\"'); DROP TABLE company; --"));
    QTest::mouseClick(child<QPushButton>("saveCompanyNameButton"), Qt::LeftButton);
    QVERIFY(!error->isVisible());
    QCOMPARE(CompanyService(m_database->db(), m_database->admin()).company()->name,
        QStringLiteral("Toko \"Maju\"'); DROP TABLE company; --"));
    QCOMPARE(renamed.count(), 2);
}

void TestSettingsView::aManagerSeesTheCompanyAndStoresReadOnly()
{
    open(m_database->manager());
    showSection(QStringLiteral("Company"));
    QCOMPARE(child<QLabel>("companyName")->text(), QStringLiteral("Toko Maju"));
    for (const char* name : {"companyNameEdit", "saveCompanyNameButton", "storeNameEdit", "renameStoreButton",
             "newStoreCode", "addStoreButton"})
        QVERIFY2(m_view->findChild<QWidget*>(QString::fromLatin1(name)) == nullptr, name);
    QVERIFY(child<QLabel>("companyNote")->text().contains(QStringLiteral("Only an administrator")));
    // The stores are listed, with the one this computer sells for.
    auto* stores = child<QTableWidget>("storesTable");
    QCOMPARE(stores->rowCount(), 1);
    QCOMPARE(stores->item(0, 0)->text(), QStringLiteral("S01"));
    QCOMPARE(stores->item(0, 1)->text(), QStringLiteral("Main store"));
    QCOMPARE(stores->item(0, 2)->text(), QStringLiteral("Sells here"));
    QVERIFY(!m_view->saveCompanyName());
    QVERIFY(!m_view->addStore());
    QVERIFY(!m_view->renameStore());
    QCOMPARE(storedStores().size(), 1);
}

void TestSettingsView::anAdministratorAddsAStoreButNotADuplicateCode()
{
    open(m_database->admin());
    showSection(QStringLiteral("Company"));
    auto* table = child<QTableWidget>("storesTable");
    QCOMPARE(table->rowCount(), 1);

    // S01 is taken; the code is compared upper-cased, so s01 is S01.
    setText("newStoreCode", QStringLiteral("s01"));
    setText("newStoreName", QStringLiteral("Cabang Bandung"));
    QTest::mouseClick(child<QPushButton>("addStoreButton"), Qt::LeftButton);
    auto* codeError = child<QLabel>("newStoreCodeError");
    QVERIFY(codeError->isVisible());
    QVERIFY2(codeError->text().contains(QStringLiteral("Main store")), qPrintable(codeError->text()));
    QVERIFY(!child<QLabel>("newStoreNameError")->isVisible());
    QCOMPARE(child<QLabel>("addStoreStatus")->text(), QStringLiteral("The store was not added."));
    QCOMPARE(storedStores().size(), 1);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(child<QLineEdit>("newStoreName")->text(), QStringLiteral("Cabang Bandung")); // kept to correct

    // Both fields wrong: both said at once.
    setText("newStoreCode", QStringLiteral("S 02"));
    setText("newStoreName", QString());
    QTest::mouseClick(child<QPushButton>("addStoreButton"), Qt::LeftButton);
    QVERIFY(codeError->isVisible());
    QVERIFY(child<QLabel>("newStoreNameError")->isVisible());
    QCOMPARE(storedStores().size(), 1);

    // Corrected and sent with Enter.
    setText("newStoreCode", QStringLiteral("bdg-01"));
    setText("newStoreName", QStringLiteral("Cabang Bandung"));
    QTest::keyClick(child<QLineEdit>("newStoreName"), Qt::Key_Return);
    QVERIFY(!codeError->isVisible());
    const QList<Store> stores = storedStores();
    QCOMPARE(stores.size(), 2);
    QCOMPARE(stores.at(0).code, QStringLiteral("BDG-01"));
    QCOMPARE(stores.at(0).name, QStringLiteral("Cabang Bandung"));
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(!table->findItems(QStringLiteral("BDG-01"), Qt::MatchExactly).isEmpty());
    QVERIFY(child<QLineEdit>("newStoreCode")->text().isEmpty());
    QVERIFY(child<QLabel>("addStoreStatus")->text().contains(QStringLiteral("BDG-01")));
    // This computer still sells for S01.
    const int s01 = table->findItems(QStringLiteral("S01"), Qt::MatchExactly).first()->row();
    QCOMPARE(table->item(s01, 2)->text(), QStringLiteral("Sells here"));
    const int bdg = table->findItems(QStringLiteral("BDG-01"), Qt::MatchExactly).first()->row();
    QVERIFY(table->item(bdg, 2)->text().isEmpty());
}

void TestSettingsView::anAdministratorRenamesAStore()
{
    open(m_database->admin());
    showSection(QStringLiteral("Company"));
    QVERIFY(CompanyService(m_database->db(), m_database->admin())
                .addStore(QStringLiteral("S02"), QStringLiteral("Gudang")));
    m_view->reload();
    auto* name = child<QLineEdit>("storeNameEdit");
    // This computer's store is chosen to begin with.
    QCOMPARE(name->text(), QStringLiteral("Main store"));

    clickRow("storesTable", QStringLiteral("S02"));
    QCOMPARE(name->text(), QStringLiteral("Gudang"));
    setText("storeNameEdit", QStringLiteral("Cabang Ñoño"));
    QTest::mouseClick(child<QPushButton>("renameStoreButton"), Qt::LeftButton);
    QList<Store> stores = storedStores();
    QCOMPARE(stores.at(1).code, QStringLiteral("S02"));
    QCOMPARE(stores.at(1).name, QStringLiteral("Cabang Ñoño"));
    QCOMPARE(stores.at(0).name, QStringLiteral("Main store"));
    auto* table = child<QTableWidget>("storesTable");
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Cabang Ñoño"));
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), 1); // still chosen
    QVERIFY(child<QLabel>("renameStoreStatus")->isVisible());

    // A bad name is refused by its field; the store keeps its name.
    setText("storeNameEdit", QStringLiteral("   "));
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(child<QLabel>("storeNameEditError")->isVisible());
    QCOMPARE(storedStores().at(1).name, QStringLiteral("Cabang Ñoño"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Cabang Ñoño"));
}

void TestSettingsView::theCompanyPageIsWalkedInReadingOrderByTab()
{
    open(m_database->admin());
    showSection(QStringLiteral("Company"));
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QCOMPARE(tabWalk(child<QLineEdit>("companyNameEdit"), 7),
        (QStringList {QStringLiteral("companyNameEdit"), QStringLiteral("saveCompanyNameButton"),
            QStringLiteral("storesTable"), QStringLiteral("storeNameEdit"), QStringLiteral("renameStoreButton"),
            QStringLiteral("newStoreCode"), QStringLiteral("newStoreName"), QStringLiteral("addStoreButton")}));
    for (const char* name : {"companyNameEdit", "saveCompanyNameButton", "storesTable", "storeNameEdit",
             "renameStoreButton", "newStoreCode", "newStoreName", "addStoreButton"})
        QVERIFY2(!m_view->findChild<QWidget*>(QString::fromLatin1(name))->accessibleName().isEmpty(), name);

    showSection(QStringLiteral("Users and roles"));
    clickRow("usersTable", QStringLiteral("kasir"));
    QCOMPARE(tabWalk(child<QTableWidget>("usersTable"), 7),
        (QStringList {QStringLiteral("usersTable"), QStringLiteral("userDisplayName"), QStringLiteral("userRole"),
            QStringLiteral("saveUserButton"), QStringLiteral("toggleActiveButton"), QStringLiteral("userPassword"),
            QStringLiteral("userPasswordRepeat"), QStringLiteral("setPasswordButton")}));
    for (const char* name : {"userDisplayName", "userRole", "saveUserButton", "toggleActiveButton", "userPassword",
             "userPasswordRepeat", "setPasswordButton"})
        QVERIFY2(!m_view->findChild<QWidget*>(QString::fromLatin1(name))->accessibleName().isEmpty(), name);
}

void TestSettingsView::anAdministratorDeactivatesAndReactivatesAUser()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    auto* table = child<QTableWidget>("usersTable");
    auto* toggle = child<QPushButton>("toggleActiveButton");
    // Nothing chosen yet: nothing to change.
    QVERIFY(!toggle->isEnabled());
    QVERIFY(!m_view->toggleUserActive());

    clickRow("usersTable", QStringLiteral("kasir"));
    QCOMPARE(child<QGroupBox>("editUserBox")->title(), QStringLiteral("Change kasir"));
    QVERIFY(toggle->isEnabled());
    QCOMPARE(toggle->text().remove(u'&'), QStringLiteral("Deactivate"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!storedUser(QStringLiteral("kasir")).active);
    QVERIFY(!canSignIn(QStringLiteral("kasir"), QStringLiteral("correct horse")));
    const int row = table->findItems(QStringLiteral("kasir"), Qt::MatchExactly).first()->row();
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("No"));
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), row); // still chosen
    QVERIFY(child<QLabel>("editUserStatus")->text().contains(QStringLiteral("can no longer sign in")));
    QCOMPARE(toggle->text().remove(u'&'), QStringLiteral("Reactivate"));
    QCOMPARE(toggle->accessibleName(), QStringLiteral("Reactivate the selected user"));

    // By keyboard this time.
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(storedUser(QStringLiteral("kasir")).active);
    QVERIFY(canSignIn(QStringLiteral("kasir"), QStringLiteral("correct horse")));
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("Yes"));
}

void TestSettingsView::anAdministratorChangesANameAndARole()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    clickRow("usersTable", QStringLiteral("kasir"));
    auto* displayName = child<QLineEdit>("userDisplayName");
    QCOMPARE(displayName->text(), QStringLiteral("Kasir"));
    auto* role = child<QComboBox>("userRole");
    QCOMPARE(role->currentData().toString(), QStringLiteral("cashier"));

    setText("userDisplayName", QStringLiteral("Dewi Lestari"));
    role->setFocus();
    QTest::keyClick(role, Qt::Key_Down); // Cashier -> Manager
    QCOMPARE(role->currentData().toString(), QStringLiteral("manager"));
    QTest::mouseClick(child<QPushButton>("saveUserButton"), Qt::LeftButton);
    User kasir = storedUser(QStringLiteral("kasir"));
    QCOMPARE(kasir.displayName, QStringLiteral("Dewi Lestari"));
    QCOMPARE(kasir.role, Role::Manager);
    auto* table = child<QTableWidget>("usersTable");
    QVERIFY(!table->findItems(QStringLiteral("Dewi Lestari"), Qt::MatchExactly).isEmpty());

    // A display name with a line break in it (pasted) is refused by its field.
    displayName->setText(QStringLiteral("Dewi\nLestari"));
    QTest::mouseClick(child<QPushButton>("saveUserButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>("userDisplayNameError")->isVisible());
    QCOMPARE(child<QLabel>("editUserStatus")->text(), QStringLiteral("Nothing was changed."));
    QCOMPARE(storedUser(QStringLiteral("kasir")).displayName, QStringLiteral("Dewi Lestari"));
}

void TestSettingsView::anAdministratorCannotDemoteOrDeactivateThemselves()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    clickRow("usersTable", QStringLiteral("admin"));
    // The form does not offer it...
    QVERIFY(!child<QComboBox>("userRole")->isEnabled());
    QVERIFY(!child<QPushButton>("toggleActiveButton")->isEnabled());
    QVERIFY(child<QLabel>("editUserNote")->text().contains(QStringLiteral("This is you")));
    // ...and core refuses it when asked all the same, and the page says why.
    QVERIFY(!m_view->toggleUserActive());
    auto* status = child<QLabel>("editUserStatus");
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("deactivate yourself")), qPrintable(status->text()));
    QVERIFY(storedUser(QStringLiteral("admin")).active);
    auto* role = child<QComboBox>("userRole");
    role->setCurrentIndex(role->findData(QStringLiteral("cashier")));
    QVERIFY(!m_view->saveUser());
    QVERIFY(child<QLabel>("userRoleError")->isVisible());
    QCOMPARE(storedUser(QStringLiteral("admin")).role, Role::Admin);
    // Their own display name is theirs to change.
    m_view->reload();
    setText("userDisplayName", QStringLiteral("Pemilik Toko"));
    QTest::mouseClick(child<QPushButton>("saveUserButton"), Qt::LeftButton);
    QCOMPARE(storedUser(QStringLiteral("admin")).displayName, QStringLiteral("Pemilik Toko"));
    QCOMPARE(storedUser(QStringLiteral("admin")).role, Role::Admin);
}

void TestSettingsView::anAdministratorSetsANewPassword()
{
    open(m_database->admin());
    showSection(QStringLiteral("Users and roles"));
    clickRow("usersTable", QStringLiteral("kasir"));
    auto* setPassword = child<QPushButton>("setPasswordButton");

    setText("userPassword", QStringLiteral("rahasia baru"));
    setText("userPasswordRepeat", QStringLiteral("rahasia baru!"));
    QTest::mouseClick(setPassword, Qt::LeftButton);
    QVERIFY(child<QLabel>("userPasswordRepeatError")->isVisible());
    QVERIFY(canSignIn(QStringLiteral("kasir"), QStringLiteral("correct horse")));

    setText("userPassword", QStringLiteral("short"));
    setText("userPasswordRepeat", QStringLiteral("short"));
    QTest::keyClick(child<QLineEdit>("userPasswordRepeat"), Qt::Key_Return);
    QCOMPARE(child<QLabel>("userPasswordError")->text(), QStringLiteral("Must be at least 8 characters"));
    QVERIFY(!child<QLabel>("userPasswordRepeatError")->isVisible());
    QVERIFY(canSignIn(QStringLiteral("kasir"), QStringLiteral("correct horse")));

    setText("userPassword", QStringLiteral("rahasia baru"));
    setText("userPasswordRepeat", QStringLiteral("rahasia baru"));
    QTest::mouseClick(setPassword, Qt::LeftButton);
    QVERIFY(!child<QLabel>("userPasswordError")->isVisible());
    QVERIFY(canSignIn(QStringLiteral("kasir"), QStringLiteral("rahasia baru")));
    QVERIFY(!canSignIn(QStringLiteral("kasir"), QStringLiteral("correct horse")));
    QVERIFY(child<QLineEdit>("userPassword")->text().isEmpty());
    QVERIFY(child<QLabel>("editUserStatus")->isVisible());
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
    QVERIFY(CompanyService(m_database->db(), m_database->admin())
                .addStore(QStringLiteral("BDG-01"), QStringLiteral("Cabang Bandung")));
    for (const Actor& actor : {m_database->admin(), m_database->cashier()}) {
        open(actor);
        auto* tabs = child<QTabWidget>("settingsTabs");
        const QString who = Roles::toString(actor.role);
        if (actor.role == Role::Admin) {
            tabs->setCurrentIndex(2);
            setText("silverFromEdit", QStringLiteral("6000000"));
            QTest::mouseClick(child<QPushButton>("saveRulesButton"), Qt::LeftButton);
            tabs->setCurrentIndex(0);
            setText("newStoreCode", QStringLiteral("s01"));
            setText("newStoreName", QStringLiteral("Cabang Jakarta"));
            QTest::mouseClick(child<QPushButton>("addStoreButton"), Qt::LeftButton);
            tabs->setCurrentIndex(1);
            clickRow("usersTable", QStringLiteral("kasir"));
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
