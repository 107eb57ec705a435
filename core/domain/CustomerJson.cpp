#include "core/domain/CustomerJson.h"

#include <QDateTime>

namespace kasir::CustomerJson {

namespace {

void putText(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject toJson(const Customer& c)
{
    QJsonObject o;
    o.insert(QLatin1String("id"), c.id);
    o.insert(QLatin1String("code"), c.code);
    o.insert(QLatin1String("name"), c.name);
    putText(o, "phone", c.phone);
    putText(o, "whatsapp", c.whatsapp);
    putText(o, "email", c.email);
    putText(o, "address", c.address);
    putText(o, "city", c.city);
    putText(o, "province", c.province);
    putText(o, "postalCode", c.postalCode);
    o.insert(QLatin1String("type"), CustomerEnums::toString(c.type));
    o.insert(QLatin1String("status"), CustomerEnums::toString(c.status));
    o.insert(QLatin1String("level"), CustomerEnums::toString(c.level));
    if (c.discountOverrideBp)
        o.insert(QLatin1String("discountOverride"), Percent::formatBasisPoints(*c.discountOverrideBp));
    if (c.birthDate.isValid())
        o.insert(QLatin1String("birthDate"), c.birthDate.toString(Qt::ISODate));
    putText(o, "gender", CustomerEnums::toString(c.gender));
    putText(o, "notes", c.notes);
    o.insert(QLatin1String("preferSms"), c.preferSms);
    o.insert(QLatin1String("preferEmail"), c.preferEmail);
    o.insert(QLatin1String("preferCall"), c.preferCall);
    o.insert(QLatin1String("preferWhatsapp"), c.preferWhatsapp);
    o.insert(QLatin1String("doNotContact"), c.doNotContact);
    o.insert(QLatin1String("createdAt"), isoTime(c.createdAt));
    o.insert(QLatin1String("updatedAt"), isoTime(c.updatedAt));
    putText(o, "createdBy", c.createdBy);
    putText(o, "updatedBy", c.updatedBy);
    return o;
}

} // namespace kasir::CustomerJson
