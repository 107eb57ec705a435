// bench_checkout: the counter on a big store, each measured in the same run as its baseline:
//   BM_CompleteSale5Lines       CheckoutService::complete: a registered customer (cycling
//                               through many), 5 different products, paid in cash; a real
//                               commit with synchronous FULL, as the app writes a sale
//   BM_RawSale5Lines_Baseline   the same rows through the SQLite C API on its own connection
//                               with the app's pragmas: BEGIN IMMEDIATE, the order number, the
//                               sale, 5 lines, 1 payment, the points entry, the customer's
//                               figures, COMMIT
//   BM_LookupLast4              CheckoutService::lookup with the last 4 digits of a customer's
//                               phone
//   BM_LookupLast4_RawBaseline  the SELECT the repository runs for it (the reversed-digits
//                               index), through the C API
// and at the end a summary of medians against the targets in BENCHMARKS.md.
//
// The database comes from BenchSettings (KASIR_BENCH_DB, KASIR_BENCH_CUSTOMERS, KASIR_BENCH_SEED)
// and SalesSettings (KASIR_BENCH_SALES): demo customers first, then SalesData's generated sales,
// each written only when the file holds too few. KASIR_BENCH_FRESH=1 deletes the file first.
// KASIR_BENCH_KEYS (default 10000) is how many different customers the sales and look-ups
// cycle through. Completed sales stay in the file: it grows by every run.

#include "core/domain/Customer.h"
#include "core/domain/Membership.h"
#include "core/domain/Tenancy.h"
#include "core/services/CheckoutService.h"
#include "core/services/ProductService.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/TenancyRepository.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/MedianReporter.h"
#include "tests/bench/RawSqlite.h"
#include "tests/bench/SalesData.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kasir::bench {

