#include "core/domain/Customer.h"
#include "core/domain/Money.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/NoteService.h"
#include "core/services/ProductService.h"
#include "core/services/TagService.h"
#include "tests/support/TestDatabase.h"
#include "ui/views/CustomerDetailView.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace kasir::test {

namespace {

constexpr qint64 day = 24 * 60 * 60 * 1000;

// A shop with two products and Siti, a member who bought over three months (enough to
// reach Silver) and holds some store credit.
struct Shop
{
    TestDatabase t;
    Customer siti;
    QList<Sale> sales;
    qint64 credit = 50'000;

    Shop()
    {
        ProductService products(t.db(), t.admin());
        for (const auto& [sku, name, price] :
            {std::tuple {"KOPI", "Kopi Susu", 25'000}, {"RICE", "Rice cooker", 1'250'000}}) {
            ProductService::ProductInput in;
            in.sku = QString::fromLatin1(sku);
            in.name = QString::fromLatin1(name);
            in.price = price;
            if (!products.add(in))
                qFatal("cannot add product");
        }
        CustomerInput in;
        in.name = QStringLiteral("Siti Rahayu");
        in.phone = QStringLiteral("0812 3456 7890");
        in.type = QStringLiteral("member");
        siti = CustomerService(t.db(), t.admin()).create(in).value();

        t.clock().advance(20 * day);
        sell({{QStringLiteral("KOPI"), 3}});
        t.clock().advance(30 * day);
        sell({{QStringLiteral("RICE"), 2}});
        t.clock().advance(30 * day);
        sell({{QStringLiteral("KOPI"), 2}});
        if (!LedgerService(t.db(), t.admin())
                 .addCredit(siti.id, credit, CreditKind::Credit, QStringLiteral("deposit"))
                 .ok())
            qFatal("cannot add credit");
        siti = CustomerService(t.db(), t.admin()).get(siti.id).value();
    }

    void sell(QList<SaleRequest::Item> items)
    {
        SaleRequest req;
        req.customer = siti.code;
        req.items = std::move(items);
        req.payments = {{PaymentMethod::Cash, 10'000'000}};
        auto sale = CheckoutService(t.db(), t.cashier()).complete(req);
        if (!sale)
            qFatal("cannot sell: %s", qPrintable(sale.error().describe()));
        sales << *sale;
    }

    std::unique_ptr<CustomerDetailView> open(const Actor& actor)
    {
        auto view = std::make_unique<CustomerDetailView>(t.db(), actor, t.company());
        view->resize(1366, 768);
        view->showCustomer(siti.id);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qWarning("the view was not exposed");
        return view;
    }
};

template<typename T>
T* child(QWidget* view, const char* name)
{
    T* found = view->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

void showTab(QWidget* view, const QString& title)
{
    auto* tabs = child<QTabWidget>(view, "detailTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        // "Points && &credit" reads "Points & credit".
        QString text = tabs->tabText(i).replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(u'&');
        if (text.replace(u'\x01', u'&') == title)
            tabs->setCurrentIndex(i);
    }
}

QStringList texts(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestCustomerDetailView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHeaderShowsLevelPointsAndBalance()
    {
        Shop shop;
        QCOMPARE(shop.siti.level, MembershipLevel::Silver); // 2 x 1,250,000 less 5 % passes 2,000,000
        qint64 points = 0;
        for (const Sale& s : shop.sales)
            points += s.pointsEarned;
        QVERIFY(points > 0);

        auto view = shop.open(shop.t.manager());
        QCOMPARE(child<QLabel>(view.get(), "customerName")->text(), QStringLiteral("Siti Rahayu"));
        QCOMPARE(child<QLabel>(view.get(), "customerCode")->text(), shop.siti.code);
        QCOMPARE(child<QLabel>(view.get(), "customerLevel")->text(), QStringLiteral("Silver"));
        QCOMPARE(child<QLabel>(view.get(), "customerType")->text(), QStringLiteral("Member"));
        QCOMPARE(child<QLabel>(view.get(), "customerPoints")->text(), QLocale().toString(points));
        QCOMPARE(
            child<QLabel>(view.get(), "customerBalance")->text(), Money::format(shop.credit, QStringLiteral("IDR")));
        // Silver's discount under the default rules.
        QCOMPARE(child<QLabel>(view.get(), "customerDiscount")->text(), QStringLiteral("10 %"));
        QVERIFY(!child<QLabel>(view.get(), "customerWarning")->isVisible());
    }

    void aBlockedCustomerIsWarnedAbout()
    {
        Shop shop;
        CustomerInput block;
        block.status = QStringLiteral("blocked");
        QVERIFY(CustomerService(shop.t.db(), shop.t.admin()).update(shop.siti.id, block).ok());

        auto view = shop.open(shop.t.manager());
        auto* warning = child<QLabel>(view.get(), "customerWarning");
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("Blocked")), qPrintable(warning->text()));
        QCOMPARE(child<QLabel>(view.get(), "customerStatus")->text(), QStringLiteral("Blocked"));
    }

    void thePhoneIsShownAsPeopleWriteIt()
    {
        // The company's own numbers in their national form, others with their country code;
        // saving untouched keeps the stored number, and a number typed anyhow is stored whole.
        Shop shop;
        auto view = shop.open(shop.t.manager());
        showTab(view.get(), QStringLiteral("Profile"));
        auto* phone = child<QLineEdit>(view.get(), "phoneEdit");
        QCOMPARE(shop.siti.phone, QStringLiteral("+6281234567890"));
        QCOMPARE(phone->text(), QStringLiteral("0812-3456-7890"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(view.get(), "profileStatus")->text().contains(QStringLiteral("Nothing to save")),
            qPrintable(child<QLabel>(view.get(), "profileStatus")->text()));

        retype(phone, QStringLiteral("+65 9123 4567"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);
        QCOMPARE(CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id)->phone, QStringLiteral("+6591234567"));
        QCOMPARE(phone->text(), QStringLiteral("+65 9123 4567"));

        retype(phone, QStringLiteral("0812.3456.7891"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);
        QCOMPARE(
            CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id)->phone, QStringLiteral("+6281234567891"));
        QCOMPARE(phone->text(), QStringLiteral("0812-3456-7891"));
    }

    void anInvalidEmailIsShownBesideItsFieldAndNothingIsSaved()
    {
        Shop shop;
        auto view = shop.open(shop.t.manager());
        QSignalSpy changed(view.get(), &CustomerDetailView::customerChanged);
        showTab(view.get(), QStringLiteral("Profile"));
        auto* email = child<QLineEdit>(view.get(), "emailEdit");
        auto* city = child<QLineEdit>(view.get(), "cityEdit");
        auto* emailError = child<QLabel>(view.get(), "emailError");
        QVERIFY(!emailError->isVisible());

        retype(email, QStringLiteral("siti@"));
        retype(city, QStringLiteral("Bandung"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);

        QVERIFY(emailError->isVisible());
        QVERIFY2(emailError->text().contains(QStringLiteral("valid email")), qPrintable(emailError->text()));
        QCOMPARE(email->accessibleDescription(), emailError->text());
        QVERIFY(!child<QLabel>(view.get(), "cityError")->isVisible());
        QVERIFY(child<QLabel>(view.get(), "profileStatus")->text().contains(QStringLiteral("Nothing was saved")));
        // What the user typed stays for them to correct.
        QCOMPARE(email->text(), QStringLiteral("siti@"));
        const Customer stored = CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id).value();
        QCOMPARE(stored.email, QString());
        QCOMPARE(stored.city, QString());
        QCOMPARE(changed.count(), 0);

        retype(email, QStringLiteral("Siti@Example.com"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);

        QVERIFY(!emailError->isVisible());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), shop.siti.id);
        const Customer saved = CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id).value();
        QCOMPARE(saved.email, QStringLiteral("siti@example.com"));
        QCOMPARE(saved.city, QStringLiteral("Bandung"));
        // The form shows what was stored, as the service wrote it.
        QCOMPARE(email->text(), QStringLiteral("siti@example.com"));
        QCOMPARE(child<QLabel>(view.get(), "profileStatus")->text(), QStringLiteral("Saved."));
    }

