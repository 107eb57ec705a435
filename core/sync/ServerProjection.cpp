#include "core/sync/ServerProjection.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/TextFold.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

#include <cmath>

namespace kasir {

namespace {

bool isBookkeeping(QStringView field)
{
    return field == u"createdAt" || field == u"createdBy" || field == u"updatedAt" || field == u"updatedBy"
        || field == u"id";
}

bool isAbsent(const QJsonValue& v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty());
}

std::optional<qint64> parseTime(const QJsonValue& v)
{
    if (!v.isString())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<qint64> parseInteger(const QJsonValue& v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::trunc(d) || std::abs(d) > 9007199254740991.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

// Sets one customer field from its value as CustomerJson::snapshot writes it; false when
// the field is not a customer's or the value is not of the field's kind.
bool setCustomerField(Customer& c, const QString& f, const QJsonValue& v)
{
    if (v.isBool()) {
        bool* flag = f == u"doNotContact" ? &c.doNotContact
            : f == u"preferCall"          ? &c.preferCall
            : f == u"preferEmail"         ? &c.preferEmail
            : f == u"preferSms"           ? &c.preferSms
            : f == u"preferWhatsapp"      ? &c.preferWhatsapp
                                          : nullptr;
        if (!flag)
            return false;
        *flag = v.toBool();
        return true;
    }
    if (!v.isString())
        return false;
    const QString s = v.toString();
    QString* text = f == u"id" ? &c.id
        : f == u"code"         ? &c.code
        : f == u"name"         ? &c.name
        : f == u"phone"        ? &c.phone
        : f == u"whatsapp"     ? &c.whatsapp
        : f == u"email"        ? &c.email
        : f == u"address"      ? &c.address
        : f == u"city"         ? &c.city
        : f == u"province"     ? &c.province
        : f == u"postalCode"   ? &c.postalCode
        : f == u"notes"        ? &c.notes
        : f == u"createdBy"    ? &c.createdBy
        : f == u"updatedBy"    ? &c.updatedBy
                               : nullptr;
    if (text) {
        *text = s;
        return true;
    }
    // A parsed value, or false when it did not parse.
    const auto set = [](auto& field, const auto& parsed) {
        if (!parsed)
            return false;
        field = *parsed;
        return true;
    };
    if (f == u"createdAt")
        return set(c.createdAt, parseTime(v));
    if (f == u"updatedAt")
        return set(c.updatedAt, parseTime(v));
    if (f == u"type")
        return set(c.type, CustomerEnums::parseType(s));
    if (f == u"status")
        return set(c.status, CustomerEnums::parseStatus(s));
    if (f == u"level")
        return set(c.level, CustomerEnums::parseLevel(s));
    if (f == u"gender")
        return set(c.gender, CustomerEnums::parseGender(s));
    if (f == u"discountOverride")
        return set(c.discountOverrideBp, Percent::parseBasisPoints(s));
    if (f == u"birthDate") {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (d.isValid())
            c.birthDate = d;
        return d.isValid();
    }
    return false;
}

// Whether a customer field of an op holds a value of the field's kind: only such values are
// kept, so one malformed op from a terminal never stops the log (terminals refuse it too).
bool isCustomerValue(const QString& field, const QJsonValue& v)
{
    if (isAbsent(v))
        return true;
    Customer scratch;
    return setCustomerField(scratch, field, v);
}

QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// Text for a NOT NULL column: a null QString would bind NULL.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString sumOf(const char* expression)
{
    return QStringLiteral("CAST(COALESCE(SUM(%1), 0) AS BIGINT)").arg(QLatin1String(expression));
}

// The first text after every text that starts with `prefix`: its last character moved one
// up ("ami" -> "amj"). Unlike prefix + U+10FFFF, this also bounds the range in a database
// whose collation is not by code point (PostgreSQL in en_US.UTF-8).
QString upperBound(const QString& prefix)
{
    QString out = prefix;
    while (!out.isEmpty()) {
        QChar& last = out[out.size() - 1];
        if (last.unicode() < 0xFFFF) {
            last = QChar(static_cast<char16_t>(last.unicode() + 1));
            return out;
        }
        out.chop(1);
    }
    const char32_t top = 0x10FFFF;
    return QString::fromUcs4(&top, 1);
}

QString encodeCursor(const QString& nameKey, const QString& id)
{
    return QString::fromLatin1(QJsonDocument(QJsonArray {nameKey, id})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<QString, QString>> decodeCursor(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonArray a = QJsonDocument::fromJson(*decoded).array();
    if (a.size() != 2 || !a[0].isString() || !a[1].isString() || a[0].toString().contains(QChar(0))
        || a[1].toString().contains(QChar(0)))
        return std::nullopt;
    return std::pair {a[0].toString(), a[1].toString()};
}

} // namespace

ServerProjection::ServerProjection(QSqlDatabase db, ServerStatements& statements)
    : m_db(std::move(db)), m_statements(statements)
{ }

ServerProjection::~ServerProjection() = default;

QStringList ServerProjection::schema()
{
    return {
        // data: the customer's fields as the terminals' snapshot names them; field_hlc: the
        // stamp of the op that last set each field; row_hlc: of the last op that changed the row.
        QStringLiteral(
            "CREATE TABLE srv_customer (company_id TEXT NOT NULL, id TEXT NOT NULL, code TEXT NOT NULL, "
            "name TEXT NOT NULL, name_key TEXT NOT NULL, phone TEXT, phone_rev TEXT, email TEXT, "
            "type TEXT NOT NULL, status TEXT NOT NULL, level TEXT NOT NULL, city TEXT, "
            "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, deleted INTEGER NOT NULL, anonymised_at BIGINT, "
            "data TEXT NOT NULL, field_hlc TEXT NOT NULL, row_hlc TEXT NOT NULL, "
            "PRIMARY KEY (company_id, id))"),
        QStringLiteral("CREATE INDEX ix_srv_customer_phone ON srv_customer (company_id, phone)"),
        QStringLiteral("CREATE INDEX ix_srv_customer_phone_rev ON srv_customer (company_id, phone_rev)"),
        QStringLiteral("CREATE INDEX ix_srv_customer_name ON srv_customer (company_id, name_key, id)"),
        QStringLiteral("CREATE INDEX ix_srv_customer_created ON srv_customer (company_id, created_at, id)"),
        QStringLiteral("CREATE INDEX ix_srv_customer_email ON srv_customer (company_id, email)"),
        QStringLiteral("CREATE INDEX ix_srv_customer_code ON srv_customer (company_id, code)"),
        // The words of each live customer's folded name, for word-prefix search.
        QStringLiteral("CREATE TABLE srv_customer_word (company_id TEXT NOT NULL, word TEXT NOT NULL, "
                       "customer_id TEXT NOT NULL, PRIMARY KEY (company_id, word, customer_id))"),
        // A customer's words, to take them away when the name changes (without it, every write
        // of a customer read all the company's words).
        QStringLiteral("CREATE INDEX ix_srv_customer_word_customer ON srv_customer_word (company_id, customer_id)"),
        QStringLiteral("CREATE TABLE srv_note (company_id TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, "
                       "kind TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL, created_by TEXT, "
                       "deleted_at BIGINT, deleted_by TEXT, PRIMARY KEY (company_id, id))"),
        QStringLiteral("CREATE INDEX ix_srv_note_customer ON srv_note (company_id, customer_id, created_at)"),
        QStringLiteral("CREATE TABLE srv_sale (company_id TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT, "
                       "kind TEXT NOT NULL, total BIGINT NOT NULL, order_number TEXT NOT NULL, "
                       "created_at BIGINT NOT NULL, PRIMARY KEY (company_id, id))"),
        QStringLiteral("CREATE INDEX ix_srv_sale_customer ON srv_sale (company_id, customer_id, created_at)"),
        QStringLiteral("CREATE TABLE srv_sale_link (company_id TEXT NOT NULL, sale_id TEXT NOT NULL, "
                       "customer_id TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (company_id, sale_id))"),
        QStringLiteral("CREATE INDEX ix_srv_sale_link_customer ON srv_sale_link (company_id, customer_id)"),
        QStringLiteral("CREATE TABLE srv_points_entry (company_id TEXT NOT NULL, id TEXT NOT NULL, "
                       "customer_id TEXT NOT NULL, kind TEXT NOT NULL, points BIGINT NOT NULL, reason TEXT NOT NULL, "
                       "created_at BIGINT NOT NULL, PRIMARY KEY (company_id, id))"),
        QStringLiteral("CREATE INDEX ix_srv_points_customer ON srv_points_entry (company_id, customer_id, created_at)"),
        QStringLiteral("CREATE TABLE srv_credit_entry (company_id TEXT NOT NULL, id TEXT NOT NULL, "
                       "customer_id TEXT NOT NULL, kind TEXT NOT NULL, amount BIGINT NOT NULL, reason TEXT NOT NULL, "
                       "created_at BIGINT NOT NULL, PRIMARY KEY (company_id, id))"),
        QStringLiteral("CREATE INDEX ix_srv_credit_customer ON srv_credit_entry (company_id, customer_id, created_at)"),
        QStringLiteral("CREATE TABLE srv_code_sequence (company_id TEXT PRIMARY KEY, next_value BIGINT NOT NULL)"),
    };
}

std::optional<Customer> ServerProjection::customerFromJson(const QJsonObject& fields)
{
    Customer c;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!setCustomerField(c, it.key(), it.value()))
            return std::nullopt;
    }
    return c;
}

Status ServerProjection::apply(const SyncOp& op)
{
    return applyAll({&op});
}

Status ServerProjection::applyAll(const QList<const SyncOp*>& ops)
{
    QHash<RowKey, Row> rows;
    QList<RowKey> wanted;
    for (const SyncOp* op : ops) {
        if (op->entity == u"customer")
            wanted.append({op->companyId, op->entityId});
    }
    if (Status s = readRows(wanted, rows); !s)
        return s;
    QList<RowKey> dirty;
    for (const SyncOp* op : ops) {
        if (op->entity == u"customer") {
            Row& row = rows[{op->companyId, op->entityId}];
            const bool wasDirty = row.dirty;
            if (mergeCustomer(row, *op) && !wasDirty)
                dirty.append({op->companyId, op->entityId});
            continue;
        }
        // An erasure marks the customer's row: the rows so far are written first.
        if (op->entity == u"customer_erasure") {
            if (Status s = writeRows(rows, dirty); !s)
                return s;
        }
        if (Status s = applyOther(*op); !s)
            return s;
    }
    return writeRows(rows, dirty);
}

Status ServerProjection::applyOther(const SyncOp& op)
{
    if (op.entity == u"customer_note")
        return applyNote(op);
    if (op.entity == u"sale")
        return applySale(op);
    if (op.entity == u"sale_link" || op.entity == u"points_entry" || op.entity == u"credit_entry")
        return applyFact(op);
    if (op.entity == u"customer_erasure" && op.kind == SyncOp::Kind::Upsert) {
        // Once anonymised, a customer takes no personal data again (PrivacyService).
        QSqlQuery& q = prepared(QStringLiteral(
            "UPDATE srv_customer SET anonymised_at = ? WHERE company_id = ? AND id = ? AND anonymised_at IS NULL"));
        q.bindValue(0, parseTime(op.fields.value(QStringLiteral("createdAt"))).value_or(op.createdAt));
        q.bindValue(1, op.companyId);
        q.bindValue(2, op.entityId);
        return exec(q);
    }
    return Done {};
}

namespace {

// Statements with a list of `n` rows or ids are made in a few sizes only, so that a batch
// of any length reuses the same prepared statements: the smallest that holds what is left,
// or the largest.
int chunkSize(qsizetype left, int largest)
{
    for (const int n : {1, 8})
        if (left <= n && n < largest)
            return n;
    return largest;
}

// Rows written several to a statement, in the same few sizes and without padding: the
// largest size that what is left fills.
int writeSize(qsizetype left, int largest)
{
    if (left >= largest)
        return largest;
    return left >= 8 ? 8 : 1;
}

QString placeholders(int count, QStringView one)
{
    QString out;
    out.reserve(count * (one.size() + 1));
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += u',';
        out += one;
    }
    return out;
}

} // namespace

Status ServerProjection::readRows(const QList<RowKey>& keys, QHash<RowKey, Row>& rows)
{
    constexpr int perStatement = 64;
    QHash<QString, QStringList> byCompany;
    for (const RowKey& key : keys) {
        if (rows.contains(key))
            continue;
        Row& row = rows[key];
        row.companyId = key.first;
        row.id = key.second;
        byCompany[key.first].append(key.second);
    }
    for (auto it = byCompany.cbegin(); it != byCompany.cend(); ++it) {
        const QStringList& ids = it.value();
        for (qsizetype start = 0; start < ids.size();) {
            const int n = chunkSize(ids.size() - start, perStatement);
            QSqlQuery& q = prepared(QStringLiteral("SELECT id, data, field_hlc, row_hlc, deleted, name_key FROM "
                                                   "srv_customer WHERE company_id = ? AND id IN (%1)")
                                        .arg(placeholders(n, u"?")));
            q.bindValue(0, it.key());
            // A short chunk repeats its last id.
            for (int r = 0; r < n; ++r)
                q.bindValue(1 + r, ids[std::min(start + r, ids.size() - 1)]);
            if (Status s = exec(q); !s)
                return s;
            while (q.next()) {
                auto found = rows.find({it.key(), q.value(0).toString()});
                if (found == rows.end())
                    continue;
                Row& row = *found;
                row.data = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                row.fieldHlc = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
                row.rowHlc = Hlc::fromString(q.value(3).toString());
                row.deleted = q.value(4).toInt() != 0;
                row.present = true;
                row.inTable = true;
                row.tableWordsKey = row.deleted ? QString() : q.value(5).toString();
            }
            q.finish();
            start += n;
        }
    }
    return Done {};
}

bool ServerProjection::mergeCustomer(Row& row, const SyncOp& op)
{
    const bool exists = row.present && !row.deleted;
    const bool newestOfRow = !row.present || op.hlc > row.rowHlc;
    if (op.kind == SyncOp::Kind::Delete) {
        // A delete wins over every edit, older or newer, as on the terminals (ChangeApplier).
        if (row.deleted)
            return false;
        row.data = {};
        row.fieldHlc = {};
        row.deleted = true;
    } else {
        if (!exists) {
            if (row.present)
                return false; // deleted: nothing brings it back
            // A customer starts whole: without a name and a code it is only part of one.
            if (!op.fields.value(QStringLiteral("name")).isString()
                || !op.fields.value(QStringLiteral("code")).isString())
                return false;
            row.data = {};
            row.fieldHlc = {};
            row.deleted = false;
            if (!op.fields.contains(QStringLiteral("createdAt")))
                row.data.insert(QStringLiteral("createdAt"), isoUtc(op.createdAt));
            if (!op.fields.contains(QStringLiteral("createdBy")) && !op.actorId.isEmpty())
                row.data.insert(QStringLiteral("createdBy"), op.actorId);
        }
        bool changed = !exists;
        const QString stamp = op.hlc.toString();
        for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
            const QString& field = it.key();
            if (field == u"id" || !isCustomerValue(field, it.value()))
                continue;
            const bool wins = !exists
                || (isBookkeeping(field) ? newestOfRow
                                         : op.hlc > Hlc::fromString(row.fieldHlc.value(field).toString()));
            if (!wins)
                continue;
            if (isAbsent(it.value()))
                row.data.remove(field);
            else
                row.data.insert(field, it.value());
            row.fieldHlc.insert(field, stamp);
            changed = true;
        }
        if (!changed)
            return false;
    }
    row.data.insert(QStringLiteral("id"), op.entityId);
    if (newestOfRow)
        row.rowHlc = op.hlc;
    row.present = true;
    row.opCreatedAt = op.createdAt;
    row.dirty = true;
    return true;
}

