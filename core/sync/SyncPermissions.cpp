#include "core/sync/SyncPermissions.h"

namespace kasir::SyncPermissions {

std::optional<Permission> required(const SyncOp& op)
{
    const QString& e = op.entity;
    const QString& a = op.action;
    const QString kind = op.fields.value(QStringLiteral("kind")).toString();
    if (e == u"customer") {
        if (a == u"create")
            return Permission::CustomerCreate;
        if (a == u"delete")
            return Permission::CustomerDelete;
        if (a == u"anonymise")
            return Permission::CustomerAnonymise;
        if (a == u"tier") // a level reached by a sale
            return Permission::SaleCreate;
        return Permission::CustomerUpdate;
    }
    if (e == u"customer_contact" || e == u"customer_preference" || e == u"customer_note") {
        if (a == u"anonymise")
            return Permission::CustomerAnonymise;
        if (e == u"customer_note")
            return Permission::NoteWrite;
        if (a == u"delete" && op.kind == SyncOp::Kind::Delete)
            return Permission::CustomerUpdate;
        return a == u"create" ? Permission::CustomerCreate : Permission::CustomerUpdate;
    }
    if (e == u"sale")
        return kind == u"refund" || a == u"refund" ? Permission::SaleRefund : Permission::SaleCreate;
    if (e == u"sale_link" || e == u"tier_history")
        return Permission::SaleCreate;
    if (e == u"points_entry") {
        if (kind == u"earned" || kind == u"redeemed")
            return Permission::SaleCreate;
        if (kind == u"reversed")
            return Permission::SaleRefund;
        if (kind == u"expired")
            return Permission::Maintenance;
        return Permission::LedgerAdjust;
    }
    if (e == u"credit_entry") {
        if (kind == u"sale_on_account")
            return Permission::SaleCreate;
        if (kind == u"reversal")
            return Permission::SaleRefund;
        return Permission::LedgerAdjust;
    }
    if (e == u"credit_limit")
        return op.kind == SyncOp::Kind::Delete ? Permission::CustomerDelete : Permission::LedgerAdjust;
    if (e == u"customer_erasure")
        return kind == u"delete" || a == u"delete" ? Permission::CustomerDelete : Permission::CustomerAnonymise;
    if (e == u"sale_erasure")
        return Permission::CustomerAnonymise;
    if (e == u"customer_export")
        return Permission::CustomerExport;
    if (e == u"tag")
        return Permission::TagManage;
    if (e == u"customer_tag")
        return Permission::TagAssign;
    if (e == u"product")
        return Permission::ProductManage;
    if (e == u"membership_rules")
        return Permission::RulesManage;
    if (e == u"company" || e == u"store")
        return Permission::SettingsManage;
    if (e == u"user")
        return Permission::UserManage;
    return std::nullopt;
}

} // namespace kasir::SyncPermissions
