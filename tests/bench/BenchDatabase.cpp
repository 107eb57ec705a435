#include "tests/bench/BenchDatabase.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/CustomerService.h"
#include "core/services/DemoData.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <benchmark/benchmark.h>

#include <cstdio>

namespace kasir::bench {

namespace {

QString environment(const char* name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

QString BenchSettings::defaultPath(qint64 customers)
{
    QString size;
    if (customers >= 1'000'000 && customers % 1'000'000 == 0)
        size = QString::number(customers / 1'000'000) + QLatin1Char('m');
    else if (customers >= 1000 && customers % 1000 == 0)
        size = QString::number(customers / 1000) + QLatin1Char('k');
    else
        size = QString::number(customers);
    return QDir(QStringLiteral(KASIR_BENCH_BUILD_DIR))
        .filePath(QStringLiteral("bench-") + size + QStringLiteral(".db"));
}

BenchSettings BenchSettings::fromEnvironment()
{
    BenchSettings s;
    bool ok = false;
    if (const QString n = environment("KASIR_BENCH_CUSTOMERS"); !n.isEmpty()) {
        const qint64 value = n.toLongLong(&ok);
        if (ok && value > 0)
            s.customers = value;
        else
            std::fprintf(stderr, "KASIR_BENCH_CUSTOMERS=%s is not a positive number; using %lld\n", qPrintable(n),
                static_cast<long long>(s.customers));
    }
    if (const QString seed = environment("KASIR_BENCH_SEED"); !seed.isEmpty()) {
        const quint64 value = seed.toULongLong(&ok);
        if (ok)
            s.seed = value;
        else
            std::fprintf(stderr, "KASIR_BENCH_SEED=%s is not a number; using %llu\n", qPrintable(seed),
                static_cast<unsigned long long>(s.seed));
    }
    s.path = environment("KASIR_BENCH_DB");
    if (s.path.isEmpty())
        s.path = defaultPath(s.customers);
    return s;
}

BenchDatabase::BenchDatabase(BenchSettings settings) : m_settings(std::move(settings)) { }

BenchDatabase::~BenchDatabase() = default;

Result<double> generateDemoCustomers(Database& db, const Actor& actor, qint64 count, quint64 seed, qint64 step)
{
    QElapsedTimer timer;
    timer.start();
    qint64 reported = 0;
    auto progress = [&](qint64 done) {
        if (done - reported < step && done != count)
            return;
        reported = done;
        const double s = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        std::fprintf(stderr, "demo: %lld / %lld customers, %.1f s, %.0f customers/s\n", static_cast<long long>(done),
            static_cast<long long>(count), s, static_cast<double>(done) / s);
    };
    auto written = DemoData::generate(db, actor, count, seed, progress);
    if (!written)
        return written.error();
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

Result<std::unique_ptr<BenchDatabase>> BenchDatabase::prepare(const BenchSettings& settings)
{
    std::unique_ptr<BenchDatabase> b(new BenchDatabase(settings));
    auto db = Database::open(settings.path, SystemClock::instance());
    if (!db)
        return db.error();
    b->m_db = std::move(db).value();
    auto admin = DemoData::ensureCompany(*b->m_db);
    if (!admin)
        return admin.error();
    b->m_actor = *admin;

    CustomerService customers(*b->m_db, b->m_actor);
    auto existing = customers.count(CustomerQuery {});
    if (!existing)
        return existing.error();
    b->m_customers = *existing;
    if (b->m_customers < settings.customers) {
        const qint64 missing = settings.customers - b->m_customers;
        std::fprintf(stderr, "demo: %s holds %lld customers; writing %lld more with DemoData (seed %llu)\n",
            qPrintable(settings.path), static_cast<long long>(b->m_customers), static_cast<long long>(missing),
            static_cast<unsigned long long>(settings.seed));
        auto seconds = generateDemoCustomers(*b->m_db, b->m_actor, missing, settings.seed);
        if (!seconds)
            return seconds.error();
        b->m_generated = missing;
        b->m_generationSeconds = *seconds;
        b->m_customers += missing;
        std::fprintf(stderr, "demo: wrote %lld customers in %.1f s (%.0f customers/s)\n",
            static_cast<long long>(missing), *seconds, static_cast<double>(missing) / *seconds);
    }
    return b;
}

bool removeDatabase(const QString& path)
{
    for (const QString& suffix :
        {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (QFile::exists(path + suffix) && !QFile::remove(path + suffix)) {
            std::fprintf(stderr, "cannot remove %s\n", qPrintable(path + suffix));
            return false;
        }
    }
    return true;
}

int benchMain(int argc, char** argv, int (*run)())
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    QCoreApplication app(argc, argv);
    const int rc = run();
    benchmark::Shutdown();
    return rc;
}

} // namespace kasir::bench
