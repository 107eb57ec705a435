#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace kasir;

namespace {

using Input = ContactService::ContactInput;

Input contact(const QString& kind, const QString& value, std::optional<bool> primary = std::nullopt)
{
    Input in;
    in.kind = kind;
    in.value = value;
    in.primary = primary;
    return in;
}

// One row of a query as text, columns joined by '|'; empty when there is none.
QString row(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    QStringList parts;
    for (int i = 0; i < q.record().count(); ++i)
        parts << q.value(i).toString();
    return parts.join(u'|');
}

QJsonObject jsonOf(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QStringList fieldsOf(const Error& e)
{
    QStringList out;
    for (const FieldError& f : e.fields)
        out << f.field + u':' + f.code;
    if (out.isEmpty())
        out << e.field + u':' + e.code;
    return out;
}

QStringList values(const QList<CustomerContact>& contacts)
{
    QStringList out;
    for (const CustomerContact& c : contacts)
        out << ContactKinds::toString(c.kind) + u'=' + c.value + (c.primary ? QStringLiteral("*") : QString());
    return out;
}

Customer addCustomer(test::TestDatabase& t, const QString& name, const QString& phone = {}, const QString& email = {},
    const QString& whatsapp = {})
{
    CustomerInput in;
    in.name = name;
    if (!phone.isEmpty())
        in.phone = phone;
    if (!email.isEmpty())
        in.email = email;
    if (!whatsapp.isEmpty())
        in.whatsapp = whatsapp;
    auto c = CustomerService(t.db(), t.admin()).create(in);
    if (!c)
        qFatal("cannot add customer: %s", qPrintable(c.error().describe()));
    return *c;
}

} // namespace

class TestContactService : public QObject
{
    Q_OBJECT

private slots:
    void addsNormalisedContactsAndListsThemPrimaryFirst()
    {
        test::TestDatabase t;
        const Customer agus = addCustomer(t, QStringLiteral("Agus"), QStringLiteral("0812 1111 2222"));
        ContactService s(t.db(), t.manager());

        auto office = s.add(agus.code, contact(QStringLiteral(" Phone "), QStringLiteral("0813-3333-4444")));
        QVERIFY2(office.ok(), qPrintable(office ? QString() : office.error().describe()));
        QCOMPARE(office->value, QStringLiteral("+6281333334444"));
        QCOMPARE(office->kind, ContactKind::Phone);
        QVERIFY(office->primary); // the first of its kind
        QCOMPARE(office->customerId, agus.id);
        QCOMPARE(office->companyId, t.company().id);
        QCOMPARE(office->createdBy, t.manager().userId);

        Input home = contact(QStringLiteral("phone"), QStringLiteral("+62 821 5555 6666"));
        home.label = QStringLiteral("  rumah   ibu ");
        auto second = s.add(agus.id, home);
        QVERIFY(second.ok());
        QVERIFY(!second->primary); // a second one does not take the mark
        QCOMPARE(second->label, QStringLiteral("rumah ibu"));

        auto mail = s.add(agus.code, contact(QStringLiteral("email"), QStringLiteral("  Agus.Kantor@Example.COM ")));
        QVERIFY(mail.ok());
        QCOMPARE(mail->value, QStringLiteral("agus.kantor@example.com"));
        QVERIFY(mail->primary);
        t.clock().advance(1000);
        auto wa = s.add(agus.code, contact(QStringLiteral("whatsapp"), QStringLiteral("6285777788889"), false));
        QVERIFY(wa.ok());
        QVERIFY(!wa->primary); // said otherwise

        auto listed = s.list(agus.code);
        QVERIFY(listed.ok());
        QCOMPARE(values(*listed),
            (QStringList {QStringLiteral("phone=+6281333334444*"), QStringLiteral("email=agus.kantor@example.com*"),
                QStringLiteral("whatsapp=+6285777788889"), QStringLiteral("phone=+6282155556666")}));

        // A cashier reads them; so does everyone after a restart.
        t.reopen();
        QCOMPARE(values(*ContactService(t.db(), t.cashier()).list(agus.id)), values(*listed));
        QCOMPARE(
            ContactService(t.db(), t.cashier()).list(QStringLiteral("C-999999")).error().kind, Error::Kind::NotFound);
    }

