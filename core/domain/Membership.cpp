#include "core/domain/Membership.h"

#include <QCoreApplication>

namespace kasir {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MembershipRules)
};
} // namespace

QList<FieldError> MembershipRules::problems() const
{
    QList<FieldError> out;
    auto amount = [&](const char* field, qint64 v) {
        if (v < 0)
            out.append({QString::fromLatin1(field), QStringLiteral("negative"), Text::tr("must not be negative")});
    };
    amount("silverFrom", silverFrom);
    amount("goldFrom", goldFrom);
    amount("platinumFrom", platinumFrom);
    amount("pointValue", pointValue);
    amount("memberFrom", memberFrom);
    if (silverFrom >= 0 && goldFrom < silverFrom)
        out.append({QStringLiteral("goldFrom"), QStringLiteral("below_lower_level"),
            Text::tr("must be at least the Silver threshold (%1)").arg(silverFrom)});
    if (goldFrom >= 0 && platinumFrom < goldFrom)
        out.append({QStringLiteral("platinumFrom"), QStringLiteral("below_lower_level"),
            Text::tr("must be at least the Gold threshold (%1)").arg(goldFrom)});
    auto percent = [&](const char* field, int bp) {
        if (bp < 0 || bp > 10000)
            out.append({QString::fromLatin1(field), QStringLiteral("out_of_range"),
                Text::tr("must be between 0 % and 100 %")});
    };
    percent("bronzeDiscount", bronzeDiscountBp);
    percent("silverDiscount", silverDiscountBp);
    percent("goldDiscount", goldDiscountBp);
    percent("platinumDiscount", platinumDiscountBp);
    if (spendPerPoint <= 0)
        out.append({QStringLiteral("spendPerPoint"), QStringLiteral("not_positive"), Text::tr("must be more than 0")});
    if (pointsExpireDays < 0 || pointsExpireDays > maxPointsExpireDays)
        out.append({QStringLiteral("pointsExpireDays"), QStringLiteral("out_of_range"),
            Text::tr("must be between 0 and %1 days (0: points never expire)").arg(maxPointsExpireDays)});
    return out;
}

MembershipLevel MembershipRules::levelFor(qint64 totalSpent) const
{
    if (totalSpent >= platinumFrom)
        return MembershipLevel::Platinum;
    if (totalSpent >= goldFrom)
        return MembershipLevel::Gold;
    if (totalSpent >= silverFrom)
        return MembershipLevel::Silver;
    return MembershipLevel::Bronze;
}

int MembershipRules::discountBp(MembershipLevel level) const
{
    switch (level) {
    case MembershipLevel::Bronze:
        return bronzeDiscountBp;
    case MembershipLevel::Silver:
        return silverDiscountBp;
    case MembershipLevel::Gold:
        return goldDiscountBp;
    case MembershipLevel::Platinum:
        return platinumDiscountBp;
    }
    return 0;
}

int MembershipRules::discountBpFor(const Customer& customer) const
{
    if (customer.discountOverrideBp)
        return *customer.discountOverrideBp;
    return customer.isMember() ? discountBp(customer.level) : 0;
}

qint64 MembershipRules::discountOf(qint64 amount, int bp)
{
    // amount x bp could pass 64 bits; this is the same floor without the product.
    return amount / 10000 * bp + amount % 10000 * bp / 10000;
}

qint64 MembershipRules::pointsFor(qint64 paidInMoney) const
{
    if (paidInMoney <= 0 || spendPerPoint <= 0)
        return 0;
    return paidInMoney / spendPerPoint;
}

MembershipLevel MembershipRules::nextLevel(MembershipLevel current, qint64 totalSpent) const
{
    const MembershipLevel earned = levelFor(totalSpent);
    if (static_cast<int>(earned) >= static_cast<int>(current) || tiersCanDrop)
        return earned;
    return current;
}

CustomerType MembershipRules::nextType(CustomerType current, qint64 totalSpent) const
{
    if (current == CustomerType::WalkIn && memberFrom > 0 && totalSpent >= memberFrom)
        return CustomerType::Member;
    return current;
}

} // namespace kasir
