#include "core/domain/Customer.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/SampleCustomers.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/views/CustomerListView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
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

private:
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
    m_database = std::make_unique<TestDatabase>();
    SampleCustomers::add(*m_database, customerCount);
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
    const Customer* second = m_model->customerAt(1);
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

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestCustomerListView)
#include "TestCustomerListView.moc"
