#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace kasir {

// RFM: how recently (R), how often (F) and how much (M) a customer buys, each scored 1 to 5
// by quintile among the company's customers with purchases, and the named segment the three
// scores put them in. The scoring rule and the segments are defined here and nowhere else:
// RfmRepository's SQL, the directory filter and the dashboard all read them from Rfm.
enum class RfmSegment
{
    Champions,
    Loyal,
    Potential,
    New,
    AtRisk,
    Hibernating,
    Lost,
    None, // not ranked: no purchase that stands, or the company has not been ranked yet
};

// The cut points of one figure: [score - 2] is the smallest value that scored 2, 3, 4 and 5
// or more in a ranking; none where no value did.
using RfmCutPoints = std::array<std::optional<qint64>, 4>;

// A company's ranking: when, how many customers, and the cut points that place a customer
// whose figures change before the next ranking.
struct RfmRanking
{
    qint64 computedAt = 0; // epoch ms
    qint64 customers = 0; // ranked: those with purchases
    RfmCutPoints recencyFrom; // last purchase, epoch ms
    RfmCutPoints frequencyFrom; // purchases
    RfmCutPoints monetaryFrom; // total spent, minor units

    friend bool operator==(const RfmRanking&, const RfmRanking&) = default;
};

// One customer's scores as kept in customer_rfm.
struct RfmScores
{
    QString customerId;
    int recency = 0;
    int frequency = 0;
    int monetary = 0;
    RfmSegment segment = RfmSegment::None;
    qint64 computedAt = 0; // epoch ms: when the customer was last ranked or placed

    friend bool operator==(const RfmScores&, const RfmScores&) = default;
};

namespace Rfm {
constexpr int minScore = 1;
constexpr int maxScore = 5;

// The score of a value that `below` of the `count` ranked values lie strictly under: the
// quintile of its percent rank below / (count - 1), 1 + floor(5 * rank) capped at 5. Equal
// values score the same; the lowest scores 1 (and so does the only one).
int scoreOf(qint64 below, qint64 count);
// The same in SQL over two integer expressions, in integer arithmetic: exact, and the same
// numbers as in C++.
QString scoreSql(const QString& below, const QString& count);

// The cut points of a figure ranked over `sortedValues` (ascending) by scoreOf().
RfmCutPoints cutPoints(const std::vector<qint64>& sortedValues);
// A value's score against cut points: 1, plus one for each cut point it reaches. For a value
// that was ranked this is exactly the score the ranking gave it, so that a customer whose
// figures change between rankings can be placed without ranking everyone again.
int placedScore(qint64 value, const RfmCutPoints& cuts);
// A customer's scores and segment against a ranking (customerId and computedAt left
// empty). Someone who bought after the ranking is more recent than anyone it ranked: top
// recency. No last purchase ranks lowest.
RfmScores place(const RfmRanking& ranking, std::optional<qint64> lastPurchaseAt, qint64 purchases, qint64 totalSpent);

// The segment of three scores: the first rule that matches (Rfm.cpp lists them). Never None.
RfmSegment segmentOf(int recency, int frequency, int monetary);
// The same rules as an SQL CASE over three integer columns, giving the segment's name.
QString segmentSql(const QString& recency, const QString& frequency, const QString& monetary);

// The seven named segments, best first (None is not among them).
QList<RfmSegment> segments();
// "champions", "loyal", "potential", "new", "at_risk", "hibernating", "lost", "none".
QString toString(RfmSegment segment);
std::optional<RfmSegment> parse(QStringView text);
// Every name parse() takes, None's last.
QStringList names();
// For people: "Champions", "At risk"... and what the segment means, translated.
QString label(RfmSegment segment);
QString description(RfmSegment segment);
} // namespace Rfm

} // namespace kasir
