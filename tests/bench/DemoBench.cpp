// bench_demo: how long DemoData takes to register KASIR_BENCH_CUSTOMERS customers (default
// 1,000,000) into a new database file, each one through CustomerService with its audit row
// and sync op, as `kasirctl demo` does. Target: 1,000,000 in at most 60 s. Measured once
// per repetition (Iterations(1)); company setup (password hashing) is not timed.
//
// The file is made in a temporary folder beside KASIR_BENCH_DB (the build folder by
// default; not /tmp, which may live in memory) and removed afterwards.

#include "core/domain/Clock.h"
#include "core/services/DemoData.h"
#include "core/storage/Database.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/MedianReporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

namespace kasir::bench {

namespace {

constexpr double targetSecondsPerMillion = 60.0;
const char* const benchmarkName = "DemoData/generate";

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

void demoGenerate(benchmark::State& state, const BenchSettings& settings)
{
    const QString folder = QFileInfo(settings.path).absolutePath();
    QDir().mkpath(folder);
    QTemporaryDir dir(QDir(folder).filePath(QStringLiteral("kasir-demo-XXXXXX")));
    if (!dir.isValid()) {
        state.SkipWithError(qPrintable(QStringLiteral("cannot make a folder in ") + folder));
        return;
    }
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    auto db = Database::open(path, SystemClock::instance());
    if (!db) {
        state.SkipWithError(qPrintable(db.error().describe()));
        return;
    }
    auto admin = DemoData::ensureCompany(**db);
    if (!admin) {
        state.SkipWithError(qPrintable(admin.error().describe()));
        return;
    }
    double seconds = 0;
    for (auto _ : state) {
        auto s = generateDemoCustomers(**db, *admin, settings.customers, settings.seed);
        if (!s) {
            state.SkipWithError(qPrintable(s.error().describe()));
            break;
        }
        seconds = *s;
    }
    state.counters["customers"] = static_cast<double>(settings.customers);
    state.counters["per_s"] = seconds > 0 ? static_cast<double>(settings.customers) / seconds : 0;
    state.counters["file_MB"] = static_cast<double>(fileSize(path)) / 1e6;
    db->reset();
}

int run()
{
    const BenchSettings settings = BenchSettings::fromEnvironment();
    benchmark::RegisterBenchmark(benchmarkName, [&settings](benchmark::State& s) { demoGenerate(s, settings); })
        ->Iterations(1)
        ->Unit(benchmark::kSecond)
        ->UseRealTime();
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    if (const auto ms = reporter.medianMs(benchmarkName)) {
        const double seconds = *ms / 1e3;
        const double perMillion = seconds * 1e6 / static_cast<double>(settings.customers);
        std::printf("\nSummary: demo wrote %lld customers in %.1f s (median), %.0f customers/s; %.1f s per 1M%s "
                    "(<= %.0f s): %s\n",
            static_cast<long long>(settings.customers), seconds, static_cast<double>(settings.customers) / seconds,
            perMillion, settings.customers < 1'000'000 ? " extrapolated linearly" : "", targetSecondsPerMillion,
            perMillion <= targetSecondsPerMillion ? "PASS" : "MISS");
    }
    return reporter.exitCode();
}

} // namespace

} // namespace kasir::bench

int main(int argc, char** argv)
{
    return kasir::bench::benchMain(argc, argv, &kasir::bench::run);
}
