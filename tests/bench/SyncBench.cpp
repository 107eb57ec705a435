// bench_sync: sync through a real kasir-server on 127.0.0.1 (SQLite in a temporary folder, or
// the PostgreSQL of KASIR_TEST_PG), each result beside a baseline measured in the same run.
//
//   Sync/initial            a new terminal downloads a company of KASIR_BENCH_CUSTOMERS customers
//                           (default 1,000,000): >= 20,000 rows/s.
//                           Baseline: the same pages applied by ChangeApplier straight from
//                           memory (no server, no HTTP, no JSON) into another new file.
//   Sync/pushPull           100,000 ops (KASIR_BENCH_OPS) pushed by one terminal and pulled by
//                           another that holds the whole company: <= 10 s.
//   Sync/incremental        one change made at one terminal, pulled and applied by another that
//                           holds the whole company: <= 50 ms (median of 20).
//   Sync/terminals          KASIR_BENCH_TERMINALS (200) terminals syncing at once, each pushing
//                           10 changes and pulling what the others pushed, 5 rounds: every
//                           request answered, p95 latency reported.
//
// The company's customers are made once by DemoData on a first terminal and pushed (the
// push rate is reported too). Files go in a folder beside KASIR_BENCH_DB (the build folder
// by default; not /tmp, which may live in memory) and are removed afterwards, unless
// KASIR_BENCH_KEEP is set.

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/services/CustomerService.h"
#include "core/services/DemoData.h"
#include "core/storage/Database.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"
#include "core/sync/ChangeApplier.h"
#include "core/sync/ServerStore.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLoad.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/MedianReporter.h"
#include "tests/support/ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace kasir::bench {

namespace {

struct Terminal
{
    std::unique_ptr<Database> db;
    std::unique_ptr<SyncEngine> engine;
};

struct World
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<test::ServerProcess> server;
    QNetworkAccessManager network;
    QString companyId;
    QString storeId;
    Actor admin;
    Terminal source; // made the customers
    Terminal holder; // downloaded them
    qint64 customers = 0;
    double pushSeconds = 0;
    std::optional<Error> error;
};

Status waitFor(SyncEngine& engine, const std::function<void()>& start)
{
    std::optional<Status> out;
    QEventLoop loop;
    const auto c = QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const Status& s) {
        out = s;
        loop.quit();
    });
    start();
    if (!out)
        loop.exec();
    QObject::disconnect(c);
    return out ? *out : Status(Error::other(QStringLiteral("no_outcome"), QStringLiteral("no outcome")));
}

Result<Terminal> enrol(World& w, const QString& name)
{
    const QJsonObject reg = w.server->admin(
        {QStringLiteral("terminal"), QStringLiteral("register"), QStringLiteral("--store"), w.storeId});
    Terminal t;
    auto db = Database::open(w.dir->filePath(name + QStringLiteral(".db")), SystemClock::instance());
    if (!db)
        return db.error();
    t.db = std::move(db).value();
    t.engine = std::make_unique<SyncEngine>(*t.db, w.network, SystemClock::instance());
    t.engine->setPageSize(ServerStore::maxPullLimit);
    t.engine->setBatchSize(ServerStore::maxPushOps);
    if (Status s = waitFor(*t.engine,
            [&] { t.engine->enrol(w.server->url(), reg.value(QStringLiteral("enrolmentCode")).toString()); });
        !s)
        return s.error();
    return t;
}

// The company on the server: customers made on a first terminal and pushed.
// Made on first use and destroyed at the end of run(), while the application still exists.
std::unique_ptr<World> theWorld;

