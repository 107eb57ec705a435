// bench_dashboard: the membership dashboard's data on the checkout benchmark's file (1M
// customers, 5M sales by default), each beside its baseline in the same run:
//   BM_Dashboard              AnalyticsService::dashboard: the overview, the top customers
//                             by revenue, sales and balance, the newest customers and twelve
//                             months, in one read snapshot (what the dashboard page shows)
//   BM_Overview               AnalyticsService::overview alone (kasirctl stats)
//   BM_ScanOverview_Baseline  the same overview the way the seeds compute it: aggregates over
//                             every customer and every customer_metrics row, through the
//                             SQLite C API (what the running totals save)
//   BM_ScanMonths_Baseline    twelve months of sales summed from the sale table, C API
// Before and after, the overview must equal the scan's figures and MetricsService::check must
// find the running totals equal to the tables.
//
// The file comes from BenchSettings and SalesSettings as in bench_checkout (the same
// defaults, so they share it); KASIR_BENCH_FRESH=1 deletes it first.

#include "core/domain/Clock.h"
#include "core/services/AnalyticsService.h"
#include "core/services/MetricsService.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/MedianReporter.h"
#include "tests/bench/RawSqlite.h"
#include "tests/bench/SalesData.h"

#include <QDateTime>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

namespace kasir::bench {

namespace {

// The target from issue 4; BENCHMARKS.md explains it.
constexpr double dashboardTargetMs = 300;
constexpr int churnDays = 90;

const char* const dashboardName = "BM_Dashboard";
const char* const overviewName = "BM_Overview";
const char* const scanName = "BM_ScanOverview_Baseline";
const char* const monthsName = "BM_ScanMonths_Baseline";

// Seed 004's getCustomerStats and seed 000's stats, one pass over each table.
const QByteArray scanCustomers
    = "SELECT count(*), sum(status = 'active'), sum(status = 'inactive'), sum(status = 'blocked'), "
      "sum(type = 'walk-in'), sum(type = 'member'), sum(type = 'vip'), sum(type = 'wholesale'), "
      "sum(level = 'Bronze'), sum(level = 'Silver'), sum(level = 'Gold'), sum(level = 'Platinum'), "
      "sum(created_at >= ?2) FROM customer WHERE company_id = ?1";
const QByteArray scanFigures
    = "SELECT coalesce(sum(total_spent), 0), coalesce(sum(purchases), 0), coalesce(max(total_spent), 0), "
      "sum(purchases >= 1), sum(purchases >= 2), sum(purchases = 1), sum(purchases BETWEEN 2 AND 4), "
      "sum(purchases BETWEEN 5 AND 9), sum(purchases >= 10), sum(last_purchase_at < ?2), sum(credit < 0), "
      "coalesce(-sum(min(credit, 0)), 0), sum(credit > 0), coalesce(sum(max(credit, 0)), 0), "
      "coalesce(sum(points), 0) FROM customer_metrics WHERE company_id = ?1";
const QByteArray scanMonth = "SELECT count(*), coalesce(sum(total), 0) FROM sale WHERE company_id = ?1 "
                             "AND created_at >= ?2 AND created_at < ?3";

struct Fixture
{
    BenchDatabase* bench = nullptr;
    RawSqlite* reader = nullptr;
    QByteArray companyId;
    QTimeZone zone = QTimeZone::systemTimeZone();
};

qint64 monthStart(qint64 nowMs, const QTimeZone& zone, int back)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    return QDateTime(QDate(today.year(), today.month(), 1).addMonths(-back), QTime(0, 0), zone).toMSecsSinceEpoch();
}

struct Scan
{
    qint64 customers[13] = {};
    qint64 figures[15] = {};
};

bool scan(Fixture& f, sqlite3_stmt* customers, sqlite3_stmt* figures, qint64 nowMs, Scan& out)
{
    sqlite3_bind_text(customers, 1, f.companyId.constData(), int(f.companyId.size()), SQLITE_STATIC);
    sqlite3_bind_int64(customers, 2, monthStart(nowMs, f.zone, 0));
    sqlite3_bind_text(figures, 1, f.companyId.constData(), int(f.companyId.size()), SQLITE_STATIC);
    sqlite3_bind_int64(figures, 2, nowMs - churnDays * 86'400'000LL);
    if (sqlite3_step(customers) != SQLITE_ROW || sqlite3_step(figures) != SQLITE_ROW)
        return false;
    for (int i = 0; i < 13; ++i)
        out.customers[i] = sqlite3_column_int64(customers, i);
    for (int i = 0; i < 15; ++i)
        out.figures[i] = sqlite3_column_int64(figures, i);
    sqlite3_reset(customers);
    sqlite3_reset(figures);
    return true;
}

// The overview against the scan, figure by figure; prints what differs.
bool sameFigures(const AnalyticsOverview& o, const Scan& s)
{
    const std::pair<const char*, std::pair<qint64, qint64>> pairs[] = {
        {"totalCustomers", {o.totalCustomers, s.customers[0]}},
        {"activeCustomers", {o.activeCustomers, s.customers[1]}},
        {"inactiveCustomers", {o.inactiveCustomers, s.customers[2]}},
        {"blockedCustomers", {o.blockedCustomers, s.customers[3]}},
        {"walkInCustomers", {o.walkInCustomers, s.customers[4]}},
        {"memberCustomers", {o.memberCustomers, s.customers[5]}},
        {"vipCustomers", {o.vipCustomers, s.customers[6]}},
        {"wholesaleCustomers", {o.wholesaleCustomers, s.customers[7]}},
        {"bronze", {o.byLevel.value(0).customers, s.customers[8]}},
        {"silver", {o.byLevel.value(1).customers, s.customers[9]}},
        {"gold", {o.byLevel.value(2).customers, s.customers[10]}},
        {"platinum", {o.byLevel.value(3).customers, s.customers[11]}},
        {"newThisMonth", {o.newThisMonth, s.customers[12]}},
        {"totalRevenue", {o.totalRevenue, s.figures[0]}},
        {"maxSpent", {o.maxSpent, s.figures[2]}},
        {"customersWithPurchases", {o.customersWithPurchases, s.figures[3]}},
        {"repeatCustomers", {o.repeatCustomers, s.figures[4]}},
        {"oneTime", {o.frequencies.value(1).customers, s.figures[5]}},
        {"occasional", {o.frequencies.value(2).customers, s.figures[6]}},
        {"regular", {o.frequencies.value(3).customers, s.figures[7]}},
        {"frequent", {o.frequencies.value(4).customers, s.figures[8]}},
        {"churned", {o.churned, s.figures[9]}},
        {"customersWithDebt", {o.customersWithDebt, s.figures[10]}},
        {"totalDebt", {o.totalDebt, s.figures[11]}},
        {"customersWithCredit", {o.customersWithCredit, s.figures[12]}},
        {"totalCredit", {o.totalCredit, s.figures[13]}},
        {"pointsOutstanding", {o.pointsOutstanding, s.figures[14]}},
    };
    bool same = true;
    for (const auto& [name, values] : pairs) {
        if (values.first != values.second) {
            std::fprintf(stderr, "  %s: overview %lld, scan %lld\n", name, static_cast<long long>(values.first),
                static_cast<long long>(values.second));
            same = false;
        }
    }
    return same;
}

bool agrees(Fixture& f, const char* when)
{
    auto differences = MetricsService(f.bench->db(), f.bench->actor()).check(20);
    if (!differences || !differences->isEmpty()) {
        std::fprintf(stderr, "check %s: %s\n", when,
            differences ? "the figures disagree with the facts" : qPrintable(differences.error().describe()));
        return false;
    }
    auto overview = AnalyticsService(f.bench->db(), f.bench->actor(), f.zone).overview(churnDays);
    QString error;
    sqlite3_stmt* customers = f.reader->prepare(scanCustomers, &error);
    sqlite3_stmt* figures = f.reader->prepare(scanFigures, &error);
    Scan s;
    // The scan as of the same instant as the overview.
    if (!overview || !customers || !figures || !scan(f, customers, figures, overview->asOf, s)) {
        std::fprintf(stderr, "check %s: cannot read the overview or the scan %s\n", when, qPrintable(error));
        return false;
    }
    if (!sameFigures(*overview, s)) {
        std::fprintf(stderr, "check %s: the overview and the scan disagree\n", when);
        return false;
    }
    std::fprintf(stderr, "check %s: totals agree with the tables; the overview equals the scan (%lld customers)\n",
        when, static_cast<long long>(overview->totalCustomers));
    return true;
}

void dashboard(benchmark::State& state, Fixture& f)
{
    AnalyticsService service(f.bench->db(), f.bench->actor(), f.zone);
    qint64 rows = 0;
    for (auto _ : state) {
        auto d = service.dashboard(churnDays);
        if (!d) {
            state.SkipWithError(qPrintable(d.error().describe()));
            return;
        }
        rows = d->topByRevenue.size() + d->topBySales.size() + d->topByBalance.size() + d->recent.size()
            + d->months.size();
        benchmark::DoNotOptimize(d->overview.totalCustomers);
    }
    state.counters["rows"] = static_cast<double>(rows);
}

void overview(benchmark::State& state, Fixture& f)
{
    AnalyticsService service(f.bench->db(), f.bench->actor(), f.zone);
    for (auto _ : state) {
        auto o = service.overview(churnDays);
        if (!o) {
            state.SkipWithError(qPrintable(o.error().describe()));
            return;
        }
        benchmark::DoNotOptimize(o->totalCustomers);
    }
}

void scanOverview(benchmark::State& state, Fixture& f)
{
    QString error;
    sqlite3_stmt* customers = f.reader->prepare(scanCustomers, &error);
    sqlite3_stmt* figures = f.reader->prepare(scanFigures, &error);
    if (!customers || !figures) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    const qint64 now = f.bench->db().clock().nowMs();
    Scan s;
    for (auto _ : state) {
        if (!scan(f, customers, figures, now, s)) {
            state.SkipWithError(qPrintable(f.reader->lastError()));
            return;
        }
    }
    state.counters["customers"] = static_cast<double>(s.customers[0]);
}

void scanMonths(benchmark::State& state, Fixture& f)
{
    QString error;
    sqlite3_stmt* month = f.reader->prepare(scanMonth, &error);
    if (!month) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    const qint64 now = f.bench->db().clock().nowMs();
    qint64 sales = 0;
    for (auto _ : state) {
        sales = 0;
        for (int back = 11; back >= 0; --back) {
            sqlite3_bind_text(month, 1, f.companyId.constData(), int(f.companyId.size()), SQLITE_STATIC);
            sqlite3_bind_int64(month, 2, monthStart(now, f.zone, back));
            sqlite3_bind_int64(month, 3, monthStart(now, f.zone, back - 1));
            if (sqlite3_step(month) != SQLITE_ROW) {
                state.SkipWithError(qPrintable(f.reader->lastError()));
                return;
            }
            sales += sqlite3_column_int64(month, 0);
            sqlite3_reset(month);
        }
    }
    state.counters["sales"] = static_cast<double>(sales);
}

void summaryRow(const char* what, const std::optional<MedianReporter::Median>& m, const std::string& checks)
{
    if (m)
        std::printf("| %-44s | %9.2f | %9.2f | %s |\n", what, m->wallMs, m->cpuMs, checks.c_str());
    else
        std::printf("| %-44s | %9s | %9s | did not run |\n", what, "-", "-");
}

int run()
{
    auto prepared = SalesData::prepare();
    if (!prepared)
        return 1;
    Fixture f;
    auto reader = prepared->openReader(QStringLiteral(", time zone ") + QString::fromUtf8(f.zone.id()));
    if (!reader)
        return 1;
    f.bench = prepared->bench.get();
    f.reader = reader.get();
    f.companyId = prepared->bench->actor().companyId.toUtf8();
    if (!agrees(f, "before"))
        return 1;

    const auto add = [&](const char* name, void (*fn)(benchmark::State&, Fixture&)) {
        benchmark::RegisterBenchmark(name, [&f, fn](benchmark::State& s) { fn(s, f); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    };
    add(scanName, &scanOverview);
    add(overviewName, &overview);
    add(monthsName, &scanMonths);
    add(dashboardName, &dashboard);
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    if (!agrees(f, "after"))
        return 1;

    std::printf("\n| %-44s | %9s | %9s | %s |\n", "measurement", "wall ms", "CPU ms", "target (on wall time)");
    std::printf("|%s|----------:|----------:|---|\n", std::string(46, '-').c_str());
    summaryRow("overview from scans of the tables (baseline)", reporter.median(scanName), "baseline");
    summaryRow("AnalyticsService::overview (kasirctl stats)", reporter.median(overviewName), "");
    summaryRow("12 months from the sale table (baseline)", reporter.median(monthsName), "baseline");
    if (const auto m = reporter.median(dashboardName)) {
        const std::string checks
            = QString::asprintf("<= %.0f ms: %s", dashboardTargetMs, m->wallMs <= dashboardTargetMs ? "pass" : "FAIL")
                  .toStdString();
        summaryRow("AnalyticsService::dashboard (the whole page)", m, checks);
    }
    std::fflush(stdout);
    const auto d = reporter.median(dashboardName);
    if (d && d->wallMs > dashboardTargetMs)
        return 1;
    return reporter.exitCode();
}

} // namespace

} // namespace kasir::bench

int main(int argc, char** argv)
{
    return kasir::bench::benchMain(argc, argv, &kasir::bench::run);
}