    void aNewNoteComesFirst()
    {
        Shop shop;
        QVERIFY(NoteService(shop.t.db(), shop.t.manager())
                    .add(shop.siti.id, QStringLiteral("personal"), QStringLiteral("Her son studies in Bandung"))
                    .ok());
        shop.t.clock().advance(60'000);
        auto view = shop.open(shop.t.cashier());
        QSignalSpy changed(view.get(), &CustomerDetailView::customerChanged);
        showTab(view.get(), QStringLiteral("Notes"));
        auto* notes = child<QListWidget>(view.get(), "notesList");
        QCOMPARE(notes->count(), 1);

        auto* kind = child<QComboBox>(view.get(), "noteKind");
        kind->setCurrentIndex(kind->findData(QStringLiteral("issue")));
        child<QPlainTextEdit>(view.get(), "noteBody")->setFocus();
        QTest::keyClicks(child<QPlainTextEdit>(view.get(), "noteBody"), QStringLiteral("Waited too long at the till"));
        QTest::mouseClick(child<QPushButton>(view.get(), "addNoteButton"), Qt::LeftButton);

        QTRY_COMPARE(notes->count(), 2);
        const QString first = notes->item(0)->text();
        QVERIFY2(first.contains(QStringLiteral("Waited too long at the till")), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("Issue")), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("kasir")), qPrintable(first)); // the cashier wrote it
        QVERIFY(notes->item(1)->text().contains(QStringLiteral("Her son studies in Bandung")));
        QVERIFY(child<QPlainTextEdit>(view.get(), "noteBody")->toPlainText().isEmpty());
        QCOMPARE(changed.count(), 1);
    }

