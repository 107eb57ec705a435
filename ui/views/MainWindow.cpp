#include "ui/views/MainWindow.h"

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/SyncStatusService.h"
#include "core/storage/Database.h"
#include "core/sync/SyncEngine.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/views/CounterView.h"
#include "ui/views/CustomerDetailView.h"
#include "ui/views/CustomerListView.h"
#include "ui/views/DashboardView.h"
#include "ui/views/SettingsView.h"
#include "ui/widgets/SyncPanel.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kasir {

namespace {

struct PageInfo
{
    MainWindow::Page page;
    const char* name; // for --page
};

constexpr PageInfo kPages[] = {
    {MainWindow::Page::Counter, "counter"},
    {MainWindow::Page::Customers, "customers"},
    {MainWindow::Page::Detail, "detail"},
    {MainWindow::Page::Dashboard, "dashboard"},
    {MainWindow::Page::Settings, "settings"},
};

// Counts on the window's status thread; the answer goes back to the window's thread.
class StatusWorker final : public QObject
{
public:
    using QObject::QObject;
    // The file's data_version at the last count, on the worker's own connection: while it
    // stands, nothing was written and the count stands too.
    qint64 countedAt = -1;
};

} // namespace

MainWindow::MainWindow(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_actor(actor)
{
    setWindowTitle(company.name);

    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));
    row->addWidget(m_navigation);
    row->addWidget(m_stack, 1);
    setCentralWidget(central);

    // The counter first: it is where a till opens, for every role.
    m_counter = new CounterView(db, actor, company, m_stack);
    addPage(Page::Counter, m_counter, tr("Counter"), QStyle::SP_DesktopIcon);
    m_customers = new CustomerListView(db, actor, m_stack);
    addPage(Page::Customers, m_customers, tr("Customers"), QStyle::SP_FileDialogDetailedView);
    // The dashboard's figures are for managers and administrators; a cashier is not shown
    // the page at all.
    if (actor.can(Permission::AnalyticsRead)) {
        m_dashboard = new DashboardView(db, actor, company, m_stack);
        addPage(Page::Dashboard, m_dashboard, tr("Dashboard"), QStyle::SP_FileDialogInfoView);
        // A card, a bar or a slice opens the customers it counts.
        connect(m_dashboard, &DashboardView::customersRequested, this,
            [this](const CustomerQuery& query, const QString& title) {
                m_customers->showQuery(query, title);
                showPage(Page::Customers);
            });
    }

    m_settings = new SettingsView(db, actor, company, m_stack);
    addPage(Page::Settings, m_settings, tr("Settings"), QStyle::SP_FileDialogContentsView);
    connect(m_settings, &SettingsView::languageChanged, this, &MainWindow::languageChosen);
    connect(m_settings, &SettingsView::companyChanged, this, [this](const Company& renamed) {
        setWindowTitle(renamed.name);
        m_counter->setCompany(renamed);
    });
    // New rules change the discounts and levels the pages show.
    connect(m_settings, &SettingsView::rulesChanged, this, [this] {
        customersChanged();
        if (m_dashboard)
            m_dashboard->refresh();
    });
    connect(m_settings, &SettingsView::customersChanged, this, [this] {
        customersChanged();
        refreshSyncStatus();
        if (m_dashboard)
            m_dashboard->refresh();
    });

    // One customer's page, opened from the counter, the list or the dashboard.
    m_detail = new CustomerDetailView(db, actor, company, m_stack);
    m_stack->addWidget(m_detail);
    connect(m_customers, &CustomerListView::customerOpened, this, &MainWindow::openCustomer);
    connect(m_counter, &CounterView::customerOpened, this, &MainWindow::openCustomer);
    if (m_dashboard)
        connect(m_dashboard, &DashboardView::customerOpened, this, &MainWindow::openCustomer);
    connect(m_detail, &CustomerDetailView::backRequested, this, [this] { showPage(m_openedFrom); });
    connect(m_detail, &CustomerDetailView::customerChanged, this, [this] {
        customersChanged();
        refreshSyncStatus();
    });

    // A sale changes figures the list shows and adds changes to sync.
    connect(m_counter, &CounterView::saleCompleted, this, [this] {
        customersChanged();
        refreshSyncStatus();
    });

    // The list is as wide as its longest title, and no wider.
    int widest = 0;
    for (int i = 0; i < m_navigation->count(); ++i)
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(i)->text()));
    m_navigation->setFixedWidth(widest + m_navigation->iconSize().width() + 48);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, [this](int row) {
        if (row < 0 || row >= m_pages.size())
            return;
        // Arrowing through the list keeps the keyboard there; a click or a shortcut gives
        // it to the page.
        showWidget(m_pages.at(row).widget, !m_navigation->hasFocus());
    });
    m_navigation->setCurrentRow(0);

    // The sync itself comes with the server; until then the terminal works on its own and
    // says so, with what it has to send once connected.
    m_connection = new QLabel(tr("Offline: no server set up"), this);
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_connection->setToolTip(tr("This terminal works on its own data; changes are kept until a server is set up"));
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingChanges"));
    m_lastSync = new QLabel(tr("Last sync: never"), this);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    for (QLabel* label : {m_connection, m_pending, m_lastSync})
        label->setContentsMargins(8, 2, 8, 2);
    auto* divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    statusBar()->addWidget(m_connection);
    statusBar()->addWidget(divider);
    statusBar()->addWidget(m_pending);
    statusBar()->addPermanentWidget(m_lastSync);

    auto* help = new QAction(tr("Keyboard Shortcuts"), this);
    help->setObjectName(QStringLiteral("showShortcuts"));
    help->setShortcut(QKeySequence(QKeySequence::HelpContents));
    connect(help, &QAction::triggered, this, &MainWindow::showShortcuts);
    addAction(help);

    auto* worker = new StatusWorker;
    worker->moveToThread(&m_statusThread);
    connect(&m_statusThread, &QThread::finished, worker, &QObject::deleteLater);
    // The thread's own connection closes with it, on it.
    connect(
        &m_statusThread, &QThread::finished, worker, [&db] { db.closeThreadConnection(); }, Qt::DirectConnection);
    m_statusWorker = worker;
    m_statusThread.setObjectName(QStringLiteral("kasir-status"));
    m_statusThread.start();
    m_syncStatusTimer.setInterval(syncStatusIntervalMs);
    connect(&m_syncStatusTimer, &QTimer::timeout, this, &MainWindow::refreshSyncStatus);
    m_syncStatusTimer.start();
    refreshSyncStatus();

    resize(1280, 760);
}

