#include "core/domain/Customer.h"
#include "core/domain/CustomerInput.h"
#include "core/services/ActivityService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/TagService.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/SampleCustomers.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/views/CustomerListView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace kasir::test {

namespace {

constexpr int customerCount = 450;

QString countText(int n)
{
    return CustomerListView::tr("%Ln customer(s)", nullptr, n);
}

} // namespace

class TestCustomerListView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheCount();
    void typingSearchesOnceAfterAPause();
    void filtersCombineWithTheSearch();
    void findShortcutsFocusTheSearch();
    void keysMoveBetweenSearchAndTable();
    void enterOpensTheCustomer();
    void showsTheDashboardsFilters();
    void headerSortsOnlySortableColumns();
    void scrollingFetchesMore();
    void showsAFailedSearch();
    void screenshot();
    void filtersByLevelAndTag();
    void filtersByFigures();
    void showsRefusedFiltersInThePage();
    void savedFiltersRoundTrip();
    void hiddenColumnStaysHidden();
    void exportsTheSelection();
    void cashierSeesNoBulkActions();
    // Last: it changes customers the other tests count.
    void managerSetsTypeOnSelected();

private:
    // Selects the loaded rows `rows` (in the table's current order).
    void selectRows(const QList<int>& rows);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<CustomerListView> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    CustomerTableModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
};

void TestCustomerListView::initTestCase()
{
    // Saved filters and columns go to a throwaway settings file, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings settings(QStringLiteral("Kasir"), QStringLiteral("Kasir"));
    QVERIFY2(settings.fileName().contains(QStringLiteral("qttest")), qPrintable(settings.fileName()));
    settings.clear();
    m_database = std::make_unique<TestDatabase>();
    SampleCustomers::add(*m_database, customerCount);

    // "Langganan" on the first 20 sample customers (by phone), "Grosir" on the first 5.
    TagService tags(m_database->db(), m_database->admin());
    CustomerService customers(m_database->db(), m_database->admin());
    for (int i = 0; i < 20; ++i) {
        const auto customer = customers.findByPhone(SampleCustomers::phone(i));
        QVERIFY(customer && customer->has_value());
        QVERIFY(tags.tag((*customer)->id, QStringLiteral("Langganan")));
        if (i < 5)
            QVERIFY(tags.tag((*customer)->id, QStringLiteral("Grosir")));
    }
}

void TestCustomerListView::init()
{
    m_window = std::make_unique<CustomerListView>(m_database->db(), m_database->admin());
    m_window->resize(1200, 720);
    m_model = m_window->customerModel();
    m_search = m_window->findChild<QLineEdit*>(QStringLiteral("customerSearch"));
    m_table = m_window->findChild<QTableView*>(QStringLiteral("customerTable"));
    m_count = m_window->findChild<QLabel*>(QStringLiteral("customerCount"));
    QVERIFY(m_model && m_search && m_table && m_count);
    QCOMPARE(m_table->model(), m_model);

    // Only the view pages here. Attaching the tester makes it fetch two pages, and the Qt 6.4
    // tester's own fetchMore() runs from modelReset before it has seen the reset end and then
    // reports a false "rows inserted during a reset"; so it is told not to, and the window
    // starts again from one page.
    m_tester
        = std::make_unique<QAbstractItemModelTester>(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tester->setUseFetchMore(false);
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), CustomerTableModel::pageSize);

    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestCustomerListView::cleanup()
{
    QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir")).clear();
    m_tester.reset();
    m_window.reset();
}

void TestCustomerListView::showsTheCount()
{
    QTRY_COMPARE(m_count->text(), countText(customerCount));
    QVERIFY(m_search->hasFocus());
    QCOMPARE(m_search->placeholderText(), CustomerListView::tr("Search name, phone, email or code"));
    QCOMPARE(m_table->horizontalHeader()->sortIndicatorSection(), int(CustomerTableModel::Name));
    QVERIFY(m_table->isSortingEnabled());
    QCOMPARE(m_table->selectionBehavior(), QAbstractItemView::SelectRows);
    for (const char* name : {"typeFilter", "statusFilter", "levelFilter"}) {
        auto* combo = m_window->findChild<QComboBox*>(QString::fromLatin1(name));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), CustomerListView::tr("All"));
        QVERIFY(combo->count() > 2);
    }
    // Every column is wide enough for its title.
    QHeaderView* header = m_table->horizontalHeader();
    for (int column = 0; column < CustomerTableModel::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title), qPrintable(title));
    }
}

