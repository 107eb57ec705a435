#include "core/services/BulkService.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <algorithm>

namespace kasir {

namespace {

// A refusal is decided before the customer's rows are touched (a check, a look-up), so the
// chunk can go on without them. Anything else comes from a write, and spoils the chunk.
bool isRefusal(const Error& e)
{
    return e.kind == Error::Kind::Invalid || e.kind == Error::Kind::NotFound || e.kind == Error::Kind::PermissionDenied;
}

// How long to let go of the write lock after holding it for `heldMs`: a sale waiting for it
// retries every 100 ms at most (SQLite's busy handler), and finds it free about a third of
// the time.
unsigned long pauseAfter(qint64 heldMs)
{
    return static_cast<unsigned long>(std::clamp<qint64>(heldMs / 2, 2, 100));
}

QJsonObject errorJson(const Error& e)
{
    // A single field's error is best told by that field's own code ("invalid_reference").
    const QString code = e.fields.size() == 1 ? e.fields.constFirst().code
        : e.code.isEmpty()                    ? Error::kindCode(e.kind)
                                              : e.code;
    QJsonObject o {{QStringLiteral("error"), e.describe()}, {QStringLiteral("code"), code}};
    if (!e.field.isEmpty())
        o.insert(QStringLiteral("field"), e.field);
    return o;
}

} // namespace

BulkService::Action BulkService::Action::setType(CustomerType type)
{
    Action a;
    a.kind = Kind::SetType;
    a.type = type;
    return a;
}

BulkService::Action BulkService::Action::setStatus(CustomerStatus status)
{
    Action a;
    a.kind = Kind::SetStatus;
    a.status = status;
    return a;
}

BulkService::Action BulkService::Action::addTag(const QString& name)
{
    Action a;
    a.kind = Kind::AddTag;
    a.tag = name;
    return a;
}

BulkService::Action BulkService::Action::removeTag(const QString& name)
{
    Action a;
    a.kind = Kind::RemoveTag;
    a.tag = name;
    return a;
}

BulkService::Action BulkService::Action::membership(bool on)
{
    Action a;
    a.kind = on ? Kind::MembershipOn : Kind::MembershipOff;
    return a;
}

QString BulkService::Action::name() const
{
    switch (kind) {
    case Kind::SetType:
        return QStringLiteral("set-type");
    case Kind::SetStatus:
        return QStringLiteral("set-status");
    case Kind::AddTag:
        return QStringLiteral("add-tag");
    case Kind::RemoveTag:
        return QStringLiteral("remove-tag");
    case Kind::MembershipOn:
    case Kind::MembershipOff:
        return QStringLiteral("membership");
    }
    return {};
}

QString BulkService::Action::value() const
{
    switch (kind) {
    case Kind::SetType:
        return CustomerEnums::toString(type);
    case Kind::SetStatus:
        return CustomerEnums::toString(status);
    case Kind::AddTag:
    case Kind::RemoveTag:
        return tag;
    case Kind::MembershipOn:
        return QStringLiteral("on");
    case Kind::MembershipOff:
        return QStringLiteral("off");
    }
    return {};
}

BulkService::Selection BulkService::Selection::filtered(const CustomerQuery& query)
{
    Selection s;
    s.query = query;
    return s;
}

BulkService::Selection BulkService::Selection::picked(const QStringList& refs)
{
    Selection s;
    s.refs = refs;
    return s;
}

BulkService::BulkService(Database& db, Actor actor)
    : m_db(db), m_actor(std::move(actor)), m_customers(db, m_actor), m_tags(db, m_actor)
{ }

Status BulkService::checkAction(const Action& action)
{
    switch (action.kind) {
    case Action::Kind::SetType:
    case Action::Kind::MembershipOn:
    case Action::Kind::MembershipOff:
        return m_actor.require(Permission::CustomerUpdate, tr("change customers"));
    case Action::Kind::SetStatus:
        if (Status s = m_actor.require(Permission::CustomerUpdate, tr("change customers")); !s)
            return s;
        return m_actor.require(Permission::CustomerDeactivate, tr("change a customer's status"));
    case Action::Kind::AddTag:
    case Action::Kind::RemoveTag: {
        if (Status s = m_actor.require(Permission::TagAssign, tr("tag customers")); !s)
            return s;
        const bool adding = action.kind == Action::Kind::AddTag;
        auto clean = TagService::cleanName(adding ? QStringLiteral("addTag") : QStringLiteral("removeTag"), action.tag);
        if (!clean)
            return clean.error();
        if (!adding) {
            // Nobody has a tag that does not exist: say so once, not once per customer.
            if (auto found = m_tags.byName(*clean); !found)
                return found.error();
        }
        return Done {};
    }
    }
    return Done {};
}

Result<BulkService::Outcome> BulkService::apply(const Selection& selection, const Action& action)
{
    return apply(selection, action, Options {});
}

Result<BulkService::Outcome> BulkService::apply(
    const Selection& selection, const Action& action, const Options& options)
{
    if (Status s = m_actor.require(Permission::CustomerBulkUpdate, tr("change customers in bulk")); !s)
        return s.error();
    if (options.chunkSize < 1 || options.chunkSize > maxChunkSize)
        return Error::invalidField(QStringLiteral("chunkSize"), QStringLiteral("out_of_range"),
            tr("must be between 1 and %1").arg(maxChunkSize));
    if (m_db.inUnitOfWork())
        return Error::other(QStringLiteral("nested_unit_of_work"),
            tr("a bulk change makes its own units of work; it cannot run inside another"));
    if (selection.query && !selection.refs.isEmpty())
        return Error::invalidField(QStringLiteral("ids"), QStringLiteral("ambiguous_selection"),
            tr("name the customers or filter them, not both"));
    if (Status s = checkAction(action); !s)
        return s.error();

    Outcome outcome;
    outcome.action = action;
    outcome.dryRun = options.dryRun;
    auto targets = select(selection, options.progress, outcome);
    if (!targets)
        return targets.error();
    outcome.total = targets->size() + outcome.failed;
    if (outcome.cancelled)
        return outcome;

    qint64 done = outcome.failed;
    auto keepGoing = [&] { return !options.progress || options.progress(done, outcome.total); };
    if (!targets->isEmpty() && !keepGoing()) {
        outcome.cancelled = true;
        return outcome;
    }
    for (qsizetype start = 0; start < targets->size(); start += options.chunkSize) {
        const qsizetype end = std::min<qsizetype>(start + options.chunkSize, targets->size());
        UnitOfWork uow(m_db, m_actor);
        if (Status s = uow.begin(); !s) {
            outcome.fault = s.error();
            break;
        }
        QElapsedTimer held; // from when the write lock is ours
        held.start();
        // The chunk's counts join the outcome only once it is written.
        qint64 changed = 0;
        qint64 unchanged = 0;
        QList<Failure> refused;
        for (qsizetype i = start; i < end && !outcome.fault; ++i) {
            Failure refusal;
            auto effect = applyOne(uow, targets->at(i), action, refusal);
            if (!effect) {
                outcome.fault = effect.error();
                break;
            }
            switch (*effect) {
            case Effect::Changed:
                ++changed;
                break;
            case Effect::Unchanged:
                ++unchanged;
                break;
            case Effect::Refused:
                refused.append(std::move(refusal));
                break;
            }
        }
        if (outcome.fault)
            break; // the unit rolls the chunk back as it goes out of scope
        if (options.dryRun) {
            uow.rollback();
        } else if (Status s = uow.commit(); !s) {
            outcome.fault = s.error();
            break;
        }
        outcome.changed += changed;
        outcome.unchanged += unchanged;
        for (Failure& f : refused)
            addFailure(outcome, std::move(f));
        done += end - start;
        const bool more = end < targets->size();
        if (!keepGoing() && more) {
            outcome.cancelled = true;
            break;
        }
        if (more)
            QThread::msleep(pauseAfter(held.elapsed()));
    }
    return outcome;
}

Result<QList<BulkService::Target>> BulkService::select(
    const Selection& selection, const Progress& progress, Outcome& outcome)
{
    // One read transaction: every page of the selection sees the file as it was when the
    // first was read, whatever other terminals or the till write meanwhile.
    if (Status s = Sql::execDirect(m_db.connection(), QStringLiteral("BEGIN")); !s)
        return s.error();
    const auto endRead
        = qScopeGuard([this] { static_cast<void>(Sql::execDirect(m_db.connection(), QStringLiteral("COMMIT"))); });

    QList<Target> targets;
    auto reading = [&] {
        if (progress && !progress(0, -1)) {
            outcome.cancelled = true;
            return false;
        }
        return true;
    };
    if (selection.query) {
        CustomerQuery q = *selection.query;
        q.after.clear();
        q.limit = CustomerQuery::maxLimit;
        q.withTotal = false;
        do {
            auto page = m_customers.search(q);
            if (!page)
                return page.error();
            for (const Customer& c : std::as_const(page->items))
                targets.append({c.id, {}});
            q.after = page->nextCursor;
        } while (!q.after.isEmpty() && reading());
        // In the order they are stored (ids are time-ordered, as the rows are): a chunk then
        // rewrites a few neighbouring pages instead of one page per customer.
        std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) { return a.id < b.id; });
        return targets;
    }

    QSet<QString> refs;
    QSet<QString> ids;
    for (const QString& given : selection.refs) {
        const QString ref = given.trimmed();
        if (refs.contains(ref))
            continue;
        refs.insert(ref);
        auto c = m_customers.get(ref);
        if (!c) {
            if (!isRefusal(c.error()))
                return c.error();
            addFailure(outcome, {ref.left(64), {}, c.error()});
        } else if (!ids.contains(c->id)) {
            ids.insert(c->id);
            targets.append({c->id, ref.left(64)});
        }
        if (refs.size() % CustomerQuery::maxLimit == 0 && !reading())
            break;
    }
    return targets;
}

