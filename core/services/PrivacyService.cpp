#include "core/services/PrivacyService.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/Ids.h"
#include "core/domain/TextFold.h"
#include "core/domain/TextRules.h"
#include "core/services/ActivityService.h"
#include "core/services/CheckoutService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/MetricsService.h"
#include "core/services/NoteService.h"
#include "core/services/PreferenceService.h"
#include "core/services/TagService.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/PreferenceRepository.h"
#include "core/storage/PrivacyRepository.h"
#include "core/storage/SaleRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>
#include <utility>

namespace kasir {

namespace {

const QString kErasure = QStringLiteral("customer_erasure");

QString digitsOf(QStringView text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isDigit())
            out.append(c);
    }
    return out;
}

// How many of a number's last digits a reason may not repeat.
constexpr qsizetype minPhoneDigits = 6;

// The digits of each run of digits in `text`, a run going on over the signs a number is
// written with ("+62 (821) 5555-6666" is one run).
QStringList digitRuns(QStringView text)
{
    QStringList out;
    QString run;
    for (const QChar c : text) {
        if (c.isDigit())
            run.append(c);
        else if (!(c.isSpace() || c == u'-' || c == u'.' || c == u'(' || c == u')' || c == u'/' || c == u'+')
            && !run.isEmpty())
            out << std::exchange(run, QString());
    }
    if (!run.isEmpty())
        out << run;
    return out;
}

// What stops a hard delete, in the shop's words: the tables blockingReferences names.
QString describeHistory(const QStringList& tables)
{
    QStringList parts;
    for (const QString& table : tables) {
        if (table == u"sale")
            parts << PrivacyService::tr("sales");
        else if (table == u"sale_link")
            parts << PrivacyService::tr("linked walk-in sales");
        else if (table == u"points_entry")
            parts << PrivacyService::tr("points entries");
        else if (table == u"credit_entry")
            parts << PrivacyService::tr("store-credit entries");
        else if (table == u"tier_history")
            parts << PrivacyService::tr("tier history");
        else
            parts << table;
    }
    return parts.join(QStringLiteral(", "));
}

template<typename T>
QList<T> oldestFirst(QList<T> newestFirst)
{
    std::reverse(newestFirst.begin(), newestFirst.end());
    return newestFirst;
}

} // namespace

PrivacyService::PrivacyService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

FieldSnapshot PrivacyService::snapshot(const CustomerErasure& e)
{
    // In name order, so that each field is appended.
    FieldSnapshot s;
    s.setText(QStringLiteral("createdAt"), isoUtc(e.createdAt));
    s.setText(QStringLiteral("createdBy"), e.createdBy);
    s.setText(QStringLiteral("customerId"), e.customerId);
    s.setText(QStringLiteral("kind"), CustomerErasure::toString(e.kind));
    s.setText(QStringLiteral("reason"), e.reason);
    return s;
}

QJsonObject PrivacyService::toJson(const Erased& e)
{
    QJsonObject o {{QStringLiteral("customer"), CustomerJson::toJson(e.customer)},
        {QStringLiteral("erasure"),
            QJsonObject {{QStringLiteral("kind"), CustomerErasure::toString(e.erasure.kind)},
                {QStringLiteral("reason"), e.erasure.reason},
                {QStringLiteral("createdAt"), isoUtc(e.erasure.createdAt)},
                {QStringLiteral("createdBy"), e.erasure.createdBy}}},
        {QStringLiteral("notes"), e.notes}, {QStringLiteral("contacts"), e.contacts}, {QStringLiteral("tags"), e.tags},
        {QStringLiteral("sales"), e.sales}, {QStringLiteral("auditRows"), e.auditRows},
        {QStringLiteral("syncOps"), e.syncOps}, {QStringLiteral("checkpointed"), e.checkpointed}};
    if (!e.checkpointNote.isEmpty())
        o.insert(QStringLiteral("checkpointNote"), e.checkpointNote);
    return o;
}

Status PrivacyService::refuseIfAnonymised(Database& db, const Customer& customer)
{
    auto erasure = PrivacyRepository(db).erasureOf(customer.companyId, customer.id);
    if (!erasure)
        return erasure.error();
    if (!erasure->has_value())
        return Done {};
    return Error::conflict(QStringLiteral("customer"), QStringLiteral("anonymised"),
        tr("%1 was anonymised on %2: personal data is not added to them again")
            .arg(customer.code, isoUtc((*erasure)->createdAt).left(10)));
}

