#include "core/domain/CustomerInput.h"
#include "core/services/CustomerService.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

CustomerInput person(const QString& name, const QString& phone)
{
    CustomerInput in;
    in.name = name;
    in.phone = phone;
    return in;
}

} // namespace

class TestUnitOfWork : public QObject
{
    Q_OBJECT

private slots:
    void aWriteCommitsRowAuditAndOutboxTogether()
    {
        test::TestDatabase t;
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        auto c = CustomerService(t.db(), t.manager())
                     .create(person(QStringLiteral("Budi"), QStringLiteral("0812 1111 2222")));
        QVERIFY(c.ok());
        QCOMPARE(t.countRows(QStringLiteral("customer")), 1);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);

        QSqlQuery q(t.db().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT a.actor_id, a.actor_name, a.action, a.changes, o.op, o.fields, o.hlc, a.hlc "
                                  "FROM audit_log a JOIN sync_outbox o ON o.entity_id = a.entity_id "
                                  "WHERE a.entity = 'customer'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), t.manager().userId);
        QCOMPARE(q.value(1).toString(), QStringLiteral("manager"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("create"));
        const QJsonObject changes = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        QCOMPARE(changes.value(QStringLiteral("name")).toArray().at(0), QJsonValue(QJsonValue::Null));
        QCOMPARE(changes.value(QStringLiteral("name")).toArray().at(1).toString(), QStringLiteral("Budi"));
        // Which row, when and who are the audit row's columns, not repeated in its changes;
        // the sync op carries every field.
        for (const char* bookkeeping : {"id", "createdAt", "createdBy", "updatedAt", "updatedBy"})
            QVERIFY2(!changes.contains(QLatin1String(bookkeeping)), bookkeeping);
        QCOMPARE(q.value(4).toString(), QStringLiteral("upsert"));
        const QJsonObject fields = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        QCOMPARE(fields.value(QStringLiteral("phone")).toString(), QStringLiteral("+6281211112222"));
        for (const char* bookkeeping : {"id", "createdAt", "createdBy", "updatedAt", "updatedBy"})
            QVERIFY2(fields.contains(QLatin1String(bookkeeping)), bookkeeping);
        QCOMPARE(q.value(6).toString(), q.value(7).toString());
    }

    void anUpdateRecordsOnlyWhatChanged()
    {
        test::TestDatabase t;
        CustomerService service(t.db(), t.manager());
        auto c = service.create(person(QStringLiteral("Budi"), QStringLiteral("0812 1111 2222")));
        QVERIFY(c.ok());
        t.clock().advance(1000);
        CustomerInput change;
        change.city = QStringLiteral("Bandung");
        QVERIFY(service.update(c->id, change).ok());
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT changes FROM audit_log WHERE action = 'update'")));
        QVERIFY(q.next());
        const QJsonObject changes = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        // Only what changed for the business: when and who are the audit row's own columns.
        QCOMPARE(changes.keys(), QStringList {QStringLiteral("city")});
        QCOMPARE(changes.value(QStringLiteral("city")).toArray(),
            (QJsonArray {QJsonValue(QJsonValue::Null), QJsonValue(QStringLiteral("Bandung"))}));
        QVERIFY(q.exec(QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().keys(),
            (QStringList {QStringLiteral("city"), QStringLiteral("updatedAt")}));

        // Saving the same values again writes nothing at all.
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        QVERIFY(service.update(c->id, change).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
    }

    void aFailureMidWriteLeavesNothing()
    {
        test::TestDatabase t;
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        // The outbox insert, the last write of the unit, fails after the customer row and
        // its audit row are already written inside the transaction.
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                      "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        CustomerService service(t.db(), t.manager());
        auto c = service.create(person(QStringLiteral("Budi"), QStringLiteral("0812 1111 2222")));
        QVERIFY(!c.ok());
        QVERIFY(c.error().message.contains(QStringLiteral("disk on fire")));
        QCOMPARE(t.countRows(QStringLiteral("customer")), 0);
        QCOMPARE(t.countRows(QStringLiteral("customer_word")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);
        QCOMPARE(t.countRows(QStringLiteral("code_sequence")), 0);

        // A batch fails whole: the 3rd of 3 has a bad phone, none is written.
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        auto batch = service.createMany({person(QStringLiteral("A"), QStringLiteral("0812 1111 0001")),
            person(QStringLiteral("B"), QStringLiteral("0812 1111 0002")),
            person(QStringLiteral("C"), QStringLiteral("12"))});
        QVERIFY(!batch.ok());
        QCOMPARE(batch.error().field, QStringLiteral("items[2].phone"));
        QCOMPARE(t.countRows(QStringLiteral("customer")), 0);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);

        // And the database is still writable afterwards.
        QVERIFY(service.create(person(QStringLiteral("Budi"), QStringLiteral("0812 1111 2222"))).ok());
        QCOMPARE(t.countRows(QStringLiteral("customer")), 1);
        QCOMPARE(service.get(QStringLiteral("C-000001"))->name, QStringLiteral("Budi"));
    }

    void aUnitDroppedWithoutCommitRollsBack()
    {
        test::TestDatabase t;
        {
            UnitOfWork uow(t.db(), t.admin());
            QVERIFY(uow.begin().ok());
            QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO local_state (key, value) VALUES ('x', 'y')"));
            QVERIFY(q.exec());
            // A second unit on the same thread would deadlock or nest: refused.
            UnitOfWork nested(t.db(), t.admin());
            QVERIFY(!nested.begin().ok());
        }
        QCOMPARE(t.db().localState(QStringLiteral("x")), QString());
        UnitOfWork again(t.db(), t.admin());
        QVERIFY(again.begin().ok());
        QVERIFY(again.commit().ok());
    }

    void everyAuditRowKnowsItsCustomer()
    {
        test::TestDatabase t;
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        FieldSnapshot profile;
        profile.setText(QStringLiteral("name"), QStringLiteral("Agus"));
        FieldSnapshot note;
        note.setText(QStringLiteral("customerId"), QStringLiteral("cust-2"));
        note.setText(QStringLiteral("body"), QStringLiteral("suka kopi"));
        FieldSnapshot rules;
        rules.setText(QStringLiteral("goldFrom"), QStringLiteral("1"));
        const QString company = t.company().id;
        QVERIFY(uow.record({QStringLiteral("customer"), QStringLiteral("cust-1"), company, QStringLiteral("create"),
                               UnitOfWork::Op::Upsert, {}, profile})
                    .ok());
        QVERIFY(uow.record({QStringLiteral("customer_note"), QStringLiteral("n-1"), company, QStringLiteral("create"),
                               UnitOfWork::Op::Upsert, {}, note})
                    .ok());
        // A delete has only its before.
        QVERIFY(uow.record({QStringLiteral("customer_note"), QStringLiteral("n-1"), company, QStringLiteral("delete"),
                               UnitOfWork::Op::Delete, note, {}})
                    .ok());
        QVERIFY(uow.record({QStringLiteral("membership_rules"), company, company, QStringLiteral("update"),
                               UnitOfWork::Op::Upsert, {}, rules})
                    .ok());
        UnitOfWork::Change told {QStringLiteral("customer_tag"), QStringLiteral("t-1"), company, QStringLiteral("add"),
            UnitOfWork::Op::Upsert, {}, rules, QStringLiteral("cust-3")};
        QVERIFY(uow.record(told).ok());
        QVERIFY(uow.commit().ok());
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(entity_id || '=' || coalesce(customer_id, '-'), ' ') FROM "
                                      "(SELECT entity_id, customer_id FROM audit_log WHERE entity IN ('customer', "
                                      "'customer_note', 'membership_rules', 'customer_tag') AND entity_id <> '' "
                                      "AND at = ? ORDER BY id)")
                           .replace(QStringLiteral("?"), QString::number(uow.now()))));
        QVERIFY(q.next());
        QCOMPARE(
            q.value(0).toString(), QStringLiteral("cust-1=cust-1 n-1=cust-2 n-1=cust-2 %1=- t-1=cust-3").arg(company));
    }

