#include "ui/views/CustomerListView.h"

#include "core/domain/Customer.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/Money.h"
#include "core/services/TagService.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/widgets/FieldMessages.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMetaEnum>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
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

const QString settingsOrganization = QStringLiteral("Kasir");
const QString settingsApplication = QStringLiteral("Kasir");
const QString savedFiltersGroup = QStringLiteral("savedFilters");
const QString hiddenColumnsKey = QStringLiteral("customerList/hiddenColumns");

// A date box whose lowest date stands for "any": the user clears it by going below.
const QDate anyDate(2000, 1, 1);

QDateEdit* optionalDateEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(anyDate);
    edit->setSpecialValueText(CustomerListView::tr("Any"));
    edit->setDate(anyDate);
    return edit;
}

std::optional<QDate> dateOf(const QDateEdit* edit)
{
    if (edit->date() == edit->minimumDate())
        return std::nullopt;
    return edit->date();
}

void setDate(QDateEdit* edit, const std::optional<QDate>& date)
{
    edit->setDate(date && date->isValid() ? *date : edit->minimumDate());
}

// Whether two queries ask for the same customers (order and paging aside).
bool sameFilters(const CustomerQuery& a, const CustomerQuery& b)
{
    return a.text == b.text && a.type == b.type && a.status == b.status && a.level == b.level
        && a.createdFrom == b.createdFrom && a.createdTo == b.createdTo && a.tags == b.tags
        && a.tagsMatch == b.tagsMatch && a.balance == b.balance && a.creditMin == b.creditMin
        && a.creditMax == b.creditMax && a.membershipActive == b.membershipActive && a.lastVisitFrom == b.lastVisitFrom
        && a.lastVisitTo == b.lastVisitTo && a.totalSpentMin == b.totalSpentMin && a.totalSpentMax == b.totalSpentMax
        && a.frequencies == b.frequencies && a.hasSales == b.hasSales && a.segments == b.segments;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvLine(const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& field : fields)
        quoted << csvField(field);
    return quoted.join(u',') + QStringLiteral("\r\n");
}

// What an exported cell holds: the stored values (E.164 phones, ISO dates), which a
// spreadsheet reads back better than the table's formatting for people.
QString exportText(const Customer& customer, int column)
{
    switch (column) {
    case CustomerTableModel::Code:
        return customer.code;
    case CustomerTableModel::Name:
        return customer.name;
    case CustomerTableModel::Phone:
        return customer.phone;
    case CustomerTableModel::Email:
        return customer.email;
    case CustomerTableModel::City:
        return customer.city;
    case CustomerTableModel::Type:
        return CustomerEnums::displayName(customer.type);
    case CustomerTableModel::Level:
        return CustomerEnums::displayName(customer.level);
    case CustomerTableModel::Status:
        return CustomerEnums::displayName(customer.status);
    case CustomerTableModel::Created:
        return QDateTime::fromMSecsSinceEpoch(customer.createdAt).toString(Qt::ISODate);
    default:
        return {};
    }
}

QString columnKey(int column)
{
    return QString::fromLatin1(QMetaEnum::fromType<CustomerTableModel::Column>().valueToKey(column));
}

} // namespace

