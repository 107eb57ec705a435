#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace kasir {

// An entity's fields at one moment, as (name, value) pairs sorted by name: what the audit
// log and the sync outbox compare and record. Kept flat and ordered because it is built
// for every write: diffing two is one merge walk, and writing JSON is one pass.
class FieldSnapshot final
{
public:
    FieldSnapshot() = default;
    FieldSnapshot(std::initializer_list<std::pair<QString, QJsonValue>> fields);

    // Adds a field; empty strings and null are left out (absent and null mean the same).
    void set(const QString& name, const QJsonValue& value);
    void setText(const QString& name, const QString& value);

    bool isEmpty() const { return m_fields.isEmpty(); }
    QJsonValue value(QStringView name) const;
    const QList<std::pair<QString, QJsonValue>>& fields() const { return m_fields; }

    // Names whose values differ between two snapshots, sorted.
    static QStringList changed(const FieldSnapshot& before, const FieldSnapshot& after);
    // {"field":[before,after],...} for the audit log.
    static QString auditJson(const FieldSnapshot& before, const FieldSnapshot& after, const QStringList& fields);
    // {"field":after,...} for the sync outbox.
    static QString valuesJson(const FieldSnapshot& after, const QStringList& fields);

    static void appendJson(QString& out, const QJsonValue& value);
    static void appendString(QString& out, QStringView text);

    friend bool operator==(const FieldSnapshot&, const FieldSnapshot&) = default;

private:
    QList<std::pair<QString, QJsonValue>> m_fields;
};

} // namespace kasir
