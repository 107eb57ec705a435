#pragma once

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Membership.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;
class UnitOfWork;

// The company's loyalty rules: anyone who may look up customers reads them (the till
// needs the discounts); managers and administrators change them.
class MembershipService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MembershipService)

public:
    MembershipService(Database& db, Actor actor);

    // The stored rules, or the defaults when the company never changed them.
    Result<MembershipRules> rules();
    // The rules in force after setRules(), and how many customers it moved to another
    // level or type.
    struct RulesChange
    {
        MembershipRules rules;
        qint64 customersMoved = 0;
    };
    // Replaces every rule; updatedAt and updatedBy of `rules` are ignored and set here.
    // When a rule that decides levels and types changes (a threshold, memberFrom,
    // tiersCanDrop), every customer of the company is placed again by what they have spent,
    // as a sale would place them, in the same unit of work: up at the thresholds, down only
    // when tiers can drop, a walk-in at memberFrom becomes a member. Each move is in the
    // customer's tier history. Setting what is already in force writes nothing.
    Result<RulesChange> setRules(const MembershipRules& rules);

    // The rules as JSON, keys as in MembershipRules::problems(): amounts in minor units,
    // discounts in basis points (500 is 5 %), tiersCanDrop a bool, pointsExpireDays in days
    // (0: never), updatedAt ISO 8601 UTC and updatedBy when the rules were ever changed.
    static QJsonObject toJson(const MembershipRules& rules);
    // `base` with the keys present in `json` changed (the form toJson writes; updatedAt and
    // updatedBy are read-only and skipped). A value of the wrong type or a key that is not
    // a rule fails with a field error naming the key, every one at once. The rules are not
    // checked against each other here: setRules() does that.
    static Result<MembershipRules> fromJson(const QJsonObject& json, const MembershipRules& base);
    // Every rule field plus updatedAt/updatedBy, for the audit log and the sync outbox.
    static FieldSnapshot snapshot(const MembershipRules& rules);

private:
    // Places every customer of the company by `rules` inside `uow`; returns how many moved.
    Result<qint64> placeCustomers(UnitOfWork& uow, const MembershipRules& rules);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