Status ServerProjection::writeRows(QHash<RowKey, Row>& rows, QList<RowKey>& dirty)
{
    constexpr int columns = 18;
    constexpr int rowsPerInsert = 32;
    constexpr int wordsPerInsert = 64;
    QList<QVariant> inserts; // `columns` values a row, in the order of the INSERT below
    QList<QString> words; // company, word, customer: three a row
    for (const RowKey& key : std::as_const(dirty)) {
        Row& row = rows[key];
        const Customer c = customerFromJson(row.data).value_or(Customer {});
        const QString nameKey = TextFold::fold(c.name);
        const QString wordsKey = row.deleted ? QString() : nameKey;
        const QVariant values[columns] = {
            notNull(c.code),
            notNull(c.name),
            notNull(nameKey),
            nullable(c.phone),
            nullable(c.phone.isEmpty() ? QString() : PhoneNumber::reversedDigits(c.phone)),
            nullable(c.email),
            CustomerEnums::toString(c.type),
            CustomerEnums::toString(c.status),
            CustomerEnums::toString(c.level),
            nullable(c.city),
            c.createdAt ? c.createdAt : row.opCreatedAt,
            c.updatedAt ? c.updatedAt : row.opCreatedAt,
            row.deleted ? 1 : 0,
            QString::fromUtf8(QJsonDocument(row.data).toJson(QJsonDocument::Compact)),
            QString::fromUtf8(QJsonDocument(row.fieldHlc).toJson(QJsonDocument::Compact)),
            row.rowHlc.toString(),
            row.companyId,
            row.id,
        };
        if (row.inTable) {
            QSqlQuery& w = prepared(
                QStringLiteral("UPDATE srv_customer SET code = ?, name = ?, name_key = ?, phone = ?, phone_rev = ?, "
                               "email = ?, type = ?, status = ?, level = ?, city = ?, created_at = ?, updated_at = ?, "
                               "deleted = ?, data = ?, field_hlc = ?, row_hlc = ? WHERE company_id = ? AND id = ?"));
            for (int b = 0; b < columns; ++b)
                w.bindValue(b, values[b]);
            if (Status s = exec(w); !s)
                return s;
            // The words follow the name; an edit of anything else leaves them.
            if (wordsKey != row.tableWordsKey) {
                QSqlQuery& del = prepared(
                    QStringLiteral("DELETE FROM srv_customer_word WHERE company_id = ? AND customer_id = ?"));
                del.bindValue(0, row.companyId);
                del.bindValue(1, row.id);
                if (Status s = exec(del); !s)
                    return s;
            } else {
                row.dirty = false;
                continue;
            }
        } else {
            for (const QVariant& v : values)
                inserts.append(v);
        }
        for (const QString& word : TextFold::words(wordsKey))
            words << row.companyId << word << row.id;
        row.inTable = true;
        row.tableWordsKey = wordsKey;
        row.dirty = false;
    }
    dirty.clear();

    const qsizetype newRows = inserts.size() / columns;
    for (qsizetype start = 0; start < newRows;) {
        const int n = writeSize(newRows - start, rowsPerInsert);
        QSqlQuery& q = prepared(
            QStringLiteral("INSERT INTO srv_customer (code, name, name_key, phone, phone_rev, email, type, status, "
                           "level, city, created_at, updated_at, deleted, data, field_hlc, row_hlc, company_id, id) "
                           "VALUES %1")
                .arg(placeholders(n, u"(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")));
        for (int b = 0; b < n * columns; ++b)
            q.bindValue(b, inserts[start * columns + b]);
        if (Status s = exec(q); !s)
            return s;
        start += n;
    }
    const qsizetype wordRows = words.size() / 3;
    for (qsizetype start = 0; start < wordRows;) {
        const int n = writeSize(wordRows - start, wordsPerInsert);
        QSqlQuery& q
            = prepared(QStringLiteral("INSERT INTO srv_customer_word (company_id, word, customer_id) VALUES %1")
                           .arg(placeholders(n, u"(?,?,?)")));
        for (int b = 0; b < n * 3; ++b)
            q.bindValue(b, words[start * 3 + b]);
        if (Status s = exec(q); !s)
            return s;
        start += n;
    }
    return Done {};
}

