#include "core/domain/Analytics.h"
#include "core/domain/Customer.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Ledger.h"
#include "core/domain/Money.h"
#include "core/domain/Rfm.h"
#include "core/services/AnalyticsService.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/ProductService.h"
#include "core/services/RfmService.h"
#include "tests/support/TestDatabase.h"
#include "tests/ui/SampleCustomers.h"
#include "ui/views/DashboardView.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>

#include <cmath>
#include <memory>

namespace kasir::test {

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr int kMonths = 13; // a little over a year of trading, so every chart month has some

struct Shop
{
    std::unique_ptr<TestDatabase> database;
    QList<Customer> customers;
};

void addProducts(TestDatabase& t)
{
    ProductService products(t.db(), t.admin());
    for (const auto& [sku, price] :
        {std::pair {"TEH", 18'000}, std::pair {"KOPI", 32'000}, std::pair {"ROTI", 25'000}}) {
        ProductService::ProductInput in;
        in.sku = QString::fromLatin1(sku);
        in.name = QString::fromLatin1(sku);
        in.price = price;
        QVERIFY(products.add(in).ok());
    }
}

// A shop that opened a year ago: registrations and sales grow month by month, a few
// refunds, some customers on account and some holding credit, ranked into segments.
void trade(Shop& shop, int customersPerMonth)
{
    TestDatabase& t = *shop.database;
    addProducts(t);
    QRandomGenerator rng(2026);
    const qint64 end = t.clock().nowMs() + 19 * kDay; // 20 January
    t.clock().set(end - kMonths * 30 * kDay);
    CustomerService registry(t.db(), t.admin());
    CheckoutService till(t.db(), t.cashier());
    const QStringList levels {
        QStringLiteral("bronze"), QStringLiteral("bronze"), QStringLiteral("silver"), QStringLiteral("gold")};
    const QStringList skus {QStringLiteral("TEH"), QStringLiteral("KOPI"), QStringLiteral("ROTI")};
    QStringList orders;
    int index = 0;
    while (t.clock().nowMs() < end) {
        const int month = int(shop.customers.size()) / std::max(1, customersPerMonth);
        if (rng.bounded(30) < customersPerMonth * (10 + month) / 16) {
            CustomerInput in;
            in.name = SampleCustomers::name(index);
            in.phone = SampleCustomers::phone(index);
            in.type = SampleCustomers::type(index);
            in.level = levels.at(rng.bounded(int(levels.size())));
            auto made = registry.create(in);
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().describe()));
            shop.customers << *made;
            ++index;
        }
        // Regulars come back often; most others now and then.
        for (int k = 0; k < shop.customers.size(); ++k) {
            const int loyalty = k % 7 == 0 ? 6 : k % 3 == 0 ? 20 : 60;
            if (rng.bounded(loyalty) != 0)
                continue;
            SaleRequest sale;
            sale.customer = shop.customers.at(k).id;
            sale.items = {{skus.at(rng.bounded(3)), 1 + rng.bounded(4)}, {skus.at(rng.bounded(3)), 1}};
            sale.payments = {{PaymentMethod::Cash, 200'000}};
            auto sold = till.complete(sale);
            QVERIFY2(sold.ok(), qPrintable(sold ? QString() : sold.error().describe()));
            orders << sold->orderNumber;
        }
        if (!orders.isEmpty() && rng.bounded(25) == 0)
            QVERIFY(CheckoutService(t.db(), t.manager())
                        .refund(orders.takeAt(rng.bounded(int(orders.size()))), QStringLiteral("returned"))
                        .ok());
        t.clock().advance(kDay - 1000 + rng.bounded(2000));
    }
    LedgerService ledger(t.db(), t.manager());
    for (int k = 0; k < shop.customers.size(); k += 11) {
        const QString id = shop.customers.at(k).id;
        if (k % 2 == 0) {
            QVERIFY(
                ledger.addCredit(id, 10'000 + rng.bounded(90'000), CreditKind::Credit, QStringLiteral("top-up")).ok());
        } else {
            QVERIFY(ledger.setCreditLimit(id, 500'000).ok());
            QVERIFY(ledger.debitCredit(id, 20'000 + rng.bounded(200'000), QStringLiteral("on account")).ok());
        }
    }
    QVERIFY(RfmService(t.db(), t.manager()).recompute().ok());
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString percent(double value)
{
    return QLocale().toString(value, 'f', 1) + QLocale().percent();
}

// Where a manager would put the mouse on a chart element, in the view's coordinates.
QPoint viewPoint(QChartView* view, QPointF scenePoint)
{
    return view->mapFromScene(scenePoint);
}

// The middle of a doughnut slice: Qt Charts starts at twelve o'clock and goes clockwise.
QPoint sliceCentre(QChartView* view, QPieSeries* pie, QPieSlice* slice)
{
    const QRectF area = view->chart()->plotArea();
    const qreal radius = std::min(area.width(), area.height()) / 2 * (pie->pieSize() + pie->holeSize()) / 2;
    const qreal angle = qDegreesToRadians(slice->startAngle() + slice->angleSpan() / 2);
    return viewPoint(view, area.center() + QPointF(radius * std::sin(angle), -radius * std::cos(angle)));
}

template<typename Series>
Series* onlySeries(QChartView* view)
{
    const QList<QAbstractSeries*> all = view->chart()->series();
    return all.size() == 1 ? qobject_cast<Series*>(all.first()) : nullptr;
}

} // namespace

class TestDashboardView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cardsShowTheFiguresTheServiceComputes();
    void refreshShowsANewCustomer();
    void cardsAskForTheirCustomers();
    void aLevelSliceAsksForThatLevel();
    void aSegmentBarAsksForThatSegment();
    void aMonthBarAsksForThatMonthsRegistrations();
    void aTopCustomerRowOpensTheCustomer();
    void aCashierIsToldTheDashboardIsNotForThem();
    void aCompanyWithoutCustomersShowsTheEmptyState();
    void screenshot();

private:
    QPushButton* card(const QString& name) const;
    QString cardValue(const QString& name) const;
    QString currentPage() const;

    Shop m_shop;
    std::unique_ptr<DashboardView> m_view;
};

void TestDashboardView::initTestCase()
{
    m_shop.database = std::make_unique<TestDatabase>();
    trade(m_shop, 20);
}

void TestDashboardView::init()
{
    TestDatabase& t = *m_shop.database;
    m_view = std::make_unique<DashboardView>(t.db(), t.manager(), t.company());
    m_view->resize(1366, 768);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestDashboardView::cleanup()
{
    m_view.reset();
}

QPushButton* TestDashboardView::card(const QString& name) const
{
    auto* button = m_view->findChild<QPushButton*>(name);
    if (!button)
        qFatal("no card %s", qPrintable(name));
    return button;
}

QString TestDashboardView::cardValue(const QString& name) const
{
    return card(name)->findChild<QLabel*>(QStringLiteral("cardValue"))->text();
}

QString TestDashboardView::currentPage() const
{
    return m_view->findChild<QStackedWidget*>(QStringLiteral("dashboardPages"))->currentWidget()->objectName();
}

void TestDashboardView::cardsShowTheFiguresTheServiceComputes()
{
    TestDatabase& t = *m_shop.database;
    auto o = AnalyticsService(t.db(), t.manager()).overview();
    QVERIFY(o.ok());
    // The shop must have each kind of figure, or a card showing zero would prove nothing.
    QVERIFY(o->totalCustomers > 100 && o->vipCustomers > 0 && o->newThisMonth > 0 && o->churned > 0);
    QVERIFY(o->customersWithDebt > 0 && o->customersWithCredit > 0 && o->repeatCustomers > 0);

    QCOMPARE(currentPage(), QStringLiteral("dashboardContent"));
    const QString currency = t.company().currency;
    QCOMPARE(cardValue(QStringLiteral("totalCustomersCard")), number(o->totalCustomers));
    QCOMPARE(cardValue(QStringLiteral("activeCustomersCard")), number(o->activeCustomers));
    QCOMPARE(cardValue(QStringLiteral("membersCard")), number(o->membershipActive));
    QCOMPARE(cardValue(QStringLiteral("vipCustomersCard")), number(o->vipCustomers));
    QCOMPARE(cardValue(QStringLiteral("newThisMonthCard")), number(o->newThisMonth));
    QCOMPARE(cardValue(QStringLiteral("repeatPercentCard")), percent(o->repeatPercent));
    QCOMPARE(cardValue(QStringLiteral("churnedCard")), number(o->churned));
    QCOMPARE(cardValue(QStringLiteral("totalRevenueCard")), Money::format(o->totalRevenue, currency));
    QCOMPARE(cardValue(QStringLiteral("averageLifetimeValueCard")), Money::format(o->averageLifetimeValue, currency));
    QCOMPARE(cardValue(QStringLiteral("averagePurchasesCard")), QLocale().toString(o->averagePurchases, 'f', 1));
    QCOMPARE(cardValue(QStringLiteral("customersWithDebtCard")), number(o->customersWithDebt));
    QCOMPARE(cardValue(QStringLiteral("totalDebtCard")), Money::format(o->totalDebt, currency));
    QCOMPARE(cardValue(QStringLiteral("totalCreditCard")), Money::format(o->totalCredit, currency));
    // A screen reader hears the figure with its name.
    QCOMPARE(card(QStringLiteral("totalRevenueCard"))->accessibleName(),
        QStringLiteral("Total revenue: ") + Money::format(o->totalRevenue, currency));

    // Every card is on screen at the laptop size, in two rows, without scrolling sideways.
    auto* scroll = m_view->findChild<QScrollArea*>(QStringLiteral("dashboardContent"));
    QVERIFY(!scroll->horizontalScrollBar()->isVisible());
    QSet<int> rows;
    for (QPushButton* button : m_view->findChildren<QPushButton*>(QRegularExpression(QStringLiteral("Card$")))) {
        const QRect inViewport(button->mapTo(scroll->viewport(), QPoint()), button->size());
        QVERIFY2(scroll->viewport()->rect().contains(inViewport), qPrintable(button->objectName()));
        rows.insert(inViewport.top());
    }
    QCOMPARE(rows.size(), 2);
}

void TestDashboardView::refreshShowsANewCustomer()
{
    TestDatabase& t = *m_shop.database;
    const qint64 before = AnalyticsService(t.db(), t.manager()).overview()->totalCustomers;
    CustomerInput in;
    in.name = QStringLiteral("Pelanggan Baru");
    in.type = QStringLiteral("vip");
    auto made = CustomerService(t.db(), t.admin()).create(in);
    QVERIFY(made.ok());
    m_shop.customers << *made;
    QCOMPARE(cardValue(QStringLiteral("totalCustomersCard")), number(before));
    QTest::mouseClick(m_view->findChild<QPushButton*>(QStringLiteral("dashboardRefresh")), Qt::LeftButton);
    QCOMPARE(cardValue(QStringLiteral("totalCustomersCard")), number(before + 1));
    auto* recent = m_view->findChild<QTableWidget*>(QStringLiteral("recentCustomers"));
    QCOMPARE(recent->item(0, 0)->text(), QStringLiteral("Pelanggan Baru"));
}

void TestDashboardView::cardsAskForTheirCustomers()
{
    QSignalSpy spy(m_view.get(), &DashboardView::customersRequested);

    QTest::mouseClick(card(QStringLiteral("customersWithDebtCard")), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    auto query = spy.at(0).at(0).value<CustomerQuery>();
    QCOMPARE(query.balance, std::optional(CustomerQuery::Balance::Debt));
    QVERIFY(!query.type && !query.level && query.frequencies.isEmpty());
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Customers in debt"));

    QTest::mouseClick(card(QStringLiteral("vipCustomersCard")), Qt::LeftButton);
    QCOMPARE(spy.size(), 2);
    query = spy.at(1).at(0).value<CustomerQuery>();
    QCOMPARE(query.type, std::optional(CustomerType::Vip));
    QVERIFY(!query.balance);

    // The keyboard reaches a card too.
    card(QStringLiteral("repeatPercentCard"))->setFocus();
    QTest::keyClick(card(QStringLiteral("repeatPercentCard")), Qt::Key_Space);
    QCOMPARE(spy.size(), 3);
    query = spy.at(2).at(0).value<CustomerQuery>();
    QCOMPARE(query.frequencies,
        (QList<RepeatFrequency> {RepeatFrequency::Occasional, RepeatFrequency::Regular, RepeatFrequency::Frequent}));

    // An average is not a list of customers: nothing opens.
    QTest::mouseClick(card(QStringLiteral("averagePurchasesCard")), Qt::LeftButton);
    QCOMPARE(spy.size(), 3);
    QCOMPARE(card(QStringLiteral("averagePurchasesCard"))->focusPolicy(), Qt::NoFocus);
}

// The chart tests click with the mouse where the element is drawn (the slice's middle, the
// bar's middle from QChart::mapToPosition), so they fail if the element cannot be hit.
void TestDashboardView::aLevelSliceAsksForThatLevel()
{
    auto* view = m_view->findChild<QChartView*>(QStringLiteral("levelChart"));
    QVERIFY(view);
    auto* pie = onlySeries<QPieSeries>(view);
    QVERIFY(pie);
    QCOMPARE(pie->count(), 4);
    const auto o = AnalyticsService(m_shop.database->db(), m_shop.database->manager()).overview();
    QCOMPARE(pie->slices().at(2)->label(), QStringLiteral("Gold: ") + number(o->byLevel.at(2).customers));
    QVERIFY(o->byLevel.at(2).customers > 0);

    QSignalSpy spy(m_view.get(), &DashboardView::customersRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, sliceCentre(view, pie, pie->slices().at(2)));
    QCOMPARE(spy.size(), 1);
    const auto query = spy.at(0).at(0).value<CustomerQuery>();
    QCOMPARE(query.level, std::optional(MembershipLevel::Gold));
    QVERIFY(!query.type && !query.createdFrom);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Level: Gold"));
}

void TestDashboardView::aSegmentBarAsksForThatSegment()
{
    auto* view = m_view->findChild<QChartView*>(QStringLiteral("segmentChart"));
    QVERIFY(view);
    auto* series = onlySeries<QHorizontalBarSeries>(view);
    QVERIFY(series);
    auto* categories = qobject_cast<QBarCategoryAxis*>(view->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(categories);
    // The segments' own names, best at the top.
    QCOMPARE(categories->categories().constLast(), Rfm::label(RfmSegment::Champions));
    QCOMPARE(categories->count(), Rfm::segments().size());

    const int loyal = int(categories->categories().indexOf(Rfm::label(RfmSegment::Loyal)));
    const qreal customers = series->barSets().at(0)->at(loyal);
    QVERIFY(customers > 0);
    QSignalSpy spy(m_view.get(), &DashboardView::customersRequested);
    const QPointF middle = view->chart()->mapToPosition(QPointF(customers / 2, loyal), series);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPoint(view, middle));
    QCOMPARE(spy.size(), 1);
    const auto query = spy.at(0).at(0).value<CustomerQuery>();
    QCOMPARE(query.segments, QList<RfmSegment> {RfmSegment::Loyal});
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Segment: Loyal"));
}

void TestDashboardView::aMonthBarAsksForThatMonthsRegistrations()
{
    TestDatabase& t = *m_shop.database;
    const auto months = AnalyticsService(t.db(), t.manager()).months();
    QVERIFY(months.ok());
    auto* view = m_view->findChild<QChartView*>(QStringLiteral("newCustomersChart"));
    auto* series = onlySeries<QBarSeries>(view);
    QVERIFY(series);
    auto* categories = qobject_cast<QBarCategoryAxis*>(view->chart()->axes(Qt::Horizontal).value(0));
    QCOMPARE(categories->count(), 12);
    QCOMPARE(categories->at(11), QLocale().standaloneMonthName(months->at(11).month.month(), QLocale::ShortFormat));

    const int index = 4;
    const MonthFigures& month = months->at(index);
    QVERIFY(month.newCustomers > 0);
    QCOMPARE(series->barSets().at(0)->at(index), qreal(month.newCustomers));
    QSignalSpy spy(m_view.get(), &DashboardView::customersRequested);
    const QPointF middle = view->chart()->mapToPosition(QPointF(index, qreal(month.newCustomers) / 2), series);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPoint(view, middle));
    QCOMPARE(spy.size(), 1);
    const auto query = spy.at(0).at(0).value<CustomerQuery>();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    QCOMPARE(query.createdFrom, std::optional(month.month.startOfDay(zone).toMSecsSinceEpoch()));
    QCOMPARE(query.createdTo, std::optional(month.month.addMonths(1).startOfDay(zone).toMSecsSinceEpoch()));
    QVERIFY(spy.at(0).at(1).toString().contains(QString::number(month.month.year())));
}

void TestDashboardView::aTopCustomerRowOpensTheCustomer()
{
    TestDatabase& t = *m_shop.database;
    const auto top = AnalyticsService(t.db(), t.manager()).top(RankBy::Revenue, DashboardView::listLimit);
    QVERIFY(top.ok() && top->size() == DashboardView::listLimit);
    auto* table = m_view->findChild<QTableWidget*>(QStringLiteral("topByRevenue"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->rowCount(), DashboardView::listLimit);
    QCOMPARE(table->item(0, 0)->text(), top->at(0).name);
    QCOMPARE(table->item(0, 3)->text(), Money::format(top->at(0).metrics.totalSpent, t.company().currency));
    // All ten rows show without scrolling.
    QVERIFY(
        table->visualItemRect(table->item(DashboardView::listLimit - 1, 0)).bottom() <= table->viewport()->height());

    QSignalSpy spy(m_view.get(), &DashboardView::customerOpened);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(2, 1)).center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), top->at(2).id);

    // Return opens the current row.
    table->setFocus();
    table->setCurrentCell(4, 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), top->at(4).id);
}

