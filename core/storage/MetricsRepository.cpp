#include "core/storage/MetricsRepository.h"

#include "core/storage/Database.h"
#include "core/storage/RfmRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kasir {

namespace {

// A sale that stands: not a refund, and not refunded. First and last purchase are theirs.
const QString kStanding
    = QStringLiteral("(s.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM sale r WHERE r.reverses = s.id)) AS standing");

// The purchase figures over rows of (kind, items, total, created_at, standing): a refund
// repeats its sale's figures negated and takes its purchase back.
const QString kFigures = QStringLiteral(
    "coalesce(sum(CASE kind WHEN 'sale' THEN 1 ELSE -1 END), 0), coalesce(sum(total), 0), coalesce(sum(items), 0), "
    "min(CASE WHEN standing THEN created_at END), max(CASE WHEN standing THEN created_at END)");

// One customer's sales and refunds: their own, and walk-in sales linked to them. Binds the
// customer id twice.
QString customerSales(const QString& columns)
{
    return QStringLiteral("SELECT %1 FROM sale s WHERE s.customer_id = ? UNION ALL "
                          "SELECT %1 FROM sale_link k JOIN sale s ON s.id = k.sale_id "
                          "WHERE k.customer_id = ? AND s.customer_id IS NULL")
        .arg(columns);
}

const QString kSaleColumns = QStringLiteral("s.id, s.kind, s.items, s.total, s.created_at, ") + kStanding;

const char* const kFigureNames[]
    = {"purchases", "totalSpent", "totalItems", "firstPurchaseAt", "lastPurchaseAt", "points", "credit"};
const char* const kFigureColumns[]
    = {"purchases", "total_spent", "total_items", "first_purchase_at", "last_purchase_at", "points", "credit"};
constexpr int kFigureCount = 7;
// Columns whose absence means none rather than 0.
bool isOptional(int figure)
{
    return figure == 3 || figure == 4;
}

} // namespace

MetricsRepository::MetricsRepository(Database& db) : m_db(db) { }

Result<CustomerMetrics> MetricsRepository::cached(const QString& customerId)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT purchases, total_spent, total_items, first_purchase_at, "
                                       "last_purchase_at, points, credit FROM customer_metrics WHERE customer_id = ?"));
    q.bindValue(0, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    CustomerMetrics m;
    m.customerId = customerId;
    if (q.next()) {
        m.purchases = q.value(0).toLongLong();
        m.totalSpent = q.value(1).toLongLong();
        m.totalItems = q.value(2).toLongLong();
        if (!q.value(3).isNull())
            m.firstPurchaseAt = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            m.lastPurchaseAt = q.value(4).toLongLong();
        m.points = q.value(5).toLongLong();
        m.credit = q.value(6).toLongLong();
    }
    q.finish();
    return m;
}

Result<qint64> MetricsRepository::refreshPurchases(UnitOfWork& uow, const QString& companyId, const QString& customerId)
{
    QSqlQuery& q = uow.prepared(
        QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, total_items, "
                       "first_purchase_at, last_purchase_at) SELECT ?, ?, %1 FROM (%2) WHERE true "
                       "ON CONFLICT (customer_id) DO UPDATE SET purchases = excluded.purchases, "
                       "total_spent = excluded.total_spent, total_items = excluded.total_items, "
                       "first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at "
                       "RETURNING total_spent, purchases, last_purchase_at")
            .arg(kFigures, customerSales(kSaleColumns)));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    q.bindValue(2, customerId);
    q.bindValue(3, customerId);
    return placeAfter(uow, q, companyId, customerId);
}

Result<qint64> MetricsRepository::countPurchase(UnitOfWork& uow, const Sale& s)
{
    if (s.customerId.isEmpty())
        return qint64(0);
    // A refund may take away the first or last purchase: all figures again from the facts.
    if (s.refund)
        return refreshPurchases(uow, s.companyId, s.customerId);
    // A sale moves the first and last purchase out to it (a clock set back, a sale pulled
    // from another terminal can be older than the ones counted).
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, total_items, "
        "first_purchase_at, last_purchase_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
        "purchases = purchases + excluded.purchases, total_spent = total_spent + excluded.total_spent, "
        "total_items = total_items + excluded.total_items, "
        "first_purchase_at = min(coalesce(first_purchase_at, excluded.first_purchase_at), excluded.first_purchase_at), "
        "last_purchase_at = max(coalesce(last_purchase_at, 0), coalesce(excluded.last_purchase_at, 0)) "
        "RETURNING total_spent, purchases, last_purchase_at"));
    q.bindValue(0, s.customerId);
    q.bindValue(1, s.companyId);
    q.bindValue(2, 1);
    q.bindValue(3, s.total);
    q.bindValue(4, s.items);
    q.bindValue(5, s.createdAt);
    q.bindValue(6, s.createdAt);
    return placeAfter(uow, q, s.companyId, s.customerId);
}

