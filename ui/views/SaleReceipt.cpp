#include "ui/views/SaleReceipt.h"

#include "core/domain/Customer.h"
#include "core/domain/Money.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <utility>

namespace kasir {

SaleReceipt::SaleReceipt(Sale sale, QString shopName, QString currency, qint64 change)
    : m_sale(std::move(sale)), m_shopName(std::move(shopName)), m_currency(std::move(currency)), m_change(change)
{ }

QString SaleReceipt::methodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return tr("Cash");
    case PaymentMethod::Card:
        return tr("Card");
    case PaymentMethod::MobileMoney:
        return tr("Mobile money");
    case PaymentMethod::StoreCredit:
        return tr("Store credit");
    case PaymentMethod::Points:
        return tr("Points");
    }
    return {};
}

QString SaleReceipt::html() const
{
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    auto money = [this](qint64 minor) { return Money::format(minor, m_currency); };
    auto row = [&](const QString& left, const QString& right, bool bold = false) {
        const QString open = bold ? QStringLiteral("<b>") : QString();
        const QString close = bold ? QStringLiteral("</b>") : QString();
        return QStringLiteral("<tr><td>%1%2%3</td><td align=\"right\">%1%4%3</td></tr>")
            .arg(open, esc(left), close, esc(right));
    };
    const Sale& sale = m_sale;
    const QLocale locale;
    QString html = QStringLiteral("<html><body style=\"font-size: 9pt;\">");
    html += QStringLiteral("<p align=\"center\"><b>%1</b><br/>%2<br/>%3</p>")
                .arg(esc(m_shopName), esc(tr("Order %1").arg(sale.orderNumber)),
                    esc(locale.toString(QDateTime::fromMSecsSinceEpoch(sale.createdAt), QLocale::ShortFormat)));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(
                    sale.customerName.isEmpty() ? tr("Walk-in customer") : tr("Customer: %1").arg(sale.customerName)));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    for (const SaleLine& line : sale.lines) {
        html += row(line.name, money(line.amount));
        html += QStringLiteral("<tr><td colspan=\"2\">&nbsp;&nbsp;%1</td></tr>")
                    .arg(esc(tr("%1 × %2").arg(locale.toString(line.quantity), money(line.unitPrice))));
    }
    html += QStringLiteral("<tr><td colspan=\"2\"><hr/></td></tr>");
    html += row(tr("Subtotal"), money(sale.subtotal));
    if (sale.discount > 0)
        html += row(tr("Discount (%1 %)").arg(Percent::formatBasisPoints(sale.discountBp)), money(-sale.discount));
    html += row(tr("Total"), money(sale.total), true);
    qint64 cash = 0;
    for (const Payment& p : sale.payments) {
        const QString method = p.method == PaymentMethod::Points
            ? tr("Points (%1)").arg(locale.toString(sale.pointsRedeemed))
            : methodName(p.method);
        html += row(method, money(p.amount));
        if (p.method == PaymentMethod::Cash)
            cash += p.amount;
    }
    if (m_change > 0) {
        html += row(tr("Cash tendered"), money(cash + m_change));
        html += row(tr("Change"), money(m_change));
    }
    html += QStringLiteral("</table>");
    if (sale.pointsEarned > 0)
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Points earned: %1").arg(locale.toString(sale.pointsEarned))));
    html += QStringLiteral("<p align=\"center\">%1</p></body></html>").arg(esc(tr("Thank you!")));
    return html;
}

void SaleReceipt::print(QPagedPaintDevice& device) const
{
    QTextDocument document;
    document.setHtml(html());
    document.print(&device);
}

bool SaleReceipt::savePdf(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    {
        QPdfWriter writer(&file);
        writer.setTitle(tr("Receipt %1").arg(m_sale.orderNumber));
        writer.setCreator(QStringLiteral("Kasir"));
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, tr("Receipt")),
            QPageLayout::Portrait, QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter));
        print(writer);
    }
    file.close();
    return file.error() == QFileDevice::NoError && file.size() > 0;
}

} // namespace kasir
