#include "core/domain/PersonalData.h"

namespace kasir::PersonalData {

namespace {

struct Entity
{
    QString name;
    QStringList fields;
};

// The one list, by entity name, each entity's fields sorted.
const QList<Entity>& table()
{
    static const QList<Entity> all {
        {QStringLiteral("customer"),
            {QStringLiteral("address"), QStringLiteral("birthDate"), QStringLiteral("city"), QStringLiteral("email"),
                QStringLiteral("gender"), QStringLiteral("name"), QStringLiteral("notes"), QStringLiteral("phone"),
                QStringLiteral("postalCode"), QStringLiteral("province"), QStringLiteral("whatsapp")}},
        {QStringLiteral("customer_contact"), {QStringLiteral("label"), QStringLiteral("value")}},
        {QStringLiteral("customer_note"), {QStringLiteral("body")}},
        {QStringLiteral("sale"), {QStringLiteral("customerName"), QStringLiteral("customerPhone")}},
    };
    return all;
}

} // namespace

QStringList fieldsOf(QStringView entity)
{
    for (const Entity& e : table()) {
        if (e.name == entity)
            return e.fields;
    }
    return {};
}

QStringList entities()
{
    QStringList out;
    for (const Entity& e : table())
        out << e.name;
    return out;
}

bool isErasable(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return !value.toString().isEmpty() && value.toString() != redacted;
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return true;
    default: // null, absent, or a structure: nothing a field of a snapshot holds
        return false;
    }
}

FieldSnapshot redact(QStringView entity, const FieldSnapshot& snapshot)
{
    FieldSnapshot out = snapshot;
    for (const QString& name : fieldsOf(entity))
        out.setText(name, redacted);
    return out;
}

} // namespace kasir::PersonalData

namespace kasir {

QString CustomerErasure::toString(Kind kind)
{
    return kind == Kind::Delete ? QStringLiteral("delete") : QStringLiteral("anonymise");
}

} // namespace kasir
