#include "core/storage/CustomerRepository.h"

#include "core/domain/PhoneNumber.h"
#include "core/domain/TextFold.h"
#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlRecord>

namespace kasir {

namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.company_id, c.code, c.name, c.phone, c.whatsapp, c.email, c.address, c.city, c.province, "
    "c.postal_code, c.type, c.status, c.level, c.discount_override_bp, c.birth_date, c.gender, c.notes, "
    "c.prefer_sms, c.prefer_email, c.prefer_call, c.prefer_whatsapp, c.do_not_contact, c.created_at, "
    "c.updated_at, c.created_by, c.updated_by");

Customer readRow(const QSqlQuery& q)
{
    Customer c;
    c.id = q.value(0).toString();
    c.companyId = q.value(1).toString();
    c.code = q.value(2).toString();
    c.name = q.value(3).toString();
    c.phone = q.value(4).toString();
    c.whatsapp = q.value(5).toString();
    c.email = q.value(6).toString();
    c.address = q.value(7).toString();
    c.city = q.value(8).toString();
    c.province = q.value(9).toString();
    c.postalCode = q.value(10).toString();
    c.type = CustomerEnums::parseType(q.value(11).toString()).value_or(CustomerType::WalkIn);
    c.status = CustomerEnums::parseStatus(q.value(12).toString()).value_or(CustomerStatus::Active);
    c.level = CustomerEnums::parseLevel(q.value(13).toString()).value_or(MembershipLevel::Bronze);
    if (const QVariant bp = q.value(14); !bp.isNull())
        c.discountOverrideBp = bp.toInt();
    if (const QVariant d = q.value(15); !d.isNull())
        c.birthDate = QDate::fromString(d.toString(), Qt::ISODate);
    c.gender = CustomerEnums::parseGender(q.value(16).toString()).value_or(Gender::Unspecified);
    c.notes = q.value(17).toString();
    c.preferSms = q.value(18).toBool();
    c.preferEmail = q.value(19).toBool();
    c.preferCall = q.value(20).toBool();
    c.preferWhatsapp = q.value(21).toBool();
    c.doNotContact = q.value(22).toBool();
    c.createdAt = q.value(23).toLongLong();
    c.updatedAt = q.value(24).toLongLong();
    c.createdBy = q.value(25).toString();
    c.updatedBy = q.value(26).toString();
    return c;
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// QtSql binds a null QString as SQL NULL; NOT NULL text columns want ''.
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

// The largest code point, to close a prefix range: "abc" <= x < "abc" U+10FFFF.
const QString kRangeEnd = QString::fromUcs4(U"\U0010FFFF", 1);

struct Cursor
{
    QVariant key;
    QString id;
};

std::optional<Cursor> decodeCursor(const QString& text, CustomerQuery::Sort sort)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonArray a = QJsonDocument::fromJson(raw).array();
    if (a.size() != 2 || !a.at(1).isString())
        return std::nullopt;
    Cursor c;
    c.id = a.at(1).toString();
    if (sort == CustomerQuery::Sort::Name) {
        if (!a.at(0).isString())
            return std::nullopt;
        c.key = a.at(0).toString();
    } else {
        if (!a.at(0).isDouble())
            return std::nullopt;
        c.key = static_cast<qint64>(a.at(0).toDouble());
    }
    return c;
}

QString sortColumn(CustomerQuery::Sort sort)
{
    switch (sort) {
    case CustomerQuery::Sort::Name:
        return QStringLiteral("c.name_key");
    case CustomerQuery::Sort::Created:
        return QStringLiteral("c.created_at");
    case CustomerQuery::Sort::Updated:
        return QStringLiteral("c.updated_at");
    }
    return {};
}

// The FROM/WHERE shared by a page and its count, with the values to bind in order.
struct Where
{
    QString from;
    QStringList conditions;
    QVariantList binds;
};

// How a name search is run. Few matches: walk the full-text matches and sort them (cost
// grows with the matches, about 1.4 ms per 1,000 on 1M customers). Many matches: walk the
// order's index and keep the rows that match (cost grows with how far down the order the
// first page lies). The limit keeps the first bounded; above it the matches are dense
// enough that the page is found early unless they all sort late (BENCHMARKS.md).
enum class NamePlan
{
    MatchesFirst,
    OrderFirst,
};
constexpr qint64 kMatchesFirstLimit = 20000;

