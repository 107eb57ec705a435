#include "core/services/TagService.h"

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/domain/TextFold.h"
#include "core/domain/TextRules.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/TagRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QRegularExpression>

namespace kasir {

TagService::TagService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot TagService::taggingSnapshot(
    const QString& customerId, const QString& tagId, const QString& tagName, qint64 at, const QString& by)
{
    FieldSnapshot s;
    s.setText(QStringLiteral("createdAt"), isoUtc(at));
    s.setText(QStringLiteral("createdBy"), by);
    s.setText(QStringLiteral("customerId"), customerId);
    s.setText(QStringLiteral("tagId"), tagId);
    s.setText(QStringLiteral("tagName"), tagName);
    return s;
}

QString TagService::taggingKey(const QString& customerId, const QString& tagId)
{
    return customerId + u':' + tagId;
}

std::optional<QString> TagService::normaliseColor(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    QString hex = m.captured(1).toLower();
    if (hex.size() == 3) {
        QString wide;
        for (const QChar c : std::as_const(hex))
            wide.append(c).append(c);
        hex = wide;
    }
    return u'#' + hex;
}

QString TagService::nameKey(const QString& name)
{
    return TextFold::fold(name);
}

FieldSnapshot TagService::snapshot(const Tag& t)
{
    // In name order, so that each field is appended (FieldSnapshot keeps names sorted).
    FieldSnapshot s;
    s.setText(QStringLiteral("color"), t.color);
    s.setText(QStringLiteral("createdAt"), isoUtc(t.createdAt));
    s.setText(QStringLiteral("createdBy"), t.createdBy);
    s.setText(QStringLiteral("id"), t.id);
    s.setText(QStringLiteral("name"), t.name);
    return s;
}

QJsonObject TagService::toJson(const Tag& t)
{
    return QJsonObject {{QStringLiteral("id"), t.id}, {QStringLiteral("name"), t.name},
        {QStringLiteral("color"), t.color}, {QStringLiteral("createdAt"), isoUtc(t.createdAt)}};
}

Result<QString> TagService::cleanName(const QString& field, const QString& raw)
{
    auto name = TextRules::cleanLine(field, raw, maxName, true);
    if (!name)
        return name.error();
    // Only marks, say: nothing left to tell one tag from another.
    if (nameKey(*name).isEmpty())
        return Error::invalidField(
            field, QStringLiteral("invalid_characters"), tr("must contain a letter, a digit or a sign"));
    return name;
}

Result<QString> TagService::cleanColor(const QString& raw)
{
    if (raw.trimmed().isEmpty())
        return defaultColor;
    if (auto c = normaliseColor(raw))
        return *c;
    return Error::invalidField(
        QStringLiteral("color"), QStringLiteral("invalid_color"), tr("must be a colour like #1e90ff or #f80"));
}

Error TagService::explainConflict(const Tag& t, const Error& error)
{
    if (error.kind != Error::Kind::Conflict)
        return error;
    return Error::conflict(
        QStringLiteral("name"), QStringLiteral("duplicate_tag"), tr("a tag named %1 already exists").arg(t.name));
}

Result<Tag> TagService::existing(const QString& name)
{
    auto clean = cleanName(QStringLiteral("name"), name);
    if (!clean)
        return clean.error();
    auto found = TagRepository(m_db).byNameKey(m_actor.companyId, nameKey(*clean));
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("no tag named %1").arg(*clean));
    return **found;
}

Result<Tag> TagService::byName(const QString& name)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up tags")); !s)
        return s.error();
    return existing(name);
}

Result<QList<Tag>> TagService::list()
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up tags")); !s)
        return s.error();
    return TagRepository(m_db).list(m_actor.companyId);
}

