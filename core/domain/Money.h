#pragma once

#include <QString>

#include <optional>

namespace kasir::Money {

// Digits after the decimal point in the currency's minor unit, as Kasir counts money:
// 0 for IDR (rupiah have no cents in use), JPY and KRW; 2 for everything else.
int minorDigits(const QString& currency);
// An amount in the minor unit as a person reads it, in the current locale, with the
// currency code: "IDR 23,750", "KES 1,250.50", "-IDR 7,600".
QString format(qint64 minor, const QString& currency);
// An amount as a person types it in the currency's unit, in the current locale ("50000",
// "50.000", "2,000,000", "12.50", "IDR 25.000") into the minor unit; nullopt when it is not
// one (letters, too many decimals, more than 15 whole digits, negative). No floating point.
std::optional<qint64> parse(const QString& text, const QString& currency);

} // namespace kasir::Money
