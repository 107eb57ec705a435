#include "ui/views/DashboardView.h"

#include "core/domain/Analytics.h"
#include "core/domain/Customer.h"
#include "core/domain/CustomerMetrics.h"
#include "core/domain/Money.h"
#include "core/domain/Rfm.h"
#include "core/services/AnalyticsService.h"
#include "core/services/RfmService.h"
#include "ui/widgets/LongTask.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

namespace kasir {

struct DashboardView::Data
{
    AnalyticsService::Dashboard dashboard;
};

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr int kMaxCardColumns = 7;
constexpr int kChartMinimumHeight = 250;
constexpr int kChartMinimumWidth = 280;

// The cards in the order they are laid out, customers first, money second.
enum CardIndex
{
    TotalCard,
    ActiveCard,
    MembersCard,
    VipCard,
    NewCard,
    RepeatCard,
    ChurnedCard,
    RevenueCard,
    LifetimeValueCard,
    PurchasesCard,
    DebtorsCard,
    DebtCard,
    CreditCard,
    PointsCard,
    CardCount,
};

const QString kContentPage = QStringLiteral("dashboardContent");
const QString kEmptyPage = QStringLiteral("dashboardEmpty");
const QString kUnavailablePage = QStringLiteral("dashboardUnavailable");
const QString kErrorPage = QStringLiteral("dashboardError");

QFont scaledFont(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString percent(double value)
{
    const QLocale locale;
    return locale.toString(value, 'f', 1) + locale.percent();
}

QString monthName(QDate month)
{
    return QLocale().standaloneMonthName(month.month(), QLocale::LongFormat);
}

QString monthAndYear(QDate month)
{
    return DashboardView::tr("%1 %2", "month and year").arg(monthName(month)).arg(month.year());
}

// A round step (1, 2 or 5 times a power of ten, at least `floor`) that cuts 0..max into
// about four parts, so that every gridline falls on a number a person would write.
qreal niceStep(qreal max, qreal floor)
{
    const qreal rough = std::max(max / 4.0, floor);
    const qreal power = std::pow(10.0, std::floor(std::log10(rough)));
    for (qreal factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= rough)
            return factor * power;
    }
    return 10.0 * power;
}

QValueAxis* valueAxis(qreal max, qreal floor)
{
    auto* axis = new QValueAxis;
    const qreal step = niceStep(max, floor);
    const int parts = std::max(1, static_cast<int>(std::ceil(max / step)));
    axis->setRange(0, parts * step);
    axis->setTickCount(parts + 1);
    axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    return axis;
}

} // namespace

DashboardView::DashboardView(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_company(company), m_zone(QTimeZone::systemTimeZone())
{
    setObjectName(QStringLiteral("dashboardView"));
    setAccessibleName(tr("Membership dashboard"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("dashboardPages"));
    m_pages->addWidget(createContent());
    QLabel* title = nullptr;
    QLabel* text = nullptr;
    m_pages->addWidget(createMessagePage(kEmptyPage, &title, &text));
    title->setText(tr("No customers yet"));
    text->setText(tr("Once customers are registered and start buying, their figures appear here: how many there "
                     "are, what they spend and who comes back."));
    m_pages->addWidget(createMessagePage(kUnavailablePage, &title, &text));
    title->setText(tr("The dashboard is not available for your role"));
    text->setText(tr("The company's customer figures are for managers and administrators. Ask one of them if you "
                     "need them."));
    m_pages->addWidget(createMessagePage(kErrorPage, &m_errorTitle, &m_errorText));
    m_errorTitle->setText(tr("The figures could not be read"));
    layout->addWidget(m_pages, 1);

    auto* refreshAction = new QAction(tr("Refresh Dashboard"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &DashboardView::refresh);
    addAction(refreshAction);

    refresh();
}

DashboardView::~DashboardView() = default;

QWidget* DashboardView::createHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);

    auto* title = new QLabel(tr("Membership dashboard"), header);
    title->setObjectName(QStringLiteral("dashboardTitle"));
    title->setFont(scaledFont(font(), 1.4, true));
    row->addWidget(title);
    row->addStretch(1);

    m_asOf = new QLabel(header);
    m_asOf->setObjectName(QStringLiteral("dashboardAsOf"));
    m_asOf->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_asOf);

    m_refresh = new QPushButton(tr("&Refresh"), header);
    m_refresh->setObjectName(QStringLiteral("dashboardRefresh"));
    m_refresh->setAccessibleName(tr("Refresh the dashboard"));
    m_refresh->setToolTip(
        tr("Read the figures again (%1)").arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refresh, &QPushButton::clicked, this, &DashboardView::refresh);
    if (m_actor.can(Permission::Maintenance)) {
        m_rankAgain = new QPushButton(tr("Rank &segments again"), header);
        m_rankAgain->setObjectName(QStringLiteral("rankAgainButton"));
        m_rankAgain->setAccessibleName(tr("Rank the customers into segments again"));
        m_rankAgain->setToolTip(tr("Scores every customer with purchases against the others again. On a big "
                                   "directory this takes a while; sales wait for it meanwhile."));
        connect(m_rankAgain, &QPushButton::clicked, this, &DashboardView::rankAgain);
        row->addWidget(m_rankAgain);
    }
    row->addWidget(m_refresh);
    return header;
}

