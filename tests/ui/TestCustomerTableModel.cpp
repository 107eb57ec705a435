#include "core/Translations.h"
#include "core/domain/Customer.h"
#include "core/domain/Ids.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/TextFold.h"
#include "core/services/CustomerService.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/SampleCustomers.h"
#include "ui/models/CustomerTableModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace kasir::test {

namespace {

constexpr int customerCount = 450;

// Fetches until the model says there is nothing more; fails if that never happens.
void fetchAll(CustomerTableModel& model)
{
    for (int guard = 0; model.canFetchMore({}); ++guard) {
        QVERIFY2(guard < 10'000, "the model keeps offering more rows");
        model.fetchMore({});
    }
}

// Checks the model after every change. The tests page explicitly: the Qt 6.4 tester's own
// fetchMore() runs from modelReset before it has seen the reset end, and then reports the
// appended page as rows inserted during a reset.
std::unique_ptr<QAbstractItemModelTester> attachTester(QAbstractItemModel* model)
{
    auto tester
        = std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester->setUseFetchMore(false);
    return tester;
}

Customer customerAt(const CustomerTableModel& model, int row)
{
    return model.data(model.index(row, 0), CustomerTableModel::CustomerRole).value<Customer>();
}

QString text(const CustomerTableModel& model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TestCustomerTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void firstPageIsOnePage();
    void fetchMoreAppendsPagesUntilTheLast();
    void everyCustomerOnceInNameOrder();
    void showsFormattedValues();
    void headersAreTranslatedWords();
    void textNarrowsTheList();
    void filtersNarrowTheList();
    void shortPagesAreToppedUpFromTheEventLoop();
    void onlyTheLastPagesStayInMemory();
    void shortPagesComeBackTheSame();
    void aPageThatChangedStartsAgain();
    void sortsByRegistrationTime();
    void sortIgnoresOtherColumns();
    void setQueryStartsAgain();
    void reportsAFailedQuery();
    void aCountForAnOlderQueryIsIgnored();
    void reportsAnUnknownCompany();

private:
    std::unique_ptr<TestDatabase> m_database;
    qint64 m_firstCreatedAt = 0;
};

void TestCustomerTableModel::initTestCase()
{
    m_database = std::make_unique<TestDatabase>();
    m_firstCreatedAt = m_database->clock().nowMs();
    SampleCustomers::add(*m_database, customerCount);
}

void TestCustomerTableModel::firstPageIsOnePage()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy total(&model, &CustomerTableModel::totalCountChanged);
    QCOMPARE(model.rowCount(), 0); // nothing is asked before the first query
    QVERIFY(!model.canFetchMore({}));

    model.refresh();
    QCOMPARE(reset.count(), 1);
    // More than one page: the total is counted on the model's count thread.
    QVERIFY(model.isCounting());
    QCOMPARE(model.totalCount(), -1);
    QTRY_COMPARE(total.count(), 1);
    QVERIFY(!model.isCounting());
    QCOMPARE(total.at(0).at(0).toLongLong(), customerCount);
    QCOMPARE(model.rowCount(), CustomerTableModel::pageSize);
    QCOMPARE(model.columnCount(), int(CustomerTableModel::ColumnCount));
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.totalCount(), customerCount);
    QVERIFY(model.errorString().isEmpty());
}

void TestCustomerTableModel::fetchMoreAppendsPagesUntilTheLast()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const Customer firstRow = customerAt(model, 0);

    model.fetchMore({});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 200);
    QCOMPARE(inserted.at(0).at(2).toInt(), 399);
    QCOMPARE(model.rowCount(), 400);
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 400);
    QCOMPARE(inserted.at(1).at(2).toInt(), customerCount - 1);
    QCOMPARE(model.rowCount(), customerCount);
    QVERIFY(!model.canFetchMore({}));

    model.fetchMore({}); // past the end: nothing happens
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(customerAt(model, 0), firstRow); // appended, the first rows did not move

    model.refresh(); // starts again from the first page
    QCOMPARE(model.rowCount(), CustomerTableModel::pageSize);
    QCOMPARE(reset.count(), 1);
    QTRY_COMPARE(model.totalCount(), customerCount);
}

