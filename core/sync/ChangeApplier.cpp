#include "core/sync/ChangeApplier.h"

#include "core/domain/Clock.h"
#include "core/domain/Customer.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Membership.h"
#include "core/domain/Sale.h"
#include "core/domain/TextFold.h"
#include "core/services/TagService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/DashboardRepository.h"
#include "core/storage/Database.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/MembershipRepository.h"
#include "core/storage/MetricsRepository.h"
#include "core/storage/SaleRepository.h"
#include "core/storage/SyncStateRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcApply, "kasir.sync.apply")

namespace kasir {

namespace {

// How a field's JSON value (as the snapshots write it) is stored in its column.
enum class Codec
{
    Text, // NOT NULL text: absent is ''
    TextOrNull, // absent is NULL
    Integer,
    Bool, // JSON true/false, stored 1/0
    Time, // ISO 8601 text, stored as epoch ms
    TimeOrNull,
};

struct Column
{
    QString field;
    QString column;
    Codec codec = Codec::Text;
    bool required = false; // NOT NULL without a default: a new row needs it
};

enum class Shape
{
    Mutable, // merged per field
    Fact, // inserted once, never changed
    AuditOnly, // a fact that is only an audit row (a customer's data export)
    Customer,
    Sale,
};

enum class Refresh
{
    None,
    Purchases,
    Ledger,
};

// Where an entity's ops go.
struct Spec
{
    QString entity;
    QString table;
    Shape shape = Shape::Mutable;
    QStringList keyColumns {QStringLiteral("id")}; // two: the entity id is "a:b"
    QList<Column> columns;
    // Fields the ops carry that no column stores (the tag's name on a tagging, the key again).
    QStringList ignored;
    bool companyColumn = true; // company_id, from the op
    // Columns the ops do not carry, filled from the op's time and author: the created ones
    // when the row is made, the updated ones when the op is the row's newest.
    QString createdAt;
    QString createdBy;
    QString updatedAt;
    QString updatedBy;
    bool keyIsCustomer = false;
    Refresh refresh = Refresh::None;
    QString selectSql; // the stored columns of one row, by key