Status ServerProjection::applyNote(const SyncOp& op)
{
    const QJsonObject& f = op.fields;
    if (op.kind == SyncOp::Kind::Delete) {
        QSqlQuery& q = prepared(QStringLiteral("DELETE FROM srv_note WHERE company_id = ? AND id = ?"));
        q.bindValue(0, op.companyId);
        q.bindValue(1, op.entityId);
        return exec(q);
    }
    const QString customerId = f.value(QStringLiteral("customerId")).toString();
    const auto created = parseTime(f.value(QStringLiteral("createdAt")));
    if (!customerId.isEmpty() && created) {
        QSqlQuery& q = prepared(
            QStringLiteral("INSERT INTO srv_note (company_id, id, customer_id, kind, body, created_at, created_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
        q.bindValue(0, op.companyId);
        q.bindValue(1, op.entityId);
        q.bindValue(2, customerId);
        q.bindValue(3, notNull(f.value(QStringLiteral("kind")).toString(QStringLiteral("personal"))));
        q.bindValue(4, notNull(f.value(QStringLiteral("body")).toString()));
        q.bindValue(5, *created);
        q.bindValue(6, nullable(f.value(QStringLiteral("createdBy")).toString()));
        if (Status s = exec(q); !s)
            return s;
    }
    // A deletion or an anonymisation changes a note that is already there.
    if (f.contains(QStringLiteral("body")) && !created) {
        QSqlQuery& q = prepared(QStringLiteral("UPDATE srv_note SET body = ? WHERE company_id = ? AND id = ?"));
        q.bindValue(0, notNull(f.value(QStringLiteral("body")).toString()));
        q.bindValue(1, op.companyId);
        q.bindValue(2, op.entityId);
        if (Status s = exec(q); !s)
            return s;
    }
    if (const auto deletedAt = parseTime(f.value(QStringLiteral("deletedAt")))) {
        QSqlQuery& q = prepared(
            QStringLiteral("UPDATE srv_note SET deleted_at = ?, deleted_by = ? WHERE company_id = ? AND id = ?"));
        q.bindValue(0, *deletedAt);
        q.bindValue(1, nullable(f.value(QStringLiteral("deletedBy")).toString()));
        q.bindValue(2, op.companyId);
        q.bindValue(3, op.entityId);
        return exec(q);
    }
    return Done {};
}

Status ServerProjection::applySale(const SyncOp& op)
{
    const QJsonObject& f = op.fields;
    const QString kind = f.value(QStringLiteral("kind")).toString();
    const auto total = parseInteger(f.value(QStringLiteral("total")));
    const auto created = parseTime(f.value(QStringLiteral("createdAt")));
    if (op.kind != SyncOp::Kind::Upsert || (kind != u"sale" && kind != u"refund") || !total || !created)
        return Done {};
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO srv_sale (company_id, id, customer_id, kind, total, order_number, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bindValue(0, op.companyId);
    q.bindValue(1, op.entityId);
    q.bindValue(2, nullable(f.value(QStringLiteral("customerId")).toString()));
    q.bindValue(3, kind);
    q.bindValue(4, *total);
    q.bindValue(5, notNull(f.value(QStringLiteral("orderNumber")).toString()));
    q.bindValue(6, *created);
    return exec(q);
}

Status ServerProjection::applyFact(const SyncOp& op)
{
    const QJsonObject& f = op.fields;
    const QString customerId = f.value(QStringLiteral("customerId")).toString();
    const auto created = parseTime(f.value(QStringLiteral("createdAt")));
    if (op.kind != SyncOp::Kind::Upsert || customerId.isEmpty() || !created)
        return Done {};
    if (op.entity == u"sale_link") {
        QSqlQuery& q = prepared(QStringLiteral("INSERT INTO srv_sale_link (company_id, sale_id, customer_id, "
                                               "created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
        q.bindValue(0, op.companyId);
        q.bindValue(1, op.entityId);
        q.bindValue(2, customerId);
        q.bindValue(3, *created);
        return exec(q);
    }
    const bool points = op.entity == u"points_entry";
    const auto amount = parseInteger(f.value(points ? QStringLiteral("points") : QStringLiteral("amount")));
    if (!amount)
        return Done {};
    QSqlQuery& q = prepared(QStringLiteral("INSERT INTO %1 (company_id, id, customer_id, kind, %2, reason, created_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                                .arg(points ? QLatin1String("srv_points_entry") : QLatin1String("srv_credit_entry"),
                                    points ? QLatin1String("points") : QLatin1String("amount")));
    q.bindValue(0, op.companyId);
    q.bindValue(1, op.entityId);
    q.bindValue(2, customerId);
    q.bindValue(3, notNull(f.value(QStringLiteral("kind")).toString()));
    q.bindValue(4, *amount);
    q.bindValue(5, notNull(f.value(QStringLiteral("reason")).toString()));
    q.bindValue(6, *created);
    return exec(q);
}

Status ServerProjection::rebuild()
{
    for (const char* table : {"srv_customer", "srv_customer_word", "srv_note", "srv_sale", "srv_sale_link",
             "srv_points_entry", "srv_credit_entry"}) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))))
            return errorOf(q);
    }
    QSqlQuery companies(m_db);
    if (!companies.exec(QStringLiteral("SELECT id FROM srv_company ORDER BY id")))
        return errorOf(companies);
    QStringList ids;
    while (companies.next())
        ids << companies.value(0).toString();
    companies.finish();
    for (const QString& company : std::as_const(ids)) {
        qint64 after = 0;
        for (;;) {
            // A page at a time, read whole before it is applied on the same connection.
            QSqlQuery& q = prepared(
                QStringLiteral("SELECT op_id, entity, entity_id, op, action, fields, hlc, actor_id, created_at, seq "
                               "FROM sync_op WHERE company_id = ? AND seq > ? ORDER BY seq LIMIT 1000"));
            q.bindValue(0, company);
            q.bindValue(1, after);
            if (Status s = exec(q); !s)
                return s;
            QList<SyncOp> page;
            while (q.next()) {
                SyncOp op;
                op.id = q.value(0).toString();
                op.companyId = company;
                op.entity = q.value(1).toString();
                op.entityId = q.value(2).toString();
                op.kind = q.value(3).toString() == u"delete" ? SyncOp::Kind::Delete : SyncOp::Kind::Upsert;
                op.action = q.value(4).toString();
                op.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
                op.hlc = Hlc::fromString(q.value(6).toString());
                op.actorId = q.value(7).toString();
                op.createdAt = q.value(8).toLongLong();
                after = q.value(9).toLongLong();
                page.append(std::move(op));
            }
            q.finish();
            if (page.isEmpty())
                break;
            QList<const SyncOp*> ops;
            ops.reserve(page.size());
            for (const SyncOp& op : std::as_const(page))
                ops.append(&op);
            if (Status s = applyAll(ops); !s)
                return s;
        }
    }
    return Done {};
}

