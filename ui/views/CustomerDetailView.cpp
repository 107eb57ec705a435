#include "ui/views/CustomerDetailView.h"

#include "core/domain/Activity.h"
#include "core/domain/Clock.h"
#include "core/domain/CustomerContact.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/CustomerPreferences.h"
#include "core/domain/Ledger.h"
#include "core/domain/Membership.h"
#include "core/domain/Money.h"
#include "core/domain/Note.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/Sale.h"
#include "core/domain/Tag.h"
#include "core/services/ActivityService.h"
#include "core/services/CheckoutService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/LedgerService.h"
#include "core/services/MembershipService.h"
#include "core/services/MetricsService.h"
#include "core/services/NoteService.h"
#include "core/services/PreferenceService.h"
#include "core/services/PrivacyService.h"
#include "core/services/TagService.h"
#include "core/storage/Database.h"
#include "ui/widgets/FieldMessages.h"
#include "ui/widgets/Tables.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCursor>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace kasir {

namespace {

constexpr int chartMonths = 12;

// A round step for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

// Numbers are right-aligned, so their headings are too.
void alignNumberHeaders(QTableWidget* table, const QList<int>& columns)
{
    for (int column : columns) {
        if (QTableWidgetItem* header = table->horizontalHeaderItem(column))
            header->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
}

QTableWidgetItem* textCell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QTableWidgetItem* numberCell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setRow(QTableWidget* table, int row, const QList<QTableWidgetItem*>& cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, cells.at(column));
}

QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QString noteKindName(NoteKind kind)
{
    switch (kind) {
    case NoteKind::Personal:
        return CustomerDetailView::tr("Personal");
    case NoteKind::Preference:
        return CustomerDetailView::tr("Preference");
    case NoteKind::Issue:
        return CustomerDetailView::tr("Issue");
    case NoteKind::Feedback:
        return CustomerDetailView::tr("Feedback");
    }
    return {};
}

QString contactKindName(ContactKind kind)
{
    switch (kind) {
    case ContactKind::Whatsapp:
        return CustomerDetailView::tr("WhatsApp");
    case ContactKind::Email:
        return CustomerDetailView::tr("Email");
    case ContactKind::Phone:
        return CustomerDetailView::tr("Phone");
    }
    return {};
}

QString paymentName(const QString& word)
{
    if (word == u"cash")
        return CustomerDetailView::tr("Cash");
    if (word == u"card")
        return CustomerDetailView::tr("Card");
    if (word == u"mobile_money")
        return CustomerDetailView::tr("Mobile money");
    if (word == u"store_credit")
        return CustomerDetailView::tr("Store credit");
    return word;
}

QString contactTimeName(const QString& word)
{
    if (word == u"morning")
        return CustomerDetailView::tr("Morning");
    if (word == u"afternoon")
        return CustomerDetailView::tr("Afternoon");
    if (word == u"evening")
        return CustomerDetailView::tr("Evening");
    if (word == u"anytime")
        return CustomerDetailView::tr("Any time");
    return word;
}

QString pointsKindName(PointsKind kind)
{
    switch (kind) {
    case PointsKind::Earned:
        return CustomerDetailView::tr("Earned");
    case PointsKind::Redeemed:
        return CustomerDetailView::tr("Redeemed");
    case PointsKind::Adjusted:
        return CustomerDetailView::tr("Adjusted");
    case PointsKind::Reversed:
        return CustomerDetailView::tr("Reversed");
    case PointsKind::Expired:
        return CustomerDetailView::tr("Expired");
    }
    return {};
}

QString creditKindName(CreditKind kind)
{
    switch (kind) {
    case CreditKind::Credit:
        return CustomerDetailView::tr("Top-up");
    case CreditKind::Debit:
        return CustomerDetailView::tr("Debit");
    case CreditKind::CarryOver:
        return CustomerDetailView::tr("Carried over");
    case CreditKind::SaleOnAccount:
        return CustomerDetailView::tr("Sale on account");
    case CreditKind::Repayment:
        return CustomerDetailView::tr("Repayment");
    case CreditKind::Adjustment:
        return CustomerDetailView::tr("Adjustment");
    case CreditKind::Reversal:
        return CustomerDetailView::tr("Reversal");
    }
    return {};
}

QIcon swatch(const QString& color, const QPalette& palette)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette.color(QPalette::Mid));
    painter.setBrush(QColor::fromString(color));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

// A caption over a value in the header: "Points" over "1,250".
QWidget* figure(QWidget* parent, const QString& caption, QLabel*& value, const QString& objectName)
{
    auto* box = new QWidget(parent);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 16, 0);
    column->setSpacing(0);
    auto* captionLabel = new QLabel(caption, box);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    value = new QLabel(box);
    value->setObjectName(objectName);
    value->setAccessibleName(caption);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = value->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    value->setFont(bold);
    column->addWidget(captionLabel);
    column->addWidget(value);
    return box;
}

} // namespace

CustomerDetailView::CustomerDetailView(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_company(company)
{
    setObjectName(QStringLiteral("customerDetail"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Customer details"));
    m_tabs->addTab(createProfileTab(), tr("&Profile"));
    m_tabs->addTab(createPurchasesTab(), tr("P&urchases"));
    m_tabs->addTab(createLedgerTab(), tr("Points && &credit"));
    m_tabs->addTab(createNotesTab(), tr("&Notes"));
    m_tabs->addTab(createTagsTab(), tr("T&ags"));
    m_tabs->addTab(createContactsTab(), tr("Con&tacts"));
    m_tabs->addTab(createPreferencesTab(), tr("Pre&ferences"));
    // The activity log names who changed what: only for roles that may read it.
    if (m_actor.can(Permission::ActivityRead))
        m_tabs->addTab(createActivityTab(), tr("Acti&vity"));
    layout->addWidget(m_tabs, 1);

    auto* back = new QAction(tr("Back to the customer list"), this);
    back->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Back)});
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, &CustomerDetailView::backRequested);
    addAction(back);

    m_exportPath = [this] {
        const QString suggested = QStringLiteral("customer-%1.json").arg(m_customer.code);
        return QFileDialog::getSaveFileName(this, tr("Export Customer Data"), suggested, tr("JSON documents (*.json)"));
    };
    m_reasonPrompt = [this](const QString& title, const QString& text) -> std::optional<QString> {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, title, text, QLineEdit::Normal, {}, &ok);
        if (!ok)
            return std::nullopt;
        return reason;
    };
}

CustomerDetailView::~CustomerDetailView() = default;

void CustomerDetailView::setExportPathProvider(std::function<QString()> provider)
{
    m_exportPath = std::move(provider);
}

void CustomerDetailView::setReasonPrompt(ReasonPrompt prompt)
{
    m_reasonPrompt = std::move(prompt);
}

