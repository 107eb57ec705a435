#include "core/services/MembershipService.h"

#include "core/domain/Clock.h"
#include "core/services/TierChange.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kasir {

namespace {

// The JSON keys, which are also the field names of problems(), the audit log and the outbox.
const QString kSilverFrom = QStringLiteral("silverFrom");
const QString kGoldFrom = QStringLiteral("goldFrom");
const QString kPlatinumFrom = QStringLiteral("platinumFrom");
const QString kBronzeDiscount = QStringLiteral("bronzeDiscount");
const QString kSilverDiscount = QStringLiteral("silverDiscount");
const QString kGoldDiscount = QStringLiteral("goldDiscount");
const QString kPlatinumDiscount = QStringLiteral("platinumDiscount");
const QString kSpendPerPoint = QStringLiteral("spendPerPoint");
const QString kPointValue = QStringLiteral("pointValue");
const QString kMemberFrom = QStringLiteral("memberFrom");
const QString kTiersCanDrop = QStringLiteral("tiersCanDrop");
const QString kPointsExpireDays = QStringLiteral("pointsExpireDays");
const QString kUpdatedAt = QStringLiteral("updatedAt");
const QString kUpdatedBy = QStringLiteral("updatedBy");

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MembershipService)

public:
    explicit Reader(const QJsonObject& json) : m_json(json) { }

    QList<FieldError> errors;

    // A whole number; absent leaves `target` alone.
    void integer(const QString& key, qint64& target)
    {
        if (auto v = wholeNumber(key))
            target = *v;
    }

    void basisPoints(const QString& key, int& target)
    {
        const auto v = wholeNumber(key);
        if (!v)
            return;
        if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
            errors.append(
                {key, QStringLiteral("out_of_range"), tr("must be between 0 and 10000 basis points (0 % to 100 %)")});
            return;
        }
        target = static_cast<int>(*v);
    }

    void boolean(const QString& key, bool& target)
    {
        const auto it = m_json.constFind(key);
        if (it == m_json.constEnd())
            return;
        if (!it->isBool()) {
            errors.append({key, QStringLiteral("wrong_type"), tr("must be true or false")});
            return;
        }
        target = it->toBool();
    }

private:
    std::optional<qint64> wholeNumber(const QString& key)
    {
        const auto it = m_json.constFind(key);
        if (it == m_json.constEnd())
            return std::nullopt;
        if (!it->isDouble()) {
            errors.append({key, QStringLiteral("wrong_type"), tr("must be a whole number")});
            return std::nullopt;
        }
        const double d = it->toDouble();
        if (!std::isfinite(d) || d != std::trunc(d)) {
            errors.append({key, QStringLiteral("not_an_integer"), tr("must be a whole number")});
            return std::nullopt;
        }
        // Beyond 2^63 a double no longer converts; amounts that large are typing errors.
        if (std::abs(d) >= 9.2e18) {
            errors.append({key, QStringLiteral("out_of_range"), tr("is far too large")});
            return std::nullopt;
        }
        return it->toInteger();
    }

    const QJsonObject& m_json;
};

} // namespace

MembershipService::MembershipService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot MembershipService::snapshot(const MembershipRules& r)
{
    FieldSnapshot s;
    s.set(kBronzeDiscount, QJsonValue(r.bronzeDiscountBp));
    s.set(kGoldDiscount, QJsonValue(r.goldDiscountBp));
    s.set(kGoldFrom, QJsonValue(r.goldFrom));
    s.set(kMemberFrom, QJsonValue(r.memberFrom));
    s.set(kPlatinumDiscount, QJsonValue(r.platinumDiscountBp));
    s.set(kPlatinumFrom, QJsonValue(r.platinumFrom));
    s.set(kPointsExpireDays, QJsonValue(r.pointsExpireDays));
    s.set(kPointValue, QJsonValue(r.pointValue));
    s.set(kSilverDiscount, QJsonValue(r.silverDiscountBp));
    s.set(kSilverFrom, QJsonValue(r.silverFrom));
    s.set(kSpendPerPoint, QJsonValue(r.spendPerPoint));
    s.setBool(kTiersCanDrop, r.tiersCanDrop);
    if (r.updatedAt > 0)
        s.setText(kUpdatedAt, isoUtc(r.updatedAt));
    s.setText(kUpdatedBy, r.updatedBy);
    return s;
}

QJsonObject MembershipService::toJson(const MembershipRules& rules)
{
    QJsonObject o;
    const FieldSnapshot fields = snapshot(rules);
    for (const auto& [name, value] : fields.fields())
        o.insert(name, value);
    return o;
}

