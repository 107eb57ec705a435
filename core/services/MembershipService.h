#pragma once

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Membership.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;

// The company's loyalty rules: anyone who may look up customers reads them (the till
// needs the discounts); managers and administrators change them.
class MembershipService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MembershipService)

public:
    MembershipService(Database& db, Actor actor);

    // The stored rules, or the defaults when the company never changed them.
    Result<MembershipRules> rules();
    // Replaces every rule; updatedAt and updatedBy of `rules` are ignored and set here.
    // Setting what is already in force writes nothing.
    Result<MembershipRules> setRules(const MembershipRules& rules);

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
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
