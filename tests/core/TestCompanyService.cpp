#include "core/services/CompanyService.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

qint64 scalar(Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// What a refused change must leave as it was: the rows and the audit and sync trail.
struct Footprint
{
    QString company; // every column, joined
    QString stores;
    qint64 audit = 0;
    qint64 ops = 0;

    static Footprint of(Database& db)
    {
        Footprint f;
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT id, name, default_region, currency, created_at, updated_at FROM company")))
            qFatal("company: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            for (int i = 0; i < 6; ++i)
                f.company += q.value(i).toString() + u'|';
        }
        if (!q.exec(QStringLiteral("SELECT id, company_id, code, name, created_at FROM store ORDER BY id")))
            qFatal("store: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            for (int i = 0; i < 5; ++i)
                f.stores += q.value(i).toString() + u'|';
        }
        f.audit = scalar(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        f.ops = scalar(db, QStringLiteral("SELECT count(*) FROM sync_outbox"));
        return f;
    }

    friend bool operator==(const Footprint&, const Footprint&) = default;
};

QString fieldsOf(const Error& e)
{
    QStringList out;
    for (const FieldError& f : e.fields)
        out << f.field + u':' + f.code;
    if (out.isEmpty() && !e.field.isEmpty())
        out << e.field + u':' + e.code;
    return out.join(u',');
}

// The newest audit row and sync op about `entityId`: action, changes, op fields.
struct Trail
{
    QString action;
    QJsonObject changes;
    QJsonObject fields;
    QString actorId;
};

Trail lastTrail(Database& db, const QString& entityId)
{
    Trail t;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT action, changes, actor_id FROM audit_log WHERE entity_id = ? ORDER BY id DESC"));
    q.addBindValue(entityId);
    if (q.exec() && q.next()) {
        t.action = q.value(0).toString();
        t.changes = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        t.actorId = q.value(2).toString();
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT fields FROM sync_outbox WHERE entity_id = ? ORDER BY seq DESC"));
    q.addBindValue(entityId);
    if (q.exec() && q.next())
        t.fields = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    return t;
}

} // namespace

class TestCompanyService : public QObject
{
    Q_OBJECT

private slots:
    void anAdministratorRenamesTheCompany()
    {
        test::TestDatabase t;
        const Company before = t.company();
        t.clock().advance(60'000);
        auto renamed = CompanyService(t.db(), t.admin()).rename(QStringLiteral("  Toko   Maju Jaya "));
        QVERIFY2(renamed.ok(), qPrintable(renamed ? QString() : renamed.error().describe()));
        QCOMPARE(renamed->name, QStringLiteral("Toko Maju Jaya"));
        QCOMPARE(renamed->updatedAt, t.clock().nowMs());

        // Read back as the terminal reads its company, by anyone of it.
        auto current = SetupService(t.db()).currentCompany();
        QCOMPARE(current->name, QStringLiteral("Toko Maju Jaya"));
        QCOMPARE(CompanyService(t.db(), t.cashier()).company()->name, QStringLiteral("Toko Maju Jaya"));
        // The region and the currency stay as they were set.
        QCOMPARE(current->defaultRegion, before.defaultRegion);
        QCOMPARE(current->currency, before.currency);
        QCOMPARE(current->createdAt, before.createdAt);

        // One audit row and one sync op, naming only the name.
        const Trail trail = lastTrail(t.db(), before.id);
        QCOMPARE(trail.action, QStringLiteral("update"));
        QCOMPARE(trail.actorId, t.admin().userId);
        QCOMPARE(trail.changes.value(QStringLiteral("name")).toArray().at(0).toString(), QStringLiteral("Toko Maju"));
        QCOMPARE(
            trail.changes.value(QStringLiteral("name")).toArray().at(1).toString(), QStringLiteral("Toko Maju Jaya"));
        QCOMPARE(trail.fields.keys(), QStringList {QStringLiteral("name")});

        // The same name again changes nothing, and writes nothing.
        const Footprint same = Footprint::of(t.db());
        QVERIFY(CompanyService(t.db(), t.admin()).rename(QStringLiteral("Toko Maju Jaya")).ok());
        QCOMPARE(Footprint::of(t.db()), same);
    }

    void unusualNamesAreKeptAsTyped_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("accents and scripts") << QStringLiteral("Toko Ñoño — 東京 Café");
        QTest::newRow("emoji") << QStringLiteral("Warung 🛒 Bu Siti");
        QTest::newRow("quotes and SQL") << QStringLiteral("Robert'); DROP TABLE company; -- \"x\"");
        // Counted as a person counts them: an emoji is one character, not two.
        QTest::newRow("120 emoji") << QStringLiteral("🛒").repeated(120);
        QTest::newRow("exactly 120") << QString(120, u'x');
    }

    void unusualNamesAreKeptAsTyped()
    {
        QFETCH(QString, name);
        test::TestDatabase t;
        CompanyService company(t.db(), t.admin());
        auto renamed = company.rename(name);
        QVERIFY2(renamed.ok(), qPrintable(renamed ? QString() : renamed.error().describe()));
        QCOMPARE(company.company()->name, name);
        auto store = company.addStore(QStringLiteral("S02"), name);
        QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().describe()));
        QCOMPARE(TenancyRepository(t.db()).store(store->id)->value().name, name);
        QCOMPARE(t.countRows(QStringLiteral("company")), 1);
    }

    void badNamesAreRefusedByTheirFieldAndNothingIsWritten_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << QStringLiteral("required");
        QTest::newRow("only spaces") << QStringLiteral("  \u00a0 ") << QStringLiteral("required");
        QTest::newRow("121 characters") << QString(121, u'x') << QStringLiteral("too_long");
        QTest::newRow("121 emoji") << QStringLiteral("😀").repeated(121) << QStringLiteral("too_long");
        QTest::newRow("line break") << QStringLiteral("Toko\nMaju") << QStringLiteral("invalid_characters");
        QTest::newRow("tab") << QStringLiteral("Toko\tMaju") << QStringLiteral("invalid_characters");
        QTest::newRow("control character") << QStringLiteral("Toko\u0007Maju") << QStringLiteral("invalid_characters");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("Toko")
                                        << QStringLiteral("invalid_characters");
    }

    void badNamesAreRefusedByTheirFieldAndNothingIsWritten()
    {
        QFETCH(QString, name);
        QFETCH(QString, code);
        test::TestDatabase t;
        CompanyService company(t.db(), t.admin());
        const Store s01 = company.stores()->constFirst();
        const Footprint before = Footprint::of(t.db());

        auto renamed = company.rename(name);
        QCOMPARE(renamed.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(renamed.error()), QStringLiteral("name:") + code);
        QVERIFY(!renamed.error().message.isEmpty());

        auto added = company.addStore(QStringLiteral("S02"), name);
        QCOMPARE(added.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(added.error()), QStringLiteral("name:") + code);

        auto storeRenamed = company.renameStore(s01.id, name);
        QCOMPARE(storeRenamed.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(storeRenamed.error()), QStringLiteral("name:") + code);

        QCOMPARE(Footprint::of(t.db()), before);
    }

    void onlyAnAdministratorChangesTheCompanyAndItsStores()
    {
        test::TestDatabase t;
        const Store s01 = CompanyService(t.db(), t.admin()).stores()->constFirst();
        const Footprint before = Footprint::of(t.db());
        for (const Actor& a : {t.manager(), t.cashier()}) {
            CompanyService company(t.db(), a);
            auto renamed = company.rename(QStringLiteral("Toko Lain"));
            QCOMPARE(renamed.error().kind, Error::Kind::PermissionDenied);
            QVERIFY2(renamed.error().message.contains(Roles::displayName(a.role).toLower()),
                qPrintable(renamed.error().message));
            QCOMPARE(company.addStore(QStringLiteral("S02"), QStringLiteral("Cabang")).error().kind,
                Error::Kind::PermissionDenied);
            QCOMPARE(company.renameStore(s01.id, QStringLiteral("Cabang")).error().kind, Error::Kind::PermissionDenied);
            // Bad input from someone who may not change anything is still a refusal first.
            QCOMPARE(company.addStore(QString(), QString()).error().kind, Error::Kind::PermissionDenied);
            // Reading is for everyone of the company.
            QCOMPARE(company.stores()->size(), 1);
            QCOMPARE(company.company()->name, QStringLiteral("Toko Maju"));
        }
        QCOMPARE(Footprint::of(t.db()), before);
    }

    void anAdministratorAddsAStore()
    {
        test::TestDatabase t;
        CompanyService company(t.db(), t.admin());
        auto added = company.addStore(QStringLiteral("  jkt-02 "), QStringLiteral(" Cabang  Jakarta "));
        QVERIFY2(added.ok(), qPrintable(added ? QString() : added.error().describe()));
        QCOMPARE(added->code, QStringLiteral("JKT-02"));
        QCOMPARE(added->name, QStringLiteral("Cabang Jakarta"));
        QCOMPARE(added->companyId, t.company().id);

        auto stores = company.stores();
        QCOMPARE(stores->size(), 2);
        QCOMPARE(stores->at(0).code, QStringLiteral("JKT-02")); // by code
        QCOMPARE(stores->at(1).code, QStringLiteral("S01"));

        const Trail trail = lastTrail(t.db(), added->id);
        QCOMPARE(trail.action, QStringLiteral("create"));
        QCOMPARE(trail.fields.value(QStringLiteral("code")).toString(), QStringLiteral("JKT-02"));
        QCOMPARE(trail.fields.value(QStringLiteral("name")).toString(), QStringLiteral("Cabang Jakarta"));
        QCOMPARE(
            scalar(t.db(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'store' AND entity_id = ?"),
                {added->id}),
            1);
    }

    void badStoreCodesAreRefused_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QString() << QStringLiteral("required");
        QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("required");
        QTest::newRow("17 characters") << QStringLiteral("ABCDEFGHIJKLMNOPQ") << QStringLiteral("too_long");
        QTest::newRow("inner space") << QStringLiteral("S 02") << QStringLiteral("invalid_code");
        QTest::newRow("underscore") << QStringLiteral("S_02") << QStringLiteral("invalid_code");
        QTest::newRow("leading dash") << QStringLiteral("-S02") << QStringLiteral("invalid_code");
        QTest::newRow("quote") << QStringLiteral("S02'--") << QStringLiteral("invalid_code");
        // Letters that toUpper() would turn into A-Z are not A-Z.
        QTest::newRow("dotless i") << QStringLiteral("\u0131S02") << QStringLiteral("invalid_code");
        QTest::newRow("sharp s") << QStringLiteral("\u00dfS") << QStringLiteral("invalid_code");
        QTest::newRow("accented") << QStringLiteral("\u00c9S02") << QStringLiteral("invalid_code");
        QTest::newRow("line break") << QStringLiteral("S0\n2") << QStringLiteral("invalid_code");
    }

    void badStoreCodesAreRefused()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        test::TestDatabase t;
        const Footprint before = Footprint::of(t.db());
        auto added = CompanyService(t.db(), t.admin()).addStore(code, QStringLiteral("Cabang"));
        QCOMPARE(added.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(added.error()), QStringLiteral("code:") + error);
        QCOMPARE(Footprint::of(t.db()), before);
    }

    void everyBadFieldIsNamedAtOnce()
    {
        test::TestDatabase t;
        auto added = CompanyService(t.db(), t.admin()).addStore(QStringLiteral("S 1"), QString());
        QCOMPARE(fieldsOf(added.error()), QStringLiteral("code:invalid_code,name:required"));
    }

    void aStoreCodeIsUniqueInItsCompany()
    {
        test::TestDatabase t;
        CompanyService company(t.db(), t.admin());
        const Footprint before = Footprint::of(t.db());
        // The first store is S01; case does not make another code.
        auto dup = company.addStore(QStringLiteral("s01"), QStringLiteral("Cabang"));
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
        QCOMPARE(dup.error().field, QStringLiteral("code"));
        QVERIFY2(dup.error().message.contains(QStringLiteral("Main store")), qPrintable(dup.error().message));
        QCOMPARE(Footprint::of(t.db()), before);

        // Another company may use the same code.
        const Actor other = t.addCompany(QStringLiteral("Toko Sebelah"));
        auto theirs = CompanyService(t.db(), other).addStore(QStringLiteral("S01"), QStringLiteral("Pusat"));
        QVERIFY2(theirs.ok(), qPrintable(theirs ? QString() : theirs.error().describe()));
        QCOMPARE(company.stores()->size(), 1);
        QCOMPARE(CompanyService(t.db(), other).stores()->size(), 1);
    }

    void aStoreIsRenamedAndKeepsItsCode()
    {
        test::TestDatabase t;
        CompanyService company(t.db(), t.admin());
        const Store s01 = company.stores()->constFirst();
        auto renamed = company.renameStore(s01.id, QStringLiteral("Cabang Utama \"Pusat\""));
        QVERIFY2(renamed.ok(), qPrintable(renamed ? QString() : renamed.error().describe()));
        QCOMPARE(renamed->code, s01.code);
        QCOMPARE(renamed->createdAt, s01.createdAt);
        auto stored = TenancyRepository(t.db()).store(s01.id);
        QCOMPARE(stored->value().name, QStringLiteral("Cabang Utama \"Pusat\""));
        QCOMPARE(stored->value().code, QStringLiteral("S01"));

        const Trail trail = lastTrail(t.db(), s01.id);
        QCOMPARE(trail.action, QStringLiteral("update"));
        QCOMPARE(trail.changes.keys(), QStringList {QStringLiteral("name")});
        QCOMPARE(trail.fields.keys(), QStringList {QStringLiteral("name")});

        const Footprint same = Footprint::of(t.db());
        QVERIFY(company.renameStore(s01.id, QStringLiteral(" Cabang Utama  \"Pusat\"")).ok());
        QCOMPARE(Footprint::of(t.db()), same);
    }

    void aStoreOfAnotherCompanyIsNotFound()
    {
        test::TestDatabase t;
        const Actor other = t.addCompany(QStringLiteral("Toko Sebelah"));
        auto theirs = CompanyService(t.db(), other).addStore(QStringLiteral("X01"), QStringLiteral("Pusat"));
        QVERIFY(theirs.ok());
        const Footprint before = Footprint::of(t.db());
        CompanyService company(t.db(), t.admin());
        QCOMPARE(company.renameStore(theirs->id, QStringLiteral("Milik kami")).error().kind, Error::Kind::NotFound);
        QCOMPARE(company.renameStore(QStringLiteral("no-such-id"), QStringLiteral("Milik kami")).error().kind,
            Error::Kind::NotFound);
        QCOMPARE(Footprint::of(t.db()), before);
        QCOMPARE(TenancyRepository(t.db()).store(theirs->id)->value().name, QStringLiteral("Pusat"));
    }
};

QTEST_GUILESS_MAIN(TestCompanyService)
#include "TestCompanyService.moc"
