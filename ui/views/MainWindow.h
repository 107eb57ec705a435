#pragma once

#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QList>
#include <QMainWindow>
#include <QStyle>
#include <QThread>
#include <QTimer>

#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace kasir {

class SyncEngine;

class CounterView;
class CustomerDetailView;
class CustomerListView;
class CustomerTableModel;
class DashboardView;
class SettingsView;
class Database;

// The window around the pages: the pages a role may use listed on the left (Ctrl+1...),
// the page on the right, and the status bar (the connection, the changes waiting to be
// synced, the last sync). F1 lists every shortcut.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Counter,
        Customers,
        Detail,
        Dashboard,
        Settings,
    };

    MainWindow(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // The page's name for `--page` and its parser.
    static QString pageName(Page page);
    static std::optional<Page> parsePage(QStringView name);
    static QStringList pageNames();

    Page currentPage() const;
    CounterView* counter() const { return m_counter; }
    CustomerListView* customerList() const { return m_customers; }
    CustomerDetailView* customerDetail() const { return m_detail; }
    SettingsView* settings() const { return m_settings; }
    // Shows the sync engine's state in the status bar and its panel in Settings; the engine
    // outlives the window (a language switch makes a new window over the same engine).
    void setSyncEngine(SyncEngine* engine);
    // nullptr for a role that may not see the dashboard.
    DashboardView* dashboard() const { return m_dashboard; }
    // Whether the role has the page.
    bool hasPage(Page page) const;
    CustomerTableModel* customerModel() const;

    // How often the changes waiting to be synced are counted again.
    static constexpr int syncStatusIntervalMs = 15'000;

Q_SIGNALS:
    // The language chosen in the settings ("id_ID"): whoever made the window installs its
    // translations and makes the window again, on the same page.
    void languageChosen(const QString& localeName);

public Q_SLOTS:
    void showPage(kasir::MainWindow::Page page);
    // The detail page of one customer; Back returns to the page it was opened from.
    void openCustomer(const QString& customerId);
    // Counts the changes waiting to be synced, away from this thread.
    void refreshSyncStatus();
    // The list of shortcuts (F1), in a window of its own that does not block.
    void showShortcuts();

private:
    struct PageEntry
    {
        Page page;
        QWidget* widget;
    };

    void addPage(Page page, QWidget* widget, const QString& title, QStyle::StandardPixmap icon);
    // `focus`: the page gets the keyboard (not while someone arrows through the list).
    void showWidget(QWidget* widget, bool focus = true);
    // Customers changed (a sale, an edit, new rules): the list reads them again.
    void customersChanged();
    void pendingCounted(qint64 pending, const QString& error);

    Database& m_db;
    Actor m_actor;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<PageEntry> m_pages;
    CounterView* m_counter = nullptr;
    CustomerListView* m_customers = nullptr;
    CustomerDetailView* m_detail = nullptr; // not listed: opened from a customer
    DashboardView* m_dashboard = nullptr; // managers and administrators
    SettingsView* m_settings = nullptr;
    QLabel* m_connection = nullptr;
    QLabel* m_pending = nullptr;
    QLabel* m_lastSync = nullptr;
    SyncEngine* m_sync = nullptr;
    QWidget* m_shortcuts = nullptr;
    QTimer m_syncStatusTimer;
    QThread m_statusThread;
    QObject* m_statusWorker = nullptr;
    bool m_counting = false;
    bool m_recount = false;
    bool m_customersStale = false;
    Page m_openedFrom = Page::Customers;
};

} // namespace kasir
