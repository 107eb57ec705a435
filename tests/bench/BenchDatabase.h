#pragma once

#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/storage/Database.h"

#include <QString>

#include <memory>

namespace kasir::bench {

// What the benchmarks run on, from the environment:
//   KASIR_BENCH_DB         the SQLite file (default: bench-1m.db, bench-20k.db... in the build folder)
//   KASIR_BENCH_CUSTOMERS  how many demo customers it must hold (default 1000000)
//   KASIR_BENCH_SEED       the demo seed (default 42); the benchmarks know which phone numbers
//                          and names exist only because demo data is deterministic for a seed
struct BenchSettings
{
    QString path;
    qint64 customers = 1'000'000;
    quint64 seed = 42;

    static BenchSettings fromEnvironment();
    // "bench-1m.db" for 1,000,000, "bench-20k.db" for 20,000, in the build folder.
    static QString defaultPath(qint64 customers);
};

// The benchmark database: opened like the app opens it, with the demo company, and topped
// up with demo customers (through DemoData, timed and reported) when it holds fewer than
// asked for.
class BenchDatabase final
{
public:
    Q_DISABLE_COPY_MOVE(BenchDatabase)
    ~BenchDatabase();

    static Result<std::unique_ptr<BenchDatabase>> prepare(const BenchSettings& settings);

    Database& db() { return *m_db; }
    const Actor& actor() const { return m_actor; }
    const BenchSettings& settings() const { return m_settings; }
    // Demo customers in the file, indexes 0 .. customers() - 1 of DemoData::customer().
    qint64 customers() const { return m_customers; }
    // How many customers prepare() had to write and how long it took (0 and -1 if none).
    qint64 generated() const { return m_generated; }
    double generationSeconds() const { return m_generationSeconds; }

private:
    explicit BenchDatabase(BenchSettings settings);

    BenchSettings m_settings;
    std::unique_ptr<Database> m_db;
    Actor m_actor;
    qint64 m_customers = 0;
    qint64 m_generated = 0;
    double m_generationSeconds = -1;
};

// Writes `count` demo customers (after any already there) and reports progress on stderr
// every `step` customers; returns the seconds it took, or the error.
Result<double> generateDemoCustomers(
    Database& db, const Actor& actor, qint64 count, quint64 seed, qint64 step = 100'000);

// Deletes the database file and the files SQLite keeps beside it (KASIR_BENCH_FRESH=1);
// false, with the reason on stderr, when one cannot be removed.
bool removeDatabase(const QString& path);

// The main() of every benchmark program: Google Benchmark's arguments, a Qt application
// for QtSql, then `run`, whose return value is the exit code.
int benchMain(int argc, char** argv, int (*run)());

} // namespace kasir::bench
