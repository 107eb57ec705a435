#include "core/storage/NoteRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT n.id, n.company_id, n.customer_id, n.kind, n.body, n.created_at, n.created_by, u.username, "
    "n.deleted_at, n.deleted_by FROM customer_note n LEFT JOIN app_user u ON u.id = n.created_by ");

CustomerNote readRow(const QSqlQuery& q)
{
    CustomerNote n;
    n.id = q.value(0).toString();
    n.companyId = q.value(1).toString();
    n.customerId = q.value(2).toString();
    // The table's CHECK admits only the four kinds.
    n.kind = NoteKinds::parse(q.value(3).toString()).value_or(NoteKind::Personal);
    n.body = q.value(4).toString();
    n.createdAt = q.value(5).toLongLong();
    n.createdBy = q.value(6).toString();
    n.authorName = q.value(7).toString();
    if (!q.value(8).isNull())
        n.deletedAt = q.value(8).toLongLong();
    n.deletedBy = q.value(9).toString();
    return n;
}

} // namespace

NoteRepository::NoteRepository(Database& db) : m_db(db) { }

Status NoteRepository::insert(UnitOfWork& uow, const CustomerNote& n)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO customer_note (id, company_id, customer_id, kind, body, "
                                               "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, n.id);
    q.bindValue(1, n.companyId);
    q.bindValue(2, n.customerId);
    q.bindValue(3, NoteKinds::toString(n.kind));
    q.bindValue(4, n.body);
    q.bindValue(5, n.createdAt);
    q.bindValue(6, Sql::textOrNull(n.createdBy));
    return Sql::exec(q);
}

Status NoteRepository::markDeleted(UnitOfWork& uow, const CustomerNote& n)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE customer_note SET deleted_at = ?, deleted_by = ? "
                                               "WHERE company_id = ? AND id = ? AND deleted_at IS NULL RETURNING id"));
    q.bindValue(0, n.deletedAt.value_or(uow.now()));
    q.bindValue(1, Sql::textOrNull(n.deletedBy));
    q.bindValue(2, n.companyId);
    q.bindValue(3, n.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    q.finish();
    if (!written)
        return Error::notFound(tr("no note %1").arg(n.id));
    return Done {};
}

Result<std::optional<CustomerNote>> NoteRepository::byId(const QString& companyId, const QString& id)
{
    static const QString sql = kSelect + QStringLiteral("WHERE n.company_id = ? AND n.id = ?");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, id);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<CustomerNote> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<QList<CustomerNote>> NoteRepository::list(
    const QString& companyId, const QString& customerId, int limit, const std::optional<CustomerNote>& before)
{
    // ix_note_customer (customer_id, created_at) walked backwards; the id only breaks ties
    // between notes written in the same millisecond.
    static const QString first = kSelect
        + QStringLiteral("WHERE n.customer_id = ? AND n.company_id = ? AND n.deleted_at IS NULL "
                         "ORDER BY n.created_at DESC, n.id DESC LIMIT ?");
    static const QString next = kSelect
        + QStringLiteral("WHERE n.customer_id = ? AND n.company_id = ? AND n.deleted_at IS NULL "
                         "AND n.created_at <= ? AND (n.created_at, n.id) < (?, ?) "
                         "ORDER BY n.created_at DESC, n.id DESC LIMIT ?");
    QSqlQuery& q = m_db.prepared(before ? next : first);
    int i = 0;
    q.bindValue(i++, customerId);
    q.bindValue(i++, companyId);
    if (before) {
        q.bindValue(i++, before->createdAt);
        q.bindValue(i++, before->createdAt);
        q.bindValue(i++, before->id);
    }
    q.bindValue(i, limit);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<CustomerNote> out;
    while (q.next())
        out.append(readRow(q));
    q.finish();
    return out;
}

} // namespace kasir
