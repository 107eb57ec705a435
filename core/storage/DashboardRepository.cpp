#include "core/storage/DashboardRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace kasir {

namespace {

// One running-total table: how its rows are made from the tables they count, and how
// they are read back, keyed the same way.
struct Totals
{
    const char* table;
    int keyColumns; // after company_id
    const char* columns; // every column after company_id, keys first
    // SELECT company_id, keys..., totals... with %1 where the company condition goes.
    const char* fromTables;
};

const Totals kTotals[] = {
    {"dashboard_customers", 3, "type, status, level, customers",
        // NOT INDEXED: no index holds the three columns; the planner would otherwise walk one
        // and read every row out of order.
        "SELECT company_id, type, status, level, count(*) FROM customer NOT INDEXED %1 GROUP BY 1, 2, 3, 4"},
    {"dashboard_figures", 2, "purchases_band, credit_sign, customers, purchases, spent, credit, points, dated",
        "SELECT company_id, min(max(purchases, 0), 100), (credit > 0) - (credit < 0), count(*), sum(purchases), "
        "sum(total_spent), sum(credit), sum(points), count(last_purchase_at) FROM customer_metrics %1 "
        "GROUP BY 1, 2, 3"},
    {"dashboard_slots", 1, "slot, new_customers, sales, refunds, revenue",
        "SELECT company_id, slot, sum(n), sum(s), sum(r), sum(v) FROM ("
        "SELECT company_id, created_at / 900000 AS slot, 1 AS n, 0 AS s, 0 AS r, 0 AS v FROM customer "
        "UNION ALL SELECT company_id, created_at / 900000, 0, kind = 'sale', kind = 'refund', total FROM sale"
        ") %1 GROUP BY 1, 2"},
};

QString fromTables(const Totals& t, bool oneCompany)
{
    return QString::fromLatin1(t.fromTables)
        .arg(oneCompany ? QStringLiteral("WHERE company_id = :company") : QString());
}

const QString kRankedColumns
    = QStringLiteral("c.id, c.code, c.name, c.type, c.status, c.level, c.created_at, coalesce(m.purchases, 0), "
                     "coalesce(m.total_spent, 0), coalesce(m.total_items, 0), m.first_purchase_at, m.last_purchase_at, "
                     "coalesce(m.points, 0), coalesce(m.credit, 0)");

RankedCustomer rankedFrom(const QSqlQuery& q)
{
    RankedCustomer r;
    r.id = q.value(0).toString();
    r.code = q.value(1).toString();
    r.name = q.value(2).toString();
    r.type = CustomerEnums::parseType(q.value(3).toString()).value_or(CustomerType::WalkIn);
    r.status = CustomerEnums::parseStatus(q.value(4).toString()).value_or(CustomerStatus::Active);
    r.level = CustomerEnums::parseLevel(q.value(5).toString()).value_or(MembershipLevel::Bronze);
    r.createdAt = q.value(6).toLongLong();
    r.metrics.customerId = r.id;
    r.metrics.purchases = q.value(7).toLongLong();
    r.metrics.totalSpent = q.value(8).toLongLong();
    r.metrics.totalItems = q.value(9).toLongLong();
    if (!q.value(10).isNull())
        r.metrics.firstPurchaseAt = q.value(10).toLongLong();
    if (!q.value(11).isNull())
        r.metrics.lastPurchaseAt = q.value(11).toLongLong();
    r.metrics.points = q.value(12).toLongLong();
    r.metrics.credit = q.value(13).toLongLong();
    return r;
}

Result<QList<RankedCustomer>> rankedList(QSqlQuery& q)
{
    if (!q.exec())
        return Sql::errorOf(q);
    QList<RankedCustomer> out;
    while (q.next())
        out.append(rankedFrom(q));
    q.finish();
    return out;
}

// Rows of one totals table or of its source SELECT, keyed by the key columns as text.
using Rows = QMap<QString, QList<qint64>>;

Result<Rows> readRows(QSqlDatabase db, const QString& sql, const QString& companyId, int keyColumns, int columns)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return Sql::errorOf(q);
    q.bindValue(QStringLiteral(":company"), companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    Rows rows;
    while (q.next()) {
        QStringList key;
        for (int i = 1; i <= keyColumns; ++i)
            key.append(q.value(i).toString());
        QList<qint64> values;
        for (int i = keyColumns + 1; i <= columns; ++i)
            values.append(q.value(i).toLongLong());
        rows.insert(key.join(u'/'), values);
    }
    return rows;
}

} // namespace

DashboardRepository::DashboardRepository(Database& db) : m_db(db) { }

