#include "core/services/CustomerService.h"
#include "core/services/TagService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

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

QStringList names(const QList<Tag>& tags)
{
    QStringList out;
    for (const Tag& tag : tags)
        out << tag.name;
    return out;
}

QStringList customerNames(const CustomerPage& page)
{
    QStringList out;
    for (const Customer& c : page.items)
        out << c.name;
    return out;
}

QString firstField(const Error& e)
{
    return e.fields.isEmpty() ? e.field + u':' + e.code
                              : e.fields.constFirst().field + u':' + e.fields.constFirst().code;
}

qint64 count(Database& db, const QString& sql, const QVariant& bind = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    if (bind.isValid())
        q.addBindValue(bind);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestTagService : public QObject
{
    Q_OBJECT

private slots:
    void colours()
    {
        QCOMPARE(TagService::normaliseColor(QStringLiteral("#ABC")), QStringLiteral("#aabbcc"));
        QCOMPARE(TagService::normaliseColor(QStringLiteral(" a1B2c3 ")), QStringLiteral("#a1b2c3"));
        QCOMPARE(TagService::normaliseColor(QStringLiteral("#1e90ff")), QStringLiteral("#1e90ff"));
        for (const char* bad : {"", "#", "#12", "#12345", "#1234567", "red", "#ggg", "##abc", "rgb(1,2,3)"})
            QVERIFY2(!TagService::normaliseColor(QLatin1String(bad)), bad);
    }

    void createsRenamesRecoloursAndLists()
    {
        test::TestDatabase t;
        TagService s(t.db(), t.manager());
        auto setia = s.create(QStringLiteral("  Pelanggan Setia "), QStringLiteral("#F80"));
        QVERIFY2(setia.ok(), qPrintable(setia ? QString() : setia.error().describe()));
        QCOMPARE(setia->name, QStringLiteral("Pelanggan Setia"));
        QCOMPARE(setia->color, QStringLiteral("#ff8800"));
        QCOMPARE(setia->createdBy, t.manager().userId);
        auto grosir = s.create(QStringLiteral("Grosir"));
        QCOMPARE(grosir->color, TagService::defaultColor);

        // One name however it is cased or accented.
        for (const QString& dup : {QStringLiteral("pelanggan setia"), QStringLiteral("PELANGGAN  SETIA"),
                 QStringLiteral("Pelanggan Sétia")}) {
            auto refused = s.create(dup);
            QCOMPARE(refused.error().kind, Error::Kind::Conflict);
            QCOMPARE(refused.error().field, QStringLiteral("name"));
        }
        QCOMPARE(s.byName(QStringLiteral("pelanggan sétia"))->id, setia->id);
        QCOMPARE(names(*s.list()), (QStringList {QStringLiteral("Grosir"), QStringLiteral("Pelanggan Setia")}));

        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        auto renamed = s.rename(QStringLiteral("grosir"), QStringLiteral("Agen Grosir"));
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->id, grosir->id);
        QCOMPARE(renamed->name, QStringLiteral("Agen Grosir"));
        // A new case of its own name is a rename; another tag's name is not.
        QVERIFY(s.rename(QStringLiteral("agen grosir"), QStringLiteral("AGEN GROSIR")).ok());
        QCOMPARE(s.rename(QStringLiteral("agen grosir"), QStringLiteral("pelanggan setia")).error().kind,
            Error::Kind::Conflict);
        auto recoloured = s.recolour(QStringLiteral("Pelanggan Setia"), QStringLiteral("00ff00"));
        QCOMPARE(recoloured->color, QStringLiteral("#00ff00"));
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 3);
        // The same colour again changes nothing and writes nothing.
        QVERIFY(s.recolour(QStringLiteral("Pelanggan Setia"), QStringLiteral("#0F0")).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 3);
        QCOMPARE(count(t.db(), QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'tag'")), 5);

        QCOMPARE(firstField(s.recolour(QStringLiteral("Grosir"), QStringLiteral("merah")).error()),
            QStringLiteral("color:invalid_color"));
        QCOMPARE(
            firstField(s.recolour(QStringLiteral("Agen Grosir"), QString()).error()), QStringLiteral("color:required"));
        QCOMPARE(s.rename(QStringLiteral("tidak ada"), QStringLiteral("x")).error().kind, Error::Kind::NotFound);
    }

    void refusesBadNames()
    {
        test::TestDatabase t;
        TagService s(t.db(), t.admin());
        QCOMPARE(firstField(s.create(QStringLiteral("   ")).error()), QStringLiteral("name:required"));
        QCOMPARE(firstField(s.create(QString(51, u'x')).error()), QStringLiteral("name:too_long"));
        QCOMPARE(firstField(s.create(QStringLiteral("a\nb")).error()), QStringLiteral("name:invalid_characters"));
        QCOMPARE(firstField(s.create(QStringLiteral("\u0301")).error()), QStringLiteral("name:invalid_characters"));
        // Name and colour wrong: both said.
        QCOMPARE(s.create(QString(), QStringLiteral("#xyz")).error().fields.size(), 2);
        QCOMPARE(t.countRows(QStringLiteral("tag")), 0);

        // Fifty emoji fit; quotes and SQL are a name like any other.
        QString fifty;
        for (int i = 0; i < 50; ++i)
            fifty += QStringLiteral("\U0001F3F7");
        QVERIFY(s.create(fifty).ok());
        const QString sql = QStringLiteral("x'); DROP TABLE tag; --");
        QCOMPARE(s.create(sql)->name, sql);
        QCOMPARE(s.create(QStringLiteral("\"Pelanggan\" O'Brien"))->name, QStringLiteral("\"Pelanggan\" O'Brien"));
        QCOMPARE(t.countRows(QStringLiteral("tag")), 3);
    }

    void tagsCustomersAndCountsPopularTags()
    {
        test::TestDatabase t;
        const Customer a = addCustomer(t, QStringLiteral("Ani"));
        const Customer b = addCustomer(t, QStringLiteral("Budi"));
        const Customer c = addCustomer(t, QStringLiteral("Citra"));
        TagService s(t.db(), t.manager());
        QVERIFY(s.create(QStringLiteral("VIP Lama")).ok());

        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        // A manager's tag that does not exist yet is made, with the colour given.
        auto first = s.tag(a.code, QStringLiteral("Reseller"), QStringLiteral("#123"));
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().describe()));
        QVERIFY(first->created);
        QVERIFY(first->added);
        QCOMPARE(first->tag.color, QStringLiteral("#112233"));
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2); // the tag, then the tagging
        QCOMPARE(count(t.db(),
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer_tag' AND customer_id = ?"),
                     a.id),
            1);
        QCOMPARE(count(t.db(),
                     QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer_tag' AND entity_id = ?"),
                     QString(a.id + u':' + first->tag.id)),
            1);

        // Tagging again: nothing written.
        auto again = s.tag(a.id, QStringLiteral("RESELLER"));
        QVERIFY(again.ok());
        QVERIFY(!again->added);
        QVERIFY(!again->created);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);

        QVERIFY(s.tag(b.id, QStringLiteral("reseller")).ok());
        QVERIFY(s.tag(b.id, QStringLiteral("vip lama")).ok());
        QVERIFY(s.tag(c.id, QStringLiteral("Réseller")).ok());
        QCOMPARE(names(*s.tagsOf(b.code)), (QStringList {QStringLiteral("Reseller"), QStringLiteral("VIP Lama")}));
        QVERIFY(s.tagsOf(c.id)->size() == 1);

        auto popular = s.popular();
        QVERIFY(popular.ok());
        QCOMPARE(popular->size(), 2);
        QCOMPARE(popular->at(0).tag.name, QStringLiteral("Reseller"));
        QCOMPARE(popular->at(0).customers, 3);
        QCOMPARE(popular->at(1).customers, 1);
        QCOMPARE(s.popular(1)->size(), 1);
        QCOMPARE(firstField(s.popular(0).error()), QStringLiteral("limit:out_of_range"));

        // Taking a tag off: audited as a delete; a tag not there is not found.
        const qint64 before = t.countRows(QStringLiteral("audit_log"));
        QVERIFY(s.untag(c.code, QStringLiteral("reseller")).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), before + 1);
        QCOMPARE(count(t.db(),
                     QStringLiteral("SELECT count(*) FROM sync_outbox WHERE op = 'delete' AND entity = "
                                    "'customer_tag'")),
            1);
        QCOMPARE(s.untag(c.code, QStringLiteral("reseller")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.untag(c.code, QStringLiteral("tidak ada")).error().kind, Error::Kind::NotFound);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), before + 1);
        QCOMPARE(s.popular()->at(0).customers, 2);
        QCOMPARE(s.tag(QStringLiteral("C-999999"), QStringLiteral("reseller")).error().kind, Error::Kind::NotFound);
    }

    void permissionsByRole()
    {
        test::TestDatabase t;
        const Customer a = addCustomer(t, QStringLiteral("Ani"));
        QVERIFY(TagService(t.db(), t.admin()).create(QStringLiteral("Ada")).ok());
        struct Case
        {
            Actor actor;
            bool manage;
        };
        for (const Case& k : {Case {t.admin(), true}, Case {t.manager(), true}, Case {t.cashier(), false}}) {
            TagService s(t.db(), k.actor);
            const QString mine = QStringLiteral("tag-") + k.actor.username;
            QCOMPARE(s.create(mine).ok(), k.manage);
            QCOMPARE(s.rename(QStringLiteral("Ada"), QStringLiteral("Ada")).ok(), k.manage);
            QCOMPARE(s.recolour(QStringLiteral("Ada"), QStringLiteral("#000")).ok(), k.manage);
            if (!k.manage) {
                QCOMPARE(s.create(mine).error().kind, Error::Kind::PermissionDenied);
                // A cashier neither makes tags nor puts them on or takes them off; nothing is
                // left behind.
                auto refused = s.tag(a.id, QStringLiteral("Baru"));
                QCOMPARE(refused.error().kind, Error::Kind::PermissionDenied);
                QVERIFY(!s.byName(QStringLiteral("Baru")).ok());
                QCOMPARE(s.tag(a.id, QStringLiteral("ada")).error().kind, Error::Kind::PermissionDenied);
                QVERIFY(TagService(t.db(), t.manager()).tag(a.id, QStringLiteral("ada")).ok());
                QCOMPARE(s.untag(a.id, QStringLiteral("ada")).error().kind, Error::Kind::PermissionDenied);
                QVERIFY(TagService(t.db(), t.manager()).untag(a.id, QStringLiteral("ada")).ok());
            } else {
                QVERIFY(s.tag(a.id, QStringLiteral("ada")).ok());
                QVERIFY(s.untag(a.id, QStringLiteral("ada")).ok());
            }
            // Everyone reads them.
            QVERIFY(s.list().ok());
            QVERIFY(s.popular().ok());
            QVERIFY(s.tagsOf(a.id).ok());
        }
    }

    void otherCompaniesTagsAreInvisible()
    {
        test::TestDatabase t;
        const Customer a = addCustomer(t, QStringLiteral("Ani"));
        QVERIFY(TagService(t.db(), t.admin()).tag(a.id, QStringLiteral("Rahasia")).ok());
        const Actor stranger = t.addCompany(QStringLiteral("Toko Lain"));
        TagService s(t.db(), stranger);
        QVERIFY(s.list()->isEmpty());
        QVERIFY(s.popular()->isEmpty());
        QCOMPARE(s.byName(QStringLiteral("Rahasia")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.tagsOf(a.id).error().kind, Error::Kind::NotFound);
        // Its own tag of the same name is a different tag.
        auto own = s.create(QStringLiteral("rahasia"));
        QVERIFY(own.ok());
        QCOMPARE(TagService(t.db(), t.admin()).popular()->at(0).customers, 1);
        // Customers of another company never match its tags.
        CustomerQuery q;
        q.tags = {QStringLiteral("rahasia")};
        QVERIFY(CustomerService(t.db(), stranger).search(q)->items.isEmpty());
    }

    void filtersCustomersByTags()
    {
        test::TestDatabase t;
        TagService s(t.db(), t.admin());
        // Ten Sitis and five Budis; tags on some of each.
        QList<Customer> sitis;
        for (int i = 0; i < 10; ++i) {
            sitis << addCustomer(t, QStringLiteral("Siti %1").arg(i));
            t.clock().advance(10);
        }
        for (int i = 0; i < 5; ++i) {
            const Customer b = addCustomer(t, QStringLiteral("Budi %1").arg(i));
            QVERIFY(s.tag(b.id, QStringLiteral("Grosir")).ok());
        }
        for (int i = 0; i < 10; i += 2)
            QVERIFY(s.tag(sitis.at(i).id, QStringLiteral("Grosir")).ok());
        for (int i = 0; i < 10; i += 3)
            QVERIFY(s.tag(sitis.at(i).id, QStringLiteral("Halal")).ok());
        // Grosir: Siti 0 2 4 6 8 + 5 Budis; Halal: Siti 0 3 6 9.

        CustomerService customers(t.db(), t.cashier());
        CustomerQuery q;
        q.tags = {QStringLiteral("grosir"), QStringLiteral("HALAL")};
        q.withTotal = true;
        q.limit = 500;
        auto any = customers.search(q);
        QVERIFY(any.ok());
        QCOMPARE(any->total, 12);
        QCOMPARE(any->items.size(), 12);
        q.tagsMatch = CustomerQuery::TagsMatch::All;
        auto all = customers.search(q);
        QCOMPARE(customerNames(*all), (QStringList {QStringLiteral("Siti 0"), QStringLiteral("Siti 6")}));
        QCOMPARE(all->total, 2);
        QCOMPARE(*customers.count(q), 2);

        // With name words (the word-index merge) and paging by name.
        q = {};
        q.text = QStringLiteral("siti");
        q.tags = {QStringLiteral("Grósir")};
        q.limit = 2;
        QStringList seen;
        do {
            auto page = customers.search(q);
            QVERIFY2(page.ok(), qPrintable(page ? QString() : page.error().describe()));
            QVERIFY(page->items.size() <= 2);
            seen << customerNames(*page);
            q.after = page->nextCursor;
        } while (!q.after.isEmpty());
        QCOMPARE(seen,
            (QStringList {QStringLiteral("Siti 0"), QStringLiteral("Siti 2"), QStringLiteral("Siti 4"),
                QStringLiteral("Siti 6"), QStringLiteral("Siti 8")}));

        // Paging by creation time, newest first, with any of two tags and a name.
        q = {};
        q.text = QStringLiteral("siti");
        q.tags = {QStringLiteral("grosir"), QStringLiteral("halal")};
        q.sort = CustomerQuery::Sort::Created;
        q.descending = true;
        q.limit = 3;
        seen.clear();
        do {
            auto page = customers.search(q);
            QVERIFY(page.ok());
            seen << customerNames(*page);
            q.after = page->nextCursor;
        } while (!q.after.isEmpty());
        QCOMPARE(seen,
            (QStringList {QStringLiteral("Siti 9"), QStringLiteral("Siti 8"), QStringLiteral("Siti 6"),
                QStringLiteral("Siti 4"), QStringLiteral("Siti 3"), QStringLiteral("Siti 2"),
                QStringLiteral("Siti 0")}));

        // An unknown tag matches nobody under "all", and adds nobody under "any".
        q = {};
        q.tags = {QStringLiteral("halal"), QStringLiteral("tidak ada")};
        QCOMPARE(customers.search(q)->items.size(), 4);
        q.tagsMatch = CustomerQuery::TagsMatch::All;
        QVERIFY(customers.search(q)->items.isEmpty());

        // Tag filters that cannot name a tag are refused, naming the field.
        q.tags = {QString(51, u'x')};
        QCOMPARE(firstField(customers.search(q).error()), QStringLiteral("tag:too_long"));
        q.tags = {QStringLiteral(" ")};
        QCOMPARE(firstField(customers.search(q).error()), QStringLiteral("tag:required"));
        q.tags = QStringList(CustomerQuery::maxTags + 1, QStringLiteral("a"));
        QCOMPARE(firstField(customers.count(q).error()), QStringLiteral("tag:too_many"));
    }
};

QTEST_GUILESS_MAIN(TestTagService)
#include "TestTagService.moc"
