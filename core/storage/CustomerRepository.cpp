#include "core/storage/CustomerRepository.h"

#include "core/domain/PhoneNumber.h"
#include "core/domain/TextFold.h"
#include "core/storage/Database.h"
#include "core/storage/NameIndex.h"
#include "core/storage/UnitOfWork.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QSqlRecord>

#include <algorithm>
#include <future>
#include <limits>

namespace kasir {

namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
    "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
    "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
    "c.updated_at, c.created_by, c.updated_by");

Customer readRow(const QSqlQuery& q)
{
    Customer c;
    c.id = q.value(0).toString();
    c.companyId = q.value(1).toString();
    c.code = q.value(2).toString();
    c.name = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.whatsapp = q.value(5).toString();
    c.email = q.value(6).toString();
    c.address = q.value(7).toString();
    c.city = q.value(8).toString();
    c.province = q.value(9).toString();
    c.postalCode = q.value(10).toString();
    c.type = CustomerEnums::parseType(q.value(11).toString()).value_or(CustomerType::WalkIn);
    c.status = CustomerEnums::parseStatus(q.value(12).toString()).value_or(CustomerStatus::Active);
    c.level = CustomerEnums::parseLevel(q.value(13).toString()).value_or(MembershipLevel::Bronze);
    if (const QVariant bp = q.value(14); !bp.isNull())
        c.discountOverrideBp = bp.toInt();
    if (const QVariant d = q.value(15); !d.isNull())
        c.birthDate = QDate::fromString(d.toString(), Qt::ISODate);
    c.gender = CustomerEnums::parseGender(q.value(16).toString()).value_or(Gender::Unspecified);
    c.notes = q.value(17).toString();
    c.preferSms = q.value(18).toBool();
    c.preferEmail = q.value(19).toBool();
    c.preferCall = q.value(20).toBool();
    c.preferWhatsapp = q.value(21).toBool();
    c.doNotContact = q.value(22).toBool();
    c.createdAt = q.value(23).toLongLong();
    c.updatedAt = q.value(24).toLongLong();
    c.createdBy = q.value(25).toString();
    c.updatedBy = q.value(26).toString();
    return c;
}

// The largest code point, to close a prefix range: "abc" <= x < "abc" U+10FFFF.
const QString kRangeEnd = QString::fromUcs4(U"\U0010FFFF", 1);

// Name search sorted by time: below this many index rows for the rarest word, its matches
// are read by seq and sorted (about 1.5 us apiece with their filters on a big file, 30 ms at
// the limit, however few pass the filters); with more, the time order is walked and each
// row's name tested (Reach::Walk), which finds a page after about 1M / rows * 50 rows. One
// name word without filters is walked for from a lower count: 2,000 matches sort in 3 ms,
// and 50 of them are found in about 25,000 rows (BENCHMARKS.md, issue 4).
constexpr qint64 kSortMatchesLimit = 20000;
constexpr qint64 kSortNameOnlyLimit = 2000;
// A filter that picks fewer customers than this out of its own index drives the query and
// its matches are sorted (each one a customer row read out of order); with more,
// walking the sort order and testing each row finds a page sooner (BENCHMARKS.md, issue 4).
constexpr qint64 kSubsetLimit = 5000;

struct Cursor
{
    QVariant key;
    QString id;
};

std::optional<Cursor> decodeCursor(const QString& text, CustomerQuery::Sort sort)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonArray a = QJsonDocument::fromJson(raw).array();
    if (a.size() != 2 || !a.at(1).isString())
        return std::nullopt;
    Cursor c;
    c.id = a.at(1).toString();
    if (sort == CustomerQuery::Sort::Name) {
        if (!a.at(0).isString())
            return std::nullopt;
        c.key = a.at(0).toString();
    } else {
        if (!a.at(0).isDouble())
            return std::nullopt;
        c.key = static_cast<qint64>(a.at(0).toDouble());
    }
    return c;
}

