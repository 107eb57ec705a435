#include "core/services/NoteService.h"

#include "core/domain/Clock.h"
#include "core/domain/Ids.h"
#include "core/domain/TextRules.h"
#include "core/services/CustomerService.h"
#include "core/services/PrivacyService.h"
#include "core/storage/Database.h"
#include "core/storage/NoteRepository.h"
#include "core/storage/UnitOfWork.h"

namespace kasir {

NoteService::NoteService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot NoteService::snapshot(const CustomerNote& n)
{
    // In name order, so that each field is appended (FieldSnapshot keeps names sorted).
    FieldSnapshot s;
    s.setText(QStringLiteral("body"), n.body);
    s.setText(QStringLiteral("createdAt"), isoUtc(n.createdAt));
    s.setText(QStringLiteral("createdBy"), n.createdBy);
    s.setText(QStringLiteral("customerId"), n.customerId);
    if (n.deletedAt)
        s.setText(QStringLiteral("deletedAt"), isoUtc(*n.deletedAt));
    s.setText(QStringLiteral("deletedBy"), n.deletedBy);
    s.setText(QStringLiteral("id"), n.id);
    s.setText(QStringLiteral("kind"), NoteKinds::toString(n.kind));
    return s;
}

QJsonObject NoteService::toJson(const CustomerNote& n)
{
    QJsonObject o {{QStringLiteral("id"), n.id}, {QStringLiteral("customerId"), n.customerId},
        {QStringLiteral("kind"), NoteKinds::toString(n.kind)}, {QStringLiteral("body"), n.body},
        {QStringLiteral("createdAt"), isoUtc(n.createdAt)}, {QStringLiteral("createdBy"), n.createdBy},
        {QStringLiteral("author"), n.authorName}};
    if (n.deletedAt) {
        o.insert(QStringLiteral("deletedAt"), isoUtc(*n.deletedAt));
        o.insert(QStringLiteral("deletedBy"), n.deletedBy);
    }
    return o;
}

Result<CustomerNote> NoteService::add(const QString& customerRef, const QString& kind, const QString& body)
{
    if (Status s = m_actor.require(Permission::NoteWrite, tr("add notes")); !s)
        return s.error();
    QList<FieldError> errors;
    const auto parsedKind = NoteKinds::parse(kind);
    if (!parsedKind)
        errors << FieldError {QStringLiteral("kind"), QStringLiteral("invalid_choice"),
            tr("must be one of: %1").arg(NoteKinds::names().join(QStringLiteral(", ")))};
    QString text = body.trimmed();
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    if (TextRules::hasForbiddenCharacters(text, true))
        errors << FieldError {QStringLiteral("text"), QStringLiteral("invalid_characters"),
            tr("must not contain control characters other than line breaks and tabs")};
    else if (text.isEmpty())
        errors << FieldError {QStringLiteral("text"), QStringLiteral("required"), tr("is required")};
    else if (TextRules::codePoints(text) > maxBody)
        errors << FieldError {
            QStringLiteral("text"), QStringLiteral("too_long"), tr("must be at most %n characters", nullptr, maxBody)};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();

    CustomerNote n;
    n.companyId = m_actor.companyId;
    n.customerId = customer->id;
    n.kind = *parsedKind;
    n.body = text;
    n.createdBy = m_actor.userId;
    n.authorName = m_actor.username;
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    // A note about an anonymised customer would name the person again.
    if (Status s = PrivacyService::refuseIfAnonymised(m_db, *customer); !s)
        return s.error();
    n.id = Ids::newId(uow.now());
    n.createdAt = uow.now();
    if (Status s = NoteRepository(m_db).insert(uow, n); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("customer_note"), n.id, n.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, snapshot(n), n.customerId});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return n;
}

Result<NotePage> NoteService::list(const QString& customerRef, int limit, const QString& before)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("read notes")); !s)
        return s.error();
    if (limit < 1 || limit > maxLimit)
        return Error::invalidField(
            QStringLiteral("limit"), QStringLiteral("out_of_range"), tr("must be between 1 and %1").arg(maxLimit));
    auto customer = CustomerService(m_db, m_actor).get(customerRef);
    if (!customer)
        return customer.error();
    NoteRepository repo(m_db);
    std::optional<CustomerNote> cursor;
    if (!before.trimmed().isEmpty()) {
        const QString id = before.trimmed().toLower();
        Result<std::optional<CustomerNote>> found = std::optional<CustomerNote>();
        if (Ids::isValid(id))
            found = repo.byId(m_actor.companyId, id);
        if (!found)
            return found.error();
        // A deleted note still marks a place in the list.
        if (!found->has_value() || (*found)->customerId != customer->id)
            return Error::invalidField(QStringLiteral("before"), QStringLiteral("invalid_cursor"),
                tr("is not a note of this customer; start again from the first page"));
        cursor = *found;
    }
    auto notes = repo.list(m_actor.companyId, customer->id, limit + 1, cursor);
    if (!notes)
        return notes.error();
    NotePage page;
    page.items = std::move(*notes);
    // One note more than the page was read: it says whether another page follows.
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextBefore = page.items.constLast().id;
    }
    return page;
}

Result<CustomerNote> NoteService::remove(const QString& noteId)
{
    if (Status s = m_actor.require(Permission::NoteWrite, tr("delete notes")); !s)
        return s.error();
    const QString id = noteId.trimmed().toLower();
    if (!Ids::isValid(id))
        return Error::invalidField(QStringLiteral("note"), QStringLiteral("invalid_reference"), tr("is not a note id"));
    NoteRepository repo(m_db);
    auto found = repo.byId(m_actor.companyId, id);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->deletedAt)
        return Error::notFound(tr("no note %1").arg(id));
    const CustomerNote before = **found;
    if (before.createdBy != m_actor.userId && !m_actor.can(Permission::NoteDeleteAny))
        return Error::permissionDenied(
            tr("a %1 may delete only their own notes").arg(Roles::displayName(m_actor.role).toLower()));

    CustomerNote after = before;
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    after.deletedAt = uow.now();
    after.deletedBy = m_actor.userId;
    if (Status s = repo.markDeleted(uow, after); !s)
        return s.error();
    // A tombstone is an upsert of deletedAt/deletedBy: it merges like any other field.
    auto stamp = uow.record({QStringLiteral("customer_note"), after.id, after.companyId, QStringLiteral("delete"),
        UnitOfWork::Op::Upsert, snapshot(before), snapshot(after), after.customerId});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

} // namespace kasir
