#include "core/services/SetupService.h"

#include "core/domain/CustomerValidator.h"
#include "core/domain/Ids.h"
#include "core/domain/PhoneNumber.h"
#include "core/services/PasswordHasher.h"
#include "core/services/UserService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace kasir {

SetupService::SetupService(Database& db) : m_db(db) { }

Result<Company> SetupService::currentCompany()
{
    TenancyRepository repo(m_db);
    auto terminal = repo.localTerminal();
    if (!terminal)
        return terminal.error();
    if (!terminal->has_value())
        return Error::notFound(tr("this database is not set up yet; run `kasirctl init --company NAME` first"));
    auto store = repo.store((*terminal)->storeId);
    if (!store)
        return store.error();
    if (!store->has_value())
        return Error::notFound(tr("this terminal's store is missing"));
    auto company = repo.company((*store)->companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("this terminal's company is missing"));
    return **company;
}

Result<SetupService::Outcome> SetupService::initialise(const Request& r)
{
    QList<FieldError> errors;
    const QString companyName = CustomerValidator::cleanLine(r.companyName);
    if (companyName.isEmpty())
        errors << FieldError {QStringLiteral("company"), QStringLiteral("required"), tr("is required")};
    else if (companyName.size() > 255)
        errors << FieldError {
            QStringLiteral("company"), QStringLiteral("too_long"), tr("must be at most 255 characters")};
    const QString region = r.region.trimmed().toUpper();
    if (!PhoneNumber::isKnownRegion(region))
        errors << FieldError {QStringLiteral("region"), QStringLiteral("unknown_region"),
            tr("must be a two-letter country code such as ID, KE or IN")};
    const QString currency = r.currency.trimmed().toUpper();
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyPattern.match(currency).hasMatch())
        errors << FieldError {QStringLiteral("currency"), QStringLiteral("invalid_currency"),
            tr("must be a three-letter ISO 4217 code such as IDR, KES or INR")};
    if (auto e = UserService::checkUsername(r.adminUsername))
        errors << FieldError {QStringLiteral("adminUsername"), e->code, e->message};
    if (auto e = UserService::checkPassword(r.adminPassword))
        errors << FieldError {QStringLiteral("adminPassword"), e->code, e->message};
    if (!errors.isEmpty())
        return Error::invalid(errors);

    TenancyRepository repo(m_db);
    if (auto existing = currentCompany(); existing)
        return Error::conflict(QStringLiteral("company"), QStringLiteral("already_initialised"),
            tr("this database already belongs to %1").arg(existing->name));

    UnitOfWork uow(m_db, Actor {QString(), QString(), QStringLiteral("setup"), Role::Admin});
    if (Status s = uow.begin(); !s)
        return s.error();

    const qint64 now = uow.now();
    Outcome out;
    out.company = Company {Ids::newId(now), companyName, region, currency, now, now};
    out.store = Store {Ids::newId(now), out.company.id, QStringLiteral("S01"),
        r.storeName.trimmed().isEmpty() ? tr("Main store") : CustomerValidator::cleanLine(r.storeName), now};
    // Site ids only have to differ between the company's terminals; the server checks
    // that when the terminal registers.
    out.terminal = Terminal {Ids::newId(now), out.store.id, QStringLiteral("T01"),
        r.terminalName.trimmed().isEmpty() ? tr("Counter 1") : CustomerValidator::cleanLine(r.terminalName),
        QRandomGenerator::system()->bounded(1u, 0x7FFFFFFFu), now};
    out.admin = User {
        Ids::newId(now), out.company.id, r.adminUsername.trimmed(), tr("Administrator"), Role::Admin, true, now, now};
    const QString hash = PasswordHasher::hash(r.adminPassword);
    if (hash.isEmpty())
        return Error::other(QStringLiteral("hash_failed"), tr("could not hash the password (out of memory?)"));

    for (Status s :
        {repo.insertCompany(uow, out.company), repo.insertStore(uow, out.store), repo.insertTerminal(uow, out.terminal),
            repo.insertUser(uow, out.admin, hash), repo.setLocalTerminal(uow, out.terminal.id)}) {
        if (!s)
            return s.error();
    }
    m_db.hlc().setSiteId(out.terminal.siteId);

    const QList<UnitOfWork::Change> changes {
        {QStringLiteral("company"), out.company.id, out.company.id, QStringLiteral("create"), UnitOfWork::Op::Upsert,
            {},
            FieldSnapshot {{QStringLiteral("name"), out.company.name}, {QStringLiteral("defaultRegion"), region},
                {QStringLiteral("currency"), currency}}},
        {QStringLiteral("store"), out.store.id, out.company.id, QStringLiteral("create"), UnitOfWork::Op::Upsert, {},
            FieldSnapshot {{QStringLiteral("code"), out.store.code}, {QStringLiteral("name"), out.store.name}}},
        {QStringLiteral("terminal"), out.terminal.id, out.company.id, QStringLiteral("create"), UnitOfWork::Op::Upsert,
            {},
            FieldSnapshot {{QStringLiteral("storeId"), out.store.id}, {QStringLiteral("code"), out.terminal.code},
                {QStringLiteral("name"), out.terminal.name},
                {QStringLiteral("siteId"), static_cast<qint64>(out.terminal.siteId)}}},
        {QStringLiteral("user"), out.admin.id, out.company.id, QStringLiteral("create"), UnitOfWork::Op::Upsert, {},
            FieldSnapshot {{QStringLiteral("username"), out.admin.username},
                {QStringLiteral("displayName"), out.admin.displayName},
                {QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("passwordHash"), hash}}},
    };
    for (const auto& change : changes) {
        if (auto stamp = uow.record(change); !stamp)
            return stamp.error();
    }
    if (Status s = uow.commit(); !s)
        return s.error();
    return out;
}

} // namespace kasir
