#include "core/storage/LedgerRepository.h"

#include "core/domain/Clock.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Ids.h"
#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QDateTime>
#include <QJsonValue>
#include <QSqlError>
#include <QtNumeric>

#include <algorithm>

namespace kasir {

namespace {

// Every field of an entry, in name order (FieldSnapshot keeps names sorted), for the audit
// row and the sync op of its creation.
FieldSnapshot snapshot(const PointsEntry& e)
{
    FieldSnapshot s;
    s.set(QStringLiteral("balanceAfter"), QJsonValue(e.balanceAfter));
    s.setText(QStringLiteral("companyId"), e.companyId);
    s.setText(QStringLiteral("createdAt"), isoUtc(e.createdAt));
    s.setText(QStringLiteral("createdBy"), e.createdBy);
    s.setText(QStringLiteral("customerId"), e.customerId);
    s.setText(QStringLiteral("id"), e.id);
    s.setText(QStringLiteral("kind"), LedgerEnums::toString(e.kind));
    s.set(QStringLiteral("points"), QJsonValue(e.points));
    s.setText(QStringLiteral("reason"), e.reason);
    s.setText(QStringLiteral("saleId"), e.saleId);
    return s;
}

FieldSnapshot snapshot(const CreditEntry& e)
{
    FieldSnapshot s;
    s.set(QStringLiteral("amount"), QJsonValue(e.amount));
    s.set(QStringLiteral("balanceAfter"), QJsonValue(e.balanceAfter));
    s.set(QStringLiteral("balanceBefore"), QJsonValue(e.balanceBefore));
    s.setText(QStringLiteral("companyId"), e.companyId);
    s.setText(QStringLiteral("createdAt"), isoUtc(e.createdAt));
    s.setText(QStringLiteral("createdBy"), e.createdBy);
    s.setText(QStringLiteral("customerId"), e.customerId);
    s.setText(QStringLiteral("id"), e.id);
    s.setText(QStringLiteral("kind"), LedgerEnums::toString(e.kind));
    s.setText(QStringLiteral("limitOverride"), e.limitOverride);
    s.setText(QStringLiteral("reason"), e.reason);
    s.setText(QStringLiteral("reference"), e.reference);
    s.setText(QStringLiteral("saleId"), e.saleId);
    return s;
}

PointsEntry readPoints(const QSqlQuery& q)
{
    PointsEntry e;
    e.id = q.value(0).toString();
    e.companyId = q.value(1).toString();
    e.customerId = q.value(2).toString();
    e.kind = LedgerEnums::parsePoints(q.value(3).toString()).value_or(PointsKind::Adjusted);
    e.points = q.value(4).toLongLong();
    e.balanceAfter = q.value(5).toLongLong();
    e.reason = q.value(6).toString();
    e.saleId = q.value(7).toString();
    e.createdAt = q.value(8).toLongLong();
    e.createdBy = q.value(9).toString();
    return e;
}

CreditEntry readCredit(const QSqlQuery& q)
{
    CreditEntry e;
    e.id = q.value(0).toString();
    e.companyId = q.value(1).toString();
    e.customerId = q.value(2).toString();
    e.kind = LedgerEnums::parseCredit(q.value(3).toString()).value_or(CreditKind::Adjustment);
    e.amount = q.value(4).toLongLong();
    e.balanceBefore = q.value(5).toLongLong();
    e.balanceAfter = q.value(6).toLongLong();
    e.reason = q.value(7).toString();
    e.reference = q.value(8).toString();
    e.saleId = q.value(9).toString();
    e.limitOverride = q.value(10).toString();
    e.createdAt = q.value(11).toLongLong();
    e.createdBy = q.value(12).toString();
    return e;
}

} // namespace

LedgerRepository::LedgerRepository(Database& db) : m_db(db) { }

Result<Balances> LedgerRepository::balances(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT points, credit FROM customer_metrics WHERE customer_id = ?"));
    q.bindValue(0, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    Balances b;
    if (q.next()) {
        b.points = q.value(0).toLongLong();
        b.credit = q.value(1).toLongLong();
    }
    q.finish();
    return b;
}

Result<Balances> LedgerRepository::balancesFromEntries(const QString& customerId)
{
    // sum() of integers is exact, and fails loudly rather than wrapping on overflow.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT (SELECT coalesce(sum(points), 0) FROM points_entry WHERE customer_id = ?), "
                       "(SELECT coalesce(sum(amount), 0) FROM credit_entry WHERE customer_id = ?)"));
    q.bindValue(0, customerId);
    q.bindValue(1, customerId);
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const Balances b {q.value(0).toLongLong(), q.value(1).toLongLong()};
    q.finish();
    return b;
}

