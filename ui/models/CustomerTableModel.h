#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Role.h"
#include "core/services/CustomerService.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace kasir {

class Database;

// The customer directory as a table. Rows arrive in keyset pages of `pageSize` through
// canFetchMore/fetchMore; filtering and sorting are done by CustomerService in SQL, never
// here. Only the pages last used stay in memory (residentPageLimit()): of the others the
// model keeps where they start and how many rows they hold, and reads them again, by that
// same cursor, when a view asks for one of their rows. Scrolling through a million
// customers therefore costs the memory of a few pages, not of a million rows. Should a page
// read again not be the page it was (customers changed underneath: other ids, or another
// order), its rows answer nothing (customerAt() is empty), hasPendingRestart() is true, and
// the model starts again from the first page from the event loop, as refresh() does: a row
// never stands for a customer other than the one the view showed there.
// The total is counted on a thread of its own (it grows with the matches: up to a second
// for a one-letter name with a filter on a million customers) and arrives with
// totalCountChanged; a first page that is the whole answer is its own count.
class CustomerTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Code,
        Name,
        Phone,
        Email,
        City,
        Type,
        Level,
        Status,
        Created,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles
    {
        IdRole = Qt::UserRole, // QString: the customer's UUID
        CustomerRole, // kasir::Customer: the whole row
    };
    Q_ENUM(Roles)

    static constexpr int pageSize = 200;
    static constexpr int defaultResidentPages = 16;

    // Empty until setQuery() or refresh(): building the model asks the database nothing.
    CustomerTableModel(Database& db, Actor actor, QObject* parent = nullptr);
    ~CustomerTableModel() override;
    Q_DISABLE_COPY_MOVE(CustomerTableModel)

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Name and Created sort in SQL; other columns are not sortable and are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    // Replaces the filters and order and starts again from the first page. The page size
    // and cursor of `query` are the model's own business and are ignored.
    void setQuery(const CustomerQuery& query);
    const CustomerQuery& query() const { return m_query; }

    // The customer on a row (read again when its page has left memory); nothing when out of
    // range or when the page could not be read the same again.
    std::optional<Customer> customerAt(int row) const;
    // Whether a page read again was found changed and the model is about to start again:
    // the rows a view has selected may no longer be the customers it showed.
    bool hasPendingRestart() const { return m_restartQueued; }

    // How many pages keep their rows in memory (at least 1); the least recently used one
    // leaves when another arrives.
    void setResidentPageLimit(int pages);
    int residentPageLimit() const { return m_residentLimit; }
    // How many rows are in memory now: at most residentPageLimit() * pageSize.
    int residentRowCount() const;

    // How many customers match the whole query (not only the loaded rows); -1 when the
    // last query failed or while it is being counted (isCounting()).
    qint64 totalCount() const { return m_total; }
    bool isCounting() const { return m_counting; }

    // Why the last query failed; empty when it did not.
    QString errorString() const { return m_error; }

public Q_SLOTS:
    // Runs the current query again from the first page, e.g. after customers changed.
    void refresh();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void errorOccurred(const QString& message);

private:
    // A row's phone and date are formatted when the row is first drawn, not when its page
    // arrives: libphonenumber and QLocale cost more than the query, and only the rows on
    // screen need them.
    struct Row
    {
        Customer customer;
        mutable QString phone;
        mutable QString created;
        mutable bool formatted = false;
    };

    // A page of rows as it was read: the cursor it was read from and what it held, so that
    // it can be read again once its rows have been let go.
    struct Page
    {
        QString after; // the cursor the page was read from; empty for the first
        size_t idsHash = 0; // its customers' ids in order, to recognise it when read again
        int firstRow = 0;
        int count = 0;
        QList<Row> rows; // empty while not in memory
        quint64 used = 0; // when a row of it was last asked for (m_tick)
    };

    static void format(const Row& row);
    QVariant display(const Row& row, int column) const;
    // The row, reading its page again if need be; nullptr when out of range.
    const Row* rowAt(int row) const;
    void readAgain(int pageIndex) const;
    // Marks the page as in memory and lets the least recently used others go.
    void keepResident(int pageIndex) const;
    static QList<Row> toRows(QList<Customer>&& customers);
    void appendPage(const QString& after, QList<Customer>&& customers);
    static size_t hashIds(const QList<Customer>& customers);
    void reload();
    // Reads the page after m_nextCursor and appends it.
    void fetchPage();
    // A page may come back short, even empty, while more follow (a filter combination that
    // few customers pass: CustomerQuery's scan bound). The rows still owed to the last
    // request are asked for again from the event loop, a page at a time, so that the
    // window stays responsive while the directory is searched.
    void scheduleTopUp();
    void fail(const QString& message);
    void counted(quint64 generation, qint64 total, const QString& error);

    // Reading a page again is the model's own business, done from const accessors.
    mutable CustomerService m_service;
    CustomerQuery m_query;
    mutable std::vector<Page> m_pages; // in row order
    mutable QList<int> m_resident; // indices of the pages whose rows are in memory
    mutable quint64 m_tick = 0;
    mutable bool m_restartQueued = false;
    int m_rowCount = 0;
    int m_residentLimit = defaultResidentPages;
    QString m_nextCursor;
    qint64 m_total = 0;
    QString m_error;
    bool m_fetching = false;
    bool m_counting = false;
    int m_owed = 0;
    bool m_topUpQueued = false;
    // Counts run on m_countThread, newest first: a count whose generation is no longer the
    // latest is skipped there and ignored here.
    QThread m_countThread;
    QObject* m_counter = nullptr;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace kasir
