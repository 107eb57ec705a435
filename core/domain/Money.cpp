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

std::optional<qint64> parse(const QString& typed, const QString& currency)
{
    const QLocale locale;
    QString text = typed.trimmed();
    text.remove(currency, Qt::CaseInsensitive);
    text.remove(u' ');
    if (text.isEmpty())
        return std::nullopt;
    const int digits = minorDigits(currency);
    QString whole = text;
    QString fraction;
    const QString point = locale.decimalPoint();
    if (digits > 0 && text.contains(point)) {
        whole = text.section(point, 0, 0);
        fraction = text.section(point, 1);
    }
    whole.remove(locale.groupSeparator());
    // Without cents, dots and commas can only be thousands separators.
    if (digits == 0) {
        whole.remove(u'.');
        whole.remove(u',');
    }
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > digits || whole.size() > 15)
        return std::nullopt;
    for (const QString& part : {whole, fraction}) {
        for (QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
    }
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const qint64 units = whole.isEmpty() ? 0 : whole.toLongLong();
    const qint64 minor = fraction.isEmpty() ? 0 : fraction.leftJustified(digits, u'0').toLongLong();
    return units * scale + minor;
}

} // namespace kasir::Money
