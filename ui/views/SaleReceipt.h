#pragma once

#include "core/domain/Sale.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace kasir {

// A completed sale as the customer takes it home: the shop, the order number and time, the
// lines, the figures and how it was paid. Printed on a printer or written as a PDF file.
class SaleReceipt final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SaleReceipt)

public:
    // `change` is the cash handed back, which the sale itself does not keep (its cash
    // payment is net of it).
    SaleReceipt(Sale sale, QString shopName, QString currency, qint64 change = 0);

    QString html() const;
    // Lays the receipt out on the device's pages.
    void print(QPagedPaintDevice& device) const;
    // Writes it as a PDF on an 80 mm till-roll page; false when the file cannot be written.
    bool savePdf(const QString& path) const;

    static QString methodName(PaymentMethod method);

private:
    Sale m_sale;
    QString m_shopName;
    QString m_currency;
    qint64 m_change = 0;
};

} // namespace kasir
