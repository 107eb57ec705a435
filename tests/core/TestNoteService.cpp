#include "core/domain/Ids.h"
#include "core/services/CustomerService.h"
#include "core/services/NoteService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

Customer addCustomer(test::TestDatabase& t, const QString& name)
{
    CustomerInput in;
    in.name = name;
    auto c = CustomerService(t.db(), t.admin()).create(in);
    if (!c)
        qFatal("customer: %s", qPrintable(c.error().describe()));
    return *c;
}

QStringList bodies(const QList<CustomerNote>& notes)
{
    QStringList out;
    for (const CustomerNote& n : notes)
        out << n.body;
    return out;
}

QString firstField(const Error& e)
{
    return e.fields.isEmpty() ? e.field : e.fields.constFirst().field + u':' + e.fields.constFirst().code;
}

QVariant value(Database& db, const QString& sql, const QVariant& bind)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    q.addBindValue(bind);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestNoteService : public QObject
{
    Q_OBJECT

private slots:
    void addsAndListsNewestFirst()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Siti Aminah"));
        NoteService s(t.db(), t.cashier());
        auto first = s.add(c.code, QStringLiteral("Personal"), QStringLiteral("  Anaknya kuliah di Bandung  "));
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().describe()));
        QCOMPARE(first->kind, NoteKind::Personal);
        QCOMPARE(first->body, QStringLiteral("Anaknya kuliah di Bandung"));
        QCOMPARE(first->customerId, c.id);
        QCOMPARE(first->createdBy, t.cashier().userId);
        QCOMPARE(first->createdAt, t.clock().nowMs());
        QVERIFY(Ids::isValid(first->id));
        t.clock().advance(1000);
        QVERIFY(s.add(c.id, QStringLiteral("preference"), QStringLiteral("Suka kopi tanpa gula")).ok());
        t.clock().advance(1000);
        QVERIFY(s.add(c.code, QStringLiteral(" ISSUE "), QStringLiteral("Struk tidak tercetak")).ok());

        auto page = s.list(c.code);
        QVERIFY(page.ok());
        QCOMPARE(bodies(page->items),
            (QStringList {QStringLiteral("Struk tidak tercetak"), QStringLiteral("Suka kopi tanpa gula"),
                QStringLiteral("Anaknya kuliah di Bandung")}));
        QVERIFY(page->nextBefore.isEmpty());
        QCOMPARE(page->items.constLast().authorName, t.cashier().username);
        QCOMPARE(page->items.constLast(), *first);

        const QJsonObject json = NoteService::toJson(*first);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("personal"));
        QCOMPARE(json.value(QStringLiteral("author")).toString(), t.cashier().username);
        QVERIFY(!json.contains(QStringLiteral("deletedAt")));
    }

    void pagesWithTheLastIdEvenWithinOneMillisecond()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Budi"));
        NoteService s(t.db(), t.manager());
        // Seven notes, some in the same millisecond: ties go by id, none lost or repeated.
        QStringList written;
        for (int i = 0; i < 7; ++i) {
            if (i % 3 == 0)
                t.clock().advance(5);
            auto n = s.add(c.id, QStringLiteral("feedback"), QStringLiteral("note %1").arg(i));
            QVERIFY(n.ok());
            written.prepend(n->body);
        }
        QStringList seen;
        QString before;
        int pages = 0;
        do {
            auto page = s.list(c.id, 3, before);
            QVERIFY2(page.ok(), qPrintable(page ? QString() : page.error().describe()));
            seen << bodies(page->items);
            before = page->nextBefore;
            ++pages;
        } while (!before.isEmpty());
        QCOMPARE(pages, 3);
        QCOMPARE(seen, written);

        // A cursor that is not a note of this customer, or not an id at all.
        const Customer other = addCustomer(t, QStringLiteral("Lain"));
        auto elsewhere = s.add(other.id, QStringLiteral("personal"), QStringLiteral("x"));
        QCOMPARE(firstField(s.list(c.id, 3, elsewhere->id).error()), QStringLiteral("before:invalid_cursor"));
        QCOMPARE(firstField(s.list(c.id, 3, QStringLiteral("'; DROP TABLE customer_note; --")).error()),
            QStringLiteral("before:invalid_cursor"));
        QCOMPARE(firstField(s.list(c.id, 0).error()), QStringLiteral("limit:out_of_range"));
        QCOMPARE(firstField(s.list(c.id, NoteService::maxLimit + 1).error()), QStringLiteral("limit:out_of_range"));
    }

    void refusesBadInputAndStoresOddTextVerbatim()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Ani"));
        NoteService s(t.db(), t.cashier());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));

        auto badKind = s.add(c.id, QStringLiteral("gossip"), QStringLiteral("x"));
        QCOMPARE(badKind.error().kind, Error::Kind::Invalid);
        QCOMPARE(firstField(badKind.error()), QStringLiteral("kind:invalid_choice"));
        QVERIFY(badKind.error().describe().contains(QStringLiteral("personal, preference, issue, feedback")));
        QCOMPARE(
            firstField(s.add(c.id, QString(), QStringLiteral("x")).error()), QStringLiteral("kind:invalid_choice"));
        QCOMPARE(firstField(s.add(c.id, QStringLiteral("issue"), QStringLiteral("   \n ")).error()),
            QStringLiteral("text:required"));
        QCOMPARE(firstField(s.add(c.id, QStringLiteral("issue"), QString(NoteService::maxBody + 1, u'a')).error()),
            QStringLiteral("text:too_long"));
        QCOMPARE(firstField(s.add(c.id, QStringLiteral("issue"), QStringLiteral("bell\u0007")).error()),
            QStringLiteral("text:invalid_characters"));
        QCOMPARE(firstField(s.add(c.id, QStringLiteral("issue"), QString(QChar(0xD800)) + u'x').error()),
            QStringLiteral("text:invalid_characters"));
        // Both fields wrong: both reported.
        QCOMPARE(s.add(c.id, QStringLiteral("nope"), QString()).error().fields.size(), 2);
        QCOMPARE(s.add(QStringLiteral("C-999999"), QStringLiteral("issue"), QStringLiteral("x")).error().kind,
            Error::Kind::NotFound);
        QCOMPARE(firstField(s.add(QStringLiteral("bukan id"), QStringLiteral("issue"), QStringLiteral("x")).error()),
            QStringLiteral("customer:invalid_reference"));
        QCOMPARE(t.countRows(QStringLiteral("customer_note")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);

        // Exactly 2000 characters as a person counts them (emoji are one each), line
        // breaks and tabs kept, Windows line breaks made plain.
        QString emoji;
        for (int i = 0; i < NoteService::maxBody; ++i)
            emoji += QStringLiteral("\U0001F600");
        auto longest = s.add(c.id, QStringLiteral("feedback"), emoji);
        QVERIFY2(longest.ok(), qPrintable(longest ? QString() : longest.error().describe()));
        QCOMPARE(longest->body, emoji);
        QCOMPARE(
            firstField(s.add(c.id, QStringLiteral("feedback"), emoji + u'x').error()), QStringLiteral("text:too_long"));
        const QString sql = QStringLiteral("Robert'); DROP TABLE customer_note; -- \"quoted\"\r\n\tline two");
        auto odd = s.add(c.id, QStringLiteral("issue"), sql);
        QVERIFY(odd.ok());
        QCOMPARE(odd->body, QStringLiteral("Robert'); DROP TABLE customer_note; -- \"quoted\"\n\tline two"));
        auto listed = s.list(c.id);
        QCOMPARE(listed->items.constFirst().body, odd->body);
        QCOMPARE(listed->items.constLast().body, emoji);
        QCOMPARE(t.countRows(QStringLiteral("customer_note")), 2);
    }

    void everyWriteIsAuditedAndQueuedForSync()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Dewi"));
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        auto n = NoteService(t.db(), t.cashier()).add(c.id, QStringLiteral("personal"), QStringLiteral("Ulang tahun"));
        QVERIFY(n.ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
        QCOMPARE(value(t.db(),
                     QStringLiteral("SELECT customer_id FROM audit_log WHERE entity = 'customer_note' AND "
                                    "entity_id = ?"),
                     n->id)
                     .toString(),
            c.id);
        const QJsonObject fields = QJsonDocument::fromJson(
            value(t.db(), QStringLiteral("SELECT fields FROM sync_outbox WHERE entity_id = ?"), n->id)
                .toString()
                .toUtf8())
                                       .object();
        QCOMPARE(fields.value(QStringLiteral("body")).toString(), QStringLiteral("Ulang tahun"));
        QCOMPARE(fields.value(QStringLiteral("customerId")).toString(), c.id);
        QCOMPARE(fields.value(QStringLiteral("kind")).toString(), QStringLiteral("personal"));

        t.clock().advance(60'000);
        auto gone = NoteService(t.db(), t.cashier()).remove(n->id);
        QVERIFY2(gone.ok(), qPrintable(gone ? QString() : gone.error().describe()));
        QCOMPARE(gone->deletedAt, t.clock().nowMs());
        QCOMPARE(gone->deletedBy, t.cashier().userId);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 2);
        QCOMPARE(value(t.db(),
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'delete' AND "
                                    "customer_id = ?"),
                     c.id)
                     .toInt(),
            1);
        // The row stays as a tombstone; the list leaves it out; a second delete finds nothing.
        QCOMPARE(t.countRows(QStringLiteral("customer_note")), 1);
        QVERIFY(NoteService(t.db(), t.cashier()).list(c.id)->items.isEmpty());
        QCOMPARE(NoteService(t.db(), t.cashier()).remove(n->id).error().kind, Error::Kind::NotFound);
        QCOMPARE(firstField(NoteService(t.db(), t.cashier()).remove(QStringLiteral("x' OR 1=1 --")).error()),
            QStringLiteral("note:invalid_reference"));
    }

    void permissionsByRole()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Rina"));
        // Every role adds and reads notes.
        for (const Actor& a : {t.admin(), t.manager(), t.cashier()}) {
            NoteService s(t.db(), a);
            QVERIFY2(s.add(c.id, QStringLiteral("personal"), a.username).ok(), qPrintable(a.username));
            QCOMPARE(s.list(c.id)->items.size(), t.countRows(QStringLiteral("customer_note")));
        }
        // A cashier deletes their own note, not another's; a manager and an admin delete any.
        auto byAdmin = NoteService(t.db(), t.admin()).add(c.id, QStringLiteral("issue"), QStringLiteral("a"));
        auto byCashier = NoteService(t.db(), t.cashier()).add(c.id, QStringLiteral("issue"), QStringLiteral("b"));
        auto byCashier2 = NoteService(t.db(), t.cashier()).add(c.id, QStringLiteral("issue"), QStringLiteral("c"));
        auto denied = NoteService(t.db(), t.cashier()).remove(byAdmin->id);
        QCOMPARE(denied.error().kind, Error::Kind::PermissionDenied);
        QVERIFY(NoteService(t.db(), t.cashier()).remove(byCashier->id).ok());
        QVERIFY(NoteService(t.db(), t.manager()).remove(byAdmin->id).ok());
        QVERIFY(NoteService(t.db(), t.admin()).remove(byCashier2->id).ok());
    }

    void otherCompaniesSeeNothing()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Joko"));
        auto n = NoteService(t.db(), t.admin()).add(c.id, QStringLiteral("personal"), QStringLiteral("rahasia"));
        QVERIFY(n.ok());
        const Actor stranger = t.addCompany(QStringLiteral("Toko Lain"));
        NoteService s(t.db(), stranger);
        QCOMPARE(s.list(c.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.add(c.id, QStringLiteral("personal"), QStringLiteral("x")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.remove(n->id).error().kind, Error::Kind::NotFound);
        QVERIFY(!n->deletedAt);
        QCOMPARE(NoteService(t.db(), t.admin()).list(c.id)->items.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNoteService)
#include "TestNoteService.moc"
