// bench_filters: the first page (50 customers) of the directory under combined filters
// (issue 4), each measured in the same run as its baseline:
//   BM_Filter/<case>              CustomerService::search: validation, the choice of the index
//                                 that drives the query (a count of a few index rows) and the
//                                 page, read into Customer values
//   BM_Filter/<case>_RawBaseline  the page's SELECT, as the repository runs it for that case on
//                                 the big file, through the SQLite C API
// and at the end a summary of medians against the 50 ms target in BENCHMARKS.md.
//
// The file: BenchSettings and SalesSettings as for bench_checkout (demo customers, then two
// years of generated sales; KASIR_BENCH_FRESH=1 deletes it first). The generated sales hold
// no store credit and no tags, so this program adds, once, through LedgerService and
// TagService as the counter would: a debt for one customer in KASIR_BENCH_STRIDE (default
// 500), credit for another as many, and the tag "Langganan" for one in STRIDE / 2; and it
// ranks the customers into RFM segments (RfmService::recompute) unless the file has a
// ranking. Run it on a copy of the checkout file: it writes these into the file.

#include "core/domain/CustomerQuery.h"
#include "core/domain/Ledger.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/RfmService.h"
#include "core/services/TagService.h"
#include "core/storage/RfmRepository.h"
#include "tests/bench/BenchDatabase.h"
#include "tests/bench/MedianReporter.h"
#include "tests/bench/RawSqlite.h"
#include "tests/bench/SalesData.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace kasir::bench {

