#include "core/services/CustomerService.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/SampleCustomers.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/views/CounterView.h"
#include "ui/views/CustomerDetailView.h"
#include "ui/views/CustomerListView.h"
#include "ui/views/MainWindow.h"
#include "ui/views/SettingsView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

namespace kasir::test {

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheCompanyAndItsPages();
    void aCashierHasNoDashboard();
    void aDashboardCardOpensItsCustomers();
    void aCustomerOpensAndBackReturns();
    void aSaleRereadsTheListOnlyWhenItIsShown();
    void statusBarSaysWhatWaitsToSync();
    void f1ListsTheShortcuts();
    void pageNamesRoundTrip();
    void choosingALanguageAsksForIt();
    void renamingTheCompanyRetitlesTheWindow();

private:
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // The settings page reads and writes the language: in test settings, English to begin.
    QStandardPaths::setTestModeEnabled(true);
    QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir"))
        .setValue(QString::fromLatin1(SettingsView::languageKey), QStringLiteral("en_US"));
    m_database = std::make_unique<TestDatabase>();
    SampleCustomers::add(*m_database, 30);
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(m_database->db(), m_database->manager(), m_database->company());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::showsTheCompanyAndItsPages()
{
    QCOMPARE(m_window->windowTitle(), m_database->company().name);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(navigation && pages);
    // A till opens at the counter, with the phone field ready for the first customer.
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Counter);
    QCOMPARE(navigation->currentItem()->text(), MainWindow::tr("Counter"));
    QCOMPARE(pages->currentWidget(), m_window->counter());
    auto* lookup = m_window->findChild<QLineEdit*>(QStringLiteral("customerLookup"));
    QVERIFY(lookup);
    QTRY_VERIFY(lookup->hasFocus());

    // Ctrl+2 goes to the customers from anywhere, with their search field ready.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Customers);
    QCOMPARE(pages->currentWidget(), m_window->customerList());
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("customerSearch"));
    QVERIFY(search);
    QTRY_VERIFY(search->hasFocus());
    // A manager has the dashboard too; a click on the list goes there.
    QVERIFY(m_window->hasPage(MainWindow::Page::Dashboard));
    QCOMPARE(navigation->count(), 4); // the detail page is opened from a customer, not listed
    QTest::mouseClick(
        navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(navigation->item(2)).center());
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Dashboard);
}

void TestMainWindow::aCashierHasNoDashboard()
{
    MainWindow window(m_database->db(), m_database->cashier(), m_database->company());
    QVERIFY(!window.hasPage(MainWindow::Page::Dashboard));
    QVERIFY(!window.dashboard());
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QStringList titles;
    for (int i = 0; i < navigation->count(); ++i)
        titles << navigation->item(i)->text();
    QCOMPARE(
        titles, (QStringList {MainWindow::tr("Counter"), MainWindow::tr("Customers"), MainWindow::tr("Settings")}));
    window.showPage(MainWindow::Page::Dashboard); // not there: nothing changes
    QCOMPARE(window.currentPage(), MainWindow::Page::Counter);
}

void TestMainWindow::aDashboardCardOpensItsCustomers()
{
    m_window->showPage(MainWindow::Page::Dashboard);
    auto* vip = m_window->findChild<QAbstractButton*>(QStringLiteral("vipCustomersCard"));
    QVERIFY(vip);
    QTest::mouseClick(vip, Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Customers);
    CustomerListView* list = m_window->customerList();
    QCOMPARE(list->customerModel()->query().type, std::optional<CustomerType>(CustomerType::Vip));
    auto* type = list->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    QVERIFY(type);
    QCOMPARE(type->currentText(), CustomerEnums::displayName(CustomerType::Vip));
    int vips = 0;
    for (int i = 0; i < 30; ++i)
        vips += SampleCustomers::type(i) == u"vip" ? 1 : 0;
    QTRY_COMPARE(list->customerModel()->totalCount(), vips);
}

void TestMainWindow::aCustomerOpensAndBackReturns()
{
    // From the list: Enter on a row opens that customer's page; Esc goes back to the list.
    m_window->showPage(MainWindow::Page::Customers);
    auto* table = m_window->customerList()->findChild<QTableView*>(QStringLiteral("customerTable"));
    QVERIFY(table);
    QTRY_VERIFY(m_window->customerModel()->rowCount() > 2);
    table->setFocus();
    table->setCurrentIndex(m_window->customerModel()->index(2, 0));
    const QString id = m_window->customerModel()->customerAt(2)->id;
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Detail);
    QCOMPARE(m_window->customerDetail()->customerId(), id);
    auto* name = m_window->customerDetail()->findChild<QLabel*>(QStringLiteral("customerName"));
    QVERIFY(name);
    QCOMPARE(name->text(), m_window->customerModel()->customerAt(2)->name);
    QTest::keyClick(m_window->customerDetail(), Qt::Key_Escape);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Customers);
    QCOMPARE(m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))->currentWidget(), m_window->customerList());

    // From the dashboard's top list, Back returns to the dashboard.
    m_window->showPage(MainWindow::Page::Dashboard);
    m_window->openCustomer(id);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Detail);
    auto* back = m_window->customerDetail()->findChild<QAbstractButton*>(QStringLiteral("backButton"));
    QVERIFY(back);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Dashboard);
}