Result<Tag> TagService::create(const QString& name, const QString& color)
{
    if (Status s = m_actor.require(Permission::TagManage, tr("create tags")); !s)
        return s.error();
    QList<FieldError> errors;
    auto clean = cleanName(QStringLiteral("name"), name);
    if (!clean)
        errors << clean.error().fields;
    auto colour = cleanColor(color);
    if (!colour)
        errors << colour.error().fields;
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const QString key = nameKey(*clean);
    auto found = TagRepository(m_db).byNameKey(m_actor.companyId, key);
    if (!found)
        return found.error();
    if (found->has_value())
        return Error::conflict(QStringLiteral("name"), QStringLiteral("duplicate_tag"),
            tr("a tag named %1 already exists").arg((*found)->name));

    Tag t;
    t.companyId = m_actor.companyId;
    t.name = *clean;
    t.color = *colour;
    t.createdBy = m_actor.userId;
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    t.id = Ids::newId(uow.now());
    t.createdAt = uow.now();
    if (Status s = TagRepository(m_db).insert(uow, t, key); !s)
        return explainConflict(t, s.error());
    auto stamp = uow.record({QStringLiteral("tag"), t.id, t.companyId, QStringLiteral("create"), UnitOfWork::Op::Upsert,
        {}, snapshot(t), {}});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return t;
}

