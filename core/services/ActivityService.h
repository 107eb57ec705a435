#pragma once

#include "core/domain/Activity.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;

// A customer's activity log for the detail view and `kasirctl activity`: every change about
// them with who made it, when, each field before and after, and a sentence that says it.
class ActivityService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ActivityService)

public:
    ActivityService(Database& db, Actor actor);

    // Newest first; `beforeId` continues a page (the id of its last entry), 0 starts.
    Result<QList<ActivityEntry>> forCustomer(const QString& idOrCode, int limit = 50, qint64 beforeId = 0);

    // The sentence for one entry, money in `currency`.
    static QString summarise(const ActivityEntry& entry, const QString& currency);
    static QJsonObject toJson(const ActivityEntry& entry);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
