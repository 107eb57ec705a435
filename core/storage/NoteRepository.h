#pragma once

#include "core/domain/Note.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for customer notes and nothing else: rules and permissions are NoteService's.
// Writes happen only inside the caller's unit of work.
class NoteRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::NoteRepository)

public:
    explicit NoteRepository(Database& db);

    Status insert(UnitOfWork& uow, const CustomerNote& note);
    // Sets deleted_at and deleted_by; NotFound when the company has no live note with this id.
    Status markDeleted(UnitOfWork& uow, const CustomerNote& note);

    // Deleted notes too: the caller decides what a deleted note means.
    Result<std::optional<CustomerNote>> byId(const QString& companyId, const QString& id);
    // Up to `limit` live notes of the customer, newest first (created_at, then id), older
    // than the note `before` when it is given (a keyset page: the customer's index range).
    Result<QList<CustomerNote>> list(
        const QString& companyId, const QString& customerId, int limit, const std::optional<CustomerNote>& before);

private:
    Database& m_db;
};

} // namespace kasir
