#pragma once

#include <QString>

namespace kasir {

// Phone numbers as the shop writes them ("0812 3456 7890", "+62 812-3456-7890",
// "6281234567890") turned into one canonical E.164 form ("+6281234567890") with
// libphonenumber, against the company's default region.
class PhoneNumber final
{
public:
    enum class Problem
    {
        None,
        Empty,
        NotANumber,
        UnknownCountry,
        TooShort,
        TooLong,
        NotValid,
    };

    struct Parsed
    {
        QString e164;
        QString regionCode; // "ID", "KE", "IN"...
        Problem problem = Problem::None;
        bool ok() const { return problem == Problem::None; }
    };

    // Parses and validates; on success e164 is set.
    static Parsed parse(const QString& input, const QString& defaultRegion);

    // The E.164 forms a number written in a usual way most likely has, without the parser:
    // separators dropped, then "+digits", or the region's trunk prefix ("0812...") swapped
    // for its country code, or the country code written without "+". Only for look-ups:
    // a stored number was validated when it was stored, so a hit is that customer, and a
    // miss goes to parse().
    static QStringList likelyE164(QStringView input, const QString& defaultRegion);

    // Cheap check that text is already canonical E.164 ("+" and 8 to 15 digits, no zero
    // after the plus), so exact look-ups can skip the parser.
    static bool looksLikeE164(QStringView text);

    // The digits of an E.164 number, last first: "+6281234567890" -> "0987654321826".
    // An index on it answers "ends with 7890" as a range scan.
    static QString reversedDigits(QStringView e164);
    static QString digitsOnly(QStringView text);

    // For display: "+62 812-3456-7890" and, in its own region, "0812-3456-7890".
    static QString formatInternational(const QString& e164);
    static QString formatNational(const QString& e164);

    static bool isKnownRegion(const QString& regionCode);
    static int countryCodeForRegion(const QString& regionCode);
};

} // namespace kasir