    void oneNumberWrittenManyWaysIsOneDuplicate()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Budi"));
        ContactService s(t.db(), t.admin());
        QVERIFY(s.add(c.code, contact(QStringLiteral("whatsapp"), QStringLiteral("0812-3456-7890"))).ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        for (const QString& form : {QStringLiteral("081234567890"), QStringLiteral("+62 812 3456 7890"),
                 QStringLiteral("62-812-3456-7890"), QStringLiteral("(0812) 3456 7890")}) {
            auto again = s.add(c.code, contact(QStringLiteral("whatsapp"), form));
            QVERIFY2(!again.ok(), qPrintable(form));
            QCOMPARE(again.error().kind, Error::Kind::Conflict);
            QCOMPARE(again.error().field, QStringLiteral("value"));
            QCOMPARE(again.error().code, QStringLiteral("duplicate_contact"));
            QVERIFY2(
                again.error().message.contains(QStringLiteral("+62 812-3456-7890")), qPrintable(again.error().message));
        }
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);
        // The same number as another kind is another contact.
        QVERIFY(s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 3456 7890"))).ok());
        // Email in any case is one address.
        QVERIFY(s.add(c.code, contact(QStringLiteral("email"), QStringLiteral("budi@toko.id"))).ok());
        QCOMPARE(s.add(c.code, contact(QStringLiteral("email"), QStringLiteral(" BUDI@Toko.ID"))).error().kind,
            Error::Kind::Conflict);
        // Another customer may have the same number as a contact (a shared family phone).
        const Customer other = addCustomer(t, QStringLiteral("Bu Budi"));
        QVERIFY(s.add(other.code, contact(QStringLiteral("whatsapp"), QStringLiteral("081234567890"))).ok());
    }

