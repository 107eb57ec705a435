#include "tests/support/TestDatabase.h"

#include "core/domain/Ids.h"
#include "core/services/SetupService.h"
#include "core/services/UserService.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>
#include <QTest>

namespace kasir::test {

namespace {
const QString kPassword = QStringLiteral("correct horse");
}

TestDatabase::TestDatabase()
{
    QVERIFY2(m_dir.isValid(), "no temporary folder");
    m_path = m_dir.filePath(QStringLiteral("kasir.db"));
    auto db = Database::open(m_path, m_clock);
    if (!db)
        qFatal("cannot open test database: %s", qPrintable(db.error().describe()));
    m_db = std::move(db).value();

    SetupService setup(*m_db);
    SetupService::Request r;
    r.companyName = QStringLiteral("Toko Maju");
    r.adminPassword = kPassword;
    auto outcome = setup.initialise(r);
    if (!outcome)
        qFatal("cannot set up test company: %s", qPrintable(outcome.error().describe()));
    m_company = outcome->company;
    m_admin = outcome->admin.actor();
    UserService users(*m_db, m_admin);
    auto manager
        = users.add({QStringLiteral("manager"), QStringLiteral("Manajer"), QStringLiteral("manager"), kPassword});
    auto cashier = users.add({QStringLiteral("kasir"), QStringLiteral("Kasir"), QStringLiteral("cashier"), kPassword});
    if (!manager || !cashier)
        qFatal("cannot add test users");
    m_manager = manager->actor();
    m_cashier = cashier->actor();
}

Actor TestDatabase::addCompany(const QString& name)
{
    // A second company exists only on a server; write it the way sync will, through a
    // unit of work.
    TenancyRepository repo(*m_db);
    UnitOfWork uow(*m_db, m_admin);
    if (!uow.begin())
        qFatal("cannot begin");
    const qint64 now = uow.now();
    Company c {Ids::newId(now), name, QStringLiteral("ID"), QStringLiteral("IDR"), now, now};
    User admin {Ids::newId(now), c.id, QStringLiteral("admin"), QStringLiteral("Admin"), Role::Admin, true, now, now};
    if (!repo.insertCompany(uow, c) || !repo.insertUser(uow, admin, QStringLiteral("x")) || !uow.commit())
        qFatal("cannot add company");
    return admin.actor();
}

void TestDatabase::reopen()
{
    m_db.reset();
    auto db = Database::open(m_path, m_clock);
    if (!db)
        qFatal("cannot reopen test database: %s", qPrintable(db.error().describe()));
    m_db = std::move(db).value();
}

qint64 TestDatabase::countRows(const QString& table)
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace kasir::test
