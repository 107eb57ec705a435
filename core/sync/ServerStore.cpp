#include "core/sync/ServerStore.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerValidator.h"
#include "core/domain/Ids.h"
#include "core/domain/PhoneNumber.h"
#include "core/services/PasswordHasher.h"
#include "core/services/UserService.h"
#include "core/sync/ServerProjection.h"
#include "core/sync/SyncPermissions.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlRecord>

namespace kasir {

namespace {

Q_LOGGING_CATEGORY(lcStore, "kasir.server.store")

QAtomicInteger<quint64> connectionCounter;

const int schemaVersion = 2;

QStringList schema()
{
    // Portable SQL: the same text on SQLite and PostgreSQL.
    return {
        QStringLiteral("CREATE TABLE srv_company (id TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL, "
                       "currency TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE srv_store (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES "
                       "srv_company(id), code TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL, "
                       "UNIQUE (company_id, code))"),
        // hlc: the stamp of the last change applied to the row, so that pushed changes that
        // arrive out of order leave the newest one.
        QStringLiteral("CREATE TABLE srv_user (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES "
                       "srv_company(id), username TEXT NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL, "
                       "active INTEGER NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL, "
                       "updated_at BIGINT NOT NULL, hlc TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX ux_srv_user_name ON srv_user (company_id, lower(username))"),
        QStringLiteral("CREATE TABLE srv_device (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES "
                       "srv_company(id), store_id TEXT NOT NULL REFERENCES srv_store(id), code TEXT NOT NULL, "
                       "name TEXT NOT NULL, site_id BIGINT NOT NULL UNIQUE, number INTEGER NOT NULL, "
                       "token_hash TEXT UNIQUE, enrol_hash TEXT UNIQUE, enrol_expires_at BIGINT, revoked_at BIGINT, "
                       "last_seen_at BIGINT, created_at BIGINT NOT NULL, UNIQUE (store_id, code), "
                       "UNIQUE (company_id, number))"),
        // The company's log: its last position and the newest stamp in it (the server's clock
        // follows it before stamping an op of its own for the company).
        QStringLiteral("CREATE TABLE sync_head (company_id TEXT PRIMARY KEY REFERENCES srv_company(id), "
                       "seq BIGINT NOT NULL, hlc TEXT NOT NULL DEFAULT '')"),
        // A user's role and active flag over time, each set by the change stamped `hlc`: an op
        // is judged by what its author was allowed when they made it, so a cashier's offline
        // sales still count after they are deactivated, and a change that arrives late does not
        // undo a newer one.
        QStringLiteral("CREATE TABLE srv_user_state (user_id TEXT NOT NULL REFERENCES srv_user(id), hlc TEXT NOT NULL, "
                       "role TEXT, active INTEGER, PRIMARY KEY (user_id, hlc))"),
        QStringLiteral("CREATE TABLE sync_op (op_id TEXT PRIMARY KEY, company_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                       "device_id TEXT, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL, "
                       "action TEXT NOT NULL, fields TEXT NOT NULL, hlc TEXT NOT NULL, actor_id TEXT, "
                       "created_at BIGINT NOT NULL, received_at BIGINT NOT NULL, digest TEXT NOT NULL, "
                       "UNIQUE (company_id, seq))"),
        QStringLiteral("CREATE INDEX ix_sync_op_entity ON sync_op (company_id, entity_id)"),
        QStringLiteral("CREATE TABLE sync_rejection (op_id TEXT PRIMARY KEY, company_id TEXT NOT NULL, "
                       "device_id TEXT NOT NULL, digest TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, "
                       "received_at BIGINT NOT NULL)"),
    };
}

// Version 2: the server's projection of the customers (ServerProjection) and API keys.
QStringList schemaV2()
{
    QStringList out = ServerProjection::schema();
    out << QStringLiteral("CREATE TABLE srv_api_key (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES "
                          "srv_company(id), user_id TEXT NOT NULL REFERENCES srv_user(id), key_hash TEXT NOT NULL "
                          "UNIQUE, created_at BIGINT NOT NULL, revoked_at BIGINT, last_used_at BIGINT)");
    return out;
}

QString sha256(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Ten characters people can read out and type without confusing 0/O or 1/I/L.
QString randomEnrolmentCode()
{
    static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 10; ++i) {
        if (i == 5)
            code.append(u'-');
        code.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    }
    return code;
}

QString normaliseCode(const QString& code)
{
    QString out;
    for (QChar c : code) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    }
    return out;
}

// "host=db1 port=5432 dbname=kasir user=kasir password='x y'" as pairs.
Result<QList<std::pair<QString, QString>>> parseConninfo(const QString& text)
{
    QList<std::pair<QString, QString>> pairs;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype eq = text.indexOf(u'=', i);
        if (eq < 0)
            return Error::invalidField(QStringLiteral("pg"), QStringLiteral("invalid_conninfo"),
                ServerStore::tr("expected key=value pairs such as \"host=localhost dbname=kasir\""));
        const QString key = text.mid(i, eq - i).trimmed();
        i = eq + 1;
        QString value;
        if (i < n && text[i] == u'\'') {
            ++i;
            while (i < n && text[i] != u'\'') {
                if (text[i] == u'\\' && i + 1 < n)
                    ++i;
                value.append(text[i++]);
            }
            if (i >= n)
                return Error::invalidField(
                    QStringLiteral("pg"), QStringLiteral("invalid_conninfo"), ServerStore::tr("a quote is not closed"));
            ++i;
        } else {
            while (i < n && !text[i].isSpace())
                value.append(text[i++]);
        }
        pairs.append({key, value});
    }
    return pairs;
}

} // namespace

ServerStore::ServerStore(QSqlDatabase db, bool pg, const Clock& clock)
    : m_db(std::move(db))
    , m_connection(m_db.connectionName())
    , m_pg(pg)
    , m_clock(clock)
    , m_hlc(std::make_unique<HybridLogicalClock>(clock, serverSiteId))
    , m_statements(std::make_unique<ServerStatements>(m_db))
    , m_projection(std::make_unique<ServerProjection>(m_db, *m_statements))
{ }

ServerStore::~ServerStore()
{
    m_projection.reset();
    m_statements.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<ServerStore>> ServerStore::openSqlite(const QString& path, const Clock& clock)
{
    const QString name = QStringLiteral("kasir-server-%1").arg(++connectionCounter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    std::unique_ptr<ServerStore> store(new ServerStore(std::move(db), false, clock));
    if (!store->m_db.open())
        return Error::other(
            QStringLiteral("database"), tr("could not open %1: %2").arg(path, store->m_db.lastError().text()));
    // The page cache holds the indexes a push writes into (a company's customers, words and
    // op log): at SQLite's default of 2 MB every push batch read and spilled index pages.
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
             "PRAGMA cache_size = -262144"}) {
        QSqlQuery q(store->m_db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return store->errorOf(q);
    }
    if (Status s = store->migrate(); !s)
        return s.error();
    return store;
}

Result<std::unique_ptr<ServerStore>> ServerStore::openPostgres(const QString& conninfo, const Clock& clock)
{
    auto pairs = parseConninfo(conninfo);
    if (!pairs)
        return pairs.error();
    const QString name = QStringLiteral("kasir-server-%1").arg(++connectionCounter);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error::other(QStringLiteral("no_driver"),
            tr("the PostgreSQL driver (QPSQL) is not installed; on Debian: apt install libqt6sql6-psql"));
    }
    QStringList options;
    for (const auto& [key, value] : *pairs) {
        if (key == u"host" || key == u"hostaddr")
            db.setHostName(value);
        else if (key == u"port")
            db.setPort(value.toInt());
        else if (key == u"dbname")
            db.setDatabaseName(value);
        else if (key == u"user")
            db.setUserName(value);
        else if (key == u"password")
            db.setPassword(value);
        else
            options << key + u'=' + value;
    }
    db.setConnectOptions(options.join(u';'));
    std::unique_ptr<ServerStore> store(new ServerStore(std::move(db), true, clock));
    if (!store->m_db.open())
        return Error::other(QStringLiteral("database"),
            tr("could not connect to PostgreSQL (%1): %2").arg(conninfo, store->m_db.lastError().text()));
    store->setUpSession();
    if (Status s = store->migrate(); !s)
        return s.error();
    return store;
}

