#pragma once

#include "core/domain/Result.h"
#include "core/storage/CustomerRepository.h"
#include "core/sync/SyncOp.h"

#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// A long run of pulled pages (a new terminal's first download of its company) written as
// one unit of work, the way a bulk load is written (BENCHMARKS.md, "Sync"): the customer
// table's search indexes are dropped and made once at the end, the name index is made from
// the table, the page cache is 512 MiB and, when no other connection has the file open, the
// file takes a rollback journal instead of its write-ahead log. The unique phone and email
// indexes stay, since duplicates are resolved row by row as on any pull.
//
// Pages go in with apply() as they arrive. A careful load writes each in a savepoint, so that
// an op that cannot be applied here is set aside as on the page-by-page path; otherwise the
// first such op fails apply() and the caller starts again carefully (statements inside an
// open savepoint journal every page they touch: a third of the time of a load, BENCHMARKS.md).
// commit() makes the indexes and commits with
// whatever the caller wrote in unit() (its cursor). Destroyed without commit(), all of it is
// rolled back, the dropped indexes included. While the load is open, a write attempted on
// this thread is refused with a message that says why (Database::writeHeldFor).
class SyncLoad final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SyncLoad)

public:
    SyncLoad(Database& db, bool careful);
    ~SyncLoad();
    Q_DISABLE_COPY_MOVE(SyncLoad)

    Status begin();
    Status apply(const QList<SyncOp>& ops, qint64& unapplied);
    UnitOfWork& unit() { return *m_uow; }
    qint64 pages() const { return m_pages; }
    Status commit();
    void rollback();

private:
    void end();

    Database& m_db;
    std::unique_ptr<UnitOfWork> m_uow;
    std::optional<CustomerRepository::BulkLoad> m_load;
    bool m_careful;
    bool m_rollbackJournal = false;
    qint64 m_pages = 0;
};

} // namespace kasir