QString encodeCursor(const QJsonValue& key, const QString& id)
{
    return QString::fromLatin1(QJsonDocument(QJsonArray {key, id})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A walk that tests rows against filters reads, at most, about `budget` of them for a page
// and for about `milliseconds` from `started`, the walk's start (CustomerQuery::scanBudget and
// scanMilliseconds). SQLite returns the rows that pass, and also the checkpoints, about
// one customer in `every`, with a column that says whether they passed: the walk counts
// the checkpoints, and where the budget runs out the page ends with a cursor at that row,
// everything before it having been tested. A checkpoint is a customer whose seq hashes
// below `threshold()` (a multiplicative hash modulo a prime, checkpointSql()): seq itself
// follows the order the customers were added in, and names or dates made in a pattern
// would bunch its multiples together in a sort order.
struct ScanBound
{
    static constexpr int hashPrime = 65'521;

    int every = 0; // 0: unbounded
    qint64 budget = 0;
    qint64 milliseconds = 0;
    const QElapsedTimer* started = nullptr;

    static ScanBound of(const CustomerQuery& q, bool filtered, const QElapsedTimer& started)
    {
        ScanBound b;
        if (!filtered || (q.scanBudget <= 0 && q.scanMilliseconds <= 0))
            return b;
        b.every = q.scanBudget > 0 ? std::clamp(q.scanBudget / 64, 1, 256) : 256;
        b.budget = q.scanBudget > 0 ? q.scanBudget : std::numeric_limits<qint64>::max();
        b.milliseconds = q.scanMilliseconds;
        b.started = &started;
        return b;
    }
    // The condition that lets a row through: it passes, or it is a checkpoint (one value to
    // bind: threshold()). `seq` names the column.
    static QString checkpointSql(QStringView seq)
    {
        return QStringLiteral("(passes OR (%1 * 40503) % %2 < ?)").arg(seq).arg(hashPrime);
    }
    int threshold() const { return std::max(1, hashPrime / every); }
    bool on() const { return every > 0; }
    // The row counts as this many rows read.
    int weigh(bool passes) const { return passes ? 1 : every; }
    bool spent(qint64 read) const
    {
        return on() && (read >= budget || (milliseconds > 0 && started->elapsed() >= milliseconds));
    }
};

// `conditions` as one expression; true when there are none.
QString allOf(const QStringList& conditions)
{
    return conditions.isEmpty() ? QStringLiteral("1") : u'(' + conditions.join(QStringLiteral(" AND ")) + u')';
}

QString sortColumn(CustomerQuery::Sort sort)
{
    switch (sort) {
    case CustomerQuery::Sort::Name:
        return QStringLiteral("c.name_key");
    case CustomerQuery::Sort::Created:
        return QStringLiteral("c.created_at");
    case CustomerQuery::Sort::Updated:
        return QStringLiteral("c.updated_at");
    }
    return {};
}

// The FROM/WHERE shared by a page and its count, with the values to bind in order.
struct Where
{
    QString from;
    QStringList conditions;
    QVariantList binds;
};

// A test of one figure of customer_metrics: the figure lies in any of `ranges` (bounds
// inclusive, either open). A customer without a metrics row has zeros and no dates.
struct FigureTest
{
    QString column;
    QList<std::pair<std::optional<qint64>, std::optional<qint64>>> ranges;
    bool absentIsZero = true; // false for dates: nothing matches a missing one

    bool matchesAbsent() const
    {
        return absentIsZero && std::any_of(ranges.cbegin(), ranges.cend(), [](const auto& r) {
            return (!r.first || *r.first <= 0) && (!r.second || *r.second >= 0);
        });
    }

    QString sql(QVariantList& binds) const
    {
        QStringList any;
        for (const auto& [min, max] : ranges) {
            QStringList bounds;
            if (min) {
                bounds << QStringLiteral("m.%1 >= ?").arg(column);
                binds << *min;
            }
            if (max) {
                bounds << QStringLiteral("m.%1 <= ?").arg(column);
                binds << *max;
            }
            if (bounds.isEmpty())
                bounds << QStringLiteral("m.%1 IS NOT NULL").arg(column);
            any << bounds.join(QStringLiteral(" AND "));
        }
        if (any.size() == 1)
            return any.constFirst();
        return QStringLiteral("((") + any.join(QStringLiteral(") OR (")) + QStringLiteral("))");
    }
};

qint64 dayStartMs(const QDate& day)
{
    return day.startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

QList<FigureTest> figureTests(const CustomerQuery& q)
{
    QList<FigureTest> tests;
    const QString credit = QStringLiteral("credit");
    const QString purchases = QStringLiteral("purchases");
    if (q.balance) {
        switch (*q.balance) {
        case CustomerQuery::Balance::Credit:
            tests << FigureTest {credit, {{1, std::nullopt}}};
            break;
        case CustomerQuery::Balance::Debt:
            tests << FigureTest {credit, {{std::nullopt, -1}}};
            break;
        case CustomerQuery::Balance::Zero:
            tests << FigureTest {credit, {{0, 0}}};
            break;
        }
    }
    if (q.creditMin || q.creditMax)
        tests << FigureTest {credit, {{q.creditMin, q.creditMax}}};
    if (q.totalSpentMin || q.totalSpentMax)
        tests << FigureTest {QStringLiteral("total_spent"), {{q.totalSpentMin, q.totalSpentMax}}};
    if (q.lastVisitFrom || q.lastVisitTo) {
        FigureTest t {QStringLiteral("last_purchase_at"), {{std::nullopt, std::nullopt}}, false};
        if (q.lastVisitFrom)
            t.ranges.first().first = dayStartMs(*q.lastVisitFrom);
        if (q.lastVisitTo)
            t.ranges.first().second = dayStartMs(q.lastVisitTo->addDays(1)) - 1;
        tests << t;
    }
    if (q.hasSales)
        tests << FigureTest {purchases,
            {*q.hasSales ? std::pair {std::optional<qint64>(1), std::optional<qint64>()}
                         : std::pair {std::optional<qint64>(), std::optional<qint64>(0)}}};
    if (!q.frequencies.isEmpty()) {
        // Adjacent frequencies make one range of purchase counts: one index range to read.
        QList<RepeatFrequency> chosen = q.frequencies;
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
        FigureTest t {purchases, {}};
        std::optional<qint64> lastBelow;
        for (const RepeatFrequency f : std::as_const(chosen)) {
            const auto r = RepeatFrequencies::rangeOf(f);
            const std::optional<qint64> max = r.below ? std::optional<qint64>(*r.below - 1) : std::nullopt;
            if (!t.ranges.isEmpty() && lastBelow && r.from && *lastBelow == *r.from)
                t.ranges.last().second = max;
            else
                t.ranges.append({r.from, max});
            lastBelow = r.below;
        }
        tests << t;
    }
    return tests;
}

// The figure tests as one condition on the customer row `c`: its metrics row passes every
// test, or it has none and zeros pass them all. Each check is a seek into customer_metrics'
// primary key for the row at hand.
void appendFigures(Where& w, const QList<FigureTest>& tests)
{
    if (tests.isEmpty())
        return;
    QStringList all;
    bool absentMatches = true;
    for (const FigureTest& t : tests) {
        all << t.sql(w.binds);
        absentMatches = absentMatches && t.matchesAbsent();
    }
    QString condition = QStringLiteral("EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id AND ")
        + all.join(QStringLiteral(" AND ")) + u')';
    if (absentMatches)
        condition = u'(' + condition
            + QStringLiteral(" OR NOT EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id))");
    w.conditions << condition;
}

// The tags of a query by folded name (the tag's unique key), each once.
QStringList tagKeys(const CustomerQuery& q)
{
    QStringList keys;
    for (const QString& name : q.tags) {
        const QString key = TextFold::fold(name.trimmed());
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

QString marks(qsizetype count)
{
    QStringList list;
    for (qsizetype i = 0; i < count; ++i)
        list << QStringLiteral("?");
    return list.join(QStringLiteral(", "));
}

// The segment filter of a query: the named segments asked for, each once, and whether
// customers without scores are asked for too. Empty names and no none: no filter (none
// asked, or every segment and none).
struct SegmentTest
{
    QStringList names;
    bool none = false;
};

SegmentTest segmentTest(const CustomerQuery& q)
{
    SegmentTest t;
    for (const RfmSegment s : Rfm::segments()) {
        if (q.segments.contains(s))
            t.names << Rfm::toString(s);
    }
    t.none = q.segments.contains(RfmSegment::None);
    if (t.none && t.names.size() == Rfm::segments().size())
        return {};
    return t;
}

// The segment test on the customer row `c`: a seek into customer_rfm's primary key.
void appendSegments(Where& w, const CustomerQuery& q)
{
    const SegmentTest t = segmentTest(q);
    QStringList any;
    if (!t.names.isEmpty()) {
        any << QStringLiteral("EXISTS (SELECT 1 FROM customer_rfm x WHERE x.customer_id = c.id AND x.segment IN (%1))")
                   .arg(marks(t.names.size()));
        for (const QString& name : t.names)
            w.binds << name;
    }
    if (t.none)
        any << QStringLiteral("NOT EXISTS (SELECT 1 FROM customer_rfm x WHERE x.customer_id = c.id)");
    if (any.size() == 1)
        w.conditions << any.constFirst();
    else if (any.size() > 1)
        w.conditions << u'(' + any.join(QStringLiteral(" OR ")) + u')';
}

// The customers that one filter picks straight out of an index, as a SELECT of their ids:
// each figure test that zeros fail (a customer without figures has no metrics row), the
// customers of the segments asked for, the customers with any of the tags, or with each one
// of them for all.
QList<CustomerRepository::Subset> subsetsOf(const QString& companyId, const CustomerQuery& q)
{
    QList<CustomerRepository::Subset> out;
    for (const FigureTest& t : figureTests(q)) {
        if (t.matchesAbsent())
            continue;
        CustomerRepository::Subset subset;
        subset.binds << companyId;
        subset.sql = QStringLiteral("SELECT m.customer_id FROM customer_metrics m WHERE m.company_id = ? AND ")
            + t.sql(subset.binds);
        out << subset;
    }
    // The segments' rows of ix_rfm_segment, unless "not ranked" (no row) is among them.
    if (const SegmentTest t = segmentTest(q); !t.names.isEmpty() && !t.none) {
        CustomerRepository::Subset subset;
        subset.sql
            = QStringLiteral("SELECT x.customer_id FROM customer_rfm x WHERE x.company_id = ? AND x.segment IN (%1)")
                  .arg(marks(t.names.size()));
        subset.binds << companyId;
        for (const QString& name : t.names)
            subset.binds << name;
        out << subset;
    }
    const QStringList keys = tagKeys(q);
    if (keys.isEmpty())
        return out;
    if (q.tagsMatch == CustomerQuery::TagsMatch::All) {
        for (const QString& key : keys)
            out << CustomerRepository::Subset {
                QStringLiteral("SELECT ct.customer_id FROM customer_tag ct WHERE ct.tag_id = "
                               "(SELECT id FROM tag WHERE company_id = ? AND name_key = ?)"),
                {companyId, key}};
        return out;
    }
    CustomerRepository::Subset any;
    any.sql = QStringLiteral("SELECT ct.customer_id FROM customer_tag ct WHERE ct.tag_id IN "
                             "(SELECT id FROM tag WHERE company_id = ? AND name_key IN (%1))")
                  .arg(marks(keys.size()));
    any.binds << companyId;
    for (const QString& key : keys)
        any.binds << key;
    out << any;
    return out;
}

// The filters of a query that are not its text: type, status, level, created range,
// membership, tags, figures and RFM segments.
void appendFilters(Where& w, const CustomerQuery& q)
{
    if (q.type) {
        w.conditions << QStringLiteral("c.type = ?");
        w.binds << CustomerEnums::toString(*q.type);
    }
    if (q.status) {
        w.conditions << QStringLiteral("c.status = ?");
        w.binds << CustomerEnums::toString(*q.status);
    }
    if (q.level) {
        w.conditions << QStringLiteral("c.level = ?");
        w.binds << CustomerEnums::toString(*q.level);
    }
    if (q.createdFrom) {
        w.conditions << QStringLiteral("c.created_at >= ?");
        w.binds << *q.createdFrom;
    }
    if (q.createdTo) {
        w.conditions << QStringLiteral("c.created_at < ?");
        w.binds << *q.createdTo;
    }
    if (q.membershipActive) {
        w.conditions << (*q.membershipActive ? QStringLiteral("c.type IN (?, ?)")
                                             : QStringLiteral("c.type NOT IN (?, ?)"));
        w.binds << CustomerEnums::toString(CustomerType::Member) << CustomerEnums::toString(CustomerType::Vip);
    }
    appendFigures(w, figureTests(q));
    appendSegments(w, q);
    // Tags by folded name (tag's unique key); each test is a seek into customer_tag's
    // primary key (customer_id, tag_id) for the row at hand.
    const QStringList keys = tagKeys(q);
    if (keys.isEmpty())
        return;
    if (q.tagsMatch == CustomerQuery::TagsMatch::All) {
        for (const QString& key : keys) {
            w.conditions << QStringLiteral("EXISTS (SELECT 1 FROM customer_tag ct WHERE ct.customer_id = c.id AND "
                                           "ct.tag_id = (SELECT id FROM tag WHERE company_id = c.company_id AND "
                                           "name_key = ?))");
            w.binds << key;
        }
        return;
    }
    w.conditions << QStringLiteral("EXISTS (SELECT 1 FROM customer_tag ct WHERE ct.customer_id = c.id AND ct.tag_id IN "
                                   "(SELECT id FROM tag WHERE company_id = c.company_id AND name_key IN (%1)))")
                        .arg(marks(keys.size()));
    for (const QString& key : keys)
        w.binds << key;
}

bool hasFilters(const CustomerQuery& q)
{
    return q.type || q.status || q.level || q.createdFrom || q.createdTo || !q.tags.isEmpty() || q.membershipActive
        || !figureTests(q).isEmpty() || !q.segments.isEmpty();
}

// How SQLite should reach the rows of a name search: as it likes, or through the word
// index's matches by seq (the unary + keeps it off the company's indexes, which it would
// otherwise take for the more selective choice and walk whole).
// BySubset: through the few customers that one filter picks out of its own index (a
// Subset: a figure test or a tag), sorted after.
// Walk: the sort order walked, each row's name key tested for the query words (instr, which
// any name that has a word starting with one passes; the caller makes the exact test):
// nothing is built before the first row, as the word index's seqs would be for an IN.
enum class Reach
{
    Planner,
    BySeq,
    BySubset,
    Walk,
};

Where buildWhere(const QString& companyId, const CustomerQuery& q, const CustomerSearchTerms& terms,
    Reach reach = Reach::Planner, const std::optional<CustomerRepository::Subset>& subset = std::nullopt)
{
    Where w;
    w.from = QStringLiteral("customer c");
    w.conditions << (reach == Reach::Planner || reach == Reach::Walk ? QStringLiteral("c.company_id = ?")
                                                                     : QStringLiteral("+c.company_id = ?"));
    w.binds << companyId;
    if (reach == Reach::BySubset && subset) {
        w.conditions << QStringLiteral("c.id IN (") + subset->sql + u')';
        w.binds << subset->binds;
    }
    switch (terms.kind) {
    case CustomerSearchTerms::Kind::None:
        break;
    case CustomerSearchTerms::Kind::Name:
        // Every word of the query starts a word of the name. (A first page by name does
        // not come here: CustomerRepository::nameSearch merges the word index instead.)
        for (const QString& word : terms.nameWords) {
            if (reach == Reach::Walk) {
                w.conditions << QStringLiteral("instr(c.name_key, ?) > 0");
                w.binds << word;
                continue;
            }
            w.conditions << QStringLiteral(
                "%1 IN (SELECT seq FROM customer_word WHERE company_id = ? AND word >= ? AND word < ?)")
                                .arg(reach == Reach::BySubset ? u"+c.seq" : u"c.seq");
            w.binds << companyId << word << QString(word + kRangeEnd);
        }
        break;
    case CustomerSearchTerms::Kind::Code:
        w.conditions << QStringLiteral("c.code = ?");
        w.binds << terms.code;
        break;
    case CustomerSearchTerms::Kind::Email:
        w.conditions << QStringLiteral("c.email >= ? AND c.email < ?");
        w.binds << terms.emailPrefix << QString(terms.emailPrefix + kRangeEnd);
        break;
    case CustomerSearchTerms::Kind::Phone:
        if (!terms.phoneExact.isEmpty()) {
            w.conditions << QStringLiteral("c.phone = ?");
            w.binds << terms.phoneExact;
        } else if (terms.phonePrefix.isEmpty()) {
            w.conditions << QStringLiteral("c.phone_rev >= ? AND c.phone_rev < ?");
            w.binds << terms.phoneSuffixReversed << QString(terms.phoneSuffixReversed + QLatin1Char(':'));
        } else {
            w.conditions << QStringLiteral(
                "((c.phone_rev >= ? AND c.phone_rev < ?) OR (c.phone >= ? AND c.phone < ?))");
            w.binds << terms.phoneSuffixReversed << QString(terms.phoneSuffixReversed + QLatin1Char(':'))
                    << terms.phonePrefix << QString(terms.phonePrefix + QLatin1Char(':'));
        }
        break;
    }
    appendFilters(w, q);
    return w;
}

// Whether a word of the folded name starts with `prefix` (TextFold::words' rule, without
// building the list of words: this runs for every row a search walks).
bool wordStartsIn(QStringView nameKey, QStringView prefix)
{
    for (qsizetype from = 0;;) {
        const qsizetype at = nameKey.indexOf(prefix, from);
        if (at < 0)
            return false;
        if (at == 0 || !TextFold::isWordChar(nameKey.at(at - 1)))
            return true;
        from = at + 1;
    }
}

bool matchesAll(QStringView nameKey, const QStringList& prefixes)
{
    return std::all_of(
        prefixes.cbegin(), prefixes.cend(), [&](const QString& prefix) { return wordStartsIn(nameKey, prefix); });
}

} // namespace

CustomerRepository::CustomerRepository(Database& db) : m_db(db) { }

int CustomerRepository::bindCustomer(QSqlQuery& q, const Customer& c, const QString& nameKey, int first)
{
    int i = first;
    q.bindValue(i++, c.companyId);
    q.bindValue(i++, c.code);
    q.bindValue(i++, c.name);
    q.bindValue(i++, nameKey);
    q.bindValue(i++, Sql::textOrNull(c.phone));
    q.bindValue(i++, Sql::textOrNull(PhoneNumber::reversedDigits(c.phone)));
    q.bindValue(i++, Sql::textOrNull(c.whatsapp));
    q.bindValue(i++, Sql::textOrNull(c.email));
    q.bindValue(i++, Sql::text(c.address));
    q.bindValue(i++, Sql::text(c.city));
    q.bindValue(i++, Sql::text(c.province));
    q.bindValue(i++, Sql::text(c.postalCode));
    q.bindValue(i++, CustomerEnums::toString(c.type));
    q.bindValue(i++, CustomerEnums::toString(c.status));
    q.bindValue(i++, CustomerEnums::toString(c.level));
    q.bindValue(i++, c.discountOverrideBp ? QVariant(*c.discountOverrideBp) : QVariant());
    q.bindValue(i++, c.birthDate.isValid() ? QVariant(c.birthDate.toString(Qt::ISODate)) : QVariant());
    q.bindValue(i++, Sql::text(CustomerEnums::toString(c.gender)));
    q.bindValue(i++, Sql::text(c.notes));
    q.bindValue(i++, c.preferSms ? 1 : 0);
    q.bindValue(i++, c.preferEmail ? 1 : 0);
    q.bindValue(i++, c.preferCall ? 1 : 0);
    q.bindValue(i++, c.preferWhatsapp ? 1 : 0);
    q.bindValue(i++, c.doNotContact ? 1 : 0);
    q.bindValue(i++, c.createdAt);
    q.bindValue(i++, c.updatedAt);
    q.bindValue(i++, Sql::textOrNull(c.createdBy));
    q.bindValue(i++, Sql::textOrNull(c.updatedBy));
    q.bindValue(i++, c.id);
    return i;
}

Status CustomerRepository::bindAndWrite(
    UnitOfWork& uow, const QString& sql, const Customer& c, const std::optional<NameIndex::Entry>& old)
{
    const NameIndex::Entry entry {c.companyId, TextFold::fold(c.name), c.id};
    QSqlQuery& q = uow.prepared(sql);
    bindCustomer(q, c, entry.nameKey);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    const qint64 seq = written ? q.value(0).toLongLong() : 0;
    q.finish();
    if (!written)
        return Error::notFound(tr("customer %1 does not exist").arg(c.id));
    // A name that stays needs nothing of the index: a unit that moves many customers to a
    // new tier would otherwise hold each of them in memory until it commits.
    if (!old || *old != entry)
        uow.deferred<NameIndex::Changes>().set(seq, old, entry);
    return Done {};
}

namespace {

constexpr const char* kInsertHead
    = "INSERT INTO customer (company_id, code, name, name_key, phone, phone_rev, whatsapp, email, address, city, "
      "province, postal_code, type, status, level, discount_override_bp, birth_date, gender, notes, prefer_sms, "
      "prefer_email, prefer_call, prefer_whatsapp, do_not_contact, created_at, updated_at, created_by, updated_by, id";

} // namespace

Status CustomerRepository::insert(UnitOfWork& uow, const Customer& c)
{
    static const QByteArray head = QByteArray(kInsertHead) + ')';
    static const QString sql = Sql::multiRowInsert(head.constData(), 29, 1) + QStringLiteral(" RETURNING seq");
    return bindAndWrite(uow, sql, c, std::nullopt);
}

Status CustomerRepository::insertLoaded(
    UnitOfWork& uow, const QList<Customer>& customers, const QStringList& nameKeys, qint64 firstSeq)
{
    static const QByteArray head = QByteArray(kInsertHead) + ", seq)";
    static const QString full = Sql::multiRowInsert(head.constData(), 30, UnitOfWork::rowsPerStatement);
    for (qsizetype i = 0; i < customers.size(); i += UnitOfWork::rowsPerStatement) {
        const qsizetype rows = std::min<qsizetype>(UnitOfWork::rowsPerStatement, customers.size() - i);
        QSqlQuery& q = uow.prepared(rows == UnitOfWork::rowsPerStatement
                ? full
                : Sql::multiRowInsert(head.constData(), 30, static_cast<int>(rows)));
        int at = 0;
        for (qsizetype r = i; r < i + rows; ++r) {
            at = bindCustomer(q, customers.at(r), nameKeys.at(r), at);
            q.bindValue(at++, firstSeq + r);
        }
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

Status CustomerRepository::update(UnitOfWork& uow, const Customer& c)
{
    static const QString sql = QStringLiteral(
        "UPDATE customer SET company_id = ?, code = ?, name = ?, name_key = ?, phone = ?, phone_rev = ?, "
        "whatsapp = ?, email = ?, address = ?, city = ?, province = ?, postal_code = ?, type = ?, status = ?, "
        "level = ?, discount_override_bp = ?, birth_date = ?, gender = ?, notes = ?, prefer_sms = ?, "
        "prefer_email = ?, prefer_call = ?, prefer_whatsapp = ?, do_not_contact = ?, created_at = ?, "
        "updated_at = ?, created_by = ?, updated_by = ? WHERE id = ? RETURNING seq");
    QSqlQuery& before = uow.prepared(QStringLiteral("SELECT company_id, name_key, id FROM customer WHERE id = ?"));
    before.bindValue(0, c.id);
    if (!before.exec())
        return Sql::errorOf(before);
    if (!before.next())
        return Error::notFound(tr("customer %1 does not exist").arg(c.id));
    const NameIndex::Entry old {before.value(0).toString(), before.value(1).toString(), before.value(2).toString()};
    before.finish();
    return bindAndWrite(uow, sql, c, old);
}

Status CustomerRepository::remove(UnitOfWork& uow, const QString& id)
{
    QSqlQuery& q
        = uow.prepared(QStringLiteral("DELETE FROM customer WHERE id = ? RETURNING seq, company_id, name_key, id"));
    q.bindValue(0, id);
    if (!q.exec())
        return Sql::errorOf(q);
    if (!q.next())
        return Error::notFound(tr("customer %1 does not exist").arg(id));
    const NameIndex::Entry old {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    uow.deferred<NameIndex::Changes>().set(q.value(0).toLongLong(), old, std::nullopt);
    q.finish();
    return Done {};
}

Result<std::optional<Customer>> CustomerRepository::one(
    const QString& sql, const QString& companyId, const QString& value)
{
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, value);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Customer> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<std::optional<Customer>> CustomerRepository::byId(const QString& companyId, const QString& id)
{
    static const QString sql
        = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.id = ?");
    return one(sql, companyId, id);
}

Result<std::optional<Customer>> CustomerRepository::byCode(const QString& companyId, const QString& code)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.code = ?");
    return one(sql, companyId, code);
}

Result<std::optional<Customer>> CustomerRepository::byPhone(const QString& companyId, const QString& e164)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.phone = ?");
    return one(sql, companyId, e164);
}

Result<std::optional<Customer>> CustomerRepository::byEmail(const QString& companyId, const QString& email)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.email = ?");
    return one(sql, companyId, email);
}

Result<qint64> CustomerRepository::countAll()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM customer"));
    return Sql::integer(q);
}

Status CustomerRepository::forEachStanding(
    const QString& companyId, const std::function<Status(const Standing&)>& visit)
{
    // Walked in creation order (ix_customer_created): a tier change writes none of that
    // index's columns, so a row changed by `visit` keeps its place and the walk neither
    // skips nor repeats one (SQLite allows changing the current row while stepping).
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT c.id, c.type, c.level, coalesce(m.total_spent, 0) FROM customer c "
        "LEFT JOIN customer_metrics m ON m.customer_id = c.id WHERE c.company_id = ? ORDER BY c.created_at, c.id"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    Standing row;
    while (q.next()) {
        row.id = q.value(0).toString();
        row.type = CustomerEnums::parseType(q.value(1).toString()).value_or(CustomerType::WalkIn);
        row.level = CustomerEnums::parseLevel(q.value(2).toString()).value_or(MembershipLevel::Bronze);
        row.totalSpent = q.value(3).toLongLong();
        if (Status s = visit(row); !s) {
            q.finish();
            return s;
        }
    }
    // A step that failed half-way ends the loop as the last row would.
    if (q.lastError().isValid()) {
        Status failed = Sql::errorOf(q);
        q.finish();
        return failed;
    }
    q.finish();
    return Done {};
}

Result<CustomerRepository::BulkLoad> CustomerRepository::beginBulkLoad(UnitOfWork& uow, Dropped dropped)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // The schema's own text, so that what is made again is exactly what the migrations made.
    // Constraint indexes (UNIQUE id, UNIQUE code) have no text and stay: they take rows in
    // key order (time-ordered ids, consecutive codes), which costs little.
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'customer' AND sql IS NOT NULL "
            "ORDER BY name")))
        return Sql::errorOf(q);
    BulkLoad load;
    QStringList names;
    while (q.next()) {
        // Every row of a load carries the load's time and a growing id: these two indexes
        // take the rows in key order, as cheaply as the table itself, and stay.
        const QString name = q.value(0).toString();
        if (name == u"ix_customer_created" || name == u"ix_customer_updated")
            continue;
        if (dropped == Dropped::SearchOnly && name.startsWith(u"ux_"))
            continue;
        names << name;
        load.indexes << q.value(1).toString();
    }
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM customer")) || !q.next())
        return Sql::errorOf(q);
    load.nextSeq = q.value(0).toLongLong();
    q.finish();
    for (const QString& name : std::as_const(names)) {
        if (Status s = Sql::execDirect(db, QStringLiteral("DROP INDEX \"%1\"").arg(name)); !s)
            return s.error();
    }
    // The load writes every page of its rows once; a page cache that holds the growing
    // right edge of each b-tree spills less (BENCHMARKS.md: a quarter faster than the 64 MiB
    // the connection keeps otherwise). Given back in endBulkLoad.
    if (!q.exec(QStringLiteral("PRAGMA cache_size")) || !q.next())
        return Sql::errorOf(q);
    load.cacheSize = q.value(0).toLongLong();
    q.finish();
    if (Status s = Sql::execDirect(db, QStringLiteral("PRAGMA cache_size = %1").arg(bulkCacheKiB)); !s)
        return s.error();
    return load;
}

