#pragma once

#include "core/domain/CustomerInput.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>

#include <functional>

namespace kasir {

class Database;

// Realistic demo customers: Indonesian, Kenyan and Indian names, addresses and mobile
// numbers, deterministic for a seed, written through CustomerService like any other
// registration (so every one has its audit row and sync op).
class DemoData final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::DemoData)

public:
    // Demo logins made when demo sets up an empty database.
    static constexpr const char* demoPassword = "kasir-demo";

    // The n-th demo customer for a seed; `index` continues across runs so phone numbers
    // and emails stay unique.
    static CustomerInput customer(quint64 seed, qint64 index);

    // Sets up a demo company, store, terminal and users (admin, manager, kasir) when the
    // database is empty; returns the administrator who then registers the customers.
    static Result<Actor> ensureCompany(Database& db);

    // Registers `count` customers in one write (all or none), generated and validated in
    // batches on another thread; `progress` is told how many are written so far. When
    // `cancelled` says so (asked before each batch, from the batch thread), the write is
    // undone and the error isCancelled().
    static Result<qint64> generate(Database& db, const Actor& actor, qint64 count, quint64 seed,
        const std::function<void(qint64)>& progress = {}, const std::function<bool()>& cancelled = {});

    static constexpr int batchSize = 5000;
};

} // namespace kasir
