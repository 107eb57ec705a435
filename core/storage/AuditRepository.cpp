#include "core/storage/AuditRepository.h"

#include "core/storage/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <limits>

namespace kasir {

AuditRepository::AuditRepository(Database& db) : m_db(db) { }

Result<QList<ActivityEntry>> AuditRepository::forCustomer(
    const QString& companyId, const QString& customerId, int limit, qint64 beforeId)
{
    // One range of ix_audit_customer, walked from the newest.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, at, coalesce(actor_name, ''), entity, entity_id, action, changes FROM audit_log "
        "WHERE customer_id = ? AND id < ? AND company_id = ? AND NOT (entity = 'customer' AND action = 'tier') "
        "ORDER BY id DESC LIMIT ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    q.bindValue(2, companyId);
    q.bindValue(3, limit);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<ActivityEntry> out;
    while (q.next()) {
        ActivityEntry e;
        e.id = q.value(0).toLongLong();
        e.at = q.value(1).toLongLong();
        e.user = q.value(2).toString();
        e.entity = q.value(3).toString();
        e.entityId = q.value(4).toString();
        e.action = q.value(5).toString();
        e.changes = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        out.append(std::move(e));
    }
    q.finish();
    return out;
}

} // namespace kasir
