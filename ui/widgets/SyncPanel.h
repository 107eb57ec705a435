#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace kasir {

class Database;
class SyncEngine;

// Settings > Sync: which server this terminal syncs with, where syncing stands (state, last
// sync, changes waiting, changes the server refused, the last error in words) and a button
// to sync now. A terminal that works on its own says so, and how it could join a server.
class SyncPanel final : public QWidget
{
    Q_OBJECT

public:
    SyncPanel(Database& db, SyncEngine& engine, QWidget* parent = nullptr);
    ~SyncPanel() override;
    Q_DISABLE_COPY_MOVE(SyncPanel)

    // The state in a person's words, as the status bar shows it too.
    static QString describeState(SyncEngine& engine);

public Q_SLOTS:
    void refresh();

private:
    Database& m_db;
    SyncEngine& m_engine;
    QLabel* m_server = nullptr;
    QLabel* m_terminal = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_lastSync = nullptr;
    QLabel* m_pending = nullptr;
    QLabel* m_refused = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_unapplied = nullptr;
    QPushButton* m_syncNow = nullptr;
};

} // namespace kasir
