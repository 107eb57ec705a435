#pragma once

#include "core/domain/Result.h"
#include "core/domain/Rfm.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// customer_rfm and rfm_run: the customers' RFM scores and segments, and the company's last
// ranking with its cut points. A ranking scores every customer with purchases from
// customer_metrics; between rankings, a customer whose purchase figures change is placed
// against the cut points in the same unit of work, by the same SQL.
class RfmRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::RfmRepository)

public:
    explicit RfmRepository(Database& db);

    // A ranking of one company. The cut points are indexed by score - 2: the smallest value
    // that scored 2, 3, 4 and 5 or more; none where no customer did.
    struct Run
    {
        qint64 computedAt = 0;
        qint64 customers = 0; // customers ranked (with purchases)
        std::array<std::optional<qint64>, 4> recencyFrom; // last purchase, epoch ms
        std::array<std::optional<qint64>, 4> frequencyFrom; // purchases
        std::array<std::optional<qint64>, 4> monetaryFrom; // total spent, minor units

        friend bool operator==(const Run&, const Run&) = default;
    };

    // Ranks the company's customers with purchases again: new cut points, and every
    // customer's row replaced (scored at the unit's time).
    Result<Run> recompute(UnitOfWork& uow, const QString& companyId);
    // Places a customer whose purchase figures just changed against the company's cut
    // points, or takes their row away when no purchase of theirs stands. Nothing before
    // the company's first ranking.
    Status place(UnitOfWork& uow, const QString& customerId);

    Result<std::optional<RfmScores>> scoresOf(const QString& customerId);
    Result<std::optional<Run>> lastRun(const QString& companyId);
    // Customers per named segment, in Rfm::segments() order (zeros included).
    Result<QList<std::pair<RfmSegment, qint64>>> counts(const QString& companyId);

private:
    Database& m_db;
};

} // namespace kasir
