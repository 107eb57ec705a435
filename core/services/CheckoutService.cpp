#include "core/services/CheckoutService.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/Ids.h"
#include "core/domain/Money.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/TextRules.h"
#include "core/services/CustomerService.h"
#include "core/services/ProductService.h"
#include "core/services/TierChange.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/MetricsRepository.h"
#include "core/storage/ProductRepository.h"
#include "core/storage/SaleRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace kasir {

namespace {

// No single figure of a sale may pass this (a quadrillion of the minor unit): far above any
// real till, far below where sums of many lines could overflow 64 bits.
constexpr qint64 kMaxAmount = 1'000'000'000'000'000;
constexpr qint64 kMaxQuantity = 1'000'000;
constexpr int kMaxLines = 500;
constexpr int kMaxPayments = 20;

QJsonArray linesJson(const Sale& s)
{
    QJsonArray out;
    for (const SaleLine& l : s.lines) {
        QJsonObject line {{QStringLiteral("line"), l.lineNo}, {QStringLiteral("sku"), l.sku},
            {QStringLiteral("name"), l.name}, {QStringLiteral("unitPrice"), l.unitPrice},
            {QStringLiteral("quantity"), l.quantity}, {QStringLiteral("amount"), l.amount}};
        // Other terminals write the line from this: without it their line names no product.
        if (!l.productId.isEmpty())
            line.insert(QStringLiteral("productId"), l.productId);
        out.append(line);
    }
    return out;
}

QJsonArray paymentsJson(const Sale& s)
{
    QJsonArray out;
    for (const Payment& p : s.payments)
        out.append(QJsonObject {
            {QStringLiteral("method"), SaleEnums::toString(p.method)}, {QStringLiteral("amount"), p.amount}});
    return out;
}

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// What the audit row and the sync op carry of a sale: every figure, lines and payments as JSON text.
FieldSnapshot snapshot(const Sale& s)
{
    FieldSnapshot f;
    f.setText(QStringLiteral("companyId"), s.companyId);
    f.set(QStringLiteral("createdAt"), QJsonValue(isoUtc(s.createdAt)));
    f.setText(QStringLiteral("createdBy"), s.createdBy);
    f.setText(QStringLiteral("customerId"), s.customerId);
    f.setText(QStringLiteral("customerName"), s.customerName);
    f.setText(QStringLiteral("customerPhone"), s.customerPhone);
    f.set(QStringLiteral("discount"), QJsonValue(static_cast<double>(s.discount)));
    f.set(QStringLiteral("discountBp"), QJsonValue(s.discountBp));
    f.setText(QStringLiteral("id"), s.id);
    f.set(QStringLiteral("items"), QJsonValue(static_cast<double>(s.items)));
    f.setText(QStringLiteral("kind"), s.refund ? QStringLiteral("refund") : QStringLiteral("sale"));
    f.setText(QStringLiteral("lines"), compact(linesJson(s)));
    f.setText(QStringLiteral("orderNumber"), s.orderNumber);
    f.setText(QStringLiteral("payments"), compact(paymentsJson(s)));
    f.set(QStringLiteral("pointsEarned"), QJsonValue(static_cast<double>(s.pointsEarned)));
    f.set(QStringLiteral("pointsRedeemed"), QJsonValue(static_cast<double>(s.pointsRedeemed)));
    f.setText(QStringLiteral("reverses"), s.reverses);
    f.setText(QStringLiteral("storeId"), s.storeId);
    f.set(QStringLiteral("subtotal"), QJsonValue(static_cast<double>(s.subtotal)));
    f.setText(QStringLiteral("terminalId"), s.terminalId);
    f.set(QStringLiteral("total"), QJsonValue(static_cast<double>(s.total)));
    return f;
}

} // namespace

CheckoutService::CheckoutService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<std::pair<Terminal, Store>> CheckoutService::counter()
{
    TenancyRepository tenancy(m_db);
    auto terminal = tenancy.localTerminal();
    if (!terminal)
        return terminal.error();
    if (!terminal->has_value())
        return Error::other(QStringLiteral("no_terminal"), tr("this computer is not set up as a terminal"));
    auto store = tenancy.store((*terminal)->storeId);
    if (!store)
        return store.error();
    if (!store->has_value())
        return Error::other(QStringLiteral("no_store"), tr("the store of this terminal does not exist"));
    return std::pair<Terminal, Store> {**terminal, **store};
}

