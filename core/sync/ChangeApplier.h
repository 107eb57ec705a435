#pragma once

#include "core/domain/Result.h"
#include "core/sync/SyncOp.h"

#include <QCoreApplication>
#include <QList>

namespace kasir {

class Database;
class UnitOfWork;

// Writes changes pulled from the server into this terminal (ARCHITECTURE.md, "Sync").
//
// Mutable rows merge per field, last writer wins by (HLC, site id). The clock of a field is
// the audit log itself: the newest stamp of the audit rows of that row that name the field.
// A pulled value is written only when its op is newer than that, so a field with a pending
// local op keeps its value unless another terminal changed it later still. Deletes are
// tombstones: a delete wins over older changes of the row, and an older upsert does not bring
// the row back; a customer's delete wins over every edit, older or newer (a customer is never
// made again under its id, so an edit that crossed the delete must not keep it on one
// terminal only). Append-only facts (sales, ledger entries...) are inserted once; the figures
// derived from them are made again for their customers. Every op that changed something
// writes one audit row with the op's stamp and author, and no outbox op.
class ChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ChangeApplier)

public:
    struct Options
    {
        // false: the caller makes the whole name index again before it commits (a load),
        // so new customers' words are not gathered one by one.
        bool nameIndex = true;
    };
    explicit ChangeApplier(Database& db);
    ChangeApplier(Database& db, Options options);
    Q_DISABLE_COPY_MOVE(ChangeApplier)

    // Applies pulled ops in order inside the caller's open unit of work (the sync engine's,
    // which also saves the pull cursor). Ops stamped by this terminal's own site are skipped
    // (already applied here); every op's stamp is observed by the clock, so later local
    // stamps order after it. An op that cannot be applied (an unknown entity, a malformed
    // field) fails the whole call with an error naming the op, its entity and the field: the
    // caller rolls the unit back and nothing of the page is kept.
    Status apply(UnitOfWork& uow, const QList<SyncOp>& ops);

    // Applies the ops one at a time, each in a savepoint of the caller's unit: an op that
    // cannot be applied here (appliesToOneOp) is undone, kept in sync_unapplied with its
    // error and counted in `unapplied`; the others are applied. Any other failure (a busy,
    // full or read-only file) is returned, and the caller rolls back. The way through a
    // page that apply() refused, so that one op never holds back the rest of the company.
    Status applyEach(UnitOfWork& uow, const QList<SyncOp>& ops, qint64& unapplied);

    // What one op brings (a malformed field, a constraint its row breaks), as opposed to
    // what stops every write, which is retried later instead.
    static bool appliesToOneOp(const Error& error);

private:
    Database& m_db;
    Options m_options;
};

} // namespace kasir
