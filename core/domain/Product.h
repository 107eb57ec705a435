#pragma once

#include <QString>

namespace kasir {

// An item of the company's catalogue, so that sales have lines. Prices are in the
// currency's minor unit.
struct Product
{
    QString id;
    QString companyId;
    QString sku; // unique per company, 1-64 characters
    QString name;
    qint64 price = 0;
    bool active = true;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    friend bool operator==(const Product&, const Product&) = default;
};

} // namespace kasir
