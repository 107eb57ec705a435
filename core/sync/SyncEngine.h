#pragma once

#include "core/domain/Result.h"
#include "core/sync/SyncOp.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kasir {

class Clock;
class Database;
class SyncLoad;

// The terminal's side of sync (ARCHITECTURE.md, "Sync"): enrols the terminal with a
// kasir-server, then in each cycle pushes the outbox oldest first (deleting only what the
// server acknowledged) and pulls the company's changes page by page, each page applied with
// its cursor in one transaction. The first pull is the initial download of the company:
// when it spans more than one page, its pages are written as one load (SyncLoad: indexes made
// once at the end) while the next page downloads, and committed with the cursor at the end.
// A download that stops short (the network, the server, the program closing) keeps what it
// wrote, committed with its cursor, and the next cycle goes on from there as a load again.
//
// Driven by the desktop app, kasirctl and the tests alike; it takes its network access
// manager and clock from the caller. Everything happens on the caller's thread through the
// event loop.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NotEnrolled,
        Idle, // enrolled, no cycle run yet in this session
        Syncing,
        UpToDate,
        Offline, // the server could not be reached
        Error, // the server answered with a refusal or a failure; see lastError()
    };
    Q_ENUM(State)

    struct Progress
    {
        qint64 pushed = 0; // ops acknowledged in this cycle
        qint64 pulled = 0; // changes applied in this cycle
        qint64 pending = 0; // ops still in the outbox
        qint64 unapplied = 0; // pulled ops that could not be applied here (kept in sync_unapplied)
        bool initial = false; // the first download of the company
    };

    SyncEngine(Database& db, QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);
    ~SyncEngine() override;

    // Exchanges an enrolment code for a device token and makes this empty database the
    // terminal the code was made for; finished() reports the outcome. The first cycle then
    // downloads the company.
    void enrol(const QUrl& server, const QString& code);
    bool isEnrolled();
    QUrl server();

    // Starts a cycle now unless one runs; finished() reports it.
    void syncNow();
    // Background sync: a cycle after every local change (checked every second), every
    // `interval` otherwise, retries after failures with exponential backoff and jitter, and
    // at once when the network comes back.
    void startBackground(int intervalMs = 60000);
    void stopBackground();

    State state() const { return m_state; }
    static QString stateName(State state);
    QString lastError() const { return m_lastError; }
    Progress progress() const { return m_progress; }
    qint64 lastSyncAt();

    // Pages and batches; tests and benchmarks change them.
    void setPageSize(int changes) { m_pageSize = changes; }
    void setBatchSize(int ops) { m_batchSize = ops; }
    // Off: a first download goes page by page like any pull (a reference for tests).
    void setFirstDownloadAsLoad(bool on) { m_loadAllowed = on; }
    // The next retry delay after `failures` failures in a row (1 s doubling to 5 min, times
    // a random 0.5-1.5 so that terminals that failed together do not retry together).
    static int backoffMs(int failures, double jitter);

    static constexpr const char* serverKey = "sync.server";
    static constexpr const char* deviceKey = "sync.device";
    static constexpr const char* tokenKey = "sync.token";
    static constexpr const char* companyKey = "sync.company";
    static constexpr const char* cursorKey = "sync.cursor";
    static constexpr const char* lastSyncKey = "sync.last_sync_at";
    static constexpr const char* loadingKey = "sync.loading"; // "1": the first download stopped short

signals:
    void stateChanged(kasir::SyncEngine::State state);
    void progressChanged(const kasir::SyncEngine::Progress& progress);
    // The end of an enrolment or a cycle: done, or the error that stopped it.
    void finished(const kasir::Status& outcome);

private:
    using Handler = std::function<void(const Result<QJsonObject>&)>;
    void request(const QString& method, const QString& path, const QByteArray& body, Handler handler);
    void pushNext();
    void pullNext();
    void pullFrom(qint64 since);
    void takePage(const Result<QJsonObject>& reply);
    struct Page
    {
        QList<SyncOp> ops;
        qint64 next = 0;
        bool more = false;
    };
    static Result<Page> readPage(const QJsonObject& reply);
    Status applyLoadPage(const Page& page);
    // Ends the load under way, if any. `keep`: commit what it wrote with its cursor, marked
    // as stopped short unless it is `complete` (its last page written); otherwise (a failure
    // of the file itself) roll it back. Returns `outcome`, or the failure to commit.
    enum class LoadEnd
    {
        Complete,
        StoppedShort,
        Abandoned,
    };
    Status endLoad(const Status& outcome, LoadEnd end);
    void dropReply();
    void finish(const Status& outcome);
    void setState(State state);
    void scheduleRetry();
    Status applyPushResults(const QStringList& sent, const QJsonObject& reply);
    Status applyPage(const Page& page);
    Status saveEnrolment(const QUrl& server, const QJsonObject& reply);
    QString companyId();

    Database& m_db;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    State m_state = State::NotEnrolled;
    QString m_lastError;
    Progress m_progress;
    bool m_busy = false;
    bool m_again = false;
    int m_failures = 0;
    int m_pageSize = 2000;
    int m_batchSize = 1000;
    int m_interval = 60000;
    bool m_background = false;
    QStringList m_inFlight; // ids of the ops sent in the push under way
    std::optional<Error> m_pushStopped; // why the last push stopped short (a clock too far ahead)
    QTimer m_retry;
    QTimer m_watch;
    qint64 m_lastDataVersion = -1;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<SyncLoad> m_load; // the first download, written as one load
    bool m_loadAllowed = true;
    bool m_loadWanted = false; // this cycle's pull is (the rest of) the first download
    qint64 m_loadNext = 0; // the cursor after the last page written into the load
    bool m_loadCareful = false; // a savepoint per page: an op of this download cannot be applied here
    qint64 m_pulledBeforeLoad = 0;
};

} // namespace kasir
