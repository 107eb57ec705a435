#pragma once

#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace kasir {

class CustomerTableModel;
class Database;

// The back-office window: the customer table with its search box and filters. It only
// turns what the user picks into a CustomerQuery; CustomerService does the finding.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    CustomerTableModel* customerModel() const { return m_model; }

    // Typing waits this long for the next key before searching, so a quick typist causes
    // one query rather than one per letter.
    static constexpr int searchDelayMs = 150;
    static constexpr int countingNoticeMs = 300;
    // Whether typed text is waiting for the search delay to run.
    bool searchPending() const { return m_searchDelay.isActive(); }

public Q_SLOTS:
    void focusSearch();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createFilterBar();
    void setUpTable();
    void sizeColumns();
    void applyFilters();
    void updateStatus();
    void keepSortIndicatorOnSortableColumn();

    CustomerTableModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_typeFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QComboBox* m_levelFilter = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_countLabel = nullptr;
    QTimer m_searchDelay;
    // While a count runs the last total stays; only a slow count says it is counting.
    QTimer m_countingNotice;
};

} // namespace kasir
