#include "core/sync/SyncPermissions.h"

namespace kasir::SyncPermissions {

bool onlySets(const SyncOp& op, std::initializer_list<const char*> allowed)
{
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"updatedAt" || key == u"updatedBy")
            continue;
        bool ok = false;
        for (const char* a : allowed)
            ok = ok || key == QLatin1String(a);
        if (!ok)
            return false;
    }
    return true;
}

std::optional<QList<Permission>> required(const SyncOp& op, bool exists)
{
    const QString& e = op.entity;
    const QString& a = op.action;
    const bool deletes = op.kind == SyncOp::Kind::Delete;
    const bool creates = a == u"create" && !exists && !deletes;
    const QString kind = op.fields.value(QStringLiteral("kind")).toString();
    const bool forSale = !op.fields.value(QStringLiteral("saleId")).toString().isEmpty();
    using P = Permission;
    if (e == u"customer") {
        if (deletes)
            return QList<P> {P::CustomerDelete};
        if (a == u"anonymise")
            return QList<P> {P::CustomerAnonymise};
        if (creates)
            return QList<P> {P::CustomerCreate};
        // A level (and the membership it brings) reached by a sale at the counter.
        if (a == u"tier" && onlySets(op, {"level", "type"}))
            return QList<P> {P::SaleCreate};
        if (op.fields.contains(QStringLiteral("status")))
            return QList<P> {P::CustomerUpdate, P::CustomerDeactivate};
        return QList<P> {P::CustomerUpdate};
    }
    if (e == u"customer_note") {
        if (a == u"anonymise")
            return QList<P> {P::CustomerAnonymise};
        if (creates || a == u"delete")
            return QList<P> {P::NoteWrite};
        return QList<P> {P::CustomerUpdate};
    }
    if (e == u"customer_contact" || e == u"customer_preference") {
        if (a == u"anonymise")
            return QList<P> {P::CustomerAnonymise};
        return QList<P> {creates ? P::CustomerCreate : P::CustomerUpdate};
    }
    if (e == u"sale")
        return QList<P> {kind == u"refund" ? P::SaleRefund : P::SaleCreate};
    if (e == u"sale_link" || e == u"tier_history")
        return QList<P> {P::SaleCreate};
    if (e == u"points_entry") {
        if ((kind == u"earned" || kind == u"redeemed") && forSale)
            return QList<P> {P::SaleCreate};
        if (kind == u"reversed" && forSale)
            return QList<P> {P::SaleRefund};
        if (kind == u"expired")
            return QList<P> {P::Maintenance};
        return QList<P> {P::LedgerAdjust};
    }
    if (e == u"credit_entry") {
        if (kind == u"sale_on_account" && forSale)
            return QList<P> {P::SaleCreate};
        if (kind == u"reversal" && forSale)
            return QList<P> {P::SaleRefund};
        return QList<P> {P::LedgerAdjust};
    }
    if (e == u"credit_limit")
        return QList<P> {deletes ? P::CustomerDelete : P::LedgerAdjust};
    if (e == u"customer_erasure")
        return QList<P> {kind == u"delete" || a == u"delete" ? P::CustomerDelete : P::CustomerAnonymise};
    if (e == u"sale_erasure")
        return QList<P> {P::CustomerAnonymise};
    if (e == u"customer_export")
        return QList<P> {P::CustomerExport};
    if (e == u"tag")
        return QList<P> {P::TagManage};
    if (e == u"customer_tag")
        return QList<P> {P::TagAssign};
    if (e == u"product")
        return QList<P> {P::ProductManage};
    if (e == u"membership_rules")
        return QList<P> {P::RulesManage};
    if (e == u"company" || e == u"store")
        return QList<P> {P::SettingsManage};
    if (e == u"user") {
        if (a == u"password" && op.entityId == op.actorId && !deletes && onlySets(op, {"passwordHash"}))
            return QList<P> {};
        return QList<P> {P::UserManage};
    }
    return std::nullopt;
}

} // namespace kasir::SyncPermissions