Status CustomerRepository::finishBulkLoad(UnitOfWork& uow, const BulkLoad& load, NameIndex::Load& words)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // The words sort on another core while SQLite makes the indexes on this one.
    // (A future from std::async waits in its destructor, so an early return still joins it.)
    std::future<void> sorted = std::async(std::launch::async, [&words] { words.sort(); });
    QSqlDatabase db = m_db.connection();
    for (const QString& statement : load.indexes) {
        if (Status s = Sql::execDirect(db, statement); !s)
            return explainDuplicate(s.error());
    }
    sorted.get();
    return words.write(uow.prepared(NameIndex::Load::insertSql()));
}

Status CustomerRepository::finishBulkLoadFromTable(UnitOfWork& uow, const BulkLoad& load)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // The unit's own index changes (customers updated during the load) are in the table
    // already; written after the rebuild they would add their rows twice.
    uow.deferred<NameIndex::Changes>().discard();
    NameIndex::Load words;
    if (Status s = words.addTable(m_db.connection()); !s)
        return s;
    if (Status s = Sql::execDirect(m_db.connection(), QStringLiteral("DELETE FROM customer_word")); !s)
        return s;
    return finishBulkLoad(uow, load, words);
}

Error CustomerRepository::explainDuplicate(const Error& error)
{
    // A unique index made at the end of a load refuses the whole load; say which
    // customers share the value, so that the source can be corrected.
    const bool phone = error.field == u"phone";
    if (error.kind != Error::Kind::Conflict || (!phone && error.field != u"email"))
        return error;
    const QString column = phone ? QStringLiteral("phone") : QStringLiteral("email");
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT %1, group_concat(code, ', ') FROM (SELECT %1, code FROM customer WHERE %1 IN "
                               "(SELECT %1 FROM customer WHERE %1 IS NOT NULL GROUP BY company_id, %1 HAVING "
                               "count(*) > 1 LIMIT 1) ORDER BY code) GROUP BY %1")
                    .arg(column))
        || !q.next())
        return error;
    return Error::conflict(column, phone ? QStringLiteral("duplicate_phone") : QStringLiteral("duplicate_email"),
        tr("%1 is given to more than one customer: %2; nothing was loaded")
            .arg(phone ? PhoneNumber::formatInternational(q.value(0).toString()) : q.value(0).toString(),
                q.value(1).toString()));
}