namespace {

// Targets from issue 3; BENCHMARKS.md explains them.
constexpr double saleTargetMs = 5.0;
constexpr double lookupTargetMs = 5.0;
constexpr qint64 defaultKeys = 10'000;
constexpr int linesPerSale = 5;
// What the counter shows for a few digits (CheckoutService::lookup's default).
constexpr int lookupLimit = 10;
constexpr int synchronousFull = 2;

const char* const completeName = "BM_CompleteSale5Lines";
const char* const rawSaleName = "BM_RawSale5Lines_Baseline";
const char* const lookupName = "BM_LookupLast4";
const char* const rawLookupName = "BM_LookupLast4_RawBaseline";

// The columns core's CustomerRepository reads for one customer (kColumns in
// storage/CustomerRepository.cpp).
constexpr const char* customerColumns
    = "c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
      "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
      "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
      "c.updated_at, c.created_by, c.updated_by";
// CustomerRepository::search for the last digits of a phone: a range of the reversed digits,
// the page in name order, one row more than the page to know whether another follows.
const QByteArray suffixSql = QByteArray("SELECT ") + customerColumns
    + " FROM customer c WHERE c.company_id = ? AND c.phone_rev >= ? AND c.phone_rev < ? ORDER BY c.name_key, c.id "
      "LIMIT ?";
// Every match, to check the service's page against.
const QByteArray suffixAllSql = "SELECT c.id, c.phone FROM customer c WHERE c.company_id = ? AND c.phone_rev >= ? AND "
                                "c.phone_rev < ? ORDER BY c.name_key, c.id";

// The raw sale: the statements SaleRepository, LedgerRepository and MetricsRepository::countPurchase run, in one
// statement each where core needs a read first (the points balance).
const QByteArray orderSql
    = "INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, ?, 2) ON CONFLICT (company_id, name) DO "
      "UPDATE SET next_value = next_value + 1 RETURNING next_value - 1";
const QByteArray saleSql
    = "INSERT INTO sale (id, company_id, store_id, terminal_id, order_number, kind, reverses, customer_id, "
      "customer_name, customer_phone, items, subtotal, discount_bp, discount, total, points_redeemed, points_earned, "
      "created_at, created_by) VALUES (?, ?, ?, ?, ?, 'sale', NULL, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
const QByteArray linesSql
    = "INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, unit_price, quantity, amount) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?), "
      "(?, ?, ?, ?, ?, ?, ?, ?)";
const QByteArray paymentSql = "INSERT INTO sale_payment (sale_id, line_no, method, amount) VALUES (?, 1, 'cash', ?)";
const QByteArray pointsSql
    = "INSERT INTO points_entry (id, company_id, customer_id, kind, points, balance_after, reason, sale_id, "
      "created_at, created_by) VALUES (?1, ?2, ?3, 'earned', ?4, coalesce((SELECT points FROM customer_metrics WHERE "
      "customer_id = ?3), 0) + ?4, ?5, ?6, ?7, ?8)";
const QByteArray metricsSql
    = "INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, total_items, first_purchase_at, "
      "last_purchase_at, points) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5, ?6) ON CONFLICT (customer_id) DO UPDATE SET "
      "purchases = purchases + 1, total_spent = total_spent + excluded.total_spent, total_items = total_items + "
      "excluded.total_items, first_purchase_at = coalesce(first_purchase_at, excluded.first_purchase_at), "
      "last_purchase_at = max(coalesce(last_purchase_at, 0), excluded.last_purchase_at), points = points + "
      "excluded.points";

// A customer the sales and look-ups cycle through.
struct Shopper
{
    QString id;
    QString phone; // E.164
    QString last4; // what the cashier types
    bool member = false;
    int discountBp = 0; // what checkout gives them
    QByteArray idUtf8;
    QByteArray nameUtf8;
    QByteArray phoneUtf8;
    QByteArray last4Reversed; // the start of the reversed-digits range
    QByteArray last4ReversedEnd;
};

struct CatalogueItem
{
    Product product;
    QByteArray id;
    QByteArray sku;
    QByteArray name;
};

struct Fixture
{
    BenchDatabase* bench = nullptr;
    RawSqlite* reader = nullptr; // the look-up baseline's connection
    RawSqlite* writer = nullptr; // the sale baseline's connection
    QByteArray companyId;
    Actor cashier;
    Store store;
    Terminal terminal;
    MembershipRules rules;
    SalesData::Report sales;
    qint64 serviceSynchronous = -1;
    qint64 rawSynchronous = -1;
    std::vector<Shopper> shoppers;
    std::vector<CatalogueItem> catalogue;
    std::vector<SaleRequest> requests; // one per shopper
    qint64 distinctSuffixes = 0;
    double matchesPerSuffix = 0;
    // The random half of the raw baseline's ids, carried from run to run: Google Benchmark
    // runs a benchmark several times, and a run may start in the millisecond the last ended.
    quint64 rawIdState = 0;
};

quint64 splitmix(quint64& state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

QByteArray reversed(const QString& digits)
{
    QByteArray out = digits.toLatin1();
    std::reverse(out.begin(), out.end());
    return out;
}

qint64 fileBytes(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

qint64 synchronousOf(Database& db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA synchronous")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// The till, its store, the cashier who sells and the rules, as CheckoutService reads them.
bool readCounter(Fixture& f)
{
    Database& db = f.bench->db();
    TenancyRepository tenancy(db);
    auto terminal = tenancy.localTerminal();
    if (!terminal || !terminal->has_value()) {
        std::fprintf(stderr, "the bench file has no terminal\n");
        return false;
    }
    f.terminal = **terminal;
    auto store = tenancy.store(f.terminal.storeId);
    if (!store || !store->has_value()) {
        std::fprintf(stderr, "the bench terminal has no store\n");
        return false;
    }
    f.store = **store;
    auto cashier = tenancy.userByName(f.bench->actor().companyId, QStringLiteral("kasir"));
    f.cashier = cashier && cashier->has_value() ? (*cashier)->actor() : f.bench->actor();
    auto rules = MembershipRepository(db).rules(f.bench->actor().companyId);
    if (!rules) {
        std::fprintf(stderr, "membership rules: %s\n", qPrintable(rules.error().describe()));
        return false;
    }
    f.rules = *rules;
    return true;
}

bool readCatalogue(Fixture& f)
{
    ProductService products(f.bench->db(), f.bench->actor());
    for (int i = 0; i < SalesData::productCount; ++i) {
        const QString sku = SalesData::product(i).sku;
        auto p = products.bySku(sku);
        if (!p) {
            std::fprintf(stderr, "product %s: %s\n", qPrintable(sku), qPrintable(p.error().describe()));
            return false;
        }
        f.catalogue.push_back({*p, p->id.toUtf8(), p->sku.toUtf8(), p->name.toUtf8()});
    }
    return true;
}

// Customers spread over the whole file (random seq), with what checkout will give them.
bool sampleShoppers(Fixture& f)
{
    bool ok = false;
    qint64 keys = qEnvironmentVariableIntValue("KASIR_BENCH_KEYS", &ok);
    if (!ok || keys <= 0)
        keys = defaultKeys;
    QString error;
    sqlite3_stmt* range = f.reader->prepare("SELECT min(seq), max(seq) FROM customer WHERE company_id = ?", &error);
    sqlite3_stmt* one = f.reader->prepare(
        "SELECT id, name, phone, type, level, discount_override_bp FROM customer WHERE seq = ? AND company_id = ? AND "
        "phone IS NOT NULL",
        &error);
    if (!range || !one) {
        std::fprintf(stderr, "C API: %s\n", qPrintable(error));
        return false;
    }
    sqlite3_bind_text(range, 1, f.companyId.constData(), static_cast<int>(f.companyId.size()), SQLITE_STATIC);
    if (sqlite3_step(range) != SQLITE_ROW) {
        std::fprintf(stderr, "C API: %s\n", qPrintable(f.reader->lastError()));
        return false;
    }
    const qint64 first = sqlite3_column_int64(range, 0);
    const qint64 span = sqlite3_column_int64(range, 1) - first + 1;
    sqlite3_reset(range);
    keys = std::min(keys, f.bench->customers());
    std::set<qint64> taken;
    quint64 state = 0xC4EC;
    sqlite3_bind_text(one, 2, f.companyId.constData(), static_cast<int>(f.companyId.size()), SQLITE_STATIC);
    for (qint64 tries = 0; static_cast<qint64>(f.shoppers.size()) < keys && tries < keys * 4; ++tries) {
        const qint64 seq = first + static_cast<qint64>(splitmix(state) % static_cast<quint64>(span));
        if (!taken.insert(seq).second)
            continue;
        sqlite3_bind_int64(one, 1, seq);
        if (sqlite3_step(one) == SQLITE_ROW) {
            auto text = [&](int column) {
                return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(one, column)));
            };
            Shopper s;
            s.id = text(0);
            s.phone = text(2);
            s.last4 = s.phone.right(4);
            const auto type = CustomerEnums::parseType(text(3)).value_or(CustomerType::WalkIn);
            const auto level = CustomerEnums::parseLevel(text(4)).value_or(MembershipLevel::Bronze);
            s.member = type == CustomerType::Member || type == CustomerType::Vip;
            if (sqlite3_column_type(one, 5) != SQLITE_NULL)
                s.discountBp = sqlite3_column_int(one, 5);
            else if (s.member)
                s.discountBp = f.rules.discountBp(level);
            s.idUtf8 = s.id.toUtf8();
            s.nameUtf8 = text(1).toUtf8();
            s.phoneUtf8 = s.phone.toUtf8();
            s.last4Reversed = reversed(s.last4);
            s.last4ReversedEnd = s.last4Reversed + ':';
            f.shoppers.push_back(std::move(s));
        }
        sqlite3_reset(one);
    }
    if (f.shoppers.empty()) {
        std::fprintf(stderr, "no customers with a phone in %s\n", qPrintable(f.bench->settings().path));
        return false;
    }
    return true;
}

// The 5 products of the k-th sale: consecutive in the catalogue, so that every product sells.
int productOf(qint64 k, int line)
{
    return static_cast<int>((k * linesPerSale + line) % SalesData::productCount);
}

qint64 quantityOf(qint64 k, int line)
{
    return (k + line) % 3 + 1;
}

// Cash handed over: the subtotal rounded up to 50,000, so that there is change to give.
qint64 cashFor(const Fixture& f, qint64 k)
{
    qint64 subtotal = 0;
    for (int l = 0; l < linesPerSale; ++l)
        subtotal += f.catalogue[static_cast<size_t>(productOf(k, l))].product.price * quantityOf(k, l);
    return (subtotal + 49'999) / 50'000 * 50'000;
}

void buildRequests(Fixture& f)
{
    for (size_t k = 0; k < f.shoppers.size(); ++k) {
        SaleRequest r;
        r.customer = f.shoppers[k].id;
        for (int l = 0; l < linesPerSale; ++l)
            r.items.append({f.catalogue[static_cast<size_t>(productOf(static_cast<qint64>(k), l))].product.sku,
                quantityOf(static_cast<qint64>(k), l)});
        r.payments.append({PaymentMethod::Cash, cashFor(f, static_cast<qint64>(k))});
        f.requests.push_back(std::move(r));
    }
}

// The cached figures of sampled customers must be what their facts sum to: the generator
// wrote them from the facts, and every sale since (service and baseline) kept them.
bool verifyMetrics(Fixture& f)
{
    QString error;
    sqlite3_stmt* facts = f.reader->prepare(
        "SELECT coalesce(sum(CASE s.kind WHEN 'sale' THEN 1 ELSE -1 END), 0), coalesce(sum(s.total), 0), "
        "coalesce(sum(s.items), 0), min(CASE WHEN s.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM sale r WHERE "
        "r.reverses = s.id) THEN s.created_at END), max(CASE WHEN s.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM sale r "
        "WHERE r.reverses = s.id) THEN s.created_at END), (SELECT coalesce(sum(points), 0) FROM points_entry WHERE "
        "customer_id = ?1), (SELECT coalesce(sum(amount), 0) FROM credit_entry WHERE customer_id = ?1) "
        "FROM sale s WHERE s.customer_id = ?1",
        &error);
    sqlite3_stmt* cached = f.reader->prepare(
        "SELECT coalesce(sum(purchases), 0), coalesce(sum(total_spent), 0), coalesce(sum(total_items), 0), "
        "min(first_purchase_at), max(last_purchase_at), coalesce(sum(points), 0), coalesce(sum(credit), 0) FROM "
        "customer_metrics WHERE customer_id = ?1",
        &error);
    if (!facts || !cached) {
        std::fprintf(stderr, "C API: %s\n", qPrintable(error));
        return false;
    }
    qint64 buyers = 0;
    for (const Shopper& s : f.shoppers) {
        std::array<std::optional<qint64>, 7> got[2];
        int side = 0;
        for (sqlite3_stmt* q : {facts, cached}) {
            sqlite3_bind_text(q, 1, s.idUtf8.constData(), static_cast<int>(s.idUtf8.size()), SQLITE_STATIC);
            if (sqlite3_step(q) != SQLITE_ROW) {
                std::fprintf(stderr, "C API: %s\n", qPrintable(f.reader->lastError()));
                return false;
            }
            for (int c = 0; c < 7; ++c) {
                if (sqlite3_column_type(q, c) != SQLITE_NULL)
                    got[side][static_cast<size_t>(c)] = sqlite3_column_int64(q, c);
            }
            sqlite3_reset(q);
            ++side;
        }
        if (got[0] != got[1]) {
            static const char* names[] = {
                "purchases", "total_spent", "total_items", "first_purchase_at", "last_purchase_at", "points", "credit"};
            for (int c = 0; c < 7; ++c) {
                if (got[0][static_cast<size_t>(c)] != got[1][static_cast<size_t>(c)])
                    std::fprintf(stderr, "customer %s: customer_metrics.%s is %lld, the facts give %lld\n",
                        s.id.toUtf8().constData(), names[c],
                        static_cast<long long>(got[1][static_cast<size_t>(c)].value_or(-1)),
                        static_cast<long long>(got[0][static_cast<size_t>(c)].value_or(-1)));
            }
            return false;
        }
        if (got[0][0].value_or(0) != 0)
            ++buyers;
    }
    std::fprintf(stderr, "customer_metrics of %lld sampled customers (%lld with purchases) equal their facts\n",
        static_cast<long long>(f.shoppers.size()), static_cast<long long>(buyers));
    return true;
}

// Every key's first page through the service must be the first matches in name order, and
// the customer it was taken from must be among all the matches.
bool verifyLookups(Fixture& f)
{
    QString error;
    sqlite3_stmt* all = f.reader->prepare(suffixAllSql, &error);
    if (!all) {
        std::fprintf(stderr, "C API: %s\n", qPrintable(error));
        return false;
    }
    CheckoutService checkout(f.bench->db(), f.cashier);
    std::map<QString, QStringList> matches; // last 4 digits -> ids in name order
    qint64 total = 0;
    for (const Shopper& s : f.shoppers) {
        auto it = matches.find(s.last4);
        if (it == matches.end()) {
            QStringList ids;
            sqlite3_bind_text(all, 1, f.companyId.constData(), static_cast<int>(f.companyId.size()), SQLITE_STATIC);
            sqlite3_bind_text(all, 2, s.last4Reversed.constData(), 4, SQLITE_STATIC);
            sqlite3_bind_text(all, 3, s.last4ReversedEnd.constData(), 5, SQLITE_STATIC);
            while (sqlite3_step(all) == SQLITE_ROW) {
                const QString phone = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(all, 1)));
                if (!phone.endsWith(s.last4)) {
                    std::fprintf(
                        stderr, "the suffix index gives %s for ...%s\n", qPrintable(phone), qPrintable(s.last4));
                    return false;
                }
                ids << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(all, 0)));
            }
            sqlite3_reset(all);
            total += ids.size();
            auto page = checkout.lookup(s.last4);
            if (!page) {
                std::fprintf(stderr, "lookup %s: %s\n", qPrintable(s.last4), qPrintable(page.error().describe()));
                return false;
            }
            QStringList got;
            for (const Customer& c : std::as_const(*page))
                got << c.id;
            if (got != ids.mid(0, lookupLimit)) {
                std::fprintf(stderr,
                    "lookup %s gives %lld customers, not the first %d of the %lld whose phone ends in it\n",
                    qPrintable(s.last4), static_cast<long long>(got.size()), lookupLimit,
                    static_cast<long long>(ids.size()));
                return false;
            }
            it = matches.emplace(s.last4, ids).first;
        }
        if (!it->second.contains(s.id)) {
            std::fprintf(stderr, "customer %s (%s) is not among the matches of %s\n", qPrintable(s.id),
                qPrintable(s.phone), qPrintable(s.last4));
            return false;
        }
    }
    f.distinctSuffixes = static_cast<qint64>(matches.size());
    f.matchesPerSuffix = static_cast<double>(total) / static_cast<double>(matches.size());
    std::fprintf(stderr, "%lld look-up keys (%lld different last-4 digits, %.1f customers each) verified\n",
        static_cast<long long>(f.shoppers.size()), static_cast<long long>(f.distinctSuffixes), f.matchesPerSuffix);
    return true;
}

