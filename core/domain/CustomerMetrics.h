#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

// How often a customer comes back, by the number of purchases that stand (sales less
// refunds). The thresholds are defined here and nowhere else: the figures, the filters and
// the dashboard all read them from RepeatFrequencies.
enum class RepeatFrequency
{
    None, // no purchase yet
    OneTime,
    Occasional,
    Regular,
    Frequent,
};

namespace RepeatFrequencies {
constexpr qint64 occasionalFrom = 2;
constexpr qint64 regularFrom = 5;
constexpr qint64 frequentFrom = 10;

RepeatFrequency of(qint64 purchases);
// The purchase counts of a frequency: from (inclusive) and below (exclusive), either open.
struct PurchasesRange
{
    std::optional<qint64> from;
    std::optional<qint64> below;
};
PurchasesRange rangeOf(RepeatFrequency frequency);
QString toString(RepeatFrequency frequency); // "none", "one_time", "occasional", "regular", "frequent"
// For people, translated: "No purchase", "One-time"...
QString displayName(RepeatFrequency frequency);
std::optional<RepeatFrequency> parse(QStringView text);
// The same classification as an SQL CASE over a column holding the purchase count.
QString sqlCase(const QString& purchasesColumn);
QStringList names();
} // namespace RepeatFrequencies

// What a customer's facts add up to: their sales and refunds (their own and walk-in sales
// linked to them), points and store-credit entries. Kept in customer_metrics as each fact
// is written; `kasirctl rebuild` makes it again from the facts and `kasirctl check`
// compares the two. Amounts are in the currency's minor unit.
struct CustomerMetrics
{
    QString customerId;
    qint64 purchases = 0; // sales less refunds
    qint64 totalSpent = 0; // net of refunds and discounts
    qint64 totalItems = 0;
    std::optional<qint64> firstPurchaseAt; // epoch ms of the first and last sale that stands
    std::optional<qint64> lastPurchaseAt;
    qint64 points = 0;
    qint64 credit = 0; // positive: credit held; negative: debt

    // Derived from the figures above, never stored.
    qint64 averageOrderValue() const { return purchases > 0 ? totalSpent / purchases : 0; }
    qint64 lifetimeValue() const { return totalSpent; }
    bool isRepeatCustomer() const { return purchases >= 2; }
    RepeatFrequency repeatFrequency() const { return RepeatFrequencies::of(purchases); }
    // Whole days between the last purchase and `nowMs`; none before the first purchase.
    std::optional<qint64> daysSinceLastPurchase(qint64 nowMs) const;

    friend bool operator==(const CustomerMetrics&, const CustomerMetrics&) = default;
};

// A month of a customer's purchases ("2026-11", in UTC).
struct MonthlySpending
{
    QString month;
    qint64 purchases = 0;
    qint64 spent = 0;
    friend bool operator==(const MonthlySpending&, const MonthlySpending&) = default;
};

// What a customer bought most of, net of refunds.
struct ProductTotal
{
    QString sku;
    QString name;
    qint64 quantity = 0;
    qint64 amount = 0;
    friend bool operator==(const ProductTotal&, const ProductTotal&) = default;
};

// Where the cache and the facts disagree, one figure of one customer.
struct MetricsDifference
{
    QString customerId;
    QString field; // "purchases", "totalSpent", ... as in JSON
    QString cached; // as text, "" for none
    QString fromFacts;
    friend bool operator==(const MetricsDifference&, const MetricsDifference&) = default;
};

} // namespace kasir
