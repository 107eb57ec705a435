#pragma once

#include "core/domain/CustomerMetrics.h"
#include "core/domain/Result.h"
#include "core/domain/Sale.h"

#include <QCoreApplication>

class QSqlQuery;

namespace kasir {

class Database;
class UnitOfWork;

// customer_metrics, and the one definition of how a customer's facts add up to it: their
// own sales and refunds plus the walk-in sales linked to them (sale_link), their points
// entries and store-credit entries. Rebuilding, checking and refreshing one customer all
// use the same SQL.
class MetricsRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MetricsRepository)

public:
    explicit MetricsRepository(Database& db);

    // The figures as kept; zeros for a customer without any fact.
    Result<CustomerMetrics> cached(const QString& customerId);
    // Adds a sale to its customer's purchase figures; after a refund they are made again from
    // the facts. Either way the customer's RFM scores follow (RfmRepository::place). Returns
    // the customer's total spent after it (0 for an anonymous sale).
    Result<qint64> countPurchase(UnitOfWork& uow, const Sale& sale);
    // The purchase figures of one customer made again from the facts and written to the
    // cache, their RFM scores placed after them. Returns the customer's total spent.
    Result<qint64> refreshPurchases(UnitOfWork& uow, const QString& companyId, const QString& customerId);
    // Monthly purchases and spending since `sinceMs`, oldest month first.
    Result<QList<MonthlySpending>> monthly(const QString& customerId, qint64 sinceMs);
    // What the customer bought most of, net of refunds.
    Result<QList<ProductTotal>> topProducts(const QString& customerId, int limit);

    struct Counts
    {
        qint64 customers = 0;
        qint64 sales = 0; // sales and refunds counted for a customer
    };
    // Replaces the company's customer_metrics with what the facts give.
    Result<Counts> rebuild(UnitOfWork& uow, const QString& companyId);
    // Where the company's customer_metrics and the facts disagree, at most `limit` figures.
    // Reads in one snapshot of the file.
    Result<QList<MetricsDifference>> differences(const QString& companyId, int limit);

private:
    // Runs an upsert of a customer's purchase figures that returns total spent, purchases
    // and last purchase, and places the customer's RFM scores after it. Returns total spent.
    Result<qint64> placeAfter(UnitOfWork& uow, QSqlQuery& q, const QString& companyId, const QString& customerId);
    // Fills `table` (customer_id, company_id and the figures) with the company's figures
    // from the facts; returns how many customers and sales were counted.
    Result<Counts> fill(const QString& table, const QString& companyId);

    Database& m_db;
};

} // namespace kasir