void TestDashboardView::aCashierIsToldTheDashboardIsNotForThem()
{
    TestDatabase& t = *m_shop.database;
    DashboardView view(t.db(), t.cashier(), t.company());
    view.resize(1366, 768);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* pages = view.findChild<QStackedWidget*>(QStringLiteral("dashboardPages"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardUnavailable"));
    const auto* title = pages->currentWidget()->findChild<QLabel*>(QStringLiteral("messageTitle"));
    QVERIFY(title->isVisible());
    QVERIFY2(title->text().contains(QStringLiteral("not available for your role")), qPrintable(title->text()));
    // The explanation shows whole, not cut to one line.
    const auto* text = pages->currentWidget()->findChild<QLabel*>(QStringLiteral("messageText"));
    QVERIFY(text->isVisible() && text->text().contains(QStringLiteral("managers")));
    QVERIFY(text->height() >= text->heightForWidth(text->width()));
    // No figure anywhere, and nothing to refresh.
    for (const QLabel* value : view.findChildren<QLabel*>(QStringLiteral("cardValue")))
        QVERIFY(value->text().isEmpty() && !value->isVisible());
    QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("dashboardRefresh"))->isVisible());
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("dashboardAsOf"))->text().isEmpty());
    QVERIFY(!view.findChild<QTableWidget*>(QStringLiteral("topByRevenue"))->rowCount());
    QVERIFY(!QApplication::activeModalWidget());
}