CustomerListView::CustomerListView(Database& db, const Actor& actor, QWidget* parent)
    : QWidget(parent), m_model(new CustomerTableModel(db, actor, this)), m_db(db), m_actor(actor)
{
    {
        CustomerService customers(db, actor);
        if (const auto company = customers.company())
            m_moneyDigits = Money::minorDigits(company->currency);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    m_morePanel = createMoreFilters();
    m_morePanel->hide();
    layout->addWidget(m_morePanel);
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
    layout->addWidget(createActionBar());
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("listMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
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
        if (const auto customer = m_model->customerAt(index.row()))
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
    for (QComboBox* combo :
        {m_typeFilter, m_statusFilter, m_levelFilter, m_tagsMatch, m_balanceFilter, m_membershipFilter, m_salesFilter})
        connect(combo, &QComboBox::currentIndexChanged, this, &CustomerListView::applyFilters);
    for (QLineEdit* edit : {m_creditMin, m_creditMax, m_spentMin, m_spentMax})
        connect(edit, &QLineEdit::editingFinished, this, &CustomerListView::applyFilters);
    for (QDateEdit* edit : {m_lastVisitFrom, m_lastVisitTo, m_createdFrom, m_createdTo})
        connect(edit, &QDateEdit::dateChanged, this, &CustomerListView::applyFilters);
    for (QCheckBox* box : m_frequencyBoxes + m_segmentBoxes)
        connect(box, &QCheckBox::toggled, this, &CustomerListView::applyFilters);
    connect(m_tagFilter, &QListWidget::itemChanged, this, &CustomerListView::applyFilters);

    m_countingNotice.setSingleShot(true);
    m_countingNotice.setInterval(countingNoticeMs);
    connect(&m_countingNotice, &QTimer::timeout, this, [this] {
        if (m_model->isCounting())
            m_countLabel->setText(tr("Counting customers…"));
    });
    connect(m_model, &CustomerTableModel::totalCountChanged, this, &CustomerListView::updateStatus);
    connect(m_model, &CustomerTableModel::errorOccurred, this, &CustomerListView::updateStatus);
    connect(m_model, &CustomerTableModel::modelReset, this, &CustomerListView::updateStatus);
    readColumnSettings();
    fillSavedFilters();
    updateMoreFiltersBadge();
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

    m_moreButton = new QPushButton(bar);
    m_moreButton->setObjectName(QStringLiteral("moreFiltersButton"));
    m_moreButton->setCheckable(true);
    m_moreButton->setToolTip(tr("Tags, balance, visits, spending, frequency, segment and dates"));
    connect(m_moreButton, &QPushButton::toggled, this, [this](bool open) { m_morePanel->setVisible(open); });
    m_clearFilters = new QToolButton(bar);
    m_clearFilters->setObjectName(QStringLiteral("clearFilters"));
    m_clearFilters->setText(tr("Clear filters"));
    m_clearFilters->setAccessibleName(tr("Clear all filters"));
    connect(m_clearFilters, &QToolButton::clicked, this, &CustomerListView::clearFilters);
    row->addSpacing(12);
    row->addWidget(m_moreButton);
    row->addWidget(m_clearFilters);
    return bar;
}

QWidget* CustomerListView::createMoreFilters()
{
    auto* panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("moreFilters"));
    panel->setAccessibleName(tr("More filters"));
    panel->setFrameShape(QFrame::StyledPanel);
    auto* grid = new QGridLayout(panel);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    auto amountEdit = [&](const QString& name, const QString& accessible, bool negative) {
        auto* edit = new QLineEdit(panel);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setPlaceholderText(tr("Any"));
        edit->setClearButtonEnabled(true);
        auto* validator = new QDoubleValidator(negative ? -1e13 : 0, 1e13, m_moneyDigits, edit);
        validator->setNotation(QDoubleValidator::StandardNotation);
        edit->setValidator(validator);
        edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("-000.000.000.000")) + 24);
        return edit;
    };
    auto rangeRow = [](QWidget* from, QWidget* to) {
        auto* box = new QHBoxLayout;
        box->addWidget(from);
        box->addWidget(new QLabel(tr("to")));
        box->addWidget(to);
        box->addStretch(1);
        return box;
    };

    // Left: tags.
    m_tagFilter = new QListWidget(panel);
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setAccessibleName(tr("Tags"));
    m_tagFilter->setMaximumHeight(m_tagFilter->fontMetrics().height() * 7);
    m_tagFilter->setMaximumWidth(m_tagFilter->fontMetrics().horizontalAdvance(u'M') * 16);
    fillTagFilter();
    m_tagsMatch = new QComboBox(panel);
    m_tagsMatch->setObjectName(QStringLiteral("tagsMatch"));
    m_tagsMatch->setAccessibleName(tr("How the tags match"));
    m_tagsMatch->addItem(tr("Any of them"), static_cast<int>(CustomerQuery::TagsMatch::Any));
    m_tagsMatch->addItem(tr("All of them"), static_cast<int>(CustomerQuery::TagsMatch::All));
    auto* tagColumn = new QVBoxLayout;
    tagColumn->addWidget(buddyLabel(tr("Ta&gs:"), m_tagFilter));
    tagColumn->addWidget(m_tagFilter, 1);
    tagColumn->addWidget(m_tagsMatch);
    grid->addLayout(tagColumn, 0, 0, 5, 1);

    // Middle: figures.
    m_balanceFilter = new QComboBox(panel);
    m_balanceFilter->setObjectName(QStringLiteral("balanceFilter"));
    m_balanceFilter->addItem(tr("Any"));
    m_balanceFilter->addItem(tr("Holds credit"), static_cast<int>(CustomerQuery::Balance::Credit));
    m_balanceFilter->addItem(tr("Owes (debt)"), static_cast<int>(CustomerQuery::Balance::Debt));
    m_balanceFilter->addItem(tr("Zero"), static_cast<int>(CustomerQuery::Balance::Zero));
    m_creditMin = amountEdit(QStringLiteral("creditMin"), tr("Lowest balance"), true);
    m_creditMax = amountEdit(QStringLiteral("creditMax"), tr("Highest balance"), true);
    auto* balanceRow = rangeRow(m_creditMin, m_creditMax);
    balanceRow->insertWidget(0, m_balanceFilter);
    grid->addWidget(buddyLabel(tr("&Balance:"), m_balanceFilter), 0, 1);
    grid->addLayout(balanceRow, 0, 2);

    m_spentMin = amountEdit(QStringLiteral("spentMin"), tr("Lowest total spent"), false);
    m_spentMax = amountEdit(QStringLiteral("spentMax"), tr("Highest total spent"), false);
    grid->addWidget(buddyLabel(tr("Total s&pent:"), m_spentMin), 1, 1);
    grid->addLayout(rangeRow(m_spentMin, m_spentMax), 1, 2);

    m_lastVisitFrom = optionalDateEdit(QStringLiteral("lastVisitFrom"), tr("Last visit from"), panel);
    m_lastVisitTo = optionalDateEdit(QStringLiteral("lastVisitTo"), tr("Last visit until"), panel);
    grid->addWidget(buddyLabel(tr("Last &visit:"), m_lastVisitFrom), 2, 1);
    grid->addLayout(rangeRow(m_lastVisitFrom, m_lastVisitTo), 2, 2);

    m_createdFrom = optionalDateEdit(QStringLiteral("createdFrom"), tr("Registered from"), panel);
    m_createdTo = optionalDateEdit(QStringLiteral("createdTo"), tr("Registered until"), panel);
    grid->addWidget(buddyLabel(tr("&Registered:"), m_createdFrom), 3, 1);
    grid->addLayout(rangeRow(m_createdFrom, m_createdTo), 3, 2);

    m_membershipFilter = new QComboBox(panel);
    m_membershipFilter->setObjectName(QStringLiteral("membershipFilter"));
    m_membershipFilter->addItem(tr("Any"));
    m_membershipFilter->addItem(tr("Active"), true);
    m_membershipFilter->addItem(tr("Not active"), false);
    m_salesFilter = new QComboBox(panel);
    m_salesFilter->setObjectName(QStringLiteral("salesFilter"));
    m_salesFilter->addItem(tr("Any"));
    m_salesFilter->addItem(tr("With purchases"), true);
    m_salesFilter->addItem(tr("Without purchases"), false);
    auto* yesNoRow = new QHBoxLayout;
    yesNoRow->addWidget(m_membershipFilter);
    yesNoRow->addSpacing(12);
    yesNoRow->addWidget(buddyLabel(tr("P&urchases:"), m_salesFilter));
    yesNoRow->addWidget(m_salesFilter);
    yesNoRow->addStretch(1);
    grid->addWidget(buddyLabel(tr("&Membership:"), m_membershipFilter), 4, 1);
    grid->addLayout(yesNoRow, 4, 2);

    // Right: frequency and segment, any of the ticked ones.
    auto* frequencyGrid = new QGridLayout;
    frequencyGrid->addWidget(new QLabel(tr("Comes back:")), 0, 0, 1, 2);
    int index = 0;
    for (const QString& word : RepeatFrequencies::names()) {
        const auto frequency = RepeatFrequencies::parse(word);
        if (!frequency)
            continue;
        auto* box = new QCheckBox(RepeatFrequencies::displayName(*frequency), panel);
        box->setObjectName(QStringLiteral("frequency_") + word);
        box->setProperty("value", static_cast<int>(*frequency));
        m_frequencyBoxes << box;
        frequencyGrid->addWidget(box, 1 + index / 2, index % 2);
        ++index;
    }
    grid->addLayout(frequencyGrid, 0, 3, 3, 1);
    auto* segmentGrid = new QGridLayout;
    segmentGrid->addWidget(new QLabel(tr("Segment:")), 0, 0, 1, 4);
    index = 0;
    for (const QString& word : Rfm::names()) {
        const auto segment = Rfm::parse(word);
        if (!segment)
            continue;
        auto* box = new QCheckBox(Rfm::label(*segment), panel);
        box->setObjectName(QStringLiteral("segment_") + word);
        box->setToolTip(Rfm::description(*segment));
        box->setProperty("value", static_cast<int>(*segment));
        m_segmentBoxes << box;
        segmentGrid->addWidget(box, 1 + index / 4, index % 4);
        ++index;
    }
    grid->addLayout(segmentGrid, 3, 3, 2, 1);
    grid->setColumnStretch(4, 1); // the checkboxes stay beside their heading
    return panel;
}

