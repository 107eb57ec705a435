#include "core/storage/OutboxRepository.h"

#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace kasir {

OutboxRepository::OutboxRepository(Database& db) : m_db(db) { }

Result<qint64> OutboxRepository::pending(const QString& companyId)
{
    // A full read of the outbox: it is short on a terminal that syncs, and the caller counts
    // away from the window's thread when it can be long (a demo file, months offline).
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE company_id = ?"));
    q.bindValue(0, companyId);
    return Sql::integer(q);
}

Result<QList<SyncOp>> OutboxRepository::oldest(const QString& companyId, int limit)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT op_id, entity, entity_id, op, fields, hlc, actor_id, created_at, action "
                                       "FROM sync_outbox WHERE company_id = ? ORDER BY seq LIMIT ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, limit);
    if (Status s = Sql::exec(q); !s)
        return s.error();
    QList<SyncOp> ops;
    while (q.next()) {
        SyncOp op;
        op.id = q.value(0).toString();
        op.companyId = companyId;
        op.entity = q.value(1).toString();
        op.entityId = q.value(2).toString();
        op.kind = q.value(3).toString() == u"delete" ? SyncOp::Kind::Delete : SyncOp::Kind::Upsert;
        op.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        op.hlc = Hlc::fromString(q.value(5).toString());
        op.actorId = q.value(6).toString();
        op.createdAt = q.value(7).toLongLong();
        op.action = q.value(8).toString();
        ops.append(std::move(op));
    }
    q.finish();
    return ops;
}

Status OutboxRepository::acknowledge(const QStringList& opIds)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM sync_outbox WHERE op_id = ?"));
    for (const QString& id : opIds) {
        q.bindValue(0, id);
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

} // namespace kasir