    void thePurchasesTabListsTheSales()
    {
        Shop shop;
        auto view = shop.open(shop.t.manager());
        showTab(view.get(), QStringLiteral("Purchases"));
        auto* sales = child<QTableWidget>(view.get(), "salesTable");
        QCOMPARE(sales->rowCount(), shop.sales.size());
        // Newest first: the last sale of the test heads the table with its total.
        const Sale& last = shop.sales.constLast();
        QCOMPARE(sales->item(0, 0)->text(), last.orderNumber);
        QCOMPARE(sales->item(0, 4)->text(), Money::format(last.total, QStringLiteral("IDR")));
        QCOMPARE(sales->item(2, 0)->text(), shop.sales.constFirst().orderNumber);

        auto* top = child<QTableWidget>(view.get(), "topProductsTable");
        QCOMPARE(top->rowCount(), 2);
        QCOMPARE(top->item(0, 0)->text(), QStringLiteral("Kopi Susu")); // 5 cups beat 2 rice cookers
        QCOMPARE(top->item(0, 1)->text(), QStringLiteral("5"));
        const QString figures = child<QLabel>(view.get(), "purchaseFigures")->text();
        QVERIFY2(figures.contains(CustomerDetailView::tr("%Ln purchase(s)", nullptr, 3)), qPrintable(figures));
    }

    void onlyAnAdministratorMayEraseOrDelete()
    {
        Shop shop;
        auto cashierView = shop.open(shop.t.cashier());
        for (const char* name : {"anonymiseButton", "deleteButton", "exportButton", "toggleActiveButton"})
            QVERIFY2(!child<QPushButton>(cashierView.get(), name)->isVisibleTo(cashierView.get()), name);
        QVERIFY(!child<QPushButton>(cashierView.get(), "saveButton")->isVisibleTo(cashierView.get()));
        QVERIFY(child<QLineEdit>(cashierView.get(), "emailEdit")->isReadOnly());

        auto managerView = shop.open(shop.t.manager());
        QVERIFY(!child<QPushButton>(managerView.get(), "anonymiseButton")->isVisibleTo(managerView.get()));
        QVERIFY(!child<QPushButton>(managerView.get(), "deleteButton")->isVisibleTo(managerView.get()));
        QVERIFY(child<QPushButton>(managerView.get(), "exportButton")->isVisibleTo(managerView.get()));

        auto adminView = shop.open(shop.t.admin());
        for (const char* name : {"anonymiseButton", "deleteButton", "exportButton", "toggleActiveButton"})
            QVERIFY2(child<QPushButton>(adminView.get(), name)->isVisibleTo(adminView.get()), name);
    }

    void anAdministratorAnonymisesAfterGivingAReason()
    {
        Shop shop;
        auto view = shop.open(shop.t.admin());
        QSignalSpy changed(view.get(), &CustomerDetailView::customerChanged);
        QStringList asked;
        std::optional<QString> answer; // cancel first
        view->setReasonPrompt([&](const QString& title, const QString&) {
            asked << title;
            return answer;
        });
        auto* anonymise = child<QPushButton>(view.get(), "anonymiseButton");
        QTest::mouseClick(anonymise, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id)->name, QStringLiteral("Siti Rahayu"));

        answer = QStringLiteral("Asked to be forgotten");
        QTest::mouseClick(anonymise, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        const QString name = QStringLiteral("Anonymised ") + shop.siti.code;
        QCOMPARE(CustomerService(shop.t.db(), shop.t.admin()).get(shop.siti.id)->name, name);
        QCOMPARE(child<QLabel>(view.get(), "customerName")->text(), name);
        // Sales and the level stay.
        QCOMPARE(child<QLabel>(view.get(), "customerLevel")->text(), QStringLiteral("Silver"));
        QCOMPARE(child<QTableWidget>(view.get(), "salesTable")->rowCount(), shop.sales.size());
    }