void CustomerRepository::endBulkLoad(const BulkLoad& load)
{
    Sql::execDirect(m_db.connection(), QStringLiteral("PRAGMA cache_size = %1").arg(load.cacheSize)).ok();
}

Status CustomerRepository::releaseCodes(UnitOfWork& uow, const QString& companyId, qint64 count)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "UPDATE code_sequence SET next_value = next_value - ? WHERE company_id = ? AND name = 'customer'"));
    q.bindValue(0, count);
    q.bindValue(1, companyId);
    return Sql::exec(q);
}

Status CustomerRepository::rebuildSearchIndex(UnitOfWork& uow)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    return NameIndex::rebuild(m_db.connection());
}

QString CustomerRepository::cursorFor(const Customer& c, CustomerQuery::Sort sort)
{
    switch (sort) {
    case CustomerQuery::Sort::Name:
        return encodeCursor(TextFold::fold(c.name), c.id);
    case CustomerQuery::Sort::Created:
        return encodeCursor(c.createdAt, c.id);
    case CustomerQuery::Sort::Updated:
        return encodeCursor(c.updatedAt, c.id);
    }
    return {};
}

Result<CustomerPage> CustomerRepository::search(
    const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    std::optional<Cursor> cursor;
    if (!query.after.isEmpty()) {
        cursor = decodeCursor(query.after, query.sort);
        if (!cursor)
            return Error::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                tr("is not a cursor from this list; start again from the first page"));
    }
    const int limit = std::clamp(query.limit, 1, CustomerQuery::maxLimit);

    auto driver = smallSubset(companyId, query, terms);
    if (!driver)
        return driver.error();

    if (!*driver && terms.kind == CustomerSearchTerms::Kind::Name && query.sort == CustomerQuery::Sort::Name) {
        std::optional<std::pair<QString, QString>> after;
        if (cursor)
            after.emplace(cursor->key.toString(), cursor->id);
        return nameSearch(companyId, query, terms, after, limit);
    }

    // Name words sorted by time: the time order is walked and each row's name tested, which
    // reads much of the directory when few names match. When some word has fewer than
    // kSortMatchesLimit index rows (kSortNameOnlyLimit for one word alone), its matches are looked
    // up by seq and sorted instead.
    const bool names = terms.kind == CustomerSearchTerms::Kind::Name;
    Reach reach = *driver ? Reach::BySubset : names ? Reach::Walk : Reach::Planner;
    if (!*driver && names) {
        // One word and nothing else: its count is the number of matches. A second word or a
        // filter can leave far fewer, which a walk would look for through much of the file.
        const qint64 sortLimit
            = terms.nameWords.size() == 1 && !hasFilters(query) ? kSortNameOnlyLimit : kSortMatchesLimit;
        for (const QString& word : terms.nameWords) {
            auto n = wordRows(companyId, word, sortLimit);
            if (!n)
                return n.error();
            if (*n < sortLimit) {
                reach = Reach::BySeq;
                break;
            }
        }
    }
    Where w = buildWhere(companyId, query, terms, reach, *driver);
    const QString column = sortColumn(query.sort);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    // Walking the sort order and testing each row (not a few rows found by an index: a
    // subset, the word matches by seq, a phone, email or code) is what a rare combination
    // makes long; that walk is bounded. Its tests (everything but the company) become the
    // `passes` column, and a checkpoint row comes back whether it passes or not.
    const bool walks
        = reach == Reach::Walk || (reach == Reach::Planner && terms.kind == CustomerSearchTerms::Kind::None);
    // The clock of the bound runs from the walk's start: choosing the index and preparing the
    // statement must not eat the time the walk has.
    QElapsedTimer walking;
    const ScanBound bound = ScanBound::of(query, walks && w.conditions.size() > 1, walking);
    QVariantList binds;
    QString passes = QStringLiteral("1");
    if (bound.on()) {
        // buildWhere puts the company first, on its own.
        passes = allOf(w.conditions.mid(1));
        binds << w.binds.mid(1); // the SELECT list comes first in the statement
        w.conditions = w.conditions.mid(0, 1);
        w.binds = w.binds.mid(0, 1);
        w.conditions << ScanBound::checkpointSql(u"c.seq");
        w.binds << bound.threshold();
    }
    if (cursor) {
        w.conditions << QStringLiteral("(%1, c.id) %2 (?, ?)").arg(column, query.descending ? u"<" : u">");
        w.binds << cursor->key << cursor->id;
    }
    binds << w.binds;
    // Every row SQLite returns is on the page, unless it is a checkpoint or a name that
    // contains a query word without a word starting with it.
    const bool limited = !bound.on() && reach != Reach::Walk;
    // The unary + keeps the time index out of the ORDER BY too.
    const QString order = reach == Reach::Planner || reach == Reach::Walk ? column : QLatin1Char('+') + column;
    const QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", c.name_key, ") + passes
        + QStringLiteral(" AS passes FROM ") + w.from + QStringLiteral(" WHERE ")
        + w.conditions.join(QStringLiteral(" AND ")) + QStringLiteral(" ORDER BY ") + order + direction
        + QStringLiteral(", c.id") + direction + (limited ? QStringLiteral(" LIMIT ?") : QString());

    QSqlQuery& q = m_db.prepared(sql);
    int i = 0;
    for (const QVariant& v : std::as_const(binds))
        q.bindValue(i++, v);
    if (limited)
        q.bindValue(i, limit + 1);
    walking.start();
    if (!q.exec())
        return Sql::errorOf(q);
    CustomerPage page;
    page.items.reserve(limit + 1);
    qint64 read = 0;
    while (page.items.size() <= limit && q.next()) {
        // A walked name passed instr: each query word must also start a word of it.
        const bool passed = q.value(28).toBool();
        if (passed && (reach != Reach::Walk || matchesAll(q.value(27).toString(), terms.nameWords)))
            page.items.append(readRow(q));
        read += bound.weigh(passed);
        if (bound.spent(read) && page.items.size() <= limit) {
            // Columns 27, 23 and 24: the name key, created_at, updated_at.
            const int key = query.sort == CustomerQuery::Sort::Name ? 27
                : query.sort == CustomerQuery::Sort::Created        ? 23
                                                                    : 24;
            page.nextCursor = encodeCursor(QJsonValue::fromVariant(q.value(key)), q.value(0).toString());
            break;
        }
    }
    q.finish();
    return completePage(std::move(page), limit, companyId, query, terms);
}

