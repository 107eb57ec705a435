#include "ui/views/MainWindow.h"

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "ui/models/CustomerTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace kasir {

namespace {

// "All" first (no filter), then each value of the enum under its translated name.
template<typename Enum>
void fillFilter(QComboBox* combo, const QStringList& words, std::optional<Enum> (*parse)(QStringView))
{
    combo->addItem(MainWindow::tr("All"));
    for (const QString& word : words) {
        if (const std::optional<Enum> value = parse(word))
            combo->addItem(CustomerEnums::displayName(*value), static_cast<int>(*value));
    }
}

template<typename Enum>
std::optional<Enum> selectedValue(const QComboBox* combo)
{
    const QVariant value = combo->currentData();
    if (!value.isValid())
        return std::nullopt;
    return static_cast<Enum>(value.toInt());
}

QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

MainWindow::MainWindow(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QMainWindow(parent), m_model(new CustomerTableModel(db, actor, this))
{
    setWindowTitle(company.name);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(createFilterBar());
    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("customerTable"));
    layout->addWidget(m_table, 1);
    setCentralWidget(central);
    setUpTable();

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("customerCount"));
    statusBar()->addWidget(m_countLabel, 1);

    auto* find = new QAction(tr("Find Customer"), this);
    find->setShortcuts({QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_F3)});
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, this, &MainWindow::focusSearch);
    addAction(find);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &MainWindow::applyFilters);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyFilters();
    });
    for (QComboBox* combo : {m_typeFilter, m_statusFilter, m_levelFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);

    m_countingNotice.setSingleShot(true);
    m_countingNotice.setInterval(countingNoticeMs);
    connect(&m_countingNotice, &QTimer::timeout, this, [this] {
        if (m_model->isCounting())
            m_countLabel->setText(tr("Counting customers…"));
    });
    connect(m_model, &CustomerTableModel::totalCountChanged, this, &MainWindow::updateStatus);
    connect(m_model, &CustomerTableModel::errorOccurred, this, &MainWindow::updateStatus);
    connect(m_model, &CustomerTableModel::modelReset, this, &MainWindow::updateStatus);
    m_model->refresh();

    resize(1200, 720);
    m_search->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createFilterBar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(bar);
    m_search->setMaxLength(CustomerQuery::maxTextLength);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search name, phone, email or code"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    row->addWidget(m_search, 1);

    m_typeFilter = new QComboBox(bar);
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    fillFilter<CustomerType>(m_typeFilter, CustomerEnums::typeNames(), &CustomerEnums::parseType);
    m_statusFilter = new QComboBox(bar);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    fillFilter<CustomerStatus>(m_statusFilter, CustomerEnums::statusNames(), &CustomerEnums::parseStatus);
    m_levelFilter = new QComboBox(bar);
    m_levelFilter->setObjectName(QStringLiteral("levelFilter"));
    fillFilter<MembershipLevel>(m_levelFilter, CustomerEnums::levelNames(), &CustomerEnums::parseLevel);

    row->addSpacing(12);
    row->addWidget(buddyLabel(tr("&Type:"), m_typeFilter));
    row->addWidget(m_typeFilter);
    row->addWidget(buddyLabel(tr("S&tatus:"), m_statusFilter));
    row->addWidget(m_statusFilter);
    row->addWidget(buddyLabel(tr("&Level:"), m_levelFilter));
    row->addWidget(m_levelFilter);
    return bar;
}

void MainWindow::setUpTable()
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);

    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter); // over the text it names
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &MainWindow::keepSortIndicatorOnSortableColumn);
    sizeColumns();
}

// Widths from what the columns hold, not from the loaded rows: measuring rows would cost
// a pass over them at every page and would make the columns jump while scrolling.
void MainWindow::sizeColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 16;
    auto widest = [&](const QStringList& samples) {
        int width = 0;
        for (const QString& sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample));
        return width + padding;
    };
    auto names = [](const QStringList& words, auto parse) {
        QStringList out;
        for (const QString& word : words) {
            if (const auto value = parse(word))
                out << CustomerEnums::displayName(*value);
        }
        return out;
    };
    const QDateTime sampleTime(QDate(2026, 12, 28), QTime(23, 59, 59));
    const QList<std::pair<CustomerTableModel::Column, QStringList>> samples {
        {CustomerTableModel::Code, {QStringLiteral("C-0000000")}},
        {CustomerTableModel::Phone, {QStringLiteral("+62 812-3456-78901")}},
        {CustomerTableModel::Email, {QStringLiteral("firstname.lastname@example.co.id")}},
        {CustomerTableModel::City, {QStringLiteral("Kota Jakarta Selatan")}},
        {CustomerTableModel::Type, names(CustomerEnums::typeNames(), &CustomerEnums::parseType)},
        {CustomerTableModel::Level, names(CustomerEnums::levelNames(), &CustomerEnums::parseLevel)},
        {CustomerTableModel::Status, names(CustomerEnums::statusNames(), &CustomerEnums::parseStatus)},
        {CustomerTableModel::Created, {QLocale().toString(sampleTime, QLocale::ShortFormat)}},
    };
    QHeaderView* header = m_table->horizontalHeader();
    header->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("Mmmmm")));
    for (const auto& [column, texts] : samples)
        header->resizeSection(column, std::max(widest(texts), header->sectionSizeHint(column)));
    header->setSectionResizeMode(CustomerTableModel::Name, QHeaderView::Stretch);
    header->setStretchLastSection(false);
}

void MainWindow::applyFilters()
{
    CustomerQuery query = m_model->query();
    query.text = m_search->text().simplified();
    query.type = selectedValue<CustomerType>(m_typeFilter);
    query.status = selectedValue<CustomerStatus>(m_statusFilter);
    query.level = selectedValue<MembershipLevel>(m_levelFilter);
    const CustomerQuery& current = m_model->query();
    // A space typed between words asks nothing new; keep the list and its scroll position.
    if (query.text == current.text && query.type == current.type && query.status == current.status
        && query.level == current.level && m_model->errorString().isEmpty())
        return;
    m_model->setQuery(query);
}

void MainWindow::updateStatus()
{
    const QString error = m_model->errorString();
    if (error.isEmpty() && m_model->isCounting()) {
        if (!m_countingNotice.isActive())
            m_countingNotice.start();
        return;
    }
    m_countingNotice.stop();
    if (!error.isEmpty()) {
        m_countLabel->setText(tr("Search failed: %1").arg(error));
        return;
    }
    m_countLabel->setText(tr("%Ln customer(s)", nullptr, static_cast<int>(m_model->totalCount())));
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

// The model sorts only by name and by registration time; a click on another column must
// not leave the header claiming an order the rows are not in.
void MainWindow::keepSortIndicatorOnSortableColumn()
{
    QHeaderView* header = m_table->horizontalHeader();
    if (header->sortIndicatorSection() != m_model->sortColumn() || header->sortIndicatorOrder() != m_model->sortOrder())
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<const QKeyEvent*>(event);
        // From the search box straight into the results, as at the counter; a search still
        // waiting for the typist runs first so the results match the box.
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) {
            if (m_searchDelay.isActive()) {
                m_searchDelay.stop();
                applyFilters();
            }
            if (m_model->rowCount() == 0)
                return true;
            m_table->setFocus(Qt::TabFocusReason);
            if (!m_table->selectionModel()->hasSelection())
                m_table->selectRow(0);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace kasir