Result<QList<Customer>> CheckoutService::lookup(const QString& phoneOrDigits, int limit)
{
    if (Status s = m_actor.require(Permission::SaleCreate, tr("sell")); !s)
        return s.error();
    const QString text = phoneOrDigits.trimmed();
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.size() < 4)
        return Error::invalidField(QStringLiteral("phone"), QStringLiteral("too_short"),
            tr("type a phone number or at least its last 4 digits"));
    CustomerService customers(m_db, m_actor);
    // A whole number in any written form is one customer at most.
    if (auto found = customers.findByPhone(text); found && found->has_value())
        return QList<Customer> {**found};
    CustomerQuery q;
    q.text = digits;
    q.limit = std::clamp(limit, 1, 50);
    auto page = customers.search(q);
    if (!page)
        return page.error();
    return page->items;
}

Result<Customer> CheckoutService::registerAtCounter(const QString& name, const QString& phone)
{
    if (Status s = m_actor.require(Permission::SaleCreate, tr("sell")); !s)
        return s.error();
    CustomerInput in;
    in.name = name;
    in.phone = phone;
    // The phone is how the counter finds them again: required here.
    if (phone.trimmed().isEmpty())
        return Error::invalidField(QStringLiteral("phone"), QStringLiteral("required"), tr("is required"));
    return CustomerService(m_db, m_actor).create(in);
}

Result<Sale> CheckoutService::sale(const QString& orderNumber)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up sales")); !s)
        return s.error();
    auto found = SaleRepository(m_db).byOrderNumber(m_actor.companyId, orderNumber.trimmed().toUpper());
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("there is no sale %1").arg(orderNumber.trimmed().left(64)));
    return **found;
}

Result<QList<Sale>> CheckoutService::salesOf(const QString& customerRef, int limit)
{
    // CustomerService::get checks that the actor may read customers.
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    return SaleRepository(m_db).forCustomer(customer->id, std::clamp(limit, 1, 1000));
}