void TestCustomerTableModel::everyCustomerOnceInNameOrder()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    fetchAll(model);
    QCOMPARE(model.rowCount(), customerCount);

    QSet<QString> ids;
    QSet<QString> names;
    QString previousKey;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id
            = model.data(model.index(row, CustomerTableModel::Name), CustomerTableModel::IdRole).toString();
        QVERIFY(Ids::isValid(id));
        ids.insert(id);
        const QString name = text(model, row, CustomerTableModel::Name);
        names.insert(name);
        const QString key = TextFold::fold(name);
        QVERIFY2(previousKey <= key, qPrintable(previousKey + u" before " + key));
        previousKey = key;
    }
    QCOMPARE(ids.size(), customerCount);
    QSet<QString> expected;
    for (int i = 0; i < customerCount; ++i)
        expected.insert(SampleCustomers::name(i));
    QCOMPARE(names, expected);
}

void TestCustomerTableModel::showsFormattedValues()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    CustomerQuery query;
    query.text = SampleCustomers::phone(42);
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1);
    const Customer c = customerAt(model, 0);
    QCOMPARE(c.phone, QStringLiteral("+6281255550042"));

    QVERIFY(
        QRegularExpression(QStringLiteral("^C-\\d{6}$")).match(text(model, 0, CustomerTableModel::Code)).hasMatch());
    QCOMPARE(text(model, 0, CustomerTableModel::Code), c.code);
    QCOMPARE(text(model, 0, CustomerTableModel::Name), SampleCustomers::name(42));
    QCOMPARE(text(model, 0, CustomerTableModel::Phone), QStringLiteral("+62 812-5555-0042"));
    QCOMPARE(text(model, 0, CustomerTableModel::Email), QStringLiteral("pelanggan42@example.co.id"));
    QCOMPARE(text(model, 0, CustomerTableModel::City), QStringLiteral("Surabaya"));
    QCOMPARE(text(model, 0, CustomerTableModel::Type), CustomerEnums::displayName(CustomerType::Vip));
    QCOMPARE(text(model, 0, CustomerTableModel::Level), CustomerEnums::displayName(MembershipLevel::Bronze));
    QCOMPARE(text(model, 0, CustomerTableModel::Status), CustomerEnums::displayName(CustomerStatus::Active));

    // Customer 42 was in the fifth batch; shown in local time, in the user's format.
    const qint64 createdAt = m_firstCreatedAt + 4 * SampleCustomers::batchIntervalMs;
    QCOMPARE(c.createdAt, createdAt);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(createdAt, QTimeZone::systemTimeZone());
    QCOMPARE(text(model, 0, CustomerTableModel::Created), QLocale().toString(local, QLocale::ShortFormat));
    QVERIFY(!model.data(model.index(0, CustomerTableModel::Name), Qt::ForegroundRole).isValid());

    // Inactive customers are still listed, drawn apart.
    query.text = SampleCustomers::phone(4);
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, CustomerTableModel::Status), CustomerEnums::displayName(CustomerStatus::Inactive));
    QVERIFY(model.data(model.index(0, CustomerTableModel::Name), Qt::ForegroundRole).isValid());
}

