#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Error.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/services/CustomerService.h"
#include "core/services/TagService.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// One change made to many customers at once (seed 002's bulk updates): the customers a
// directory filter selects, or those picked one by one, get a new type or status, a tag
// put on or taken off, or their membership turned on or off. Managers and administrators
// only.
//
// Each customer goes through the same use case as a single edit (CustomerService::update,
// TagService::tag and untag), so the same rules and permission checks apply, and each
// change writes its own audit row and sync op. A customer already in the target state is
// counted as unchanged and written nothing.
//
// The selection is read first, whole, as ids (a snapshot: customers the action changes do
// not move the paging), then changed a chunk at a time, one unit of work per chunk, with a
// pause after each so that a sale at the till waiting for the write lock gets it. A chunk
// is all or nothing; a chunk that cannot be written stops the run with the chunks before it
// applied, and the outcome says so.
class BulkService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::BulkService)

public:
    // What to do to each customer.
    struct Action
    {
        enum class Kind
        {
            SetType,
            SetStatus,
            AddTag, // makes the tag first when the company has none by that name
            RemoveTag,
            // Membership is active for member and vip. On: a walk-in becomes a member; a
            // member or vip is unchanged; a wholesale customer is refused (turning it on would
            // take away their wholesale terms: set the type for that). Off: a member or vip
            // becomes a walk-in (a vip's membership is what makes them vip); a walk-in or
            // wholesale customer has none and is unchanged. Like the single edit, neither
            // touches the level, and a walk-in whose total spent reaches the rules' memberFrom
            // becomes a member again at their next sale.
            MembershipOn,
            MembershipOff,
        };
        Kind kind = Kind::SetType;
        CustomerType type = CustomerType::WalkIn; // SetType
        CustomerStatus status = CustomerStatus::Active; // SetStatus
        QString tag; // AddTag, RemoveTag: the name as typed

        static Action setType(CustomerType type);
        static Action setStatus(CustomerStatus status);
        static Action addTag(const QString& name);
        static Action removeTag(const QString& name);
        static Action membership(bool on);

        // "set-type", "set-status", "add-tag", "remove-tag", "membership" (the kasirctl flags).
        QString name() const;
        // The target: "vip", "blocked", the tag's name, "on" or "off".
        QString value() const;
    };

    // Whom to change: the customers a directory query selects (its cursor, limit and total
    // are ignored: the whole filtered set), or customers named by id or code (the table's
    // multi-select; a name given twice counts once).
    struct Selection
    {
        std::optional<CustomerQuery> query;
        QStringList refs;

        static Selection filtered(const CustomerQuery& query);
        static Selection picked(const QStringList& refs);
    };

    // Called before the first chunk and after each one with the customers dealt with so far
    // and the size of the selection, and between the pages of a big selection while it is
    // read, with a total of -1; returning false cancels the run before the next chunk (or
    // page: then nothing is written, and the total counts what was read).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Options
    {
        bool dryRun = false; // each chunk is done and rolled back: what would change, unwritten
        int chunkSize = defaultChunkSize;
        Progress progress;
    };
    static constexpr int defaultChunkSize = 250;
    static constexpr int maxChunkSize = 5000;
    static constexpr int maxReportedFailures = 100;

    // A customer the action could not be carried out for, and why.
    struct Failure
    {
        QString customer; // their code, or the reference as given when it names nobody
        QString customerId; // empty when the reference names nobody
        Error error;
    };

    struct Outcome
    {
        Action action;
        bool dryRun = false;
        qint64 total = 0; // customers selected, plus references that name nobody
        qint64 changed = 0; // written (with dryRun: would be)
        qint64 unchanged = 0; // already in the target state
        qint64 failed = 0; // refused one by one (failures holds the first maxReportedFailures)
        QList<Failure> failures;
        bool cancelled = false; // the progress callback stopped the run between two chunks
        // The fault that stopped the run: the chunk it happened in was rolled back whole, the
        // ones before it stand.
        std::optional<Error> fault;

        // Not reached because the run was cancelled or stopped by a fault.
        qint64 remaining() const { return total - changed - unchanged - failed; }
    };

    BulkService(Database& db, Actor actor);

    // Refused up front (nothing read or written) for a role without CustomerBulkUpdate or
    // the action's own permission, for an invalid query, tag name or chunk size, and for
    // taking off a tag that does not exist. Otherwise the outcome, whatever happened to
    // each customer.
    Result<Outcome> apply(const Selection& selection, const Action& action, const Options& options);
    Result<Outcome> apply(const Selection& selection, const Action& action);

    static QJsonObject toJson(const Outcome& outcome);

private:
    struct Target
    {
        QString id;
        QString ref; // as given in a picked selection; empty for a filtered one
    };
    // The selection's customers as ids: filtered ones in the order they are stored, picked
    // ones as picked; references that name nobody in the company are failures.
    Result<QList<Target>> select(const Selection& selection, const Progress& progress, Outcome& outcome);
    enum class Effect
    {
        Changed,
        Unchanged,
        Refused,
    };
    // One customer inside the chunk's unit of work: its effect, with the reason when refused;
    // an error is a fault that spoils the chunk.
    Result<Effect> applyOne(UnitOfWork& uow, const Target& target, const Action& action, Failure& refusal);
    Status checkAction(const Action& action);
    static void addFailure(Outcome& outcome, Failure failure);

    Database& m_db;
    Actor m_actor;
    CustomerService m_customers;
    TagService m_tags;
};

} // namespace kasir
