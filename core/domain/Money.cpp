#include "core/domain/Money.h"

#include <QLocale>

namespace kasir::Money {

int minorDigits(const QString& currency)
{
    const QString c = currency.toUpper();
    return c == u"IDR" || c == u"JPY" || c == u"KRW" || c == u"VND" ? 0 : 2;
}

QString format(qint64 minor, const QString& currency)
{
    const QLocale locale;
    const int digits = minorDigits(currency);
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    // Whole units and the rest by integer arithmetic: no rounding through a double.
    const quint64 magnitude = minor < 0 ? 0 - static_cast<quint64>(minor) : static_cast<quint64>(minor);
    QString text = locale.toString(static_cast<qulonglong>(magnitude / static_cast<quint64>(scale)));
    if (digits > 0) {
        text += locale.decimalPoint();
        text += QStringLiteral("%1").arg(magnitude % static_cast<quint64>(scale), digits, 10, QLatin1Char('0'));
    }
    return (minor < 0 ? QStringLiteral("-") : QString()) + currency.toUpper() + u' ' + text;
}

} // namespace kasir::Money
