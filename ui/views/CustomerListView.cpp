#include "ui/views/CustomerListView.h"

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
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace kasir {

namespace {

// "All" first (no filter), then each value of the enum under its translated name.
template<typename Enum>
void fillFilter(QComboBox* combo, const QStringList& words, std::optional<Enum> (*parse)(QStringView))
{
    combo->addItem(CustomerListView::tr("All"));
    for (const QString& word : words) {
        if (const std::optional<Enum> value = parse(word))
            combo->addItem(CustomerEnums::displayName(*value), static_cast<int>(*value));
    }
}

template<typename Enum>
void selectValue(QComboBox* combo, const std::optional<Enum>& value)
{
    combo->setCurrentIndex(value ? std::max(0, combo->findData(static_cast<int>(*value))) : 0);
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

CustomerListView::CustomerListView(Database& db, const Actor& actor, QWidget* parent)
    : QWidget(parent), m_model(new CustomerTableModel(db, actor, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    m_extraBox = new QWidget(this);
    auto* extraRow = new QHBoxLayout(m_extraBox);
    extraRow->setContentsMargins(0, 0, 0, 0);
    m_extraLabel = new QLabel(m_extraBox);
    m_extraLabel->setObjectName(QStringLiteral("extraFilters"));
    auto* clearExtra = new QToolButton(m_extraBox);
    clearExtra->setObjectName(QStringLiteral("clearExtraFilters"));
    clearExtra->setText(tr("Show all"));
    clearExtra->setToolTip(tr("Remove the filters chosen on the dashboard"));
    clearExtra->setAccessibleName(tr("Remove the dashboard's filters"));
    connect(clearExtra, &QToolButton::clicked, this, &CustomerListView::clearExtraFilters);
    extraRow->addWidget(m_extraLabel);
    extraRow->addWidget(clearExtra);
    extraRow->addStretch(1);
    m_extraBox->hide();
    layout->addWidget(m_extraBox);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setAccessibleName(tr("Customers"));
    layout->addWidget(m_table, 1);
    setUpTable();

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("customerCount"));
    layout->addWidget(m_countLabel);

    auto* find = new QAction(tr("Find Customer"), this);
    find->setShortcuts({QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_F3)});
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, &CustomerListView::focusSearch);
    addAction(find);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const Customer* customer = m_model->customerAt(index.row()))
            Q_EMIT customerOpened(customer->id);
    });

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &CustomerListView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyFilters();
    });
    for (QComboBox* combo : {m_typeFilter, m_statusFilter, m_levelFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &CustomerListView::applyFilters);

    m_countingNotice.setSingleShot(true);
    m_countingNotice.setInterval(countingNoticeMs);
    connect(&m_countingNotice, &QTimer::timeout, this, [this] {
        if (m_model->isCounting())
            m_countLabel->setText(tr("Counting customers…"));
    });
    connect(m_model, &CustomerTableModel::totalCountChanged, this, &CustomerListView::updateStatus);
    connect(m_model, &CustomerTableModel::errorOccurred, this, &CustomerListView::updateStatus);
    connect(m_model, &CustomerTableModel::modelReset, this, &CustomerListView::updateStatus);
    m_model->refresh();

    setFocusProxy(m_search);
}

CustomerListView::~CustomerListView() = default;

QWidget* CustomerListView::createFilterBar()
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

void CustomerListView::setUpTable()
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
    connect(header, &QHeaderView::sortIndicatorChanged, this, &CustomerListView::keepSortIndicatorOnSortableColumn);
    sizeColumns();
}

// Widths from what the columns hold, not from the loaded rows: measuring rows would cost
// a pass over them at every page and would make the columns jump while scrolling.
void CustomerListView::sizeColumns()
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

void CustomerListView::applyFilters()
{
    CustomerQuery query = m_extra;
    query.sort = m_model->query().sort;
    query.descending = m_model->query().descending;
    query.text = m_search->text().simplified();
    query.type = selectedValue<CustomerType>(m_typeFilter);
    query.status = selectedValue<CustomerStatus>(m_statusFilter);
    query.level = selectedValue<MembershipLevel>(m_levelFilter);
    const CustomerQuery& current = m_model->query();
    // A space typed between words asks nothing new; keep the list and its scroll position.
    if (query.text == current.text && query.type == current.type && query.status == current.status
        && query.level == current.level && m_model->errorString().isEmpty() && !m_extraChanged)
        return;
    m_extraChanged = false;
    m_model->setQuery(query);
}

void CustomerListView::showQuery(const CustomerQuery& query, const QString& title)
{
    m_extra = query;
    m_extra.text.clear();
    m_extra.type.reset();
    m_extra.status.reset();
    m_extra.level.reset();
    m_extraTitle = title;
    m_extraChanged = true;
    m_extraLabel->setText(tr("Showing: %1").arg(title));
    m_extraBox->setVisible(!title.isEmpty());
    {
        // One query for the whole change, not one per box.
        const QSignalBlocker blockSearch(m_search);
        const QSignalBlocker blockType(m_typeFilter);
        const QSignalBlocker blockStatus(m_statusFilter);
        const QSignalBlocker blockLevel(m_levelFilter);
        m_search->clear();
        selectValue(m_typeFilter, query.type);
        selectValue(m_statusFilter, query.status);
        selectValue(m_levelFilter, query.level);
    }
    m_searchDelay.stop();
    applyFilters();
}

void CustomerListView::clearExtraFilters()
{
    if (m_extraTitle.isEmpty())
        return;
    m_extra = {};
    m_extraTitle.clear();
    m_extraChanged = true;
    m_extraBox->hide();
    applyFilters();
}

void CustomerListView::updateStatus()
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

void CustomerListView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

// The model sorts only by name and by registration time; a click on another column must
// not leave the header claiming an order the rows are not in.
void CustomerListView::keepSortIndicatorOnSortableColumn()
{
    QHeaderView* header = m_table->horizontalHeader();
    if (header->sortIndicatorSection() != m_model->sortColumn() || header->sortIndicatorOrder() != m_model->sortOrder())
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

bool CustomerListView::eventFilter(QObject* watched, QEvent* event)
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
    return QWidget::eventFilter(watched, event);
}

} // namespace kasir
