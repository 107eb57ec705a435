#include "core/services/CustomerService.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/CustomerValidator.h"
#include "core/domain/Ids.h"
#include "core/domain/PersonalData.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/Tag.h"
#include "core/domain/TextFold.h"
#include "core/domain/TextRules.h"
#include "core/services/PrivacyService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/DashboardRepository.h"
#include "core/storage/Database.h"
#include "core/storage/NameIndex.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QScopeGuard>

#include <future>

namespace kasir {

namespace {

QDate todayUtc(qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
}

Error prefixed(Error e, const QString& prefix)
{
    for (FieldError& f : e.fields)
        f.field = prefix + f.field;
    if (!e.field.isEmpty())
        e.field = prefix + e.field;
    return e;
}

} // namespace

CustomerService::CustomerService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<Company> CustomerService::company()
{
    if (!m_company) {
        auto c = TenancyRepository(m_db).company(m_actor.companyId);
        if (!c)
            return c.error();
        if (!c->has_value())
            return Error::notFound(tr("company %1 does not exist").arg(m_actor.companyId));
        m_company = **c;
    }
    return *m_company;
}

Error CustomerService::explainConflict(const Customer& c, const Error& error)
{
    if (error.kind != Error::Kind::Conflict)
        return error;
    CustomerRepository repo(m_db);
    if (error.field == u"phone" && !c.phone.isEmpty()) {
        auto other = repo.byPhone(c.companyId, c.phone);
        if (other && other->has_value())
            return Error::conflict(QStringLiteral("phone"), QStringLiteral("duplicate_phone"),
                tr("%1 is already the phone number of %2 (%3)")
                    .arg(PhoneNumber::formatInternational(c.phone), (*other)->name, (*other)->code));
    }
    if (error.field == u"email" && !c.email.isEmpty()) {
        auto other = repo.byEmail(c.companyId, c.email);
        if (other && other->has_value())
            return Error::conflict(QStringLiteral("email"), QStringLiteral("duplicate_email"),
                tr("%1 is already the email address of %2 (%3)").arg(c.email, (*other)->name, (*other)->code));
    }
    return error;
}

Result<QList<Customer>> CustomerService::validate(
    const QList<CustomerInput>& inputs, const Company& company, QDate today)
{
    Customer base;
    base.companyId = company.id;
    QList<Customer> out;
    out.reserve(inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        auto c = CustomerValidator::apply(base, inputs[i], company.defaultRegion, today);
        if (!c)
            return inputs.size() == 1 ? c.error() : prefixed(c.error(), QStringLiteral("items[%1].").arg(i));
        out.append(std::move(c).value());
    }
    return out;
}

Result<Customer> CustomerService::create(const CustomerInput& input)
{
    auto list = createMany({input});
    if (!list)
        return prefixed(list.error(), QString());
    return list->constFirst();
}

Result<QList<Customer>> CustomerService::createMany(const QList<CustomerInput>& inputs)
{
    if (Status s = m_actor.require(Permission::CustomerCreate, tr("register customers")); !s)
        return s.error();
    auto comp = company();
    if (!comp)
        return comp.error();
    auto drafts = validate(inputs, *comp, todayUtc(m_db.clock().nowMs()));
    if (!drafts)
        return drafts.error();
    return createValidated(std::move(drafts).value());
}

Result<QList<Customer>> CustomerService::createValidated(QList<Customer> drafts)
{
    if (Status s = m_actor.require(Permission::CustomerCreate, tr("register customers")); !s)
        return s.error();
    auto comp = company();
    if (!comp)
        return comp.error();
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    CustomerRepository repo(m_db);
    if (Status s = insertNew(uow, repo, drafts, comp->id); !s)
        return s.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return drafts;
}

Status CustomerService::insertNew(
    UnitOfWork& uow, CustomerRepository& repo, QList<Customer>& drafts, const QString& companyId)
{
    auto firstCode = repo.reserveCodes(uow, companyId, drafts.size());
    if (!firstCode)
        return firstCode.error();
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        Customer& c = drafts[i];
        c.companyId = companyId;
        c.id = Ids::newId(uow.now());
        c.code = CustomerSearchTerms::formatCode(*firstCode + i);
        c.createdAt = c.updatedAt = uow.now();
        c.createdBy = c.updatedBy = m_actor.userId;
        // The unique indexes decide; only a refused write pays for the look-up that tells
        // the cashier who already has the number.
        Status written = repo.insert(uow, c);
        if (written) {
            auto stamp = uow.record({QStringLiteral("customer"), c.id, c.companyId, QStringLiteral("create"),
                UnitOfWork::Op::Upsert, {}, CustomerJson::snapshot(c)});
            if (!stamp)
                written = stamp.error();
        }
        if (!written) {
            const Error e = explainConflict(c, written.error());
            return drafts.size() == 1 ? e : prefixed(e, QStringLiteral("items[%1].").arg(i));
        }
    }
    return Done {};
}