void TestCustomerListView::typingSearchesOnceAfterAPause()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QTest::keyClicks(m_search, QStringLiteral("budi"));
    QCOMPARE(reset.count(), 0); // still waiting for the typist
    QTRY_COMPARE(reset.count(), 1);
    QCOMPARE(m_model->query().text, QStringLiteral("budi"));
    QCOMPARE(m_model->rowCount(), 30);
    QTRY_COMPARE(m_count->text(), countText(30));
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->index(row, CustomerTableModel::Name).data().toString().startsWith(QStringLiteral("Budi ")));

    // A space after the word asks nothing new: the list stays as it is.
    QTest::keyClick(m_search, Qt::Key_Space);
    QTRY_VERIFY(!m_window->searchPending()); // the delay has run out, however slow the machine
    QCOMPARE(reset.count(), 1);

    // A whole phone number as it is written finds its one customer.
    m_search->clear();
    QTest::keyClicks(m_search, SampleCustomers::phone(77));
    QTRY_COMPARE(m_count->text(), countText(1));
    QCOMPARE(m_model->index(0, CustomerTableModel::Name).data().toString(), SampleCustomers::name(77));

    // Enter searches at once.
    reset.clear();
    m_search->clear();
    QTest::keyClicks(m_search, QStringLiteral("Santoso"));
    QTest::keyClick(m_search, Qt::Key_Return);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 15);
    QCOMPARE(m_count->text(), countText(15));
    QTRY_VERIFY(!m_window->searchPending()); // the delay has run out, however slow the machine
    QCOMPARE(reset.count(), 1); // and the timer does not search again
}

void TestCustomerListView::filtersCombineWithTheSearch()
{
    auto* type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    auto* status = m_window->findChild<QComboBox*>(QStringLiteral("statusFilter"));
    QVERIFY(type && status);
    int members = 0;
    int budiMembers = 0;
    for (int i = 0; i < customerCount; ++i) {
        if (SampleCustomers::type(i) == u"member") {
            ++members;
            budiMembers += SampleCustomers::name(i).startsWith(u"Budi ") ? 1 : 0;
        }
    }

    type->setCurrentIndex(type->findData(static_cast<int>(CustomerType::Member)));
    QCOMPARE(type->currentText(), CustomerEnums::displayName(CustomerType::Member));
    QTRY_COMPARE(m_model->totalCount(), members);
    QTRY_COMPARE(m_count->text(), countText(members));

    QTest::keyClicks(m_search, QStringLiteral("budi"));
    QTRY_COMPARE(m_count->text(), countText(budiMembers));
    QCOMPARE(m_model->rowCount(), budiMembers);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->customerAt(row)->type, CustomerType::Member);

    status->setCurrentIndex(status->findData(static_cast<int>(CustomerStatus::Blocked)));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_count->text(), countText(0));

    type->setCurrentIndex(0);
    status->setCurrentIndex(0);
    QCOMPARE(m_count->text(), countText(30));
}

void TestCustomerListView::findShortcutsFocusTheSearch()
{
    m_search->setText(QStringLiteral("budi"));
    for (const QKeySequence& keys : {QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_F3)}) {
        m_table->setFocus();
        QTRY_VERIFY(m_table->hasFocus());
        QTest::keySequence(m_window.get(), keys);
        QTRY_VERIFY(m_search->hasFocus());
        QCOMPARE(m_search->selectedText(), QStringLiteral("budi")); // typing replaces the old search
    }
}

