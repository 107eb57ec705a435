#pragma once

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Hlc.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <memory>
#include <typeindex>
#include <utility>
#include <vector>

namespace kasir {

class Database;

// The one way to write. A unit of work is one SQLite transaction holding the business
// rows, an audit-log row per change (who, when, each field before and after) and a
// sync-outbox op per change (op id, entity, key, changed fields, HLC stamp). Either all of
// it commits or none of it does: a unit that is destroyed without commit() rolls back.
class UnitOfWork final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::UnitOfWork)

public:
    enum class Op
    {
        Upsert,
        Delete,
    };

    struct Change
    {
        Change() = default;
        Change(QString entity, QString entityId, QString companyId, QString action, Op op, FieldSnapshot before,
            FieldSnapshot after, QString customerId = {})
            : entity(std::move(entity))
            , entityId(std::move(entityId))
            , companyId(std::move(companyId))
            , action(std::move(action))
            , op(op)
            , before(std::move(before))
            , after(std::move(after))
            , customerId(std::move(customerId))
        { }

        QString entity; // "customer"
        QString entityId;
        QString companyId;
        QString action; // "create", "update", "deactivate", "delete"...
        Op op = Op::Upsert;
        FieldSnapshot before; // empty for a create
        FieldSnapshot after; // empty for a delete
        // The customer the change is about, for their activity log: the customer itself, or
        // the customer a note, tag, sale or ledger entry belongs to. Empty: taken from the
        // snapshots' customerId, if they have one.
        QString customerId;
    };

    UnitOfWork(Database& db, Actor actor);
    ~UnitOfWork();
    Q_DISABLE_COPY_MOVE(UnitOfWork)

    // BEGIN IMMEDIATE: takes the write lock up front so two writers queue instead of
    // failing half-way.
    Status begin();
    Status commit();
    void rollback();
    bool isOpen() const { return m_open; }
    // An error for work that needs the unit open (it has begun and not yet ended).
    Status requireOpen() const;

    Database& database() { return m_db; }
    const Actor& actor() const { return m_actor; }
    // The wall-clock time of this unit, used for every created/updated stamp in it.
    qint64 now() const { return m_now; }
    QSqlQuery& prepared(const QString& sql);

    // A change turned into the text of its audit row and outbox op. prepare() needs no
    // database and is thread-safe, so bulk work can make the next batch's text on another
    // core while this one is written.
    struct PreparedChange
    {
        QString entity;
        QString entityId;
        QString companyId;
        QString action;
        Op op = Op::Upsert;
        QString auditJson; // empty: the change changes nothing
        QString valuesJson;
        QString customerId; // empty: about no customer
    };
    static PreparedChange prepare(const Change& change);
    // Bulk work writes this many rows per INSERT statement.
    static constexpr int rowsPerStatement = 64;

    // Writes the audit row and the outbox op for one change; returns the HLC stamp used.
    // A change that changes nothing writes nothing and returns a null stamp.
    Result<Hlc> record(const Change& change);
    Result<Hlc> record(const PreparedChange& change);
    // The same for many changes, rowsPerStatement audit rows and ops per statement, each
    // change with its own stamp, in order.
    Status record(const QList<PreparedChange>& changes);

    // Folds a stamp made elsewhere (a pulled change) into the clock, so that every later
    // local stamp orders after it; the clock is saved with this unit like a local stamp.
    void observe(const Hlc& remote);

    // Work that is cheaper done once per unit than once per row (search-index updates):
    // one T per unit, made on first use, flushed in order of first use just before COMMIT.
    class Deferred
    {
    public:
        virtual ~Deferred() = default;
        virtual Status flush(UnitOfWork& uow) = 0;
    };
    template<typename T>
    T& deferred()
    {
        for (auto& [type, work] : m_deferred) {
            if (type == std::type_index(typeid(T)))
                return static_cast<T&>(*work);
        }
        m_deferred.emplace_back(std::type_index(typeid(T)), std::make_unique<T>());
        return static_cast<T&>(*m_deferred.back().second);
    }

private:
    // One statement each for the changes' audit rows and ops; returns the last stamp.
    Result<Hlc> writeChanges(const QList<const PreparedChange*>& changes);

    Database& m_db;
    Actor m_actor;
    qint64 m_now = 0;
    bool m_open = false;
    Hlc m_lastStamp;
    std::vector<std::pair<std::type_index, std::unique_ptr<Deferred>>> m_deferred;
};

} // namespace kasir