Result<BulkService::Effect> BulkService::applyOne(
    UnitOfWork& uow, const Target& target, const Action& action, Failure& refusal)
{
    refusal.customer = target.ref.isEmpty() ? target.id : target.ref;
    refusal.customerId = target.id;
    auto refuse = [&](const Error& e) -> Result<Effect> {
        if (!isRefusal(e))
            return e;
        refusal.error = e;
        return Effect::Refused;
    };

    if (action.kind == Action::Kind::AddTag) {
        auto tagged = m_tags.tag(uow, target.id, action.tag);
        if (!tagged)
            return refuse(tagged.error());
        return tagged->added ? Effect::Changed : Effect::Unchanged;
    }
    if (action.kind == Action::Kind::RemoveTag) {
        auto untagged = m_tags.untag(uow, target.id, action.tag);
        if (!untagged)
            return refuse(untagged.error());
        return untagged->removed ? Effect::Changed : Effect::Unchanged;
    }

    // Read under the write lock, as the single edit reads it.
    auto current = m_customers.get(target.id);
    if (!current)
        return refuse(current.error());
    refusal.customer = current->code;
    CustomerInput input;
    switch (action.kind) {
    case Action::Kind::SetType:
        if (current->type == action.type)
            return Effect::Unchanged;
        input.type = CustomerEnums::toString(action.type);
        break;
    case Action::Kind::SetStatus:
        if (current->status == action.status)
            return Effect::Unchanged;
        input.status = CustomerEnums::toString(action.status);
        break;
    case Action::Kind::MembershipOn:
        if (current->type == CustomerType::Wholesale) {
            refusal.error = Error::conflict(QStringLiteral("type"), QStringLiteral("wholesale_customer"),
                tr("%1 is a wholesale customer; membership would replace their wholesale terms, so set their type "
                   "instead")
                    .arg(current->code));
            return Effect::Refused;
        }
        if (current->isMember())
            return Effect::Unchanged;
        input.type = CustomerEnums::toString(CustomerType::Member);
        break;
    case Action::Kind::MembershipOff:
        if (!current->isMember())
            return Effect::Unchanged;
        input.type = CustomerEnums::toString(CustomerType::WalkIn);
        break;
    case Action::Kind::AddTag:
    case Action::Kind::RemoveTag:
        break;
    }
    auto written = m_customers.update(uow, current->id, input);
    if (!written)
        return refuse(written.error());
    return Effect::Changed;
}

