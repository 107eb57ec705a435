#include "core/storage/PrivacyRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace kasir {

namespace {

// The customer's own sales and the walk-in sales linked to them, as one set of ids; binds
// the customer twice.
const QString kCustomerSales = QStringLiteral(
    "SELECT id FROM sale WHERE customer_id = ? UNION SELECT sale_id FROM sale_link WHERE customer_id = ?");
// Those and the walk-in sales erased with the customer; binds the customer three times.
const QString kErasedSales
    = kCustomerSales + QStringLiteral(" UNION SELECT sale_id FROM sale_erasure WHERE customer_id = ?");

// Sets each JSON path of `column` in the row `id` of `table` to the marker, in one statement.
Status writeMarker(UnitOfWork& uow, const QString& table, const QString& column, const QString& key, qint64 id,
    const QStringList& paths)
{
    QString sql = QStringLiteral("UPDATE %1 SET %2 = json_replace(%2").arg(table, column);
    for (qsizetype i = 0; i < paths.size(); ++i)
        sql += QStringLiteral(", ?, ?");
    sql += QStringLiteral(") WHERE %1 = ?").arg(key);
    QSqlQuery& u = uow.prepared(sql);
    int b = 0;
    for (const QString& path : paths) {
        u.bindValue(b++, path);
        u.bindValue(b++, PersonalData::redacted);
    }
    u.bindValue(b, id);
    return Sql::exec(u);
}

} // namespace

PrivacyRepository::PrivacyRepository(Database& db) : m_db(db) { }

Result<std::optional<CustomerErasure>> PrivacyRepository::erasureOf(const QString& companyId, const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT kind, reason, created_at, created_by FROM customer_erasure "
                                                "WHERE customer_id = ? AND company_id = ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<CustomerErasure> out;
    if (q.next()) {
        CustomerErasure e;
        e.customerId = customerId;
        e.companyId = companyId;
        e.kind = q.value(0).toString() == u"delete" ? CustomerErasure::Kind::Delete : CustomerErasure::Kind::Anonymise;
        e.reason = q.value(1).toString();
        e.createdAt = q.value(2).toLongLong();
        e.createdBy = q.value(3).toString();
        out = e;
    }
    q.finish();
    return out;
}

Status PrivacyRepository::insertErasure(UnitOfWork& uow, const CustomerErasure& e)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(Sql::multiRowInsert(
        "INSERT INTO customer_erasure (customer_id, company_id, kind, reason, created_at, created_by)", 6, 1));
    q.bindValue(0, e.customerId);
    q.bindValue(1, e.companyId);
    q.bindValue(2, CustomerErasure::toString(e.kind));
    q.bindValue(3, Sql::text(e.reason));
    q.bindValue(4, e.createdAt);
    q.bindValue(5, Sql::textOrNull(e.createdBy));
    return Sql::exec(q);
}

Status PrivacyRepository::insertSaleErasure(
    UnitOfWork& uow, const QString& saleId, const QString& companyId, const QString& customerId)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(Sql::multiRowInsert(
        "INSERT INTO sale_erasure (sale_id, company_id, customer_id, created_at, created_by)", 5, 1));
    q.bindValue(0, saleId);
    q.bindValue(1, companyId);
    q.bindValue(2, customerId);
    q.bindValue(3, uow.now());
    q.bindValue(4, Sql::textOrNull(uow.actor().userId));
    return Sql::exec(q);
}

Result<QList<PrivacyRepository::TierStep>> PrivacyRepository::tierHistory(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, from_level, to_level, from_type, to_type, reason, sale_id, created_at, created_by "
                       "FROM tier_history WHERE customer_id = ? ORDER BY created_at, rowid"));
    q.bindValue(0, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<TierStep> out;
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toLongLong(),
            q.value(8).toString()});
    }
    q.finish();
    return out;
}

Result<QList<CustomerNote>> PrivacyRepository::notes(const QString& companyId, const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT n.id, n.kind, n.body, n.created_at, n.created_by, u.username, n.deleted_at, n.deleted_by "
        "FROM customer_note n LEFT JOIN app_user u ON u.id = n.created_by "
        "WHERE n.customer_id = ? AND n.company_id = ? ORDER BY n.created_at, n.id"));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<CustomerNote> out;
    while (q.next()) {
        CustomerNote n;
        n.id = q.value(0).toString();
        n.companyId = companyId;
        n.customerId = customerId;
        // The table's CHECK admits only the four kinds.
        n.kind = NoteKinds::parse(q.value(1).toString()).value_or(NoteKind::Personal);
        n.body = q.value(2).toString();
        n.createdAt = q.value(3).toLongLong();
        n.createdBy = q.value(4).toString();
        n.authorName = q.value(5).toString();
        if (!q.value(6).isNull())
            n.deletedAt = q.value(6).toLongLong();
        n.deletedBy = q.value(7).toString();
        out.append(std::move(n));
    }
    q.finish();
    return out;
}

Status PrivacyRepository::redactNote(UnitOfWork& uow, const CustomerNote& n)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE customer_note SET body = ?, deleted_at = ?, deleted_by = ? "
                                               "WHERE company_id = ? AND id = ? RETURNING id"));
    q.bindValue(0, n.body);
    q.bindValue(1, n.deletedAt ? QVariant(*n.deletedAt) : QVariant());
    q.bindValue(2, Sql::textOrNull(n.deletedBy));
    q.bindValue(3, n.companyId);
    q.bindValue(4, n.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    q.finish();
    if (!written)
        return Error::notFound(tr("no note %1").arg(n.id));
    return Done {};
}