Result<CustomerPage> CustomerRepository::completePage(CustomerPage page, int limit, const QString& companyId,
    const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    // One row more than the page was read: it says whether another page follows.
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextCursor = cursorFor(page.items.constLast(), query.sort);
    }
    if (query.withTotal) {
        auto total = count(companyId, query, terms);
        if (!total)
            return total.error();
        page.total = *total;
    }
    return page;
}

namespace {

// SQLite's default SQLITE_MAX_COMPOUND_SELECT: the most words one merge statement takes.
constexpr int kMaxMergeWords = 500;
// Enough to tell which of several query words is the rarer one.
constexpr qint64 kDriverCountCap = 5000;
// The most arms a merge joins to the customer rows: such a statement takes long to prepare
// with many (160 ms for 500 arms with three filters, against 7 ms for the index's rows).
constexpr int kJoinedArms = 16;
// Candidates fetched at once when filters may drop some.
constexpr qsizetype kFetchBatch = 64;

// One statement that merges the index rows of `arms` words in name order. Unused arms are
// bound to a NULL word and yield nothing. With `checks`, each arm also keeps only names
// that contain every other query word somewhere (instr, inside SQLite, so that the rows
// that cannot match never cost a step through QtSql; unused checks are bound to '', which
// every name contains); wordStartsIn() then makes the exact test. The text depends only on
// the rounded arm count, these switches and the filters' shape, so a handful of statements
// serve every query.
// Without `passes`, the rows are the index's: name key, id, seq. With it (an expression on
// `c`, allOf() the filters), each arm joins its customer's row (a seek by seq) and tests it
// there: the rows are the columns of kColumns, then the name key and whether the row
// passes, and only the customers that pass come back, and with `bounded` the checkpoints
// of a ScanBound as well. (The join is written into each arm: SQLite does not push it into
// a compound subquery whose joined table's columns are read, and would then sort every
// match.)
QString mergeSql(int arms, bool cursor, bool descending, bool checks, const QString* passes, bool bounded)
{
    QString arm = passes ? QStringLiteral("SELECT ") + kColumns + QStringLiteral(", w.name_key, ") + *passes
            + QStringLiteral(" AS passes FROM customer_word w CROSS JOIN customer c ON c.seq = w.seq "
                             "WHERE w.company_id = ? AND w.word = ?")
                         : QStringLiteral("SELECT w.name_key, w.id, w.seq FROM customer_word w "
                                          "WHERE w.company_id = ? AND w.word = ?");
    if (cursor)
        arm += descending ? QStringLiteral(" AND (w.name_key, w.id) < (?, ?)")
                          : QStringLiteral(" AND (w.name_key, w.id) > (?, ?)");
    if (checks) {
        for (int i = 1; i < CustomerSearchTerms::maxNameTokens; ++i)
            arm += QStringLiteral(" AND instr(w.name_key, ?) > 0");
    }
    if (passes)
        arm += QStringLiteral(" AND ") + (bounded ? ScanBound::checkpointSql(u"w.seq") : QStringLiteral("passes"));
    QStringList parts;
    parts.reserve(arms);
    for (int i = 0; i < arms; ++i)
        parts << arm;
    // Joined, column 28 is the name key and column 1 the id.
    const QString order = passes ? QStringLiteral(" ORDER BY 28%1, 1%1") : QStringLiteral(" ORDER BY 1%1, 2%1");
    return parts.join(QStringLiteral(" UNION ALL ")) + order.arg(descending ? u" DESC" : u"");
}

int roundedArms(qsizetype words)
{
    int arms = 1;
    while (arms < words)
        arms *= 2;
    return std::min(arms, kMaxMergeWords);
}

} // namespace

