#pragma once

#include "core/domain/Result.h"
#include "core/sync/SyncOp.h"

#include <QList>
#include <QString>

namespace kasir {

class Database;

// The sync outbox as a whole: the ops written on this terminal that the server has not
// acknowledged yet (ARCHITECTURE.md, "Sync": a row is deleted once acknowledged). The ops
// themselves are written by UnitOfWork.
class OutboxRepository final
{
public:
    explicit OutboxRepository(Database& db);

    // How many ops of the company wait to be sent.
    Result<qint64> pending(const QString& companyId);
    // The company's oldest `limit` ops, in the order they were written.
    Result<QList<SyncOp>> oldest(const QString& companyId, int limit);
    // Forgets ops the server has acknowledged; in the caller's transaction when it has one.
    Status acknowledge(const QStringList& opIds);

private:
    Database& m_db;
};

} // namespace kasir
