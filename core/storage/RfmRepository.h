#pragma once

#include "core/domain/Result.h"
#include "core/domain/Rfm.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// customer_rfm and rfm_run: the customers' RFM scores and segments, and the company's last
// ranking with its cut points. A ranking scores every customer with purchases from
// customer_metrics; between rankings, a customer whose purchase figures change is placed
// against the cut points in the same unit of work (Rfm::place, which the ranking's SQL
// repeats for every customer at once).
class RfmRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::RfmRepository)

public:
    explicit RfmRepository(Database& db);

    // Ranks the company's customers with purchases again: new cut points, each customer's
    // row written where their scores changed (stamped with the unit's time), rows of
    // customers without purchases removed. The rows are written in steps of `rowsPerStep`
    // customers, in key order: `progress` hears (steps done, steps in all) after each, and
    // `cancelled`, asked between steps and while the figures are read, stops the work with
    // an error that isCancelled() (the caller's unit of work then undoes what was written).
    Result<RfmRanking> recompute(UnitOfWork& uow, const QString& companyId,
        const std::function<void(qint64, qint64)>& progress = {}, const std::function<bool()>& cancelled = {},
        int rowsPerStep = defaultRowsPerStep);
    static constexpr int defaultRowsPerStep = 50'000;
    // Places a customer whose purchase figures just changed (as customer_metrics now holds
    // them) against the company's last ranking (Rfm::place), or takes their row away when no
    // purchase of theirs stands. Nothing before the company's first ranking.
    Status place(UnitOfWork& uow, const QString& companyId, const QString& customerId,
        std::optional<qint64> lastPurchaseAt, qint64 purchases, qint64 totalSpent);

    // A customer's scores; computedAt is the later of their placement and the last ranking
    // (a ranking rewrites only the rows whose scores it changes).
    Result<std::optional<RfmScores>> scoresOf(const QString& customerId);
    Result<std::optional<RfmRanking>> lastRun(const QString& companyId);
    // Customers per named segment, in Rfm::segments() order (zeros included), as the
    // triggers on customer_rfm keep them.
    Result<QList<std::pair<RfmSegment, qint64>>> counts(const QString& companyId);

private:
    Database& m_db;
};

} // namespace kasir