Result<QStringList> CustomerRepository::wordsWithPrefix(const QString& companyId, const QString& prefix, int max)
{
    // A skip-scan: each step is one seek to the next distinct word in the range.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "WITH RECURSIVE w (word) AS ("
        "SELECT (SELECT min(word) FROM customer_word WHERE company_id = ? AND word >= ? AND word < ?) "
        "UNION ALL "
        "SELECT (SELECT min(word) FROM customer_word WHERE company_id = ? AND word > w.word AND word < ?) "
        "FROM w WHERE w.word IS NOT NULL) "
        "SELECT word FROM w WHERE word IS NOT NULL LIMIT ?"));
    const QString end = prefix + kRangeEnd;
    q.bindValue(0, companyId);
    q.bindValue(1, prefix);
    q.bindValue(2, end);
    q.bindValue(3, companyId);
    q.bindValue(4, end);
    q.bindValue(5, max);
    if (!q.exec())
        return Sql::errorOf(q);
    QStringList words;
    while (q.next())
        words << q.value(0).toString();
    q.finish();
    return words;
}

Result<std::optional<CustomerRepository::Subset>> CustomerRepository::smallSubset(
    const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    // A filter that few customers pass (a debt, a narrow range of spending or of the last
    // visit, a rare tag) drives the query from its own index, and the matches are sorted:
    // walking the sort order and testing each row would read the whole directory to fill a
    // page. Not where the text already picks a few rows by its own index (phone, email,
    // code). The smallest subset under kSubsetLimit wins.
    std::optional<Subset> smallest;
    if (terms.kind != CustomerSearchTerms::Kind::None && terms.kind != CustomerSearchTerms::Kind::Name)
        return smallest;
    qint64 fewest = kSubsetLimit;
    for (const Subset& subset : subsetsOf(companyId, query)) {
        QSqlQuery& q
            = m_db.prepared(QStringLiteral("SELECT count(*) FROM (") + subset.sql + QStringLiteral(" LIMIT ?)"));
        int i = 0;
        for (const QVariant& v : subset.binds)
            q.bindValue(i++, v);
        q.bindValue(i, fewest);
        auto n = Sql::integer(q);
        if (!n)
            return n.error();
        if (*n < fewest) {
            fewest = *n;
            smallest = subset;
        }
    }
    return smallest;
}