namespace {

constexpr double targetMs = 50.0;
constexpr int pageSize = 50;
constexpr qint64 defaultStride = 500;
const QString tagName = QStringLiteral("Langganan");

// The columns core's CustomerRepository reads for one customer (kColumns in
// storage/CustomerRepository.cpp).
constexpr const char* customerColumns
    = "c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
      "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
      "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
      "c.updated_at, c.created_by, c.updated_by";

// One combined filter: the query for the service, and the statement the repository runs for
// its page on the big file, with its values.
struct Case
{
    std::string name;
    CustomerQuery query;
    QByteArray sql;
    QVariantList binds;
    // How many customers the first page holds, and how many pages (CustomerQuery's scan
    // bound) it takes to reach the raw statement's page: found while verifying (cold), then
    // as last timed.
    qsizetype firstPage = 0;
    int pages = 0;
};

struct Fixture
{
    BenchDatabase* bench = nullptr;
    RawSqlite* reader = nullptr;
    std::vector<Case> cases;
};

void fail(benchmark::State& state, const std::string& benchmark, const QString& why)
{
    std::fprintf(stderr, "FAILED %s: %s\n", benchmark.c_str(), qPrintable(why));
    state.SkipWithError(qPrintable(why));
}

// Store credit and a tag on a sample of the customers, through the services, unless the file
// has them already.
bool ensureBalancesAndTags(BenchDatabase& bench, qint64 stride)
{
    Database& db = bench.db();
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customer_metrics WHERE credit <> 0")) || !q.next())
        return false;
    const bool haveCredit = q.value(0).toLongLong() > 0;
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customer_tag")) || !q.next())
        return false;
    const bool haveTags = q.value(0).toLongLong() > 0;
    if (haveCredit && haveTags)
        return true;
    QStringList ids; // active customers: a blocked one cannot take on a debt
    if (!q.exec(QStringLiteral("SELECT id FROM customer WHERE status = 'active' ORDER BY seq")))
        return false;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    QElapsedTimer timer;
    timer.start();
    LedgerService ledger(db, bench.actor());
    TagService tags(db, bench.actor());
    qint64 written = 0;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString& id = ids.at(i);
        if (!haveCredit && i % stride == 1) {
            auto debt = ledger.debitCredit(
                id, 25'000 + (i % 7) * 10'000, QStringLiteral("bon"), QString(), QStringLiteral("benchmark data"));
            if (!debt) {
                std::fprintf(stderr, "debt for %s: %s\n", qPrintable(id), qPrintable(debt.error().describe()));
                return false;
            }
            ++written;
        }
        if (!haveCredit && i % stride == 3) {
            auto credit = ledger.addCredit(id, 50'000, CreditKind::Credit, QStringLiteral("deposit"));
            if (!credit) {
                std::fprintf(stderr, "credit for %s: %s\n", qPrintable(id), qPrintable(credit.error().describe()));
                return false;
            }
            ++written;
        }
        if (!haveTags && i % (stride / 2) == 5) {
            if (auto tagged = tags.tag(id, tagName); !tagged) {
                std::fprintf(stderr, "tag for %s: %s\n", qPrintable(id), qPrintable(tagged.error().describe()));
                return false;
            }
            ++written;
        }
    }
    std::fprintf(stderr, "wrote %lld balances and tags through the services in %.1f s\n",
        static_cast<long long>(written), static_cast<double>(timer.elapsed()) / 1000.0);
    return true;
}

// The RFM segments, ranked once through the service unless the file has a ranking.
bool ensureRanking(BenchDatabase& bench)
{
    auto run = RfmRepository(bench.db()).lastRun(bench.actor().companyId);
    if (!run)
        return false;
    if (*run)
        return true;
    auto done = RfmService(bench.db(), bench.actor()).recompute();
    if (!done) {
        std::fprintf(stderr, "ranking: %s\n", qPrintable(done.error().describe()));
        return false;
    }
    std::fprintf(stderr, "ranked %lld customers into RFM segments in %.1f s\n", static_cast<long long>(done->customers),
        static_cast<double>(done->milliseconds) / 1000.0);
    return true;
}

// The data's last day of sales, its spending and a common name start, to aim the filters at
// real rows.
bool buildCases(Fixture& f)
{
    Database& db = f.bench->db();
    const QString company = f.bench->actor().companyId;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT max(last_purchase_at) FROM customer_metrics")) || !q.next()
        || q.value(0).isNull()) {
        std::fprintf(stderr, "the file has no sales\n");
        return false;
    }
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC).date();
    // The first word of the names: a popular one gives a big name range to combine with.
    if (!q.exec(QStringLiteral("SELECT substr(name_key, 1, 3) FROM customer GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
        || !q.next()) {
        std::fprintf(stderr, "the file has no customers\n");
        return false;
    }
    const QString prefix = q.value(0).toString().trimmed();
    q.finish();
    const QString end = prefix + QString::fromUcs4(U"\U0010FFFF", 1);
    const qint64 dayStart = QDate(lastDay).startOfDay(Qt::UTC).toMSecsSinceEpoch();
    // A band of spending that about 1 in 400 customers fall in (a few thousand of a
    // million, at least 400 on a small file), around the median: it drives the query.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customer_metrics")) || !q.next())
        return false;
    const qint64 withFigures = q.value(0).toLongLong();
    const qint64 band = std::max<qint64>(withFigures / 400, 400);
    // A wider band from the same start, just under the 5,000 customers a driving subset may
    // hold (at least 450 on a small file): the most a page sorts.
    const qint64 wideBand = std::max<qint64>(withFigures / 200, 450);
    qint64 spentMin = 0;
    qint64 spentMax = 0;
    qint64 wideMax = 0;
    for (auto [rank, bound] : {std::pair {withFigures / 2, &spentMin}, std::pair {withFigures / 2 + band, &spentMax},
             std::pair {withFigures / 2 + wideBand, &wideMax}}) {
        if (!q.exec(QStringLiteral("SELECT total_spent FROM customer_metrics ORDER BY total_spent LIMIT 1 OFFSET %1")
                        .arg(std::min(rank, withFigures - 1)))
            || !q.next())
            return false;
        *bound = q.value(0).toLongLong();
    }
    const QDate windowFrom = lastDay.addDays(-89);
    const qint64 windowStart = windowFrom.startOfDay(Qt::UTC).toMSecsSinceEpoch();
    const qint64 weekStart = dayStart - 6 * 86'400'000LL;
    const qint64 dayEnd = dayStart + 86'400'000LL - 1;
    const QByteArray select = QByteArray("SELECT ") + customerColumns + " FROM customer c WHERE ";
    const QByteArray byName = " ORDER BY +c.name_key, c.id LIMIT ?";

    Case debt;
    debt.name = "debt_member";
    debt.query.balance = CustomerQuery::Balance::Debt;
    debt.query.membershipActive = true;
    // Few debtors: their credit index drives, the matches are sorted.
    debt.sql = select
        + "+c.company_id = ? AND c.id IN (SELECT m.customer_id FROM customer_metrics m WHERE m.company_id = ? AND "
          "m.credit <= ?) AND c.type IN (?, ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = "
          "c.id AND m.credit <= ?)"
        + byName;
    debt.binds = {company, company, -1, QStringLiteral("member"), QStringLiteral("vip"), -1};
    f.cases.push_back(debt);

    Case spent;
    spent.name = "spent_lastvisit_name";
    spent.query.totalSpentMin = spentMin;
    spent.query.totalSpentMax = spentMax;
    spent.query.lastVisitFrom = windowFrom;
    spent.query.lastVisitTo = lastDay;
    spent.query.text = prefix;
    // The band's customers drive; the name words and the last 90 days are tested on each.
    spent.sql = select
        + "+c.company_id = ? AND c.id IN (SELECT m.customer_id FROM customer_metrics m WHERE m.company_id = ? AND "
          "m.total_spent >= ? AND m.total_spent <= ?) AND +c.seq IN (SELECT seq FROM customer_word WHERE "
          "company_id = ? AND word >= ? AND word < ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE "
          "m.customer_id = c.id AND m.total_spent >= ? AND m.total_spent <= ? AND m.last_purchase_at >= ? AND "
          "m.last_purchase_at <= ?)"
        + byName;
    spent.binds = {company, company, spentMin, spentMax, company, prefix, end, spentMin, spentMax, windowStart, dayEnd};
    f.cases.push_back(spent);

    Case wide;
    wide.name = "spent_wide_band";
    wide.query.totalSpentMin = spentMin;
    wide.query.totalSpentMax = wideMax;
    // The band's customers drive and are sorted by name.
    wide.sql = select
        + "+c.company_id = ? AND c.id IN (SELECT m.customer_id FROM customer_metrics m WHERE m.company_id = ? AND "
          "m.total_spent >= ? AND m.total_spent <= ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE "
          "m.customer_id = c.id AND m.total_spent >= ? AND m.total_spent <= ?)"
        + byName;
    wide.binds = {company, company, spentMin, wideMax, spentMin, wideMax};
    f.cases.push_back(wide);

    Case frequent;
    frequent.name = "frequent_tag";
    frequent.query.frequencies = {RepeatFrequency::Frequent};
    frequent.query.tags = {tagName};
    // The tag's customers (one in STRIDE / 2) drive.
    frequent.sql = select
        + "+c.company_id = ? AND c.id IN (SELECT ct.customer_id FROM customer_tag ct WHERE ct.tag_id IN (SELECT id "
          "FROM tag WHERE company_id = ? AND name_key IN (?))) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE "
          "m.customer_id = c.id AND m.purchases >= ?) AND EXISTS (SELECT 1 FROM customer_tag ct WHERE "
          "ct.customer_id = c.id AND ct.tag_id IN (SELECT id FROM tag WHERE company_id = c.company_id AND name_key "
          "IN (?)))"
        + byName;
    frequent.binds
        = {company, company, QStringLiteral("langganan"), RepeatFrequencies::frequentFrom, QStringLiteral("langganan")};
    f.cases.push_back(frequent);

    Case noSales;
    noSales.name = "nosales_walkin";
    noSales.query.hasSales = false;
    noSales.query.type = CustomerType::WalkIn;
    // Customers without sales have no metrics row: nothing to drive from; the name order is
    // walked and each row tested.
    noSales.sql = select
        + "c.company_id = ? AND c.type = ? AND (EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id "
          "AND m.purchases <= ?) OR NOT EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id)) ORDER "
          "BY c.name_key, c.id LIMIT ?";
    noSales.binds = {company, QStringLiteral("walk-in"), 0};
    f.cases.push_back(noSales);

    Case spender;
    spender.name = "spent_member_week_newest";
    spender.query.totalSpentMin = 1'000'000;
    spender.query.membershipActive = true;
    spender.query.lastVisitFrom = lastDay.addDays(-6);
    spender.query.sort = CustomerQuery::Sort::Created;
    spender.query.descending = true;
    // The last week's customers: more than the repository sorts, so the creation order is
    // walked and each row tested.
    spender.sql = select
        + "c.company_id = ? AND c.type IN (?, ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = "
          "c.id AND m.total_spent >= ? AND m.last_purchase_at >= ?) ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
    spender.binds = {company, QStringLiteral("member"), QStringLiteral("vip"), 1'000'000, weekStart};
    f.cases.push_back(spender);

    // A name with filters that no index answers: the service merges the name's word index in
    // name order and tests the candidates in batches (CustomerRepository::nameSearch); the
    // baseline is the one SELECT that gives the same page.
    const QByteArray nameWords = "c.company_id = ? AND c.seq IN (SELECT seq FROM customer_word WHERE company_id = ? "
                                 "AND word >= ? AND word < ?) AND ";
    const QByteArray plainByName = " ORDER BY c.name_key, c.id LIMIT ?";
    Case nameNoSales;
    nameNoSales.name = "name_nosales";
    nameNoSales.query.text = prefix;
    nameNoSales.query.hasSales = false;
    nameNoSales.sql = select + nameWords
        + "(EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id AND m.purchases <= ?) OR NOT EXISTS "
          "(SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id))"
        + plainByName;
    nameNoSales.binds = {company, company, prefix, end, 0};
    f.cases.push_back(nameNoSales);

    // Frequent buyers who are not members; on a small file with few of them, the regular
    // buyers as well, so that the page is not empty.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM customer_metrics WHERE purchases >= %1")
                    .arg(RepeatFrequencies::frequentFrom))
        || !q.next())
        return false;
    const bool fewFrequent = q.value(0).toLongLong() * 100 < withFigures;
    Case nameFrequent;
    nameFrequent.name = fewFrequent ? "name_regular_notmember" : "name_frequent_notmember";
    nameFrequent.query.text = prefix;
    nameFrequent.query.frequencies = {RepeatFrequency::Frequent};
    if (fewFrequent)
        nameFrequent.query.frequencies << RepeatFrequency::Regular;
    nameFrequent.query.membershipActive = false;
    nameFrequent.sql = select + nameWords
        + "c.type NOT IN (?, ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id AND "
          "m.purchases >= ?)"
        + plainByName;
    nameFrequent.binds = {company, company, prefix, end, QStringLiteral("member"), QStringLiteral("vip"),
        fewFrequent ? RepeatFrequencies::regularFrom : RepeatFrequencies::frequentFrom};
    f.cases.push_back(nameFrequent);

    // RFM segments: a large one alone (walked in name order), a small one with the tag (the
    // tag drives), and one under a name prefix (the word index merged).
    const QByteArray segmentTest
        = "EXISTS (SELECT 1 FROM customer_rfm x WHERE x.customer_id = c.id AND x.segment IN (?))";
    Case atRisk;
    atRisk.name = "segment_atrisk";
    atRisk.query.segments = {RfmSegment::AtRisk};
    atRisk.sql = select + "c.company_id = ? AND " + segmentTest + " ORDER BY c.name_key, c.id LIMIT ?";
    atRisk.binds = {company, Rfm::toString(RfmSegment::AtRisk)};
    f.cases.push_back(atRisk);

    Case newTagged;
    newTagged.name = "segment_new_tag";
    newTagged.query.segments = {RfmSegment::New};
    newTagged.query.tags = {tagName};
    newTagged.sql = select
        + "+c.company_id = ? AND c.id IN (SELECT ct.customer_id FROM customer_tag ct WHERE ct.tag_id IN (SELECT id "
          "FROM tag WHERE company_id = ? AND name_key IN (?))) AND "
        + segmentTest
        + " AND EXISTS (SELECT 1 FROM customer_tag ct WHERE ct.customer_id = c.id AND ct.tag_id IN (SELECT id FROM "
          "tag WHERE company_id = c.company_id AND name_key IN (?)))"
        + byName;
    newTagged.binds
        = {company, company, QStringLiteral("langganan"), Rfm::toString(RfmSegment::New), QStringLiteral("langganan")};
    f.cases.push_back(newTagged);

    Case nameChampions;
    nameChampions.name = "name_champions";
    nameChampions.query.text = prefix;
    nameChampions.query.segments = {RfmSegment::Champions};
    nameChampions.sql = select + nameWords + segmentTest + plainByName;
    nameChampions.binds = {company, company, prefix, end, Rfm::toString(RfmSegment::Champions)};
    f.cases.push_back(nameChampions);

    // The worst a name search meets: filters that together almost nobody passes (blocked,
    // frequent, not a member), so every customer under the prefix is tested; and under a
    // prefix of one letter, which covers too many words to merge, so the name order of the
    // whole directory is walked until a page is found.
    // The filters of name_frequent_notmember, and blocked.
    Case nameRare = nameFrequent;
    nameRare.name = fewFrequent ? "name_blocked_regular_notmember" : "name_blocked_frequent_notmember";
    nameRare.query.status = CustomerStatus::Blocked;
    nameRare.sql = select + nameWords
        + "c.status = ? AND c.type NOT IN (?, ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id "
          "= c.id AND m.purchases >= ?)"
        + plainByName;
    nameRare.binds.insert(4, QStringLiteral("blocked"));
    f.cases.push_back(nameRare);

    // Two letters: more words than a merge joins to the customer rows (the candidates are
    // fetched in batches), with the filters of name_frequent_notmember.
    const QString twoLetters = prefix.left(2);
    Case shortFrequent = nameFrequent;
    shortFrequent.name = fewFrequent ? "two_letters_regular_notmember" : "two_letters_frequent_notmember";
    shortFrequent.query.text = twoLetters;
    shortFrequent.binds[2] = twoLetters;
    shortFrequent.binds[3] = QString(twoLetters + QString::fromUcs4(U"\U0010FFFF", 1));
    f.cases.push_back(shortFrequent);

    const QString letter = prefix.left(1);
    Case letterRare;
    letterRare.name = "letter_blocked_frequent";
    letterRare.query.text = letter;
    letterRare.query.status = CustomerStatus::Blocked;
    letterRare.query.frequencies = {RepeatFrequency::Frequent};
    if (fewFrequent)
        letterRare.query.frequencies << RepeatFrequency::Regular;
    letterRare.sql = select + nameWords
        + "c.status = ? AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id AND m.purchases >= ?)"
        + plainByName;
    letterRare.binds = {company, company, letter, QString(letter + QString::fromUcs4(U"\U0010FFFF", 1)),
        QStringLiteral("blocked"), fewFrequent ? RepeatFrequencies::regularFrom : RepeatFrequencies::frequentFrom};
    f.cases.push_back(letterRare);

    // Name words in time order, newest first (the customer table sorted by "Created" with a
    // name typed): a common word (the word with the most customers under 1 in 50 of those
    // with figures), alone and with the filters of
    // name_frequent_notmember; a rarer word (the word nearest 1 in 400) with blocked; one
    // letter. The baseline is the one SELECT that gives the page: the creation order
    // walked, each row's seq looked up among the word's.
    auto wordNear = [&](qint64 rows, bool below, QString* word) {
        if (!q.exec(QStringLiteral("SELECT word FROM customer_word WHERE company_id = '%1' GROUP BY word %2 "
                                   "ORDER BY %3 LIMIT 1")
                        .arg(company, below ? QStringLiteral("HAVING count(*) < %1").arg(rows) : QString(),
                            below ? QStringLiteral("count(*) DESC") : QStringLiteral("abs(count(*) - %1)").arg(rows)))
            || !q.next())
            return false;
        *word = q.value(0).toString();
        q.finish();
        return true;
    };
    QString commonWord;
    QString rareWord;
    if (!wordNear(std::max<qint64>(withFigures / 50, 200), true, &commonWord)
        || !wordNear(std::max<qint64>(withFigures / 400, 50), false, &rareWord))
        return false;
    const QByteArray newest = " ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
    auto newestCase = [&](const char* name, const QString& text, const QByteArray& filters, QVariantList filterBinds) {
        Case c;
        c.name = name;
        c.query.text = text;
        c.query.sort = CustomerQuery::Sort::Created;
        c.query.descending = true;
        c.sql = select + nameWords.chopped(5) + filters + newest;
        c.binds
            = QVariantList {company, company, text, QString(text + QString::fromUcs4(U"\U0010FFFF", 1))} + filterBinds;
        return c;
    };
    f.cases.push_back(newestCase("word_newest", commonWord, {}, {}));
    Case wordFrequent = newestCase("word_newest_frequent_notmember", commonWord,
        " AND c.type NOT IN (?, ?) AND EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id AND "
        "m.purchases >= ?)",
        {QStringLiteral("member"), QStringLiteral("vip"),
            fewFrequent ? RepeatFrequencies::regularFrom : RepeatFrequencies::frequentFrom});
    wordFrequent.query.frequencies = nameFrequent.query.frequencies;
    wordFrequent.query.membershipActive = false;
    f.cases.push_back(wordFrequent);
    Case rareBlocked
        = newestCase("rare_word_newest_blocked", rareWord, " AND c.status = ?", {QStringLiteral("blocked")});
    rareBlocked.query.status = CustomerStatus::Blocked;
    f.cases.push_back(rareBlocked);
    f.cases.push_back(newestCase("letter_newest", letter, {}, {}));
    std::fprintf(stderr, "name words in time order: common %s, rare %s, letter %s\n", qPrintable(commonWord),
        qPrintable(rareWord), qPrintable(letter));

    for (Case& c : f.cases)
        c.query.limit = pageSize;
    return true;
}