void TestCustomerTableModel::headersAreTranslatedWords()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    auto headers = [&] {
        QStringList out;
        for (int column = 0; column < model.columnCount(); ++column)
            out << model.headerData(column, Qt::Horizontal).toString();
        return out;
    };
    QCOMPARE(headers(),
        QStringList({QStringLiteral("Code"), QStringLiteral("Name"), QStringLiteral("Phone"), QStringLiteral("Email"),
            QStringLiteral("City"), QStringLiteral("Type"), QStringLiteral("Level"), QStringLiteral("Status"),
            QStringLiteral("Registered")}));
    // A manager in Indonesia reads them in Indonesian.
    QVERIFY(Translations::install(QLocale(QLocale::Indonesian, QLocale::Indonesia)));
    QCOMPARE(headers(),
        QStringList({QStringLiteral("Kode"), QStringLiteral("Nama"), QStringLiteral("Telepon"), QStringLiteral("Email"),
            QStringLiteral("Kota"), QStringLiteral("Jenis"), QStringLiteral("Level"), QStringLiteral("Status"),
            QStringLiteral("Terdaftar")}));
    QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(headers().constFirst(), QStringLiteral("Code"));
}

void TestCustomerTableModel::textNarrowsTheList()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    QSignalSpy total(&model, &CustomerTableModel::totalCountChanged);

    CustomerQuery query;
    query.text = QStringLiteral("bud");
    model.setQuery(query);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(model.totalCount(), 30);
    QCOMPARE(total.count(), 1);
    QCOMPARE(total.at(0).at(0).toLongLong(), 30);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(text(model, row, CustomerTableModel::Name).startsWith(QStringLiteral("Budi ")));

    // Two words, each a prefix, in any order.
    query.text = QStringLiteral("santo bu");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, CustomerTableModel::Name), QStringLiteral("Budi Santoso"));

    // The last digits of a phone number.
    query.text = QStringLiteral("5555-0123");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, CustomerTableModel::Name), SampleCustomers::name(123));

    query.text = QStringLiteral("nobody at all");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.errorString().isEmpty());
}

void TestCustomerTableModel::filtersNarrowTheList()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();

    int members = 0;
    int inactiveMembers = 0;
    for (int i = 0; i < customerCount; ++i) {
        if (SampleCustomers::type(i) == u"member") {
            ++members;
            inactiveMembers += i % 9 == 4 ? 1 : 0;
        }
    }
    CustomerQuery query;
    query.type = CustomerType::Member;
    model.setQuery(query);
    QCOMPARE(model.totalCount(), members);
    fetchAll(model);
    QCOMPARE(model.rowCount(), members);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(customerAt(model, row).type, CustomerType::Member);

    query.status = CustomerStatus::Inactive;
    model.setQuery(query);
    QVERIFY(inactiveMembers > 0);
    QCOMPARE(model.totalCount(), inactiveMembers);
    QCOMPARE(model.rowCount(), inactiveMembers);

    query = {};
    query.level = MembershipLevel::Platinum;
    model.setQuery(query);
    QCOMPARE(model.totalCount(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestCustomerTableModel::shortPagesAreToppedUpFromTheEventLoop()
{
    // A query whose pages each read one customer (the scan bound a rare combination meets
    // on a big directory): the first page holds at most one member, and the model asks for
    // the rest from the event loop until a page's worth has come, then all of them.
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    QStringList members;
    for (int i = 0; i < customerCount; ++i) {
        if (SampleCustomers::type(i) == u"member")
            members << SampleCustomers::name(i);
    }
    QVERIFY(members.size() > 1 && members.size() < CustomerTableModel::pageSize);
    CustomerQuery query;
    query.type = CustomerType::Member;
    query.scanBudget = 1;
    query.scanMilliseconds = 0;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setQuery(query);
    QVERIFY(model.rowCount() <= 1);
    QVERIFY(model.canFetchMore({}));
    // The last members may be found before the scan has passed the last customer.
    QTRY_VERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), members.size());
    QVERIFY(inserted.count() > 1); // one page at a time, not one long read
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(customerAt(model, row).type, CustomerType::Member);
        shown << customerAt(model, row).name;
    }
    members.sort();
    QStringList sortedShown = shown;
    sortedShown.sort();
    QCOMPARE(sortedShown, members);
    QTRY_COMPARE(model.totalCount(), members.size());
}

