#include "tests/bench/RawSqlite.h"

#include <benchmark/benchmark.h>

namespace kasir::bench {

RawSqlite::RawSqlite(sqlite3* db) : m_db(db) { }

RawSqlite::~RawSqlite()
{
    for (sqlite3_stmt* s : m_statements)
        sqlite3_finalize(s);
    sqlite3_close(m_db);
}

std::unique_ptr<RawSqlite> RawSqlite::open(const QString& path, QString* error, Access access)
{
    sqlite3* db = nullptr;
    const int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        *error = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<RawSqlite> raw(new RawSqlite(db));
    // The same cache and memory map as core's Database::openConnection, so that both sides
    // read the file the same way.
    for (const char* pragma :
        {"PRAGMA cache_size = -65536", "PRAGMA mmap_size = 1073741824", "PRAGMA temp_store = MEMORY"}) {
        if (!raw->exec(pragma, error))
            return nullptr;
    }
    if (access == Access::ReadWrite) {
        // And the rest of what it sets for writing: a completed sale is synced at COMMIT.
        sqlite3_busy_timeout(db, 5000);
        for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                 "PRAGMA secure_delete = ON"}) {
            if (!raw->exec(pragma, error))
                return nullptr;
        }
    }
    return raw;
}

bool RawSqlite::exec(const char* sql, QString* error)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(sql) + QStringLiteral(": ") + lastError();
    return false;
}

qint64 RawSqlite::pragmaValue(const char* name)
{
    sqlite3_stmt* q = nullptr;
    const QByteArray sql = QByteArray("PRAGMA ") + name;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &q, nullptr) != SQLITE_OK)
        return -1;
    const qint64 value = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return value;
}

sqlite3_stmt* RawSqlite::prepare(const QByteArray& sql, QString* error)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(
            m_db, sql.constData(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        *error = lastError();
        return nullptr;
    }
    m_statements.push_back(statement);
    return statement;
}

QString RawSqlite::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int RawSqlite::readAllAsText(sqlite3_stmt* statement, qint64* bytes)
{
    const int columns = sqlite3_column_count(statement);
    int rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < columns; ++i) {
            const unsigned char* text = sqlite3_column_text(statement, i);
            benchmark::DoNotOptimize(text);
            *bytes += sqlite3_column_bytes(statement, i);
        }
        ++rows;
    }
    sqlite3_reset(statement);
    return rc == SQLITE_DONE ? rows : -1;
}

} // namespace kasir::bench
