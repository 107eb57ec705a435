#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>

#include <optional>

namespace kasir {

class Database;

// Local users: who may log in on this terminal and with which role.
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

    UserService(Database& db, Actor actor);

    Result<User> add(const NewUser& user);
    Result<QList<User>> list();

    // Checks a password; the same answer for an unknown user and a wrong password.
    static Result<User> authenticate(
        Database& db, const QString& companyId, const QString& username, const QString& password);

    static std::optional<FieldError> checkUsername(const QString& username);
    static std::optional<FieldError> checkPassword(const QString& password);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