    void theMainContactsAreNotRepeated()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Citra"), QStringLiteral("0812 1111 2222"),
            QStringLiteral("Citra@Example.com"), QStringLiteral("0812 9999 0000"));
        ContactService s(t.db(), t.admin());
        for (const auto& [kind, value] : {std::pair {QStringLiteral("phone"), QStringLiteral("+62 812-1111-2222")},
                 std::pair {QStringLiteral("email"), QStringLiteral("CITRA@example.com")},
                 std::pair {QStringLiteral("whatsapp"), QStringLiteral("081299990000")}}) {
            auto r = s.add(c.code, contact(kind, value));
            QVERIFY2(!r.ok(), qPrintable(kind));
            QCOMPARE(r.error().kind, Error::Kind::Conflict);
            QCOMPARE(r.error().field, QStringLiteral("value"));
        }
        QCOMPARE(t.countRows(QStringLiteral("customer_contact")), 0);
        // The main phone as a WhatsApp contact says something new: that number has WhatsApp.
        QVERIFY(s.add(c.code, contact(QStringLiteral("whatsapp"), QStringLiteral("0812 1111 2222"))).ok());
    }

    void onePrimaryPerKindAndTheMarkMoves()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Dewi"));
        ContactService s(t.db(), t.manager());
        auto a = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")));
        auto b = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0002")));
        auto mail = s.add(c.code, contact(QStringLiteral("email"), QStringLiteral("dewi@example.com")));
        QVERIFY(a && b && mail);
        QVERIFY(a->primary && !b->primary && mail->primary);

        // Adding a new primary moves the mark, in the same unit of work.
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        auto c3 = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0003"), true));
        QVERIFY(c3 && c3->primary);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
        QCOMPARE(
            row(t.db(), QStringLiteral("SELECT value FROM customer_contact WHERE is_primary = 1 AND kind = 'phone'")),
            QStringLiteral("+6281210000003"));

        // Making another one primary through update moves it again; the email keeps its own.
        t.clock().advance(1000);
        ContactService::ContactChange toB;
        toB.primary = true;
        auto nowB = s.update(b->id, toB);
        QVERIFY2(nowB.ok(), qPrintable(nowB ? QString() : nowB.error().describe()));
        QVERIFY(nowB->primary);
        QCOMPARE(nowB->updatedAt, t.clock().nowMs());
        auto listed = *s.list(c.code);
        QCOMPARE(values(listed),
            (QStringList {QStringLiteral("phone=+6281210000002*"), QStringLiteral("email=dewi@example.com*"),
                QStringLiteral("phone=+6281210000001"), QStringLiteral("phone=+6281210000003")}));
        QCOMPARE(t.countRows(QStringLiteral("customer_contact WHERE is_primary = 1")), 2);

        // Taking the mark away leaves the kind without a primary one.
        ContactService::ContactChange off;
        off.primary = false;
        QVERIFY(!s.update(b->id, off)->primary);
        QCOMPARE(t.countRows(QStringLiteral("customer_contact WHERE is_primary = 1 AND kind = 'phone'")), 0);
        // Removing the primary contact leaves none either; the others stay.
        QVERIFY(s.update(a->id, toB).ok());
        QVERIFY(s.remove(a->id).ok());
        QCOMPARE(values(*s.list(c.code)),
            (QStringList {QStringLiteral("email=dewi@example.com*"), QStringLiteral("phone=+6281210000002"),
                QStringLiteral("phone=+6281210000003")}));
        QCOMPARE(s.remove(a->id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.update(a->id, off).error().kind, Error::Kind::NotFound);
    }

    void updateChangesTheLabelAndNothingElse()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Eka"));
        ContactService s(t.db(), t.admin());
        auto a = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")));
        QVERIFY(a.ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        ContactService::ContactChange same;
        same.label = QString();
        same.primary = true;
        QCOMPARE(*s.update(a->id, same), *a); // unchanged: nothing written
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);

        ContactService::ContactChange label;
        label.label = QStringLiteral("Kantor \"pusat\"; DROP TABLE customer_contact; --");
        auto labelled = s.update(a->id.toUpper(), label);
        QVERIFY(labelled.ok());
        QCOMPARE(labelled->label, *label.label);
        QCOMPARE(labelled->value, a->value);
        QCOMPARE(row(t.db(), QStringLiteral("SELECT label FROM customer_contact")), *label.label);
        label.label = QString();
        QCOMPARE(s.update(a->id, label)->label, QString());
    }

    void nastyInputIsRefusedFieldByField()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Fajar"));
        ContactService s(t.db(), t.admin());
        const QString huge(100'000, u'9');
        struct Case
        {
            Input input;
            QStringList expected;
        };
        Input longLabel = contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001"));
        longLabel.label = QString(51, u'x');
        Input controlLabel = contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001"));
        controlLabel.label = QStringLiteral("a\nb");
        Input both = contact(QStringLiteral("fax"), QString());
        both.label = QString(60, u'y');
        const QList<Case> cases {
            {contact(QString(), QStringLiteral("0812 1000 0001")), {QStringLiteral("kind:invalid_choice")}},
            {contact(QStringLiteral("sms"), QStringLiteral("0812 1000 0001")), {QStringLiteral("kind:invalid_choice")}},
            {contact(QStringLiteral("phone"), QString()), {QStringLiteral("value:required")}},
            {contact(QStringLiteral("phone"), QStringLiteral("   ")), {QStringLiteral("value:required")}},
            {contact(QStringLiteral("email"), QString()), {QStringLiteral("value:required")}},
            {contact(QStringLiteral("phone"), QStringLiteral("abc")), {QStringLiteral("value:invalid_phone")}},
            {contact(QStringLiteral("phone"), QStringLiteral("12")), {QStringLiteral("value:too_short")}},
            {contact(QStringLiteral("phone"), huge), {QStringLiteral("value:too_long")}},
            {contact(QStringLiteral("whatsapp"), QStringLiteral("0812'; DROP TABLE customer;--")),
                {QStringLiteral("value:invalid_phone")}},
            {contact(QStringLiteral("email"), QStringLiteral("not-an-email")), {QStringLiteral("value:invalid_email")}},
            {contact(QStringLiteral("email"), QStringLiteral("a@b.c\u0000d")),
                {QStringLiteral("value:invalid_characters")}},
            {contact(QStringLiteral("email"), QStringLiteral("x'@example.com\" OR 1=1")),
                {QStringLiteral("value:invalid_email")}},
            {contact(QStringLiteral("email"), QString(300, u'a') + QStringLiteral("@example.com")),
                {QStringLiteral("value:too_long")}},
            {contact(QStringLiteral("email"), QStringLiteral("\U0001F600@example.com")),
                {QStringLiteral("value:invalid_email")}},
            {longLabel, {QStringLiteral("label:too_long")}},
            {controlLabel, {QStringLiteral("label:invalid_characters")}},
            {both,
                {QStringLiteral("kind:invalid_choice"), QStringLiteral("value:required"),
                    QStringLiteral("label:too_long")}},
        };
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        for (const Case& k : cases) {
            auto r = s.add(c.code, k.input);
            QVERIFY2(!r.ok(), qPrintable(k.input.kind + u' ' + k.input.value.left(40)));
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
            QCOMPARE(fieldsOf(r.error()), k.expected);
        }
        QCOMPARE(t.countRows(QStringLiteral("customer_contact")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);

        // Unicode is fine where text is free: a label of 50 code points, emoji included.
        Input unicode = contact(QStringLiteral("email"), QStringLiteral("siti@bücher.example"));
        unicode.label = QString(49, u'\u00e9') + QStringLiteral("\U0001F600");
        auto ok = s.add(c.code, unicode);
        QVERIFY2(ok.ok(), qPrintable(ok ? QString() : ok.error().describe()));
        QCOMPARE(ok->label, *unicode.label);

        // Contact references that are not ids.
        for (const QString& ref : {QString(), QStringLiteral("C-000001"), QStringLiteral("' OR 1=1 --")}) {
            QCOMPARE(s.remove(ref).error().kind, Error::Kind::Invalid);
            QCOMPARE(s.remove(ref).error().field, QStringLiteral("contact"));
        }
        ContactService::ContactChange bad;
        bad.label = QStringLiteral("bell\u0007");
        QCOMPARE(fieldsOf(s.update(ok->id, bad).error()), QStringList {QStringLiteral("label:invalid_characters")});
        // A tab is white space like any other: folded to one space.
        ContactService::ContactChange tab;
        tab.label = QStringLiteral("lantai\t2");
        QCOMPARE(s.update(ok->id, tab)->label, QStringLiteral("lantai 2"));
        bad.label = QString(51, u'z');
        QCOMPARE(fieldsOf(s.update(ok->id, bad).error()), QStringList {QStringLiteral("label:too_long")});
    }

    void permissionsFollowChangingCustomers_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("mayWrite");
        QTest::newRow("admin") << QStringLiteral("admin") << true;
        QTest::newRow("manager") << QStringLiteral("manager") << true;
        QTest::newRow("cashier") << QStringLiteral("cashier") << false;
    }

    void permissionsFollowChangingCustomers()
    {
        QFETCH(QString, role);
        QFETCH(bool, mayWrite);
        test::TestDatabase t;
        const Actor actor = role == u"admin" ? t.admin() : role == u"manager" ? t.manager() : t.cashier();
        const Customer c = addCustomer(t, QStringLiteral("Gita"));
        auto existing = ContactService(t.db(), t.admin())
                            .add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")));
        QVERIFY(existing.ok());
        ContactService s(t.db(), actor);
        QVERIFY(s.list(c.code).ok()); // everyone may look

        auto added = s.add(c.code, contact(QStringLiteral("email"), QStringLiteral("gita@example.com")));
        ContactService::ContactChange label;
        label.label = QStringLiteral("kantor");
        auto updated = s.update(existing->id, label);
        QCOMPARE(added.ok(), mayWrite);
        QCOMPARE(updated.ok(), mayWrite);
        Status removed = s.remove(existing->id);
        QCOMPARE(removed.ok(), mayWrite);
        if (!mayWrite) {
            QCOMPARE(added.error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(updated.error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(removed.error().kind, Error::Kind::PermissionDenied);
            QVERIFY2(added.error().message.contains(QStringLiteral("cashier")), qPrintable(added.error().message));
            QCOMPARE(values(*s.list(c.code)), QStringList {QStringLiteral("phone=+6281210000001*")});
        }
    }

    void everyWriteIsAuditedAndQueuedForSync()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Hadi"));
        ContactService s(t.db(), t.manager());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        Input in = contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001"));
        in.label = QStringLiteral("toko");
        auto a = s.add(c.code, in);
        QVERIFY(a.ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT entity, entity_id, action, actor_id, customer_id FROM audit_log "
                                    "ORDER BY id DESC LIMIT 1")),
            QStringList({QStringLiteral("customer_contact"), a->id, QStringLiteral("create"), t.manager().userId, c.id})
                .join(u'|'));
        QCOMPARE(row(t.db(), QStringLiteral("SELECT entity, entity_id, op FROM sync_outbox ORDER BY seq DESC LIMIT 1")),
            QStringList({QStringLiteral("customer_contact"), a->id, QStringLiteral("upsert")}).join(u'|'));
        const QJsonObject fields
            = jsonOf(row(t.db(), QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")));
        QCOMPARE(fields.value(QStringLiteral("value")).toString(), QStringLiteral("+6281210000001"));
        QCOMPARE(fields.value(QStringLiteral("customerId")).toString(), c.id);
        QCOMPARE(fields.value(QStringLiteral("kind")).toString(), QStringLiteral("phone"));
        QCOMPARE(fields.value(QStringLiteral("label")).toString(), QStringLiteral("toko"));
        QCOMPARE(fields.value(QStringLiteral("primary")).toBool(), true);

        ContactService::ContactChange label;
        label.label = QStringLiteral("gudang");
        QVERIFY(s.update(a->id, label).ok());
        const QJsonObject changes
            = jsonOf(row(t.db(), QStringLiteral("SELECT changes FROM audit_log ORDER BY id DESC LIMIT 1")));
        QCOMPARE(changes.value(QStringLiteral("label")).toVariant().toStringList(),
            (QStringList {QStringLiteral("toko"), QStringLiteral("gudang")}));
        QCOMPARE(row(t.db(), QStringLiteral("SELECT customer_id FROM audit_log ORDER BY id DESC LIMIT 1")), c.id);

        QVERIFY(s.remove(a->id).ok());
        QCOMPARE(t.countRows(QStringLiteral("customer_contact")), 0);
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT entity, entity_id, action, customer_id FROM audit_log "
                                    "ORDER BY id DESC LIMIT 1")),
            QStringList({QStringLiteral("customer_contact"), a->id, QStringLiteral("delete"), c.id}).join(u'|'));
        QCOMPARE(row(t.db(), QStringLiteral("SELECT entity_id, op FROM sync_outbox ORDER BY seq DESC LIMIT 1")),
            a->id + QStringLiteral("|delete"));
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 3);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 3);
    }

    void aFailedWriteLeavesTheOldPrimaryInPlace()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Indah"));
        ContactService s(t.db(), t.admin());
        auto a = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")));
        QVERIFY(a.ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        {
            QSqlQuery trigger(t.db().connection());
            QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_contact BEFORE INSERT ON customer_contact "
                                                "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        }
        auto refused = s.add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0002"), true));
        QVERIFY(!refused.ok());
        QCOMPARE(values(*s.list(c.code)), QStringList {QStringLiteral("phone=+6281210000001*")});
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
    }

    void anotherCompanysCustomersAndContactsAreOutOfReach()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Joko"));
        auto a = ContactService(t.db(), t.admin())
                     .add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")));
        QVERIFY(a.ok());
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        ContactService s(t.db(), other);
        QCOMPARE(s.list(c.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.add(c.id, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0002"))).error().kind,
            Error::Kind::NotFound);
        ContactService::ContactChange label;
        label.label = QStringLiteral("x");
        QCOMPARE(s.update(a->id, label).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.remove(a->id).error().kind, Error::Kind::NotFound);
        QCOMPARE(t.countRows(QStringLiteral("customer_contact")), 1);
    }

    void aDeletedCustomerTakesItsContacts()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Kiki"));
        QVERIFY(ContactService(t.db(), t.admin())
                    .add(c.code, contact(QStringLiteral("phone"), QStringLiteral("0812 1000 0001")))
                    .ok());
        QVERIFY(CustomerService(t.db(), t.admin()).remove(c.code).ok());
        QCOMPARE(t.countRows(QStringLiteral("customer_contact")), 0);
    }
};

QTEST_GUILESS_MAIN(TestContactService)
#include "TestContactService.moc"