Result<ServerProjection::ListPage> ServerProjection::customers(const QString& companyId, const ListQuery& query)
{
    QString sql = QStringLiteral("SELECT data, name_key, id FROM srv_customer WHERE company_id = ? AND deleted = 0");
    QVariantList binds {companyId};
    if (query.type) {
        sql += QStringLiteral(" AND type = ?");
        binds << CustomerEnums::toString(*query.type);
    }
    if (query.status) {
        sql += QStringLiteral(" AND status = ?");
        binds << CustomerEnums::toString(*query.status);
    }
    if (query.level) {
        sql += QStringLiteral(" AND level = ?");
        binds << CustomerEnums::toString(*query.level);
    }
    const CustomerSearchTerms terms = CustomerSearchTerms::classify(query.text, query.region);
    switch (terms.kind) {
    case CustomerSearchTerms::Kind::None:
        break;
    case CustomerSearchTerms::Kind::Name:
        for (const QString& word : terms.nameWords) {
            sql += QStringLiteral(" AND id IN (SELECT customer_id FROM srv_customer_word WHERE company_id = ? AND "
                                  "word >= ? AND word < ?)");
            binds << companyId << word << upperBound(word);
        }
        break;
    case CustomerSearchTerms::Kind::Phone:
        if (!terms.phoneExact.isEmpty()) {
            sql += QStringLiteral(" AND phone = ?");
            binds << terms.phoneExact;
        } else if (!terms.phonePrefix.isEmpty()) {
            sql += QStringLiteral(" AND ((phone_rev >= ? AND phone_rev < ?) OR (phone >= ? AND phone < ?))");
            binds << terms.phoneSuffixReversed << upperBound(terms.phoneSuffixReversed) << terms.phonePrefix
                  << upperBound(terms.phonePrefix);
        } else {
            sql += QStringLiteral(" AND phone_rev >= ? AND phone_rev < ?");
            binds << terms.phoneSuffixReversed << upperBound(terms.phoneSuffixReversed);
        }
        break;
    case CustomerSearchTerms::Kind::Email:
        sql += QStringLiteral(" AND email >= ? AND email < ?");
        binds << terms.emailPrefix << upperBound(terms.emailPrefix);
        break;
    case CustomerSearchTerms::Kind::Code:
        sql += QStringLiteral(" AND code = ?");
        binds << terms.code;
        break;
    }
    if (!query.after.isEmpty()) {
        const auto cursor = decodeCursor(query.after);
        if (!cursor)
            return Error::invalidField(QStringLiteral("after"), QStringLiteral("invalid_cursor"),
                tr("must be the value of next from the previous page"));
        sql += QStringLiteral(" AND (name_key > ? OR (name_key = ? AND id > ?))");
        binds << cursor->first << cursor->first << cursor->second;
    }
    sql += QStringLiteral(" ORDER BY name_key, id LIMIT ?");
    const int limit = std::clamp(query.limit, 1, 1000);
    binds << limit + 1;
    QSqlQuery& q = prepared(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (Status s = exec(q); !s)
        return s.error();
    ListPage page;
    QString lastKey;
    QString lastId;
    bool more = false;
    while (q.next()) {
        if (page.items.size() == limit) {
            more = true;
            break;
        }
        auto c = customerFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        Customer customer = c.value_or(Customer {});
        customer.companyId = companyId;
        page.items.append(customer);
        lastKey = q.value(1).toString();
        lastId = q.value(2).toString();
    }
    q.finish();
    if (more)
        page.next = encodeCursor(lastKey, lastId);
    return page;
}

Result<std::optional<ServerProjection::CustomerRow>> ServerProjection::customer(
    const QString& companyId, const QString& idOrCode)
{
    QSqlQuery& q
        = prepared(QStringLiteral("SELECT data, deleted, anonymised_at FROM srv_customer WHERE company_id = ? AND "
                                  "(id = ? OR code = ?) ORDER BY deleted LIMIT 1"));
    q.bindValue(0, companyId);
    q.bindValue(1, idOrCode);
    q.bindValue(2, idOrCode);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<CustomerRow>();
    CustomerRow row;
    row.customer
        = customerFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()).value_or(Customer {});
    row.customer.companyId = companyId;
    row.deleted = q.value(1).toInt() != 0;
    row.anonymisedAt = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    q.finish();
    return std::optional<CustomerRow>(row);
}

