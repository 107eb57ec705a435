#include "core/storage/Migrations.h"

#include "core/storage/NameIndex.h"

namespace kasir {

namespace {

QList<Migration> build()
{
    QList<Migration> list;

    list.append(Migration {1, QStringLiteral("tenancy, users, audit log, sync outbox"),
        {
            QStringLiteral(R"(CREATE TABLE company (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                default_region TEXT NOT NULL DEFAULT 'ID' CHECK (length(default_region) = 2),
                currency TEXT NOT NULL DEFAULT 'IDR' CHECK (length(currency) = 3),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE store (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (company_id, code)))"),
            QStringLiteral(R"(CREATE TABLE terminal (
                id TEXT PRIMARY KEY,
                store_id TEXT NOT NULL REFERENCES store(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                site_id INTEGER NOT NULL UNIQUE CHECK (site_id BETWEEN 1 AND 4294967295),
                created_at INTEGER NOT NULL,
                UNIQUE (store_id, code)))"),
            QStringLiteral(R"(CREATE TABLE app_user (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                username TEXT NOT NULL COLLATE NOCASE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'cashier')),
                password_hash TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (company_id, username)))"),
            // This terminal's own facts: which terminal it is, the last HLC stamp.
            QStringLiteral(R"(CREATE TABLE local_state (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL) WITHOUT ROWID)"),
            // Human-readable numbers (customer codes...) handed out per company.
            QStringLiteral(R"(CREATE TABLE code_sequence (
                company_id TEXT NOT NULL,
                name TEXT NOT NULL,
                next_value INTEGER NOT NULL,
                PRIMARY KEY (company_id, name)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                hlc TEXT NOT NULL,
                company_id TEXT,
                actor_id TEXT,
                actor_name TEXT,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                action TEXT NOT NULL,
                changes TEXT NOT NULL CHECK (json_valid(changes))))"),
            QStringLiteral("CREATE INDEX ix_audit_entity ON audit_log (entity, entity_id, id)"),
            QStringLiteral("CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
            QStringLiteral(R"(CREATE TABLE sync_outbox (
                seq INTEGER PRIMARY KEY,
                op_id TEXT NOT NULL UNIQUE,
                company_id TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
                fields TEXT NOT NULL CHECK (json_valid(fields)),
                hlc TEXT NOT NULL,
                actor_id TEXT,
                created_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX ix_outbox_entity ON sync_outbox (entity, entity_id)"),
        },
        {}});

    list.append(Migration {2, QStringLiteral("customer directory with name, phone and email search"),
        {
            // seq aliases the rowid so that the FTS index's rowids survive VACUUM.
            QStringLiteral(R"(CREATE TABLE customer (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                company_id TEXT NOT NULL REFERENCES company(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                name_key TEXT NOT NULL,
                phone TEXT,
                phone_rev TEXT,
                whatsapp TEXT,
                email TEXT,
                address TEXT NOT NULL DEFAULT '',
                city TEXT NOT NULL DEFAULT '',
                province TEXT NOT NULL DEFAULT '',
                postal_code TEXT NOT NULL DEFAULT '',
                type TEXT NOT NULL DEFAULT 'walk-in' CHECK (type IN ('walk-in', 'member', 'vip', 'wholesale')),
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'blocked')),
                level TEXT NOT NULL DEFAULT 'Bronze' CHECK (level IN ('Bronze', 'Silver', 'Gold', 'Platinum')),
                discount_override_bp INTEGER CHECK (discount_override_bp BETWEEN 0 AND 10000),
                birth_date TEXT,
                gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female', 'other')),
                notes TEXT NOT NULL DEFAULT '',
                prefer_sms INTEGER NOT NULL DEFAULT 1,
                prefer_email INTEGER NOT NULL DEFAULT 0,
                prefer_call INTEGER NOT NULL DEFAULT 0,
                prefer_whatsapp INTEGER NOT NULL DEFAULT 0,
                do_not_contact INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by TEXT,
                updated_by TEXT,
                UNIQUE (company_id, code)))"),
            QStringLiteral(
                "CREATE UNIQUE INDEX ux_customer_phone ON customer (company_id, phone) WHERE phone IS NOT NULL"),
            QStringLiteral(
                "CREATE UNIQUE INDEX ux_customer_email ON customer (company_id, email) WHERE email IS NOT NULL"),
            QStringLiteral(
                "CREATE INDEX ix_customer_phone_rev ON customer (company_id, phone_rev) WHERE phone_rev IS NOT NULL"),
            QStringLiteral("CREATE INDEX ix_customer_name ON customer (company_id, name_key, id)"),
            QStringLiteral("CREATE INDEX ix_customer_created ON customer (company_id, created_at, id)"),
            QStringLiteral("CREATE INDEX ix_customer_updated ON customer (company_id, updated_at, id)"),
            QStringLiteral("CREATE INDEX ix_customer_type ON customer (company_id, type)"),
            QStringLiteral("CREATE INDEX ix_customer_status ON customer (company_id, status)"),
            QStringLiteral("CREATE INDEX ix_customer_level ON customer (company_id, level)"),
            // Word-prefix search on names, case- and accent-insensitive. External content:
            // the text lives once, in customer.
            QStringLiteral("CREATE VIRTUAL TABLE customer_fts USING fts5(name, content='customer', "
                           "content_rowid='seq', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', "
                           "detail='none', columnsize=0)"),
            QStringLiteral("CREATE TRIGGER customer_fts_insert AFTER INSERT ON customer BEGIN "
                           "INSERT INTO customer_fts (rowid, name) VALUES (new.seq, new.name); END"),
            QStringLiteral("CREATE TRIGGER customer_fts_delete AFTER DELETE ON customer BEGIN "
                           "INSERT INTO customer_fts (customer_fts, rowid, name) VALUES ('delete', old.seq, old.name); "
                           "END"),
            QStringLiteral("CREATE TRIGGER customer_fts_update AFTER UPDATE OF name ON customer BEGIN "
                           "INSERT INTO customer_fts (customer_fts, rowid, name) VALUES ('delete', old.seq, old.name); "
                           "INSERT INTO customer_fts (rowid, name) VALUES (new.seq, new.name); END"),
        },
        {}});

    list.append(Migration {3, QStringLiteral("ordered word index for name search"),
        {
            // FTS5 returns matches in rowid order: a first page sorted by name had to
            // collect and sort every match, or walk the name order testing each row. One
            // row per word of each name, keyed in name order within the word, lets a
            // search merge the few words a prefix covers and stop after one page
            // (NameIndex.h). The words are TextFold::words of name_key, written by
            // CustomerRepository in the same unit of work as the customer. Files made by
            // later builds of schema 2 have no FTS triggers and no type/status/level
            // indexes; IF EXISTS serves both.
            QStringLiteral("DROP TRIGGER IF EXISTS customer_fts_insert"),
            QStringLiteral("DROP TRIGGER IF EXISTS customer_fts_delete"),
            QStringLiteral("DROP TRIGGER IF EXISTS customer_fts_update"),
            // Lists filter type, status and level while walking an order index; an index on
            // each was paid on every registration and used by no plan.
            QStringLiteral("DROP INDEX IF EXISTS ix_customer_type"),
            QStringLiteral("DROP INDEX IF EXISTS ix_customer_status"),
            QStringLiteral("DROP INDEX IF EXISTS ix_customer_level"),
            QStringLiteral("DROP TABLE customer_fts"),
            QStringLiteral(R"(CREATE TABLE customer_word (
                company_id TEXT NOT NULL,
                word TEXT NOT NULL,
                name_key TEXT NOT NULL,
                id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (company_id, word, name_key, id)) WITHOUT ROWID)"),
        },
        NameIndex::rebuild});

    return list;
}

} // namespace

namespace Migrations {

const QList<Migration>& all()
{
    static const QList<Migration> list = build();
    return list;
}

int latest()
{
    return all().constLast().version;
}

} // namespace Migrations

} // namespace kasir
