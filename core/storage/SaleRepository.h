#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Result.h"
#include "core/domain/Sale.h"

#include <QCoreApplication>

#include <optional>
#include <utility>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for sales, refunds and the purchase figures kept in customer_metrics; rules and
// permissions are CheckoutService's.
class SaleRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SaleRepository)

public:
    explicit SaleRepository(Database& db);

    // The next order number of this terminal: "<store code>-<terminal code>-<seq>".
    Result<QString> nextOrderNumber(
        UnitOfWork& uow, const QString& companyId, const QString& terminalId, const QString& prefix);
    // The sale with its lines and payments.
    Status insert(UnitOfWork& uow, const Sale& sale);
    Result<std::optional<Sale>> byOrderNumber(const QString& companyId, const QString& orderNumber);
    Result<std::optional<Sale>> byId(const QString& companyId, const QString& id);
    // The refund of a sale, if it has one.
    Result<std::optional<QString>> refundOf(const QString& saleId);
    // A customer's sales and refunds, newest first: their own and walk-in sales linked to
    // them. Lists give the figures of each sale, without lines and payments.
    Result<QList<Sale>> forCustomer(const QString& customerId, int limit);
    // All of them, oldest first, each with its lines and payments (a customer's export).
    Result<QList<Sale>> historyOf(const QString& companyId, const QString& customerId);
    // Anonymous sales (and their refunds) that noted this E.164 phone and are not linked to
    // a customer yet, oldest first.
    Result<QList<Sale>> walkInSales(const QString& companyId, const QString& phone);
    // The customer a walk-in sale is linked to, if it is.
    Result<std::optional<QString>> linkedCustomer(const QString& saleId);
    // Counts a walk-in sale towards a customer (sale_link).
    Status insertLink(UnitOfWork& uow, const QString& saleId, const QString& companyId, const QString& customerId);

    // The level and type a customer had before this sale moved them, if it did.
    Result<std::optional<std::pair<MembershipLevel, CustomerType>>> tierChangeOf(
        const QString& customerId, const QString& saleId);
    // A line of tier history.
    Status insertTierChange(UnitOfWork& uow, const QString& id, const Customer& before, const Customer& after,
        const QString& reason, const QString& saleId);

private:
    Result<Sale> read(const QString& where, const QString& key, const QString& companyId);

    Database& m_db;
};

} // namespace kasir