    const Column* find(QStringView field) const
    {
        for (const Column& c : columns) {
            if (c.field == field)
                return &c;
        }
        return nullptr;
    }
    QString keyWhere() const
    {
        QStringList parts;
        for (const QString& k : keyColumns)
            parts << k + QStringLiteral(" = ?");
        return parts.join(QStringLiteral(" AND "));
    }
};

Spec named(const char* entity, const char* table)
{
    Spec s;
    s.entity = QString::fromLatin1(entity);
    s.table = QString::fromLatin1(table);
    return s;
}

Column col(const char* field, const char* column, Codec codec, bool required = false)
{
    return Column {QString::fromLatin1(field), QString::fromLatin1(column), codec, required};
}

QHash<QString, Spec> buildSpecs()
{
    using C = Codec;
    QHash<QString, Spec> out;
    const auto add = [&](Spec s) {
        QStringList names;
        for (const Column& c : s.columns)
            names << c.column;
        if (!names.isEmpty())
            s.selectSql = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(names.join(u", "), s.table, s.keyWhere());
        out.insert(s.entity, std::move(s));
    };
    const QString createdAt = QStringLiteral("created_at");
    const QString createdBy = QStringLiteral("created_by");
    const QString updatedAt = QStringLiteral("updated_at");
    const QString updatedBy = QStringLiteral("updated_by");

    Spec company = named("company", "company");
    company.columns = {col("name", "name", C::Text, true), col("defaultRegion", "default_region", C::Text),
        col("currency", "currency", C::Text)};
    company.companyColumn = false;
    company.createdAt = createdAt;
    company.updatedAt = updatedAt;
    add(company);

    Spec store = named("store", "store");
    store.columns = {col("code", "code", C::Text, true), col("name", "name", C::Text, true)};
    store.createdAt = createdAt;
    add(store);

    Spec terminal = named("terminal", "terminal");
    terminal.columns = {col("storeId", "store_id", C::Text, true), col("code", "code", C::Text, true),
        col("name", "name", C::Text, true), col("siteId", "site_id", C::Integer, true)};
    terminal.companyColumn = false;
    terminal.createdAt = createdAt;
    add(terminal);

    Spec user = named("user", "app_user");
    user.columns = {col("username", "username", C::Text, true), col("displayName", "display_name", C::Text, true),
        col("role", "role", C::Text, true), col("passwordHash", "password_hash", C::Text, true),
        col("active", "active", C::Bool)};
    user.createdAt = createdAt;
    user.updatedAt = updatedAt;
    add(user);

    Spec note = named("customer_note", "customer_note");
    note.columns = {col("customerId", "customer_id", C::Text, true), col("kind", "kind", C::Text, true),
        col("body", "body", C::Text, true), col("createdAt", "created_at", C::Time, true),
        col("createdBy", "created_by", C::TextOrNull), col("deletedAt", "deleted_at", C::TimeOrNull),
        col("deletedBy", "deleted_by", C::TextOrNull)};
    add(note);

    Spec tag = named("tag", "tag");
    tag.columns = {col("name", "name", C::Text, true), col("color", "color", C::Text, true),
        col("createdAt", "created_at", C::Time, true), col("createdBy", "created_by", C::TextOrNull)};
    add(tag);

    Spec tagging = named("customer_tag", "customer_tag");
    tagging.keyColumns = {QStringLiteral("customer_id"), QStringLiteral("tag_id")};
    tagging.columns = {col("createdAt", "created_at", C::Time, true), col("createdBy", "created_by", C::TextOrNull)};
    tagging.ignored = {QStringLiteral("customerId"), QStringLiteral("tagId"), QStringLiteral("tagName")};
    add(tagging);

    Spec contact = named("customer_contact", "customer_contact");
    contact.columns = {col("customerId", "customer_id", C::Text, true), col("kind", "kind", C::Text, true),
        col("value", "value", C::Text, true), col("label", "label", C::Text), col("primary", "is_primary", C::Bool),
        col("createdAt", "created_at", C::Time, true), col("updatedAt", "updated_at", C::Time, true)};
    contact.createdBy = createdBy;
    contact.updatedBy = updatedBy;
    add(contact);

    Spec preference = named("customer_preference", "customer_preference");
    preference.keyColumns = {QStringLiteral("customer_id")};
    preference.columns = {col("preferredPayment", "preferred_payment", C::Text),
        col("bestContactTime", "best_contact_time", C::Text), col("canReceiveOffers", "can_receive_offers", C::Bool),
        col("canReceiveLoyalty", "can_receive_loyalty", C::Bool)};
    preference.ignored = {QStringLiteral("customerId")};
    preference.updatedAt = updatedAt;
    preference.updatedBy = updatedBy;
    preference.keyIsCustomer = true;
    add(preference);

    Spec limit = named("credit_limit", "credit_limit");
    limit.keyColumns = {QStringLiteral("customer_id")};
    limit.columns = {col("maxDebt", "max_debt", C::Integer, true)};
    limit.updatedAt = updatedAt;
    limit.updatedBy = updatedBy;
    limit.keyIsCustomer = true;
    add(limit);

    // A company's first change of its rules is made against the defaults, which have no row:
    // the row is made from MembershipRules' defaults before the op is merged into it.
    Spec rules = named("membership_rules", "membership_rules");
    rules.keyColumns = {QStringLiteral("company_id")};
    rules.companyColumn = false;
    rules.columns = {col("silverFrom", "silver_from", C::Integer), col("goldFrom", "gold_from", C::Integer),
        col("platinumFrom", "platinum_from", C::Integer), col("bronzeDiscount", "bronze_discount_bp", C::Integer),
        col("silverDiscount", "silver_discount_bp", C::Integer), col("goldDiscount", "gold_discount_bp", C::Integer),
        col("platinumDiscount", "platinum_discount_bp", C::Integer),
        col("spendPerPoint", "spend_per_point", C::Integer), col("pointValue", "point_value", C::Integer),
        col("memberFrom", "member_from", C::Integer), col("tiersCanDrop", "tiers_can_drop", C::Bool),
        col("pointsExpireDays", "points_expire_days", C::Integer), col("updatedAt", "updated_at", C::Time),
        col("updatedBy", "updated_by", C::TextOrNull)};
    add(rules);

    Spec product = named("product", "product");
    product.columns = {col("sku", "sku", C::Text, true), col("name", "name", C::Text, true),
        col("price", "price", C::Integer, true), col("active", "active", C::Bool),
        col("createdAt", "created_at", C::Time, true), col("updatedAt", "updated_at", C::Time, true)};
    add(product);

    Spec customer = named("customer", "customer");
    customer.shape = Shape::Customer;
    customer.keyIsCustomer = true;
    add(customer);

    Spec sale = named("sale", "sale");
    sale.shape = Shape::Sale;
    sale.refresh = Refresh::Purchases;
    add(sale);

    Spec link = named("sale_link", "sale_link");
    link.shape = Shape::Fact;
    link.keyColumns = {QStringLiteral("sale_id")};
    link.columns = {col("customerId", "customer_id", C::Text, true), col("createdAt", "created_at", C::Time, true),
        col("createdBy", "created_by", C::TextOrNull)};
    link.ignored = {QStringLiteral("saleId"), QStringLiteral("orderNumber")};
    link.refresh = Refresh::Purchases;
    add(link);

    Spec points = named("points_entry", "points_entry");
    points.shape = Shape::Fact;
    points.columns = {col("customerId", "customer_id", C::Text, true), col("kind", "kind", C::Text, true),
        col("points", "points", C::Integer, true), col("balanceAfter", "balance_after", C::Integer, true),
        col("reason", "reason", C::Text), col("saleId", "sale_id", C::TextOrNull),
        col("createdAt", "created_at", C::Time, true), col("createdBy", "created_by", C::TextOrNull)};
    points.ignored = {QStringLiteral("companyId")};
    points.refresh = Refresh::Ledger;
    add(points);

    Spec credit = named("credit_entry", "credit_entry");
    credit.shape = Shape::Fact;
    credit.columns = {col("customerId", "customer_id", C::Text, true), col("kind", "kind", C::Text, true),
        col("amount", "amount", C::Integer, true), col("balanceBefore", "balance_before", C::Integer, true),
        col("balanceAfter", "balance_after", C::Integer, true), col("reason", "reason", C::Text),
        col("reference", "reference", C::Text), col("saleId", "sale_id", C::TextOrNull),
        col("limitOverride", "limit_override", C::TextOrNull), col("createdAt", "created_at", C::Time, true),
        col("createdBy", "created_by", C::TextOrNull)};
    credit.ignored = {QStringLiteral("companyId")};
    credit.refresh = Refresh::Ledger;
    add(credit);

    Spec tier = named("tier_history", "tier_history");
    tier.shape = Shape::Fact;
    tier.columns = {col("customerId", "customer_id", C::Text, true), col("fromLevel", "from_level", C::Text, true),
        col("toLevel", "to_level", C::Text, true), col("fromType", "from_type", C::Text, true),
        col("toType", "to_type", C::Text, true), col("reason", "reason", C::Text, true),
        col("saleId", "sale_id", C::TextOrNull)};
    tier.createdAt = createdAt;
    tier.createdBy = createdBy;
    add(tier);

    Spec erasure = named("customer_erasure", "customer_erasure");
    erasure.shape = Shape::Fact;
    erasure.keyColumns = {QStringLiteral("customer_id")};
    erasure.columns = {col("kind", "kind", C::Text, true), col("reason", "reason", C::Text),
        col("createdAt", "created_at", C::Time, true), col("createdBy", "created_by", C::TextOrNull)};
    erasure.ignored = {QStringLiteral("customerId")};
    erasure.keyIsCustomer = true;
    add(erasure);

    Spec saleErasure = named("sale_erasure", "sale_erasure");
    saleErasure.shape = Shape::Fact;
    saleErasure.keyColumns = {QStringLiteral("sale_id")};
    saleErasure.columns = {col("customerId", "customer_id", C::Text, true),
        col("createdAt", "created_at", C::Time, true), col("createdBy", "created_by", C::TextOrNull)};
    saleErasure.ignored = {QStringLiteral("saleId"), QStringLiteral("orderNumber")};
    add(saleErasure);

    Spec exported = named("customer_export", "");
    exported.shape = Shape::AuditOnly;
    add(exported);

    return out;
}

const QHash<QString, Spec>& specs()
{
    static const QHash<QString, Spec> all = buildSpecs();
    return all;
}

// Fields that say who made a row and when rather than what it holds: they follow the op
// only when it is the row's newest, and the audit row leaves them out (it has its own).
bool isBookkeeping(QStringView field)
{
    return field == u"createdAt" || field == u"createdBy" || field == u"updatedAt" || field == u"updatedBy"
        || field == u"id";
}

// The audit text of an op that makes its row: every field but the bookkeeping ones, each
// [null, value], as FieldSnapshot::auditJson({}, after, fields) writes it with `after`
// holding the op's fields. Written straight from the op (its fields come sorted by name)
// rather than through a snapshot: an initial sync writes one for every customer.
QString createdAuditJson(const QJsonObject& fields)
{
    QString out;
    out.reserve(48 * fields.size());
    out += QLatin1Char('{');
    QString last;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString name = it.key();
        if (isBookkeeping(name))
            continue;
        if (!last.isEmpty() && !(last < name)) {
            // Not in QString's order after all: the general way.
            FieldSnapshot after;
            QStringList audited;
            for (auto f = fields.constBegin(); f != fields.constEnd(); ++f) {
                after.set(f.key(), f.value());
                if (!isBookkeeping(f.key()))
                    audited << f.key();
            }
            audited.sort();
            return FieldSnapshot::auditJson({}, after, audited);
        }
        if (out.size() > 1)
            out += QLatin1Char(',');
        FieldSnapshot::appendString(out, name);
        out += QLatin1String(":[null,");
        const QJsonValue v = it.value();
        switch (v.type()) {
        case QJsonValue::Bool:
            out += v.toBool() ? QLatin1String("true") : QLatin1String("false");
            break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            if (std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9.0e15)
                out += QString::number(static_cast<qint64>(d));
            else if (std::isfinite(d))
                out += QString::number(d, 'g', 17);
            else
                out += QLatin1String("null");
            break;
        }
        case QJsonValue::String: {
            const QString text = v.toString();
            if (text.isEmpty())
                out += QLatin1String("null");
            else
                FieldSnapshot::appendString(out, text);
            break;
        }
        default:
            out += QLatin1String("null");
            break;
        }
        out += QLatin1Char(']');
        last = name;
    }
    out += QLatin1Char('}');
    return out;
}

bool isAbsent(const QJsonValue& v)
{
    return v.isNull() || v.isUndefined();
}

