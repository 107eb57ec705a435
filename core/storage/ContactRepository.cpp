#include "core/storage/ContactRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

namespace {

const QString kColumns = QStringLiteral(
    "id, company_id, customer_id, kind, value, label, is_primary, created_at, updated_at, created_by, updated_by");

CustomerContact readRow(const QSqlQuery& q)
{
    CustomerContact c;
    c.id = q.value(0).toString();
    c.companyId = q.value(1).toString();
    c.customerId = q.value(2).toString();
    c.kind = ContactKinds::parse(q.value(3).toString()).value_or(ContactKind::Phone);
    c.value = q.value(4).toString();
    c.label = q.value(5).toString();
    c.primary = q.value(6).toBool();
    c.createdAt = q.value(7).toLongLong();
    c.updatedAt = q.value(8).toLongLong();
    c.createdBy = q.value(9).toString();
    c.updatedBy = q.value(10).toString();
    return c;
}

} // namespace

ContactRepository::ContactRepository(Database& db) : m_db(db) { }

Status ContactRepository::insert(UnitOfWork& uow, const CustomerContact& c)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO customer_contact (") + kColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, c.id);
    q.bindValue(1, c.companyId);
    q.bindValue(2, c.customerId);
    q.bindValue(3, ContactKinds::toString(c.kind));
    q.bindValue(4, c.value);
    q.bindValue(5, Sql::text(c.label));
    q.bindValue(6, c.primary ? 1 : 0);
    q.bindValue(7, c.createdAt);
    q.bindValue(8, c.updatedAt);
    q.bindValue(9, Sql::textOrNull(c.createdBy));
    q.bindValue(10, Sql::textOrNull(c.updatedBy));
    if (!q.exec())
        return Sql::errorOf(q);
    q.finish();
    return Done {};
}

Status ContactRepository::update(UnitOfWork& uow, const CustomerContact& c)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE customer_contact SET label = ?, is_primary = ?, updated_at = ?, "
                                               "updated_by = ? WHERE company_id = ? AND id = ? RETURNING id"));
    q.bindValue(0, Sql::text(c.label));
    q.bindValue(1, c.primary ? 1 : 0);
    q.bindValue(2, c.updatedAt);
    q.bindValue(3, Sql::textOrNull(c.updatedBy));
    q.bindValue(4, c.companyId);
    q.bindValue(5, c.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    q.finish();
    if (!written)
        return Error::notFound(tr("contact %1 does not exist").arg(c.id));
    return Done {};
}

Status ContactRepository::remove(UnitOfWork& uow, const QString& companyId, const QString& id)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q
        = uow.prepared(QStringLiteral("DELETE FROM customer_contact WHERE company_id = ? AND id = ? RETURNING id"));
    q.bindValue(0, companyId);
    q.bindValue(1, id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool removed = q.next();
    q.finish();
    if (!removed)
        return Error::notFound(tr("contact %1 does not exist").arg(id));
    return Done {};
}

Result<std::optional<CustomerContact>> ContactRepository::byId(const QString& companyId, const QString& id)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer_contact WHERE company_id = ? AND id = ?");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, id);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<CustomerContact> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<QList<CustomerContact>> ContactRepository::forCustomer(const QString& companyId, const QString& customerId)
{
    // A customer has a handful of contacts: the UNIQUE (customer_id, kind, value) index finds
    // them and the sort is over those few rows.
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer_contact WHERE customer_id = ? AND company_id = ? "
                         "ORDER BY is_primary DESC, CASE kind WHEN 'whatsapp' THEN 0 WHEN 'phone' THEN 1 ELSE 2 END, "
                         "created_at, id");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<CustomerContact> out;
    while (q.next())
        out.append(readRow(q));
    q.finish();
    return out;
}

Result<std::optional<CustomerContact>> ContactRepository::primaryOf(const QString& customerId, ContactKind kind)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer_contact WHERE customer_id = ? AND kind = ? AND is_primary = 1");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, customerId);
    q.bindValue(1, ContactKinds::toString(kind));
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<CustomerContact> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<bool> ContactRepository::hasKind(const QString& customerId, ContactKind kind)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM customer_contact WHERE customer_id = ? AND kind = ?)"));
    q.bindValue(0, customerId);
    q.bindValue(1, ContactKinds::toString(kind));
    auto n = Sql::integer(q);
    if (!n)
        return n.error();
    return *n != 0;
}

} // namespace kasir