QWidget* CustomerDetailView::createHeader()
{
    auto* header = new QWidget(this);
    auto* column = new QVBoxLayout(header);
    column->setContentsMargins(0, 0, 0, 4);

    auto* top = new QHBoxLayout;
    auto* backButton = new QToolButton(header);
    backButton->setObjectName(QStringLiteral("backButton"));
    backButton->setText(tr("Back"));
    backButton->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    backButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    backButton->setToolTip(tr("Back to the customer list (Esc)"));
    backButton->setAccessibleName(tr("Back to the customer list"));
    connect(backButton, &QToolButton::clicked, this, &CustomerDetailView::backRequested);
    top->addWidget(backButton);
    top->addSpacing(8);

    m_name = new QLabel(header);
    m_name->setObjectName(QStringLiteral("customerName"));
    m_name->setAccessibleName(tr("Customer name"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_name->setFont(big);
    top->addWidget(m_name);
    m_code = new QLabel(header);
    m_code->setObjectName(QStringLiteral("customerCode"));
    m_code->setAccessibleName(tr("Customer code"));
    m_code->setForegroundRole(QPalette::PlaceholderText);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_code, 0, Qt::AlignBottom);
    top->addStretch(1);

    m_toggleActive = new QPushButton(header);
    m_toggleActive->setObjectName(QStringLiteral("toggleActiveButton"));
    m_toggleActive->setVisible(m_actor.can(Permission::CustomerDeactivate));
    connect(m_toggleActive, &QPushButton::clicked, this, &CustomerDetailView::toggleActive);
    top->addWidget(m_toggleActive);
    m_export = new QPushButton(tr("&Export Data…"), header);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export everything stored about the customer"));
    m_export->setToolTip(tr("Save everything stored about this customer as a JSON document"));
    m_export->setVisible(m_actor.can(Permission::CustomerExport));
    connect(m_export, &QPushButton::clicked, this, &CustomerDetailView::exportData);
    top->addWidget(m_export);
    m_anonymise = new QPushButton(tr("Anonym&ise…"), header);
    m_anonymise->setObjectName(QStringLiteral("anonymiseButton"));
    m_anonymise->setAccessibleName(tr("Anonymise the customer"));
    m_anonymise->setToolTip(tr("Erase this customer's personal data and keep their sales and ledgers"));
    m_anonymise->setVisible(m_actor.can(Permission::CustomerAnonymise));
    connect(m_anonymise, &QPushButton::clicked, this, &CustomerDetailView::anonymise);
    top->addWidget(m_anonymise);
    m_delete = new QPushButton(tr("&Delete…"), header);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_delete->setAccessibleName(tr("Delete the customer"));
    m_delete->setToolTip(tr("Delete a customer who has no sales or ledger entries"));
    m_delete->setVisible(m_actor.can(Permission::CustomerDelete));
    connect(m_delete, &QPushButton::clicked, this, &CustomerDetailView::removeCustomer);
    top->addWidget(m_delete);
    column->addLayout(top);

    auto* figures = new QHBoxLayout;
    figures->setContentsMargins(0, 4, 0, 0);
    figures->addWidget(figure(header, tr("Level"), m_level, QStringLiteral("customerLevel")));
    figures->addWidget(figure(header, tr("Type"), m_type, QStringLiteral("customerType")));
    figures->addWidget(figure(header, tr("Status"), m_status, QStringLiteral("customerStatus")));
    figures->addWidget(figure(header, tr("Discount"), m_discount, QStringLiteral("customerDiscount")));
    figures->addWidget(figure(header, tr("Points"), m_points, QStringLiteral("customerPoints")));
    figures->addWidget(figure(header, tr("Store credit"), m_balance, QStringLiteral("customerBalance")));
    figures->addStretch(1);
    column->addLayout(figures);

    m_warning = FieldMessages::makeLabel(header, QStringLiteral("customerWarning"));
    m_warning->setAccessibleName(tr("Warning"));
    m_warning->setAutoFillBackground(true);
    m_warning->setMargin(6);
    column->addWidget(m_warning);
    m_message = FieldMessages::makeLabel(header, QStringLiteral("detailMessage"));
    m_message->setAccessibleName(tr("Result of the last action"));
    column->addWidget(m_message);
    return header;
}

QWidget* CustomerDetailView::createProfileTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    auto* grid = new QHBoxLayout;
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    for (QFormLayout* form : {left, right})
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Each field with its message under it; the message is the one the service gave.
    auto addField = [&](QFormLayout* form, const QString& label, QWidget* editor, const QString& field) {
        editor->setObjectName(field + QStringLiteral("Edit"));
        editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        auto* box = new QWidget(tab);
        auto* stack = new QVBoxLayout(box);
        stack->setContentsMargins(0, 0, 0, 0);
        stack->setSpacing(2);
        stack->addWidget(editor);
        QLabel* error = FieldMessages::makeLabel(box, field + QStringLiteral("Error"));
        error->setAccessibleName(tr("Problem with %1").arg(editor->accessibleName()));
        stack->addWidget(error);
        m_fieldErrors.insert(field, error);
        form->addRow(buddyLabel(label, editor), box);
    };

    m_nameEdit = new QLineEdit(tab);
    addField(left, tr("Na&me:"), m_nameEdit, QStringLiteral("name"));
    m_phoneEdit = new QLineEdit(tab);
    m_phoneEdit->setPlaceholderText(tr("0812-3456-7890"));
    addField(left, tr("P&hone:"), m_phoneEdit, QStringLiteral("phone"));
    m_emailEdit = new QLineEdit(tab);
    m_emailEdit->setPlaceholderText(tr("name@example.com"));
    addField(left, tr("E&mail:"), m_emailEdit, QStringLiteral("email"));
    m_birthDateEdit = new QDateEdit(tab);
    m_birthDateEdit->setCalendarPopup(true);
    // The locale's short date with the whole year: "85" could be 1985 or 2085.
    QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(QStringLiteral("yyyy")))
        dateFormat.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    m_birthDateEdit->setDisplayFormat(dateFormat);
    // The earliest date stands for "not given": a form cannot leave a date box empty.
    m_birthDateEdit->setMinimumDate(QDate(1900, 1, 1));
    m_birthDateEdit->setSpecialValueText(tr("Not given"));
    addField(left, tr("&Birth date:"), m_birthDateEdit, QStringLiteral("birthDate"));
    m_genderEdit = new QComboBox(tab);
    m_genderEdit->addItem(tr("Not given"), CustomerEnums::toString(Gender::Unspecified));
    for (const QString& word : CustomerEnums::genderNames()) {
        if (const auto gender = CustomerEnums::parseGender(word))
            m_genderEdit->addItem(CustomerEnums::displayName(*gender), word);
    }
    addField(left, tr("&Gender:"), m_genderEdit, QStringLiteral("gender"));

    m_addressEdit = new QLineEdit(tab);
    addField(right, tr("&Address:"), m_addressEdit, QStringLiteral("address"));
    m_cityEdit = new QLineEdit(tab);
    addField(right, tr("C&ity:"), m_cityEdit, QStringLiteral("city"));
    m_provinceEdit = new QLineEdit(tab);
    addField(right, tr("Pro&vince:"), m_provinceEdit, QStringLiteral("province"));
    m_postalCodeEdit = new QLineEdit(tab);
    addField(right, tr("Posta&l code:"), m_postalCodeEdit, QStringLiteral("postalCode"));
    m_notesEdit = new QPlainTextEdit(tab);
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setMaximumHeight(m_notesEdit->fontMetrics().lineSpacing() * 5);
    addField(right, tr("N&otes:"), m_notesEdit, QStringLiteral("notes"));

    grid->addLayout(left, 1);
    grid->addSpacing(24);
    grid->addLayout(right, 1);
    column->addLayout(grid);

    auto* buttons = new QHBoxLayout;
    m_profileStatus = FieldMessages::makeLabel(tab, QStringLiteral("profileStatus"));
    m_profileStatus->setAccessibleName(tr("Result of saving the profile"));
    buttons->addWidget(m_profileStatus, 1);
    buttons->addStretch(0);
    m_revert = new QPushButton(tr("&Revert"), tab);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setAccessibleName(tr("Revert the profile to what is saved"));
    connect(m_revert, &QPushButton::clicked, this, [this] {
        loadProfile();
        showMessage(m_profileStatus, {}, false);
    });
    buttons->addWidget(m_revert);
    m_save = new QPushButton(tr("&Save"), tab);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAccessibleName(tr("Save the profile"));
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &CustomerDetailView::saveProfile);
    buttons->addWidget(m_save);
    column->addLayout(buttons);
    m_profileDates = new QLabel(tab);
    m_profileDates->setObjectName(QStringLiteral("profileDates"));
    m_profileDates->setAccessibleName(tr("When the customer was registered and last changed"));
    m_profileDates->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_profileDates);
    column->addStretch(1);

    if (!m_actor.can(Permission::CustomerUpdate)) {
        for (QLineEdit* edit :
            {m_nameEdit, m_phoneEdit, m_emailEdit, m_addressEdit, m_cityEdit, m_provinceEdit, m_postalCodeEdit})
            edit->setReadOnly(true);
        m_notesEdit->setReadOnly(true);
        m_birthDateEdit->setReadOnly(true);
        m_genderEdit->setEnabled(false);
        m_save->hide();
        m_revert->hide();
    }
    return tab;
}

