#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Result.h"
#include "core/storage/NameIndex.h"

#include <QCoreApplication>
#include <QVariant>

#include <functional>
#include <optional>

namespace kasir {

class Database;
class UnitOfWork;
struct CustomerSearchTerms;

// SQL for customers and nothing else: rules and permissions are CustomerService's.
class CustomerRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CustomerRepository)

public:
    explicit CustomerRepository(Database& db);

    // The ids of the customers that one filter of a search picks out of its own index, as
    // a SELECT with its values: where a search starts when that filter is selective.
    struct Subset
    {
        QString sql;
        QVariantList binds;
    };

    Status insert(UnitOfWork& uow, const Customer& customer);
    Status update(UnitOfWork& uow, const Customer& customer);
    Status remove(UnitOfWork& uow, const QString& id);

    Result<std::optional<Customer>> byId(const QString& companyId, const QString& id);
    Result<std::optional<Customer>> byCode(const QString& companyId, const QString& code);
    Result<std::optional<Customer>> byPhone(const QString& companyId, const QString& e164);
    Result<std::optional<Customer>> byEmail(const QString& companyId, const QString& email);

    Result<CustomerPage> search(const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms);
    Result<qint64> count(const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms);

    // Reserves `count` consecutive customer code numbers for the company inside the unit
    // of work and returns the first (code 124 is "C-000124").
    Result<qint64> reserveCodes(UnitOfWork& uow, const QString& companyId, qint64 count);

    // Tables whose rows point at this customer and would forbid a hard delete (sales,
    // ledgers): every foreign key onto customer(id) that does not cascade.
    Result<QStringList> blockingReferences(const QString& id);

    // Every customer in the file, of every company.
    Result<qint64> countAll();

    // What decides a customer's level and type under the membership rules.
    struct Standing
    {
        QString id;
        CustomerType type = CustomerType::WalkIn;
        MembershipLevel level = MembershipLevel::Bronze;
        qint64 totalSpent = 0; // 0 for a customer who never bought
    };
    // Calls `visit` for every customer of the company, in one query that holds one row at a
    // time however many there are, and stops at the first error `visit` returns. `visit`
    // may change the customer it is given (its level, type and stamps), not run this query.
    Status forEachStanding(const QString& companyId, const std::function<Status(const Standing&)>& visit);

    // A bulk load inside one unit of work: begin drops the customer table's secondary
    // indexes; rows then go in with insertLoaded (seq handed out from `nextSeq` on, in
    // order) while the caller gathers their name-index rows in a NameIndex::Load; finish
    // makes the indexes again from the schema's own text while another thread sorts the
    // words, then writes them. A rollback undoes all of it, the dropped indexes included.
    struct BulkLoad
    {
        QStringList indexes; // CREATE INDEX statements to run at the end
        qint64 nextSeq = 1;
        qint64 cacheSize = 0; // the connection's page cache before the load (PRAGMA cache_size)
    };
    static constexpr qint64 bulkCacheKiB = -524288; // 512 MiB while a load runs
    // Which indexes a load drops: every secondary index whose keys arrive in random order,
    // or only those that serve searches, keeping the unique phone and email indexes that a
    // load resolving duplicates row by row looks customers up by (a pulled download).
    enum class Dropped
    {
        AllRandom,
        SearchOnly,
    };
    Result<BulkLoad> beginBulkLoad(UnitOfWork& uow, Dropped dropped = Dropped::AllRandom);
    // Consecutive customers from `firstSeq` on, `nameKeys` their folded names,
    // UnitOfWork::rowsPerStatement rows per statement: a statement's fixed costs (its
    // CHECKs' IN lists are built once per execution) are shared by a whole group.
    Status insertLoaded(
        UnitOfWork& uow, const QList<Customer>& customers, const QStringList& nameKeys, qint64 firstSeq);
    Status finishBulkLoad(UnitOfWork& uow, const BulkLoad& load, NameIndex::Load& words);
    // The same for a load that did not gather its words: the name index is made again from
    // every customer in the table (read before the indexes are made, sorted on another
    // thread while they are), replacing what the unit's own index changes would write.
    Status finishBulkLoadFromTable(UnitOfWork& uow, const BulkLoad& load);
    // After the unit of work, committed or not: gives the connection its page cache back.
    void endBulkLoad(const BulkLoad& load);
    // Gives back the last `count` codes reserveCodes handed out in this unit of work.
    Status releaseCodes(UnitOfWork& uow, const QString& companyId, qint64 count);

    // Rebuilds the name search index from the customer table (after a restore, or to
    // repair); inside a unit of work like any write.
    Status rebuildSearchIndex(UnitOfWork& uow);

    // The keyset cursor for a row under a sort; exposed for tests.
    static QString cursorFor(const Customer& customer, CustomerQuery::Sort sort);

private:
    // A list sorted by name with name words: a merge of the word index (NameIndex.h).
    Result<CustomerPage> nameSearch(const QString& companyId, const CustomerQuery& query,
        const CustomerSearchTerms& terms, const std::optional<std::pair<QString, QString>>& after, int limit);
    // Trims the extra row read past the page into the next cursor, and adds the total.
    Result<CustomerPage> completePage(CustomerPage page, int limit, const QString& companyId,
        const CustomerQuery& query, const CustomerSearchTerms& terms);
    // The distinct indexed words that start with `prefix`, at most `max`.
    Result<QStringList> wordsWithPrefix(const QString& companyId, const QString& prefix, int max);
    // How many index rows the words starting with `prefix` hold, counting at most `cap`.
    Result<qint64> wordRows(const QString& companyId, const QString& prefix, qint64 cap);
    // How many customer_metrics rows of the company pass `condition` (on alias m; `binds`
    // start with the company), counting to `cap` at most.
    Result<std::optional<Subset>> smallSubset(
        const QString& companyId, const CustomerQuery& query, const CustomerSearchTerms& terms);
    Error explainDuplicate(const Error& error);
    Result<std::optional<Customer>> one(const QString& sql, const QString& companyId, const QString& value);
    Status bindAndWrite(
        UnitOfWork& uow, const QString& sql, const Customer& c, const std::optional<NameIndex::Entry>& old);
    // Binds the 29 values of insert/update in their order; returns the next index.
    static int bindCustomer(QSqlQuery& q, const Customer& c, const QString& nameKey, int first = 0);

    Database& m_db;
};

} // namespace kasir
