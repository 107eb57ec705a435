#include "core/services/LedgerService.h"

#include "core/domain/Clock.h"
#include "core/domain/TextRules.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QtNumeric>

#include <optional>

namespace kasir {

namespace {

void putText(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

// A balance moved by `delta`, or nothing when it would leave ±LedgerService::maxAmount
// (which also keeps the sum itself from overflowing).
std::optional<qint64> moved(qint64 balance, qint64 delta)
{
    qint64 after = 0;
    if (qAddOverflow(balance, delta, &after) || after > LedgerService::maxAmount || after < -LedgerService::maxAmount)
        return std::nullopt;
    return after;
}

} // namespace

LedgerService::LedgerService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<Customer> LedgerService::customer(const QString& customerRef)
{
    // CustomerService finds only customers of the actor's company.
    return CustomerService(m_db, m_actor).get(customerRef);
}

Status LedgerService::checkAmount(const QString& field, qint64 amount)
{
    if (amount <= 0)
        return Error::invalidField(field, QStringLiteral("not_positive"), tr("must be more than 0"));
    if (amount > maxAmount)
        return Error::invalidField(field, QStringLiteral("out_of_range"), tr("must be at most %1").arg(maxAmount));
    return Done {};
}

Result<Balances> LedgerService::balances(const QString& customerRef)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();
    return LedgerRepository(m_db).balances(c->id);
}

Result<PointsEntry> LedgerService::adjustPoints(const QString& customerRef, qint64 points, const QString& reason)
{
    if (Status s = m_actor.require(Permission::LedgerAdjust, tr("adjust points or store credit")); !s)
        return s.error();
    if (points == 0)
        return Error::invalidField(QStringLiteral("points"), QStringLiteral("zero"), tr("must not be 0"));
    if (points > maxAmount || points < -maxAmount)
        return Error::invalidField(QStringLiteral("points"), QStringLiteral("out_of_range"),
            tr("must be between %1 and %2").arg(-maxAmount).arg(maxAmount));
    auto why = TextRules::cleanLine(QStringLiteral("reason"), reason, maxReason, true);
    if (!why)
        return why.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();

    // The balance is read inside the unit of work, whose write lock keeps it current.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    LedgerRepository repo(m_db);
    auto now = repo.balances(c->id);
    if (!now)
        return now.error();
    const auto after = moved(now->points, points);
    if (!after)
        return Error::invalidField(QStringLiteral("points"), QStringLiteral("out_of_range"),
            tr("would take the points balance past %1").arg(maxAmount));
    // A refund may leave the balance below 0 (it takes back points already spent); an
    // adjustment may bring it up from there, but never takes it below 0.
    if (points < 0 && *after < 0)
        return Error::invalidField(QStringLiteral("points"), QStringLiteral("insufficient_points"),
            tr("would take the points balance below 0; %1 (%2) has %3 points").arg(c->name, c->code).arg(now->points));
    PointsEntry entry;
    entry.companyId = c->companyId;
    entry.customerId = c->id;
    entry.kind = PointsKind::Adjusted;
    entry.points = points;
    entry.reason = *why;
    auto stored = repo.appendPoints(uow, std::move(entry));
    if (!stored)
        return stored.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return stored;
}

Result<CreditEntry> LedgerService::addCredit(
    const QString& customerRef, qint64 amount, CreditKind kind, const QString& reason, const QString& reference)
{
    if (Status s = m_actor.require(Permission::LedgerAdjust, tr("adjust points or store credit")); !s)
        return s.error();
    if (Status s = checkAmount(QStringLiteral("amount"), amount); !s)
        return s.error();
    // Debits, sales on account and refunds have their own use cases and rules.
    if (kind != CreditKind::Credit && kind != CreditKind::Repayment && kind != CreditKind::CarryOver
        && kind != CreditKind::Adjustment)
        return Error::invalidField(QStringLiteral("kind"), QStringLiteral("invalid_kind"),
            tr("must be one of %1, %2, %3 or %4; \"%5\" does not add store credit")
                .arg(LedgerEnums::toString(CreditKind::Credit), LedgerEnums::toString(CreditKind::Repayment),
                    LedgerEnums::toString(CreditKind::CarryOver), LedgerEnums::toString(CreditKind::Adjustment),
                    LedgerEnums::toString(kind)));
    auto why = TextRules::cleanLine(QStringLiteral("reason"), reason, maxReason, false);
    if (!why)
        return why.error();
    auto ref = TextRules::cleanLine(QStringLiteral("reference"), reference, maxReference, false);
    if (!ref)
        return ref.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    LedgerRepository repo(m_db);
    auto now = repo.balances(c->id);
    if (!now)
        return now.error();
    if (!moved(now->credit, amount))
        return Error::invalidField(QStringLiteral("amount"), QStringLiteral("out_of_range"),
            tr("would take the store-credit balance past %1").arg(maxAmount));
    CreditEntry entry;
    entry.companyId = c->companyId;
    entry.customerId = c->id;
    entry.kind = kind;
    entry.amount = amount;
    entry.reason = *why;
    entry.reference = *ref;
    auto stored = repo.appendCredit(uow, std::move(entry));
    if (!stored)
        return stored.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return stored;
}

Result<CreditEntry> LedgerService::debitCredit(const QString& customerRef, qint64 amount, const QString& reason,
    const QString& reference, const QString& overrideReason)
{
    if (Status s = m_actor.require(Permission::LedgerAdjust, tr("adjust points or store credit")); !s)
        return s.error();
    if (Status s = checkAmount(QStringLiteral("amount"), amount); !s)
        return s.error();
    auto why = TextRules::cleanLine(QStringLiteral("reason"), reason, maxReason, false);
    if (!why)
        return why.error();
    auto ref = TextRules::cleanLine(QStringLiteral("reference"), reference, maxReference, false);
    if (!ref)
        return ref.error();
    auto overrideWhy = TextRules::cleanLine(QStringLiteral("overrideReason"), overrideReason, maxReason, false);
    if (!overrideWhy)
        return overrideWhy.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();

    // Balance and limit are read inside the unit of work, whose write lock keeps them
    // current until the entry is written.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    LedgerRepository repo(m_db);
    auto now = repo.balances(c->id);
    if (!now)
        return now.error();
    auto limit = repo.maxDebt(c->id);
    if (!limit)
        return limit.error();
    if (!moved(now->credit, -amount))
        return Error::invalidField(QStringLiteral("amount"), QStringLiteral("out_of_range"),
            tr("would take the store-credit balance past -%1").arg(maxAmount));
    CreditEntry entry;
    entry.companyId = c->companyId;
    entry.customerId = c->id;
    entry.kind = CreditKind::Debit;
    entry.amount = -amount;
    entry.reason = *why;
    entry.reference = *ref;
    auto company = TenancyRepository(m_db).company(c->companyId);
    if (!company)
        return company.error();
    const QString currency = company->has_value() ? (*company)->currency : QStringLiteral("IDR");
    if (const auto problem
        = CreditLimit::problem(now->credit, -amount, *limit, c->status == CustomerStatus::Blocked, currency)) {
        // Nobody may let a blocked customer spend; a limit a manager may pass, with a reason.
        if (overrideWhy->isEmpty() || problem->fields.value(0).code == u"customer_blocked")
            return *problem;
        if (Status s = m_actor.require(Permission::CreditLimitOverride, tr("go past a customer's credit limit")); !s)
            return s.error();
        // Kept only where it was needed: the entry says the limit was passed, and why.
        entry.limitOverride = *overrideWhy;
    }
    auto stored = repo.appendCredit(uow, std::move(entry));
    if (!stored)
        return stored.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return stored;
}

Result<qint64> LedgerService::setCreditLimit(const QString& customerRef, qint64 maxDebt)
{
    if (Status s = m_actor.require(Permission::LedgerAdjust, tr("set credit limits")); !s)
        return s.error();
    if (maxDebt < 0)
        return Error::invalidField(
            QStringLiteral("creditLimit"), QStringLiteral("negative"), tr("must not be negative"));
    if (maxDebt > maxAmount)
        return Error::invalidField(
            QStringLiteral("creditLimit"), QStringLiteral("out_of_range"), tr("must be at most %1").arg(maxAmount));
    auto c = customer(customerRef);
    if (!c)
        return c.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = LedgerRepository(m_db).setMaxDebt(uow, c->companyId, c->id, maxDebt); !s)
        return s.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return maxDebt;
}