void CustomerListView::fillTagFilter()
{
    const QStringList checked = [this] {
        QStringList names;
        for (int i = 0; i < m_tagFilter->count(); ++i) {
            if (m_tagFilter->item(i)->checkState() == Qt::Checked)
                names << m_tagFilter->item(i)->text();
        }
        return names;
    }();
    const QSignalBlocker block(m_tagFilter);
    m_tagFilter->clear();
    TagService tags(m_db, m_actor);
    const auto all = tags.list();
    if (!all)
        return;
    for (const Tag& tag : *all) {
        auto* item = new QListWidgetItem(tag.name, m_tagFilter);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(tag.name) ? Qt::Checked : Qt::Unchecked);
    }
}

QWidget* CustomerListView::createActionBar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_savedFilters = new QComboBox(bar);
    m_savedFilters->setObjectName(QStringLiteral("savedFilters"));
    m_savedFilters->setAccessibleName(tr("Saved filters"));
    m_savedFilters->setMinimumContentsLength(16);
    m_savedFilters->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_savedFilters, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applySavedFilters(m_savedFilters->itemText(index));
    });
    auto* save = new QToolButton(bar);
    save->setObjectName(QStringLiteral("saveFilters"));
    save->setText(tr("Save filters…"));
    save->setAccessibleName(tr("Save the current filters under a name"));
    connect(save, &QToolButton::clicked, this, [this] {
        const QString current = m_savedFilters->currentIndex() > 0 ? m_savedFilters->currentText() : QString();
        if (const auto name = prompt(tr("Name for these filters:"), current); name && !name->trimmed().isEmpty())
            saveFilters(name->trimmed());
    });
    m_deleteSaved = new QToolButton(bar);
    m_deleteSaved->setObjectName(QStringLiteral("deleteSavedFilters"));
    m_deleteSaved->setText(tr("Delete"));
    m_deleteSaved->setAccessibleName(tr("Delete the chosen saved filters"));
    connect(m_deleteSaved, &QToolButton::clicked, this, [this] {
        if (m_savedFilters->currentIndex() <= 0)
            return;
        const QString name = m_savedFilters->currentText();
        if (confirm(tr("Delete the saved filters “%1”?").arg(name)))
            deleteSavedFilters(name);
    });
    row->addWidget(buddyLabel(tr("Sa&ved:"), m_savedFilters));
    row->addWidget(m_savedFilters);
    row->addWidget(save);
    row->addWidget(m_deleteSaved);
    row->addStretch(1);

    m_columnMenu = new QMenu(this);
    auto* columns = new QToolButton(bar);
    columns->setObjectName(QStringLiteral("columnsButton"));
    columns->setText(tr("Columns"));
    columns->setAccessibleName(tr("Choose the columns"));
    columns->setMenu(m_columnMenu);
    columns->setPopupMode(QToolButton::InstantPopup);
    for (int column = 0; column < CustomerTableModel::ColumnCount; ++column) {
        auto* action = m_columnMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(column);
        action->setObjectName(QStringLiteral("column_") + columnKey(column));
        // The name says whose row it is; it stays.
        action->setEnabled(column != CustomerTableModel::Name);
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnVisible(column, on); });
    }
    row->addWidget(columns);

    auto* exportMenu = new QMenu(this);
    auto* exportSelected = exportMenu->addAction(tr("Selected customers…"));
    exportSelected->setObjectName(QStringLiteral("exportSelected"));
    connect(exportSelected, &QAction::triggered, this, [this] { askExport(false); });
    auto* exportAll = exportMenu->addAction(tr("All filtered customers…"));
    exportAll->setObjectName(QStringLiteral("exportAll"));
    connect(exportAll, &QAction::triggered, this, [this] { askExport(true); });
    auto* exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("Export CSV"));
    exportButton->setAccessibleName(tr("Export customers to a CSV file"));
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    row->addWidget(exportButton);

    if (canBulkUpdate()) {
        m_bulkButton = new QToolButton(bar);
        m_bulkButton->setObjectName(QStringLiteral("bulkActions"));
        m_bulkButton->setText(tr("Bulk actions"));
        m_bulkButton->setAccessibleName(tr("Change the selected customers"));
        m_bulkButton->setToolTip(tr("Change the selected customers, or every filtered one when none is selected"));
        m_bulkButton->setMenu(createBulkMenu());
        m_bulkButton->setPopupMode(QToolButton::InstantPopup);
        row->addWidget(m_bulkButton);
    }
    return bar;
}

