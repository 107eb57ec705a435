#pragma once

#include "core/domain/Role.h"

#include <QString>

namespace kasir {

// Company -> stores -> terminals. Customers belong to the company and are shared by all
// its stores; nothing ever crosses companies.
struct Company
{
    QString id;
    QString name;
    QString defaultRegion = QStringLiteral("ID"); // phone numbers without a country code
    QString currency = QStringLiteral("IDR"); // ISO 4217; money is in its minor unit
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

struct Store
{
    QString id;
    QString companyId;
    QString code;
    QString name;
    qint64 createdAt = 0;
};

struct Terminal
{
    QString id;
    QString storeId;
    QString code;
    QString name;
    quint32 siteId = 0; // the HLC site id: unique across the company's terminals
    qint64 createdAt = 0;
};

struct User
{
    QString id;
    QString companyId;
    QString username;
    QString displayName;
    Role role = Role::Cashier;
    bool active = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    Actor actor() const { return Actor {id, companyId, username, role}; }
};

} // namespace kasir
