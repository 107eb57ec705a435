#pragma once

#include "core/domain/Activity.h"
#include "core/domain/Result.h"

#include <QCoreApplication>

namespace kasir {

class Database;

// Reading the audit log (UnitOfWork writes it).
class AuditRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::AuditRepository)

public:
    explicit AuditRepository(Database& db);

    // The audit rows about a customer, newest first, with ids below `beforeId` (0: from the
    // newest), at most `limit`; summaries are left empty. A customer's own tier rows are left
    // out: the tier history row of the same change says it with its reason.
    Result<QList<ActivityEntry>> forCustomer(
        const QString& companyId, const QString& customerId, int limit, qint64 beforeId);

private:
    Database& m_db;
};

} // namespace kasir
