#include "core/domain/Ids.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"
#include "core/storage/ProductRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <limits>

using namespace kasir;

namespace {

using Input = ProductService::ProductInput;

Input item(const QString& sku, const QString& name, qint64 price)
{
    Input in;
    in.sku = sku;
    in.name = name;
    in.price = price;
    return in;
}

QStringList skus(const QList<Product>& products)
{
    QStringList out;
    for (const Product& p : products)
        out << p.sku;
    return out;
}

QStringList fieldsOf(const Error& e)
{
    QStringList out;
    for (const FieldError& f : e.fields)
        out << f.field + u':' + f.code;
    return out;
}

QString describe(const Error& e)
{
    return e.describe();
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

} // namespace

class TestProductService : public QObject
{
    Q_OBJECT

private slots:
    void addsFindsListsAndUpdates()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());
        auto kopi = s.add(item(QStringLiteral("  kopi-01 "), QStringLiteral("  Kopi Susu  "), 18'000));
        QVERIFY2(kopi.ok(), qPrintable(kopi ? QString() : describe(kopi.error())));
        QCOMPARE(kopi->sku, QStringLiteral("KOPI-01"));
        QCOMPARE(kopi->name, QStringLiteral("Kopi Susu"));
        QCOMPARE(kopi->price, 18'000);
        QVERIFY(kopi->active);
        QVERIFY(Ids::isValid(kopi->id));
        QCOMPARE(kopi->companyId, t.company().id);
        QCOMPARE(kopi->createdAt, t.clock().nowMs());
        QCOMPARE(kopi->updatedAt, t.clock().nowMs());

        QVERIFY(s.add(item(QStringLiteral("TEH-2"), QStringLiteral("Teh Manis"), 8'000)).ok());
        QVERIFY(s.add(item(QStringLiteral("air-3"), QStringLiteral("Air Mineral"), 5'000)).ok());

        // Found however the SKU is typed.
        for (const QString& typed :
            {QStringLiteral("KOPI-01"), QStringLiteral("kopi-01"), QStringLiteral(" Kopi-01 ")}) {
            auto found = s.bySku(typed);
            QVERIFY2(found.ok(), qPrintable(typed));
            QCOMPARE(*found, *kopi);
        }
        QCOMPARE(s.bySku(QStringLiteral("KOPI-02")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.bySku(QStringLiteral("   ")).error().field, QStringLiteral("sku"));
        QCOMPARE(skus(*s.list()),
            (QStringList {QStringLiteral("AIR-3"), QStringLiteral("KOPI-01"), QStringLiteral("TEH-2")}));

        t.clock().advance(60'000);
        Input change;
        change.name = QStringLiteral("Kopi Susu Gula Aren");
        change.price = 22'000;
        auto changed = s.update(QStringLiteral("kopi-01"), change);
        QVERIFY2(changed.ok(), qPrintable(changed ? QString() : describe(changed.error())));
        QCOMPARE(changed->name, QStringLiteral("Kopi Susu Gula Aren"));
        QCOMPARE(changed->price, 22'000);
        QCOMPARE(changed->sku, QStringLiteral("KOPI-01"));
        QCOMPARE(changed->createdAt, kopi->createdAt);
        QCOMPARE(changed->updatedAt, t.clock().nowMs());
        QCOMPARE(*s.bySku(QStringLiteral("KOPI-01")), *changed);

        // A product taken off sale leaves the default list but stays findable.
        Input off;
        off.active = false;
        QVERIFY(!s.update(QStringLiteral("teh-2"), off)->active);
        QCOMPARE(skus(*s.list()), (QStringList {QStringLiteral("AIR-3"), QStringLiteral("KOPI-01")}));
        QCOMPARE(skus(*s.list(true)),
            (QStringList {QStringLiteral("AIR-3"), QStringLiteral("KOPI-01"), QStringLiteral("TEH-2")}));
        QVERIFY(!s.bySku(QStringLiteral("TEH-2"))->active);

        // A new SKU replaces the old one.
        Input rename;
        rename.sku = QStringLiteral("kopi-aren");
        QCOMPARE(s.update(QStringLiteral("KOPI-01"), rename)->id, kopi->id);
        QCOMPARE(s.bySku(QStringLiteral("KOPI-01")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.bySku(QStringLiteral("KOPI-AREN"))->id, kopi->id);
        QCOMPARE(s.update(QStringLiteral("KOPI-01"), change).error().kind, Error::Kind::NotFound);

        // Everything is in the file, not in memory.
        t.reopen();
        ProductService again(t.db(), t.manager());
        QCOMPARE(again.bySku(QStringLiteral("KOPI-AREN"))->name, QStringLiteral("Kopi Susu Gula Aren"));
        QCOMPARE(t.countRows(QStringLiteral("product")), 3);
    }

    void theRepositoryPagesInSkuOrderAndWritesOnlyInAUnitOfWork()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.admin());
        for (const QString& sku :
            {QStringLiteral("D"), QStringLiteral("B"), QStringLiteral("E"), QStringLiteral("A"), QStringLiteral("C")})
            QVERIFY(s.add(item(sku, QStringLiteral("Barang ") + sku, 1'000)).ok());
        Input off;
        off.active = false;
        QVERIFY(s.update(QStringLiteral("C"), off).ok());

        ProductRepository repo(t.db());
        const QString company = t.company().id;
        QCOMPARE(skus(*repo.list(company, true, 2, 0)), (QStringList {QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(skus(*repo.list(company, true, 2, 2)), (QStringList {QStringLiteral("C"), QStringLiteral("D")}));
        QCOMPARE(skus(*repo.list(company, true, 2, 4)), QStringList {QStringLiteral("E")});
        QCOMPARE(skus(*repo.list(company, false, 3, 0)),
            (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D")}));
        QCOMPARE(repo.list(company, true, -1, 0)->size(), 5);
        QVERIFY(repo.bySku(company, QStringLiteral("a"))->has_value() == false); // stored upper case

        // No write without an open unit of work.
        Product stray = **repo.bySku(company, QStringLiteral("A"));
        stray.id = Ids::newId(t.clock().nowMs());
        stray.sku = QStringLiteral("STRAY");
        UnitOfWork notBegun(t.db(), t.admin());
        QVERIFY(!repo.insert(notBegun, stray).ok());
        QVERIFY(!repo.update(notBegun, **repo.bySku(company, QStringLiteral("A"))).ok());
        QCOMPARE(t.countRows(QStringLiteral("product")), 5);

        // Updating a product the company does not have is NotFound, not a silent success.
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        const Status missing = repo.update(uow, stray);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
        uow.rollback();
    }

    void toJsonHasCamelCaseKeysAndUtcTimes()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());
        auto p = s.add(item(QStringLiteral("es-1"), QStringLiteral("Es \"Teler\""), 999'999'999'999'999));
        QVERIFY(p.ok());
        const QJsonObject o = ProductService::toJson(*p);
        QCOMPARE(o.keys(),
            (QStringList {QStringLiteral("active"), QStringLiteral("createdAt"), QStringLiteral("id"),
                QStringLiteral("name"), QStringLiteral("price"), QStringLiteral("sku"), QStringLiteral("updatedAt")}));
        QCOMPARE(o.value(u"id").toString(), p->id);
        QCOMPARE(o.value(u"sku").toString(), QStringLiteral("ES-1"));
        QCOMPARE(o.value(u"name").toString(), QStringLiteral("Es \"Teler\""));
        QVERIFY(o.value(u"price").isDouble());
        QCOMPARE(o.value(u"price").toInteger(), 999'999'999'999'999);
        QCOMPARE(o.value(u"active"), QJsonValue(true));
        QCOMPARE(o.value(u"createdAt").toString(), QStringLiteral("2026-01-01T00:00:00.000Z"));
        t.clock().advance(1'234);
        Input off;
        off.active = false;
        const QJsonObject changed = ProductService::toJson(*s.update(QStringLiteral("ES-1"), off));
        QCOMPARE(changed.value(u"updatedAt").toString(), QStringLiteral("2026-01-01T00:00:01.234Z"));
        QCOMPARE(changed.value(u"active"), QJsonValue(false));
    }

    void aSkuIsUniquePerCompanyWhateverItsCase()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());
        QVERIFY(s.add(item(QStringLiteral("KOPI-1"), QStringLiteral("Kopi Hitam"), 10'000)).ok());
        QVERIFY(s.add(item(QStringLiteral("TEH-1"), QStringLiteral("Teh"), 7'000)).ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));

        for (const QString& sku : {QStringLiteral("KOPI-1"), QStringLiteral("kopi-1"), QStringLiteral(" Kopi-1")}) {
            auto dup = s.add(item(sku, QStringLiteral("Kopi Lain"), 12'000));
            QVERIFY2(!dup.ok(), qPrintable(sku));
            QCOMPARE(dup.error().kind, Error::Kind::Conflict);
            QCOMPARE(dup.error().field, QStringLiteral("sku"));
            QCOMPARE(dup.error().code, QStringLiteral("duplicate_sku"));
            QVERIFY2(dup.error().message.contains(QStringLiteral("Kopi Hitam")), qPrintable(dup.error().message));
        }
        // Nor may an update take another product's SKU.
        Input steal;
        steal.sku = QStringLiteral("kopi-1");
        auto stolen = s.update(QStringLiteral("TEH-1"), steal);
        QCOMPARE(stolen.error().kind, Error::Kind::Conflict);
        QCOMPARE(stolen.error().code, QStringLiteral("duplicate_sku"));
        QCOMPARE(s.bySku(QStringLiteral("TEH-1"))->name, QStringLiteral("Teh"));
        QCOMPARE(t.countRows(QStringLiteral("product")), 2);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);

        // Another company has its own catalogue.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        ProductService theirs(t.db(), other);
        auto own = theirs.add(item(QStringLiteral("kopi-1"), QStringLiteral("Kopi Tubruk"), 9'000));
        QVERIFY2(own.ok(), qPrintable(own ? QString() : describe(own.error())));
        QCOMPARE(theirs.bySku(QStringLiteral("KOPI-1"))->name, QStringLiteral("Kopi Tubruk"));
        QCOMPARE(s.bySku(QStringLiteral("KOPI-1"))->name, QStringLiteral("Kopi Hitam"));
        QCOMPARE(skus(*theirs.list(true)), QStringList {QStringLiteral("KOPI-1")});
        QCOMPARE(s.list(true)->size(), 2);
        QCOMPARE(theirs.bySku(QStringLiteral("TEH-1")).error().kind, Error::Kind::NotFound);
        QCOMPARE(theirs.update(QStringLiteral("TEH-1"), steal).error().kind, Error::Kind::NotFound);
    }

    void aCashierSellsButDoesNotEditTheCatalogue()
    {
        test::TestDatabase t;
        ProductService cashier(t.db(), t.cashier());
        ProductService manager(t.db(), t.manager());
        ProductService admin(t.db(), t.admin());

        auto denied = cashier.add(item(QStringLiteral("X-1"), QStringLiteral("Barang"), 1'000));
        QCOMPARE(denied.error().kind, Error::Kind::PermissionDenied);
        QVERIFY(!denied.error().message.isEmpty());
        QCOMPARE(t.countRows(QStringLiteral("product")), 0);

        QVERIFY(manager.add(item(QStringLiteral("X-1"), QStringLiteral("Barang"), 1'000)).ok());
        QVERIFY(admin.add(item(QStringLiteral("X-2"), QStringLiteral("Barang Dua"), 2'000)).ok());

        Input cheaper;
        cheaper.price = 1;
        QCOMPARE(cashier.update(QStringLiteral("X-1"), cheaper).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.bySku(QStringLiteral("X-1"))->price, 1'000);
        QCOMPARE(skus(*cashier.list()), (QStringList {QStringLiteral("X-1"), QStringLiteral("X-2")}));
        QCOMPARE(cashier.list(true)->size(), 2);
        QVERIFY(admin.update(QStringLiteral("X-1"), cheaper).ok());
        QCOMPARE(cashier.bySku(QStringLiteral("X-1"))->price, 1);
    }

    void nastyInputIsRefusedFieldByField()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());

        auto none = s.add(Input {});
        QCOMPARE(none.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(none.error()),
            (QStringList {
                QStringLiteral("sku:required"), QStringLiteral("name:required"), QStringLiteral("price:required")}));
        for (const FieldError& f : none.error().fields)
            QVERIFY(!f.message.isEmpty());

        auto blank = s.add(item(QStringLiteral("  "), QStringLiteral(" \t "), -1));
        QCOMPARE(fieldsOf(blank.error()),
            (QStringList {QStringLiteral("sku:required"), QStringLiteral("name:invalid_characters"),
                QStringLiteral("price:negative")}));
        auto blankName = s.add(item(QStringLiteral("A"), QStringLiteral("    "), 0));
        QCOMPARE(fieldsOf(blankName.error()), QStringList {QStringLiteral("name:required")});

        const QString sku64(64, QLatin1Char('k'));
        auto tooLong = s.add(item(sku64 + u'k', QString(256, QLatin1Char('n')), 1'000'000'000'000'001));
        QCOMPARE(fieldsOf(tooLong.error()),
            (QStringList {
                QStringLiteral("sku:too_long"), QStringLiteral("name:too_long"), QStringLiteral("price:too_large")}));
        QCOMPARE(
            fieldsOf(s.add(item(QStringLiteral("P"), QStringLiteral("P"), std::numeric_limits<qint64>::max())).error()),
            QStringList {QStringLiteral("price:too_large")});
        QCOMPARE(
            fieldsOf(s.add(item(QStringLiteral("P"), QStringLiteral("P"), std::numeric_limits<qint64>::min())).error()),
            QStringList {QStringLiteral("price:negative")});

        for (const QString& bad : {QStringLiteral("AB 01"), QStringLiteral("AB\t01"), QStringLiteral("AB\n01"),
                 QStringLiteral("AB\u00A001"), QStringLiteral("AB\u200B01"), QStringLiteral("AB\x01")}) {
            auto r = s.add(item(bad, QStringLiteral("Barang"), 1'000));
            QVERIFY2(!r.ok(), qPrintable(bad));
            QCOMPARE(fieldsOf(r.error()), QStringList {QStringLiteral("sku:invalid_characters")});
        }
        QCOMPARE(fieldsOf(s.add(item(QStringLiteral("N-1"), QStringLiteral("Dua\nBaris"), 1)).error()),
            QStringList {QStringLiteral("name:invalid_characters")});
        QCOMPARE(fieldsOf(s.add(item(QStringLiteral("N-1"), QString(1, QChar(char16_t {0xD800})), 1)).error()),
            QStringList {QStringLiteral("name:invalid_characters")});
        QCOMPARE(t.countRows(QStringLiteral("product")), 0);

        // The limits themselves are fine; lengths count characters, not UTF-16 units.
        const QString flowers = QString::fromUcs4(U"\U0001F338").repeated(255);
        auto edge = s.add(item(sku64, flowers, 1'000'000'000'000'000));
        QVERIFY2(edge.ok(), qPrintable(edge ? QString() : describe(edge.error())));
        QCOMPARE(edge->sku, sku64.toUpper());
        QCOMPARE(s.bySku(sku64)->name, flowers);
        QVERIFY(s.add(item(QStringLiteral("GRATIS"), QStringLiteral("Kantong"), 0)).ok());

        // Quotes, SQL and any script round-trip as text.
        const QString sqlName = QStringLiteral("Kopi \"Luwak\" 's; DROP TABLE product; --");
        const QString unicodeName = QString::fromUcs4(U"Nguy\u1EC5n \u6797 \U0001F338 caf\u00E9");
        auto quoted = s.add(item(QStringLiteral("Q-1"), sqlName, 50'000));
        auto unicode = s.add(item(QString::fromUcs4(U"caf\u00E9-\u00DF"), unicodeName, 40'000));
        QVERIFY(quoted.ok() && unicode.ok());
        QCOMPARE(s.bySku(QStringLiteral("q-1"))->name, sqlName);
        QCOMPARE(unicode->sku, QString::fromUcs4(U"CAF\u00C9-SS"));
        QCOMPARE(s.bySku(QString::fromUcs4(U"Caf\u00E9-\u00DF"))->name, unicodeName);
        QCOMPARE(s.bySku(QStringLiteral("'; DROP TABLE product; --")).error().kind, Error::Kind::NotFound);
        QCOMPARE(t.countRows(QStringLiteral("product")), 4);

        // A failed update changes no field, not even the valid ones, and records nothing.
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        Input mixed;
        mixed.name = QStringLiteral("Nama Baru");
        mixed.price = -5;
        mixed.sku = QStringLiteral("BAD SKU");
        QCOMPARE(fieldsOf(s.update(QStringLiteral("Q-1"), mixed).error()),
            (QStringList {QStringLiteral("sku:invalid_characters"), QStringLiteral("price:negative")}));
        QCOMPARE(*s.bySku(QStringLiteral("Q-1")), *quoted);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
    }

    void everyChangeIsAuditedAndQueuedForSync()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));

        auto p = s.add(item(QStringLiteral("roti-1"), QStringLiteral("Roti Tawar"), 15'000));
        QVERIFY(p.ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT entity, entity_id, action, actor_id, company_id FROM audit_log "
                                    "ORDER BY id DESC LIMIT 1")),
            QStringList(
                {QStringLiteral("product"), p->id, QStringLiteral("create"), t.manager().userId, t.company().id})
                .join(u'|'));
        const QJsonObject created
            = jsonOf(row(t.db(), QStringLiteral("SELECT changes FROM audit_log ORDER BY id DESC LIMIT 1")));
        QCOMPARE(created.value(u"sku"), QJsonValue(QJsonArray {QJsonValue(), QStringLiteral("ROTI-1")}));
        QCOMPARE(created.value(u"price").toArray().at(1).toInteger(), 15'000);
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT entity, entity_id, op, actor_id, company_id FROM sync_outbox "
                                    "ORDER BY seq DESC LIMIT 1")),
            QStringList(
                {QStringLiteral("product"), p->id, QStringLiteral("upsert"), t.manager().userId, t.company().id})
                .join(u'|'));
        const QJsonObject op
            = jsonOf(row(t.db(), QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")));
        QCOMPARE(op.value(u"sku").toString(), QStringLiteral("ROTI-1"));
        QCOMPARE(op.value(u"name").toString(), QStringLiteral("Roti Tawar"));
        QCOMPARE(op.value(u"price").toInteger(), 15'000);
        QCOMPARE(op.value(u"active"), QJsonValue(true));
        QCOMPARE(op.value(u"id").toString(), p->id);

        t.clock().advance(1'000);
        Input change;
        change.price = 16'500;
        QVERIFY(s.update(QStringLiteral("ROTI-1"), change).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 2);
        QCOMPARE(row(t.db(), QStringLiteral("SELECT action, changes FROM audit_log ORDER BY id DESC LIMIT 1")),
            QStringLiteral("update|{\"price\":[15000,16500]}"));
        const QJsonObject updated
            = jsonOf(row(t.db(), QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")));
        QCOMPARE(updated.keys(), (QStringList {QStringLiteral("price"), QStringLiteral("updatedAt")}));
        QCOMPARE(updated.value(u"price").toInteger(), 16'500);

        // An update that changes nothing writes nothing, not even a new time stamp.
        t.clock().advance(1'000);
        Input same;
        same.name = QStringLiteral(" Roti Tawar ");
        same.sku = QStringLiteral("roti-1");
        const qint64 stamped = s.bySku(QStringLiteral("ROTI-1"))->updatedAt;
        QCOMPARE(s.update(QStringLiteral("ROTI-1"), same)->updatedAt, stamped);
        QCOMPARE(s.bySku(QStringLiteral("ROTI-1"))->updatedAt, stamped);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 2);
    }

    void aFailedWriteLeavesNoProductAuditOrOp()
    {
        test::TestDatabase t;
        ProductService s(t.db(), t.manager());
        QVERIFY(s.add(item(QStringLiteral("ADA-1"), QStringLiteral("Sudah Ada"), 1'000)).ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        {
            QSqlQuery trigger(t.db().connection());
            QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                                "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
            auto added = s.add(item(QStringLiteral("BARU-1"), QStringLiteral("Baru"), 2'000));
            QVERIFY(!added.ok());
            QVERIFY2(added.error().message.contains(QStringLiteral("disk on fire")), qPrintable(added.error().message));
            Input change;
            change.name = QStringLiteral("Berubah");
            change.price = 3'000;
            QVERIFY(!s.update(QStringLiteral("ADA-1"), change).ok());
            QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        }
        QCOMPARE(t.countRows(QStringLiteral("product")), 1);
        QCOMPARE(s.bySku(QStringLiteral("BARU-1")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.bySku(QStringLiteral("ADA-1"))->name, QStringLiteral("Sudah Ada"));
        QCOMPARE(s.bySku(QStringLiteral("ADA-1"))->price, 1'000);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);

        // Nothing was left open: the next write goes through.
        QVERIFY(s.add(item(QStringLiteral("BARU-1"), QStringLiteral("Baru"), 2'000)).ok());
        QCOMPARE(t.countRows(QStringLiteral("product")), 2);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
    }
};

QTEST_GUILESS_MAIN(TestProductService)
#include "TestProductService.moc"
