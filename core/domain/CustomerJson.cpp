#include "core/domain/CustomerJson.h"

#include "core/domain/Clock.h"

#include <QDateTime>

namespace kasir::CustomerJson {

FieldSnapshot snapshot(const Customer& c)
{
    // In name order, so that each field is appended (FieldSnapshot keeps names sorted).
    FieldSnapshot s;
    s.setText(QStringLiteral("address"), c.address);
    if (c.birthDate.isValid())
        s.setText(QStringLiteral("birthDate"), c.birthDate.toString(Qt::ISODate));
    s.setText(QStringLiteral("city"), c.city);
    s.setText(QStringLiteral("code"), c.code);
    s.setText(QStringLiteral("createdAt"), isoUtc(c.createdAt));
    s.setText(QStringLiteral("createdBy"), c.createdBy);
    if (c.discountOverrideBp)
        s.setText(QStringLiteral("discountOverride"), Percent::formatBasisPoints(*c.discountOverrideBp));
    s.setBool(QStringLiteral("doNotContact"), c.doNotContact);
    s.setText(QStringLiteral("email"), c.email);
    s.setText(QStringLiteral("gender"), CustomerEnums::toString(c.gender));
    s.setText(QStringLiteral("id"), c.id);
    s.setText(QStringLiteral("level"), CustomerEnums::toString(c.level));
    s.setText(QStringLiteral("name"), c.name);
    s.setText(QStringLiteral("notes"), c.notes);
    s.setText(QStringLiteral("phone"), c.phone);
    s.setText(QStringLiteral("postalCode"), c.postalCode);
    s.setBool(QStringLiteral("preferCall"), c.preferCall);
    s.setBool(QStringLiteral("preferEmail"), c.preferEmail);
    s.setBool(QStringLiteral("preferSms"), c.preferSms);
    s.setBool(QStringLiteral("preferWhatsapp"), c.preferWhatsapp);
    s.setText(QStringLiteral("province"), c.province);
    s.setText(QStringLiteral("status"), CustomerEnums::toString(c.status));
    s.setText(QStringLiteral("type"), CustomerEnums::toString(c.type));
    s.setText(QStringLiteral("updatedAt"), isoUtc(c.updatedAt));
    s.setText(QStringLiteral("updatedBy"), c.updatedBy);
    s.setText(QStringLiteral("whatsapp"), c.whatsapp);
    return s;
}

QJsonObject toJson(const Customer& c)
{
    QJsonObject o;
    const FieldSnapshot fields = snapshot(c);
    for (const auto& [name, value] : fields.fields())
        o.insert(name, value);
    return o;
}

} // namespace kasir::CustomerJson