Result<QString> PrivacyService::cleanReason(const QString& raw, bool required)
{
    return TextRules::cleanLine(QStringLiteral("reason"), raw, maxReason, required);
}

Status PrivacyService::checkReasonKeepsNothing(
    const QString& reason, const Customer& c, const QList<CustomerContact>& contacts)
{
    // The reason outlives the data it is about: "asked by email on 3 May" is a reason,
    // "Budi asked" puts him back. Case, accents and spacing do not matter.
    const QString folded = TextFold::fold(reason);
    bool repeats = false;
    // Any word of the name of three letters or more, as a whole word of the reason.
    const QStringList said = TextFold::words(folded);
    for (const QString& word : TextFold::words(TextFold::fold(c.name))) {
        const auto letters = std::count_if(word.cbegin(), word.cend(), [](QChar ch) { return ch.isLetter(); });
        if (letters >= 3 && said.contains(word))
            repeats = true;
    }
    // Emails and the address, whole.
    QStringList texts {c.email, c.address};
    for (const CustomerContact& contact : contacts) {
        if (contact.kind == ContactKind::Email)
            texts << contact.value;
    }
    for (const QString& text : std::as_const(texts)) {
        const QString key = TextFold::fold(text);
        if (key.size() >= 3 && folded.contains(key))
            repeats = true;
    }
    // Any number, however written ("0821-5555-6666", "+62 821 5555 6666", "55 6666"): the
    // digits of each run of digits and the signs written between them, against the last six
    // digits of each number.
    const QStringList runs = digitRuns(reason);
    for (const QString& number : numbersOf(c, contacts)) {
        const QString tail = digitsOf(number).right(minPhoneDigits);
        if (tail.size() < minPhoneDigits)
            continue;
        for (const QString& run : runs) {
            if (run.contains(tail))
                repeats = true;
        }
    }
    if (!repeats)
        return Done {};
    return Error::invalidField(QStringLiteral("reason"), QStringLiteral("personal_data"),
        tr("must not repeat the customer's name, phone numbers, email, address or other contacts: the reason is "
           "kept after their personal data is erased"));
}