Result<std::optional<Customer>> ServerProjection::byPhone(
    const QString& companyId, const QString& e164, const QString& exceptId)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT data FROM srv_customer WHERE company_id = ? AND phone = ? AND "
                                           "deleted = 0 AND id <> ? ORDER BY id LIMIT 1"));
    q.bindValue(0, companyId);
    q.bindValue(1, e164);
    q.bindValue(2, exceptId.isEmpty() ? QStringLiteral("") : exceptId); // a null text would bind NULL
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Customer>();
    auto c = customerFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    q.finish();
    if (c)
        c->companyId = companyId;
    return c;
}

Result<std::optional<Customer>> ServerProjection::byEmail(
    const QString& companyId, const QString& email, const QString& exceptId)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT data FROM srv_customer WHERE company_id = ? AND email = ? AND "
                                           "deleted = 0 AND id <> ? ORDER BY id LIMIT 1"));
    q.bindValue(0, companyId);
    q.bindValue(1, email);
    q.bindValue(2, exceptId.isEmpty() ? QStringLiteral("") : exceptId); // a null text would bind NULL
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Customer>();
    auto c = customerFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    q.finish();
    if (c)
        c->companyId = companyId;
    return c;
}

Result<ServerProjection::Figures> ServerProjection::figures(const QString& companyId, const QString& customerId)
{
    Figures f;
    // Their own sales and refunds, and walk-in sales linked to them later.
    QSqlQuery& s = prepared(
        QStringLiteral("SELECT %1, %2, CAST(MAX(CASE WHEN kind = 'sale' THEN created_at END) AS BIGINT) FROM "
                       "(SELECT s.kind, s.total, s.created_at FROM srv_sale s WHERE s.company_id = ? AND "
                       "s.customer_id = ? UNION ALL SELECT s.kind, s.total, s.created_at FROM srv_sale_link k "
                       "JOIN srv_sale s ON s.company_id = k.company_id AND s.id = k.sale_id WHERE k.company_id = ? "
                       "AND k.customer_id = ? AND s.customer_id IS NULL) x")
            .arg(sumOf("CASE kind WHEN 'sale' THEN 1 ELSE -1 END"), sumOf("total")));
    s.bindValue(0, companyId);
    s.bindValue(1, customerId);
    s.bindValue(2, companyId);
    s.bindValue(3, customerId);
    if (Status st = exec(s); !st)
        return st.error();
    if (s.next()) {
        f.purchases = s.value(0).toLongLong();
        f.totalSpent = s.value(1).toLongLong();
        f.lastPurchaseAt = s.value(2).isNull() ? 0 : s.value(2).toLongLong();
    }
    s.finish();
    for (const auto& [table, column, target] :
        {std::tuple {"srv_points_entry", "points", &f.points}, std::tuple {"srv_credit_entry", "amount", &f.credit}}) {
        QSqlQuery& q = prepared(QStringLiteral("SELECT %1 FROM %2 WHERE company_id = ? AND customer_id = ?")
                                    .arg(sumOf(column), QLatin1String(table)));
        q.bindValue(0, companyId);
        q.bindValue(1, customerId);
        if (Status st = exec(q); !st)
            return st.error();
        if (q.next())
            *target = q.value(0).toLongLong();
        q.finish();
    }
    return f;
}

