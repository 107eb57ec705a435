#include "core/domain/PhoneNumber.h"

#include <QHash>
#include <QMutex>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace kasir {

namespace {

using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util()
{
    return *PhoneNumberUtil::GetInstance();
}

} // namespace

PhoneNumber::Parsed PhoneNumber::parse(const QString& input, const QString& defaultRegion)
{
    Parsed result;
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        result.problem = Problem::Empty;
        return result;
    }
    // libphonenumber refuses absurd input itself, but do not hand it megabytes.
    if (trimmed.size() > 64) {
        result.problem = Problem::TooLong;
        return result;
    }
    i18n::phonenumbers::PhoneNumber number;
    const auto error = util().Parse(trimmed.toStdString(), defaultRegion.toUpper().toStdString(), &number);
    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        result.problem = Problem::UnknownCountry;
        return result;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        result.problem = Problem::TooShort;
        return result;
    case PhoneNumberUtil::TOO_LONG_NSN:
        result.problem = Problem::TooLong;
        return result;
    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
        result.problem = Problem::NotANumber;
        return result;
    }
    if (!util().IsValidNumber(number)) {
        switch (util().IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            result.problem = Problem::TooShort;
            break;
        case PhoneNumberUtil::TOO_LONG:
            result.problem = Problem::TooLong;
            break;
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            result.problem = Problem::UnknownCountry;
            break;
        default:
            result.problem = Problem::NotValid;
            break;
        }
        return result;
    }
    std::string out;
    util().Format(number, PhoneNumberUtil::E164, &out);
    result.e164 = QString::fromStdString(out);
    std::string region;
    util().GetRegionCodeForNumber(number, &region);
    result.regionCode = QString::fromStdString(region);
    return result;
}

QStringList PhoneNumber::likelyE164(QStringView input, const QString& defaultRegion)
{
    QString digits;
    bool plus = false;
    for (const QChar c : input) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c == u'+' && digits.isEmpty() && !plus)
            plus = true;
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')')
            return {}; // letters, extensions...: leave it to the parser
    }
    if (digits.size() < 6 || digits.size() > 15)
        return {};
    if (plus)
        return {QLatin1Char('+') + digits};
    QStringList out;
    // The trunk prefix and country code of a region never change while the program runs.
    static QMutex mutex;
    static QHash<QString, std::pair<QString, QString>> regions; // region -> (trunk prefix, country code)
    std::pair<QString, QString> region;
    {
        QMutexLocker lock(&mutex);
        auto it = regions.find(defaultRegion);
        if (it == regions.end()) {
            std::string ndd;
            util().GetNddPrefixForRegion(defaultRegion.toUpper().toStdString(), true, &ndd);
            it = regions.insert(
                defaultRegion, {QString::fromStdString(ndd), QString::number(countryCodeForRegion(defaultRegion))});
        }
        region = *it;
    }
    const auto& [trunk, countryCode] = region;
    if (countryCode == u"0")
        return {};
    if (!trunk.isEmpty() && digits.startsWith(trunk))
        out << QLatin1Char('+') + countryCode + digits.mid(trunk.size());
    if (digits.startsWith(countryCode))
        out << QLatin1Char('+') + digits;
    return out;
}

bool PhoneNumber::looksLikeE164(QStringView text)
{
    if (text.size() < 9 || text.size() > 16 || text.front() != u'+' || text[1] == u'0')
        return false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return false;
    }
    return true;
}

QString PhoneNumber::reversedDigits(QStringView e164)
{
    QString out;
    out.reserve(e164.size());
    for (auto it = e164.crbegin(); it != e164.crend(); ++it) {
        if (*it >= u'0' && *it <= u'9')
            out.append(*it);
    }
    return out;
}

QString PhoneNumber::digitsOnly(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit())
            out.append(QChar(u'0' + c.digitValue()));
    }
    return out;
}

static QString formatAs(const QString& e164, PhoneNumberUtil::PhoneNumberFormat format)
{
    if (e164.isEmpty())
        return {};
    i18n::phonenumbers::PhoneNumber number;
    if (util().Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string out;
    util().Format(number, format, &out);
    return QString::fromStdString(out);
}

QString PhoneNumber::formatInternational(const QString& e164)
{
    return formatAs(e164, PhoneNumberUtil::INTERNATIONAL);
}

QString PhoneNumber::formatNational(const QString& e164)
{
    return formatAs(e164, PhoneNumberUtil::NATIONAL);
}

bool PhoneNumber::isKnownRegion(const QString& regionCode)
{
    return countryCodeForRegion(regionCode) != 0;
}

int PhoneNumber::countryCodeForRegion(const QString& regionCode)
{
    if (regionCode.size() != 2)
        return 0;
    return util().GetCountryCodeForRegion(regionCode.toUpper().toStdString());
}

} // namespace kasir
