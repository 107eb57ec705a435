#pragma once

#include <QString>

#include <optional>

namespace kasir {

// What a person typed for a customer, field by field, before any checking. A field that
// is not set is left as it is (or takes its default on create); a field set to an empty
// string is cleared. Everything is text here because that is what arrives from a form, a
// command line or a CSV file, and every bad value must come back with its field's name.
struct CustomerInput
{
    std::optional<QString> name;
    std::optional<QString> phone;
    std::optional<QString> whatsapp;
    std::optional<QString> email;
    std::optional<QString> address;
    std::optional<QString> city;
    std::optional<QString> province;
    std::optional<QString> postalCode;
    std::optional<QString> type;
    std::optional<QString> status;
    std::optional<QString> level;
    std::optional<QString> discountOverride; // percent, "12.5"; empty clears
    std::optional<QString> birthDate; // yyyy-MM-dd; empty clears
    std::optional<QString> gender;
    std::optional<QString> notes;
    std::optional<bool> preferSms;
    std::optional<bool> preferEmail;
    std::optional<bool> preferCall;
    std::optional<bool> preferWhatsapp;
    std::optional<bool> doNotContact;

    bool isEmpty() const;
};

} // namespace kasir