void ServerStore::setUpSession()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    // Each statement is planned for the values it runs with. A prepared statement's generic
    // plan is made once, while the tables are small; later, with a company's log in the
    // tens of thousands, it scanned every row of the company for a list of ids
    // ("entity_id IN (...)"): a push ran at 712 ops/s at 30,000 customers, 3,226 without.
    if (!q.exec(QStringLiteral("SET plan_cache_mode = force_custom_plan")))
        qCWarning(lcStore).noquote() << "pushes slow down as the log grows on this PostgreSQL (before 12?):"
                                     << q.lastError().text();
}

QString ServerStore::describe() const
{
    return m_pg ? QStringLiteral("PostgreSQL %1/%2").arg(m_db.hostName(), m_db.databaseName())
                : QStringLiteral("SQLite %1").arg(m_db.databaseName());
}

QSqlQuery& ServerStore::prepared(const QString& sql)
{
    return m_statements->prepared(sql);
}

Error ServerStore::errorOf(const QSqlQuery& q) const
{
    return m_statements->errorOf(q);
}

Status ServerStore::exec(QSqlQuery& q)
{
    return m_statements->exec(q);
}

Status ServerStore::begin()
{
    // Transaction control is never a prepared statement (PostgreSQL cannot prepare it).
    QSqlQuery q(m_db);
    if (!q.exec(m_pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))) {
        if (!m_pg)
            return errorOf(q);
        // PostgreSQL restarted or the connection dropped: connect again once, with fresh
        // statements (the projection's too), before giving up.
        m_statements->clear();
        m_db.close();
        QSqlQuery retry(m_db);
        if (!m_db.open())
            return Error::other(QStringLiteral("database"),
                tr("could not connect to PostgreSQL again: %1").arg(m_db.lastError().text()));
        setUpSession();
        if (!retry.exec(QStringLiteral("BEGIN")))
            return errorOf(retry);
    }
    m_inTransaction = true;
    return Done {};
}

Status ServerStore::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = errorOf(q);
        rollback();
        return e;
    }
    m_inTransaction = false;
    return Done {};
}

