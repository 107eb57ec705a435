#include "core/services/PreferenceService.h"

#include "core/domain/Clock.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/MetricsRepository.h"
#include "core/storage/PreferenceRepository.h"
#include "core/storage/UnitOfWork.h"

#include <algorithm>

namespace kasir {

namespace {

const QString kEntity = QStringLiteral("customer_preference");

} // namespace

bool PreferenceService::PreferenceInput::isEmpty() const
{
    return !preferredPayment && !bestContactTime && !canReceiveOffers && !canReceiveLoyalty && !doNotContact;
}

PreferenceService::PreferenceService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot PreferenceService::snapshot(const CustomerPreferences& p)
{
    // In name order. No update stamp: a write that changes no field is not made at all, and
    // the op's HLC orders the writes that are.
    FieldSnapshot s;
    s.setText(QStringLiteral("bestContactTime"), p.bestContactTime);
    s.setBool(QStringLiteral("canReceiveLoyalty"), p.canReceiveLoyalty);
    s.setBool(QStringLiteral("canReceiveOffers"), p.canReceiveOffers);
    s.setText(QStringLiteral("customerId"), p.customerId);
    s.setText(QStringLiteral("preferredPayment"), p.preferredPayment);
    return s;
}

QJsonObject PreferenceService::toJson(const Preferences& p)
{
    QJsonObject o {{QStringLiteral("customerId"), p.stored.customerId},
        {QStringLiteral("preferredPayment"), p.stored.preferredPayment},
        {QStringLiteral("bestContactTime"), p.stored.bestContactTime},
        {QStringLiteral("canReceiveOffers"), p.stored.canReceiveOffers},
        {QStringLiteral("canReceiveLoyalty"), p.stored.canReceiveLoyalty},
        {QStringLiteral("doNotContact"), p.doNotContact}};
    if (p.stored.updatedAt > 0)
        o.insert(QStringLiteral("updatedAt"), isoUtc(p.stored.updatedAt));
    return o;
}

Result<PreferenceService::Preferences> PreferenceService::get(const QString& customerIdOrCode)
{
    // CustomerService::get checks that the actor may look up customers of this company.
    auto customer = CustomerService(m_db, m_actor).get(customerIdOrCode);
    if (!customer)
        return customer.error();
    auto stored = PreferenceRepository(m_db).byCustomer(customer->companyId, customer->id);
    if (!stored)
        return stored.error();
    Preferences out;
    if (stored->has_value())
        out.stored = **stored;
    out.stored.customerId = customer->id;
    out.doNotContact = customer->doNotContact;
    return out;
}

Result<PreferenceService::Preferences> PreferenceService::set(
    const QString& customerIdOrCode, const PreferenceInput& input)
{
    if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers' preferences")); !s)
        return s.error();
    // Read under the write lock: a change made meanwhile to another field is not undone.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = get(customerIdOrCode);
    if (!current)
        return current.error();

    QList<FieldError> errors;
    Preferences after = *current;
    auto choice
        = [&](const std::optional<QString>& raw, const QStringList& allowed, const QString& field, QString& out) {
              if (!raw)
                  return;
              const QString v = raw->trimmed().toLower();
              if (v.isEmpty() || allowed.contains(v))
                  out = v;
              else
                  errors.append({field, QStringLiteral("invalid_choice"),
                      tr("must be one of: %1 (or empty to clear)").arg(allowed.join(QStringLiteral(", ")))});
          };
    choice(input.preferredPayment, CustomerPreferences::paymentNames(), QStringLiteral("preferredPayment"),
        after.stored.preferredPayment);
    choice(input.bestContactTime, CustomerPreferences::contactTimeNames(), QStringLiteral("bestContactTime"),
        after.stored.bestContactTime);
    if (!errors.isEmpty())
        return Error::invalid(errors);
    if (input.canReceiveOffers)
        after.stored.canReceiveOffers = *input.canReceiveOffers;
    if (input.canReceiveLoyalty)
        after.stored.canReceiveLoyalty = *input.canReceiveLoyalty;
    if (input.doNotContact)
        after.doNotContact = *input.doNotContact;

    const bool rowChanged = snapshot(after.stored) != snapshot(current->stored);
    const bool flagChanged = after.doNotContact != current->doNotContact;
    if (!rowChanged && !flagChanged)
        return after; // nothing changed: no write, no audit, no sync op

    if (rowChanged) {
        after.stored.updatedAt = std::max(uow.now(), current->stored.updatedAt);
        if (Status s = PreferenceRepository(m_db).upsert(uow, m_actor.companyId, after.stored); !s)
            return s.error();
        // Before a first write the row did not exist: the defaults are what the customer had.
        auto stamp = uow.record({kEntity, after.stored.customerId, m_actor.companyId, QStringLiteral("update"),
            UnitOfWork::Op::Upsert, snapshot(current->stored), snapshot(after.stored), after.stored.customerId});
        if (!stamp)
            return stamp.error();
    }
    if (flagChanged) {
        CustomerInput flag;
        flag.doNotContact = after.doNotContact;
        auto customer = CustomerService(m_db, m_actor).update(uow, after.stored.customerId, flag);
        if (!customer)
            return customer.error();
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

Result<QList<ProductTotal>> PreferenceService::favouriteProducts(const QString& customerIdOrCode, int limit)
{
    auto customer = CustomerService(m_db, m_actor).get(customerIdOrCode);
    if (!customer)
        return customer.error();
    return MetricsRepository(m_db).topProducts(customer->id, std::clamp(limit, 1, 100));
}

} // namespace kasir
