#include "core/services/TierChange.h"

#include "core/domain/CustomerJson.h"
#include "core/domain/Ids.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/SaleRepository.h"
#include "core/storage/UnitOfWork.h"

namespace kasir::TierChange {

Status write(UnitOfWork& uow, CustomerRepository& customers, const Customer& before, Customer after,
    const QString& reason, const QString& saleId)
{
    if (after.level == before.level && after.type == before.type)
        return Done {};
    after.updatedAt = uow.now();
    after.updatedBy = uow.actor().userId;
    if (Status s = customers.update(uow, after); !s)
        return s;
    if (auto stamp = uow.record({QStringLiteral("customer"), after.id, after.companyId, QStringLiteral("tier"),
            UnitOfWork::Op::Upsert, CustomerJson::snapshot(before), CustomerJson::snapshot(after)});
        !stamp)
        return stamp.error();
    const QString id = Ids::newId(uow.now());
    if (Status s = SaleRepository(uow.database()).insertTierChange(uow, id, before, after, reason, saleId); !s)
        return s;
    FieldSnapshot tier;
    tier.setText(QStringLiteral("customerId"), after.id);
    tier.setText(QStringLiteral("fromLevel"), CustomerEnums::toString(before.level));
    tier.setText(QStringLiteral("fromType"), CustomerEnums::toString(before.type));
    tier.setText(QStringLiteral("reason"), reason);
    tier.setText(QStringLiteral("saleId"), saleId);
    tier.setText(QStringLiteral("toLevel"), CustomerEnums::toString(after.level));
    tier.setText(QStringLiteral("toType"), CustomerEnums::toString(after.type));
    auto stamp = uow.record({QStringLiteral("tier_history"), id, after.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, tier});
    if (!stamp)
        return stamp.error();
    return Done {};
}

} // namespace kasir::TierChange
