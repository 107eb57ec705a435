#include "core/storage/MembershipRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

namespace kasir {

MembershipRepository::MembershipRepository(Database& db) : m_db(db) { }

Result<MembershipRules> MembershipRepository::rules(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT silver_from, gold_from, platinum_from, bronze_discount_bp, silver_discount_bp, gold_discount_bp, "
        "platinum_discount_bp, spend_per_point, point_value, member_from, tiers_can_drop, points_expire_days, "
        "updated_at, updated_by FROM membership_rules WHERE company_id = ?"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    MembershipRules r = MembershipRules::defaults();
    if (q.next()) {
        r.silverFrom = q.value(0).toLongLong();
        r.goldFrom = q.value(1).toLongLong();
        r.platinumFrom = q.value(2).toLongLong();
        r.bronzeDiscountBp = q.value(3).toInt();
        r.silverDiscountBp = q.value(4).toInt();
        r.goldDiscountBp = q.value(5).toInt();
        r.platinumDiscountBp = q.value(6).toInt();
        r.spendPerPoint = q.value(7).toLongLong();
        r.pointValue = q.value(8).toLongLong();
        r.memberFrom = q.value(9).toLongLong();
        r.tiersCanDrop = q.value(10).toBool();
        r.pointsExpireDays = q.value(11).toLongLong();
        r.updatedAt = q.value(12).toLongLong();
        r.updatedBy = q.value(13).toString();
    }
    q.finish();
    return r;
}

Status MembershipRepository::saveRules(UnitOfWork& uow, const QString& companyId, const MembershipRules& r)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO membership_rules (company_id, silver_from, gold_from, platinum_from, bronze_discount_bp, "
        "silver_discount_bp, gold_discount_bp, platinum_discount_bp, spend_per_point, point_value, member_from, "
        "tiers_can_drop, points_expire_days, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?) "
        "ON CONFLICT (company_id) DO UPDATE SET silver_from = excluded.silver_from, gold_from = excluded.gold_from, "
        "platinum_from = excluded.platinum_from, bronze_discount_bp = excluded.bronze_discount_bp, "
        "silver_discount_bp = excluded.silver_discount_bp, gold_discount_bp = excluded.gold_discount_bp, "
        "platinum_discount_bp = excluded.platinum_discount_bp, spend_per_point = excluded.spend_per_point, "
        "point_value = excluded.point_value, member_from = excluded.member_from, "
        "tiers_can_drop = excluded.tiers_can_drop, points_expire_days = excluded.points_expire_days, "
        "updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by"));
    int i = 0;
    q.bindValue(i++, companyId);
    q.bindValue(i++, r.silverFrom);
    q.bindValue(i++, r.goldFrom);
    q.bindValue(i++, r.platinumFrom);
    q.bindValue(i++, r.bronzeDiscountBp);
    q.bindValue(i++, r.silverDiscountBp);
    q.bindValue(i++, r.goldDiscountBp);
    q.bindValue(i++, r.platinumDiscountBp);
    q.bindValue(i++, r.spendPerPoint);
    q.bindValue(i++, r.pointValue);
    q.bindValue(i++, r.memberFrom);
    q.bindValue(i++, r.tiersCanDrop ? 1 : 0);
    q.bindValue(i++, r.pointsExpireDays);
    q.bindValue(i++, r.updatedAt);
    q.bindValue(i++, r.updatedBy.isEmpty() ? QVariant() : QVariant(r.updatedBy));
    if (!q.exec())
        return Sql::errorOf(q);
    q.finish();
    return Done {};
}

} // namespace kasir
