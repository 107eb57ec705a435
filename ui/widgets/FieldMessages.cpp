#include "ui/widgets/FieldMessages.h"

#include <QLabel>
#include <QPalette>

namespace kasir::FieldMessages {

QLabel* makeLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void show(QLabel* label, const QString& text, bool problem)
{
    label->setText(text);
    label->setProperty("problem", problem);
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, problemColor(palette));
    label->setPalette(palette);
    label->setVisible(!text.isEmpty());
}

QColor problemColor(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QString sentence(const QString& message, bool fullStop)
{
    QString s = message.trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s.at(0).toUpper();
    if (fullStop && !s.endsWith(u'.') && !s.endsWith(u'?') && !s.endsWith(u'!'))
        s += u'.';
    return s;
}

} // namespace kasir::FieldMessages
