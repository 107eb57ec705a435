#pragma once

#include "core/domain/Membership.h"
#include "core/domain/Result.h"

#include <QString>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for a company's membership rules: one row per company, absent until someone
// changes a rule. Checks and permissions are MembershipService's.
class MembershipRepository final
{
public:
    explicit MembershipRepository(Database& db);

    // The company's rules, or MembershipRules::defaults() when none are stored.
    Result<MembershipRules> rules(const QString& companyId);
    // Inserts or replaces the company's row, inside the caller's unit of work.
    Status saveRules(UnitOfWork& uow, const QString& companyId, const MembershipRules& rules);

private:
    Database& m_db;
};

} // namespace kasir
