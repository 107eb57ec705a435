#include "core/storage/Database.h"

#include "core/domain/Clock.h"
#include "core/storage/Migrations.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

#include <memory>

namespace kasir {

namespace {

// Another connection holding the write lock makes us wait this long, not fail at once.
constexpr int busyTimeoutMs = 5000;
// How long a checkpoint waits for other connections; the till's writes wait meanwhile.
constexpr int checkpointWaitMs = 250;

} // namespace

struct Database::ThreadConnection
{
    QString name;
    // Held by pointer: callers keep a QSqlQuery& while they prepare other statements, and
    // a QHash moves its values when it grows.
    QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    bool inUnitOfWork = false;
    QString heldFor;
    bool open = false;
};

namespace Sql {

Error errorOf(const QSqlQuery& query)
{
    const QSqlError e = query.lastError();
    QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    // A cached statement whose prepare failed (a table gone, a damaged file) reports only
    // QtSql's "Parameter count mismatch" when run; prepare it again to learn SQLite's reason.
    if (e.databaseText().isEmpty() && !query.lastQuery().isEmpty()) {
        for (const QString& name : QSqlDatabase::connectionNames()) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.driver() != query.driver())
                continue;
            QSqlQuery probe(db);
            if (!probe.prepare(query.lastQuery()) && !probe.lastError().databaseText().isEmpty())
                text = probe.lastError().databaseText();
            break;
        }
    }
    // A unique index is the last line of defence against a duplicate written by another
    // process between our check and our write: report it as the conflict it is.
    static const QLatin1String unique("UNIQUE constraint failed: ");
    if (const qsizetype at = text.indexOf(unique); at >= 0) {
        const QString columns = text.mid(at + unique.size());
        QString column = columns.section(u',', -1).trimmed().section(u'.', -1);
        QString field;
        for (qsizetype i = 0; i < column.size(); ++i) {
            if (column[i] == u'_' && i + 1 < column.size())
                field.append(column[++i].toUpper());
            else
                field.append(column[i]);
        }
        return Error::conflict(
            field, QStringLiteral("duplicate"), Database::tr("is already used by another record (%1)").arg(text));
    }
    // People see a sentence; SQLite's own words stay in brackets for whoever fixes it.
    return Error::other(
        QStringLiteral("database"), Database::tr("the database could not carry out the request (%1)").arg(text));
}

Status exec(QSqlQuery& query)
{
    if (!query.exec())
        return errorOf(query);
    return Done {};
}

Status execDirect(QSqlDatabase db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return errorOf(q);
    return Done {};
}

Result<qint64> integer(QSqlQuery& query)
{
    if (!query.exec() || !query.next())
        return errorOf(query);
    const qint64 n = query.value(0).toLongLong();
    query.finish();
    return n;
}

QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QString multiRowInsert(const char* head, int columns, int rows)
{
    QString text = QLatin1String(head);
    text += QLatin1String(" VALUES ");
    const QString row = QLatin1Char('(') + QString(QStringLiteral("?, ")).repeated(columns - 1) + QStringLiteral("?)");
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            text += QLatin1String(", ");
        text += row;
    }
    return text;
}

} // namespace Sql

Database::Database(QString path, const Clock& clock) : m_path(std::move(path)), m_clock(clock), m_hlc(clock, 0)
{
    static QAtomicInteger<quint64> counter;
    m_prefix = QStringLiteral("kasir-%1-").arg(counter.fetchAndAddRelaxed(1));
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (ThreadConnection* tc : std::as_const(m_connections))
        close(tc);
    m_connections.clear();
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Clock& clock)
{
    return openAtVersion(path, clock, Migrations::latest());
}

Result<std::unique_ptr<Database>> Database::openAtVersion(const QString& path, const Clock& clock, int version)
{
    if (path.trimmed().isEmpty())
        return Error::invalidField(QStringLiteral("db"), QStringLiteral("required"), tr("no database file was given"));
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return Error::invalidField(
            QStringLiteral("db"), QStringLiteral("is_directory"), tr("%1 is a folder, not a database file").arg(path));
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return Error::other(QStringLiteral("io"), tr("cannot create the folder %1").arg(info.absolutePath()));

    std::unique_ptr<Database> db(new Database(info.absoluteFilePath(), clock));
    ThreadConnection& tc = db->threadConnection();
    if (!tc.open)
        return Error::other(QStringLiteral("database"), tr("cannot open the database file %1").arg(path));
    if (Status s = db->migrate(version); !s)
        return s.error();
    if (Status s = db->reloadClockState(); !s)
        return s.error();
    return db;
}

