#pragma once

#include "core/domain/Ledger.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QList>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for points, store credit and credit limits, and nothing else: the rules (signs,
// limits, who may) are LedgerService's. Entries are append-only facts; the balances in
// customer_metrics are derived from them and kept in the same unit of work. Writes happen
// only inside the caller's open UnitOfWork, each with its audit row and sync op.
class LedgerRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::LedgerRepository)

public:
    explicit LedgerRepository(Database& db);

    // The cached balances (customer_metrics); {0, 0} for a customer with no row yet.
    Result<Balances> balances(const QString& customerId);
    // The same figures summed from the entries themselves, to check the cache against.
    Result<Balances> balancesFromEntries(const QString& customerId);

    // A customer's points as expiry sees them (PointsExpiry::expiring).
    struct PointsAges
    {
        QString customerId;
        qint64 balance = 0; // the sum of every entry
        qint64 earnedBefore = 0; // the positive entries made before the cutoff
        qint64 used = 0; // the negative entries, ever, as a positive number
    };
    // The customers of the company with a positive balance and more points added before
    // `cutoffMs` than taken away since they joined: those who may have points to expire. A
    // grouped pass over the company's entries in customer id order, from the first customer
    // after `afterCustomerId` (empty: from the start) to at most `limit` customers, so that a
    // caller holds one page at a time and an entry it writes for a customer of this page is
    // behind the next one.
    Result<QList<PointsAges>> pointsAges(
        const QString& companyId, qint64 cutoffMs, const QString& afterCustomerId, int limit);

    // How much debt the customer may run up; 0 when no limit was ever set.
    Result<qint64> maxDebt(const QString& customerId);
    // Sets the limit (a setting, not a fact); writes nothing when it is already that.
    Status setMaxDebt(UnitOfWork& uow, const QString& companyId, const QString& customerId, qint64 maxDebt);

    // Append an entry with its id (when empty), stamps and running balance filled in, move
    // the cached balance by it, and return the entry as stored.
    Result<PointsEntry> appendPoints(UnitOfWork& uow, PointsEntry entry);
    Result<CreditEntry> appendCredit(UnitOfWork& uow, CreditEntry entry);

    // Both cached balances made again from the entries: after entries were written that did
    // not move them one by one (entries pulled from other terminals).
    Status refreshBalances(UnitOfWork& uow, const QString& companyId, const QString& customerId);

    // Newest first.
    Result<QList<PointsEntry>> pointsHistory(const QString& customerId, int limit = 200);
    Result<QList<CreditEntry>> creditHistory(const QString& customerId, int limit = 200);

private:
    // The balance kept in customer_metrics after an entry.
    Status cacheBalance(
        UnitOfWork& uow, const QString& column, const QString& customerId, const QString& companyId, qint64 balance);

    Database& m_db;
};

} // namespace kasir