QMenu* CustomerListView::createBulkMenu()
{
    auto* menu = new QMenu(this);
    auto add = [this](QMenu* into, const QString& text, const QString& name, const BulkService::Action& action) {
        auto* item = into->addAction(text);
        item->setObjectName(name);
        connect(item, &QAction::triggered, this, [this, action] { runBulkAction(action); });
    };
    QMenu* type = menu->addMenu(tr("Set &type"));
    for (const QString& word : CustomerEnums::typeNames()) {
        if (const auto value = CustomerEnums::parseType(word))
            add(type, CustomerEnums::displayName(*value), QStringLiteral("bulkType_") + word,
                BulkService::Action::setType(*value));
    }
    QMenu* status = menu->addMenu(tr("Set &status"));
    for (const QString& word : CustomerEnums::statusNames()) {
        if (const auto value = CustomerEnums::parseStatus(word))
            add(status, CustomerEnums::displayName(*value), QStringLiteral("bulkStatus_") + word,
                BulkService::Action::setStatus(*value));
    }
    menu->addSeparator();
    auto* addTag = menu->addAction(tr("&Add tag…"));
    addTag->setObjectName(QStringLiteral("bulkAddTag"));
    connect(addTag, &QAction::triggered, this, [this] {
        if (const auto name = prompt(tr("Tag to add:"), {}); name && !name->trimmed().isEmpty())
            runBulkAction(BulkService::Action::addTag(name->trimmed()));
    });
    auto* removeTag = menu->addAction(tr("&Remove tag…"));
    removeTag->setObjectName(QStringLiteral("bulkRemoveTag"));
    connect(removeTag, &QAction::triggered, this, [this] {
        if (const auto name = prompt(tr("Tag to remove:"), {}); name && !name->trimmed().isEmpty())
            runBulkAction(BulkService::Action::removeTag(name->trimmed()));
    });
    menu->addSeparator();
    add(menu, tr("Membership &on"), QStringLiteral("bulkMembershipOn"), BulkService::Action::membership(true));
    add(menu, tr("Membership o&ff"), QStringLiteral("bulkMembershipOff"), BulkService::Action::membership(false));
    return menu;
}

void CustomerListView::setUpTable()
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
        [this, header](const QPoint& at) { m_columnMenu->popup(header->mapToGlobal(at)); });
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

std::optional<qint64> CustomerListView::parseAmount(const QLineEdit* edit, QStringList* problems) const
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    if (!ok) {
        if (problems)
            *problems << tr("“%1” is not an amount (%2).").arg(text, edit->accessibleName());
        return std::nullopt;
    }
    return std::llround(value * std::pow(10.0, m_moneyDigits));
}

CustomerQuery CustomerListView::queryFromControls(QStringList* problems) const
{
    CustomerQuery query = m_extra;
    query.text = m_search->text().simplified();
    query.type = selectedValue<CustomerType>(m_typeFilter);
    query.status = selectedValue<CustomerStatus>(m_statusFilter);
    query.level = selectedValue<MembershipLevel>(m_levelFilter);
    query.tags.clear();
    for (int i = 0; i < m_tagFilter->count(); ++i) {
        if (m_tagFilter->item(i)->checkState() == Qt::Checked)
            query.tags << m_tagFilter->item(i)->text();
    }
    query.tagsMatch = static_cast<CustomerQuery::TagsMatch>(m_tagsMatch->currentData().toInt());
    query.balance = selectedValue<CustomerQuery::Balance>(m_balanceFilter);
    query.creditMin = parseAmount(m_creditMin, problems);
    query.creditMax = parseAmount(m_creditMax, problems);
    query.totalSpentMin = parseAmount(m_spentMin, problems);
    query.totalSpentMax = parseAmount(m_spentMax, problems);
    const QVariant membership = m_membershipFilter->currentData();
    query.membershipActive = membership.isValid() ? std::optional<bool>(membership.toBool()) : std::nullopt;
    const QVariant sales = m_salesFilter->currentData();
    query.hasSales = sales.isValid() ? std::optional<bool>(sales.toBool()) : std::nullopt;
    query.lastVisitFrom = dateOf(m_lastVisitFrom);
    query.lastVisitTo = dateOf(m_lastVisitTo);
    // The boxes hold days; a range the dashboard gave to the millisecond stays in m_extra.
    if (const auto from = dateOf(m_createdFrom))
        query.createdFrom = from->startOfDay().toMSecsSinceEpoch();
    if (const auto to = dateOf(m_createdTo))
        query.createdTo = to->addDays(1).startOfDay().toMSecsSinceEpoch();
    query.frequencies.clear();
    for (const QCheckBox* box : m_frequencyBoxes) {
        if (box->isChecked())
            query.frequencies << static_cast<RepeatFrequency>(box->property("value").toInt());
    }
    query.segments.clear();
    for (const QCheckBox* box : m_segmentBoxes) {
        if (box->isChecked())
            query.segments << static_cast<RfmSegment>(box->property("value").toInt());
    }
    return query;
}

void CustomerListView::applyFilters()
{
    if (m_settingControls)
        return;
    QStringList problems;
    CustomerQuery query = queryFromControls(&problems);
    updateMoreFiltersBadge();
    if (!problems.isEmpty()) {
        showMessage(problems.join(u' '), true);
        return;
    }
    query.sort = m_model->query().sort;
    query.descending = m_model->query().descending;
    // A space typed between words asks nothing new; keep the list and its scroll position.
    if (sameFilters(query, m_model->query()) && m_model->errorString().isEmpty() && !m_extraChanged)
        return;
    m_extraChanged = false;
    m_model->setQuery(query);
}