Where buildWhere(const QString& companyId, const CustomerQuery& q, const CustomerSearchTerms& terms,
    NamePlan plan = NamePlan::MatchesFirst)
{
    Where w;
    w.from = QStringLiteral("customer c");
    if (terms.kind == CustomerSearchTerms::Kind::Name) {
        if (plan == NamePlan::MatchesFirst) {
            // CROSS JOIN fixes the loop order: the full-text index outside.
            w.from = QStringLiteral("customer_fts f CROSS JOIN customer c ON c.seq = f.rowid");
            w.conditions << QStringLiteral("customer_fts MATCH ?");
        } else {
            // The unary + keeps the planner from turning the IN into rowid look-ups.
            w.conditions << QStringLiteral("+c.seq IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)");
        }
        w.binds << terms.ftsMatch;
    }
    w.conditions << QStringLiteral("c.company_id = ?");
    w.binds << companyId;
    switch (terms.kind) {
    case CustomerSearchTerms::Kind::None:
        break;
    case CustomerSearchTerms::Kind::Name:
        break; // above: it decides the FROM
    case CustomerSearchTerms::Kind::Code:
        w.conditions << QStringLiteral("c.code = ?");
        w.binds << terms.code;
        break;
    case CustomerSearchTerms::Kind::Email:
        w.conditions << QStringLiteral("c.email >= ? AND c.email < ?");
        w.binds << terms.emailPrefix << QString(terms.emailPrefix + kRangeEnd);
        break;
    case CustomerSearchTerms::Kind::Phone:
        if (!terms.phoneExact.isEmpty()) {
            w.conditions << QStringLiteral("c.phone = ?");
            w.binds << terms.phoneExact;
        } else if (terms.phonePrefix.isEmpty()) {
            w.conditions << QStringLiteral("c.phone_rev >= ? AND c.phone_rev < ?");
            w.binds << terms.phoneSuffixReversed << QString(terms.phoneSuffixReversed + QLatin1Char(':'));
        } else {
            w.conditions << QStringLiteral(
                "((c.phone_rev >= ? AND c.phone_rev < ?) OR (c.phone >= ? AND c.phone < ?))");
            w.binds << terms.phoneSuffixReversed << QString(terms.phoneSuffixReversed + QLatin1Char(':'))
                    << terms.phonePrefix << QString(terms.phonePrefix + QLatin1Char(':'));
        }
        break;
    }
    if (q.type) {
        w.conditions << QStringLiteral("c.type = ?");
        w.binds << CustomerEnums::toString(*q.type);
    }
    if (q.status) {
        w.conditions << QStringLiteral("c.status = ?");
        w.binds << CustomerEnums::toString(*q.status);
    }
    if (q.level) {
        w.conditions << QStringLiteral("c.level = ?");
        w.binds << CustomerEnums::toString(*q.level);
    }
    if (q.createdFrom) {
        w.conditions << QStringLiteral("c.created_at >= ?");
        w.binds << *q.createdFrom;
    }
    if (q.createdTo) {
        w.conditions << QStringLiteral("c.created_at < ?");
        w.binds << *q.createdTo;
    }
    return w;
}

// The name index's pending changes in one unit of work, applied in two statements at
// commit: what the index holds now is removed where it differs from the final name, and
// the final names are added.
class SearchIndexChanges final : public UnitOfWork::Deferred
{
public:
    void inserted(qint64 seq, const QString& name) { entry(seq, std::nullopt).final = name; }
    void updated(qint64 seq, const QString& oldName, const QString& newName) { entry(seq, oldName).final = newName; }
    void removed(qint64 seq, const QString& oldName) { entry(seq, oldName).final.reset(); }