Result<QList<LedgerRepository::PointsAges>> LedgerRepository::pointsAges(
    const QString& companyId, qint64 cutoffMs, const QString& afterCustomerId, int limit)
{
    // Grouped along ix_points_customer, in the order the page is wanted: no sort, and the
    // scan stops after `limit` customers and starts each page where the last one ended.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT customer_id, sum(points) AS balance, "
                       "sum(CASE WHEN points > 0 AND created_at < ? THEN points ELSE 0 END) AS earned_before, "
                       "-sum(CASE WHEN points < 0 THEN points ELSE 0 END) AS used "
                       "FROM points_entry WHERE company_id = ? AND customer_id > ? GROUP BY customer_id "
                       "HAVING balance > 0 AND earned_before > used ORDER BY customer_id LIMIT ?"));
    q.bindValue(0, cutoffMs);
    q.bindValue(1, companyId);
    q.bindValue(2, Sql::text(afterCustomerId)); // '' sorts before every id
    q.bindValue(3, std::max(limit, 1));
    if (!q.exec())
        return Sql::errorOf(q);
    QList<PointsAges> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    // sum() fails on overflow rather than wrapping; that ends the loop like the last row.
    if (q.lastError().isValid()) {
        Error failed = Sql::errorOf(q);
        q.finish();
        return failed;
    }
    q.finish();
    return out;
}

Result<qint64> LedgerRepository::maxDebt(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT coalesce((SELECT max_debt FROM credit_limit WHERE customer_id = ?), 0)"));
    q.bindValue(0, customerId);
    return Sql::integer(q);
}

Status LedgerRepository::setMaxDebt(
    UnitOfWork& uow, const QString& companyId, const QString& customerId, qint64 maxDebt)
{
    if (Status s = uow.requireOpen(); !s)
        return s;
    auto current = this->maxDebt(customerId);
    if (!current)
        return current.error();
    // No row means a limit of 0: setting 0 there changes nothing, like setting the same value.
    if (*current == maxDebt)
        return Done {};
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO credit_limit (customer_id, company_id, max_debt, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (customer_id) DO UPDATE SET max_debt = excluded.max_debt, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by"));
    q.bindValue(0, customerId);
    q.bindValue(1, companyId);
    q.bindValue(2, maxDebt);
    q.bindValue(3, uow.now());
    q.bindValue(4, Sql::textOrNull(uow.actor().userId));
    if (Status s = Sql::exec(q); !s)
        return s;
    auto stamp = uow.record({QStringLiteral("credit_limit"), customerId, companyId, QStringLiteral("update"),
        UnitOfWork::Op::Upsert, FieldSnapshot {{QStringLiteral("maxDebt"), QJsonValue(*current)}},
        FieldSnapshot {{QStringLiteral("maxDebt"), QJsonValue(maxDebt)}}});
    if (!stamp)
        return stamp.error();
    return Done {};
}

Result<PointsEntry> LedgerRepository::appendPoints(UnitOfWork& uow, PointsEntry entry)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    if (entry.id.isEmpty())
        entry.id = Ids::newId(uow.now());
    entry.createdAt = uow.now();
    entry.createdBy = uow.actor().userId;
    auto cached = balances(entry.customerId);
    if (!cached)
        return cached.error();
    if (qAddOverflow(cached->points, entry.points, &entry.balanceAfter))
        return Error::invalidField(QStringLiteral("points"), QStringLiteral("out_of_range"),
            tr("would take the points balance past the largest number that can be stored"));

    QSqlQuery& q = uow.prepared(
        QStringLiteral("INSERT INTO points_entry (id, company_id, customer_id, kind, points, balance_after, reason, "
                       "sale_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, entry.id);
    q.bindValue(1, entry.companyId);
    q.bindValue(2, entry.customerId);
    q.bindValue(3, LedgerEnums::toString(entry.kind));
    q.bindValue(4, entry.points);
    q.bindValue(5, entry.balanceAfter);
    q.bindValue(6, Sql::text(entry.reason));
    q.bindValue(7, Sql::textOrNull(entry.saleId));
    q.bindValue(8, entry.createdAt);
    q.bindValue(9, Sql::textOrNull(entry.createdBy));
    if (Status s = Sql::exec(q); !s)
        return s.error();

    if (Status s = cacheBalance(uow, QStringLiteral("points"), entry.customerId, entry.companyId, entry.balanceAfter);
        !s)
        return s.error();

    auto stamp = uow.record({QStringLiteral("points_entry"), entry.id, entry.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, snapshot(entry)});
    if (!stamp)
        return stamp.error();
    return entry;
}

Status LedgerRepository::cacheBalance(
    UnitOfWork& uow, const QString& column, const QString& customerId, const QString& companyId, qint64 balance)
{
    // `column` is "points" or "credit", never input.
    QSqlQuery& m = uow.prepared(QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, %1) VALUES "
                                               "(?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET %1 = excluded.%1")
                                    .arg(column));
    m.bindValue(0, customerId);
    m.bindValue(1, companyId);
    m.bindValue(2, balance);
    return Sql::exec(m);
}

