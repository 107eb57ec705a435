#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Error.h"

#include <QList>

namespace kasir {

// A company's loyalty rules (ARCHITECTURE.md, "One vocabulary"): the level a customer has
// follows their total spent; each level has a discount; points are earned per amount paid
// in money (never on the part paid with points or store credit) and pay `pointValue` each;
// a walk-in becomes a member once their total spent reaches `memberFrom` (0: never by
// spending); points expire `pointsExpireDays` after they were earned, the oldest used
// first (0: never). Amounts are in the currency's minor unit.
struct MembershipRules
{
    qint64 silverFrom = 2'000'000;
    qint64 goldFrom = 5'000'000;
    qint64 platinumFrom = 10'000'000;
    int bronzeDiscountBp = 500;
    int silverDiscountBp = 1000;
    int goldDiscountBp = 1500;
    int platinumDiscountBp = 2000;
    qint64 spendPerPoint = 10'000;
    qint64 pointValue = 100;
    qint64 memberFrom = 1'000'000;
    bool tiersCanDrop = false;
    qint64 pointsExpireDays = 0;
    static constexpr qint64 maxPointsExpireDays = 36600; // a hundred years, as the schema allows
    qint64 updatedAt = 0;
    QString updatedBy;

    static MembershipRules defaults() { return {}; }

    // Every broken rule, by field (camelCase, as in JSON and kasirctl's --flags).
    QList<FieldError> problems() const;

    MembershipLevel levelFor(qint64 totalSpent) const;
    int discountBp(MembershipLevel level) const;
    // The discount a sale to `customer` gets: their own discount when they have one,
    // otherwise their level's for members (member or VIP), otherwise none.
    int discountBpFor(const Customer& customer) const;
    // `bp` basis points of `amount`, rounded down; exact for any amount (no 64-bit overflow).
    static qint64 discountOf(qint64 amount, int bp);
    // Points earned on `paidInMoney` (cash, card, mobile money): whole points, rounded down.
    qint64 pointsFor(qint64 paidInMoney) const;

    // The level after a purchase history whose total is `totalSpent`, starting from
    // `current`: up at the thresholds, down only when tiers can drop.
    MembershipLevel nextLevel(MembershipLevel current, qint64 totalSpent) const;
    // The type after it: a walk-in at or over memberFrom becomes a member; nothing else changes.
    CustomerType nextType(CustomerType current, qint64 totalSpent) const;

    friend bool operator==(const MembershipRules&, const MembershipRules&) = default;
};

} // namespace kasir
