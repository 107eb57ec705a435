#include "ui/models/CustomerTableModel.h"

#include "core/domain/PhoneNumber.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QTimer>

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
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
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
    const Row& row = m_rows.at(index.row());
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
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(page->items.size()) - 1);
        appendRows(std::move(page->items));
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

const Customer* CustomerTableModel::customerAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row).customer;
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
    m_rows.clear();
    m_nextCursor.clear();
    m_error.clear();
    m_counting = false;
    const qint64 before = m_total;
    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    if (page) {
        m_owed = pageSize - static_cast<int>(page->items.size());
        appendRows(std::move(page->items));
        m_nextCursor = page->nextCursor;
        // A first page that is the whole answer counts itself.
        m_counting = !m_nextCursor.isEmpty();
        m_total = m_counting ? -1 : m_rows.size();
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

void CustomerTableModel::appendRows(QList<Customer>&& customers)
{
    m_rows.reserve(m_rows.size() + customers.size());
    for (Customer& c : customers)
        m_rows.append(Row {std::move(c), {}, {}, false});
}

void CustomerTableModel::fail(const QString& message)
{
    m_error = message;
    Q_EMIT errorOccurred(m_error);
}

} // namespace kasir

#include "CustomerTableModel.moc"
