#include "core/storage/SaleRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QHash>

namespace kasir {

namespace {

const char* const kSaleColumns
    = "id, company_id, store_id, terminal_id, order_number, kind, reverses, customer_id, customer_name, "
      "customer_phone, items, subtotal, discount_bp, discount, total, points_redeemed, points_earned, created_at, "
      "created_by";

// The columns with the table's alias, for queries that join another table.
QString prefixed()
{
    return QStringLiteral("s.")
        + QString::fromLatin1(kSaleColumns).replace(QStringLiteral(", "), QStringLiteral(", s."));
}

Sale saleFrom(const QSqlQuery& q)
{
    Sale s;
    s.id = q.value(0).toString();
    s.companyId = q.value(1).toString();
    s.storeId = q.value(2).toString();
    s.terminalId = q.value(3).toString();
    s.orderNumber = q.value(4).toString();
    s.refund = q.value(5).toString() == u"refund";
    s.reverses = q.value(6).toString();
    s.customerId = q.value(7).toString();
    s.customerName = q.value(8).toString();
    s.customerPhone = q.value(9).toString();
    s.items = q.value(10).toLongLong();
    s.subtotal = q.value(11).toLongLong();
    s.discountBp = q.value(12).toInt();
    s.discount = q.value(13).toLongLong();
    s.total = q.value(14).toLongLong();
    s.pointsRedeemed = q.value(15).toLongLong();
    s.pointsEarned = q.value(16).toLongLong();
    s.createdAt = q.value(17).toLongLong();
    s.createdBy = q.value(18).toString();
    return s;
}

// sale_line's columns from `first` on: line_no, product_id, sku, name, unit_price, quantity,
// amount.
SaleLine lineFrom(const QSqlQuery& q, int first)
{
    return {q.value(first).toInt(), q.value(first + 1).toString(), q.value(first + 2).toString(),
        q.value(first + 3).toString(), q.value(first + 4).toLongLong(), q.value(first + 5).toLongLong(),
        q.value(first + 6).toLongLong()};
}
constexpr const char* kLineColumns = "line_no, product_id, sku, name, unit_price, quantity, amount";

// The sales a bound query selects (its columns as prefixed()), without lines and payments.
Result<QList<Sale>> headers(QSqlQuery& q)
{
    if (!q.exec())
        return Sql::errorOf(q);
    QList<Sale> out;
    while (q.next())
        out.append(saleFrom(q));
    q.finish();
    return out;
}

} // namespace

SaleRepository::SaleRepository(Database& db) : m_db(db) { }

Result<QString> SaleRepository::nextOrderNumber(
    UnitOfWork& uow, const QString& companyId, const QString& terminalId, const QString& prefix)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, ?, 2) "
        "ON CONFLICT (company_id, name) DO UPDATE SET next_value = next_value + 1 RETURNING next_value - 1"));
    q.bindValue(0, companyId);
    q.bindValue(1, QString(QStringLiteral("order:") + terminalId));
    auto n = Sql::integer(q);
    if (!n)
        return n.error();
    return QStringLiteral("%1-%2").arg(prefix).arg(*n, 6, 10, QLatin1Char('0'));
}

Status SaleRepository::insert(UnitOfWork& uow, const Sale& s)
{
    if (Status st = uow.requireOpen(); !st)
        return st;
    QSqlQuery& q = uow.prepared(Sql::multiRowInsert(
        "INSERT INTO sale (id, company_id, store_id, terminal_id, order_number, kind, reverses, customer_id, "
        "customer_name, customer_phone, items, subtotal, discount_bp, discount, total, points_redeemed, "
        "points_earned, created_at, created_by)",
        19, 1));
    int i = 0;
    q.bindValue(i++, s.id);
    q.bindValue(i++, s.companyId);
    q.bindValue(i++, s.storeId);
    q.bindValue(i++, s.terminalId);
    q.bindValue(i++, s.orderNumber);
    q.bindValue(i++, s.refund ? QStringLiteral("refund") : QStringLiteral("sale"));
    q.bindValue(i++, Sql::textOrNull(s.reverses));
    q.bindValue(i++, Sql::textOrNull(s.customerId));
    q.bindValue(i++, Sql::text(s.customerName));
    q.bindValue(i++, Sql::text(s.customerPhone));
    q.bindValue(i++, s.items);
    q.bindValue(i++, s.subtotal);
    q.bindValue(i++, s.discountBp);
    q.bindValue(i++, s.discount);
    q.bindValue(i++, s.total);
    q.bindValue(i++, s.pointsRedeemed);
    q.bindValue(i++, s.pointsEarned);
    q.bindValue(i++, s.createdAt);
    q.bindValue(i++, Sql::textOrNull(s.createdBy));
    if (Status st = Sql::exec(q); !st)
        return st;
    if (!s.lines.isEmpty()) {
        QSqlQuery& l = uow.prepared(Sql::multiRowInsert(
            "INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, unit_price, quantity, amount)", 8,
            static_cast<int>(s.lines.size())));
        int at = 0;
        for (const SaleLine& line : s.lines) {
            l.bindValue(at++, s.id);
            l.bindValue(at++, line.lineNo);
            l.bindValue(at++, Sql::textOrNull(line.productId));
            l.bindValue(at++, Sql::text(line.sku));
            l.bindValue(at++, Sql::text(line.name));
            l.bindValue(at++, line.unitPrice);
            l.bindValue(at++, line.quantity);
            l.bindValue(at++, line.amount);
        }
        if (Status st = Sql::exec(l); !st)
            return st;
    }
    if (!s.payments.isEmpty()) {
        QSqlQuery& p = uow.prepared(Sql::multiRowInsert(
            "INSERT INTO sale_payment (sale_id, line_no, method, amount)", 4, static_cast<int>(s.payments.size())));
        int at = 0;
        int no = 1;
        for (const Payment& pay : s.payments) {
            p.bindValue(at++, s.id);
            p.bindValue(at++, no++);
            p.bindValue(at++, SaleEnums::toString(pay.method));
            p.bindValue(at++, pay.amount);
        }
        if (Status st = Sql::exec(p); !st)
            return st;
    }
    return Done {};
}

