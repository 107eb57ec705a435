#include "core/storage/SyncStateRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QJsonDocument>

namespace kasir {

SyncStateRepository::SyncStateRepository(Database& db) : m_db(db) { }

QString SyncStateRepository::value(const QString& key)
{
    return m_db.localState(key);
}

Status SyncStateRepository::setValue(UnitOfWork& uow, const QString& key, const QString& value)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.bindValue(0, key);
    q.bindValue(1, Sql::text(value));
    return Sql::exec(q);
}

Status SyncStateRepository::recordRejected(
    UnitOfWork& uow, const SyncOp& op, const QString& code, const QString& message)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO sync_rejected (op_id, company_id, entity, entity_id, action, fields, hlc, actor_id, "
        "created_at, code, message, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (op_id) DO NOTHING"));
    q.bindValue(0, op.id);
    q.bindValue(1, op.companyId);
    q.bindValue(2, op.entity);
    q.bindValue(3, op.entityId);
    q.bindValue(4, Sql::text(op.action));
    q.bindValue(5, QString::fromUtf8(QJsonDocument(op.fields).toJson(QJsonDocument::Compact)));
    q.bindValue(6, op.hlc.toString());
    q.bindValue(7, Sql::textOrNull(op.actorId));
    q.bindValue(8, op.createdAt);
    q.bindValue(9, Sql::text(code));
    q.bindValue(10, Sql::text(message));
    q.bindValue(11, uow.now());
    return Sql::exec(q);
}

Result<qint64> SyncStateRepository::rejectedCount()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM sync_rejected"));
    return Sql::integer(q);
}

Status SyncStateRepository::recordUnapplied(UnitOfWork& uow, const SyncOp& op, const Error& why)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO sync_unapplied (op_id, seq, entity, entity_id, op, code, "
                                               "message, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                               "ON CONFLICT (op_id) DO NOTHING"));
    q.bindValue(0, op.id);
    q.bindValue(1, op.seq);
    q.bindValue(2, op.entity);
    q.bindValue(3, op.entityId);
    q.bindValue(4, QString::fromUtf8(QJsonDocument(op.toJson(true)).toJson(QJsonDocument::Compact)));
    q.bindValue(5, Sql::text(why.code));
    q.bindValue(6, Sql::text(why.describe()));
    q.bindValue(7, uow.now());
    return Sql::exec(q);
}

Result<qint64> SyncStateRepository::unappliedCount()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM sync_unapplied"));
    return Sql::integer(q);
}

} // namespace kasir
