#include "core/domain/CustomerInput.h"

namespace kasir {

bool CustomerInput::isEmpty() const
{
    return !name && !phone && !whatsapp && !email && !address && !city && !province && !postalCode && !type && !status
        && !level && !discountOverride && !birthDate && !gender && !notes && !preferSms && !preferEmail && !preferCall
        && !preferWhatsapp && !doNotContact;
}

} // namespace kasir
