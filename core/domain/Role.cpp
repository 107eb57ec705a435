#include "core/domain/Role.h"

#include <QCoreApplication>

namespace kasir {

namespace {
struct Names
{
    Q_DECLARE_TR_FUNCTIONS(kasir::Roles)
};
} // namespace

Status Actor::require(Permission permission, const QString& what) const
{
    if (can(permission))
        return Done {};
    return Error::permissionDenied(Names::tr("a %1 may not %2").arg(Roles::displayName(role).toLower(), what));
}

namespace Roles {

bool allows(Role role, Permission permission)
{
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Manager:
        // Everything in the company but users, settings, hard delete and anonymisation.
        return permission != Permission::UserManage && permission != Permission::SettingsManage
            && permission != Permission::CustomerDelete && permission != Permission::CustomerAnonymise;
    case Role::Cashier:
        // Find, register, sell, add notes (ARCHITECTURE.md), and delete a note of their own.
        // Tags are a manager's: a tag such as "do not give credit" must not come off at the till.
        return permission == Permission::CustomerRead || permission == Permission::CustomerCreate
            || permission == Permission::SaleCreate || permission == Permission::NoteWrite;
    }
    return false;
}

QString toString(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Cashier:
        return QStringLiteral("cashier");
    }
    return {};
}

std::optional<Role> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (Role r : {Role::Admin, Role::Manager, Role::Cashier}) {
        if (t.compare(toString(r), Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

QString displayName(Role role)
{
    switch (role) {
    case Role::Admin:
        return Names::tr("Administrator");
    case Role::Manager:
        return Names::tr("Manager");
    case Role::Cashier:
        return Names::tr("Cashier");
    }
    return {};
}

} // namespace Roles

} // namespace kasir
