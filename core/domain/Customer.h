#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

enum class CustomerType
{
    WalkIn,
    Member,
    Vip,
    Wholesale,
};

enum class CustomerStatus
{
    Active,
    Inactive,
    Blocked,
};

enum class MembershipLevel
{
    Bronze,
    Silver,
    Gold,
    Platinum,
};

enum class Gender
{
    Unspecified,
    Male,
    Female,
    Other,
};

// A customer of the company, shared by all its stores. Money-like and derived figures
// (points, balance, totals) live in their own fact tables, not here.
struct Customer
{
    QString id; // UUID v7, made where the customer was registered
    QString companyId;
    QString code; // "C-000123", unique per company, for people only
    QString name;
    QString phone; // E.164 or empty
    QString whatsapp; // E.164 or empty
    QString email; // lower-case or empty
    QString address;
    QString city;
    QString province;
    QString postalCode;
    CustomerType type = CustomerType::WalkIn;
    CustomerStatus status = CustomerStatus::Active;
    MembershipLevel level = MembershipLevel::Bronze;
    std::optional<int> discountOverrideBp; // basis points, 0..10000 (12.5 % = 1250)
    QDate birthDate;
    Gender gender = Gender::Unspecified;
    QString notes;
    bool preferSms = true;
    bool preferEmail = false;
    bool preferCall = false;
    bool preferWhatsapp = false;
    bool doNotContact = false;
    qint64 createdAt = 0; // ms since epoch, UTC
    qint64 updatedAt = 0;
    QString createdBy; // user id
    QString updatedBy;

    bool isMember() const { return type == CustomerType::Member || type == CustomerType::Vip; }
    bool isActive() const { return status == CustomerStatus::Active; }

    friend bool operator==(const Customer&, const Customer&) = default;
};

// The words stored and spoken on the command line and in JSON for each enum.
namespace CustomerEnums {
QString toString(CustomerType value);
QString toString(CustomerStatus value);
QString toString(MembershipLevel value);
QString toString(Gender value);
std::optional<CustomerType> parseType(QStringView text);
std::optional<CustomerStatus> parseStatus(QStringView text);
std::optional<MembershipLevel> parseLevel(QStringView text);
std::optional<Gender> parseGender(QStringView text);
QStringList typeNames();
QStringList statusNames();
QStringList levelNames();
QStringList genderNames();

// Translated names for people.
QString displayName(CustomerType value);
QString displayName(CustomerStatus value);
QString displayName(MembershipLevel value);
QString displayName(Gender value);
} // namespace CustomerEnums

// "12.5" <-> 1250 basis points, exactly, with no floating point on the way.
namespace Percent {
std::optional<int> parseBasisPoints(QStringView text);
QString formatBasisPoints(int basisPoints);
} // namespace Percent

} // namespace kasir
