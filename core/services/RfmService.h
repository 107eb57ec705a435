#pragma once

#include "core/domain/Result.h"
#include "core/domain/Rfm.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace kasir {

class Database;

// RFM scores and segments: ranking the company's customers again (a manager's maintenance
// command; between rankings a sale or refund places its customer by itself), one customer's
// scores for the detail view, and the customers per segment for the dashboard.
class RfmService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::RfmService)

public:
    struct SegmentCount
    {
        RfmSegment segment = RfmSegment::None;
        qint64 customers = 0;
        friend bool operator==(const SegmentCount&, const SegmentCount&) = default;
    };
    struct Counts
    {
        std::optional<qint64> computedAt; // the last ranking, epoch ms; none: never ranked
        qint64 ranked = 0; // customers with scores
        QList<SegmentCount> segments; // the named segments, best first
        std::optional<qint64> notRanked; // when asked for: the company's other customers
    };
    struct Recomputed
    {
        qint64 customers = 0; // ranked: every customer with purchases
        qint64 computedAt = 0;
        qint64 milliseconds = 0;
        QList<SegmentCount> segments; // the named segments best first
    };

    RfmService(Database& db, Actor actor);

    // Ranks every customer of the actor's company with purchases again, in one transaction
    // (kasirctl segment recompute). `progress` hears (steps done, steps in all); when
    // `cancelled` says so the transaction is undone and the error isCancelled().
    Result<Recomputed> recompute(
        const std::function<void(qint64, qint64)>& progress = {}, const std::function<bool()>& cancelled = {});
    // Customers per segment, as kept with every write (microseconds). Counting those not
    // ranked counts the company's customers too (a tenth of a second on a million): the
    // dashboard knows its total already.
    Result<Counts> segmentCounts(bool countNotRanked = false);
    // A customer's scores and segment; segment None (scores 0) when not ranked.
    Result<RfmScores> scoresOf(const QString& idOrCode);

    static QJsonObject toJson(const RfmScores& scores);
    static QJsonObject toJson(const Counts& counts);
    static QJsonObject toJson(const Recomputed& done);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
