#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Hlc.h"
#include "core/domain/Note.h"
#include "core/domain/Result.h"
#include "core/sync/ServerStatements.h"
#include "core/sync/SyncOp.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace kasir {

class ServerStatements;

// kasir-server's own view of each company's customers (ARCHITECTURE.md, "Sync"): the
// customers, their notes and the facts their figures come from, kept from the op log in the
// same transaction that accepts each op, so that the REST API for integrations reads
// what the terminals will hold. Mutable fields merge per field, last writer wins by (HLC,
// site) exactly as the terminals' ChangeApplier does; facts are inserted once by id. The
// tables are derived: they can be made again by replaying the log (rebuild()).
//
// Portable SQL on SQLite and PostgreSQL over the ServerStore's connection; every read and
// write names the company, so nothing of one company is ever seen through another.
class ServerProjection final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::ServerProjection)

public:
    // `statements`: the ServerStore's, on the same connection.
    ServerProjection(QSqlDatabase db, ServerStatements& statements);
    ~ServerProjection();
    Q_DISABLE_COPY_MOVE(ServerProjection)

    // The tables and indexes, as statements for ServerStore's schema step.
    static QStringList schema();

    // Folds one accepted op in. Entities the projection does not keep are ignored.
    Status apply(const SyncOp& op);
    // Folds accepted ops in, in order, with the same outcome as apply() one op at a time; the
    // customers they name are read together and written together, a few statements for a
    // push batch instead of several for each op (round trips on PostgreSQL).
    Status applyAll(const QList<const SyncOp*>& ops);
    // Empties the tables and replays every op of the log, company by company in log order.
    Status rebuild();

    struct CustomerRow
    {
        Customer customer;
        bool deleted = false;
        qint64 anonymisedAt = 0; // 0: never anonymised
    };
    struct Figures
    {
        qint64 purchases = 0;
        qint64 totalSpent = 0;
        qint64 lastPurchaseAt = 0; // 0: none
        qint64 points = 0;
        qint64 credit = 0; // positive: credit held; negative: debt
    };

    struct ListQuery
    {
        QString text; // name word prefixes, a phone in any form or its last digits, an email prefix, a code
        QString region; // the company's phone region, to read phones in `text`
        std::optional<CustomerType> type;
        std::optional<CustomerStatus> status;
        std::optional<MembershipLevel> level;
        int limit = 50;
        QString after; // the `next` of the previous page
    };
    struct ListPage
    {
        QList<Customer> items;
        QString next; // empty on the last page
    };
    // Live customers in name order (folded name, then id), a keyset page at a time.
    Result<ListPage> customers(const QString& companyId, const ListQuery& query);
    // A customer by id (or code), deleted ones included (`deleted` says so).
    Result<std::optional<CustomerRow>> customer(const QString& companyId, const QString& idOrCode);
    // A live customer holding this E.164 phone; `exceptId` is left out.
    Result<std::optional<Customer>> byPhone(
        const QString& companyId, const QString& e164, const QString& exceptId = {});
    Result<std::optional<Customer>> byEmail(
        const QString& companyId, const QString& email, const QString& exceptId = {});
    Result<Figures> figures(const QString& companyId, const QString& customerId);
    // Notes newest first, deleted ones left out.
    Result<QList<CustomerNote>> notes(const QString& companyId, const QString& customerId, int limit);

    struct LedgerLine
    {
        QString id;
        QString kind;
        qint64 amount = 0; // points, or minor units of money
        QString reason;
        qint64 createdAt = 0;
    };
    struct Purchase
    {
        QString id;
        QString kind; // sale or refund
        QString orderNumber;
        qint64 total = 0;
        qint64 createdAt = 0;
        bool linked = false; // a walk-in sale attributed to the customer later
    };
    // Their sales and refunds, walk-in sales linked to them included, newest first.
    Result<QList<Purchase>> purchases(const QString& companyId, const QString& customerId, int limit);
    Result<QList<LedgerLine>> pointsHistory(const QString& companyId, const QString& customerId, int limit);
    Result<QList<LedgerLine>> creditHistory(const QString& companyId, const QString& customerId, int limit);

    struct CompanyStats
    {
        qint64 customers = 0; // live (not deleted)
        qint64 active = 0;
        qint64 members = 0; // member or vip
        qint64 newThisMonth = 0;
        qint64 revenue = 0; // sales less refunds
        qint64 sales = 0;
        qint64 creditTotal = 0; // store credit customers hold
        qint64 debtTotal = 0; // what customers owe, as a positive amount
    };
    // `monthStartMs`: the start of the current month (UTC).
    Result<CompanyStats> stats(const QString& companyId, qint64 monthStartMs);

    // The next customer number the server hands out for the company: its own block after
    // every terminal's (ServerStore::codeBlock), so codes never collide with a terminal's.
    Result<qint64> takeCustomerNumber(const QString& companyId, qint64 first);

    // The customer's fields as CustomerJson::snapshot names them, read back into a Customer.
    static std::optional<Customer> customerFromJson(const QJsonObject& fields);

private:
    QSqlQuery& prepared(const QString& sql) { return m_statements.prepared(sql); }
    Error errorOf(const QSqlQuery& q) const { return m_statements.errorOf(q); }
    Status exec(QSqlQuery& q) { return m_statements.exec(q); }
    // A customer's points or store-credit entries, newest first.
    Result<QList<LedgerLine>> ledgerHistory(
        const char* table, const char* amount, const QString& companyId, const QString& customerId, int limit);
    // A customer row as a batch holds it: read from the table, then changed in memory.
    struct Row
    {
        QString companyId;
        QString id;
        QJsonObject data;
        QJsonObject fieldHlc;
        Hlc rowHlc;
        bool present = false; // has a row (in the table, or made by this batch)
        bool inTable = false; // has a row in the table (read, or written by a flush)
        bool deleted = false;
        QString tableWordsKey; // the folded name the table's words were made from ("" for none)
        qint64 opCreatedAt = 0; // the created-at of the op that changed the row last
        bool dirty = false;
    };
    using RowKey = std::pair<QString, QString>; // company, customer
    // Reads the rows of these customers not yet in `rows` (absent ones as not present).
    Status readRows(const QList<RowKey>& keys, QHash<RowKey, Row>& rows);
    // Merges a customer op into its row; whether the row changed.
    static bool mergeCustomer(Row& row, const SyncOp& op);
    // Writes the changed rows and their words, new rows several to a statement.
    Status writeRows(QHash<RowKey, Row>& rows, QList<RowKey>& dirty);
    Status applyOther(const SyncOp& op);
    Status applyNote(const SyncOp& op);
    Status applySale(const SyncOp& op);
    Status applyFact(const SyncOp& op);

    QSqlDatabase m_db;
    ServerStatements& m_statements;
};

} // namespace kasir