Result<qint64> CustomerRepository::wordRows(const QString& companyId, const QString& prefix, qint64 cap)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM customer_word "
                                                "WHERE company_id = ? AND word >= ? AND word < ? LIMIT ?)"));
    q.bindValue(0, companyId);
    q.bindValue(1, prefix);
    q.bindValue(2, QString(prefix + kRangeEnd));
    q.bindValue(3, cap);
    return Sql::integer(q);
}

Result<CustomerPage> CustomerRepository::nameSearch(const QString& companyId, const CustomerQuery& query,
    const CustomerSearchTerms& terms, const std::optional<std::pair<QString, QString>>& after, int limit)
{
    CustomerPage page;
    auto finish = [&]() { return completePage(std::move(page), limit, companyId, query, terms); };

    // The words each query word covers. One that covers nothing: nobody matches.
    QList<QStringList> covered;
    for (const QString& prefix : terms.nameWords) {
        auto words = wordsWithPrefix(companyId, prefix, kMaxMergeWords + 1);
        if (!words)
            return words.error();
        if (words->isEmpty())
            return finish();
        covered << *words;
    }

    // The stream to walk: the merged words of one query word (the one with the fewest
    // rows, when there are several), the others checked on each row's name key. A query
    // word that covers more words than one statement can merge is one or two letters long
    // and matches a good share of all names: then walking the name order finds a page soon.
    qsizetype driver = -1;
    qint64 fewest = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < covered.size(); ++i) {
        if (covered.at(i).size() > kMaxMergeWords)
            continue;
        qint64 rows = 0;
        if (covered.size() > 1) {
            auto n = wordRows(companyId, terms.nameWords.at(i), kDriverCountCap);
            if (!n)
                return n.error();
            rows = *n;
        }
        if (rows < fewest) {
            fewest = rows;
            driver = i;
        }
    }
    // The filters are tested inside the stream's statement, on each candidate's row as
    // SQLite meets it: only the customers that pass come back (and the checkpoints of a
    // bounded walk), and the walk stops at a full page. A merge of more arms than
    // kJoinedArms streams the index's rows instead, and the candidates are fetched with
    // the filters in batches.
    Where filters;
    appendFilters(filters, query);
    const QString passes = allOf(filters.conditions);
    const bool filtered = !filters.conditions.isEmpty();
    QElapsedTimer walking; // started with the stream, as in search()
    const ScanBound bound = ScanBound::of(query, filtered, walking);
    const bool desc = query.descending;
    const bool joined = driver < 0 || roundedArms(covered.at(driver).size()) <= kJoinedArms;
    QStringList checked = terms.nameWords;
    QString streamSql;
    QVariantList streamBinds;
    if (driver >= 0) {
        checked.removeAt(driver);
        const QStringList& words = covered.at(driver);
        const int arms = roundedArms(words.size());
        const bool checks = !checked.isEmpty();
        streamSql = mergeSql(arms, after.has_value(), desc, checks, joined ? &passes : nullptr, bound.on());
        for (int i = 0; i < arms; ++i) {
            if (joined)
                streamBinds << filters.binds; // the SELECT list comes first
            streamBinds << companyId << (i < words.size() ? QVariant(words.at(i)) : QVariant());
            if (after)
                streamBinds << after->first << after->second;
            if (checks) {
                for (int j = 0; j + 1 < CustomerSearchTerms::maxNameTokens; ++j)
                    streamBinds << (j < checked.size() ? checked.at(j) : QString(QLatin1String("")));
            }
            if (joined && bound.on())
                streamBinds << bound.threshold();
        }
    } else {
        QStringList conditions {QStringLiteral("c.company_id = ?")};
        streamBinds << filters.binds << companyId;
        if (after) {
            conditions << (desc ? QStringLiteral("(c.name_key, c.id) < (?, ?)")
                                : QStringLiteral("(c.name_key, c.id) > (?, ?)"));
            streamBinds << after->first << after->second;
        }
        if (bound.on()) {
            conditions << ScanBound::checkpointSql(u"c.seq");
            streamBinds << bound.threshold();
        } else {
            conditions << QStringLiteral("passes");
        }
        const QString direction = desc ? QStringLiteral(" DESC") : QString();
        streamSql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", c.name_key, ") + passes
            + QStringLiteral(" AS passes FROM customer c WHERE ") + conditions.join(QStringLiteral(" AND "))
            + QStringLiteral(" ORDER BY c.name_key%1, c.id%1").arg(direction);
    }

    QSqlQuery& stream = m_db.prepared(streamSql);
    for (qsizetype i = 0; i < streamBinds.size(); ++i)
        stream.bindValue(static_cast<int>(i), streamBinds.at(i));
    walking.start();
    if (!stream.exec())
        return Sql::errorOf(stream);
    QString previousId;
    qint64 read = 0;
    if (joined) {
        while (page.items.size() <= limit && stream.next()) {
            const QString id = stream.value(0).toString();
            if (id == previousId)
                continue; // two words of one name start with the query word
            previousId = id;
            const QString nameKey = stream.value(27).toString();
            const bool passed = stream.value(28).toBool();
            if (passed && matchesAll(nameKey, checked))
                page.items.append(readRow(stream));
            read += bound.weigh(passed);
            if (bound.spent(read) && page.items.size() <= limit) {
                page.nextCursor = encodeCursor(nameKey, id);
                break;
            }
        }
        stream.finish();
        return finish();
    }

    // The index's rows: each candidate is looked up by seq with the filters, a batch at a
    // time (the rest of the page when nothing is filtered: every candidate is kept), and
    // each counts as one row read against the bound.
    Where fetch;
    fetch.conditions << QStringLiteral("c.seq IN (SELECT value FROM json_each(?))");
    fetch.binds << QVariant();
    appendFilters(fetch, query);
    const QString fetchSql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", c.seq FROM customer c WHERE ")
        + fetch.conditions.join(QStringLiteral(" AND "));
    QList<qint64> candidates;
    auto resolve = [&]() -> Status {
        if (candidates.isEmpty())
            return Done {};
        QJsonArray seqs;
        for (const qint64 seq : std::as_const(candidates))
            seqs.append(seq);
        QSqlQuery& f = m_db.prepared(fetchSql);
        f.bindValue(0, QString::fromUtf8(QJsonDocument(seqs).toJson(QJsonDocument::Compact)));
        for (qsizetype i = 1; i < fetch.binds.size(); ++i)
            f.bindValue(static_cast<int>(i), fetch.binds.at(i));
        if (!f.exec())
            return Sql::errorOf(f);
        QHash<qint64, Customer> found;
        while (f.next())
            found.insert(f.value(27).toLongLong(), readRow(f));
        f.finish();
        for (const qint64 seq : std::as_const(candidates)) {
            if (auto it = found.find(seq); it != found.end())
                page.items.append(*it);
        }
        candidates.clear();
        return Done {};
    };
    std::pair<QString, QString> last;
    bool stopped = false;
    while (page.items.size() <= limit && stream.next()) {
        const QString id = stream.value(1).toString();
        if (id == previousId)
            continue;
        previousId = id;
        const QString nameKey = stream.value(0).toString();
        if (!matchesAll(nameKey, checked))
            continue;
        candidates << stream.value(2).toLongLong();
        last = {nameKey, id};
        ++read;
        const qsizetype wanted = limit + 1 - page.items.size();
        if (candidates.size() >= (filtered ? std::max(wanted, kFetchBatch) : wanted)) {
            if (Status s = resolve(); !s) {
                stream.finish();
                return s.error();
            }
            if (bound.spent(read) && page.items.size() <= limit) {
                page.nextCursor = encodeCursor(last.first, last.second);
                stopped = true;
                break;
            }
        }
    }
    stream.finish();
    if (!stopped) {
        if (Status s = resolve(); !s)
            return s.error();
    }
    return finish();
}

