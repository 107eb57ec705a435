#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace kasir::test {

// A real SQLite file in a temporary folder, set up as a terminal of one company with an
// administrator, a manager and a cashier, on a clock the test moves by hand.
class TestDatabase final
{
public:
    TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    Database& db() { return *m_db; }
    ManualClock& clock() { return m_clock; }
    QString path() const { return m_path; }
    const Company& company() const { return m_company; }

    Actor admin() const { return m_admin; }
    Actor manager() const { return m_manager; }
    Actor cashier() const { return m_cashier; }

    // A second company in the same file (as on a server), with its own administrator.
    Actor addCompany(const QString& name);

    // Closes and opens the file again, as after a restart.
    void reopen();

    qint64 countRows(const QString& table);

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock;
    std::unique_ptr<Database> m_db;
    Company m_company;
    Actor m_admin;
    Actor m_manager;
    Actor m_cashier;
};

} // namespace kasir::test
