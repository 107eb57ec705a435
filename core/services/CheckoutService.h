#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Ledger.h"
#include "core/domain/Membership.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/domain/Sale.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <utility>

namespace kasir {

class Database;
class UnitOfWork;
class CustomerRepository;

// What the cashier has put together at the counter: who buys (a registered customer, or a
// walk-in with an optional name and phone noted), the items and how it is paid. The sale
// is built up in the UI; complete() turns it into facts in one transaction.
struct SaleRequest
{
    struct Item
    {
        QString sku;
        qint64 quantity = 1;
    };

    QString customer; // id or code of a registered customer; empty: a walk-in
    QString walkInName; // noted for an anonymous sale, optional
    QString walkInPhone; // noted for an anonymous sale, any written form, optional
    QList<Item> items;
    // Cash beyond the total is change; points are given as the money they pay (a multiple
    // of the point value); store credit may take the balance into debt up to the limit.
    QList<Payment> payments;
    QString creditLimitOverride; // a manager's reason to let store credit pass the limit
};

// The counter: look a customer up, register one mid-sale, complete a sale, refund it.
// Completing writes the sale, its lines and payments, points redeemed and earned, store
// credit used, the customer's purchase figures and any tier change, each with its audit
// row and sync op, in one unit of work: all of it or nothing.
class CheckoutService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CheckoutService)

public:
    CheckoutService(Database& db, Actor actor);

    // A phone number in any written form, or its last 4+ digits: the matching customers
    // (at most `limit`), best first.
    Result<QList<Customer>> lookup(const QString& phoneOrDigits, int limit = 10);
    // A new customer registered mid-sale with just a name and a phone.
    Result<Customer> registerAtCounter(const QString& name, const QString& phone);

    Result<Sale> complete(const SaleRequest& request);
    // Anonymous sales that noted this phone (any written form) and are not linked to anyone
    // yet, oldest first: what the counter offers to link when someone registers with it.
    // Figures only, without lines and payments.
    Result<QList<Sale>> walkInSales(const QString& phone);
    struct Linked
    {
        Customer customer; // after the link: figures and tier moved
        QList<Sale> sales; // the sales and refunds now counted for them
        qint64 total = 0; // what they add to the customer's total spent
    };
    // Counts walk-in sales towards the registered customer whose phone they noted: all of
    // them, or the named orders (a sale brings its refund along, and a refund its sale).
    // The customer's history, figures and tier follow; the sales themselves are not edited.
    Result<Linked> linkWalkInSales(const QString& customer, const QStringList& orderNumbers = {});
    // A refund of a whole sale: a new reversing fact that gives back points and store
    // credit and takes the purchase out of the customer's figures.
    Result<Sale> refund(const QString& orderNumber, const QString& reason);

    Result<Sale> sale(const QString& orderNumber);
    // A customer's sales and refunds, newest first: their own and the walk-in sales linked
    // to them; figures only (sale() gives the lines and payments).
    Result<QList<Sale>> salesOf(const QString& customer, int limit = 50);

    static QJsonObject toJson(const Sale& sale);

private:
    // This terminal and its store: every sale and refund is made at one.
    Result<std::pair<Terminal, Store>> counter();
    // After a sale or refund: the level and membership the customer's total spent gives
    // under the rules, written with tier history when they change. A refund names the
    // refunded sale, whose own step up (if it gave one) is taken back.
    Status applyTier(UnitOfWork& uow, CustomerRepository& customers, const Customer& before, qint64 spent,
        const MembershipRules& rules, const QString& reason, const QString& saleId, const QString& refundedSaleId = {});

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