Result<Sale> SaleRepository::read(const QString& where, const QString& key, const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM sale WHERE %2 = ? AND company_id = ?").arg(QLatin1String(kSaleColumns), where));
    q.bindValue(0, key);
    q.bindValue(1, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    if (!q.next())
        return Error::notFound(tr("no sale %1").arg(key.left(64)));
    Sale s = saleFrom(q);
    q.finish();
    QSqlQuery& l = m_db.prepared(
        QStringLiteral("SELECT %1 FROM sale_line WHERE sale_id = ? ORDER BY line_no").arg(QLatin1String(kLineColumns)));
    l.bindValue(0, s.id);
    if (!l.exec())
        return Sql::errorOf(l);
    while (l.next())
        s.lines.append(lineFrom(l, 0));
    QSqlQuery& p
        = m_db.prepared(QStringLiteral("SELECT method, amount FROM sale_payment WHERE sale_id = ? ORDER BY line_no"));
    p.bindValue(0, s.id);
    if (!p.exec())
        return Sql::errorOf(p);
    while (p.next()) {
        if (auto m = SaleEnums::parsePayment(p.value(0).toString()))
            s.payments.append({*m, p.value(1).toLongLong()});
    }
    return s;
}

Result<std::optional<Sale>> SaleRepository::byOrderNumber(const QString& companyId, const QString& orderNumber)
{
    auto s = read(QStringLiteral("order_number"), orderNumber, companyId);
    if (!s)
        return s.error().kind == Error::Kind::NotFound ? Result<std::optional<Sale>>(std::nullopt) : s.error();
    return std::optional<Sale>(std::move(s).value());
}

Result<std::optional<Sale>> SaleRepository::byId(const QString& companyId, const QString& id)
{
    auto s = read(QStringLiteral("id"), id, companyId);
    if (!s)
        return s.error().kind == Error::Kind::NotFound ? Result<std::optional<Sale>>(std::nullopt) : s.error();
    return std::optional<Sale>(std::move(s).value());
}

Result<std::optional<QString>> SaleRepository::refundOf(const QString& saleId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT order_number FROM sale WHERE reverses = ?"));
    q.bindValue(0, saleId);
    if (!q.exec())
        return Sql::errorOf(q);
    if (!q.next())
        return std::optional<QString>();
    const QString n = q.value(0).toString();
    q.finish();
    return std::optional<QString>(n);
}

Result<QList<Sale>> SaleRepository::forCustomer(const QString& customerId, int limit)
{
    // Their own sales and the walk-in sales linked to them.
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM sale s WHERE s.customer_id = ? UNION ALL "
                                                "SELECT %1 FROM sale_link k JOIN sale s ON s.id = k.sale_id "
                                                "WHERE k.customer_id = ? AND s.customer_id IS NULL "
                                                "ORDER BY created_at DESC, order_number DESC LIMIT ?")
                                     .arg(prefixed()));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    q.bindValue(2, limit);
    return headers(q);
}