void TestCustomerTableModel::onlyTheLastPagesStayInMemory()
{
    // Every page read, then only one kept: each row still answers the same, forwards and
    // backwards, read again by its page's cursor, and never more than a page is held.
    CustomerTableModel all(m_database->db(), m_database->admin());
    all.refresh();
    fetchAll(all);
    QCOMPARE(all.rowCount(), customerCount);
    QCOMPARE(all.residentRowCount(), customerCount); // 3 pages: the default keeps them all

    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.setResidentPageLimit(1);
    QCOMPARE(model.residentPageLimit(), 1);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    fetchAll(model);
    QCOMPARE(model.rowCount(), customerCount);
    QVERIFY(model.residentRowCount() <= CustomerTableModel::pageSize); // one page, whichever was read last
    const auto same = [&](int row) {
        QCOMPARE(model.data(model.index(row, 0), CustomerTableModel::IdRole),
            all.data(all.index(row, 0), CustomerTableModel::IdRole));
        QCOMPARE(text(model, row, CustomerTableModel::Name), text(all, row, CustomerTableModel::Name));
        QCOMPARE(text(model, row, CustomerTableModel::Phone), text(all, row, CustomerTableModel::Phone));
    };
    for (int row = 0; row < customerCount; ++row) {
        same(row);
        QVERIFY(model.residentRowCount() <= CustomerTableModel::pageSize);
    }
    for (int row = customerCount - 1; row >= 0; row -= 7) {
        same(row);
        QVERIFY(model.residentRowCount() <= CustomerTableModel::pageSize);
    }
    QCOMPARE(model.customerAt(5)->id, all.customerAt(5)->id);
    QCOMPARE(model.customerAt(customerCount - 1)->id, all.customerAt(customerCount - 1)->id);
    QVERIFY(!model.customerAt(customerCount));
    QVERIFY(!model.hasPendingRestart());
    QTest::qWait(10); // a restart would be queued
    QCOMPARE(reset.count(), 1); // the refresh only: nothing was found changed

    // A bigger allowance keeps more; a smaller one lets pages go at once.
    model.setResidentPageLimit(3);
    for (int row = 0; row < customerCount; row += 50)
        same(row);
    QCOMPARE(model.residentRowCount(), customerCount);
    model.setResidentPageLimit(0); // at least one page stays
    QCOMPARE(model.residentPageLimit(), 1);
    QVERIFY(model.residentRowCount() <= CustomerTableModel::pageSize);
    QVERIFY(model.residentRowCount() > 0);
}

void TestCustomerTableModel::shortPagesComeBackTheSame()
{
    // Pages of the scan bound (one customer tested each): many short pages, each read again
    // by its own cursor to the same rows.
    CustomerQuery query;
    query.type = CustomerType::Member;
    query.scanBudget = 1;
    query.scanMilliseconds = 0;
    CustomerTableModel all(m_database->db(), m_database->admin());
    all.setQuery(query);
    QTRY_VERIFY(!all.canFetchMore({}));

    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.setResidentPageLimit(2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setQuery(query);
    QTRY_VERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), all.rowCount());
    QVERIFY(model.residentRowCount() <= 2);
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        QCOMPARE(model.customerAt(row)->id, all.customerAt(row)->id);
        QCOMPARE(model.customerAt(row)->type, CustomerType::Member);
    }
    QTest::qWait(50);
    QCOMPARE(reset.count(), 1);
}