bool DashboardView::rankAgain()
{
    if (!m_actor.can(Permission::Maintenance))
        return false;
    const Status done = LongTask::run(this, m_db, tr("Ranking the customers into segments…"),
        [&db = m_db, actor = m_actor](const LongTask::Control& control) {
            auto ranked = RfmService(db, actor).recompute(control.progress, control.cancelled);
            return ranked ? Status(Done {}) : Status(ranked.error());
        });
    if (!done && !done.error().isCancelled()) {
        QMessageBox::warning(this, tr("Ranking the customers"),
            tr("The customers were not ranked again: %1").arg(done.error().describe()));
        return false;
    }
    refresh();
    return done.ok();
}

QWidget* DashboardView::createContent()
{
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(kContentPage);
    m_scroll->setAccessibleName(tr("Dashboard figures"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->viewport()->installEventFilter(this);

    auto* content = new QWidget(m_scroll);
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);

    m_cardArea = new QWidget(content);
    m_cardGrid = new QGridLayout(m_cardArea);
    m_cardGrid->setContentsMargins(0, 0, 0, 0);
    addCard(QStringLiteral("totalCustomersCard"), tr("Customers"));
    addCard(QStringLiteral("activeCustomersCard"), tr("Active"));
    addCard(QStringLiteral("membersCard"), tr("Members"));
    addCard(QStringLiteral("vipCustomersCard"), tr("VIP"));
    addCard(QStringLiteral("newThisMonthCard"), tr("New this month"));
    addCard(QStringLiteral("repeatPercentCard"), tr("Repeat customers"));
    addCard(QStringLiteral("churnedCard"), tr("Churned"));
    addCard(QStringLiteral("totalRevenueCard"), tr("Total revenue"));
    addCard(QStringLiteral("averageLifetimeValueCard"), tr("Average lifetime value"));
    addCard(QStringLiteral("averagePurchasesCard"), tr("Average purchases"));
    addCard(QStringLiteral("customersWithDebtCard"), tr("Customers in debt"));
    addCard(QStringLiteral("totalDebtCard"), tr("Total debt"));
    addCard(QStringLiteral("totalCreditCard"), tr("Store credit held"));
    addCard(QStringLiteral("pointsOutstandingCard"), tr("Points outstanding"));
    Q_ASSERT(m_cards.size() == CardCount);
    layOutCards();
    grid->addWidget(m_cardArea, 0, 0, 1, 6);

    m_newCustomersChart
        = createChartView(QStringLiteral("newCustomersChart"), tr("New customers per month, last 12 months"));
    grid->addWidget(
        createPanel(tr("New customers per month"), m_newCustomersChart, nullptr, &m_newCustomersHeading), 1, 0, 1, 3);
    m_revenueChart = createChartView(QStringLiteral("revenueChart"), tr("Revenue per month, last 12 months"));
    grid->addWidget(createPanel(tr("Revenue per month"), m_revenueChart, nullptr, &m_revenueHeading), 1, 3, 1, 3);

    m_levelChart = createChartView(QStringLiteral("levelChart"), tr("Customers by membership level"));
    grid->addWidget(createPanel(tr("Customers by level"), m_levelChart), 2, 0, 1, 2);
    m_frequencyChart = createChartView(QStringLiteral("frequencyChart"), tr("Customers by how often they buy"));
    grid->addWidget(createPanel(tr("How often customers buy"), m_frequencyChart), 2, 2, 1, 2);
    m_segmentChart = createChartView(QStringLiteral("segmentChart"), tr("Customers per RFM segment"));
    grid->addWidget(createPanel(tr("Customer segments"), m_segmentChart, &m_segmentNote), 2, 4, 1, 2);

    m_topTabs = new QTabWidget(content);
    m_topTabs->setObjectName(QStringLiteral("topCustomers"));
    m_topTabs->setAccessibleName(tr("Top customers"));
    m_topByRevenue = createList(QStringLiteral("topByRevenue"), tr("Top customers by revenue"),
        {tr("Customer"), tr("Code"), tr("Level"), tr("Spent")});
    m_topTabs->addTab(m_topByRevenue.stack, tr("By revenue"));
    m_topBySales = createList(QStringLiteral("topBySales"), tr("Top customers by purchases"),
        {tr("Customer"), tr("Code"), tr("Level"), tr("Purchases")});
    m_topTabs->addTab(m_topBySales.stack, tr("By purchases"));
    m_topByBalance = createList(QStringLiteral("topByBalance"), tr("Top customers by store credit"),
        {tr("Customer"), tr("Code"), tr("Level"), tr("Credit")});
    m_topTabs->addTab(m_topByBalance.stack, tr("By store credit"));
    grid->addWidget(createPanel(tr("Top customers"), m_topTabs), 3, 0, 1, 3);

    m_recent = createList(QStringLiteral("recentCustomers"), tr("Recently registered customers"),
        {tr("Customer"), tr("Code"), tr("Type"), tr("Registered")});
    grid->addWidget(createPanel(tr("Recently registered"), m_recent.stack), 3, 3, 1, 3);

    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);
    // A tall screen gives its height to the charts.
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    m_scroll->setWidget(content);
    return m_scroll;
}

