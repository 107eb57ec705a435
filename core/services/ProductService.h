#pragma once

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Product.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kasir {

class Database;

// The company's catalogue: add and change products (managers and administrators), look
// them up and list them (anyone who may look up customers, so that a cashier can sell).
class ProductService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ProductService)

public:
    // What a user typed; a field left out is left as it is (on add: sku, name and price
    // are required, active defaults to true).
    struct ProductInput
    {
        std::optional<QString> sku;
        std::optional<QString> name;
        std::optional<qint64> price;
        std::optional<bool> active;
    };

    static constexpr int maxSku = 64;
    static constexpr int maxName = 255;
    static constexpr qint64 maxPrice = 1'000'000'000'000'000; // 1e15 minor units

    ProductService(Database& db, Actor actor);

    Result<Product> add(const ProductInput& input);
    // The product with this SKU (as typed: any case, spaces around), changed by `input`.
    Result<Product> update(const QString& sku, const ProductInput& input);
    Result<Product> bySku(const QString& sku);
    // The whole catalogue in SKU order.
    Result<QList<Product>> list(bool includeInactive = false);

    // The product with camelCase keys, as kasirctl prints it and the audit log and sync
    // outbox record it; times are ISO 8601 UTC with milliseconds.
    static QJsonObject toJson(const Product& product);
    static FieldSnapshot snapshot(const Product& product);

    // A SKU as stored: trimmed, NFC, upper case. Says nothing about whether it is valid.
    static QString normaliseSku(const QString& sku);

private:
    // Applies the input onto `base`, checking every field; all failures at once.
    static Result<Product> apply(const Product& base, const ProductInput& input, bool creating);
    // Turns the unique index's refusal into a message that names the product holding the SKU.
    Error explainConflict(const Product& product, const Error& error);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
