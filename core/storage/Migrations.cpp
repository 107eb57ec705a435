#include "core/storage/Migrations.h"

#include "core/storage/DashboardRepository.h"
#include "core/storage/NameIndex.h"

namespace kasir {

namespace {

// The personal fields whose values migration 9's audit guard lets become the marker, as
// "entity $.field" (the entity of the audit row, the path of the field in its changes):
// PersonalData::fieldsOf as it was when the migration was written. A copy, not a call,
// because the text of a released migration never changes, or files migrated at different
// times would have different guards. TestPrivacyService holds PersonalData to what the
// guard allows: a field added there needs a migration that recreates the guard with it.
QString personalFieldsOfMigration9()
{
    static const char* const fields[] = {"customer $.address", "customer $.birthDate", "customer $.city",
        "customer $.email", "customer $.gender", "customer $.name", "customer $.notes", "customer $.phone",
        "customer $.postalCode", "customer $.province", "customer $.whatsapp", "customer_contact $.label",
        "customer_contact $.value", "customer_note $.body", "sale $.customerName", "sale $.customerPhone"};
    QStringList quoted;
    for (const char* field : fields)
        quoted << QStringLiteral("'%1'").arg(QLatin1String(field));
    return quoted.join(QStringLiteral(", "));
}

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

    list.append(Migration {4, QStringLiteral("products, sales, loyalty points, store credit, derived customer metrics"),
        {
            QStringLiteral(R"(CREATE TABLE product (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                sku TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                price INTEGER NOT NULL CHECK (price >= 0),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (company_id, sku)))"),
            // One row per company; absent means the defaults (MembershipRules).
            QStringLiteral(R"(CREATE TABLE membership_rules (
                company_id TEXT PRIMARY KEY REFERENCES company(id),
                silver_from INTEGER NOT NULL,
                gold_from INTEGER NOT NULL,
                platinum_from INTEGER NOT NULL,
                bronze_discount_bp INTEGER NOT NULL CHECK (bronze_discount_bp BETWEEN 0 AND 10000),
                silver_discount_bp INTEGER NOT NULL CHECK (silver_discount_bp BETWEEN 0 AND 10000),
                gold_discount_bp INTEGER NOT NULL CHECK (gold_discount_bp BETWEEN 0 AND 10000),
                platinum_discount_bp INTEGER NOT NULL CHECK (platinum_discount_bp BETWEEN 0 AND 10000),
                spend_per_point INTEGER NOT NULL CHECK (spend_per_point > 0),
                point_value INTEGER NOT NULL CHECK (point_value >= 0),
                member_from INTEGER NOT NULL CHECK (member_from >= 0),
                tiers_can_drop INTEGER NOT NULL CHECK (tiers_can_drop IN (0, 1)),
                updated_at INTEGER NOT NULL,
                updated_by TEXT,
                CHECK (0 <= silver_from AND silver_from <= gold_from AND gold_from <= platinum_from)))"),
            // A sale or a refund, never edited. A refund repeats its sale's figures negated
            // and names it in `reverses`; sums over a customer's rows are what they spent.
            QStringLiteral(R"(CREATE TABLE sale (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                store_id TEXT NOT NULL,
                terminal_id TEXT NOT NULL,
                order_number TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
                reverses TEXT REFERENCES sale(id),
                customer_id TEXT REFERENCES customer(id),
                customer_name TEXT NOT NULL DEFAULT '',
                customer_phone TEXT NOT NULL DEFAULT '',
                items INTEGER NOT NULL,
                subtotal INTEGER NOT NULL,
                discount_bp INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),
                discount INTEGER NOT NULL,
                total INTEGER NOT NULL,
                points_redeemed INTEGER NOT NULL DEFAULT 0,
                points_earned INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                created_by TEXT,
                CHECK ((kind = 'sale') = (reverses IS NULL)),
                UNIQUE (company_id, order_number)))"),
            QStringLiteral(
                "CREATE INDEX ix_sale_customer ON sale (customer_id, created_at) WHERE customer_id IS NOT NULL"),
            // Walk-in sales by the phone the cashier noted, to link them when the person registers.
            QStringLiteral("CREATE INDEX ix_sale_walk_in_phone ON sale (company_id, customer_phone) "
                           "WHERE customer_id IS NULL AND customer_phone <> ''"),
            QStringLiteral("CREATE UNIQUE INDEX ux_sale_refund ON sale (reverses) WHERE reverses IS NOT NULL"),
            QStringLiteral("CREATE INDEX ix_sale_created ON sale (company_id, created_at)"),
            QStringLiteral(R"(CREATE TABLE sale_line (
                sale_id TEXT NOT NULL REFERENCES sale(id),
                line_no INTEGER NOT NULL,
                product_id TEXT,
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                unit_price INTEGER NOT NULL,
                quantity INTEGER NOT NULL,
                amount INTEGER NOT NULL,
                PRIMARY KEY (sale_id, line_no)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE sale_payment (
                sale_id TEXT NOT NULL REFERENCES sale(id),
                line_no INTEGER NOT NULL,
                method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'mobile_money', 'store_credit', 'points')),
                amount INTEGER NOT NULL,
                PRIMARY KEY (sale_id, line_no)) WITHOUT ROWID)"),
            // Append-only. balance_after is the customer's points after this entry.
            QStringLiteral(R"(CREATE TABLE points_entry (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id),
                kind TEXT NOT NULL CHECK (kind IN ('earned', 'redeemed', 'adjusted', 'reversed', 'expired')),
                points INTEGER NOT NULL CHECK (points <> 0),
                balance_after INTEGER NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                sale_id TEXT REFERENCES sale(id),
                created_at INTEGER NOT NULL,
                created_by TEXT))"),
            QStringLiteral("CREATE INDEX ix_points_customer ON points_entry (customer_id, created_at)"),
            // Append-only. Positive amounts are credit the customer holds, negative debt.
            QStringLiteral(R"(CREATE TABLE credit_entry (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id),
                kind TEXT NOT NULL CHECK (kind IN ('credit', 'debit', 'carry_over', 'sale_on_account', 'repayment',
                    'adjustment', 'reversal')),
                amount INTEGER NOT NULL CHECK (amount <> 0),
                balance_before INTEGER NOT NULL,
                balance_after INTEGER NOT NULL CHECK (balance_after = balance_before + amount),
                reason TEXT NOT NULL DEFAULT '',
                reference TEXT NOT NULL DEFAULT '',
                sale_id TEXT REFERENCES sale(id),
                limit_override TEXT,
                created_at INTEGER NOT NULL,
                created_by TEXT))"),
            QStringLiteral("CREATE INDEX ix_credit_customer ON credit_entry (customer_id, created_at)"),
            // How much debt a customer may run up (0: none). A setting, not a fact.
            QStringLiteral(R"(CREATE TABLE credit_limit (
                customer_id TEXT PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                company_id TEXT NOT NULL REFERENCES company(id),
                max_debt INTEGER NOT NULL CHECK (max_debt >= 0),
                updated_at INTEGER NOT NULL,
                updated_by TEXT))"),
            QStringLiteral(R"(CREATE TABLE tier_history (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id),
                from_level TEXT NOT NULL,
                to_level TEXT NOT NULL,
                from_type TEXT NOT NULL,
                to_type TEXT NOT NULL,
                reason TEXT NOT NULL,
                sale_id TEXT REFERENCES sale(id),
                created_at INTEGER NOT NULL,
                created_by TEXT))"),
            QStringLiteral("CREATE INDEX ix_tier_customer ON tier_history (customer_id, created_at)"),
            // Derived from the facts above, kept in the same unit of work as they are written;
            // a rebuild from the facts can make it again at any time.
            QStringLiteral(R"(CREATE TABLE customer_metrics (
                customer_id TEXT PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                company_id TEXT NOT NULL,
                purchases INTEGER NOT NULL DEFAULT 0,
                total_spent INTEGER NOT NULL DEFAULT 0,
                total_items INTEGER NOT NULL DEFAULT 0,
                first_purchase_at INTEGER,
                last_purchase_at INTEGER,
                points INTEGER NOT NULL DEFAULT 0,
                credit INTEGER NOT NULL DEFAULT 0))"),
        },
        {}});

    list.append(Migration {5, QStringLiteral("walk-in sales linked to customers, points expiry"),
        {
            // A walk-in sale (or its refund) counted towards the customer who registered
            // later with the phone it noted. The sale itself is never edited: this row is
            // the fact that attributes it.
            QStringLiteral(R"(CREATE TABLE sale_link (
                sale_id TEXT PRIMARY KEY REFERENCES sale(id),
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id),
                created_at INTEGER NOT NULL,
                created_by TEXT) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX ix_sale_link_customer ON sale_link (customer_id)"),
            // Points older than this many days expire (0: never).
            QStringLiteral("ALTER TABLE membership_rules ADD COLUMN points_expire_days INTEGER NOT NULL DEFAULT 0 "
                           "CHECK (points_expire_days BETWEEN 0 AND 36600)"),
        },
        {}});

    list.append(Migration {6, QStringLiteral("notes, tags, additional contacts, preferences, activity by customer"),
        {
            // Typed notes, newest first per customer. A deleted note keeps its row (deleted_at).
            QStringLiteral(R"(CREATE TABLE customer_note (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('personal', 'preference', 'issue', 'feedback')),
                body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
                created_at INTEGER NOT NULL,
                created_by TEXT,
                deleted_at INTEGER,
                deleted_by TEXT))"),
            QStringLiteral("CREATE INDEX ix_note_customer ON customer_note (customer_id, created_at)"),
            // Tags of a company; name_key is the folded name, unique per company.
            QStringLiteral(R"(CREATE TABLE tag (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
                name_key TEXT NOT NULL,
                color TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
                created_at INTEGER NOT NULL,
                created_by TEXT,
                UNIQUE (company_id, name_key)))"),
            QStringLiteral(R"(CREATE TABLE customer_tag (
                customer_id TEXT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                tag_id TEXT NOT NULL REFERENCES tag(id),
                company_id TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                created_by TEXT,
                PRIMARY KEY (customer_id, tag_id)) WITHOUT ROWID)"),
            // Customers by tag, for filters and popular tags.
            QStringLiteral("CREATE INDEX ix_customer_tag_tag ON customer_tag (tag_id, customer_id)"),
            // Contacts besides the customer's main phone, WhatsApp and email, normalised the same
            // way; at most one primary per kind.
            QStringLiteral(R"(CREATE TABLE customer_contact (
                id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('whatsapp', 'email', 'phone')),
                value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 254),
                label TEXT NOT NULL DEFAULT '',
                is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by TEXT,
                updated_by TEXT,
                UNIQUE (customer_id, kind, value)))"),
            QStringLiteral(
                "CREATE UNIQUE INDEX ux_contact_primary ON customer_contact (customer_id, kind) WHERE is_primary = 1"),
            // How a customer likes to be served and reached; absent means the defaults.
            // Offers need consent (opt-in); loyalty messages about their own points and level
            // are sent unless they say no. do_not_contact stays on the customer and wins.
            QStringLiteral(R"(CREATE TABLE customer_preference (
                customer_id TEXT PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                company_id TEXT NOT NULL,
                preferred_payment TEXT NOT NULL DEFAULT ''
                    CHECK (preferred_payment IN ('', 'cash', 'card', 'mobile_money', 'store_credit')),
                best_contact_time TEXT NOT NULL DEFAULT ''
                    CHECK (best_contact_time IN ('', 'morning', 'afternoon', 'evening', 'anytime')),
                can_receive_offers INTEGER NOT NULL DEFAULT 0 CHECK (can_receive_offers IN (0, 1)),
                can_receive_loyalty INTEGER NOT NULL DEFAULT 1 CHECK (can_receive_loyalty IN (0, 1)),
                updated_at INTEGER NOT NULL,
                updated_by TEXT))"),
            // The customer an audit row is about (the customer itself, or their note, tag,
            // contact, sale or ledger entry), so that their activity is one index range.
            QStringLiteral("ALTER TABLE audit_log ADD COLUMN customer_id TEXT"),
            // Rows written before: the customer from the row's own id or from the customerId
            // it recorded. The append-only guard steps aside for this one statement.
            QStringLiteral("DROP TRIGGER audit_log_append_only_update"),
            QStringLiteral("UPDATE audit_log SET customer_id = CASE WHEN entity = 'customer' THEN entity_id "
                           "ELSE coalesce(json_extract(changes, '$.customerId[1]'), "
                           "json_extract(changes, '$.customerId[0]')) END"),
            QStringLiteral("CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
            QStringLiteral(
                "CREATE INDEX ix_audit_customer ON audit_log (customer_id, id) WHERE customer_id IS NOT NULL"),
        },
        {}});

    list.append(Migration {7, QStringLiteral("indexes for the directory's figure filters"),
        {
            // A selective figure filter (a debt, a range of spending or of the last visit, the
            // frequent buyers) reads its customers from one of these and sorts them. The
            // customer's id is in the index so that neither counting the matches nor reading
            // them visits the table.
            QStringLiteral("CREATE INDEX ix_metrics_credit ON customer_metrics (company_id, credit, customer_id)"),
            QStringLiteral("CREATE INDEX ix_metrics_spent ON customer_metrics (company_id, total_spent, customer_id)"),
            QStringLiteral("CREATE INDEX ix_metrics_last_purchase ON customer_metrics (company_id, last_purchase_at, "
                           "customer_id)"),
            QStringLiteral(
                "CREATE INDEX ix_metrics_purchases ON customer_metrics (company_id, purchases, customer_id)"),
        },
        {}});

    list.append(Migration {8, QStringLiteral("running totals for the membership dashboard"),
        {
            // The dashboard's figures over a million customers and millions of sales, kept as
            // running totals by triggers so that every write path (a sale, a registration, an
            // import, a pulled change) keeps them without knowing of them. They are derived:
            // DashboardRepository makes them again from customer, customer_metrics and sale
            // (`kasirctl rebuild`) and compares them (`kasirctl check`).
            //
            // Customers by type, status and level.
            QStringLiteral(R"(CREATE TABLE dashboard_customers (
                company_id TEXT NOT NULL,
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                level TEXT NOT NULL,
                customers INTEGER NOT NULL,
                PRIMARY KEY (company_id, type, status, level)) WITHOUT ROWID)"),
            // customer_metrics summed by number of purchases (100 and more together) and the
            // sign of the store-credit balance; `dated` counts customers with a last purchase.
            QStringLiteral(R"(CREATE TABLE dashboard_figures (
                company_id TEXT NOT NULL,
                purchases_band INTEGER NOT NULL,
                credit_sign INTEGER NOT NULL,
                customers INTEGER NOT NULL,
                purchases INTEGER NOT NULL,
                spent INTEGER NOT NULL,
                credit INTEGER NOT NULL,
                points INTEGER NOT NULL,
                dated INTEGER NOT NULL,
                PRIMARY KEY (company_id, purchases_band, credit_sign)) WITHOUT ROWID)"),
            // New customers, sales, refunds and net takings per quarter of an hour (UTC ms /
            // 900,000): every time zone's midnight falls on such a boundary, so months in
            // the shop's own time add up exactly.
            QStringLiteral(R"(CREATE TABLE dashboard_slots (
                company_id TEXT NOT NULL,
                slot INTEGER NOT NULL,
                new_customers INTEGER NOT NULL,
                sales INTEGER NOT NULL,
                refunds INTEGER NOT NULL,
                revenue INTEGER NOT NULL,
                PRIMARY KEY (company_id, slot)) WITHOUT ROWID)"),
            // A company listed here is being written wholesale (a rebuild of customer_metrics, a
            // bulk load of customers): the triggers step aside and the writer brings the totals
            // up to date itself before it commits.
            QStringLiteral("CREATE TABLE dashboard_pause (company_id TEXT PRIMARY KEY) WITHOUT ROWID"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_customer_insert AFTER INSERT ON customer
                WHEN NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = new.company_id) BEGIN
                INSERT INTO dashboard_customers VALUES (new.company_id, new.type, new.status, new.level, 1)
                    ON CONFLICT (company_id, type, status, level) DO UPDATE SET customers = customers + 1;
                INSERT INTO dashboard_slots VALUES (new.company_id, new.created_at / 900000, 1, 0, 0, 0)
                    ON CONFLICT (company_id, slot) DO UPDATE SET new_customers = new_customers + 1;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_customer_delete AFTER DELETE ON customer
                WHEN NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = old.company_id) BEGIN
                UPDATE dashboard_customers SET customers = customers - 1 WHERE company_id = old.company_id
                    AND type = old.type AND status = old.status AND level = old.level;
                UPDATE dashboard_slots SET new_customers = new_customers - 1 WHERE company_id = old.company_id
                    AND slot = old.created_at / 900000;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_customer_update AFTER UPDATE OF type, status, level ON customer
                WHEN (old.type IS NOT new.type OR old.status IS NOT new.status OR old.level IS NOT new.level)
                    AND NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = new.company_id) BEGIN
                UPDATE dashboard_customers SET customers = customers - 1 WHERE company_id = old.company_id
                    AND type = old.type AND status = old.status AND level = old.level;
                INSERT INTO dashboard_customers VALUES (new.company_id, new.type, new.status, new.level, 1)
                    ON CONFLICT (company_id, type, status, level) DO UPDATE SET customers = customers + 1;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_figures_insert AFTER INSERT ON customer_metrics
                WHEN NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = new.company_id) BEGIN
                INSERT INTO dashboard_figures VALUES (new.company_id, min(max(new.purchases, 0), 100),
                    (new.credit > 0) - (new.credit < 0), 1, new.purchases, new.total_spent, new.credit, new.points,
                    new.last_purchase_at IS NOT NULL)
                    ON CONFLICT (company_id, purchases_band, credit_sign) DO UPDATE SET
                    customers = customers + 1, purchases = purchases + excluded.purchases,
                    spent = spent + excluded.spent, credit = credit + excluded.credit,
                    points = points + excluded.points, dated = dated + excluded.dated;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_figures_delete AFTER DELETE ON customer_metrics
                WHEN NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = old.company_id) BEGIN
                UPDATE dashboard_figures SET customers = customers - 1, purchases = purchases - old.purchases,
                    spent = spent - old.total_spent, credit = credit - old.credit, points = points - old.points,
                    dated = dated - (old.last_purchase_at IS NOT NULL)
                    WHERE company_id = old.company_id AND purchases_band = min(max(old.purchases, 0), 100)
                    AND credit_sign = (old.credit > 0) - (old.credit < 0);
                END)"),
            QStringLiteral(R"(CREATE TRIGGER dashboard_figures_update AFTER UPDATE ON customer_metrics
                WHEN (old.purchases IS NOT new.purchases OR old.total_spent IS NOT new.total_spent
                    OR old.credit IS NOT new.credit OR old.points IS NOT new.points
                    OR (old.last_purchase_at IS NULL) IS NOT (new.last_purchase_at IS NULL))
                    AND NOT EXISTS (SELECT 1 FROM dashboard_pause WHERE company_id = new.company_id) BEGIN
                UPDATE dashboard_figures SET customers = customers - 1, purchases = purchases - old.purchases,
                    spent = spent - old.total_spent, credit = credit - old.credit, points = points - old.points,
                    dated = dated - (old.last_purchase_at IS NOT NULL)
                    WHERE company_id = old.company_id AND purchases_band = min(max(old.purchases, 0), 100)
                    AND credit_sign = (old.credit > 0) - (old.credit < 0);
                INSERT INTO dashboard_figures VALUES (new.company_id, min(max(new.purchases, 0), 100),
                    (new.credit > 0) - (new.credit < 0), 1, new.purchases, new.total_spent, new.credit, new.points,
                    new.last_purchase_at IS NOT NULL)
                    ON CONFLICT (company_id, purchases_band, credit_sign) DO UPDATE SET
                    customers = customers + 1, purchases = purchases + excluded.purchases,
                    spent = spent + excluded.spent, credit = credit + excluded.credit,
                    points = points + excluded.points, dated = dated + excluded.dated;
                END)"),
            // Sales are never edited or deleted: inserting is the only change to count.
            QStringLiteral(R"(CREATE TRIGGER dashboard_sale_insert AFTER INSERT ON sale BEGIN
                INSERT INTO dashboard_slots VALUES (new.company_id, new.created_at / 900000, 0,
                    new.kind = 'sale', new.kind = 'refund', new.total)
                    ON CONFLICT (company_id, slot) DO UPDATE SET sales = sales + excluded.sales,
                    refunds = refunds + excluded.refunds, revenue = revenue + excluded.revenue;
                END)"),
        },
        [](QSqlDatabase db) { return DashboardRepository::fill(db, QString()); }});
    list.append(Migration {9, QStringLiteral("customer erasure: anonymisation and deletion of personal data"),
        {
            // A customer whose personal data was erased (anonymised, or deleted with it), why,
            // by whom and when. No foreign key: the record outlives a deleted customer. Its
            // existence is what allows the redactions below, so it is never changed or removed.
            QStringLiteral(R"(CREATE TABLE customer_erasure (
                customer_id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL REFERENCES company(id),
                kind TEXT NOT NULL CHECK (kind IN ('anonymise', 'delete')),
                reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
                created_at INTEGER NOT NULL,
                created_by TEXT))"),
            QStringLiteral("CREATE TRIGGER customer_erasure_append_only_update BEFORE UPDATE ON customer_erasure "
                           "BEGIN SELECT RAISE(ABORT, 'customer_erasure is append-only'); END"),
            QStringLiteral("CREATE TRIGGER customer_erasure_append_only_delete BEFORE DELETE ON customer_erasure "
                           "BEGIN SELECT RAISE(ABORT, 'customer_erasure is append-only'); END"),
            // A walk-in sale that noted an erased customer's phone, WhatsApp or contact number
            // and was credited to nobody: its name and phone are erased with theirs, or the
            // sale could never be found again to erase. It stays nobody's sale (no link, no
            // figures); this record is what lets the guards below allow the redaction.
            QStringLiteral(R"(CREATE TABLE sale_erasure (
                sale_id TEXT PRIMARY KEY REFERENCES sale(id),
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL REFERENCES customer_erasure(customer_id),
                created_at INTEGER NOT NULL,
                created_by TEXT) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX ix_sale_erasure_customer ON sale_erasure (customer_id)"),
            QStringLiteral(R"(CREATE TRIGGER sale_erasure_walk_in_only BEFORE INSERT ON sale_erasure
                WHEN NOT EXISTS (SELECT 1 FROM sale s JOIN customer_erasure e ON e.customer_id = NEW.customer_id
                    WHERE s.id = NEW.sale_id AND s.customer_id IS NULL AND s.company_id = NEW.company_id
                    AND e.company_id = NEW.company_id)
                    OR EXISTS (SELECT 1 FROM sale_link l WHERE l.sale_id = NEW.sale_id)
                BEGIN SELECT RAISE(ABORT, 'sale_erasure is for walk-in sales credited to nobody'); END)"),
            QStringLiteral("CREATE TRIGGER sale_erasure_append_only_update BEFORE UPDATE ON sale_erasure "
                           "BEGIN SELECT RAISE(ABORT, 'sale_erasure is append-only'); END"),
            QStringLiteral("CREATE TRIGGER sale_erasure_append_only_delete BEFORE DELETE ON sale_erasure "
                           "BEGIN SELECT RAISE(ABORT, 'sale_erasure is append-only'); END"),
            // The audit log stays append-only with one exception: in a row about an erased
            // customer (or about a walk-in sale linked to one or erased with one), the before
            // or after value of a personal field (personalFieldsOfMigration9: the customer's
            // name, phone..., a contact's value, a note's body, a sale's noted name and phone)
            // may be replaced by the marker '[redacted]' (PersonalData::redacted). No other
            // value may change, figures and tiers included; no key may come or go, nothing may
            // be put back or forged: a redaction can destroy, never write, and only for
            // someone who was erased.
            QStringLiteral("DROP TRIGGER audit_log_append_only_update"),
            QStringLiteral(R"(CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                WHEN NOT (
                    NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.hlc IS OLD.hlc
                    AND NEW.company_id IS OLD.company_id AND NEW.actor_id IS OLD.actor_id
                    AND NEW.actor_name IS OLD.actor_name AND NEW.entity IS OLD.entity
                    AND NEW.entity_id IS OLD.entity_id AND NEW.action IS OLD.action
                    AND NEW.customer_id IS OLD.customer_id
                    AND (EXISTS (SELECT 1 FROM customer_erasure e WHERE e.customer_id = OLD.customer_id)
                        OR (OLD.entity = 'sale' AND (EXISTS (SELECT 1 FROM sale_link l
                            JOIN customer_erasure e ON e.customer_id = l.customer_id WHERE l.sale_id = OLD.entity_id)
                            OR EXISTS (SELECT 1 FROM sale_erasure x WHERE x.sale_id = OLD.entity_id))))
                    AND (SELECT count(*) FROM json_tree(NEW.changes)) = (SELECT count(*) FROM json_tree(OLD.changes))
                    AND NOT EXISTS (SELECT 1 FROM json_tree(NEW.changes) n WHERE NOT EXISTS (
                        SELECT 1 FROM json_tree(OLD.changes) o WHERE o.fullkey = n.fullkey AND (
                            (o.type = n.type AND (n.type IN ('object', 'array') OR o.atom IS n.atom))
                            OR (n.type = 'text' AND n.atom = '[redacted]'
                                AND o.type NOT IN ('object', 'array', 'null')
                                AND OLD.entity || ' ' || o.path IN (%1))))))
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END)")
                .arg(personalFieldsOfMigration9()),
            // Sales were append-only by convention; now by the schema, with the same one
            // exception: the name and phone noted on a sale of an erased customer (their own,
            // a walk-in sale linked to them or erased with them) may be cleared. Figures never
            // change.
            QStringLiteral(R"(CREATE TRIGGER sale_append_only_update BEFORE UPDATE ON sale
                WHEN NOT (
                    NEW.id IS OLD.id AND NEW.company_id IS OLD.company_id AND NEW.store_id IS OLD.store_id
                    AND NEW.terminal_id IS OLD.terminal_id AND NEW.order_number IS OLD.order_number
                    AND NEW.kind IS OLD.kind AND NEW.reverses IS OLD.reverses
                    AND NEW.customer_id IS OLD.customer_id AND NEW.items IS OLD.items
                    AND NEW.subtotal IS OLD.subtotal AND NEW.discount_bp IS OLD.discount_bp
                    AND NEW.discount IS OLD.discount AND NEW.total IS OLD.total
                    AND NEW.points_redeemed IS OLD.points_redeemed AND NEW.points_earned IS OLD.points_earned
                    AND NEW.created_at IS OLD.created_at AND NEW.created_by IS OLD.created_by
                    AND NEW.customer_name IN (OLD.customer_name, '') AND NEW.customer_phone IN (OLD.customer_phone, '')
                    AND (EXISTS (SELECT 1 FROM customer_erasure e WHERE e.customer_id = OLD.customer_id
                        OR e.customer_id = (SELECT l.customer_id FROM sale_link l WHERE l.sale_id = OLD.id))
                        OR EXISTS (SELECT 1 FROM sale_erasure x WHERE x.sale_id = OLD.id)))
                BEGIN SELECT RAISE(ABORT, 'sale is append-only'); END)"),
        },
        {}});

    list.append(Migration {10, QStringLiteral("RFM scores and segments"),
        {
            // Each customer with purchases, scored 1-5 for recency, frequency and monetary by
            // quintile within the company, and the segment the scores give (Rfm). Derived from
            // customer_metrics: a ranking makes it again at any time.
            QStringLiteral(R"(CREATE TABLE customer_rfm (
                customer_id TEXT PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                company_id TEXT NOT NULL,
                recency INTEGER NOT NULL CHECK (recency BETWEEN 1 AND 5),
                frequency INTEGER NOT NULL CHECK (frequency BETWEEN 1 AND 5),
                monetary INTEGER NOT NULL CHECK (monetary BETWEEN 1 AND 5),
                segment TEXT NOT NULL CHECK (segment IN ('champions', 'loyal', 'potential', 'new', 'at_risk',
                    'hibernating', 'lost')),
                computed_at INTEGER NOT NULL) WITHOUT ROWID)"),
            // The directory's segment filter: the customers of a segment without visiting the rows.
            QStringLiteral("CREATE INDEX ix_rfm_segment ON customer_rfm (company_id, segment, customer_id)"),
            // The company's last ranking, and its cut points: rN, fN and mN are the smallest last
            // purchase time, purchase count and total spent that scored N or more (NULL: no
            // customer did). A customer whose figures change between rankings is placed
            // against them.
            QStringLiteral(R"(CREATE TABLE rfm_run (
                company_id TEXT PRIMARY KEY REFERENCES company(id),
                computed_at INTEGER NOT NULL,
                customers INTEGER NOT NULL,
                r2 INTEGER, r3 INTEGER, r4 INTEGER, r5 INTEGER,
                f2 INTEGER, f3 INTEGER, f4 INTEGER, f5 INTEGER,
                m2 INTEGER, m3 INTEGER, m4 INTEGER, m5 INTEGER))"),
            // Customers per segment for the dashboard, kept by triggers on every write to
            // customer_rfm (a placement, a ranking, a customer deleted): counting a million
            // index entries takes a fifth of a second.
            QStringLiteral(R"(CREATE TABLE rfm_segment_count (
                company_id TEXT NOT NULL,
                segment TEXT NOT NULL,
                customers INTEGER NOT NULL,
                PRIMARY KEY (company_id, segment)) WITHOUT ROWID)"),
            QStringLiteral("CREATE TRIGGER customer_rfm_counted AFTER INSERT ON customer_rfm BEGIN "
                           "INSERT INTO rfm_segment_count (company_id, segment, customers) "
                           "VALUES (new.company_id, new.segment, 1) "
                           "ON CONFLICT (company_id, segment) DO UPDATE SET customers = customers + 1; END"),
            QStringLiteral("CREATE TRIGGER customer_rfm_uncounted AFTER DELETE ON customer_rfm BEGIN "
                           "UPDATE rfm_segment_count SET customers = customers - 1 "
                           "WHERE company_id = old.company_id AND segment = old.segment; END"),
            QStringLiteral("CREATE TRIGGER customer_rfm_recounted AFTER UPDATE OF segment ON customer_rfm "
                           "WHEN old.segment IS NOT new.segment BEGIN "
                           "UPDATE rfm_segment_count SET customers = customers - 1 "
                           "WHERE company_id = old.company_id AND segment = old.segment; "
                           "INSERT INTO rfm_segment_count (company_id, segment, customers) "
                           "VALUES (new.company_id, new.segment, 1) "
                           "ON CONFLICT (company_id, segment) DO UPDATE SET customers = customers + 1; END"),
        },
        {}});

    list.append(Migration {11, QStringLiteral("the sync outbox by company, in order"),
        {
            // What a company has to send, counted for the status bar and read oldest first
            // when it is sent: without it, both read the whole outbox (half a second on a
            // million waiting changes, every few seconds).
            QStringLiteral("CREATE INDEX ix_outbox_company ON sync_outbox (company_id, seq)"),
        },
        {}});

    list.append(Migration {12, QStringLiteral("sync: what each op did"),
        {
            // The activity log on other terminals says what was done ("tier", "anonymise"),
            // not only which fields changed.
            QStringLiteral("ALTER TABLE sync_outbox ADD COLUMN action TEXT NOT NULL DEFAULT 'update'"),
        },
        {}});

    list.append(Migration {13, QStringLiteral("sync: phone, email and code registered twice offline"),
        {
            // Two terminals can give two customers the same phone, email or code while
            // offline. The pulled row must still be written, and every terminal must end the
            // same: the customer with the smaller id keeps the value, the other holds NULL (a
            // code: the code with its id's tail), and the value is kept here for a merge
            // review. found_at is the later of the two customers' created_at, so that every
            // terminal writes the same row whichever of the two it saw first.
            QStringLiteral(R"(CREATE TABLE customer_duplicate (
                company_id TEXT NOT NULL REFERENCES company(id),
                customer_id TEXT NOT NULL,
                field TEXT NOT NULL CHECK (field IN ('phone', 'email', 'code')),
                value TEXT NOT NULL,
                other_customer_id TEXT NOT NULL,
                found_at INTEGER NOT NULL,
                PRIMARY KEY (customer_id, field, value)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX ix_customer_duplicate_company ON customer_duplicate (company_id, found_at)"),
        },
        {}});

    list.append(Migration {14, QStringLiteral("sync: changes refused by the server or not applicable here"),
        {
            // An op the server will never accept (the user lost the right, another company's
            // row): taken out of the outbox so the ones after it can go, and kept here for
            // people to see; the change stays on this terminal only.
            QStringLiteral(R"(CREATE TABLE sync_rejected (
                op_id TEXT PRIMARY KEY,
                company_id TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                action TEXT NOT NULL,
                fields TEXT NOT NULL,
                hlc TEXT NOT NULL,
                actor_id TEXT,
                created_at INTEGER NOT NULL,
                code TEXT NOT NULL,
                message TEXT NOT NULL,
                rejected_at INTEGER NOT NULL))"),
            // A pulled op this terminal could not apply (a second refund of one sale made
            // offline at two tills, a row of a newer version): kept here, and passed over so
            // that one op never stops the company's changes from arriving.
            QStringLiteral(R"(CREATE TABLE sync_unapplied (
                op_id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                op TEXT NOT NULL CHECK (json_valid(op)),
                code TEXT NOT NULL,
                message TEXT NOT NULL,
                failed_at INTEGER NOT NULL))"),
        },
        {}});

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