Result<qint64> MetricsRepository::placeAfter(
    UnitOfWork& uow, QSqlQuery& q, const QString& companyId, const QString& customerId)
{
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const qint64 spent = q.value(0).toLongLong();
    const qint64 purchases = q.value(1).toLongLong();
    const QVariant last = q.value(2);
    q.finish();
    // The RFM scores follow the purchase figures in the same unit of work.
    if (Status s = RfmRepository(m_db).place(uow, companyId, customerId,
            last.isNull() ? std::nullopt : std::optional<qint64>(last.toLongLong()), purchases, spent);
        !s)
        return s.error();
    return spent;
}

Result<QList<MonthlySpending>> MetricsRepository::monthly(const QString& customerId, qint64 sinceMs)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT strftime('%Y-%m', created_at / 1000, 'unixepoch') AS month, "
                                                "sum(CASE kind WHEN 'sale' THEN 1 ELSE -1 END), sum(total) FROM (%1) "
                                                "WHERE created_at >= ? GROUP BY month ORDER BY month")
                                     .arg(customerSales(QStringLiteral("s.kind, s.total, s.created_at"))));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    q.bindValue(2, sinceMs);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<MonthlySpending> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    return out;
}

Result<QList<ProductTotal>> MetricsRepository::topProducts(const QString& customerId, int limit)
{
    // The name is the one on the latest line of the product (SQLite takes bare columns from
    // the row of max()).
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT l.sku, l.name, sum(l.quantity) AS bought, sum(l.amount) AS spent, "
                       "max(s.created_at) FROM (%1) s JOIN sale_line l ON l.sale_id = s.id GROUP BY l.sku "
                       "HAVING bought > 0 ORDER BY bought DESC, spent DESC, l.sku LIMIT ?")
            .arg(customerSales(QStringLiteral("s.id, s.created_at"))));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    q.bindValue(2, limit);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<ProductTotal> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    q.finish();
    return out;
}

Result<MetricsRepository::Counts> MetricsRepository::fill(const QString& table, const QString& companyId)
{
    QSqlDatabase db = m_db.connection();
    // The purchase figures, each sale counted for its customer or the one it is linked to.
    QSqlQuery sales(db);
    sales.prepare(QStringLiteral("INSERT INTO %1 (customer_id, company_id, purchases, total_spent, total_items, "
                                 "first_purchase_at, last_purchase_at) SELECT buyer, ?, %2 FROM ("
                                 "SELECT coalesce(s.customer_id, k.customer_id) AS buyer, %3 "
                                 "FROM sale s LEFT JOIN sale_link k ON k.sale_id = s.id WHERE s.company_id = ?) "
                                 "WHERE buyer IS NOT NULL GROUP BY buyer")
                      .arg(table, kFigures, kSaleColumns));
    sales.addBindValue(companyId);
    sales.addBindValue(companyId);
    if (Status s = Sql::exec(sales); !s)
        return s.error();
    // The balances: the sums of the ledgers.
    for (const auto& [column, source] : {std::pair {QStringLiteral("points"), QStringLiteral("points_entry")},
             std::pair {QStringLiteral("credit"), QStringLiteral("credit_entry")}}) {
        const QString amount = column == u"points" ? QStringLiteral("points") : QStringLiteral("amount");
        QSqlQuery balances(db);
        balances.prepare(QStringLiteral("INSERT INTO %1 (customer_id, company_id, %2) SELECT customer_id, ?, sum(%3) "
                                        "FROM %4 WHERE company_id = ? GROUP BY customer_id "
                                        "ON CONFLICT (customer_id) DO UPDATE SET %2 = excluded.%2")
                             .arg(table, column, amount, source));
        balances.addBindValue(companyId);
        balances.addBindValue(companyId);
        if (Status s = Sql::exec(balances); !s)
            return s.error();
    }
    Counts counts;
    QSqlQuery count(db);
    // Customers with figures; sales and refunds counted for a customer, theirs or linked.
    count.prepare(QStringLiteral("SELECT (SELECT count(*) FROM %1 WHERE company_id = ?), "
                                 "(SELECT count(*) FROM sale WHERE company_id = ? AND customer_id IS NOT NULL) + "
                                 "(SELECT count(*) FROM sale_link k JOIN sale s ON s.id = k.sale_id "
                                 "WHERE k.company_id = ? AND s.customer_id IS NULL)")
                      .arg(table));
    count.addBindValue(companyId);
    count.addBindValue(companyId);
    count.addBindValue(companyId);
    if (!count.exec() || !count.next())
        return Sql::errorOf(count);
    counts.customers = count.value(0).toLongLong();
    counts.sales = count.value(1).toLongLong();
    return counts;
}