std::optional<qint64> parseTime(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<qint64> parseInteger(const QJsonValue& v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::trunc(d) || std::abs(d) > 9007199254740991.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

// The column value of a field's JSON value; nullopt when it has the wrong type or form.
std::optional<QVariant> decode(Codec codec, const QJsonValue& v)
{
    const bool none = isAbsent(v);
    switch (codec) {
    case Codec::Text:
        if (none)
            return Sql::text(QString());
        if (!v.isString())
            return std::nullopt;
        return Sql::text(v.toString());
    case Codec::TextOrNull:
        if (none)
            return QVariant();
        if (!v.isString())
            return std::nullopt;
        return Sql::textOrNull(v.toString());
    case Codec::Integer:
        if (none)
            return QVariant();
        if (auto i = parseInteger(v))
            return QVariant(*i);
        return std::nullopt;
    case Codec::Bool:
        if (none)
            return QVariant(0);
        if (!v.isBool())
            return std::nullopt;
        return QVariant(v.toBool() ? 1 : 0);
    case Codec::Time:
    case Codec::TimeOrNull:
        if (none)
            return QVariant();
        if (auto t = parseTime(v))
            return QVariant(*t);
        return std::nullopt;
    }
    return std::nullopt;
}

// A stored value as the snapshots write it, for the audit row's "before".
QJsonValue encode(Codec codec, const QVariant& v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (codec) {
    case Codec::Text:
    case Codec::TextOrNull: {
        const QString s = v.toString();
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    }
    case Codec::Integer:
        return QJsonValue(v.toLongLong());
    case Codec::Bool:
        return QJsonValue(v.toLongLong() != 0);
    case Codec::Time:
    case Codec::TimeOrNull:
        return QJsonValue(isoUtc(v.toLongLong()));
    }
    return QJsonValue(QJsonValue::Null);
}

enum class FieldSet
{
    Done,
    Unknown,
    Malformed,
};

// One field of a customer op into the customer, as CustomerJson::snapshot writes it.
FieldSet setCustomerField(Customer& c, QStringView field, const QJsonValue& v)
{
    const bool none = isAbsent(v);
    const auto text = [&](QString& target) {
        if (none) {
            target.clear();
            return FieldSet::Done;
        }
        if (!v.isString())
            return FieldSet::Malformed;
        target = v.toString();
        return FieldSet::Done;
    };
    const auto flag = [&](bool& target) {
        if (!v.isBool())
            return FieldSet::Malformed;
        target = v.toBool();
        return FieldSet::Done;
    };
    const auto time = [&](qint64& target) {
        const auto t = parseTime(v);
        if (!t)
            return FieldSet::Malformed;
        target = *t;
        return FieldSet::Done;
    };
    const auto choice = [&](auto& target, auto parse, auto fallback) {
        if (none) {
            target = fallback;
            return FieldSet::Done;
        }
        if (!v.isString())
            return FieldSet::Malformed;
        const auto parsed = parse(v.toString());
        if (!parsed)
            return FieldSet::Malformed;
        target = *parsed;
        return FieldSet::Done;
    };
    if (field == u"id")
        return FieldSet::Done;
    if (field == u"name")
        return text(c.name);
    if (field == u"code")
        return text(c.code);
    if (field == u"phone")
        return text(c.phone);
    if (field == u"whatsapp")
        return text(c.whatsapp);
    if (field == u"email")
        return text(c.email);
    if (field == u"address")
        return text(c.address);
    if (field == u"city")
        return text(c.city);
    if (field == u"province")
        return text(c.province);
    if (field == u"postalCode")
        return text(c.postalCode);
    if (field == u"notes")
        return text(c.notes);
    if (field == u"createdBy")
        return text(c.createdBy);
    if (field == u"updatedBy")
        return text(c.updatedBy);
    if (field == u"createdAt")
        return time(c.createdAt);
    if (field == u"updatedAt")
        return time(c.updatedAt);
    if (field == u"doNotContact")
        return flag(c.doNotContact);
    if (field == u"preferCall")
        return flag(c.preferCall);
    if (field == u"preferEmail")
        return flag(c.preferEmail);
    if (field == u"preferSms")
        return flag(c.preferSms);
    if (field == u"preferWhatsapp")
        return flag(c.preferWhatsapp);
    if (field == u"type")
        return choice(c.type, CustomerEnums::parseType, CustomerType::WalkIn);
    if (field == u"status")
        return choice(c.status, CustomerEnums::parseStatus, CustomerStatus::Active);
    if (field == u"level")
        return choice(c.level, CustomerEnums::parseLevel, MembershipLevel::Bronze);
    if (field == u"gender")
        return choice(c.gender, CustomerEnums::parseGender, Gender::Unspecified);
    if (field == u"discountOverride")
        return choice(c.discountOverrideBp, Percent::parseBasisPoints, std::optional<int>());
    if (field == u"birthDate") {
        if (none) {
            c.birthDate = QDate();
            return FieldSet::Done;
        }
        const QDate d = v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
        if (!d.isValid())
            return FieldSet::Malformed;
        c.birthDate = d;
        return FieldSet::Done;
    }
    return FieldSet::Unknown;
}

// The audit clocks of one row: the newest stamp of each field, and of the row.
struct Clocks
{
    bool any = false; // the row has audit rows here (made, changed or deleted)
    Hlc row;
    QHash<QString, Hlc> fields;
};

const QRegularExpression& customerCodePattern()
{
    static const QRegularExpression re(QStringLiteral("^C-(\\d{6,15})$"));
    return re;
}

// One call's work: caches and the customers whose derived figures must be made again.
class Applier
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ChangeApplier)

public:
    Applier(Database& db, UnitOfWork& uow, ChangeApplier::Options options)
        : m_db(db), m_uow(uow), m_customers(db), m_options(options)
    {
        bool first = false;
        bool size = false;
        const qint64 start = db.localState(QStringLiteral("sync.code_block_start")).toLongLong(&first);
        const qint64 length = db.localState(QStringLiteral("sync.code_block_size")).toLongLong(&size);
        if (first && size && length > 0)
            m_codeBlock = std::pair {start, start + length};
    }

    // Learns, in one query, which customers of the call's ops the audit log knows here.
    Status survey(const QList<SyncOp>& ops);
    Status apply(const SyncOp& op);
    Status finish();

private:
    Error opError(const SyncOp& op, const QString& field, const QString& code, const QString& problem) const
    {
        return Error::invalidField(
            field, code, tr("sync op %1 (%2 %3) cannot be applied: %4").arg(op.id, op.entity, op.entityId, problem));
    }
    Error malformed(const SyncOp& op, const QString& field) const
    {
        return opError(op, field, QStringLiteral("invalid_sync_field"), tr("field %1 has a wrong value").arg(field));
    }

    Result<Clocks> clocksOf(const SyncOp& op);
    // Audit rows are written rowsPerStatement to a statement, and before a row of theirs is read.
    Status audit(const SyncOp& op, const QString& changes, const QString& customerId);
    Status flushAudit();
    Status flushAuditOf(const SyncOp& op);
    QString actorName(const QString& userId);
    void refresh(Refresh what, const QString& companyId, const QString& customerId);
    Result<QStringList> keysOf(const Spec& spec, const SyncOp& op) const;

    Status applyMutable(const Spec& spec, const SyncOp& op);
    Status applyFact(const Spec& spec, const SyncOp& op);
    Status applyAuditOnly(const SyncOp& op);
    Status applyCustomer(const SyncOp& op);
    Status applySale(const SyncOp& op);
    // Writes a pulled customer; a phone, email or code that another customer holds goes
    // to the smaller id, the other's is recorded in customer_duplicate.
    Status writeCustomer(Customer& c, bool exists);
    Result<bool> resolveDuplicates(Customer& c);
    // An initial sync is nearly all registrations of customers this terminal has never seen:
    // those are queued and written rowsPerStatement to a statement, with the dashboard's
    // triggers paused and its totals counted once. Any other op first writes the queue, so
    // that it finds those customers as if each op had been applied alone.
    bool isNewCustomer(const SyncOp& op) const;
    Status queueNewCustomer(const SyncOp& op);
    Status writeNewCustomers();
    struct NewCustomer;
    Status insertNewCustomers(const QList<Customer>& customers, const QList<NewCustomer>& ops);
    // Which of the customers hold a phone, email or code of a customer here or of one before
    // them in the list.
    Result<QList<bool>> collisions(const QList<Customer>& customers);
    void noteCode(const Customer& c);

    Database& m_db;
    UnitOfWork& m_uow;
    CustomerRepository m_customers;
    ChangeApplier::Options m_options;
    QHash<QString, QString> m_actorNames;
    QList<std::pair<QString, QString>> m_purchases; // (company, customer), in order of arrival
    QList<std::pair<QString, QString>> m_ledgers;
    QSet<QString> m_purchaseSet;
    QSet<QString> m_ledgerSet;
    QHash<QString, qint64> m_codeNumbers; // company -> the largest pulled customer code number
    // The customer numbers [first, second) this terminal hands out, when its server gave it a block.
    std::optional<std::pair<qint64, qint64>> m_codeBlock;
    struct PendingAudit
    {
        const SyncOp* op; // the caller's, alive for the whole call
        QString changes;
        QString customerId;
    };
    QList<PendingAudit> m_pendingAudit;
    QSet<QString> m_pendingKeys;
    QSet<QString> m_knownCustomers; // customers of this call's ops with audit rows before it
    QSet<QString> m_customerOps; // customers an earlier op of this call was about
    struct NewCustomer
    {
        const SyncOp* op;
        QString changes;
    };
    QList<Customer> m_newCustomers;
    QList<NewCustomer> m_newCustomerOps;
};

