#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// Local users: who may log in on this terminal and with which role. Only an administrator
// (UserManage) adds, lists and changes users. Whatever the order of changes, the company
// keeps at least one active administrator, and an administrator neither deactivates
// themselves nor takes away their own administrator role (another administrator can).
// Usernames never change: the audit log names people by them. Each change is one unit of
// work with its audit row and sync op; one that changes nothing writes nothing.
class UserService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::UserService)

public:
    struct NewUser
    {
        QString username;
        QString displayName;
        QString role;
        QString password;
    };

    // What to change; fields left empty stay as they are.
    struct UserChange
    {
        std::optional<QString> displayName; // empty: the username, as when adding
        std::optional<QString> role; // "admin", "manager" or "cashier"
    };

    UserService(Database& db, Actor actor);

    Result<User> add(const NewUser& user);
    Result<QList<User>> list();
    // Errors name "displayName" and "role".
    Result<User> update(const QString& userId, const UserChange& change);
    // A deactivated user cannot sign in; their name stays in the records. Errors name "active".
    Result<User> deactivate(const QString& userId);
    Result<User> reactivate(const QString& userId);
    // The rules and the hashing of add(). Errors name "password".
    Result<User> setPassword(const QString& userId, const QString& password);

    // Whether the actor's own account, as stored now, is active and still holds a role that
    // allows `permission`: a session keeps the role it signed in with, and a user demoted or
    // deactivated since (by another administrator, on this terminal or another) must not go
    // on managing users or settings with it. Called inside the change's unit of work.
    static Status requireCurrentAccount(Database& db, const Actor& actor, Permission permission);

    // Checks a password; the same answer for an unknown user and a wrong password.
    static Result<User> authenticate(
        Database& db, const QString& companyId, const QString& username, const QString& password);

    static std::optional<FieldError> checkUsername(const QString& username);
    static std::optional<FieldError> checkPassword(const QString& password);
    static constexpr int maxDisplayName = 255;
    // Folded spaces, no control characters, at most maxDisplayName characters; the error
    // names "displayName".
    static Result<QString> cleanDisplayName(const QString& displayName);

private:
    // The user `userId` of the actor's company, or NotFound.
    Result<User> ownUser(const QString& userId);
    // Refuses to leave the company without an active administrator: `before` is about to
    // stop being one. The error names `field`.
    Status keepAnAdministrator(const User& before, const QString& field);
    // Writes the changed row with its audit row and sync op, and commits.
    Result<User> write(UnitOfWork& uow, const User& before, const User& after, const QString& action);
    // deactivate() and reactivate(): one change of `active`, with the guards of deactivating.
    Result<User> setActive(const QString& userId, bool active);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