void TestCustomerListView::keysMoveBetweenSearchAndTable()
{
    QTest::keyClicks(m_search, QStringLiteral("joko"));
    // Down does not wait for the pause: the results match what is typed.
    QTest::keyClick(m_search, Qt::Key_Down);
    QVERIFY(m_table->hasFocus());
    QCOMPARE(m_model->query().text, QStringLiteral("joko"));
    QCOMPARE(m_table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_table->currentIndex().row(), 0);
    QVERIFY(m_table->currentIndex().data().isValid());

    m_search->setFocus();
    QTest::keyClick(m_search, Qt::Key_Escape);
    QVERIFY(m_search->text().isEmpty());
    QTRY_COMPARE(m_count->text(), countText(customerCount));
}

void TestCustomerListView::enterOpensTheCustomer()
{
    QSignalSpy opened(m_window.get(), &CustomerListView::customerOpened);
    QTest::keyClicks(m_search, QStringLiteral("joko"));
    QTest::keyClick(m_search, Qt::Key_Down);
    QTest::keyClick(m_table, Qt::Key_Down);
    const auto second = m_model->customerAt(1);
    QVERIFY(second);
    QTest::keyClick(m_table, Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), second->id);

    // A double click opens the row under the mouse (as a person does it: a press first,
    // which the view needs to know which row is double-clicked).
    const QRect first = m_table->visualRect(m_model->index(0, CustomerTableModel::Name));
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(m_table->viewport(), Qt::LeftButton, {}, first.center());
    QTRY_COMPARE(opened.count(), 2);
    QCOMPARE(opened.at(1).at(0).toString(), m_model->customerAt(0)->id);
}

void TestCustomerListView::showsTheDashboardsFilters()
{
    // A click on the dashboard: the type goes into its box, the other filter stays named
    // above the table until "Show all".
    auto* type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    auto* extra = m_window->findChild<QLabel*>(QStringLiteral("extraFilters"));
    auto* showAll = m_window->findChild<QToolButton*>(QStringLiteral("clearExtraFilters"));
    QVERIFY(type && extra && showAll);
    QVERIFY(!extra->isVisible());
    QTest::keyClicks(m_search, QStringLiteral("budi"));

    CustomerQuery query;
    query.type = CustomerType::Vip;
    query.hasSales = false; // none of the sample customers has bought anything
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_window->showQuery(query, QStringLiteral("VIP customers without purchases"));
    QCOMPARE(reset.count(), 1); // one query for the whole change
    QVERIFY(m_search->text().isEmpty());
    QCOMPARE(type->currentText(), CustomerEnums::displayName(CustomerType::Vip));
    QVERIFY(extra->isVisible());
    QVERIFY(extra->text().contains(QStringLiteral("VIP customers without purchases")));
    QCOMPARE(m_model->query().hasSales, std::optional<bool>(false));
    int vips = 0;
    for (int i = 0; i < customerCount; ++i)
        vips += SampleCustomers::type(i) == u"vip" ? 1 : 0;
    QTRY_COMPARE(m_count->text(), countText(vips));

    // The search box narrows within the dashboard's choice.
    QTest::keyClicks(m_search, QStringLiteral("budi"));
    QTRY_COMPARE(m_model->query().text, QStringLiteral("budi"));
    QCOMPARE(m_model->query().hasSales, std::optional<bool>(false));
    QCOMPARE(m_model->query().type, std::optional<CustomerType>(CustomerType::Vip));

    QTest::mouseClick(showAll, Qt::LeftButton);
    QVERIFY(!extra->isVisible());
    QVERIFY(!m_model->query().hasSales.has_value());
    QCOMPARE(m_model->query().type, std::optional<CustomerType>(CustomerType::Vip)); // the box still says so
}