Status DashboardRepository::fill(QSqlDatabase db, const QString& companyId)
{
    for (const Totals& t : kTotals) {
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("INSERT INTO %1 (company_id, %2) %3")
                           .arg(QString::fromLatin1(t.table), QString::fromLatin1(t.columns),
                               fromTables(t, !companyId.isEmpty()))))
            return Sql::errorOf(q);
        if (!companyId.isEmpty())
            q.bindValue(QStringLiteral(":company"), companyId);
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

Status DashboardRepository::refill(UnitOfWork& uow, const QString& companyId)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    for (const Totals& t : kTotals) {
        QSqlQuery clear(m_db.connection());
        clear.prepare(QStringLiteral("DELETE FROM %1 WHERE company_id = ?").arg(QString::fromLatin1(t.table)));
        clear.addBindValue(companyId);
        if (Status s = Sql::exec(clear); !s)
            return s;
    }
    return fill(m_db.connection(), companyId);
}

Status DashboardRepository::pause(UnitOfWork& uow, const QString& companyId)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT OR IGNORE INTO dashboard_pause (company_id) VALUES (?)"));
    q.bindValue(0, companyId);
    return Sql::exec(q);
}

Status DashboardRepository::resume(UnitOfWork& uow, const QString& companyId)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("DELETE FROM dashboard_pause WHERE company_id = ?"));
    q.bindValue(0, companyId);
    return Sql::exec(q);
}

Status DashboardRepository::countNewCustomers(UnitOfWork& uow, const QList<Customer>& customers)
{
    // A load is mostly a few kinds of customer made in the same quarter of an hour: a few
    // upserts for thousands of rows.
    QMap<std::tuple<QString, CustomerType, CustomerStatus, MembershipLevel>, qint64> byKind;
    QMap<std::pair<QString, qint64>, qint64> bySlot;
    for (const Customer& c : customers) {
        ++byKind[std::tuple {c.companyId, c.type, c.status, c.level}];
        ++bySlot[std::pair {c.companyId, c.createdAt / slotMs}];
    }
    QSqlQuery& kind = uow.prepared(
        QStringLiteral("INSERT INTO dashboard_customers VALUES (?, ?, ?, ?, ?) ON CONFLICT (company_id, type, "
                       "status, level) DO UPDATE SET customers = customers + excluded.customers"));
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        const auto& [company, type, status, level] = it.key();
        kind.bindValue(0, company);
        kind.bindValue(1, CustomerEnums::toString(type));
        kind.bindValue(2, CustomerEnums::toString(status));
        kind.bindValue(3, CustomerEnums::toString(level));
        kind.bindValue(4, it.value());
        if (Status s = Sql::exec(kind); !s)
            return s;
    }
    QSqlQuery& slot = uow.prepared(
        QStringLiteral("INSERT INTO dashboard_slots VALUES (?, ?, ?, 0, 0, 0) ON CONFLICT (company_id, slot) "
                       "DO UPDATE SET new_customers = new_customers + excluded.new_customers"));
    for (auto it = bySlot.cbegin(); it != bySlot.cend(); ++it) {
        slot.bindValue(0, it.key().first);
        slot.bindValue(1, it.key().second);
        slot.bindValue(2, it.value());
        if (Status s = Sql::exec(slot); !s)
            return s;
    }
    return Done {};
}

Result<QList<MetricsDifference>> DashboardRepository::differences(const QString& companyId, int limit)
{
    // The totals and the tables they count, read in one snapshot.
    const ReadSnapshot snapshot(m_db);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    QSqlDatabase db = m_db.connection();
    QList<MetricsDifference> out;
    for (const Totals& t : kTotals) {
        const QStringList names = QString::fromLatin1(t.columns).split(QStringLiteral(", "));
        const int columns = int(names.size());
        auto kept = readRows(db,
            QStringLiteral("SELECT company_id, %1 FROM %2 WHERE company_id = :company")
                .arg(QString::fromLatin1(t.columns), QString::fromLatin1(t.table)),
            companyId, t.keyColumns, columns);
        if (!kept)
            return kept.error();
        auto facts = readRows(db, fromTables(t, true), companyId, t.keyColumns, columns);
        if (!facts)
            return facts.error();
        QStringList keys = kept->keys() + facts->keys();
        keys.removeDuplicates();
        keys.sort();
        const QList<qint64> zeros(columns - t.keyColumns, 0);
        for (const QString& key : std::as_const(keys)) {
            const QList<qint64> a = kept->value(key, zeros);
            const QList<qint64> b = facts->value(key, zeros);
            for (int i = 0; i < a.size(); ++i) {
                if (a[i] == b[i])
                    continue;
                if (out.size() >= limit)
                    return out;
                MetricsDifference d;
                d.field = QStringLiteral("dashboard.%1[%2].%3")
                              .arg(QString::fromLatin1(t.table), key, names[t.keyColumns + i]);
                d.cached = QString::number(a[i]);
                d.fromFacts = QString::number(b[i]);
                out.append(d);
            }
        }
    }
    return out;
}

