#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace kasir {

// An entity's fields at one moment, as (name, value) pairs sorted by name: what the audit
// log and the sync outbox compare and record. Kept flat and ordered because it is built
// for every write: diffing two is one merge walk, and writing JSON is one pass. Values are
// held as QVariant (text, bool, integer or double), which holds a string without the
// allocation a QJsonValue makes for it.
class FieldSnapshot final
{
public:
    FieldSnapshot() = default;
    FieldSnapshot(std::initializer_list<std::pair<QString, QJsonValue>> fields);

    // Adds a field; empty strings and null are left out (absent and null mean the same).
    void set(const QString& name, const QJsonValue& value);
    void setText(const QString& name, const QString& value);
    void setBool(const QString& name, bool value);

    bool isEmpty() const { return m_fields.isEmpty(); }
    QJsonValue value(QStringView name) const;
    // The fields as JSON values, in name order.
    QList<std::pair<QString, QJsonValue>> fields() const;

    // Names whose values differ between two snapshots, sorted.
    static QStringList changed(const FieldSnapshot& before, const FieldSnapshot& after);
    // {"field":[before,after],...} for the audit log.
    static QString auditJson(const FieldSnapshot& before, const FieldSnapshot& after, const QStringList& fields);
    // {"field":after,...} for the sync outbox.
    static QString valuesJson(const FieldSnapshot& after, const QStringList& fields);

    // `text` as a JSON string, quotes included.
    static void appendString(QString& out, QStringView text);

    // Equal names with equal values of the same type.
    friend bool operator==(const FieldSnapshot& a, const FieldSnapshot& b);

private:
    using Field = std::pair<QString, QVariant>;
    static bool same(const QVariant& a, const QVariant& b);
    void put(const QString& name, QVariant value);
    // The value of each of `names` (sorted) in one walk; null where absent.
    QList<QVariant> valuesOf(const QStringList& names) const;
    static void appendValue(QString& out, const QVariant& value);

    QList<Field> m_fields;
};

} // namespace kasir