CustomerQuery CustomerListView::showInControls(const CustomerQuery& query)
{
    CustomerQuery rest = query;
    rest.text.clear();
    rest.type.reset();
    rest.status.reset();
    rest.level.reset();
    rest.tags.clear();
    rest.tagsMatch = CustomerQuery::TagsMatch::Any;
    rest.balance.reset();
    rest.creditMin.reset();
    rest.creditMax.reset();
    rest.totalSpentMin.reset();
    rest.totalSpentMax.reset();
    rest.membershipActive.reset();
    rest.hasSales.reset();
    rest.lastVisitFrom.reset();
    rest.lastVisitTo.reset();
    rest.frequencies.clear();
    rest.segments.clear();

    const bool wasSetting = m_settingControls;
    m_settingControls = true;
    m_search->clear();
    selectValue(m_typeFilter, query.type);
    selectValue(m_statusFilter, query.status);
    selectValue(m_levelFilter, query.level);
    fillTagFilter();
    for (const QString& name : query.tags) {
        const QList<QListWidgetItem*> found = m_tagFilter->findItems(name, Qt::MatchFixedString);
        if (found.isEmpty()) {
            auto* item = new QListWidgetItem(name, m_tagFilter);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
        for (QListWidgetItem* item : found)
            item->setCheckState(Qt::Checked);
    }
    for (int i = 0; i < m_tagFilter->count(); ++i) {
        QListWidgetItem* item = m_tagFilter->item(i);
        if (!query.tags.contains(item->text(), Qt::CaseInsensitive))
            item->setCheckState(Qt::Unchecked);
    }
    m_tagsMatch->setCurrentIndex(std::max(0, m_tagsMatch->findData(static_cast<int>(query.tagsMatch))));
    selectValue(m_balanceFilter, query.balance);
    const double unit = std::pow(10.0, m_moneyDigits);
    auto showAmount = [&](QLineEdit* edit, const std::optional<qint64>& minor) {
        edit->setText(minor ? QLocale().toString(static_cast<double>(*minor) / unit, 'f', m_moneyDigits) : QString());
    };
    showAmount(m_creditMin, query.creditMin);
    showAmount(m_creditMax, query.creditMax);
    showAmount(m_spentMin, query.totalSpentMin);
    showAmount(m_spentMax, query.totalSpentMax);
    auto selectBool = [](QComboBox* combo, const std::optional<bool>& value) {
        combo->setCurrentIndex(value ? std::max(0, combo->findData(*value)) : 0);
    };
    selectBool(m_membershipFilter, query.membershipActive);
    selectBool(m_salesFilter, query.hasSales);
    setDate(m_lastVisitFrom, query.lastVisitFrom);
    setDate(m_lastVisitTo, query.lastVisitTo);
    // A registration range goes into the day boxes when it is whole local days.
    const auto fromDay = query.createdFrom
        ? std::optional<QDate>(QDateTime::fromMSecsSinceEpoch(*query.createdFrom).date())
        : std::nullopt;
    const auto toDay = query.createdTo
        ? std::optional<QDate>(QDateTime::fromMSecsSinceEpoch(*query.createdTo).date().addDays(-1))
        : std::nullopt;
    const bool wholeDays = (!fromDay || fromDay->startOfDay().toMSecsSinceEpoch() == *query.createdFrom)
        && (!toDay || toDay->addDays(1).startOfDay().toMSecsSinceEpoch() == *query.createdTo)
        && (!fromDay || *fromDay > anyDate) && (!toDay || *toDay > anyDate);
    if (wholeDays) {
        rest.createdFrom.reset();
        rest.createdTo.reset();
        setDate(m_createdFrom, fromDay);
        setDate(m_createdTo, toDay);
    } else {
        setDate(m_createdFrom, std::nullopt);
        setDate(m_createdTo, std::nullopt);
    }
    for (QCheckBox* box : m_frequencyBoxes)
        box->setChecked(query.frequencies.contains(static_cast<RepeatFrequency>(box->property("value").toInt())));
    for (QCheckBox* box : m_segmentBoxes)
        box->setChecked(query.segments.contains(static_cast<RfmSegment>(box->property("value").toInt())));
    m_settingControls = wasSetting;
    return rest;
}

void CustomerListView::showQuery(const CustomerQuery& query, const QString& title)
{
    m_extra = {};
    m_extra = showInControls(query);
    m_extraTitle = title;
    m_extraChanged = true;
    m_extraLabel->setText(tr("Showing: %1").arg(title));
    m_extraBox->setVisible(!title.isEmpty());
    m_searchDelay.stop();
    applyFilters();
}

// "Show all" takes away what the dashboard chose beyond the bar's type, status and level.
void CustomerListView::clearExtraFilters()
{
    if (m_extraTitle.isEmpty())
        return;
    CustomerQuery keep;
    keep.type = selectedValue<CustomerType>(m_typeFilter);
    keep.status = selectedValue<CustomerStatus>(m_statusFilter);
    keep.level = selectedValue<MembershipLevel>(m_levelFilter);
    const QString text = m_search->text();
    m_extra = {};
    m_settingControls = true;
    showInControls(keep);
    m_search->setText(text);
    m_settingControls = false;
    m_searchDelay.stop();
    m_extraTitle.clear();
    m_extraChanged = true;
    m_extraBox->hide();
    applyFilters();
}

void CustomerListView::clearFilters()
{
    const QString text = m_search->text();
    m_extra = {};
    m_extraTitle.clear();
    m_extraBox->hide();
    m_settingControls = true;
    showInControls({});
    m_search->setText(text);
    m_settingControls = false;
    m_searchDelay.stop();
    m_extraChanged = true;
    applyFilters();
}

const CustomerQuery& CustomerListView::currentQuery() const
{
    return m_model->query();
}

int CustomerListView::activeFilterCount() const
{
    const CustomerQuery query = queryFromControls(nullptr);
    int count = 0;
    count += query.type ? 1 : 0;
    count += query.status ? 1 : 0;
    count += query.level ? 1 : 0;
    count += query.tags.isEmpty() ? 0 : 1;
    count += query.balance || query.creditMin || query.creditMax ? 1 : 0;
    count += query.totalSpentMin || query.totalSpentMax ? 1 : 0;
    count += query.membershipActive ? 1 : 0;
    count += query.hasSales ? 1 : 0;
    count += query.lastVisitFrom || query.lastVisitTo ? 1 : 0;
    count += query.createdFrom || query.createdTo ? 1 : 0;
    count += query.frequencies.isEmpty() ? 0 : 1;
    count += query.segments.isEmpty() ? 0 : 1;
    return count;
}

void CustomerListView::updateMoreFiltersBadge()
{
    const CustomerQuery query = queryFromControls(nullptr);
    const int all = activeFilterCount();
    const int bar = (query.type ? 1 : 0) + (query.status ? 1 : 0) + (query.level ? 1 : 0);
    const int more = all - bar;
    m_moreButton->setText(more > 0 ? tr("More filters (%1)").arg(more) : tr("More filters"));
    m_moreButton->setAccessibleName(tr("More filters, %n set", nullptr, more));
    m_clearFilters->setEnabled(all > 0);
}

void CustomerListView::showMessage(const QString& text, bool problem)
{
    FieldMessages::show(m_message, text, problem);
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
        // Filters core refuses (a range upside down, too many tags) are said here, not in a box.
        showMessage(error, true);
        return;
    }
    if (m_message->property("problem").toBool())
        showMessage({}, false);
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

QStringList CustomerListView::selectedIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex& index : rows) {
        if (const auto customer = m_model->customerAt(index.row()))
            ids << customer->id;
    }
    return ids;
}