namespace {

// One batch of a bulk load, made ready on another thread: the customers with their ids,
// codes and stamps, the text of their audit rows and sync ops. Their name-index rows go
// into the load's NameIndex::Load on that thread.
struct LoadBatch
{
    QList<Customer> customers;
    QList<UnitOfWork::PreparedChange> changes;
    QStringList nameKeys; // TextFold::fold of each name, for the rows and the name index
};

} // namespace

Result<qint64> CustomerService::createInBulk(qint64 expected, const std::function<Result<QList<Customer>>()>& next,
    const std::function<void(qint64)>& progress, qint64 rebuildIndexesFrom, const std::function<bool()>& cancelled)
{
    const auto stopped = [&] { return cancelled && cancelled(); };
    const auto stoppedError = [] { return Error::cancelled(tr("Stopped before the end: no customer was added.")); };
    if (Status s = m_actor.require(Permission::CustomerCreate, tr("register customers")); !s)
        return s.error();
    auto comp = company();
    if (!comp)
        return comp.error();
    if (expected < 0)
        return Error::invalidField(
            QStringLiteral("count"), QStringLiteral("invalid_count"), tr("must not be negative"));
    CustomerRepository repo(m_db);
    // A load at least as big as what is stored builds its indexes once at the end, which
    // beats updating them row by row, and writes the file once, not twice (BENCHMARKS.md,
    // "Demo").
    bool bulk = false;
    if (expected >= rebuildIndexesFrom) {
        auto stored = repo.countAll();
        if (!stored)
            return stored.error();
        bulk = expected >= *stored;
    }
    const bool rollbackJournal = bulk && m_db.leaveWalIfAlone();
    // Declared before the unit of work: back to WAL after its commit or rollback.
    const auto backToWal = qScopeGuard([&] {
        if (rollbackJournal) {
            if (Status s = m_db.returnToWal(); !s)
                qWarning("%s", qPrintable(s.error().message));
        }
    });
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    std::optional<CustomerRepository::BulkLoad> load;
    DashboardRepository dashboard(m_db);
    if (bulk) {
        auto begun = repo.beginBulkLoad(uow);
        if (!begun)
            return begun.error();
        load = std::move(begun).value();
        // The dashboard's totals are counted per batch rather than by a trigger per row.
        if (Status s = dashboard.pause(uow, comp->id); !s)
            return s.error();
    }
    const auto endLoad = qScopeGuard([&] {
        if (load)
            repo.endBulkLoad(*load);
    });
    // Codes for the whole load up front, so that the other thread can number customers.
    auto firstCode = repo.reserveCodes(uow, comp->id, expected);
    if (!firstCode)
        return firstCode.error();

    const QString companyId = comp->id;
    const qint64 now = uow.now();
    const QString actorId = m_actor.userId;
    const qint64 firstSeq = load ? load->nextSeq : -1;
    NameIndex::Load words;
    auto prepare = [&next, &words, companyId, now, actorId, code = *firstCode, firstSeq, expected](
                       qint64 offset) -> Result<LoadBatch> {
        auto drafts = next();
        if (!drafts)
            return drafts.error();
        if (offset + drafts->size() > expected)
            return Error::other(QStringLiteral("load_too_big"),
                tr("the load holds more customers than the %1 it announced").arg(expected));
        LoadBatch batch;
        batch.customers = std::move(drafts).value();
        batch.changes.reserve(batch.customers.size());
        for (qsizetype i = 0; i < batch.customers.size(); ++i) {
            Customer& c = batch.customers[i];
            c.companyId = companyId;
            c.id = Ids::newId(now);
            c.code = CustomerSearchTerms::formatCode(code + offset + i);
            c.createdAt = c.updatedAt = now;
            c.createdBy = c.updatedBy = actorId;
            batch.changes.append(UnitOfWork::prepare({QStringLiteral("customer"), c.id, c.companyId,
                QStringLiteral("create"), UnitOfWork::Op::Upsert, {}, CustomerJson::snapshot(c)}));
            if (firstSeq > 0) {
                batch.nameKeys.append(TextFold::fold(c.name));
                words.add(firstSeq + offset + i, {c.companyId, batch.nameKeys.constLast(), c.id});
            }
        }
        return batch;
    };

    qint64 done = 0;
    std::future<Result<LoadBatch>> pending = std::async(std::launch::async, prepare, 0);
    auto stop = [&](const Error& e) -> Result<qint64> {
        if (pending.valid())
            pending.wait();
        return e;
    };
    for (;;) {
        Result<LoadBatch> batch = pending.get();
        if (!batch)
            return batch.error();
        if (batch->customers.isEmpty())
            break;
        const qint64 offset = done;
        const qsizetype n = batch->customers.size();
        pending = std::async(std::launch::async, prepare, offset + n);
        if (load) {
            Status written = repo.insertLoaded(uow, batch->customers, batch->nameKeys, firstSeq + offset);
            if (written)
                written = dashboard.countNewCustomers(uow, batch->customers);
            if (written)
                written = uow.record(batch->changes);
            if (!written)
                return stop(written.error());
        } else {
            for (qsizetype i = 0; i < n; ++i) {
                const Customer& c = batch->customers.at(i);
                Status written = repo.insert(uow, c);
                if (written) {
                    auto stamp = uow.record(batch->changes.at(i));
                    if (!stamp)
                        written = stamp.error();
                }
                if (!written)
                    return stop(
                        prefixed(explainConflict(c, written.error()), QStringLiteral("items[%1].").arg(offset + i)));
            }
        }
        done += n;
        if (progress)
            progress(done);
    }
    if (stopped())
        return stoppedError();
    if (done < expected) {
        if (Status s = repo.releaseCodes(uow, companyId, expected - done); !s)
            return s.error();
    }
    if (load) {
        if (Status s = repo.finishBulkLoad(uow, *load, words); !s)
            return s.error();
        if (Status s = dashboard.resume(uow, companyId); !s)
            return s.error();
    }
    if (stopped())
        return stoppedError();
    if (Status s = uow.commit(); !s)
        return s.error();
    return done;
}

