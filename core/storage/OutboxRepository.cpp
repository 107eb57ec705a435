#include "core/storage/OutboxRepository.h"

#include "core/storage/Database.h"

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

} // namespace kasir