QWidget* CustomerDetailView::createPurchasesTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    m_figures = new QLabel(tab);
    m_figures->setObjectName(QStringLiteral("purchaseFigures"));
    m_figures->setAccessibleName(tr("Purchase figures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_figures);

    auto* tables = new QHBoxLayout;
    auto* salesBox = new QVBoxLayout;
    m_sales = Tables::makeReadOnly(tab, QStringLiteral("salesTable"), tr("Recent sales"),
        {tr("Order"), tr("Date"), tr("Items"), tr("Discount"), tr("Total"), tr("Points")}, 1);
    alignNumberHeaders(m_sales, {2, 3, 4, 5});
    salesBox->addWidget(buddyLabel(tr("&Recent sales"), m_sales));
    salesBox->addWidget(m_sales);
    tables->addLayout(salesBox, 3);
    auto* productsBox = new QVBoxLayout;
    m_topProducts = Tables::makeReadOnly(
        tab, QStringLiteral("topProductsTable"), tr("Top products"), {tr("Product"), tr("Qty"), tr("Amount")}, 0);
    alignNumberHeaders(m_topProducts, {1, 2});
    productsBox->addWidget(buddyLabel(tr("&Top products"), m_topProducts));
    productsBox->addWidget(m_topProducts);
    tables->addLayout(productsBox, 2);
    column->addLayout(tables, 1);

    m_chart = new QChartView(tab);
    m_chart->setObjectName(QStringLiteral("spendingChart"));
    m_chart->setAccessibleName(tr("Spending per month"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    column->addWidget(m_chart, 1);
    return tab;
}

QWidget* CustomerDetailView::createLedgerTab()
{
    auto* tab = new QWidget(this);
    auto* row = new QHBoxLayout(tab);

    auto* pointsBox = new QGroupBox(tr("Points"), tab);
    auto* pointsColumn = new QVBoxLayout(pointsBox);
    m_pointsBalance = new QLabel(pointsBox);
    m_pointsBalance->setObjectName(QStringLiteral("pointsBalance"));
    m_pointsBalance->setAccessibleName(tr("Points balance"));
    pointsColumn->addWidget(m_pointsBalance);
    m_pointsTable = Tables::makeReadOnly(pointsBox, QStringLiteral("pointsTable"), tr("Points history"),
        {tr("Date"), tr("Kind"), tr("Points"), tr("Balance"), tr("Reason")}, 4);
    alignNumberHeaders(m_pointsTable, {2, 3});
    pointsColumn->addWidget(m_pointsTable);
    row->addWidget(pointsBox, 1);

    auto* creditBox = new QGroupBox(tr("Store credit"), tab);
    auto* creditColumn = new QVBoxLayout(creditBox);
    m_creditBalance = new QLabel(creditBox);
    m_creditBalance->setObjectName(QStringLiteral("creditBalance"));
    m_creditBalance->setAccessibleName(tr("Store credit balance"));
    creditColumn->addWidget(m_creditBalance);
    m_creditTable = Tables::makeReadOnly(creditBox, QStringLiteral("creditTable"), tr("Store credit history"),
        {tr("Date"), tr("Kind"), tr("Amount"), tr("Balance"), tr("Reason")}, 4);
    alignNumberHeaders(m_creditTable, {2, 3});
    creditColumn->addWidget(m_creditTable);
    row->addWidget(creditBox, 1);
    return tab;
}

QWidget* CustomerDetailView::createNotesTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    auto* addRow = new QHBoxLayout;
    m_noteKind = new QComboBox(tab);
    m_noteKind->setObjectName(QStringLiteral("noteKind"));
    m_noteKind->setAccessibleName(tr("Kind of note"));
    for (const QString& word : NoteKinds::names()) {
        if (const auto kind = NoteKinds::parse(word))
            m_noteKind->addItem(noteKindName(*kind), word);
    }
    m_noteBody = new QPlainTextEdit(tab);
    m_noteBody->setObjectName(QStringLiteral("noteBody"));
    m_noteBody->setAccessibleName(tr("New note"));
    m_noteBody->setPlaceholderText(tr("What should the next person serving this customer know?"));
    m_noteBody->setTabChangesFocus(true);
    m_noteBody->setMaximumHeight(m_noteBody->fontMetrics().lineSpacing() * 4);
    m_addNote = new QPushButton(tr("Add &Note"), tab);
    m_addNote->setObjectName(QStringLiteral("addNoteButton"));
    m_addNote->setAccessibleName(tr("Add the note"));
    connect(m_addNote, &QPushButton::clicked, this, &CustomerDetailView::addNote);
    auto* kindColumn = new QVBoxLayout;
    kindColumn->addWidget(buddyLabel(tr("&Kind:"), m_noteKind));
    kindColumn->addWidget(m_noteKind);
    kindColumn->addStretch(1);
    addRow->addLayout(kindColumn);
    addRow->addWidget(m_noteBody, 1);
    addRow->addWidget(m_addNote, 0, Qt::AlignTop);
    column->addLayout(addRow);
    m_noteStatus = FieldMessages::makeLabel(tab, QStringLiteral("noteStatus"));
    m_noteStatus->setAccessibleName(tr("Result of adding the note"));
    column->addWidget(m_noteStatus);
    m_notes = new QListWidget(tab);
    m_notes->setObjectName(QStringLiteral("notesList"));
    m_notes->setAccessibleName(tr("Notes, newest first"));
    m_notes->setWordWrap(true);
    m_notes->setAlternatingRowColors(true);
    m_notes->setSpacing(2);
    column->addWidget(m_notes, 1);
    if (!m_actor.can(Permission::NoteWrite)) {
        for (QWidget* w :
            {static_cast<QWidget*>(m_noteKind), static_cast<QWidget*>(m_noteBody), static_cast<QWidget*>(m_addNote)})
            w->setEnabled(false);
    }
    return tab;
}

QWidget* CustomerDetailView::createTagsTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    auto* addRow = new QHBoxLayout;
    m_tagName = new QLineEdit(tab);
    m_tagName->setObjectName(QStringLiteral("tagName"));
    m_tagName->setAccessibleName(tr("Tag to add"));
    m_tagName->setMaxLength(Tag::maxName);
    m_tagName->setPlaceholderText(tr("Tag name, new or existing"));
    connect(m_tagName, &QLineEdit::returnPressed, this, &CustomerDetailView::addTag);
    m_addTag = new QPushButton(tr("&Add Tag"), tab);
    m_addTag->setObjectName(QStringLiteral("addTagButton"));
    m_addTag->setAccessibleName(tr("Add the tag"));
    connect(m_addTag, &QPushButton::clicked, this, &CustomerDetailView::addTag);
    m_removeTag = new QPushButton(tr("&Remove Tag"), tab);
    m_removeTag->setObjectName(QStringLiteral("removeTagButton"));
    m_removeTag->setAccessibleName(tr("Remove the selected tag"));
    connect(m_removeTag, &QPushButton::clicked, this, &CustomerDetailView::removeTag);
    addRow->addWidget(buddyLabel(tr("Ta&g:"), m_tagName));
    addRow->addWidget(m_tagName, 1);
    addRow->addWidget(m_addTag);
    addRow->addWidget(m_removeTag);
    column->addLayout(addRow);
    m_tagStatus = FieldMessages::makeLabel(tab, QStringLiteral("tagStatus"));
    m_tagStatus->setAccessibleName(tr("Result of the last tag change"));
    column->addWidget(m_tagStatus);
    m_tags = new QListWidget(tab);
    m_tags->setObjectName(QStringLiteral("tagsList"));
    m_tags->setAccessibleName(tr("Tags"));
    column->addWidget(m_tags, 1);
    if (!m_actor.can(Permission::TagAssign)) {
        m_tagName->setEnabled(false);
        m_addTag->setEnabled(false);
        m_removeTag->setEnabled(false);
        m_tagName->setPlaceholderText(tr("Tags are put on and taken off by managers"));
    }
    return tab;
}

QWidget* CustomerDetailView::createContactsTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    auto* addRow = new QHBoxLayout;
    m_contactKind = new QComboBox(tab);
    m_contactKind->setObjectName(QStringLiteral("contactKind"));
    m_contactKind->setAccessibleName(tr("Kind of contact"));
    for (const QString& word : ContactKinds::names()) {
        if (const auto kind = ContactKinds::parse(word))
            m_contactKind->addItem(contactKindName(*kind), word);
    }
    m_contactValue = new QLineEdit(tab);
    m_contactValue->setObjectName(QStringLiteral("contactValue"));
    m_contactValue->setAccessibleName(tr("Number or address"));
    m_contactValue->setMaxLength(ContactService::maxValue);
    m_contactValue->setPlaceholderText(tr("Number or email address"));
    m_contactLabel = new QLineEdit(tab);
    m_contactLabel->setObjectName(QStringLiteral("contactLabel"));
    m_contactLabel->setAccessibleName(tr("Label"));
    m_contactLabel->setMaxLength(ContactService::maxLabel);
    m_contactLabel->setPlaceholderText(tr("Label: office, daughter…"));
    m_addContact = new QPushButton(tr("&Add Contact"), tab);
    m_addContact->setObjectName(QStringLiteral("addContactButton"));
    m_addContact->setAccessibleName(tr("Add the contact"));
    connect(m_addContact, &QPushButton::clicked, this, &CustomerDetailView::addContact);
    addRow->addWidget(buddyLabel(tr("&Kind:"), m_contactKind));
    addRow->addWidget(m_contactKind);
    addRow->addWidget(m_contactValue, 2);
    addRow->addWidget(m_contactLabel, 1);
    addRow->addWidget(m_addContact);
    column->addLayout(addRow);
    m_contactStatus = FieldMessages::makeLabel(tab, QStringLiteral("contactStatus"));
    m_contactStatus->setAccessibleName(tr("Result of the last contact change"));
    column->addWidget(m_contactStatus);
    m_contacts = Tables::makeReadOnly(tab, QStringLiteral("contactsTable"), tr("Additional contacts"),
        {tr("Kind"), tr("Number or address"), tr("Label"), tr("Primary")}, 1);
    column->addWidget(m_contacts, 1);
    auto* removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    m_removeContact = new QPushButton(tr("Re&move Contact"), tab);
    m_removeContact->setObjectName(QStringLiteral("removeContactButton"));
    m_removeContact->setAccessibleName(tr("Remove the selected contact"));
    connect(m_removeContact, &QPushButton::clicked, this, &CustomerDetailView::removeContact);
    removeRow->addWidget(m_removeContact);
    column->addLayout(removeRow);
    if (!m_actor.can(Permission::CustomerUpdate)) {
        for (QWidget* w : {static_cast<QWidget*>(m_contactKind), static_cast<QWidget*>(m_contactValue),
                 static_cast<QWidget*>(m_contactLabel), static_cast<QWidget*>(m_addContact),
                 static_cast<QWidget*>(m_removeContact)})
            w->setEnabled(false);
    }
    return tab;
}