Result<qint64> CustomerRepository::count(
    const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    // One name word and no filters: the word index alone counts it.
    if (terms.kind == CustomerSearchTerms::Kind::Name && terms.nameWords.size() == 1 && !hasFilters(query)) {
        QSqlQuery& q = m_db.prepared(QStringLiteral(
            "SELECT count(DISTINCT seq) FROM customer_word WHERE company_id = ? AND word >= ? AND word < ?"));
        q.bindValue(0, companyId);
        q.bindValue(1, terms.nameWords.constFirst());
        q.bindValue(2, QString(terms.nameWords.constFirst() + kRangeEnd));
        return Sql::integer(q);
    }
    if (terms.kind == CustomerSearchTerms::Kind::Name && !hasFilters(query)) {
        // Several words: the customers under each word's range, intersected.
        QStringList parts;
        QVariantList binds;
        for (const QString& word : terms.nameWords) {
            parts << QStringLiteral("SELECT seq FROM customer_word WHERE company_id = ? AND word >= ? AND word < ?");
            binds << companyId << word << QString(word + kRangeEnd);
        }
        QSqlQuery& q = m_db.prepared(
            QStringLiteral("SELECT count(*) FROM (") + parts.join(QStringLiteral(" INTERSECT ")) + u')');
        for (qsizetype i = 0; i < binds.size(); ++i)
            q.bindValue(static_cast<int>(i), binds.at(i));
        return Sql::integer(q);
    }
    // Name matches are counted by seq, and selective figures from their index, not by
    // walking the company's rows.
    auto driver = smallSubset(companyId, query, terms);
    if (!driver)
        return driver.error();
    const Reach reach = *driver                         ? Reach::BySubset
        : terms.kind == CustomerSearchTerms::Kind::Name ? Reach::BySeq
                                                        : Reach::Planner;
    const Where w = buildWhere(companyId, query, terms, reach, *driver);
    const QString sql = QStringLiteral("SELECT count(*) FROM ") + w.from + QStringLiteral(" WHERE ")
        + w.conditions.join(QStringLiteral(" AND "));
    QSqlQuery& q = m_db.prepared(sql);
    int i = 0;
    for (const QVariant& v : w.binds)
        q.bindValue(i++, v);
    return Sql::integer(q);
}

Result<qint64> CustomerRepository::reserveCodes(UnitOfWork& uow, const QString& companyId, qint64 count)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, 'customer', 1 + ?) "
        "ON CONFLICT (company_id, name) DO UPDATE SET next_value = next_value + ? RETURNING next_value - ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, count);
    q.bindValue(2, count);
    q.bindValue(3, count);
    return Sql::integer(q);
}

Result<QStringList> CustomerRepository::blockingReferences(const QString& id)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery fks(db);
    if (!fks.exec(QStringLiteral("SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
                                 "WHERE m.type = 'table' AND f.\"table\" = 'customer' AND f.\"to\" = 'id' "
                                 "AND upper(f.on_delete) <> 'CASCADE' AND upper(f.on_delete) <> 'SET NULL'")))
        return Sql::errorOf(fks);
    QStringList tables;
    while (fks.next()) {
        const QString table = fks.value(0).toString();
        const QString column = fks.value(1).toString();
        QSqlQuery probe(db);
        probe.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM \"%1\" WHERE \"%2\" = ?)")
                          .arg(QString(table).replace(u'"', QStringLiteral("\"\"")),
                              QString(column).replace(u'"', QStringLiteral("\"\""))));
        probe.addBindValue(id);
        if (!probe.exec() || !probe.next())
            return Sql::errorOf(probe);
        if (probe.value(0).toBool() && !tables.contains(table))
            tables << table;
    }
    return tables;
}

} // namespace kasir