World& world(const BenchSettings& settings)
{
    if (!theWorld)
        theWorld = std::make_unique<World>();
    World& w = *theWorld;
    if (w.server || w.error)
        return w;
    const QString folder = QFileInfo(settings.path).absolutePath();
    QDir().mkpath(folder);
    w.dir = std::make_unique<QTemporaryDir>(QDir(folder).filePath(QStringLiteral("kasir-sync-XXXXXX")));
    // KASIR_BENCH_KEEP=1 keeps the files (the server's request log among them) to look at.
    w.dir->setAutoRemove(!qEnvironmentVariableIsSet("KASIR_BENCH_KEEP"));
    w.server = std::make_unique<test::ServerProcess>(QStringLiteral(KASIR_SERVER_PATH), w.dir->path());
    auto fail = [&](const QString& what) -> World& {
        w.error = Error::other(QStringLiteral("setup"), what);
        return w;
    };
    if (!w.server->start())
        return fail(QStringLiteral("kasir-server did not start"));
    w.companyId = w.server
                      ->admin({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
                          QStringLiteral("Toko Bench")})
                      .value(QStringLiteral("id"))
                      .toString();
    w.storeId
        = w.server
              ->admin({QStringLiteral("store"), QStringLiteral("create"), QStringLiteral("--company"), w.companyId,
                  QStringLiteral("--code"), QStringLiteral("S01"), QStringLiteral("--name"), QStringLiteral("Pusat")})
              .value(QStringLiteral("id"))
              .toString();
    w.server->admin(
        {QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"), w.companyId,
            QStringLiteral("--username"), QStringLiteral("admin"), QStringLiteral("--role"), QStringLiteral("admin")},
        "bench-password");
    auto source = enrol(w, QStringLiteral("source"));
    if (!source)
        return fail(source.error().describe());
    w.source = std::move(source).value();
    if (Status s = waitFor(*w.source.engine, [&] { w.source.engine->syncNow(); }); !s)
        return fail(s.error().describe());
    auto user = TenancyRepository(*w.source.db).userByName(w.companyId, QStringLiteral("admin"));
    if (!user || !user->has_value())
        return fail(QStringLiteral("the administrator did not arrive"));
    w.admin = (*user)->actor();
    std::fprintf(
        stderr, "making %lld customers on the first terminal...\n", static_cast<long long>(settings.customers));
    auto made = DemoData::generate(*w.source.db, w.admin, settings.customers, settings.seed);
    if (!made)
        return fail(made.error().describe());
    w.customers = *made;
    QElapsedTimer pushed;
    pushed.start();
    if (Status s = waitFor(*w.source.engine, [&] { w.source.engine->syncNow(); }); !s)
        return fail(s.error().describe());
    w.pushSeconds = pushed.nsecsElapsed() / 1e9;
    std::fprintf(stderr, "pushed %lld ops in %.1f s (%.0f ops/s) to %s\n",
        static_cast<long long>(w.source.engine->progress().pushed), w.pushSeconds,
        w.source.engine->progress().pushed / w.pushSeconds, w.server->isPostgres() ? "PostgreSQL" : "SQLite");
    return w;
}