QWidget* CustomerDetailView::createPreferencesTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_payment = new QComboBox(tab);
    m_payment->setObjectName(QStringLiteral("preferredPayment"));
    m_payment->setAccessibleName(tr("Preferred payment"));
    m_payment->addItem(tr("Not said"), QString());
    for (const QString& word : CustomerPreferences::paymentNames())
        m_payment->addItem(paymentName(word), word);
    form->addRow(buddyLabel(tr("Preferred &payment:"), m_payment), m_payment);
    m_contactTime = new QComboBox(tab);
    m_contactTime->setObjectName(QStringLiteral("bestContactTime"));
    m_contactTime->setAccessibleName(tr("Best time to contact"));
    m_contactTime->addItem(tr("Not said"), QString());
    for (const QString& word : CustomerPreferences::contactTimeNames())
        m_contactTime->addItem(contactTimeName(word), word);
    form->addRow(buddyLabel(tr("Best &time to contact:"), m_contactTime), m_contactTime);
    m_offers = new QCheckBox(tr("May receive &offers"), tab);
    m_offers->setObjectName(QStringLiteral("canReceiveOffers"));
    m_loyalty = new QCheckBox(tr("May receive &loyalty messages (points, level)"), tab);
    m_loyalty->setObjectName(QStringLiteral("canReceiveLoyalty"));
    m_doNotContact = new QCheckBox(tr("&Do not contact at all"), tab);
    m_doNotContact->setObjectName(QStringLiteral("doNotContact"));
    m_doNotContact->setToolTip(tr("Overrides the consents above"));
    form->addRow(QString(), m_offers);
    form->addRow(QString(), m_loyalty);
    form->addRow(QString(), m_doNotContact);
    auto* formRow = new QHBoxLayout;
    formRow->addLayout(form);
    formRow->addStretch(1);
    column->addLayout(formRow);
    auto* buttons = new QHBoxLayout;
    m_preferenceStatus = FieldMessages::makeLabel(tab, QStringLiteral("preferenceStatus"));
    m_preferenceStatus->setAccessibleName(tr("Result of saving the preferences"));
    buttons->addWidget(m_preferenceStatus, 1);
    buttons->addStretch(0);
    m_savePreferences = new QPushButton(tr("Save &Preferences"), tab);
    m_savePreferences->setObjectName(QStringLiteral("savePreferencesButton"));
    m_savePreferences->setAccessibleName(tr("Save the preferences"));
    connect(m_savePreferences, &QPushButton::clicked, this, &CustomerDetailView::savePreferences);
    buttons->addWidget(m_savePreferences);
    column->addLayout(buttons);
    column->addStretch(1);
    if (!m_actor.can(Permission::CustomerUpdate)) {
        for (QWidget* w :
            {static_cast<QWidget*>(m_payment), static_cast<QWidget*>(m_contactTime), static_cast<QWidget*>(m_offers),
                static_cast<QWidget*>(m_loyalty), static_cast<QWidget*>(m_doNotContact)})
            w->setEnabled(false);
        m_savePreferences->hide();
    }
    return tab;
}

