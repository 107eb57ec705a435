#include "core/domain/CustomerJson.h"
#include "core/domain/TextFold.h"
#include "core/services/CustomerService.h"
#include "core/services/RfmService.h"
#include "core/services/TagService.h"
#include "core/storage/CustomerRepository.h"
#include "core/storage/Database.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

using namespace kasir;

namespace {

CustomerInput person(const QString& name, const QString& phone = {}, const QString& email = {})
{
    CustomerInput in;
    in.name = name;
    if (!phone.isEmpty())
        in.phone = phone;
    if (!email.isEmpty())
        in.email = email;
    return in;
}

QStringList names(const CustomerPage& page)
{
    QStringList out;
    for (const Customer& c : page.items)
        out << c.name;
    return out;
}

QStringList searchNames(CustomerService& s, const QString& text)
{
    CustomerQuery q;
    q.text = text;
    auto page = s.search(q);
    if (!page)
        return {QStringLiteral("error: ") + page.error().describe()};
    return names(*page);
}

// One customer of the figure filter tests: what customer_metrics holds for them, or no row.
struct Figures
{
    QString name;
    QString type;
    bool hasRow = true;
    qint64 purchases = 0;
    qint64 spent = 0;
    std::optional<qint64> lastAt; // epoch ms
    qint64 credit = 0;
    bool tagged = false;
};

qint64 utcMs(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm, ss, ms), Qt::UTC).toMSecsSinceEpoch();
}

void writeFigures(Database& db, const QString& companyId, const QString& customerId, const Figures& f)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, "
                             "first_purchase_at, last_purchase_at, credit) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(customerId);
    q.addBindValue(companyId);
    q.addBindValue(f.purchases);
    q.addBindValue(f.spent);
    q.addBindValue(f.lastAt ? QVariant(*f.lastAt) : QVariant());
    q.addBindValue(f.lastAt ? QVariant(*f.lastAt) : QVariant());
    q.addBindValue(f.credit);
    if (!q.exec())
        qFatal("%s", qPrintable(q.lastError().text()));
}

// Every page of a query, limit rows at a time, with a check that no row comes twice.
// Whether each of the query's words starts a word of the name: what a name search finds,
// worked out the plain way.
bool nameMatches(const QString& name, const QStringList& queryWords)
{
    const QStringList words = TextFold::words(TextFold::fold(name));
    return std::all_of(queryWords.cbegin(), queryWords.cend(), [&](const QString& w) {
        return std::any_of(words.cbegin(), words.cend(), [&](const QString& n) { return n.startsWith(w); });
    });
}

// Where two lists of names part, for a failure message.
QString firstDifference(const QStringList& got, const QStringList& expected)
{
    qsizetype i = 0;
    while (i < got.size() && i < expected.size() && got.at(i) == expected.at(i))
        ++i;
    return QStringLiteral("%1 and %2 names, apart from %3: %4 ... instead of %5 ...")
        .arg(got.size())
        .arg(expected.size())
        .arg(i)
        .arg(got.mid(i, 3).join(u','), expected.mid(i, 3).join(u','));
}

QStringList allPages(CustomerService& s, CustomerQuery q, int limit)
{
    q.limit = limit;
    QStringList out;
    QSet<QString> ids;
    do {
        auto page = s.search(q);
        if (!page)
            return {QStringLiteral("error: ") + page.error().describe()};
        for (const Customer& c : page->items) {
            if (ids.contains(c.id))
                return {QStringLiteral("twice: ") + c.name};
            ids.insert(c.id);
            out << c.name;
        }
        q.after = page->nextCursor;
    } while (!q.after.isEmpty());
    return out;
}

} // namespace

class TestCustomerService : public QObject
{
    Q_OBJECT

private slots:
    void anUpdateWaitingForTheLockKeepsWhatWasWrittenMeanwhile()
    {
        test::TestDatabase t;
        CustomerInput in;
        in.name = QStringLiteral("Siti");
        in.city = QStringLiteral("Bandung");
        const Customer siti = CustomerService(t.db(), t.admin()).create(in).value();
        // Another program holds the write lock and sets do-not-contact while this update waits.
        std::atomic<bool> holding = false;
        std::thread other([&] {
            ManualClock clock;
            auto db = Database::open(t.path(), clock);
            if (!db)
                return;
            {
                QSqlQuery q((*db)->connection());
                q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                holding = true;
                QThread::msleep(300);
                q.exec(QStringLiteral("UPDATE customer SET do_not_contact = 1 WHERE id = '%1'").arg(siti.id));
                q.exec(QStringLiteral("COMMIT"));
            }
            (*db)->closeThreadConnection();
        });
        while (!holding)
            QThread::msleep(5);
        CustomerInput change;
        change.city = QStringLiteral("Jakarta");
        auto updated = CustomerService(t.db(), t.admin()).update(siti.code, change);
        other.join();
        QVERIFY2(updated.ok(), qPrintable(updated ? QString() : updated.error().describe()));
        const Customer now = CustomerService(t.db(), t.admin()).get(siti.code).value();
        QCOMPARE(now.city, QStringLiteral("Jakarta"));
        QVERIFY(now.doNotContact);
    }

