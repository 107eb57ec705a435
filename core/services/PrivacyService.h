#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerContact.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/PersonalData.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;
class UnitOfWork;

// A customer's privacy requests: everything about them as one document (managers and
// administrators), and the erasure of their personal data (administrators only), either
// by anonymisation, which keeps the customer with every sale, ledger entry, tier and figure
// to the unit, or by deleting the customer, for someone without sales or ledger entries.
//
// Personal data also sits in copies: the name and phone noted on sales, and the before and
// after values in the audit log. An erasure first writes its record (customer_erasure),
// which is what lets migration 9's guards allow exactly one change to those copies: a
// personal value (PersonalData::fieldsOf) becomes PersonalData::redacted. Nothing else of
// a sale or an audit row can change, before or after. The walk-in sales that noted one of
// the customer's numbers and were credited to nobody are copies too: each is recorded as
// erased with them (sale_erasure) and redacted the same way, or once the numbers are gone
// nothing could ever find them again.
//
// Sync: the erasure record is an op of its own ("customer_erasure"), so the server learns
// of it and redacts its own copies the same way (its op log, its sales); the changed rows
// go as ops too, each personal field named, so that a per-field merge cannot bring an older
// value back. Sale snapshots and audit rows get no ops: they are not synced as rows. The ops
// written before the erasure and not yet acknowledged by the server are its copies too: they
// keep their ids and their place, their personal values become the marker.
class PrivacyService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::PrivacyService)

public:
    static constexpr int formatVersion = 1;
    static constexpr int maxReason = 500;

    PrivacyService(Database& db, Actor actor);

    // Everything stored about the customer as one JSON document: profile, contacts,
    // preferences, all notes (deleted ones too: their text is still stored), tags, sales and
    // refunds with lines and payments (their own and linked walk-in sales), points and
    // store-credit entries with running balances, tier history, figures and activity. The
    // export is recorded first (who, when, about whom; none of the data), with a sync op so
    // that the company's central record knows that the data left the system; then the
    // document is read in one snapshot of the file, without the write lock. A record whose
    // reading failed stands for an attempted export: never is a document handed out
    // unrecorded.
    Result<QJsonObject> exportCustomer(const QString& customerRef);

    // What an erasure changed.
    struct Erased
    {
        Customer customer; // as it is now (for a deletion: as it was, personal data redacted)
        CustomerErasure erasure;
        qint64 notes = 0;
        qint64 contacts = 0;
        qint64 tags = 0;
        qint64 sales = 0; // sale snapshots cleared, walk-in sales erased with them included
        qint64 auditRows = 0; // audit rows redacted
        qint64 syncOps = 0; // pending sync ops redacted
        // Whether the write-ahead log, which still held the pages as they were before the
        // erasure, was emptied after it; if not, why (the erasure is done either way).
        bool checkpointed = false;
        QString checkpointNote;
    };
    // Replaces the customer's personal data in one unit of work: name "Anonymised C-000123",
    // contact details, address, birth date, gender and free notes cleared, additional
    // contacts and tags removed, notes erased (text redacted, tombstoned), preferences
    // reset, do-not-contact on, status inactive; sale snapshots (their own, linked and
    // walk-in sales that noted their numbers), audit rows and pending sync ops redacted.
    // Type, level, discount, sales, ledgers, credit limit and figures stay as they are. The
    // reason (required, one line) is kept and must not repeat the personal data. A customer
    // is anonymised once: a second time is a conflict.
    Result<Erased> anonymise(const QString& customerRef, const QString& reason);
    // Deletes a customer without sales, linked sales, ledger entries or tier history, with
    // their notes, contacts, tags, preferences and credit limit (each with its own delete op
    // and audit row), and redacts their personal data in the audit log, the pending sync ops
    // and the walk-in sales that noted their numbers. Refused, naming what
    // blocks it, for a customer with history: anonymise or deactivate them instead.
    Result<Erased> remove(const QString& customerRef, const QString& reason = {});

    // A conflict when the customer was anonymised: personal data is not added back to them.
    static Status refuseIfAnonymised(Database& db, const Customer& customer);

    static QJsonObject toJson(const Erased& erased);
    static FieldSnapshot snapshot(const CustomerErasure& erasure);

private:
    // Records an export of the customer in a unit of work of its own; returns its time.
    Result<qint64> recordExport(const Customer& customer);
    // The reason, trimmed and checked; `required` for an anonymisation.
    Result<QString> cleanReason(const QString& raw, bool required);
    // Refuses a reason that repeats a word of the customer's name (three letters or more),
    // the last six digits of one of their numbers however written, an email or the address.
    static Status checkReasonKeepsNothing(
        const QString& reason, const Customer& customer, const QList<CustomerContact>& contacts);
    // The customer's phone, WhatsApp and contact numbers, each once.
    static QStringList numbersOf(const Customer& customer, const QList<CustomerContact>& contacts);
    // Writes the erasure record with its op, erases the walk-in sales that noted one of
    // `numbers` (eraseWalkInSales), then redacts the copies (redactCopies).
    Status recordErasure(
        UnitOfWork& uow, Erased& out, CustomerErasure::Kind kind, const QString& reason, const QStringList& numbers);
    // Records each walk-in sale credited to nobody that noted one of the numbers as erased
    // with the customer (sale_erasure), with an op that tells the server which sales to
    // redact. The sales stay nobody's: no link, no figures.
    Status eraseWalkInSales(UnitOfWork& uow, Erased& out, const QStringList& numbers);
    // Redacts the personal values in the audit rows and the pending sync ops about the
    // customer; before any op of this unit of work but the erasure's own is written.
    Status redactCopies(UnitOfWork& uow, Erased& out);
    // After an erasure has committed: empties the write-ahead log, best effort, and says how
    // it went in `out`. What the erasure deleted or overwrote is zeroed in the pages as they
    // are written (secure_delete, Database); the log still holds the pages as they were.
    void clearOldPages(Erased& out);
    // Removes the customer's additional contacts and tags, each with a delete op whose audit
    // row keeps no personal value.
    Status removeContactsAndTags(UnitOfWork& uow, Erased& out);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
