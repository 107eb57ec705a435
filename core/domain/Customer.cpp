#include "core/domain/Customer.h"

#include <QCoreApplication>

#include <array>

namespace kasir {

namespace {

struct Names
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CustomerEnums)
};

constexpr std::array typeWords {u"walk-in", u"member", u"vip", u"wholesale"};
constexpr std::array statusWords {u"active", u"inactive", u"blocked"};
constexpr std::array levelWords {u"Bronze", u"Silver", u"Gold", u"Platinum"};
constexpr std::array genderWords {u"", u"male", u"female", u"other"};

template<typename Enum, size_t N>
std::optional<Enum> parseWord(QStringView text, const std::array<const char16_t*, N>& words, size_t first = 0)
{
    const QStringView trimmed = text.trimmed();
    for (size_t i = first; i < N; ++i) {
        if (trimmed.compare(QStringView(words[i]), Qt::CaseInsensitive) == 0)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

template<size_t N>
QStringList allWords(const std::array<const char16_t*, N>& words, size_t first = 0)
{
    QStringList out;
    for (size_t i = first; i < N; ++i)
        out << QString::fromUtf16(words[i]);
    return out;
}

} // namespace

namespace CustomerEnums {

QString toString(CustomerType value)
{
    return QString::fromUtf16(typeWords[static_cast<size_t>(value)]);
}

QString toString(CustomerStatus value)
{
    return QString::fromUtf16(statusWords[static_cast<size_t>(value)]);
}

QString toString(MembershipLevel value)
{
    return QString::fromUtf16(levelWords[static_cast<size_t>(value)]);
}

QString toString(Gender value)
{
    return QString::fromUtf16(genderWords[static_cast<size_t>(value)]);
}

std::optional<CustomerType> parseType(QStringView text)
{
    // Seeds 001 spell it walk_in; accept that too.
    if (text.trimmed().compare(u"walk_in", Qt::CaseInsensitive) == 0)
        return CustomerType::WalkIn;
    return parseWord<CustomerType>(text, typeWords);
}

std::optional<CustomerStatus> parseStatus(QStringView text)
{
    if (text.trimmed().compare(u"blacklisted", Qt::CaseInsensitive) == 0)
        return CustomerStatus::Blocked;
    return parseWord<CustomerStatus>(text, statusWords);
}

std::optional<MembershipLevel> parseLevel(QStringView text)
{
    return parseWord<MembershipLevel>(text, levelWords);
}

std::optional<Gender> parseGender(QStringView text)
{
    if (text.trimmed().isEmpty())
        return Gender::Unspecified;
    return parseWord<Gender>(text, genderWords, 1);
}

QStringList typeNames()
{
    return allWords(typeWords);
}

QStringList statusNames()
{
    return allWords(statusWords);
}

QStringList levelNames()
{
    return allWords(levelWords);
}

QStringList genderNames()
{
    return allWords(genderWords, 1);
}

QString displayName(CustomerType value)
{
    switch (value) {
    case CustomerType::WalkIn:
        return Names::tr("Walk-in");
    case CustomerType::Member:
        return Names::tr("Member");
    case CustomerType::Vip:
        return Names::tr("VIP");
    case CustomerType::Wholesale:
        return Names::tr("Wholesale");
    }
    return {};
}

QString displayName(CustomerStatus value)
{
    switch (value) {
    case CustomerStatus::Active:
        return Names::tr("Active");
    case CustomerStatus::Inactive:
        return Names::tr("Inactive");
    case CustomerStatus::Blocked:
        return Names::tr("Blocked");
    }
    return {};
}

QString displayName(MembershipLevel value)
{
    switch (value) {
    case MembershipLevel::Bronze:
        return Names::tr("Bronze");
    case MembershipLevel::Silver:
        return Names::tr("Silver");
    case MembershipLevel::Gold:
        return Names::tr("Gold");
    case MembershipLevel::Platinum:
        return Names::tr("Platinum");
    }
    return {};
}

QString displayName(Gender value)
{
    switch (value) {
    case Gender::Unspecified:
        return {};
    case Gender::Male:
        return Names::tr("Male");
    case Gender::Female:
        return Names::tr("Female");
    case Gender::Other:
        return Names::tr("Other");
    }
    return {};
}

} // namespace CustomerEnums

namespace Percent {

std::optional<int> parseBasisPoints(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.endsWith(u'%'))
        t = t.chopped(1).trimmed();
    if (t.isEmpty() || t.size() > 12)
        return std::nullopt;
    const qsizetype dot = t.indexOf(u'.') >= 0 ? t.indexOf(u'.') : t.indexOf(u',');
    const QStringView whole = dot < 0 ? t : t.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : t.mid(dot + 1);
    if (whole.isEmpty() || fraction.size() > 2 || (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    int value = 0;
    for (const QChar c : whole) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
        if (value > 1000)
            return std::nullopt;
    }
    value *= 100;
    int scale = 10;
    for (const QChar c : fraction) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value += (c.unicode() - u'0') * scale;
        scale /= 10;
    }
    return value;
}

QString formatBasisPoints(int basisPoints)
{
    const int whole = basisPoints / 100;
    const int fraction = basisPoints % 100;
    if (fraction == 0)
        return QString::number(whole);
    if (fraction % 10 == 0)
        return QStringLiteral("%1.%2").arg(whole).arg(fraction / 10);
    return QStringLiteral("%1.%2").arg(whole).arg(fraction, 2, 10, QLatin1Char('0'));
}

} // namespace Percent

} // namespace kasir