    void roundTrip()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.manager());
        CustomerInput in = person(
            QStringLiteral("Agus Santoso"), QStringLiteral("0812 3456 7890"), QStringLiteral("agus@example.com"));
        in.type = QStringLiteral("member");
        auto created = s.create(in);
        QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().describe()));
        QCOMPARE(created->code, QStringLiteral("C-000001"));
        QCOMPARE(created->phone, QStringLiteral("+6281234567890"));
        QCOMPARE(created->createdBy, t.manager().userId);
        QCOMPARE(created->createdAt, t.clock().nowMs());

        QCOMPARE(s.get(created->id)->name, QStringLiteral("Agus Santoso"));
        QCOMPARE(s.get(QStringLiteral("c1"))->id, created->id);
        QCOMPARE(s.get(QStringLiteral("C-000001"))->id, created->id);
        for (const QString& form : {QStringLiteral("+62 812-3456-7890"), QStringLiteral("6281234567890"),
                 QStringLiteral("081234567890"), QStringLiteral("+6281234567890")}) {
            auto found = s.findByPhone(form);
            QVERIFY(found.ok());
            QVERIFY2(found->has_value(), qPrintable(form));
            QCOMPARE((*found)->id, created->id);
        }
        QVERIFY(!s.findByPhone(QStringLiteral("0812 0000 0000"))->has_value());

        t.clock().advance(60'000);
        CustomerInput change;
        change.email = QStringLiteral("agus.s@example.com");
        change.level = QStringLiteral("Gold");
        auto updated = s.update(QStringLiteral("C-000001"), change);
        QVERIFY(updated.ok());
        QCOMPARE(updated->email, QStringLiteral("agus.s@example.com"));
        QCOMPARE(updated->updatedAt, t.clock().nowMs());
        QCOMPARE(s.get(created->id)->level, MembershipLevel::Gold);

        auto inactive = s.deactivate(created->id);
        QVERIFY(inactive.ok());
        QCOMPARE(inactive->status, CustomerStatus::Inactive);
        QCOMPARE(s.get(created->id)->status, CustomerStatus::Inactive);
        QCOMPARE(s.reactivate(created->id)->status, CustomerStatus::Active);

        QCOMPARE(t.countRows(QStringLiteral("customer")), 1);
        CustomerService admin(t.db(), t.admin());
        QVERIFY(admin.remove(created->id).ok());
        QCOMPARE(s.get(created->id).error().kind, Error::Kind::NotFound);
        QCOMPARE(t.countRows(QStringLiteral("customer")), 0);
        QSqlQuery q(t.db().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT op FROM sync_outbox WHERE entity = 'customer' ORDER BY seq DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("delete"));
    }

    void codesAreSequentialPerCompany()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(s.create(person(QStringLiteral("P%1").arg(i)))->code, QStringLiteral("C-00000%1").arg(i));
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        QCOMPARE(CustomerService(t.db(), other).create(person(QStringLiteral("Q")))->code, QStringLiteral("C-000001"));
    }

    void phoneAndEmailAreUniquePerCompany()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QVERIFY(s.create(person(QStringLiteral("Ani"), QStringLiteral("0812 1111 2222"), QStringLiteral("ani@x.com")))
                    .ok());

        auto dupPhone = s.create(person(QStringLiteral("Ani Lagi"), QStringLiteral("+62 812-1111-2222")));
        QVERIFY(!dupPhone.ok());
        QCOMPARE(dupPhone.error().kind, Error::Kind::Conflict);
        QCOMPARE(dupPhone.error().field, QStringLiteral("phone"));
        QVERIFY(dupPhone.error().message.contains(QStringLiteral("C-000001")));

        auto dupEmail = s.create(person(QStringLiteral("Ani Lagi"), QString(), QStringLiteral("ANI@X.COM")));
        QVERIFY(!dupEmail.ok());
        QCOMPARE(dupEmail.error().field, QStringLiteral("email"));

        // An update may not take another customer's number either.
        auto budi = s.create(person(QStringLiteral("Budi"), QStringLiteral("0812 3333 4444")));
        CustomerInput steal;
        steal.phone = QStringLiteral("081211112222");
        QCOMPARE(s.update(budi->id, steal).error().kind, Error::Kind::Conflict);
        // ...but keeping its own is fine.
        steal.phone = QStringLiteral("0812 3333 4444");
        QVERIFY(s.update(budi->id, steal).ok());

        // The same phone and email in another company is another customer.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        QVERIFY(
            CustomerService(t.db(), other)
                .create(person(QStringLiteral("Ani"), QStringLiteral("0812 1111 2222"), QStringLiteral("ani@x.com")))
                .ok());
        // And companies never see each other's customers.
        QCOMPARE(CustomerService(t.db(), other).count(CustomerQuery {}).value(), 1);
        QCOMPARE(s.count(CustomerQuery {}).value(), 2);
        QCOMPARE(CustomerService(t.db(), other).get(budi->id).error().kind, Error::Kind::NotFound);
    }

    void theDatabaseCatchesADuplicateThatSlipsPastTheCheck()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto ani = s.create(person(QStringLiteral("Ani"), QStringLiteral("0812 1111 2222")));
        QVERIFY(ani.ok());
        // Another process wrote the same number between the service's check and its write:
        // the unique index refuses it and the error is a conflict on the phone field.
        Customer copy = *ani;
        copy.id = QStringLiteral("00000000-0000-7000-8000-000000000001");
        copy.code = QStringLiteral("C-999999");
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        Status s2 = CustomerRepository(t.db()).insert(uow, copy);
        QVERIFY(!s2.ok());
        QCOMPARE(s2.error().kind, Error::Kind::Conflict);
        QCOMPARE(s2.error().field, QStringLiteral("phone"));
        uow.rollback();
        QCOMPARE(t.countRows(QStringLiteral("customer")), 1);
    }

    void rolesAreEnforcedInTheService()
    {
        test::TestDatabase t;
        CustomerService cashier(t.db(), t.cashier());
        CustomerService manager(t.db(), t.manager());
        CustomerService admin(t.db(), t.admin());

        auto c = cashier.create(person(QStringLiteral("Walk In"), QStringLiteral("0812 5555 0001")));
        QVERIFY2(c.ok(), "a cashier registers customers mid-sale");
        QVERIFY(cashier.get(c->id).ok());
        QVERIFY(cashier.findByPhone(QStringLiteral("0812 5555 0001")).ok());
        QVERIFY(cashier.search(CustomerQuery {}).ok());

        CustomerInput change;
        change.name = QStringLiteral("Renamed");
        QCOMPARE(cashier.update(c->id, change).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.deactivate(c->id).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.reactivate(c->id).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.remove(c->id).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(manager.remove(c->id).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(s_name(admin, c->id), QStringLiteral("Walk In"));

        QVERIFY(manager.update(c->id, change).ok());
        QVERIFY(manager.deactivate(c->id).ok());
        QVERIFY(admin.remove(c->id).ok());
        // Denied attempts wrote nothing.
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor_id = '%1' AND action <> 'create'")
                           .arg(t.cashier().userId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void statusChangesNeedTheRightToDeactivate()
    {
        test::TestDatabase t;
        auto c = CustomerService(t.db(), t.admin()).create(person(QStringLiteral("Ani")));
        CustomerInput block;
        block.status = QStringLiteral("blocked");
        QCOMPARE(CustomerService(t.db(), t.manager()).update(c->id, block)->status, CustomerStatus::Blocked);
    }

    void hardDeleteOnlyWithoutHistory()
    {
        test::TestDatabase t;
        CustomerService admin(t.db(), t.admin());
        auto c = admin.create(person(QStringLiteral("Ani")));
        // A table of facts that points at customers (sales arrive in a later schema step).
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE sale_test (id TEXT PRIMARY KEY, customer_id TEXT "
                                      "REFERENCES customer(id) ON DELETE RESTRICT)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE note_test (id TEXT PRIMARY KEY, customer_id TEXT "
                                      "REFERENCES customer(id) ON DELETE CASCADE)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO note_test VALUES ('n1', '%1')").arg(c->id)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sale_test VALUES ('s1', '%1')").arg(c->id)));
        auto refused = admin.remove(c->id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QVERIFY(refused.error().message.contains(QStringLiteral("sale_test")));
        QVERIFY(refused.error().message.contains(QStringLiteral("deactivate")));
        QVERIFY(admin.get(c->id).ok());

        QVERIFY(q.exec(QStringLiteral("DELETE FROM sale_test")));
        QVERIFY(admin.remove(c->id).ok());
        QCOMPARE(t.countRows(QStringLiteral("note_test")), 0);
    }

    void searchesNamesByWordPrefixInAnyOrder()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QVERIFY(s.createMany({person(QStringLiteral("Agus Santoso")), person(QStringLiteral("Sútrisnó Wijaya")),
                                 person(QStringLiteral("Siti Agustina")), person(QStringLiteral("BUDI santoso")),
                                 person(QStringLiteral("O'Brien \"Bob\"; DROP TABLE customer;--"))})
                    .ok());
        QCOMPARE(searchNames(s, QStringLiteral("agus")),
            (QStringList {QStringLiteral("Agus Santoso"), QStringLiteral("Siti Agustina")}));
        QCOMPARE(searchNames(s, QStringLiteral("santoso agus")), QStringList {QStringLiteral("Agus Santoso")});
        QCOMPARE(searchNames(s, QStringLiteral("SANT")),
            (QStringList {QStringLiteral("Agus Santoso"), QStringLiteral("BUDI santoso")}));
        QCOMPARE(searchNames(s, QStringLiteral("sutrisno")), QStringList {QStringLiteral("Sútrisnó Wijaya")});
        QCOMPARE(searchNames(s, QStringLiteral("SÚTR")), QStringList {QStringLiteral("Sútrisnó Wijaya")});
        QCOMPARE(searchNames(s, QStringLiteral("o'brien")),
            QStringList {QStringLiteral("O'Brien \"Bob\"; DROP TABLE customer;--")});
        QCOMPARE(searchNames(s, QStringLiteral("drop table")),
            QStringList {QStringLiteral("O'Brien \"Bob\"; DROP TABLE customer;--")});
        QVERIFY(searchNames(s, QStringLiteral("\" OR 1=1 --")).isEmpty());
        QVERIFY(searchNames(s, QStringLiteral("zzz")).isEmpty());
        QCOMPARE(t.countRows(QStringLiteral("customer")), 5);
    }

    void searchesPhonesEmailsAndCodes()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QVERIFY(
            s.createMany(
                 {person(QStringLiteral("Ani"), QStringLiteral("0812 3456 7890"), QStringLiteral("ani@toko.id")),
                     person(QStringLiteral("Budi"), QStringLiteral("0813 0000 7890"), QStringLiteral("budi@toko.id")),
                     person(QStringLiteral("Cici"), QStringLiteral("+254 712 345678"), QStringLiteral("cici@mail.ke"))})
                .ok());
        QCOMPARE(searchNames(s, QStringLiteral("7890")), (QStringList {QStringLiteral("Ani"), QStringLiteral("Budi")}));
        QCOMPARE(searchNames(s, QStringLiteral("567890")), QStringList {QStringLiteral("Ani")});
        QCOMPARE(searchNames(s, QStringLiteral("0812 3456 7890")), QStringList {QStringLiteral("Ani")});
        QCOMPARE(searchNames(s, QStringLiteral("+62 812-3456-7890")), QStringList {QStringLiteral("Ani")});
        QCOMPARE(searchNames(s, QStringLiteral("0812-3456")), QStringList {QStringLiteral("Ani")});
        QCOMPARE(searchNames(s, QStringLiteral("345678")), QStringList {QStringLiteral("Cici")});
        QCOMPARE(searchNames(s, QStringLiteral("budi@")), QStringList {QStringLiteral("Budi")});
        QCOMPARE(searchNames(s, QStringLiteral("CICI@MAIL.KE")), QStringList {QStringLiteral("Cici")});
        QCOMPARE(searchNames(s, QStringLiteral("C-000002")), QStringList {QStringLiteral("Budi")});
        QCOMPARE(searchNames(s, QStringLiteral("c3")), QStringList {QStringLiteral("Cici")});
    }

    void filtersAndSorts()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        const QStringList order {
            QStringLiteral("Dewi"), QStringLiteral("Ani"), QStringLiteral("Cici"), QStringLiteral("Budi")};
        for (const QString& name : order) {
            CustomerInput in = person(name);
            in.type = name == u"Ani" || name == u"Cici" ? QStringLiteral("vip") : QStringLiteral("member");
            in.level = name == u"Budi" ? QStringLiteral("Gold") : QStringLiteral("Bronze");
            QVERIFY(s.create(in).ok());
            t.clock().advance(1000);
        }
        CustomerService(t.db(), t.admin()).deactivate(QStringLiteral("C-000003")).value();

        CustomerQuery q;
        QCOMPARE(names(*s.search(q)),
            (QStringList {
                QStringLiteral("Ani"), QStringLiteral("Budi"), QStringLiteral("Cici"), QStringLiteral("Dewi")}));
        q.descending = true;
        QCOMPARE(names(*s.search(q)),
            (QStringList {
                QStringLiteral("Dewi"), QStringLiteral("Cici"), QStringLiteral("Budi"), QStringLiteral("Ani")}));
        q.descending = false;
        q.sort = CustomerQuery::Sort::Created;
        QCOMPARE(names(*s.search(q)), order);
        q.sort = CustomerQuery::Sort::Updated;
        QCOMPARE(names(*s.search(q)).last(), QStringLiteral("Cici")); // deactivated last

        q = CustomerQuery {};
        q.type = CustomerType::Vip;
        QCOMPARE(names(*s.search(q)), (QStringList {QStringLiteral("Ani"), QStringLiteral("Cici")}));
        q.status = CustomerStatus::Active;
        QCOMPARE(names(*s.search(q)), QStringList {QStringLiteral("Ani")});
        q = CustomerQuery {};
        q.level = MembershipLevel::Gold;
        QCOMPARE(names(*s.search(q)), QStringList {QStringLiteral("Budi")});

        const qint64 start = t.clock().nowMs() - 4000;
        q = CustomerQuery {};
        q.createdFrom = start + 1000;
        q.createdTo = start + 3000;
        q.sort = CustomerQuery::Sort::Created;
        q.withTotal = true;
        auto page = s.search(q);
        QCOMPARE(names(*page), (QStringList {QStringLiteral("Ani"), QStringLiteral("Cici")}));
        QCOMPARE(page->total, 2);
    }

    void nameSearchAgreesWithReadingEveryName()
    {
        // Pages of a name search, against the same question answered by reading every
        // name: words in any order, each a prefix of a word of the name; sorted by the
        // folded name, then id; filters; both directions; keyset pages of 7.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        const QStringList first {QStringLiteral("Agus"), QStringLiteral("Agustina"), QStringLiteral("Siti"),
            QStringLiteral("Sútrisnó"), QStringLiteral("Wanjiku"), QStringLiteral("Vikram"), QStringLiteral("Vi"),
            QStringLiteral("Nur")};
        const QStringList last {QStringLiteral("Santoso"), QStringLiteral("Agus"), QStringLiteral("Nurhaliza"),
            QStringLiteral("Kaur"), QStringLiteral("Wijaya"), QStringLiteral("O'Brien"), QStringLiteral("Siti-Nur"),
            QStringLiteral("Santo")};
        QList<CustomerInput> batch;
        for (int i = 0; i < 300; ++i) {
            CustomerInput in = person(first.at(i % first.size()) + u' ' + last.at((i / 3) % last.size())
                + (i % 5 == 0 ? QStringLiteral(" Agus") : QString()));
            in.type = i % 4 == 0 ? QStringLiteral("member") : QStringLiteral("walk-in");
            batch << in;
        }
        auto made = s.createMany(batch);
        QVERIFY(made.ok());
        // The same names in another company must never show up.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        QVERIFY(CustomerService(t.db(), other).createMany(batch.mid(0, 50)).ok());
        // Some customers change later, so that the order by update time differs.
        QList<Customer> current = *made;
        for (qsizetype i = 0; i < current.size(); i += 7) {
            t.clock().advance(1000);
            CustomerInput note;
            note.notes = QStringLiteral("catatan %1").arg(i);
            auto changed = s.update(current.at(i).id, note);
            QVERIFY(changed.ok());
            current[i] = *changed;
        }

        for (const QString& text : {QStringLiteral("agus"), QStringLiteral("ag"), QStringLiteral("a"),
                 QStringLiteral("sant agus"), QStringLiteral("nur siti"), QStringLiteral("vi"),
                 QStringLiteral("vikram kaur"), QStringLiteral("o brien"), QStringLiteral("agus agustina"),
                 QStringLiteral("zzz"), QStringLiteral("kaur zzz")}) {
            const QStringList wanted = CustomerSearchTerms::classify(text, QStringLiteral("ID")).nameWords;
            for (const auto sort : {CustomerQuery::Sort::Name, CustomerQuery::Sort::Updated})
                for (bool desc : {false, true}) {
                    for (bool members : {false, true}) {
                        QList<Customer> expected;
                        for (const Customer& c : std::as_const(current)) {
                            if (nameMatches(c.name, wanted) && (!members || c.type == CustomerType::Member))
                                expected << c;
                        }
                        std::sort(expected.begin(), expected.end(), [desc, sort](const Customer& a, const Customer& b) {
                            if (sort == CustomerQuery::Sort::Updated) {
                                const auto ka = std::make_pair(a.updatedAt, a.id);
                                const auto kb = std::make_pair(b.updatedAt, b.id);
                                return desc ? kb < ka : ka < kb;
                            }
                            const auto ka = std::make_pair(TextFold::fold(a.name), a.id);
                            const auto kb = std::make_pair(TextFold::fold(b.name), b.id);
                            return desc ? kb < ka : ka < kb;
                        });
                        CustomerQuery q;
                        q.text = text;
                        q.sort = sort;
                        q.descending = desc;
                        if (members)
                            q.type = CustomerType::Member;
                        q.limit = 7;
                        q.withTotal = true;
                        QStringList got;
                        do {
                            auto page = s.search(q);
                            QVERIFY2(page.ok(), qPrintable(page ? QString() : page.error().describe()));
                            QCOMPARE(page->total, expected.size());
                            QVERIFY(page->items.size() <= 7);
                            for (const Customer& c : page->items)
                                got << c.id;
                            q.after = page->nextCursor;
                        } while (!q.after.isEmpty());
                        QStringList ids;
                        for (const Customer& c : expected)
                            ids << c.id;
                        QVERIFY2(got == ids,
                            qPrintable(QStringLiteral("%1, sort %6, desc %2, members %3: %4 of %5 rows")
                                           .arg(text)
                                           .arg(desc)
                                           .arg(members)
                                           .arg(got.size())
                                           .arg(ids.size())
                                           .arg(int(sort))));
                    }
                }
        }
    }

    void aPrefixOfVeryManyWordsStillSearches()
    {
        // More distinct words under one prefix than one merge statement takes: the search
        // walks the name order instead, with the same answer.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QList<CustomerInput> batch;
        for (int i = 0; i < 620; ++i)
            batch << person(QStringLiteral("Budi Qa%1").arg(i, 4, 10, QLatin1Char('0')));
        batch << person(QStringLiteral("Qa Tunggal"));
        QVERIFY(s.createMany(batch).ok());
        CustomerQuery q;
        q.text = QStringLiteral("qa");
        q.limit = 500;
        q.withTotal = true;
        auto page = s.search(q);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 621);
        QCOMPARE(page->items.size(), 500);
        QCOMPARE(page->items.first().name, QStringLiteral("Budi Qa0000"));
        q.after = page->nextCursor;
        page = s.search(q);
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 121);
        QCOMPARE(page->items.last().name, QStringLiteral("Qa Tunggal"));
        QVERIFY(page->nextCursor.isEmpty());
        q = {};
        q.text = QStringLiteral("qa budi");
        q.descending = true;
        page = s.search(q);
        QVERIFY(page.ok());
        QCOMPARE(page->items.first().name, QStringLiteral("Budi Qa0619"));
    }

    void aRareCombinationAnswersInShortPages()
    {
        // A filter that few customers pass, far along the sort order: one page reads only
        // about scanBudget rows and comes back short, even empty, with a cursor; the pages
        // together are exactly the matches, in order. Through every walk: the sort order
        // with no text, the word index merged ("sari"), and a prefix of too many words to
        // merge ("q", walked in name order).
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QList<CustomerInput> batch;
        QStringList vips;
        for (int i = 0; i < 1200; ++i) {
            const QString name = QStringLiteral("Sari Q%1").arg(i, 4, 10, QLatin1Char('0'));
            CustomerInput in = person(name);
            in.type = i % 400 == 399 ? QStringLiteral("vip") : QStringLiteral("walk-in");
            if (i % 400 == 399)
                vips << name;
            batch << in;
            t.clock().advance(1);
        }
        QVERIFY(s.createMany(batch).ok());
        // "q1": 200 words, more than a merge joins to the customer rows, so the candidates
        // are fetched in batches.
        for (const QString& text : {QString(), QStringLiteral("sari"), QStringLiteral("q"), QStringLiteral("q1")}) {
            const qsizetype candidates = text == u"q1" ? 200 : 1200;
            for (const auto sort : {CustomerQuery::Sort::Name, CustomerQuery::Sort::Created}) {
                for (bool desc : {false, true}) {
                    QStringList expected;
                    for (const QString& name : std::as_const(vips)) {
                        if (text != u"q1" || name.contains(QStringLiteral(" Q1")))
                            expected << name;
                    }
                    if (desc)
                        std::reverse(expected.begin(), expected.end());
                    const QString what = QStringLiteral("text \"%1\", sort %2%3")
                                             .arg(text)
                                             .arg(static_cast<int>(sort))
                                             .arg(desc ? QStringLiteral(" desc") : QString());
                    CustomerQuery q;
                    q.text = text;
                    q.sort = sort;
                    q.descending = desc;
                    q.type = CustomerType::Vip;
                    // Rows only, so that the pages do not depend on the machine's speed.
                    q.scanMilliseconds = 0;
                    for (int budget : {0, 7, 64, 640, CustomerQuery::defaultScanBudget}) {
                        q.scanBudget = budget;
                        QVERIFY2(allPages(s, q, 50) == expected,
                            qPrintable(
                                what + QStringLiteral(", budget %1: ").arg(budget) + allPages(s, q, 50).join(u',')));
                    }
                    q.scanBudget = 64;
                    QVERIFY2(allPages(s, q, 1) == expected, qPrintable(what));
                    // A bound of time stops wherever the clock says; the pages still add up.
                    CustomerQuery timed = q;
                    timed.scanBudget = 0;
                    timed.scanMilliseconds = 1;
                    QVERIFY2(allPages(s, timed, 50) == expected, qPrintable(what));
                    // A walk with a budget of 64: every row is a checkpoint, so each page
                    // reads 64 customers, and most pages hold no vip.
                    if (sort == CustomerQuery::Sort::Name || text.isEmpty()) {
                        q.after.clear();
                        int pages = 0;
                        int empty = 0;
                        do {
                            auto page = s.search(q);
                            QVERIFY(page.ok());
                            ++pages;
                            if (page->items.isEmpty())
                                ++empty;
                            q.after = page->nextCursor;
                        } while (!q.after.isEmpty());
                        QVERIFY2(pages >= candidates / 64 && pages <= candidates / 64 + 2,
                            qPrintable(what + QStringLiteral(": %1 pages").arg(pages)));
                        QVERIFY2(empty >= pages - 3, qPrintable(what));
                        // Unbounded, one page holds them all.
                        q.scanBudget = 0;
                        q.after.clear();
                        auto whole = s.search(q);
                        QVERIFY(whole.ok());
                        QCOMPARE(whole->items.size(), expected.size());
                        QVERIFY(whole->nextCursor.isEmpty());
                    }
                }
            }
        }
        CustomerQuery bad;
        bad.scanBudget = -1;
        auto refused = s.search(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("scanBudget"));
        bad = {};
        bad.scanMilliseconds = -5;
        refused = s.search(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("scanMilliseconds"));
    }

    void aCommonNameInTimeOrderWalksAndTestsEachName()
    {
        // A name word that thousands of customers have, sorted by time: the time order is
        // walked and each row's name key tested with instr, which names that only contain
        // the word ("Mariam", "Saripah") also pass; they must not reach a page. A word that
        // starts after punctuation ("Ari-Santoso") still matches. Pages of any size and any
        // bound add up to exactly the matches, in time order, also under a filter.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QList<CustomerInput> batch;
        QStringList all;
        for (int i = 0; i < 23'000; ++i) {
            QString name;
            switch (i % 20) {
            case 3:
                name = QStringLiteral("Mariam %1").arg(i);
                break;
            case 5:
                name = QStringLiteral("Saripah %1").arg(i);
                break;
            case 6:
            case 16:
                name = QStringLiteral("Budi Ari-Santoso %1").arg(i);
                break;
            default:
                name = QStringLiteral("Ari %1").arg(i);
            }
            CustomerInput in = person(name);
            in.type = i % 331 == 6 ? QStringLiteral("vip") : QStringLiteral("walk-in");
            batch << in;
            all << name;
            t.clock().advance(1);
        }
        // Enough customers under "ari" (20,700) that their matches are not sorted but walked
        // for (CustomerRepository's kSortMatchesLimit).
        QVERIFY(s.createMany(batch).ok());
        // "santoso ari": two words, the rarer one's 2,300 matches sorted.
        for (const QString& text : {QStringLiteral("ari"), QStringLiteral("santoso ari")}) {
            const QStringList queryWords = TextFold::words(TextFold::fold(text));
            for (bool vipOnly : {false, true}) {
                QStringList expected;
                for (qsizetype i = 0; i < all.size(); ++i) {
                    if (nameMatches(all.at(i), queryWords) && (!vipOnly || i % 331 == 6))
                        expected << all.at(i);
                }
                QVERIFY(expected.size() > 5);
                // 20,700 names in pages of 500 take a while: the time of update only for the vips.
                const QList<CustomerQuery::Sort> sorts = vipOnly
                    ? QList {CustomerQuery::Sort::Created, CustomerQuery::Sort::Updated}
                    : QList {CustomerQuery::Sort::Created};
                for (const auto sort : sorts) {
                    for (bool desc : {false, true}) {
                        QStringList ordered = expected;
                        if (desc)
                            std::reverse(ordered.begin(), ordered.end());
                        const QString what = QStringLiteral("\"%1\"%2, sort %3%4")
                                                 .arg(text, vipOnly ? QStringLiteral(" vip") : QString())
                                                 .arg(static_cast<int>(sort))
                                                 .arg(desc ? QStringLiteral(" desc") : QString());
                        CustomerQuery q;
                        q.text = text;
                        q.sort = sort;
                        q.descending = desc;
                        if (vipOnly)
                            q.type = CustomerType::Vip;
                        q.scanMilliseconds = 0;
                        // Pages of 7 only for the few vips: 20,700 names would make 3,000 pages.
                        QList<std::pair<int, int>> bounds {{0, 500}, {640, vipOnly ? 7 : 500}};
                        if (vipOnly)
                            bounds.append({CustomerQuery::defaultScanBudget, 7});
                        for (auto [budget, limit] : std::as_const(bounds)) {
                            q.scanBudget = budget;
                            const QStringList got = allPages(s, q, limit);
                            QVERIFY2(got == ordered,
                                qPrintable(what + QStringLiteral(", budget %1, pages of %2: ").arg(budget).arg(limit)
                                    + firstDifference(got, ordered)));
                        }
                        // A bound of time stops wherever the clock says (for the vips only:
                        // 20,700 names under a clock of 1 ms make hundreds of pages).
                        CustomerQuery timed = q;
                        timed.scanBudget = 0;
                        timed.scanMilliseconds = 1;
                        if (vipOnly)
                            QVERIFY2(allPages(s, timed, 50) == ordered, qPrintable(what));
                        q.withTotal = true;
                        q.limit = 10;
                        q.scanBudget = 0;
                        auto first = s.search(q);
                        QVERIFY(first.ok());
                        QCOMPARE(first->total, expected.size());
                    }
                }
            }
        }
    }

    void theNameIndexFollowsEveryWrite()
    {
        // Renames, deletes and a rolled-back write leave exactly the rows a rebuild makes.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto made = s.createMany({person(QStringLiteral("Agus Santoso"), QStringLiteral("0812 1111 0001")),
            person(QStringLiteral("Siti Nur Agus"), QStringLiteral("0812 1111 0002")), person(QStringLiteral("Budi"))});
        QVERIFY(made.ok());
        CustomerInput rename;
        rename.name = QStringLiteral("Agustinus Wijaya");
        QVERIFY(s.update(made->at(0).id, rename).ok());
        QVERIFY(s.remove(made->at(2).id).ok());
        // Renames that fail inside their unit of work: refused by a unique index, or after
        // the row is written (the sync op cannot be written).
        CustomerInput bad;
        bad.name = QStringLiteral("Tidak Jadi");
        bad.phone = QStringLiteral("0812 1111 0001");
        QCOMPARE(s.update(made->at(1).id, bad).error().kind, Error::Kind::Conflict);
        {
            QSqlQuery trigger(t.db().connection());
            QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                                "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
            bad.phone.reset();
            QVERIFY(!s.update(made->at(1).id, bad).ok());
            QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));
        }
        auto rows = [&] {
            QSqlQuery q(t.db().connection());
            q.exec(QStringLiteral("SELECT word, name_key FROM customer_word ORDER BY 1, 2"));
            QStringList out;
            while (q.next())
                out << q.value(0).toString() + u'|' + q.value(1).toString();
            return out;
        };
        const QStringList incremental = rows();
        QCOMPARE(incremental,
            (QStringList {QStringLiteral("agus|siti nur agus"), QStringLiteral("agustinus|agustinus wijaya"),
                QStringLiteral("nur|siti nur agus"), QStringLiteral("siti|siti nur agus"),
                QStringLiteral("wijaya|agustinus wijaya")}));
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        QVERIFY(CustomerRepository(t.db()).rebuildSearchIndex(uow).ok());
        QVERIFY(uow.commit().ok());
        QCOMPARE(rows(), incremental);
        QCOMPARE(searchNames(s, QStringLiteral("santoso")), QStringList {});
        QCOMPARE(searchNames(s, QStringLiteral("agus")),
            (QStringList {QStringLiteral("Agustinus Wijaya"), QStringLiteral("Siti Nur Agus")}));
    }

    void aBulkLoadIsAllOrNothingAndRebuildsItsIndexes()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QVERIFY(s.create(person(QStringLiteral("Sudah Ada"), QStringLiteral("0812 9999 0000"))).ok());
        auto scalar = [&](const QString& sql) {
            QSqlQuery q(t.db().connection());
            return q.exec(sql) && q.next() ? q.value(0) : QVariant();
        };
        const QString schema
            = QStringLiteral("SELECT group_concat(name || ':' || coalesce(sql, ''), ';') FROM "
                             "(SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'customer' ORDER BY name)");
        const QString indexesBefore = scalar(schema).toString();
        QVERIFY(indexesBefore.contains(QStringLiteral("ux_customer_phone")));
        auto company = s.company();
        QVERIFY(company.ok());
        // Batches as a generator hands them over, validated; an empty one ends the load.
        auto batches = [&](QList<QList<CustomerInput>> list) {
            return [list, company = *company, &t]() mutable -> Result<QList<Customer>> {
                if (list.isEmpty())
                    return QList<Customer> {};
                return CustomerService::validate(
                    list.takeFirst(), company, QDateTime::fromMSecsSinceEpoch(t.clock().nowMs(), Qt::UTC).date());
            };
        };
        QList<QList<CustomerInput>> three;
        for (int b = 0; b < 3; ++b) {
            QList<CustomerInput> batch;
            for (int i = 0; i < 40; ++i) {
                batch << person(QStringLiteral("Muat %1 Banyak").arg(b * 40 + i),
                    QStringLiteral("0813 5000 %1").arg(b * 40 + i, 4, 10, QLatin1Char('0')));
            }
            three << batch;
        }
        // Names whose words repeat, carry marks or sit between quotes and dashes.
        three[0][0].name = QStringLiteral("Siti Siti-Nur");
        three[0][1].name = QStringLiteral("\"Ñoño\" d'Arc Müller");
        QList<qint64> progress;
        QStringList journal;
        auto n = s.createInBulk(
            120, batches(three),
            [&](qint64 done) {
                progress << done;
                journal << scalar(QStringLiteral("PRAGMA journal_mode")).toString();
            },
            100);
        QVERIFY2(n.ok(), qPrintable(n ? QString() : n.error().describe()));
        QCOMPARE(*n, 120);
        QCOMPARE(progress, (QList<qint64> {40, 80, 120}));
        // Alone on its file, the load wrote with a rollback journal; the file is back in WAL.
        QCOMPARE(journal, QStringList(3, QStringLiteral("delete")));
        QCOMPARE(scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        // Every index is back, as the migrations made it; every row has its audit and op.
        QCOMPARE(scalar(schema).toString(), indexesBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM customer")).toInt(), 121);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer'")).toInt(), 121);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer'")).toInt(), 121);
        QCOMPARE(scalar(QStringLiteral("SELECT max(code) FROM customer")).toString(), QStringLiteral("C-000121"));
        QCOMPARE(scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        // Rows written many to a statement keep their stamps in order, one per change, and
        // each audit row and op belongs to its customer.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM (SELECT hlc, lag(hlc) OVER (ORDER BY id) AS prev "
                                       "FROM audit_log) WHERE prev >= hlc"))
                     .toInt(),
            0);
        QCOMPARE(
            scalar(QStringLiteral(
                       "SELECT count(*) FROM audit_log a JOIN sync_outbox o USING (hlc) JOIN customer c "
                       "ON c.id = a.entity_id AND c.id = o.entity_id WHERE a.entity = 'customer' AND "
                       "json_extract(a.changes, '$.code[1]') = c.code AND json_extract(o.fields, '$.name') = c.name"))
                .toInt(),
            121);
        const QString words
            = QStringLiteral("SELECT group_concat(company_id || word || name_key || id || seq, ';') FROM "
                             "(SELECT * FROM customer_word ORDER BY company_id, word, name_key, id)");
        const QString loaded = scalar(words).toString();
        {
            UnitOfWork uow(t.db(), t.admin());
            QVERIFY(uow.begin().ok());
            QVERIFY(CustomerRepository(t.db()).rebuildSearchIndex(uow).ok());
            QVERIFY(uow.commit().ok());
        }
        QCOMPARE(scalar(words).toString(), loaded);
        // Both hold what TextFold::words says of every stored name, nothing more.
        auto indexRows = [&] {
            QSqlQuery q(t.db().connection());
            q.exec(QStringLiteral("SELECT company_id, word, name_key, id, seq FROM customer_word"));
            QStringList out;
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < 5; ++i)
                    row << q.value(i).toString();
                out << row.join(u'|');
            }
            out.sort();
            return out;
        };
        auto wordsOfNames = [&] {
            QSqlQuery q(t.db().connection());
            q.exec(QStringLiteral("SELECT company_id, name_key, id, seq FROM customer"));
            QStringList out;
            while (q.next()) {
                for (const QString& word : TextFold::words(q.value(1).toString())) {
                    out << QStringList {q.value(0).toString(), word, q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString()}
                               .join(u'|');
                }
            }
            out.sort();
            return out;
        };
        QCOMPARE(indexRows(), wordsOfNames());
        QCOMPARE(indexRows().size(), 2 + 118 * 3 + 2 + 4); // "Sudah Ada", "Muat 7 Banyak"..., and the two above
        QCOMPARE(searchNames(s, QStringLiteral("banyak 119")), QStringList {QStringLiteral("Muat 119 Banyak")});
        QCOMPARE(searchNames(s, QStringLiteral("nono arc")), QStringList {QStringLiteral("\"Ñoño\" d'Arc Müller")});
        QCOMPARE(searchNames(s, QStringLiteral("nur siti")), QStringList {QStringLiteral("Siti Siti-Nur")});
        QCOMPARE(s.findByPhone(QStringLiteral("0813 5000 0077"))->value().name, QStringLiteral("Muat 77 Banyak"));

        // A phone already stored, in the last batch: found when its unique index is made
        // again, and the whole load goes.
        QList<QList<CustomerInput>> clash = three;
        for (auto& batch : clash) {
            for (auto& in : batch)
                in.phone = in.phone->replace(QStringLiteral("0813"), QStringLiteral("0814"));
        }
        clash.last().last().phone = QStringLiteral("0812 9999 0000");
        // (Announced as 121, as big as the table, so that the indexes come down; 120 come.)
        n = s.createInBulk(121, batches(clash), {}, 100);
        QVERIFY(!n.ok());
        QCOMPARE(n.error().kind, Error::Kind::Conflict);
        QCOMPARE(n.error().field, QStringLiteral("phone"));
        QVERIFY2(n.error().message.contains(QStringLiteral("+62 812-9999-0000"))
                && n.error().message.contains(QStringLiteral("C-000001, C-000241")),
            qPrintable(n.error().describe()));
        QCOMPARE(scalar(schema).toString(), indexesBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM customer")).toInt(), 121);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer'")).toInt(), 121);
        QCOMPARE(scalar(words).toString(), loaded);

        // A load smaller than what is stored keeps its indexes live, with the same result;
        // a generator that hands over more than it announced is refused.
        n = s.createInBulk(40, batches({clash.first()}), {}, 10);
        QVERIFY(n.ok());
        QCOMPARE(scalar(QStringLiteral("SELECT max(code) FROM customer")).toString(), QStringLiteral("C-000161"));
        QCOMPARE(searchNames(s, QStringLiteral("muat 5 ban")).count(QStringLiteral("Muat 5 Banyak")), 2);
        n = s.createInBulk(39, batches({clash.at(1)}), {}, 10);
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, QStringLiteral("load_too_big"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM customer")).toInt(), 161);
        // Fewer than announced: the codes not used are given back.
        n = s.createInBulk(50, batches({clash.at(1)}), {}, 10);
        QVERIFY(n.ok());
        QCOMPARE(*n, 40);
        QCOMPARE(s.create(person(QStringLiteral("Berikut")))->code, QStringLiteral("C-000202"));
    }

    void aBulkLoadSpansManyStatements()
    {
        // One batch bigger than two statements' worth of rows: every customer, audit row
        // and op lands once, in order, with its own stamp.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto company = s.company();
        QVERIFY(company.ok());
        const int count = 2 * UnitOfWork::rowsPerStatement + 5;
        QList<CustomerInput> batch;
        for (int i = 0; i < count; ++i)
            batch << person(
                QStringLiteral("Banyak %1").arg(i), QStringLiteral("0813 7000 %1").arg(i, 4, 10, QLatin1Char('0')));
        bool given = false;
        auto n = s.createInBulk(
            count,
            [&]() -> Result<QList<Customer>> {
                if (std::exchange(given, true))
                    return QList<Customer> {};
                return CustomerService::validate(batch, *company, QDate(2026, 11, 21));
            },
            {}, 10);
        QVERIFY2(n.ok(), qPrintable(n ? QString() : n.error().describe()));
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM customer), "
            "(SELECT count(*) FROM audit_log a JOIN sync_outbox o USING (hlc) JOIN customer c ON c.id = a.entity_id "
            "AND c.id = o.entity_id WHERE json_extract(a.changes, '$.name[1]') = c.name "
            "AND json_extract(o.fields, '$.code') = c.code), "
            "(SELECT count(*) FROM (SELECT hlc, lag(hlc) OVER (ORDER BY seq) AS prev FROM sync_outbox) "
            "WHERE prev >= hlc), "
            "(SELECT count(*) FROM customer WHERE code = printf('C-%06d', seq) AND name = 'Banyak ' || (seq - 1))")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), count);
        QCOMPARE(q.value(1).toInt(), count);
        QCOMPARE(q.value(2).toInt(), 0);
        QCOMPARE(q.value(3).toInt(), count);
    }

    void aBulkLoadBesideAnotherConnectionKeepsTheWal()
    {
        // Another program has the file open (a till reading it): the load does not lock it
        // out with a rollback journal, and still comes out whole.
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto other = Database::open(t.db().path(), t.clock());
        QVERIFY(other.ok());
        QSqlQuery reader((*other)->connection());
        QVERIFY(reader.exec(QStringLiteral("SELECT count(*) FROM customer")) && reader.next());
        reader.finish();
        auto company = s.company();
        QVERIFY(company.ok());
        QList<CustomerInput> batch;
        for (int i = 0; i < 60; ++i)
            batch << person(
                QStringLiteral("Sebelah %1").arg(i), QStringLiteral("0813 6000 %1").arg(i, 4, 10, QLatin1Char('0')));
        bool given = false;
        // While the load writes, the file stays in WAL and the other program reads the file
        // as it was before the load.
        QStringList during;
        auto n = s.createInBulk(
            60,
            [&]() -> Result<QList<Customer>> {
                if (std::exchange(given, true))
                    return QList<Customer> {};
                return CustomerService::validate(batch, *company, QDate(2026, 11, 21));
            },
            [&](qint64) {
                QSqlQuery mine(t.db().connection());
                during << (mine.exec(QStringLiteral("PRAGMA journal_mode")) && mine.next() ? mine.value(0).toString()
                                                                                           : QString());
                during << (reader.exec(QStringLiteral("SELECT count(*) FROM customer")) && reader.next()
                        ? reader.value(0).toString()
                        : reader.lastError().text());
                reader.finish();
            },
            10);
        QVERIFY2(n.ok(), qPrintable(n ? QString() : n.error().describe()));
        QCOMPARE(*n, 60);
        QCOMPARE(during, (QStringList {QStringLiteral("wal"), QStringLiteral("0")}));
        QVERIFY(reader.exec(QStringLiteral("PRAGMA journal_mode")) && reader.next());
        QCOMPARE(reader.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(reader.exec(QStringLiteral("SELECT count(*), (SELECT count(*) FROM customer_word) FROM customer")));
        QVERIFY(reader.next());
        QCOMPARE(reader.value(0).toInt(), 60);
        QCOMPARE(reader.value(1).toInt(), 120);
        QCOMPARE(searchNames(s, QStringLiteral("sebelah 42")), QStringList {QStringLiteral("Sebelah 42")});
    }

    void theNameIndexLoadWritesManyCompaniesInSmallStatements()
    {
        // NameIndex::Load as a rebuild uses it, with statements of 3 rows and two companies
        // interleaved: the index holds what TextFold::words says of every stored name.
        test::TestDatabase t;
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        for (int i = 0; i < 7; ++i) {
            QVERIFY(CustomerService(t.db(), i % 2 ? other : t.admin())
                        .create(person(QStringLiteral("Nama%1 Sama Sama-%2").arg(i).arg(i % 3),
                            QStringLiteral("0813 8000 %1").arg(i, 4, 10, QLatin1Char('0'))))
                        .ok());
        }
        auto rows = [&](const QString& sql) {
            QSqlQuery q(t.db().connection());
            q.exec(sql);
            QStringList out;
            while (q.next())
                out << QStringList {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString()}
                           .join(u'|');
            out.sort();
            return out;
        };
        QStringList expected;
        {
            QSqlQuery q(t.db().connection());
            q.exec(QStringLiteral("SELECT company_id, name_key, id, seq FROM customer"));
            while (q.next()) {
                for (const QString& word : TextFold::words(q.value(1).toString()))
                    expected << QStringList {q.value(0).toString(), word, q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString()}
                                    .join(u'|');
            }
            expected.sort();
        }
        const QString index = QStringLiteral("SELECT company_id, word, name_key, id, seq FROM customer_word");
        QCOMPARE(rows(index), expected);
        UnitOfWork uow(t.db(), t.admin());
        QVERIFY(uow.begin().ok());
        QSqlQuery wipe(t.db().connection());
        QVERIFY(wipe.exec(QStringLiteral("DELETE FROM customer_word")));
        NameIndex::Load load(3);
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT seq, company_id, name_key, id FROM customer ORDER BY seq")));
        while (q.next())
            load.add(q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        load.sort();
        QVERIFY(load.write(uow.prepared(NameIndex::Load::insertSql())).ok());
        QVERIFY(uow.commit().ok());
        QCOMPARE(rows(index), expected);
        QCOMPARE(expected.size(), 7 * 3); // "nama0", "sama", "0": "Sama" twice is one word
    }

    void figureFiltersAgreeWithReadingEveryCustomer()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        TagService tags(t.db(), t.admin());
        const QString member = QStringLiteral("member");
        const QString vip = QStringLiteral("vip");
        const QString walkIn = QStringLiteral("walk-in");
        const QString wholesale = QStringLiteral("wholesale");
        // Purchases on each side of every frequency threshold; spending, visits and credit
        // on each side of the bounds asked below.
        const QList<Figures> all {
            {QStringLiteral("Ani Hutang"), member, true, 3, 30'000, utcMs(2026, 11, 1), -5'000, true},
            {QStringLiteral("Budi Kredit"), walkIn, true, 1, 10'000, utcMs(2026, 10, 31, 23, 59, 59, 999), 2'000,
                false},
            {QStringLiteral("Cici Nol"), vip, true, 0, 0, std::nullopt, 0, true},
            {QStringLiteral("Dedi Kosong"), vip, false, 0, 0, std::nullopt, 0, false},
            {QStringLiteral("Eka Sering"), vip, true, 10, 500'000, utcMs(2026, 11, 15, 12), 0, true},
            {QStringLiteral("Fajar Rutin"), member, true, 9, 99'999, utcMs(2026, 11, 2), -1, false},
            {QStringLiteral("Gita Rutin"), wholesale, true, 5, 100'000, utcMs(2026, 11, 2, 23, 59, 59, 999), 1, false},
            {QStringLiteral("Hadi Kadang"), walkIn, true, 4, 40'000, utcMs(2026, 11, 3), 0, false},
            {QStringLiteral("Indah Kadang"), member, true, 2, 20'000, utcMs(2026, 9, 1), 7'000, true},
            {QStringLiteral("Joko Kosong"), walkIn, false, 0, 0, std::nullopt, 0, true},
            {QStringLiteral("Kiki Sering"), wholesale, true, 11, 1'000'000, utcMs(2026, 11, 20), -100'000, false},
        };
        for (const Figures& f : all) {
            CustomerInput in = person(f.name);
            in.type = f.type;
            auto c = s.create(in);
            QVERIFY2(c.ok(), qPrintable(f.name));
            if (f.hasRow)
                writeFigures(t.db(), c->companyId, c->id, f);
            if (f.tagged)
                QVERIFY(tags.tag(c->id, QStringLiteral("Langganan")).ok());
            t.clock().advance(1000);
        }
        // Another company's customers, with figures that would match every filter below.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        for (const Figures& f : all) {
            auto c = CustomerService(t.db(), other).create(person(f.name));
            QVERIFY(c.ok());
            writeFigures(t.db(), c->companyId, c->id, f);
        }

        // Each filter, as a test on one customer's figures (absent: zeros, no dates).
        struct Case
        {
            const char* what;
            std::function<void(CustomerQuery&)> set;
            std::function<bool(const Figures&)> keep;
        };
        const auto frequencyOf = [](const Figures& f) { return RepeatFrequencies::of(f.purchases); };
        const QList<Case> cases {
            {"debt", [](CustomerQuery& q) { q.balance = CustomerQuery::Balance::Debt; },
                [](const Figures& f) { return f.credit < 0; }},
            {"credit", [](CustomerQuery& q) { q.balance = CustomerQuery::Balance::Credit; },
                [](const Figures& f) { return f.credit > 0; }},
            {"zero balance", [](CustomerQuery& q) { q.balance = CustomerQuery::Balance::Zero; },
                [](const Figures& f) { return f.credit == 0; }},
            {"credit -5000..1",
                [](CustomerQuery& q) {
                    q.creditMin = -5'000;
                    q.creditMax = 1;
                },
                [](const Figures& f) { return f.credit >= -5'000 && f.credit <= 1; }},
            {"credit >= 1", [](CustomerQuery& q) { q.creditMin = 1; }, [](const Figures& f) { return f.credit >= 1; }},
            {"member", [](CustomerQuery& q) { q.membershipActive = true; },
                [](const Figures& f) { return f.type == u"member" || f.type == u"vip"; }},
            {"not member", [](CustomerQuery& q) { q.membershipActive = false; },
                [](const Figures& f) { return f.type != u"member" && f.type != u"vip"; }},
            {"last visit 2026-11-01..2026-11-02",
                [](CustomerQuery& q) {
                    q.lastVisitFrom = QDate(2026, 11, 1);
                    q.lastVisitTo = QDate(2026, 11, 2);
                },
                [](const Figures& f) {
                    return f.lastAt && *f.lastAt >= utcMs(2026, 11, 1) && *f.lastAt < utcMs(2026, 11, 3);
                }},
            {"last visit to 2026-10-31", [](CustomerQuery& q) { q.lastVisitTo = QDate(2026, 10, 31); },
                [](const Figures& f) { return f.lastAt && *f.lastAt < utcMs(2026, 11, 1); }},
            {"spent 20000..100000",
                [](CustomerQuery& q) {
                    q.totalSpentMin = 20'000;
                    q.totalSpentMax = 100'000;
                },
                [](const Figures& f) { return f.spent >= 20'000 && f.spent <= 100'000; }},
            {"spent <= 10000", [](CustomerQuery& q) { q.totalSpentMax = 10'000; },
                [](const Figures& f) { return f.spent <= 10'000; }},
            {"has sales", [](CustomerQuery& q) { q.hasSales = true; },
                [](const Figures& f) { return f.purchases > 0; }},
            {"no sales", [](CustomerQuery& q) { q.hasSales = false; },
                [](const Figures& f) { return f.purchases <= 0; }},
            {"frequent", [](CustomerQuery& q) { q.frequencies = {RepeatFrequency::Frequent}; },
                [&](const Figures& f) { return frequencyOf(f) == RepeatFrequency::Frequent; }},
            {"none or regular",
                [](CustomerQuery& q) {
                    q.frequencies = {RepeatFrequency::Regular, RepeatFrequency::None};
                },
                [&](const Figures& f) {
                    return frequencyOf(f) == RepeatFrequency::Regular || frequencyOf(f) == RepeatFrequency::None;
                }},
            {"one-time to regular",
                [](CustomerQuery& q) {
                    q.frequencies = {RepeatFrequency::OneTime, RepeatFrequency::Occasional, RepeatFrequency::Regular};
                },
                [&](const Figures& f) { return f.purchases >= 1 && f.purchases <= 9; }},
            {"debt + member",
                [](CustomerQuery& q) {
                    q.balance = CustomerQuery::Balance::Debt;
                    q.membershipActive = true;
                },
                [](const Figures& f) { return f.credit < 0 && (f.type == u"member" || f.type == u"vip"); }},
            {"no sales + zero balance + tag",
                [](CustomerQuery& q) {
                    q.hasSales = false;
                    q.balance = CustomerQuery::Balance::Zero;
                    q.tags = {QStringLiteral("langganan")};
                },
                [](const Figures& f) { return f.purchases <= 0 && f.credit == 0 && f.tagged; }},
            {"spent from 10000 + last visit from 2026-11-01 + tag",
                [](CustomerQuery& q) {
                    q.totalSpentMin = 10'000;
                    q.lastVisitFrom = QDate(2026, 11, 1);
                    q.tags = {QStringLiteral("Langganan")};
                },
                [](const Figures& f) {
                    return f.spent >= 10'000 && f.lastAt && *f.lastAt >= utcMs(2026, 11, 1) && f.tagged;
                }},
        };
        for (const Case& c : cases) {
            for (const QString& text :
                {QString(), QStringLiteral("kosong"), QStringLiteral("r"), QStringLiteral("Rutin Fajar")}) {
                for (auto sort : {CustomerQuery::Sort::Name, CustomerQuery::Sort::Created}) {
                    for (bool desc : {false, true}) {
                        CustomerQuery q;
                        q.text = text;
                        q.sort = sort;
                        q.descending = desc;
                        q.withTotal = true;
                        c.set(q);
                        QStringList expected;
                        const QStringList queryWords = TextFold::words(TextFold::fold(text));
                        for (const Figures& f : all) {
                            if (nameMatches(f.name, queryWords) && c.keep(f))
                                expected << f.name;
                        }
                        if (sort == CustomerQuery::Sort::Name)
                            std::sort(expected.begin(), expected.end());
                        if (desc)
                            std::reverse(expected.begin(), expected.end());
                        const QString what = QStringLiteral("%1, text \"%2\", sort %3%4")
                                                 .arg(QLatin1String(c.what), text)
                                                 .arg(static_cast<int>(sort))
                                                 .arg(desc ? QStringLiteral(" desc") : QString());
                        // Pages of two: the keyset continues with neither gaps nor repeats.
                        QVERIFY2(allPages(s, q, 2) == expected,
                            qPrintable(what + QStringLiteral(": ") + allPages(s, q, 2).join(u',')
                                + QStringLiteral(" != ") + expected.join(u',')));
                        QCOMPARE(allPages(s, q, 50), expected);
                        QCOMPARE(s.search(q)->total, expected.size());
                        QCOMPARE(*s.count(q), expected.size());
                    }
                }
            }
        }
    }

    void figureFiltersCombineWithPhoneEmailAndCode()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto debtor = s.create(person(QStringLiteral("Ani"), QStringLiteral("0812 1111 2222")));
        auto clear = s.create(person(QStringLiteral("Budi"), QStringLiteral("0812 3333 2222")));
        QVERIFY(debtor.ok() && clear.ok());
        writeFigures(t.db(), debtor->companyId, debtor->id,
            {QStringLiteral("Ani"), {}, true, 2, 5'000, std::nullopt, -300, false});
        CustomerQuery q;
        q.balance = CustomerQuery::Balance::Debt;
        q.text = QStringLiteral("2222"); // the last digits of both
        QCOMPARE(names(*s.search(q)), QStringList {QStringLiteral("Ani")});
        q.text = QStringLiteral("C-000002");
        QVERIFY(s.search(q)->items.isEmpty());
        q.balance = CustomerQuery::Balance::Zero;
        QCOMPARE(names(*s.search(q)), QStringList {QStringLiteral("Budi")});
    }

    void segmentFilterAgreesWithEachCustomersSegment()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        TagService tags(t.db(), t.admin());
        // Figures spread so that every segment has customers; one in three tagged; one whose
        // only sale was refunded and two who never bought (not ranked).
        const QStringList first {
            QStringLiteral("Ani"), QStringLiteral("Budi"), QStringLiteral("Sari"), QStringLiteral("Tono")};
        QList<Figures> all;
        for (int i = 0; i < 26; ++i) {
            Figures f;
            f.name = first.at(i % 4) + QStringLiteral(" Pelanggan%1").arg(QChar(u'A' + i));
            f.type = QStringLiteral("walk-in");
            f.purchases = 1 + (i * 7) % 12;
            f.spent = ((i * 13) % 17 + 1) * 10'000;
            f.lastAt = utcMs(2026, 1, 1) - ((i * 5) % 23) * 86'400'000LL;
            f.tagged = i % 3 == 0;
            if (i >= 23) {
                f.purchases = 0;
                f.spent = 0;
                f.lastAt.reset();
            }
            f.hasRow = i < 24;
            all << f;
        }
        for (const Figures& f : std::as_const(all)) {
            auto c = s.create(person(f.name));
            QVERIFY(c.ok());
            if (f.hasRow)
                writeFigures(t.db(), c->companyId, c->id, f);
            if (f.tagged)
                QVERIFY(tags.tag(c->id, QStringLiteral("Langganan")).ok());
            t.clock().advance(1000);
        }
        // Another company's customers, ranked too: never found here.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        for (const Figures& f : std::as_const(all)) {
            auto c = CustomerService(t.db(), other).create(person(f.name));
            QVERIFY(c.ok());
            writeFigures(t.db(), c->companyId, c->id, f);
        }
        QVERIFY(RfmService(t.db(), other).recompute().ok());
        QVERIFY(RfmService(t.db(), t.manager()).recompute().ok());

        // Each customer's segment as the service tells it.
        QHash<QString, RfmSegment> segmentOf;
        QSet<RfmSegment> present;
        {
            CustomerQuery everyone;
            everyone.limit = CustomerQuery::maxLimit;
            const auto page = s.search(everyone);
            QVERIFY(page.ok());
            for (const Customer& c : page->items) {
                const RfmSegment segment = RfmService(t.db(), t.cashier()).scoresOf(c.id)->segment;
                segmentOf.insert(c.name, segment);
                present.insert(segment);
            }
        }
        QCOMPARE(segmentOf.size(), all.size());
        QCOMPARE(present.size(), Rfm::names().size()); // all seven, and not ranked

        const QList<QList<RfmSegment>> sets {{RfmSegment::Champions}, {RfmSegment::Loyal, RfmSegment::AtRisk},
            {RfmSegment::None}, {RfmSegment::Lost, RfmSegment::None, RfmSegment::Lost}, Rfm::segments(),
            Rfm::segments() + QList<RfmSegment> {RfmSegment::None}};
        struct Extra
        {
            const char* what;
            std::function<void(CustomerQuery&)> set;
            std::function<bool(const Figures&)> keep;
        };
        const QList<Extra> extras {
            {"alone", [](CustomerQuery&) {}, [](const Figures&) { return true; }},
            {"tag", [](CustomerQuery& q) { q.tags = {QStringLiteral("langganan")}; },
                [](const Figures& f) { return f.tagged; }},
            {"regular or frequent",
                [](CustomerQuery& q) {
                    q.frequencies = {RepeatFrequency::Regular, RepeatFrequency::Frequent};
                },
                [](const Figures& f) { return f.purchases >= RepeatFrequencies::regularFrom; }},
        };
        for (const QList<RfmSegment>& set : sets) {
            for (const Extra& extra : extras) {
                for (const QString& text : {QString(), QStringLiteral("ani"), QStringLiteral("sari pelanggan")}) {
                    for (auto sort : {CustomerQuery::Sort::Name, CustomerQuery::Sort::Created}) {
                        for (bool desc : {false, true}) {
                            CustomerQuery q;
                            q.segments = set;
                            q.text = text;
                            q.sort = sort;
                            q.descending = desc;
                            q.withTotal = true;
                            extra.set(q);
                            QStringList expected;
                            const QStringList queryWords = TextFold::words(TextFold::fold(text));
                            for (const Figures& f : std::as_const(all)) {
                                if (nameMatches(f.name, queryWords) && set.contains(segmentOf.value(f.name))
                                    && extra.keep(f))
                                    expected << f.name;
                            }
                            if (sort == CustomerQuery::Sort::Name)
                                std::sort(expected.begin(), expected.end());
                            if (desc)
                                std::reverse(expected.begin(), expected.end());
                            QStringList setNames;
                            for (const RfmSegment segment : set)
                                setNames << Rfm::toString(segment);
                            const QString what = QStringLiteral("%1 + %2, text \"%3\", sort %4%5")
                                                     .arg(setNames.join(u','), QLatin1String(extra.what), text)
                                                     .arg(static_cast<int>(sort))
                                                     .arg(desc ? QStringLiteral(" desc") : QString());
                            // Pages of two: the keyset continues with neither gaps nor repeats.
                            const QStringList paged = allPages(s, q, 2);
                            QVERIFY2(paged == expected,
                                qPrintable(what + QStringLiteral(": ") + paged.join(u',') + QStringLiteral(" != ")
                                    + expected.join(u',')));
                            QCOMPARE(allPages(s, q, 50), expected);
                            QCOMPARE(s.search(q)->total, expected.size());
                            QCOMPARE(*s.count(q), expected.size());
                        }
                    }
                }
            }
        }
    }

    void badFigureFiltersNameTheirField()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        const QList<std::pair<std::function<void(CustomerQuery&)>, QString>> bad {
            {[](CustomerQuery& q) {
                 q.creditMin = 10;
                 q.creditMax = 9;
             },
                QStringLiteral("creditMax")},
            {[](CustomerQuery& q) { q.totalSpentMin = -1; }, QStringLiteral("totalSpentMin")},
            {[](CustomerQuery& q) { q.totalSpentMax = -1; }, QStringLiteral("totalSpentMax")},
            {[](CustomerQuery& q) {
                 q.totalSpentMin = 100;
                 q.totalSpentMax = 99;
             },
                QStringLiteral("totalSpentMax")},
            {[](CustomerQuery& q) { q.lastVisitFrom = QDate(2026, 2, 30); }, QStringLiteral("lastVisitFrom")},
            {[](CustomerQuery& q) { q.lastVisitTo = QDate(); }, QStringLiteral("lastVisitTo")},
            {[](CustomerQuery& q) {
                 q.lastVisitFrom = QDate(2026, 11, 2);
                 q.lastVisitTo = QDate(2026, 11, 1);
             },
                QStringLiteral("lastVisitTo")},
        };
        for (const auto& [set, field] : bad) {
            CustomerQuery q;
            set(q);
            auto page = s.search(q);
            QVERIFY2(!page.ok(), qPrintable(field));
            QCOMPARE(page.error().kind, Error::Kind::Invalid);
            QCOMPARE(page.error().field, field);
            QCOMPARE(s.count(q).error().field, field);
        }
        // Equal bounds are a range of one value, and a negative credit is a debt.
        CustomerQuery q;
        q.creditMin = -5;
        q.creditMax = -5;
        q.totalSpentMin = 0;
        q.totalSpentMax = 0;
        q.lastVisitFrom = QDate(2026, 11, 1);
        q.lastVisitTo = QDate(2026, 11, 1);
        QVERIFY(s.search(q).ok());
    }

    void keysetPagesCoverEveryRowOnce()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        QList<CustomerInput> many;
        for (int i = 0; i < 257; ++i) {
            // Many equal names: the id breaks the tie, so no row is skipped or repeated.
            many << person(
                i % 3 == 0 ? QStringLiteral("Sama Nama") : QStringLiteral("Nama %1").arg(i, 3, 10, QLatin1Char('0')),
                QStringLiteral("0812 7000 %1").arg(i, 4, 10, QLatin1Char('0')));
        }
        QVERIFY(s.createMany(many).ok());
        for (auto sort : {CustomerQuery::Sort::Name, CustomerQuery::Sort::Created, CustomerQuery::Sort::Updated}) {
            for (bool desc : {false, true}) {
                CustomerQuery q;
                q.sort = sort;
                q.descending = desc;
                q.limit = 50;
                q.withTotal = true;
                QSet<QString> seen;
                int pages = 0;
                QString lastKey;
                do {
                    auto page = s.search(q);
                    QVERIFY(page.ok());
                    QCOMPARE(page->total, 257);
                    for (const Customer& c : page->items)
                        QVERIFY2(!seen.contains(c.id), "a row came twice");
                    for (const Customer& c : page->items)
                        seen.insert(c.id);
                    q.after = page->nextCursor;
                    ++pages;
                } while (!q.after.isEmpty());
                QCOMPARE(seen.size(), 257);
                QCOMPARE(pages, 6);
            }
        }
        CustomerQuery bad;
        bad.after = QStringLiteral("not a cursor");
        QCOMPARE(s.search(bad).error().field, QStringLiteral("after"));
        bad.after.clear();
        bad.limit = 0;
        QCOMPARE(s.search(bad).error().field, QStringLiteral("limit"));
    }

    void nastyInputNeverHalfWrites()
    {
        test::TestDatabase t;
        CustomerService s(t.db(), t.admin());
        auto ok = s.create(person(QStringLiteral("Ani"), QStringLiteral("0812 1111 2222")));
        QVERIFY(ok.ok());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));

        CustomerInput huge = person(QString(100'000, QLatin1Char('x')), QString(100'000, QLatin1Char('9')));
        huge.notes = QString(1'000'000, QLatin1Char('n'));
        auto r = s.create(huge);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QStringList fields;
        for (const FieldError& f : r.error().fields)
            fields << f.field;
        QCOMPARE(fields, (QStringList {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("notes")}));

        // A failed update leaves every field as it was, not just the bad one.
        CustomerInput mixed;
        mixed.city = QStringLiteral("Bandung");
        mixed.email = QStringLiteral("broken@");
        QVERIFY(!s.update(ok->id, mixed).ok());
        QCOMPARE(s.get(ok->id)->city, QString());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("customer")), 1);

        QCOMPARE(s.get(QStringLiteral("'; DROP TABLE customer; --")).error().kind, Error::Kind::Invalid);
        QCOMPARE(s.get(QStringLiteral("C-999999")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.findByPhone(QStringLiteral("")).error().field, QStringLiteral("phone"));
        QCOMPARE(s.findByPhone(QStringLiteral("abc")).error().field, QStringLiteral("phone"));
        CustomerQuery longText;
        longText.text = QString(300, QLatin1Char('a'));
        QCOMPARE(s.search(longText).error().field, QStringLiteral("q"));

        // Unicode round-trips intact.
        const QString name = QString::fromUcs4(U"Nguyễn Thị \U0001F338 林", 14);
        auto u = s.create(person(name));
        QVERIFY(u.ok());
        QCOMPARE(s.get(u->id)->name, name);
        QCOMPARE(searchNames(s, QStringLiteral("nguyen")), QStringList {name});
    }

    static QString s_name(CustomerService& s, const QString& id) { return s.get(id)->name; }
};

QTEST_GUILESS_MAIN(TestCustomerService)
#include "TestCustomerService.moc"
