#include "core/storage/RfmRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <vector>

namespace kasir {

namespace {

// The three figures a ranking orders by, in customer_metrics, with the letter of their cut
// points in rfm_run (r2..r5, f2..f5, m2..m5).
struct Dimension
{
    const char* column;
    char letter;
};
constexpr Dimension kDimensions[] = {{"last_purchase_at", 'r'}, {"purchases", 'f'}, {"total_spent", 'm'}};

// The cut point columns of a dimension, score 2 to 5.
QStringList cutColumns(char letter)
{
    QStringList out;
    for (int score = Rfm::minScore + 1; score <= Rfm::maxScore; ++score)
        out << QStringLiteral("%1%2").arg(QLatin1Char(letter)).arg(score);
    return out;
}

QString allCutColumns()
{
    QStringList out;
    for (const Dimension& d : kDimensions)
        out << cutColumns(d.letter);
    return out.join(QStringLiteral(", "));
}

// A figure's score against the cut points of run x: Rfm::placedScore in SQL.
QString placedScoreSql(const Dimension& d)
{
    QStringList terms {QString::number(Rfm::minScore)};
    for (const QString& cut : cutColumns(d.letter))
        terms << QStringLiteral("coalesce(m.%1 >= x.%2, 0)").arg(QLatin1String(d.column), cut);
    return terms.join(QStringLiteral(" + "));
}

// Rfm::place in SQL, for a ranking's every customer at once: the scores of the company's
// customers with purchases in customer_metrics m against its ranking x (TestRfmService
// checks that the two agree), for the rows `where` picks (binding the company first).
QString placedSql(const QString& where)
{
    return QStringLiteral("SELECT m.customer_id AS customer_id, m.company_id AS company_id, "
                          "CASE WHEN m.last_purchase_at > x.computed_at THEN %1 ELSE %2 END AS recency, "
                          "%3 AS frequency, %4 AS monetary "
                          "FROM customer_metrics m JOIN rfm_run x ON x.company_id = m.company_id "
                          "WHERE %5 AND m.purchases > 0")
        .arg(QString::number(Rfm::maxScore), placedScoreSql(kDimensions[0]), placedScoreSql(kDimensions[1]),
            placedScoreSql(kDimensions[2]), where);
}

// Writes the placed scores with their segment; binds the time, then what `where` binds.
QString writePlacedSql(const QString& where, const QString& tail)
{
    return QStringLiteral("INSERT INTO customer_rfm (customer_id, company_id, recency, frequency, monetary, segment, "
                          "computed_at) SELECT customer_id, company_id, recency, frequency, monetary, %1, ? "
                          "FROM (%2) WHERE true %3")
        .arg(Rfm::segmentSql(QStringLiteral("recency"), QStringLiteral("frequency"), QStringLiteral("monetary")),
            placedSql(where), tail);
}

std::optional<qint64> optionalInteger(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

// A ranking from `q`'s columns computed_at, customers and the cut points, from `first` on.
RfmRanking rankingFrom(const QSqlQuery& q, int first)
{
    RfmRanking r;
    r.computedAt = q.value(first).toLongLong();
    r.customers = q.value(first + 1).toLongLong();
    int column = first + 2;
    for (auto* cuts : {&r.recencyFrom, &r.frequencyFrom, &r.monetaryFrom}) {
        for (std::optional<qint64>& cut : *cuts)
            cut = optionalInteger(q.value(column++));
    }
    return r;
}

} // namespace

RfmRepository::RfmRepository(Database& db) : m_db(db) { }

Result<RfmRanking> RfmRepository::recompute(UnitOfWork& uow, const QString& companyId,
    const std::function<void(qint64, qint64)>& progress, const std::function<bool()>& cancelled, int rowsPerStep)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    rowsPerStep = std::max(1, rowsPerStep);
    const auto stop = [&] { return cancelled && cancelled(); };
    const auto stopped = [] { return Error::cancelled(tr("Stopped before the end: the last ranking stays.")); };
    QSqlDatabase db = m_db.connection();
    // The steps: reading the figures, ranking them, then one per chunk of customer_metrics
    // (of every company: the chunks walk its key, and this company's rows are among them).
    qint64 steps = 2;
    if (progress) {
        QSqlQuery rows(db);
        if (!rows.exec(QStringLiteral("SELECT count(*) FROM customer_metrics")) || !rows.next())
            return Sql::errorOf(rows);
        steps += std::max<qint64>(1, (rows.value(0).toLongLong() + rowsPerStep - 1) / rowsPerStep);
        progress(0, steps);
    }
    qint64 step = 0;
    // The three figures of every customer with purchases, sorted here: one read of the
    // table, where ranking them in SQL sorts the rows three times.
    std::vector<qint64> figures[3];
    {
        QSqlQuery read(db);
        read.setForwardOnly(true);
        read.prepare(QStringLiteral("SELECT last_purchase_at, purchases, total_spent FROM customer_metrics "
                                    "WHERE company_id = ? AND purchases > 0"));
        read.addBindValue(companyId);
        if (!read.exec())
            return Sql::errorOf(read);
        while (read.next()) {
            // No last purchase (a figure that cannot be with purchases) ranks first, as in SQL.
            const QVariant last = read.value(0);
            figures[0].push_back(last.isNull() ? std::numeric_limits<qint64>::min() : last.toLongLong());
            figures[1].push_back(read.value(1).toLongLong());
            figures[2].push_back(read.value(2).toLongLong());
            if (figures[0].size() % 65536 == 0 && stop())
                return stopped();
        }
    }
    if (progress)
        progress(++step, steps);
    RfmRanking run;
    run.computedAt = uow.now();
    run.customers = static_cast<qint64>(figures[0].size());
    RfmCutPoints* cuts[] = {&run.recencyFrom, &run.frequencyFrom, &run.monetaryFrom};
    for (int i = 0; i < 3; ++i) {
        if (stop())
            return stopped();
        std::sort(figures[i].begin(), figures[i].end());
        *cuts[i] = Rfm::cutPoints(figures[i]);
        figures[i] = {};
    }

