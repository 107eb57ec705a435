#include "core/storage/RfmRepository.h"

#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QSqlQuery>

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

// A figure's score against the cut points of run x: 1, plus one for each cut point it
// reaches. The cut points are the smallest values of their score, so a value that was
// ranked gets exactly the score the ranking gave it.
QString placedScore(const Dimension& d)
{
    QStringList terms {QString::number(Rfm::minScore)};
    for (const QString& cut : cutColumns(d.letter))
        terms << QStringLiteral("coalesce(m.%1 >= x.%2, 0)").arg(QLatin1String(d.column), cut);
    return terms.join(QStringLiteral(" + "));
}

// The scores of the customers of customer_metrics m that `where` picks and that have
// purchases, placed against their company's last ranking (none before the first). Someone
// who bought after that ranking is more recent than anyone it ranked: top recency.
QString placedSql(const QString& where)
{
    return QStringLiteral("SELECT m.customer_id AS customer_id, m.company_id AS company_id, "
                          "CASE WHEN m.last_purchase_at > x.computed_at THEN %1 ELSE %2 END AS recency, "
                          "%3 AS frequency, %4 AS monetary "
                          "FROM customer_metrics m JOIN rfm_run x ON x.company_id = m.company_id "
                          "WHERE %5 AND m.purchases > 0")
        .arg(QString::number(Rfm::maxScore), placedScore(kDimensions[0]), placedScore(kDimensions[1]),
            placedScore(kDimensions[2]), where);
}

// Writes the placed scores with their segment; binds the time, then `where`'s values.
QString writePlacedSql(const QString& where, const QString& tail)
{
    return QStringLiteral("INSERT INTO customer_rfm (customer_id, company_id, recency, frequency, monetary, segment, "
                          "computed_at) SELECT customer_id, company_id, recency, frequency, monetary, %1, ? "
                          "FROM (%2) WHERE true %3")
        .arg(Rfm::segmentSql(QStringLiteral("recency"), QStringLiteral("frequency"), QStringLiteral("monetary")),
            placedSql(where), tail);
}

// The ranking's cut points: each score's smallest value, from every customer's score by the
// quintile of their rank among the company's customers with purchases (Rfm::scoreSql).
QString cutPointsSql()
{
    QStringList scores;
    QStringList mins;
    QStringList updates {
        QStringLiteral("computed_at = excluded.computed_at"), QStringLiteral("customers = excluded.customers")};
    for (const Dimension& d : kDimensions) {
        const QString column = QLatin1String(d.column);
        const QString score = QStringLiteral("s_%1").arg(QLatin1Char(d.letter));
        scores << Rfm::scoreSql(QStringLiteral("rank() OVER (ORDER BY %1) - 1").arg(column), QStringLiteral("n"))
                + QStringLiteral(" AS ") + score;
        int value = Rfm::minScore + 1;
        for (const QString& cut : cutColumns(d.letter)) {
            mins << QStringLiteral("min(CASE WHEN %1 >= %2 THEN %3 END)").arg(score).arg(value++).arg(column);
            updates << QStringLiteral("%1 = excluded.%1").arg(cut);
        }
    }
    return QStringLiteral("INSERT INTO rfm_run (company_id, computed_at, customers, %1) SELECT ?, ?, count(*), %2 "
                          "FROM (SELECT last_purchase_at, purchases, total_spent, %3 FROM "
                          "(SELECT last_purchase_at, purchases, total_spent, count(*) OVER () AS n "
                          "FROM customer_metrics WHERE company_id = ? AND purchases > 0)) WHERE true "
                          "ON CONFLICT (company_id) DO UPDATE SET %4 RETURNING customers")
        .arg(allCutColumns(), mins.join(QStringLiteral(", ")), scores.join(QStringLiteral(", ")),
            updates.join(QStringLiteral(", ")));
}

std::optional<qint64> optionalInteger(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

RfmRepository::RfmRepository(Database& db) : m_db(db) { }

Result<RfmRepository::Run> RfmRepository::recompute(UnitOfWork& uow, const QString& companyId)
{
    if (Status s = uow.requireOpen(); !s)
        return s.error();
    QSqlDatabase db = m_db.connection();
    // A ranking runs once in a while: its statements are not kept prepared.
    QSqlQuery cuts(db);
    cuts.prepare(cutPointsSql());
    cuts.addBindValue(companyId);
    cuts.addBindValue(uow.now());
    cuts.addBindValue(companyId);
    if (auto ranked = Sql::integer(cuts); !ranked)
        return ranked.error();

    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM customer_rfm WHERE company_id = ?"));
    clear.addBindValue(companyId);
    if (Status s = Sql::exec(clear); !s)
        return s.error();
    // In key order: the rows go into the table's B-tree one after the other.
    QSqlQuery fill(db);
    fill.prepare(writePlacedSql(QStringLiteral("m.company_id = ?"), QStringLiteral("ORDER BY customer_id")));
    fill.addBindValue(uow.now());
    fill.addBindValue(companyId);
    if (Status s = Sql::exec(fill); !s)
        return s.error();

    auto run = lastRun(companyId);
    if (!run)
        return run.error();
    if (!run->has_value())
        return Error::other(QStringLiteral("database"), tr("the ranking of the customers was not written"));
    return **run;
}

Status RfmRepository::place(UnitOfWork& uow, const QString& customerId)
{
    // Made once: this runs in every sale.
    static const QString sql = writePlacedSql(QStringLiteral("m.customer_id = ?"),
        QStringLiteral("ON CONFLICT (customer_id) DO UPDATE SET recency = excluded.recency, "
                       "frequency = excluded.frequency, monetary = excluded.monetary, segment = excluded.segment, "
                       "computed_at = excluded.computed_at"));
    QSqlQuery& q = uow.prepared(sql);
    q.bindValue(0, uow.now());
    q.bindValue(1, customerId);
    if (Status s = Sql::exec(q); !s)
        return s;
    if (q.numRowsAffected() > 0)
        return Done {};
    // No purchase stands (or the company has never been ranked): no scores.
    QSqlQuery& gone = uow.prepared(QStringLiteral("DELETE FROM customer_rfm WHERE customer_id = ?"));
    gone.bindValue(0, customerId);
    return Sql::exec(gone);
}

Result<std::optional<RfmScores>> RfmRepository::scoresOf(const QString& customerId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT recency, frequency, monetary, segment, computed_at FROM customer_rfm WHERE customer_id = ?"));
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

Result<std::optional<RfmRepository::Run>> RfmRepository::lastRun(const QString& companyId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT computed_at, customers, %1 FROM rfm_run WHERE company_id = ?").arg(allCutColumns()));
    q.bindValue(0, companyId);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Run> out;
    if (q.next()) {
        Run r;
        r.computedAt = q.value(0).toLongLong();
        r.customers = q.value(1).toLongLong();
        int column = 2;
        for (auto* cuts : {&r.recencyFrom, &r.frequencyFrom, &r.monetaryFrom}) {
            for (std::optional<qint64>& cut : *cuts)
                cut = optionalInteger(q.value(column++));
        }
        out = r;
    }
    q.finish();
    return out;
}

Result<QList<std::pair<RfmSegment, qint64>>> RfmRepository::counts(const QString& companyId)
{
    // One range of ix_rfm_segment per segment, counted in the index.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT segment, count(*) FROM customer_rfm WHERE company_id = ? GROUP BY segment"));
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