Result<Sale> CheckoutService::complete(const SaleRequest& request)
{
    if (Status s = m_actor.require(Permission::SaleCreate, tr("sell")); !s)
        return s.error();
    // Everything the sale is checked against (customer, prices, rules, balances, limit)
    // is read under the unit of work's write lock, so that it still holds when written.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    TenancyRepository tenancy(m_db);
    auto company = tenancy.company(m_actor.companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("the company of %1 does not exist").arg(m_actor.username));
    auto till = counter();
    if (!till)
        return till.error();

    QList<FieldError> problems;
    // Who buys.
    std::optional<Customer> customer;
    Sale sale;
    if (!request.customer.trimmed().isEmpty()) {
        auto c = CustomerService(m_db, m_actor).get(request.customer);
        if (!c)
            return c.error();
        customer = *c;
        sale.customerId = customer->id;
        sale.customerName = customer->name;
        sale.customerPhone = customer->phone;
    } else {
        if (auto name = TextRules::cleanLine(QStringLiteral("walkInName"), request.walkInName, 255, false))
            sale.customerName = *name;
        else
            problems.append(name.error().fields);
        if (!request.walkInPhone.trimmed().isEmpty()) {
            const auto parsed = PhoneNumber::parse(request.walkInPhone, (*company)->defaultRegion);
            if (parsed.ok())
                sale.customerPhone = parsed.e164;
            else
                problems.append({QStringLiteral("walkInPhone"), QStringLiteral("invalid_phone"),
                    tr("is not a phone number that can be called")});
        }
    }

    // What is bought.
    if (request.items.isEmpty())
        problems.append({QStringLiteral("items"), QStringLiteral("required"), tr("a sale needs at least one item")});
    if (request.items.size() > kMaxLines)
        problems.append(
            {QStringLiteral("items"), QStringLiteral("too_many"), tr("a sale has at most %1 lines").arg(kMaxLines)});
    ProductRepository products(m_db);
    for (qsizetype i = 0; i < request.items.size() && i < kMaxLines; ++i) {
        const SaleRequest::Item& item = request.items.at(i);
        const QString field = QStringLiteral("items[%1]").arg(i);
        if (item.quantity < 1 || item.quantity > kMaxQuantity) {
            problems.append({field + QStringLiteral(".quantity"), QStringLiteral("out_of_range"),
                tr("must be between 1 and %1").arg(kMaxQuantity)});
            continue;
        }
        auto product = products.bySku(m_actor.companyId, ProductService::normaliseSku(item.sku));
        if (!product)
            return product.error();
        if (!product->has_value() || !(*product)->active) {
            problems.append({field + QStringLiteral(".sku"), QStringLiteral("unknown_product"),
                product->has_value() ? tr("%1 is no longer sold").arg(item.sku.trimmed().left(64))
                                     : tr("there is no product %1").arg(item.sku.trimmed().left(64))});
            continue;
        }
        const Product& p = **product;
        if (p.price > 0 && item.quantity > kMaxAmount / p.price) {
            problems.append(
                {field + QStringLiteral(".quantity"), QStringLiteral("too_large"), tr("makes the line too large")});
            continue;
        }
        SaleLine line {static_cast<int>(sale.lines.size()) + 1, p.id, p.sku, p.name, p.price, item.quantity,
            p.price * item.quantity};
        sale.items += line.quantity;
        sale.subtotal += line.amount;
        sale.lines.append(line);
    }
    if (sale.subtotal > kMaxAmount)
        problems.append({QStringLiteral("items"), QStringLiteral("too_large"), tr("the sale is too large")});

    auto rules = MembershipRepository(m_db).rules(m_actor.companyId);
    if (!rules)
        return rules.error();
    if (customer)
        sale.discountBp = rules->discountBpFor(*customer);
    sale.discount = MembershipRules::discountOf(sale.subtotal, sale.discountBp);
    sale.total = sale.subtotal - sale.discount;

    // How it is paid.
    LedgerRepository ledger(m_db);
    Balances balances;
    qint64 maxDebt = 0;
    if (customer) {
        auto b = ledger.balances(customer->id);
        if (!b)
            return b.error();
        balances = *b;
        auto limit = ledger.maxDebt(customer->id);
        if (!limit)
            return limit.error();
        maxDebt = *limit;
    }
    if (request.payments.size() > kMaxPayments)
        problems.append({QStringLiteral("payments"), QStringLiteral("too_many"),
            tr("a sale has at most %1 payments").arg(kMaxPayments)});
    qint64 paid = 0;
    qint64 cash = 0;
    qint64 paidInMoney = 0;
    qint64 storeCredit = 0;
    qint64 byPoints = 0;
    for (qsizetype i = 0; i < request.payments.size() && i < kMaxPayments; ++i) {
        const Payment& p = request.payments.at(i);
        const QString field = QStringLiteral("payments[%1]").arg(i);
        if (p.amount <= 0 || p.amount > kMaxAmount) {
            problems.append({field + QStringLiteral(".amount"), QStringLiteral("out_of_range"),
                tr("must be more than 0 and at most %1").arg(kMaxAmount)});
            continue;
        }
        if ((p.method == PaymentMethod::StoreCredit || p.method == PaymentMethod::Points) && !customer) {
            problems.append({field + QStringLiteral(".method"), QStringLiteral("needs_customer"),
                tr("%1 needs a registered customer").arg(SaleEnums::toString(p.method))});
            continue;
        }
        paid += p.amount;
        if (p.method == PaymentMethod::Cash)
            cash += p.amount;
        if (SaleEnums::isMoney(p.method))
            paidInMoney += p.amount;
        if (p.method == PaymentMethod::StoreCredit)
            storeCredit += p.amount;
        if (p.method == PaymentMethod::Points)
            byPoints += p.amount;
    }
    auto money = [&](qint64 amount) { return Money::format(amount, (*company)->currency); };
    // Change comes out of the cash; whatever else is paid must not pass the total.
    const qint64 change = paid - sale.total;
    if (problems.isEmpty()) {
        if (change < 0)
            problems.append({QStringLiteral("payments"), QStringLiteral("short"),
                tr("pay %1 more: the total is %2, %3 is paid").arg(money(-change), money(sale.total), money(paid))});
        else if (change > cash)
            problems.append({QStringLiteral("payments"), QStringLiteral("overpaid"),
                tr("%1 too much is paid by other means than cash: the total is %2")
                    .arg(money(change - cash), money(sale.total))});
    }
    if (byPoints > 0 && problems.isEmpty()) {
        if (rules->pointValue <= 0 || byPoints % rules->pointValue != 0) {
            problems.append({QStringLiteral("payments"), QStringLiteral("points_value"),
                rules->pointValue <= 0
                    ? tr("points cannot pay: they have no value in the membership rules")
                    : tr("an amount paid with points must be a multiple of %1, the value of one point")
                          .arg(money(rules->pointValue))});
        } else {
            sale.pointsRedeemed = byPoints / rules->pointValue;
            if (sale.pointsRedeemed > balances.points)
                problems.append({QStringLiteral("payments"), QStringLiteral("not_enough_points"),
                    tr("%1 points are needed, %2 has %3")
                        .arg(sale.pointsRedeemed)
                        .arg(customer->name)
                        .arg(balances.points)});
        }
    }
    QString limitOverride;
    if (storeCredit > 0 && problems.isEmpty()) {
        if (auto over = CreditLimit::problem(balances.credit, -storeCredit, maxDebt,
                customer->status == CustomerStatus::Blocked, (*company)->currency)) {
            auto why
                = TextRules::cleanLine(QStringLiteral("creditLimitOverride"), request.creditLimitOverride, 500, false);
            // Nobody may let a blocked customer spend; a limit a manager may pass, with a reason.
            if (!why) {
                problems.append(why.error().fields);
            } else if (why->isEmpty() || over->fields.value(0).code == u"customer_blocked") {
                problems.append({QStringLiteral("payments"), over->fields.value(0).code, over->message});
            } else {
                if (Status s
                    = m_actor.require(Permission::CreditLimitOverride, tr("allow store credit past the limit"));
                    !s)
                    return s.error();
                limitOverride = *why;
            }
        }
    }
    if (!problems.isEmpty())
        return Error::invalid(problems);
    // Cash is stored as one payment, net of the change given.
    bool cashPlaced = false;
    for (const Payment& p : request.payments) {
        if (p.method != PaymentMethod::Cash) {
            sale.payments.append(p);
        } else if (!cashPlaced) {
            cashPlaced = true;
            if (cash - change > 0)
                sale.payments.append({PaymentMethod::Cash, cash - change});
        }
    }
    paidInMoney -= change;
    if (customer && customer->isMember())
        sale.pointsEarned = rules->pointsFor(paidInMoney);

    sale.id = Ids::newId(uow.now());
    sale.companyId = m_actor.companyId;
    sale.storeId = till->second.id;
    sale.terminalId = till->first.id;
    sale.createdAt = uow.now();
    sale.createdBy = m_actor.userId;
    SaleRepository sales(m_db);
    auto number = sales.nextOrderNumber(uow, sale.companyId, sale.terminalId,
        QStringLiteral("%1-%2").arg(till->second.code.toUpper(), till->first.code.toUpper()));
    if (!number)
        return number.error();
    sale.orderNumber = *number;
    if (Status s = sales.insert(uow, sale); !s)
        return s.error();
    if (auto stamp = uow.record({QStringLiteral("sale"), sale.id, sale.companyId, QStringLiteral("create"),
            UnitOfWork::Op::Upsert, {}, snapshot(sale)});
        !stamp)
        return stamp.error();
    if (customer) {
        if (sale.pointsRedeemed > 0) {
            PointsEntry e;
            e.companyId = sale.companyId;
            e.customerId = customer->id;
            e.kind = PointsKind::Redeemed;
            e.points = -sale.pointsRedeemed;
            e.reason = sale.orderNumber;
            e.saleId = sale.id;
            if (auto r = ledger.appendPoints(uow, e); !r)
                return r.error();
        }
        if (sale.pointsEarned > 0) {
            PointsEntry e;
            e.companyId = sale.companyId;
            e.customerId = customer->id;
            e.kind = PointsKind::Earned;
            e.points = sale.pointsEarned;
            e.reason = sale.orderNumber;
            e.saleId = sale.id;
            if (auto r = ledger.appendPoints(uow, e); !r)
                return r.error();
        }
        if (storeCredit > 0) {
            CreditEntry e;
            e.companyId = sale.companyId;
            e.customerId = customer->id;
            e.kind = CreditKind::SaleOnAccount;
            e.amount = -storeCredit;
            e.reason = tr("sale %1").arg(sale.orderNumber);
            e.reference = sale.orderNumber;
            e.saleId = sale.id;
            e.limitOverride = limitOverride;
            if (auto r = ledger.appendCredit(uow, e); !r)
                return r.error();
        }
        auto spent = MetricsRepository(m_db).countPurchase(uow, sale);
        if (!spent)
            return spent.error();
        CustomerRepository customers(m_db);
        if (Status s
            = applyTier(uow, customers, *customer, *spent, *rules, tr("sale %1").arg(sale.orderNumber), sale.id);
            !s)
            return s.error();
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return sale;
}

Result<QList<Sale>> CheckoutService::walkInSales(const QString& phone)
{
    if (Status s = m_actor.require(Permission::SaleCreate, tr("sell")); !s)
        return s.error();
    auto company = TenancyRepository(m_db).company(m_actor.companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("the company of %1 does not exist").arg(m_actor.username));
    const auto parsed = PhoneNumber::parse(phone, (*company)->defaultRegion);
    if (!parsed.ok())
        return Error::invalidField(
            QStringLiteral("phone"), QStringLiteral("invalid_phone"), tr("is not a phone number that can be called"));
    return SaleRepository(m_db).walkInSales(m_actor.companyId, parsed.e164);
}

Result<CheckoutService::Linked> CheckoutService::linkWalkInSales(
    const QString& customerRef, const QStringList& orderNumbers)
{
    if (Status s = m_actor.require(Permission::SaleCreate, tr("sell")); !s)
        return s.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    if (customer->phone.isEmpty())
        return Error::invalidField(QStringLiteral("customer"), QStringLiteral("no_phone"),
            tr("%1 has no phone number to find walk-in sales by").arg(customer->name));
    SaleRepository sales(m_db);
    auto candidates = sales.walkInSales(m_actor.companyId, customer->phone);
    if (!candidates)
        return candidates.error();

    // What to link: everything that noted the phone, or the named orders with their partners.
    QList<Sale> chosen;
    if (orderNumbers.isEmpty()) {
        chosen = *candidates;
    } else {
        QList<FieldError> problems;
        QSet<QString> wanted;
        for (qsizetype i = 0; i < orderNumbers.size(); ++i) {
            const QString number = orderNumbers.at(i).trimmed().toUpper();
            auto it = std::find_if(
                candidates->cbegin(), candidates->cend(), [&](const Sale& c) { return c.orderNumber == number; });
            if (it != candidates->cend()) {
                wanted << (it->refund ? it->reverses : it->id);
                continue;
            }
            auto exists = sales.byOrderNumber(m_actor.companyId, number);
            if (!exists)
                return exists.error();
            const QString field = QStringLiteral("orders[%1]").arg(i);
            if (!exists->has_value())
                problems.append({field, QStringLiteral("not_found"), tr("there is no sale %1").arg(number.left(64))});
            else
                problems.append({field, QStringLiteral("not_linkable"),
                    tr("%1 is not an unlinked walk-in sale with the phone of %2")
                        .arg(number.left(64), customer->name)});
        }
        if (!problems.isEmpty())
            return Error::invalid(problems);
        for (const Sale& c : *candidates) {
            if (wanted.contains(c.refund ? c.reverses : c.id))
                chosen.append(c);
        }
    }
    Linked out;
    out.customer = *customer;
    if (chosen.isEmpty())
        return out;

    QStringList numbers;
    for (const Sale& c : chosen) {
        if (Status s = sales.insertLink(uow, c.id, m_actor.companyId, customer->id); !s)
            return s.error();
        FieldSnapshot link;
        link.set(QStringLiteral("createdAt"), QJsonValue(isoUtc(uow.now())));
        link.setText(QStringLiteral("createdBy"), m_actor.userId);
        link.setText(QStringLiteral("customerId"), customer->id);
        link.setText(QStringLiteral("orderNumber"), c.orderNumber);
        link.setText(QStringLiteral("saleId"), c.id);
        if (auto stamp = uow.record({QStringLiteral("sale_link"), c.id, m_actor.companyId, QStringLiteral("link"),
                UnitOfWork::Op::Upsert, {}, link});
            !stamp)
            return stamp.error();
        numbers << c.orderNumber;
        out.total += c.total;
    }
    MetricsRepository metrics(m_db);
    auto before = metrics.cached(customer->id);
    if (!before)
        return before.error();
    auto spent = metrics.refreshPurchases(uow, m_actor.companyId, customer->id);
    if (!spent)
        return spent.error();
    auto rules = MembershipRepository(m_db).rules(m_actor.companyId);
    if (!rules)
        return rules.error();
    Customer after = *customer;
    after.level = rules->nextLevel(customer->level, *spent);
    after.type = rules->nextType(customer->type, *spent);
    // The step is the sale's at which the linked spending first moves them, so that a refund
    // of that sale takes it back as it would for a sale of their own.
    QString stepSale;
    qint64 running = before->totalSpent;
    for (const Sale& c : std::as_const(chosen)) {
        running += c.total;
        if (rules->nextLevel(customer->level, running) != customer->level
            || rules->nextType(customer->type, running) != customer->type) {
            stepSale = c.id;
            break;
        }
    }
    CustomerRepository customers(m_db);
    const QString reason = tr("walk-in sales linked: %1").arg(numbers.join(QStringLiteral(", "))).left(500);
    if (Status s = TierChange::write(uow, customers, *customer, after, reason, stepSale); !s)
        return s.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    auto now = customers.byId(m_actor.companyId, customer->id);
    if (!now)
        return now.error();
    if (now->has_value())
        out.customer = **now;
    out.sales = chosen;
    return out;
}

Result<Sale> CheckoutService::refund(const QString& orderNumber, const QString& reason)
{
    if (Status s = m_actor.require(Permission::SaleRefund, tr("refund sales")); !s)
        return s.error();
    auto cleaned = TextRules::cleanLine(QStringLiteral("reason"), reason, 500, true);
    if (!cleaned)
        return cleaned.error();
    const QString why = *cleaned;
    // The sale and whether it was refunded are read under the write lock.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto original = sale(orderNumber);
    if (!original)
        return original.error();
    if (original->refund)
        return Error::invalidField(QStringLiteral("order"), QStringLiteral("is_refund"),
            tr("%1 is itself a refund").arg(original->orderNumber));
    SaleRepository sales(m_db);
    auto already = sales.refundOf(original->id);
    if (!already)
        return already.error();
    if (already->has_value())
        return Error::conflict(QStringLiteral("order"), QStringLiteral("already_refunded"),
            tr("%1 was already refunded by %2").arg(original->orderNumber, **already));
    auto till = counter();
    if (!till)
        return till.error();
    auto rules = MembershipRepository(m_db).rules(m_actor.companyId);
    if (!rules)
        return rules.error();

    Sale r = *original;
    // A walk-in sale linked to a customer later is refunded on their account.
    if (r.customerId.isEmpty()) {
        auto linked = sales.linkedCustomer(original->id);
        if (!linked)
            return linked.error();
        r.customerId = linked->value_or(QString());
    }
    r.refund = true;
    r.reverses = original->id;
    r.items = -original->items;
    r.subtotal = -original->subtotal;
    r.discount = -original->discount;
    r.total = -original->total;
    r.pointsRedeemed = -original->pointsRedeemed;
    r.pointsEarned = -original->pointsEarned;
    for (SaleLine& l : r.lines) {
        l.quantity = -l.quantity;
        l.amount = -l.amount;
    }
    for (Payment& p : r.payments)
        p.amount = -p.amount;

    r.id = Ids::newId(uow.now());
    r.storeId = till->second.id;
    r.terminalId = till->first.id;
    r.createdAt = uow.now();
    r.createdBy = m_actor.userId;
    auto number = sales.nextOrderNumber(uow, r.companyId, r.terminalId,
        QStringLiteral("%1-%2").arg(till->second.code.toUpper(), till->first.code.toUpper()));
    if (!number)
        return number.error();
    r.orderNumber = *number;
    if (Status s = sales.insert(uow, r); !s) {
        // Two refunds racing: the unique index on `reverses` keeps one.
        if (s.error().kind == Error::Kind::Conflict && s.error().field == u"reverses")
            return Error::conflict(QStringLiteral("order"), QStringLiteral("already_refunded"),
                tr("%1 was already refunded").arg(original->orderNumber));
        return s.error();
    }
    FieldSnapshot after = snapshot(r);
    after.setText(QStringLiteral("reason"), why);
    if (auto stamp = uow.record(
            {QStringLiteral("sale"), r.id, r.companyId, QStringLiteral("refund"), UnitOfWork::Op::Upsert, {}, after});
        !stamp)
        return stamp.error();
    if (!r.customerId.isEmpty()) {
        LedgerRepository ledger(m_db);
        const QString note = tr("refund %1 of %2: %3").arg(r.orderNumber, original->orderNumber, why);
        // Points: give back what was redeemed, take back what was earned.
        for (qint64 points : {original->pointsRedeemed, -original->pointsEarned}) {
            if (points == 0)
                continue;
            PointsEntry e;
            e.companyId = r.companyId;
            e.customerId = r.customerId;
            e.kind = PointsKind::Reversed;
            e.points = points;
            e.reason = note.left(500);
            e.saleId = r.id;
            if (auto a = ledger.appendPoints(uow, e); !a)
                return a.error();
        }
        qint64 storeCredit = 0;
        for (const Payment& p : original->payments) {
            if (p.method == PaymentMethod::StoreCredit)
                storeCredit += p.amount;
        }
        if (storeCredit > 0) {
            CreditEntry e;
            e.companyId = r.companyId;
            e.customerId = r.customerId;
            e.kind = CreditKind::Reversal;
            e.amount = storeCredit;
            e.reason = note.left(500);
            e.reference = original->orderNumber;
            e.saleId = r.id;
            if (auto a = ledger.appendCredit(uow, e); !a)
                return a.error();
        }
        auto spent = MetricsRepository(m_db).countPurchase(uow, r);
        if (!spent)
            return spent.error();
        CustomerRepository customers(m_db);
        auto buyer = customers.byId(m_actor.companyId, r.customerId);
        if (!buyer)
            return buyer.error();
        if (!buyer->has_value())
            return Error::notFound(tr("customer %1 does not exist").arg(r.customerId));
        if (Status s = applyTier(
                uow, customers, **buyer, *spent, *rules, tr("refund %1").arg(r.orderNumber), r.id, original->id);
            !s)
            return s.error();
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return r;
}

Status CheckoutService::applyTier(UnitOfWork& uow, CustomerRepository& customers, const Customer& before, qint64 spent,
    const MembershipRules& rules, const QString& reason, const QString& saleId, const QString& refundedSaleId)
{
    Customer after = before;
    after.level = rules.nextLevel(before.level, spent);
    after.type = rules.nextType(before.type, spent);
    // A refunded sale takes back the step up it gave, as far as what is still spent allows.
    if (!refundedSaleId.isEmpty()) {
        auto given = SaleRepository(m_db).tierChangeOf(before.id, refundedSaleId);
        if (!given)
            return given.error();
        if (given->has_value()) {
            const auto& [fromLevel, fromType] = **given;
            const MembershipLevel earned = rules.levelFor(spent);
            if (static_cast<int>(after.level) > static_cast<int>(fromLevel))
                after.level = std::max(earned, fromLevel);
            if (fromType == CustomerType::WalkIn && after.type == CustomerType::Member
                && rules.nextType(CustomerType::WalkIn, spent) == CustomerType::WalkIn)
                after.type = CustomerType::WalkIn;
        }
    }
    return TierChange::write(uow, customers, before, after, reason, saleId);
}

QJsonObject CheckoutService::toJson(const Sale& s)
{
    QJsonObject o {{QStringLiteral("id"), s.id}, {QStringLiteral("orderNumber"), s.orderNumber},
        {QStringLiteral("kind"), s.refund ? QStringLiteral("refund") : QStringLiteral("sale")},
        {QStringLiteral("items"), s.items}, {QStringLiteral("subtotal"), s.subtotal},
        {QStringLiteral("discountBp"), s.discountBp}, {QStringLiteral("discount"), s.discount},
        {QStringLiteral("total"), s.total}, {QStringLiteral("pointsRedeemed"), s.pointsRedeemed},
        {QStringLiteral("pointsEarned"), s.pointsEarned}, {QStringLiteral("lines"), linesJson(s)},
        {QStringLiteral("payments"), paymentsJson(s)}, {QStringLiteral("createdAt"), isoUtc(s.createdAt)},
        {QStringLiteral("storeId"), s.storeId}, {QStringLiteral("terminalId"), s.terminalId}};
    if (!s.reverses.isEmpty())
        o.insert(QStringLiteral("reverses"), s.reverses);
    if (!s.customerId.isEmpty())
        o.insert(QStringLiteral("customerId"), s.customerId);
    if (!s.customerName.isEmpty())
        o.insert(QStringLiteral("customerName"), s.customerName);
    if (!s.customerPhone.isEmpty())
        o.insert(QStringLiteral("customerPhone"), s.customerPhone);
    return o;
}

} // namespace kasir
