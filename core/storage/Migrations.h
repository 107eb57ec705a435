#pragma once

#include <QString>
#include <QStringList>

namespace kasir {

// The numbered schema steps, oldest first. A step is never edited once released: a change
// is a new step. Each step runs in one transaction together with its schema_migrations row.
struct Migration
{
    int version;
    QString name;
    QStringList statements;
};

namespace Migrations {
const QList<Migration>& all();
int latest();
} // namespace Migrations

} // namespace kasir