void printPlan(RawSqlite& raw, const char* what, const QByteArray& sql)
{
    QString error;
    sqlite3_stmt* q = raw.prepare("EXPLAIN QUERY PLAN " + sql, &error);
    if (!q) {
        std::fprintf(stderr, "plan of %s: %s\n", what, qPrintable(error));
        return;
    }
    std::fprintf(stderr, "query plan, %s:\n", what);
    while (sqlite3_step(q) == SQLITE_ROW)
        std::fprintf(stderr, "  %s\n", reinterpret_cast<const char*>(sqlite3_column_text(q, 3)));
    sqlite3_reset(q);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Each iteration's own time as counters: the Google Benchmark figure of a repetition is its
// mean, which the occasional checkpoint pulls up; the median sale says what a cashier waits.
void latencyCounters(benchmark::State& state, const std::vector<double>& ms)
{
    state.counters["p50_ms"] = percentile(ms, 0.5);
    state.counters["p90_ms"] = percentile(ms, 0.9);
    state.counters["p99_ms"] = percentile(ms, 0.99);
    state.counters["max_ms"] = ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end());
}

// Google Benchmark 1.7 may crash while it sums up a benchmark whose repetitions partly
// failed (google/benchmark#1406), so the reason goes to stderr before it is handed over.
void fail(benchmark::State& state, const char* benchmark, const QString& why)
{
    std::fprintf(stderr, "FAILED %s: %s\n", benchmark, qPrintable(why));
    state.SkipWithError(qPrintable(why));
}

