#pragma once

#include "core/domain/Product.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for the product catalogue and nothing else: rules and permissions are
// ProductService's. Writes happen only inside the caller's unit of work.
class ProductRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ProductRepository)

public:
    explicit ProductRepository(Database& db);

    // A second product with the same SKU in the company is refused by the unique index:
    // an Error::Kind::Conflict on field "sku".
    Status insert(UnitOfWork& uow, const Product& product);
    // Every column but id, company and creation time; NotFound when the company has no
    // product with this id.
    Status update(UnitOfWork& uow, const Product& product);

    Result<std::optional<Product>> byId(const QString& companyId, const QString& id);
    // `sku` as stored (trimmed, upper case): ProductService normalises what people type.
    Result<std::optional<Product>> bySku(const QString& companyId, const QString& sku);
    // A page of the company's products in SKU order; a negative limit reads to the end.
    Result<QList<Product>> list(const QString& companyId, bool includeInactive, int limit, int offset);

private:
    Result<std::optional<Product>> one(const QString& sql, const QString& companyId, const QString& value);

    Database& m_db;
};

} // namespace kasir