bool CustomerListView::canBulkUpdate() const
{
    return m_actor.can(Permission::CustomerBulkUpdate);
}

bool CustomerListView::confirm(const QString& question)
{
    if (m_confirm)
        return m_confirm(question);
    return QMessageBox::question(this, tr("Customers"), question) == QMessageBox::Yes;
}

std::optional<QString> CustomerListView::prompt(const QString& label, const QString& text)
{
    if (m_prompt)
        return m_prompt(label, text);
    bool ok = false;
    const QString answer = QInputDialog::getText(this, tr("Customers"), label, QLineEdit::Normal, text, &ok);
    return ok ? std::optional<QString>(answer) : std::nullopt;
}

// Saved filters

QJsonObject CustomerListView::filtersToJson(const CustomerQuery& query)
{
    QJsonObject json;
    if (query.type)
        json[QStringLiteral("type")] = CustomerEnums::toString(*query.type);
    if (query.status)
        json[QStringLiteral("status")] = CustomerEnums::toString(*query.status);
    if (query.level)
        json[QStringLiteral("level")] = CustomerEnums::toString(*query.level);
    if (!query.tags.isEmpty()) {
        json[QStringLiteral("tags")] = QJsonArray::fromStringList(query.tags);
        json[QStringLiteral("tagsMatch")]
            = query.tagsMatch == CustomerQuery::TagsMatch::All ? QStringLiteral("all") : QStringLiteral("any");
    }
    if (query.balance)
        json[QStringLiteral("balance")] = CustomerQuery::toString(*query.balance);
    // Amounts and times are written as strings: JSON numbers are doubles.
    auto putNumber = [&](const QString& key, const std::optional<qint64>& value) {
        if (value)
            json[key] = QString::number(*value);
    };
    putNumber(QStringLiteral("creditMin"), query.creditMin);
    putNumber(QStringLiteral("creditMax"), query.creditMax);
    putNumber(QStringLiteral("totalSpentMin"), query.totalSpentMin);
    putNumber(QStringLiteral("totalSpentMax"), query.totalSpentMax);
    putNumber(QStringLiteral("createdFrom"), query.createdFrom);
    putNumber(QStringLiteral("createdTo"), query.createdTo);
    if (query.membershipActive)
        json[QStringLiteral("membershipActive")] = *query.membershipActive;
    if (query.hasSales)
        json[QStringLiteral("hasSales")] = *query.hasSales;
    if (query.lastVisitFrom)
        json[QStringLiteral("lastVisitFrom")] = query.lastVisitFrom->toString(Qt::ISODate);
    if (query.lastVisitTo)
        json[QStringLiteral("lastVisitTo")] = query.lastVisitTo->toString(Qt::ISODate);
    if (!query.frequencies.isEmpty()) {
        QJsonArray words;
        for (RepeatFrequency frequency : query.frequencies)
            words.append(RepeatFrequencies::toString(frequency));
        json[QStringLiteral("frequencies")] = words;
    }
    if (!query.segments.isEmpty()) {
        QJsonArray words;
        for (RfmSegment segment : query.segments)
            words.append(Rfm::toString(segment));
        json[QStringLiteral("segments")] = words;
    }
    return json;
}

CustomerQuery CustomerListView::filtersFromJson(const QJsonObject& json)
{
    CustomerQuery query;
    auto text = [&](const char* key) { return json.value(QLatin1String(key)).toString(); };
    query.type = CustomerEnums::parseType(text("type"));
    query.status = CustomerEnums::parseStatus(text("status"));
    query.level = CustomerEnums::parseLevel(text("level"));
    for (const QJsonValue& tag : json.value(QLatin1String("tags")).toArray()) {
        if (!tag.toString().isEmpty())
            query.tags << tag.toString();
    }
    query.tagsMatch = text("tagsMatch") == u"all" ? CustomerQuery::TagsMatch::All : CustomerQuery::TagsMatch::Any;
    query.balance = CustomerQuery::parseBalance(text("balance"));
    auto number = [&](const char* key) -> std::optional<qint64> {
        bool ok = false;
        const qint64 value = text(key).toLongLong(&ok);
        return ok ? std::optional<qint64>(value) : std::nullopt;
    };
    query.creditMin = number("creditMin");
    query.creditMax = number("creditMax");
    query.totalSpentMin = number("totalSpentMin");
    query.totalSpentMax = number("totalSpentMax");
    query.createdFrom = number("createdFrom");
    query.createdTo = number("createdTo");
    auto flag = [&](const char* key) -> std::optional<bool> {
        const QJsonValue value = json.value(QLatin1String(key));
        return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
    };
    query.membershipActive = flag("membershipActive");
    query.hasSales = flag("hasSales");
    auto day = [&](const char* key) -> std::optional<QDate> {
        const QDate date = QDate::fromString(text(key), Qt::ISODate);
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    };
    query.lastVisitFrom = day("lastVisitFrom");
    query.lastVisitTo = day("lastVisitTo");
    for (const QJsonValue& word : json.value(QLatin1String("frequencies")).toArray()) {
        if (const auto frequency = RepeatFrequencies::parse(word.toString()))
            query.frequencies << *frequency;
    }
    for (const QJsonValue& word : json.value(QLatin1String("segments")).toArray()) {
        if (const auto segment = Rfm::parse(word.toString()))
            query.segments << *segment;
    }
    return query;
}