Result<QList<CustomerNote>> ServerProjection::notes(const QString& companyId, const QString& customerId, int limit)
{
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT n.id, n.kind, n.body, n.created_at, n.created_by, u.username FROM srv_note n LEFT JOIN srv_user u "
        "ON u.id = n.created_by AND u.company_id = n.company_id WHERE n.company_id = ? AND n.customer_id = ? AND "
        "n.deleted_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, customerId);
    q.bindValue(2, limit);
    if (Status s = exec(q); !s)
        return s.error();
    QList<CustomerNote> out;
    while (q.next()) {
        CustomerNote n;
        n.id = q.value(0).toString();
        n.companyId = companyId;
        n.customerId = customerId;
        n.kind = NoteKinds::parse(q.value(1).toString()).value_or(NoteKind::Personal);
        n.body = q.value(2).toString();
        n.createdAt = q.value(3).toLongLong();
        n.createdBy = q.value(4).toString();
        n.authorName = q.value(5).toString();
        out.append(n);
    }
    q.finish();
    return out;
}

Result<QList<ServerProjection::Purchase>> ServerProjection::purchases(
    const QString& companyId, const QString& customerId, int limit)
{
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT id, kind, order_number, total, created_at, linked FROM (SELECT s.id, s.kind, s.order_number, s.total, "
        "s.created_at, 0 AS linked FROM srv_sale s WHERE s.company_id = ? AND s.customer_id = ? UNION ALL "
        "SELECT s.id, s.kind, s.order_number, s.total, s.created_at, 1 AS linked FROM srv_sale_link k JOIN srv_sale s "
        "ON s.company_id = k.company_id AND s.id = k.sale_id WHERE k.company_id = ? AND k.customer_id = ? AND "
        "s.customer_id IS NULL) x ORDER BY created_at DESC, id DESC LIMIT ?"));
    q.bindValue(0, companyId);
    q.bindValue(1, customerId);
    q.bindValue(2, companyId);
    q.bindValue(3, customerId);
    q.bindValue(4, limit);
    if (Status s = exec(q); !s)
        return s.error();
    QList<Purchase> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
            q.value(4).toLongLong(), q.value(5).toInt() != 0});
    q.finish();
    return out;
}

