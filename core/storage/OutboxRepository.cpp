#include "core/storage/OutboxRepository.h"

#include "core/domain/FieldSnapshot.h"
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

Result<OutboxRepository::Batch> OutboxRepository::oldestAsJson(const QString& companyId, int limit)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT op_id, entity, entity_id, op, fields, hlc, actor_id, created_at, action "
                                       "FROM sync_outbox WHERE company_id = ? ORDER BY seq LIMIT ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, limit);
    if (Status s = Sql::exec(q); !s)
        return s.error();
    Batch batch;
    QString out;
    out.reserve(limit * 900);
    out += u'[';
    auto member = [&out](const char* name, QStringView value, bool first = false) {
        if (!first)
            out += u',';
        out += u'"';
        out += QLatin1String(name);
        out += QLatin1String("\":");
        FieldSnapshot::appendString(out, value);
    };
    while (q.next()) {
        if (!batch.ids.isEmpty())
            out += u',';
        const QString id = q.value(0).toString();
        out += u'{';
        member("id", id, true);
        member("company", companyId);
        member("entity", q.value(1).toString());
        member("key", q.value(2).toString());
        member("op", q.value(3).toString());
        member("action", q.value(8).toString());
        member("hlc", q.value(5).toString());
        if (const QString actor = q.value(6).toString(); !actor.isEmpty())
            member("actor", actor);
        out += QLatin1String(",\"at\":");
        out += QString::number(q.value(7).toLongLong());
        // Stored as the JSON the unit of work wrote (json_valid is checked by the table).
        out += QLatin1String(",\"fields\":");
        out += q.value(4).toString();
        out += u'}';
        batch.ids << id;
    }
    q.finish();
    out += u']';
    batch.json = out.toUtf8();
    return batch;
}

Result<std::optional<SyncOp>> OutboxRepository::byId(const QString& opId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT company_id, entity, entity_id, op, fields, hlc, actor_id, created_at, action "
                       "FROM sync_outbox WHERE op_id = ?"));
    q.bindValue(0, opId);
    if (Status s = Sql::exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<SyncOp>();
    SyncOp op;
    op.id = opId;
    op.companyId = q.value(0).toString();
    op.entity = q.value(1).toString();
    op.entityId = q.value(2).toString();
    op.kind = q.value(3).toString() == u"delete" ? SyncOp::Kind::Delete : SyncOp::Kind::Upsert;
    op.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    op.hlc = Hlc::fromString(q.value(5).toString());
    op.actorId = q.value(6).toString();
    op.createdAt = q.value(7).toLongLong();
    op.action = q.value(8).toString();
    q.finish();
    return std::optional<SyncOp>(op);
}

Status OutboxRepository::acknowledge(const QStringList& opIds)
{
    constexpr int perStatement = 64;
    for (qsizetype start = 0; start < opIds.size(); start += perStatement) {
        const int rows = static_cast<int>(std::min<qsizetype>(perStatement, opIds.size() - start));
        QString marks;
        for (int r = 0; r < rows; ++r)
            marks += r == 0 ? QStringLiteral("?") : QStringLiteral(",?");
        QSqlQuery& q = m_db.prepared(QStringLiteral("DELETE FROM sync_outbox WHERE op_id IN (%1)").arg(marks));
        for (int r = 0; r < rows; ++r)
            q.bindValue(r, opIds[start + r]);
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

} // namespace kasir