QStringList CustomerListView::savedFilterNames() const
{
    QSettings settings(settingsOrganization, settingsApplication);
    settings.beginGroup(savedFiltersGroup);
    QStringList names;
    // Keys are percent-encoded so that any name survives QSettings' key rules.
    for (const QString& key : settings.childKeys())
        names << QUrl::fromPercentEncoding(key.toUtf8());
    names.sort(Qt::CaseInsensitive);
    return names;
}

void CustomerListView::fillSavedFilters()
{
    const QString current = m_savedFilters->currentIndex() > 0 ? m_savedFilters->currentText() : QString();
    const QSignalBlocker block(m_savedFilters);
    m_savedFilters->clear();
    const QStringList names = savedFilterNames();
    m_savedFilters->addItem(names.isEmpty() ? tr("No saved filters") : tr("Choose saved filters"));
    m_savedFilters->addItems(names);
    m_savedFilters->setCurrentIndex(std::max(0, m_savedFilters->findText(current)));
    m_savedFilters->setEnabled(!names.isEmpty());
    m_deleteSaved->setEnabled(!names.isEmpty());
}

void CustomerListView::saveFilters(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList problems;
    const CustomerQuery query = queryFromControls(&problems);
    QSettings settings(settingsOrganization, settingsApplication);
    settings.beginGroup(savedFiltersGroup);
    settings.setValue(QString::fromLatin1(QUrl::toPercentEncoding(trimmed)),
        QString::fromUtf8(QJsonDocument(filtersToJson(query)).toJson(QJsonDocument::Compact)));
    settings.endGroup();
    fillSavedFilters();
    m_savedFilters->setCurrentIndex(std::max(0, m_savedFilters->findText(trimmed)));
    showMessage(tr("Filters saved as “%1”.").arg(trimmed), false);
}

void CustomerListView::applySavedFilters(const QString& name)
{
    QSettings settings(settingsOrganization, settingsApplication);
    settings.beginGroup(savedFiltersGroup);
    const QString key = QString::fromLatin1(QUrl::toPercentEncoding(name));
    if (!settings.contains(key)) {
        showMessage(tr("There are no saved filters named “%1”.").arg(name), true);
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(settings.value(key).toString().toUtf8()).object();
    const QString text = m_search->text();
    m_extraTitle.clear();
    m_extraBox->hide();
    m_settingControls = true;
    m_extra = {};
    m_extra = showInControls(filtersFromJson(json));
    m_search->setText(text);
    m_settingControls = false;
    m_searchDelay.stop();
    m_extraChanged = true;
    {
        const QSignalBlocker block(m_savedFilters);
        m_savedFilters->setCurrentIndex(std::max(0, m_savedFilters->findText(name)));
    }
    applyFilters();
}

void CustomerListView::deleteSavedFilters(const QString& name)
{
    QSettings settings(settingsOrganization, settingsApplication);
    settings.beginGroup(savedFiltersGroup);
    settings.remove(QString::fromLatin1(QUrl::toPercentEncoding(name)));
    settings.endGroup();
    {
        const QSignalBlocker block(m_savedFilters);
        m_savedFilters->setCurrentIndex(0);
    }
    fillSavedFilters();
}

// Columns

void CustomerListView::readColumnSettings()
{
    const QSettings settings(settingsOrganization, settingsApplication);
    const QStringList hidden = settings.value(hiddenColumnsKey).toStringList();
    QHeaderView* header = m_table->horizontalHeader();
    for (int column = 0; column < CustomerTableModel::ColumnCount; ++column)
        header->setSectionHidden(column, column != CustomerTableModel::Name && hidden.contains(columnKey(column)));
    updateColumnMenu();
}

void CustomerListView::updateColumnMenu()
{
    QHeaderView* header = m_table->horizontalHeader();
    for (QAction* action : m_columnMenu->actions()) {
        const int column = action->data().toInt();
        const QSignalBlocker block(action);
        action->setText(m_model->headerData(column, Qt::Horizontal).toString());
        action->setChecked(!header->isSectionHidden(column));
    }
}

void CustomerListView::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= CustomerTableModel::ColumnCount || (column == CustomerTableModel::Name && !visible))
        return;
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionHidden(column, !visible);
    QStringList hidden;
    for (int c = 0; c < CustomerTableModel::ColumnCount; ++c) {
        if (header->isSectionHidden(c))
            hidden << columnKey(c);
    }
    QSettings settings(settingsOrganization, settingsApplication);
    settings.setValue(hiddenColumnsKey, hidden);
    updateColumnMenu();
}

// Bulk actions