void initialSync(benchmark::State& state, const BenchSettings& settings)
{
    World& w = world(settings);
    if (w.error) {
        state.SkipWithError(qPrintable(w.error->describe()));
        return;
    }
    qint64 rows = 0;
    for (auto _ : state) {
        auto t = enrol(w, QStringLiteral("holder"));
        if (!t) {
            state.SkipWithError(qPrintable(t.error().describe()));
            return;
        }
        QElapsedTimer timer;
        timer.start();
        if (Status s = waitFor(*t->engine, [&] { t->engine->syncNow(); }); !s) {
            state.SkipWithError(qPrintable(s.error().describe()));
            return;
        }
        state.SetIterationTime(timer.nsecsElapsed() / 1e9);
        rows = t->engine->progress().pulled;
        w.holder = std::move(t).value();
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

// The baseline: the same ops applied from memory, a page of 5,000 per transaction.
void initialApplyOnly(benchmark::State& state, const BenchSettings& settings, bool asLoad)
{
    World& w = world(settings);
    if (w.error || !w.holder.db) {
        state.SkipWithError("needs Sync/initial first");
        return;
    }
    auto store = w.server->isPostgres()
        ? ServerStore::openPostgres(qEnvironmentVariable("KASIR_TEST_PG"), SystemClock::instance())
        : ServerStore::openSqlite(w.dir->filePath(QStringLiteral("server.db")), SystemClock::instance());
    if (!store) {
        state.SkipWithError(qPrintable(store.error().describe()));
        return;
    }
    ServerStore::Device device;
    device.companyId = w.companyId;
    QList<QList<SyncOp>> pages;
    qint64 since = 0;
    for (;;) {
        auto page = (*store)->pull(device, since, ServerStore::maxPullLimit);
        if (!page) {
            state.SkipWithError(qPrintable(page.error().describe()));
            return;
        }
        pages << page->changes;
        since = page->next;
        if (!page->hasMore)
            break;
    }
    qint64 rows = 0;
    for (auto _ : state) {
        QFile::remove(w.dir->filePath(QStringLiteral("baseline.db")));
        auto db = Database::open(w.dir->filePath(QStringLiteral("baseline.db")), SystemClock::instance());
        if (!db) {
            state.SkipWithError(qPrintable(db.error().describe()));
            return;
        }
        (*db)->hlc().setSiteId(0x7ffffff0u);
        QElapsedTimer timer;
        timer.start();
        rows = 0;
        if (asLoad) {
            // What the engine does with a first download: the pages as one load.
            SyncLoad load(**db, false);
            qint64 unapplied = 0;
            Status s = load.begin();
            for (qsizetype i = 0; s && i < pages.size(); ++i) {
                s = load.apply(pages.at(i), unapplied);
                rows += pages.at(i).size();
            }
            if (s)
                s = load.commit();
            if (!s || unapplied != 0) {
                state.SkipWithError(s ? "ops were set aside" : qPrintable(s.error().describe()));
                return;
            }
        }
        for (qsizetype i = 0; !asLoad && i < pages.size(); ++i) {
            const QList<SyncOp>& ops = pages.at(i);
            UnitOfWork uow(**db, Actor {QString(), QString(), QStringLiteral("sync"), Role::Admin});
            Status s = uow.begin();
            if (s)
                s = ChangeApplier(**db).apply(uow, ops);
            if (s)
                s = uow.commit();
            if (!s) {
                state.SkipWithError(qPrintable(s.error().describe()));
                return;
            }
            rows += ops.size();
        }
        state.SetIterationTime(timer.nsecsElapsed() / 1e9);
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

void pushPull(benchmark::State& state, const BenchSettings& settings, qint64 ops)
{
    World& w = world(settings);
    if (w.error || !w.holder.db) {
        state.SkipWithError("needs Sync/initial first");
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto made = DemoData::generate(*w.source.db, w.admin, ops, settings.seed);
        if (!made) {
            state.SkipWithError(qPrintable(made.error().describe()));
            return;
        }
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        Status s = waitFor(*w.source.engine, [&] { w.source.engine->syncNow(); });
        const double push = timer.nsecsElapsed() / 1e9;
        if (s)
            s = waitFor(*w.holder.engine, [&] { w.holder.engine->syncNow(); });
        if (!s) {
            state.SkipWithError(qPrintable(s.error().describe()));
            return;
        }
        state.SetIterationTime(timer.nsecsElapsed() / 1e9);
        state.counters["pushed"] = static_cast<double>(w.source.engine->progress().pushed);
        state.counters["pulled"] = static_cast<double>(w.holder.engine->progress().pulled);
        state.counters["push_s"] = push;
    }
}

void incremental(benchmark::State& state, const BenchSettings& settings)
{
    World& w = world(settings);
    if (w.error || !w.holder.db) {
        state.SkipWithError("needs Sync/initial first");
        return;
    }
    CustomerService customers(*w.source.db, w.admin);
    const QString id = customers.get(QStringLiteral("C-000001")).value_or(Customer {}).id;
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        CustomerInput in;
        in.notes = QStringLiteral("catatan %1").arg(++n);
        Status s = customers.update(id, in)
            ? Status(Done {})
            : Status(Error::other(QStringLiteral("update"), QStringLiteral("update failed")));
        if (s)
            s = waitFor(*w.source.engine, [&] { w.source.engine->syncNow(); });
        if (!s) {
            state.SkipWithError(qPrintable(s.error().describe()));
            return;
        }
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        s = waitFor(*w.holder.engine, [&] { w.holder.engine->syncNow(); });
        state.SetIterationTime(timer.nsecsElapsed() / 1e9);
        if (!s || w.holder.engine->progress().pulled != 1) {
            state.SkipWithError(s ? "the change did not arrive" : qPrintable(s.error().describe()));
            return;
        }
    }
}

// Many terminals at once, each with its own connection: push 10 changes, pull to the end,
// `rounds` times. Latencies are per request.
void terminals(benchmark::State& state, const BenchSettings& settings, int count, int rounds)
{
    World& w = world(settings);
    if (w.error) {
        state.SkipWithError(qPrintable(w.error->describe()));
        return;
    }
    auto store = w.server->isPostgres()
        ? ServerStore::openPostgres(qEnvironmentVariable("KASIR_TEST_PG"), SystemClock::instance())
        : ServerStore::openSqlite(w.dir->filePath(QStringLiteral("server.db")), SystemClock::instance());
    if (!store) {
        state.SkipWithError(qPrintable(store.error().describe()));
        return;
    }
    struct Sim
    {
        std::unique_ptr<QNetworkAccessManager> network;
        QString device;
        QByteArray token;
        quint32 site = 0;
        qint64 cursor = 0;
        int round = 0;
        quint16 counter = 0;
    };
    std::vector<Sim> sims(static_cast<size_t>(count));
    ServerStore::Device company;
    company.companyId = w.companyId;
    qint64 head = 0;
    for (qint64 since = 0;;) {
        auto page = (*store)->pull(company, since, ServerStore::maxPullLimit);
        if (!page)
            break;
        since = head = page->next;
        if (!page->hasMore)
            break;
    }
    for (Sim& s : sims) {
        auto reg = (*store)->registerTerminal(w.storeId, QString(), true);
        if (!reg) {
            state.SkipWithError(qPrintable(reg.error().describe()));
            return;
        }
        s.network = std::make_unique<QNetworkAccessManager>();
        s.device = reg->device.id;
        s.token = reg->token.toLatin1();
        s.site = reg->device.siteId;
        s.cursor = head;
    }
    QList<double> latencies;
    int errors = 0;
    qint64 pulled = 0;
    for (auto _ : state) {
        QEventLoop loop;
        int running = count;
        std::function<void(Sim&)> push;
        std::function<void(Sim&)> pull;
        auto send
            = [&](Sim& s, const QString& path, const QByteArray& body, std::function<void(const QJsonObject&)> next) {
                  QUrl url = w.server->url();
                  const qsizetype q = path.indexOf(u'?');
                  url.setPath(path.left(q));
                  if (q >= 0)
                      url.setQuery(path.mid(q + 1));
                  QNetworkRequest req(url);
                  req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
                  req.setRawHeader("Authorization", "Bearer " + s.token);
                  auto* timer = new QElapsedTimer;
                  timer->start();
                  QNetworkReply* reply = body.isNull() ? s.network->get(req) : s.network->post(req, body);
                  QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, timer, next] {
                      latencies << timer->nsecsElapsed() / 1e6;
                      delete timer;
                      reply->deleteLater();
                      if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                          ++errors;
                          if (--running == 0)
                              loop.quit();
                          return;
                      }
                      next(QJsonDocument::fromJson(reply->readAll()).object());
                  });
              };
        push = [&](Sim& s) {
            QJsonArray ops;
            for (int i = 0; i < 10; ++i) {
                SyncOp op;
                op.id = Ids::newId();
                op.companyId = w.companyId;
                op.entity = QStringLiteral("customer");
                op.entityId = Ids::newId();
                op.action = QStringLiteral("create");
                op.fields = {{QStringLiteral("name"), QStringLiteral("Beban %1").arg(op.entityId.right(6))},
                    {QStringLiteral("code"), QStringLiteral("C-9%1").arg(s.site % 100000000)}};
                op.hlc = Hlc {SystemClock::instance().nowMs(), s.counter++, s.site};
                op.actorId = w.admin.userId;
                op.createdAt = SystemClock::instance().nowMs();
                ops.append(op.toJson());
            }
            const QByteArray body = QJsonDocument(
                QJsonObject {{QStringLiteral("deviceId"), s.device}, {QStringLiteral("batchId"), Ids::newId()},
                    {QStringLiteral("ops"),
                        ops}}).toJson(QJsonDocument::Compact);
            send(s, QStringLiteral("/sync/v1/push"), body, [&](const QJsonObject&) { pull(s); });
        };
        pull = [&](Sim& s) {
            send(s, QStringLiteral("/sync/v1/pull?since=%1&limit=1000").arg(s.cursor), QByteArray(),
                [&](const QJsonObject& page) {
                    pulled += page.value(QStringLiteral("changes")).toArray().size();
                    s.cursor = page.value(QStringLiteral("next")).toString().toLongLong();
                    if (page.value(QStringLiteral("hasMore")).toBool())
                        pull(s);
                    else if (++s.round < rounds)
                        push(s);
                    else if (--running == 0)
                        loop.quit();
                });
        };
        QElapsedTimer timer;
        timer.start();
        for (Sim& s : sims)
            push(s);
        loop.exec();
        state.SetIterationTime(timer.nsecsElapsed() / 1e9);
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.isEmpty()
            ? 0.0
            : latencies[std::min<qsizetype>(latencies.size() - 1, qsizetype(p * latencies.size()))];
    };
    state.counters["terminals"] = count;
    state.counters["requests"] = static_cast<double>(latencies.size());
    state.counters["errors"] = errors;
    state.counters["pulled"] = static_cast<double>(pulled);
    state.counters["p50_ms"] = pct(0.50);
    state.counters["p95_ms"] = pct(0.95);
    state.counters["max_ms"] = latencies.isEmpty() ? 0 : latencies.last();
    if (errors > 0)
        state.SkipWithError(qPrintable(QStringLiteral("%1 requests failed").arg(errors)));
}

