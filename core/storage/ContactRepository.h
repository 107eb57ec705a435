#pragma once

#include "core/domain/CustomerContact.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for customers' additional contacts and nothing else: rules and permissions are
// ContactService's. Writes happen only inside the caller's unit of work.
class ContactRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ContactRepository)

public:
    explicit ContactRepository(Database& db);

    // The same value of the same kind twice for one customer is refused by the unique
    // constraint, and a second primary of a kind by ux_contact_primary: Error::Kind::Conflict.
    Status insert(UnitOfWork& uow, const CustomerContact& contact);
    // Label, primary and the update stamps; NotFound when the company has no such contact.
    Status update(UnitOfWork& uow, const CustomerContact& contact);
    Status remove(UnitOfWork& uow, const QString& companyId, const QString& id);

    Result<std::optional<CustomerContact>> byId(const QString& companyId, const QString& id);
    // The customer's contacts, primary first, then by kind and age.
    Result<QList<CustomerContact>> forCustomer(const QString& companyId, const QString& customerId);
    Result<std::optional<CustomerContact>> primaryOf(const QString& customerId, ContactKind kind);
    Result<bool> hasKind(const QString& customerId, ContactKind kind);

private:
    Database& m_db;
};

} // namespace kasir
