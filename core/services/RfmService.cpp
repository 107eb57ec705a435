#include "core/services/RfmService.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/CustomerService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/RfmRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QElapsedTimer>

namespace kasir {

namespace {

QJsonObject segmentsJson(const QList<RfmService::SegmentCount>& counts)
{
    QJsonObject o;
    for (const RfmService::SegmentCount& c : counts)
        o.insert(Rfm::toString(c.segment), c.customers);
    return o;
}

} // namespace

RfmService::RfmService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<RfmService::Recomputed> RfmService::recompute(
    const std::function<void(qint64, qint64)>& progress, const std::function<bool()>& cancelled)
{
    if (Status s = m_actor.require(Permission::Maintenance, tr("rank the customers again")); !s)
        return s.error();
    QElapsedTimer timer;
    timer.start();
    // Derived figures: no audit row or sync op, but one transaction, so that a failed
    // ranking leaves the last one whole.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    RfmRepository repo(m_db);
    auto run = repo.recompute(uow, m_actor.companyId, progress, cancelled);
    if (!run)
        return run.error();
    auto counts = repo.counts(m_actor.companyId);
    if (!counts)
        return counts.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    Recomputed out;
    out.customers = run->customers;
    out.computedAt = run->computedAt;
    for (const auto& [segment, n] : std::as_const(*counts))
        out.segments.append({segment, n});
    out.milliseconds = timer.elapsed();
    return out;
}

Result<RfmService::Counts> RfmService::segmentCounts(bool countNotRanked)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    // The ranking, its counts and the customers from one snapshot of the file.
    const ReadSnapshot snapshot(m_db);
    RfmRepository repo(m_db);
    auto run = repo.lastRun(m_actor.companyId);
    if (!run)
        return run.error();
    auto counts = repo.counts(m_actor.companyId);
    if (!counts)
        return counts.error();
    Counts out;
    if (*run)
        out.computedAt = (*run)->computedAt;
    for (const auto& [segment, n] : std::as_const(*counts)) {
        out.segments.append({segment, n});
        out.ranked += n;
    }
    if (countNotRanked) {
        auto all = CustomerRepository(m_db).count(m_actor.companyId, CustomerQuery {}, CustomerSearchTerms {});
        if (!all)
            return all.error();
        out.notRanked = std::max<qint64>(0, *all - out.ranked);
    }
    return out;
}

Result<RfmScores> RfmService::scoresOf(const QString& idOrCode)
{
    // CustomerService::get checks that the actor may read customers of this company.
    auto customer = CustomerService(m_db, m_actor).get(idOrCode);
    if (!customer)
        return customer.error();
    auto scores = RfmRepository(m_db).scoresOf(customer->id);
    if (!scores)
        return scores.error();
    if (*scores)
        return **scores;
    RfmScores none;
    none.customerId = customer->id;
    return none;
}

QJsonObject RfmService::toJson(const RfmScores& s)
{
    QJsonObject o {{QStringLiteral("customerId"), s.customerId}, {QStringLiteral("segment"), Rfm::toString(s.segment)}};
    if (s.segment == RfmSegment::None)
        return o;
    o.insert(QStringLiteral("recency"), s.recency);
    o.insert(QStringLiteral("frequency"), s.frequency);
    o.insert(QStringLiteral("monetary"), s.monetary);
    o.insert(QStringLiteral("computedAt"), isoUtc(s.computedAt));
    return o;
}

QJsonObject RfmService::toJson(const Counts& c)
{
    QJsonObject segments = segmentsJson(c.segments);
    if (c.notRanked)
        segments.insert(Rfm::toString(RfmSegment::None), *c.notRanked);
    return QJsonObject {{QStringLiteral("computedAt"), c.computedAt ? QJsonValue(isoUtc(*c.computedAt)) : QJsonValue()},
        {QStringLiteral("ranked"), c.ranked}, {QStringLiteral("segments"), segments}};
}

QJsonObject RfmService::toJson(const Recomputed& r)
{
    return QJsonObject {{QStringLiteral("customers"), r.customers},
        {QStringLiteral("computedAt"), isoUtc(r.computedAt)}, {QStringLiteral("milliseconds"), r.milliseconds},
        {QStringLiteral("segments"), segmentsJson(r.segments)}};
}

} // namespace kasir
