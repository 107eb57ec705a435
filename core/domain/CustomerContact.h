#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

enum class ContactKind
{
    Whatsapp,
    Email,
    Phone,
};

// A way to reach a customer besides the main phone, WhatsApp and email on the customer row
// (a second number, the office address), normalised like those: E.164 numbers, lower-case
// email. At most one contact of each kind is the customer's primary one.
struct CustomerContact
{
    QString id;
    QString companyId;
    QString customerId;
    ContactKind kind = ContactKind::Phone;
    QString value;
    QString label; // "office", "daughter"...; may be empty
    bool primary = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString createdBy;
    QString updatedBy;

    friend bool operator==(const CustomerContact&, const CustomerContact&) = default;
};

namespace ContactKinds {
QString toString(ContactKind kind);
// Case and spaces around do not matter.
std::optional<ContactKind> parse(QStringView text);
QStringList names();
} // namespace ContactKinds

} // namespace kasir