Result<Customer> CustomerService::get(const QString& idOrCode)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    const QString ref = idOrCode.trimmed();
    CustomerRepository repo(m_db);
    Result<std::optional<Customer>> found = std::optional<Customer>();
    if (Ids::isValid(ref)) {
        found = repo.byId(m_actor.companyId, ref.toLower());
    } else {
        const auto terms = CustomerSearchTerms::classify(ref, QString());
        if (terms.kind != CustomerSearchTerms::Kind::Code)
            return Error::invalidField(QStringLiteral("customer"), QStringLiteral("invalid_reference"),
                tr("\"%1\" is neither a customer id nor a customer code like C-000123").arg(ref.left(64)));
        found = repo.byCode(m_actor.companyId, terms.code);
    }
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("no customer %1").arg(ref.left(64)));
    return **found;
}

Result<std::optional<Customer>> CustomerService::findByPhone(const QString& phone)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    CustomerRepository repo(m_db);
    // Canonical input needs no parsing: the index holds exactly this form.
    if (PhoneNumber::looksLikeE164(phone))
        return repo.byPhone(m_actor.companyId, phone);
    auto comp = company();
    if (!comp)
        return comp.error();
    // The usual written forms are found without libphonenumber, which costs more than the
    // look-up itself; anything else, and every miss, goes through the parser.
    const QStringList candidates = PhoneNumber::likelyE164(phone, comp->defaultRegion);
    for (const QString& candidate : candidates) {
        auto hit = repo.byPhone(m_actor.companyId, candidate);
        if (!hit || hit->has_value())
            return hit;
    }
    const auto parsed = PhoneNumber::parse(phone, comp->defaultRegion);
    if (!parsed.ok()) {
        if (parsed.problem == PhoneNumber::Problem::Empty)
            return Error::invalidField(QStringLiteral("phone"), QStringLiteral("required"), tr("is required"));
        return Error::invalidField(QStringLiteral("phone"), QStringLiteral("invalid_phone"),
            tr("is not a valid phone number (region %1)").arg(comp->defaultRegion));
    }
    if (candidates.contains(parsed.e164))
        return std::optional<Customer>(); // already looked for: a new number (the usual miss)
    return repo.byPhone(m_actor.companyId, parsed.e164);
}