MainWindow::~MainWindow()
{
    m_statusThread.quit();
    m_statusThread.wait();
}

QString MainWindow::pageName(Page page)
{
    for (const PageInfo& info : kPages) {
        if (info.page == page)
            return QString::fromLatin1(info.name);
    }
    return {};
}

std::optional<MainWindow::Page> MainWindow::parsePage(QStringView name)
{
    for (const PageInfo& info : kPages) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.page;
    }
    return std::nullopt;
}

QStringList MainWindow::pageNames()
{
    QStringList names;
    for (const PageInfo& info : kPages)
        names << QString::fromLatin1(info.name);
    return names;
}

void MainWindow::addPage(Page page, QWidget* widget, const QString& title, QStyle::StandardPixmap icon)
{
    m_stack->addWidget(widget);
    m_pages.append({page, widget});
    auto* item = new QListWidgetItem(style()->standardIcon(icon), title, m_navigation);
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() * 2 + 8));
    const int number = static_cast<int>(m_pages.size());
    auto* go = new QAction(tr("Go to %1").arg(title), this);
    go->setShortcut(QKeySequence(QString::fromLatin1("Ctrl+%1").arg(number)));
    item->setToolTip(go->shortcut().toString(QKeySequence::NativeText));
    connect(go, &QAction::triggered, this, [this, page] { showPage(page); });
    addAction(go);
}

MainWindow::Page MainWindow::currentPage() const
{
    if (m_stack->currentWidget() == m_detail)
        return Page::Detail;
    const int row = m_navigation->currentRow();
    return row >= 0 && row < m_pages.size() ? m_pages.at(row).page : Page::Counter;
}

CustomerTableModel* MainWindow::customerModel() const
{
    return m_customers->customerModel();
}

bool MainWindow::hasPage(Page page) const
{
    return page == Page::Detail
        || std::any_of(m_pages.cbegin(), m_pages.cend(), [page](const PageEntry& e) { return e.page == page; });
}