void completeSale(benchmark::State& state, Fixture& f)
{
    CheckoutService checkout(f.bench->db(), f.cashier);
    std::vector<double> ms;
    size_t k = 0;
    QElapsedTimer timer;
    for (auto _ : state) {
        const SaleRequest& request = f.requests[k];
        const Shopper& shopper = f.shoppers[k];
        k = k + 1 == f.requests.size() ? 0 : k + 1;
        timer.start();
        auto sale = checkout.complete(request);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!sale) {
            fail(state, completeName, sale.error().describe());
            break;
        }
        if (sale->lines.size() != linesPerSale || sale->customerId != shopper.id || sale->total <= 0) {
            fail(state, completeName, QStringLiteral("the sale was not completed as asked"));
            break;
        }
        benchmark::DoNotOptimize(sale);
    }
    latencyCounters(state, ms);
    state.counters["synchronous"] = static_cast<double>(synchronousOf(f.bench->db()));
    state.counters["customers"] = static_cast<double>(f.shoppers.size());
}

class RawSale
{
public:
    explicit RawSale(Fixture& f) : m_f(f) { }

    bool prepare(QString* error)
    {
        for (auto [statement, sql] :
            {std::pair {&m_begin, QByteArray("BEGIN IMMEDIATE")}, std::pair {&m_commit, QByteArray("COMMIT")},
                std::pair {&m_rollback, QByteArray("ROLLBACK")}, std::pair {&m_order, orderSql},
                std::pair {&m_sale, saleSql}, std::pair {&m_lines, linesSql}, std::pair {&m_payment, paymentSql},
                std::pair {&m_points, pointsSql}, std::pair {&m_metrics, metricsSql}}) {
            *statement = m_f.writer->prepare(sql, error);
            if (!*statement)
                return false;
        }
        m_company = m_f.companyId;
        m_store = m_f.store.id.toUtf8();
        m_terminal = m_f.terminal.id.toUtf8();
        m_sequence = QByteArray("order:") + m_terminal;
        m_prefix = (m_f.store.code.toUpper() + QLatin1Char('-') + m_f.terminal.code.toUpper()).toUtf8();
        m_cashier = m_f.cashier.userId.toUtf8();
        return true;
    }

