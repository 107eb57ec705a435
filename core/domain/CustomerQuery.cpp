#include "core/domain/CustomerQuery.h"

#include "core/domain/PhoneNumber.h"
#include "core/domain/TextFold.h"

#include <QRegularExpression>

namespace kasir {

QString CustomerQuery::toString(Balance balance)
{
    switch (balance) {
    case Balance::Credit:
        return QStringLiteral("credit");
    case Balance::Debt:
        return QStringLiteral("debt");
    case Balance::Zero:
        return QStringLiteral("zero");
    }
    return {};
}

std::optional<CustomerQuery::Balance> CustomerQuery::parseBalance(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    for (const Balance b : {Balance::Credit, Balance::Debt, Balance::Zero}) {
        if (t == toString(b))
            return b;
    }
    return std::nullopt;
}

QStringList CustomerQuery::balanceNames()
{
    return {toString(Balance::Credit), toString(Balance::Debt), toString(Balance::Zero)};
}

QString CustomerSearchTerms::formatCode(qint64 number)
{
    return QStringLiteral("C-%1").arg(number, 6, 10, QLatin1Char('0'));
}

CustomerSearchTerms CustomerSearchTerms::classify(const QString& text, const QString& region)
{
    CustomerSearchTerms terms;
    const QString t = text.simplified();
    if (t.isEmpty())
        return terms;

    static const QRegularExpression codePattern(QStringLiteral("^[Cc]-?(\\d{1,12})$"));
    if (const auto m = codePattern.match(t); m.hasMatch()) {
        terms.kind = Kind::Code;
        terms.code = formatCode(m.captured(1).toLongLong());
        return terms;
    }

    if (t.contains(u'@')) {
        terms.kind = Kind::Email;
        terms.emailPrefix = t.toLower();
        return terms;
    }

    static const QRegularExpression phoneChars(QStringLiteral("^[+]?[0-9 ()./-]+$"));
    const QString digits = PhoneNumber::digitsOnly(t);
    if (phoneChars.match(t).hasMatch() && digits.size() >= minPhoneDigits) {
        terms.kind = Kind::Phone;
        const auto parsed = PhoneNumber::parse(t, region);
        if (parsed.ok()) {
            terms.phoneExact = parsed.e164;
            return terms;
        }
        terms.phoneSuffixReversed = PhoneNumber::reversedDigits(digits);
        if (digits.size() >= minPrefixDigits) {
            const int countryCode = PhoneNumber::countryCodeForRegion(region);
            if (t.startsWith(u'+'))
                terms.phonePrefix = QLatin1Char('+') + digits;
            else if (digits.startsWith(u'0') && countryCode > 0)
                terms.phonePrefix = QLatin1Char('+') + QString::number(countryCode) + digits.mid(1);
            else if (countryCode > 0 && digits.startsWith(QString::number(countryCode)))
                terms.phonePrefix = QLatin1Char('+') + digits;
        }
        return terms;
    }

    // Name words, split as the name index splits names; each is a prefix.
    QStringList words = TextFold::words(TextFold::fold(t));
    if (words.isEmpty())
        return terms;
    if (words.size() > maxNameTokens)
        words.resize(maxNameTokens);
    terms.kind = Kind::Name;
    terms.nameWords = words;
    return terms;
}

} // namespace kasir