Database::ThreadConnection& Database::threadConnection()
{
    const Qt::HANDLE thread = QThread::currentThreadId();
    QMutexLocker lock(&m_mutex);
    auto it = m_connections.find(thread);
    if (it != m_connections.end())
        return **it;
    auto* tc = new ThreadConnection;
    tc->name = m_prefix + QString::number(reinterpret_cast<quintptr>(thread), 16);
    m_connections.insert(thread, tc);
    lock.unlock();
    tc->open = openConnection(tc->name).ok();
    return *tc;
}

void Database::closeThreadConnection()
{
    ThreadConnection* tc = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        tc = m_connections.take(QThread::currentThreadId());
    }
    if (tc)
        close(tc);
}

void Database::close(ThreadConnection* tc)
{
    tc->statements.clear(); // the statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(tc->name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(tc->name);
    delete tc;
}

Status Database::openConnection(const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open())
        return Error::other(QStringLiteral("database"), db.lastError().text());
    // A bulk load may be writing this file with a rollback journal (leaveWalIfAlone); SQLite
    // then refuses the switch at once instead of waiting. Wait as for any lock, and if the
    // load still runs, open anyway: the file says WAL again once the load has ended, and
    // SQLite follows it on the next transaction.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            break;
        if (!q.lastError().databaseText().contains(QLatin1String("locked")))
            return Sql::errorOf(q);
        if (waited.elapsed() >= busyTimeoutMs)
            break;
        QThread::msleep(50);
    }
    const QStringList pragmas {
        // A completed sale must survive a power cut: sync every commit.
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // Deleted and overwritten content is zeroed as it goes, not left in free space: a
        // customer's erased data must not be readable from the file, and an erasure can
        // only zero what it deletes itself, not the old copies that earlier updates of the
        // same rows left behind. Many builds of SQLite default to it; a sale costs the same
        // either way (a sale is mostly inserts; an update zeroes a few bytes in a page).
        QStringLiteral("PRAGMA secure_delete = ON"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        // 64 MiB of page cache and memory-mapped reads keep look-ups off the disk.
        QStringLiteral("PRAGMA cache_size = -65536"),
        QStringLiteral("PRAGMA mmap_size = 1073741824"),
    };
    for (const QString& p : pragmas) {
        if (Status s = Sql::execDirect(db, p); !s)
            return s;
    }
    return Done {};
}

void Database::finishStatements()
{
    // The journal mode cannot change while a statement of the connection is still running.
    for (const auto& statement : std::as_const(threadConnection().statements))
        statement->finish();
}

bool Database::leaveWalIfAlone()
{
    if (inUnitOfWork())
        return false;
    finishStatements();
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout")) || !q.next())
        return false;
    const int timeout = q.value(0).toInt();
    // Without waiting: an open connection elsewhere means a reader the load must not lock out.
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = 0")))
        return false;
    const bool switched
        = q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && q.next() && q.value(0).toString() == u"delete";
    q.finish();
    q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(timeout));
    return switched;
}

Status Database::returnToWal()
{
    finishStatements();
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return Sql::errorOf(q);
    if (q.value(0).toString() != u"wal")
        return Error::other(QStringLiteral("database"), tr("the database could not go back to its write-ahead log"));
    return Done {};
}

Result<bool> Database::checkpoint()
{
    if (inUnitOfWork())
        return Error::other(
            QStringLiteral("in_unit_of_work"), tr("the write-ahead log cannot be emptied during a write"));
    finishStatements(); // this connection's own reads would keep the log
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout")) || !q.next())
        return Sql::errorOf(q);
    const int timeout = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(checkpointWaitMs)))
        return Sql::errorOf(q);
    // One row: busy (1 when another connection kept it from finishing), pages in the log,
    // pages copied; -1 for both when the file is not in WAL mode (nothing to empty).
    const bool ran = q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && q.next();
    const Error failed = ran ? Error {} : Sql::errorOf(q);
    const bool emptied = ran && q.value(0).toInt() == 0;
    q.finish();
    q.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(timeout));
    if (!ran) {
        if (failed.message.contains(QLatin1String("locked")) || failed.message.contains(QLatin1String("busy")))
            return false;
        return failed;
    }
    return emptied;
}