QWidget* DashboardView::createMessagePage(const QString& name, QLabel** title, QLabel** text)
{
    auto* page = new QWidget(this);
    page->setObjectName(name);
    auto* column = new QVBoxLayout(page);
    column->addStretch(1);
    *title = new QLabel(page);
    (*title)->setObjectName(QStringLiteral("messageTitle"));
    (*title)->setFont(scaledFont(font(), 1.3, true));
    (*title)->setAlignment(Qt::AlignCenter);
    (*title)->setWordWrap(true);
    column->addWidget(*title);
    *text = new QLabel(page);
    (*text)->setObjectName(QStringLiteral("messageText"));
    (*text)->setAlignment(Qt::AlignCenter);
    (*text)->setWordWrap(true);
    // A fixed measure between stretches (not an alignment, which the box layout would
    // measure at its full width) lets the wrapped text take the height it needs.
    (*text)->setFixedWidth(fontMetrics().averageCharWidth() * 64);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(*text);
    row->addStretch(1);
    column->addLayout(row);
    column->addStretch(2);
    return page;
}

QWidget* DashboardView::createPanel(const QString& title, QWidget* body, QLabel** note, QLabel** heading)
{
    auto* panel = new QFrame;
    panel->setFrameShape(QFrame::StyledPanel);
    auto* column = new QVBoxLayout(panel);
    auto* titleLabel = new QLabel(title, panel);
    titleLabel->setFont(scaledFont(font(), 1.1, true));
    column->addWidget(titleLabel);
    if (heading)
        *heading = titleLabel;
    column->addWidget(body, 1);
    if (note) {
        *note = new QLabel(panel);
        (*note)->setWordWrap(true);
        (*note)->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(*note);
    }
    return panel;
}

QChartView* DashboardView::createChartView(const QString& name, const QString& accessibleName)
{
    auto* view = new QChartView;
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumSize(kChartMinimumWidth, kChartMinimumHeight);
    // The chart draws no background of its own (applyTheme): the view shows the window.
    view->setBackgroundRole(QPalette::Window);
    return view;
}

DashboardView::RankedList DashboardView::createList(
    const QString& name, const QString& accessibleName, const QStringList& headers)
{
    RankedList list;
    list.stack = new QStackedWidget;
    list.table = new QTableWidget(0, static_cast<int>(headers.size()), list.stack);
    list.table->setObjectName(name);
    list.table->setAccessibleName(accessibleName);
    list.table->setHorizontalHeaderLabels(headers);
    list.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    list.table->setSelectionMode(QAbstractItemView::SingleSelection);
    list.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list.table->setAlternatingRowColors(true);
    list.table->setShowGrid(false);
    list.table->setWordWrap(false);
    list.table->setCursor(Qt::PointingHandCursor);
    list.table->setToolTip(tr("Click a customer to open them"));
    list.table->verticalHeader()->hide();
    const int rowHeight = list.table->fontMetrics().height() + 10;
    list.table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    list.table->verticalHeader()->setDefaultSectionSize(rowHeight);
    QHeaderView* header = list.table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // The whole list shows without a scroll bar.
    list.table->setMinimumHeight(
        header->sizeHint().height() + listLimit * rowHeight + 2 * list.table->frameWidth() + 2);
    connect(list.table, &QTableWidget::cellClicked, this,
        [this, table = list.table](int row, int) { openRow(table, row); });
    list.table->installEventFilter(this);
    list.stack->addWidget(list.table);

    list.empty = new QLabel(list.stack);
    list.empty->setObjectName(name + QStringLiteral("Empty"));
    list.empty->setAlignment(Qt::AlignCenter);
    list.empty->setWordWrap(true);
    list.empty->setForegroundRole(QPalette::PlaceholderText);
    list.stack->addWidget(list.empty);
    return list;
}

