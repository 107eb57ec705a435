// bench_desktop: the desktop app's own numbers on an existing terminal file (KASIR_BENCH_DB,
// e.g. the 1M-customer checkout file), offscreen, each beside a baseline in the same run:
//   BM_StartToCounter          a new window on the file, shown, until the counter's phone
//                              field has the keyboard (what a cashier waits for)
//   BM_OpenDatabase_Baseline   opening the file and reading its company: the least any
//                              start does
//   BM_TableFirstPage          the customer table's first page (CustomerTableModel)
//   BM_TableFirstPage_Baseline the same 200 rows by name through the SQLite C API
//   BM_CounterLookup           four digits typed into the counter's phone field until the
//                              matches are on screen
//   BM_CounterLookup_Baseline  CheckoutService::lookup of the same digits
// and once, before them: the memory that scrolling the customer list to its end adds, the
// list (CustomerListView) on screen and scrolled to its bottom again and again, as a person
// holding End does, until the last customer is shown.

#include "core/domain/Clock.h"
#include "core/domain/Customer.h"
#include "core/services/CheckoutService.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "tests/bench/MedianReporter.h"
#include "tests/bench/RawSqlite.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/views/CounterView.h"
#include "ui/views/CustomerListView.h"
#include "ui/views/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QWidget>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace kasir::bench {

namespace {

// The targets from the desktop issue; BENCHMARKS.md explains them.
constexpr double startTargetMs = 1500;
constexpr double firstPageTargetMs = 200;
constexpr double lookupTargetMs = 50;
constexpr double scrollMemoryTargetMb = 100;

struct Fixture
{
    QString path;
    std::unique_ptr<Database> db;
    Company company;
    Actor actor;
    std::unique_ptr<RawSqlite> reader;
    QString digits; // the last four digits of a customer's phone
};

// Memory of this process that is its own, in MB: resident minus shared (Linux:
// /proc/self/statm). The database file's pages, memory-mapped by SQLite, are resident but
// shared with the page cache, and are given back under pressure: they are not the app's.
double privateMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 3)
        return -1;
    return (fields.at(1).toDouble() - fields.at(2).toDouble()) * 4096.0 / (1024.0 * 1024.0);
}

std::optional<Actor> adminOf(Database& db, const Company& company)
{
    auto admin = TenancyRepository(db).firstAdmin(company.id);
    if (!admin || !admin->has_value())
        return std::nullopt;
    return (*admin)->actor();
}

// Processes events until `done` or `limitMs`; whether it is done.
template<typename Done>
bool waitFor(Done done, int limitMs = 10'000)
{
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void startToCounter(benchmark::State& state, Fixture& f)
{
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        auto db = Database::open(f.path, SystemClock::instance());
        if (!db) {
            state.SkipWithError(qPrintable(db.error().describe()));
            break;
        }
        auto company = SetupService(**db).currentCompany();
        auto actor = company ? adminOf(**db, *company) : std::nullopt;
        if (!actor) {
            state.SkipWithError("no company or administrator");
            break;
        }
        auto window = std::make_unique<MainWindow>(**db, *actor, *company);
        window->resize(1366, 768);
        window->show();
        auto* lookup = window->findChild<QLineEdit*>(QStringLiteral("customerLookup"));
        const bool ready = lookup && waitFor([&] { return window->isVisible() && lookup->hasFocus(); });
        state.SetIterationTime(static_cast<double>(timer.nsecsElapsed()) / 1e9);
        if (!ready) {
            state.SkipWithError("the counter never got the keyboard");
            break;
        }
        window.reset();
        db->reset();
    }
}

void openDatabase(benchmark::State& state, Fixture& f)
{
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        auto db = Database::open(f.path, SystemClock::instance());
        auto company = db ? SetupService(**db).currentCompany() : Result<Company>(db.error());
        state.SetIterationTime(static_cast<double>(timer.nsecsElapsed()) / 1e9);
        if (!company) {
            state.SkipWithError(qPrintable(company.error().describe()));
            break;
        }
    }
}

void tableFirstPage(benchmark::State& state, Fixture& f)
{
    CustomerTableModel model(*f.db, f.actor);
    for (auto _ : state) {
        model.refresh();
        if (model.rowCount() != CustomerTableModel::pageSize) {
            state.SkipWithError("the first page is not full");
            break;
        }
    }
}