Result<QList<DashboardRepository::CustomerCount>> DashboardRepository::customerCounts(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT type, status, level, customers FROM dashboard_customers WHERE company_id = ? AND customers <> 0"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<CustomerCount> out;
    while (q.next()) {
        CustomerCount c;
        c.type = CustomerEnums::parseType(q.value(0).toString()).value_or(CustomerType::WalkIn);
        c.status = CustomerEnums::parseStatus(q.value(1).toString()).value_or(CustomerStatus::Active);
        c.level = CustomerEnums::parseLevel(q.value(2).toString()).value_or(MembershipLevel::Bronze);
        c.customers = q.value(3).toLongLong();
        out.append(c);
    }
    q.finish();
    return out;
}

Result<QList<DashboardRepository::FigureBand>> DashboardRepository::figureBands(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT purchases_band, credit_sign, customers, purchases, spent, credit, points, dated "
                       "FROM dashboard_figures WHERE company_id = ? AND customers <> 0"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<FigureBand> out;
    while (q.next()) {
        FigureBand b;
        b.purchasesBand = q.value(0).toInt();
        b.creditSign = q.value(1).toInt();
        b.customers = q.value(2).toLongLong();
        b.purchases = q.value(3).toLongLong();
        b.spent = q.value(4).toLongLong();
        b.credit = q.value(5).toLongLong();
        b.points = q.value(6).toLongLong();
        b.dated = q.value(7).toLongLong();
        out.append(b);
    }
    q.finish();
    return out;
}

Result<DashboardRepository::SlotTotals> DashboardRepository::slotTotals(
    const QString& companyId, qint64 fromMs, qint64 toMs)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT total(new_customers), total(sales), total(refunds), total(revenue) "
                                       "FROM dashboard_slots WHERE company_id = ? AND slot >= ? AND slot < ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, fromMs / slotMs);
    q.bindValue(2, toMs / slotMs);
    if (!q.exec())
        return Sql::errorOf(q);
    SlotTotals t;
    if (q.next()) {
        t.newCustomers = q.value(0).toLongLong();
        t.sales = q.value(1).toLongLong();
        t.refunds = q.value(2).toLongLong();
        t.revenue = q.value(3).toLongLong();
    }
    q.finish();
    return t;
}

Result<qint64> DashboardRepository::boughtSince(const QString& companyId, qint64 fromMs)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM customer_metrics WHERE company_id = ? AND last_purchase_at >= ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, fromMs);
    return Sql::integer(q);
}

Result<qint64> DashboardRepository::maxSpent(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT coalesce(max(total_spent), 0) FROM customer_metrics WHERE company_id = ? AND total_spent > 0"));
    q.bindValue(0, companyId);
    return Sql::integer(q);
}

Result<QList<RankedCustomer>> DashboardRepository::top(const QString& companyId, RankBy by, int limit)
{
    const QString column = by == RankBy::Revenue ? QStringLiteral("total_spent")
        : by == RankBy::Sales                    ? QStringLiteral("purchases")
                                                 : QStringLiteral("credit");
    // Down the figure's index from the top; CROSS JOIN keeps customer_metrics outside.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM customer_metrics m CROSS JOIN customer c ON c.id = m.customer_id "
                       "WHERE m.company_id = ? AND m.%2 > 0 ORDER BY m.%2 DESC, m.customer_id DESC LIMIT ?")
            .arg(kRankedColumns, column));
    q.bindValue(0, companyId);
    q.bindValue(1, limit);
    return rankedList(q);
}

Result<QList<RankedCustomer>> DashboardRepository::recent(const QString& companyId, int limit)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT %1 FROM customer c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
                                       "WHERE c.company_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?")
                            .arg(kRankedColumns));
    q.bindValue(0, companyId);
    q.bindValue(1, limit);
    return rankedList(q);
}

Result<QList<RankedCustomer>> DashboardRepository::repeat(
    const QString& companyId, qint64 minPurchases, int limit, std::optional<std::pair<qint64, QString>> after)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM customer_metrics m CROSS JOIN customer c ON c.id = m.customer_id "
                       "WHERE m.company_id = ? AND m.purchases >= ? AND (m.purchases, m.customer_id) < (?, ?) "
                       "ORDER BY m.purchases DESC, m.customer_id DESC LIMIT ?")
            .arg(kRankedColumns));
    q.bindValue(0, companyId);
    q.bindValue(1, minPurchases);
    // No cursor: more purchases than anyone has.
    q.bindValue(2, after ? after->first : std::numeric_limits<qint64>::max());
    q.bindValue(3, Sql::text(after ? after->second : QString()));
    q.bindValue(4, limit);
    return rankedList(q);
}

} // namespace kasir