Result<std::optional<qint64>> PrivacyRepository::creditLimit(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT max_debt FROM credit_limit WHERE customer_id = ?"));
    q.bindValue(0, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<qint64> out;
    if (q.next())
        out = q.value(0).toLongLong();
    q.finish();
    return out;
}

Result<qint64> PrivacyRepository::redactSaleSnapshots(
    UnitOfWork& uow, const QString& companyId, const QString& customerId)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // sale_append_only_update (migration 9) lets exactly this through, and only once the
    // customer's erasure record exists.
    QSqlQuery& q = uow.prepared(QStringLiteral("UPDATE sale SET customer_name = '', customer_phone = '' "
                                               "WHERE id IN (%1) AND company_id = ? "
                                               "AND (customer_name <> '' OR customer_phone <> '')")
                                    .arg(kErasedSales));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    q.bindValue(2, customerId);
    q.bindValue(3, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    const qint64 changed = q.numRowsAffected();
    q.finish();
    return changed;
}

Result<qint64> PrivacyRepository::redactAudit(UnitOfWork& uow, const QString& companyId, const QString& customerId)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // The rows about the customer (ix_audit_customer) and those of the walk-in sales linked
    // to them or erased with them, which were written before anyone knew whose they were
    // (ix_audit_entity).
    QSqlQuery& q = uow.prepared(
        QStringLiteral("SELECT id, entity, changes FROM audit_log WHERE customer_id = ? AND company_id = ? "
                       "UNION ALL SELECT a.id, a.entity, a.changes FROM (SELECT sale_id FROM sale_link "
                       "WHERE customer_id = ? UNION SELECT sale_id FROM sale_erasure WHERE customer_id = ?) w "
                       "JOIN audit_log a ON a.entity = 'sale' AND a.entity_id = w.sale_id "
                       "WHERE a.company_id = ? AND a.customer_id IS NOT ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    q.bindValue(2, customerId);
    q.bindValue(3, customerId);
    q.bindValue(4, companyId);
    q.bindValue(5, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    // Read first, written after: the rows are few, and no statement reads what it changes.
    struct Redaction
    {
        qint64 id = 0;
        QStringList paths;
    };
    QList<Redaction> todo;
    while (q.next()) {
        const QStringList personal = PersonalData::fieldsOf(q.value(1).toString());
        if (personal.isEmpty())
            continue;
        const QJsonObject changes = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        Redaction r {q.value(0).toLongLong(), {}};
        for (const QString& field : personal) {
            // Each field is [before, after]; a value that is there and not yet redacted goes.
            const QJsonArray pair = changes.value(field).toArray();
            for (qsizetype i = 0; i < pair.size(); ++i) {
                if (PersonalData::isErasable(pair.at(i)))
                    r.paths << QStringLiteral("$.\"%1\"[%2]").arg(field).arg(i);
            }
        }
        if (!r.paths.isEmpty())
            todo.append(std::move(r));
    }
    q.finish();
    for (const Redaction& r : std::as_const(todo)) {
        // audit_log_append_only_update (migration 9) lets a personal value become the
        // marker and nothing else.
        if (Status s = writeMarker(
                uow, QStringLiteral("audit_log"), QStringLiteral("changes"), QStringLiteral("id"), r.id, r.paths);
            !s)
            return s.error();
    }
    return static_cast<qint64>(todo.size());
}

Result<qint64> PrivacyRepository::redactOutbox(UnitOfWork& uow, const QString& companyId, const QString& customerId)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    // The rows the customer's audit rows are about (ix_audit_customer: the customer, their
    // notes, contacts, own sales...) and the walk-in sales linked to them or erased with them,
    // each with its pending ops (ix_outbox_entity). A contact removed long ago is found by its
    // audit rows.
    const QStringList entities = PersonalData::entities();
    QString in;
    for (qsizetype i = 0; i < entities.size(); ++i)
        in += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    QSqlQuery& q = uow.prepared(QStringLiteral("WITH about (entity, entity_id) AS (SELECT 'customer', ? "
                                               "UNION SELECT entity, entity_id FROM audit_log "
                                               "WHERE customer_id = ? AND company_id = ? "
                                               "UNION SELECT 'sale', sale_id FROM sale_link WHERE customer_id = ? "
                                               "UNION SELECT 'sale', sale_id FROM sale_erasure WHERE customer_id = ?) "
                                               "SELECT o.seq, o.entity, o.fields FROM about a JOIN sync_outbox o "
                                               "ON o.entity = a.entity AND o.entity_id = a.entity_id "
                                               "WHERE o.company_id = ? AND o.entity IN (%1)")
                                    .arg(in));
    int b = 0;
    q.bindValue(b++, customerId);
    q.bindValue(b++, customerId);
    q.bindValue(b++, companyId);
    q.bindValue(b++, customerId);
    q.bindValue(b++, customerId);
    q.bindValue(b++, companyId);
    for (const QString& entity : entities)
        q.bindValue(b++, entity);
    if (!q.exec())
        return Sql::errorOf(q);
    struct Redaction
    {
        qint64 seq = 0;
        QStringList paths;
    };
    QList<Redaction> todo;
    while (q.next()) {
        // An op carries {"field": value}; a delete carries nothing.
        const QJsonObject fields = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        Redaction r {q.value(0).toLongLong(), {}};
        for (const QString& field : PersonalData::fieldsOf(q.value(1).toString())) {
            if (PersonalData::isErasable(fields.value(field)))
                r.paths << QStringLiteral("$.\"%1\"").arg(field);
        }
        if (!r.paths.isEmpty())
            todo.append(std::move(r));
    }
    q.finish();
    for (const Redaction& r : std::as_const(todo)) {
        if (Status s = writeMarker(
                uow, QStringLiteral("sync_outbox"), QStringLiteral("fields"), QStringLiteral("seq"), r.seq, r.paths);
            !s)
            return s.error();
    }
    return static_cast<qint64>(todo.size());
}

} // namespace kasir