QWidget* CustomerDetailView::createActivityTab()
{
    auto* tab = new QWidget(this);
    auto* column = new QVBoxLayout(tab);
    m_activity = new QListWidget(tab);
    m_activity->setObjectName(QStringLiteral("activityList"));
    m_activity->setAccessibleName(tr("Activity, newest first"));
    m_activity->setWordWrap(true);
    m_activity->setAlternatingRowColors(true);
    column->addWidget(m_activity);
    return tab;
}

void CustomerDetailView::showCustomer(const QString& customerId)
{
    showMessage(m_message, {}, false);
    clearFieldErrors();
    for (QLabel* label : {m_profileStatus, m_noteStatus, m_tagStatus, m_contactStatus, m_preferenceStatus})
        showMessage(label, {}, false);
    auto customer = CustomerService(m_db, m_actor).get(customerId);
    if (!customer) {
        m_customer = {};
        m_name->setText(tr("Customer not found"));
        showMessage(m_message, customer.error().message, true);
        m_tabs->setEnabled(false);
        return;
    }
    m_tabs->setEnabled(true);
    m_customer = *customer;
    loadHeader();
    loadProfile();
    loadPurchases();
    loadLedgers();
    loadNotes();
    loadTags();
    loadContacts();
    loadPreferences();
    loadActivity();
}

void CustomerDetailView::reload()
{
    if (!m_customer.id.isEmpty())
        showCustomer(m_customer.id);
}

void CustomerDetailView::loadHeader()
{
    const Customer& c = m_customer;
    m_name->setText(c.name);
    m_code->setText(c.code);
    m_level->setText(CustomerEnums::displayName(c.level));
    m_type->setText(CustomerEnums::displayName(c.type));
    m_status->setText(CustomerEnums::displayName(c.status));

    // The discount the till gives: the customer's own, or their level's under the rules.
    if (c.discountOverrideBp) {
        m_discount->setText(tr("%1 % (own)").arg(Percent::formatBasisPoints(*c.discountOverrideBp)));
    } else if (auto rules = MembershipService(m_db, m_actor).rules()) {
        m_discount->setText(tr("%1 %").arg(Percent::formatBasisPoints(rules->discountBp(c.level))));
    } else {
        m_discount->setText(tr("unknown"));
    }
    if (auto balances = LedgerService(m_db, m_actor).balances(c.id)) {
        m_points->setText(QLocale().toString(balances->points));
        m_balance->setText(
            balances->credit < 0 ? tr("%1 owed").arg(money(-balances->credit)) : money(balances->credit));
    } else {
        m_points->setText(tr("unknown"));
        m_balance->setText(tr("unknown"));
        showMessage(m_message, balances.error().message, true);
    }

    QString warning;
    if (c.status == CustomerStatus::Blocked)
        warning = tr("Blocked: this customer may not pay with store credit. Ask a manager before serving them.");
    else if (c.status == CustomerStatus::Inactive)
        warning = tr("Inactive: this customer was deactivated and is hidden from lookups at the counter.");
    if (c.doNotContact)
        warning += (warning.isEmpty() ? QString() : QStringLiteral(" ")) + tr("Do not contact this customer.");
    if (warning.isEmpty()) {
        m_warning->hide();
    } else {
        QPalette palette = m_warning->palette();
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::Window, dark ? QColor(0x5c, 0x1a, 0x1a) : QColor(0xfd, 0xec, 0xea));
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xdc, 0xd8) : QColor(0x8a, 0x10, 0x10));
        m_warning->setPalette(palette);
        m_warning->setText(warning);
        m_warning->show();
    }

    const bool inactive = c.status == CustomerStatus::Inactive;
    m_toggleActive->setText(inactive ? tr("Re&activate") : tr("De&activate"));
    m_toggleActive->setAccessibleName(inactive ? tr("Reactivate the customer") : tr("Deactivate the customer"));
    m_toggleActive->setToolTip(
        inactive ? tr("Make this customer active again") : tr("Hide this customer from lookups; their history stays"));
}

