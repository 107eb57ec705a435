#pragma once

#include "core/domain/CustomerQuery.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace kasir {

class Database;

// The membership dashboard: the company's customer figures for managers and administrators,
// read from AnalyticsService in one call. It only shows them; a click on a card, a bar or a
// slice asks for the customers behind it as a CustomerQuery, and a row of a top or recent
// list asks for that customer, so the window decides where they open.
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    DashboardView(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~DashboardView() override;
    Q_DISABLE_COPY_MOVE(DashboardView)

    // How many customers the top and recent lists show.
    static constexpr int listLimit = 10;

public Q_SLOTS:
    // Reads the figures again (one snapshot, some 20 ms on a million customers).
    void refresh();
    // Ranks the customers into RFM segments again (RfmService::recompute; some 12 s on a
    // million customers) behind a progress dialog that can cancel it; false when it did not
    // happen.
    bool rankAgain();

Q_SIGNALS:
    // The customers behind a card or a chart element, and a title that says what they are.
    void customersRequested(const kasir::CustomerQuery& query, const QString& title);
    void customerOpened(const QString& customerId);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Data;
    struct Card
    {
        QPushButton* button = nullptr;
        QLabel* value = nullptr;
        QLabel* caption = nullptr;
        QString title;
        std::optional<CustomerQuery> query; // none: the card is a figure, not a filter
        QString queryTitle;
    };
    struct RankedList
    {
        QStackedWidget* stack = nullptr;
        QTableWidget* table = nullptr;
        QLabel* empty = nullptr;
    };

    QWidget* createHeader();
    QWidget* createContent();
    QWidget* createMessagePage(const QString& name, QLabel** title, QLabel** text);
    QWidget* createPanel(const QString& title, QWidget* body, QLabel** note = nullptr, QLabel** heading = nullptr);
    QChartView* createChartView(const QString& name, const QString& accessibleName);
    RankedList createList(const QString& name, const QString& accessibleName, const QStringList& headers);
    int addCard(const QString& name, const QString& title);
    void layOutCards();

    void render();
    void fillCards();
    void fillCharts();
    void fillLists();
    void setCard(int index, const QString& value, const QString& caption, std::optional<CustomerQuery> query = {},
        const QString& queryTitle = {});
    void replaceChart(QChartView* view, QChart* chart, const QString& description);
    void applyTheme(QChart* chart) const;
    void openCard(int index);
    void openRow(const QTableWidget* table, int row);
    CustomerQuery monthQuery(int monthIndex) const;
    QString money(qint64 minor) const;

    Database& m_db;
    Actor m_actor;
    Company m_company;
    QTimeZone m_zone;
    std::unique_ptr<Data> m_data;

    QLabel* m_asOf = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_rankAgain = nullptr; // managers and administrators (Permission::Maintenance)
    QStackedWidget* m_pages = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_cardArea = nullptr;
    QGridLayout* m_cardGrid = nullptr;
    int m_cardColumns = 0;
    QList<Card> m_cards;
    QLabel* m_errorTitle = nullptr;
    QLabel* m_errorText = nullptr;

    QChartView* m_levelChart = nullptr;
    QChartView* m_newCustomersChart = nullptr;
    QLabel* m_newCustomersHeading = nullptr;
    QChartView* m_revenueChart = nullptr;
    QLabel* m_revenueHeading = nullptr;
    QChartView* m_frequencyChart = nullptr;
    QChartView* m_segmentChart = nullptr;
    QLabel* m_segmentNote = nullptr;
    QTabWidget* m_topTabs = nullptr;
    RankedList m_topByRevenue;
    RankedList m_topBySales;
    RankedList m_topByBalance;
    RankedList m_recent;
};

} // namespace kasir
