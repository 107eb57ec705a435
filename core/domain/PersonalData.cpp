#include "core/domain/PersonalData.h"

namespace kasir::PersonalData {

QStringList fieldsOf(QStringView entity)
{
    if (entity == u"customer") {
        static const QStringList customer {QStringLiteral("address"), QStringLiteral("birthDate"),
            QStringLiteral("city"), QStringLiteral("email"), QStringLiteral("gender"), QStringLiteral("name"),
            QStringLiteral("notes"), QStringLiteral("phone"), QStringLiteral("postalCode"), QStringLiteral("province"),
            QStringLiteral("whatsapp")};
        return customer;
    }
    if (entity == u"customer_contact") {
        static const QStringList contact {QStringLiteral("label"), QStringLiteral("value")};
        return contact;
    }
    if (entity == u"customer_note") {
        static const QStringList note {QStringLiteral("body")};
        return note;
    }
    if (entity == u"sale") {
        static const QStringList sale {QStringLiteral("customerName"), QStringLiteral("customerPhone")};
        return sale;
    }
    return {};
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