int run()
{
    const BenchSettings settings = BenchSettings::fromEnvironment();
    const qint64 ops = qEnvironmentVariableIntValue("KASIR_BENCH_OPS") > 0
        ? qEnvironmentVariableIntValue("KASIR_BENCH_OPS")
        : 100000;
    const int count = qEnvironmentVariableIntValue("KASIR_BENCH_TERMINALS") > 0
        ? qEnvironmentVariableIntValue("KASIR_BENCH_TERMINALS")
        : 200;
    benchmark::RegisterBenchmark("Sync/initial", [&](benchmark::State& s) { initialSync(s, settings); })
        ->Iterations(1)
        ->Unit(benchmark::kSecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark(
        "Sync/initialApplyOnly(baseline)", [&](benchmark::State& s) { initialApplyOnly(s, settings, true); })
        ->Iterations(1)
        ->Unit(benchmark::kSecond)
        ->UseManualTime();
    // The page-by-page way (each page and its cursor one transaction, indexes kept): what a
    // first download cost before it was written as a load. Long at 1M (about 200 s), so only
    // on request there.
    if (settings.customers <= 200000 || qEnvironmentVariableIntValue("KASIR_BENCH_PAGE_BASELINE") == 1) {
        benchmark::RegisterBenchmark(
            "Sync/initialPageByPage(baseline)", [&](benchmark::State& s) { initialApplyOnly(s, settings, false); })
            ->Iterations(1)
            ->Unit(benchmark::kSecond)
            ->UseManualTime();
    }
    benchmark::RegisterBenchmark("Sync/pushPull", [&](benchmark::State& s) { pushPull(s, settings, ops); })
        ->Iterations(1)
        ->Unit(benchmark::kSecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("Sync/incremental", [&](benchmark::State& s) { incremental(s, settings); })
        ->Iterations(20)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();
    benchmark::RegisterBenchmark("Sync/terminals", [&](benchmark::State& s) { terminals(s, settings, count, 5); })
        ->Iterations(1)
        ->Unit(benchmark::kSecond)
        ->UseManualTime();
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    World& w = world(settings);
    const auto initial = reporter.medianMs("Sync/initial");
    const auto baseline = reporter.medianMs("Sync/initialApplyOnly(baseline)");
    const auto pp = reporter.medianMs("Sync/pushPull");
    const auto inc = reporter.medianMs("Sync/incremental");
    std::printf("\nSummary (%s server, %lld customers):\n",
        w.server && w.server->isPostgres() ? "PostgreSQL" : "SQLite", static_cast<long long>(w.customers));
    if (initial) {
        const double rate = w.customers / (*initial / 1e3);
        std::printf("  initial sync: %.1f s, %.0f rows/s (>= 20000): %s", *initial / 1e3, rate,
            rate >= 20000 ? "PASS" : "MISS");
        if (baseline)
            std::printf(
                "; applying from memory alone %.1f s, %.0f rows/s", *baseline / 1e3, w.customers / (*baseline / 1e3));
        if (const auto pages = reporter.medianMs("Sync/initialPageByPage(baseline)"))
            std::printf("; page by page from memory %.1f s, %.0f rows/s", *pages / 1e3, w.customers / (*pages / 1e3));
        std::printf("\n");
    }
    if (pp)
        std::printf("  push+pull of %lld ops: %.2f s (<= 10 s): %s\n", static_cast<long long>(ops), *pp / 1e3,
            *pp <= 10000 ? "PASS" : "MISS");
    if (inc)
        std::printf("  one incremental change pulled and applied: %.1f ms (<= 50 ms): %s\n", *inc,
            *inc <= 50 ? "PASS" : "MISS");
    if (w.server)
        w.server->stop();
    theWorld.reset();
    return reporter.exitCode();
}

} // namespace

} // namespace kasir::bench

int main(int argc, char** argv)
{
    return kasir::bench::benchMain(argc, argv, &kasir::bench::run);
}
