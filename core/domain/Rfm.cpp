#include "core/domain/Rfm.h"

#include <QCoreApplication>

#include <algorithm>

namespace kasir {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(kasir::Rfm)
};

// A segment's rule: recency within [recencyFrom, recencyTo], FM (frequency and monetary
// together, round((F + M) / 2)) at least fmFrom, frequency at most frequencyTo. The first
// rule that matches names the segment; together they cover all 125 combinations.
struct Rule
{
    RfmSegment segment;
    int recencyFrom;
    int recencyTo;
    int fmFrom;
    int frequencyTo;
};

constexpr int kLow = Rfm::minScore;
constexpr int kHigh = Rfm::maxScore;

constexpr Rule kRules[] = {
    {RfmSegment::Champions, 4, kHigh, 4, kHigh}, // bought lately, often and much
    {RfmSegment::New, 4, kHigh, kLow, 1}, // bought lately, but seldom so far
    {RfmSegment::Loyal, 3, kHigh, 3, kHigh},
    {RfmSegment::Potential, 3, kHigh, kLow, kHigh},
    {RfmSegment::AtRisk, kLow, 2, 3, kHigh}, // were good customers, not seen for a while
    {RfmSegment::Hibernating, 2, 2, kLow, kHigh},
    {RfmSegment::Lost, kLow, 1, kLow, kHigh},
};

// round((F + M) / 2), halves up, in integers: the same expression in C++ and in SQL.
int fmOf(int frequency, int monetary)
{
    return (frequency + monetary + 1) / 2;
}

const RfmSegment kAll[] = {RfmSegment::Champions, RfmSegment::Loyal, RfmSegment::Potential, RfmSegment::New,
    RfmSegment::AtRisk, RfmSegment::Hibernating, RfmSegment::Lost, RfmSegment::None};

} // namespace

namespace Rfm {

int scoreOf(qint64 below, qint64 count)
{
    return minScore + static_cast<int>(std::min<qint64>(4, 5 * below / std::max<qint64>(1, count - 1)));
}

QString scoreSql(const QString& below, const QString& count)
{
    return QStringLiteral("(%3 + min(4, (5 * (%1)) / max(1, (%2) - 1)))").arg(below, count).arg(minScore);
}

RfmCutPoints cutPoints(const std::vector<qint64>& sortedValues)
{
    RfmCutPoints cuts;
    const qint64 count = static_cast<qint64>(sortedValues.size());
    int reached = minScore;
    for (qint64 i = 0; i < count && reached < maxScore; ++i) {
        // Equal values score alike: only the first of a run of them is looked at.
        if (i > 0 && sortedValues[static_cast<size_t>(i)] == sortedValues[static_cast<size_t>(i - 1)])
            continue;
        const int score = scoreOf(i, count);
        // The cut point of each score this value is the first to reach (index: score - 2).
        for (; reached < score; ++reached)
            cuts[static_cast<size_t>(reached - minScore)] = sortedValues[static_cast<size_t>(i)];
    }
    return cuts;
}

int placedScore(qint64 value, const RfmCutPoints& cuts)
{
    int score = minScore;
    for (const std::optional<qint64>& cut : cuts) {
        if (cut && value >= *cut)
            ++score;
    }
    return score;
}

RfmScores place(const RfmRanking& ranking, std::optional<qint64> lastPurchaseAt, qint64 purchases, qint64 totalSpent)
{
    RfmScores s;
    if (lastPurchaseAt && *lastPurchaseAt > ranking.computedAt)
        s.recency = maxScore;
    else
        s.recency = lastPurchaseAt ? placedScore(*lastPurchaseAt, ranking.recencyFrom) : minScore;
    s.frequency = placedScore(purchases, ranking.frequencyFrom);
    s.monetary = placedScore(totalSpent, ranking.monetaryFrom);
    s.segment = segmentOf(s.recency, s.frequency, s.monetary);
    return s;
}

RfmSegment segmentOf(int recency, int frequency, int monetary)
{
    const int fm = fmOf(frequency, monetary);
    for (const Rule& r : kRules) {
        if (recency >= r.recencyFrom && recency <= r.recencyTo && fm >= r.fmFrom && frequency <= r.frequencyTo)
            return r.segment;
    }
    return RfmSegment::Lost; // scores out of range; the rules cover 1..5
}

QString segmentSql(const QString& recency, const QString& frequency, const QString& monetary)
{
    const QString fm = QStringLiteral("((%1) + (%2) + 1) / 2").arg(frequency, monetary);
    QString sql = QStringLiteral("CASE");
    for (const Rule& r : kRules) {
        QStringList tests;
        if (r.recencyFrom > kLow)
            tests << QStringLiteral("(%1) >= %2").arg(recency).arg(r.recencyFrom);
        if (r.recencyTo < kHigh)
            tests << QStringLiteral("(%1) <= %2").arg(recency).arg(r.recencyTo);
        if (r.fmFrom > kLow)
            tests << QStringLiteral("%1 >= %2").arg(fm).arg(r.fmFrom);
        if (r.frequencyTo < kHigh)
            tests << QStringLiteral("(%1) <= %2").arg(frequency).arg(r.frequencyTo);
        if (tests.isEmpty())
            tests << QStringLiteral("1");
        sql += QStringLiteral(" WHEN %1 THEN '%2'").arg(tests.join(QStringLiteral(" AND ")), toString(r.segment));
    }
    return sql + QStringLiteral(" END");
}

QList<RfmSegment> segments()
{
    return {std::begin(kAll), std::end(kAll) - 1};
}

QString toString(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return QStringLiteral("champions");
    case RfmSegment::Loyal:
        return QStringLiteral("loyal");
    case RfmSegment::Potential:
        return QStringLiteral("potential");
    case RfmSegment::New:
        return QStringLiteral("new");
    case RfmSegment::AtRisk:
        return QStringLiteral("at_risk");
    case RfmSegment::Hibernating:
        return QStringLiteral("hibernating");
    case RfmSegment::Lost:
        return QStringLiteral("lost");
    case RfmSegment::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<RfmSegment> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (const RfmSegment s : kAll) {
        if (t.compare(toString(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList list;
    for (const RfmSegment s : kAll)
        list << toString(s);
    return list;
}

QString label(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return Texts::tr("Champions");
    case RfmSegment::Loyal:
        return Texts::tr("Loyal");
    case RfmSegment::Potential:
        return Texts::tr("Potential");
    case RfmSegment::New:
        return Texts::tr("New");
    case RfmSegment::AtRisk:
        return Texts::tr("At risk");
    case RfmSegment::Hibernating:
        return Texts::tr("Hibernating");
    case RfmSegment::Lost:
        return Texts::tr("Lost");
    case RfmSegment::None:
        return Texts::tr("Not ranked");
    }
    return {};
}

QString description(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return Texts::tr("Bought recently, buy often and spend the most");
    case RfmSegment::Loyal:
        return Texts::tr("Buy regularly and spend well");
    case RfmSegment::Potential:
        return Texts::tr("Bought recently; could buy more often or spend more");
    case RfmSegment::New:
        return Texts::tr("Bought recently, but only once or twice so far");
    case RfmSegment::AtRisk:
        return Texts::tr("Used to buy often or spend well, but not for a while");
    case RfmSegment::Hibernating:
        return Texts::tr("Last bought a while ago, seldom and little");
    case RfmSegment::Lost:
        return Texts::tr("Last bought long ago, seldom and little");
    case RfmSegment::None:
        return Texts::tr("No purchase yet, or not ranked yet");
    }
    return {};
}

} // namespace Rfm

} // namespace kasir