void CustomerDetailView::loadProfile()
{
    const Customer& c = m_customer;
    m_nameEdit->setText(c.name);
    // As people write it: a number of the company's own country in its national form
    // ("0812-3456-7890"), any other with its country code ("+65 9123 4567"); the service
    // reads either back to the same number.
    m_phoneShown.clear();
    if (!c.phone.isEmpty()) {
        const QString ownCountry
            = QStringLiteral("+%1").arg(PhoneNumber::countryCodeForRegion(m_company.defaultRegion));
        m_phoneShown = c.phone.startsWith(ownCountry) ? PhoneNumber::formatNational(c.phone)
                                                      : PhoneNumber::formatInternational(c.phone);
        if (m_phoneShown.isEmpty())
            m_phoneShown = c.phone;
    }
    m_phoneEdit->setText(m_phoneShown);
    m_emailEdit->setText(c.email);
    m_addressEdit->setText(c.address);
    m_cityEdit->setText(c.city);
    m_provinceEdit->setText(c.province);
    m_postalCodeEdit->setText(c.postalCode);
    m_birthDateEdit->setDate(c.birthDate.isValid() ? c.birthDate : m_birthDateEdit->minimumDate());
    m_genderEdit->setCurrentIndex(std::max(0, m_genderEdit->findData(CustomerEnums::toString(c.gender))));
    m_notesEdit->setPlainText(c.notes);
    m_profileDates->setText(
        tr("Registered %1 · last changed %2").arg(formatTime(c.createdAt), formatTime(c.updatedAt)));
    clearFieldErrors();
}

