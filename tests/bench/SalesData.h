#pragma once

#include "core/domain/Product.h"
#include "core/domain/Result.h"

#include <QString>

#include <memory>
#include <optional>

namespace kasir::bench {

class BenchDatabase;
class RawSqlite;

// How many sales the checkout benchmark's file must hold, from the environment:
//   KASIR_BENCH_SALES  generated sales (default 5000000), refunds not counted
struct SalesSettings
{
    qint64 sales = 5'000'000;

    static SalesSettings fromEnvironment();
    // "bench-1m-5m-sales.db" for 1,000,000 customers and 5,000,000 sales, in the build folder.
    static QString defaultPath(qint64 customers, qint64 sales);
};

// Two years of a busy store's sales on top of a BenchDatabase's demo customers, so that a
// checkout is measured against tables of the size it will meet:
//  - a catalogue of productCount products (SKU "BRG-0001"...), each a grocery item in one of
//    four pack sizes;
//  - sales of 1 to 5 distinct lines at a generated terminal of the demo store (terminalCode,
//    order numbers "S01-GEN-000001"...), in shop hours, in time order; about 85 % to registered
//    customers (half of those drawn with a skew, so that some buy every few days and others
//    once), the rest walk-ins, some of whom leave a name or a phone number;
//  - paid in cash, by card or mobile money (sometimes card and cash); discounts and points
//    as CheckoutService gives them (the customer's own discount, else a member's level);
//  - about 1 % refunded within a week, written as CheckoutService::refund writes them
//    (negated figures, `reverses`, points taken back);
//  - then customer_metrics made again from the facts in SQL, and each customer's level and
//    type moved up by what they spent, as the membership rules would have.
// Everything is written with plain SQL statements of many rows each, in one transaction
// (all or nothing), without audit rows or sync ops: this is history that a terminal would
// have pulled, not changes it makes. The same seed on the same customers gives the same
// sales, ids included (the two years end on the day the customers were written).
class SalesData final
{
public:
    static constexpr int productCount = 200;
    // The generated sales are sold at this terminal of the demo store.
    static constexpr const char* terminalCode = "GEN";

    // The index-th product of the catalogue, 0 <= index < productCount (no id: the file has it).
    static Product product(int index);

    struct Report
    {
        qint64 sales = 0; // generated sales the file holds
        qint64 refunds = 0; // refunds among the generated rows
        bool generated = false; // false: the file already held enough, nothing was written
        double seconds = 0; // the whole generation, metrics included
        double metricsSeconds = 0; // of which customer_metrics and tiers
        qint64 pointsEntries = 0; // points entries written
        qint64 tierChanges = 0; // customers whose level or type the generation moved
    };

    // Makes sure the file holds at least `sales` generated sales: nothing is written when
    // it does; they are generated when it holds none; a file holding some but fewer is an
    // error (the two years would be spread over a different number of sales). Progress goes
    // to stderr every `step` sales.
    static Result<Report> ensure(BenchDatabase& bench, qint64 sales, quint64 seed, qint64 step = 500'000);

    // What the sales benchmarks run on: the file BenchSettings and SalesSettings name
    // (KASIR_BENCH_FRESH=1 deletes it first), with its demo customers and generated sales.
    struct Prepared
    {
        std::unique_ptr<BenchDatabase> bench;
        Report report;
        QString path;

        // The C API's read-only connection to the file for the baselines, after a line on
        // stderr that says what the file holds (`extra` is appended to it); nullptr after
        // saying why it cannot be opened.
        std::unique_ptr<RawSqlite> openReader(const QString& extra = {}) const;
    };
    // nullopt after saying on stderr what failed.
    static std::optional<Prepared> prepare();
};

// A UUID version 7 (the layout of Ids::newUuid) for a time and 64 random bits, as its 36
// characters of text, without the system's randomness: the same bits give the same id.
void formatUuidV7(qint64 unixMs, quint64 random, char* out36);

} // namespace kasir::bench
