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
    // The same ops as they go to the server: a JSON array of SyncOp::toJson() objects, made
    // straight from the stored text (a push of thousands of ops parses nothing), and their ids.
    struct Batch
    {
        QByteArray json;
        QStringList ids;
    };
    Result<Batch> oldestAsJson(const QString& companyId, int limit);
    // One op by id, for one the server refused.
    Result<std::optional<SyncOp>> byId(const QString& opId);
    // Forgets ops the server has acknowledged; in the caller's transaction when it has one.
    Status acknowledge(const QStringList& opIds);

private:
    Database& m_db;
};

} // namespace kasir
