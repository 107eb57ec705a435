#include "core/domain/CustomerValidator.h"

#include "core/domain/PhoneNumber.h"
#include "core/domain/TextRules.h"

#include <QRegularExpression>

namespace kasir {

namespace {

using TextRules::codePoints;
using TextRules::hasForbiddenCharacters;

class Checker
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CustomerValidator)

public:
    QList<FieldError> errors;

    void fail(const QString& field, const QString& code, const QString& message)
    {
        errors.append(FieldError {field, code, message});
    }

    // A single-line text field: cleaned, optional or required, bounded in length.
    std::optional<QString> line(const QString& field, const QString& raw, int maxLength, bool required)
    {
        if (hasForbiddenCharacters(raw, false)) {
            fail(field, QStringLiteral("invalid_characters"), tr("must not contain control characters or line breaks"));
            return std::nullopt;
        }
        const QString value = CustomerValidator::cleanLine(raw);
        if (required && value.isEmpty()) {
            fail(field, QStringLiteral("required"), tr("is required"));
            return std::nullopt;
        }
        if (codePoints(value) > maxLength) {
            fail(field, QStringLiteral("too_long"), tr("must be at most %n characters", nullptr, maxLength));
            return std::nullopt;
        }
        return value;
    }

    // Multi-line text: keeps line breaks, trims the ends.
    std::optional<QString> text(const QString& field, const QString& raw, int maxLength)
    {
        if (hasForbiddenCharacters(raw, true)) {
            fail(field, QStringLiteral("invalid_characters"), tr("must not contain control characters"));
            return std::nullopt;
        }
        QString value = raw.trimmed();
        value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        if (codePoints(value) > maxLength) {
            fail(field, QStringLiteral("too_long"), tr("must be at most %n characters", nullptr, maxLength));
            return std::nullopt;
        }
        return value;
    }

    std::optional<QString> phone(const QString& field, const QString& raw, const QString& region)
    {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            return QString();
        const auto parsed = PhoneNumber::parse(trimmed, region);
        switch (parsed.problem) {
        case PhoneNumber::Problem::None:
            return parsed.e164;
        case PhoneNumber::Problem::TooShort:
            fail(field, QStringLiteral("too_short"), tr("is too short to be a phone number"));
            break;
        case PhoneNumber::Problem::TooLong:
            fail(field, QStringLiteral("too_long"), tr("is too long to be a phone number"));
            break;
        case PhoneNumber::Problem::UnknownCountry:
            fail(field, QStringLiteral("unknown_country"), tr("has a country code that does not exist"));
            break;
        case PhoneNumber::Problem::Empty:
        case PhoneNumber::Problem::NotANumber:
        case PhoneNumber::Problem::NotValid:
            fail(field, QStringLiteral("invalid_phone"),
                tr("is not a valid phone number (region %1); write it as 0812 3456 7890 or +62 812 3456 7890")
                    .arg(region));
            break;
        }
        return std::nullopt;
    }

    std::optional<QString> email(const QString& field, const QString& raw);
};

const QRegularExpression& emailPattern()
{
    // Practical address syntax: a dot-atom local part, a domain of LDH labels with a
    // dot in it. Internationalised domains are accepted in their Unicode form.
    static const QRegularExpression re(
        QStringLiteral(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@)"
                       R"(([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$)"),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

std::optional<QString> Checker::email(const QString& field, const QString& raw)
{
    auto v = line(field, raw, CustomerValidator::maxEmail, false);
    if (!v)
        return std::nullopt;
    if (!v->isEmpty() && !emailPattern().match(*v).hasMatch()) {
        fail(field, QStringLiteral("invalid_email"), tr("is not a valid email address (example: name@example.com)"));
        return std::nullopt;
    }
    return v->toLower();
}

Result<QString> outcome(const Checker& check, const std::optional<QString>& value)
{
    if (!value)
        return Error::invalid(check.errors);
    return *value;
}

} // namespace

Result<QString> CustomerValidator::normalisePhone(const QString& field, const QString& raw, const QString& region)
{
    Checker check;
    const auto value = check.phone(field, raw, region);
    return outcome(check, value);
}

Result<QString> CustomerValidator::normaliseEmail(const QString& field, const QString& raw)
{
    Checker check;
    const auto value = check.email(field, raw);
    return outcome(check, value);
}

QString CustomerValidator::cleanLine(const QString& text)
{
    return text.simplified();
}