void CustomerDetailView::loadPurchases()
{
    const qint64 now = m_db.clock().nowMs();
    auto report = MetricsService(m_db, m_actor).report(m_customer.id);
    QList<MonthlySpending> months;
    if (report) {
        const CustomerMetrics& m = report->metrics;
        QStringList parts;
        parts << tr("%Ln purchase(s)", nullptr, static_cast<int>(m.purchases));
        parts << tr("%1 spent").arg(money(m.totalSpent));
        if (m.purchases > 0)
            parts << tr("%1 on average").arg(money(m.averageOrderValue()));
        parts << RepeatFrequencies::displayName(m.repeatFrequency());
        if (m.lastPurchaseAt) {
            const qint64 days = m.daysSinceLastPurchase(now).value_or(0);
            const QString ago = days == 0 ? tr("today") : tr("%Ln day(s) ago", nullptr, static_cast<int>(days));
            parts << tr("last purchase %1 (%2)").arg(formatTime(*m.lastPurchaseAt), ago);
        }
        m_figures->setText(parts.join(QStringLiteral(" · ")));
        months = report->months;

        m_topProducts->setRowCount(static_cast<int>(report->topProducts.size()));
        int row = 0;
        for (const ProductTotal& p : report->topProducts) {
            setRow(m_topProducts, row++,
                {textCell(p.name.isEmpty() ? p.sku : p.name), numberCell(QLocale().toString(p.quantity)),
                    numberCell(money(p.amount))});
        }
    } else {
        m_figures->setText(report.error().message);
        m_topProducts->setRowCount(0);
    }

    auto sales = CheckoutService(m_db, m_actor).salesOf(m_customer.id);
    m_sales->setRowCount(0);
    if (sales) {
        m_sales->setRowCount(static_cast<int>(sales->size()));
        int row = 0;
        for (const Sale& s : *sales) {
            const QString order = s.refund ? tr("%1 (refund)").arg(s.orderNumber) : s.orderNumber;
            setRow(m_sales, row++,
                {textCell(order), textCell(formatTime(s.createdAt)), numberCell(QLocale().toString(s.items)),
                    numberCell(s.discount == 0 ? QString() : money(s.discount)), numberCell(money(s.total)),
                    numberCell(QLocale().toString(s.pointsEarned))});
        }
    }

    // Twelve calendar months up to this one, empty months included, so the bars keep
    // their places from one customer to the next.
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date();
    const QDate first = QDate(today.year(), today.month(), 1).addMonths(-(chartMonths - 1));
    const double unit = std::pow(10.0, Money::minorDigits(m_company.currency));
    auto* set = new QBarSet(tr("Spent"));
    QStringList categories;
    QList<qint64> spentByMonth;
    double highest = 0;
    for (int i = 0; i < chartMonths; ++i) {
        const QDate month = first.addMonths(i);
        const QString key = month.toString(QStringLiteral("yyyy-MM"));
        qint64 spent = 0;
        for (const MonthlySpending& m : months) {
            if (m.month == key)
                spent = m.spent;
        }
        // The chart needs a double; the figure itself stays exact in the tables.
        const double value = static_cast<double>(spent) / unit;
        highest = std::max(highest, value);
        *set << value;
        spentByMonth << spent;
        categories << QLocale().toString(month, QStringLiteral("MMM yy"));
    }

    const QPalette palette = this->palette();
    set->setColor(palette.color(QPalette::Highlight));
    set->setBorderColor(palette.color(QPalette::Highlight));
    connect(set, &QBarSet::hovered, this, [this, categories, spentByMonth](bool over, int index) {
        if (over && index >= 0 && index < spentByMonth.size())
            QToolTip::showText(QCursor::pos(), tr("%1: %2").arg(categories.at(index), money(spentByMonth.at(index))));
        else
            QToolTip::hideText();
    });
    auto* series = new QBarSeries;
    series->append(set);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setTitle(
        highest > 0 ? tr("Spending per month, %1").arg(m_company.currency) : tr("No purchases in the last 12 months"));
    chart->setTitleBrush(palette.color(QPalette::WindowText));
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setLabelsBrush(palette.color(QPalette::Text));
    axisX->setGridLineVisible(false);
    // Amounts on the axis as the locale writes them ("2,000,000"), which a value axis's
    // printf format cannot do: a category axis with a label at each round step.
    auto* axisY = new QCategoryAxis;
    axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double step = niceStep(highest > 0 ? highest / 4 : 1);
    const int digits = step < 1 ? Money::minorDigits(m_company.currency) : 0;
    const int steps = std::max(1, static_cast<int>(std::ceil(highest / step)));
    axisY->append(QLocale().toString(0.0, 'f', digits), 0);
    for (int i = 1; i <= steps; ++i)
        axisY->append(QLocale().toString(step * i, 'f', digits), step * i);
    axisY->setRange(0, step * steps);
    axisY->setLabelsBrush(palette.color(QPalette::Text));
    axisY->setGridLineColor(palette.color(QPalette::Midlight));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void CustomerDetailView::loadLedgers()
{
    LedgerService ledger(m_db, m_actor);
    if (auto balances = ledger.balances(m_customer.id)) {
        m_pointsBalance->setText(tr("Balance: %Ln point(s)", nullptr, static_cast<int>(balances->points)));
        m_creditBalance->setText(balances->credit < 0 ? tr("Balance: %1 owed").arg(money(-balances->credit))
                                                      : tr("Balance: %1").arg(money(balances->credit)));
    }
    m_pointsTable->setRowCount(0);
    if (auto points = ledger.pointsHistory(m_customer.id)) {
        m_pointsTable->setRowCount(static_cast<int>(points->size()));
        int row = 0;
        for (const PointsEntry& e : *points) {
            setRow(m_pointsTable, row++,
                {textCell(formatTime(e.createdAt)), textCell(pointsKindName(e.kind)),
                    numberCell(QLocale().toString(e.points)), numberCell(QLocale().toString(e.balanceAfter)),
                    textCell(e.reason)});
        }
    }
    m_creditTable->setRowCount(0);
    if (auto credit = ledger.creditHistory(m_customer.id)) {
        m_creditTable->setRowCount(static_cast<int>(credit->size()));
        int row = 0;
        for (const CreditEntry& e : *credit) {
            const QString reason = e.reference.isEmpty() ? e.reason : tr("%1 (%2)").arg(e.reason, e.reference);
            setRow(m_creditTable, row++,
                {textCell(formatTime(e.createdAt)), textCell(creditKindName(e.kind)), numberCell(money(e.amount)),
                    numberCell(money(e.balanceAfter)), textCell(reason)});
        }
    }
}

void CustomerDetailView::loadNotes()
{
    m_notes->clear();
    auto page = NoteService(m_db, m_actor).list(m_customer.id, NoteService::maxLimit);
    if (!page) {
        showMessage(m_noteStatus, page.error().message, true);
        return;
    }
    for (const CustomerNote& note : page->items) {
        const QString author = note.authorName.isEmpty() ? tr("a former user") : note.authorName;
        const QString heading = tr("%1 · %2 · %3").arg(noteKindName(note.kind), author, formatTime(note.createdAt));
        auto* item = new QListWidgetItem(heading + QStringLiteral("\n") + note.body, m_notes);
        item->setData(Qt::UserRole, note.id);
        item->setToolTip(heading);
    }
    if (page->items.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No notes yet."), m_notes);
        item->setFlags(Qt::NoItemFlags);
    }
}

void CustomerDetailView::loadTags()
{
    m_tags->clear();
    TagService tags(m_db, m_actor);
    auto mine = tags.tagsOf(m_customer.id);
    if (!mine) {
        showMessage(m_tagStatus, mine.error().message, true);
        return;
    }
    for (const Tag& tag : *mine) {
        auto* item = new QListWidgetItem(swatch(tag.color, palette()), tag.name, m_tags);
        item->setData(Qt::UserRole, tag.name);
    }
    m_removeTag->setEnabled(m_actor.can(Permission::TagAssign) && !mine->isEmpty());
    if (auto all = tags.list()) {
        QStringList names;
        for (const Tag& tag : *all)
            names << tag.name;
        auto* completer = new QCompleter(names, m_tagName);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        delete m_tagName->completer();
        m_tagName->setCompleter(completer);
    }
}

void CustomerDetailView::loadContacts()
{
    m_contacts->setRowCount(0);
    auto contacts = ContactService(m_db, m_actor).list(m_customer.id);
    if (!contacts) {
        showMessage(m_contactStatus, contacts.error().message, true);
        return;
    }
    m_contacts->setRowCount(static_cast<int>(contacts->size()));
    int row = 0;
    for (const CustomerContact& c : *contacts) {
        auto* kind = textCell(contactKindName(c.kind));
        kind->setData(Qt::UserRole, c.id);
        setRow(m_contacts, row++,
            {kind, textCell(c.value), textCell(c.label), textCell(c.primary ? tr("Primary") : QString())});
    }
}

void CustomerDetailView::loadPreferences()
{
    auto prefs = PreferenceService(m_db, m_actor).get(m_customer.id);
    if (!prefs) {
        showMessage(m_preferenceStatus, prefs.error().message, true);
        return;
    }
    m_payment->setCurrentIndex(std::max(0, m_payment->findData(prefs->stored.preferredPayment)));
    m_contactTime->setCurrentIndex(std::max(0, m_contactTime->findData(prefs->stored.bestContactTime)));
    m_offers->setChecked(prefs->stored.canReceiveOffers);
    m_loyalty->setChecked(prefs->stored.canReceiveLoyalty);
    m_doNotContact->setChecked(prefs->doNotContact);
}

void CustomerDetailView::loadActivity()
{
    if (!m_activity)
        return;
    m_activity->clear();
    auto entries = ActivityService(m_db, m_actor).forCustomer(m_customer.id, 200);
    if (!entries) {
        new QListWidgetItem(entries.error().message, m_activity);
        return;
    }
    for (const ActivityEntry& e : *entries) {
        const QString who = e.user.isEmpty() ? tr("the system") : e.user;
        auto* item = new QListWidgetItem(tr("%1 · %2 · %3").arg(formatTime(e.at), who, e.summary), m_activity);
        item->setToolTip(e.summary);
    }
}

void CustomerDetailView::saveProfile()
{
    clearFieldErrors();
    showMessage(m_profileStatus, {}, false);
    const Customer& c = m_customer;
    // Only what the user changed goes to the service: an untouched field stays as stored,
    // however the service would write it back.
    CustomerInput input;
    auto take = [](std::optional<QString>& field, const QString& typed, const QString& stored) {
        if (typed != stored)
            field = typed;
    };
    take(input.name, m_nameEdit->text(), c.name);
    take(input.phone, m_phoneEdit->text(), m_phoneShown);
    take(input.email, m_emailEdit->text(), c.email);
    take(input.address, m_addressEdit->text(), c.address);
    take(input.city, m_cityEdit->text(), c.city);
    take(input.province, m_provinceEdit->text(), c.province);
    take(input.postalCode, m_postalCodeEdit->text(), c.postalCode);
    const QDate birth = m_birthDateEdit->date();
    take(input.birthDate, birth == m_birthDateEdit->minimumDate() ? QString() : birth.toString(Qt::ISODate),
        c.birthDate.isValid() ? c.birthDate.toString(Qt::ISODate) : QString());
    take(input.gender, m_genderEdit->currentData().toString(), CustomerEnums::toString(c.gender));
    take(input.notes, m_notesEdit->toPlainText(), c.notes);
    if (input.isEmpty()) {
        showMessage(m_profileStatus, tr("Nothing to save: no field was changed."), false);
        return;
    }
    auto saved = CustomerService(m_db, m_actor).update(c.id, input);
    if (!saved) {
        showFieldErrors(saved.error());
        return;
    }
    changed();
    showMessage(m_profileStatus, tr("Saved."), false);
}

void CustomerDetailView::clearFieldErrors()
{
    for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it) {
        showMessage(it.value(), {}, false);
        if (auto* editor = findChild<QWidget*>(it.key() + QStringLiteral("Edit")))
            editor->setAccessibleDescription({});
    }
}