// Binds `values` and the page's LIMIT (one row more than the page); the texts stay alive in
// `keep` while the statement uses them.
void bindAll(sqlite3_stmt* q, const QVariantList& values, std::vector<QByteArray>& keep)
{
    keep.clear();
    keep.reserve(static_cast<size_t>(values.size()));
    int i = 1;
    for (const QVariant& v : values) {
        if (v.typeId() == QMetaType::QString) {
            keep.push_back(v.toString().toUtf8());
            sqlite3_bind_text(q, i++, keep.back().constData(), static_cast<int>(keep.back().size()), SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(q, i++, v.toLongLong());
        }
    }
    sqlite3_bind_int(q, i, pageSize + 1);
}

// The service's pages, followed until they hold `wanted` customers or end.
Result<QStringList> servicePages(Fixture& f, CustomerQuery q, qsizetype wanted, Case* c = nullptr)
{
    CustomerService service(f.bench->db(), f.bench->actor());
    QStringList ids;
    int pages = 0;
    do {
        auto page = service.search(q);
        if (!page)
            return page.error();
        if (pages++ == 0 && c)
            c->firstPage = page->items.size();
        for (const Customer& customer : std::as_const(page->items))
            ids << customer.id;
        q.after = page->nextCursor;
    } while (ids.size() < wanted && !q.after.isEmpty());
    if (c)
        c->pages = pages;
    return ids.mid(0, wanted);
}

// Each case's service pages, followed until they hold a page, must be the raw statement's
// page, and not empty (a filter that finds nobody would measure nothing). The first page
// alone is short when the combination is rare enough for the scan budget to end it.
bool verifyCases(Fixture& f)
{
    for (Case& c : f.cases) {
        auto service = servicePages(f, c.query, pageSize, &c);
        if (!service) {
            std::fprintf(stderr, "%s: %s\n", c.name.c_str(), qPrintable(service.error().describe()));
            return false;
        }
        QString error;
        sqlite3_stmt* q = f.reader->prepare(c.sql, &error);
        if (!q) {
            std::fprintf(stderr, "%s: %s\n", c.name.c_str(), qPrintable(error));
            return false;
        }
        std::vector<QByteArray> keep;
        bindAll(q, c.binds, keep);
        QStringList raw;
        while (sqlite3_step(q) == SQLITE_ROW && raw.size() < pageSize)
            raw << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
        sqlite3_reset(q);
        if (service->isEmpty() || *service != raw) {
            std::fprintf(stderr, "%s: the service found %lld customers, the raw statement %lld%s\n", c.name.c_str(),
                static_cast<long long>(service->size()), static_cast<long long>(raw.size()),
                service->isEmpty() ? "" : ", not the same");
            for (qsizetype i = 0; i < std::max(service->size(), raw.size()); ++i)
                std::fprintf(stderr, "  %s  %s\n", qPrintable(service->value(i)), qPrintable(raw.value(i)));
            return false;
        }
        std::fprintf(stderr, "%s: %lld customers, %lld on the first page, %d pages; query plan of the raw statement:\n",
            c.name.c_str(), static_cast<long long>(service->size()), static_cast<long long>(c.firstPage), c.pages);
        sqlite3_stmt* plan = f.reader->prepare("EXPLAIN QUERY PLAN " + c.sql, &error);
        while (plan && sqlite3_step(plan) == SQLITE_ROW)
            std::fprintf(stderr, "  %s\n", reinterpret_cast<const char*>(sqlite3_column_text(plan, 3)));
        if (plan)
            sqlite3_reset(plan);
    }
    return true;
}

std::string serviceName(const Case& c)
{
    return "BM_Filter/" + c.name;
}

std::string rawName(const Case& c)
{
    return "BM_Filter/" + c.name + "_RawBaseline";
}

std::string allPagesName(const Case& c)
{
    return "BM_Filter/" + c.name + "_AllPages";
}

void searchPage(benchmark::State& state, Fixture& f, Case& c)
{
    CustomerService service(f.bench->db(), f.bench->actor());
    for (auto _ : state) {
        auto page = service.search(c.query);
        if (!page || (page->items.isEmpty() && page->nextCursor.isEmpty())) {
            fail(state, serviceName(c), page ? QStringLiteral("nobody found") : page.error().describe());
            break;
        }
        c.firstPage = page->items.size(); // as timed, warm
        benchmark::DoNotOptimize(page);
    }
}

// The pages a list needs to show as many customers as the raw statement's page.
void allPages(benchmark::State& state, Fixture& f, Case& c)
{
    for (auto _ : state) {
        auto ids = servicePages(f, c.query, pageSize, &c);
        if (!ids || ids->isEmpty()) {
            fail(state, allPagesName(c), ids ? QStringLiteral("nobody found") : ids.error().describe());
            break;
        }
        benchmark::DoNotOptimize(ids);
    }
}

void rawPage(benchmark::State& state, Fixture& f, const Case& c)
{
    QString error;
    sqlite3_stmt* q = f.reader->prepare(c.sql, &error);
    if (!q) {
        fail(state, rawName(c), error);
        return;
    }
    std::vector<QByteArray> keep;
    bindAll(q, c.binds, keep);
    qint64 bytes = 0;
    for (auto _ : state) {
        if (RawSqlite::readAllAsText(q, &bytes) <= 0) {
            fail(state, rawName(c), QStringLiteral("an empty page"));
            break;
        }
    }
    benchmark::DoNotOptimize(bytes);
}

void printSummary(const Fixture& f, const MedianReporter& r)
{
    std::printf("\nSummary: medians of the first page (%d customers) on %lld customers, %s\n\n", pageSize,
        static_cast<long long>(f.bench->customers()), qPrintable(f.bench->settings().path));
    std::printf("| %-31s | %12s | %12s | %12s | %10s | %16s | %s |\n", "filters", "raw C ms", "service ms",
        "service CPU", "first page", "all pages ms (n)", "target <= 50 ms (wall)");
    std::printf("|%s|-------------:|-------------:|-------------:|-----------:|-----------------:|---|\n",
        std::string(33, '-').c_str());
    for (const Case& c : f.cases) {
        const auto raw = r.median(rawName(c));
        const auto service = r.median(serviceName(c));
        if (!service)
            continue;
        const auto all = r.median(allPagesName(c));
        std::printf("| %-31s | %12.3f | %12.3f | %12.3f | %10lld | %16s | %s%s |\n", c.name.c_str(),
            raw ? raw->wallMs : -1.0, service->wallMs, service->cpuMs, static_cast<long long>(c.firstPage),
            all ? qPrintable(QString::asprintf("%.1f (%d)", all->wallMs, c.pages)) : "-",
            service->wallMs <= targetMs ? "PASS" : "MISS",
            raw && raw->wallMs > 0 ? qPrintable(QString::asprintf("; %.2fx raw C", service->wallMs / raw->wallMs))
                                   : "");
    }
    std::fflush(stdout);
}

int run()
{
    auto prepared = SalesData::prepare();
    if (!prepared)
        return 1;
    bool ok = false;
    qint64 stride = qEnvironmentVariableIntValue("KASIR_BENCH_STRIDE", &ok);
    if (!ok || stride < 4)
        stride = defaultStride;
    if (!ensureBalancesAndTags(*prepared->bench, stride)) {
        std::fprintf(stderr, "cannot write balances and tags into %s\n", qPrintable(prepared->path));
        return 1;
    }
    if (!ensureRanking(*prepared->bench)) {
        std::fprintf(stderr, "cannot rank the customers of %s\n", qPrintable(prepared->path));
        return 1;
    }
    auto reader = prepared->openReader();
    if (!reader)
        return 1;
    Fixture f;
    f.bench = prepared->bench.get();
    f.reader = reader.get();
    if (!buildCases(f) || !verifyCases(f))
        return 1;

    using benchmark::kMillisecond;
    for (Case& c : f.cases) {
        benchmark::RegisterBenchmark(rawName(c).c_str(), [&f, &c](benchmark::State& s) { rawPage(s, f, c); })
            ->Unit(kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark(serviceName(c).c_str(), [&f, &c](benchmark::State& s) { searchPage(s, f, c); })
            ->Unit(kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark(allPagesName(c).c_str(), [&f, &c](benchmark::State& s) { allPages(s, f, c); })
            ->Unit(kMillisecond)
            ->UseRealTime();
    }
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
