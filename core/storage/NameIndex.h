#pragma once

#include "core/domain/Result.h"
#include "core/storage/UnitOfWork.h"

#include <QJsonArray>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace kasir {

// The ordered word index behind name search. customer_word holds one row per distinct word
// of each customer's folded name (TextFold::words), keyed (company_id, word, name_key, id):
// the rows of one word are already in name order, so the first page of names that have a
// word starting with "sant" is a merge of the few words in that range ("santi", "santoso"...)
// that stops after one page, however many customers match and wherever they sort.
namespace NameIndex {

// What the index holds for one customer.
struct Entry
{
    QString companyId;
    QString nameKey;
    QString id;
    friend bool operator==(const Entry&, const Entry&) = default;
};

// The index rows of one customer as JSON arrays [company, word, name key, id, seq], the
// form the index's bulk statements read with json_each.
void appendRows(QJsonArray& out, const Entry& entry, qint64 seq);

// Replaces the whole index with the words of every customer's name key.
Status rebuild(QSqlDatabase db);

// The index rows of many customers gathered in memory, for a bulk load or a rebuild:
// sorted in the index's key order and written many to a statement, so that the b-tree is
// written front to back instead of at random places. Holds each customer's name key and id
// once and a word as a slice of the key (about 160 MB for 1,000,000 demo customers, less
// than the same rows in a temporary table). Not thread-safe: calls must not overlap (a bulk
// load adds from one helper thread after another, each started after the last ended, and
// sorts and writes after joining them).
class Load final
{
public:
    explicit Load(int rowsPerStatement = 20000) : m_rowsPerStatement(rowsPerStatement) { }
    void add(qint64 seq, const Entry& entry);
    // Adds every customer of the table, as the index must hold them (a rebuild).
    Status addTable(QSqlDatabase db);
    bool isEmpty() const { return m_words.empty(); }
    // Orders the rows by company, word, name key, then seq (ids of one load grow with seq):
    // the index's order, compared as UTF-16 rather than SQLite's UTF-8 bytes, which differ
    // only above U+D7FF and only cost locality, not results.
    void sort();
    // Inserts the rows inside the caller's transaction with `insert`, a statement prepared
    // from insertSql() (the caller's cached one, or its own).
    Status write(QSqlQuery& insert) const;
    static const QString& insertSql();

private:
    struct Key
    {
        qint64 seq = 0;
        qsizetype offset = 0; // into m_text: the name key, then the id
        quint32 keyLength = 0;
        quint32 idLength = 0;
        quint32 company = 0; // into m_companies
    };
    struct Word
    {
        quint32 key = 0; // into m_keys
        quint32 start = 0; // into the key's name key
        quint32 length = 0;
    };
    QStringView nameKey(const Key& key) const { return QStringView(m_text).sliced(key.offset, key.keyLength); }
    QStringView id(const Key& key) const
    {
        return QStringView(m_text).sliced(key.offset + key.keyLength, key.idLength);
    }
    QStringView wordText(const Word& word) const { return nameKey(m_keys[word.key]).sliced(word.start, word.length); }

    int m_rowsPerStatement;
    QString m_text;
    QStringList m_companies;
    std::vector<Key> m_keys;
    std::vector<Word> m_words;
};

// The index changes of one unit of work, written in two statements when it commits (one
// statement per row would cost a round trip per customer in a batch of thousands).
class Changes final : public UnitOfWork::Deferred
{
public:
    // `before` is what the index holds for the row when the unit first touches it,
    // `after` what it must hold after the unit (nullopt: nothing, a removed customer).
    void set(qint64 seq, const std::optional<Entry>& before, const std::optional<Entry>& after);
    // Forgets the changes gathered so far (the whole index is being made again).
    void discard() { m_rows.clear(); }
    Status flush(UnitOfWork& uow) override;

private:
    struct Row
    {
        std::optional<Entry> indexed;
        std::optional<Entry> final;
    };
    QMap<qint64, Row> m_rows;
};

} // namespace NameIndex

} // namespace kasir