void tableFirstPageBaseline(benchmark::State& state, Fixture& f)
{
    QString error;
    sqlite3_stmt* q = f.reader->prepare(
        "SELECT c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
        "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
        "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
        "c.updated_at, c.created_by, c.updated_by FROM customer c WHERE c.company_id = ?1 "
        "ORDER BY c.name_key, c.id LIMIT 201",
        &error);
    if (!q) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    const QByteArray company = f.company.id.toUtf8();
    sqlite3_bind_text(q, 1, company.constData(), static_cast<int>(company.size()), SQLITE_STATIC);
    qint64 bytes = 0;
    for (auto _ : state) {
        if (RawSqlite::readAllAsText(q, &bytes) != CustomerTableModel::pageSize + 1) {
            state.SkipWithError("the first page is not full");
            break;
        }
    }
    benchmark::DoNotOptimize(bytes);
}

void counterLookup(benchmark::State& state, Fixture& f)
{
    CounterView counter(*f.db, f.actor, f.company);
    counter.resize(1366, 768);
    counter.show();
    auto* lookup = counter.findChild<QLineEdit*>(QStringLiteral("customerLookup"));
    auto* matches = counter.findChild<QWidget*>(QStringLiteral("customerMatches"));
    auto* name = counter.findChild<QWidget*>(QStringLiteral("customerName"));
    if (!lookup || !matches || !name) {
        state.SkipWithError("the counter has changed its object names");
        return;
    }
    // On screen: the list of matches, or the one customer's card.
    const auto shown = [&] { return matches->isVisible() || name->isVisible(); };
    for (auto _ : state) {
        lookup->clear();
        waitFor([&] { return !shown(); }, 1000);
        QElapsedTimer timer;
        timer.start();
        QTest::keyClicks(lookup, f.digits);
        const bool ok = waitFor(shown, 2000);
        state.SetIterationTime(static_cast<double>(timer.nsecsElapsed()) / 1e9);
        if (!ok) {
            state.SkipWithError("no match was shown");
            break;
        }
    }
}

void counterLookupBaseline(benchmark::State& state, Fixture& f)
{
    CheckoutService checkout(*f.db, f.actor);
    for (auto _ : state) {
        auto found = checkout.lookup(f.digits);
        if (!found || found->isEmpty()) {
            state.SkipWithError("no match");
            break;
        }
        benchmark::DoNotOptimize(found);
    }
}

// The page cache of this thread's connection to the file, in MB.
double sqliteCacheMb(Database& db)
{
    const QVariant handle = db.connection().driver()->handle();
    sqlite3* raw = handle.isValid() ? *static_cast<sqlite3* const*>(handle.data()) : nullptr;
    int used = 0;
    int highwater = 0;
    if (!raw || sqlite3_db_status(raw, SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0) != SQLITE_OK)
        return -1;
    return used / (1024.0 * 1024.0);
}

// Scrolling to the end: the list shown at 1366x768, its table scrolled to the bottom, which
// makes it fetch the next page, until there is none (or KASIR_BENCH_SCROLL_ROWS rows).
void measureScrolling(Fixture& f)
{
    const int stopAt = qEnvironmentVariableIntValue("KASIR_BENCH_SCROLL_ROWS");
    CustomerListView list(*f.db, f.actor);
    list.resize(1366, 768);
    list.show();
    auto* table = list.findChild<QTableView*>();
    CustomerTableModel* model = list.customerModel();
    if (!table || !waitFor([&] { return model->rowCount() > 0 && !model->isCounting(); })) {
        std::printf("scrolling to the end: the list showed no customers\n");
        return;
    }
    QCoreApplication::processEvents();
    const double before = privateMb();
    const double cacheBefore = sqliteCacheMb(*f.db);
    QElapsedTimer timer;
    timer.start();
    QElapsedTimer stalled;
    stalled.start();
    int rows = model->rowCount();
    while (model->canFetchMore({}) && (stopAt <= 0 || model->rowCount() < stopAt)) {
        table->scrollToBottom();
        QCoreApplication::processEvents();
        if (model->rowCount() != rows) {
            rows = model->rowCount();
            stalled.restart();
        } else if (stalled.elapsed() > 10'000) {
            break; // reported below as not at the end
        }
    }
    QCoreApplication::processEvents();
    const double after = privateMb();
    const double cacheAfter = sqliteCacheMb(*f.db);
    std::printf("scrolling to the end: %d rows in %.1f s, private memory %.0f MB -> %.0f MB (+%.0f MB; target < %.0f "
                "MB: %s); rows in memory %d; page cache of the list's connection %.0f MB -> %.0f MB\n",
        model->rowCount(), static_cast<double>(timer.elapsed()) / 1000.0, before, after, after - before,
        scrollMemoryTargetMb,
        model->canFetchMore({})                     ? "not at the end"
            : after - before < scrollMemoryTargetMb ? "PASS"
                                                    : "MISS",
        model->residentRowCount(), cacheBefore, cacheAfter);
    std::fflush(stdout);
}