Result<MetricsRepository::Counts> MetricsRepository::rebuild(UnitOfWork& uow, const QString& companyId)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    QSqlQuery clear(m_db.connection());
    clear.prepare(QStringLiteral("DELETE FROM customer_metrics WHERE company_id = ?"));
    clear.addBindValue(companyId);
    if (Status s = Sql::exec(clear); !s)
        return s.error();
    return fill(QStringLiteral("customer_metrics"), companyId);
}

Result<QList<MetricsDifference>> MetricsRepository::differences(const QString& companyId, int limit)
{
    // One read snapshot for the facts and the cache; the scratch table lives in the
    // connection's temp schema and goes with the transaction, so this is never called
    // inside a unit of work (whose transaction would keep it).
    if (m_db.inUnitOfWork())
        return Error::other(QStringLiteral("nested_unit_of_work"), tr("figures are compared outside a write"));
    const ReadSnapshot snapshot(m_db);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    QSqlDatabase db = m_db.connection();
    if (Status s = Sql::execDirect(db,
            QStringLiteral(
                "CREATE TEMP TABLE metrics_from_facts (customer_id TEXT PRIMARY KEY, company_id TEXT NOT NULL, "
                "purchases INTEGER NOT NULL DEFAULT 0, total_spent INTEGER NOT NULL DEFAULT 0, "
                "total_items INTEGER NOT NULL DEFAULT 0, first_purchase_at INTEGER, last_purchase_at INTEGER, "
                "points INTEGER NOT NULL DEFAULT 0, credit INTEGER NOT NULL DEFAULT 0)"));
        !s)
        return s.error();
    if (auto counts = fill(QStringLiteral("temp.metrics_from_facts"), companyId); !counts)
        return counts.error();
    QStringList cached;
    QStringList facts;
    QStringList differs;
    for (int i = 0; i < kFigureCount; ++i) {
        const QString c = QString::fromLatin1(kFigureColumns[i]);
        cached << QStringLiteral("m.") + c;
        facts << QStringLiteral("f.") + c;
        differs << (isOptional(i) ? QStringLiteral("m.%1 IS NOT f.%1").arg(c)
                                  : QStringLiteral("coalesce(m.%1, 0) <> coalesce(f.%1, 0)").arg(c));
    }
    // Customers with facts against their cached row, then cached rows without any fact:
    // each side looked up by its primary key (a FULL JOIN would compare every pair).
    QStringList nothing;
    for (int i = 0; i < kFigureCount; ++i)
        nothing << QStringLiteral("NULL");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT f.customer_id AS id, %1, %2 FROM temp.metrics_from_facts f "
                             "LEFT JOIN main.customer_metrics m ON m.customer_id = f.customer_id WHERE %3 "
                             "UNION ALL SELECT m.customer_id, %1, %4 FROM main.customer_metrics m "
                             "LEFT JOIN temp.metrics_from_facts f ON f.customer_id = m.customer_id "
                             "WHERE m.company_id = ? AND f.customer_id IS NULL AND (%3) ORDER BY id")
                  .arg(cached.join(QStringLiteral(", ")), facts.join(QStringLiteral(", ")),
                      differs.join(QStringLiteral(" OR ")), nothing.join(QStringLiteral(", "))));
    q.addBindValue(companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<MetricsDifference> out;
    auto text = [](const QVariant& v, bool optional) {
        if (v.isNull())
            return optional ? QString() : QStringLiteral("0");
        return QString::number(v.toLongLong());
    };
    while (q.next() && out.size() < limit) {
        for (int i = 0; i < kFigureCount && out.size() < limit; ++i) {
            const QString before = text(q.value(1 + i), isOptional(i));
            const QString after = text(q.value(1 + kFigureCount + i), isOptional(i));
            if (before != after)
                out.append({q.value(0).toString(), QString::fromLatin1(kFigureNames[i]), before, after});
        }
    }
    q.finish();
    return out;
}

} // namespace kasir
