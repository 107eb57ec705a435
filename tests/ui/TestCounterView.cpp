#include "core/domain/Money.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/ProductService.h"
#include "tests/support/TestDatabase.h"
#include "ui/views/CounterView.h"
#include "ui/views/SaleReceipt.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace kasir::test {

namespace {

QString idr(qint64 minor)
{
    return Money::format(minor, QStringLiteral("IDR"));
}

} // namespace

// The counter driven as a cashier drives it: keys into the real widget on the offscreen
// platform, what they would see read back from its labels, the sale checked in the database.
class TestCounterView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lastDigitsShowTheCustomerAndEnterAttaches();
    void severalMatchesAreAListTheArrowsWalk();
    void escapeClearsTheLookup();
    void f2RegistersMidSaleAndTheSaleIsTheirs();
    void aWalkInSaleNeedsNoCustomer();
    void aBlockedCustomerShowsAWarning();
    void anInvalidPhoneIsExplainedAndNothingIsSaved();
    void aCashierSellsWithPointsAndTheShownDiscountIsTheSalesOwn();
    void anUnknownItemCodeIsSaidAndNothingIsAdded();
    void theReceiptIsSavedAsPdf();
    void everyControlIsNamedAndTabFollowsTheWork();
    void screenshot();

private:
    void open(const Actor& actor);
    template<typename T>
    T* child(const char* name) const
    {
        T* found = m_view->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    QString text(const char* label) const { return child<QLabel>(label)->text(); }
    void addItem(const QString& sku, int quantity = 1);
    void save(const QString& name);
    Customer customerNamed(const QString& name);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<CounterView> m_view;
    Customer m_member; // Siti, a Bronze member with 120 points, phone ending 7890
    Customer m_regular; // Budi, registered without membership
    QLineEdit* m_lookup = nullptr;
};

void TestCounterView::init()
{
    m_database = std::make_unique<TestDatabase>();
    Database& db = m_database->db();
    ProductService products(db, m_database->admin());
    for (const auto& [sku, name, price] : {std::tuple {"KOPI", "Kopi Susu", 25'000}, {"ROTI", "Roti Bakar", 15'000},
             {"TEH", "Teh Manis", 8'000}, {"GULA", "Gula Pasir 1 kg", 17'500}}) {
        ProductService::ProductInput in;
        in.sku = QString::fromLatin1(sku);
        in.name = QString::fromLatin1(name);
        in.price = price;
        QVERIFY(products.add(in));
    }
    CustomerService customers(db, m_database->admin());
    auto add = [&](const char* name, const char* phone, const char* type, const char* status = "active") {
        CustomerInput in;
        in.name = QString::fromUtf8(name);
        in.phone = QString::fromLatin1(phone);
        in.type = QString::fromLatin1(type);
        in.status = QString::fromLatin1(status);
        auto c = customers.create(in);
        if (!c)
            qFatal("cannot add %s: %s", name, qPrintable(c.error().describe()));
        return *c;
    };
    m_member = add("Siti Rahayu", "0812 3456 7890", "member");
    m_regular = add("Budi Santoso", "0813 1111 2222", "walk-in");
    add("Ani Lestari", "0811 2222 5555", "member");
    add("Dewi Kartika", "0822 3333 5555", "vip");
    add("Joko Widodo", "0857 0000 4321", "member", "blocked");
    QVERIFY(LedgerService(db, m_database->admin()).adjustPoints(m_member.id, 120, QStringLiteral("welcome")));
}

void TestCounterView::open(const Actor& actor)
{
    m_view = std::make_unique<CounterView>(m_database->db(), actor, m_database->company());
    m_view->resize(1366, 768);
    m_view->show();
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_lookup = child<QLineEdit>("customerLookup");
    QVERIFY(m_lookup->hasFocus());
}

void TestCounterView::cleanup()
{
    m_view.reset();
    m_database.reset();
}

void TestCounterView::addItem(const QString& sku, int quantity)
{
    auto* code = child<QLineEdit>("itemSku");
    auto* table = child<QTableWidget>("saleLines");
    const int before = table->rowCount();
    code->setFocus();
    child<QSpinBox>("itemQuantity")->setValue(quantity);
    QTest::keyClicks(code, sku);
    QTest::keyClick(code, Qt::Key_Return);
    QVERIFY(code->text().isEmpty());
    QVERIFY(table->rowCount() >= before);
}