int DashboardView::addCard(const QString& name, const QString& title)
{
    Card card;
    card.title = title;
    card.button = new QPushButton(m_cardArea);
    card.button->setObjectName(name);
    card.button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    auto* column = new QVBoxLayout(card.button);
    column->setSizeConstraint(QLayout::SetMinimumSize);
    column->setSpacing(2);
    auto* titleLabel = new QLabel(title, card.button);
    titleLabel->setObjectName(QStringLiteral("cardTitle"));
    card.value = new QLabel(card.button);
    card.value->setObjectName(QStringLiteral("cardValue"));
    card.value->setFont(scaledFont(font(), 1.6, true));
    card.caption = new QLabel(card.button);
    card.caption->setObjectName(QStringLiteral("cardCaption"));
    card.caption->setFont(scaledFont(font(), 0.9, false));
    card.caption->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel* label : {titleLabel, card.value, card.caption}) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        column->addWidget(label);
    }
    const int index = static_cast<int>(m_cards.size());
    connect(card.button, &QPushButton::clicked, this, [this, index] { openCard(index); });
    m_cards.append(card);
    return index;
}

// As many cards side by side as the width takes (seven at most), the rows filled evenly. A
// column is as wide as its widest figure needs, so one long amount does not cost a column.
void DashboardView::layOutCards()
{
    const int spacing = m_cardGrid->spacing() >= 0 ? m_cardGrid->spacing() : 6;
    const int narrowest = fontMetrics().averageCharWidth() * 20;
    const int count = static_cast<int>(m_cards.size());
    const int available = m_scroll->viewport()->width();
    int columns = 1;
    for (int tried = kMaxCardColumns; tried > 1; --tried) {
        const int rows = (count + tried - 1) / tried;
        const int balanced = (count + rows - 1) / rows;
        QList<int> widths(balanced, narrowest);
        for (int i = 0; i < count; ++i)
            widths[i % balanced]
                = std::max(widths[i % balanced], m_cards.at(i).button->layout()->minimumSize().width());
        int needed = spacing * (balanced - 1);
        for (int width : std::as_const(widths))
            needed += width;
        if (needed <= available) {
            columns = balanced;
            break;
        }
    }
    if (columns == m_cardColumns)
        return;
    m_cardColumns = columns;
    for (const Card& card : std::as_const(m_cards))
        m_cardGrid->removeWidget(card.button);
    for (int i = 0; i < count; ++i)
        m_cardGrid->addWidget(m_cards.at(i).button, i / columns, i % columns);
    for (int column = 0; column < kMaxCardColumns; ++column)
        m_cardGrid->setColumnStretch(column, column < columns ? 1 : 0);
}

void DashboardView::refresh()
{
    const bool allowed = m_actor.can(Permission::AnalyticsRead);
    m_refresh->setVisible(allowed);
    if (!allowed) {
        // A cashier's screen: no reading at all, and nothing to read again.
        m_data.reset();
        m_asOf->clear();
        m_pages->setCurrentWidget(m_pages->findChild<QWidget*>(kUnavailablePage));
        return;
    }
    auto dashboard = AnalyticsService(m_db, m_actor, m_zone).dashboard(AnalyticsService::defaultChurnDays, listLimit);
    if (!dashboard) {
        m_data.reset();
        m_asOf->clear();
        if (dashboard.error().kind == Error::Kind::PermissionDenied) {
            m_pages->setCurrentWidget(m_pages->findChild<QWidget*>(kUnavailablePage));
        } else {
            m_errorText->setText(dashboard.error().message + u'\n' + tr("Press Refresh to try again."));
            m_pages->setCurrentWidget(m_pages->findChild<QWidget*>(kErrorPage));
        }
        return;
    }
    m_data = std::make_unique<Data>(Data {std::move(*dashboard)});
    render();
}

void DashboardView::render()
{
    if (!m_data)
        return;
    const AnalyticsOverview& o = m_data->dashboard.overview;
    m_asOf->setText(tr("Figures as of %1")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(o.asOf, m_zone), QLocale::ShortFormat)));
    if (o.totalCustomers == 0) {
        m_pages->setCurrentWidget(m_pages->findChild<QWidget*>(kEmptyPage));
        return;
    }
    fillCards();
    fillCharts();
    fillLists();
    m_pages->setCurrentWidget(m_scroll);
}

void DashboardView::setCard(int index, const QString& value, const QString& caption, std::optional<CustomerQuery> query,
    const QString& queryTitle)
{
    Card& card = m_cards[index];
    card.value->setText(value);
    card.caption->setText(caption);
    card.query = std::move(query);
    card.queryTitle = queryTitle;
    const bool opens = card.query.has_value();
    card.button->setAccessibleName(card.title + QStringLiteral(": ") + value);
    card.button->setAccessibleDescription(caption);
    card.button->setToolTip(opens ? tr("Show these customers") : QString());
    card.button->setFocusPolicy(opens ? Qt::StrongFocus : Qt::NoFocus);
    card.button->setCursor(opens ? Qt::PointingHandCursor : Qt::ArrowCursor);
    // A figure that is not a list of customers does not pretend to be a button.
    card.button->setAttribute(Qt::WA_TransparentForMouseEvents, !opens);
}