Result<CustomerPage> CustomerService::search(const CustomerQuery& query)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    if (query.limit < 1 || query.limit > CustomerQuery::maxLimit)
        return Error::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
            tr("must be between 1 and %1").arg(CustomerQuery::maxLimit));
    if (query.scanBudget < 0)
        return Error::invalidField(
            QStringLiteral("scanBudget"), QStringLiteral("out_of_range"), tr("must not be negative"));
    if (query.scanMilliseconds < 0)
        return Error::invalidField(
            QStringLiteral("scanMilliseconds"), QStringLiteral("out_of_range"), tr("must not be negative"));
    if (query.text.size() > CustomerQuery::maxTextLength)
        return Error::invalidField(QStringLiteral("q"), QStringLiteral("too_long"),
            tr("must be at most %n characters", nullptr, CustomerQuery::maxTextLength));
    if (Status s = checkTags(query); !s)
        return s.error();
    if (Status s = checkFigures(query); !s)
        return s.error();
    auto comp = company();
    if (!comp)
        return comp.error();
    const auto terms = CustomerSearchTerms::classify(query.text, comp->defaultRegion);
    return CustomerRepository(m_db).search(m_actor.companyId, query, terms);
}

Result<qint64> CustomerService::count(const CustomerQuery& query)
{
    if (Status s = m_actor.require(Permission::CustomerRead, tr("look up customers")); !s)
        return s.error();
    if (Status s = checkTags(query); !s)
        return s.error();
    if (Status s = checkFigures(query); !s)
        return s.error();
    auto comp = company();
    if (!comp)
        return comp.error();
    const auto terms = CustomerSearchTerms::classify(query.text, comp->defaultRegion);
    return CustomerRepository(m_db).count(m_actor.companyId, query, terms);
}

Status CustomerService::checkTags(const CustomerQuery& query)
{
    if (query.tags.size() > CustomerQuery::maxTags)
        return Error::invalidField(QStringLiteral("tag"), QStringLiteral("too_many"),
            tr("at most %n tags at once", nullptr, CustomerQuery::maxTags));
    for (const QString& name : query.tags) {
        // A tag name is one line of at most Tag::maxName characters; a longer one cannot
        // name a tag.
        if (auto clean = TextRules::cleanLine(QStringLiteral("tag"), name, Tag::maxName, true); !clean)
            return clean.error();
    }
    return Done {};
}

Status CustomerService::checkFigures(const CustomerQuery& query)
{
    QList<FieldError> errors;
    auto range = [&](const char* minField, const std::optional<qint64>& min, const char* maxField,
                     const std::optional<qint64>& max, bool amountSpent) {
        if (amountSpent) {
            if (min && *min < 0)
                errors << FieldError {
                    QLatin1String(minField), QStringLiteral("out_of_range"), tr("must not be negative")};
            if (max && *max < 0)
                errors << FieldError {
                    QLatin1String(maxField), QStringLiteral("out_of_range"), tr("must not be negative")};
        }
        if (min && max && *min > *max)
            errors << FieldError {QLatin1String(maxField), QStringLiteral("out_of_range"),
                tr("must not be less than %1").arg(QLatin1String(minField))};
    };
    range("creditMin", query.creditMin, "creditMax", query.creditMax, false);
    range("totalSpentMin", query.totalSpentMin, "totalSpentMax", query.totalSpentMax, true);
    bool datesValid = true;
    for (const auto& [field, date] :
        {std::pair {"lastVisitFrom", &query.lastVisitFrom}, std::pair {"lastVisitTo", &query.lastVisitTo}}) {
        if (*date && !(*date)->isValid()) {
            datesValid = false;
            errors << FieldError {
                QLatin1String(field), QStringLiteral("invalid_date"), tr("must be a date (YYYY-MM-DD)")};
        }
    }
    if (datesValid && query.lastVisitFrom && query.lastVisitTo && *query.lastVisitFrom > *query.lastVisitTo)
        errors << FieldError {
            QStringLiteral("lastVisitTo"), QStringLiteral("out_of_range"), tr("must not be before lastVisitFrom")};
    if (errors.isEmpty())
        return Done {};
    return Error::invalid(errors);
}