Result<LedgerService::Expiry> LedgerService::expirePoints(qint64 asOfMs)
{
    if (Status s = m_actor.require(Permission::Maintenance, tr("expire points")); !s)
        return s.error();
    // The entries are read under the write lock: a sale between reading and writing would
    // otherwise use points that are about to expire.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    // An expiry dated ahead would take points before their time.
    if (asOfMs > uow.now())
        return Error::invalidField(QStringLiteral("asOf"), QStringLiteral("in_future"),
            tr("must not be later than now (%1)").arg(isoUtc(uow.now())));
    auto rules = MembershipRepository(m_db).rules(m_actor.companyId);
    if (!rules)
        return rules.error();
    Expiry done;
    if (rules->pointsExpireDays == 0)
        return done;
    constexpr qint64 dayMs = 86'400'000;
    const qint64 cutoff = asOfMs - rules->pointsExpireDays * dayMs;
    LedgerRepository repo(m_db);
    const QString reason = tr("points added before %1 expired").arg(isoUtc(cutoff));
    // A page of customers at a time: a million of them need not be held at once.
    QString after;
    for (;;) {
        auto ages = repo.pointsAges(m_actor.companyId, cutoff, after, expiryPage);
        if (!ages)
            return ages.error();
        for (const LedgerRepository::PointsAges& a : std::as_const(*ages)) {
            const qint64 points = PointsExpiry::expiring(a.balance, a.earnedBefore, a.used);
            if (points <= 0)
                continue;
            PointsEntry entry;
            entry.companyId = m_actor.companyId;
            entry.customerId = a.customerId;
            entry.kind = PointsKind::Expired;
            entry.points = -points;
            entry.reason = reason;
            if (auto stored = repo.appendPoints(uow, std::move(entry)); !stored)
                return stored.error();
            ++done.customers;
            done.points += points;
        }
        if (ages->size() < expiryPage)
            break;
        after = ages->constLast().customerId;
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return done;
}

Result<QList<PointsEntry>> LedgerService::pointsHistory(const QString& customerRef)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();
    return LedgerRepository(m_db).pointsHistory(c->id);
}