void DashboardView::fillCards()
{
    const AnalyticsOverview& o = m_data->dashboard.overview;
    const auto share
        = [&](qint64 part) { return o.totalCustomers > 0 ? 100.0 * double(part) / double(o.totalCustomers) : 0.0; };

    setCard(TotalCard, number(o.totalCustomers), tr("%1 with purchases").arg(number(o.customersWithPurchases)),
        CustomerQuery {}, tr("All customers"));

    CustomerQuery active;
    active.status = CustomerStatus::Active;
    setCard(ActiveCard, number(o.activeCustomers),
        tr("%1 inactive, %2 blocked").arg(number(o.inactiveCustomers), number(o.blockedCustomers)), active,
        tr("Active customers"));

    CustomerQuery members;
    members.membershipActive = true;
    setCard(MembersCard, number(o.membershipActive), tr("%1 of all customers").arg(percent(share(o.membershipActive))),
        members, tr("Members and VIP customers"));

    CustomerQuery vip;
    vip.type = CustomerType::Vip;
    setCard(VipCard, number(o.vipCustomers), tr("%1 of all customers").arg(percent(share(o.vipCustomers))), vip,
        tr("VIP customers"));

    const QDate today = QDateTime::fromMSecsSinceEpoch(o.asOf, m_zone).date();
    const QDate thisMonth(today.year(), today.month(), 1);
    CustomerQuery fresh;
    fresh.createdFrom = thisMonth.startOfDay(m_zone).toMSecsSinceEpoch();
    setCard(NewCard, number(o.newThisMonth), tr("since 1 %1").arg(monthName(thisMonth)), fresh,
        tr("Registered in %1").arg(monthAndYear(thisMonth)));

    CustomerQuery repeat;
    repeat.frequencies = {RepeatFrequency::Occasional, RepeatFrequency::Regular, RepeatFrequency::Frequent};
    setCard(RepeatCard, percent(o.repeatPercent),
        tr("%Ln bought twice or more", nullptr, static_cast<int>(o.repeatCustomers)), repeat, tr("Repeat customers"));

    // The table filters by the UTC day of the last purchase: the customers whose last one
    // was before the day the churn window starts.
    CustomerQuery churned;
    churned.hasSales = true;
    churned.lastVisitTo
        = QDateTime::fromMSecsSinceEpoch(o.asOf - o.churnDays * kDayMs, QTimeZone::utc()).date().addDays(-1);
    setCard(ChurnedCard, number(o.churned), tr("no purchase in %Ln day(s)", nullptr, o.churnDays), churned,
        tr("Churned customers"));

    CustomerQuery buyers;
    buyers.hasSales = true;
    setCard(RevenueCard, money(o.totalRevenue), tr("net of refunds"), buyers, tr("Customers who bought"));
    setCard(LifetimeValueCard, money(o.averageLifetimeValue), tr("spent per customer"));
    setCard(PurchasesCard, QLocale().toString(o.averagePurchases, 'f', 1), tr("purchases per customer"));

    CustomerQuery debtors;
    debtors.balance = CustomerQuery::Balance::Debt;
    setCard(DebtorsCard, number(o.customersWithDebt), tr("owe the shop money"), debtors, tr("Customers in debt"));
    setCard(DebtCard, money(o.totalDebt), tr("owed by %Ln customer(s)", nullptr, static_cast<int>(o.customersWithDebt)),
        debtors, tr("Customers in debt"));
    CustomerQuery creditors;
    creditors.balance = CustomerQuery::Balance::Credit;
    setCard(CreditCard, money(o.totalCredit),
        tr("held by %Ln customer(s)", nullptr, static_cast<int>(o.customersWithCredit)), creditors,
        tr("Customers holding store credit"));
    setCard(PointsCard, number(o.pointsOutstanding), tr("loyalty points not yet used"));

    m_cardColumns = 0; // the widest figure may have changed
    layOutCards();
}

void DashboardView::applyTheme(QChart* chart) const
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The panel around the chart carries the window's colours; the theme only draws on them.
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->legend()->setFont(font());
}

void DashboardView::replaceChart(QChartView* view, QChart* chart, const QString& description)
{
    QChart* old = view->chart();
    view->setChart(chart);
    view->setAccessibleDescription(description);
    delete old;
}

