#pragma once

#include "core/domain/Hlc.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace kasir {

class Clock;

// The terminal's SQLite file. One named QtSql connection per thread, opened on first use
// with the pragmas a POS needs (WAL, foreign keys, synchronous FULL); the schema is brought
// up to date when the file is opened. Prepared statements are cached per connection.
//
// Threads that used the Database must have finished before it is destroyed.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::Database)

public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens (creating if needed) and migrates to the latest schema.
    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock);
    // Opens and migrates only up to `version`; for migration tests.
    static Result<std::unique_ptr<Database>> openAtVersion(const QString& path, const Clock& clock, int version);

    QString path() const { return m_path; }
    const Clock& clock() const { return m_clock; }
    HybridLogicalClock& hlc() { return m_hlc; }

    // This thread's connection, opened on first use.
    QSqlDatabase connection();
    // A prepared statement for `sql` on this thread's connection, cached: preparing once
    // and binding many times is what keeps look-ups in microseconds.
    QSqlQuery& prepared(const QString& sql);
    // Closes this thread's connection; a worker thread calls it before it ends (a later
    // thread may get the same id, and a connection belongs to the thread that made it).
    void closeThreadConnection();

    int schemaVersion();
    // SQLite's data_version for this thread's connection: it changes when another
    // connection (another thread's, or another program's) has committed to the file since
    // this connection last looked. -1 when it cannot be read.
    qint64 dataVersion();
    static int latestSchemaVersion();

    // A write that fills most of the file (a bulk load into a nearly empty one) goes faster
    // with a rollback journal: each page is written once, where the WAL writes it into the
    // log and again at the checkpoint. Switches this thread's connection and returns true
    // only when no other connection has the file open (SQLite refuses otherwise, and
    // nothing changes). While it lasts, a program that opens or reads the file waits up to
    // the busy timeout (5 s) and then reports the database busy, instead of reading the
    // file as it was. A killed write leaves a "-journal" file beside the database that puts
    // it back at the next open: the two belong together. returnToWal() switches back.
    // Outside a unit of work.
    bool leaveWalIfAlone();
    Status returnToWal();

    // Copies the write-ahead log into the file and empties it (wal_checkpoint(TRUNCATE)),
    // so that no older image of a page, with what was on it, stays in the log. Outside a
    // unit of work. Waits only briefly for other connections, since new writes wait while
    // it does: true when the log is empty, false when a reader or a writer elsewhere kept
    // it (the log is emptied when the last program closes the file, or by a later call).
    Result<bool> checkpoint();

    // Whether this thread is inside a UnitOfWork; set by UnitOfWork only.
    bool inUnitOfWork();
    void setInUnitOfWork(bool inside);
    // A unit of work left open across the event loop (a download applied as one load) says
    // why here, and a write attempted meanwhile on this thread is refused with that reason.
    QString writeHeldFor();
    void setWriteHeldFor(const QString& why);

    // The persisted HLC: loaded at open, saved by each UnitOfWork in its own transaction.
    static constexpr const char* hlcStateKey = "hlc";
    static constexpr const char* terminalStateKey = "terminal_id";

    // Reads a local_state value; empty when absent.
    QString localState(const QString& key);

    // Re-reads the site id and last stamp (after a terminal is set up).
    Status reloadClockState();

private:
    Database(QString path, const Clock& clock);
    struct ThreadConnection;
    ThreadConnection& threadConnection();
    static void close(ThreadConnection* tc);
    Status openConnection(const QString& name);
    Status migrate(int targetVersion);
    // Resets this thread's cached statements (before the journal mode changes).
    void finishStatements();

    QString m_path;
    const Clock& m_clock;
    HybridLogicalClock m_hlc;
    QString m_prefix;
    QMutex m_mutex;
    QHash<Qt::HANDLE, ThreadConnection*> m_connections;
};

// Several reads that must see one state of the file (figures and the facts they come from,
// a whole page of a dashboard, a customer's whole history): a deferred transaction, so no
// write lock, rolled back when the snapshot goes out of scope (nothing is written). Inside
// a unit of work the reads already share its transaction, and this does nothing.
class ReadSnapshot final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ReadSnapshot)

public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

    // Done when the reads that follow see one state of the file; otherwise they still run,
    // each on its own, and a caller that needs the one state returns this error.
    const Status& status() const { return m_status; }

private:
    QSqlDatabase m_connection;
    bool m_began = false;
    Status m_status = Done {};
};

// Helpers that turn a failed QSqlQuery into an Error naming the statement.
namespace Sql {
Error errorOf(const QSqlQuery& query);
// exec() an already prepared query; on failure returns the Error.
Status exec(QSqlQuery& query);
// prepare + exec of one statement with no parameters.
Status execDirect(QSqlDatabase db, const QString& sql);
// exec() a prepared query that answers one integer (a count, a number handed out).
Result<qint64> integer(QSqlQuery& query);
// Text to bind: QtSql binds a null QString as SQL NULL. text() gives '' for NOT NULL
// columns; textOrNull() gives NULL for an empty string (an absent phone, email...).
QVariant text(const QString& s);
QVariant textOrNull(const QString& s);
// "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)...": `rows` rows of `columns` placeholders
// after `head`, for writes that share one statement's fixed costs among many rows.
QString multiRowInsert(const char* head, int columns, int rows);
} // namespace Sql

} // namespace kasir
