#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace kasir {

// The numbered schema steps, oldest first. A step is never edited once released: a change
// is a new step. Each step runs in one transaction together with its schema_migrations row.
struct Migration
{
    int version;
    QString name;
    QStringList statements;
    // Data work after the statements that SQL alone cannot do (splitting names into words),
    // in the same transaction.
    std::function<Status(QSqlDatabase)> fill;
};

namespace Migrations {
const QList<Migration>& all();
int latest();
} // namespace Migrations

} // namespace kasir
