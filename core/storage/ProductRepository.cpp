#include "core/storage/ProductRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

namespace {

const QString kColumns = QStringLiteral("id, company_id, sku, name, price, active, created_at, updated_at");

Product readRow(const QSqlQuery& q)
{
    Product p;
    p.id = q.value(0).toString();
    p.companyId = q.value(1).toString();
    p.sku = q.value(2).toString();
    p.name = q.value(3).toString();
    p.price = q.value(4).toLongLong();
    p.active = q.value(5).toBool();
    p.createdAt = q.value(6).toLongLong();
    p.updatedAt = q.value(7).toLongLong();
    return p;
}

} // namespace

ProductRepository::ProductRepository(Database& db) : m_db(db) { }

Status ProductRepository::insert(UnitOfWork& uow, const Product& p)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO product (id, company_id, sku, name, price, active, "
                                               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, p.id);
    q.bindValue(1, p.companyId);
    q.bindValue(2, p.sku);
    q.bindValue(3, p.name);
    q.bindValue(4, p.price);
    q.bindValue(5, p.active ? 1 : 0);
    q.bindValue(6, p.createdAt);
    q.bindValue(7, p.updatedAt);
    if (!q.exec())
        return Sql::errorOf(q);
    q.finish();
    return Done {};
}

Status ProductRepository::update(UnitOfWork& uow, const Product& p)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE product SET sku = ?, name = ?, price = ?, active = ?, "
                                               "updated_at = ? WHERE company_id = ? AND id = ? RETURNING id"));
    q.bindValue(0, p.sku);
    q.bindValue(1, p.name);
    q.bindValue(2, p.price);
    q.bindValue(3, p.active ? 1 : 0);
    q.bindValue(4, p.updatedAt);
    q.bindValue(5, p.companyId);
    q.bindValue(6, p.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    q.finish();
    if (!written)
        return Error::notFound(tr("product %1 does not exist").arg(p.id));
    return Done {};
}

Result<std::optional<Product>> ProductRepository::one(
    const QString& sql, const QString& companyId, const QString& value)
{
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, value);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Product> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<std::optional<Product>> ProductRepository::byId(const QString& companyId, const QString& id)
{
    static const QString sql
        = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM product WHERE company_id = ? AND id = ?");
    return one(sql, companyId, id);
}

Result<std::optional<Product>> ProductRepository::bySku(const QString& companyId, const QString& sku)
{
    static const QString sql
        = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM product WHERE company_id = ? AND sku = ?");
    return one(sql, companyId, sku);
}

Result<QList<Product>> ProductRepository::list(const QString& companyId, bool includeInactive, int limit, int offset)
{
    // The unique (company_id, sku) index gives the order; no sort step.
    static const QString all = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM product WHERE company_id = ? ORDER BY sku LIMIT ? OFFSET ?");
    static const QString active = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM product WHERE company_id = ? AND active = 1 ORDER BY sku LIMIT ? OFFSET ?");
    QSqlQuery& q = m_db.prepared(includeInactive ? all : active);
    q.bindValue(0, companyId);
    q.bindValue(1, limit < 0 ? -1 : limit); // SQLite: a negative LIMIT is no limit
    q.bindValue(2, offset < 0 ? 0 : offset);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<Product> out;
    while (q.next())
        out.append(readRow(q));
    q.finish();
    return out;
}

} // namespace kasir
