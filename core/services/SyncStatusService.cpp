#include "core/services/SyncStatusService.h"

#include "core/storage/OutboxRepository.h"

namespace kasir {

SyncStatusService::SyncStatusService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<qint64> SyncStatusService::pendingChanges()
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("see what waits to be synced")); !s)
        return s.error();
    return OutboxRepository(m_db).pending(m_actor.companyId);
}

} // namespace kasir