void TestMainWindow::aSaleRereadsTheListOnlyWhenItIsShown()
{
    // At the till the list is out of sight: a sale does not re-read it, showing it does.
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Counter);
    CustomerTableModel* model = m_window->customerModel();
    QTRY_VERIFY(model->totalCount() > 0);
    const qint64 before = model->totalCount();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    CustomerInput in;
    in.name = QStringLiteral("Wayan Sudarsana");
    QVERIFY(CustomerService(m_database->db(), m_database->manager()).create(in).ok());
    Q_EMIT m_window->counter()->saleCompleted(QStringLiteral("S-1-000001"));
    QCOMPARE(reset.count(), 0);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(reset.count(), 1);
    QTRY_COMPARE(model->totalCount(), before + 1);
    // In sight, a sale re-reads it at once; showing it again then reads nothing more.
    Q_EMIT m_window->counter()->saleCompleted(QStringLiteral("S-1-000002"));
    QCOMPARE(reset.count(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(reset.count(), 2);
}

void TestMainWindow::statusBarSaysWhatWaitsToSync()
{
    auto* connection = m_window->findChild<QLabel*>(QStringLiteral("connectionState"));
    auto* pending = m_window->findChild<QLabel*>(QStringLiteral("pendingChanges"));
    auto* lastSync = m_window->findChild<QLabel*>(QStringLiteral("lastSync"));
    QVERIFY(connection && pending && lastSync);
    QCOMPARE(connection->text(), MainWindow::tr("Offline: no server set up"));
    QCOMPARE(lastSync->text(), MainWindow::tr("Last sync: never"));
    // Each registration wrote one change; the sample's 30 wait, with the company's set-up.
    QTRY_VERIFY(!pending->text().isEmpty());
    const QString before = pending->text();
    QVERIFY2(before.contains(QRegularExpression(QStringLiteral("^\\d+ change"))), qPrintable(before));
    const int count = before.section(u' ', 0, 0).toInt();
    QVERIFY(count >= 30);

    CustomerInput in;
    in.name = QStringLiteral("Dewi Lestari");
    QVERIFY(CustomerService(m_database->db(), m_database->manager()).create(in).ok());
    m_window->refreshSyncStatus();
    QTRY_COMPARE(pending->text(), MainWindow::tr("%Ln change(s) waiting to sync", nullptr, count + 1));
}

void TestMainWindow::f1ListsTheShortcuts()
{
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    auto* help = m_window->findChild<QWidget*>(QStringLiteral("shortcutHelp"));
    QVERIFY(help);
    QTRY_VERIFY(help->isVisible());
    auto* list = help->findChild<QTableWidget*>(QStringLiteral("shortcutList"));
    QVERIFY(list);
    QStringList actions;
    for (int row = 0; row < list->rowCount(); ++row)
        actions << list->item(row, 0)->text() + u'=' + list->item(row, 1)->text();
    const auto has = [&](const QString& action, const QKeySequence& keys) {
        const QString key = keys.toString(QKeySequence::NativeText);
        return std::any_of(actions.cbegin(), actions.cend(),
            [&](const QString& line) { return line.startsWith(action + u'=') && line.contains(key); });
    };
    QVERIFY2(
        has(CustomerListView::tr("Find Customer"), QKeySequence(QKeySequence::Find)), qPrintable(actions.join(u'\n')));
    QVERIFY(has(MainWindow::tr("Go to %1").arg(MainWindow::tr("Counter")), QKeySequence(QStringLiteral("Ctrl+1"))));
    QVERIFY(has(MainWindow::tr("Go to %1").arg(MainWindow::tr("Customers")), QKeySequence(QStringLiteral("Ctrl+2"))));
    QVERIFY(has(MainWindow::tr("Keyboard Shortcuts"), QKeySequence(QKeySequence::HelpContents)));
}

void TestMainWindow::pageNamesRoundTrip()
{
    for (const QString& name : MainWindow::pageNames()) {
        const auto page = MainWindow::parsePage(name);
        QVERIFY(page);
        QCOMPARE(MainWindow::pageName(*page), name);
        QCOMPARE(MainWindow::parsePage(name.toUpper()), page);
    }
    QVERIFY(!MainWindow::parsePage(u"kitchen"));
    QVERIFY(!MainWindow::parsePage(u""));
}

void TestMainWindow::choosingALanguageAsksForIt()
{
    QSignalSpy chosen(m_window.get(), &MainWindow::languageChosen);
    m_window->showPage(MainWindow::Page::Settings);
    QCOMPARE(m_window->currentPage(), MainWindow::Page::Settings);
    auto* combo = m_window->settings()->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    const int indonesian = combo->findData(QStringLiteral("id_ID"));
    QVERIFY(indonesian >= 0);
    combo->setCurrentIndex(indonesian == 0 ? 1 : 0); // from the other one, whichever is set
    combo->setCurrentIndex(indonesian);
    auto* apply = m_window->settings()->findChild<QPushButton*>(QStringLiteral("applyLanguage"));
    QVERIFY(apply);
    QCOMPARE(chosen.count(), 0);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("id_ID"));
}

void TestMainWindow::renamingTheCompanyRetitlesTheWindow()
{
    // Renaming is an administrator's; the name comes back afterwards for the other tests.
    m_window = std::make_unique<MainWindow>(m_database->db(), m_database->admin(), m_database->company());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showPage(MainWindow::Page::Settings);
    auto* name = m_window->findChild<QLineEdit*>(QStringLiteral("companyNameEdit"));
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Toko Maju Jaya"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Toko Maju Jaya"));

    name->selectAll();
    QTest::keyClicks(name, m_database->company().name);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(m_window->windowTitle(), m_database->company().name);
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestMainWindow)
#include "TestMainWindow.moc"
