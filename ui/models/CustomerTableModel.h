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

namespace kasir {

class Database;

// The customer directory as a table. Rows arrive in keyset pages of `pageSize` through
// canFetchMore/fetchMore, so a view over a million customers holds only what has been
// scrolled past; filtering and sorting are done by CustomerService in SQL, never here.
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

    // The customer on a loaded row; nullptr when out of range.
    const Customer* customerAt(int row) const;

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

    static void format(const Row& row);
    QVariant display(const Row& row, int column) const;
    void reload();
    // Reads the page after m_nextCursor and appends it.
    void fetchPage();
    // A page may come back short, even empty, while more follow (a filter combination that
    // few customers pass: CustomerQuery's scan bound). The rows still owed to the last
    // request are asked for again from the event loop, a page at a time, so that the
    // window stays responsive while the directory is searched.
    void scheduleTopUp();
    void appendRows(QList<Customer>&& customers);
    void fail(const QString& message);
    void counted(quint64 generation, qint64 total, const QString& error);

    CustomerService m_service;
    CustomerQuery m_query;
    QList<Row> m_rows;
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