Result<MembershipRules> MembershipService::fromJson(const QJsonObject& json, const MembershipRules& base)
{
    static const QStringList known {kSilverFrom, kGoldFrom, kPlatinumFrom, kBronzeDiscount, kSilverDiscount,
        kGoldDiscount, kPlatinumDiscount, kSpendPerPoint, kPointValue, kMemberFrom, kTiersCanDrop, kPointsExpireDays,
        kUpdatedAt, kUpdatedBy};
    MembershipRules r = base;
    Reader read(json);
    // A misspelt key would otherwise change nothing without a word.
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!known.contains(it.key()))
            read.errors.append({it.key(), QStringLiteral("unknown_field"), tr("is not a membership rule")});
    }
    read.integer(kSilverFrom, r.silverFrom);
    read.integer(kGoldFrom, r.goldFrom);
    read.integer(kPlatinumFrom, r.platinumFrom);
    read.basisPoints(kBronzeDiscount, r.bronzeDiscountBp);
    read.basisPoints(kSilverDiscount, r.silverDiscountBp);
    read.basisPoints(kGoldDiscount, r.goldDiscountBp);
    read.basisPoints(kPlatinumDiscount, r.platinumDiscountBp);
    read.integer(kSpendPerPoint, r.spendPerPoint);
    read.integer(kPointValue, r.pointValue);
    read.integer(kMemberFrom, r.memberFrom);
    read.boolean(kTiersCanDrop, r.tiersCanDrop);
    read.integer(kPointsExpireDays, r.pointsExpireDays);
    if (!read.errors.isEmpty())
        return Error::invalid(read.errors);
    return r;
}

Result<MembershipRules> MembershipService::rules()
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up the membership rules")); !s)
        return s.error();
    return MembershipRepository(m_db).rules(m_actor.companyId);
}

Result<MembershipService::RulesChange> MembershipService::setRules(const MembershipRules& rules)
{
    if (Status s = m_actor.require(Permission::RulesManage, tr("change the membership rules")); !s)
        return s.error();
    if (const QList<FieldError> problems = rules.problems(); !problems.isEmpty())
        return Error::invalid(problems);

    // The rules in force are read under the write lock: the audit row says what they were,
    // and whether customers must be placed again depends on it.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    MembershipRepository repo(m_db);
    auto current = repo.rules(m_actor.companyId);
    if (!current)
        return current.error();
    RulesChange change {rules, 0};
    MembershipRules& after = change.rules;
    after.updatedAt = current->updatedAt;
    after.updatedBy = current->updatedBy;
    if (after == *current)
        return change; // nothing changed: no write, no audit, no sync op

    after.updatedAt = std::max(uow.now(), current->updatedAt);
    after.updatedBy = m_actor.userId;
    if (Status s = repo.saveRules(uow, m_actor.companyId, after); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("membership_rules"), m_actor.companyId, m_actor.companyId,
        QStringLiteral("update"), UnitOfWork::Op::Upsert, snapshot(*current), snapshot(after)});
    if (!stamp)
        return stamp.error();
    // Discounts, points and expiry place nobody: a level set by hand stays until a rule that
    // decides levels changes.
    const bool placing = after.silverFrom != current->silverFrom || after.goldFrom != current->goldFrom
        || after.platinumFrom != current->platinumFrom || after.memberFrom != current->memberFrom
        || after.tiersCanDrop != current->tiersCanDrop;
    if (placing) {
        auto moved = placeCustomers(uow, after);
        if (!moved)
            return moved.error();
        change.customersMoved = *moved;
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return change;
}

Result<qint64> MembershipService::placeCustomers(UnitOfWork& uow, const MembershipRules& rules)
{
    CustomerRepository customers(m_db);
    const QString reason = tr("membership rules changed");
    qint64 moved = 0;
    // Only the customers who move are read whole and written.
    Status walked = customers.forEachStanding(m_actor.companyId, [&](const CustomerRepository::Standing& s) -> Status {
        if (rules.nextLevel(s.level, s.totalSpent) == s.level && rules.nextType(s.type, s.totalSpent) == s.type)
            return Done {};
        auto before = customers.byId(m_actor.companyId, s.id);
        if (!before)
            return before.error();
        if (!before->has_value())
            return Error::notFound(tr("customer %1 does not exist").arg(s.id));
        Customer after = **before;
        after.level = rules.nextLevel(after.level, s.totalSpent);
        after.type = rules.nextType(after.type, s.totalSpent);
        if (after.level == (*before)->level && after.type == (*before)->type)
            return Done {};
        if (Status w = TierChange::write(uow, customers, **before, after, reason); !w)
            return w;
        ++moved;
        return Done {};
    });
    if (!walked)
        return walked.error();
    return moved;
}

} // namespace kasir