    // One sale for the k-th shopper; false and *error when a statement fails (rolled back).
    bool sell(qint64 k, QString* error)
    {
        const Shopper& s = m_f.shoppers[static_cast<size_t>(k) % m_f.shoppers.size()];
        const qint64 now
            = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
        qint64 items = 0;
        qint64 subtotal = 0;
        for (int l = 0; l < linesPerSale; ++l) {
            const qint64 q = quantityOf(k, l);
            items += q;
            subtotal += m_f.catalogue[static_cast<size_t>(productOf(k, l))].product.price * q;
        }
        const qint64 discount = subtotal / 10000 * s.discountBp + subtotal % 10000 * s.discountBp / 10000;
        const qint64 total = subtotal - discount;
        const qint64 points = s.member ? m_f.rules.pointsFor(total) : 0;
        char saleId[36];
        char pointsId[36];
        formatUuidV7(now, splitmix(m_f.rawIdState), saleId);
        formatUuidV7(now, splitmix(m_f.rawIdState), pointsId);

        auto fail = [&](sqlite3_stmt* q) {
            *error = m_f.writer->lastError();
            sqlite3_reset(q);
            sqlite3_step(m_rollback);
            sqlite3_reset(m_rollback);
            return false;
        };
        auto run = [&](sqlite3_stmt* q) {
            const int rc = sqlite3_step(q);
            sqlite3_reset(q);
            return rc == SQLITE_DONE || rc == SQLITE_ROW;
        };
        auto text = [](sqlite3_stmt* q, int at, const char* data, qsizetype size) {
            sqlite3_bind_text(q, at, data, static_cast<int>(size), SQLITE_STATIC);
        };
        auto bytes = [&](sqlite3_stmt* q, int at, const QByteArray& b) { text(q, at, b.constData(), b.size()); };

        if (!run(m_begin))
            return fail(m_begin);
        bytes(m_order, 1, m_company);
        bytes(m_order, 2, m_sequence);
        if (sqlite3_step(m_order) != SQLITE_ROW)
            return fail(m_order);
        const qint64 number = sqlite3_column_int64(m_order, 0);
        sqlite3_reset(m_order);
        char orderNumber[64];
        const int orderSize = std::snprintf(
            orderNumber, sizeof orderNumber, "%s-%06lld", m_prefix.constData(), static_cast<long long>(number));

        int at = 1;
        text(m_sale, at++, saleId, 36);
        bytes(m_sale, at++, m_company);
        bytes(m_sale, at++, m_store);
        bytes(m_sale, at++, m_terminal);
        text(m_sale, at++, orderNumber, orderSize);
        bytes(m_sale, at++, s.idUtf8);
        bytes(m_sale, at++, s.nameUtf8);
        bytes(m_sale, at++, s.phoneUtf8);
        sqlite3_bind_int64(m_sale, at++, items);
        sqlite3_bind_int64(m_sale, at++, subtotal);
        sqlite3_bind_int(m_sale, at++, s.discountBp);
        sqlite3_bind_int64(m_sale, at++, discount);
        sqlite3_bind_int64(m_sale, at++, total);
        sqlite3_bind_int64(m_sale, at++, points);
        sqlite3_bind_int64(m_sale, at++, now);
        bytes(m_sale, at++, m_cashier);
        if (!run(m_sale))
            return fail(m_sale);

        at = 1;
        for (int l = 0; l < linesPerSale; ++l) {
            const CatalogueItem& item = m_f.catalogue[static_cast<size_t>(productOf(k, l))];
            const qint64 q = quantityOf(k, l);
            text(m_lines, at++, saleId, 36);
            sqlite3_bind_int(m_lines, at++, l + 1);
            bytes(m_lines, at++, item.id);
            bytes(m_lines, at++, item.sku);
            bytes(m_lines, at++, item.name);
            sqlite3_bind_int64(m_lines, at++, item.product.price);
            sqlite3_bind_int64(m_lines, at++, q);
            sqlite3_bind_int64(m_lines, at++, item.product.price * q);
        }
        if (!run(m_lines))
            return fail(m_lines);

        text(m_payment, 1, saleId, 36);
        sqlite3_bind_int64(m_payment, 2, total);
        if (!run(m_payment))
            return fail(m_payment);

        if (points > 0) {
            text(m_points, 1, pointsId, 36);
            bytes(m_points, 2, m_company);
            bytes(m_points, 3, s.idUtf8);
            sqlite3_bind_int64(m_points, 4, points);
            text(m_points, 5, orderNumber, orderSize);
            text(m_points, 6, saleId, 36);
            sqlite3_bind_int64(m_points, 7, now);
            bytes(m_points, 8, m_cashier);
            if (!run(m_points))
                return fail(m_points);
        }

        bytes(m_metrics, 1, s.idUtf8);
        bytes(m_metrics, 2, m_company);
        sqlite3_bind_int64(m_metrics, 3, total);
        sqlite3_bind_int64(m_metrics, 4, items);
        sqlite3_bind_int64(m_metrics, 5, now);
        sqlite3_bind_int64(m_metrics, 6, points);
        if (!run(m_metrics))
            return fail(m_metrics);
        if (!run(m_commit))
            return fail(m_commit);
        return true;
    }

private:
    Fixture& m_f;
    sqlite3_stmt* m_begin = nullptr;
    sqlite3_stmt* m_commit = nullptr;
    sqlite3_stmt* m_rollback = nullptr;
    sqlite3_stmt* m_order = nullptr;
    sqlite3_stmt* m_sale = nullptr;
    sqlite3_stmt* m_lines = nullptr;
    sqlite3_stmt* m_payment = nullptr;
    sqlite3_stmt* m_points = nullptr;
    sqlite3_stmt* m_metrics = nullptr;
    QByteArray m_company;
    QByteArray m_store;
    QByteArray m_terminal;
    QByteArray m_sequence;
    QByteArray m_prefix;
    QByteArray m_cashier;
};

