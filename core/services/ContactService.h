#pragma once

#include "core/domain/CustomerContact.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;
struct Customer;

// A customer's additional contacts: add, relabel, choose the primary one of a kind, remove
// (whoever may change customers), and list them (whoever may look customers up).
//
// Numbers and addresses follow the customer's main ones: E.164 in the company's region,
// lower-case email, the same checks. A value the customer already has (as a contact of the
// same kind, or as their main phone, WhatsApp or email) is a conflict. The first contact
// of a kind becomes the primary one unless the input says primary = false, so a kind that
// has contacts normally has one to use; making a contact primary takes the mark from the
// previous one in the same unit of work. Removing the primary one leaves the kind without
// a primary until another is chosen: picking one silently could pick the wrong person.
class ContactService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ContactService)

public:
    struct ContactInput
    {
        QString kind; // whatsapp, email or phone
        QString value;
        std::optional<QString> label;
        std::optional<bool> primary;
    };
    struct ContactChange
    {
        std::optional<QString> label; // "" clears
        std::optional<bool> primary;
    };

    static constexpr int maxLabel = 50;
    static constexpr int maxValue = 254;

    ContactService(Database& db, Actor actor);

    Result<CustomerContact> add(const QString& customerIdOrCode, const ContactInput& input);
    Result<CustomerContact> update(const QString& contactId, const ContactChange& change);
    Status remove(const QString& contactId);
    // Primary ones first, then by kind (whatsapp, phone, email) and age.
    Result<QList<CustomerContact>> list(const QString& customerIdOrCode);

    static QJsonObject toJson(const CustomerContact& contact);
    static FieldSnapshot snapshot(const CustomerContact& contact);

private:
    Result<CustomerContact> byId(const QString& contactId);
    // Takes the primary mark from the kind's current primary contact other than `keep`.
    Status unsetPrimary(UnitOfWork& uow, const CustomerContact& keep);
    Error explainConflict(const CustomerContact& contact, const Error& error);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
