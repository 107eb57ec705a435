#include "ui/models/CustomerTableModel.h"

#include "core/domain/PhoneNumber.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace kasir {

namespace {

QDateTime localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}

// Lives on the model's count thread, with that thread's own database connection.
class CustomerCounter final : public QObject
{
    Q_OBJECT

public:
    CustomerCounter(Database& db, Actor actor, std::shared_ptr<std::atomic<quint64>> latest)
        : m_service(db, std::move(actor)), m_latest(std::move(latest))
    { }

    void count(quint64 generation, const CustomerQuery& query)
    {
        if (generation != m_latest->load())
            return; // the user has typed on; a newer count is queued
        auto total = m_service.count(query);
        Q_EMIT counted(generation, total ? *total : -1, total ? QString() : total.error().message);
    }

Q_SIGNALS:
    void counted(quint64 generation, qint64 total, const QString& error);

private:
    CustomerService m_service;
    std::shared_ptr<std::atomic<quint64>> m_latest;
};

} // namespace

CustomerTableModel::CustomerTableModel(Database& db, Actor actor, QObject* parent)
    : QAbstractTableModel(parent), m_service(db, actor)
{
    m_query.limit = pageSize;
    auto* counter = new CustomerCounter(db, std::move(actor), m_latest);
    counter->moveToThread(&m_countThread);
    connect(counter, &CustomerCounter::counted, this, &CustomerTableModel::counted);
    // finished is emitted on the thread itself, the last thing it does: its connection
    // closes there.
    connect(
        &m_countThread, &QThread::finished, counter, [&db] { db.closeThreadConnection(); }, Qt::DirectConnection);
    m_counter = counter;
    m_countThread.setObjectName(QStringLiteral("customer count"));
    m_countThread.start();
}

CustomerTableModel::~CustomerTableModel()
{
    m_latest->store(0); // nothing queued is wanted any more
    m_countThread.quit();
    m_countThread.wait();
    delete m_counter;
}

int CustomerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int CustomerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CustomerTableModel::format(const Row& row)
{
    if (row.formatted)
        return;
    if (!row.customer.phone.isEmpty())
        row.phone = PhoneNumber::formatInternational(row.customer.phone);
    row.created = QLocale().toString(localTime(row.customer.createdAt), QLocale::ShortFormat);
    row.formatted = true;
}

QVariant CustomerTableModel::display(const Row& row, int column) const
{
    format(row);
    const Customer& c = row.customer;
    switch (static_cast<Column>(column)) {
    case Code:
        return c.code;
    case Name:
        return c.name;
    case Phone:
        return row.phone;
    case Email:
        return c.email;
    case City:
        return c.city;
    case Type:
        return CustomerEnums::displayName(c.type);
    case Level:
        return CustomerEnums::displayName(c.level);
    case Status:
        return CustomerEnums::displayName(c.status);
    case Created:
        return row.created;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CustomerTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row* found = rowAt(index.row());
    if (!found || found->customer.id.isEmpty())
        return {}; // a page found changed, until the model starts again
    const Row& row = *found;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Created)
            return QLocale().toString(localTime(row.customer.createdAt), QLocale::LongFormat);
        if (index.column() == Phone && !row.customer.phone.isEmpty())
            return PhoneNumber::formatNational(row.customer.phone);
        return {};
    case Qt::ForegroundRole:
        // Inactive and blocked customers stay findable but should not look like the rest.
        if (!row.customer.isActive())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case IdRole:
        return row.customer.id;
    case CustomerRole:
        return QVariant::fromValue(row.customer);
    default:
        return {};
    }
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Name");
    case Phone:
        return tr("Phone");
    case Email:
        return tr("Email");
    case City:
        return tr("City");
    case Type:
        return tr("Type");
    case Level:
        return tr("Level");
    case Status:
        return tr("Status");
    case Created:
        return tr("Registered");
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags CustomerTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

bool CustomerTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_nextCursor.isEmpty();
}

void CustomerTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    m_owed = pageSize;
    fetchPage();
}