QStringList PrivacyService::numbersOf(const Customer& customer, const QList<CustomerContact>& contacts)
{
    QStringList out {customer.phone, customer.whatsapp};
    for (const CustomerContact& contact : contacts) {
        if (contact.kind != ContactKind::Email)
            out << contact.value;
    }
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

Status PrivacyService::eraseWalkInSales(UnitOfWork& uow, Erased& out, const QStringList& numbers)
{
    const Customer& c = out.customer;
    SaleRepository sales(m_db);
    PrivacyRepository repo(m_db);
    for (const QString& number : numbers) {
        // ix_sale_walk_in_phone: the anonymous sales that noted the number, credited to nobody.
        auto found = sales.walkInSales(c.companyId, number);
        if (!found)
            return found.error();
        for (const Sale& sale : std::as_const(*found)) {
            if (Status s = repo.insertSaleErasure(uow, sale.id, c.companyId, c.id); !s)
                return s;
            FieldSnapshot record;
            record.setText(QStringLiteral("createdAt"), isoUtc(uow.now()));
            record.setText(QStringLiteral("createdBy"), m_actor.userId);
            record.setText(QStringLiteral("customerId"), c.id);
            record.setText(QStringLiteral("orderNumber"), sale.orderNumber);
            record.setText(QStringLiteral("saleId"), sale.id);
            if (auto stamp = uow.record({QStringLiteral("sale_erasure"), sale.id, c.companyId, QStringLiteral("erase"),
                    UnitOfWork::Op::Upsert, {}, record, c.id});
                !stamp)
                return stamp.error();
        }
    }
    return Done {};
}

Status PrivacyService::recordErasure(
    UnitOfWork& uow, Erased& out, CustomerErasure::Kind kind, const QString& reason, const QStringList& numbers)
{
    PrivacyRepository repo(m_db);
    out.erasure = CustomerErasure {out.customer.id, out.customer.companyId, kind, reason, uow.now(), m_actor.userId};
    if (Status s = repo.insertErasure(uow, out.erasure); !s)
        return s;
    if (auto stamp = uow.record({kErasure, out.customer.id, out.customer.companyId, CustomerErasure::toString(kind),
            UnitOfWork::Op::Upsert, {}, snapshot(out.erasure), out.customer.id});
        !stamp)
        return stamp.error();
    if (Status s = eraseWalkInSales(uow, out, numbers); !s)
        return s;
    return redactCopies(uow, out);
}

Status PrivacyService::redactCopies(UnitOfWork& uow, Erased& out)
{
    PrivacyRepository repo(m_db);
    auto audit = repo.redactAudit(uow, out.customer.companyId, out.customer.id);
    if (!audit)
        return audit.error();
    out.auditRows += *audit;
    // Done before this unit writes its own ops, which carry the values that replace theirs.
    auto ops = repo.redactOutbox(uow, out.customer.companyId, out.customer.id);
    if (!ops)
        return ops.error();
    out.syncOps += *ops;
    return Done {};
}

void PrivacyService::clearOldPages(Erased& out)
{
    auto emptied = m_db.checkpoint();
    out.checkpointed = emptied && *emptied;
    if (!emptied)
        out.checkpointNote = tr("the erased values may stay in the database's write-ahead log until every program "
                                "using the database has closed it: %1")
                                 .arg(emptied.error().message);
    else if (!*emptied)
        out.checkpointNote = tr("another program is using the database: the erased values stay in its write-ahead log "
                                "until every program using the database has closed it");
}

Status PrivacyService::removeContactsAndTags(UnitOfWork& uow, Erased& out)
{
    const Customer& c = out.customer;
    ContactRepository contacts(m_db);
    auto listed = contacts.forCustomer(c.companyId, c.id);
    if (!listed)
        return listed.error();
    for (const CustomerContact& contact : std::as_const(*listed)) {
        if (Status s = contacts.remove(uow, c.companyId, contact.id); !s)
            return s;
        if (auto stamp = uow.record({QStringLiteral("customer_contact"), contact.id, c.companyId,
                QStringLiteral("delete"), UnitOfWork::Op::Delete,
                PersonalData::redact(u"customer_contact", ContactService::snapshot(contact)), {}, c.id});
            !stamp)
            return stamp.error();
        ++out.contacts;
    }
    // Off through the same use case as a manager's untagging: the same audit row and op.
    TagService tagging(m_db, m_actor);
    auto tagged = TagRepository(m_db).tagsOf(c.companyId, c.id);
    if (!tagged)
        return tagged.error();
    for (const Tag& t : std::as_const(*tagged)) {
        auto untagged = tagging.untag(uow, c.id, t.name);
        if (!untagged)
            return untagged.error();
        if (untagged->removed)
            ++out.tags;
    }
    return Done {};
}

Result<PrivacyService::Erased> PrivacyService::anonymise(const QString& customerRef, const QString& reason)
{
    if (Status s = m_actor.require(Permission::CustomerAnonymise, tr("anonymise customers")); !s)
        return s.error();
    auto why = cleanReason(reason, true);
    if (!why)
        return why.error();
    // Everything is read under the write lock: nothing added meanwhile escapes the erasure.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = CustomerService(m_db, m_actor).get(customerRef);
    if (!current)
        return current.error();
    const Customer before = *current;
    PrivacyRepository repo(m_db);
    auto erased = repo.erasureOf(before.companyId, before.id);
    if (!erased)
        return erased.error();
    if (erased->has_value())
        return Error::conflict(QStringLiteral("customer"), QStringLiteral("already_anonymised"),
            tr("%1 was already anonymised on %2").arg(before.code, isoUtc((*erased)->createdAt).left(10)));
    auto contacts = ContactRepository(m_db).forCustomer(before.companyId, before.id);
    if (!contacts)
        return contacts.error();
    if (Status s = checkReasonKeepsNothing(*why, before, *contacts); !s)
        return s.error();

    Erased out;
    out.customer = before;
    if (Status s = recordErasure(uow, out, CustomerErasure::Kind::Anonymise, *why, numbersOf(before, *contacts)); !s)
        return s.error();
    if (Status s = removeContactsAndTags(uow, out); !s)
        return s.error();

    // Notes keep their place in the staff's record (who wrote one, when, what kind), not
    // their text: a tombstone whose body is the marker.
    auto notes = repo.notes(before.companyId, before.id);
    if (!notes)
        return notes.error();
    for (const CustomerNote& note : std::as_const(*notes)) {
        CustomerNote after = note;
        after.body = PersonalData::redacted;
        if (!after.deletedAt) {
            after.deletedAt = uow.now();
            after.deletedBy = m_actor.userId;
        }
        if (Status s = repo.redactNote(uow, after); !s)
            return s.error();
        // Recorded from a copy without the text: the op carries the marker as the new body.
        CustomerNote shown = note;
        shown.body.clear();
        if (auto stamp
            = uow.record({QStringLiteral("customer_note"), note.id, note.companyId, QStringLiteral("anonymise"),
                UnitOfWork::Op::Upsert, NoteService::snapshot(shown), NoteService::snapshot(after), note.customerId});
            !stamp)
            return stamp.error();
        ++out.notes;
    }

    // Preferences back to nothing known and no consent: there is nobody left to ask.
    PreferenceRepository preferences(m_db);
    auto stored = preferences.byCustomer(before.companyId, before.id);
    if (!stored)
        return stored.error();
    CustomerPreferences prefsBefore = stored->value_or(CustomerPreferences {});
    prefsBefore.customerId = before.id;
    CustomerPreferences prefsAfter;
    prefsAfter.customerId = before.id;
    prefsAfter.canReceiveOffers = false;
    prefsAfter.canReceiveLoyalty = false;
    prefsAfter.updatedAt = std::max(uow.now(), prefsBefore.updatedAt);
    if (PreferenceService::snapshot(prefsBefore) != PreferenceService::snapshot(prefsAfter)) {
        if (Status s = preferences.upsert(uow, before.companyId, prefsAfter); !s)
            return s.error();
        if (auto stamp = uow.record({QStringLiteral("customer_preference"), before.id, before.companyId,
                QStringLiteral("anonymise"), UnitOfWork::Op::Upsert, PreferenceService::snapshot(prefsBefore),
                PreferenceService::snapshot(prefsAfter), before.id});
            !stamp)
            return stamp.error();
    }

    Customer after = before;
    after.name = tr("Anonymised %1", "the name an anonymised customer keeps; %1 is their code").arg(before.code);
    after.phone.clear();
    after.whatsapp.clear();
    after.email.clear();
    after.address.clear();
    after.city.clear();
    after.province.clear();
    after.postalCode.clear();
    after.birthDate = QDate();
    after.gender = Gender::Unspecified;
    after.notes.clear();
    after.preferSms = after.preferEmail = after.preferCall = after.preferWhatsapp = false;
    after.doNotContact = true;
    after.status = CustomerStatus::Inactive;
    after.updatedAt = std::max(uow.now(), before.updatedAt);
    after.updatedBy = m_actor.userId;
    // The name index follows in the repository's update, in this unit of work.
    if (Status s = CustomerRepository(m_db).update(uow, after); !s)
        return s.error();
    // Every personal field is named as redacted before, so that the op sets each of them,
    // whatever another terminal may still send from before the erasure.
    if (auto stamp = uow.record(
            {QStringLiteral("customer"), after.id, after.companyId, QStringLiteral("anonymise"), UnitOfWork::Op::Upsert,
                PersonalData::redact(u"customer", CustomerJson::snapshot(before)), CustomerJson::snapshot(after)});
        !stamp)
        return stamp.error();
    out.customer = after;

    auto sales = repo.redactSaleSnapshots(uow, before.companyId, before.id);
    if (!sales)
        return sales.error();
    out.sales = *sales;
    if (Status s = uow.commit(); !s)
        return s.error();
    clearOldPages(out);
    return out;
}

Result<PrivacyService::Erased> PrivacyService::remove(const QString& customerRef, const QString& reason)
{
    if (Status s = m_actor.require(Permission::CustomerDelete, tr("delete customers")); !s)
        return s.error();
    auto why = cleanReason(reason, false);
    if (!why)
        return why.error();
    // Whether anything refers to the customer is decided under the write lock, so that a
    // sale completed meanwhile is never left without its customer.
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    auto current = CustomerService(m_db, m_actor).get(customerRef);
    if (!current)
        return current.error();
    const Customer before = *current;
    CustomerRepository customers(m_db);
    auto blocking = customers.blockingReferences(before.id);
    if (!blocking)
        return blocking.error();
    if (!blocking->isEmpty())
        return Error::conflict(QStringLiteral("customer"), QStringLiteral("has_history"),
            tr("%1 (%2) has %3 and cannot be deleted: the figures and ledgers must stay. Anonymise the customer to "
               "erase their personal data, or deactivate the customer instead")
                .arg(before.name, before.code, describeHistory(*blocking)));
    auto contacts = ContactRepository(m_db).forCustomer(before.companyId, before.id);
    if (!contacts)
        return contacts.error();
    PrivacyRepository repo(m_db);
    auto erased = repo.erasureOf(before.companyId, before.id);
    if (!erased)
        return erased.error();
    // The name an anonymised customer is left with ("Anonymised C-000123") is no one's.
    Customer asKnown = before;
    if (erased->has_value())
        asKnown.name.clear();
    if (Status s = checkReasonKeepsNothing(*why, asKnown, *contacts); !s)
        return s.error();

    Erased out;
    out.customer = before;
    if (erased->has_value()) {
        // Anonymised earlier: that record stands; what was written since is redacted again.
        out.erasure = **erased;
        if (Status s = redactCopies(uow, out); !s)
            return s.error();
    } else if (Status s = recordErasure(uow, out, CustomerErasure::Kind::Delete, *why, numbersOf(before, *contacts));
               !s) {
        return s.error();
    }
    if (Status s = removeContactsAndTags(uow, out); !s)
        return s.error();

    // The rest of what belongs to the customer goes with it by ON DELETE CASCADE; each row
    // is recorded here first, so that the server and the other terminals delete it too.
    auto notes = repo.notes(before.companyId, before.id);
    if (!notes)
        return notes.error();
    for (const CustomerNote& note : std::as_const(*notes)) {
        if (auto stamp = uow.record({QStringLiteral("customer_note"), note.id, note.companyId, QStringLiteral("delete"),
                UnitOfWork::Op::Delete, PersonalData::redact(u"customer_note", NoteService::snapshot(note)), {},
                note.customerId});
            !stamp)
            return stamp.error();
        ++out.notes;
    }
    auto stored = PreferenceRepository(m_db).byCustomer(before.companyId, before.id);
    if (!stored)
        return stored.error();
    if (stored->has_value()) {
        if (auto stamp
            = uow.record({QStringLiteral("customer_preference"), before.id, before.companyId, QStringLiteral("delete"),
                UnitOfWork::Op::Delete, PreferenceService::snapshot(**stored), {}, before.id});
            !stamp)
            return stamp.error();
    }
    auto limit = repo.creditLimit(before.id);
    if (!limit)
        return limit.error();
    if (limit->has_value()) {
        if (auto stamp = uow.record({QStringLiteral("credit_limit"), before.id, before.companyId,
                QStringLiteral("delete"), UnitOfWork::Op::Delete,
                FieldSnapshot {{QStringLiteral("maxDebt"), QJsonValue(**limit)}}, {}, before.id});
            !stamp)
            return stamp.error();
    }

    // The walk-in sales erased with them; they stay, credited to nobody.
    auto sales = repo.redactSaleSnapshots(uow, before.companyId, before.id);
    if (!sales)
        return sales.error();
    out.sales = *sales;
    if (Status s = customers.remove(uow, before.id); !s)
        return s.error();
    const FieldSnapshot shown = PersonalData::redact(u"customer", CustomerJson::snapshot(before));
    if (auto stamp = uow.record({QStringLiteral("customer"), before.id, before.companyId, QStringLiteral("delete"),
            UnitOfWork::Op::Delete, shown, {}});
        !stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    // What is left to say about them: the code, the figures, no personal value.
    out.customer.name = PersonalData::redacted;
    for (QString* field : {&out.customer.phone, &out.customer.whatsapp, &out.customer.email, &out.customer.address,
             &out.customer.city, &out.customer.province, &out.customer.postalCode, &out.customer.notes})
        field->clear();
    out.customer.birthDate = QDate();
    out.customer.gender = Gender::Unspecified;
    clearOldPages(out);
    return out;
}

Result<qint64> PrivacyService::recordExport(const Customer& c)
{
    UnitOfWork uow(m_db, m_actor);
    if (Status s = uow.begin(); !s)
        return s.error();
    // About whom, by whom, when, in what format; none of the data.
    FieldSnapshot record;
    record.setText(QStringLiteral("createdAt"), isoUtc(uow.now()));
    record.setText(QStringLiteral("createdBy"), m_actor.userId);
    record.setText(QStringLiteral("customerId"), c.id);
    record.setText(QStringLiteral("format"), QStringLiteral("kasir.customer-export/%1").arg(formatVersion));
    if (auto stamp = uow.record({QStringLiteral("customer_export"), Ids::newId(uow.now()), c.companyId,
            QStringLiteral("export"), UnitOfWork::Op::Upsert, {}, record, c.id});
        !stamp)
        return stamp.error();
    if (Status s = uow.commit(); !s)
        return s.error();
    return uow.now();
}

Result<QJsonObject> PrivacyService::exportCustomer(const QString& customerRef)
{
    if (Status s = m_actor.require(Permission::CustomerExport, tr("export customers' data")); !s)
        return s.error();
    auto found = CustomerService(m_db, m_actor).get(customerRef);
    if (!found)
        return found.error();
    // Recorded first, in a unit of work of its own that holds the write lock for a moment:
    // no document is handed out without its record. If the reading below fails, the record
    // stands for an export that was attempted.
    auto exportedAt = recordExport(*found);
    if (!exportedAt)
        return exportedAt.error();
    // Then read in one snapshot of the file (a deferred transaction, no write lock): the
    // document is one moment of the file, and the till goes on selling meanwhile however
    // long the history is.
    const ReadSnapshot snapshot(m_db);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    auto customer = CustomerService(m_db, m_actor).get(found->id);
    if (!customer)
        return customer.error();
    const Customer& c = *customer;
    auto company = TenancyRepository(m_db).company(c.companyId);
    if (!company)
        return company.error();
    if (!company->has_value())
        return Error::notFound(tr("company %1 does not exist").arg(c.companyId));
    const Company& co = **company;
    PrivacyRepository repo(m_db);

    QJsonObject doc {{QStringLiteral("format"), QStringLiteral("kasir.customer-export")},
        {QStringLiteral("formatVersion"), formatVersion}, {QStringLiteral("schemaVersion"), m_db.schemaVersion()},
        {QStringLiteral("exportedAt"), isoUtc(*exportedAt)},
        {QStringLiteral("exportedBy"),
            QJsonObject {{QStringLiteral("id"), m_actor.userId}, {QStringLiteral("username"), m_actor.username},
                {QStringLiteral("role"), Roles::toString(m_actor.role)}}},
        {QStringLiteral("company"),
            QJsonObject {{QStringLiteral("id"), co.id}, {QStringLiteral("name"), co.name},
                {QStringLiteral("currency"), co.currency}}},
        {QStringLiteral("customer"), CustomerJson::toJson(c)}};

    auto erasure = repo.erasureOf(c.companyId, c.id);
    if (!erasure)
        return erasure.error();
    if (erasure->has_value())
        doc.insert(QStringLiteral("erasure"),
            QJsonObject {{QStringLiteral("kind"), CustomerErasure::toString((*erasure)->kind)},
                {QStringLiteral("reason"), (*erasure)->reason},
                {QStringLiteral("createdAt"), isoUtc((*erasure)->createdAt)},
                {QStringLiteral("createdBy"), (*erasure)->createdBy}});

    auto contacts = ContactRepository(m_db).forCustomer(c.companyId, c.id);
    if (!contacts)
        return contacts.error();
    QJsonArray contactList;
    for (const CustomerContact& contact : std::as_const(*contacts))
        contactList.append(ContactService::toJson(contact));
    doc.insert(QStringLiteral("contacts"), contactList);

    auto prefs = PreferenceService(m_db, m_actor).get(c.id);
    if (!prefs)
        return prefs.error();
    doc.insert(QStringLiteral("preferences"), PreferenceService::toJson(*prefs));

    // Deleted notes too: a tombstone keeps the text, and the customer may see what is kept.
    auto notes = repo.notes(c.companyId, c.id);
    if (!notes)
        return notes.error();
    QJsonArray noteList;
    for (const CustomerNote& note : std::as_const(*notes))
        noteList.append(NoteService::toJson(note));
    doc.insert(QStringLiteral("notes"), noteList);

    auto tags = TagRepository(m_db).tagsOf(c.companyId, c.id);
    if (!tags)
        return tags.error();
    QJsonArray tagList;
    for (const Tag& t : std::as_const(*tags))
        tagList.append(TagService::toJson(t));
    doc.insert(QStringLiteral("tags"), tagList);

    auto sales = SaleRepository(m_db).historyOf(c.companyId, c.id);
    if (!sales)
        return sales.error();
    QJsonArray saleList;
    for (const Sale& s : std::as_const(*sales)) {
        QJsonObject o = CheckoutService::toJson(s);
        // A walk-in sale counted for the customer after they registered.
        o.insert(QStringLiteral("linked"), s.customerId.isEmpty());
        saleList.append(o);
    }
    doc.insert(QStringLiteral("sales"), saleList);

    LedgerRepository ledger(m_db);
    auto balances = ledger.balances(c.id);
    if (!balances)
        return balances.error();
    constexpr int everything = std::numeric_limits<int>::max();
    auto points = ledger.pointsHistory(c.id, everything);
    if (!points)
        return points.error();
    QJsonArray pointsList;
    for (const PointsEntry& e : oldestFirst(*points))
        pointsList.append(LedgerService::toJson(e));
    doc.insert(QStringLiteral("points"),
        QJsonObject {{QStringLiteral("balance"), balances->points}, {QStringLiteral("entries"), pointsList}});
    auto credit = ledger.creditHistory(c.id, everything);
    if (!credit)
        return credit.error();
    auto maxDebt = ledger.maxDebt(c.id);
    if (!maxDebt)
        return maxDebt.error();
    QJsonArray creditList;
    for (const CreditEntry& e : oldestFirst(*credit))
        creditList.append(LedgerService::toJson(e));
    doc.insert(QStringLiteral("credit"),
        QJsonObject {{QStringLiteral("balance"), balances->credit}, {QStringLiteral("limit"), *maxDebt},
            {QStringLiteral("entries"), creditList}});

    auto tiers = repo.tierHistory(c.id);
    if (!tiers)
        return tiers.error();
    QJsonArray tierList;
    for (const PrivacyRepository::TierStep& t : std::as_const(*tiers)) {
        QJsonObject o {{QStringLiteral("id"), t.id}, {QStringLiteral("fromLevel"), t.fromLevel},
            {QStringLiteral("toLevel"), t.toLevel}, {QStringLiteral("fromType"), t.fromType},
            {QStringLiteral("toType"), t.toType}, {QStringLiteral("reason"), t.reason},
            {QStringLiteral("createdAt"), isoUtc(t.createdAt)}, {QStringLiteral("createdBy"), t.createdBy}};
        if (!t.saleId.isEmpty())
            o.insert(QStringLiteral("saleId"), t.saleId);
        tierList.append(o);
    }
    doc.insert(QStringLiteral("tierHistory"), tierList);

    auto report = MetricsService(m_db, m_actor).report(c.id);
    if (!report)
        return report.error();
    doc.insert(QStringLiteral("metrics"), MetricsService::toJson(*report, *exportedAt));

    // The activity log, a page at a time, oldest first in the document.
    ActivityService activity(m_db, m_actor);
    QList<ActivityEntry> entries;
    for (qint64 before = 0;;) {
        auto page = activity.forCustomer(c.id, 1000, before);
        if (!page)
            return page.error();
        entries.append(*page);
        if (page->size() < 1000)
            break;
        before = page->constLast().id;
    }
    QJsonArray activityList;
    for (const ActivityEntry& e : oldestFirst(entries))
        activityList.append(ActivityService::toJson(e));
    doc.insert(QStringLiteral("activity"), activityList);

    return doc;
}

} // namespace kasir
