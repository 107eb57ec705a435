#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerMetrics.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

// The membership dashboard's data (seeds 000, 001 and 004): the overview cards, customers by
// level, the frequency distribution, top and recent customers, and months.

struct LevelCount
{
    MembershipLevel level = MembershipLevel::Bronze;
    qint64 customers = 0;
    friend bool operator==(const LevelCount&, const LevelCount&) = default;
};

struct FrequencyCount
{
    RepeatFrequency frequency = RepeatFrequency::None;
    qint64 customers = 0;
    friend bool operator==(const FrequencyCount&, const FrequencyCount&) = default;
};

struct AnalyticsOverview
{
    qint64 asOf = 0; // epoch ms the figures were read at
    int churnDays = 0;

    qint64 totalCustomers = 0;
    qint64 activeCustomers = 0;
    qint64 inactiveCustomers = 0;
    qint64 blockedCustomers = 0;
    qint64 walkInCustomers = 0; // by type
    qint64 memberCustomers = 0;
    qint64 vipCustomers = 0;
    qint64 wholesaleCustomers = 0;
    qint64 membershipActive = 0; // member or vip
    qint64 newThisMonth = 0; // registered since the first of this month, in the shop's time
    QList<LevelCount> byLevel; // every level, Bronze first

    qint64 totalRevenue = 0; // what customers spent, net of refunds (minor units)
    qint64 averageLifetimeValue = 0; // totalRevenue over all customers, rounded
    double averagePurchases = 0; // purchases over all customers
    qint64 maxSpent = 0;
    qint64 customersWithPurchases = 0;
    qint64 repeatCustomers = 0; // two purchases or more
    double repeatPercent = 0; // repeat customers of all customers, 0-100
    QList<FrequencyCount> frequencies; // none, one-time, occasional, regular, frequent
    qint64 churned = 0; // bought once, but not in the last churnDays days

    qint64 customersWithDebt = 0;
    qint64 totalDebt = 0; // what they owe, as a positive amount
    qint64 customersWithCredit = 0;
    qint64 totalCredit = 0;
    qint64 pointsOutstanding = 0;
};

// One row of a top or recent list.
struct RankedCustomer
{
    QString id;
    QString code;
    QString name;
    CustomerType type = CustomerType::WalkIn;
    CustomerStatus status = CustomerStatus::Active;
    MembershipLevel level = MembershipLevel::Bronze;
    qint64 createdAt = 0;
    CustomerMetrics metrics;
};

enum class RankBy
{
    Revenue, // total spent
    Sales, // number of purchases
    Balance, // store credit held
};

namespace RankByNames {
QString toString(RankBy by); // "revenue", "sales", "balance"
std::optional<RankBy> parse(QStringView text);
QStringList names();
} // namespace RankByNames

// One calendar month in the shop's time zone.
struct MonthFigures
{
    QDate month; // its first day
    qint64 newCustomers = 0;
    qint64 sales = 0;
    qint64 refunds = 0;
    qint64 revenue = 0; // every sale's total less refunds, walk-in sales included
    friend bool operator==(const MonthFigures&, const MonthFigures&) = default;
};

struct RepeatPage
{
    QList<RankedCustomer> items; // most purchases first
    QString nextCursor; // empty on the last page
};

} // namespace kasir