void CustomerTableModel::fetchPage()
{
    // A view may ask again while rows are being inserted; one page at a time.
    if (m_nextCursor.isEmpty() || m_fetching)
        return;
    m_fetching = true;
    CustomerQuery next = m_query;
    next.after = m_nextCursor;
    next.limit = pageSize;
    next.withTotal = false;
    auto page = m_service.search(next);
    if (!page) {
        m_nextCursor.clear();
        m_fetching = false;
        fail(page.error().message);
        return;
    }
    m_nextCursor = page->nextCursor;
    m_owed -= static_cast<int>(page->items.size());
    if (!page->items.isEmpty()) {
        beginInsertRows({}, m_rowCount, m_rowCount + static_cast<int>(page->items.size()) - 1);
        appendPage(next.after, std::move(page->items));
        endInsertRows();
    }
    m_fetching = false;
    scheduleTopUp();
}

void CustomerTableModel::scheduleTopUp()
{
    if (m_owed <= 0 || m_nextCursor.isEmpty() || m_topUpQueued)
        return;
    m_topUpQueued = true;
    // The state read when it runs is the model's latest: after a reload, the new query's.
    QTimer::singleShot(0, this, [this] {
        m_topUpQueued = false;
        if (m_owed > 0)
            fetchPage();
    });
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    const auto sort = column == Name ? CustomerQuery::Sort::Name : CustomerQuery::Sort::Created;
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sort == sort && m_query.descending == descending)
        return;
    m_query.sort = sort;
    m_query.descending = descending;
    reload();
}

bool CustomerTableModel::isSortable(int column)
{
    return column == Name || column == Created;
}

int CustomerTableModel::sortColumn() const
{
    switch (m_query.sort) {
    case CustomerQuery::Sort::Name:
        return Name;
    case CustomerQuery::Sort::Created:
        return Created;
    case CustomerQuery::Sort::Updated:
        break;
    }
    return -1;
}

Qt::SortOrder CustomerTableModel::sortOrder() const
{
    return m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void CustomerTableModel::setQuery(const CustomerQuery& query)
{
    m_query = query;
    m_query.after.clear();
    m_query.limit = pageSize;
    m_query.withTotal = false;
    reload();
}

std::optional<Customer> CustomerTableModel::customerAt(int row) const
{
    const Row* found = rowAt(row);
    if (!found || found->customer.id.isEmpty())
        return std::nullopt;
    return found->customer;
}

void CustomerTableModel::setResidentPageLimit(int pages)
{
    m_residentLimit = std::max(1, pages);
    if (!m_resident.isEmpty())
        keepResident(m_resident.last()); // lets the surplus go
}

int CustomerTableModel::residentRowCount() const
{
    int rows = 0;
    for (const int index : m_resident)
        rows += static_cast<int>(m_pages[static_cast<size_t>(index)].rows.size());
    return rows;
}

const CustomerTableModel::Row* CustomerTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const auto after = std::upper_bound(
        m_pages.begin(), m_pages.end(), row, [](int r, const Page& page) { return r < page.firstRow; });
    const int index = static_cast<int>(std::distance(m_pages.begin(), after)) - 1;
    Page& page = m_pages[static_cast<size_t>(index)];
    if (page.rows.isEmpty())
        readAgain(index);
    page.used = ++m_tick;
    return &page.rows.at(row - page.firstRow);
}

void CustomerTableModel::readAgain(int pageIndex) const
{
    Page& page = m_pages[static_cast<size_t>(pageIndex)];
    // The same rows: the first `count` that pass after the page's cursor. The scan keeps its
    // bound in rows (not in time, which a busy machine would reach sooner than the first
    // read did): a page whose customers no longer pass stops there instead of reading the
    // rest of the directory while the view waits.
    CustomerQuery again = m_query;
    again.after = page.after;
    again.limit = page.count;
    again.withTotal = false;
    if (again.scanBudget <= 0)
        again.scanBudget = CustomerQuery::defaultScanBudget;
    again.scanMilliseconds = 0;
    auto read = m_service.search(again);
    QList<Customer> customers;
    if (read)
        customers = std::move(read->items);
    if (customers.size() == page.count && hashIds(customers) == page.idsHash) {
        page.rows = toRows(std::move(customers));
    } else {
        // Not the page the view showed: empty rows (the row count cannot change here) until
        // the model starts again, just after.
        page.rows = QList<Row>(page.count);
        if (!m_restartQueued) {
            m_restartQueued = true;
            auto* self = const_cast<CustomerTableModel*>(this);
            QTimer::singleShot(0, self, [self] {
                if (self->m_restartQueued)
                    self->reload();
            });
        }
    }
    keepResident(pageIndex);
}

