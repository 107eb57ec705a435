#include "core/storage/TenancyRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

namespace kasir {

namespace {

const QString kUserColumns
    = QStringLiteral("id, company_id, username, display_name, role, active, created_at, updated_at");

User readUser(const QSqlQuery& q)
{
    User u;
    u.id = q.value(0).toString();
    u.companyId = q.value(1).toString();
    u.username = q.value(2).toString();
    u.displayName = q.value(3).toString();
    u.role = Roles::parse(q.value(4).toString()).value_or(Role::Cashier);
    u.active = q.value(5).toBool();
    u.createdAt = q.value(6).toLongLong();
    u.updatedAt = q.value(7).toLongLong();
    return u;
}

Company readCompany(const QSqlQuery& q)
{
    Company c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.defaultRegion = q.value(2).toString();
    c.currency = q.value(3).toString();
    c.createdAt = q.value(4).toLongLong();
    c.updatedAt = q.value(5).toLongLong();
    return c;
}

const QString kStoreColumns = QStringLiteral("id, company_id, code, name, created_at");

Store readStore(const QSqlQuery& q)
{
    return Store {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toLongLong()};
}

Status run(QSqlQuery& q)
{
    if (!q.exec())
        return Sql::errorOf(q);
    q.finish();
    return Done {};
}

} // namespace

TenancyRepository::TenancyRepository(Database& db) : m_db(db) { }

Status TenancyRepository::insertCompany(UnitOfWork& uow, const Company& c)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO company (id, name, default_region, currency, created_at, "
                                               "updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, c.id);
    q.bindValue(1, c.name);
    q.bindValue(2, c.defaultRegion);
    q.bindValue(3, c.currency);
    q.bindValue(4, c.createdAt);
    q.bindValue(5, c.updatedAt);
    return run(q);
}

Status TenancyRepository::insertStore(UnitOfWork& uow, const Store& s)
{
    QSqlQuery& q = uow.prepared(
        QStringLiteral("INSERT INTO store (id, company_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.bindValue(0, s.id);
    q.bindValue(1, s.companyId);
    q.bindValue(2, s.code);
    q.bindValue(3, s.name);
    q.bindValue(4, s.createdAt);
    return run(q);
}

Status TenancyRepository::insertTerminal(UnitOfWork& uow, const Terminal& t)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO terminal (id, store_id, code, name, site_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, t.id);
    q.bindValue(1, t.storeId);
    q.bindValue(2, t.code);
    q.bindValue(3, t.name);
    q.bindValue(4, static_cast<qint64>(t.siteId));
    q.bindValue(5, t.createdAt);
    return run(q);
}

Status TenancyRepository::insertUser(UnitOfWork& uow, const User& u, const QString& passwordHash)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO app_user (id, company_id, username, display_name, role, password_hash, active, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, u.id);
    q.bindValue(1, u.companyId);
    q.bindValue(2, u.username);
    q.bindValue(3, u.displayName);
    q.bindValue(4, Roles::toString(u.role));
    q.bindValue(5, passwordHash);
    q.bindValue(6, u.active ? 1 : 0);
    q.bindValue(7, u.createdAt);
    q.bindValue(8, u.updatedAt);
    return run(q);
}

Status TenancyRepository::setLocalTerminal(UnitOfWork& uow, const QString& terminalId)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.bindValue(0, QString::fromLatin1(Database::terminalStateKey));
    q.bindValue(1, terminalId);
    return run(q);
}

Status TenancyRepository::updateCompanyName(
    UnitOfWork& uow, const QString& companyId, const QString& name, qint64 updatedAt)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE company SET name = ?, updated_at = ? WHERE id = ?"));
    q.bindValue(0, name);
    q.bindValue(1, updatedAt);
    q.bindValue(2, companyId);
    return run(q);
}

Status TenancyRepository::updateStoreName(UnitOfWork& uow, const QString& storeId, const QString& name)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE store SET name = ? WHERE id = ?"));
    q.bindValue(0, name);
    q.bindValue(1, storeId);
    return run(q);
}