Result<Clocks> Applier::clocksOf(const SyncOp& op)
{
    if (Status s = flushAuditOf(op); !s)
        return s.error();
    QSqlQuery& q
        = m_uow.prepared(QStringLiteral("SELECT hlc, changes FROM audit_log WHERE entity = ? AND entity_id = ?"));
    q.bindValue(0, op.entity);
    q.bindValue(1, op.entityId);
    if (!q.exec())
        return Sql::errorOf(q);
    Clocks c;
    while (q.next()) {
        c.any = true;
        const Hlc stamp = Hlc::fromString(q.value(0).toString());
        if (stamp > c.row)
            c.row = stamp;
        const QJsonObject changes = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            Hlc& field = c.fields[it.key()];
            if (stamp > field)
                field = stamp;
        }
    }
    q.finish();
    return c;
}

QString Applier::actorName(const QString& userId)
{
    if (userId.isEmpty())
        return {};
    auto it = m_actorNames.constFind(userId);
    if (it != m_actorNames.constEnd())
        return *it;
    QSqlQuery& q = m_uow.prepared(QStringLiteral("SELECT username FROM app_user WHERE id = ?"));
    q.bindValue(0, userId);
    QString name;
    if (q.exec() && q.next())
        name = q.value(0).toString();
    q.finish();
    m_actorNames.insert(userId, name);
    return name;
}

Status Applier::audit(const SyncOp& op, const QString& changes, const QString& customerId)
{
    m_pendingKeys.insert(op.entity + u'\x1f' + op.entityId);
    m_pendingAudit.append({&op, changes, customerId});
    if (m_pendingAudit.size() == UnitOfWork::rowsPerStatement)
        return flushAudit();
    return Done {};
}

Status Applier::flushAudit()
{
    if (m_pendingAudit.isEmpty())
        return Done {};
    static constexpr const char* head = "INSERT INTO audit_log (at, hlc, company_id, actor_id, actor_name, entity, "
                                        "entity_id, action, changes, customer_id)";
    static const QString full = Sql::multiRowInsert(head, 10, UnitOfWork::rowsPerStatement);
    const auto rows = static_cast<int>(m_pendingAudit.size());
    QSqlQuery& q = m_uow.prepared(rows == UnitOfWork::rowsPerStatement ? full : Sql::multiRowInsert(head, 10, rows));
    int i = 0;
    for (const PendingAudit& a : std::as_const(m_pendingAudit)) {
        const SyncOp& op = *a.op;
        q.bindValue(i++, op.createdAt);
        q.bindValue(i++, op.hlc.toString());
        q.bindValue(i++, Sql::textOrNull(op.companyId));
        q.bindValue(i++, Sql::textOrNull(op.actorId));
        q.bindValue(i++, Sql::textOrNull(actorName(op.actorId)));
        q.bindValue(i++, op.entity);
        q.bindValue(i++, op.entityId);
        q.bindValue(i++, op.action.isEmpty() ? QStringLiteral("update") : op.action);
        q.bindValue(i++, a.changes);
        q.bindValue(i++, Sql::textOrNull(a.customerId));
    }
    m_pendingAudit.clear();
    m_pendingKeys.clear();
    return Sql::exec(q);
}

Status Applier::flushAuditOf(const SyncOp& op)
{
    // The audit log is the clock: a row read for it must hold this page's earlier changes.
    if (m_pendingKeys.contains(op.entity + u'\x1f' + op.entityId))
        return flushAudit();
    return Done {};
}

void Applier::refresh(Refresh what, const QString& companyId, const QString& customerId)
{
    if (customerId.isEmpty() || what == Refresh::None)
        return;
    auto& set = what == Refresh::Purchases ? m_purchaseSet : m_ledgerSet;
    auto& list = what == Refresh::Purchases ? m_purchases : m_ledgers;
    if (!set.contains(customerId)) {
        set.insert(customerId);
        list.append({companyId, customerId});
    }
}

Result<QStringList> Applier::keysOf(const Spec& spec, const SyncOp& op) const
{
    if (spec.keyColumns.size() == 1)
        return QStringList {op.entityId};
    const QStringList parts = op.entityId.split(u':');
    if (parts.size() != spec.keyColumns.size() || parts.contains(QString()))
        return opError(op, QStringLiteral("key"), QStringLiteral("invalid_sync_key"),
            tr("the key must be %1 parts joined by ':'").arg(spec.keyColumns.size()));
    return parts;
}

Status Applier::apply(const SyncOp& op)
{
    m_uow.observe(op.hlc);
    if (op.hlc.siteId == m_db.hlc().siteId())
        return Done {}; // made here: already applied
    const auto found = specs().constFind(op.entity);
    if (found == specs().constEnd())
        return opError(
            op, QStringLiteral("entity"), QStringLiteral("unknown_entity"), tr("unknown entity %1").arg(op.entity));
    const Spec& spec = *found;
    if (spec.shape == Shape::Customer) {
        const bool isNew = isNewCustomer(op);
        m_customerOps.insert(op.entityId);
        if (isNew)
            return queueNewCustomer(op);
    }
    if (Status s = writeNewCustomers(); !s)
        return s;
    switch (spec.shape) {
    case Shape::Mutable:
        return applyMutable(spec, op);
    case Shape::Fact:
        return applyFact(spec, op);
    case Shape::AuditOnly:
        return applyAuditOnly(op);
    case Shape::Customer:
        return applyCustomer(op);
    case Shape::Sale:
        return applySale(op);
    }
    return Done {};
}