void CustomerDetailView::showFieldErrors(const Error& error)
{
    QList<FieldError> fields = error.fields;
    if (fields.isEmpty() && !error.field.isEmpty())
        fields << FieldError {error.field, error.code, error.message};
    QStringList elsewhere;
    QWidget* firstBad = nullptr;
    for (const FieldError& f : fields) {
        if (QLabel* label = m_fieldErrors.value(f.field)) {
            showMessage(label, FieldMessages::sentence(f.message), true);
            // A screen reader reads the problem with the field, not only beside it.
            auto* editor = findChild<QWidget*>(f.field + QStringLiteral("Edit"));
            if (editor)
                editor->setAccessibleDescription(FieldMessages::sentence(f.message));
            if (!firstBad)
                firstBad = editor;
        } else {
            elsewhere << f.field + QStringLiteral(": ") + f.message;
        }
    }
    if (fields.isEmpty())
        elsewhere << error.message;
    showMessage(m_profileStatus,
        elsewhere.isEmpty() ? tr("Nothing was saved: correct the fields marked below their boxes.")
                            : tr("Nothing was saved: %1").arg(elsewhere.join(QStringLiteral("; "))),
        true);
    if (firstBad)
        firstBad->setFocus(Qt::OtherFocusReason);
}

void CustomerDetailView::addNote()
{
    showMessage(m_noteStatus, {}, false);
    auto note = NoteService(m_db, m_actor)
                    .add(m_customer.id, m_noteKind->currentData().toString(), m_noteBody->toPlainText());
    if (!note) {
        showMessage(m_noteStatus, note.error().message, true);
        return;
    }
    m_noteBody->clear();
    changed();
}

void CustomerDetailView::addTag()
{
    showMessage(m_tagStatus, {}, false);
    const QString name = m_tagName->text().trimmed();
    if (name.isEmpty())
        return;
    auto tagging = TagService(m_db, m_actor).tag(m_customer.id, name);
    if (!tagging) {
        showMessage(m_tagStatus, tagging.error().message, true);
        return;
    }
    m_tagName->clear();
    if (!tagging->added) {
        showMessage(m_tagStatus, tr("%1 already has the tag %2.").arg(m_customer.name, tagging->tag.name), false);
        return;
    }
    changed();
}

void CustomerDetailView::removeTag()
{
    showMessage(m_tagStatus, {}, false);
    const QListWidgetItem* item = m_tags->currentItem();
    if (!item) {
        showMessage(m_tagStatus, tr("Choose the tag to remove in the list."), true);
        return;
    }
    auto removed = TagService(m_db, m_actor).untag(m_customer.id, item->data(Qt::UserRole).toString());
    if (!removed) {
        showMessage(m_tagStatus, removed.error().message, true);
        return;
    }
    changed();
}

void CustomerDetailView::addContact()
{
    showMessage(m_contactStatus, {}, false);
    ContactService::ContactInput input;
    input.kind = m_contactKind->currentData().toString();
    input.value = m_contactValue->text();
    if (!m_contactLabel->text().trimmed().isEmpty())
        input.label = m_contactLabel->text();
    auto contact = ContactService(m_db, m_actor).add(m_customer.id, input);
    if (!contact) {
        showMessage(m_contactStatus, contact.error().message, true);
        return;
    }
    m_contactValue->clear();
    m_contactLabel->clear();
    changed();
}

void CustomerDetailView::removeContact()
{
    showMessage(m_contactStatus, {}, false);
    const int row = m_contacts->currentRow();
    if (row < 0) {
        showMessage(m_contactStatus, tr("Choose the contact to remove in the table."), true);
        return;
    }
    const QString id = m_contacts->item(row, 0)->data(Qt::UserRole).toString();
    if (Status s = ContactService(m_db, m_actor).remove(id); !s) {
        showMessage(m_contactStatus, s.error().message, true);
        return;
    }
    changed();
}

void CustomerDetailView::savePreferences()
{
    PreferenceService::PreferenceInput input;
    input.preferredPayment = m_payment->currentData().toString();
    input.bestContactTime = m_contactTime->currentData().toString();
    input.canReceiveOffers = m_offers->isChecked();
    input.canReceiveLoyalty = m_loyalty->isChecked();
    input.doNotContact = m_doNotContact->isChecked();
    auto saved = PreferenceService(m_db, m_actor).set(m_customer.id, input);
    if (!saved) {
        showMessage(m_preferenceStatus, saved.error().message, true);
        return;
    }
    changed();
    showMessage(m_preferenceStatus, tr("Preferences saved."), false);
}

void CustomerDetailView::toggleActive()
{
    CustomerService customers(m_db, m_actor);
    auto result = m_customer.status == CustomerStatus::Inactive ? customers.reactivate(m_customer.id)
                                                                : customers.deactivate(m_customer.id);
    if (!result) {
        showMessage(m_message, result.error().message, true);
        return;
    }
    changed();
}

void CustomerDetailView::exportData()
{
    const QString path = m_exportPath ? m_exportPath() : QString();
    if (!path.isEmpty())
        exportTo(path);
}

bool CustomerDetailView::exportTo(const QString& path)
{
    auto document = PrivacyService(m_db, m_actor).exportCustomer(m_customer.id);
    if (!document) {
        showMessage(m_message, document.error().message, true);
        return false;
    }
    loadActivity(); // the export is recorded
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(*document).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        showMessage(m_message, tr("Could not save %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showMessage(m_message, tr("Everything stored about %1 was saved to %2.").arg(m_customer.name, path), false);
    return true;
}

void CustomerDetailView::anonymise()
{
    if (!m_reasonPrompt)
        return;
    const auto reason = m_reasonPrompt(tr("Anonymise %1").arg(m_customer.code),
        tr("This erases %1's name, contact details, address, notes and tags for good; their sales, "
           "points and store credit stay. It cannot be undone.\n\nWhy is their data erased? "
           "(Do not repeat their name or numbers.)")
            .arg(m_customer.name));
    if (!reason)
        return;
    auto erased = PrivacyService(m_db, m_actor).anonymise(m_customer.id, *reason);
    if (!erased) {
        showMessage(m_message, erased.error().message, true);
        return;
    }
    changed();
    showMessage(m_message, tr("The customer's personal data was erased."), false);
}

void CustomerDetailView::removeCustomer()
{
    if (!m_reasonPrompt)
        return;
    const auto reason = m_reasonPrompt(tr("Delete %1").arg(m_customer.code),
        tr("This deletes %1 with their notes, contacts, tags and preferences. It cannot be undone. "
           "A customer with sales or ledger entries cannot be deleted: deactivate or anonymise them.\n\n"
           "Reason (optional):")
            .arg(m_customer.name));
    if (!reason)
        return;
    const QString id = m_customer.id;
    auto removed = PrivacyService(m_db, m_actor).remove(id, *reason);
    if (!removed) {
        showMessage(m_message, removed.error().message, true);
        return;
    }
    m_customer = {};
    Q_EMIT customerChanged(id);
    Q_EMIT backRequested();
}

void CustomerDetailView::changed()
{
    const QString id = m_customer.id;
    showCustomer(id);
    Q_EMIT customerChanged(id);
}

void CustomerDetailView::showMessage(QLabel* label, const QString& text, bool problem)
{
    FieldMessages::show(label, text, problem);
}

QString CustomerDetailView::formatTime(qint64 ms) const
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

QString CustomerDetailView::money(qint64 minor) const
{
    return Money::format(minor, m_company.currency);
}

} // namespace kasir
