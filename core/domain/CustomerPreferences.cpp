#include "core/domain/CustomerPreferences.h"

namespace kasir {

QStringList CustomerPreferences::paymentNames()
{
    // The ways to pay at the till, without points (a balance, not a preference).
    return {
        QStringLiteral("cash"), QStringLiteral("card"), QStringLiteral("mobile_money"), QStringLiteral("store_credit")};
}

QStringList CustomerPreferences::contactTimeNames()
{
    return {
        QStringLiteral("morning"), QStringLiteral("afternoon"), QStringLiteral("evening"), QStringLiteral("anytime")};
}

} // namespace kasir