Status TenancyRepository::updateUser(UnitOfWork& uow, const User& u)
{
    QSqlQuery& q = uow.prepared(
        QStringLiteral("UPDATE app_user SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?"));
    q.bindValue(0, u.displayName);
    q.bindValue(1, Roles::toString(u.role));
    q.bindValue(2, u.active ? 1 : 0);
    q.bindValue(3, u.updatedAt);
    q.bindValue(4, u.id);
    return run(q);
}

Status TenancyRepository::setPasswordHash(
    UnitOfWork& uow, const QString& userId, const QString& passwordHash, qint64 updatedAt)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?"));
    q.bindValue(0, passwordHash);
    q.bindValue(1, updatedAt);
    q.bindValue(2, userId);
    return run(q);
}

Result<std::optional<Company>> TenancyRepository::company(const QString& id)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, name, default_region, currency, created_at, updated_at FROM company WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Company> out;
    if (q.next())
        out = readCompany(q);
    q.finish();
    return out;
}

Result<QList<Company>> TenancyRepository::companies()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, name, default_region, currency, created_at, updated_at FROM company ORDER BY created_at, id"));
    if (!q.exec())
        return Sql::errorOf(q);
    QList<Company> out;
    while (q.next())
        out << readCompany(q);
    q.finish();
    return out;
}

Result<std::optional<Terminal>> TenancyRepository::localTerminal()
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT t.id, t.store_id, t.code, t.name, t.site_id, t.created_at FROM terminal t "
                       "JOIN local_state s ON s.key = 'terminal_id' AND s.value = t.id"));
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Terminal> out;
    if (q.next()) {
        Terminal t;
        t.id = q.value(0).toString();
        t.storeId = q.value(1).toString();
        t.code = q.value(2).toString();
        t.name = q.value(3).toString();
        t.siteId = static_cast<quint32>(q.value(4).toLongLong());
        t.createdAt = q.value(5).toLongLong();
        out = t;
    }
    q.finish();
    return out;
}

Result<std::optional<Store>> TenancyRepository::store(const QString& id)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT ") + kStoreColumns + QStringLiteral(" FROM store WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Store> out;
    if (q.next())
        out = readStore(q);
    q.finish();
    return out;
}

Result<std::optional<Store>> TenancyRepository::storeByCode(const QString& companyId, const QString& code)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT ") + kStoreColumns + QStringLiteral(" FROM store WHERE company_id = ? AND code = ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, code);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Store> out;
    if (q.next())
        out = readStore(q);
    q.finish();
    return out;
}

Result<QList<Store>> TenancyRepository::stores(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT ") + kStoreColumns + QStringLiteral(" FROM store WHERE company_id = ? ORDER BY code"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<Store> out;
    while (q.next())
        out << readStore(q);
    q.finish();
    return out;
}

Result<std::optional<User>> TenancyRepository::userByName(const QString& companyId, const QString& username)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT ") + kUserColumns
        + QStringLiteral(" FROM app_user WHERE company_id = ? AND username = ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, username);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<User> out;
    if (q.next())
        out = readUser(q);
    q.finish();
    return out;
}

Result<std::optional<User>> TenancyRepository::userById(const QString& id)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM app_user WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<User> out;
    if (q.next())
        out = readUser(q);
    q.finish();
    return out;
}

Result<QString> TenancyRepository::passwordHash(const QString& userId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT password_hash FROM app_user WHERE id = ?"));
    q.bindValue(0, userId);
    if (!q.exec())
        return Sql::errorOf(q);
    QString hash;
    if (q.next())
        hash = q.value(0).toString();
    q.finish();
    return hash;
}

Result<QList<User>> TenancyRepository::users(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT ") + kUserColumns
        + QStringLiteral(" FROM app_user WHERE company_id = ? ORDER BY username"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<User> out;
    while (q.next())
        out << readUser(q);
    q.finish();
    return out;
}

Result<std::optional<User>> TenancyRepository::firstAdmin(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT ") + kUserColumns
        + QStringLiteral(" FROM app_user WHERE company_id = ? AND role = 'admin' AND active = 1 "
                         "ORDER BY created_at, id LIMIT 1"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<User> out;
    if (q.next())
        out = readUser(q);
    q.finish();
    return out;
}

Result<qint64> TenancyRepository::activeAdminCount(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM app_user WHERE company_id = ? AND role = 'admin' AND active = 1"));
    q.bindValue(0, companyId);
    return Sql::integer(q);
}

} // namespace kasir
