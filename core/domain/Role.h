#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <optional>

namespace kasir {

enum class Role
{
    Admin,
    Manager,
    Cashier,
};

// What a user may do. The services ask; the UI only mirrors the answer.
enum class Permission
{
    CustomerRead,
    CustomerCreate,
    CustomerUpdate,
    CustomerDeactivate,
    CustomerDelete,
    CustomerAnonymise,
    CustomerExport, // everything stored about one customer, as a document that leaves the system
    UserManage,
    SettingsManage,
    SaleCreate, // sell, register mid-sale, pay with points or store credit within the limit
    SaleRefund,
    ProductManage,
    LedgerAdjust, // points adjustments, store-credit top-ups and debits, credit limits
    CreditLimitOverride, // let a sale go past a customer's credit limit, with a reason
    RulesManage, // membership rules
    Maintenance, // rebuild and check derived figures, expire points
    ActivityRead, // a customer's activity log: who changed what, when
    NoteWrite, // add notes to a customer, delete one's own
    NoteDeleteAny, // delete another user's note
    TagAssign, // put an existing tag on a customer or take it off (managers and admins)
    TagManage, // create, rename and recolour tags (and so create one while tagging)
    AnalyticsRead, // the membership dashboard: company-wide figures, top and repeat customers
    CustomerBulkUpdate, // change many customers at once: type, status, tags, membership
};

namespace Roles {
bool allows(Role role, Permission permission);
QString toString(Role role);
std::optional<Role> parse(QStringView text);
QString displayName(Role role);
} // namespace Roles

// Who is acting: every write records it, every use case checks it.
struct Actor
{
    QString userId;
    QString companyId;
    QString username;
    Role role = Role::Cashier;

    bool can(Permission permission) const { return Roles::allows(role, permission); }
    // Done when the role allows it; otherwise a permission error that says so ("a cashier
    // may not refund sales"), `what` being the translated deed.
    Status require(Permission permission, const QString& what) const;
};

} // namespace kasir
