#include "core/services/ProductService.h"

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/domain/TextRules.h"
#include "core/storage/Database.h"
#include "core/storage/ProductRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>

#include <algorithm>

namespace kasir {

namespace {

// A SKU is typed at the till and printed on labels: no spaces, nothing invisible.
bool badSkuCharacter(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

class Checker
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ProductService)

public:
    QList<FieldError> errors;

    void fail(const QString& field, const QString& code, const QString& message)
    {
        errors.append(FieldError {field, code, message});
    }

    std::optional<QString> sku(const QString& raw)
    {
        const QString field = QStringLiteral("sku");
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty()) {
            fail(field, QStringLiteral("required"), tr("is required"));
            return std::nullopt;
        }
        if (std::any_of(trimmed.cbegin(), trimmed.cend(), badSkuCharacter) || TextRules::hasLoneSurrogate(trimmed)) {
            fail(field, QStringLiteral("invalid_characters"), tr("must not contain spaces or control characters"));
            return std::nullopt;
        }
        const QString value = ProductService::normaliseSku(trimmed);
        if (TextRules::codePoints(value) > ProductService::maxSku) {
            fail(field, QStringLiteral("too_long"),
                tr("must be at most %n characters", nullptr, ProductService::maxSku));
            return std::nullopt;
        }
        return value;
    }

    std::optional<QString> name(const QString& raw)
    {
        const QString field = QStringLiteral("name");
        const bool control
            = std::any_of(raw.cbegin(), raw.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
        if (control || TextRules::hasLoneSurrogate(raw)) {
            fail(field, QStringLiteral("invalid_characters"), tr("must not contain control characters or line breaks"));
            return std::nullopt;
        }
        const QString value = raw.trimmed();
        if (value.isEmpty()) {
            fail(field, QStringLiteral("required"), tr("is required"));
            return std::nullopt;
        }
        if (TextRules::codePoints(value) > ProductService::maxName) {
            fail(field, QStringLiteral("too_long"),
                tr("must be at most %n characters", nullptr, ProductService::maxName));
            return std::nullopt;
        }
        return value;
    }

    std::optional<qint64> price(qint64 value)
    {
        const QString field = QStringLiteral("price");
        if (value < 0) {
            fail(field, QStringLiteral("negative"), tr("must not be negative"));
            return std::nullopt;
        }
        if (value > ProductService::maxPrice) {
            fail(field, QStringLiteral("too_large"), tr("must be at most %1").arg(ProductService::maxPrice));
            return std::nullopt;
        }
        return value;
    }
};

} // namespace

ProductService::ProductService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

QString ProductService::normaliseSku(const QString& sku)
{
    return sku.trimmed().normalized(QString::NormalizationForm_C).toUpper();
}

FieldSnapshot ProductService::snapshot(const Product& p)
{
    // In name order, so that each field is appended (FieldSnapshot keeps names sorted).
    FieldSnapshot s;
    s.setBool(QStringLiteral("active"), p.active);
    s.setText(QStringLiteral("createdAt"), isoUtc(p.createdAt));
    s.setText(QStringLiteral("id"), p.id);
    s.setText(QStringLiteral("name"), p.name);
    s.set(QStringLiteral("price"), QJsonValue(p.price));
    s.setText(QStringLiteral("sku"), p.sku);
    s.setText(QStringLiteral("updatedAt"), isoUtc(p.updatedAt));
    return s;
}

QJsonObject ProductService::toJson(const Product& p)
{
    QJsonObject o;
    const FieldSnapshot fields = snapshot(p);
    for (const auto& [name, value] : fields.fields())
        o.insert(name, value);
    return o;
}

Result<Product> ProductService::apply(const Product& base, const ProductInput& input, bool creating)
{
    Checker check;
    Product p = base;
    auto required = [&](const char* field) {
        check.fail(QString::fromLatin1(field), QStringLiteral("required"), tr("is required"));
    };
    if (input.sku) {
        if (auto v = check.sku(*input.sku))
            p.sku = *v;
    } else if (creating) {
        required("sku");
    }
    if (input.name) {
        if (auto v = check.name(*input.name))
            p.name = *v;
    } else if (creating) {
        required("name");
    }
    if (input.price) {
        if (auto v = check.price(*input.price))
            p.price = *v;
    } else if (creating) {
        required("price");
    }
    if (input.active)
        p.active = *input.active;
    if (!check.errors.isEmpty())
        return Error::invalid(check.errors);
    return p;
}

Error ProductService::explainConflict(const Product& p, const Error& error)
{
    if (error.kind != Error::Kind::Conflict || error.field != u"sku")
        return error;
    auto other = ProductRepository(m_db).bySku(p.companyId, p.sku);
    if (other && other->has_value() && (*other)->id != p.id)
        return Error::conflict(QStringLiteral("sku"), QStringLiteral("duplicate_sku"),
            tr("%1 is already the SKU of %2").arg(p.sku, (*other)->name));
    return Error::conflict(QStringLiteral("sku"), QStringLiteral("duplicate_sku"),
        tr("%1 is already the SKU of another product").arg(p.sku));
}

Result<Product> ProductService::add(const ProductInput& input)
{
    if (Status s = m_actor.require(Permission::ProductManage, tr("add products")); !s)
        return s.error();
    Product draft;
    draft.companyId = m_actor.companyId;
    auto validated = apply(draft, input, true);
    if (!validated)
        return validated.error();
    Product p = std::move(validated).value();

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    p.id = Ids::newId(uow.now());
    p.createdAt = p.updatedAt = uow.now();
    // The unique index decides; only a refused write pays for the look-up that names the
    // product already holding the SKU.
    if (Status s = ProductRepository(m_db).insert(uow, p); !s)
        return explainConflict(p, s.error());
    auto stamp = uow.record({QStringLiteral("product"), p.id, p.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, snapshot(p)});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return p;
}

Result<Product> ProductService::update(const QString& sku, const ProductInput& input)
{
    if (Status s = m_actor.require(Permission::ProductManage, tr("change products")); !s)
        return s.error();
    auto current = bySku(sku);
    if (!current)
        return current.error();
    auto validated = apply(*current, input, false);
    if (!validated)
        return validated.error();
    Product after = std::move(validated).value();
    if (snapshot(after) == snapshot(*current))
        return after; // nothing changed: no write, no audit, no sync op

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    after.updatedAt = std::max(uow.now(), current->updatedAt);
    if (Status s = ProductRepository(m_db).update(uow, after); !s)
        return explainConflict(after, s.error());
    auto stamp = uow.record({QStringLiteral("product"), after.id, after.companyId, QStringLiteral("update"),
        UnitOfWork::Op::Upsert, snapshot(*current), snapshot(after)});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

Result<Product> ProductService::bySku(const QString& sku)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up products")); !s)
        return s.error();
    const QString key = normaliseSku(sku);
    if (key.isEmpty())
        return Error::invalidField(QStringLiteral("sku"), QStringLiteral("required"), tr("is required"));
    auto found = ProductRepository(m_db).bySku(m_actor.companyId, key);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("no product with SKU %1").arg(key.left(maxSku)));
    return **found;
}

Result<QList<Product>> ProductService::list(bool includeInactive)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up products")); !s)
        return s.error();
    return ProductRepository(m_db).list(m_actor.companyId, includeInactive, -1, 0);
}

} // namespace kasir