Status Applier::applyMutable(const Spec& spec, const SyncOp& op)
{
    auto keys = keysOf(spec, op);
    if (!keys)
        return keys.error();
    // Every field is checked before anything is written, so that a bad op names its field.
    QList<std::pair<const Column*, QVariant>> values;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        if (it.key() == u"id" || spec.ignored.contains(it.key()))
            continue;
        const Column* c = spec.find(it.key());
        if (!c)
            return opError(op, it.key(), QStringLiteral("unknown_sync_field"), tr("unknown field %1").arg(it.key()));
        auto v = decode(c->codec, it.value());
        if (!v)
            return malformed(op, it.key());
        values.append({c, *v});
    }
    auto clocks = clocksOf(op);
    if (!clocks)
        return clocks.error();

    const auto readRow = [&]() -> Result<std::optional<QVariantList>> {
        QSqlQuery& q = m_uow.prepared(spec.selectSql);
        for (int i = 0; i < keys->size(); ++i)
            q.bindValue(i, keys->at(i));
        if (!q.exec())
            return Sql::errorOf(q);
        std::optional<QVariantList> row;
        if (q.next()) {
            row.emplace();
            for (int i = 0; i < spec.columns.size(); ++i)
                row->append(q.value(i));
        }
        q.finish();
        return row;
    };
    auto row = readRow();
    if (!row)
        return row.error();
    if (!row->has_value() && op.kind == SyncOp::Kind::Upsert && spec.entity == u"membership_rules") {
        MembershipRules defaults;
        if (Status s = MembershipRepository(m_db).saveRules(m_uow, op.entityId, defaults); !s)
            return s;
        row = readRow();
        if (!row)
            return row.error();
    }
    const bool newestOfRow = !clocks->any || op.hlc > clocks->row;
    FieldSnapshot before;
    if (row->has_value()) {
        for (int i = 0; i < spec.columns.size(); ++i)
            before.set(spec.columns.at(i).field, encode(spec.columns.at(i).codec, (**row).at(i)));
    }
    const auto customerOf = [&]() -> QString {
        if (spec.keyIsCustomer || spec.keyColumns.size() == 2)
            return keys->constFirst();
        if (const QJsonValue v = op.fields.value(QStringLiteral("customerId")); v.isString())
            return v.toString();
        return before.value(u"customerId").toString();
    };
    QString where = spec.keyWhere();

    if (op.kind == SyncOp::Kind::Delete) {
        if (!row->has_value() || !newestOfRow)
            return Done {};
        QSqlQuery& d = m_uow.prepared(QStringLiteral("DELETE FROM %1 WHERE %2").arg(spec.table, where));
        for (int i = 0; i < keys->size(); ++i)
            d.bindValue(i, keys->at(i));
        if (Status s = Sql::exec(d); !s)
            return s;
        QStringList fields;
        for (const auto& [name, value] : before.fields()) {
            if (!isBookkeeping(name))
                fields << name;
        }
        return audit(op, FieldSnapshot::auditJson(before, {}, fields), customerOf());
    }

    FieldSnapshot after;
    QStringList audited;
    QStringList columns;
    QVariantList binds;
    const auto bindColumn = [&](const QString& column, const QVariant& value) {
        if (!columns.contains(column)) {
            columns << column;
            binds << value;
        }
    };
    if (!row->has_value()) {
        // A row deleted here by a newer op stays deleted; one never seen is made.
        if (clocks->any && !newestOfRow)
            return Done {};
        for (const Column& c : spec.columns) {
            if (c.required && !op.fields.contains(c.field)) {
                // Only part of a row that was deleted here: it stays deleted.
                if (clocks->any)
                    return Done {};
                return opError(op, c.field, QStringLiteral("required"), tr("field %1 is missing").arg(c.field));
            }
        }
        for (int i = 0; i < keys->size(); ++i)
            bindColumn(spec.keyColumns.at(i), keys->at(i));
        if (spec.companyColumn)
            bindColumn(QStringLiteral("company_id"), op.companyId);
        for (const auto& [c, v] : values)
            bindColumn(c->column, v);
        if (!spec.createdAt.isEmpty())
            bindColumn(spec.createdAt, op.createdAt);
        if (!spec.createdBy.isEmpty())
            bindColumn(spec.createdBy, Sql::textOrNull(op.actorId));
        if (!spec.updatedAt.isEmpty())
            bindColumn(spec.updatedAt, op.createdAt);
        if (!spec.updatedBy.isEmpty())
            bindColumn(spec.updatedBy, Sql::textOrNull(op.actorId));
        if (spec.entity == u"tag") {
            const int at = static_cast<int>(columns.indexOf(QStringLiteral("name")));
            bindColumn(QStringLiteral("name_key"), TagService::nameKey(binds.at(at).toString()));
        }
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery& q = m_uow.prepared(
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(spec.table, columns.join(u", "), marks.join(u", ")));
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (Status s = Sql::exec(q); !s)
            return s;
        for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
            after.set(it.key(), it.value());
            if (!isBookkeeping(it.key()))
                audited << it.key();
        }
        audited.sort();
        return audit(op, FieldSnapshot::auditJson({}, after, audited), customerOf());
    }

    QStringList won;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        const QString& field = it.key();
        if (field == u"id")
            continue;
        const bool wins = isBookkeeping(field) ? newestOfRow : op.hlc > clocks->fields.value(field);
        if (!wins)
            continue;
        won << field;
        after.set(field, it.value());
        if (!isBookkeeping(field))
            audited << field;
    }
    if (won.isEmpty())
        return Done {};
    for (const auto& [c, v] : values) {
        if (won.contains(c->field))
            bindColumn(c->column, v);
    }
    if (newestOfRow) {
        if (!spec.updatedAt.isEmpty())
            bindColumn(spec.updatedAt, op.createdAt);
        if (!spec.updatedBy.isEmpty())
            bindColumn(spec.updatedBy, Sql::textOrNull(op.actorId));
    }
    if (spec.entity == u"tag" && columns.contains(QStringLiteral("name"))) {
        const int at = static_cast<int>(columns.indexOf(QStringLiteral("name")));
        bindColumn(QStringLiteral("name_key"), TagService::nameKey(binds.at(at).toString()));
    }
    if (!columns.isEmpty()) {
        QStringList sets;
        for (const QString& c : std::as_const(columns))
            sets << c + QStringLiteral(" = ?");
        QSqlQuery& q
            = m_uow.prepared(QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(spec.table, sets.join(u", "), where));
        int i = 0;
        for (const QVariant& b : std::as_const(binds))
            q.bindValue(i++, b);
        for (const QString& k : *keys)
            q.bindValue(i++, k);
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    audited.sort();
    return audit(op, FieldSnapshot::auditJson(before, after, audited), customerOf());
}

Status Applier::applyFact(const Spec& spec, const SyncOp& op)
{
    if (op.kind == SyncOp::Kind::Delete)
        return opError(op, QStringLiteral("op"), QStringLiteral("append_only"),
            tr("%1 is append-only and cannot be deleted").arg(op.entity));
    auto keys = keysOf(spec, op);
    if (!keys)
        return keys.error();
    QStringList columns = spec.keyColumns;
    QVariantList binds;
    for (const QString& k : *keys)
        binds << k;
    if (spec.companyColumn) {
        columns << QStringLiteral("company_id");
        binds << op.companyId;
    }
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        if (it.key() == u"id" || spec.ignored.contains(it.key()))
            continue;
        const Column* c = spec.find(it.key());
        if (!c)
            return opError(op, it.key(), QStringLiteral("unknown_sync_field"), tr("unknown field %1").arg(it.key()));
        auto v = decode(c->codec, it.value());
        if (!v)
            return malformed(op, it.key());
        columns << c->column;
        binds << *v;
    }
    for (const Column& c : spec.columns) {
        if (c.required && !op.fields.contains(c.field))
            return opError(op, c.field, QStringLiteral("required"), tr("field %1 is missing").arg(c.field));
    }
    if (!spec.createdAt.isEmpty()) {
        columns << spec.createdAt;
        binds << op.createdAt;
    }
    if (!spec.createdBy.isEmpty()) {
        columns << spec.createdBy;
        binds << Sql::textOrNull(op.actorId);
    }
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery& q = m_uow.prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING RETURNING 1")
                                      .arg(spec.table, columns.join(u", "), marks.join(u", ")));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec())
        return Sql::errorOf(q);
    const bool inserted = q.next();
    q.finish();
    if (!inserted)
        return Done {}; // already here: a fact is written once
    FieldSnapshot after;
    QStringList audited;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        after.set(it.key(), it.value());
        if (!isBookkeeping(it.key()))
            audited << it.key();
    }
    audited.sort();
    const QString customerId
        = spec.keyIsCustomer ? keys->constFirst() : op.fields.value(QStringLiteral("customerId")).toString();
    refresh(spec.refresh, op.companyId, customerId);
    return audit(op, FieldSnapshot::auditJson({}, after, audited), customerId);
}