void rawSale(benchmark::State& state, Fixture& f)
{
    RawSale raw(f);
    QString error;
    if (!raw.prepare(&error)) {
        fail(state, rawSaleName, error);
        return;
    }
    std::vector<double> ms;
    qint64 k = 0;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const bool sold = raw.sell(k++, &error);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!sold) {
            fail(state, rawSaleName, error);
            break;
        }
    }
    latencyCounters(state, ms);
    state.counters["synchronous"] = static_cast<double>(f.writer->pragmaValue("synchronous"));
    state.counters["customers"] = static_cast<double>(f.shoppers.size());
}

void lookupLast4(benchmark::State& state, Fixture& f)
{
    CheckoutService checkout(f.bench->db(), f.cashier);
    size_t k = 0;
    for (auto _ : state) {
        const Shopper& s = f.shoppers[k];
        k = k + 1 == f.shoppers.size() ? 0 : k + 1;
        auto found = checkout.lookup(s.last4);
        if (!found || found->isEmpty() || !found->constFirst().phone.endsWith(s.last4)) {
            fail(state, lookupName,
                QStringLiteral("lookup %1 found nothing%2")
                    .arg(s.last4, found ? QString() : QStringLiteral(": ") + found.error().describe()));
            break;
        }
        benchmark::DoNotOptimize(found);
    }
    state.counters["keys"] = static_cast<double>(f.distinctSuffixes);
    state.counters["matches"] = f.matchesPerSuffix;
}