    void theAuditLogIsAppendOnly()
    {
        test::TestDatabase t;
        QVERIFY(t.countRows(QStringLiteral("audit_log")) > 0);
        QSqlQuery q(t.db().connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET action = 'forged'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'forged'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void stampsIncreaseAcrossUnits()
    {
        test::TestDatabase t;
        CustomerService service(t.db(), t.admin());
        for (int i = 0; i < 5; ++i)
            QVERIFY(
                service.create(person(QStringLiteral("P%1").arg(i), QStringLiteral("0812 2222 000%1").arg(i))).ok());
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT hlc FROM sync_outbox ORDER BY seq")));
        QString last;
        QSet<QString> opIds;
        while (q.next()) {
            QVERIFY(q.value(0).toString() > last);
            last = q.value(0).toString();
        }
        QCOMPARE(t.db().localState(QStringLiteral("hlc")), last);
    }

    void snapshotsDiffAndWriteJson()
    {
        const FieldSnapshot a {{QStringLiteral("x"), 1}, {QStringLiteral("y"), QJsonValue::Null},
            {QStringLiteral("e"), QString()}, {QStringLiteral("w"), QStringLiteral("same")}};
        const FieldSnapshot b {{QStringLiteral("x"), 2}, {QStringLiteral("z"), QStringLiteral("new")},
            {QStringLiteral("w"), QStringLiteral("same")}};
        QCOMPARE(FieldSnapshot::changed(a, b), (QStringList {QStringLiteral("x"), QStringLiteral("z")}));
        QVERIFY(FieldSnapshot::changed(a, a).isEmpty());
        const QStringList fields {QStringLiteral("x"), QStringLiteral("z")};
        QCOMPARE(FieldSnapshot::auditJson(a, b, fields), QStringLiteral(R"({"x":[1,2],"z":[null,"new"]})"));
        QCOMPARE(FieldSnapshot::valuesJson(b, fields), QStringLiteral(R"({"x":2,"z":"new"})"));
        // Text that needs escaping stays valid JSON and round-trips.
        const QString nasty = QStringLiteral("quote \" back\\slash \n newline \u0001 ctl 🌸 \"; DROP");
        const FieldSnapshot n {{QStringLiteral("name"), nasty}, {QStringLiteral("pi"), 3.5}};
        const QString json = FieldSnapshot::valuesJson(n, {QStringLiteral("name"), QStringLiteral("pi")});
        QJsonParseError error;
        const QJsonObject parsed = QJsonDocument::fromJson(json.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.value(QStringLiteral("name")).toString(), nasty);
        QCOMPARE(parsed.value(QStringLiteral("pi")).toDouble(), 3.5);
        // A value that changes type is a change, though QVariant calls "1" and 1 equal.
        const FieldSnapshot typed {{QStringLiteral("x"), QStringLiteral("1")}, {QStringLiteral("b"), true}};
        const FieldSnapshot retyped {{QStringLiteral("x"), 1}, {QStringLiteral("b"), QStringLiteral("true")}};
        QCOMPARE(FieldSnapshot::changed(typed, retyped), (QStringList {QStringLiteral("b"), QStringLiteral("x")}));
        QVERIFY(!(typed == retyped));
        QVERIFY(typed == FieldSnapshot(typed));
        // A lone surrogate is escaped, never written raw.
        QString lone = QStringLiteral("a");
        lone += QChar(0xDC00);
        lone += QChar(0xD83C);
        QString out;
        FieldSnapshot::appendString(out, lone);
        QCOMPARE(out, QStringLiteral(R"("a\udc00\ud83c")"));
    }
};

QTEST_GUILESS_MAIN(TestUnitOfWork)
#include "TestUnitOfWork.moc"