Result<Customer> CustomerService::writeIn(UnitOfWork& uow, Customer before, Customer after, const QString& action)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    if (CustomerJson::snapshot(before) == CustomerJson::snapshot(after))
        return after;
    after.updatedAt = std::max(uow.now(), before.updatedAt);
    after.updatedBy = m_actor.userId;
    if (Status s = CustomerRepository(m_db).update(uow, after); !s)
        return explainConflict(after, s.error());
    auto stamp = uow.record({QStringLiteral("customer"), after.id, after.companyId, action, UnitOfWork::Op::Upsert,
        CustomerJson::snapshot(before), CustomerJson::snapshot(after)});
    if (!stamp)
        return stamp.error();
    return after;
}

Result<std::pair<Customer, Customer>> CustomerService::checkUpdate(const QString& idOrCode, const CustomerInput& input)
{
    if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers")); !s)
        return s.error();
    if (input.status && !m_actor.can(Permission::CustomerDeactivate))
        return Error::permissionDenied(
            tr("a %1 may not change a customer's status").arg(Roles::displayName(m_actor.role).toLower()));
    auto comp = company();
    if (!comp)
        return comp.error();
    auto current = get(idOrCode);
    if (!current)
        return current.error();
    auto validated = CustomerValidator::apply(*current, input, comp->defaultRegion, todayUtc(m_db.clock().nowMs()));
    if (!validated)
        return validated.error();
    // An anonymised customer keeps their figures, not a way back to the person.
    const FieldSnapshot was = CustomerJson::snapshot(*current);
    const FieldSnapshot now = CustomerJson::snapshot(*validated);
    const QStringList personal = PersonalData::fieldsOf(u"customer");
    if (std::any_of(
            personal.cbegin(), personal.cend(), [&](const QString& f) { return was.value(f) != now.value(f); })) {
        if (Status s = PrivacyService::refuseIfAnonymised(m_db, *current); !s)
            return s.error();
    }
    return std::pair {*current, *validated};
}

Result<Customer> CustomerService::update(const QString& idOrCode, const CustomerInput& input)
{
    // The customer is read under the write lock: a change made meanwhile by someone else
    // (do-not-contact from the preferences, a tier step) is not written back over.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto written = update(uow, idOrCode, input);
    if (!written)
        return written.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return written;
}

Result<Customer> CustomerService::update(UnitOfWork& uow, const QString& idOrCode, const CustomerInput& input)
{
    auto checked = checkUpdate(idOrCode, input);
    if (!checked)
        return checked.error();
    return writeIn(uow, checked->first, checked->second, QStringLiteral("update"));
}

Result<Customer> CustomerService::setStatus(const QString& idOrCode, CustomerStatus status, const QString& action)
{
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = get(idOrCode);
    if (!current)
        return current.error();
    Customer after = *current;
    after.status = status;
    auto written = writeIn(uow, *current, after, action);
    if (!written)
        return written.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return written;
}

Result<Customer> CustomerService::deactivate(const QString& idOrCode)
{
    if (Status s = m_actor.require(Permission::CustomerDeactivate, tr("deactivate customers")); !s)
        return s.error();
    return setStatus(idOrCode, CustomerStatus::Inactive, QStringLiteral("deactivate"));
}

Result<Customer> CustomerService::reactivate(const QString& idOrCode)
{
    if (Status s = m_actor.require(Permission::CustomerDeactivate, tr("reactivate customers")); !s)
        return s.error();
    return setStatus(idOrCode, CustomerStatus::Active, QStringLiteral("reactivate"));
}

Status CustomerService::remove(const QString& idOrCode)
{
    // One way to delete a customer: with their dependants and the personal data the audit
    // log holds about them (PrivacyService::remove).
    auto removed = PrivacyService(m_db, m_actor).remove(idOrCode);
    if (!removed)
        return removed.error();
    return Done {};
}

} // namespace kasir
