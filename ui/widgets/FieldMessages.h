#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

namespace kasir::FieldMessages {

// What the pages say about a field or a form, the same way everywhere.

// A label for such a message: wraps, can be selected and copied, hidden until there is
// something to say.
QLabel* makeLabel(QWidget* parent, const QString& objectName);
// Shows `text` in the label (hides it when empty), in the problem colour when `problem`.
void show(QLabel* label, const QString& text, bool problem);
// A colour for problems that reads on the palette, light or dark.
QColor problemColor(const QPalette& palette);
// A message from core ("must be at most 2000 characters") as a sentence of its own: the
// first letter raised, and with `fullStop`, a full stop unless it ends in one already.
QString sentence(const QString& message, bool fullStop = false);

} // namespace kasir::FieldMessages