    QSqlQuery save(db);
    save.prepare(QStringLiteral("INSERT OR REPLACE INTO rfm_run (company_id, computed_at, customers, %1) "
                                "VALUES (?, ?, ?%2)")
                     .arg(allCutColumns(), QStringLiteral(", ?").repeated(12)));
    save.addBindValue(companyId);
    save.addBindValue(run.computedAt);
    save.addBindValue(run.customers);
    for (const RfmCutPoints* c : cuts) {
        for (const std::optional<qint64>& cut : *c)
            save.addBindValue(cut ? QVariant(*cut) : QVariant());
    }
    if (Status s = Sql::exec(save); !s)
        return s.error();
    if (progress)
        progress(++step, steps);

    // Every customer placed against the new cut points (for a ranked value, its rank's
    // score), in key order, a chunk at a time; a row whose scores stay is left as it is.
    const QString upsert
        = QStringLiteral("ORDER BY customer_id ON CONFLICT (customer_id) DO UPDATE SET recency = excluded.recency, "
                         "frequency = excluded.frequency, monetary = excluded.monetary, segment = excluded.segment, "
                         "computed_at = excluded.computed_at WHERE recency <> excluded.recency OR "
                         "frequency <> excluded.frequency OR monetary <> excluded.monetary");
    QSqlQuery bound(db);
    bound.prepare(QStringLiteral("SELECT customer_id FROM customer_metrics WHERE customer_id > ? "
                                 "ORDER BY customer_id LIMIT 1 OFFSET %1")
                      .arg(rowsPerStep - 1));
    QSqlQuery chunk(db);
    // A step reads its customers by key (the primary key's index, in the order they are
    // written); "+" keeps SQLite from reading the company's whole purchases index instead
    // and sorting it, for every step.
    chunk.prepare(
        writePlacedSql(QStringLiteral("+m.company_id = ? AND m.customer_id > ? AND m.customer_id <= ?"), upsert));
    QSqlQuery last(db);
    last.prepare(writePlacedSql(QStringLiteral("+m.company_id = ? AND m.customer_id > ?"), upsert));
    QString from = QStringLiteral(""); // every id sorts after it (a null QString would bind NULL)
    for (;;) {
        if (stop())
            return stopped();
        bound.bindValue(0, from);
        if (!bound.exec())
            return Sql::errorOf(bound);
        const bool more = bound.next();
        const QString to = more ? bound.value(0).toString() : QString();
        bound.finish();
        QSqlQuery& write = more ? chunk : last;
        write.bindValue(0, run.computedAt);
        write.bindValue(1, companyId);
        write.bindValue(2, from);
        if (more)
            write.bindValue(3, to);
        if (Status s = Sql::exec(write); !s)
            return s.error();
        if (progress)
            progress(std::min(++step, steps - 1), steps);
        if (!more)
            break;
        from = to;
    }
    if (stop())
        return stopped();
    // Rows of customers who have no purchase left (a place() that did not happen: figures
    // rebuilt, written by another program).
    QSqlQuery stale(db);
    stale.prepare(QStringLiteral("DELETE FROM customer_rfm WHERE company_id = ? AND NOT EXISTS (SELECT 1 FROM "
                                 "customer_metrics m WHERE m.customer_id = customer_rfm.customer_id AND "
                                 "m.purchases > 0)"));
    stale.addBindValue(companyId);
    if (Status s = Sql::exec(stale); !s)
        return s.error();
    if (progress)
        progress(steps, steps);
    return run;
}

Status RfmRepository::place(UnitOfWork& uow, const QString& companyId, const QString& customerId,
    std::optional<qint64> lastPurchaseAt, qint64 purchases, qint64 totalSpent)
{
    if (purchases <= 0) {
        QSqlQuery& gone = uow.prepared(QStringLiteral("DELETE FROM customer_rfm WHERE customer_id = ?"));
        gone.bindValue(0, customerId);
        return Sql::exec(gone);
    }
    // The ranking and the customer's segment now, in one look-up: this runs in every sale.
    static const QString readSql
        = QStringLiteral("SELECT x.segment, r.computed_at, r.customers, %1 FROM rfm_run r "
                         "LEFT JOIN customer_rfm x ON x.customer_id = ? WHERE r.company_id = ?")
              .arg(allCutColumns());
    QSqlQuery& read = uow.prepared(readSql);
    read.bindValue(0, customerId);
    read.bindValue(1, companyId);
    if (!read.exec())
        return Sql::errorOf(read);
    if (!read.next())
        return Done {}; // never ranked
    const QVariant was = read.value(0);
    const RfmScores s = Rfm::place(rankingFrom(read, 1), lastPurchaseAt, purchases, totalSpent);
    read.finish();
    const QString segment = Rfm::toString(s.segment);
    if (was.toString() == segment) {
        // The segment stays: its index entry and the counts too.
        QSqlQuery& same = uow.prepared(QStringLiteral(
            "UPDATE customer_rfm SET recency = ?, frequency = ?, monetary = ?, computed_at = ? WHERE customer_id = ?"));
        same.bindValue(0, s.recency);
        same.bindValue(1, s.frequency);
        same.bindValue(2, s.monetary);
        same.bindValue(3, uow.now());
        same.bindValue(4, customerId);
        return Sql::exec(same);
    }
    if (!was.isNull()) {
        // A move: the index entry and the counts (the triggers) follow.
        QSqlQuery& moved
            = uow.prepared(QStringLiteral("UPDATE customer_rfm SET recency = ?, frequency = ?, "
                                          "monetary = ?, segment = ?, computed_at = ? WHERE customer_id = ?"));
        moved.bindValue(0, s.recency);
        moved.bindValue(1, s.frequency);
        moved.bindValue(2, s.monetary);
        moved.bindValue(3, segment);
        moved.bindValue(4, uow.now());
        moved.bindValue(5, customerId);
        return Sql::exec(moved);
    }
    // The customer's first placement.
    QSqlQuery& added = uow.prepared(QStringLiteral("INSERT INTO customer_rfm (customer_id, company_id, recency, "
                                                   "frequency, monetary, segment, computed_at) VALUES (?, ?, ?, ?, ?, "
                                                   "?, ?)"));
    added.bindValue(0, customerId);
    added.bindValue(1, companyId);
    added.bindValue(2, s.recency);
    added.bindValue(3, s.frequency);
    added.bindValue(4, s.monetary);
    added.bindValue(5, segment);
    added.bindValue(6, uow.now());
    return Sql::exec(added);
}

Result<std::optional<RfmScores>> RfmRepository::scoresOf(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT x.recency, x.frequency, x.monetary, x.segment, max(x.computed_at, "
                       "coalesce(r.computed_at, 0)) FROM customer_rfm x LEFT JOIN rfm_run r ON r.company_id = "
                       "x.company_id WHERE x.customer_id = ?"));
    q.bindValue(0, customerId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<RfmScores> out;
    if (q.next()) {
        RfmScores s;
        s.customerId = customerId;
        s.recency = q.value(0).toInt();
        s.frequency = q.value(1).toInt();
        s.monetary = q.value(2).toInt();
        s.segment = Rfm::parse(q.value(3).toString()).value_or(RfmSegment::None);
        s.computedAt = q.value(4).toLongLong();
        out = s;
    }
    q.finish();
    return out;
}

Result<std::optional<RfmRanking>> RfmRepository::lastRun(const QString& companyId)
{
    static const QString sql
        = QStringLiteral("SELECT computed_at, customers, %1 FROM rfm_run WHERE company_id = ?").arg(allCutColumns());
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<RfmRanking> out;
    if (q.next())
        out = rankingFrom(q, 0);
    q.finish();
    return out;
}

Result<QList<std::pair<RfmSegment, qint64>>> RfmRepository::counts(const QString& companyId)
{
    QSqlQuery& q
        = m_db.prepared(QStringLiteral("SELECT segment, customers FROM rfm_segment_count WHERE company_id = ?"));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    QList<std::pair<RfmSegment, qint64>> out;
    for (const RfmSegment s : Rfm::segments())
        out.append({s, 0});
    while (q.next()) {
        const auto segment = Rfm::parse(q.value(0).toString());
        for (auto& [s, n] : out) {
            if (segment && s == *segment)
                n = q.value(1).toLongLong();
        }
    }
    q.finish();
    return out;
}

} // namespace kasir