void TestCustomerTableModel::aPageThatChangedStartsAgain()
{
    // A customer of the first page is renamed to the end of the list while that page is out
    // of memory: read again, it is another page, and the model starts again from the top
    // rather than show a row twice or skip one.
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.setResidentPageLimit(1);
    model.refresh();
    fetchAll(model);
    QCOMPARE(model.rowCount(), customerCount);
    const auto first = model.customerAt(0);
    QVERIFY(first);
    QVERIFY(model.customerAt(customerCount - 1)); // the last page is the one in memory again
    QCOMPARE(model.residentRowCount(), customerCount - 2 * CustomerTableModel::pageSize);

    CustomerService service(m_database->db(), m_database->admin());
    CustomerInput rename;
    rename.name = QStringLiteral("Zulkarnain Zuhdi");
    QVERIFY(service.update(first->id, rename));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // The page read again is not the one it was: its rows answer nothing, not other people.
    QVERIFY(!model.customerAt(0));
    QVERIFY(model.hasPendingRestart());
    QCOMPARE(model.data(model.index(0, CustomerTableModel::Name)), QVariant());
    QCOMPARE(model.rowCount(), customerCount); // not yet: the view is told in a moment
    QTRY_COMPARE(reset.count(), 1);
    QVERIFY(!model.hasPendingRestart());
    QCOMPARE(model.rowCount(), CustomerTableModel::pageSize);
    QVERIFY(model.customerAt(0)->id != first->id);
    fetchAll(model);
    QCOMPARE(model.customerAt(customerCount - 1)->id, first->id);

    rename.name = first->name;
    QVERIFY(service.update(first->id, rename));

    // A change inside a page that keeps its length and its last row: a customer moved a few
    // rows down. The same ids in another order are another page too.
    model.refresh();
    fetchAll(model);
    const auto moved = model.customerAt(3);
    const QString lands = text(model, 10, CustomerTableModel::Name);
    QVERIFY(moved && !lands.isEmpty());
    QVERIFY(model.customerAt(customerCount - 1)); // the first page leaves memory
    QVERIFY(model.residentRowCount() < CustomerTableModel::pageSize);
    rename.name = lands + QStringLiteral(" A");
    QVERIFY(service.update(moved->id, rename));
    reset.clear();
    QVERIFY(!model.customerAt(3));
    QTRY_COMPARE(reset.count(), 1);
    QCOMPARE(model.customerAt(10)->id, moved->id);
    rename.name = moved->name;
    QVERIFY(service.update(moved->id, rename));
}

void TestCustomerTableModel::sortsByRegistrationTime()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.sort(CustomerTableModel::Created, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.sortColumn(), int(CustomerTableModel::Created));
    QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    fetchAll(model);
    QCOMPARE(model.rowCount(), customerCount);
    QCOMPARE(customerAt(model, 0).createdAt, m_firstCreatedAt);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(customerAt(model, row - 1).createdAt <= customerAt(model, row).createdAt);
    // The first rows are the first batch registered, which name order would scatter.
    QSet<QString> firstBatch;
    QSet<QString> firstRows;
    for (int i = 0; i < SampleCustomers::batchSize; ++i) {
        firstBatch.insert(SampleCustomers::name(i));
        firstRows.insert(text(model, i, CustomerTableModel::Name));
    }
    QCOMPARE(firstRows, firstBatch);
    QVERIFY(!firstBatch.contains(QStringLiteral("Adi Firmansyah")));

    model.sort(CustomerTableModel::Created, Qt::DescendingOrder);
    QCOMPARE(reset.count(), 2);
    fetchAll(model);
    QCOMPARE(model.rowCount(), customerCount);
    const qint64 lastBatch
        = m_firstCreatedAt + (customerCount / SampleCustomers::batchSize - 1) * SampleCustomers::batchIntervalMs;
    QCOMPARE(customerAt(model, 0).createdAt, lastBatch);
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(customerAt(model, row).id);
        if (row > 0)
            QVERIFY(customerAt(model, row - 1).createdAt >= customerAt(model, row).createdAt);
    }
    QCOMPARE(ids.size(), customerCount);
}

