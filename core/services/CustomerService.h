#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"
#include "core/storage/CustomerRepository.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <utility>

namespace kasir {

class Database;
class UnitOfWork;

// The customer directory's use cases: register, change, deactivate, delete, find and
// search, each checked against the acting user's role and the company's rules.
class CustomerService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CustomerService)

public:
    CustomerService(Database& db, Actor actor);

    Result<Customer> create(const CustomerInput& input);
    // Many customers in one unit of work: all are registered or none is. A failure names
    // the item by its index ("items[41].phone").
    Result<QList<Customer>> createMany(const QList<CustomerInput>& inputs);

    // The two halves of createMany, for bulk work that checks the next batch on another
    // thread while this one is written. validate() touches no database and is thread-safe;
    // createValidated() takes its output.
    static Result<QList<Customer>> validate(const QList<CustomerInput>& inputs, const Company& company, QDate today);
    Result<QList<Customer>> createValidated(QList<Customer> drafts);
    // A big load (demo data, an import) as one write: every customer of every batch that
    // `next` hands over (validated; an empty batch ends the load) is registered, each with
    // its audit row and sync op, or none is. When the load is at least as big as what the
    // file holds and at least `rebuildIndexesFrom`, the customer indexes are taken down
    // during the load and built again before the commit; a duplicate phone or email then
    // fails the whole load when its unique index is made. Such a load also writes with a
    // rollback journal when no other connection has the file open (Database::leaveWalIfAlone:
    // a program opening the file meanwhile waits). `next` runs on another thread, one call
    // at a time, while the previous batch is written. `cancelled`, asked again before the
    // indexes are built and before the commit, undoes the whole load (an error that
    // isCancelled()).
    Result<qint64> createInBulk(qint64 expected, const std::function<Result<QList<Customer>>()>& next,
        const std::function<void(qint64)>& progress = {}, qint64 rebuildIndexesFrom = bulkIndexThreshold,
        const std::function<bool()>& cancelled = {});
    static constexpr qint64 bulkIndexThreshold = 50000;
    Result<Customer> update(const QString& idOrCode, const CustomerInput& input);
    // The same inside the caller's open unit of work, for a use case that changes the customer
    // together with rows of its own (preferences and do-not-contact) in one transaction.
    Result<Customer> update(UnitOfWork& uow, const QString& idOrCode, const CustomerInput& input);
    Result<Customer> deactivate(const QString& idOrCode);
    Result<Customer> reactivate(const QString& idOrCode);
    // Only for a customer with no sales or ledger entries; otherwise deactivate or anonymise.
    // The same as PrivacyService::remove: their notes, contacts, tags and preferences go
    // with them, each recorded, and the audit log keeps no personal value of theirs.
    Status remove(const QString& idOrCode);

    // By UUID or by code ("C-000123", "c123").
    Result<Customer> get(const QString& idOrCode);
    // The customer with this phone number, written in any form; nullopt when nobody has it.
    Result<std::optional<Customer>> findByPhone(const QString& phone);
    Result<CustomerPage> search(const CustomerQuery& query);
    Result<qint64> count(const CustomerQuery& query);

    const Actor& actor() const { return m_actor; }
    Result<Company> company();

private:
    // Refuses a tag filter that cannot name tags: too many, empty, too long, control characters.
    static Status checkTags(const CustomerQuery& query);
    // The figure filters: ranges that can hold something, amounts that can be spent.
    static Status checkFigures(const CustomerQuery& query);
    // Turns a unique-index refusal into a message that names who holds the phone or email.
    Error explainConflict(const Customer& c, const Error& error);
    // Gives drafts ids, codes and stamps and writes them with their audit rows and sync ops.
    Status insertNew(UnitOfWork& uow, CustomerRepository& repo, QList<Customer>& drafts, const QString& companyId);
    Result<Customer> setStatus(const QString& idOrCode, CustomerStatus status, const QString& action);
    Result<Customer> writeIn(UnitOfWork& uow, Customer before, Customer after, const QString& action);
    // The permission checks and the validation of an update: the customer before and after.
    Result<std::pair<Customer, Customer>> checkUpdate(const QString& idOrCode, const CustomerInput& input);

    Database& m_db;
    Actor m_actor;
    std::optional<Company> m_company;
};

} // namespace kasir
