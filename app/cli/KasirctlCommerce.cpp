// kasirctl's commands for the counter and the ledgers: products, sales, refunds, points,
// store credit and membership rules.
#include "app/cli/Kasirctl.h"
#include "core/domain/Clock.h"
#include "core/services/CheckoutService.h"
#include "core/services/LedgerService.h"
#include "core/services/MembershipService.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"

#include <QJsonArray>

namespace kasir {

namespace {

// An integer amount of the currency's minor unit (or points), as typed.
std::optional<qint64> parseInteger(const QString& text)
{
    bool ok = false;
    const qint64 v = text.trimmed().remove(u'_').toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

bool Kasirctl::readInteger(const QCommandLineParser& parser, const QString& flag, const QString& field,
    std::optional<qint64>& out, int& exitCode, bool money)
{
    if (!parser.isSet(flag))
        return true;
    out = parseInteger(parser.value(flag));
    if (!out) {
        exitCode = m_out.fail(Error::invalidField(field, QStringLiteral("not_an_integer"),
            money ? tr("must be a whole number of the currency's minor unit (15000 for Rp 15.000)")
                  : tr("must be a whole number")));
        return false;
    }
    return true;
}

bool Kasirctl::refuseFlags(
    const QCommandLineParser& parser, const QStringList& flags, const QString& unless, int& exitCode)
{
    for (const QString& flag : flags) {
        if (parser.isSet(flag)) {
            exitCode = m_out.failInvalid(flag, tr("--%1 goes only with %2").arg(flag, unless));
            return false;
        }
    }
    return true;
}

int Kasirctl::product(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (verb == u"add" || verb == u"update") {
        for (const char* name : {"sku", "name", "price", "active"})
            p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
        if (!parse(p, args, verb == u"update" ? 1 : 0, QStringLiteral("sku"), code))
            return code;
        ProductService::ProductInput in;
        if (p.isSet(QStringLiteral("sku")))
            in.sku = p.value(QStringLiteral("sku"));
        if (p.isSet(QStringLiteral("name")))
            in.name = p.value(QStringLiteral("name"));
        if (!readInteger(p, QStringLiteral("price"), QStringLiteral("price"), in.price, code))
            return code;
        if (p.isSet(QStringLiteral("active"))) {
            const QString v = p.value(QStringLiteral("active")).trimmed().toLower();
            if (v != u"true" && v != u"false")
                return m_out.failInvalid(QStringLiteral("active"), tr("must be true or false"));
            in.active = v == u"true";
        }
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        ProductService products(*m_db, m_actor);
        auto done = verb == u"add" ? products.add(in) : products.update(p.positionalArguments().constFirst(), in);
        if (!done)
            return m_out.fail(done.error());
        m_out.line(ProductService::toJson(*done));
        return CliOutput::Ok;
    }
    if (verb == u"list") {
        p.addOption(QCommandLineOption(QStringLiteral("all")));
        if (!parse(p, args, 0, QString(), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto list = ProductService(*m_db, m_actor).list(p.isSet(QStringLiteral("all")));
        if (!list)
            return m_out.fail(list.error());
        for (const Product& product : std::as_const(*list))
            m_out.line(ProductService::toJson(product));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(
        QStringLiteral("command"), tr("unknown product command \"%1\"; use add, update or list").arg(verb.left(64)));
}

int Kasirctl::sale(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* name : {"customer", "phone", "name", "item", "pay", "override"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("walk-in")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    const bool walkIn = p.isSet(QStringLiteral("walk-in"));
    if (!walkIn && !refuseFlags(p, {QStringLiteral("name")}, QStringLiteral("--walk-in"), code))
        return code;
    const int who = (walkIn ? 1 : 0) + (p.isSet(QStringLiteral("customer")) ? 1 : 0)
        + (!walkIn && p.isSet(QStringLiteral("phone")) ? 1 : 0);
    if (who != 1)
        return m_out.failInvalid(
            QStringLiteral("customer"), tr("give one of --customer ID, --phone P or --walk-in [--name N] [--phone P]"));
    SaleRequest request;
    QList<FieldError> errors;
    const QStringList items = p.values(QStringLiteral("item"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString sku = items.at(i).section(u':', 0, 0).trimmed();
        const QString quantity = items.at(i).contains(u':') ? items.at(i).section(u':', 1) : QStringLiteral("1");
        const auto n = parseInteger(quantity);
        if (sku.isEmpty() || !n)
            errors.append({QStringLiteral("items[%1]").arg(i), QStringLiteral("invalid_item"),
                tr("write an item as SKU:QUANTITY, e.g. KOPI:2")});
        else
            request.items.append({sku, *n});
    }
    const QStringList pays = p.values(QStringLiteral("pay"));
    for (qsizetype i = 0; i < pays.size(); ++i) {
        const auto method = SaleEnums::parsePayment(pays.at(i).section(u':', 0, 0));
        const auto amount = parseInteger(pays.at(i).section(u':', 1));
        if (!method || !amount || !pays.at(i).contains(u':'))
            errors.append({QStringLiteral("payments[%1]").arg(i), QStringLiteral("invalid_payment"),
                tr("write a payment as METHOD:AMOUNT with METHOD cash, card, mobile_money, store_credit or points, "
                   "e.g. cash:50000")});
        else
            request.payments.append({*method, *amount});
    }
    if (!errors.isEmpty())
        return m_out.fail(Error::invalid(errors));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    CheckoutService checkout(*m_db, m_actor);
    if (walkIn) {
        request.walkInName = p.value(QStringLiteral("name"));
        request.walkInPhone = p.value(QStringLiteral("phone"));
    } else if (p.isSet(QStringLiteral("customer"))) {
        request.customer = p.value(QStringLiteral("customer"));
    } else {
        auto found = checkout.lookup(p.value(QStringLiteral("phone")), 2);
        if (!found)
            return m_out.fail(found.error());
        if (found->isEmpty())
            return m_out.fail(
                Error::notFound(tr("nobody has the phone %1").arg(p.value(QStringLiteral("phone")).left(64))));
        if (found->size() > 1)
            return m_out.fail(Error::invalidField(QStringLiteral("phone"), QStringLiteral("ambiguous"),
                tr("more than one customer's phone ends in these digits; give more of them or --customer")));
        request.customer = found->constFirst().id;
    }
    request.creditLimitOverride = p.value(QStringLiteral("override"));
    auto done = checkout.complete(request);
    if (!done)
        return m_out.fail(done.error());
    m_out.line(CheckoutService::toJson(*done));
    return CliOutput::Ok;
}

int Kasirctl::refund(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("reason"), QString(), QStringLiteral("value")));
    int code = 0;
    if (!parse(p, args, 1, QStringLiteral("order"), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto done = CheckoutService(*m_db, m_actor)
                    .refund(p.positionalArguments().constFirst(), p.value(QStringLiteral("reason")));
    if (!done)
        return m_out.fail(done.error());
    m_out.line(CheckoutService::toJson(*done));
    return CliOutput::Ok;
}

int Kasirctl::points(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* name : {"adjust", "reason", "as-of"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("history")));
    int code = 0;
    // `points expire` expires old points of every customer; `points ID` shows or moves one balance.
    const bool expire = !args.isEmpty() && args.first() == u"expire";
    if (!parse(p, expire ? args.mid(1) : args, expire ? 0 : 1, QStringLiteral("customer"), code))
        return code;
    if (expire)
        return expirePoints(p);
    if (!refuseFlags(p, {QStringLiteral("as-of")}, QStringLiteral("points expire"), code))
        return code;
    std::optional<qint64> adjust;
    if (!readInteger(p, QStringLiteral("adjust"), QStringLiteral("points"), adjust, code, false))
        return code;
    if (p.isSet(QStringLiteral("history"))
        && !refuseFlags(p, {QStringLiteral("adjust")}, tr("a balance, not --history"), code))
        return code;
    if (!adjust && !refuseFlags(p, {QStringLiteral("reason")}, QStringLiteral("--adjust"), code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    LedgerService ledger(*m_db, m_actor);
    const QString ref = p.positionalArguments().constFirst();
    if (adjust) {
        auto entry = ledger.adjustPoints(ref, *adjust, p.value(QStringLiteral("reason")));
        if (!entry)
            return m_out.fail(entry.error());
        m_out.line(LedgerService::toJson(*entry));
        return CliOutput::Ok;
    }
    if (p.isSet(QStringLiteral("history"))) {
        auto history = ledger.pointsHistory(ref);
        if (!history)
            return m_out.fail(history.error());
        for (const PointsEntry& e : std::as_const(*history))
            m_out.line(LedgerService::toJson(e));
        return CliOutput::Ok;
    }
    auto balances = ledger.balances(ref);
    if (!balances)
        return m_out.fail(balances.error());
    m_out.line(QJsonObject {{QStringLiteral("points"), balances->points}});
    return CliOutput::Ok;
}

int Kasirctl::expirePoints(const QCommandLineParser& p)
{
    int code = 0;
    if (!refuseFlags(p, {QStringLiteral("adjust"), QStringLiteral("reason"), QStringLiteral("history")},
            QStringLiteral("points ID|CODE"), code))
        return code;
    std::optional<qint64> asOf;
    if (p.isSet(QStringLiteral("as-of"))) {
        asOf = parseTime(p.value(QStringLiteral("as-of")), false);
        if (!asOf)
            return m_out.fail(Error::invalidField(QStringLiteral("asOf"), QStringLiteral("invalid_date"),
                tr("must be a date (YYYY-MM-DD) or an ISO 8601 date-time")));
    }
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto done = LedgerService(*m_db, m_actor).expirePoints(asOf.value_or(m_db->clock().nowMs()));
    if (!done)
        return m_out.fail(done.error());
    m_out.line(QJsonObject {{QStringLiteral("customers"), QJsonValue(done->customers)},
        {QStringLiteral("points"), QJsonValue(done->points)}});
    return CliOutput::Ok;
}

int Kasirctl::credit(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* name : {"add", "debit", "reason", "reference", "kind", "override", "limit"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    int code = 0;
    // `credit history ID` lists the entries; `credit ID` shows the balance or moves it.
    const bool history = !args.isEmpty() && args.first() == u"history";
    if (!parse(p, history ? args.mid(1) : args, 1, QStringLiteral("customer"), code))
        return code;
    std::optional<qint64> add;
    std::optional<qint64> debit;
    std::optional<qint64> limit;
    if (!readInteger(p, QStringLiteral("add"), QStringLiteral("amount"), add, code)
        || !readInteger(p, QStringLiteral("debit"), QStringLiteral("amount"), debit, code)
        || !readInteger(p, QStringLiteral("limit"), QStringLiteral("creditLimit"), limit, code))
        return code;
    if ((add ? 1 : 0) + (debit ? 1 : 0) + (limit ? 1 : 0) > 1 || (history && (add || debit || limit)))
        return m_out.failInvalid(QStringLiteral("amount"), tr("give one of --add, --debit or --limit"));
    if ((!add && !refuseFlags(p, {QStringLiteral("kind")}, QStringLiteral("--add"), code))
        || (!debit && !refuseFlags(p, {QStringLiteral("override")}, QStringLiteral("--debit"), code))
        || (!add && !debit
            && !refuseFlags(
                p, {QStringLiteral("reason"), QStringLiteral("reference")}, QStringLiteral("--add or --debit"), code)))
        return code;
    CreditKind kind = CreditKind::Credit;
    if (p.isSet(QStringLiteral("kind"))) {
        auto k = LedgerEnums::parseCredit(p.value(QStringLiteral("kind")));
        if (!k)
            return m_out.failInvalid(QStringLiteral("kind"), tr("must be credit, repayment, carry_over or adjustment"));
        kind = *k;
    }
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    LedgerService ledger(*m_db, m_actor);
    const QString ref = p.positionalArguments().constFirst();
    if (history) {
        auto entries = ledger.creditHistory(ref);
        if (!entries)
            return m_out.fail(entries.error());
        for (const CreditEntry& e : std::as_const(*entries))
            m_out.line(LedgerService::toJson(e));
        return CliOutput::Ok;
    }
    if (add || debit) {
        auto entry = add
            ? ledger.addCredit(ref, *add, kind, p.value(QStringLiteral("reason")), p.value(QStringLiteral("reference")))
            : ledger.debitCredit(ref, *debit, p.value(QStringLiteral("reason")), p.value(QStringLiteral("reference")),
                p.value(QStringLiteral("override")));
        if (!entry)
            return m_out.fail(entry.error());
        m_out.line(LedgerService::toJson(*entry));
        return CliOutput::Ok;
    }
    if (limit) {
        auto set = ledger.setCreditLimit(ref, *limit);
        if (!set)
            return m_out.fail(set.error());
        m_out.line(QJsonObject {{QStringLiteral("creditLimit"), *set}});
        return CliOutput::Ok;
    }
    auto balances = ledger.balances(ref);
    if (!balances)
        return m_out.fail(balances.error());
    m_out.line(QJsonObject {{QStringLiteral("credit"), balances->credit}});
    return CliOutput::Ok;
}

int Kasirctl::rules(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    // Flags are the rules' JSON keys in kebab-case: --silver-from 2000000 --tiers-can-drop true.
    const QStringList keys = MembershipService::toJson(MembershipRules::defaults()).keys();
    auto flagOf = [](const QString& key) {
        QString flag;
        for (QChar c : key) {
            if (c.isUpper())
                flag += u'-' + c.toLower();
            else
                flag += c;
        }
        return flag;
    };
    if (verb == u"set") {
        for (const QString& key : keys)
            p.addOption(QCommandLineOption(flagOf(key), QString(), QStringLiteral("value")));
    }
    if ((verb != u"show" && verb != u"set") || !parse(p, args, 0, QString(), code))
        return code ? code
                    : m_out.failInvalid(QStringLiteral("command"),
                        tr("unknown rules command \"%1\"; use show or set").arg(verb.left(64)));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    MembershipService service(*m_db, m_actor);
    auto current = service.rules();
    if (!current)
        return m_out.fail(current.error());
    if (verb == u"show") {
        m_out.line(MembershipService::toJson(*current));
        return CliOutput::Ok;
    }
    QJsonObject changes;
    const QJsonObject shape = MembershipService::toJson(*current);
    for (const QString& key : keys) {
        if (!p.isSet(flagOf(key)))
            continue;
        const QString text = p.value(flagOf(key)).trimmed();
        if (shape.value(key).isBool()) {
            if (text != u"true" && text != u"false")
                return m_out.failInvalid(key, tr("must be true or false"));
            changes.insert(key, text == u"true");
        } else if (auto n = parseInteger(text)) {
            changes.insert(key, static_cast<double>(*n));
        } else {
            return m_out.fail(Error::invalidField(key, QStringLiteral("not_an_integer"), tr("must be a whole number")));
        }
    }
    if (changes.isEmpty())
        return m_out.failInvalid(
            QStringLiteral("rules"), tr("name at least one rule to change, e.g. --gold-from 5000000"));
    auto next = MembershipService::fromJson(changes, *current);
    if (!next)
        return m_out.fail(next.error());
    auto saved = service.setRules(*next);
    if (!saved)
        return m_out.fail(saved.error());
    QJsonObject out = MembershipService::toJson(saved->rules);
    out.insert(QStringLiteral("customersMoved"), saved->customersMoved);
    m_out.line(out);
    return CliOutput::Ok;
}

} // namespace kasir
