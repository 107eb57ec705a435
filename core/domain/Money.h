#pragma once

#include <QString>

namespace kasir::Money {

// Digits after the decimal point in the currency's minor unit, as Kasir counts money:
// 0 for IDR (rupiah have no cents in use), JPY and KRW; 2 for everything else.
int minorDigits(const QString& currency);
// An amount in the minor unit as a person reads it, in the current locale, with the
// currency code: "IDR 23,750", "KES 1,250.50", "-IDR 7,600".
QString format(qint64 minor, const QString& currency);

} // namespace kasir::Money