void DashboardView::fillCharts()
{
    const AnalyticsService::Dashboard& d = m_data->dashboard;
    const QLocale locale;

    // One set of counts over named categories, vertical or horizontal; a click on a bar
    // asks for its customers.
    const auto countBars = [this](QChartView* view, const QStringList& categories, const QList<qint64>& counts,
                               Qt::Orientation orientation, const std::function<void(int)>& onClick,
                               const std::function<QString(int)>& tip) {
        auto* chart = new QChart;
        applyTheme(chart);
        chart->legend()->hide();
        QAbstractBarSeries* series
            = orientation == Qt::Vertical ? static_cast<QAbstractBarSeries*>(new QBarSeries) : new QHorizontalBarSeries;
        auto* set = new QBarSet(QString());
        qint64 max = 0;
        for (qint64 count : counts) {
            *set << static_cast<qreal>(count);
            max = std::max(max, count);
        }
        series->append(set);
        series->setBarWidth(0.7);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsPrecision(15);
        chart->addSeries(series);
        // The labels sit beside the bars, on the window's colours rather than the theme's.
        set->setLabelColor(palette().color(QPalette::WindowText));
        auto* categoryAxis = new QBarCategoryAxis;
        categoryAxis->append(categories);
        categoryAxis->setGridLineVisible(false);
        // Room above the longest bar for its label.
        QValueAxis* counted = valueAxis(static_cast<qreal>(max) * 1.12, 1.0);
        chart->addAxis(categoryAxis, orientation == Qt::Vertical ? Qt::AlignBottom : Qt::AlignLeft);
        chart->addAxis(counted, orientation == Qt::Vertical ? Qt::AlignLeft : Qt::AlignBottom);
        series->attachAxis(categoryAxis);
        series->attachAxis(counted);
        for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(categoryAxis), static_cast<QAbstractAxis*>(counted)})
            axis->setLabelsFont(font());
        connect(set, &QBarSet::clicked, this, [this, onClick](int index) {
            if (m_data)
                onClick(index);
        });
        connect(set, &QBarSet::hovered, view, [this, view, tip](bool over, int index) {
            view->setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
            if (over && m_data)
                QToolTip::showText(QCursor::pos(), tip(index), view);
            else
                QToolTip::hideText();
        });
        QStringList spoken;
        for (int i = 0; i < categories.size(); ++i)
            spoken << categories.at(i) + QStringLiteral(" ") + number(counts.value(i));
        return std::pair {chart, spoken.join(QStringLiteral(", "))};
    };

    if (!d.months.isEmpty()) {
        const QString from = monthAndYear(d.months.constFirst().month);
        const QString to = monthAndYear(d.months.constLast().month);
        m_newCustomersHeading->setText(tr("New customers per month, %1 to %2").arg(from, to));
        m_revenueHeading->setText(tr("Revenue per month, %1 to %2").arg(from, to));
    }

    // New customers per month: a month's bar opens the customers registered in it.
    {
        QStringList categories;
        QList<qint64> counts;
        for (const MonthFigures& m : d.months) {
            categories << locale.standaloneMonthName(m.month.month(), QLocale::ShortFormat);
            counts << m.newCustomers;
        }
        auto [chart, spoken] = countBars(
            m_newCustomersChart, categories, counts, Qt::Vertical,
            [this](int index) {
                const QDate month = m_data->dashboard.months.value(index).month;
                emit customersRequested(monthQuery(index), tr("Registered in %1").arg(monthAndYear(month)));
            },
            [this](int index) -> QString {
                const MonthFigures& m = m_data->dashboard.months.at(index);
                return tr("%1: %Ln new customer(s)", nullptr, static_cast<int>(m.newCustomers))
                    .arg(monthAndYear(m.month));
            });
        replaceChart(m_newCustomersChart, chart, spoken);
    }

    // Revenue per month, in the currency's whole units (millions when they run that high).
    {
        auto* chart = new QChart;
        applyTheme(chart);
        chart->legend()->hide();
        auto* line = new QLineSeries;
        line->setPointsVisible(true);
        const int digits = Money::minorDigits(m_company.currency);
        const double unit = std::pow(10.0, digits);
        qint64 maxRevenue = 0;
        for (const MonthFigures& m : d.months)
            maxRevenue = std::max(maxRevenue, m.revenue);
        const bool millions = static_cast<double>(maxRevenue) / unit >= 10'000'000.0;
        const double scale = unit * (millions ? 1'000'000.0 : 1.0);
        QStringList categories;
        QStringList spoken;
        for (int i = 0; i < d.months.size(); ++i) {
            const MonthFigures& m = d.months.at(i);
            categories << locale.standaloneMonthName(m.month.month(), QLocale::ShortFormat);
            line->append(i, static_cast<double>(m.revenue) / scale);
            spoken << monthAndYear(m.month) + QStringLiteral(" ") + money(m.revenue);
        }
        chart->addSeries(line);
        auto* months = new QBarCategoryAxis;
        months->append(categories);
        months->setGridLineVisible(false);
        QValueAxis* amounts = valueAxis(static_cast<double>(maxRevenue) / scale * 1.05, 1.0);
        amounts->setTitleText(millions ? tr("%1, millions").arg(m_company.currency) : m_company.currency);
        chart->addAxis(months, Qt::AlignBottom);
        chart->addAxis(amounts, Qt::AlignLeft);
        line->attachAxis(months);
        line->attachAxis(amounts);
        for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(months), static_cast<QAbstractAxis*>(amounts)})
            axis->setLabelsFont(font());
        amounts->setTitleFont(font());
        QPen pen = line->pen();
        pen.setWidth(3);
        line->setPen(pen);
        connect(line, &QLineSeries::hovered, m_revenueChart, [this](const QPointF& point, bool over) {
            const int index = qRound(point.x());
            if (!over || !m_data || index < 0 || index >= m_data->dashboard.months.size()) {
                QToolTip::hideText();
                return;
            }
            const MonthFigures& m = m_data->dashboard.months.at(index);
            QToolTip::showText(QCursor::pos(),
                tr("%1: %2 from %Ln sale(s)", nullptr, static_cast<int>(m.sales))
                        .arg(monthAndYear(m.month), money(m.revenue))
                    + (m.refunds > 0 ? u'\n' + tr("%Ln refund(s)", nullptr, static_cast<int>(m.refunds)) : QString()),
                m_revenueChart);
        });
        replaceChart(m_revenueChart, chart, spoken.join(QStringLiteral(", ")));
    }

    // Customers by level: a slice opens the level's customers.
    {
        auto* chart = new QChart;
        applyTheme(chart);
        auto* pie = new QPieSeries;
        pie->setHoleSize(0.45);
        pie->setPieSize(0.85);
        QStringList spoken;
        for (const LevelCount& level : d.overview.byLevel) {
            const QString label = tr("%1: %2").arg(CustomerEnums::displayName(level.level), number(level.customers));
            pie->append(label, static_cast<qreal>(level.customers));
            spoken << label;
        }
        chart->addSeries(pie);
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->legend()->setFont(font());
        connect(pie, &QPieSeries::clicked, this, [this, pie](QPieSlice* slice) {
            const qsizetype index = pie->slices().indexOf(slice);
            if (!m_data || index < 0 || index >= m_data->dashboard.overview.byLevel.size())
                return;
            const MembershipLevel level = m_data->dashboard.overview.byLevel.at(index).level;
            CustomerQuery query;
            query.level = level;
            emit customersRequested(query, tr("Level: %1").arg(CustomerEnums::displayName(level)));
        });
        connect(pie, &QPieSeries::hovered, m_levelChart, [view = m_levelChart](QPieSlice* slice, bool over) {
            slice->setExploded(over);
            view->setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
        });
        replaceChart(m_levelChart, chart, spoken.join(QStringLiteral(", ")));
    }

    // How often customers buy, never first: a bar opens the customers of that frequency.
    {
        // A horizontal bar chart counts its categories from the bottom up.
        QList<FrequencyCount> frequencies = d.overview.frequencies;
        std::reverse(frequencies.begin(), frequencies.end());
        QStringList categories;
        QList<qint64> counts;
        for (const FrequencyCount& f : frequencies) {
            categories << RepeatFrequencies::displayName(f.frequency);
            counts << f.customers;
        }
        auto [chart, spoken] = countBars(
            m_frequencyChart, categories, counts, Qt::Horizontal,
            [this, frequencies](int index) {
                const RepeatFrequency frequency = frequencies.value(index).frequency;
                CustomerQuery query;
                query.frequencies = {frequency};
                emit customersRequested(query, tr("Buy: %1").arg(RepeatFrequencies::displayName(frequency)));
            },
            [frequencies](int index) -> QString {
                const FrequencyCount& f = frequencies.at(index);
                const RepeatFrequencies::PurchasesRange range = RepeatFrequencies::rangeOf(f.frequency);
                QString purchases;
                if (range.from && range.below && *range.below - *range.from == 1)
                    purchases = tr("%Ln purchase(s)", nullptr, static_cast<int>(*range.from));
                else if (range.from && range.below)
                    purchases = tr("%1 to %2 purchases").arg(*range.from).arg(*range.below - 1);
                else if (range.from)
                    purchases = tr("%1 purchases or more").arg(*range.from);
                else
                    purchases = tr("no purchase yet");
                return tr("%1 (%2): %Ln customer(s)", nullptr, static_cast<int>(f.customers))
                    .arg(RepeatFrequencies::displayName(f.frequency), purchases);
            });
        replaceChart(m_frequencyChart, chart, spoken);
    }

    // RFM segments, best at the top: a bar opens the segment's customers.
    {
        // A horizontal bar chart counts its categories from the bottom up.
        QList<RfmService::SegmentCount> segments = d.segments.segments;
        std::reverse(segments.begin(), segments.end());
        QStringList categories;
        QList<qint64> counts;
        for (const RfmService::SegmentCount& s : segments) {
            categories << Rfm::label(s.segment);
            counts << s.customers;
        }
        auto [chart, spoken] = countBars(
            m_segmentChart, categories, counts, Qt::Horizontal,
            [this, segments](int index) {
                const RfmSegment segment = segments.value(index).segment;
                CustomerQuery query;
                query.segments = {segment};
                emit customersRequested(query, tr("Segment: %1").arg(Rfm::label(segment)));
            },
            [segments](int index) -> QString {
                const RfmService::SegmentCount& s = segments.at(index);
                return tr("%1: %Ln customer(s)", nullptr, static_cast<int>(s.customers)).arg(Rfm::label(s.segment))
                    + u'\n' + Rfm::description(s.segment);
            });
        replaceChart(m_segmentChart, chart, spoken);
        if (!d.segments.computedAt) {
            m_segmentNote->setText(tr("Customers have not been ranked into segments yet."));
        } else {
            m_segmentNote->setText(
                tr("Ranked %1; %Ln customer(s) without a purchase are not ranked.", nullptr,
                    static_cast<int>(d.segments.notRanked.value_or(0)))
                    .arg(locale.toString(
                        QDateTime::fromMSecsSinceEpoch(*d.segments.computedAt, m_zone).date(), QLocale::ShortFormat)));
        }
    }
}

