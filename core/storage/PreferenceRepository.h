#pragma once

#include "core/domain/CustomerPreferences.h"
#include "core/domain/Result.h"

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for customer_preference and nothing else: rules and permissions are
// PreferenceService's. Writes happen only inside the caller's unit of work.
class PreferenceRepository final
{
public:
    explicit PreferenceRepository(Database& db);

    // nullopt when the customer has no row (the defaults apply).
    Result<std::optional<CustomerPreferences>> byCustomer(const QString& companyId, const QString& customerId);
    // Inserts or replaces the customer's row.
    Status upsert(UnitOfWork& uow, const QString& companyId, const CustomerPreferences& prefs);

private:
    Database& m_db;
};

} // namespace kasir