    Status flush(UnitOfWork& uow) override
    {
        QJsonArray removals;
        QJsonArray additions;
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
            if (it->indexed == it->final)
                continue;
            if (it->indexed)
                removals.append(QJsonArray {it.key(), *it->indexed});
            if (it->final)
                additions.append(QJsonArray {it.key(), *it->final});
        }
        m_rows.clear();
        if (!removals.isEmpty()) {
            QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO customer_fts (customer_fts, rowid, name) "
                                                       "SELECT 'delete', value ->> 0, value ->> 1 FROM json_each(?)"));
            q.bindValue(0, QString::fromUtf8(QJsonDocument(removals).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return Sql::errorOf(q);
        }
        if (!additions.isEmpty()) {
            QSqlQuery& q = uow.prepared(QStringLiteral(
                "INSERT INTO customer_fts (rowid, name) SELECT value ->> 0, value ->> 1 FROM json_each(?)"));
            q.bindValue(0, QString::fromUtf8(QJsonDocument(additions).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return Sql::errorOf(q);
        }
        return Done {};
    }

private:
    struct Row
    {
        std::optional<QString> indexed; // what the index holds for this row before the unit
        std::optional<QString> final; // what it must hold after
    };
    Row& entry(qint64 seq, const std::optional<QString>& indexedBefore)
    {
        auto it = m_rows.find(seq);
        if (it == m_rows.end())
            it = m_rows.insert(seq, Row {indexedBefore, indexedBefore});
        return *it;
    }
    QMap<qint64, Row> m_rows;
};

} // namespace

CustomerRepository::CustomerRepository(Database& db) : m_db(db) { }

Status CustomerRepository::bindAndWrite(
    UnitOfWork& uow, const QString& sql, const Customer& c, const std::optional<std::pair<qint64, QString>>& old)
{
    QSqlQuery& q = uow.prepared(sql);
    int i = 0;
    q.bindValue(i++, c.companyId);
    q.bindValue(i++, c.code);
    q.bindValue(i++, c.name);
    q.bindValue(i++, TextFold::fold(c.name));
    q.bindValue(i++, textOrNull(c.phone));
    q.bindValue(i++, textOrNull(PhoneNumber::reversedDigits(c.phone)));
    q.bindValue(i++, textOrNull(c.whatsapp));
    q.bindValue(i++, textOrNull(c.email));
    q.bindValue(i++, text(c.address));
    q.bindValue(i++, text(c.city));
    q.bindValue(i++, text(c.province));
    q.bindValue(i++, text(c.postalCode));
    q.bindValue(i++, CustomerEnums::toString(c.type));
    q.bindValue(i++, CustomerEnums::toString(c.status));
    q.bindValue(i++, CustomerEnums::toString(c.level));
    q.bindValue(i++, c.discountOverrideBp ? QVariant(*c.discountOverrideBp) : QVariant());
    q.bindValue(i++, c.birthDate.isValid() ? QVariant(c.birthDate.toString(Qt::ISODate)) : QVariant());
    q.bindValue(i++, text(CustomerEnums::toString(c.gender)));
    q.bindValue(i++, text(c.notes));
    q.bindValue(i++, c.preferSms ? 1 : 0);
    q.bindValue(i++, c.preferEmail ? 1 : 0);
    q.bindValue(i++, c.preferCall ? 1 : 0);
    q.bindValue(i++, c.preferWhatsapp ? 1 : 0);
    q.bindValue(i++, c.doNotContact ? 1 : 0);
    q.bindValue(i++, c.createdAt);
    q.bindValue(i++, c.updatedAt);
    q.bindValue(i++, textOrNull(c.createdBy));
    q.bindValue(i++, textOrNull(c.updatedBy));
    q.bindValue(i++, c.id);
    if (!q.exec())
        return Sql::errorOf(q);
    const bool written = q.next();
    const qint64 seq = written ? q.value(0).toLongLong() : 0;
    q.finish();
    if (!written)
        return Error::notFound(tr("customer %1 does not exist").arg(c.id));
    if (old)
        uow.deferred<SearchIndexChanges>().updated(seq, old->second, c.name);
    else
        uow.deferred<SearchIndexChanges>().inserted(seq, c.name);
    return Done {};
}

Status CustomerRepository::insert(UnitOfWork& uow, const Customer& c)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO customer (company_id, code, name, name_key, phone, phone_rev, whatsapp, email, address, city, "
        "province, postal_code, type, status, level, discount_override_bp, birth_date, gender, notes, prefer_sms, "
        "prefer_email, prefer_call, prefer_whatsapp, do_not_contact, created_at, updated_at, created_by, updated_by, "
        "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING seq");
    return bindAndWrite(uow, sql, c, std::nullopt);
}

