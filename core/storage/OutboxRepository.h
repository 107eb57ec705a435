#pragma once

#include "core/domain/Result.h"

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

private:
    Database& m_db;
};

} // namespace kasir
