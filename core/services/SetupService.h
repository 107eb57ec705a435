#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>

namespace kasir {

class Database;

// Makes an empty database into a terminal of a company: the company, its first store,
// this terminal (with its HLC site id) and the first administrator, in one unit of work.
class SetupService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SetupService)

public:
    struct Request
    {
        QString companyName;
        QString region = QStringLiteral("ID");
        QString currency = QStringLiteral("IDR");
        QString storeName;
        QString terminalName;
        QString adminUsername = QStringLiteral("admin");
        QString adminPassword;
    };

    struct Outcome
    {
        Company company;
        Store store;
        Terminal terminal;
        User admin;
    };

    explicit SetupService(Database& db);

    Result<Outcome> initialise(const Request& request);

    // The company this terminal belongs to, or NotFound when the database is not set up.
    Result<Company> currentCompany();

    static constexpr int minPasswordLength = 8;

private:
    Database& m_db;
};

} // namespace kasir