Result<QList<CreditEntry>> LedgerService::creditHistory(const QString& customerRef)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    auto c = customer(customerRef);
    if (!c)
        return c.error();
    return LedgerRepository(m_db).creditHistory(c->id);
}

QJsonObject LedgerService::toJson(const PointsEntry& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("companyId"), e.companyId);
    o.insert(QStringLiteral("customerId"), e.customerId);
    o.insert(QStringLiteral("kind"), LedgerEnums::toString(e.kind));
    o.insert(QStringLiteral("points"), e.points);
    o.insert(QStringLiteral("balanceAfter"), e.balanceAfter);
    putText(o, QStringLiteral("reason"), e.reason);
    putText(o, QStringLiteral("saleId"), e.saleId);
    o.insert(QStringLiteral("createdAt"), isoUtc(e.createdAt));
    putText(o, QStringLiteral("createdBy"), e.createdBy);
    return o;
}

QJsonObject LedgerService::toJson(const CreditEntry& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("companyId"), e.companyId);
    o.insert(QStringLiteral("customerId"), e.customerId);
    o.insert(QStringLiteral("kind"), LedgerEnums::toString(e.kind));
    o.insert(QStringLiteral("amount"), e.amount);
    o.insert(QStringLiteral("balanceBefore"), e.balanceBefore);
    o.insert(QStringLiteral("balanceAfter"), e.balanceAfter);
    putText(o, QStringLiteral("reason"), e.reason);
    putText(o, QStringLiteral("reference"), e.reference);
    putText(o, QStringLiteral("saleId"), e.saleId);
    putText(o, QStringLiteral("limitOverride"), e.limitOverride);
    o.insert(QStringLiteral("createdAt"), isoUtc(e.createdAt));
    putText(o, QStringLiteral("createdBy"), e.createdBy);
    return o;
}

} // namespace kasir