Status CustomerRepository::update(UnitOfWork& uow, const Customer& c)
{
    static const QString sql = QStringLiteral(
        "UPDATE customer SET company_id = ?, code = ?, name = ?, name_key = ?, phone = ?, phone_rev = ?, "
        "whatsapp = ?, email = ?, address = ?, city = ?, province = ?, postal_code = ?, type = ?, status = ?, "
        "level = ?, discount_override_bp = ?, birth_date = ?, gender = ?, notes = ?, prefer_sms = ?, "
        "prefer_email = ?, prefer_call = ?, prefer_whatsapp = ?, do_not_contact = ?, created_at = ?, "
        "updated_at = ?, created_by = ?, updated_by = ? WHERE id = ? RETURNING seq");
    QSqlQuery& before = uow.prepared(QStringLiteral("SELECT seq, name FROM customer WHERE id = ?"));
    before.bindValue(0, c.id);
    if (!before.exec())
        return Sql::errorOf(before);
    if (!before.next())
        return Error::notFound(tr("customer %1 does not exist").arg(c.id));
    const std::pair<qint64, QString> old {before.value(0).toLongLong(), before.value(1).toString()};
    before.finish();
    return bindAndWrite(uow, sql, c, old);
}

Status CustomerRepository::remove(UnitOfWork& uow, const QString& id)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("DELETE FROM customer WHERE id = ? RETURNING seq, name"));
    q.bindValue(0, id);
    if (!q.exec())
        return Sql::errorOf(q);
    if (!q.next())
        return Error::notFound(tr("customer %1 does not exist").arg(id));
    uow.deferred<SearchIndexChanges>().removed(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();
    return Done {};
}

Result<std::optional<Customer>> CustomerRepository::one(
    const QString& sql, const QString& companyId, const QString& value)
{
    QSqlQuery& q = m_db.prepared(sql);
    q.bindValue(0, companyId);
    q.bindValue(1, value);
    if (!q.exec())
        return Sql::errorOf(q);
    std::optional<Customer> out;
    if (q.next())
        out = readRow(q);
    q.finish();
    return out;
}

Result<std::optional<Customer>> CustomerRepository::byId(const QString& companyId, const QString& id)
{
    static const QString sql
        = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.id = ?");
    return one(sql, companyId, id);
}

Result<std::optional<Customer>> CustomerRepository::byCode(const QString& companyId, const QString& code)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.code = ?");
    return one(sql, companyId, code);
}

Result<std::optional<Customer>> CustomerRepository::byPhone(const QString& companyId, const QString& e164)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.phone = ?");
    return one(sql, companyId, e164);
}

Result<std::optional<Customer>> CustomerRepository::byEmail(const QString& companyId, const QString& email)
{
    static const QString sql = QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM customer c WHERE c.company_id = ? AND c.email = ?");
    return one(sql, companyId, email);
}

Status CustomerRepository::rebuildSearchIndex(UnitOfWork& uow)
{
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')"));
    if (!q.exec())
        return Sql::errorOf(q);
    return Done {};
}