void TestCustomerListView::headerSortsOnlySortableColumns()
{
    QHeaderView* header = m_table->horizontalHeader();
    auto clickHeader = [&](int column) {
        const QPoint centre(
            header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
    };

    clickHeader(CustomerTableModel::Created);
    QCOMPARE(m_model->sortColumn(), int(CustomerTableModel::Created));
    QCOMPARE(header->sortIndicatorSection(), int(CustomerTableModel::Created));
    const Qt::SortOrder order = m_model->sortOrder();
    const qint64 first = m_model->customerAt(0)->createdAt;
    const qint64 last = m_model->customerAt(m_model->rowCount() - 1)->createdAt;
    QVERIFY(order == Qt::AscendingOrder ? first <= last : first >= last);

    // Phone numbers cannot be sorted in SQL here; the header must not pretend otherwise.
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    clickHeader(CustomerTableModel::Phone);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(header->sortIndicatorSection(), int(CustomerTableModel::Created));
    QCOMPARE(header->sortIndicatorOrder(), order);

    clickHeader(CustomerTableModel::Name);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->sortColumn(), int(CustomerTableModel::Name));
    QCOMPARE(header->sortIndicatorSection(), int(CustomerTableModel::Name));
}

void TestCustomerListView::scrollingFetchesMore()
{
    // The view shows a screenful; it must not have pulled in every customer to do so.
    QCOMPARE(m_model->rowCount(), CustomerTableModel::pageSize);
    QTRY_COMPARE(m_model->totalCount(), customerCount);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_table->scrollToBottom();
    QTRY_VERIFY(inserted.count() >= 1);
    QVERIFY(m_model->rowCount() > CustomerTableModel::pageSize);
    QCOMPARE(inserted.at(0).at(1).toInt(), CustomerTableModel::pageSize);
}

void TestCustomerListView::showsAFailedSearch()
{
    // The box refuses text longer than a search may be.
    m_search->setText(QString(CustomerQuery::maxTextLength + 45, u'x'));
    QCOMPARE(m_search->text().size(), CustomerQuery::maxTextLength);

    // A name search whose index has gone (a damaged file) fails, and says so.
    QSqlQuery damage(m_database->db().connection());
    QVERIFY(damage.exec(QStringLiteral("ALTER TABLE customer_word RENAME TO customer_word_gone")));
    m_search->setText(QStringLiteral("agus"));
    QTRY_VERIFY(!m_model->errorString().isEmpty());
    QVERIFY2(m_count->text().contains(m_model->errorString()), qPrintable(m_count->text()));
    // The reason names what is wrong, not QtSql's "Parameter count mismatch".
    QVERIFY2(m_model->errorString().contains(QStringLiteral("customer_word")), qPrintable(m_model->errorString()));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_window->isVisible());
    QVERIFY(damage.exec(QStringLiteral("ALTER TABLE customer_word_gone RENAME TO customer_word")));

    m_search->clear();
    QTRY_COMPARE(m_count->text(), countText(customerCount));
}

