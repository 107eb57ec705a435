#pragma once

#include "core/domain/Error.h"

#include <QString>

#include <optional>

namespace kasir {

enum class PointsKind
{
    Earned,
    Redeemed,
    Adjusted,
    Reversed,
    Expired,
};

// Store credit (seed 004): positive amounts are credit the customer holds, negative ones
// debt. Kinds say why the balance moved.
enum class CreditKind
{
    Credit, // a top-up
    Debit,
    CarryOver,
    SaleOnAccount, // paid at checkout with store credit (or on account, into debt)
    Repayment,
    Adjustment,
    Reversal, // a refund giving back what a sale took
};

namespace LedgerEnums {
QString toString(PointsKind kind);
std::optional<PointsKind> parsePoints(QStringView text);
QString toString(CreditKind kind);
std::optional<CreditKind> parseCredit(QStringView text);
} // namespace LedgerEnums

// A customer's points and store credit (positive: credit held, negative: debt).
struct Balances
{
    qint64 points = 0;
    qint64 credit = 0;

    friend bool operator==(const Balances&, const Balances&) = default;
};

namespace CreditLimit {
// Whether moving a store-credit balance by `amount` (negative: spending) keeps the debt
// within `maxDebt` (0: no debt allowed), for a customer who may spend at all (a blocked
// customer may not). Taking the balance down to the limit is fine; an increase is always
// fine. The error names field `amount` and says the figures in `currency`.
std::optional<Error> problem(qint64 balance, qint64 amount, qint64 maxDebt, bool blocked, const QString& currency);
} // namespace CreditLimit

namespace PointsExpiry {
// How many points expire from a balance, points being used oldest first: of the
// `earnedBefore` points added before the cutoff, what every point ever taken away (`used`:
// redeemed, adjusted down, taken back by refunds, expired before) has not used up, and never
// more than the balance. 0 when nothing is left to expire.
qint64 expiring(qint64 balance, qint64 earnedBefore, qint64 used);
} // namespace PointsExpiry

// One append-only entry of a customer's points; the balance is the sum of `points`.
struct PointsEntry
{
    QString id;
    QString companyId;
    QString customerId;
    PointsKind kind = PointsKind::Earned;
    qint64 points = 0; // signed, never 0
    qint64 balanceAfter = 0;
    QString reason;
    QString saleId; // empty when not from a sale
    qint64 createdAt = 0;
    QString createdBy;

    friend bool operator==(const PointsEntry&, const PointsEntry&) = default;
};

// One append-only entry of a customer's store credit; the balance is the sum of `amount`.
struct CreditEntry
{
    QString id;
    QString companyId;
    QString customerId;
    CreditKind kind = CreditKind::Credit;
    qint64 amount = 0; // signed minor units, never 0
    qint64 balanceBefore = 0;
    qint64 balanceAfter = 0;
    QString reason;
    QString reference;
    QString saleId;
    QString limitOverride; // the manager's reason when this entry went past the credit limit
    qint64 createdAt = 0;
    QString createdBy;

    friend bool operator==(const CreditEntry&, const CreditEntry&) = default;
};

} // namespace kasir