void MainWindow::setSyncEngine(SyncEngine* engine)
{
    m_sync = engine;
    if (!engine)
        return;
    auto update = [this] {
        m_connection->setText(SyncPanel::describeState(*m_sync));
        m_connection->setToolTip(m_sync->lastError().isEmpty() ? m_sync->server().toString() : m_sync->lastError());
        const qint64 last = m_sync->lastSyncAt();
        m_lastSync->setText(last > 0
                ? tr("Last sync: %1")
                      .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(last).toLocalTime(), QLocale::ShortFormat))
                : tr("Last sync: never"));
    };
    connect(engine, &SyncEngine::stateChanged, this, update);
    connect(engine, &SyncEngine::finished, this, [this, update] {
        update();
        refreshSyncStatus();
        // Other terminals' changes arrived: the pages read again when next shown.
        if (m_sync->progress().pulled > 0) {
            customersChanged();
            if (m_settings)
                m_settings->reload();
        }
    });
    if (m_settings)
        m_settings->addSyncTab(engine);
    update();
}

void MainWindow::customersChanged()
{
    // The list reads again now if it is in sight, else when it is next shown: a till selling
    // all day must not re-read a list nobody looks at after every sale.
    if (m_stack->currentWidget() == m_customers)
        m_customers->customerModel()->refresh();
    else
        m_customersStale = true;
}

void MainWindow::showWidget(QWidget* widget, bool focus)
{
    if (widget == m_customers && m_customersStale) {
        m_customersStale = false;
        m_customers->customerModel()->refresh();
    }
    m_stack->setCurrentWidget(widget);
    if (focus)
        widget->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showPage(Page page)
{
    if (page == Page::Detail) {
        // Without a customer chosen, the first one of the list (as --page detail shows).
        if (m_detail->customerId().isEmpty()) {
            const auto first = m_customers->customerModel()->customerAt(0);
            if (!first)
                return;
            m_detail->showCustomer(first->id);
        }
        m_navigation->setCurrentRow(-1);
        showWidget(m_detail);
        return;
    }
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i).page == page) {
            if (m_navigation->currentRow() == i)
                showWidget(m_pages.at(i).widget); // back from the detail page
            m_navigation->setCurrentRow(static_cast<int>(i));
            return;
        }
    }
}

void MainWindow::openCustomer(const QString& customerId)
{
    if (m_stack->currentWidget() != m_detail)
        m_openedFrom = currentPage();
    m_detail->showCustomer(customerId);
    m_navigation->setCurrentRow(-1);
    showWidget(m_detail);
}

void MainWindow::refreshSyncStatus()
{
    if (m_counting) {
        m_recount = true; // the running count may have read before the latest change
        return;
    }
    m_counting = true;
    m_recount = false;
    QMetaObject::invokeMethod(
        m_statusWorker,
        [this, worker = static_cast<StatusWorker*>(m_statusWorker), db = &m_db, actor = m_actor] {
            const qint64 version = db->dataVersion();
            if (version >= 0 && version == worker->countedAt) {
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_counting = false;
                        if (m_recount)
                            refreshSyncStatus();
                    },
                    Qt::QueuedConnection);
                return;
            }
            auto pending = SyncStatusService(*db, actor).pendingChanges();
            if (pending)
                worker->countedAt = version;
            const qint64 n = pending ? *pending : -1;
            const QString error = pending ? QString() : pending.error().message;
            QMetaObject::invokeMethod(
                this, [this, n, error] { pendingCounted(n, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MainWindow::pendingCounted(qint64 pending, const QString& error)
{
    m_counting = false;
    if (m_recount)
        refreshSyncStatus();
    if (!error.isEmpty()) {
        m_pending->setText(tr("Changes waiting to sync: unknown"));
        m_pending->setToolTip(error);
        return;
    }
    m_pending->setToolTip({});
    m_pending->setText(pending == 0 ? tr("Nothing waiting to sync")
                                    : tr("%Ln change(s) waiting to sync", nullptr, static_cast<int>(pending)));
}

void MainWindow::showShortcuts()
{
    if (!m_shortcuts) {
        auto* dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("shortcutHelp"));
        dialog->setWindowTitle(tr("Keyboard Shortcuts"));
        auto* layout = new QVBoxLayout(dialog);
        auto* table = new QTableWidget(dialog);
        table->setObjectName(QStringLiteral("shortcutList"));
        table->setAccessibleName(tr("Keyboard shortcuts"));
        table->setColumnCount(2);
        table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionMode(QAbstractItemView::NoSelection);
        table->setShowGrid(false);
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        // Every action of the window and its pages that has keys, in the order they were
        // made; the "&" of a menu title is not shown.
        for (const QAction* action : findChildren<QAction*>()) {
            if (action->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(QString(action->text()).remove(u'&')));
            table->setItem(row, 1, new QTableWidgetItem(keys.join(tr(", "))));
        }
        layout->addWidget(table);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(480, 360);
        m_shortcuts = dialog;
    }
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
}

} // namespace kasir
