#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tenancy.h"

#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// Companies, stores, terminals and users.
class TenancyRepository final
{
public:
    explicit TenancyRepository(Database& db);

    Status insertCompany(UnitOfWork& uow, const Company& company);
    Status insertStore(UnitOfWork& uow, const Store& store);
    Status insertTerminal(UnitOfWork& uow, const Terminal& terminal);
    Status insertUser(UnitOfWork& uow, const User& user, const QString& passwordHash);
    Status setLocalTerminal(UnitOfWork& uow, const QString& terminalId);
    Status updateCompanyName(UnitOfWork& uow, const QString& companyId, const QString& name, qint64 updatedAt);
    Status updateStoreName(UnitOfWork& uow, const QString& storeId, const QString& name);
    // Display name, role and active flag, and updated_at; never the username.
    Status updateUser(UnitOfWork& uow, const User& user);
    Status setPasswordHash(UnitOfWork& uow, const QString& userId, const QString& passwordHash, qint64 updatedAt);

    Result<std::optional<Company>> company(const QString& id);
    Result<QList<Company>> companies();
    Result<std::optional<Terminal>> localTerminal();
    Result<std::optional<Store>> store(const QString& id);
    Result<std::optional<Store>> storeByCode(const QString& companyId, const QString& code);
    // The company's stores, by code.
    Result<QList<Store>> stores(const QString& companyId);

    Result<std::optional<User>> userByName(const QString& companyId, const QString& username);
    Result<std::optional<User>> userById(const QString& id);
    Result<QString> passwordHash(const QString& userId);
    Result<QList<User>> users(const QString& companyId);
    // The company's first active administrator: who kasirctl acts as by default.
    Result<std::optional<User>> firstAdmin(const QString& companyId);
    Result<qint64> activeAdminCount(const QString& companyId);

private:
    Database& m_db;
};

} // namespace kasir
