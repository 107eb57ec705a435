#pragma once

#include "core/domain/Hlc.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"
#include "core/sync/ServerStatements.h"
#include "core/sync/SyncOp.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace kasir {

class Clock;
class ServerProjection;

// kasir-server's storage (ARCHITECTURE.md, "Sync"): the companies, stores, users and
// terminals it knows, and each company's log of ops in the order the server accepted them.
// The same SQL runs on SQLite (a shop's back-office PC) and PostgreSQL (a chain); one
// instance holds one connection, so a process may run several on different threads.
//
// Push and pull keep the promises terminals rely on: an op id is recorded forever (a replay
// answers as the first time; the same id with other content is refused); a batch is written
// in one transaction; ops of one company get their log positions under a lock on that
// company's head row, so positions commit in order and a reader never passes over a
// position that commits later.
class ServerStore final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ServerStore)

public:
    ~ServerStore();
    Q_DISABLE_COPY_MOVE(ServerStore)

    // A SQLite file, created if missing.
    static Result<std::unique_ptr<ServerStore>> openSqlite(const QString& path, const Clock& clock);
    // A PostgreSQL database by libpq-style "key=value ..." text (host, port, dbname, user,
    // password; other keys go to the driver's options).
    static Result<std::unique_ptr<ServerStore>> openPostgres(const QString& conninfo, const Clock& clock);

    bool isPostgres() const { return m_pg; }
    const Clock& clock() const { return m_clock; }
    QString describe() const;

    struct Device
    {
        QString id; // the terminal's id
        QString companyId;
        QString storeId;
        QString code; // T01, T02... unique in the store
        QString name;
        quint32 siteId = 0;
        int number = 0; // 1, 2, 3... in the company; gives the terminal its block of customer codes
        qint64 createdAt = 0;
        qint64 lastSeenAt = 0; // 0: never
        qint64 revokedAt = 0; // 0: not revoked
        bool enrolled = false; // has a device token
    };

    // Administration (kasir-server's subcommands). Each writes the server's op for the new
    // row too, so terminals pull it like any other change.
    Result<Company> createCompany(const QString& name, const QString& region, const QString& currency);
    Result<Store> createStore(const QString& companyId, const QString& code, const QString& name);
    Result<User> createUser(const QString& companyId, const QString& username, const QString& displayName, Role role,
        const QString& password);
    struct Registration
    {
        Device device;
        QString enrolmentCode; // one-time, expires; set when no token was asked for
        QString token; // the device token; set when asked for instead of a code
    };
    Result<Registration> registerTerminal(const QString& storeId, const QString& name, bool issueToken);
    Status revokeTerminal(const QString& deviceId);
    Result<QList<Device>> terminals(const QString& companyId);
    Result<QList<Company>> companies();
    Result<std::optional<Company>> company(const QString& id);
    Result<std::optional<Store>> store(const QString& id);

    // Terminal API. An enrolment code is exchanged once for a device token.
    struct Enrolment
    {
        Device device;
        QString token;
        Company company;
        Store store;
    };
    Result<Enrolment> enrol(const QString& code);
    // The device a token belongs to; NotFound-kind errors are "unauthorised" (unknown or
    // revoked). Records the time it was last seen.
    Result<Device> authenticate(const QString& token);

    struct OpResult
    {
        QString id;
        enum class Status
        {
            Applied,
            Duplicate, // recorded before: answered as the first time
            Rejected, // never applies (permission, company, malformed, id reused)
        } status
            = Status::Applied;
        qint64 seq = 0;
        QString code; // why it was rejected
        QString message;
    };
    struct PushOutcome
    {
        QList<OpResult> results; // in the order of the ops, up to `stopped`
        // The op at which the batch stopped without a verdict (a clock too far ahead): it and
        // the ops after it stay with the terminal and are sent again later.
        std::optional<OpResult> stopped;
        Hlc serverHlc;
    };
    static QString statusName(OpResult::Status status);
    // `malformed`: ids of ops in `ops` that could not be read (only their id is set), with
    // why; each is refused on its own and the rest of the batch goes on.
    Result<PushOutcome> push(const Device& device, const QString& batchId, const QList<SyncOp>& ops,
        const QHash<QString, QString>& malformed = {});

    struct PullPage
    {
        QList<SyncOp> changes;
        qint64 next = 0;
        bool hasMore = false;
        Hlc serverHlc;
    };
    Result<PullPage> pull(const Device& device, qint64 since, int limit);

    // The customers, notes and figures as the accepted ops left them (ServerProjection).
    ServerProjection& projection() { return *m_projection; }
    // Makes the projection again from every company's log, in one transaction.
    Status rebuildProjection();

    // API keys for integrations (the REST API): a key acts as its user, with the user's role.
    // Only the key's SHA-256 is stored; the key itself is shown once, on creation.
    struct ApiKey
    {
        QString id;
        QString key;
        User user;
        qint64 createdAt = 0;
    };
    Result<ApiKey> createApiKey(const QString& userId);
    Status revokeApiKey(const QString& id);
    // The active user a key acts as; NotFound-kind errors are "unauthorised" (unknown or
    // revoked key, or a user who is deactivated). Records the time it was last used.
    Result<User> authenticateApiKey(const QString& key);

    // A change the server makes on a user's behalf: one op of the company's log.
    struct ServerChange
    {
        QString entity;
        QString entityId;
        QString action;
        QJsonObject fields;
    };
    // Runs `plan` in one transaction holding the company's log lock, so what it checks in
    // the projection (a phone nobody has) still holds when its changes are written, and
    // appends the changes it returns as the server's ops made by `actorId`. An error of the
    // plan writes nothing.
    Status writeChanges(
        const QString& companyId, const QString& actorId, const std::function<Result<QList<ServerChange>>()>& plan);

    // How far ahead of the server clock an op's stamp may be.
    static constexpr qint64 maxSkewMs = 5 * 60 * 1000;
    // The longest page a pull returns.
    static constexpr int maxPullLimit = 5000;
    static constexpr int maxPushOps = 5000;
    // Terminal number n makes customer codes from (n - 1) * codeBlock + 1.
    static constexpr qint64 codeBlock = 100000000;
    // The site id of the server's own ops; terminals have 1 and up.
    static constexpr quint32 serverSiteId = 0;
    // Customers registered through the server take codes from this number on: past the
    // blocks of the first 9000 terminals.
    static constexpr qint64 serverCodeFirst = 9000 * codeBlock + 1;