void TestCustomerTableModel::sortIgnoresOtherColumns()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(CustomerTableModel::isSortable(CustomerTableModel::Name));
    QVERIFY(CustomerTableModel::isSortable(CustomerTableModel::Created));

    for (int column : {int(CustomerTableModel::Code), int(CustomerTableModel::Phone), int(CustomerTableModel::Email),
             int(CustomerTableModel::City), int(CustomerTableModel::Type), int(CustomerTableModel::Level),
             int(CustomerTableModel::Status), -1, int(CustomerTableModel::ColumnCount)}) {
        QVERIFY(!CustomerTableModel::isSortable(column));
        model.sort(column, Qt::DescendingOrder);
    }
    model.sort(CustomerTableModel::Name, Qt::AscendingOrder); // already so
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.sortColumn(), int(CustomerTableModel::Name));
    QCOMPARE(model.sortOrder(), Qt::AscendingOrder);

    model.sort(CustomerTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(reset.count(), 1);
    QVERIFY(TextFold::fold(text(model, 0, CustomerTableModel::Name))
        >= TextFold::fold(text(model, 1, CustomerTableModel::Name)));
}

void TestCustomerTableModel::setQueryStartsAgain()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    fetchAll(model);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy total(&model, &CustomerTableModel::totalCountChanged);

    // A cursor or page size from the caller cannot skip rows or load everything at once.
    CustomerQuery query;
    query.after = QStringLiteral("not-a-cursor");
    query.limit = CustomerQuery::maxLimit;
    model.setQuery(query);
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(total.count(), 0); // same total as before
    QVERIFY(model.errorString().isEmpty());
    QVERIFY(model.query().after.isEmpty());
    QCOMPARE(model.query().limit, CustomerTableModel::pageSize);
    QCOMPARE(model.rowCount(), CustomerTableModel::pageSize);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(customerAt(model, 0).name, QStringLiteral("Adi Firmansyah"));
}

void TestCustomerTableModel::reportsAFailedQuery()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    const auto tester = attachTester(&model);
    model.refresh();
    QTRY_COMPARE(model.totalCount(), customerCount);
    QSignalSpy errors(&model, &CustomerTableModel::errorOccurred);
    QSignalSpy total(&model, &CustomerTableModel::totalCountChanged);

    CustomerQuery query;
    query.text = QString(300, u'x'); // longer than a search may be
    model.setQuery(query);
    QCOMPARE(errors.count(), 1);
    QVERIFY(!model.errorString().isEmpty());
    QCOMPARE(errors.at(0).at(0).toString(), model.errorString());
    QVERIFY2(model.errorString().contains(u"255"), qPrintable(model.errorString()));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.totalCount(), -1);
    QCOMPARE(total.count(), 1);

    // The next good query clears the error.
    query.text = QStringLiteral("budi");
    model.setQuery(query);
    QCOMPARE(errors.count(), 1);
    QVERIFY(model.errorString().isEmpty());
    QCOMPARE(model.totalCount(), 30);
    QCOMPARE(total.count(), 2);
}

void TestCustomerTableModel::aCountForAnOlderQueryIsIgnored()
{
    CustomerTableModel model(m_database->db(), m_database->admin());
    QSignalSpy total(&model, &CustomerTableModel::totalCountChanged);
    model.refresh(); // counted on the other thread
    QVERIFY(model.isCounting());
    CustomerQuery query;
    query.text = QStringLiteral("budi"); // one page: counted at once
    model.setQuery(query);
    QVERIFY(!model.isCounting());
    QCOMPARE(model.totalCount(), 30);
    QCOMPARE(total.count(), 1);
    // The first count, if it still ran, must not overwrite the second answer.
    QTest::qWait(300);
    QCOMPARE(total.count(), 1);
    QCOMPARE(model.totalCount(), 30);
}

void TestCustomerTableModel::reportsAnUnknownCompany()
{
    Actor stranger = m_database->admin();
    stranger.companyId = Ids::newId(m_database->clock().nowMs());
    CustomerTableModel model(m_database->db(), stranger);
    const auto tester = attachTester(&model);
    model.refresh();
    QVERIFY(!model.errorString().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), -1);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.data(model.index(0, 0)), QVariant());
    QVERIFY(!model.customerAt(0));
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestCustomerTableModel)
#include "TestCustomerTableModel.moc"