void BulkService::addFailure(Outcome& outcome, Failure failure)
{
    ++outcome.failed;
    if (outcome.failures.size() < maxReportedFailures)
        outcome.failures.append(std::move(failure));
}

QJsonObject BulkService::toJson(const Outcome& outcome)
{
    QJsonArray failures;
    for (const Failure& f : outcome.failures) {
        QJsonObject o = errorJson(f.error);
        o.insert(QStringLiteral("customer"), f.customer);
        if (!f.customerId.isEmpty())
            o.insert(QStringLiteral("id"), f.customerId);
        failures.append(o);
    }
    QJsonObject o {
        {QStringLiteral("action"), outcome.action.name()},
        {QStringLiteral("value"), outcome.action.value()},
        {QStringLiteral("dryRun"), outcome.dryRun},
        {QStringLiteral("total"), outcome.total},
        {QStringLiteral("changed"), outcome.changed},
        {QStringLiteral("unchanged"), outcome.unchanged},
        {QStringLiteral("failed"), outcome.failed},
        {QStringLiteral("remaining"), outcome.remaining()},
        {QStringLiteral("cancelled"), outcome.cancelled},
        {QStringLiteral("failures"), failures},
    };
    if (outcome.fault)
        o.insert(QStringLiteral("fault"), errorJson(*outcome.fault));
    return o;
}

} // namespace kasir
