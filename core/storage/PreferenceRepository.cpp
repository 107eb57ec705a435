#include "core/storage/PreferenceRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

PreferenceRepository::PreferenceRepository(Database& db) : m_db(db) { }

Result<std::optional<CustomerPreferences>> PreferenceRepository::byCustomer(
    const QString& companyId, const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT preferred_payment, best_contact_time, can_receive_offers, can_receive_loyalty, "
                       "updated_at FROM customer_preference WHERE customer_id = ? AND company_id = ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<CustomerPreferences> out;
    if (q.next()) {
        CustomerPreferences p;
        p.customerId = customerId;
        p.preferredPayment = q.value(0).toString();
        p.bestContactTime = q.value(1).toString();
        p.canReceiveOffers = q.value(2).toBool();
        p.canReceiveLoyalty = q.value(3).toBool();
        p.updatedAt = q.value(4).toLongLong();
        out = p;
    }
    q.finish();
    return out;
}

Status PreferenceRepository::upsert(UnitOfWork& uow, const QString& companyId, const CustomerPreferences& p)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO customer_preference (customer_id, company_id, preferred_payment, best_contact_time, "
        "can_receive_offers, can_receive_loyalty, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (customer_id) DO UPDATE SET preferred_payment = excluded.preferred_payment, "
        "best_contact_time = excluded.best_contact_time, can_receive_offers = excluded.can_receive_offers, "
        "can_receive_loyalty = excluded.can_receive_loyalty, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by"));
    q.bindValue(0, p.customerId);
    q.bindValue(1, companyId);
    q.bindValue(2, Sql::text(p.preferredPayment));
    q.bindValue(3, Sql::text(p.bestContactTime));
    q.bindValue(4, p.canReceiveOffers ? 1 : 0);
    q.bindValue(5, p.canReceiveLoyalty ? 1 : 0);
    q.bindValue(6, p.updatedAt);
    q.bindValue(7, Sql::textOrNull(uow.actor().userId));
    if (!q.exec())
        return Sql::errorOf(q);
    q.finish();
    return Done {};
}

} // namespace kasir