Customer TestCounterView::customerNamed(const QString& name)
{
    CustomerQuery q;
    q.text = name;
    auto page = CustomerService(m_database->db(), m_database->admin()).search(q);
    if (!page || page->items.isEmpty())
        return {};
    return page->items.first();
}

void TestCounterView::lastDigitsShowTheCustomerAndEnterAttaches()
{
    open(m_database->admin());
    QVERIFY(text("customerState").contains(CounterView::tr("Walk-in sale")));
    QVERIFY(child<QLabel>("customerName")->isHidden());

    QTest::keyClicks(m_lookup, QStringLiteral("7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QVERIFY(child<QLabel>("customerName")->isVisible());
    QVERIFY(text("customerLevel").contains(CustomerEnums::displayName(MembershipLevel::Bronze)));
    QCOMPARE(text("customerDiscount"), CounterView::tr("%1 %").arg(QStringLiteral("5")));
    QVERIFY2(text("customerPoints").startsWith(QStringLiteral("120")), qPrintable(text("customerPoints")));
    QCOMPARE(text("customerBalance"), idr(0));
    QVERIFY(child<QLabel>("blockedWarning")->isHidden());
    // Only a look so far: nothing is on the sale until Enter.
    QVERIFY(!m_view->attachedCustomer());

    QTest::keyClick(m_lookup, Qt::Key_Return);
    QVERIFY(m_view->attachedCustomer());
    QCOMPARE(m_view->attachedCustomer()->id, m_member.id);
    QCOMPARE(text("customerState"), CounterView::tr("On this sale"));
    QVERIFY(child<QPushButton>("detachCustomer")->isVisible());
    QCOMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QVERIFY(m_lookup->text().isEmpty());
    // The next thing to do is ring up items.
    QVERIFY(child<QLineEdit>("itemSku")->hasFocus());
    addItem(QStringLiteral("kopi"), 2);
    QCOMPARE(text("saleSubtotal"), idr(50'000));
    QCOMPARE(text("saleDiscount"), idr(-2'500));
    QCOMPARE(text("saleTotal"), idr(47'500));

    // A manager opens the customer's details from the card.
    QSignalSpy opened(m_view.get(), &CounterView::customerOpened);
    QTest::mouseDClick(child<QWidget>("customerCard"), Qt::LeftButton);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), m_member.id);

    // Shift+F4 sells without her again; the discount goes with her.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4, Qt::ShiftModifier);
    QVERIFY(!m_view->attachedCustomer());
    QCOMPARE(text("saleTotal"), idr(50'000));
    QVERIFY(text("customerState").contains(CounterView::tr("Walk-in sale")));
}

void TestCounterView::severalMatchesAreAListTheArrowsWalk()
{
    open(m_database->admin());
    auto* list = child<QListWidget>("customerMatches");
    QVERIFY(list->isHidden());
    QTest::keyClicks(m_lookup, QStringLiteral("5555"));
    QTRY_COMPARE(list->count(), 2);
    QVERIFY(list->isVisible());
    QCOMPARE(list->currentRow(), 0);
    // The arrows move the highlight while the typing stays in the phone field.
    QTest::keyClick(m_lookup, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    QVERIFY(m_lookup->hasFocus());
    const QString second = list->item(1)->text();
    QVERIFY(second.startsWith(text("customerName")));
    QTest::keyClick(m_lookup, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    QTest::keyClick(m_lookup, Qt::Key_Up);
    QTest::keyClick(m_lookup, Qt::Key_Down);
    QTest::keyClick(m_lookup, Qt::Key_Return);
    QVERIFY(m_view->attachedCustomer());
    QVERIFY(second.startsWith(m_view->attachedCustomer()->name));
    QVERIFY(list->isHidden());
}

void TestCounterView::escapeClearsTheLookup()
{
    open(m_database->admin());
    QTest::keyClicks(m_lookup, QStringLiteral("12"));
    QTRY_VERIFY(child<QLabel>("lookupHint")->isVisible());
    QCOMPARE(text("lookupHint"), CounterView::tr("Type at least 4 digits of the phone number."));
    QTest::keyClicks(m_lookup, QStringLiteral("34"));
    QTRY_COMPARE(text("lookupHint"), CounterView::tr("No customer has this number. F2 registers a new one."));
    QVERIFY(child<QListWidget>("customerMatches")->isHidden());
    QTest::keyClick(m_lookup, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_lookup, QStringLiteral("7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QTest::keyClick(m_lookup, Qt::Key_Escape);
    QVERIFY(m_lookup->text().isEmpty());
    QVERIFY(child<QLabel>("customerName")->isHidden());
    QVERIFY(child<QLabel>("lookupHint")->isHidden());
    QVERIFY(!m_view->attachedCustomer());
}

void TestCounterView::f2RegistersMidSaleAndTheSaleIsTheirs()
{
    open(m_database->cashier());
    QSignalSpy completed(m_view.get(), &CounterView::saleCompleted);
    addItem(QStringLiteral("KOPI"));
    addItem(QStringLiteral("TEH"), 3);
    QCOMPARE(child<QTableWidget>("saleLines")->rowCount(), 2);

    auto* form = child<QGroupBox>("registerForm");
    QVERIFY(form->isHidden());
    // The number the customer gives is nobody's yet; F2 takes it into the form.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    QVERIFY(m_lookup->hasFocus());
    QTest::keyClicks(m_lookup, QStringLiteral("0819-8765-4321"));
    QTRY_COMPARE(text("lookupHint"), CounterView::tr("No customer has this number. F2 registers a new one."));
    QTest::keyClick(m_lookup, Qt::Key_F2);
    QVERIFY(form->isVisible());
    auto* name = child<QLineEdit>("registerName");
    auto* phone = child<QLineEdit>("registerPhone");
    QVERIFY(name->hasFocus());
    QCOMPARE(phone->text(), QStringLiteral("0819-8765-4321"));
    QTest::keyClicks(name, QStringLiteral("Rina Wati"));
    QTest::keyClick(name, Qt::Key_Tab);
    QVERIFY(phone->hasFocus());
    QTest::keyClick(phone, Qt::Key_Return);

    QVERIFY(form->isHidden());
    QVERIFY(m_view->attachedCustomer());
    QCOMPARE(m_view->attachedCustomer()->name, QStringLiteral("Rina Wati"));
    QCOMPARE(text("customerName"), QStringLiteral("Rina Wati"));
    QCOMPARE(text("customerState"), CounterView::tr("On this sale"));
    // The items rung up before are still there.
    QCOMPARE(child<QTableWidget>("saleLines")->rowCount(), 2);
    const QString customerId = m_view->attachedCustomer()->id;

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    QCOMPARE(completed.count(), 1);
    const QString order = completed.at(0).at(0).toString();
    QVERIFY(text("saleMessage").contains(order));
    // Ready for the next customer.
    QVERIFY(!m_view->attachedCustomer());
    QCOMPARE(child<QTableWidget>("saleLines")->rowCount(), 0);
    QVERIFY(m_lookup->hasFocus());

    auto sales = CheckoutService(m_database->db(), m_database->admin()).salesOf(customerId);
    QVERIFY(sales);
    QCOMPARE(sales->size(), 1);
    QCOMPARE(sales->first().orderNumber, order);
    QCOMPARE(sales->first().customerName, QStringLiteral("Rina Wati"));
    QCOMPARE(sales->first().subtotal, 25'000 + 3 * 8'000);
}

void TestCounterView::aWalkInSaleNeedsNoCustomer()
{
    open(m_database->admin());
    QSignalSpy completed(m_view.get(), &CounterView::saleCompleted);
    auto* complete = child<QPushButton>("completeSale");
    QVERIFY(!complete->isEnabled());
    QVERIFY(complete->toolTip().contains(QStringLiteral("F12")));
    QVERIFY(complete->accessibleDescription().contains(QStringLiteral("Ctrl+Enter")));

    addItem(QStringLiteral("roti"), 2);
    QVERIFY(complete->isEnabled());
    QCOMPARE(text("saleTotal"), idr(30'000));
    auto* tendered = child<QLineEdit>("paymentAmount");
    tendered->setFocus();
    QTest::keyClicks(tendered, QStringLiteral("20000"));
    QCOMPARE(text("saleChange"), CounterView::tr("%1 short").arg(idr(10'000)));
    QTest::keyClick(tendered, Qt::Key_End);
    QTest::keyClicks(tendered, QStringLiteral("0"));
    QCOMPARE(text("saleChange"), idr(170'000));
    tendered->selectAll();
    QTest::keyClicks(tendered, QStringLiteral("50.000"));
    QCOMPARE(text("saleChange"), idr(20'000));
    QTest::keyClick(tendered, Qt::Key_Return, Qt::ControlModifier);

    QCOMPARE(completed.count(), 1);
    const QString order = completed.at(0).at(0).toString();
    QVERIFY(text("saleMessage").contains(order));
    QVERIFY(text("saleMessage").contains(idr(20'000)));
    auto sale = CheckoutService(m_database->db(), m_database->admin()).sale(order);
    QVERIFY(sale);
    QVERIFY(sale->customerId.isEmpty());
    QCOMPARE(sale->total, 30'000);
    QCOMPARE(sale->payments, (QList<Payment> {{PaymentMethod::Cash, 30'000}}));
}

void TestCounterView::aBlockedCustomerShowsAWarning()
{
    open(m_database->admin());
    auto* warning = child<QLabel>("blockedWarning");
    QTest::keyClicks(m_lookup, QStringLiteral("4321"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Joko Widodo"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(CounterView::tr("Blocked")));
    QVERIFY(child<QListWidget>("customerMatches")->item(0)->text().contains(CounterView::tr("blocked")));
    QTest::keyClick(m_lookup, Qt::Key_Return);
    QVERIFY(warning->isVisible());
    // Another customer's card has no warning.
    QTest::keyClicks(m_lookup, QStringLiteral("7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QVERIFY(warning->isHidden());
}

void TestCounterView::anInvalidPhoneIsExplainedAndNothingIsSaved()
{
    open(m_database->admin());
    const qint64 before = m_database->countRows(QStringLiteral("customers"));
    QTest::keyClick(m_lookup, Qt::Key_F2);
    auto* name = child<QLineEdit>("registerName");
    auto* phone = child<QLineEdit>("registerPhone");
    auto* phoneError = child<QLabel>("registerPhoneError");
    auto* nameError = child<QLabel>("registerNameError");
    QVERIFY(phoneError->isHidden());
    QTest::keyClicks(name, QStringLiteral("Tono"));
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("12"));
    QTest::keyClick(phone, Qt::Key_Return);

    QVERIFY(phoneError->isVisible());
    QVERIFY2(phoneError->text().startsWith(CounterView::tr("Phone")), qPrintable(phoneError->text()));
    QVERIFY(nameError->isHidden());
    QVERIFY(child<QGroupBox>("registerForm")->isVisible());
    QVERIFY(phone->hasFocus());
    QVERIFY(!m_view->attachedCustomer());
    QCOMPARE(m_database->countRows(QStringLiteral("customers")), before);

    // Both at once, each beside its own field.
    name->clear();
    QTest::keyClick(phone, Qt::Key_Return);
    QVERIFY(nameError->isVisible());
    QVERIFY(phoneError->isVisible());
    QCOMPARE(m_database->countRows(QStringLiteral("customers")), before);

    // A phone someone already has says who.
    QTest::keyClicks(name, QStringLiteral("Tono"));
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("+62 812 3456 7890"));
    QTest::keyClick(phone, Qt::Key_Return);
    QVERIFY(nameError->isHidden());
    QVERIFY2(phoneError->text().contains(QStringLiteral("Siti Rahayu")), qPrintable(phoneError->text()));
    QCOMPARE(m_database->countRows(QStringLiteral("customers")), before);

    // Esc leaves the form and what was typed.
    QTest::keyClick(phone, Qt::Key_Escape);
    QVERIFY(child<QGroupBox>("registerForm")->isHidden());
    QVERIFY(m_lookup->hasFocus());
}

void TestCounterView::aCashierSellsWithPointsAndTheShownDiscountIsTheSalesOwn()
{
    open(m_database->cashier());
    QSignalSpy completed(m_view.get(), &CounterView::saleCompleted);
    QTest::keyClicks(m_lookup, QStringLiteral("0812 3456 7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QTest::keyClick(m_lookup, Qt::Key_Enter);
    QCOMPARE(m_view->attachedCustomer()->id, m_member.id);
    addItem(QStringLiteral("GULA"), 3);
    addItem(QStringLiteral("TEH"));

    // 3 x 17,500 + 8,000 = 60,500; Bronze members 5 % off: 3,025; 57,475.
    QCOMPARE(text("saleSubtotal"), idr(60'500));
    const QString shownDiscount = text("saleDiscount");
    QCOMPARE(shownDiscount, idr(-3'025));
    auto* points = child<QSpinBox>("pointsRedeem");
    QVERIFY(points->isEnabled());
    QCOMPARE(points->maximum(), 120);
    points->setFocus();
    points->selectAll();
    QTest::keyClicks(points, QStringLiteral("10"));
    QCOMPARE(points->value(), 10);
    QCOMPARE(text("pointsAmount"), idr(-1'000));
    QCOMPARE(text("saleTotal"), idr(56'475));
    auto* method = child<QComboBox>("paymentMethod");
    method->setCurrentIndex(method->findText(SaleReceipt::methodName(PaymentMethod::Card)));
    QVERIFY(!child<QLineEdit>("paymentAmount")->isEnabled());
    QTest::keyClick(points, Qt::Key_F12);

    QCOMPARE(completed.count(), 1);
    auto sale = CheckoutService(m_database->db(), m_database->admin()).sale(completed.at(0).at(0).toString());
    QVERIFY(sale);
    QCOMPARE(sale->customerId, m_member.id);
    QCOMPARE(idr(-sale->discount), shownDiscount);
    QCOMPARE(sale->pointsRedeemed, 10);
    QCOMPARE(sale->createdBy, m_database->cashier().userId);
    QVERIFY(sale->payments.contains(Payment {PaymentMethod::Card, 56'475}));
    auto balances = LedgerService(m_database->db(), m_database->admin()).balances(m_member.id);
    QCOMPARE(balances->points, 120 - 10 + sale->pointsEarned);
}

void TestCounterView::anUnknownItemCodeIsSaidAndNothingIsAdded()
{
    open(m_database->admin());
    auto* code = child<QLineEdit>("itemSku");
    code->setFocus();
    QTest::keyClicks(code, QStringLiteral("NOPE"));
    QTest::keyClick(code, Qt::Key_Return);
    QVERIFY(child<QLabel>("itemError")->isVisible());
    QVERIFY(text("itemError").contains(QStringLiteral("NOPE")));
    QCOMPARE(child<QTableWidget>("saleLines")->rowCount(), 0);
    QVERIFY(child<QLabel>("noLines")->isVisible());
    // A line's quantity follows + and -, and Delete takes it off.
    addItem(QStringLiteral("TEH"));
    QVERIFY(child<QLabel>("itemError")->isHidden());
    auto* table = child<QTableWidget>("saleLines");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Plus);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2"));
    QCOMPARE(text("saleTotal"), idr(16'000));
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!child<QPushButton>("completeSale")->isEnabled());
}

void TestCounterView::theReceiptIsSavedAsPdf()
{
    open(m_database->admin());
    QVERIFY(!child<QPushButton>("printReceipt")->isEnabled());
    QVERIFY(!m_view->saveReceiptPdf(QDir::temp().filePath(QStringLiteral("never.pdf"))));
    QTest::keyClicks(m_lookup, QStringLiteral("7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QTest::keyClick(m_lookup, Qt::Key_Return);
    addItem(QStringLiteral("KOPI"));
    addItem(QStringLiteral("GULA"), 2);
    child<QSpinBox>("pointsRedeem")->setValue(5);
    QTest::keyClicks(child<QLineEdit>("paymentAmount"), QStringLiteral("100000"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    QVERIFY(m_view->lastSale());
    QVERIFY(text("saleMessage").contains(idr(43'500)));
    QVERIFY(child<QPushButton>("printReceipt")->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    QVERIFY(m_view->saveReceiptPdf(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    // What the paper says: the shop, the order, who bought, the total, the points and the change.
    const Sale& sale = *m_view->lastSale();
    const QString html = SaleReceipt(sale, m_database->company().name, QStringLiteral("IDR"), 43'500).html();
    for (const QString& expected :
        {m_database->company().name, sale.orderNumber, QStringLiteral("Siti Rahayu"), idr(57'000),
            SaleReceipt::tr("Points (%1)").arg(5), SaleReceipt::tr("Cash tendered"), idr(100'000), idr(43'500)})
        QVERIFY2(html.contains(expected.toHtmlEscaped()), qPrintable(expected));
}

void TestCounterView::everyControlIsNamedAndTabFollowsTheWork()
{
    open(m_database->admin());
    // A screen reader names every control the keyboard can reach.
    for (QWidget* w : m_view->findChildren<QWidget*>()) {
        if ((w->focusPolicy() & Qt::TabFocus) && !w->objectName().startsWith(u"qt_") && !w->objectName().isEmpty())
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    for (const char* name : {"findCustomerAction", "registerCustomerAction", "completeSaleAction"})
        QVERIFY(!child<QAction>(name)->shortcuts().isEmpty());
    QVERIFY(m_lookup->toolTip().contains(QStringLiteral("F2")));

    // From the phone to the items, then the quantity: the order of the work.
    QTest::keyClick(m_lookup, Qt::Key_Tab);
    QVERIFY(child<QLineEdit>("itemSku")->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(child<QSpinBox>("itemQuantity")->hasFocus());
    addItem(QStringLiteral("TEH"));
    child<QLineEdit>("paymentAmount")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(child<QPushButton>("completeSale")->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9);
    QVERIFY(child<QLineEdit>("paymentAmount")->hasFocus());
}

void TestCounterView::screenshot()
{
    open(m_database->manager());
    save(QStringLiteral("kasir-TestCounterView-empty.png"));
    QTest::keyClicks(m_lookup, QStringLiteral("7890"));
    QTRY_COMPARE(text("customerName"), QStringLiteral("Siti Rahayu"));
    QTest::keyClick(m_lookup, Qt::Key_Return);
    addItem(QStringLiteral("KOPI"), 2);
    addItem(QStringLiteral("GULA"), 3);
    addItem(QStringLiteral("TEH"));
    child<QSpinBox>("pointsRedeem")->setValue(20);
    QTest::keyClicks(child<QLineEdit>("paymentAmount"), QStringLiteral("150000"));
    save(QStringLiteral("kasir-TestCounterView.png"));

    // Looking while a customer is on the sale: several matches, and the form with its complaints.
    QTest::keyClicks(m_lookup, QStringLiteral("5555"));
    QTRY_COMPARE(child<QListWidget>("customerMatches")->count(), 2);
    QTest::keyClick(m_lookup, Qt::Key_F2);
    QTest::keyClicks(child<QLineEdit>("registerPhone"), QStringLiteral("12"));
    QTest::keyClick(child<QLineEdit>("registerPhone"), Qt::Key_Return);
    QVERIFY(child<QLabel>("registerNameError")->isVisible());
    save(QStringLiteral("kasir-TestCounterView-lookup.png"));

    // A blocked customer, and a sale that core refused.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    m_lookup->clear();
    QTest::keyClicks(m_lookup, QStringLiteral("4321"));
    QTRY_VERIFY(child<QLabel>("blockedWarning")->isVisible());
    QTest::keyClick(m_lookup, Qt::Key_Return);
    auto* method = child<QComboBox>("paymentMethod");
    method->setCurrentIndex(method->findText(SaleReceipt::methodName(PaymentMethod::StoreCredit)));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
    QVERIFY(child<QLabel>("saleMessage")->isVisible());
    save(QStringLiteral("kasir-TestCounterView-blocked.png"));
}

void TestCounterView::save(const QString& name)
{
    // Lets the layouts settle as they would before the next paint.
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_view->size() * m_view->devicePixelRatio());
    const QString path = QDir(QDir::tempPath()).filePath(name);
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestCounterView)
#include "TestCounterView.moc"
