#pragma once

#include "core/domain/CustomerMetrics.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;

// A customer's derived figures for the detail view and `kasirctl customer metrics`, and
// the maintenance of the customer_metrics cache: rebuild it from the facts, or compare it
// with them.
class MetricsService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::MetricsService)

public:
    struct Report
    {
        CustomerMetrics metrics;
        QList<MonthlySpending> months; // the last 12 months with purchases, oldest first
        QList<ProductTotal> topProducts; // at most 5, most bought first
    };
    struct RebuildResult
    {
        qint64 customers = 0; // customers with any figure
        qint64 sales = 0; // sales and refunds counted for a customer (anonymous ones are not)
        qint64 milliseconds = 0;
    };

    MetricsService(Database& db, Actor actor);

    // The customer's figures as kept, with monthly spending and top products from the facts.
    Result<Report> report(const QString& idOrCode);
    // Makes customer_metrics of the actor's company and the dashboard's running totals again
    // from the facts, in one transaction.
    Result<RebuildResult> rebuild();
    // Where customer_metrics or the dashboard's totals disagree with the facts (empty: they
    // agree), at most `limit`.
    Result<QList<MetricsDifference>> check(int limit = 1000);

    static QJsonObject toJson(const Report& report, qint64 nowMs);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
