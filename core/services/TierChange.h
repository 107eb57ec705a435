#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Result.h"

namespace kasir {

class UnitOfWork;
class CustomerRepository;

namespace TierChange {

// Moves a customer from `before` to the level and type of `after`, if either differs: the
// customer row with its audit row and sync op, and a line of tier history with its op, in
// `uow`. `reason` is what a manager reads in the history ("sale S01-T01-000231", "rules
// changed"); `saleId` names the sale or refund that caused it, if one did.
Status write(UnitOfWork& uow, CustomerRepository& customers, const Customer& before, Customer after,
    const QString& reason, const QString& saleId = {});

} // namespace TierChange

} // namespace kasir
