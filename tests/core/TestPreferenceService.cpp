#include "core/domain/Consent.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/PreferenceService.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace kasir;

namespace {

using Input = PreferenceService::PreferenceInput;

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
    return out;
}

Customer addCustomer(test::TestDatabase& t, const QString& name)
{
    CustomerInput in;
    in.name = name;
    auto c = CustomerService(t.db(), t.admin()).create(in);
    if (!c)
        qFatal("cannot add customer: %s", qPrintable(c.error().describe()));
    return *c;
}

} // namespace

class TestPreferenceService : public QObject
{
    Q_OBJECT

private slots:
    void aCustomerWithoutARowHasTheDefaults()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Agus"));
        auto p = PreferenceService(t.db(), t.cashier()).get(c.code);
        QVERIFY(p.ok());
        QCOMPARE(p->stored.customerId, c.id);
        QCOMPARE(p->stored.preferredPayment, QString());
        QCOMPARE(p->stored.bestContactTime, QString());
        QCOMPARE(p->stored.canReceiveOffers, false);
        QCOMPARE(p->stored.canReceiveLoyalty, true);
        QCOMPARE(p->doNotContact, false);
        QCOMPARE(p->stored.updatedAt, 0);
        const QJsonObject json = PreferenceService::toJson(*p);
        QCOMPARE(json.value(QStringLiteral("preferredPayment")).toString(), QString());
        QCOMPARE(json.value(QStringLiteral("canReceiveLoyalty")).toBool(), true);
        QVERIFY(!json.contains(QStringLiteral("updatedAt")));
        QCOMPARE(t.countRows(QStringLiteral("customer_preference")), 0);
    }

    void setsSomeFieldsAndLeavesTheOthers()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Budi"));
        PreferenceService s(t.db(), t.manager());
        Input in;
        in.preferredPayment = QStringLiteral(" Mobile_Money ");
        in.canReceiveOffers = true;
        auto p = s.set(c.code, in);
        QVERIFY2(p.ok(), qPrintable(p ? QString() : p.error().describe()));
        QCOMPARE(p->stored.preferredPayment, QStringLiteral("mobile_money"));
        QCOMPARE(p->stored.canReceiveOffers, true);
        QCOMPARE(p->stored.canReceiveLoyalty, true);
        QCOMPARE(p->stored.updatedAt, t.clock().nowMs());

        t.clock().advance(1000);
        Input more;
        more.bestContactTime = QStringLiteral("evening");
        more.canReceiveLoyalty = false;
        p = s.set(c.id, more);
        QVERIFY(p.ok());
        QCOMPARE(p->stored.preferredPayment, QStringLiteral("mobile_money"));
        QCOMPARE(p->stored.bestContactTime, QStringLiteral("evening"));
        QCOMPARE(p->stored.canReceiveLoyalty, false);

        t.reopen();
        auto read = PreferenceService(t.db(), t.cashier()).get(c.code);
        QCOMPARE(read->stored, p->stored);
        QCOMPARE(row(t.db(), QStringLiteral("SELECT updated_by FROM customer_preference")), t.manager().userId);

        // "" clears a choice.
        Input clear;
        clear.preferredPayment = QString();
        clear.bestContactTime = QStringLiteral("  ");
        p = PreferenceService(t.db(), t.admin()).set(c.code, clear);
        QVERIFY(p.ok());
        QCOMPARE(p->stored.preferredPayment, QString());
        QCOMPARE(p->stored.bestContactTime, QString());
    }

    void doNotContactIsWrittenOnTheCustomerInTheSameTransaction()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Citra"));
        PreferenceService s(t.db(), t.manager());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        Input in;
        in.doNotContact = true;
        in.canReceiveOffers = true;
        auto p = s.set(c.code, in);
        QVERIFY(p.ok());
        QVERIFY(p->doNotContact);
        QVERIFY(CustomerService(t.db(), t.admin()).get(c.code)->doNotContact);
        QVERIFY(s.get(c.code)->doNotContact);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT group_concat(entity) FROM (SELECT entity FROM audit_log "
                                    "WHERE customer_id = '%1' AND action = 'update' ORDER BY id)")
                         .arg(c.id)),
            QStringLiteral("customer_preference,customer"));

        // A failure in the customer half rolls back the preference half.
        {
            QSqlQuery trigger(t.db().connection());
            QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_customer BEFORE UPDATE ON customer "
                                                "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        }
        Input both;
        both.doNotContact = false;
        both.preferredPayment = QStringLiteral("card");
        QVERIFY(!s.set(c.code, both).ok());
        auto after = s.get(c.code);
        QCOMPARE(after->stored.preferredPayment, QString());
        QVERIFY(after->doNotContact);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 2);
    }

    void nothingIsWrittenForAnUnchangedPreference()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Dewi"));
        PreferenceService s(t.db(), t.admin());
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        const qint64 ops = t.countRows(QStringLiteral("sync_outbox"));
        // The defaults, said out loud, are no change.
        Input defaults;
        defaults.preferredPayment = QString();
        defaults.canReceiveOffers = false;
        defaults.canReceiveLoyalty = true;
        defaults.doNotContact = false;
        QVERIFY(s.set(c.code, defaults).ok());
        QVERIFY(s.set(c.code, Input {}).ok());
        QCOMPARE(t.countRows(QStringLiteral("customer_preference")), 0);
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops);

        Input card;
        card.preferredPayment = QStringLiteral("card");
        QVERIFY(s.set(c.code, card).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
        // Only the changed field is recorded, with its key the customer.
        QCOMPARE(row(t.db(),
                     QStringLiteral("SELECT entity, entity_id, customer_id, changes FROM audit_log "
                                    "ORDER BY id DESC LIMIT 1")),
            QStringList({QStringLiteral("customer_preference"), c.id, c.id,
                            QStringLiteral("{\"preferredPayment\":[null,\"card\"]}")})
                .join(u'|'));
        const QJsonObject op
            = jsonOf(row(t.db(), QStringLiteral("SELECT fields FROM sync_outbox ORDER BY seq DESC LIMIT 1")));
        QCOMPARE(op.keys(), QStringList {QStringLiteral("preferredPayment")});
        QCOMPARE(row(t.db(), QStringLiteral("SELECT entity, entity_id, op FROM sync_outbox ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("customer_preference|") + c.id + QStringLiteral("|upsert"));

        t.clock().advance(5000);
        QVERIFY(s.set(c.code, card).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), ops + 1);
    }

    void nastyInputIsRefusedFieldByField()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Eka"));
        PreferenceService s(t.db(), t.admin());
        const QList<std::pair<Input, QStringList>> cases = [] {
            QList<std::pair<Input, QStringList>> out;
            auto payment = [](const QString& v) {
                Input in;
                in.preferredPayment = v;
                return in;
            };
            auto time = [](const QString& v) {
                Input in;
                in.bestContactTime = v;
                return in;
            };
            const QStringList pay {QStringLiteral("preferredPayment:invalid_choice")};
            const QStringList when {QStringLiteral("bestContactTime:invalid_choice")};
            out.append({payment(QStringLiteral("points")), pay});
            out.append({payment(QStringLiteral("bitcoin")), pay});
            out.append({payment(QStringLiteral("cash'; DROP TABLE customer_preference; --")), pay});
            out.append({payment(QString(100'000, u'c')), pay});
            out.append({payment(QStringLiteral("c\u0430sh")), pay}); // a Cyrillic a
            out.append({payment(QStringLiteral("cash\n")), {}}); // trimmed: fine
            out.append({time(QStringLiteral("midnight")), when});
            out.append({time(QStringLiteral("1")), when});
            out.append({time(QStringLiteral("pagi \U0001F305")), when});
            Input both = payment(QStringLiteral("x"));
            both.bestContactTime = QStringLiteral("y");
            both.canReceiveOffers = true;
            out.append({both, pay + when});
            return out;
        }();
        for (const auto& [input, expected] : cases) {
            auto r = s.set(c.code, input);
            if (expected.isEmpty()) {
                QVERIFY(r.ok());
                continue;
            }
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
            QCOMPARE(fieldsOf(r.error()), expected);
        }
        auto p = s.get(c.code);
        QCOMPARE(p->stored.preferredPayment, QStringLiteral("cash"));
        QCOMPARE(p->stored.canReceiveOffers, false); // the refused input wrote nothing
        for (const QString& ref : {QString(), QStringLiteral("' OR 1=1 --"), QStringLiteral("C-999999")})
            QVERIFY(!s.get(ref).ok());
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
        const Customer c = addCustomer(t, QStringLiteral("Fajar"));
        PreferenceService s(t.db(), actor);
        QVERIFY(s.get(c.code).ok());
        QVERIFY(s.favouriteProducts(c.code).ok());
        for (int field = 0; field < 3; ++field) {
            Input in;
            if (field == 0)
                in.canReceiveOffers = true;
            else if (field == 1)
                in.doNotContact = true;
            else
                in.bestContactTime = QStringLiteral("morning");
            auto r = s.set(c.code, in);
            QCOMPARE(r.ok(), mayWrite);
            if (!mayWrite)
                QCOMPARE(r.error().kind, Error::Kind::PermissionDenied);
        }
        if (!mayWrite) {
            QCOMPARE(t.countRows(QStringLiteral("customer_preference")), 0);
            QVERIFY(!CustomerService(t.db(), t.admin()).get(c.code)->doNotContact);
        }
    }

    void anotherCompanysCustomersAreOutOfReach()
    {
        test::TestDatabase t;
        const Customer c = addCustomer(t, QStringLiteral("Gita"));
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        PreferenceService s(t.db(), other);
        Input in;
        in.canReceiveOffers = true;
        QCOMPARE(s.get(c.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.set(c.id, in).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.favouriteProducts(c.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(t.countRows(QStringLiteral("customer_preference")), 0);
    }

    void favouriteProductsComeFromPurchases()
    {
        test::TestDatabase t;
        ProductService products(t.db(), t.admin());
        for (const auto& [sku, price] :
            {std::pair {"KOPI", 20'000}, std::pair {"ROTI", 15'000}, std::pair {"TEH", 8'000}}) {
            ProductService::ProductInput in;
            in.sku = QString::fromLatin1(sku);
            in.name = QString::fromLatin1(sku);
            in.price = price;
            QVERIFY(products.add(in).ok());
        }
        const Customer c = addCustomer(t, QStringLiteral("Hadi"));
        PreferenceService s(t.db(), t.cashier());
        QVERIFY(s.favouriteProducts(c.code)->isEmpty());
        SaleRequest req;
        req.customer = c.code;
        req.items = {{QStringLiteral("TEH"), 5}, {QStringLiteral("KOPI"), 2}, {QStringLiteral("ROTI"), 1}};
        req.payments = {{PaymentMethod::Cash, 100'000}};
        QVERIFY(CheckoutService(t.db(), t.cashier()).complete(req).ok());
        auto top = s.favouriteProducts(c.code);
        QVERIFY(top.ok());
        QCOMPARE(top->size(), 3);
        QCOMPARE(top->at(0).sku, QStringLiteral("TEH"));
        QCOMPARE(top->at(0).quantity, 5);
        QCOMPARE(top->at(1).sku, QStringLiteral("KOPI"));
        QCOMPARE(s.favouriteProducts(c.code, 1)->size(), 1);
    }

    void consentRules_data()
    {
        QTest::addColumn<bool>("offers");
        QTest::addColumn<bool>("loyalty");
        QTest::addColumn<bool>("doNotContact");
        QTest::addColumn<bool>("offer");
        QTest::addColumn<bool>("loyaltyMessage");
        QTest::addColumn<bool>("service");
        // offers loyalty dnc -> offer loyalty service
        QTest::newRow("defaults") << false << true << false << false << true << true;
        QTest::newRow("opted in") << true << true << false << true << true << true;
        QTest::newRow("no loyalty") << true << false << false << true << false << true;
        QTest::newRow("nothing") << false << false << false << false << false << true;
        QTest::newRow("dnc wins over offers") << true << true << true << false << false << false;
        QTest::newRow("dnc with defaults") << false << true << true << false << false << false;
        QTest::newRow("dnc and nothing") << false << false << true << false << false << false;
    }

    void consentRules()
    {
        QFETCH(bool, offers);
        QFETCH(bool, loyalty);
        QFETCH(bool, doNotContact);
        QFETCH(bool, offer);
        QFETCH(bool, loyaltyMessage);
        QFETCH(bool, service);
        CustomerPreferences p;
        p.canReceiveOffers = offers;
        p.canReceiveLoyalty = loyalty;
        QCOMPARE(Consent::mayContact(p, doNotContact, Consent::Purpose::Offer), offer);
        QCOMPARE(Consent::mayContact(p, doNotContact, Consent::Purpose::Loyalty), loyaltyMessage);
        QCOMPARE(Consent::mayContact(p, doNotContact, Consent::Purpose::Service), service);
    }

    void consentPurposesHaveNames()
    {
        for (Consent::Purpose p : {Consent::Purpose::Offer, Consent::Purpose::Loyalty, Consent::Purpose::Service})
            QCOMPARE(Consent::parsePurpose(Consent::toString(p).toUpper()), p);
        QCOMPARE(Consent::parsePurpose(u"spam"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestPreferenceService)
#include "TestPreferenceService.moc"
