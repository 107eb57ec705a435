#include "core/domain/CustomerJson.h"

#include <QDateTime>

namespace kasir::CustomerJson {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

FieldSnapshot snapshot(const Customer& c)
{
    FieldSnapshot s;
    s.setText(QStringLiteral("id"), c.id);
    s.setText(QStringLiteral("code"), c.code);
    s.setText(QStringLiteral("name"), c.name);
    s.setText(QStringLiteral("phone"), c.phone);
    s.setText(QStringLiteral("whatsapp"), c.whatsapp);
    s.setText(QStringLiteral("email"), c.email);
    s.setText(QStringLiteral("address"), c.address);
    s.setText(QStringLiteral("city"), c.city);
    s.setText(QStringLiteral("province"), c.province);
    s.setText(QStringLiteral("postalCode"), c.postalCode);
    s.setText(QStringLiteral("type"), CustomerEnums::toString(c.type));
    s.setText(QStringLiteral("status"), CustomerEnums::toString(c.status));
    s.setText(QStringLiteral("level"), CustomerEnums::toString(c.level));
    if (c.discountOverrideBp)
        s.setText(QStringLiteral("discountOverride"), Percent::formatBasisPoints(*c.discountOverrideBp));
    if (c.birthDate.isValid())
        s.setText(QStringLiteral("birthDate"), c.birthDate.toString(Qt::ISODate));
    s.setText(QStringLiteral("gender"), CustomerEnums::toString(c.gender));
    s.setText(QStringLiteral("notes"), c.notes);
    s.set(QStringLiteral("preferSms"), c.preferSms);
    s.set(QStringLiteral("preferEmail"), c.preferEmail);
    s.set(QStringLiteral("preferCall"), c.preferCall);
    s.set(QStringLiteral("preferWhatsapp"), c.preferWhatsapp);
    s.set(QStringLiteral("doNotContact"), c.doNotContact);
    s.setText(QStringLiteral("createdAt"), isoTime(c.createdAt));
    s.setText(QStringLiteral("updatedAt"), isoTime(c.updatedAt));
    s.setText(QStringLiteral("createdBy"), c.createdBy);
    s.setText(QStringLiteral("updatedBy"), c.updatedBy);
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
