#include "core/domain/Consent.h"

namespace kasir {

bool Consent::mayContact(const CustomerPreferences& prefs, bool doNotContact, Purpose purpose)
{
    if (doNotContact)
        return false;
    switch (purpose) {
    case Purpose::Offer:
        return prefs.canReceiveOffers;
    case Purpose::Loyalty:
        return prefs.canReceiveLoyalty;
    case Purpose::Service:
        return true;
    }
    return false;
}

QString Consent::toString(Purpose purpose)
{
    switch (purpose) {
    case Purpose::Offer:
        return QStringLiteral("offer");
    case Purpose::Loyalty:
        return QStringLiteral("loyalty");
    case Purpose::Service:
        return QStringLiteral("service");
    }
    return {};
}

std::optional<Consent::Purpose> Consent::parsePurpose(QStringView text)
{
    const QStringView t = text.trimmed();
    for (Purpose p : {Purpose::Offer, Purpose::Loyalty, Purpose::Service}) {
        if (t.compare(toString(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

} // namespace kasir
