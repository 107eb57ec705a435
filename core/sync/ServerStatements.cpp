#include "core/sync/ServerStatements.h"

#include <QSqlError>

namespace kasir {

ServerStatements::ServerStatements(QSqlDatabase db) : m_db(std::move(db)) { }

ServerStatements::~ServerStatements()
{
    clear();
}

QSqlQuery& ServerStatements::prepared(const QString& sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto* q = new QSqlQuery(m_db);
        q->setForwardOnly(true);
        q->prepare(sql);
        it = m_prepared.insert(sql, q);
    }
    return **it;
}

Error ServerStatements::errorOf(const QSqlQuery& query) const
{
    const QSqlError e = query.lastError().isValid() ? query.lastError() : m_db.lastError();
    return Error::other(
        QStringLiteral("database"), tr("the server's database could not carry out the request (%1)").arg(e.text()));
}

Status ServerStatements::exec(QSqlQuery& query)
{
    if (!query.exec())
        return errorOf(query);
    return Done {};
}

void ServerStatements::clear()
{
    qDeleteAll(m_prepared);
    m_prepared.clear();
}

} // namespace kasir
