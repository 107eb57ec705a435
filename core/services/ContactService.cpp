#include "core/services/ContactService.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerValidator.h"
#include "core/domain/Ids.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/TextRules.h"
#include "core/services/CustomerService.h"
#include "core/services/PrivacyService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <algorithm>

namespace kasir {

namespace {

const QString kEntity = QStringLiteral("customer_contact");

// The main contact of the customer that a contact of `kind` repeats, if any.
QString mainValue(const Customer& c, ContactKind kind)
{
    switch (kind) {
    case ContactKind::Whatsapp:
        return c.whatsapp;
    case ContactKind::Email:
        return c.email;
    case ContactKind::Phone:
        return c.phone;
    }
    return {};
}

} // namespace

ContactService::ContactService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot ContactService::snapshot(const CustomerContact& c)
{
    // In name order, so that each field is appended (FieldSnapshot keeps names sorted).
    FieldSnapshot s;
    s.setText(QStringLiteral("createdAt"), isoUtc(c.createdAt));
    s.setText(QStringLiteral("customerId"), c.customerId);
    s.setText(QStringLiteral("id"), c.id);
    s.setText(QStringLiteral("kind"), ContactKinds::toString(c.kind));
    s.setText(QStringLiteral("label"), c.label);
    s.setBool(QStringLiteral("primary"), c.primary);
    s.setText(QStringLiteral("updatedAt"), isoUtc(c.updatedAt));
    s.setText(QStringLiteral("value"), c.value);
    return s;
}

QJsonObject ContactService::toJson(const CustomerContact& c)
{
    QJsonObject o;
    for (const auto& [name, value] : snapshot(c).fields())
        o.insert(name, value);
    // Always there, so that a script need not know that empty means absent.
    o.insert(QStringLiteral("label"), c.label);
    return o;
}

Error ContactService::explainConflict(const CustomerContact& c, const Error& error)
{
    if (error.kind != Error::Kind::Conflict)
        return error;
    const QString shown = c.kind == ContactKind::Email ? c.value : PhoneNumber::formatInternational(c.value);
    return Error::conflict(QStringLiteral("value"), QStringLiteral("duplicate_contact"),
        tr("%1 is already a %2 contact of this customer").arg(shown, ContactKinds::toString(c.kind)));
}

Result<CustomerContact> ContactService::add(const QString& customerIdOrCode, const ContactInput& input)
{
    if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers' contacts")); !s)
        return s.error();
    CustomerService customers(m_db, m_actor);
    auto customer = customers.get(customerIdOrCode);
    if (!customer)
        return customer.error();
    auto company = customers.company();
    if (!company)
        return company.error();

    // Every field checked; every failure reported at once.
    QList<FieldError> errors;
    CustomerContact c;
    const auto kind = ContactKinds::parse(input.kind);
    if (!kind)
        errors.append({QStringLiteral("kind"), QStringLiteral("invalid_choice"),
            tr("must be one of: %1").arg(ContactKinds::names().join(QStringLiteral(", ")))});
    else
        c.kind = *kind;
    if (kind) {
        const QString field = QStringLiteral("value");
        auto value = *kind == ContactKind::Email
            ? CustomerValidator::normaliseEmail(field, input.value)
            : CustomerValidator::normalisePhone(field, input.value, company->defaultRegion);
        if (!value)
            errors.append(value.error().fields);
        else if (value->isEmpty())
            errors.append({field, QStringLiteral("required"), tr("is required")});
        else if (TextRules::codePoints(*value) > maxValue)
            errors.append({field, QStringLiteral("too_long"), tr("must be at most %n characters", nullptr, maxValue)});
        else
            c.value = *value;
    } else if (input.value.trimmed().isEmpty()) {
        errors.append({QStringLiteral("value"), QStringLiteral("required"), tr("is required")});
    }
    if (input.label) {
        if (TextRules::hasForbiddenCharacters(*input.label, false)) {
            errors.append({QStringLiteral("label"), QStringLiteral("invalid_characters"),
                tr("must not contain control characters or line breaks")});
        } else {
            c.label = CustomerValidator::cleanLine(*input.label);
            if (TextRules::codePoints(c.label) > maxLabel)
                errors.append({QStringLiteral("label"), QStringLiteral("too_long"),
                    tr("must be at most %n characters", nullptr, maxLabel)});
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    if (c.value == mainValue(*customer, c.kind))
        return explainConflict(c, Error::conflict(QStringLiteral("value"), QString(), QString()));

    ContactRepository repo(m_db);
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = PrivacyService::refuseIfAnonymised(m_db, *customer); !s)
        return s.error();
    if (input.primary) {
        c.primary = *input.primary;
    } else {
        auto has = repo.hasKind(customer->id, c.kind);
        if (!has)
            return has.error();
        c.primary = !*has;
    }
    c.id = Ids::newId(uow.now());
    c.companyId = customer->companyId;
    c.customerId = customer->id;
    c.createdAt = c.updatedAt = uow.now();
    c.createdBy = c.updatedBy = m_actor.userId;
    if (c.primary) {
        if (Status s = unsetPrimary(uow, c); !s)
            return s.error();
    }
    if (Status s = repo.insert(uow, c); !s)
        return explainConflict(c, s.error());
    auto stamp = uow.record(
        {kEntity, c.id, c.companyId, QStringLiteral("create"), UnitOfWork::Op::Upsert, {}, snapshot(c), c.customerId});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return c;
}

Status ContactService::unsetPrimary(UnitOfWork& uow, const CustomerContact& keep)
{
    ContactRepository repo(m_db);
    auto current = repo.primaryOf(keep.customerId, keep.kind);
    if (!current)
        return current.error();
    if (!current->has_value() || (*current)->id == keep.id)
        return Done {};
    CustomerContact before = **current;
    CustomerContact after = before;
    after.primary = false;
    after.updatedAt = std::max(uow.now(), before.updatedAt);
    after.updatedBy = m_actor.userId;
    if (Status s = repo.update(uow, after); !s)
        return s;
    auto stamp = uow.record({kEntity, after.id, after.companyId, QStringLiteral("update"), UnitOfWork::Op::Upsert,
        snapshot(before), snapshot(after), after.customerId});
    if (!stamp)
        return stamp.error();
    return Done {};
}

Result<CustomerContact> ContactService::byId(const QString& contactId)
{
    const QString id = contactId.trimmed().toLower();
    if (id.isEmpty())
        return Error::invalidField(QStringLiteral("contact"), QStringLiteral("required"), tr("is required"));
    if (!Ids::isValid(id))
        return Error::invalidField(QStringLiteral("contact"), QStringLiteral("invalid_reference"),
            tr("\"%1\" is not a contact id").arg(contactId.left(64)));
    auto found = ContactRepository(m_db).byId(m_actor.companyId, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("no contact %1").arg(id));
    return **found;
}

Result<CustomerContact> ContactService::update(const QString& contactId, const ContactChange& change)
{
    if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers' contacts")); !s)
        return s.error();
    // Read under the write lock, so that a primary mark moved meanwhile is not written back.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = byId(contactId);
    if (!current)
        return current.error();
    CustomerContact after = *current;
    if (change.label) {
        if (TextRules::hasForbiddenCharacters(*change.label, false))
            return Error::invalidField(QStringLiteral("label"), QStringLiteral("invalid_characters"),
                tr("must not contain control characters or line breaks"));
        after.label = CustomerValidator::cleanLine(*change.label);
        if (TextRules::codePoints(after.label) > maxLabel)
            return Error::invalidField(QStringLiteral("label"), QStringLiteral("too_long"),
                tr("must be at most %n characters", nullptr, maxLabel));
    }
    if (change.primary)
        after.primary = *change.primary;
    if (snapshot(after) == snapshot(*current))
        return after; // nothing changed: no write, no audit, no sync op

    after.updatedAt = std::max(uow.now(), current->updatedAt);
    after.updatedBy = m_actor.userId;
    if (after.primary && !current->primary) {
        if (Status s = unsetPrimary(uow, after); !s)
            return s.error();
    }
    if (Status s = ContactRepository(m_db).update(uow, after); !s)
        return s.error();
    auto stamp = uow.record({kEntity, after.id, after.companyId, QStringLiteral("update"), UnitOfWork::Op::Upsert,
        snapshot(*current), snapshot(after), after.customerId});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

Status ContactService::remove(const QString& contactId)
{
    if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers' contacts")); !s)
        return s.error();
    // A contact is a mutable profile detail, not a fact: the row goes, the audit row and the
    // delete op keep what it was (read under the write lock).
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s;
    auto current = byId(contactId);
    if (!current)
        return current.error();
    if (Status s = ContactRepository(m_db).remove(uow, current->companyId, current->id); !s)
        return s;
    auto stamp = uow.record({kEntity, current->id, current->companyId, QStringLiteral("delete"), UnitOfWork::Op::Delete,
        snapshot(*current), {}, current->customerId});
    if (!stamp)
        return stamp.error();
    return uow.commit();
}

Result<QList<CustomerContact>> ContactService::list(const QString& customerIdOrCode)
{
    // CustomerService::get checks that the actor may look up customers of this company.
    auto customer = CustomerService(m_db, m_actor).get(customerIdOrCode);
    if (!customer)
        return customer.error();
    return ContactRepository(m_db).forCustomer(customer->companyId, customer->id);
}

} // namespace kasir
