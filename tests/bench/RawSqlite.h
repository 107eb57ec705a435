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

    // Opens read-only; nullptr and *error when it cannot.
    static std::unique_ptr<RawSqlite> open(const QString& path, QString* error);

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