void TestDashboardView::aCompanyWithoutCustomersShowsTheEmptyState()
{
    TestDatabase empty;
    DashboardView view(empty.db(), empty.manager(), empty.company());
    view.resize(1366, 768);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* pages = view.findChild<QStackedWidget*>(QStringLiteral("dashboardPages"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardEmpty"));
    QCOMPARE(pages->currentWidget()->findChild<QLabel*>(QStringLiteral("messageTitle"))->text(),
        QStringLiteral("No customers yet"));
    QVERIFY(view.findChild<QPushButton*>(QStringLiteral("dashboardRefresh"))->isVisible());

    // The first registration fills the dashboard at the next refresh.
    CustomerInput in;
    in.name = QStringLiteral("Pertama");
    QVERIFY(CustomerService(empty.db(), empty.admin()).create(in).ok());
    view.refresh();
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardContent"));
    QCOMPARE(view.findChild<QPushButton*>(QStringLiteral("totalCustomersCard"))
                 ->findChild<QLabel*>(QStringLiteral("cardValue"))
                 ->text(),
        number(1));
    // No sales yet: the top lists say so instead of showing an empty table.
    auto* topEmpty = view.findChild<QLabel*>(QStringLiteral("topByRevenueEmpty"));
    QVERIFY(topEmpty->isVisible());
    QVERIFY(!topEmpty->text().isEmpty());
}

void TestDashboardView::screenshot()
{
    const QString dir = QDir::tempPath();
    const QImage image = m_view->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("dashboard.png"))));
    auto* scroll = m_view->findChild<QScrollArea*>(QStringLiteral("dashboardContent"));
    QVERIFY(scroll->widget()->grab().save(QDir(dir).filePath(QStringLiteral("dashboard-full.png"))));
    m_view->resize(1920, 1080);
    QVERIFY(m_view->grab().save(QDir(dir).filePath(QStringLiteral("dashboard-1920.png"))));

    // A dark desktop: the charts follow it.
    const QPalette light = QApplication::palette();
    QApplication::setPalette(QPalette(QColor(0x35, 0x35, 0x35)));
    m_view->resize(1366, 768);
    QTRY_VERIFY(m_view->palette().color(QPalette::Window).lightness() < 128);
    const QImage dark = m_view->grab().toImage();
    QApplication::setPalette(light);
    QVERIFY(dark.save(QDir(dir).filePath(QStringLiteral("dashboard-dark.png"))));
    qInfo("screenshots: %s/dashboard*.png", qPrintable(dir));
}

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestDashboardView)
#include "TestDashboardView.moc"
