#include "tests/bench/SalesData.h"

#include "core/domain/Customer.h"
#include "core/domain/Membership.h"
#include "core/domain/Tenancy.h"
#include "core/storage/Database.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/ProductRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/RawSqlite.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <future>
#include <map>
#include <numeric>
#include <vector>

namespace kasir::bench {

namespace {

// splitmix64, as DemoData uses: the same numbers on every platform.
struct Random
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    qint64 below(qint64 n) { return static_cast<qint64>(next() % static_cast<quint64>(n)); }
    int percent() { return static_cast<int>(next() % 100); }
};

struct Item
{
    const char* name;
    qint64 price; // rupiah, one unit
};

// What a minimarket sells most, at 2026 Jakarta prices.
constexpr std::array<Item, 50> kItems {{
    {"Indomie Goreng 85 g", 3'500},
    {"Mie Sedaap Soto 75 g", 3'200},
    {"Beras Pandan Wangi 5 kg", 78'000},
    {"Minyak Goreng Bimoli 2 L", 38'000},
    {"Gula Pasir Gulaku 1 kg", 17'500},
    {"Telur Ayam 1 kg", 29'000},
    {"Kopi Kapal Api 165 g", 14'500},
    {"Teh Celup Sariwangi 25 pcs", 7'500},
    {"Susu UHT Ultra Milk 1 L", 19'500},
    {"Aqua 600 ml", 3'500},
    {"Sabun Mandi Lifebuoy 75 g", 4'500},
    {"Pepsodent 190 g", 12'500},
    {"Sunsilk Shampoo 170 ml", 24'000},
    {"Rinso Deterjen 800 g", 21'000},
    {"Kecap Manis Bango 520 ml", 23'500},
    {"Saus Sambal ABC 335 ml", 12'000},
    {"Tepung Terigu Segitiga Biru 1 kg", 13'500},
    {"Sari Roti Tawar", 16'500},
    {"Roma Kelapa 300 g", 10'500},
    {"Chitato Sapi Panggang 68 g", 11'000},
    {"Teh Botol Sosro 450 ml", 5'500},
    {"Coca-Cola 1.5 L", 15'500},
    {"Sarden ABC 425 g", 22'000},
    {"Kornet Pronas 198 g", 24'500},
    {"Blue Band 200 g", 9'500},
    {"Keju Kraft Cheddar 165 g", 21'500},
    {"Susu Kental Manis Frisian Flag 370 g", 12'500},
    {"Dancow Fortigro 400 g", 52'000},
    {"Popok Mamypoko M 34 pcs", 89'000},
    {"Tissue Paseo 250 sheets", 14'000},
    {"Baygon Aerosol 600 ml", 42'000},
    {"So Klin Pewangi 900 ml", 13'500},
    {"Sunlight Jeruk Nipis 755 ml", 16'000},
    {"Royco Ayam 100 g", 6'500},
    {"Masako Sapi 100 g", 6'000},
    {"Garam Cap Kapal 250 g", 3'000},
    {"Bawang Goreng 100 g", 15'000},
    {"Kacang Garuda 250 g", 17'500},
    {"Silverqueen 62 g", 16'500},
    {"Good Day Cappuccino 5 sachets", 9'500},
    {"Nescafe Classic 100 g", 34'000},
    {"Pocari Sweat 500 ml", 7'500},
    {"Yakult 5 botol", 11'000},
    {"Le Minerale 1.5 L", 6'000},
    {"Sikat Gigi Formula", 8'500},
    {"Wardah Lightening Face Wash 100 ml", 28'000},
    {"Rexona Men 45 ml", 23'000},
    {"Baterai ABC AA 2 pcs", 9'000},
    {"Korek Api Tokai", 3'000},
    {"Gas Elpiji 3 kg (isi ulang)", 21'000},
}};

struct Pack
{
    const char* suffix;
    int units;
    int offPercent; // cheaper by the pack
    int share; // percent of lines
};
constexpr std::array<Pack, 4> kPacks {{
    {"", 1, 0, 82},
    {" (isi 3)", 3, 3, 10},
    {" (isi 6)", 6, 5, 6},
    {" (1 dus)", 24, 10, 2},
}};
static_assert(SalesData::productCount == static_cast<int>(kItems.size() * kPacks.size()));

constexpr std::array<const char*, 12> kWalkInNames {"Ibu Sari", "Pak Budi", "Mbak Rina", "Mas Andi", "Bu Wati",
    "Pak Joko", "Dewi", "Agus", "Bu Yanti", "Pak Slamet", "Mbak Ayu", "Mas Dimas"};
constexpr std::array<const char*, 10> kMobilePrefixes {
    "812", "813", "821", "822", "852", "853", "857", "878", "896", "895"};
constexpr std::array<const char*, 4> kRefundReasons {
    "Barang rusak", "Salah beli", "Kedaluwarsa", "Pelanggan membatalkan"};

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr qint64 kDays = 730; // two years
// Shop hours 08:00-22:00 WIB (UTC+7): 01:00-15:00 UTC.
constexpr qint64 kOpenFromMs = 1 * 3600 * 1000;
constexpr qint64 kOpenMs = 14 * 3600 * 1000;
constexpr int kRefundPercentMille = 10; // of 1,000 sales
constexpr qint64 kMaxRefundDelayMs = 7 * kDayMs;
constexpr qint64 kWalkInPhones = 50'000; // different people who leave a number
// Rows written at the generation's start and end in between: the cache it gets while it runs.
constexpr qint64 kGenerationCacheKiB = -1'048'576; // 1 GiB

// One table's rows waiting to be written, UnitOfWork::rowsPerStatement to a statement.
class Rows
{
public:
    Rows(const char* head, int columns) : m_head(head), m_columns(columns) { }

    template<typename... Values>
    void add(Values&&... values)
    {
        static_assert(sizeof...(Values) > 0);
        (m_values.append(QVariant(std::forward<Values>(values))), ...);
    }
    qsizetype rows() const { return m_values.size() / m_columns; }

    // Writes every whole statement's worth of rows; with `all`, the rest as well.
    Status flush(UnitOfWork& uow, bool all)
    {
        constexpr int perStatement = UnitOfWork::rowsPerStatement;
        qsizetype at = 0;
        const qsizetype count = rows();
        qsizetype done = 0;
        while (count - done >= perStatement || (all && count > done)) {
            const int n = static_cast<int>(std::min<qsizetype>(perStatement, count - done));
            QSqlQuery& q = uow.prepared(Sql::multiRowInsert(m_head, m_columns, n));
            for (int i = 0; i < n * m_columns; ++i)
                q.bindValue(i, m_values.at(at++));
            if (Status s = Sql::exec(q); !s)
                return s;
            done += n;
        }
        m_values.remove(0, at);
        return Done {};
    }

private:
    const char* m_head;
    int m_columns;
    QVariantList m_values;
};

// A registered customer as the till sees them when they buy.
struct Buyer
{
    QString id;
    QString name;
    QString phone;
    bool member = false;
    int discountBp = 0;
    qint64 points = 0; // balance, moved as entries are written
};

struct Line
{
    int product;
    qint64 quantity;
    qint64 amount;
};

// What a refund repeats of its sale.
struct Sold
{
    QString id;
    QString orderNumber;
    qint64 buyer = -1; // index into the buyers; -1 for a walk-in
    QString name;
    QString phone;
    qint64 items = 0;
    qint64 subtotal = 0;
    int discountBp = 0;
    qint64 discount = 0;
    qint64 total = 0;
    qint64 pointsEarned = 0;
    std::vector<Line> lines;
    std::vector<std::pair<const char*, qint64>> payments;
};

// Sales with their lines, payments and points entries, made on a helper thread while the
// previous batch is written.
struct Batch
{
    Rows sales {"INSERT INTO sale (id, company_id, store_id, terminal_id, order_number, kind, reverses, customer_id, "
                "customer_name, customer_phone, items, subtotal, discount_bp, discount, total, points_redeemed, "
                "points_earned, created_at, created_by)",
        19};
    Rows lines {"INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, unit_price, quantity, amount)", 8};
    Rows payments {"INSERT INTO sale_payment (sale_id, line_no, method, amount)", 4};
    Rows points {"INSERT INTO points_entry (id, company_id, customer_id, kind, points, balance_after, reason, "
                 "sale_id, created_at, created_by)",
        10};

    // Parents first: lines, payments and points name their sale.
    Status write(UnitOfWork& uow)
    {
        for (Rows* rows : {&sales, &lines, &payments, &points}) {
            if (Status s = rows->flush(uow, true); !s)
                return s;
        }
        return Done {};
    }
};

constexpr qint64 kBatchSales = 5000;

QString uuid(qint64 ms, Random& rng)
{
    char text[36];
    formatUuidV7(ms, rng.next(), text);
    return QString::fromLatin1(text, 36);
}

Result<qint64> integer(Database& db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery& q = db.prepared(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    return Sql::integer(q);
}

class Generator
{
public:
    Generator(BenchDatabase& bench, quint64 seed) : m_bench(bench), m_db(bench.db()), m_rng {seed ^ 0x5A1E5ull} { }

    Status load();
    Result<qint64> generatedSales();
    Status generate(qint64 sales, qint64 step);
    Status rebuildMetrics();

    qint64 refunds() const { return m_refunds; }
    qint64 pointsEntries() const { return m_pointsEntries; }
    qint64 tierChanges() const { return m_tierChanges; }
    double metricsSeconds() const { return m_metricsSeconds; }

private:
    Status writeTerminalAndProducts(UnitOfWork& uow);
    Status loadBuyers();
    // Sales from..from+count of `total`, and the refunds due among them (all that are left
    // with the last batch). Runs on a helper thread: touches only the generator's own state.
    Batch make(qint64 from, qint64 count, qint64 total, qint64 firstDay);
    void sell(qint64 at);
    void refund(const Sold& s, qint64 at);
    void addPoints(qint64 buyer, qint64 points, const char* kind, const QString& reason, const QString& saleId,
        qint64 at, const QVariant& by);
    QString nextOrderNumber();
    qint64 pickBuyer();
    QString walkInPhone();

    BenchDatabase& m_bench;
    Database& m_db;
    Random m_rng;
    QString m_companyId;
    Store m_store;
    Terminal m_terminal;
    bool m_terminalExists = false;
    MembershipRules m_rules;
    QVariant m_cashier;
    QVariant m_manager;
    qint64 m_endMs = 0;
    std::vector<Product> m_products;
    std::vector<Buyer> m_buyers;
    qint64 m_buyerStride = 1;
    qint64 m_buyerOffset = 0;
    qint64 m_nextOrder = 1;
    qint64 m_refunds = 0;
    qint64 m_pointsEntries = 0;
    qint64 m_tierChanges = 0;
    double m_metricsSeconds = 0;
    std::multimap<qint64, Sold> m_pending; // refunds to come, by time
    QString m_orderPrefix; // "S01-GEN-"
    Batch* m_out = nullptr; // the batch being made
};

Status Generator::load()
{
    m_companyId = m_bench.actor().companyId;
    TenancyRepository tenancy(m_db);
    auto local = tenancy.localTerminal();
    if (!local)
        return local.error();
    if (!local->has_value())
        return Error::other(QStringLiteral("no_terminal"), QStringLiteral("the bench file has no terminal"));
    auto store = tenancy.store((*local)->storeId);
    if (!store)
        return store.error();
    if (!store->has_value())
        return Error::notFound(QStringLiteral("the bench terminal's store does not exist"));
    m_store = **store;
    for (const auto& [name, into] : {std::pair {"kasir", &m_cashier}, std::pair {"manager", &m_manager}}) {
        auto user = tenancy.userByName(m_companyId, QLatin1String(name));
        if (!user)
            return user.error();
        *into = user->has_value() ? (*user)->id : m_bench.actor().userId;
    }
    auto rules = MembershipRepository(m_db).rules(m_companyId);
    if (!rules)
        return rules.error();
    m_rules = *rules;

    // The generator's terminal, if an earlier run made it.
    QSqlQuery& t = m_db.prepared(
        QStringLiteral("SELECT id, name, site_id, created_at FROM terminal WHERE store_id = ? AND code = ?"));
    t.bindValue(0, m_store.id);
    t.bindValue(1, QString::fromLatin1(SalesData::terminalCode));
    if (!t.exec())
        return Sql::errorOf(t);
    m_terminal.storeId = m_store.id;
    m_terminal.code = QString::fromLatin1(SalesData::terminalCode);
    m_orderPrefix = m_store.code.toUpper() + QLatin1Char('-') + m_terminal.code + QLatin1Char('-');
    if (t.next()) {
        m_terminalExists = true;
        m_terminal.id = t.value(0).toString();
        m_terminal.name = t.value(1).toString();
        m_terminal.siteId = t.value(2).toUInt();
        m_terminal.createdAt = t.value(3).toLongLong();
    }
    t.finish();
    return Done {};
}

Result<qint64> Generator::generatedSales()
{
    if (!m_terminalExists)
        return qint64(0);
    // Rows through the order-number index; refunds through the refund index.
    const QString& prefix = m_orderPrefix;
    auto rows = integer(m_db,
        QStringLiteral("SELECT count(*) FROM sale WHERE company_id = ? AND order_number >= ? AND order_number < ?"),
        {m_companyId, prefix, QString(prefix.chopped(1) + QLatin1Char('.'))});
    if (!rows)
        return rows;
    auto refunds = integer(m_db,
        QStringLiteral("SELECT count(*) FROM sale WHERE reverses IS NOT NULL AND terminal_id = ?"), {m_terminal.id});
    if (!refunds)
        return refunds;
    m_refunds = *refunds;
    return *rows - *refunds;
}

Status Generator::loadBuyers()
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.id, c.name, coalesce(c.phone, ''), c.type, c.level, c.discount_override_bp, coalesce(m.points, 0) "
        "FROM customer c LEFT JOIN customer_metrics m ON m.customer_id = c.id WHERE c.company_id = ? ORDER BY c.seq"));
    q.bindValue(0, m_companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    m_buyers.reserve(static_cast<size_t>(m_bench.customers()));
    while (q.next()) {
        Buyer b;
        b.id = q.value(0).toString();
        b.name = q.value(1).toString();
        b.phone = q.value(2).toString();
        const auto type = CustomerEnums::parseType(q.value(3).toString()).value_or(CustomerType::WalkIn);
        const auto level = CustomerEnums::parseLevel(q.value(4).toString()).value_or(MembershipLevel::Bronze);
        b.member = type == CustomerType::Member || type == CustomerType::Vip;
        // CheckoutService: the customer's own discount wins; otherwise members get their level's.
        if (const QVariant bp = q.value(5); !bp.isNull())
            b.discountBp = bp.toInt();
        else if (b.member)
            b.discountBp = m_rules.discountBp(level);
        b.points = q.value(6).toLongLong();
        m_buyers.push_back(std::move(b));
    }
    if (m_buyers.empty())
        return Error::other(QStringLiteral("no_customers"), QStringLiteral("sales need demo customers to sell to"));
    // Frequent buyers are spread over the file, not the first customers registered: rank r
    // buys as customer (r * stride + offset) mod n, a permutation when stride and n are coprime.
    const auto n = static_cast<qint64>(m_buyers.size());
    m_buyerStride = std::max<qint64>(1, static_cast<qint64>(static_cast<double>(n) * 0.6180339887));
    while (std::gcd(m_buyerStride, n) != 1)
        ++m_buyerStride;
    m_buyerOffset = n / 3;
    return Done {};
}

qint64 Generator::pickBuyer()
{
    const auto n = static_cast<qint64>(m_buyers.size());
    const double u = m_rng.unit();
    // Half the purchases come from a skewed draw (density falling as 1/sqrt(rank): the top
    // 1 % of customers make a tenth of them), half from everyone alike.
    const double share = m_rng.percent() < 50 ? u * u : u;
    const qint64 rank = std::min(n - 1, static_cast<qint64>(share * static_cast<double>(n)));
    return (rank * m_buyerStride + m_buyerOffset) % n;
}

QString Generator::walkInPhone()
{
    // A pool of regulars who never registered, some coming back often.
    const double u = m_rng.unit();
    const qint64 who = static_cast<qint64>(u * u * kWalkInPhones);
    Random person {static_cast<quint64>(who) * 0x2545F4914F6CDD1Dull};
    const char* prefix = kMobilePrefixes[person.next() % kMobilePrefixes.size()];
    return QStringLiteral("+62") + QLatin1String(prefix)
        + QStringLiteral("%1").arg(static_cast<qint64>(person.next() % 100'000'000), 8, 10, QLatin1Char('0'));
}

QString Generator::nextOrderNumber()
{
    // SaleRepository::nextOrderNumber's form.
    return m_orderPrefix + QStringLiteral("%1").arg(m_nextOrder++, 6, 10, QLatin1Char('0'));
}

void Generator::addPoints(qint64 buyer, qint64 points, const char* kind, const QString& reason, const QString& saleId,
    qint64 at, const QVariant& by)
{
    Buyer& b = m_buyers[static_cast<size_t>(buyer)];
    b.points += points;
    m_out->points.add(
        uuid(at, m_rng), m_companyId, b.id, QString::fromLatin1(kind), points, b.points, reason, saleId, at, by);
    ++m_pointsEntries;
}

void Generator::sell(qint64 at)
{
    Sold s;
    s.id = uuid(at, m_rng);
    s.orderNumber = nextOrderNumber();
    if (m_rng.percent() < 85) {
        s.buyer = pickBuyer();
        const Buyer& b = m_buyers[static_cast<size_t>(s.buyer)];
        s.name = b.name;
        s.phone = b.phone;
        s.discountBp = b.discountBp;
    } else {
        s.name = m_rng.percent() < 20 ? QString::fromLatin1(kWalkInNames[m_rng.below(kWalkInNames.size())])
                                      : QString(QLatin1String(""));
        s.phone = m_rng.percent() < 25 ? walkInPhone() : QString(QLatin1String(""));
    }

    const int p = m_rng.percent();
    const int lines = p < 30 ? 1 : p < 55 ? 2 : p < 75 ? 3 : p < 90 ? 4 : 5;
    std::array<int, 5> chosen {};
    for (int l = 0; l < lines; ++l) {
        int product = 0;
        bool repeated = true;
        while (repeated) {
            // Some items sell far more than others: the first of the list most.
            const double u = m_rng.unit();
            const auto item = static_cast<int>(std::pow(u, 1.6) * static_cast<double>(kItems.size()));
            int packShare = m_rng.percent();
            int pack = 0;
            while (packShare >= kPacks[static_cast<size_t>(pack)].share) {
                packShare -= kPacks[static_cast<size_t>(pack)].share;
                ++pack;
            }
            product = item * static_cast<int>(kPacks.size()) + pack;
            repeated = std::find(chosen.begin(), chosen.begin() + l, product) != chosen.begin() + l;
        }
        chosen[static_cast<size_t>(l)] = product;
        const int q = m_rng.percent();
        const qint64 quantity = q < 70 ? 1 : q < 88 ? 2 : q < 95 ? 3 : 4 + m_rng.below(3);
        const Product& item = m_products[static_cast<size_t>(product)];
        s.lines.push_back({product, quantity, item.price * quantity});
        s.items += quantity;
        s.subtotal += item.price * quantity;
    }
    // CheckoutService's rounding: the discount rounds down.
    s.discount = s.subtotal / 10000 * s.discountBp + s.subtotal % 10000 * s.discountBp / 10000;
    s.total = s.subtotal - s.discount;

    if (s.total > 0) {
        const int m = m_rng.percent();
        if (m < 5 && s.total >= 20'000) {
            // Part by card, the rest in cash.
            const qint64 card = s.total / 2 / 1000 * 1000;
            s.payments = {{"card", card}, {"cash", s.total - card}};
        } else {
            s.payments = {{m < 55 ? "cash" : m < 80 ? "mobile_money" : "card", s.total}};
        }
    }
    // Every payment is money: points on all of it, for members.
    if (s.buyer >= 0 && m_buyers[static_cast<size_t>(s.buyer)].member)
        s.pointsEarned = m_rules.pointsFor(s.total);

    const QVariant customerId
        = s.buyer >= 0 ? QVariant(m_buyers[static_cast<size_t>(s.buyer)].id) : QVariant(QMetaType::fromType<QString>());
    m_out->sales.add(s.id, m_companyId, m_store.id, m_terminal.id, s.orderNumber, QStringLiteral("sale"),
        QVariant(QMetaType::fromType<QString>()), customerId, Sql::text(s.name), Sql::text(s.phone), s.items,
        s.subtotal, s.discountBp, s.discount, s.total, 0, s.pointsEarned, at, m_cashier);
    int no = 1;
    for (const Line& l : s.lines) {
        const Product& item = m_products[static_cast<size_t>(l.product)];
        m_out->lines.add(s.id, no++, item.id, item.sku, item.name, item.price, l.quantity, l.amount);
    }
    no = 1;
    for (const auto& [method, amount] : s.payments)
        m_out->payments.add(s.id, no++, QString::fromLatin1(method), amount);
    if (s.pointsEarned > 0)
        addPoints(s.buyer, s.pointsEarned, "earned", s.orderNumber, s.id, at, m_cashier);

    if (m_rng.below(1000) < kRefundPercentMille) {
        const qint64 when = at + 10 * 60 * 1000 + m_rng.below(kMaxRefundDelayMs);
        // Only in the past, and in shop hours: a refund is made at the counter too.
        const qint64 day = when / kDayMs * kDayMs;
        if (when - day >= kOpenFromMs && when - day < kOpenFromMs + kOpenMs && when < m_endMs)
            m_pending.emplace(when, std::move(s));
    }
}

void Generator::refund(const Sold& s, qint64 at)
{
    // CheckoutService::refund: the sale's figures negated, naming it in `reverses`.
    const QString id = uuid(at, m_rng);
    const QString number = nextOrderNumber();
    const QVariant customerId
        = s.buyer >= 0 ? QVariant(m_buyers[static_cast<size_t>(s.buyer)].id) : QVariant(QMetaType::fromType<QString>());
    m_out->sales.add(id, m_companyId, m_store.id, m_terminal.id, number, QStringLiteral("refund"), s.id, customerId,
        Sql::text(s.name), Sql::text(s.phone), -s.items, -s.subtotal, s.discountBp, -s.discount, -s.total, 0,
        -s.pointsEarned, at, m_manager);
    int no = 1;
    for (const Line& l : s.lines) {
        const Product& item = m_products[static_cast<size_t>(l.product)];
        m_out->lines.add(id, no++, item.id, item.sku, item.name, item.price, -l.quantity, -l.amount);
    }
    no = 1;
    for (const auto& [method, amount] : s.payments)
        m_out->payments.add(id, no++, QString::fromLatin1(method), -amount);
    if (s.pointsEarned > 0) {
        const QString note
            = QStringLiteral("refund %1 of %2: %3")
                  .arg(number, s.orderNumber, QLatin1String(kRefundReasons[m_rng.below(kRefundReasons.size())]));
        addPoints(s.buyer, -s.pointsEarned, "reversed", note.left(500), id, at, m_manager);
    }
    ++m_refunds;
}

Batch Generator::make(qint64 from, qint64 count, qint64 total, qint64 firstDay)
{
    Batch batch;
    m_out = &batch;
    for (qint64 i = from; i < from + count; ++i) {
        // Evenly through the shop hours of the two years, at a random moment of each slot.
        const double open = (static_cast<double>(i) + m_rng.unit()) / static_cast<double>(total)
            * static_cast<double>(kDays * kOpenMs);
        const auto openMs = static_cast<qint64>(open);
        const qint64 at = firstDay + openMs / kOpenMs * kDayMs + kOpenFromMs + openMs % kOpenMs;
        while (!m_pending.empty() && m_pending.begin()->first <= at) {
            refund(m_pending.begin()->second, m_pending.begin()->first);
            m_pending.erase(m_pending.begin());
        }
        sell(at);
    }
    if (from + count == total) {
        for (const auto& [at, sold] : m_pending)
            refund(sold, at);
        m_pending.clear();
    }
    m_out = nullptr;
    return batch;
}

Status Generator::writeTerminalAndProducts(UnitOfWork& uow)
{
    if (!m_terminalExists) {
        auto site = integer(m_db, QStringLiteral("SELECT coalesce(max(site_id), 0) FROM terminal"), {});
        if (!site)
            return site.error();
        m_terminal.id = uuid(m_endMs - kDays * kDayMs, m_rng);
        m_terminal.name = QStringLiteral("Generated sales history");
        m_terminal.siteId = static_cast<quint32>(*site % 4'294'967'295ll + 1);
        m_terminal.createdAt = m_endMs - kDays * kDayMs;
        if (Status s = TenancyRepository(m_db).insertTerminal(uow, m_terminal); !s)
            return s;
        m_terminalExists = true;
    }
    ProductRepository products(m_db);
    for (int i = 0; i < SalesData::productCount; ++i) {
        Product p = SalesData::product(i);
        auto existing = products.bySku(m_companyId, p.sku);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            m_products.push_back(**existing);
            continue;
        }
        p.id = uuid(m_terminal.createdAt, m_rng);
        p.companyId = m_companyId;
        p.createdAt = p.updatedAt = m_terminal.createdAt;
        if (Status s = products.insert(uow, p); !s)
            return s;
        m_products.push_back(p);
    }
    return Done {};
}

Status Generator::generate(qint64 sales, qint64 step)
{
    auto end = integer(
        m_db, QStringLiteral("SELECT coalesce(max(created_at), 0) FROM customer WHERE company_id = ?"), {m_companyId});
    if (!end)
        return end.error();
    // The two years before the demo customers were written (they were all written at once,
    // so every sale predates their registration; nothing in core minds).
    m_endMs = *end / kDayMs * kDayMs;
    const qint64 firstDay = m_endMs - kDays * kDayMs;
    if (Status s = loadBuyers(); !s)
        return s;

    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("PRAGMA cache_size")) || !q.next())
        return Sql::errorOf(q);
    const qint64 cacheSize = q.value(0).toLongLong();
    q.finish();
    // A write that grows the file by twice its size goes faster with a rollback journal
    // (Database::leaveWalIfAlone) and a page cache that holds the customer-ordered indexes.
    const bool rollbackJournal = m_db.leaveWalIfAlone();
    if (Status s
        = Sql::execDirect(m_db.connection(), QStringLiteral("PRAGMA cache_size = %1").arg(kGenerationCacheKiB));
        !s)
        return s;
    auto restore = qScopeGuard([&] {
        Sql::execDirect(m_db.connection(), QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize)).ok();
        if (rollbackJournal)
            m_db.returnToWal().ok();
    });

    UnitOfWork uow(m_db, m_bench.actor());
    if (Status s = uow.begin(); !s)
        return s;
    if (Status s = writeTerminalAndProducts(uow); !s)
        return s;

    QElapsedTimer timer;
    timer.start();
    qint64 reported = 0;
    // The next batch is made on another core while this one is written.
    auto prepare = [this, sales, firstDay](
                       qint64 from) { return make(from, std::min(kBatchSales, sales - from), sales, firstDay); };
    std::future<Batch> next = std::async(std::launch::async, prepare, 0);
    for (qint64 done = 0; done < sales;) {
        Batch batch = next.get();
        const qint64 made = std::min(kBatchSales, sales - done);
        done += made;
        if (done < sales)
            next = std::async(std::launch::async, prepare, done);
        if (Status s = batch.write(uow); !s)
            return s;
        if (done - reported >= step || done == sales) {
            reported = done;
            const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
            std::fprintf(stderr, "sales: %lld / %lld, %.1f s, %.0f sales/s\n", static_cast<long long>(reported),
                static_cast<long long>(sales), seconds, static_cast<double>(reported) / seconds);
        }
    }
    // The terminal goes on numbering after its history.
    QSqlQuery& seq = uow.prepared(
        QStringLiteral("INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, ?, ?) ON CONFLICT "
                       "(company_id, name) DO UPDATE SET next_value = max(next_value, excluded.next_value)"));
    seq.bindValue(0, m_companyId);
    seq.bindValue(1, QString(QStringLiteral("order:") + m_terminal.id));
    seq.bindValue(2, m_nextOrder);
    if (Status s = Sql::exec(seq); !s)
        return s;
    std::fprintf(stderr, "sales: %lld refunds, %lld points entries written in %.1f s; customer figures next\n",
        static_cast<long long>(m_refunds), static_cast<long long>(m_pointsEntries),
        static_cast<double>(timer.nsecsElapsed()) / 1e9);

    QElapsedTimer metrics;
    metrics.start();
    if (Status s = rebuildMetrics(); !s)
        return s;
    m_metricsSeconds = static_cast<double>(metrics.nsecsElapsed()) / 1e9;
    std::fprintf(stderr, "sales: customer_metrics and tiers in %.1f s (%lld customers moved up); committing\n",
        m_metricsSeconds, static_cast<long long>(m_tierChanges));
    return uow.commit();
}

Status Generator::rebuildMetrics()
{
    QSqlDatabase db = m_db.connection();
    const auto run = [&](const QString& sql, const QVariantList& binds, qint64* affected = nullptr) -> Status {
        QSqlQuery q(db);
        if (!q.prepare(sql))
            return Sql::errorOf(q);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec())
            return Sql::errorOf(q);
        if (affected)
            *affected = q.numRowsAffected();
        return Done {};
    };
    // Every figure from the facts alone: purchases are sales less refunds, total spent and
    // items sum both (refunds are negative), first and last purchase are the sales that
    // still stand; points and credit are the sums of their ledgers.
    const QList<std::pair<QString, QVariantList>> statements {
        {QStringLiteral("DELETE FROM customer_metrics WHERE company_id = ?"), {m_companyId}},
        {QStringLiteral(
             "INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, total_items, "
             "first_purchase_at, last_purchase_at) "
             "SELECT s.customer_id, s.company_id, sum(CASE s.kind WHEN 'sale' THEN 1 ELSE -1 END), sum(s.total), "
             "sum(s.items), min(CASE WHEN s.kind = 'sale' AND r.id IS NULL THEN s.created_at END), "
             "max(CASE WHEN s.kind = 'sale' AND r.id IS NULL THEN s.created_at END) "
             "FROM sale s LEFT JOIN sale r ON r.reverses = s.id "
             "WHERE s.company_id = ? AND s.customer_id IS NOT NULL GROUP BY s.customer_id"),
            {m_companyId}},
        {QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, points) "
                        "SELECT customer_id, company_id, sum(points) FROM points_entry WHERE company_id = ? "
                        "GROUP BY customer_id ON CONFLICT (customer_id) DO UPDATE SET points = excluded.points"),
            {m_companyId}},
        {QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, credit) "
                        "SELECT customer_id, company_id, sum(amount) FROM credit_entry WHERE company_id = ? "
                        "GROUP BY customer_id ON CONFLICT (customer_id) DO UPDATE SET credit = excluded.credit"),
            {m_companyId}},
    };
    for (const auto& [sql, binds] : statements) {
        if (Status s = run(sql, binds); !s)
            return s;
    }
    // Levels and types as the rules would have moved them over these purchases (in one
    // step, and without tier history: close to what CheckoutService writes, not exactly).
    const QString rank
        = QStringLiteral("CASE c.level WHEN 'Platinum' THEN 3 WHEN 'Gold' THEN 2 WHEN 'Silver' THEN 1 ELSE 0 END");
    const QString earned = QStringLiteral("CASE WHEN m.total_spent >= %1 THEN 3 WHEN m.total_spent >= %2 THEN 2 WHEN "
                                          "m.total_spent >= %3 THEN 1 ELSE 0 END")
                               .arg(m_rules.platinumFrom)
                               .arg(m_rules.goldFrom)
                               .arg(m_rules.silverFrom);
    const QString next = m_rules.tiersCanDrop ? earned : QStringLiteral("max(%1, %2)").arg(earned, rank);
    const QString type = m_rules.memberFrom > 0
        ? QStringLiteral("CASE WHEN c.type = 'walk-in' AND m.total_spent >= %1 THEN 'member' ELSE c.type END")
              .arg(m_rules.memberFrom)
        : QStringLiteral("c.type");
    const QString tiers = QStringLiteral(
        "UPDATE customer SET level = x.level, type = x.type FROM (SELECT c.seq AS seq, CASE %1 WHEN 3 THEN "
        "'Platinum' WHEN 2 THEN 'Gold' WHEN 1 THEN 'Silver' ELSE 'Bronze' END AS level, %2 AS type FROM "
        "customer_metrics m JOIN customer c ON c.id = m.customer_id WHERE m.company_id = ?) AS x "
        "WHERE customer.seq = x.seq AND (customer.level <> x.level OR customer.type <> x.type)")
                              .arg(next, type);
    return run(tiers, {m_companyId}, &m_tierChanges);
}

} // namespace

SalesSettings SalesSettings::fromEnvironment()
{
    SalesSettings s;
    if (const QString n = qEnvironmentVariable("KASIR_BENCH_SALES").trimmed(); !n.isEmpty()) {
        bool ok = false;
        const qint64 value = n.toLongLong(&ok);
        if (ok && value > 0)
            s.sales = value;
        else
            std::fprintf(stderr, "KASIR_BENCH_SALES=%s is not a positive number; using %lld\n", qPrintable(n),
                static_cast<long long>(s.sales));
    }
    return s;
}

QString SalesSettings::defaultPath(qint64 customers, qint64 sales)
{
    const QString customersFile = BenchSettings::defaultPath(customers);
    QString size;
    if (sales >= 1'000'000 && sales % 1'000'000 == 0)
        size = QString::number(sales / 1'000'000) + QLatin1Char('m');
    else if (sales >= 1000 && sales % 1000 == 0)
        size = QString::number(sales / 1000) + QLatin1Char('k');
    else
        size = QString::number(sales);
    return customersFile.chopped(3) + QLatin1Char('-') + size + QStringLiteral("-sales.db");
}

Product SalesData::product(int index)
{
    const Item& item = kItems[static_cast<size_t>(index) / kPacks.size()];
    const Pack& pack = kPacks[static_cast<size_t>(index) % kPacks.size()];
    Product p;
    p.sku = QStringLiteral("BRG-%1").arg(index + 1, 4, 10, QLatin1Char('0'));
    p.name = QLatin1String(item.name) + QLatin1String(pack.suffix);
    // Rounded to 100 rupiah, as shelf prices are.
    p.price = (item.price * pack.units * (100 - pack.offPercent) / 100 + 50) / 100 * 100;
    p.active = true;
    return p;
}

Result<SalesData::Report> SalesData::ensure(BenchDatabase& bench, qint64 sales, quint64 seed, qint64 step)
{
    QElapsedTimer timer;
    timer.start();
    Generator g(bench, seed);
    if (Status s = g.load(); !s)
        return s.error();
    auto held = g.generatedSales();
    if (!held)
        return held.error();
    Report r;
    if (*held >= sales) {
        r.sales = *held;
        r.refunds = g.refunds();
        return r;
    }
    if (*held > 0)
        return Error::other(QStringLiteral("too_few_sales"),
            QStringLiteral("%1 holds %2 generated sales, fewer than the %3 asked for; generated sales are not topped "
                           "up (KASIR_BENCH_FRESH=1 starts again)")
                .arg(bench.settings().path)
                .arg(*held)
                .arg(sales));
    std::fprintf(stderr, "sales: %s holds no generated sales; writing %lld (seed %llu)\n",
        qPrintable(bench.settings().path), static_cast<long long>(sales), static_cast<unsigned long long>(seed));
    if (Status s = g.generate(sales, step); !s)
        return s.error();
    r.sales = sales;
    r.refunds = g.refunds();
    r.generated = true;
    r.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    r.metricsSeconds = g.metricsSeconds();
    r.pointsEntries = g.pointsEntries();
    r.tierChanges = g.tierChanges();
    return r;
}

void formatUuidV7(qint64 unixMs, quint64 random, char* out36)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::array<unsigned char, 16> b {};
    const auto ms = static_cast<quint64>(std::max<qint64>(unixMs, 0)) & 0xFFFF'FFFF'FFFFull;
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    for (int i = 0; i < 8; ++i)
        b[static_cast<size_t>(8 + i)] = static_cast<unsigned char>(random >> (8 * i));
    // rand_a from the top bits, which rand_b's first byte shares: 64 random bits in all.
    b[6] = static_cast<unsigned char>(0x70 | ((random >> 60) & 0x0F)); // version 7
    b[7] = static_cast<unsigned char>(random >> 52);
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F)); // RFC 4122 variant
    int at = 0;
    for (size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out36[at++] = '-';
        out36[at++] = hex[b[i] >> 4];
        out36[at++] = hex[b[i] & 0x0F];
    }
}

std::unique_ptr<RawSqlite> SalesData::Prepared::openReader(const QString& extra) const
{
    QString error;
    auto reader = RawSqlite::open(path, &error);
    if (!reader) {
        std::fprintf(stderr, "C API cannot open %s: %s\n", qPrintable(path), qPrintable(error));
        return nullptr;
    }
    std::fprintf(stderr, "database %s: %lld customers, %lld generated sales, SQLite %s%s\n", qPrintable(path),
        static_cast<long long>(bench->customers()), static_cast<long long>(report.sales), sqlite3_libversion(),
        qPrintable(extra));
    return reader;
}

std::optional<SalesData::Prepared> SalesData::prepare()
{
    BenchSettings settings = BenchSettings::fromEnvironment();
    const SalesSettings sales = SalesSettings::fromEnvironment();
    if (qEnvironmentVariable("KASIR_BENCH_DB").trimmed().isEmpty())
        settings.path = SalesSettings::defaultPath(settings.customers, sales.sales);
    if (qEnvironmentVariable("KASIR_BENCH_FRESH") == QLatin1String("1") && !removeDatabase(settings.path))
        return std::nullopt;
    auto bench = BenchDatabase::prepare(settings);
    if (!bench) {
        std::fprintf(
            stderr, "cannot prepare %s: %s\n", qPrintable(settings.path), qPrintable(bench.error().describe()));
        return std::nullopt;
    }
    auto report = ensure(**bench, sales.sales, settings.seed);
    if (!report) {
        std::fprintf(stderr, "cannot generate sales in %s: %s\n", qPrintable(settings.path),
            qPrintable(report.error().describe()));
        return std::nullopt;
    }
    return Prepared {std::move(bench).value(), *report, settings.path};
}

} // namespace kasir::bench