Result<QList<Sale>> SaleRepository::historyOf(const QString& companyId, const QString& customerId)
{
    // Three passes over the same sales (ix_sale_customer, ix_sale_link_customer): the sales,
    // then their lines and their payments, merged by id.
    const QString ids = QStringLiteral(
        "SELECT id FROM sale WHERE customer_id = ? UNION SELECT sale_id FROM sale_link WHERE customer_id = ?");
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM sale s WHERE s.id IN (%2) AND s.company_id = ? ORDER BY s.created_at, "
                       "s.order_number")
            .arg(prefixed(), ids));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    q.bindValue(2, companyId);
    auto sales = headers(q);
    if (!sales || sales->isEmpty())
        return sales;
    QList<Sale>& out = *sales;
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < out.size(); ++i)
        at.insert(out.at(i).id, i);

    QSqlQuery& l = m_db.prepared(
        QStringLiteral("SELECT sale_id, %1 FROM sale_line WHERE sale_id IN (%2) ORDER BY sale_id, line_no")
            .arg(QLatin1String(kLineColumns), ids));
    l.bindValue(0, customerId);
    l.bindValue(1, customerId);
    if (!l.exec())
        return Sql::errorOf(l);
    while (l.next()) {
        if (const auto it = at.constFind(l.value(0).toString()); it != at.constEnd())
            out[*it].lines.append(lineFrom(l, 1));
    }
    l.finish();

    QSqlQuery& p = m_db.prepared(
        QStringLiteral("SELECT sale_id, method, amount FROM sale_payment WHERE sale_id IN (%1) ORDER BY sale_id, "
                       "line_no")
            .arg(ids));
    p.bindValue(0, customerId);
    p.bindValue(1, customerId);
    if (!p.exec())
        return Sql::errorOf(p);
    while (p.next()) {
        const auto it = at.constFind(p.value(0).toString());
        const auto method = SaleEnums::parsePayment(p.value(1).toString());
        if (it != at.constEnd() && method)
            out[*it].payments.append({*method, p.value(2).toLongLong()});
    }
    p.finish();
    return sales;
}

Result<QList<Sale>> SaleRepository::walkInSales(const QString& companyId, const QString& phone)
{
    // ix_sale_walk_in_phone holds exactly the anonymous sales with a phone noted.
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM sale s WHERE s.company_id = ? AND s.customer_phone = ? "
                                                "AND s.customer_id IS NULL AND s.customer_phone <> '' AND NOT EXISTS "
                                                "(SELECT 1 FROM sale_link k WHERE k.sale_id = s.id) "
                                                "ORDER BY s.created_at, s.order_number")
                                     .arg(prefixed()));
    q.bindValue(0, companyId);
    q.bindValue(1, phone);
    return headers(q);
}

Result<std::optional<QString>> SaleRepository::linkedCustomer(const QString& saleId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT customer_id FROM sale_link WHERE sale_id = ?"));
    q.bindValue(0, saleId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<QString> out;
    if (q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

Status SaleRepository::insertLink(
    UnitOfWork& uow, const QString& saleId, const QString& companyId, const QString& customerId)
{
    QSqlQuery& q = uow.prepared(
        Sql::multiRowInsert("INSERT INTO sale_link (sale_id, company_id, customer_id, created_at, created_by)", 5, 1));
    q.bindValue(0, saleId);
    q.bindValue(1, companyId);
    q.bindValue(2, customerId);
    q.bindValue(3, uow.now());
    q.bindValue(4, Sql::textOrNull(uow.actor().userId));
    return Sql::exec(q);
}

Result<std::optional<std::pair<MembershipLevel, CustomerType>>> SaleRepository::tierChangeOf(
    const QString& customerId, const QString& saleId)
{
    // Through the customer's few rows of tier history (ix_tier_customer).
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT from_level, from_type FROM tier_history WHERE customer_id = ? AND sale_id = ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, saleId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<std::pair<MembershipLevel, CustomerType>> out;
    if (q.next()) {
        const auto level = CustomerEnums::parseLevel(q.value(0).toString());
        const auto type = CustomerEnums::parseType(q.value(1).toString());
        if (level && type)
            out = std::pair {*level, *type};
    }
    q.finish();
    return out;
}

Status SaleRepository::insertTierChange(UnitOfWork& uow, const QString& id, const Customer& before,
    const Customer& after, const QString& reason, const QString& saleId)
{
    QSqlQuery& q = uow.prepared(Sql::multiRowInsert(
        "INSERT INTO tier_history (id, company_id, customer_id, from_level, to_level, from_type, to_type, reason, "
        "sale_id, created_at, created_by)",
        11, 1));
    int i = 0;
    q.bindValue(i++, id);
    q.bindValue(i++, after.companyId);
    q.bindValue(i++, after.id);
    q.bindValue(i++, CustomerEnums::toString(before.level));
    q.bindValue(i++, CustomerEnums::toString(after.level));
    q.bindValue(i++, CustomerEnums::toString(before.type));
    q.bindValue(i++, CustomerEnums::toString(after.type));
    q.bindValue(i++, Sql::text(reason));
    q.bindValue(i++, Sql::textOrNull(saleId));
    q.bindValue(i++, uow.now());
    q.bindValue(i++, Sql::textOrNull(uow.actor().userId));
    return Sql::exec(q);
}

} // namespace kasir