void ServerStore::rollback()
{
    if (!m_inTransaction)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

Status ServerStore::migrate()
{
    QSqlQuery q(m_db);
    // Two server processes starting on an empty PostgreSQL may both create the table; the
    // one that loses sees it made, on a second try.
    const QString meta
        = QStringLiteral("CREATE TABLE IF NOT EXISTS srv_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    if (!q.exec(meta) && !q.exec(meta))
        return errorOf(q);
    if (Status s = begin(); !s)
        return s;
    // Another server process may have made the schema while this one waited for the lock.
    if (m_pg && !q.exec(QStringLiteral("LOCK TABLE srv_meta IN EXCLUSIVE MODE"))) {
        rollback();
        return errorOf(q);
    }
    if (!q.exec(QStringLiteral("SELECT value FROM srv_meta WHERE key = 'schema'"))) {
        rollback();
        return errorOf(q);
    }
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (version > schemaVersion) {
        rollback();
        return Error::other(QStringLiteral("schema_too_new"),
            tr("the database was made by a newer kasir-server (schema %1, this one knows %2)")
                .arg(version)
                .arg(schemaVersion));
    }
    if (version == 0) {
        QStringList statements = schema();
        statements << QStringLiteral("INSERT INTO srv_meta (key, value) VALUES ('schema', '1')");
        for (const QString& sql : std::as_const(statements)) {
            if (!q.exec(sql)) {
                const Error e = errorOf(q);
                rollback();
                return e;
            }
        }
    }
    if (version < 2) {
        // A database of version 1 has a log already: the projection is made from it.
        QStringList statements = schemaV2();
        statements << QStringLiteral("UPDATE srv_meta SET value = '2' WHERE key = 'schema'");
        for (const QString& sql : std::as_const(statements)) {
            if (!q.exec(sql)) {
                const Error e = errorOf(q);
                rollback();
                return e;
            }
        }
        if (version == 1) {
            if (Status s = m_projection->rebuild(); !s) {
                rollback();
                return s;
            }
        }
    }
    // The clock starts after every stamp the server has stored.
    if (!q.exec(QStringLiteral("SELECT MAX(hlc) FROM sync_head"))) {
        rollback();
        return errorOf(q);
    }
    if (q.next()) {
        bool ok = false;
        const Hlc last = Hlc::fromString(q.value(0).toString(), &ok);
        if (ok)
            m_hlc->restore(last);
    }
    q.finish();
    QSqlQuery c(m_db);
    if (!c.exec(QStringLiteral("COMMIT"))) {
        const Error e = errorOf(c);
        rollback();
        return e;
    }
    m_inTransaction = false;
    return Done {};
}

Hlc ServerStore::tick()
{
    return m_hlc->tick();
}

Result<qint64> ServerStore::lockHead(const QString& companyId)
{
    QSqlQuery& q = prepared(m_pg ? QStringLiteral("SELECT seq, hlc FROM sync_head WHERE company_id = ? FOR UPDATE")
                                 : QStringLiteral("SELECT seq, hlc FROM sync_head WHERE company_id = ?"));
    q.bindValue(0, companyId);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(tr("company %1 does not exist on this server").arg(companyId));
    const qint64 seq = q.value(0).toLongLong();
    bool ok = false;
    const Hlc newest = Hlc::fromString(q.value(1).toString(), &ok);
    q.finish();
    // Another server process may have stamped newer ops of this company.
    if (ok)
        m_hlc->observe(newest);
    return seq;
}

Status ServerStore::setHead(const QString& companyId, qint64 seq)
{
    QSqlQuery& q = prepared(QStringLiteral("UPDATE sync_head SET seq = ?, hlc = ? WHERE company_id = ? AND hlc <= ?"));
    const QString stamp = m_hlc->last().toString();
    q.bindValue(0, seq);
    q.bindValue(1, stamp);
    q.bindValue(2, companyId);
    q.bindValue(3, stamp);
    if (Status s = exec(q); !s)
        return s;
    if (q.numRowsAffected() == 1)
        return Done {};
    QSqlQuery& seqOnly = prepared(QStringLiteral("UPDATE sync_head SET seq = ? WHERE company_id = ?"));
    seqOnly.bindValue(0, seq);
    seqOnly.bindValue(1, companyId);
    return exec(seqOnly);
}

Status ServerStore::appendOps(const QList<const SyncOp*>& ops, qint64 first, const QString& deviceId,
    const QList<QString>& digests, const QList<QString>& fieldsTexts)
{
    constexpr int perStatement = 64;
    const qint64 now = m_clock.nowMs();
    for (qsizetype start = 0; start < ops.size(); start += perStatement) {
        const int rows = static_cast<int>(std::min<qsizetype>(perStatement, ops.size() - start));
        QString sql = QStringLiteral("INSERT INTO sync_op (op_id, company_id, seq, device_id, entity, entity_id, op, "
                                     "action, fields, hlc, actor_id, created_at, received_at, digest) VALUES ");
        for (int r = 0; r < rows; ++r)
            sql += r == 0 ? QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                          : QStringLiteral(",(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        QSqlQuery& q = prepared(sql);
        int b = 0;
        for (int r = 0; r < rows; ++r) {
            const SyncOp& op = *ops[start + r];
            q.bindValue(b++, op.id);
            q.bindValue(b++, op.companyId);
            q.bindValue(b++, first + start + r);
            q.bindValue(b++, deviceId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(deviceId));
            q.bindValue(b++, op.entity);
            q.bindValue(b++, op.entityId);
            q.bindValue(b++, SyncOp::kindName(op.kind));
            q.bindValue(b++, op.action.isEmpty() ? QStringLiteral("update") : op.action);
            q.bindValue(b++, fieldsTexts[start + r]);
            q.bindValue(b++, op.hlc.toString());
            q.bindValue(b++, op.actorId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(op.actorId));
            q.bindValue(b++, op.createdAt);
            q.bindValue(b++, now);
            q.bindValue(b++, digests[start + r]);
        }
        if (Status s = exec(q); !s)
            return s;
    }
    return Done {};
}

Status ServerStore::writeServerOp(const QString& companyId, const QString& entity, const QString& entityId,
    const QJsonObject& fields, const QString& action, const QString& actorId)
{
    auto head = lockHead(companyId);
    if (!head)
        return head.error();
    SyncOp op;
    op.id = Ids::newId(m_clock.nowMs());
    op.companyId = companyId;
    op.entity = entity;
    op.entityId = entityId;
    op.kind = SyncOp::Kind::Upsert;
    op.action = action;
    op.fields = fields;
    op.hlc = tick();
    op.actorId = actorId;
    op.createdAt = m_clock.nowMs();
    if (Status s = m_projection->apply(op); !s)
        return s;
    const QString fieldsText = op.fieldsText();
    if (Status s = appendOps({&op}, *head + 1, QString(), {sha256(op.contentDigest(fieldsText))}, {fieldsText}); !s)
        return s;
    return setHead(companyId, *head + 1);
}

Result<Company> ServerStore::createCompany(const QString& name, const QString& region, const QString& currency)
{
    QList<FieldError> errors;
    const QString clean = CustomerValidator::cleanLine(name);
    if (clean.isEmpty())
        errors << FieldError {QStringLiteral("name"), QStringLiteral("required"), tr("is required")};
    else if (clean.size() > 255)
        errors << FieldError {QStringLiteral("name"), QStringLiteral("too_long"), tr("must be at most 255 characters")};
    const QString r = region.trimmed().toUpper();
    if (!PhoneNumber::isKnownRegion(r))
        errors << FieldError {QStringLiteral("region"), QStringLiteral("unknown_region"),
            tr("must be a two-letter country code such as ID, KE or IN")};
    const QString c = currency.trimmed().toUpper();
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyPattern.match(c).hasMatch())
        errors << FieldError {QStringLiteral("currency"), QStringLiteral("invalid_currency"),
            tr("must be a three-letter ISO 4217 code such as IDR, KES or INR")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const qint64 now = m_clock.nowMs();
    const Company company {Ids::newId(now), clean, r, c, now, now};
    if (Status s = begin(); !s)
        return s.error();
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO srv_company (id, name, region, currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, company.id);
    q.bindValue(1, company.name);
    q.bindValue(2, company.defaultRegion);
    q.bindValue(3, company.currency);
    q.bindValue(4, now);
    q.bindValue(5, now);
    QSqlQuery& h = prepared(QStringLiteral("INSERT INTO sync_head (company_id, seq) VALUES (?, 0)"));
    h.bindValue(0, company.id);
    Status s = exec(q);
    if (s)
        s = exec(h);
    if (s)
        s = writeServerOp(company.id, QStringLiteral("company"), company.id,
            {{QStringLiteral("name"), company.name}, {QStringLiteral("defaultRegion"), r},
                {QStringLiteral("currency"), c}});
    if (s)
        s = commit();
    if (!s) {
        rollback();
        return s.error();
    }
    return company;
}

Result<std::optional<Company>> ServerStore::company(const QString& id)
{
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT id, name, region, currency, created_at, updated_at FROM srv_company WHERE id = ?"));
    q.bindValue(0, id);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Company>();
    Company c {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toLongLong(), q.value(5).toLongLong()};
    q.finish();
    return std::optional<Company>(c);
}

Result<QList<Company>> ServerStore::companies()
{
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT id, name, region, currency, created_at, updated_at FROM srv_company ORDER BY name, id"));
    if (Status s = exec(q); !s)
        return s.error();
    QList<Company> out;
    while (q.next())
        out.append(Company {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toLongLong()});
    return out;
}

Result<std::optional<Store>> ServerStore::store(const QString& id)
{
    QSqlQuery& q
        = prepared(QStringLiteral("SELECT id, company_id, code, name, created_at FROM srv_store WHERE id = ?"));
    q.bindValue(0, id);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Store>();
    Store st {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toLongLong()};
    q.finish();
    return std::optional<Store>(st);
}

Result<Store> ServerStore::createStore(const QString& companyId, const QString& code, const QString& name)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("company %1 does not exist on this server").arg(companyId));
    QList<FieldError> errors;
    const QString c = code.trimmed().toUpper();
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9][A-Z0-9-]{0,15}$"));
    if (!codePattern.match(c).hasMatch())
        errors << FieldError {QStringLiteral("code"), QStringLiteral("invalid_code"),
            tr("must be 1 to 16 letters A-Z, digits or dashes, such as S02")};
    const QString clean = CustomerValidator::cleanLine(name);
    if (clean.isEmpty())
        errors << FieldError {QStringLiteral("name"), QStringLiteral("required"), tr("is required")};
    else if (clean.size() > 255)
        errors << FieldError {QStringLiteral("name"), QStringLiteral("too_long"), tr("must be at most 255 characters")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const qint64 now = m_clock.nowMs();
    const Store st {Ids::newId(now), companyId, c, clean, now};
    if (Status s = begin(); !s)
        return s.error();
    QSqlQuery& dup = prepared(QStringLiteral("SELECT 1 FROM srv_store WHERE company_id = ? AND code = ?"));
    dup.bindValue(0, companyId);
    dup.bindValue(1, c);
    Status s = exec(dup);
    if (s && dup.next()) {
        dup.finish();
        rollback();
        return Error::conflict(QStringLiteral("code"), QStringLiteral("duplicate_code"),
            tr("store %1 already exists in this company").arg(c));
    }
    dup.finish();
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO srv_store (id, company_id, code, name, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.bindValue(0, st.id);
    q.bindValue(1, st.companyId);
    q.bindValue(2, st.code);
    q.bindValue(3, st.name);
    q.bindValue(4, now);
    if (s)
        s = exec(q);
    if (s)
        s = writeServerOp(companyId, QStringLiteral("store"), st.id,
            {{QStringLiteral("code"), st.code}, {QStringLiteral("name"), st.name}});
    if (s)
        s = commit();
    if (!s) {
        rollback();
        return s.error();
    }
    return st;
}

Result<User> ServerStore::createUser(
    const QString& companyId, const QString& username, const QString& displayName, Role role, const QString& password)
{
    auto company = this->company(companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("company %1 does not exist on this server").arg(companyId));
    QList<FieldError> errors;
    if (auto e = UserService::checkUsername(username))
        errors << *e;
    if (auto e = UserService::checkPassword(password))
        errors << *e;
    QString shown = CustomerValidator::cleanLine(displayName);
    if (shown.isEmpty())
        shown = username.trimmed();
    if (shown.size() > 255)
        errors << FieldError {
            QStringLiteral("displayName"), QStringLiteral("too_long"), tr("must be at most 255 characters")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return Error::other(QStringLiteral("hash_failed"), tr("could not hash the password (out of memory?)"));
    const qint64 now = m_clock.nowMs();
    const User user {Ids::newId(now), companyId, username.trimmed(), shown, role, true, now, now};
    if (Status s = begin(); !s)
        return s.error();
    QSqlQuery& dup = prepared(QStringLiteral("SELECT 1 FROM srv_user WHERE company_id = ? AND lower(username) = ?"));
    dup.bindValue(0, companyId);
    dup.bindValue(1, user.username.toLower());
    Status s = exec(dup);
    if (s && dup.next()) {
        dup.finish();
        rollback();
        return Error::conflict(QStringLiteral("username"), QStringLiteral("duplicate_username"),
            tr("%1 is already a user of this company").arg(user.username));
    }
    dup.finish();
    const Hlc stamp = tick();
    QSqlQuery& q
        = prepared(QStringLiteral("INSERT INTO srv_user (id, company_id, username, display_name, role, active, "
                                  "password_hash, created_at, updated_at, hlc) VALUES (?, ?, ?, ?, ?, 1, ?, "
                                  "?, ?, ?)"));
    q.bindValue(0, user.id);
    q.bindValue(1, companyId);
    q.bindValue(2, user.username);
    q.bindValue(3, user.displayName);
    q.bindValue(4, Roles::toString(role));
    q.bindValue(5, hash);
    q.bindValue(6, now);
    q.bindValue(7, now);
    q.bindValue(8, stamp.toString());
    if (s)
        s = exec(q);
    if (s)
        s = recordUserState(
            user.id, stamp, {{QStringLiteral("role"), Roles::toString(role)}, {QStringLiteral("active"), true}});
    if (s)
        s = writeServerOp(companyId, QStringLiteral("user"), user.id,
            {{QStringLiteral("username"), user.username}, {QStringLiteral("displayName"), user.displayName},
                {QStringLiteral("role"), Roles::toString(role)}, {QStringLiteral("passwordHash"), hash},
                {QStringLiteral("active"), true}});
    if (s)
        s = commit();
    if (!s) {
        rollback();
        return s.error();
    }
    return user;
}

Result<std::optional<ServerStore::Device>> ServerStore::deviceBy(const char* column, const QString& value)
{
    QSqlQuery& q
        = prepared(QStringLiteral("SELECT id, company_id, store_id, code, name, site_id, number, created_at, "
                                  "last_seen_at, revoked_at, token_hash IS NOT NULL FROM srv_device WHERE %1 = ?")
                       .arg(QLatin1String(column)));
    q.bindValue(0, value);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Device>();
    Device d;
    d.id = q.value(0).toString();
    d.companyId = q.value(1).toString();
    d.storeId = q.value(2).toString();
    d.code = q.value(3).toString();
    d.name = q.value(4).toString();
    d.siteId = static_cast<quint32>(q.value(5).toLongLong());
    d.number = q.value(6).toInt();
    d.createdAt = q.value(7).toLongLong();
    d.lastSeenAt = q.value(8).toLongLong();
    d.revokedAt = q.value(9).toLongLong();
    d.enrolled = q.value(10).toBool();
    q.finish();
    return std::optional<Device>(d);
}

Result<ServerStore::Registration> ServerStore::registerTerminal(
    const QString& storeId, const QString& name, bool issueToken)
{
    auto st = store(storeId);
    if (!st)
        return st.error();
    if (!st->has_value())
        return Error::notFound(tr("store %1 does not exist on this server").arg(storeId));
    const QString clean = CustomerValidator::cleanLine(name);
    if (clean.size() > 255)
        return Error::invalidField(
            QStringLiteral("name"), QStringLiteral("too_long"), tr("must be at most 255 characters"));
    const qint64 now = m_clock.nowMs();
    Registration out;
    Device& d = out.device;
    d.id = Ids::newId(now);
    d.companyId = (*st)->companyId;
    d.storeId = storeId;
    d.createdAt = now;
    if (Status s = begin(); !s)
        return s.error();
    auto fail = [this](const Error& e) {
        rollback();
        return e;
    };
    // Numbers and codes are handed out under the company's log lock, so two registrations
    // at once cannot get the same.
    if (auto head = lockHead(d.companyId); !head)
        return fail(head.error());
    QSqlQuery& n = prepared(QStringLiteral("SELECT COALESCE(MAX(number), 0) + 1 FROM srv_device WHERE company_id = ?"));
    n.bindValue(0, d.companyId);
    if (Status s = exec(n); !s || !n.next())
        return fail(s ? errorOf(n) : s.error());
    d.number = n.value(0).toInt();
    n.finish();
    QSqlQuery& c = prepared(QStringLiteral("SELECT code FROM srv_device WHERE store_id = ?"));
    c.bindValue(0, storeId);
    if (Status s = exec(c); !s)
        return fail(s.error());
    QSet<QString> codes;
    while (c.next())
        codes.insert(c.value(0).toString());
    for (int i = 1;; ++i) {
        d.code = QStringLiteral("T%1").arg(i, 2, 10, QLatin1Char('0'));
        if (!codes.contains(d.code))
            break;
    }
    d.name = clean.isEmpty() ? tr("Counter %1").arg(d.number) : clean;
    for (int attempt = 0;; ++attempt) {
        d.siteId = QRandomGenerator::system()->bounded(1u, 0x7FFFFFFFu);
        auto taken = deviceBy("site_id", QString::number(d.siteId));
        if (!taken)
            return fail(taken.error());
        if (!taken->has_value())
            break;
        if (attempt > 16)
            return fail(Error::other(QStringLiteral("site_id"), tr("could not find a free site id")));
    }
    QVariant tokenHash(QMetaType(QMetaType::QString));
    QVariant enrolHash(QMetaType(QMetaType::QString));
    QVariant enrolExpires(QMetaType(QMetaType::LongLong));
    if (issueToken) {
        out.token = randomToken();
        tokenHash = sha256(out.token);
        d.enrolled = true;
    } else {
        out.enrolmentCode = randomEnrolmentCode();
        enrolHash = sha256(normaliseCode(out.enrolmentCode));
        enrolExpires = now + 24LL * 3600 * 1000;
    }
    QSqlQuery& q
        = prepared(QStringLiteral("INSERT INTO srv_device (id, company_id, store_id, code, name, site_id, "
                                  "number, token_hash, enrol_hash, enrol_expires_at, created_at) VALUES (?, ?, "
                                  "?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, d.id);
    q.bindValue(1, d.companyId);
    q.bindValue(2, d.storeId);
    q.bindValue(3, d.code);
    q.bindValue(4, d.name);
    q.bindValue(5, static_cast<qint64>(d.siteId));
    q.bindValue(6, d.number);
    q.bindValue(7, tokenHash);
    q.bindValue(8, enrolHash);
    q.bindValue(9, enrolExpires);
    q.bindValue(10, now);
    if (Status s = exec(q); !s)
        return fail(s.error());
    if (Status s = writeServerOp(d.companyId, QStringLiteral("terminal"), d.id,
            {{QStringLiteral("storeId"), d.storeId}, {QStringLiteral("code"), d.code}, {QStringLiteral("name"), d.name},
                {QStringLiteral("siteId"), static_cast<qint64>(d.siteId)}});
        !s)
        return fail(s.error());
    if (Status s = commit(); !s)
        return s.error();
    return out;
}

Status ServerStore::revokeTerminal(const QString& deviceId)
{
    QSqlQuery& q = prepared(QStringLiteral("UPDATE srv_device SET revoked_at = ?, token_hash = NULL, enrol_hash = NULL "
                                           "WHERE id = ? AND revoked_at IS NULL"));
    q.bindValue(0, m_clock.nowMs());
    q.bindValue(1, deviceId);
    if (Status s = exec(q); !s)
        return s;
    if (q.numRowsAffected() == 0) {
        auto d = deviceBy("id", deviceId);
        if (!d)
            return d.error();
        if (!d->has_value())
            return Error::notFound(tr("terminal %1 is not registered on this server").arg(deviceId));
    }
    return Done {};
}

Result<QList<ServerStore::Device>> ServerStore::terminals(const QString& companyId)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT id FROM srv_device WHERE company_id = ? ORDER BY number"));
    q.bindValue(0, companyId);
    if (Status s = exec(q); !s)
        return s.error();
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    QList<Device> out;
    for (const QString& id : std::as_const(ids)) {
        auto d = deviceBy("id", id);
        if (!d)
            return d.error();
        if (d->has_value())
            out.append(**d);
    }
    return out;
}

Result<ServerStore::Enrolment> ServerStore::enrol(const QString& code)
{
    const QString normal = normaliseCode(code);
    if (normal.isEmpty() || normal.size() > 32)
        return Error::invalidField(QStringLiteral("code"), QStringLiteral("invalid_code"),
            tr("must be the enrolment code kasir-server printed, such as ABCDE-23456"));
    if (Status s = begin(); !s)
        return s.error();
    auto fail = [this](const Error& e) {
        rollback();
        return e;
    };
    auto device = deviceBy("enrol_hash", sha256(normal));
    if (!device)
        return fail(device.error());
    QSqlQuery& exp = prepared(QStringLiteral("SELECT enrol_expires_at FROM srv_device WHERE enrol_hash = ?"));
    exp.bindValue(0, sha256(normal));
    if (Status s = exec(exp); !s)
        return fail(s.error());
    const qint64 expires = exp.next() ? exp.value(0).toLongLong() : 0;
    exp.finish();
    if (!device->has_value() || (*device)->revokedAt != 0 || expires < m_clock.nowMs())
        return fail(Error::permissionDenied(tr("the enrolment code is unknown, used or expired")));
    Enrolment out;
    out.device = **device;
    out.token = randomToken();
    out.device.enrolled = true;
    // Only while the code is still there: of two exchanges of one code at once (on two
    // server processes), one gets the token and the other a refusal.
    QSqlQuery& q = prepared(QStringLiteral("UPDATE srv_device SET token_hash = ?, enrol_hash = NULL, enrol_expires_at "
                                           "= NULL, last_seen_at = ? WHERE id = ? AND enrol_hash = ?"));
    q.bindValue(0, sha256(out.token));
    q.bindValue(1, m_clock.nowMs());
    q.bindValue(2, out.device.id);
    q.bindValue(3, sha256(normal));
    if (Status s = exec(q); !s)
        return fail(s.error());
    if (q.numRowsAffected() != 1)
        return fail(Error::permissionDenied(tr("the enrolment code is unknown, used or expired")));
    auto company = this->company(out.device.companyId);
    auto st = store(out.device.storeId);
    if (!company || !st)
        return fail(!company ? company.error() : st.error());
    if (!company->has_value() || !st->has_value())
        return fail(Error::notFound(tr("the terminal's company or store is missing")));
    out.company = **company;
    out.store = **st;
    if (Status s = commit(); !s)
        return s.error();
    return out;
}

Result<ServerStore::Device> ServerStore::authenticate(const QString& token)
{
    if (token.isEmpty() || token.size() > 128)
        return Error::notFound(tr("no valid device token"));
    auto device = deviceBy("token_hash", sha256(token));
    if (!device)
        return device.error();
    if (!device->has_value() || (*device)->revokedAt != 0)
        return Error::notFound(tr("the device token is unknown or revoked"));
    Device d = **device;
    // Last seen to the minute: a write per request would serialise every request on SQLite.
    const qint64 now = m_clock.nowMs();
    if (now - d.lastSeenAt > 60000) {
        QSqlQuery& q = prepared(QStringLiteral("UPDATE srv_device SET last_seen_at = ? WHERE id = ?"));
        q.bindValue(0, now);
        q.bindValue(1, d.id);
        if (Status s = exec(q); !s)
            return s.error();
        d.lastSeenAt = now;
    }
    return d;
}

QString ServerStore::statusName(OpResult::Status status)
{
    switch (status) {
    case OpResult::Status::Applied:
        return QStringLiteral("applied");
    case OpResult::Status::Duplicate:
        return QStringLiteral("duplicate");
    case OpResult::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

Result<std::optional<ServerStore::Account>> ServerStore::account(const QString& companyId, const QString& userId)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT username FROM srv_user WHERE id = ? AND company_id = ?"));
    q.bindValue(0, userId);
    q.bindValue(1, companyId);
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return std::optional<Account>();
    Account account;
    account.username = q.value(0).toString();
    q.finish();
    QSqlQuery& h
        = prepared(QStringLiteral("SELECT hlc, role, active FROM srv_user_state WHERE user_id = ? ORDER BY hlc"));
    h.bindValue(0, userId);
    if (Status s = exec(h); !s)
        return s.error();
    while (h.next()) {
        Account::State st;
        st.hlc = h.value(0).toString();
        if (!h.value(1).isNull())
            st.role = Roles::parse(h.value(1).toString());
        if (!h.value(2).isNull())
            st.active = h.value(2).toInt() != 0;
        account.states.append(st);
    }
    return std::optional<Account>(account);
}

std::pair<Role, bool> ServerStore::Account::at(const QString& hlc) const
{
    // Each of role and active as the newest change stamped at or before `hlc` set it; an op
    // older than every change (made before the server heard of the user) takes the first.
    std::optional<Role> role;
    std::optional<bool> active;
    for (const State& st : states) {
        if (st.hlc > hlc && role && active)
            break;
        if (st.hlc <= hlc || !role)
            role = st.role ? st.role : role;
        if (st.hlc <= hlc || !active)
            active = st.active.has_value() ? st.active : active;
    }
    return {role.value_or(Role::Cashier), active.value_or(false)};
}

std::optional<ServerStore::OpResult> ServerStore::check(
    const Device& device, const SyncOp& op, bool exists, QHash<QString, std::optional<Account>>& accounts)
{
    auto reject = [&op](const QString& code, const QString& message) {
        return OpResult {op.id, OpResult::Status::Rejected, 0, code, message};
    };
    if (op.companyId != device.companyId)
        return reject(QStringLiteral("wrong_company"), tr("the op belongs to another company than the terminal"));
    if (op.entity == u"terminal")
        return reject(QStringLiteral("server_only"), tr("terminals are registered on the server, not by sync"));
    const auto needed = SyncPermissions::required(op, exists);
    if (!needed)
        return reject(QStringLiteral("unknown_entity"), tr("the server does not know entity %1").arg(op.entity));
    if (op.actorId.isEmpty())
        return reject(QStringLiteral("no_actor"), tr("every op must name the user who made it"));
    auto it = accounts.find(op.actorId);
    if (it == accounts.end()) {
        auto found = account(device.companyId, op.actorId);
        it = accounts.insert(op.actorId, found ? *found : std::optional<Account>());
    }
    if (!it->has_value())
        return reject(QStringLiteral("unknown_user"), tr("user %1 is not a user of this company").arg(op.actorId));
    // Judged by what the user was allowed when they made the change.
    const auto [role, active] = (*it)->at(op.hlc.toString());
    if (!active)
        return reject(QStringLiteral("user_inactive"), tr("user %1 was deactivated").arg((*it)->username));
    for (Permission p : *needed) {
        if (!Roles::allows(role, p))
            return reject(QStringLiteral("forbidden"),
                tr("a %1 may not change %2 (%3)").arg(Roles::displayName(role).toLower(), op.entity, op.action));
    }
    // Rows the server keeps itself must belong to the terminal's company.
    if (op.entity == u"company" && op.entityId != device.companyId)
        return reject(QStringLiteral("wrong_company"), tr("the op changes another company"));
    for (const char* table : {"srv_user", "srv_store"}) {
        if (op.entity != (qstrcmp(table, "srv_user") == 0 ? u"user" : u"store"))
            continue;
        QSqlQuery& q = prepared(QStringLiteral("SELECT company_id FROM %1 WHERE id = ?").arg(QLatin1String(table)));
        q.bindValue(0, op.entityId);
        const bool other = q.exec() && q.next() && q.value(0).toString() != device.companyId;
        q.finish();
        if (other)
            return reject(QStringLiteral("wrong_company"), tr("the op changes a row of another company"));
    }
    return std::nullopt;
}

Status ServerStore::recordUserState(const QString& userId, const Hlc& hlc, const QJsonObject& fields)
{
    const QJsonValue role = fields.value(QStringLiteral("role"));
    const QJsonValue active = fields.value(QStringLiteral("active"));
    const bool setsRole = role.isString() && Roles::parse(role.toString()).has_value();
    const bool setsActive = active.isBool();
    if (!setsRole && !setsActive)
        return Done {};
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO srv_user_state (user_id, hlc, role, active) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bindValue(0, userId);
    q.bindValue(1, hlc.toString());
    q.bindValue(2,
        setsRole ? QVariant(Roles::toString(*Roles::parse(role.toString()))) : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(3, setsActive ? QVariant(active.toBool() ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)));
    if (Status s = exec(q); !s)
        return s;
    // The row's own columns say what holds now: each field's newest change.
    QSqlQuery& c = prepared(QStringLiteral("SELECT company_id FROM srv_user WHERE id = ?"));
    c.bindValue(0, userId);
    if (Status s = exec(c); !s)
        return s;
    const QString company = c.next() ? c.value(0).toString() : QString();
    c.finish();
    auto current = account(company, userId);
    if (!current)
        return current.error();
    if (!current->has_value())
        return Done {};
    const auto [r, on] = (*current)->at(QStringLiteral("~")); // after every stamp
    QSqlQuery& u = prepared(QStringLiteral("UPDATE srv_user SET role = ?, active = ? WHERE id = ?"));
    u.bindValue(0, Roles::toString(r));
    u.bindValue(1, on ? 1 : 0);
    u.bindValue(2, userId);
    return exec(u);
}

Status ServerStore::reflect(const SyncOp& op)
{
    if (Status s = m_projection->apply(op); !s)
        return s;
    const qint64 now = m_clock.nowMs();
    if (op.entity == u"user") {
        const QJsonObject& f = op.fields;
        QSqlQuery& cur = prepared(QStringLiteral("SELECT hlc FROM srv_user WHERE id = ?"));
        cur.bindValue(0, op.entityId);
        if (Status s = exec(cur); !s)
            return s;
        const bool exists = cur.next();
        const Hlc last = exists ? Hlc::fromString(cur.value(0).toString()) : Hlc {};
        cur.finish();
        if (!exists) {
            QSqlQuery& q = prepared(QStringLiteral(
                "INSERT INTO srv_user (id, company_id, username, display_name, role, active, password_hash, "
                "created_at, updated_at, hlc) VALUES (?, ?, ?, ?, 'cashier', 0, ?, ?, ?, ?)"));
            q.bindValue(0, op.entityId);
            q.bindValue(1, op.companyId);
            q.bindValue(2, f.value(QStringLiteral("username")).toString());
            q.bindValue(3, f.value(QStringLiteral("displayName")).toString());
            q.bindValue(4, f.value(QStringLiteral("passwordHash")).toString());
            q.bindValue(5, now);
            q.bindValue(6, now);
            q.bindValue(7, op.hlc.toString());
            if (Status s = exec(q); !s)
                return s;
            // A new user is active unless the op says otherwise.
            QJsonObject state = f;
            if (!state.contains(QStringLiteral("active")))
                state.insert(QStringLiteral("active"), true);
            if (!state.value(QStringLiteral("role")).isString())
                state.insert(QStringLiteral("role"), QStringLiteral("cashier"));
            return recordUserState(op.entityId, op.hlc, state);
        }
        // Role and active keep their whole history; the other columns the newest change.
        if (Status s = recordUserState(op.entityId, op.hlc, f); !s)
            return s;
        if (!(last < op.hlc))
            return Done {};
        static const std::pair<const char*, const char*> columns[]
            = {{"username", "username"}, {"displayName", "display_name"}, {"passwordHash", "password_hash"}};
        for (const auto& [field, column] : columns) {
            const QJsonValue v = f.value(QLatin1String(field));
            if (!v.isString())
                continue;
            QSqlQuery& q
                = prepared(QStringLiteral("UPDATE srv_user SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
            q.bindValue(0, v.toString());
            q.bindValue(1, op.entityId);
            if (Status s = exec(q); !s)
                return s;
        }
        QSqlQuery& q = prepared(QStringLiteral("UPDATE srv_user SET updated_at = ?, hlc = ? WHERE id = ?"));
        q.bindValue(0, now);
        q.bindValue(1, op.hlc.toString());
        q.bindValue(2, op.entityId);
        return exec(q);
    }
    if ((op.entity == u"company" || op.entity == u"store") && op.fields.value(QStringLiteral("name")).isString()) {
        QSqlQuery& q = prepared(op.entity == u"company"
                ? QStringLiteral("UPDATE srv_company SET name = ?, updated_at = ? WHERE id = ?")
                : QStringLiteral("UPDATE srv_store SET name = ? WHERE id = ? AND ? >= 0"));
        q.bindValue(0, op.fields.value(QStringLiteral("name")).toString());
        if (op.entity == u"company") {
            q.bindValue(1, now);
            q.bindValue(2, op.entityId);
        } else {
            q.bindValue(1, op.entityId);
            q.bindValue(2, now);
        }
        return exec(q);
    }
    return Done {};
}

Result<ServerStore::PushOutcome> ServerStore::push(
    const Device& device, const QString& batchId, const QList<SyncOp>& ops, const QHash<QString, QString>& malformed)
{
    Q_UNUSED(batchId)
    if (ops.size() > maxPushOps)
        return Error::invalidField(QStringLiteral("ops"), QStringLiteral("too_many"),
            tr("must hold at most %1 ops; send the rest in another batch").arg(maxPushOps));
    PushOutcome out;
    if (Status s = begin(); !s)
        return s.error();
    auto fail = [this](const Error& e) {
        rollback();
        return e;
    };
    auto head = lockHead(device.companyId);
    if (!head)
        return fail(head.error());

    // What the server already knows of these op ids, in groups of one statement each.
    struct Known
    {
        QString digest;
        qint64 seq = 0;
        QString code;
        QString message;
        bool rejected = false;
    };
    QHash<QString, Known> known;
    QSet<QString> existing; // "entity/id"
    constexpr int perStatement = 64;
    for (qsizetype start = 0; start < ops.size(); start += perStatement) {
        const int rows = static_cast<int>(std::min<qsizetype>(perStatement, ops.size() - start));
        QString marks;
        for (int r = 0; r < rows; ++r)
            marks += r == 0 ? QStringLiteral("?") : QStringLiteral(",?");
        QSqlQuery& a
            = prepared(QStringLiteral("SELECT op_id, digest, seq FROM sync_op WHERE op_id IN (%1)").arg(marks));
        QSqlQuery& b = prepared(
            QStringLiteral("SELECT op_id, digest, code, message FROM sync_rejection WHERE op_id IN (%1)").arg(marks));
        for (int r = 0; r < rows; ++r) {
            a.bindValue(r, ops[start + r].id);
            b.bindValue(r, ops[start + r].id);
        }
        if (Status s = exec(a); !s)
            return fail(s.error());
        while (a.next())
            known.insert(a.value(0).toString(), Known {a.value(1).toString(), a.value(2).toLongLong(), {}, {}, false});
        if (Status s = exec(b); !s)
            return fail(s.error());
        while (b.next())
            known.insert(b.value(0).toString(),
                Known {b.value(1).toString(), 0, b.value(2).toString(), b.value(3).toString(), true});
        // Rows that already exist: a "create" of one of them is an update, and is judged so.
        QSqlQuery& e = prepared(
            QStringLiteral("SELECT DISTINCT entity, entity_id FROM sync_op WHERE company_id = ? AND entity_id IN (%1)")
                .arg(marks));
        e.bindValue(0, device.companyId);
        for (int r = 0; r < rows; ++r)
            e.bindValue(r + 1, ops[start + r].entityId);
        if (Status s = exec(e); !s)
            return fail(s.error());
        while (e.next())
            existing.insert(e.value(0).toString() + u'/' + e.value(1).toString());
    }

    const qint64 now = m_clock.nowMs();
    QHash<QString, std::optional<Account>> accounts;
    QList<const SyncOp*> accepted;
    QList<const SyncOp*> projected;
    QList<QString> acceptedDigests;
    QList<QString> acceptedFields;
    qint64 seq = *head;
    QSqlQuery& reject = prepared(QStringLiteral("INSERT INTO sync_rejection (op_id, company_id, device_id, digest, "
                                                "code, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const SyncOp& op : ops) {
        if (auto bad = malformed.constFind(op.id); bad != malformed.constEnd()) {
            out.results.append(OpResult {op.id, OpResult::Status::Rejected, 0, QStringLiteral("malformed"), *bad});
            continue;
        }
        const QString fieldsText = op.fieldsText();
        const QString digest = sha256(op.contentDigest(fieldsText));
        if (auto k = known.constFind(op.id); k != known.constEnd()) {
            if (k->digest != digest)
                out.results.append(OpResult {op.id, OpResult::Status::Rejected, 0, QStringLiteral("id_reused"),
                    tr("op id %1 was already used for another change").arg(op.id)});
            else if (k->rejected)
                out.results.append(OpResult {op.id, OpResult::Status::Rejected, 0, k->code, k->message});
            else
                out.results.append(OpResult {op.id, OpResult::Status::Duplicate, k->seq, {}, {}});
            continue;
        }
        if (op.hlc.ms > now + maxSkewMs) {
            out.stopped = OpResult {op.id, OpResult::Status::Rejected, 0, QStringLiteral("clock_ahead"),
                tr("the terminal's clock is %1 minutes ahead of the server's; correct the date and time on this "
                   "computer")
                    .arg((op.hlc.ms - now) / 60000)};
            break;
        }
        m_hlc->observe(op.hlc);
        const QString row = op.entity + u'/' + op.entityId;
        std::optional<OpResult> refused = check(device, op, existing.contains(row), accounts);
        // The server's own tables may refuse a change (a username another terminal took
        // offline): that op is refused, the rest of the batch goes on.
        if (!refused && (op.entity == u"user" || op.entity == u"company" || op.entity == u"store")) {
            QSqlQuery sp(m_db);
            sp.exec(QStringLiteral("SAVEPOINT reflect_op"));
            if (Status s = reflect(op); !s) {
                sp.exec(QStringLiteral("ROLLBACK TO SAVEPOINT reflect_op"));
                refused = OpResult {op.id, OpResult::Status::Rejected, 0, QStringLiteral("conflict"),
                    tr("the server could not record this change: %1").arg(s.error().message)};
            }
            sp.exec(QStringLiteral("RELEASE SAVEPOINT reflect_op"));
            if (op.entity == u"user")
                accounts.remove(op.entityId);
        }
        // The REST API's view of the company follows every op it takes (below, together).
        if (!refused && op.entity != u"user" && op.entity != u"company" && op.entity != u"store")
            projected.append(&op);
        if (refused) {
            reject.bindValue(0, op.id);
            reject.bindValue(1, device.companyId);
            reject.bindValue(2, device.id);
            reject.bindValue(3, digest);
            reject.bindValue(4, refused->code);
            reject.bindValue(5, refused->message);
            reject.bindValue(6, now);
            if (Status s = exec(reject); !s)
                return fail(s.error());
            known.insert(op.id, Known {digest, 0, refused->code, refused->message, true});
            out.results.append(*refused);
            continue;
        }
        existing.insert(row);
        ++seq;
        accepted.append(&op);
        acceptedDigests.append(digest);
        acceptedFields.append(fieldsText);
        known.insert(op.id, Known {digest, seq, {}, {}, false});
        out.results.append(OpResult {op.id, OpResult::Status::Applied, seq, {}, {}});
    }
    if (Status s = m_projection->applyAll(projected); !s)
        return fail(s.error());
    if (!accepted.isEmpty()) {
        if (Status s = appendOps(accepted, *head + 1, device.id, acceptedDigests, acceptedFields); !s)
            return fail(s.error());
        if (Status s = setHead(device.companyId, seq); !s)
            return fail(s.error());
    }
    if (Status s = commit(); !s)
        return s.error();
    out.serverHlc = m_hlc->last();
    return out;
}

Result<ServerStore::PullPage> ServerStore::pull(const Device& device, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, maxPullLimit);
    QSqlQuery& q = prepared(QStringLiteral("SELECT op_id, entity, entity_id, op, action, fields, hlc, actor_id, "
                                           "created_at, seq, device_id FROM sync_op WHERE company_id = ? AND seq > ? "
                                           "ORDER BY seq LIMIT ?"));
    q.bindValue(0, device.companyId);
    q.bindValue(1, since);
    q.bindValue(2, limit + 1);
    if (Status s = exec(q); !s)
        return s.error();
    PullPage page;
    page.next = since;
    while (q.next()) {
        if (page.changes.size() == limit) {
            page.hasMore = true;
            break;
        }
        SyncOp op;
        op.id = q.value(0).toString();
        op.companyId = device.companyId;
        op.entity = q.value(1).toString();
        op.entityId = q.value(2).toString();
        op.kind = q.value(3).toString() == u"delete" ? SyncOp::Kind::Delete : SyncOp::Kind::Upsert;
        op.action = q.value(4).toString();
        op.fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        op.hlc = Hlc::fromString(q.value(6).toString());
        op.actorId = q.value(7).toString();
        op.createdAt = q.value(8).toLongLong();
        op.seq = q.value(9).toLongLong();
        op.deviceId = q.value(10).toString();
        page.next = op.seq;
        page.changes.append(std::move(op));
    }
    q.finish();
    page.serverHlc = m_hlc->last().isNull() ? tick() : m_hlc->last();
    return page;
}

Status ServerStore::rebuildProjection()
{
    if (Status s = begin(); !s)
        return s;
    // Writers wait meanwhile: on SQLite the transaction holds the file's write lock; on
    // PostgreSQL every company's log head is locked first.
    if (m_pg) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT company_id FROM sync_head ORDER BY company_id FOR UPDATE"))) {
            const Error e = errorOf(q);
            rollback();
            return e;
        }
    }
    if (Status s = m_projection->rebuild(); !s) {
        rollback();
        return s;
    }
    return commit();
}

Result<ServerStore::ApiKey> ServerStore::createApiKey(const QString& userId)
{
    QSqlQuery& u = prepared(
        QStringLiteral("SELECT id, company_id, username, display_name, role, active FROM srv_user WHERE id = ?"));
    u.bindValue(0, userId);
    if (Status s = exec(u); !s)
        return s.error();
    if (!u.next())
        return Error::notFound(tr("user %1 does not exist on this server").arg(userId));
    ApiKey out;
    out.user.id = u.value(0).toString();
    out.user.companyId = u.value(1).toString();
    out.user.username = u.value(2).toString();
    out.user.displayName = u.value(3).toString();
    out.user.role = Roles::parse(u.value(4).toString()).value_or(Role::Cashier);
    out.user.active = u.value(5).toInt() != 0;
    u.finish();
    if (!out.user.active)
        return Error::invalidField(
            QStringLiteral("user"), QStringLiteral("user_inactive"), tr("user %1 is deactivated").arg(userId));
    out.createdAt = m_clock.nowMs();
    out.id = Ids::newId(out.createdAt);
    // A prefix that says what the secret is, should it turn up in a log or a repository.
    out.key = QStringLiteral("kasir_") + randomToken();
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO srv_api_key (id, company_id, user_id, key_hash, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.bindValue(0, out.id);
    q.bindValue(1, out.user.companyId);
    q.bindValue(2, out.user.id);
    q.bindValue(3, sha256(out.key));
    q.bindValue(4, out.createdAt);
    if (Status s = exec(q); !s)
        return s.error();
    return out;
}

Status ServerStore::revokeApiKey(const QString& id)
{
    QSqlQuery& q
        = prepared(QStringLiteral("UPDATE srv_api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.bindValue(0, m_clock.nowMs());
    q.bindValue(1, id);
    if (Status s = exec(q); !s)
        return s;
    if (q.numRowsAffected() > 0)
        return Done {};
    QSqlQuery& k = prepared(QStringLiteral("SELECT 1 FROM srv_api_key WHERE id = ?"));
    k.bindValue(0, id);
    if (Status s = exec(k); !s)
        return s;
    const bool exists = k.next();
    k.finish();
    if (!exists)
        return Error::notFound(tr("API key %1 does not exist on this server").arg(id));
    return Done {};
}

Result<User> ServerStore::authenticateApiKey(const QString& key)
{
    if (key.isEmpty() || key.size() > 128)
        return Error::notFound(tr("no valid API key"));
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT k.id, k.last_used_at, u.id, u.company_id, u.username, u.display_name, u.role, u.active FROM "
        "srv_api_key k JOIN srv_user u ON u.id = k.user_id AND u.company_id = k.company_id WHERE k.key_hash = ? "
        "AND k.revoked_at IS NULL"));
    q.bindValue(0, sha256(key));
    if (Status s = exec(q); !s)
        return s.error();
    if (!q.next())
        return Error::notFound(tr("the API key is unknown or revoked"));
    const QString keyId = q.value(0).toString();
    const qint64 lastUsed = q.value(1).toLongLong();
    User user;
    user.id = q.value(2).toString();
    user.companyId = q.value(3).toString();
    user.username = q.value(4).toString();
    user.displayName = q.value(5).toString();
    user.role = Roles::parse(q.value(6).toString()).value_or(Role::Cashier);
    user.active = q.value(7).toInt() != 0;
    q.finish();
    if (!user.active)
        return Error::notFound(tr("the API key's user %1 is deactivated").arg(user.username));
    // Last used to the minute: a write per request would serialise every request on SQLite.
    const qint64 now = m_clock.nowMs();
    if (now - lastUsed > 60000) {
        QSqlQuery& w = prepared(QStringLiteral("UPDATE srv_api_key SET last_used_at = ? WHERE id = ?"));
        w.bindValue(0, now);
        w.bindValue(1, keyId);
        if (Status s = exec(w); !s)
            return s.error();
    }
    return user;
}

Status ServerStore::writeChanges(
    const QString& companyId, const QString& actorId, const std::function<Result<QList<ServerChange>>()>& plan)
{
    if (Status s = begin(); !s)
        return s;
    auto fail = [this](const Error& e) {
        rollback();
        return e;
    };
    if (auto head = lockHead(companyId); !head)
        return fail(head.error());
    auto changes = plan();
    if (!changes)
        return fail(changes.error());
    for (const ServerChange& c : std::as_const(*changes)) {
        if (Status s = writeServerOp(companyId, c.entity, c.entityId, c.fields, c.action, actorId); !s)
            return fail(s.error());
    }
    return commit();
}

} // namespace kasir
