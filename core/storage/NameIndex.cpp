#include "core/storage/NameIndex.h"

#include "core/domain/TextFold.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace kasir::NameIndex {

namespace {

struct WordRow
{
    QString companyId;
    QString word;
    QString nameKey;
    QString id;
    qint64 seq = 0;
};

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

const QString kInsert
    = QStringLiteral("INSERT INTO customer_word (company_id, word, name_key, id, seq) "
                     "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
                     "json_extract(value, '$[3]'), json_extract(value, '$[4]') "
                     "FROM json_each(?)");

} // namespace

void appendRows(QJsonArray& out, const Entry& e, qint64 seq)
{
    for (const QString& word : TextFold::words(e.nameKey))
        out.append(QJsonArray {e.companyId, word, e.nameKey, e.id, seq});
}

Status rebuild(QSqlDatabase db)
{
    if (Status s = Sql::execDirect(db, QStringLiteral("DELETE FROM customer_word")); !s)
        return s;
    std::vector<WordRow> rows;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT company_id, name_key, id, seq FROM customer")))
            return Sql::errorOf(q);
        while (q.next()) {
            const QString companyId = q.value(0).toString();
            const QString nameKey = q.value(1).toString();
            const QString id = q.value(2).toString();
            const qint64 seq = q.value(3).toLongLong();
            for (const QString& word : TextFold::words(nameKey))
                rows.push_back({companyId, word, nameKey, id, seq});
        }
    }
    // In key order the b-tree is written front to back instead of at random places.
    std::sort(rows.begin(), rows.end(), [](const WordRow& a, const WordRow& b) {
        return std::tie(a.companyId, a.word, a.nameKey, a.id) < std::tie(b.companyId, b.word, b.nameKey, b.id);
    });
    QSqlQuery insert(db);
    if (!insert.prepare(kInsert))
        return Sql::errorOf(insert);
    constexpr size_t chunk = 20000;
    for (size_t from = 0; from < rows.size(); from += chunk) {
        QJsonArray a;
        for (size_t i = from; i < std::min(rows.size(), from + chunk); ++i) {
            const WordRow& r = rows[i];
            a.append(QJsonArray {r.companyId, r.word, r.nameKey, r.id, r.seq});
        }
        insert.bindValue(0, compact(a));
        if (Status s = Sql::exec(insert); !s)
            return s;
    }
    return Done {};
}

void Changes::set(qint64 seq, const std::optional<Entry>& before, const std::optional<Entry>& after)
{
    auto it = m_rows.find(seq);
    if (it == m_rows.end())
        it = m_rows.insert(seq, Row {before, before});
    it->final = after;
}

Status Changes::flush(UnitOfWork& uow)
{
    QJsonArray removals;
    QJsonArray additions;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it->indexed == it->final)
            continue;
        if (it->indexed)
            appendRows(removals, *it->indexed, it.key());
        if (it->final)
            appendRows(additions, *it->final, it.key());
    }
    m_rows.clear();
    if (!removals.isEmpty()) {
        QSqlQuery& q = uow.prepared(
            QStringLiteral("DELETE FROM customer_word WHERE (company_id, word, name_key, id) IN "
                           "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, "
                           "'$[2]'), json_extract(value, '$[3]') FROM json_each(?))"));
        q.bindValue(0, compact(removals));
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    if (!additions.isEmpty()) {
        QSqlQuery& q = uow.prepared(kInsert);
        q.bindValue(0, compact(additions));
        if (Status s = Sql::exec(q); !s)
            return s;
    }
    return Done {};
}

} // namespace kasir::NameIndex
