#include "core/storage/UnitOfWork.h"

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/storage/Database.h"

namespace kasir {

UnitOfWork::UnitOfWork(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

UnitOfWork::~UnitOfWork()
{
    if (m_open)
        rollback();
}

Status UnitOfWork::begin()
{
    if (!m_open && m_db.inUnitOfWork() && !m_db.writeHeldFor().isEmpty())
        return Error::other(QStringLiteral("write_held"), m_db.writeHeldFor());
    if (m_open || m_db.inUnitOfWork())
        return Error::other(QStringLiteral("nested_unit_of_work"), tr("a write is already in progress on this thread"));
    QSqlQuery& q = m_db.prepared(QStringLiteral("BEGIN IMMEDIATE"));
    if (!q.exec())
        return Error::other(
            QStringLiteral("database_busy"), tr("the database is busy or read-only: %1").arg(Sql::errorOf(q).message));
    m_open = true;
    m_db.setInUnitOfWork(true);
    m_now = m_db.clock().nowMs();
    return Done {};
}

QSqlQuery& UnitOfWork::prepared(const QString& sql)
{
    return m_db.prepared(sql);
}

UnitOfWork::PreparedChange UnitOfWork::prepare(const Change& change)
{
    PreparedChange p {
        change.entity, change.entityId, change.companyId, change.action, change.op, {}, {}, change.customerId};
    if (p.customerId.isEmpty() && change.entity == u"customer")
        p.customerId = change.entityId;
    if (p.customerId.isEmpty()) {
        for (const FieldSnapshot* s : {&change.after, &change.before}) {
            if (const QJsonValue v = s->value(u"customerId"); v.isString() && !v.toString().isEmpty()) {
                p.customerId = v.toString();
                break;
            }
        }
    }
    const QStringList fields = FieldSnapshot::changed(change.before, change.after);
    if (fields.isEmpty() && change.op == Op::Upsert)
        return p;
    // The audit row's own columns say which row (entity_id), when (at) and who (actor);
    // its changes leave out the fields that only repeat them. The sync op keeps them all.
    static const QStringList bookkeeping {QStringLiteral("createdAt"), QStringLiteral("createdBy"),
        QStringLiteral("id"), QStringLiteral("updatedAt"), QStringLiteral("updatedBy")};
    QStringList audited = fields;
    audited.removeIf([](const QString& f) { return bookkeeping.contains(f); });
    p.auditJson = FieldSnapshot::auditJson(change.before, change.after, audited);
    p.valuesJson = change.op == Op::Upsert ? FieldSnapshot::valuesJson(change.after, fields) : QStringLiteral("{}");
    return p;
}

Result<Hlc> UnitOfWork::record(const Change& change)
{
    return record(prepare(change));
}

Status UnitOfWork::requireOpen() const
{
    if (!m_open)
        return Error::other(QStringLiteral("no_unit_of_work"), tr("write outside a unit of work"));
    return Done {};
}

Result<Hlc> UnitOfWork::record(const PreparedChange& change)
{
    return writeChanges({&change});
}

Status UnitOfWork::record(const QList<PreparedChange>& changes)
{
    QList<const PreparedChange*> group;
    group.reserve(rowsPerStatement);
    for (const PreparedChange& c : changes) {
        group.append(&c);
        if (group.size() == rowsPerStatement) {
            if (auto written = writeChanges(group); !written)
                return written.error();
            group.clear();
        }
    }
    if (auto written = writeChanges(group); !written)
        return written.error();
    return Done {};
}

void UnitOfWork::observe(const Hlc& remote)
{
    m_lastStamp = m_db.hlc().observe(remote);
}

Result<Hlc> UnitOfWork::writeChanges(const QList<const PreparedChange*>& changes)
{
    if (Status s = requireOpen(); !s)
        return s.error();
    QList<const PreparedChange*> real;
    real.reserve(changes.size());
    for (const PreparedChange* c : changes) {
        if (!c->auditJson.isEmpty()) // a change that changes nothing writes nothing
            real.append(c);
    }
    if (real.isEmpty())
        return Hlc {};
    const int rows = static_cast<int>(real.size());
    QSqlQuery& audit = prepared(Sql::multiRowInsert(
        "INSERT INTO audit_log (at, hlc, company_id, actor_id, actor_name, entity, entity_id, action, changes, "
        "customer_id)",
        10, rows));
    QSqlQuery& outbox = prepared(Sql::multiRowInsert(
        "INSERT INTO sync_outbox (op_id, company_id, entity, entity_id, op, fields, hlc, actor_id, created_at, action)",
        10, rows));
    const QVariant actorId = m_actor.userId.isEmpty() ? QVariant() : QVariant(m_actor.userId);
    int a = 0;
    int o = 0;
    Hlc stamp;
    for (const PreparedChange* c : std::as_const(real)) {
        stamp = m_db.hlc().tick();
        m_lastStamp = stamp;
        const QString hlcText = stamp.toString();
        audit.bindValue(a++, m_now);
        audit.bindValue(a++, hlcText);
        audit.bindValue(a++, c->companyId);
        audit.bindValue(a++, actorId);
        audit.bindValue(a++, m_actor.username);
        audit.bindValue(a++, c->entity);
        audit.bindValue(a++, c->entityId);
        audit.bindValue(a++, c->action);
        audit.bindValue(a++, c->auditJson);
        audit.bindValue(a++, Sql::textOrNull(c->customerId));
        outbox.bindValue(o++, Ids::newId(m_now));
        outbox.bindValue(o++, c->companyId);
        outbox.bindValue(o++, c->entity);
        outbox.bindValue(o++, c->entityId);
        outbox.bindValue(o++, c->op == Op::Upsert ? QStringLiteral("upsert") : QStringLiteral("delete"));
        outbox.bindValue(o++, c->valuesJson);
        outbox.bindValue(o++, hlcText);
        outbox.bindValue(o++, actorId);
        outbox.bindValue(o++, m_now);
        outbox.bindValue(o++, c->action);
    }
    if (Status s = Sql::exec(audit); !s)
        return s.error();
    if (Status s = Sql::exec(outbox); !s)
        return s.error();
    return stamp;
}

Status UnitOfWork::commit()
{
    if (Status s = requireOpen(); !s)
        return s;
    Status flushed = Done {};
    for (auto& [type, work] : m_deferred) {
        flushed = work->flush(*this);
        if (!flushed)
            break;
    }
    if (!flushed) {
        rollback();
        return flushed;
    }
    m_deferred.clear();
    if (!m_lastStamp.isNull()) {
        // The clock's last stamp travels with the data it stamped, so a restart never
        // hands out a stamp that is already in the outbox.
        QSqlQuery& q = prepared(QStringLiteral("INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                                               "DO UPDATE SET value = excluded.value"));
        q.bindValue(0, QString::fromLatin1(Database::hlcStateKey));
        q.bindValue(1, m_db.hlc().last().toString());
        if (Status s = Sql::exec(q); !s) {
            rollback();
            return s;
        }
    }
    QSqlQuery& c = prepared(QStringLiteral("COMMIT"));
    if (!c.exec()) {
        const Error e = Sql::errorOf(c);
        rollback();
        return e;
    }
    m_open = false;
    m_db.setInUnitOfWork(false);
    return Done {};
}

void UnitOfWork::rollback()
{
    if (!m_open)
        return;
    m_deferred.clear();
    QSqlQuery& r = prepared(QStringLiteral("ROLLBACK"));
    r.exec();
    m_open = false;
    m_db.setInUnitOfWork(false);
}

} // namespace kasir
