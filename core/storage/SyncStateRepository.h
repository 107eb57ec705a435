#pragma once

#include "core/domain/Result.h"
#include "core/sync/SyncOp.h"

#include <QString>

namespace kasir {

class Database;
class UnitOfWork;

// What this terminal knows about its server: the address, its device id and token, the
// pull cursor, when it last synced and why it last failed (local_state keys "sync.*"),
// the ops the server refused for good (sync_rejected) and the pulled ops this terminal
// could not apply (sync_unapplied), kept for people to see.
class SyncStateRepository final
{
public:
    explicit SyncStateRepository(Database& db);

    QString value(const QString& key);
    Status setValue(UnitOfWork& uow, const QString& key, const QString& value);

    Status recordRejected(UnitOfWork& uow, const SyncOp& op, const QString& code, const QString& message);
    Result<qint64> rejectedCount();
    // A pulled op that could not be applied here, with why.
    Status recordUnapplied(UnitOfWork& uow, const SyncOp& op, const Error& why);
    Result<qint64> unappliedCount();

private:
    Database& m_db;
};

} // namespace kasir