void DashboardView::fillLists()
{
    const AnalyticsService::Dashboard& d = m_data->dashboard;
    const auto fill = [](const RankedList& list, const QList<RankedCustomer>& rows, const QString& emptyText,
                          const std::function<QString(const RankedCustomer&)>& third,
                          const std::function<QString(const RankedCustomer&)>& figure) {
        QTableWidget* table = list.table;
        table->clearContents();
        table->setRowCount(static_cast<int>(rows.size()));
        for (int row = 0; row < rows.size(); ++row) {
            const RankedCustomer& c = rows.at(row);
            auto* name = new QTableWidgetItem(c.name);
            name->setData(Qt::UserRole, c.id);
            table->setItem(row, 0, name);
            table->setItem(row, 1, new QTableWidgetItem(c.code));
            table->setItem(row, 2, new QTableWidgetItem(third(c)));
            auto* value = new QTableWidgetItem(figure(c));
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, 3, value);
        }
        list.empty->setText(emptyText);
        list.stack->setCurrentWidget(rows.isEmpty() ? static_cast<QWidget*>(list.empty) : table);
    };
    const auto level = [](const RankedCustomer& c) { return CustomerEnums::displayName(c.level); };
    fill(m_topByRevenue, d.topByRevenue, tr("No customer has bought anything yet."), level,
        [this](const RankedCustomer& c) { return money(c.metrics.totalSpent); });
    fill(m_topBySales, d.topBySales, tr("No customer has bought anything yet."), level,
        [](const RankedCustomer& c) { return number(c.metrics.purchases); });
    fill(m_topByBalance, d.topByBalance, tr("No customer holds store credit."), level,
        [this](const RankedCustomer& c) { return money(c.metrics.credit); });
    fill(
        m_recent, d.recent, tr("No customer has been registered yet."),
        [](const RankedCustomer& c) { return CustomerEnums::displayName(c.type); },
        [this](const RankedCustomer& c) {
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.createdAt, m_zone).date(), QLocale::ShortFormat);
        });
}

