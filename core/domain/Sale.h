#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace kasir {

enum class PaymentMethod
{
    Cash,
    Card,
    MobileMoney,
    StoreCredit,
    Points, // the amount paid with points, in money; points used = amount / point value
};

namespace SaleEnums {
QString toString(PaymentMethod method);
std::optional<PaymentMethod> parsePayment(QStringView text);
// Cash, card and mobile money: the part of a sale that earns points.
bool isMoney(PaymentMethod method);
} // namespace SaleEnums

struct SaleLine
{
    int lineNo = 0; // from 1
    QString productId;
    QString sku;
    QString name;
    qint64 unitPrice = 0;
    qint64 quantity = 0;
    qint64 amount = 0; // unitPrice * quantity

    friend bool operator==(const SaleLine&, const SaleLine&) = default;
};

struct Payment
{
    PaymentMethod method = PaymentMethod::Cash;
    qint64 amount = 0;

    friend bool operator==(const Payment&, const Payment&) = default;
};

// A completed sale or a refund; never edited. A refund carries its sale's figures negated
// and names it in `reverses`.
struct Sale
{
    QString id;
    QString companyId;
    QString storeId;
    QString terminalId;
    QString orderNumber; // "<store>-<terminal>-<seq>", e.g. "JKT1-T1-000231"
    bool refund = false;
    QString reverses; // the refunded sale's id
    QString customerId; // empty for an anonymous walk-in
    QString customerName; // snapshot at the time of the sale
    QString customerPhone; // E.164 snapshot, or empty
    qint64 items = 0;
    qint64 subtotal = 0;
    int discountBp = 0;
    qint64 discount = 0;
    qint64 total = 0; // subtotal - discount: what the payments cover
    qint64 pointsRedeemed = 0;
    qint64 pointsEarned = 0;
    QList<SaleLine> lines;
    QList<Payment> payments;
    qint64 createdAt = 0;
    QString createdBy;

    friend bool operator==(const Sale&, const Sale&) = default;
};

} // namespace kasir
