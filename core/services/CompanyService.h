#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;

// The company and its stores after setup: an administrator renames the company, adds a
// store and renames a store; anyone of the company reads them. SetupService makes the
// first company, store and terminal of an empty database and is used once; this is the
// day-to-day editing, with its own permission (SettingsManage) and its own limits, so the
// two are kept apart. What never changes here: the company's phone region (stored phone
// numbers were read in it) and currency (stored amounts are in its minor unit), and a
// store's code (order numbers carry it). Each change is one unit of work with its audit row
// and sync op; a change that changes nothing writes nothing.
class CompanyService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CompanyService)

public:
    static constexpr int maxCompanyName = 120;
    static constexpr int maxStoreName = 120;
    static constexpr int maxStoreCode = 16;

    CompanyService(Database& db, Actor actor);

    // The actor's company.
    Result<Company> company();
    // Field "name": 1 to maxCompanyName characters once trimmed and its runs of spaces
    // folded to one; no control characters, tabs or line breaks.
    Result<Company> rename(const QString& name);

    // The company's stores, by code.
    Result<QList<Store>> stores();
    // Fields "code" (1 to maxStoreCode letters, digits and dashes, starting with a letter or
    // digit; stored upper-case; unique in the company) and "name" (as the company's).
    Result<Store> addStore(const QString& code, const QString& name);
    // Field "name". The code stays.
    Result<Store> renameStore(const QString& storeId, const QString& name);

    // The checks, for a form that wants to ask before it sends: the clean value or the
    // field's error.
    static Result<QString> cleanCompanyName(const QString& name);
    static Result<QString> cleanStoreName(const QString& name);
    static Result<QString> cleanStoreCode(const QString& code);

private:
    // The actor's store `storeId`, or NotFound (also for another company's store).
    Result<Store> ownStore(const QString& storeId);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
