#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Ledger.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace kasir {

class Database;

// The ledger use cases: a customer's points and store credit (balances, history, manual
// adjustments, top-ups and debits within the credit limit, setting that limit) and the
// expiry of old points, each checked against the acting user's role. Customers are named by id or code and must be
// of the actor's company. Every write is one unit of work: the entry, the cached balance,
// the audit row and the sync op, or none of them.
class LedgerService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::LedgerService)

public:
    // The most points or minor units one entry may move, and the furthest a balance may
    // go either way: far beyond any shop, and still exact as a JSON number (< 2^53).
    static constexpr qint64 maxAmount = 1'000'000'000'000'000;
    static constexpr int maxReason = 500;
    static constexpr int maxReference = 100;

    LedgerService(Database& db, Actor actor);

    Result<Balances> balances(const QString& customerRef);

    // A manual correction of the points balance (negative takes points away; the balance
    // never goes below 0). The reason is required.
    Result<PointsEntry> adjustPoints(const QString& customerRef, qint64 points, const QString& reason);

    // Store credit in: a top-up (Credit), a debt repayment, a carried-over balance or an
    // adjustment. `amount` is positive.
    Result<CreditEntry> addCredit(const QString& customerRef, qint64 amount, CreditKind kind, const QString& reason,
        const QString& reference = {});
    // Store credit out (a Debit of -amount), within the customer's credit limit. Past the
    // limit only with `overrideReason`, which needs CreditLimitOverride and is kept on the
    // entry (and so in its audit row).
    Result<CreditEntry> debitCredit(const QString& customerRef, qint64 amount, const QString& reason,
        const QString& reference = {}, const QString& overrideReason = {});

    // How much debt the customer may run up (0: none); returns the limit now in force.
    Result<qint64> setCreditLimit(const QString& customerRef, qint64 maxDebt);

    // What an expiry took away: from how many customers, how many points in all.
    struct Expiry
    {
        qint64 customers = 0;
        qint64 points = 0;

        friend bool operator==(const Expiry&, const Expiry&) = default;
    };
    // Expires, for every customer of the company, the points older than the rules'
    // pointsExpireDays at `asOfMs` (not in the future) that are not used yet, oldest used
    // first (PointsExpiry::expiring): one `expired` entry per customer, all in one unit of
    // work. Run again at the same time it expires nothing; with pointsExpireDays 0, nothing.
    Result<Expiry> expirePoints(qint64 asOfMs);
    // Expiry reads this many customers' points at a time.
    static constexpr int expiryPage = 10'000;

    // Newest first.
    Result<QList<PointsEntry>> pointsHistory(const QString& customerRef);
    Result<QList<CreditEntry>> creditHistory(const QString& customerRef);

    // camelCase keys, times as ISO 8601 UTC with milliseconds; empty texts are left out.
    static QJsonObject toJson(const PointsEntry& entry);
    static QJsonObject toJson(const CreditEntry& entry);

    const Actor& actor() const { return m_actor; }

private:
    // The customer, found by id or code within the actor's company.
    Result<Customer> customer(const QString& customerRef);
    // Refuses an amount (field `field`) that is not positive or bigger than maxAmount.
    static Status checkAmount(const QString& field, qint64 amount);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