Result<Tag> TagService::write(UnitOfWork& uow, const Tag& before, const Tag& after)
{
    if (snapshot(before) == snapshot(after))
        return after; // nothing changed: no write, no audit, no sync op
    if (Status s = TagRepository(m_db).update(uow, after, nameKey(after.name)); !s)
        return explainConflict(after, s.error());
    auto stamp = uow.record({QStringLiteral("tag"), after.id, after.companyId, QStringLiteral("update"),
        UnitOfWork::Op::Upsert, snapshot(before), snapshot(after), {}});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

Result<Tag> TagService::rename(const QString& name, const QString& newName)
{
    if (Status s = m_actor.require(Permission::TagManage, tr("rename tags")); !s)
        return s.error();
    // The tag and the names in use are read under the write lock.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = existing(name);
    if (!current)
        return current.error();
    auto clean = cleanName(QStringLiteral("newName"), newName);
    if (!clean)
        return clean.error();
    auto other = TagRepository(m_db).byNameKey(m_actor.companyId, nameKey(*clean));
    if (!other)
        return other.error();
    if (other->has_value() && (*other)->id != current->id)
        return Error::conflict(QStringLiteral("newName"), QStringLiteral("duplicate_tag"),
            tr("a tag named %1 already exists").arg((*other)->name));
    Tag after = *current;
    after.name = *clean;
    return write(uow, *current, after);
}

Result<Tag> TagService::recolour(const QString& name, const QString& color)
{
    if (Status s = m_actor.require(Permission::TagManage, tr("change tag colours")); !s)
        return s.error();
    if (color.trimmed().isEmpty())
        return Error::invalidField(QStringLiteral("color"), QStringLiteral("required"), tr("is required"));
    auto colour = cleanColor(color);
    if (!colour)
        return colour.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = existing(name);
    if (!current)
        return current.error();
    Tag after = *current;
    after.color = *colour;
    return write(uow, *current, after);
}

Result<TagService::Tagging> TagService::tag(const QString& customerRef, const QString& name, const QString& color)
{
    if (Status s = m_actor.require(Permission::TagAssign, tr("tag customers")); !s)
        return s.error();
    // The customer and the tag are read under the write lock: two people tagging with the
    // same new name make one tag, and the second simply uses it.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto out = tag(uow, customerRef, name, color);
    if (!out || !out->added)
        return out; // refused, or already there: the unit rolls back having written nothing
    if (Status s = uow.commit(); !s)
        return s.error();
    return out;
}

Result<TagService::Tagging> TagService::tag(
    UnitOfWork& uow, const QString& customerRef, const QString& name, const QString& color)
{
    if (Status s = m_actor.require(Permission::TagAssign, tr("tag customers")); !s)
        return s.error();
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    auto clean = cleanName(QStringLiteral("name"), name);
    if (!clean)
        return clean.error();
    auto colour = cleanColor(color);
    if (!colour)
        return colour.error();
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    TagRepository repo(m_db);
    const QString key = nameKey(*clean);
    auto found = repo.byNameKey(m_actor.companyId, key);
    if (!found)
        return found.error();
    if (!found->has_value() && !m_actor.can(Permission::TagManage))
        return Error::permissionDenied(tr("a %1 may only use existing tags; there is no tag named %2")
                                           .arg(Roles::displayName(m_actor.role).toLower(), *clean));

    Tagging out;
    if (found->has_value()) {
        out.tag = **found;
    } else {
        out.tag.companyId = m_actor.companyId;
        out.tag.name = *clean;
        out.tag.color = *colour;
        out.tag.createdBy = m_actor.userId;
        out.tag.id = Ids::newId(uow.now());
        out.tag.createdAt = uow.now();
        if (Status s = repo.insert(uow, out.tag, key); !s)
            return explainConflict(out.tag, s.error());
        auto stamp = uow.record({QStringLiteral("tag"), out.tag.id, out.tag.companyId, QStringLiteral("create"),
            UnitOfWork::Op::Upsert, {}, snapshot(out.tag), {}});
        if (!stamp)
            return stamp.error();
        out.created = true;
    }
    auto added = repo.attach(uow, m_actor.companyId, customer->id, out.tag.id, m_actor.userId);
    if (!added)
        return added.error();
    out.added = *added;
    if (!out.added)
        return out;
    auto stamp = uow.record({QStringLiteral("customer_tag"), taggingKey(customer->id, out.tag.id), m_actor.companyId,
        QStringLiteral("create"), UnitOfWork::Op::Upsert, {},
        taggingSnapshot(customer->id, out.tag.id, out.tag.name, uow.now(), m_actor.userId), customer->id});
    if (!stamp)
        return stamp.error();
    return out;
}

Result<Tag> TagService::untag(const QString& customerRef, const QString& name)
{
    if (Status s = m_actor.require(Permission::TagAssign, tr("tag customers")); !s)
        return s.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto out = untag(uow, customerRef, name);
    if (!out)
        return out.error();
    if (!out->removed)
        return Error::notFound(tr("customer %1 does not have the tag %2").arg(out->customer.code, out->tag.name));
    if (Status s = uow.commit(); !s)
        return s.error();
    return out->tag;
}

Result<TagService::Untagging> TagService::untag(UnitOfWork& uow, const QString& customerRef, const QString& name)
{
    if (Status s = m_actor.require(Permission::TagAssign, tr("tag customers")); !s)
        return s.error();
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    auto t = existing(name);
    if (!t)
        return t.error();
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    Untagging out {*t, *customer, false};
    TagRepository repo(m_db);
    auto on = repo.attachment(customer->id, t->id);
    if (!on)
        return on.error();
    if (!on->has_value())
        return out;

    if (Status s = repo.detach(uow, customer->id, t->id); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("customer_tag"), taggingKey(customer->id, t->id), m_actor.companyId,
        QStringLiteral("delete"), UnitOfWork::Op::Delete,
        taggingSnapshot(customer->id, t->id, t->name, (*on)->createdAt, (*on)->createdBy), {}, customer->id});
    if (!stamp)
        return stamp.error();
    out.removed = true;
    return out;
}

Result<QList<Tag>> TagService::tagsOf(const QString& customerRef)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up tags")); !s)
        return s.error();
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    return TagRepository(m_db).tagsOf(m_actor.companyId, customer->id);
}

Result<QList<TagCount>> TagService::popular(int limit)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up tags")); !s)
        return s.error();
    if (limit < 1 || limit > maxPopular)
        return Error::invalidField(
            QStringLiteral("limit"), QStringLiteral("out_of_range"), tr("must be between 1 and %1").arg(maxPopular));
    return TagRepository(m_db).popular(m_actor.companyId, limit);
}

} // namespace kasir
