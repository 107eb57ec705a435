#include "core/services/ActivityService.h"

#include "core/domain/Clock.h"
#include "core/domain/Money.h"
#include "core/services/CustomerService.h"
#include "core/storage/AuditRepository.h"
#include "core/storage/Database.h"
#include "core/storage/NoteRepository.h"
#include "core/storage/TenancyRepository.h"

#include <QJsonArray>

namespace kasir {

namespace {

QJsonValue before(const ActivityEntry& e, const QString& field)
{
    return e.changes.value(field).toArray().at(0);
}

QJsonValue after(const ActivityEntry& e, const QString& field)
{
    return e.changes.value(field).toArray().at(1);
}

QString text(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? ActivityService::tr("yes") : ActivityService::tr("no");
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

// Figures that are amounts of money in the company currency.
bool isMoney(const QString& field)
{
    static const QStringList money {QStringLiteral("amount"), QStringLiteral("balanceAfter"),
        QStringLiteral("balanceBefore"), QStringLiteral("discount"), QStringLiteral("maxDebt"),
        QStringLiteral("subtotal"), QStringLiteral("total")};
    return money.contains(field);
}

QString shown(const QString& field, const QJsonValue& v, const QString& currency)
{
    if (isMoney(field) && v.isDouble())
        return Money::format(v.toInteger(), currency);
    return text(v);
}

QString label(const QString& field)
{
    static const QHash<QString, const char*> labels {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Name")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Phone")},
        {QStringLiteral("whatsapp"), QT_TRANSLATE_NOOP("kasir::ActivityService", "WhatsApp")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Email")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Address")},
        {QStringLiteral("city"), QT_TRANSLATE_NOOP("kasir::ActivityService", "City")},
        {QStringLiteral("province"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Province")},
        {QStringLiteral("postalCode"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Postal code")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Type")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Status")},
        {QStringLiteral("level"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Level")},
        {QStringLiteral("discountOverride"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Own discount")},
        {QStringLiteral("birthDate"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Birth date")},
        {QStringLiteral("gender"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Gender")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Notes")},
        {QStringLiteral("preferSms"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Prefers SMS")},
        {QStringLiteral("preferEmail"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Prefers email")},
        {QStringLiteral("preferCall"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Prefers calls")},
        {QStringLiteral("preferWhatsapp"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Prefers WhatsApp")},
        {QStringLiteral("doNotContact"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Do not contact")},
        {QStringLiteral("code"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Code")},
        {QStringLiteral("preferredPayment"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Preferred payment")},
        {QStringLiteral("bestContactTime"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Best time to contact")},
        {QStringLiteral("canReceiveOffers"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Offers")},
        {QStringLiteral("canReceiveLoyalty"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Loyalty messages")},
        {QStringLiteral("label"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Label")},
        {QStringLiteral("primary"), QT_TRANSLATE_NOOP("kasir::ActivityService", "Primary")},
    };
    const auto it = labels.constFind(field);
    return it == labels.constEnd() ? field : ActivityService::tr(it.value());
}

// "City changed from Bandung to Jakarta; Email cleared (was a@b.c)".
QString fieldChanges(const ActivityEntry& e, const QString& currency)
{
    static const QStringList skipped {QStringLiteral("companyId"), QStringLiteral("customerId")};
    QStringList parts;
    for (auto it = e.changes.constBegin(); it != e.changes.constEnd(); ++it) {
        if (skipped.contains(it.key()))
            continue;
        const QString from = shown(it.key(), before(e, it.key()), currency);
        const QString to = shown(it.key(), after(e, it.key()), currency);
        if (from.isEmpty())
            parts << ActivityService::tr("%1 set to %2").arg(label(it.key()), to);
        else if (to.isEmpty())
            parts << ActivityService::tr("%1 cleared (was %2)").arg(label(it.key()), from);
        else
            parts << ActivityService::tr("%1 changed from %2 to %3").arg(label(it.key()), from, to);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

ActivityService::ActivityService(Database& db, Actor actor) : m_db(db), m_actor(std::move(actor)) { }

Result<QList<ActivityEntry>> ActivityService::forCustomer(const QString& idOrCode, int limit, qint64 beforeId)
{
    if (Status s = m_actor.require(Permission::ActivityRead, tr("read a customer's activity")); !s)
        return s.error();
    if (limit < 1 || limit > 1000)
        return Error::invalidField(
            QStringLiteral("limit"), QStringLiteral("out_of_range"), tr("must be between 1 and 1000"));
    if (beforeId < 0)
        return Error::invalidField(
            QStringLiteral("before"), QStringLiteral("out_of_range"), tr("must not be negative"));
    auto customer = CustomerService(m_db, m_actor).get(idOrCode);
    if (!customer)
        return customer.error();
    auto company = TenancyRepository(m_db).company(m_actor.companyId);
    if (!company)
        return company.error();
    const QString currency = company->has_value() ? (*company)->currency : QStringLiteral("IDR");
    auto entries = AuditRepository(m_db).forCustomer(m_actor.companyId, customer->id, limit, beforeId);
    if (!entries)
        return entries.error();
    NoteRepository notes(m_db);
    for (ActivityEntry& e : *entries) {
        // A deleted note's row keeps its text; the audit row of the delete records only the
        // deletion, so the sentence takes the text from the note.
        if (e.entity == u"customer_note" && e.action == u"delete" && !e.changes.contains(QStringLiteral("body"))) {
            auto note = notes.byId(m_actor.companyId, e.entityId);
            if (!note)
                return note.error();
            if (note->has_value())
                e.changes.insert(QStringLiteral("body"), QJsonArray {(*note)->body, (*note)->body});
        }
        e.summary = summarise(e, currency);
    }
    return entries;
}

QString ActivityService::summarise(const ActivityEntry& e, const QString& currency)
{
    auto money = [&](const QString& field) { return Money::format(after(e, field).toInteger(), currency); };
    const QString entity = e.entity;
    if (entity == u"customer") {
        if (e.action == u"create")
            return tr("Registered as %1").arg(text(after(e, QStringLiteral("name"))));
        if (e.action == u"delete")
            return tr("Deleted");
        if (e.action == u"anonymise")
            return tr("Personal data erased; now %1").arg(text(after(e, QStringLiteral("name"))));
        const QString changes = fieldChanges(e, currency);
        return changes.isEmpty() ? tr("Saved without changes") : changes;
    }
    if (entity == u"tier_history") {
        QStringList parts;
        const QString fromLevel = text(after(e, QStringLiteral("fromLevel")));
        const QString toLevel = text(after(e, QStringLiteral("toLevel")));
        const QString fromType = text(after(e, QStringLiteral("fromType")));
        const QString toType = text(after(e, QStringLiteral("toType")));
        if (fromLevel != toLevel)
            parts << tr("Level changed %1 -> %2").arg(fromLevel, toLevel);
        if (fromType != toType)
            parts << tr("type changed %1 -> %2").arg(fromType, toType);
        const QString reason = text(after(e, QStringLiteral("reason")));
        const QString what = parts.join(QStringLiteral(", "));
        return reason.isEmpty() ? what : tr("%1 after %2").arg(what, reason);
    }
    if (entity == u"sale") {
        const QString order = text(after(e, QStringLiteral("orderNumber")));
        if (e.action == u"refund")
            return tr("Refund %1: %2 (%3)")
                .arg(order, money(QStringLiteral("total")), text(after(e, QStringLiteral("reason"))));
        return tr("Sale %1: %n item(s), %2", nullptr, static_cast<int>(after(e, QStringLiteral("items")).toInteger()))
            .arg(order, money(QStringLiteral("total")));
    }
    if (entity == u"sale_link")
        return tr("Walk-in sale %1 counted for this customer").arg(text(after(e, QStringLiteral("orderNumber"))));
    if (entity == u"points_entry") {
        const qint64 points = after(e, QStringLiteral("points")).toInteger();
        return tr("%1 points (%2), balance %3: %4")
            .arg(points > 0 ? QStringLiteral("+%1").arg(points) : QString::number(points),
                text(after(e, QStringLiteral("kind"))), text(after(e, QStringLiteral("balanceAfter"))),
                text(after(e, QStringLiteral("reason"))));
    }
    if (entity == u"credit_entry") {
        const qint64 amount = after(e, QStringLiteral("amount")).toInteger();
        const QString signedAmount = (amount > 0 ? QStringLiteral("+") : QString()) + Money::format(amount, currency);
        return tr("Store credit %1 (%2), balance %3: %4")
            .arg(signedAmount, text(after(e, QStringLiteral("kind"))), money(QStringLiteral("balanceAfter")),
                text(after(e, QStringLiteral("reason"))));
    }
    if (entity == u"credit_limit")
        return tr("Credit limit set to %1").arg(money(QStringLiteral("maxDebt")));
    if (entity == u"customer_erasure") {
        const QString reason = text(after(e, QStringLiteral("reason")));
        const QString what = e.action == u"delete" ? tr("Deleted with their personal data") : tr("Anonymised");
        return reason.isEmpty() ? what : tr("%1: %2", "what was done and why").arg(what, reason);
    }
    if (entity == u"sale_erasure")
        return tr("Walk-in sale %1, which noted their number, erased with them")
            .arg(text(after(e, QStringLiteral("orderNumber"))));
    if (entity == u"customer_export")
        return tr("Personal data exported");
    if (entity == u"customer_note") {
        if (e.action == u"anonymise")
            return tr("Note erased");
        if (e.action == u"delete")
            return tr("Note deleted: %1").arg(text(before(e, QStringLiteral("body"))));
        return tr("Note (%1): %2").arg(text(after(e, QStringLiteral("kind"))), text(after(e, QStringLiteral("body"))));
    }
    if (entity == u"customer_tag") {
        if (e.action == u"delete")
            return tr("Tag %1 taken off").arg(text(before(e, QStringLiteral("tagName"))));
        return tr("Tagged %1").arg(text(after(e, QStringLiteral("tagName"))));
    }
    if (entity == u"customer_contact") {
        if (e.action == u"create")
            return tr("Contact added: %1 %2")
                .arg(text(after(e, QStringLiteral("kind"))), text(after(e, QStringLiteral("value"))));
        if (e.action == u"delete")
            return tr("Contact removed: %1 %2")
                .arg(text(before(e, QStringLiteral("kind"))), text(before(e, QStringLiteral("value"))));
    }
    // Profile details: the fields, as for the customer's own.
    if (entity == u"customer_preference" || entity == u"customer_contact") {
        const QString changes = fieldChanges(e, currency);
        return changes.isEmpty() ? tr("Saved without changes") : changes;
    }
    // Anything else: what it is, what was done, and the fields.
    const QString changes = fieldChanges(e, currency);
    const QString head = tr("%1: %2", "an entity and what was done to it, e.g. gift card: create")
                             .arg(QString(entity).replace(u'_', u' '), e.action);
    return changes.isEmpty() ? head : QStringLiteral("%1: %2").arg(head, changes);
}

QJsonObject ActivityService::toJson(const ActivityEntry& e)
{
    return QJsonObject {{QStringLiteral("id"), e.id}, {QStringLiteral("at"), isoUtc(e.at)},
        {QStringLiteral("user"), e.user}, {QStringLiteral("entity"), e.entity},
        {QStringLiteral("entityId"), e.entityId}, {QStringLiteral("action"), e.action},
        {QStringLiteral("summary"), e.summary}, {QStringLiteral("changes"), e.changes}};
}

} // namespace kasir