void CustomerListView::runBulkAction(const BulkService::Action& action)
{
    if (!canBulkUpdate())
        return;
    const QStringList ids = selectedIds();
    if (m_model->hasPendingRestart()) {
        // Rows of the selection were found changed underneath: they may be other customers.
        showMessage(tr("Not done: the list changed while you were choosing. Choose the customers again."), true);
        return;
    }
    const BulkService::Selection selection
        = ids.isEmpty() ? BulkService::Selection::filtered(m_model->query()) : BulkService::Selection::picked(ids);
    BulkService bulk(m_db, m_actor);
    BulkService::Options dry;
    dry.dryRun = true;
    const auto preview = bulk.apply(selection, action, dry);
    if (!preview) {
        showMessage(tr("Not done: %1").arg(preview.error().message), true);
        return;
    }
    const QString what = [&] {
        switch (action.kind) {
        case BulkService::Action::Kind::SetType:
            return tr("Set the type to %1").arg(CustomerEnums::displayName(action.type));
        case BulkService::Action::Kind::SetStatus:
            return tr("Set the status to %1").arg(CustomerEnums::displayName(action.status));
        case BulkService::Action::Kind::AddTag:
            return tr("Add the tag “%1”").arg(action.tag);
        case BulkService::Action::Kind::RemoveTag:
            return tr("Remove the tag “%1”").arg(action.tag);
        case BulkService::Action::Kind::MembershipOn:
            return tr("Turn membership on");
        case BulkService::Action::Kind::MembershipOff:
            return tr("Turn membership off");
        }
        return QString();
    }();
    const QString whom = ids.isEmpty() ? tr("all %Ln filtered customer(s)", nullptr, static_cast<int>(preview->total))
                                       : tr("%Ln selected customer(s)", nullptr, static_cast<int>(preview->total));
    const QString question
        = tr("%1 for %2?\n%Ln would change", nullptr, static_cast<int>(preview->changed)).arg(what, whom)
        + (preview->unchanged > 0 ? u'\n' + tr("%Ln already so", nullptr, static_cast<int>(preview->unchanged))
                                  : QString())
        + (preview->failed > 0 ? u'\n' + tr("%Ln would be refused", nullptr, static_cast<int>(preview->failed))
                               : QString());
    if (!confirm(question))
        return;

    QProgressDialog progress(tr("Changing customers…"), tr("Cancel"), 0, 100, this);
    progress.setWindowTitle(what);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    BulkService::Options options;
    options.progress = [&progress](qint64 done, qint64 total) {
        if (total > 0) {
            progress.setMaximum(static_cast<int>(std::min<qint64>(total, INT_MAX)));
            progress.setValue(static_cast<int>(std::min<qint64>(done, INT_MAX)));
        } else {
            progress.setMaximum(0); // still reading the selection
        }
        return !progress.wasCanceled();
    };
    const auto outcome = bulk.apply(selection, action, options);
    progress.reset();
    m_model->refresh();
    fillTagFilter();
    if (!outcome) {
        showMessage(tr("Not done: %1").arg(outcome.error().message), true);
        return;
    }
    QString text = tr("%1: %2 changed, %3 unchanged, %4 failed.")
                       .arg(what)
                       .arg(outcome->changed)
                       .arg(outcome->unchanged)
                       .arg(outcome->failed);
    if (outcome->cancelled)
        text += u' ' + tr("Cancelled; %Ln not reached.", nullptr, static_cast<int>(outcome->remaining()));
    if (outcome->fault)
        text += u' ' + tr("Stopped: %1").arg(outcome->fault->message);
    if (!outcome->failures.isEmpty())
        text += u' '
            + tr("First refusal: %1 — %2")
                  .arg(outcome->failures.first().customer, outcome->failures.first().error.message);
    showMessage(text, outcome->failed > 0 || outcome->fault.has_value());
}

// Export

void CustomerListView::askExport(bool allFiltered)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("customers") + QStringLiteral(".csv"));
    const QString path = m_saveFileName
        ? m_saveFileName(suggested)
        : QFileDialog::getSaveFileName(this, tr("Export customers"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path, allFiltered);
}

bool CustomerListView::exportCsv(const QString& path, bool allFiltered)
{
    QList<int> columns;
    const QHeaderView* header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            columns << column;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        showMessage(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    // The byte order mark tells Excel the file is UTF-8.
    file.write("\xEF\xBB\xBF");
    QStringList titles;
    for (int column : columns)
        titles << m_model->headerData(column, Qt::Horizontal).toString();
    file.write(csvLine(titles).toUtf8());
    qint64 rows = 0;
    auto writeCustomer = [&](const Customer& customer) {
        QStringList fields;
        for (int column : columns)
            fields << exportText(customer, column);
        file.write(csvLine(fields).toUtf8());
        ++rows;
    };
    if (allFiltered) {
        CustomerService customers(m_db, m_actor);
        CustomerQuery query = m_model->query();
        query.after.clear();
        query.withTotal = false;
        query.limit = CustomerQuery::maxLimit;
        // Every filtered customer may be a million rows: the window shows how far it is and
        // the export can be cancelled, leaving no file behind.
        const qint64 total = m_model->totalCount();
        QProgressDialog progress(tr("Exporting customers…"), tr("Cancel"), 0,
            total > 0 ? static_cast<int>(std::min<qint64>(total, std::numeric_limits<int>::max())) : 0, this);
        progress.setObjectName(QStringLiteral("exportProgress"));
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(500);
        // A page may be short, even empty, and still have a next one: the end is an empty cursor.
        do {
            const auto page = customers.search(query);
            if (!page) {
                file.cancelWriting();
                showMessage(tr("Export failed: %1").arg(page.error().message), true);
                return false;
            }
            for (const Customer& customer : page->items)
                writeCustomer(customer);
            query.after = page->nextCursor;
            progress.setValue(
                static_cast<int>(std::min<qint64>(rows, progress.maximum() > 0 ? progress.maximum() : 0)));
            if (progress.wasCanceled()) {
                file.cancelWriting();
                showMessage(tr("Export cancelled; nothing was written."), false);
                return false;
            }
        } while (!query.after.isEmpty());
    } else {
        QModelIndexList selected = m_table->selectionModel()->selectedRows();
        std::sort(selected.begin(), selected.end(),
            [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
        for (const QModelIndex& index : selected) {
            if (const auto customer = m_model->customerAt(index.row()))
                writeCustomer(*customer);
        }
        if (m_model->hasPendingRestart()) {
            file.cancelWriting();
            showMessage(
                tr("Nothing was exported: the list changed while you were choosing. Choose the customers again."),
                true);
            return false;
        }
    }
    if (!file.commit()) {
        showMessage(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    showMessage(
        tr("%Ln customer(s) exported to %1.", nullptr, static_cast<int>(rows)).arg(QDir::toNativeSeparators(path)),
        false);
    return true;
}

} // namespace kasir
