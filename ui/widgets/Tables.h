#pragma once

#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace kasir::Tables {

// A small table the pages fill themselves (a customer's sales, the stores, the users): read
// only, whole rows selected one at a time, columns as wide as their contents but
// `stretchColumn`, which takes the room left. Tab leaves it, as from any other control.
QTableWidget* makeReadOnly(QWidget* parent, const QString& objectName, const QString& accessibleName,
    const QStringList& headers, int stretchColumn);

} // namespace kasir::Tables
