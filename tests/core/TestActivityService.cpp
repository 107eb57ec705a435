#include "core/domain/Money.h"
#include "core/services/ActivityService.h"
#include "core/services/CheckoutService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/NoteService.h"
#include "core/services/PreferenceService.h"
#include "core/services/ProductService.h"
#include "core/services/TagService.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace kasir;

class TestActivityService : public QObject
{
    Q_OBJECT

private slots:
    void aManagerReadsWhatHappenedNewestFirst()
    {
        test::TestDatabase t;
        ProductService::ProductInput tv;
        tv.sku = QStringLiteral("TV");
        tv.name = QStringLiteral("Televisi");
        tv.price = 2'200'000;
        QVERIFY(ProductService(t.db(), t.admin()).add(tv).ok());
        CustomerService customers(t.db(), t.admin());
        CustomerInput in;
        in.name = QStringLiteral("Siti Rahayu");
        in.phone = QStringLiteral("0812 3456 7890");
        in.type = QStringLiteral("member");
        in.city = QStringLiteral("Bandung");
        const Customer siti = customers.create(in).value();
        t.clock().advance(1000);
        CustomerInput change;
        change.city = QStringLiteral("Jakarta");
        change.email = QStringLiteral("siti@example.com");
        QVERIFY(customers.update(siti.code, change).ok());
        t.clock().advance(1000);
        // 2,200,000 less 5 % is 2,090,000: past Silver's 2,000,000.
        SaleRequest req;
        req.customer = siti.code;
        req.items = {{QStringLiteral("TV"), 1}};
        req.payments = {{PaymentMethod::Card, 2'090'000}};
        const Sale sale = CheckoutService(t.db(), t.cashier()).complete(req).value();
        t.clock().advance(1000);
        QVERIFY(LedgerService(t.db(), t.manager())
                    .addCredit(siti.code, 50'000, CreditKind::Credit, QStringLiteral("deposit"), QString())
                    .ok());
        // Someone else's changes are not hers.
        CustomerInput other;
        other.name = QStringLiteral("Budi");
        QVERIFY(customers.create(other).ok());

        // Money as the user's locale writes it in the company currency.
        auto rp = [](qint64 amount) { return Money::format(amount, QStringLiteral("IDR")); };
        auto log = ActivityService(t.db(), t.manager()).forCustomer(siti.code);
        QVERIFY2(log.ok(), qPrintable(log ? QString() : log.error().describe()));
        QStringList summaries;
        for (const ActivityEntry& e : *log)
            summaries << e.summary;
        QCOMPARE(summaries,
            (QStringList {
                QStringLiteral("Store credit +%1 (credit), balance %1: deposit").arg(rp(50'000)),
                QStringLiteral("Level changed Bronze -> Silver after sale %1").arg(sale.orderNumber),
                QStringLiteral("+209 points (earned), balance 209: %1").arg(sale.orderNumber),
                QStringLiteral("Sale %1: 1 item(s), %2").arg(sale.orderNumber, rp(2'090'000)),
                QStringLiteral("City changed from Bandung to Jakarta; Email set to siti@example.com"),
                QStringLiteral("Registered as Siti Rahayu"),
            }));
        const ActivityEntry& update = log->at(4);
        QCOMPARE(update.user, QStringLiteral("admin"));
        QCOMPARE(update.entity, QStringLiteral("customer"));
        QCOMPARE(update.changes.value(QStringLiteral("city")).toArray(),
            (QJsonArray {QStringLiteral("Bandung"), QStringLiteral("Jakarta")}));
        QCOMPARE(log->at(3).user, QStringLiteral("kasir"));
        QVERIFY(log->at(0).at > log->at(5).at);

        // Pages continue from the last id.
        auto first = ActivityService(t.db(), t.manager()).forCustomer(siti.code, 2);
        QCOMPARE(first->size(), 2);
        auto next = ActivityService(t.db(), t.manager()).forCustomer(siti.code, 10, first->last().id);
        QCOMPARE(next->size(), 4);
        QCOMPARE(next->first().summary, summaries.at(2));

        const QJsonObject json = ActivityService::toJson(log->first());
        QCOMPARE(json.value(QStringLiteral("entity")).toString(), QStringLiteral("credit_entry"));
        QVERIFY(json.value(QStringLiteral("at")).toString().endsWith(u'Z'));
    }

    void notesTagsContactsAndPreferencesAreSaidInWords()
    {
        test::TestDatabase t;
        CustomerInput in;
        in.name = QStringLiteral("Dewi");
        in.phone = QStringLiteral("0812 1111 2222");
        const Customer dewi = CustomerService(t.db(), t.admin()).create(in).value();
        QVERIFY(NoteService(t.db(), t.cashier())
                    .add(dewi.code, QStringLiteral("preference"), QStringLiteral("Suka kopi tanpa gula"))
                    .ok());
        const CustomerNote wrong
            = NoteService(t.db(), t.cashier()).add(dewi.code, QStringLiteral("issue"), QStringLiteral("salah")).value();
        QVERIFY(NoteService(t.db(), t.manager()).remove(wrong.id).ok());
        QVERIFY(TagService(t.db(), t.manager()).tag(dewi.code, QStringLiteral("Pelanggan Setia")).ok());
        QVERIFY(TagService(t.db(), t.manager()).untag(dewi.code, QStringLiteral("pelanggan setia")).ok());
        ContactService::ContactInput contact;
        contact.kind = QStringLiteral("email");
        contact.value = QStringLiteral("Dewi@Example.com");
        QVERIFY(ContactService(t.db(), t.manager()).add(dewi.code, contact).ok());
        PreferenceService::PreferenceInput prefs;
        prefs.canReceiveOffers = true;
        prefs.preferredPayment = QStringLiteral("card");
        QVERIFY(PreferenceService(t.db(), t.manager()).set(dewi.code, prefs).ok());

        auto log = ActivityService(t.db(), t.manager()).forCustomer(dewi.code);
        QVERIFY(log.ok());
        QStringList summaries;
        for (const ActivityEntry& e : *log)
            summaries << e.summary;
        QCOMPARE(summaries,
            (QStringList {
                QStringLiteral("Offers changed from no to yes; Preferred payment set to card"),
                QStringLiteral("Contact added: email dewi@example.com"),
                QStringLiteral("Tag Pelanggan Setia taken off"),
                QStringLiteral("Tagged Pelanggan Setia"),
                QStringLiteral("Note deleted: salah"),
                QStringLiteral("Note (issue): salah"),
                QStringLiteral("Note (preference): Suka kopi tanpa gula"),
                QStringLiteral("Registered as Dewi"),
            }));
        QCOMPARE(log->at(4).user, QStringLiteral("manager"));
        QCOMPARE(log->at(6).user, QStringLiteral("kasir"));
    }

    void onlyManagersReadItAndBadPagesAreRefused()
    {
        test::TestDatabase t;
        CustomerInput in;
        in.name = QStringLiteral("Siti");
        const Customer siti = CustomerService(t.db(), t.admin()).create(in).value();
        auto cashier = ActivityService(t.db(), t.cashier()).forCustomer(siti.code);
        QCOMPARE(cashier.error().kind, Error::Kind::PermissionDenied);
        QVERIFY(ActivityService(t.db(), t.admin()).forCustomer(siti.code).ok());
        QCOMPARE(ActivityService(t.db(), t.manager()).forCustomer(siti.code, 0).error().fields.value(0).field,
            QStringLiteral("limit"));
        QCOMPARE(ActivityService(t.db(), t.manager()).forCustomer(siti.code, 5, -1).error().fields.value(0).field,
            QStringLiteral("before"));
        // Another company's administrator does not see her at all.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        QCOMPARE(ActivityService(t.db(), other).forCustomer(siti.id).error().kind, Error::Kind::NotFound);
    }

    void summariesSayTheFieldsOfAnythingElse()
    {
        ActivityEntry e;
        e.entity = QStringLiteral("gift_card");
        e.action = QStringLiteral("create");
        e.changes = QJsonObject {{QStringLiteral("body"), QJsonArray {QJsonValue(), QStringLiteral("suka kopi")}},
            {QStringLiteral("customerId"), QJsonArray {QJsonValue(), QStringLiteral("x")}}};
        QCOMPARE(ActivityService::summarise(e, QStringLiteral("IDR")),
            QStringLiteral("gift card: create: body set to suka kopi"));
        ActivityEntry flag;
        flag.entity = QStringLiteral("customer");
        flag.action = QStringLiteral("update");
        flag.changes = QJsonObject {{QStringLiteral("doNotContact"), QJsonArray {false, true}},
            {QStringLiteral("email"), QJsonArray {QStringLiteral("a@b.co"), QJsonValue()}}};
        QCOMPARE(ActivityService::summarise(flag, QStringLiteral("IDR")),
            QStringLiteral("Do not contact changed from no to yes; Email cleared (was a@b.co)"));
    }
};

QTEST_GUILESS_MAIN(TestActivityService)
#include "TestActivityService.moc"
