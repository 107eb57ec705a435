#pragma once

#include "core/domain/Note.h"
#include "core/domain/PersonalData.h"
#include "core/domain/Result.h"
#include "core/domain/Sale.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for what a customer's privacy requests need beyond the other repositories: the
// erasure record, everything about one customer read whole for an export, and the
// redaction of the copies of their personal data in notes, sale snapshots and the audit
// log. Rules and permissions are PrivacyService's; writes happen only inside the caller's
// unit of work.
class PrivacyRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::PrivacyRepository)

public:
    explicit PrivacyRepository(Database& db);

    Result<std::optional<CustomerErasure>> erasureOf(const QString& companyId, const QString& customerId);
    Status insertErasure(UnitOfWork& uow, const CustomerErasure& erasure);
    // Records that a walk-in sale credited to nobody is erased with the customer (their
    // number was noted on it); the customer's erasure record must exist already.
    Status insertSaleErasure(
        UnitOfWork& uow, const QString& saleId, const QString& companyId, const QString& customerId);

    // One step of a customer's tier history.
    struct TierStep
    {
        QString id;
        QString fromLevel;
        QString toLevel;
        QString fromType;
        QString toType;
        QString reason;
        QString saleId;
        qint64 createdAt = 0;
        QString createdBy;
    };
    // Oldest first.
    Result<QList<TierStep>> tierHistory(const QString& customerId);

    // Every note of the customer, deleted ones too, oldest first.
    Result<QList<CustomerNote>> notes(const QString& companyId, const QString& customerId);
    // Writes the note's body and deletion stamps as given.
    Status redactNote(UnitOfWork& uow, const CustomerNote& note);

    // The customer's credit limit row, if there is one.
    Result<std::optional<qint64>> creditLimit(const QString& customerId);

    // Clears the name and phone noted on the customer's sales and on the walk-in sales linked
    // to them or erased with them; returns how many sales changed. The customer must have an
    // erasure record already.
    Result<qint64> redactSaleSnapshots(UnitOfWork& uow, const QString& companyId, const QString& customerId);
    // Replaces every personal value (PersonalData::fieldsOf) in the audit rows about the
    // customer and about the walk-in sales linked to them or erased with them with
    // PersonalData::redacted; returns how many rows changed. The customer must have an
    // erasure record already.
    Result<qint64> redactAudit(UnitOfWork& uow, const QString& companyId, const QString& customerId);
    // The same in the sync ops still waiting to be sent about the customer, their notes and
    // contacts, and their own and linked sales: every personal value becomes the marker;
    // returns how many ops changed. An op keeps its id, its place and the rest of what it
    // carries, so the server still applies it, before the erasure's own op.
    Result<qint64> redactOutbox(UnitOfWork& uow, const QString& companyId, const QString& customerId);

private:
    Database& m_db;
};

} // namespace kasir
