#pragma once

#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace kasir {

// The prepared statements of one kasir-server connection (SQLite or PostgreSQL), shared by
// ServerStore and ServerProjection: each statement is prepared once and bound many times,
// and all of them are dropped together when the connection is made again.
class ServerStatements final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ServerStatements)

public:
    explicit ServerStatements(QSqlDatabase db);
    ~ServerStatements();
    Q_DISABLE_COPY_MOVE(ServerStatements)

    QSqlQuery& prepared(const QString& sql);
    // exec() of a prepared query; the error in people's words, the database's in brackets.
    Status exec(QSqlQuery& query);
    Error errorOf(const QSqlQuery& query) const;
    // Forgets every statement (before the connection is closed and opened again).
    void clear();

private:
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery*> m_prepared;
};

} // namespace kasir
