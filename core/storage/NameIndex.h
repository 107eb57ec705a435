#pragma once

#include "core/domain/Result.h"
#include "core/storage/UnitOfWork.h"

#include <QJsonArray>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

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

// The index changes of one unit of work, written in two statements when it commits (one
// statement per row would cost a round trip per customer in a batch of thousands).
class Changes final : public UnitOfWork::Deferred
{
public:
    // `before` is what the index holds for the row when the unit first touches it,
    // `after` what it must hold after the unit (nullopt: nothing, a removed customer).
    void set(qint64 seq, const std::optional<Entry>& before, const std::optional<Entry>& after);
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
