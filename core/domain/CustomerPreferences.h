#pragma once

#include <QString>
#include <QStringList>

namespace kasir {

// How a customer likes to be served and reached: one customer_preference row, or these
// defaults when there is none. Offers need the customer's consent (opt-in); messages about
// their own points and level are sent unless they say no. Do-not-contact is not here: it
// stays on the customer row and overrides all of this (Consent).
struct CustomerPreferences
{
    QString customerId;
    QString preferredPayment; // "" (none), cash, card, mobile_money, store_credit
    QString bestContactTime; // "" (any time not said), morning, afternoon, evening, anytime
    bool canReceiveOffers = false;
    bool canReceiveLoyalty = true;
    qint64 updatedAt = 0; // 0: never set, the defaults

    friend bool operator==(const CustomerPreferences&, const CustomerPreferences&) = default;

    static QStringList paymentNames(); // without the empty choice
    static QStringList contactTimeNames();
};

} // namespace kasir