QSqlDatabase Database::connection()
{
    return QSqlDatabase::database(threadConnection().name, false);
}

QSqlQuery& Database::prepared(const QString& sql)
{
    ThreadConnection& tc = threadConnection();
    auto it = tc.statements.find(sql);
    if (it == tc.statements.end()) {
        auto q = std::make_shared<QSqlQuery>(QSqlDatabase::database(tc.name, false));
        q->setForwardOnly(true);
        q->prepare(sql);
        it = tc.statements.insert(sql, std::move(q));
    }
    return **it;
}

ReadSnapshot::ReadSnapshot(Database& db)
{
    if (db.inUnitOfWork())
        return;
    m_connection = db.connection();
    m_began = m_connection.transaction();
    if (!m_began)
        m_status = Error::other(QStringLiteral("database_busy"),
            tr("the database is busy or unreadable: %1").arg(m_connection.lastError().text()));
}

ReadSnapshot::~ReadSnapshot()
{
    if (m_began)
        m_connection.rollback();
}

bool Database::inUnitOfWork()
{
    return threadConnection().inUnitOfWork;
}

void Database::setInUnitOfWork(bool inside)
{
    threadConnection().inUnitOfWork = inside;
}

QString Database::writeHeldFor()
{
    return threadConnection().heldFor;
}

void Database::setWriteHeldFor(const QString& why)
{
    threadConnection().heldFor = why;
}

int Database::latestSchemaVersion()
{
    return Migrations::latest();
}

int Database::schemaVersion()
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

qint64 Database::dataVersion()
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Status Database::migrate(int targetVersion)
{
    QSqlDatabase db = connection();
    if (Status s = Sql::execDirect(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                           "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
        !s)
        return s;
    const int current = schemaVersion();
    if (current > Migrations::latest())
        return Error::other(QStringLiteral("schema_too_new"),
            tr("the database %1 was written by a newer version of Kasir (schema %2; this version knows %3)")
                .arg(m_path)
                .arg(current)
                .arg(Migrations::latest()));

    for (const Migration& m : Migrations::all()) {
        if (m.version <= current || m.version > targetVersion)
            continue;
        if (Status s = Sql::execDirect(db, QStringLiteral("BEGIN IMMEDIATE")); !s)
            return s;
        Status step = Done {};
        for (const QString& statement : m.statements) {
            step = Sql::execDirect(db, statement);
            if (!step)
                break;
        }
        if (step && m.fill)
            step = m.fill(db);
        if (step) {
            QSqlQuery record(db);
            record.prepare(
                QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
            record.addBindValue(m.version);
            record.addBindValue(m.name);
            record.addBindValue(m_clock.nowMs());
            step = Sql::exec(record);
        }
        if (!step) {
            Sql::execDirect(db, QStringLiteral("ROLLBACK")).ok();
            return Error::other(QStringLiteral("migration_failed"),
                tr("cannot upgrade the database to schema %1 (%2): %3")
                    .arg(m.version)
                    .arg(m.name, step.error().message));
        }
        if (Status s = Sql::execDirect(db, QStringLiteral("COMMIT")); !s)
            return s;
    }
    return Done {};
}

QString Database::localState(const QString& key)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM local_state WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

Status Database::reloadClockState()
{
    if (schemaVersion() < 1)
        return Done {};
    const QString terminalId = localState(QString::fromLatin1(terminalStateKey));
    quint32 siteId = 0;
    if (!terminalId.isEmpty()) {
        QSqlQuery q(connection());
        q.prepare(QStringLiteral("SELECT site_id FROM terminal WHERE id = ?"));
        q.addBindValue(terminalId);
        if (!q.exec())
            return Sql::errorOf(q);
        if (q.next())
            siteId = static_cast<quint32>(q.value(0).toLongLong());
    }
    // A terminal enrolled with a server knows its site id before its own terminal row has
    // been pulled; until then, the id the server gave it.
    if (siteId == 0)
        siteId = localState(QStringLiteral("sync.site")).toUInt();
    m_hlc.setSiteId(siteId);
    const QString stamp = localState(QString::fromLatin1(hlcStateKey));
    if (!stamp.isEmpty()) {
        bool ok = false;
        const Hlc last = Hlc::fromString(stamp, &ok);
        if (ok)
            m_hlc.restore(last);
    }
    return Done {};
}

} // namespace kasir
