#include "core/services/CompanyService.h"

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Ids.h"
#include "core/domain/TextRules.h"
#include "core/services/UserService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QRegularExpression>

namespace kasir {

namespace {

FieldSnapshot snapshot(const Store& s)
{
    FieldSnapshot f;
    f.setText(QStringLiteral("code"), s.code);
    f.setText(QStringLiteral("name"), s.name);
    return f;
}

// A name as setup stores one: runs of spaces folded to one (as SetupService does), which
// is also how its length is counted; control characters, tabs and line breaks refused.
Result<QString> cleanName(const QString& raw, int maxLength)
{
    const QString field = QStringLiteral("name");
    if (TextRules::hasForbiddenCharacters(raw, false) || raw.contains(u'\t'))
        return Error::invalidField(field, QStringLiteral("invalid_characters"),
            CompanyService::tr("must not contain control characters or line breaks"));
    const QString value = raw.simplified();
    if (value.isEmpty())
        return Error::invalidField(field, QStringLiteral("required"), CompanyService::tr("is required"));
    if (TextRules::codePoints(value) > maxLength)
        return Error::invalidField(
            field, QStringLiteral("too_long"), CompanyService::tr("must be at most %n characters", nullptr, maxLength));
    return value;
}

} // namespace

CompanyService::CompanyService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<QString> CompanyService::cleanCompanyName(const QString& name)
{
    return cleanName(name, maxCompanyName);
}

Result<QString> CompanyService::cleanStoreName(const QString& name)
{
    return cleanName(name, maxStoreName);
}

Result<QString> CompanyService::cleanStoreCode(const QString& code)
{
    // Checked before it is raised: toUpper() turns some letters outside A-Z into ones inside
    // it (the dotless i into I), and a code must read the same on every receipt.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9-]{0,%1}$").arg(maxStoreCode - 1));
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidField(QStringLiteral("code"), QStringLiteral("required"), tr("is required"));
    if (trimmed.size() > maxStoreCode)
        return Error::invalidField(QStringLiteral("code"), QStringLiteral("too_long"),
            tr("must be at most %n characters", nullptr, maxStoreCode));
    if (!pattern.match(trimmed).hasMatch())
        return Error::invalidField(QStringLiteral("code"), QStringLiteral("invalid_code"),
            tr("must be letters A to Z, digits and dashes, starting with a letter or a digit"));
    return trimmed.toUpper();
}

Result<Company> CompanyService::company()
{
    auto found = TenancyRepository(m_db).company(m_actor.companyId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("this company is missing"));
    return **found;
}

Result<Company> CompanyService::rename(const QString& name)
{
    if (Status s = m_actor.require(Permission::SettingsManage, tr("rename the company")); !s)
        return s.error();
    auto clean = cleanCompanyName(name);
    if (!clean)
        return clean.error();

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = UserService::requireCurrentAccount(m_db, m_actor, Permission::SettingsManage); !s)
        return s.error();
    auto before = company();
    if (!before)
        return before.error();
    if (before->name == *clean)
        return *before; // nothing changed: no write, no audit, no sync op
    Company after = *before;
    after.name = *clean;
    after.updatedAt = uow.now();
    if (Status s = TenancyRepository(m_db).updateCompanyName(uow, after.id, after.name, after.updatedAt); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("company"), after.id, after.id, QStringLiteral("update"),
        UnitOfWork::Op::Upsert, FieldSnapshot {{QStringLiteral("name"), before->name}},
        FieldSnapshot {{QStringLiteral("name"), after.name}}});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

Result<QList<Store>> CompanyService::stores()
{
    return TenancyRepository(m_db).stores(m_actor.companyId);
}

Result<Store> CompanyService::ownStore(const QString& storeId)
{
    auto found = TenancyRepository(m_db).store(storeId);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->companyId != m_actor.companyId)
        return Error::notFound(tr("there is no such store"));
    return **found;
}

Result<Store> CompanyService::addStore(const QString& code, const QString& name)
{
    if (Status s = m_actor.require(Permission::SettingsManage, tr("add stores")); !s)
        return s.error();
    QList<FieldError> errors;
    auto cleanCode = cleanStoreCode(code);
    if (!cleanCode)
        errors << cleanCode.error().fields;
    auto cleanName = cleanStoreName(name);
    if (!cleanName)
        errors << cleanName.error().fields;
    if (!errors.isEmpty())
        return Error::invalid(errors);

    // The codes in use are read under the write lock, so two adds cannot both take one.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = UserService::requireCurrentAccount(m_db, m_actor, Permission::SettingsManage); !s)
        return s.error();
    TenancyRepository repo(m_db);
    auto existing = repo.storeByCode(m_actor.companyId, *cleanCode);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::conflict(QStringLiteral("code"), QStringLiteral("duplicate"),
            tr("is already the code of %1").arg((*existing)->name));
    const qint64 now = uow.now();
    const Store store {Ids::newId(now), m_actor.companyId, *cleanCode, *cleanName, now};
    if (Status s = repo.insertStore(uow, store); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("store"), store.id, store.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, snapshot(store)});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return store;
}

Result<Store> CompanyService::renameStore(const QString& storeId, const QString& name)
{
    if (Status s = m_actor.require(Permission::SettingsManage, tr("rename stores")); !s)
        return s.error();
    auto cleanName = cleanStoreName(name);
    if (!cleanName)
        return cleanName.error();

    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    if (Status s = UserService::requireCurrentAccount(m_db, m_actor, Permission::SettingsManage); !s)
        return s.error();
    auto before = ownStore(storeId);
    if (!before)
        return before.error();
    if (before->name == *cleanName)
        return *before;
    Store after = *before;
    after.name = *cleanName;
    if (Status s = TenancyRepository(m_db).updateStoreName(uow, after.id, after.name); !s)
        return s.error();
    auto stamp = uow.record({QStringLiteral("store"), after.id, after.companyId, QStringLiteral("update"),
        UnitOfWork::Op::Upsert, snapshot(*before), snapshot(after)});
    if (!stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return after;
}

} // namespace kasir