private:
    ServerStore(QSqlDatabase db, bool pg, const Clock& clock);
    Status migrate();
    // PostgreSQL: the session's settings, after each connect.
    void setUpSession();
    Status begin();
    Status commit();
    void rollback();
    QSqlQuery& prepared(const QString& sql);
    Error errorOf(const QSqlQuery& q) const;
    Status exec(QSqlQuery& q);
    Hlc tick();
    // Locks the company's log head (for the rest of the transaction) and returns it.
    Result<qint64> lockHead(const QString& companyId);
    Status setHead(const QString& companyId, qint64 seq);
    // Appends ops to the company log from position `first` on, in one statement per group.
    // `fieldsTexts`: each op's SyncOp::fieldsText(), made once for its digest and its row.
    Status appendOps(const QList<const SyncOp*>& ops, qint64 first, const QString& deviceId,
        const QList<QString>& digests, const QList<QString>& fieldsTexts);
    Status writeServerOp(const QString& companyId, const QString& entity, const QString& entityId,
        const QJsonObject& fields, const QString& action = QStringLiteral("create"), const QString& actorId = {});
    Result<std::optional<Device>> deviceBy(const char* column, const QString& value);
    // Keeps the server's own tables (users, company and store names) in step with a pushed op.
    Status reflect(const SyncOp& op);
    // A user as the server judges their ops: name, and role and active flag over time.
    struct Account
    {
        struct State
        {
            QString hlc;
            std::optional<Role> role;
            std::optional<bool> active;
        };
        QString username;
        QList<State> states; // oldest first
        // Role and active flag as they were at the stamp `hlc` (text form, which sorts).
        std::pair<Role, bool> at(const QString& hlc) const;
    };
    Result<std::optional<Account>> account(const QString& companyId, const QString& userId);
    // Adds what an op stamped `hlc` says of a user's role and active flag to their history,
    // and makes the user's row say what holds now.
    Status recordUserState(const QString& userId, const Hlc& hlc, const QJsonObject& fields);
    std::optional<OpResult> check(
        const Device& device, const SyncOp& op, bool exists, QHash<QString, std::optional<Account>>& accounts);

    QSqlDatabase m_db;
    QString m_connection;
    bool m_pg = false;
    const Clock& m_clock;
    std::unique_ptr<HybridLogicalClock> m_hlc;
    std::unique_ptr<ServerStatements> m_statements;
    bool m_inTransaction = false;
    std::unique_ptr<ServerProjection> m_projection;
};

} // namespace kasir
