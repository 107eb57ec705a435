#pragma once

#include <QJsonObject>
#include <QString>

namespace kasir {

// One line of a customer's activity: an audit row about them (their profile, a sale, a
// ledger entry, a tier change, a note...), with a sentence a manager can read.
struct ActivityEntry
{
    qint64 id = 0; // the audit row; newer rows have larger ids
    qint64 at = 0; // epoch ms
    QString user; // who did it (the username at the time)
    QString entity; // "customer", "sale", "points_entry"...
    QString entityId;
    QString action; // "create", "update", "refund"...
    QJsonObject changes; // field -> [before, after]
    QString summary; // translated, e.g. "Level changed Silver -> Gold after sale S01-T01-000231"
};

} // namespace kasir
