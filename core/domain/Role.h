#pragma once

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
    UserManage,
    SettingsManage,
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
};

} // namespace kasir
