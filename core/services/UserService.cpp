#include "core/services/UserService.h"

#include "core/domain/CustomerValidator.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Ids.h"
#include "core/domain/TextRules.h"
#include "core/services/PasswordHasher.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QRegularExpression>

namespace kasir {

namespace {

FieldSnapshot snapshot(const User& u)
{
    FieldSnapshot f;
    f.setBool(QStringLiteral("active"), u.active);
    f.setText(QStringLiteral("displayName"), u.displayName);
    f.setText(QStringLiteral("role"), Roles::toString(u.role));
    f.setText(QStringLiteral("username"), u.username);
    return f;
}

} // namespace

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

Result<QString> UserService::cleanDisplayName(const QString& displayName)
{
    if (TextRules::hasForbiddenCharacters(displayName, false))
        return Error::invalidField(QStringLiteral("displayName"), QStringLiteral("invalid_characters"),
            tr("must not contain control characters or line breaks"));
    const QString clean = CustomerValidator::cleanLine(displayName);
    if (TextRules::codePoints(clean) > maxDisplayName)
        return Error::invalidField(
            QStringLiteral("displayName"), QStringLiteral("too_long"), tr("must be at most 255 characters"));
    return clean;
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
    const auto cleanName = cleanDisplayName(n.displayName);
    if (!cleanName)
        errors << cleanName.error().fields;
    const QString displayName = cleanName.value_or(QString());
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
    if (Status s = requireCurrentAccount(m_db, m_actor, Permission::UserManage); !s)
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

Status UserService::requireCurrentAccount(Database& db, const Actor& actor, Permission permission)
{
    auto me = TenancyRepository(db).userById(actor.userId);
    if (!me)
        return me.error();
    if (!me->has_value() || !(*me)->active || (*me)->companyId != actor.companyId
        || !Roles::allows((*me)->role, permission))
        return Error::permissionDenied(
            tr("your account has been changed since you signed in and no longer allows this; sign in again"));
    return Done {};
}

Result<QList<User>> UserService::list()
{
    if (!m_actor.can(Permission::UserManage))
        return Error::permissionDenied(tr("only an administrator can list users"));
    return TenancyRepository(m_db).users(m_actor.companyId);
}

Result<User> UserService::ownUser(const QString& userId)
{
    auto found = TenancyRepository(m_db).userById(userId);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->companyId != m_actor.companyId)
        return Error::notFound(tr("there is no such user"));
    return **found;
}

Status UserService::keepAnAdministrator(const User& before, const QString& field)
{
    if (before.role != Role::Admin || !before.active)
        return Done {};
    auto admins = TenancyRepository(m_db).activeAdminCount(m_actor.companyId);
    if (!admins)
        return admins.error();
    if (*admins <= 1)
        return Error::conflict(field, QStringLiteral("last_admin"),
            tr("%1 is the company's only active administrator; make another user an administrator first")
                .arg(before.username));
    return Done {};
}

Result<User> UserService::write(UnitOfWork& uow, const User& before, const User& after, const QString& action)
{
    if (snapshot(before) == snapshot(after))
        return before; // nothing changed: no write, no audit, no sync op
    User written = after;
    written.updatedAt = uow.now();
    if (Status s = TenancyRepository(m_db).updateUser(uow, written); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("user"), written.id, written.companyId, action, UnitOfWork::Op::Upsert,
        snapshot(before), snapshot(written)});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return written;
}

Result<User> UserService::update(const QString& userId, const UserChange& change)
{
    if (Status s = m_actor.require(Permission::UserManage, tr("change users")); !s)
        return s.error();
    QList<FieldError> errors;
    std::optional<QString> displayName;
    if (change.displayName) {
        if (auto clean = cleanDisplayName(*change.displayName))
            displayName = *clean;
        else
            errors << clean.error().fields;
    }
    std::optional<Role> role;
    if (change.role) {
        role = Roles::parse(*change.role);
        if (!role)
            errors << FieldError {QStringLiteral("role"), QStringLiteral("invalid_choice"),
                tr("must be one of: admin, manager, cashier")};
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);

    // The user and the administrators are counted under the write lock, so two changes on
    // this terminal cannot each leave the other administrator the last one.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = requireCurrentAccount(m_db, m_actor, Permission::UserManage); !s)
        return s.error();
    auto before = ownUser(userId);
    if (!before)
        return before.error();
    User after = *before;
    if (displayName)
        after.displayName = displayName->isEmpty() ? before->username : *displayName;
    if (role)
        after.role = *role;
    if (before->role == Role::Admin && after.role != Role::Admin) {
        if (before->id == m_actor.userId)
            return Error::invalidField(QStringLiteral("role"), QStringLiteral("own_role"),
                tr("you cannot take away your own administrator role; another administrator can"));
        if (Status s = keepAnAdministrator(*before, QStringLiteral("role")); !s)
            return s.error();
    }
    return write(uow, *before, after, QStringLiteral("update"));
}

Result<User> UserService::deactivate(const QString& userId)
{
    return setActive(userId, false);
}

Result<User> UserService::reactivate(const QString& userId)
{
    return setActive(userId, true);
}

Result<User> UserService::setActive(const QString& userId, bool active)
{
    if (Status s = m_actor.require(Permission::UserManage, active ? tr("reactivate users") : tr("deactivate users"));
        !s)
        return s.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = requireCurrentAccount(m_db, m_actor, Permission::UserManage); !s)
        return s.error();
    auto before = ownUser(userId);
    if (!before)
        return before.error();
    if (!active) {
        if (!before->active)
            return *before;
        if (before->id == m_actor.userId)
            return Error::invalidField(QStringLiteral("active"), QStringLiteral("own_account"),
                tr("you cannot deactivate yourself; another administrator can"));
        if (Status s = keepAnAdministrator(*before, QStringLiteral("active")); !s)
            return s.error();
    }
    User after = *before;
    after.active = active;
    return write(uow, *before, after, active ? QStringLiteral("reactivate") : QStringLiteral("deactivate"));
}

Result<User> UserService::setPassword(const QString& userId, const QString& password)
{
    if (Status s = m_actor.require(Permission::UserManage, tr("set passwords")); !s)
        return s.error();
    if (auto e = checkPassword(password))
        return Error::invalid({*e});
    // Hashing takes a while and much memory: done before the write lock is taken.
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return Error::other(QStringLiteral("hash_failed"), tr("could not hash the password (out of memory?)"));

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = requireCurrentAccount(m_db, m_actor, Permission::UserManage); !s)
        return s.error();
    auto user = ownUser(userId);
    if (!user)
        return user.error();
    user->updatedAt = uow.now();
    if (Status s = TenancyRepository(m_db).setPasswordHash(uow, user->id, hash, user->updatedAt); !s)
        return s.error();
    // As in add(): the sync op carries the hash, never the password.
    auto stamp = uow.record({QStringLiteral("user"), user->id, user->companyId, QStringLiteral("password"),
        UnitOfWork::Op::Upsert, {}, FieldSnapshot {{QStringLiteral("passwordHash"), hash}}});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return *user;
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
