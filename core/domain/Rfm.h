#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

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