CustomerQuery DashboardView::monthQuery(int monthIndex) const
{
    const QDate month = m_data->dashboard.months.value(monthIndex).month;
    CustomerQuery query;
    query.createdFrom = month.startOfDay(m_zone).toMSecsSinceEpoch();
    query.createdTo = month.addMonths(1).startOfDay(m_zone).toMSecsSinceEpoch();
    return query;
}

void DashboardView::openCard(int index)
{
    const Card& card = m_cards.at(index);
    if (m_data && card.query)
        emit customersRequested(*card.query, card.queryTitle);
}

void DashboardView::openRow(const QTableWidget* table, int row)
{
    if (const QTableWidgetItem* item = table->item(row, 0))
        emit customerOpened(item->data(Qt::UserRole).toString());
}

QString DashboardView::money(qint64 minor) const
{
    return Money::format(minor, m_company.currency);
}

void DashboardView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // A switch between light and dark redraws the charts in the matching theme.
    if (event->type() == QEvent::PaletteChange && m_data)
        render();
}

bool DashboardView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize && m_scroll && watched == m_scroll->viewport()) {
        layOutCards();
    } else if (event->type() == QEvent::KeyPress) {
        auto* table = qobject_cast<QTableWidget*>(watched);
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (table && (key == Qt::Key_Return || key == Qt::Key_Enter) && table->currentRow() >= 0) {
            openRow(table, table->currentRow());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kasir
