#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <memory>
#include <vector>

namespace kasir::bench {

// The baseline side of the benchmarks: the same SQLite file through the SQLite C API, no Qt
// and no services, with the page cache and memory map that Database gives its connections.
class RawSqlite final
{
public:
    Q_DISABLE_COPY_MOVE(RawSqlite)
    ~RawSqlite();

    enum class Access
    {
        ReadOnly, // the look-up baselines
        ReadWrite, // the write baselines: WAL, synchronous FULL and foreign keys, as core writes
    };

    // nullptr and *error when it cannot open the file.
    static std::unique_ptr<RawSqlite> open(const QString& path, QString* error, Access access = Access::ReadOnly);

    sqlite3* handle() const { return m_db; }
    // Runs SQL without results (BEGIN, COMMIT, a pragma); false and *error when it fails.
    bool exec(const char* sql, QString* error);
    // The value of an integer pragma ("synchronous": 2 is FULL); -1 when it cannot be read.
    qint64 pragmaValue(const char* name);

    // A statement owned by this connection (finalized with it); nullptr and *error when
    // the SQL does not compile.
    sqlite3_stmt* prepare(const QByteArray& sql, QString* error);
    QString lastError() const;

    // Steps to the end (or `maxRows`), reading every column of every row as text the way
    // an application would; returns the rows and adds the bytes read to *bytes. Resets the
    // statement (keeping its bindings). -1 on an error.
    static int readAllAsText(sqlite3_stmt* statement, qint64* bytes);

private:
    explicit RawSqlite(sqlite3* db);

    sqlite3* m_db;
    std::vector<sqlite3_stmt*> m_statements;
};

} // namespace kasir::bench
