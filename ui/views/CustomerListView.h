#pragma once

#include "core/domain/CustomerQuery.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace kasir {

class CustomerTableModel;
class Database;

// The customer table with its search box, filters and count. It only turns what the user
// picks into a CustomerQuery; CustomerService does the finding.
class CustomerListView final : public QWidget
{
    Q_OBJECT

public:
    CustomerListView(Database& db, const Actor& actor, QWidget* parent = nullptr);
    ~CustomerListView() override;
    Q_DISABLE_COPY_MOVE(CustomerListView)

    CustomerTableModel* customerModel() const { return m_model; }

    // Typing waits this long for the next key before searching, so a quick typist causes
    // one query rather than one per letter.
    static constexpr int searchDelayMs = 150;
    static constexpr int countingNoticeMs = 300;
    // Whether typed text is waiting for the search delay to run.
    bool searchPending() const { return m_searchDelay.isActive(); }

    // The filters that the bar does not show (set by showQuery), described; empty when none.
    QString extraFilters() const { return m_extraTitle; }

public Q_SLOTS:
    void focusSearch();
    // Shows the customers of `query` (from the dashboard: a level, a month, a segment...):
    // the bar shows its type, status and level; the other filters stay, named by `title`
    // beside the bar until cleared. The search text is cleared.
    void showQuery(const kasir::CustomerQuery& query, const QString& title);
    void clearExtraFilters();

Q_SIGNALS:
    // Enter or a double click on a row.
    void customerOpened(const QString& customerId);

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
    QWidget* m_extraBox = nullptr;
    QLabel* m_extraLabel = nullptr;
    // The query's filters beyond text, type, status and level, as showQuery set them.
    CustomerQuery m_extra;
    QString m_extraTitle;
    bool m_extraChanged = false;
    QTimer m_searchDelay;
    // While a count runs the last total stays; only a slow count says it is counting.
    QTimer m_countingNotice;
};

} // namespace kasir
