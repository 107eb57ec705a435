#include "core/domain/FieldSnapshot.h"

#include <algorithm>
#include <cmath>

namespace kasir {

FieldSnapshot::FieldSnapshot(std::initializer_list<std::pair<QString, QJsonValue>> fields)
{
    for (const auto& [name, value] : fields)
        set(name, value);
}

void FieldSnapshot::put(const QString& name, QVariant value)
{
    // Snapshots are mostly built in name order: then this appends.
    if (m_fields.isEmpty() || m_fields.constLast().first < name) {
        m_fields.emplaceBack(name, std::move(value));
        return;
    }
    auto it = std::lower_bound(
        m_fields.begin(), m_fields.end(), name, [](const Field& f, const QString& n) { return f.first < n; });
    if (it != m_fields.end() && it->first == name)
        it->second = std::move(value);
    else
        m_fields.insert(it, {name, std::move(value)});
}

void FieldSnapshot::set(const QString& name, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        put(name, value.toBool());
        return;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9.0e15)
            put(name, static_cast<qint64>(d));
        else
            put(name, d);
        return;
    }
    case QJsonValue::String:
        setText(name, value.toString());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
    case QJsonValue::Array:
    case QJsonValue::Object:
        // Snapshots hold scalars; null and absent mean the same.
        return;
    }
}

void FieldSnapshot::setText(const QString& name, const QString& value)
{
    if (!value.isEmpty())
        put(name, value);
}

void FieldSnapshot::setBool(const QString& name, bool value)
{
    put(name, value);
}

QJsonValue FieldSnapshot::value(QStringView name) const
{
    auto it = std::lower_bound(m_fields.cbegin(), m_fields.cend(), name,
        [](const Field& f, QStringView n) { return QStringView(f.first) < n; });
    if (it != m_fields.cend() && it->first == name)
        return QJsonValue::fromVariant(it->second);
    return QJsonValue(QJsonValue::Null);
}

QList<std::pair<QString, QJsonValue>> FieldSnapshot::fields() const
{
    QList<std::pair<QString, QJsonValue>> out;
    out.reserve(m_fields.size());
    for (const auto& [name, value] : m_fields)
        out.emplaceBack(name, QJsonValue::fromVariant(value));
    return out;
}

bool FieldSnapshot::same(const QVariant& a, const QVariant& b)
{
    // QVariant compares numbers, bools and text across types ("1" == 1); a field that
    // changes type changes its JSON, so it is a change.
    return a.metaType() == b.metaType() && a == b;
}

bool operator==(const FieldSnapshot& a, const FieldSnapshot& b)
{
    return std::equal(a.m_fields.cbegin(), a.m_fields.cend(), b.m_fields.cbegin(), b.m_fields.cend(),
        [](const FieldSnapshot::Field& x, const FieldSnapshot::Field& y) {
            return x.first == y.first && FieldSnapshot::same(x.second, y.second);
        });
}

QList<QVariant> FieldSnapshot::valuesOf(const QStringList& names) const
{
    QList<QVariant> out;
    out.reserve(names.size());
    if (!std::is_sorted(names.cbegin(), names.cend())) {
        for (const QString& n : names) {
            auto it = std::lower_bound(
                m_fields.cbegin(), m_fields.cend(), n, [](const Field& f, const QString& k) { return f.first < k; });
            out.append(it != m_fields.cend() && it->first == n ? it->second : QVariant());
        }
        return out;
    }
    auto it = m_fields.cbegin();
    for (const QString& n : names) {
        while (it != m_fields.cend() && it->first < n)
            ++it;
        out.append(it != m_fields.cend() && it->first == n ? it->second : QVariant());
    }
    return out;
}

QStringList FieldSnapshot::changed(const FieldSnapshot& before, const FieldSnapshot& after)
{
    QStringList out;
    auto a = before.m_fields.cbegin();
    auto b = after.m_fields.cbegin();
    while (a != before.m_fields.cend() || b != after.m_fields.cend()) {
        if (b == after.m_fields.cend() || (a != before.m_fields.cend() && a->first < b->first)) {
            out << a->first;
            ++a;
        } else if (a == before.m_fields.cend() || b->first < a->first) {
            out << b->first;
            ++b;
        } else {
            if (!same(a->second, b->second))
                out << a->first;
            ++a;
            ++b;
        }
    }
    return out;
}

void FieldSnapshot::appendString(QString& out, QStringView s)
{
    out += QLatin1Char('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        // A surrogate without its other half is written as \uXXXX, so that the JSON
        // stays valid UTF-8 whatever the text.
        const bool lone = QChar::isHighSurrogate(c)
            ? i + 1 >= s.size() || !s[i + 1].isLowSurrogate()
            : QChar::isLowSurrogate(c) && (i == 0 || !s[i - 1].isHighSurrogate());
        if (c >= 0x20 && c != u'"' && c != u'\\' && !lone)
            continue;
        out += s.mid(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    out += s.mid(plainFrom);
    out += QLatin1Char('"');
}

void FieldSnapshot::appendValue(QString& out, const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        out += value.toBool() ? QLatin1String("true") : QLatin1String("false");
        return;
    case QMetaType::LongLong:
        out += QString::number(value.toLongLong());
        return;
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d))
            out += QString::number(d, 'g', 17);
        else
            out += QLatin1String("null");
        return;
    }
    case QMetaType::QString:
        appendString(out, value.toString());
        return;
    default:
        out += QLatin1String("null");
        return;
    }
}

QString FieldSnapshot::auditJson(const FieldSnapshot& before, const FieldSnapshot& after, const QStringList& fields)
{
    const QList<QVariant> was = before.valuesOf(fields);
    const QList<QVariant> is = after.valuesOf(fields);
    QString out;
    out.reserve(64 * fields.size());
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendString(out, fields.at(i));
        out += QLatin1String(":[");
        appendValue(out, was.at(i));
        out += QLatin1Char(',');
        appendValue(out, is.at(i));
        out += QLatin1Char(']');
    }
    out += QLatin1Char('}');
    return out;
}

QString FieldSnapshot::valuesJson(const FieldSnapshot& after, const QStringList& fields)
{
    const QList<QVariant> is = after.valuesOf(fields);
    QString out;
    out.reserve(48 * fields.size());
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        appendString(out, fields.at(i));
        out += QLatin1Char(':');
        appendValue(out, is.at(i));
    }
    out += QLatin1Char('}');
    return out;
}

} // namespace kasir