    void anExportIsSavedWhereTheUserChose()
    {
        Shop shop;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("siti.json"));
        auto view = shop.open(shop.t.manager());
        view->setExportPathProvider([&] { return path; });
        QTest::mouseClick(child<QPushButton>(view.get(), "exportButton"), Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY2(QJsonDocument(document).toJson().contains(shop.siti.code.toUtf8()), "the export names the customer");
        QVERIFY(child<QLabel>(view.get(), "detailMessage")->text().contains(path));
    }

    void theActivityTabSaysWhatChanged()
    {
        Shop shop;
        auto view = shop.open(shop.t.manager());
        showTab(view.get(), QStringLiteral("Profile"));
        retype(child<QLineEdit>(view.get(), "emailEdit"), QStringLiteral("siti@example.com"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);

        showTab(view.get(), QStringLiteral("Activity"));
        auto* activity = child<QListWidget>(view.get(), "activityList");
        QTRY_VERIFY(activity->count() > 0);
        const QStringList lines = texts(activity);
        QVERIFY2(lines.first().contains(QStringLiteral("Email set to siti@example.com")), qPrintable(lines.first()));
        QVERIFY2(lines.first().contains(QStringLiteral("manager")), qPrintable(lines.first()));
        // The sale that moved her up is there in words too.
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("Level changed Bronze -> Silver")),
            qPrintable(lines.join(u'\n')));
    }

    void aCashierDoesNotSeeTheActivityLog()
    {
        Shop shop;
        auto view = shop.open(shop.t.cashier());
        QVERIFY(!view->findChild<QListWidget*>(QStringLiteral("activityList")));
    }

    void escapeGoesBack()
    {
        Shop shop;
        auto view = shop.open(shop.t.manager());
        QSignalSpy back(view.get(), &CustomerDetailView::backRequested);
        showTab(view.get(), QStringLiteral("Notes"));
        child<QPlainTextEdit>(view.get(), "noteBody")->setFocus();
        QApplication::setActiveWindow(view.get());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_COMPARE(back.count(), 1);
        QTest::mouseClick(child<QWidget>(view.get(), "backButton"), Qt::LeftButton);
        QCOMPARE(back.count(), 2);
    }

    void lookAtIt()
    {
        // Not an assertion: a picture for people to look at when the layout changes.
        const QString dir = qEnvironmentVariable("KASIR_DETAIL_SHOTS");
        if (dir.isEmpty())
            QSKIP("set KASIR_DETAIL_SHOTS to a folder to save pictures of the view");
        Shop shop;
        NoteService notes(shop.t.db(), shop.t.manager());
        QVERIFY(notes.add(shop.siti.id, QStringLiteral("personal"), QStringLiteral("Her son studies in Bandung")).ok());
        shop.t.clock().advance(3600'000);
        QVERIFY(notes.add(shop.siti.id, QStringLiteral("issue"), QStringLiteral("Waited too long at the till")).ok());
        TagService tags(shop.t.db(), shop.t.admin());
        QVERIFY(tags.tag(shop.siti.id, QStringLiteral("Reseller"), QStringLiteral("#2e7d32")).ok());
        QVERIFY(tags.tag(shop.siti.id, QStringLiteral("Halal only"), QStringLiteral("#f9a825")).ok());
        auto view = shop.open(shop.t.admin());
        const QStringList tabs {QStringLiteral("Profile"), QStringLiteral("Purchases"),
            QStringLiteral("Points & credit"), QStringLiteral("Notes"), QStringLiteral("Tags"),
            QStringLiteral("Contacts"), QStringLiteral("Preferences"), QStringLiteral("Activity")};
        for (const QString& tab : tabs) {
            showTab(view.get(), tab);
            QString file = tab.toLower();
            file.remove(u' ').remove(u'&');
            QVERIFY(view->grab().save(dir + QStringLiteral("/detail-") + file + QStringLiteral(".png")));
        }
        showTab(view.get(), QStringLiteral("Profile"));
        retype(child<QLineEdit>(view.get(), "emailEdit"), QStringLiteral("siti@"));
        QTest::mouseClick(child<QPushButton>(view.get(), "saveButton"), Qt::LeftButton);
        QVERIFY(view->grab().save(dir + QStringLiteral("/detail-profile-error.png")));
    }
};

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestCustomerDetailView)
#include "TestCustomerDetailView.moc"