Status Applier::applyAuditOnly(const SyncOp& op)
{
    if (Status s = flushAuditOf(op); !s)
        return s;
    QSqlQuery& q = m_uow.prepared(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND hlc = ?)"));
    q.bindValue(0, op.entity);
    q.bindValue(1, op.entityId);
    q.bindValue(2, op.hlc.toString());
    auto there = Sql::integer(q);
    if (!there)
        return there.error();
    if (*there)
        return Done {};
    FieldSnapshot after;
    QStringList audited;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        after.set(it.key(), it.value());
        if (!isBookkeeping(it.key()))
            audited << it.key();
    }
    audited.sort();
    return audit(op, FieldSnapshot::auditJson({}, after, audited), after.value(u"customerId").toString());
}

Result<bool> Applier::resolveDuplicates(Customer& c)
{
    bool resolved = false;
    for (const char* field : {"phone", "email", "code"}) {
        const QString name = QString::fromLatin1(field);
        QString& value = name == u"phone" ? c.phone : name == u"email" ? c.email : c.code;
        if (value.isEmpty())
            continue;
        QSqlQuery& q = m_uow.prepared(
            QStringLiteral("SELECT id, created_at FROM customer WHERE company_id = ? AND %1 = ? AND id <> ?")
                .arg(name));
        q.bindValue(0, c.companyId);
        q.bindValue(1, value);
        q.bindValue(2, c.id);
        if (!q.exec())
            return Sql::errorOf(q);
        if (!q.next()) {
            q.finish();
            continue;
        }
        const QString otherId = q.value(0).toString();
        const qint64 foundAt = std::max(q.value(1).toLongLong(), c.createdAt);
        q.finish();
        const QString taken = value;
        QString loser;
        QString keeper;
        if (c.id < otherId) {
            auto other = m_customers.byId(c.companyId, otherId);
            if (!other)
                return other.error();
            Customer o = **other;
            QString& its = name == u"phone" ? o.phone : name == u"email" ? o.email : o.code;
            its = name == u"code" ? its + u'-' + o.id.right(12) : QString();
            if (Status s = m_customers.update(m_uow, o); !s)
                return s.error();
            loser = otherId;
            keeper = c.id;
        } else {
            value = name == u"code" ? value + u'-' + c.id.right(12) : QString();
            loser = c.id;
            keeper = otherId;
        }
        QSqlQuery& d = m_uow.prepared(
            QStringLiteral("INSERT INTO customer_duplicate (company_id, customer_id, field, value, other_customer_id, "
                           "found_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
        d.bindValue(0, c.companyId);
        d.bindValue(1, loser);
        d.bindValue(2, name);
        d.bindValue(3, taken);
        d.bindValue(4, keeper);
        d.bindValue(5, foundAt);
        if (Status s = Sql::exec(d); !s)
            return s.error();
        resolved = true;
    }
    return resolved;
}

Status Applier::writeCustomer(Customer& c, bool exists)
{
    // Most pulled customers collide with nobody: write first, look for the owner of a value
    // only when the unique indexes refuse it.
    Status written = exists ? m_customers.update(m_uow, c) : m_customers.insert(m_uow, c);
    if (written)
        return written;
    auto resolved = resolveDuplicates(c);
    if (!resolved)
        return resolved.error();
    if (!*resolved)
        return written;
    return exists ? m_customers.update(m_uow, c) : m_customers.insert(m_uow, c);
}

void Applier::noteCode(const Customer& c)
{
    if (const auto m = customerCodePattern().match(c.code); m.hasMatch()) {
        // A terminal enrolled with a server hands out codes from its own block only: a code
        // of another terminal's block says nothing about this one's next.
        const qint64 number = m.captured(1).toLongLong();
        if (!m_codeBlock || (number >= m_codeBlock->first && number < m_codeBlock->second)) {
            qint64& largest = m_codeNumbers[c.companyId];
            largest = std::max(largest, number);
        }
    }
}

Status Applier::survey(const QList<SyncOp>& ops)
{
    QString ids;
    for (const SyncOp& op : ops) {
        if (op.entity != u"customer")
            continue;
        ids += ids.isEmpty() ? QLatin1Char('[') : QLatin1Char(',');
        FieldSnapshot::appendString(ids, op.entityId);
    }
    if (ids.isEmpty())
        return Done {};
    ids += QLatin1Char(']');
    QSqlQuery& q = m_uow.prepared(QStringLiteral("SELECT DISTINCT entity_id FROM audit_log WHERE entity = 'customer' "
                                                 "AND entity_id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, ids);
    if (!q.exec())
        return Sql::errorOf(q);
    while (q.next())
        m_knownCustomers.insert(q.value(0).toString());
    q.finish();
    return Done {};
}

bool Applier::isNewCustomer(const SyncOp& op) const
{
    // No audit row here and no earlier op of this call: nothing of the customer is here
    // (every write of a customer leaves an audit row), so every field of the op wins.
    return op.kind == SyncOp::Kind::Upsert && !m_knownCustomers.contains(op.entityId)
        && !m_customerOps.contains(op.entityId);
}

Status Applier::queueNewCustomer(const SyncOp& op)
{
    // What applyCustomer does for a customer it has never seen, short of writing.
    Customer c;
    c.id = op.entityId;
    c.companyId = op.companyId;
    c.createdAt = c.updatedAt = op.createdAt;
    c.createdBy = c.updatedBy = op.actorId;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        const QString field = it.key();
        const FieldSet checked = setCustomerField(c, field, it.value());
        if (checked == FieldSet::Unknown)
            return opError(op, field, QStringLiteral("unknown_sync_field"), tr("unknown field %1").arg(field));
        if (checked == FieldSet::Malformed)
            return malformed(op, field);
    }
    for (const char* required : {"name", "code"}) {
        if (!op.fields.value(QLatin1String(required)).isString())
            return opError(op, QString::fromLatin1(required), QStringLiteral("required"),
                tr("field %1 is missing").arg(QLatin1String(required)));
    }
    m_newCustomers.append(std::move(c));
    m_newCustomerOps.append({&op, createdAuditJson(op.fields)});
    if (m_newCustomers.size() == UnitOfWork::rowsPerStatement)
        return writeNewCustomers();
    return Done {};
}

Status Applier::writeNewCustomers()
{
    if (m_newCustomers.isEmpty())
        return Done {};
    const QList<Customer> customers = std::exchange(m_newCustomers, {});
    const QList<NewCustomer> ops = std::exchange(m_newCustomerOps, {});
    Status written = insertNewCustomers(customers, ops);
    if (written || written.error().kind != Error::Kind::Conflict)
        return written;
    // A phone, email or code that another customer holds, here or earlier in the statement:
    // SQLite undid the statement. The customers that hold a value of a customer here or of
    // an earlier one of the statement go one by one, which resolves it; the runs between
    // them go in bulk as before, in order. (A run refused again goes one by one too.)
    auto collides = collisions(customers);
    if (!collides)
        return collides.error();
    QList<Customer> run;
    QList<NewCustomer> runOps;
    const auto writeRun = [&]() -> Status {
        if (run.isEmpty())
            return Done {};
        Status s = insertNewCustomers(run, runOps);
        if (!s && s.error().kind == Error::Kind::Conflict) {
            s = Done {};
            for (const NewCustomer& n : std::as_const(runOps)) {
                if (s = applyCustomer(*n.op); !s)
                    break;
            }
        }
        run.clear();
        runOps.clear();
        return s;
    };
    for (qsizetype i = 0; i < customers.size(); ++i) {
        if (!collides->at(i)) {
            run.append(customers.at(i));
            runOps.append(ops.at(i));
            continue;
        }
        if (Status s = writeRun(); !s)
            return s;
        if (Status s = applyCustomer(*ops.at(i).op); !s)
            return s;
    }
    return writeRun();
}

Status Applier::insertNewCustomers(const QList<Customer>& customers, const QList<NewCustomer>& ops)
{
    QSqlQuery& next = m_uow.prepared(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM customer"));
    const auto firstSeq = Sql::integer(next);
    if (!firstSeq)
        return firstSeq.error();
    QStringList nameKeys;
    nameKeys.reserve(customers.size());
    QStringList companies;
    for (const Customer& c : customers) {
        nameKeys << TextFold::fold(c.name);
        if (!companies.contains(c.companyId))
            companies << c.companyId;
    }
    DashboardRepository dashboard(m_db);
    for (const QString& company : std::as_const(companies)) {
        if (Status s = dashboard.pause(m_uow, company); !s)
            return s;
    }
    Status written = m_customers.insertLoaded(m_uow, customers, nameKeys, *firstSeq);
    if (written)
        written = dashboard.countNewCustomers(m_uow, customers);
    for (const QString& company : std::as_const(companies)) {
        if (Status s = dashboard.resume(m_uow, company); !s)
            return s;
    }
    if (!written)
        return written;
    NameIndex::Changes* index = m_options.nameIndex ? &m_uow.deferred<NameIndex::Changes>() : nullptr;
    for (qsizetype i = 0; i < customers.size(); ++i) {
        const Customer& c = customers.at(i);
        if (index)
            index->set(*firstSeq + i, std::nullopt, NameIndex::Entry {c.companyId, nameKeys.at(i), c.id});
        noteCode(c);
        if (Status s = audit(*ops.at(i).op, ops.at(i).changes, c.id); !s)
            return s;
    }
    return Done {};
}

Result<QList<bool>> Applier::collisions(const QList<Customer>& customers)
{
    QSqlQuery& q = m_uow.prepared(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM customer WHERE company_id = ? AND phone = ?) OR EXISTS (SELECT 1 FROM "
        "customer WHERE company_id = ? AND email = ?) OR EXISTS (SELECT 1 FROM customer WHERE company_id = ? "
        "AND code = ?)"));
    QSet<QString> earlier; // company, field and value of the customers before
    QList<bool> out;
    out.reserve(customers.size());
    for (const Customer& c : customers) {
        bool collides = false;
        int i = 0;
        using Held = std::pair<QChar, const QString*>;
        for (const auto& [field, value] : {Held {u'p', &c.phone}, Held {u'e', &c.email}, Held {u'c', &c.code}}) {
            q.bindValue(i++, c.companyId);
            q.bindValue(i++, Sql::textOrNull(*value));
            if (value->isEmpty())
                continue;
            const QString key = c.companyId + field + *value;
            collides = collides || earlier.contains(key);
            earlier.insert(key);
        }
        if (!collides) {
            auto here = Sql::integer(q);
            if (!here)
                return here.error();
            collides = *here != 0;
        }
        out.append(collides);
    }
    return out;
}

Status Applier::applyCustomer(const SyncOp& op)
{
    auto clocks = clocksOf(op);
    if (!clocks)
        return clocks.error();
    // Every write here leaves an audit row: a customer the log has never seen is not here,
    // and an initial sync of many customers skips reading each one.
    Result<std::optional<Customer>> stored = std::optional<Customer>();
    if (clocks->any)
        stored = m_customers.byId(op.companyId, op.entityId);
    if (!stored)
        return stored.error();
    const bool exists = stored->has_value();
    const bool newestOfRow = !clocks->any || op.hlc > clocks->row;
    const FieldSnapshot before = exists ? CustomerJson::snapshot(**stored) : FieldSnapshot();
    const auto auditedOf = [](const FieldSnapshot& s) {
        QStringList out;
        for (const auto& [name, value] : s.fields()) {
            if (!isBookkeeping(name))
                out << name;
        }
        return out;
    };

    // A delete wins over every edit of the customer, older or newer by the clock: an edit
    // made offline on another terminal cannot bring back a customer deleted here, so a
    // deleted customer ends deleted everywhere whatever order the ops arrive in. (A customer
    // is never made again under its id: its ops after a delete are edits.)
    if (op.kind == SyncOp::Kind::Delete) {
        if (!exists)
            return Done {};
        if (Status s = m_customers.remove(m_uow, op.entityId); !s)
            return s;
        return audit(op, FieldSnapshot::auditJson(before, {}, auditedOf(before)), op.entityId);
    }

    Customer c;
    if (exists) {
        c = **stored;
    } else {
        if (clocks->any)
            return Done {}; // deleted here
        c.id = op.entityId;
        c.companyId = op.companyId;
        c.createdAt = c.updatedAt = op.createdAt;
        c.createdBy = c.updatedBy = op.actorId;
    }
    FieldSnapshot after;
    QStringList audited;
    Customer probe;
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        const QString& field = it.key();
        // Checked whether it wins or not: a malformed op fails the same on every terminal.
        const FieldSet checked = setCustomerField(probe, field, it.value());
        if (checked == FieldSet::Unknown)
            return opError(op, field, QStringLiteral("unknown_sync_field"), tr("unknown field %1").arg(field));
        if (checked == FieldSet::Malformed)
            return malformed(op, field);
        const bool wins = !exists || (isBookkeeping(field) ? newestOfRow : op.hlc > clocks->fields.value(field));
        if (!wins || field == u"id")
            continue;
        setCustomerField(c, field, it.value());
        after.set(field, it.value());
        if (!isBookkeeping(field))
            audited << field;
    }
    if (!exists) {
        for (const char* required : {"name", "code"}) {
            if (!op.fields.value(QLatin1String(required)).isString()) {
                return opError(op, QString::fromLatin1(required), QStringLiteral("required"),
                    tr("field %1 is missing").arg(QLatin1String(required)));
            }
        }
    } else if (after.isEmpty()) {
        return Done {};
    }
    if (Status s = writeCustomer(c, exists); !s)
        return s;
    noteCode(c);
    audited.sort();
    return audit(op, FieldSnapshot::auditJson(before, after, audited), op.entityId);
}

Status Applier::applySale(const SyncOp& op)
{
    if (op.kind == SyncOp::Kind::Delete)
        return opError(
            op, QStringLiteral("op"), QStringLiteral("append_only"), tr("a sale is append-only and cannot be deleted"));
    QSqlQuery& there = m_uow.prepared(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sale WHERE id = ?)"));
    there.bindValue(0, op.entityId);
    auto exists = Sql::integer(there);
    if (!exists)
        return exists.error();
    const QJsonObject& f = op.fields;
    Sale s;
    s.id = op.entityId;
    s.companyId = op.companyId;
    const auto text = [&](const char* name, QString& target, bool required) -> std::optional<Error> {
        const QString field = QString::fromLatin1(name);
        const QJsonValue v = f.value(field);
        if (isAbsent(v) && !required)
            return std::nullopt;
        if (!v.isString() || (required && v.toString().isEmpty()))
            return malformed(op, field);
        target = v.toString();
        return std::nullopt;
    };
    const auto number = [&](const char* name, auto& target) -> std::optional<Error> {
        const QString field = QString::fromLatin1(name);
        const auto v = parseInteger(f.value(field));
        if (!v)
            return malformed(op, field);
        target = static_cast<std::remove_reference_t<decltype(target)>>(*v);
        return std::nullopt;
    };
    QString kind;
    QString linesText;
    QString paymentsText;
    for (auto e : {text("storeId", s.storeId, true), text("terminalId", s.terminalId, true),
             text("orderNumber", s.orderNumber, true), text("kind", kind, true), text("reverses", s.reverses, false),
             text("customerId", s.customerId, false), text("customerName", s.customerName, false),
             text("customerPhone", s.customerPhone, false), text("createdBy", s.createdBy, false),
             text("lines", linesText, false), text("payments", paymentsText, false), number("items", s.items),
             number("subtotal", s.subtotal), number("discountBp", s.discountBp), number("discount", s.discount),
             number("total", s.total), number("pointsEarned", s.pointsEarned),
             number("pointsRedeemed", s.pointsRedeemed)}) {
        if (e)
            return *e;
    }
    if (kind != u"sale" && kind != u"refund")
        return malformed(op, QStringLiteral("kind"));
    s.refund = kind == u"refund";
    const auto created = parseTime(f.value(QStringLiteral("createdAt")));
    if (!created)
        return malformed(op, QStringLiteral("createdAt"));
    s.createdAt = *created;
    static const QStringList known {QStringLiteral("companyId"), QStringLiteral("createdAt"),
        QStringLiteral("createdBy"), QStringLiteral("customerId"), QStringLiteral("customerName"),
        QStringLiteral("customerPhone"), QStringLiteral("discount"), QStringLiteral("discountBp"), QStringLiteral("id"),
        QStringLiteral("items"), QStringLiteral("kind"), QStringLiteral("lines"), QStringLiteral("orderNumber"),
        QStringLiteral("payments"), QStringLiteral("pointsEarned"), QStringLiteral("pointsRedeemed"),
        QStringLiteral("reason"), QStringLiteral("reverses"), QStringLiteral("storeId"), QStringLiteral("subtotal"),
        QStringLiteral("terminalId"), QStringLiteral("total")};
    for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return opError(op, it.key(), QStringLiteral("unknown_sync_field"), tr("unknown field %1").arg(it.key()));
    }
    const auto array = [](const QString& t, bool* ok) {
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(t.toUtf8(), &e);
        *ok = t.isEmpty() || (e.error == QJsonParseError::NoError && d.isArray());
        return d.array();
    };
    bool ok = false;
    const QJsonArray lines = array(linesText, &ok);
    if (!ok)
        return malformed(op, QStringLiteral("lines"));
    for (const QJsonValue& v : lines) {
        const QJsonObject o = v.toObject();
        SaleLine l;
        const auto lineNo = parseInteger(o.value(QStringLiteral("line")));
        const auto price = parseInteger(o.value(QStringLiteral("unitPrice")));
        const auto quantity = parseInteger(o.value(QStringLiteral("quantity")));
        const auto amount = parseInteger(o.value(QStringLiteral("amount")));
        if (!v.isObject() || !lineNo || !price || !quantity || !amount || !o.value(QStringLiteral("sku")).isString()
            || !o.value(QStringLiteral("name")).isString())
            return malformed(op, QStringLiteral("lines"));
        l.lineNo = static_cast<int>(*lineNo);
        l.productId = o.value(QStringLiteral("productId")).toString();
        l.sku = o.value(QStringLiteral("sku")).toString();
        l.name = o.value(QStringLiteral("name")).toString();
        l.unitPrice = *price;
        l.quantity = *quantity;
        l.amount = *amount;
        s.lines.append(l);
    }
    const QJsonArray payments = array(paymentsText, &ok);
    if (!ok)
        return malformed(op, QStringLiteral("payments"));
    for (const QJsonValue& v : payments) {
        const QJsonObject o = v.toObject();
        const auto method = SaleEnums::parsePayment(o.value(QStringLiteral("method")).toString());
        const auto amount = parseInteger(o.value(QStringLiteral("amount")));
        if (!method || !amount)
            return malformed(op, QStringLiteral("payments"));
        s.payments.append(Payment {*method, *amount});
    }
    if (*exists)
        return Done {}; // already here: a sale is written once
    if (Status st = SaleRepository(m_db).insert(m_uow, s); !st)
        return st;
    refresh(Refresh::Purchases, s.companyId, s.customerId);
    FieldSnapshot after;
    QStringList audited;
    for (auto it = f.constBegin(); it != f.constEnd(); ++it) {
        after.set(it.key(), it.value());
        if (!isBookkeeping(it.key()))
            audited << it.key();
    }
    audited.sort();
    return audit(op, FieldSnapshot::auditJson({}, after, audited), s.customerId);
}

Status Applier::finish()
{
    if (Status s = writeNewCustomers(); !s)
        return s;
    if (Status s = flushAudit(); !s)
        return s;
    MetricsRepository metrics(m_db);
    for (const auto& [companyId, customerId] : std::as_const(m_purchases)) {
        if (auto spent = metrics.refreshPurchases(m_uow, companyId, customerId); !spent)
            return spent.error();
    }
    LedgerRepository ledger(m_db);
    for (const auto& [companyId, customerId] : std::as_const(m_ledgers)) {
        if (Status s = ledger.refreshBalances(m_uow, companyId, customerId); !s)
            return s;
    }
    // This terminal's next code comes after every code pulled, so that it does not hand out
    // one that another terminal already gave.
    for (auto it = m_codeNumbers.constBegin(); it != m_codeNumbers.constEnd(); ++it) {
        QSqlQuery& q = m_uow.prepared(QStringLiteral(
            "INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, 'customer', ?) "
            "ON CONFLICT (company_id, name) DO UPDATE SET next_value = max(next_value, excluded.next_value)"));
        q.bindValue(0, it.key());
        q.bindValue(1, it.value() + 1);
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

} // namespace

ChangeApplier::ChangeApplier(Database& db) : m_db(db) { }

ChangeApplier::ChangeApplier(Database& db, Options options) : m_db(db), m_options(options) { }

Status ChangeApplier::apply(UnitOfWork& uow, const QList<SyncOp>& ops)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    Applier applier(m_db, uow, m_options);
    if (Status s = applier.survey(ops); !s)
        return s;
    for (const SyncOp& op : ops) {
        if (Status s = applier.apply(op); !s)
            return s;
    }
    return applier.finish();
}

Status ChangeApplier::applyEach(UnitOfWork& uow, const QList<SyncOp>& ops, qint64& unapplied)
{
    SyncStateRepository state(m_db);
    for (const SyncOp& op : ops) {
        QSqlQuery& save = uow.prepared(QStringLiteral("SAVEPOINT pulled_op"));
        if (Status sp = Sql::exec(save); !sp)
            return sp;
        Status one = apply(uow, {op});
        if (!one) {
            if (!appliesToOneOp(one.error()))
                return one;
            qCWarning(lcApply).noquote() << "cannot apply" << op.entity << op.entityId << ":" << one.error().describe();
            QSqlQuery& undo = uow.prepared(QStringLiteral("ROLLBACK TO SAVEPOINT pulled_op"));
            if (Status u = Sql::exec(undo); !u)
                return u;
            if (Status r = state.recordUnapplied(uow, op, one.error()); !r)
                return r;
            ++unapplied;
        }
        QSqlQuery& release = uow.prepared(QStringLiteral("RELEASE SAVEPOINT pulled_op"));
        if (Status r = Sql::exec(release); !r)
            return r;
    }
    return Done {};
}

bool ChangeApplier::appliesToOneOp(const Error& error)
{
    if (error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Conflict
        || error.kind == Error::Kind::NotFound)
        return true;
    return error.message.contains(QLatin1String("constraint failed"));
}

} // namespace kasir
