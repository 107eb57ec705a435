#pragma once

#include "core/domain/CustomerQuery.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"
#include "core/services/BulkService.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
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

    // Seams for tests, so that nothing modal blocks them. `confirm` answers a yes/no question
    // (default: a message box); `prompt` asks for a line of text and returns nothing when
    // cancelled (default: an input dialog); `saveFileName` picks where an export goes, empty
    // when cancelled (default: a file dialog).
    using Confirm = std::function<bool(const QString& question)>;
    using Prompt = std::function<std::optional<QString>(const QString& label, const QString& text)>;
    using SaveFileName = std::function<QString(const QString& suggested)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void setSaveFileName(SaveFileName saveFileName) { m_saveFileName = std::move(saveFileName); }

    // The query the table shows: the bar's filters and the dashboard's.
    const CustomerQuery& currentQuery() const;
    // How many filters beyond the search text are set (the "More filters" badge counts those
    // of the panel only).
    int activeFilterCount() const;

    // The ids of the selected rows, in row order.
    QStringList selectedIds() const;
    // Whether this user is offered the bulk actions (managers and administrators).
    bool canBulkUpdate() const;

    // Saved filters, kept in QSettings("Kasir", "Kasir") under "savedFilters" as JSON.
    QStringList savedFilterNames() const;

    // A customer query as the JSON a saved filter keeps (filters only: no text, order or
    // paging), and back. Unknown or malformed values are skipped.
    static QJsonObject filtersToJson(const CustomerQuery& query);
    static CustomerQuery filtersFromJson(const QJsonObject& json);

public Q_SLOTS:
    void focusSearch();
    // Shows the customers of `query` (from the dashboard: a level, a month, a segment...):
    // the bar shows its type, status and level; the other filters stay, named by `title`
    // beside the bar until cleared. The search text is cleared.
    void showQuery(const kasir::CustomerQuery& query, const QString& title);
    void clearExtraFilters();
    // Every filter back to "all" (the search text stays), with one query.
    void clearFilters();
    void saveFilters(const QString& name);
    void applySavedFilters(const QString& name);
    void deleteSavedFilters(const QString& name);
    // Hides or shows a column of the table and remembers it.
    void setColumnVisible(int column, bool visible);
    // Applies `action` to the selected customers, or to every filtered one when none is
    // selected: a dry run counts them, `confirm` asks, a progress dialog can cancel, and the
    // outcome is shown under the table.
    void runBulkAction(const kasir::BulkService::Action& action);
    // Writes the selected rows (or, with `allFiltered`, every customer the query finds) to a
    // CSV file at `path`, visible columns only; false with the reason shown when it failed.
    bool exportCsv(const QString& path, bool allFiltered);

Q_SIGNALS:
    // Enter or a double click on a row.
    void customerOpened(const QString& customerId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createFilterBar();
    QWidget* createMoreFilters();
    QWidget* createActionBar();
    QMenu* createBulkMenu();
    void fillTagFilter();
    // Sets every control from `query`; what no control can show is returned.
    CustomerQuery showInControls(const CustomerQuery& query);
    CustomerQuery queryFromControls(QStringList* problems) const;
    void updateMoreFiltersBadge();
    void updateColumnMenu();
    void readColumnSettings();
    void fillSavedFilters();
    void askExport(bool allFiltered);
    bool confirm(const QString& question);
    std::optional<QString> prompt(const QString& label, const QString& text);
    void showMessage(const QString& text, bool problem);
    std::optional<qint64> parseAmount(const QLineEdit* edit, QStringList* problems) const;
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
    QLabel* m_message = nullptr;
    QPushButton* m_moreButton = nullptr;
    QToolButton* m_clearFilters = nullptr;
    QWidget* m_morePanel = nullptr;
    QListWidget* m_tagFilter = nullptr;
    QComboBox* m_tagsMatch = nullptr;
    QComboBox* m_balanceFilter = nullptr;
    QLineEdit* m_creditMin = nullptr;
    QLineEdit* m_creditMax = nullptr;
    QComboBox* m_membershipFilter = nullptr;
    QComboBox* m_salesFilter = nullptr;
    QDateEdit* m_lastVisitFrom = nullptr;
    QDateEdit* m_lastVisitTo = nullptr;
    QLineEdit* m_spentMin = nullptr;
    QLineEdit* m_spentMax = nullptr;
    QDateEdit* m_createdFrom = nullptr;
    QDateEdit* m_createdTo = nullptr;
    QList<QCheckBox*> m_frequencyBoxes;
    QList<QCheckBox*> m_segmentBoxes;
    QComboBox* m_savedFilters = nullptr;
    QToolButton* m_deleteSaved = nullptr;
    QMenu* m_columnMenu = nullptr;
    QToolButton* m_bulkButton = nullptr;
    Database& m_db;
    Actor m_actor;
    int m_moneyDigits = 0;
    // Set while controls are changed together, so that they cause one query, not one each.
    bool m_settingControls = false;
    Confirm m_confirm;
    Prompt m_prompt;
    SaveFileName m_saveFileName;
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