Status LedgerRepository::refreshBalances(UnitOfWork& uow, const QString& companyId, const QString& customerId)
{
    auto summed = balancesFromEntries(customerId);
    if (!summed)
        return summed.error();
    if (Status s = cacheBalance(uow, QStringLiteral("points"), customerId, companyId, summed->points); !s)
        return s;
    return cacheBalance(uow, QStringLiteral("credit"), customerId, companyId, summed->credit);
}

Result<CreditEntry> LedgerRepository::appendCredit(UnitOfWork& uow, CreditEntry entry)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    if (entry.id.isEmpty())
        entry.id = Ids::newId(uow.now());
    entry.createdAt = uow.now();
    entry.createdBy = uow.actor().userId;
    auto cached = balances(entry.customerId);
    if (!cached)
        return cached.error();
    entry.balanceBefore = cached->credit;
    if (qAddOverflow(entry.balanceBefore, entry.amount, &entry.balanceAfter))
        return Error::invalidField(QStringLiteral("amount"), QStringLiteral("out_of_range"),
            tr("would take the store-credit balance past the largest number that can be stored"));

    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO credit_entry (id, company_id, customer_id, kind, amount, balance_before, balance_after, reason, "
        "reference, sale_id, limit_override, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, entry.id);
    q.bindValue(1, entry.companyId);
    q.bindValue(2, entry.customerId);
    q.bindValue(3, LedgerEnums::toString(entry.kind));
    q.bindValue(4, entry.amount);
    q.bindValue(5, entry.balanceBefore);
    q.bindValue(6, entry.balanceAfter);
    q.bindValue(7, Sql::text(entry.reason));
    q.bindValue(8, Sql::text(entry.reference));
    q.bindValue(9, Sql::textOrNull(entry.saleId));
    q.bindValue(10, Sql::textOrNull(entry.limitOverride));
    q.bindValue(11, entry.createdAt);
    q.bindValue(12, Sql::textOrNull(entry.createdBy));
    if (Status s = Sql::exec(q); !s)
        return s.error();

    if (Status s = cacheBalance(uow, QStringLiteral("credit"), entry.customerId, entry.companyId, entry.balanceAfter);
        !s)
        return s.error();

    auto stamp = uow.record({QStringLiteral("credit_entry"), entry.id, entry.companyId, QStringLiteral("create"),
        UnitOfWork::Op::Upsert, {}, snapshot(entry)});
    if (!stamp)
        return stamp.error();
    return entry;
}

Result<QList<PointsEntry>> LedgerRepository::pointsHistory(const QString& customerId, int limit)
{
    // Entries of one millisecond keep the order they were written in (rowid).
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT id, company_id, customer_id, kind, points, balance_after, reason, sale_id, created_at, "
                       "created_by FROM points_entry WHERE customer_id = ? ORDER BY created_at DESC, rowid DESC "
                       "LIMIT ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, std::max(limit, 0));
    if (!q.exec())
        return Sql::errorOf(q);
    QList<PointsEntry> out;
    while (q.next())
        out.append(readPoints(q));
    q.finish();
    return out;
}

Result<QList<CreditEntry>> LedgerRepository::creditHistory(const QString& customerId, int limit)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, company_id, customer_id, kind, amount, balance_before, balance_after, reason, reference, sale_id, "
        "limit_override, created_at, created_by FROM credit_entry WHERE customer_id = ? "
        "ORDER BY created_at DESC, rowid DESC LIMIT ?"));
    q.bindValue(0, customerId);
    q.bindValue(1, std::max(limit, 0));
    if (!q.exec())
        return Sql::errorOf(q);
    QList<CreditEntry> out;
    while (q.next())
        out.append(readCredit(q));
    q.finish();
    return out;
}

} // namespace kasir
