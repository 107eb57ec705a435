#include "core/storage/NameIndex.h"

#include "core/domain/FieldSnapshot.h"
#include "core/domain/TextFold.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace kasir::NameIndex {

namespace {

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

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
    Load load;
    if (Status s = load.addTable(db); !s)
        return s;
    load.sort();
    QSqlQuery insert(db);
    if (!insert.prepare(Load::insertSql()))
        return Sql::errorOf(insert);
    return load.write(insert);
}

Status Load::addTable(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT seq, company_id, name_key, id FROM customer")))
        return Sql::errorOf(q);
    while (q.next())
        add(q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    // A step that failed half-way ends the loop as the last row would.
    if (q.lastError().isValid())
        return Sql::errorOf(q);
    return Done {};
}

void Load::add(qint64 seq, const Entry& entry)
{
    if (m_companies.isEmpty() || m_companies.constLast() != entry.companyId) {
        if (!m_companies.contains(entry.companyId))
            m_companies << entry.companyId;
    }
    const auto company = static_cast<quint32>(m_companies.indexOf(entry.companyId));
    const auto key = static_cast<quint32>(m_keys.size());
    m_keys.push_back({seq, m_text.size(), static_cast<quint32>(entry.nameKey.size()),
        static_cast<quint32>(entry.id.size()), company});
    m_text += entry.nameKey;
    m_text += entry.id;
    TextFold::forEachWord(entry.nameKey, [&](qsizetype start, qsizetype length) {
        m_words.push_back({key, static_cast<quint32>(start), static_cast<quint32>(length)});
    });
}

void Load::sort()
{
    std::sort(m_words.begin(), m_words.end(), [this](const Word& a, const Word& b) {
        const Key& ka = m_keys[a.key];
        const Key& kb = m_keys[b.key];
        if (ka.company != kb.company)
            return QStringView(m_companies.at(ka.company)) < QStringView(m_companies.at(kb.company));
        if (const int c = wordText(a).compare(wordText(b)); c != 0)
            return c < 0;
        if (const int c = nameKey(ka).compare(nameKey(kb)); c != 0)
            return c < 0;
        return ka.seq < kb.seq;
    });
}

const QString& Load::insertSql()
{
    // Rows as JSON, [[word, name key, id, seq], ...], many to a statement: QtSql binds and
    // passes on a value at about 0.37 µs, so five bound values a row would cost more than
    // SQLite reading them out of one text (BENCHMARKS.md, "Demo").
    static const QString sql = QStringLiteral(
        "INSERT INTO customer_word (company_id, word, name_key, id, seq) SELECT ?, json_extract(value, '$[0]'), "
        "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?)");
    return sql;
}

Status Load::write(QSqlQuery& insert) const
{
    const auto chunk = static_cast<size_t>(m_rowsPerStatement);
    QString json;
    size_t from = 0;
    while (from < m_words.size()) {
        // A statement holds the rows of one company.
        const quint32 company = m_keys[m_words[from].key].company;
        json.clear();
        json += QLatin1Char('[');
        size_t i = from;
        for (; i < m_words.size() && i < from + chunk && m_keys[m_words[i].key].company == company; ++i) {
            const Word& w = m_words[i];
            const Key& k = m_keys[w.key];
            if (i > from)
                json += QLatin1Char(',');
            json += QLatin1Char('[');
            FieldSnapshot::appendString(json, wordText(w));
            json += QLatin1Char(',');
            FieldSnapshot::appendString(json, nameKey(k));
            json += QLatin1Char(',');
            FieldSnapshot::appendString(json, id(k));
            json += QLatin1Char(',');
            json += QString::number(k.seq);
            json += QLatin1Char(']');
        }
        json += QLatin1Char(']');
        insert.bindValue(0, m_companies.at(company));
        insert.bindValue(1, json);
        if (Status s = Sql::exec(insert); !s)
            return s;
        from = i;
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
    Load additions;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it->indexed == it->final)
            continue;
        if (it->indexed)
            appendRows(removals, *it->indexed, it.key());
        if (it->final)
            additions.add(it.key(), *it->final);
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
        additions.sort();
        if (Status s = additions.write(uow.prepared(Load::insertSql())); !s)
            return s;
    }
    return Done {};
}

} // namespace kasir::NameIndex