void TestCustomerListView::screenshot()
{
    m_table->selectRow(2);
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    const QString path = QDir(QDir::tempPath()).filePath(QStringLiteral("kasir-TestCustomerListView.png"));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestCustomerListView::selectRows(const QList<int>& rows)
{
    m_table->clearSelection();
    for (int row : rows)
        m_table->selectionModel()->select(
            m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void TestCustomerListView::filtersByLevelAndTag()
{
    auto* level = m_window->findChild<QComboBox*>(QStringLiteral("levelFilter"));
    auto* tags = m_window->findChild<QListWidget*>(QStringLiteral("tagFilter"));
    auto* more = m_window->findChild<QPushButton*>(QStringLiteral("moreFiltersButton"));
    QVERIFY(level && tags && more);
    QVERIFY(!tags->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(tags->isVisible()); // the panel opens in the page

    const QList<QListWidgetItem*> found = tags->findItems(QStringLiteral("Langganan"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    found.first()->setCheckState(Qt::Checked);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->query().tags, QStringList {QStringLiteral("Langganan")});
    QTRY_COMPARE(m_count->text(), countText(20));
    QVERIFY(more->text().contains(QStringLiteral("1"))); // the badge counts the tag

    // Every sample customer starts at bronze.
    level->setCurrentIndex(level->findData(static_cast<int>(MembershipLevel::Bronze)));
    QTRY_COMPARE(m_count->text(), countText(20));
    level->setCurrentIndex(level->findData(static_cast<int>(MembershipLevel::Gold)));
    QTRY_COMPARE(m_count->text(), countText(0));
    QCOMPARE(m_model->rowCount(), 0);

    // Both tags: only the five that have both.
    level->setCurrentIndex(0);
    tags->findItems(QStringLiteral("Grosir"), Qt::MatchExactly).first()->setCheckState(Qt::Checked);
    auto* match = m_window->findChild<QComboBox*>(QStringLiteral("tagsMatch"));
    QVERIFY(match);
    match->setCurrentIndex(match->findData(static_cast<int>(CustomerQuery::TagsMatch::All)));
    QTRY_COMPARE(m_count->text(), countText(5));

    // Clear filters: one query, everyone back.
    reset.clear();
    auto* clear = m_window->findChild<QToolButton*>(QStringLiteral("clearFilters"));
    QVERIFY(clear && clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(reset.count(), 1);
    QTRY_COMPARE(m_count->text(), countText(customerCount));
    QVERIFY(m_model->query().tags.isEmpty());
    QVERIFY(!clear->isEnabled());
}

void TestCustomerListView::filtersByFigures()
{
    // One customer given store credit; nobody has bought anything.
    CustomerService customers(m_database->db(), m_database->admin());
    const auto holder = customers.findByPhone(SampleCustomers::phone(3));
    QVERIFY(holder && holder->has_value());
    LedgerService ledger(m_database->db(), m_database->admin());
    if (m_database->countRows(QStringLiteral("credit_entry")) == 0)
        QVERIFY(ledger.addCredit((*holder)->id, 50'000, CreditKind::Credit, QStringLiteral("top-up")));

    auto* balance = m_window->findChild<QComboBox*>(QStringLiteral("balanceFilter"));
    auto* sales = m_window->findChild<QComboBox*>(QStringLiteral("salesFilter"));
    QVERIFY(balance && sales);
    balance->setCurrentIndex(balance->findData(static_cast<int>(CustomerQuery::Balance::Credit)));
    QTRY_COMPARE(m_count->text(), countText(1));
    QCOMPARE(m_model->customerAt(0)->id, (*holder)->id);
    balance->setCurrentIndex(balance->findData(static_cast<int>(CustomerQuery::Balance::Debt)));
    QTRY_COMPARE(m_count->text(), countText(0));
    balance->setCurrentIndex(0);

    sales->setCurrentIndex(sales->findData(true));
    QTRY_COMPARE(m_count->text(), countText(0));
    sales->setCurrentIndex(sales->findData(false));
    QTRY_COMPARE(m_count->text(), countText(customerCount));
    QCOMPARE(m_model->query().hasSales, std::optional<bool>(false));
}

void TestCustomerListView::showsRefusedFiltersInThePage()
{
    auto* low = m_window->findChild<QLineEdit*>(QStringLiteral("spentMin"));
    auto* high = m_window->findChild<QLineEdit*>(QStringLiteral("spentMax"));
    auto* message = m_window->findChild<QLabel*>(QStringLiteral("listMessage"));
    QVERIFY(low && high && message);
    high->setText(QStringLiteral("10"));
    low->setText(QStringLiteral("500"));
    Q_EMIT low->editingFinished();
    QTRY_VERIFY(!m_model->errorString().isEmpty());
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), m_model->errorString());
    low->clear();
    Q_EMIT low->editingFinished();
    QTRY_COMPARE(m_count->text(), countText(customerCount));
    QVERIFY(!message->isVisible());
}

void TestCustomerListView::savedFiltersRoundTrip()
{
    auto* type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    auto* saved = m_window->findChild<QComboBox*>(QStringLiteral("savedFilters"));
    auto* save = m_window->findChild<QToolButton*>(QStringLiteral("saveFilters"));
    auto* tags = m_window->findChild<QListWidget*>(QStringLiteral("tagFilter"));
    QVERIFY(type && saved && save && tags);
    type->setCurrentIndex(type->findData(static_cast<int>(CustomerType::Vip)));
    tags->findItems(QStringLiteral("Langganan"), Qt::MatchExactly).first()->setCheckState(Qt::Checked);
    QTRY_VERIFY(m_model->totalCount() >= 0);
    const qint64 vipRegulars = m_model->totalCount();
    QVERIFY(vipRegulars > 0 && vipRegulars < 20);

    m_window->setPrompt(
        [](const QString&, const QString&) { return std::optional<QString>(QStringLiteral("VIP, setia")); });
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(m_window->savedFilterNames(), QStringList {QStringLiteral("VIP, setia")});

    // A new page (as after a restart) applies it from the combo.
    m_window = std::make_unique<CustomerListView>(m_database->db(), m_database->admin());
    m_model = m_window->customerModel();
    m_count = m_window->findChild<QLabel*>(QStringLiteral("customerCount"));
    saved = m_window->findChild<QComboBox*>(QStringLiteral("savedFilters"));
    type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    QVERIFY(saved && type);
    const int index = saved->findText(QStringLiteral("VIP, setia"));
    QVERIFY(index > 0);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    saved->setCurrentIndex(index);
    Q_EMIT saved->activated(index);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(type->currentData().toInt(), static_cast<int>(CustomerType::Vip));
    QCOMPARE(m_model->query().tags, QStringList {QStringLiteral("Langganan")});
    QTRY_COMPARE(m_model->totalCount(), vipRegulars);

    // Deleted, it is gone.
    m_window->setConfirm([](const QString&) { return true; });
    auto* remove = m_window->findChild<QToolButton*>(QStringLiteral("deleteSavedFilters"));
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(m_window->savedFilterNames().isEmpty());
    QCOMPARE(saved->count(), 1);
}

void TestCustomerListView::hiddenColumnStaysHidden()
{
    QHeaderView* header = m_table->horizontalHeader();
    QVERIFY(!header->isSectionHidden(CustomerTableModel::Email));
    auto* emailAction = m_window->findChild<QAction*>(QStringLiteral("column_Email"));
    QVERIFY(emailAction && emailAction->isChecked());
    emailAction->trigger();
    QVERIFY(header->isSectionHidden(CustomerTableModel::Email));
    // The name cannot be hidden.
    auto* nameAction = m_window->findChild<QAction*>(QStringLiteral("column_Name"));
    QVERIFY(nameAction && !nameAction->isEnabled());

    CustomerListView again(m_database->db(), m_database->admin());
    auto* table = again.findChild<QTableView*>(QStringLiteral("customerTable"));
    QVERIFY(table);
    QVERIFY(table->horizontalHeader()->isSectionHidden(CustomerTableModel::Email));
    QVERIFY(!table->horizontalHeader()->isSectionHidden(CustomerTableModel::Phone));
    auto* againEmail = again.findChild<QAction*>(QStringLiteral("column_Email"));
    QVERIFY(againEmail && !againEmail->isChecked());
}

void TestCustomerListView::exportsTheSelection()
{
    // A name with a comma and a quote, found by its phone.
    CustomerService customers(m_database->db(), m_database->admin());
    const auto odd = customers.findByPhone(SampleCustomers::phone(11));
    QVERIFY(odd && odd->has_value());
    CustomerInput input;
    input.name = QStringLiteral("Toko \"Maju\", Jaya");
    QVERIFY(customers.update((*odd)->id, input));

    m_search->setText(SampleCustomers::phone(11));
    QTRY_COMPARE(m_count->text(), countText(1));
    QCOMPARE(m_model->customerAt(0)->name, QStringLiteral("Toko \"Maju\", Jaya"));
    m_window->setColumnVisible(CustomerTableModel::Email, false);
    m_table->selectAll();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    m_window->setSaveFileName([&](const QString&) { return path; });
    auto* exportSelected = m_window->findChild<QAction*>(QStringLiteral("exportSelected"));
    QVERIFY(exportSelected);
    exportSelected->trigger();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(!lines.at(0).contains(m_model->headerData(CustomerTableModel::Email, Qt::Horizontal).toString()),
        qPrintable(lines.at(0)));
    QVERIFY(lines.at(0).startsWith(m_model->headerData(CustomerTableModel::Code, Qt::Horizontal).toString()));
    QVERIFY2(lines.at(1).startsWith(m_model->customerAt(0)->code + QStringLiteral(",\"Toko \"\"Maju\"\", Jaya\",")),
        qPrintable(lines.at(1)));

    // Two selected rows of a wider list: two rows, in table order.
    m_search->setText(QStringLiteral("budi"));
    QTRY_COMPARE(m_count->text(), countText(30));
    selectRows({4, 1});
    QVERIFY(m_window->exportCsv(path, false));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(file.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    file.close();
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.at(1).startsWith(m_model->customerAt(1)->code + u','));
    QVERIFY(rows.at(2).startsWith(m_model->customerAt(4)->code + u','));

    // Everything filtered, paged through the service.
    QVERIFY(m_window->exportCsv(path, true));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).size(), 31);
}

void TestCustomerListView::cashierSeesNoBulkActions()
{
    QVERIFY(m_window->findChild<QToolButton*>(QStringLiteral("bulkActions")));
    CustomerListView cashier(m_database->db(), m_database->cashier());
    QVERIFY(!cashier.canBulkUpdate());
    QVERIFY(!cashier.findChild<QToolButton*>(QStringLiteral("bulkActions")));
    QVERIFY(!cashier.findChild<QAction*>(QStringLiteral("bulkType_member")));
}

void TestCustomerListView::managerSetsTypeOnSelected()
{
    m_window = std::make_unique<CustomerListView>(m_database->db(), m_database->manager());
    m_window->resize(1366, 768);
    m_model = m_window->customerModel();
    m_table = m_window->findChild<QTableView*>(QStringLiteral("customerTable"));
    m_count = m_window->findChild<QLabel*>(QStringLiteral("customerCount"));
    auto* type = m_window->findChild<QComboBox*>(QStringLiteral("typeFilter"));
    QVERIFY(m_table && m_count && type);
    m_window->show();
    type->setCurrentIndex(type->findData(static_cast<int>(CustomerType::WalkIn)));
    QTRY_VERIFY(m_model->rowCount() >= 3);
    selectRows({0, 2, 5});
    QStringList ids = m_window->selectedIds();
    QCOMPARE(ids.size(), 3);

    QString asked;
    m_window->setConfirm([&](const QString& question) {
        asked = question;
        return true;
    });
    auto* setMember = m_window->findChild<QAction*>(QStringLiteral("bulkType_member"));
    QVERIFY(setMember);
    setMember->trigger();
    QVERIFY2(asked.contains(QStringLiteral("3")), qPrintable(asked));
    auto* message = m_window->findChild<QLabel*>(QStringLiteral("listMessage"));
    QVERIFY(message && message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("3 changed, 0 unchanged, 0 failed")), qPrintable(message->text()));

    CustomerService customers(m_database->db(), m_database->admin());
    ActivityService activity(m_database->db(), m_database->admin());
    for (const QString& id : ids) {
        const auto customer = customers.get(id);
        QVERIFY(customer);
        QCOMPARE(customer->type, CustomerType::Member);
        const auto entries = activity.forCustomer(id);
        QVERIFY(entries);
        QVERIFY(std::any_of(
            entries->begin(), entries->end(), [](const ActivityEntry& e) { return e.action == u"update"; }));
    }
    // The table was asked again: they are no longer walk-ins.
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(!ids.contains(m_model->customerAt(row)->id));

    // Declined: nothing changes.
    selectRows({0});
    const QString first = m_window->selectedIds().first();
    m_window->setConfirm([](const QString&) { return false; });
    setMember->trigger();
    QCOMPARE(customers.get(first)->type, CustomerType::WalkIn);

    // With the panel open and a selection, as a person sees it.
    m_window->findChild<QPushButton*>(QStringLiteral("moreFiltersButton"))->setChecked(true);
    selectRows({0, 1, 3});
    QVERIFY(m_window->grab().save(QStringLiteral("/tmp/list-more-selection.png")));
    m_window->findChild<QPushButton*>(QStringLiteral("moreFiltersButton"))->setChecked(false);
    QVERIFY(m_window->grab().save(QStringLiteral("/tmp/list-plain.png")));
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestCustomerListView)
#include "TestCustomerListView.moc"