QString CustomerRepository::cursorFor(const Customer& c, CustomerQuery::Sort sort)
{
    QJsonArray a;
    switch (sort) {
    case CustomerQuery::Sort::Name:
        a << TextFold::fold(c.name);
        break;
    case CustomerQuery::Sort::Created:
        a << c.createdAt;
        break;
    case CustomerQuery::Sort::Updated:
        a << c.updatedAt;
        break;
    }
    a << c.id;
    return QString::fromLatin1(QJsonDocument(a)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<CustomerPage> CustomerRepository::search(
    const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    NamePlan plan = NamePlan::MatchesFirst;
    qint64 matches = -1;
    if (terms.kind == CustomerSearchTerms::Kind::Name) {
        auto n = nameMatches(terms.ftsMatch);
        if (!n)
            return n.error();
        matches = *n;
        if (matches > kMatchesFirstLimit)
            plan = NamePlan::OrderFirst;
    }
    Where w = buildWhere(companyId, query, terms, plan);
    const QString column = sortColumn(query.sort);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    if (!query.after.isEmpty()) {
        const auto cursor = decodeCursor(query.after, query.sort);
        if (!cursor)
            return Error::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                tr("is not a cursor from this list; start again from the first page"));
        w.conditions << QStringLiteral("(%1, c.id) %2 (?, ?)").arg(column, query.descending ? u"<" : u">");
        w.binds << cursor->key << cursor->id;
    }
    const int limit = std::clamp(query.limit, 1, CustomerQuery::maxLimit);
    const QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM ") + w.from
        + QStringLiteral(" WHERE ") + w.conditions.join(QStringLiteral(" AND ")) + QStringLiteral(" ORDER BY ") + column
        + direction + QStringLiteral(", c.id") + direction + QStringLiteral(" LIMIT ?");

    QSqlQuery& q = m_db.prepared(sql);
    int i = 0;
    for (const QVariant& v : std::as_const(w.binds))
        q.bindValue(i++, v);
    q.bindValue(i, limit + 1);
    if (!q.exec())
        return Sql::errorOf(q);
    CustomerPage page;
    page.items.reserve(limit);
    bool more = false;
    while (q.next()) {
        if (page.items.size() == limit) {
            more = true;
            break;
        }
        page.items.append(readRow(q));
    }
    q.finish();
    if (more)
        page.nextCursor = cursorFor(page.items.constLast(), query.sort);
    const bool unfiltered = !query.type && !query.status && !query.level && !query.createdFrom && !query.createdTo;
    if (query.withTotal && matches >= 0 && unfiltered && holdsOneCompany().value_or(false)) {
        page.total = matches; // already counted to choose the plan
    } else if (query.withTotal) {
        auto total = count(companyId, query, terms);
        if (!total)
            return total.error();
        page.total = *total;
    }
    return page;
}

Result<qint64> CustomerRepository::nameMatches(const QString& ftsMatch)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?"));
    q.bindValue(0, ftsMatch);
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

Result<bool> CustomerRepository::holdsOneCompany()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT count(*) FROM company"));
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const bool one = q.value(0).toLongLong() <= 1;
    q.finish();
    return one;
}

Result<qint64> CustomerRepository::count(
    const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms)
{
    // A terminal holds one company: then the full-text index alone counts a name search.
    if (terms.kind == CustomerSearchTerms::Kind::Name && !query.type && !query.status && !query.level
        && !query.createdFrom && !query.createdTo) {
        auto one = holdsOneCompany();
        if (!one)
            return one.error();
        if (*one)
            return nameMatches(terms.ftsMatch);
    }
    const Where w = buildWhere(companyId, query, terms);
    const QString sql = QStringLiteral("SELECT count(*) FROM ") + w.from + QStringLiteral(" WHERE ")
        + w.conditions.join(QStringLiteral(" AND "));
    QSqlQuery& q = m_db.prepared(sql);
    int i = 0;
    for (const QVariant& v : w.binds)
        q.bindValue(i++, v);
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

Result<qint64> CustomerRepository::reserveCodes(UnitOfWork& uow, const QString& companyId, qint64 count)
{
    QSqlQuery& q = uow.prepared(QStringLiteral(
        "INSERT INTO code_sequence (company_id, name, next_value) VALUES (?, 'customer', 1 + ?) "
        "ON CONFLICT (company_id, name) DO UPDATE SET next_value = next_value + ? RETURNING next_value - ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, count);
    q.bindValue(2, count);
    q.bindValue(3, count);
    if (!q.exec() || !q.next())
        return Sql::errorOf(q);
    const qint64 first = q.value(0).toLongLong();
    q.finish();
    return first;
}

Result<QStringList> CustomerRepository::blockingReferences(const QString& id)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery fks(db);
    if (!fks.exec(QStringLiteral("SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
                                 "WHERE m.type = 'table' AND f.\"table\" = 'customer' AND f.\"to\" = 'id' "
                                 "AND upper(f.on_delete) <> 'CASCADE' AND upper(f.on_delete) <> 'SET NULL'")))
        return Sql::errorOf(fks);
    QStringList tables;
    while (fks.next()) {
        const QString table = fks.value(0).toString();
        const QString column = fks.value(1).toString();
        QSqlQuery probe(db);
        probe.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM \"%1\" WHERE \"%2\" = ?)")
                          .arg(QString(table).replace(u'"', QStringLiteral("\"\"")),
                              QString(column).replace(u'"', QStringLiteral("\"\""))));
        probe.addBindValue(id);
        if (!probe.exec() || !probe.next())
            return Sql::errorOf(probe);
        if (probe.value(0).toBool() && !tables.contains(table))
            tables << table;
    }
    return tables;
}

} // namespace kasir