size_t CustomerTableModel::hashIds(const QList<Customer>& customers)
{
    size_t seed = 0;
    for (const Customer& c : customers)
        seed = qHashMulti(seed, c.id);
    return seed;
}

void CustomerTableModel::keepResident(int pageIndex) const
{
    m_pages[static_cast<size_t>(pageIndex)].used = ++m_tick;
    if (!m_resident.contains(pageIndex))
        m_resident.append(pageIndex);
    while (m_resident.size() > m_residentLimit) {
        // The least recently used page other than this one lets its rows go.
        qsizetype oldest = -1;
        for (qsizetype i = 0; i < m_resident.size(); ++i) {
            if (m_resident.at(i) == pageIndex)
                continue;
            if (oldest < 0
                || m_pages[static_cast<size_t>(m_resident.at(i))].used
                    < m_pages[static_cast<size_t>(m_resident.at(oldest))].used)
                oldest = i;
        }
        m_pages[static_cast<size_t>(m_resident.at(oldest))].rows = QList<Row>();
        m_resident.removeAt(oldest);
    }
}

QList<CustomerTableModel::Row> CustomerTableModel::toRows(QList<Customer>&& customers)
{
    QList<Row> rows;
    rows.reserve(customers.size());
    for (Customer& c : customers)
        rows.append(Row {std::move(c), {}, {}, false});
    return rows;
}

void CustomerTableModel::appendPage(const QString& after, QList<Customer>&& customers)
{
    Page page;
    page.after = after;
    page.idsHash = hashIds(customers);
    page.firstRow = m_rowCount;
    page.count = static_cast<int>(customers.size());
    page.rows = toRows(std::move(customers));
    m_rowCount += page.count;
    m_pages.push_back(std::move(page));
    keepResident(static_cast<int>(m_pages.size()) - 1);
}

void CustomerTableModel::refresh()
{
    reload();
}

void CustomerTableModel::reload()
{
    CustomerQuery first = m_query;
    first.after.clear();
    first.limit = pageSize;
    first.withTotal = false;
    auto page = m_service.search(first);

    beginResetModel();
    m_pages.clear();
    m_resident.clear();
    m_rowCount = 0;
    m_restartQueued = false;
    m_nextCursor.clear();
    m_error.clear();
    m_counting = false;
    const qint64 before = m_total;
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    if (page) {
        m_owed = pageSize - static_cast<int>(page->items.size());
        if (!page->items.isEmpty())
            appendPage(QString(), std::move(page->items));
        m_nextCursor = page->nextCursor;
        // A first page that is the whole answer counts itself.
        m_counting = !m_nextCursor.isEmpty();
        m_total = m_counting ? -1 : m_rowCount;
    } else {
        m_error = page.error().message;
        m_total = -1;
    }
    endResetModel();

    if (m_counting) {
        CustomerQuery count = m_query;
        count.after.clear();
        QMetaObject::invokeMethod(
            m_counter,
            [counter = static_cast<CustomerCounter*>(m_counter), generation, count] {
                counter->count(generation, count);
            },
            Qt::QueuedConnection);
    } else if (m_total != before) {
        Q_EMIT totalCountChanged(m_total);
    }
    if (!m_error.isEmpty())
        Q_EMIT errorOccurred(m_error);
    scheduleTopUp();
}

void CustomerTableModel::counted(quint64 generation, qint64 total, const QString& error)
{
    if (generation != m_generation || !m_counting)
        return; // an answer to a question no longer asked
    m_counting = false;
    m_total = total;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    Q_EMIT totalCountChanged(m_total);
}

void CustomerTableModel::fail(const QString& message)
{
    m_error = message;
    Q_EMIT errorOccurred(m_error);
}

} // namespace kasir

#include "CustomerTableModel.moc"