void lookupLast4Raw(benchmark::State& state, Fixture& f)
{
    QString error;
    sqlite3_stmt* q = f.reader->prepare(suffixSql, &error);
    if (!q) {
        fail(state, rawLookupName, error);
        return;
    }
    sqlite3_bind_text(q, 1, f.companyId.constData(), static_cast<int>(f.companyId.size()), SQLITE_STATIC);
    sqlite3_bind_int(q, 4, lookupLimit + 1);
    size_t k = 0;
    qint64 bytes = 0;
    for (auto _ : state) {
        const Shopper& s = f.shoppers[k];
        k = k + 1 == f.shoppers.size() ? 0 : k + 1;
        sqlite3_bind_text(q, 2, s.last4Reversed.constData(), 4, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, s.last4ReversedEnd.constData(), 5, SQLITE_STATIC);
        if (RawSqlite::readAllAsText(q, &bytes) <= 0) {
            fail(state, rawLookupName, QStringLiteral("the suffix index found nothing for ") + s.last4);
            break;
        }
    }
    benchmark::DoNotOptimize(bytes);
    state.counters["keys"] = static_cast<double>(f.distinctSuffixes);
}

void registerBenchmarks(Fixture& f)
{
    using benchmark::kMillisecond;
    benchmark::RegisterBenchmark(completeName, [&f](benchmark::State& s) { completeSale(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(rawSaleName, [&f](benchmark::State& s) { rawSale(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(lookupName, [&f](benchmark::State& s) { lookupLast4(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(rawLookupName, [&f](benchmark::State& s) { lookupLast4Raw(s, f); })
        ->Unit(kMillisecond)
        ->UseRealTime();
}

const char* verdict(bool pass)
{
    return pass ? "PASS" : "MISS";
}

void summaryRow(const std::string& what, const std::optional<MedianReporter::Median>& m, const std::string& checks)
{
    if (!m)
        return;
    std::printf("| %-52s | %9.4f | %9.4f | %s |\n", what.c_str(), m->wallMs, m->cpuMs, checks.c_str());
}

void printSummary(const Fixture& f, const MedianReporter& r)
{
    std::printf("\nSummary: medians on %lld customers and %lld generated sales (%lld refunds) in %s, %.2f GB; "
                "PRAGMA synchronous %lld (service) and %lld (C API), 2 = FULL\n\n",
        static_cast<long long>(f.bench->customers()), static_cast<long long>(f.sales.sales),
        static_cast<long long>(f.sales.refunds), qPrintable(f.bench->settings().path),
        static_cast<double>(fileBytes(f.bench->settings().path)) / 1e9, static_cast<long long>(f.serviceSynchronous),
        static_cast<long long>(f.rawSynchronous));
    std::printf("| %-52s | %9s | %9s | %s |\n", "measurement", "wall ms", "CPU ms", "targets (on wall time)");
    std::printf("|%s|----------:|----------:|---|\n", std::string(54, '-').c_str());
    const auto rawSale = r.medianMs(rawSaleName);
    const auto rawLookup = r.medianMs(rawLookupName);
    summaryRow("sale of 5 lines: raw C API (baseline)", r.median(rawSaleName), "baseline");
    if (const auto m = r.median(completeName)) {
        std::string checks
            = QString::asprintf("<= %.0f ms: %s", saleTargetMs, verdict(m->wallMs <= saleTargetMs)).toStdString();
        if (rawSale)
            checks += QString::asprintf("; %.2fx raw C", m->wallMs / *rawSale).toStdString();
        summaryRow("sale of 5 lines: CheckoutService::complete", m, checks);
    }
    summaryRow("last 4 digits: raw C API, same SELECT (baseline)", r.median(rawLookupName), "baseline");
    if (const auto m = r.median(lookupName)) {
        std::string checks
            = QString::asprintf("<= %.0f ms: %s", lookupTargetMs, verdict(m->wallMs <= lookupTargetMs)).toStdString();
        if (rawLookup)
            checks += QString::asprintf("; %.2fx raw C", m->wallMs / *rawLookup).toStdString();
        summaryRow("last 4 digits: CheckoutService::lookup", m, checks);
    }
    if (f.sales.generated)
        std::printf("\nSalesData wrote %lld sales, %lld refunds and %lld points entries in %.1f s (%.0f sales/s; "
                    "customer figures and tiers %.1f s, %lld customers moved up)\n",
            static_cast<long long>(f.sales.sales), static_cast<long long>(f.sales.refunds),
            static_cast<long long>(f.sales.pointsEntries), f.sales.seconds,
            static_cast<double>(f.sales.sales) / f.sales.seconds, f.sales.metricsSeconds,
            static_cast<long long>(f.sales.tierChanges));
    std::fflush(stdout);
}

int run()
{
    auto prepared = SalesData::prepare();
    if (!prepared)
        return 1;
    if (prepared->report.generated)
        std::fprintf(stderr, "sales: wrote %lld sales in %.1f s; the file is %.2f GB\n",
            static_cast<long long>(prepared->report.sales), prepared->report.seconds,
            static_cast<double>(fileBytes(prepared->path)) / 1e9);
    QString error;
    auto reader = RawSqlite::open(prepared->path, &error);
    auto writer = reader ? RawSqlite::open(prepared->path, &error, RawSqlite::Access::ReadWrite) : nullptr;
    if (!reader || !writer) {
        std::fprintf(stderr, "C API cannot open %s: %s\n", qPrintable(prepared->path), qPrintable(error));
        return 1;
    }
    Fixture f;
    f.bench = prepared->bench.get();
    f.reader = reader.get();
    f.writer = writer.get();
    f.companyId = prepared->bench->actor().companyId.toUtf8();
    f.sales = prepared->report;
    f.rawIdState = static_cast<quint64>(std::chrono::steady_clock::now().time_since_epoch().count());
    f.serviceSynchronous = synchronousOf(f.bench->db());
    f.rawSynchronous = f.writer->pragmaValue("synchronous");
    std::fprintf(stderr,
        "database %s: %lld customers, %lld generated sales, SQLite %s; PRAGMA synchronous = %lld (service), %lld "
        "(C API)\n",
        qPrintable(prepared->path), static_cast<long long>(f.bench->customers()), static_cast<long long>(f.sales.sales),
        sqlite3_libversion(), static_cast<long long>(f.serviceSynchronous), static_cast<long long>(f.rawSynchronous));
    if (f.serviceSynchronous != synchronousFull || f.rawSynchronous != synchronousFull) {
        std::fprintf(stderr, "the sales must be written with synchronous FULL (2)\n");
        return 1;
    }
    if (!readCounter(f) || !readCatalogue(f) || !sampleShoppers(f) || !verifyMetrics(f) || !verifyLookups(f))
        return 1;
    buildRequests(f);
    printPlan(*reader, "last 4 digits", suffixSql);

    registerBenchmarks(f);
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    printSummary(f, reporter);
    return reporter.exitCode();
}

} // namespace

} // namespace kasir::bench

int main(int argc, char** argv)
{
    return kasir::bench::benchMain(argc, argv, &kasir::bench::run);
}
