#include "core/storage/TagRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

namespace {

const QString kColumns = QStringLiteral("t.id, t.company_id, t.name, t.color, t.created_at, t.created_by");

Tag readRow(const QSqlQuery& q)
{
    Tag t;
    t.id = q.value(0).toString();
    t.companyId = q.value(1).toString();
    t.name = q.value(2).toString();
    t.color = q.value(3).toString();
    t.createdAt = q.value(4).toLongLong();
    t.createdBy = q.value(5).toString();
    return t;
}

Result<QList<Tag>> readTags(QSqlQuery& q)
{
    if (!q.exec())
        return Sql::errorOf(q);
    QList<Tag> out;
    while (q.next())
        out.append(readRow(q));
    q.finish();
    return out;
}

} // namespace

TagRepository::TagRepository(Database& db) : m_db(db) { }

Status TagRepository::insert(UnitOfWork& uow, const Tag& t, const QString& nameKey)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO tag (id, company_id, name, name_key, color, created_at, "
                                               "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, t.id);
    q.bindValue(1, t.companyId);
    q.bindValue(2, t.name);
    q.bindValue(3, nameKey);
    q.bindValue(4, t.color);
    q.bindValue(5, t.createdAt);
    q.bindValue(6, Sql::textOrNull(t.createdBy));
    return Sql::exec(q);
}

Status TagRepository::update(UnitOfWork& uow, const Tag& t, const QString& nameKey)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "UPDATE tag SET name = ?, name_key = ?, color = ? WHERE company_id = ? AND id = ? RETURNING id"));
    q.bindValue(0, t.name);
    q.bindValue(1, nameKey);
    q.bindValue(2, t.color);
    q.bindValue(3, t.companyId);
    q.bindValue(4, t.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    q.finish();
    if (!written)
        return Error::notFound(tr("tag %1 does not exist").arg(t.id));
    return Done {};
}

Result<std::optional<Tag>> TagRepository::byNameKey(const QString& companyId, const QString& nameKey)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM tag t WHERE t.company_id = ? AND t.name_key = ?");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, nameKey);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Tag> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<QList<Tag>> TagRepository::list(const QString& companyId)
{
    // The unique (company_id, name_key) index gives the order.
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM tag t WHERE t.company_id = ? ORDER BY t.name_key");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    return readTags(q);
}

Result<bool> TagRepository::attach(
    UnitOfWork& uow, const QString& companyId, const QString& customerId, const QString& tagId, const QString& by)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO customer_tag (customer_id, tag_id, company_id, created_at, "
                                               "created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                                               "RETURNING customer_id"));
    q.bindValue(0, customerId);
    q.bindValue(1, tagId);
    q.bindValue(2, companyId);
    q.bindValue(3, uow.now());
    q.bindValue(4, Sql::textOrNull(by));
    if (!q.exec())
        return Sql::errorOf(q);
    const bool added = q.next();
    q.finish();
    return added;
}

Result<std::optional<TagRepository::Attachment>> TagRepository::attachment(
    const QString& customerId, const QString& tagId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT created_at, created_by FROM customer_tag WHERE customer_id = ? AND tag_id = ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, tagId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Attachment> out;
    if (q.next())
        out = Attachment {q.value(0).toLongLong(), q.value(1).toString()};
    q.finish();
    return out;
}

Status TagRepository::detach(UnitOfWork& uow, const QString& customerId, const QString& tagId)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(
        QStringLiteral("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = ? RETURNING customer_id"));
    q.bindValue(0, customerId);
    q.bindValue(1, tagId);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool removed = q.next();
    q.finish();
    if (!removed)
        return Error::notFound(tr("the customer does not have this tag"));
    return Done {};
}

Result<QList<Tag>> TagRepository::tagsOf(const QString& companyId, const QString& customerId)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                         "WHERE ct.customer_id = ? AND t.company_id = ? ORDER BY t.name_key");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    return readTags(q);
}

Result<QList<TagCount>> TagRepository::popular(const QString& companyId, int limit)
{
    // Each tag's customers are one range of ix_customer_tag_tag; tags are few.
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(", (SELECT count(*) FROM customer_tag ct WHERE ct.tag_id = t.id) AS customers "
                         "FROM tag t WHERE t.company_id = ? AND customers > 0 "
                         "ORDER BY customers DESC, t.name_key LIMIT ?");
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, limit);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<TagCount> out;
    while (q.next())
        out.append(TagCount {readRow(q), q.value(6).toLongLong()});
    q.finish();
    return out;
}

} // namespace kasir
