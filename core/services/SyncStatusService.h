#pragma once

#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>

namespace kasir {

class Database;

// What the status bar and `kasirctl` say about syncing: for now, the changes made here that
// still wait for the server. Any user of the company may see it.
class SyncStatusService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SyncStatusService)

public:
    SyncStatusService(Database& db, Actor actor);

    Result<qint64> pendingChanges();

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
