#pragma once

#include "core/domain/CustomerPreferences.h"

#include <optional>

namespace kasir {

// Whether a customer may be sent a message, the one definition that campaigns, reminders
// and receipts ask. Do-not-contact wins over everything, service messages included;
// otherwise service messages (their own order, receipt, account) always may, loyalty
// messages unless the customer said no, offers only when the customer said yes.
class Consent final
{
public:
    enum class Purpose
    {
        Offer,
        Loyalty,
        Service,
    };

    static bool mayContact(const CustomerPreferences& prefs, bool doNotContact, Purpose purpose);

    static QString toString(Purpose purpose);
    static std::optional<Purpose> parsePurpose(QStringView text);
};

} // namespace kasir