void printSummary(const MedianReporter& r)
{
    const auto row = [&](const char* what, const std::string& name, const std::string& baseline, double target) {
        const auto m = r.median(name);
        const auto b = r.median(baseline);
        if (!m)
            return;
        std::printf("| %-28s | %10.2f | %10.2f | %s |\n", what, m->wallMs, b ? b->wallMs : -1.0,
            m->wallMs <= target ? "PASS" : "MISS");
    };
    std::printf(
        "\n| %-28s | %10s | %10s | %s |\n|---|--:|--:|---|\n", "measurement", "median ms", "baseline", "target");
    row("start to usable counter", "BM_StartToCounter", "BM_OpenDatabase_Baseline", startTargetMs);
    row("customer table first page", "BM_TableFirstPage", "BM_TableFirstPage_Baseline", firstPageTargetMs);
    row("counter lookup, 4 digits", "BM_CounterLookup", "BM_CounterLookup_Baseline", lookupTargetMs);
    std::fflush(stdout);
}

int run()
{
    Fixture f;
    f.path = qEnvironmentVariable("KASIR_BENCH_DB");
    if (f.path.isEmpty() || !QFile::exists(f.path)) {
        std::fprintf(stderr, "KASIR_BENCH_DB must name an existing Kasir file (bench_checkout makes one)\n");
        return 2;
    }
    auto db = Database::open(f.path, SystemClock::instance());
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().describe()));
        return 1;
    }
    f.db = std::move(*db);
    auto company = SetupService(*f.db).currentCompany();
    auto actor = company ? adminOf(*f.db, *company) : std::nullopt;
    if (!actor) {
        std::fprintf(stderr, "the file has no company or administrator\n");
        return 1;
    }
    f.company = *company;
    f.actor = *actor;
    QString error;
    f.reader = RawSqlite::open(f.path, &error);
    if (!f.reader) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // A phone in the middle of the directory.
    QSqlQuery q(f.db->connection());
    if (!q.exec(QStringLiteral("SELECT phone FROM customer WHERE phone IS NOT NULL AND seq >= (SELECT max(seq) / 2 "
                               "FROM customer) ORDER BY seq LIMIT 1"))
        || !q.next()) {
        std::fprintf(stderr, "the file has no customer with a phone\n");
        return 1;
    }
    f.digits = q.value(0).toString().right(4);
    q.finish();

    if (qEnvironmentVariableIntValue("KASIR_BENCH_SKIP_SCROLL") == 0)
        measureScrolling(f);

    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark("BM_StartToCounter", [&f](benchmark::State& s) { startToCounter(s, f); })
        ->Unit(kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("BM_OpenDatabase_Baseline", [&f](benchmark::State& s) { openDatabase(s, f); })
        ->Unit(kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("BM_TableFirstPage", [&f](benchmark::State& s) { tableFirstPage(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(
        "BM_TableFirstPage_Baseline", [&f](benchmark::State& s) { tableFirstPageBaseline(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("BM_CounterLookup", [&f](benchmark::State& s) { counterLookup(s, f); })
        ->Unit(kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark(
        "BM_CounterLookup_Baseline", [&f](benchmark::State& s) { counterLookupBaseline(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    printSummary(reporter);
    return reporter.exitCode();
}

} // namespace

} // namespace kasir::bench

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    QApplication app(argc, argv);
    const int rc = kasir::bench::run();
    benchmark::Shutdown();
    return rc;
}