Result<QList<ServerProjection::LedgerLine>> ServerProjection::pointsHistory(
    const QString& companyId, const QString& customerId, int limit)
{
    return ledgerHistory("srv_points_entry", "points", companyId, customerId, limit);
}

Result<QList<ServerProjection::LedgerLine>> ServerProjection::creditHistory(
    const QString& companyId, const QString& customerId, int limit)
{
    return ledgerHistory("srv_credit_entry", "amount", companyId, customerId, limit);
}

Result<QList<ServerProjection::LedgerLine>> ServerProjection::ledgerHistory(
    const char* table, const char* amount, const QString& companyId, const QString& customerId, int limit)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT id, kind, %1, reason, created_at FROM %2 WHERE company_id = ? AND "
                                           "customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                                .arg(QLatin1String(amount), QLatin1String(table)));
    q.bindValue(0, companyId);
    q.bindValue(1, customerId);
    q.bindValue(2, limit);
    if (Status s = exec(q); !s)
        return s.error();
    QList<LedgerLine> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toLongLong()});
    q.finish();
    return out;
}

Result<ServerProjection::CompanyStats> ServerProjection::stats(const QString& companyId, qint64 monthStartMs)
{
    CompanyStats out;
    QSqlQuery& c
        = prepared(QStringLiteral("SELECT COUNT(*), %1, %2, %3 FROM srv_customer WHERE company_id = ? AND deleted = 0")
                       .arg(sumOf("CASE WHEN status = 'active' THEN 1 ELSE 0 END"),
                           sumOf("CASE WHEN type IN ('member', 'vip') THEN 1 ELSE 0 END"),
                           sumOf("CASE WHEN created_at >= ? THEN 1 ELSE 0 END")));
    c.bindValue(0, monthStartMs);
    c.bindValue(1, companyId);
    if (Status s = exec(c); !s)
        return s.error();
    if (c.next()) {
        out.customers = c.value(0).toLongLong();
        out.active = c.value(1).toLongLong();
        out.members = c.value(2).toLongLong();
        out.newThisMonth = c.value(3).toLongLong();
    }
    c.finish();
    QSqlQuery& r = prepared(QStringLiteral("SELECT %1, %2 FROM srv_sale WHERE company_id = ?")
                                .arg(sumOf("total"), sumOf("CASE WHEN kind = 'sale' THEN 1 ELSE 0 END")));
    r.bindValue(0, companyId);
    if (Status s = exec(r); !s)
        return s.error();
    if (r.next()) {
        out.revenue = r.value(0).toLongLong();
        out.sales = r.value(1).toLongLong();
    }
    r.finish();
    QSqlQuery& b
        = prepared(QStringLiteral("SELECT %1, %2 FROM (SELECT SUM(amount) AS b FROM srv_credit_entry WHERE "
                                  "company_id = ? GROUP BY customer_id) x")
                       .arg(sumOf("CASE WHEN b > 0 THEN b ELSE 0 END"), sumOf("CASE WHEN b < 0 THEN -b ELSE 0 END")));
    b.bindValue(0, companyId);
    if (Status s = exec(b); !s)
        return s.error();
    if (b.next()) {
        out.creditTotal = b.value(0).toLongLong();
        out.debtTotal = b.value(1).toLongLong();
    }
    b.finish();
    return out;
}

Result<qint64> ServerProjection::takeCustomerNumber(const QString& companyId, qint64 first)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT next_value FROM srv_code_sequence WHERE company_id = ?"));
    q.bindValue(0, companyId);
    if (Status s = exec(q); !s)
        return s.error();
    const bool found = q.next();
    const qint64 number = found ? std::max(first, q.value(0).toLongLong()) : first;
    q.finish();
    QSqlQuery& w
        = prepared(found ? QStringLiteral("UPDATE srv_code_sequence SET next_value = ? WHERE company_id = ?")
                         : QStringLiteral("INSERT INTO srv_code_sequence (next_value, company_id) VALUES (?, ?)"));
    w.bindValue(0, number + 1);
    w.bindValue(1, companyId);
    if (Status s = exec(w); !s)
        return s.error();
    return number;
}

} // namespace kasir