Result<Customer> CustomerValidator::apply(
    const Customer& base, const CustomerInput& input, const QString& region, const QDate& today)
{
    Checker check;
    Customer c = base;

    if (input.name) {
        if (auto v = check.line(QStringLiteral("name"), *input.name, maxName, true))
            c.name = *v;
    } else if (c.name.isEmpty()) {
        check.fail(QStringLiteral("name"), QStringLiteral("required"), tr("is required"));
    }
    if (input.phone) {
        if (auto v = check.phone(QStringLiteral("phone"), *input.phone, region))
            c.phone = *v;
    }
    if (input.whatsapp) {
        // Most customers give the same number for both: parse it once.
        if (input.phone && *input.whatsapp == *input.phone && check.errors.isEmpty())
            c.whatsapp = c.phone;
        else if (auto v = check.phone(QStringLiteral("whatsapp"), *input.whatsapp, region))
            c.whatsapp = *v;
    }
    if (input.email) {
        if (auto v = check.email(QStringLiteral("email"), *input.email))
            c.email = *v;
    }
    if (input.address) {
        if (auto v = check.text(QStringLiteral("address"), *input.address, maxAddress))
            c.address = *v;
    }
    if (input.city) {
        if (auto v = check.line(QStringLiteral("city"), *input.city, maxCity, false))
            c.city = *v;
    }
    if (input.province) {
        if (auto v = check.line(QStringLiteral("province"), *input.province, maxProvince, false))
            c.province = *v;
    }
    if (input.postalCode) {
        if (auto v = check.line(QStringLiteral("postalCode"), *input.postalCode, maxPostalCode, false)) {
            static const QRegularExpression postal(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 -]*$"));
            if (!v->isEmpty() && !postal.match(*v).hasMatch())
                check.fail(QStringLiteral("postalCode"), QStringLiteral("invalid_postal_code"),
                    tr("may contain only letters, digits, spaces and dashes"));
            else
                c.postalCode = v->toUpper();
        }
    }
    if (input.type) {
        if (auto v = CustomerEnums::parseType(*input.type))
            c.type = *v;
        else
            check.fail(QStringLiteral("type"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::typeNames().join(QStringLiteral(", "))));
    }
    if (input.status) {
        if (auto v = CustomerEnums::parseStatus(*input.status))
            c.status = *v;
        else
            check.fail(QStringLiteral("status"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::statusNames().join(QStringLiteral(", "))));
    }
    if (input.level) {
        if (auto v = CustomerEnums::parseLevel(*input.level))
            c.level = *v;
        else
            check.fail(QStringLiteral("level"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::levelNames().join(QStringLiteral(", "))));
    }
    if (input.discountOverride) {
        const QString raw = input.discountOverride->trimmed();
        if (raw.isEmpty()) {
            c.discountOverrideBp.reset();
        } else if (auto bp = Percent::parseBasisPoints(raw); bp && *bp <= 10000) {
            c.discountOverrideBp = *bp;
        } else {
            check.fail(QStringLiteral("discountOverride"), QStringLiteral("invalid_percent"),
                tr("must be a percentage from 0 to 100 with at most two decimals"));
        }
    }
    if (input.birthDate) {
        const QString raw = input.birthDate->trimmed();
        if (raw.isEmpty()) {
            c.birthDate = QDate();
        } else {
            const QDate d = QDate::fromString(raw, Qt::ISODate);
            if (!d.isValid() || raw.size() != 10)
                check.fail(QStringLiteral("birthDate"), QStringLiteral("invalid_date"),
                    tr("must be a date written as YYYY-MM-DD"));
            else if (d > today)
                check.fail(QStringLiteral("birthDate"), QStringLiteral("in_future"), tr("must not be in the future"));
            else if (d.year() < 1900)
                check.fail(QStringLiteral("birthDate"), QStringLiteral("too_old"), tr("must not be before 1900"));
            else
                c.birthDate = d;
        }
    }
    if (input.gender) {
        if (auto v = CustomerEnums::parseGender(*input.gender))
            c.gender = *v;
        else
            check.fail(QStringLiteral("gender"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::genderNames().join(QStringLiteral(", "))));
    }
    if (input.notes) {
        if (auto v = check.text(QStringLiteral("notes"), *input.notes, maxNotes))
            c.notes = *v;
    }
    if (input.preferSms)
        c.preferSms = *input.preferSms;
    if (input.preferEmail)
        c.preferEmail = *input.preferEmail;
    if (input.preferCall)
        c.preferCall = *input.preferCall;
    if (input.preferWhatsapp)
        c.preferWhatsapp = *input.preferWhatsapp;
    if (input.doNotContact)
        c.doNotContact = *input.doNotContact;

    if (!check.errors.isEmpty())
        return Error::invalid(check.errors);
    return c;
}

} // namespace kasir
