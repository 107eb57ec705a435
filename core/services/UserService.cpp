#include "core/services/UserService.h"

#include "core/domain/CustomerValidator.h"
#include "core/domain/Ids.h"
#include "core/services/PasswordHasher.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QRegularExpression>

namespace kasir {

UserService::UserService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

std::optional<FieldError> UserService::checkUsername(const QString& username)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    const QString u = username.trimmed();
    if (u.isEmpty())
        return FieldError {QStringLiteral("username"), QStringLiteral("required"), tr("is required")};
    if (!pattern.match(u).hasMatch())
        return FieldError {QStringLiteral("username"), QStringLiteral("invalid_username"),
            tr("must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit")};
    return std::nullopt;
}

std::optional<FieldError> UserService::checkPassword(const QString& password)
{
    if (password.size() < 8)
        return FieldError {
            QStringLiteral("password"), QStringLiteral("too_short"), tr("must be at least %n characters", nullptr, 8)};
    if (password.size() > 1024)
        return FieldError {
            QStringLiteral("password"), QStringLiteral("too_long"), tr("must be at most %n characters", nullptr, 1024)};
    return std::nullopt;
}

Result<User> UserService::add(const NewUser& n)
{
    if (!m_actor.can(Permission::UserManage))
        return Error::permissionDenied(tr("only an administrator can add users"));
    QList<FieldError> errors;
    if (auto e = checkUsername(n.username))
        errors << *e;
    if (auto e = checkPassword(n.password))
        errors << *e;
    const auto role = Roles::parse(n.role);
    if (!role)
        errors << FieldError {
            QStringLiteral("role"), QStringLiteral("invalid_choice"), tr("must be one of: admin, manager, cashier")};
    const QString displayName = CustomerValidator::cleanLine(n.displayName);
    if (displayName.size() > 255)
        errors << FieldError {
            QStringLiteral("displayName"), QStringLiteral("too_long"), tr("must be at most 255 characters")};
    if (!errors.isEmpty())
        return Error::invalid(errors);

    TenancyRepository repo(m_db);
    auto existing = repo.userByName(m_actor.companyId, n.username.trimmed());
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::conflict(
            QStringLiteral("username"), QStringLiteral("duplicate"), tr("is already taken by another user"));

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    const qint64 now = uow.now();
    User u {Ids::newId(now), m_actor.companyId, n.username.trimmed(),
        displayName.isEmpty() ? n.username.trimmed() : displayName, *role, true, now, now};
    const QString hash = PasswordHasher::hash(n.password);
    if (hash.isEmpty())
        return Error::other(QStringLiteral("hash_failed"), tr("could not hash the password (out of memory?)"));
    if (Status s = repo.insertUser(uow, u, hash); !s)
        return s.error();
    auto stamp
        = uow.record({QStringLiteral("user"), u.id, u.companyId, QStringLiteral("create"), UnitOfWork::Op::Upsert, {},
            FieldSnapshot {{QStringLiteral("username"), u.username}, {QStringLiteral("displayName"), u.displayName},
                {QStringLiteral("role"), Roles::toString(u.role)}, {QStringLiteral("passwordHash"), hash}}});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return u;
}

Result<QList<User>> UserService::list()
{
    if (!m_actor.can(Permission::UserManage))
        return Error::permissionDenied(tr("only an administrator can list users"));
    return TenancyRepository(m_db).users(m_actor.companyId);
}

Result<User> UserService::authenticate(
    Database& db, const QString& companyId, const QString& username, const QString& password)
{
    TenancyRepository repo(db);
    auto user = repo.userByName(companyId, username.trimmed());
    if (!user)
        return user.error();
    const Error refused = Error::permissionDenied(tr("wrong username or password"));
    if (!user->has_value()) {
        // Spend the same time as a real check, so that timing does not tell which
        // usernames exist.
        PasswordHasher::verify(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                              "2zXZk3pJm5N0wgGuEYNyGWyOw0K8Hr6hBOPFS4oJQ0A"),
            password);
        return refused;
    }
    auto hash = repo.passwordHash((*user)->id);
    if (!hash)
        return hash.error();
    if (!(*user)->active || !PasswordHasher::verify(*hash, password))
        return refused;
    return **user;
}

} // namespace kasir
