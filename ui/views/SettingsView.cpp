#include "ui/views/SettingsView.h"

#include "core/domain/Clock.h"
#include "core/domain/Customer.h"
#include "core/domain/Money.h"
#include "core/services/CompanyService.h"
#include "core/services/DemoData.h"
#include "core/services/MembershipService.h"
#include "core/services/UserService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "ui/widgets/FieldMessages.h"
#include "ui/widgets/LongTask.h"
#include "ui/widgets/SyncPanel.h"
#include "ui/widgets/Tables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kasir {

namespace {

// Forms keep a readable width on a wide screen instead of stretching across it.
constexpr int pageMaxWidth = 760;
// On each field's message label: the field it is about.
constexpr const char* editorProperty = "kasirEditor";

QLabel* noteLabel(const QString& text, QWidget* parent, const QString& objectName = {})
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel* valueLabel(const QString& text, QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// A page of the tab widget: the content at the top left, at a readable width, scrolling
// when the window is short.
QWidget* scrollPage(QWidget* content)
{
    content->setMaximumWidth(pageMaxWidth);
    auto* holder = new QWidget;
    auto* layout = new QVBoxLayout(holder);
    layout->setContentsMargins(16, 16, 16, 16);
    // No alignment flags: an aligned widget gets only its size hint, and the wrapped
    // messages in it then lose the height they need.
    auto* row = new QHBoxLayout;
    row->addWidget(content, 3);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(holder);
    return scroll;
}

qint64 unitScale(const QString& currency)
{
    qint64 scale = 1;
    for (int i = 0; i < Money::minorDigits(currency); ++i)
        scale *= 10;
    return scale;
}

// An amount in the currency's unit as the form shows it: "2,000,000" for rupiah, "12.50"
// for shillings; the currency code stands beside the field.
QString amountText(qint64 minor, const QString& currency)
{
    const QLocale locale;
    const int digits = Money::minorDigits(currency);
    const qint64 scale = unitScale(currency);
    QString text = locale.toString(minor / scale);
    if (digits > 0)
        text += locale.decimalPoint() + QStringLiteral("%1").arg(minor % scale, digits, 10, QLatin1Char('0'));
    return text;
}

struct Language
{
    const char* localeName;
    const char* nativeName; // each language in its own words, so anyone finds theirs
};

constexpr Language languages[] = {
    {"en_US", "English"},
    {"id_ID", "Bahasa Indonesia"},
};

} // namespace

SettingsView::SettingsView(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_company(company), m_openFolder([](const QUrl& url) {
        return QDesktopServices::openUrl(url);
    })
{
    setObjectName(QStringLiteral("settingsView"));
    setAccessibleName(tr("Settings"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->setAccessibleName(tr("Settings sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildCompanyPage(), tr("&Company"));
    m_tabs->addTab(buildUsersPage(), tr("&Users and roles"));
    m_tabs->addTab(buildRulesPage(), tr("&Membership rules"));
    m_tabs->addTab(buildLanguagePage(), tr("&Language"));
    m_tabs->addTab(buildDataPage(), tr("&Data folder"));

    auto* title = new QLabel(tr("Settings"), this);
    title->setObjectName(QStringLiteral("settingsTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);

    reload();
}

SettingsView::~SettingsView() = default;

void SettingsView::setFolderOpener(FolderOpener opener)
{
    m_openFolder = std::move(opener);
}

void SettingsView::addSyncTab(SyncEngine* engine)
{
    auto* panel = new SyncPanel(m_db, *engine, this);
    panel->setObjectName(QStringLiteral("syncPanel"));
    m_tabs->addTab(panel, tr("S&ync"));
}

void SettingsView::reload()
{
    loadStores();
    loadUsers();
    loadRules();
}

void SettingsView::addFieldRow(QFormLayout* form, QWidget* box, const QString& label, QWidget* editor,
    const QString& field, const QString& objectName, QHash<QString, QLabel*>& errors, QWidget* line)
{
    editor->setObjectName(objectName);
    if (editor->accessibleName().isEmpty())
        editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    auto* cell = new QWidget(box);
    auto* stack = new QVBoxLayout(cell);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->setSpacing(2);
    if (line)
        line->setParent(cell);
    stack->addWidget(line ? line : editor);
    QLabel* error = FieldMessages::makeLabel(cell, objectName + QStringLiteral("Error"));
    error->setProperty(editorProperty, QVariant::fromValue<QObject*>(editor));
    error->setAccessibleName(tr("Problem with %1").arg(editor->accessibleName()));
    stack->addWidget(error);
    errors.insert(field, error);
    auto* buddy = new QLabel(label, box);
    buddy->setBuddy(editor);
    form->addRow(buddy, cell);
}

QWidget* SettingsView::buildCompanyPage()
{
    const bool canEdit = m_actor.can(Permission::SettingsManage);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* companyBox = new QGroupBox(tr("Company"), content);
    companyBox->setObjectName(QStringLiteral("companyBox"));
    auto* form = new QFormLayout(companyBox);
    if (canEdit) {
        // The name and its button on one line, the name's message under both. A line of its
        // own widget: a layout nested beside a wrapped message loses its height in QFormLayout.
        auto* line = new QWidget(companyBox);
        auto* lineLayout = new QHBoxLayout(line);
        lineLayout->setContentsMargins(0, 0, 0, 0);
        m_companyName = new QLineEdit(m_company.name, line);
        m_companyName->setAccessibleName(tr("Company name"));
        m_saveCompanyName = new QPushButton(tr("&Save name"), line);
        m_saveCompanyName->setObjectName(QStringLiteral("saveCompanyNameButton"));
        m_saveCompanyName->setAccessibleName(tr("Save the company name"));
        lineLayout->addWidget(m_companyName, 1);
        lineLayout->addWidget(m_saveCompanyName);
        addFieldRow(form, companyBox, tr("&Name:"), m_companyName, QStringLiteral("name"),
            QStringLiteral("companyNameEdit"), m_companyErrors, line);
        m_companyStatus = FieldMessages::makeLabel(companyBox, QStringLiteral("companyStatus"));
        m_companyStatus->setAccessibleName(tr("Saving the company name"));
        form->addRow(QString(), m_companyStatus);
        connect(m_saveCompanyName, &QPushButton::clicked, this, &SettingsView::saveCompanyName);
        connect(m_companyName, &QLineEdit::returnPressed, this, &SettingsView::saveCompanyName);
    } else {
        form->addRow(
            tr("Name:"), valueLabel(m_company.name, companyBox, QStringLiteral("companyName"), tr("Company name")));
    }
    const QString regionName = QLocale::territoryToString(QLocale::codeToTerritory(m_company.defaultRegion));
    form->addRow(tr("Default phone region:"),
        valueLabel(
            regionName.isEmpty() ? m_company.defaultRegion : tr("%1 (%2)").arg(regionName, m_company.defaultRegion),
            companyBox, QStringLiteral("companyRegion"), tr("Default phone region")));
    form->addRow(
        tr("Currency:"), valueLabel(m_company.currency, companyBox, QStringLiteral("companyCurrency"), tr("Currency")));
    QString note = tr("The phone region and the currency were set when the company was created and cannot be "
                      "changed: the phone numbers already stored were read in that region, and every amount is kept "
                      "in that currency. Phone numbers typed without a country code are read as numbers of the "
                      "default region.");
    if (!canEdit)
        note += u' ' + tr("Only an administrator renames the company.");
    form->addRow(noteLabel(note, companyBox, QStringLiteral("companyNote")));
    layout->addWidget(companyBox);

    auto* storesBox = new QGroupBox(tr("Stores"), content);
    storesBox->setObjectName(QStringLiteral("storesBox"));
    auto* storesLayout = new QVBoxLayout(storesBox);
    m_stores = Tables::makeReadOnly(
        storesBox, QStringLiteral("storesTable"), tr("Stores"), {tr("Code"), tr("Name"), tr("This computer")}, 1);
    m_stores->setMaximumHeight(
        m_stores->horizontalHeader()->sizeHint().height() + 5 * (m_stores->fontMetrics().height() + 8) + 4);
    storesLayout->addWidget(m_stores);
    storesLayout->addWidget(noteLabel(canEdit ? tr("Order numbers carry the store's code, so a code never changes; "
                                                   "its name can. Choose a store in the list to rename it.")
                                              : tr("Order numbers carry the store's code. Only an administrator "
                                                   "adds or renames stores."),
        storesBox, QStringLiteral("storesNote")));
    if (canEdit) {
        auto* renameForm = new QFormLayout;
        storesLayout->addLayout(renameForm);
        auto* line = new QWidget(storesBox);
        auto* lineLayout = new QHBoxLayout(line);
        lineLayout->setContentsMargins(0, 0, 0, 0);
        m_storeName = new QLineEdit(line);
        m_storeName->setAccessibleName(tr("New name of the selected store"));
        m_renameStore = new QPushButton(tr("&Rename store"), line);
        m_renameStore->setObjectName(QStringLiteral("renameStoreButton"));
        m_renameStore->setAccessibleName(tr("Rename the selected store"));
        lineLayout->addWidget(m_storeName, 1);
        lineLayout->addWidget(m_renameStore);
        addFieldRow(renameForm, storesBox, tr("Ne&w name:"), m_storeName, QStringLiteral("name"),
            QStringLiteral("storeNameEdit"), m_renameStoreErrors, line);
        m_renameStoreStatus = FieldMessages::makeLabel(storesBox, QStringLiteral("renameStoreStatus"));
        m_renameStoreStatus->setAccessibleName(tr("Renaming a store"));
        renameForm->addRow(QString(), m_renameStoreStatus);
        connect(m_stores, &QTableWidget::itemSelectionChanged, this, &SettingsView::showSelectedStore);
        connect(m_renameStore, &QPushButton::clicked, this, &SettingsView::renameStore);
        connect(m_storeName, &QLineEdit::returnPressed, this, &SettingsView::renameStore);
    }
    layout->addWidget(storesBox);

    if (canEdit) {
        auto* addBox = new QGroupBox(tr("Add a store"), content);
        addBox->setObjectName(QStringLiteral("addStoreBox"));
        auto* addForm = new QFormLayout(addBox);
        m_newStoreCode = new QLineEdit(addBox);
        m_newStoreCode->setPlaceholderText(tr("e.g. S02"));
        addFieldRow(addForm, addBox, tr("C&ode:"), m_newStoreCode, QStringLiteral("code"),
            QStringLiteral("newStoreCode"), m_storeErrors);
        m_newStoreName = new QLineEdit(addBox);
        m_newStoreName->setPlaceholderText(tr("e.g. Cabang Bandung"));
        addFieldRow(addForm, addBox, tr("Store n&ame:"), m_newStoreName, QStringLiteral("name"),
            QStringLiteral("newStoreName"), m_storeErrors);
        m_addStore = new QPushButton(tr("Add s&tore"), addBox);
        m_addStore->setObjectName(QStringLiteral("addStoreButton"));
        m_addStore->setAccessibleName(tr("Add store"));
        m_addStoreStatus = FieldMessages::makeLabel(addBox, QStringLiteral("addStoreStatus"));
        m_addStoreStatus->setAccessibleName(tr("Adding a store"));
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(m_addStore);
        buttons->addWidget(m_addStoreStatus, 1);
        buttons->addStretch(0); // keeps the buttons their size while the message is hidden
        addForm->addRow(buttons);
        connect(m_addStore, &QPushButton::clicked, this, &SettingsView::addStore);
        for (QLineEdit* edit : {m_newStoreCode, m_newStoreName})
            connect(edit, &QLineEdit::returnPressed, this, &SettingsView::addStore);
        layout->addWidget(addBox);
    }
    return scrollPage(content);
}

QWidget* SettingsView::buildUsersPage()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);

    if (!m_actor.can(Permission::UserManage)) {
        // The users are an administrator's to see and to manage (UserService refuses others).
        layout->addWidget(noteLabel(tr("Only an administrator sees, adds and changes users. You are signed in as %1 "
                                       "(%2).")
                                        .arg(m_actor.username, Roles::displayName(m_actor.role)),
            content, QStringLiteral("usersNotice")));
        return scrollPage(content);
    }

    m_users = Tables::makeReadOnly(content, QStringLiteral("usersTable"), tr("Users"),
        {tr("Username"), tr("Display name"), tr("Role"), tr("Active")}, 1);
    m_users->setMinimumHeight(m_users->horizontalHeader()->sizeHint().height() + 6 * m_users->fontMetrics().height());
    layout->addWidget(m_users, 1);

    // The user chosen in the table: their name, role, whether they may sign in, a new password.
    m_userBox = new QGroupBox(tr("Change the selected user"), content);
    m_userBox->setObjectName(QStringLiteral("editUserBox"));
    auto* editForm = new QFormLayout(m_userBox);
    m_userNote = noteLabel(QString(), m_userBox, QStringLiteral("editUserNote"));
    editForm->addRow(m_userNote);
    m_userDisplayName = new QLineEdit(m_userBox);
    addFieldRow(editForm, m_userBox, tr("Displa&y name:"), m_userDisplayName, QStringLiteral("displayName"),
        QStringLiteral("userDisplayName"), m_editUserErrors);
    m_userRole = new QComboBox(m_userBox);
    for (Role role : {Role::Cashier, Role::Manager, Role::Admin})
        m_userRole->addItem(Roles::displayName(role), Roles::toString(role));
    addFieldRow(editForm, m_userBox, tr("R&ole:"), m_userRole, QStringLiteral("role"), QStringLiteral("userRole"),
        m_editUserErrors);
    m_saveUser = new QPushButton(tr("Sa&ve changes"), m_userBox);
    m_saveUser->setObjectName(QStringLiteral("saveUserButton"));
    m_saveUser->setAccessibleName(tr("Save the display name and role"));
    m_toggleActive = new QPushButton(tr("Deac&tivate"), m_userBox);
    m_toggleActive->setObjectName(QStringLiteral("toggleActiveButton"));
    auto* userButtons = new QHBoxLayout;
    userButtons->addWidget(m_saveUser);
    userButtons->addWidget(m_toggleActive);
    userButtons->addStretch(1);
    editForm->addRow(userButtons);
    m_userPassword = new QLineEdit(m_userBox);
    m_userPassword->setEchoMode(QLineEdit::Password);
    addFieldRow(editForm, m_userBox, tr("N&ew password:"), m_userPassword, QStringLiteral("password"),
        QStringLiteral("userPassword"), m_editUserErrors);
    m_userPasswordRepeat = new QLineEdit(m_userBox);
    m_userPasswordRepeat->setEchoMode(QLineEdit::Password);
    addFieldRow(editForm, m_userBox, tr("Type it aga&in:"), m_userPasswordRepeat, QStringLiteral("passwordRepeat"),
        QStringLiteral("userPasswordRepeat"), m_editUserErrors);
    m_userPasswordRepeat->setAccessibleName(tr("Repeat the new password"));
    m_setPassword = new QPushButton(tr("Set new password"), m_userBox);
    m_setPassword->setObjectName(QStringLiteral("setPasswordButton"));
    m_setPassword->setAccessibleName(tr("Set the new password"));
    m_editUserStatus = FieldMessages::makeLabel(m_userBox, QStringLiteral("editUserStatus"));
    m_editUserStatus->setAccessibleName(tr("Changing a user"));
    auto* passwordButtons = new QHBoxLayout;
    passwordButtons->addWidget(m_setPassword);
    passwordButtons->addStretch(1);
    editForm->addRow(passwordButtons);
    editForm->addRow(m_editUserStatus);
    connect(m_users, &QTableWidget::itemSelectionChanged, this, [this] {
        m_editUserStatus->hide();
        for (QLineEdit* edit : {m_userPassword, m_userPasswordRepeat})
            edit->clear();
        showFieldErrors(m_editUserErrors, {});
        showSelectedUser();
    });
    connect(m_saveUser, &QPushButton::clicked, this, &SettingsView::saveUser);
    connect(m_userDisplayName, &QLineEdit::returnPressed, this, &SettingsView::saveUser);
    connect(m_toggleActive, &QPushButton::clicked, this, &SettingsView::toggleUserActive);
    connect(m_setPassword, &QPushButton::clicked, this, &SettingsView::setUserPassword);
    for (QLineEdit* edit : {m_userPassword, m_userPasswordRepeat})
        connect(edit, &QLineEdit::returnPressed, this, &SettingsView::setUserPassword);
    layout->addWidget(m_userBox);

    auto* box = new QGroupBox(tr("Add a user"), content);
    box->setObjectName(QStringLiteral("addUserBox"));
    auto* form = new QFormLayout(box);
    m_newUsername = new QLineEdit(box);
    m_newUsername->setPlaceholderText(tr("e.g. siti"));
    addFieldRow(form, box, tr("User&name:"), m_newUsername, QStringLiteral("username"), QStringLiteral("newUsername"),
        m_userErrors);
    m_newDisplayName = new QLineEdit(box);
    m_newDisplayName->setPlaceholderText(tr("e.g. Siti Rahayu"));
    addFieldRow(form, box, tr("Dis&play name:"), m_newDisplayName, QStringLiteral("displayName"),
        QStringLiteral("newDisplayName"), m_userErrors);
    m_newRole = new QComboBox(box);
    for (Role role : {Role::Cashier, Role::Manager, Role::Admin})
        m_newRole->addItem(Roles::displayName(role), Roles::toString(role));
    addFieldRow(form, box, tr("&Role:"), m_newRole, QStringLiteral("role"), QStringLiteral("newRole"), m_userErrors);
    m_newPassword = new QLineEdit(box);
    m_newPassword->setEchoMode(QLineEdit::Password);
    addFieldRow(form, box, tr("Pass&word:"), m_newPassword, QStringLiteral("password"), QStringLiteral("newPassword"),
        m_userErrors);
    m_newPasswordRepeat = new QLineEdit(box);
    m_newPasswordRepeat->setEchoMode(QLineEdit::Password);
    addFieldRow(form, box, tr("Repeat pa&ssword:"), m_newPasswordRepeat, QStringLiteral("passwordRepeat"),
        QStringLiteral("newPasswordRepeat"), m_userErrors);

    m_addUser = new QPushButton(tr("&Add user"), box);
    m_addUser->setObjectName(QStringLiteral("addUserButton"));
    m_addUser->setAccessibleName(tr("Add user"));
    m_usersStatus = FieldMessages::makeLabel(box, QStringLiteral("addUserStatus"));
    m_usersStatus->setAccessibleName(tr("Adding a user"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addUser);
    buttons->addWidget(m_usersStatus, 1);
    buttons->addStretch(0); // keeps the buttons their size while the message is hidden
    form->addRow(buttons);
    connect(m_addUser, &QPushButton::clicked, this, &SettingsView::addUser);
    for (QLineEdit* edit : {m_newUsername, m_newDisplayName, m_newPassword, m_newPasswordRepeat})
        connect(edit, &QLineEdit::returnPressed, this, &SettingsView::addUser);
    layout->addWidget(box);
    return scrollPage(content);
}

QWidget* SettingsView::buildRulesPage()
{
    const bool canEdit = m_actor.can(Permission::RulesManage);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!canEdit) {
        layout->addWidget(noteLabel(tr("Only a manager or an administrator changes the membership rules."), content,
            QStringLiteral("rulesReadOnlyNotice")));
    }

    auto addRow = [&](QFormLayout* form, QWidget* box, const QString& label, QWidget* editor, const QString& unit,
                      const QString& field) {
        editor->setObjectName(field + QStringLiteral("Edit"));
        editor->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        auto* cell = new QWidget(box);
        auto* stack = new QVBoxLayout(cell);
        stack->setContentsMargins(0, 0, 0, 0);
        stack->setSpacing(2);
        // The field and its unit in a widget of their own: a layout nested beside a wrapped
        // message loses its height in QFormLayout when the message appears.
        auto* line = new QWidget(cell);
        line->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        auto* lineLayout = new QHBoxLayout(line);
        lineLayout->setContentsMargins(0, 0, 0, 0);
        lineLayout->addWidget(editor, 1);
        if (!unit.isEmpty()) {
            auto* unitLabel = new QLabel(unit, line);
            unitLabel->setMinimumWidth(unitLabel->fontMetrics().horizontalAdvance(QStringLiteral("IDR")) + 4);
            lineLayout->addWidget(unitLabel);
        }
        stack->addWidget(line);
        QLabel* error = FieldMessages::makeLabel(cell, field + QStringLiteral("Error"));
        error->setProperty(editorProperty, QVariant::fromValue<QObject*>(editor));
        error->setAccessibleName(tr("Problem with %1").arg(editor->accessibleName()));
        stack->addWidget(error);
        m_ruleErrors.insert(field, error);
        auto* buddy = new QLabel(label, box);
        buddy->setBuddy(editor);
        form->addRow(buddy, cell);
    };
    auto amountEdit = [&](QWidget* box, const QString& field) {
        auto* edit = new QLineEdit(box);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setReadOnly(!canEdit);
        m_amountEdits.insert(field, edit);
        return edit;
    };
    auto percentEdit = [&](QWidget* box, const QString& field) {
        auto* edit = new QLineEdit(box);
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        edit->setReadOnly(!canEdit);
        m_percentEdits.insert(field, edit);
        return edit;
    };
    const QString currency = m_company.currency;
    const QString percent = tr("%");

    auto* levels = new QGroupBox(tr("Levels and discounts"), content);
    levels->setObjectName(QStringLiteral("levelsBox"));
    auto* levelsForm = new QFormLayout(levels);
    levelsForm->addRow(
        noteLabel(tr("A customer's level follows their total spent; each level has its discount."), levels));
    addRow(levelsForm, levels, tr("&Bronze discount:"), percentEdit(levels, QStringLiteral("bronzeDiscount")), percent,
        QStringLiteral("bronzeDiscount"));
    addRow(levelsForm, levels, tr("&Silver from:"), amountEdit(levels, QStringLiteral("silverFrom")), currency,
        QStringLiteral("silverFrom"));
    addRow(levelsForm, levels, tr("Silver d&iscount:"), percentEdit(levels, QStringLiteral("silverDiscount")), percent,
        QStringLiteral("silverDiscount"));
    addRow(levelsForm, levels, tr("&Gold from:"), amountEdit(levels, QStringLiteral("goldFrom")), currency,
        QStringLiteral("goldFrom"));
    addRow(levelsForm, levels, tr("G&old discount:"), percentEdit(levels, QStringLiteral("goldDiscount")), percent,
        QStringLiteral("goldDiscount"));
    addRow(levelsForm, levels, tr("&Platinum from:"), amountEdit(levels, QStringLiteral("platinumFrom")), currency,
        QStringLiteral("platinumFrom"));
    addRow(levelsForm, levels, tr("Pla&tinum discount:"), percentEdit(levels, QStringLiteral("platinumDiscount")),
        percent, QStringLiteral("platinumDiscount"));
    m_tiersCanDrop = new QCheckBox(tr("A customer can drop to a lower level"), levels);
    m_tiersCanDrop->setEnabled(canEdit);
    addRow(levelsForm, levels, tr("Levels:"), m_tiersCanDrop, {}, QStringLiteral("tiersCanDrop"));
    layout->addWidget(levels);

    auto* points = new QGroupBox(tr("Membership and points"), content);
    points->setObjectName(QStringLiteral("pointsBox"));
    auto* pointsForm = new QFormLayout(points);
    addRow(pointsForm, points, tr("&Member from:"), amountEdit(points, QStringLiteral("memberFrom")), currency,
        QStringLiteral("memberFrom"));
    addRow(pointsForm, points, tr("One point per &spend of:"), amountEdit(points, QStringLiteral("spendPerPoint")),
        currency, QStringLiteral("spendPerPoint"));
    addRow(pointsForm, points, tr("A point is &worth:"), amountEdit(points, QStringLiteral("pointValue")), currency,
        QStringLiteral("pointValue"));
    m_pointsExpireDays = new QSpinBox(points);
    m_pointsExpireDays->setRange(0, static_cast<int>(MembershipRules::maxPointsExpireDays));
    m_pointsExpireDays->setSpecialValueText(tr("Never"));
    m_pointsExpireDays->setSuffix(tr(" days"));
    m_pointsExpireDays->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_pointsExpireDays->setReadOnly(!canEdit);
    m_pointsExpireDays->setButtonSymbols(canEdit ? QAbstractSpinBox::UpDownArrows : QAbstractSpinBox::NoButtons);
    addRow(pointsForm, points, tr("Points &expire after:"), m_pointsExpireDays, {}, QStringLiteral("pointsExpireDays"));
    pointsForm->addRow(noteLabel(tr("A walk-in customer becomes a member when their total spent reaches \"Member "
                                    "from\" (0: never by spending). Points expire after the days given, the oldest "
                                    "used first (0: never)."),
        points));
    layout->addWidget(points);

    m_rulesStatus = FieldMessages::makeLabel(content, QStringLiteral("rulesStatus"));
    m_rulesStatus->setAccessibleName(tr("Saving the rules"));
    if (canEdit) {
        m_saveRules = new QPushButton(tr("Sa&ve rules"), content);
        m_saveRules->setObjectName(QStringLiteral("saveRulesButton"));
        m_saveRules->setAccessibleName(tr("Save rules"));
        m_revertRules = new QPushButton(tr("&Undo changes"), content);
        m_revertRules->setObjectName(QStringLiteral("revertRulesButton"));
        m_revertRules->setAccessibleName(tr("Undo changes"));
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(m_saveRules);
        buttons->addWidget(m_revertRules);
        buttons->addWidget(m_rulesStatus, 1);
        buttons->addStretch(0); // keeps the buttons their size while the message is hidden
        layout->addLayout(buttons);
        connect(m_saveRules, &QPushButton::clicked, this, &SettingsView::saveRules);
        connect(m_revertRules, &QPushButton::clicked, this, &SettingsView::loadRules);
        for (QLineEdit* edit : std::as_const(m_amountEdits))
            connect(edit, &QLineEdit::returnPressed, this, &SettingsView::saveRules);
        for (QLineEdit* edit : std::as_const(m_percentEdits))
            connect(edit, &QLineEdit::returnPressed, this, &SettingsView::saveRules);
    } else {
        layout->addWidget(m_rulesStatus);
    }
    return scrollPage(content);
}

QWidget* SettingsView::buildLanguagePage()
{
    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    form->setContentsMargins(0, 0, 0, 0);
    m_language = new QComboBox(content);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    for (const Language& language : languages)
        m_language->addItem(QString::fromUtf8(language.nativeName), QString::fromLatin1(language.localeName));

    const QString stored = QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir"))
                               .value(QString::fromLatin1(languageKey))
                               .toString();
    const QString current = stored.isEmpty()
        ? (QLocale().language() == QLocale::Indonesian ? QStringLiteral("id_ID") : QStringLiteral("en_US"))
        : stored;
    const int index = m_language->findData(current);
    m_language->setCurrentIndex(index >= 0 ? index : 0);
    // Applied by the button only: the window is made again in the new language, which must
    // not happen while someone arrows or scrolls through the list.
    auto* apply = new QPushButton(tr("Use this language"), content);
    apply->setObjectName(QStringLiteral("applyLanguage"));
    apply->setAccessibleName(tr("Use the chosen language"));
    apply->setEnabled(false);
    connect(m_language, &QComboBox::currentIndexChanged, apply,
        [this, apply, current] { apply->setEnabled(m_language->currentData().toString() != current); });
    connect(apply, &QPushButton::clicked, this, [this] { chooseLanguage(m_language->currentIndex()); });

    auto* buddy = new QLabel(tr("&Language:"), content);
    buddy->setBuddy(m_language);
    auto* row = new QHBoxLayout;
    row->addWidget(m_language);
    row->addWidget(apply);
    row->addStretch(1);
    form->addRow(buddy, row);
    form->addRow(noteLabel(tr("The language Kasir speaks on this computer. Each computer keeps its own choice."),
        content, QStringLiteral("languageNote")));
    return scrollPage(content);
}

QWidget* SettingsView::buildDataPage()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    const QString path = QDir::toNativeSeparators(QFileInfo(m_db.path()).absoluteFilePath());
    auto* pathLabel = valueLabel(path, content, QStringLiteral("databasePath"), tr("Database file"));
    pathLabel->setWordWrap(true);
    form->addRow(tr("Database file:"), pathLabel);
    layout->addLayout(form);

    auto* open = new QPushButton(tr("&Open folder"), content);
    open->setObjectName(QStringLiteral("openDataFolderButton"));
    open->setAccessibleName(tr("Open folder"));
    connect(open, &QPushButton::clicked, this, &SettingsView::openDataFolder);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(noteLabel(tr("Everything this computer knows is in this one file. Copy it only while Kasir is "
                                   "closed, together with any file beside it whose name ends in \"-wal\"."),
        content, QStringLiteral("dataNote")));

    // Demo customers, to try Kasir out or to train a cashier: an administrator's choice,
    // since they are customers like any other in this file.
    if (m_actor.can(Permission::SettingsManage) && m_actor.can(Permission::CustomerCreate)) {
        auto* demo = new QGroupBox(tr("Demo customers"), content);
        auto* demoLayout = new QVBoxLayout(demo);
        demoLayout->addWidget(noteLabel(tr("Adds made-up customers with Indonesian, Kenyan and Indian names and "
                                           "phone numbers, to try Kasir out. They are real records in this file and "
                                           "will be synced like any other customer."),
            demo, QStringLiteral("demoNote")));
        auto* row = new QHBoxLayout;
        auto* buddy = new QLabel(tr("&How many:"), demo);
        m_demoCount = new QSpinBox(demo);
        m_demoCount->setObjectName(QStringLiteral("demoCount"));
        m_demoCount->setAccessibleName(tr("How many demo customers"));
        m_demoCount->setRange(1, 1'000'000);
        m_demoCount->setValue(1000);
        m_demoCount->setGroupSeparatorShown(true);
        buddy->setBuddy(m_demoCount);
        m_addDemo = new QPushButton(tr("Add &demo customers"), demo);
        m_addDemo->setObjectName(QStringLiteral("addDemoButton"));
        m_addDemo->setAccessibleName(tr("Add demo customers"));
        connect(m_addDemo, &QPushButton::clicked, this, &SettingsView::addDemoCustomers);
        row->addWidget(buddy);
        row->addWidget(m_demoCount);
        row->addWidget(m_addDemo);
        row->addStretch(1);
        demoLayout->addLayout(row);
        m_dataStatus = FieldMessages::makeLabel(demo, QStringLiteral("dataStatus"));
        m_dataStatus->setAccessibleName(tr("Adding demo customers"));
        demoLayout->addWidget(m_dataStatus);
        layout->addWidget(demo);
    }
    layout->addStretch(1);
    return scrollPage(content);
}

bool SettingsView::addDemoCustomers()
{
    if (!m_demoCount)
        return false;
    const qint64 count = m_demoCount->value();
    qint64 added = 0;
    const quint64 seed = static_cast<quint64>(m_db.clock().nowMs());
    const Status done = LongTask::run(this, m_db, tr("Adding %Ln demo customer(s)…", nullptr, static_cast<int>(count)),
        [&db = m_db, actor = m_actor, count, seed, &added](const LongTask::Control& control) {
            auto written = DemoData::generate(
                db, actor, count, seed, [&](qint64 n) { control.progress(n, count); }, control.cancelled);
            if (!written)
                return Status(written.error());
            added = *written;
            return Status(Done {});
        });
    if (!done) {
        FieldMessages::show(m_dataStatus,
            done.error().isCancelled() ? tr("Stopped: no demo customer was added.")
                                       : FieldMessages::sentence(done.error().describe(), true),
            !done.error().isCancelled());
        return false;
    }
    FieldMessages::show(m_dataStatus, tr("%Ln demo customer(s) added.", nullptr, static_cast<int>(added)), false);
    Q_EMIT customersChanged();
    return true;
}

void SettingsView::loadStores()
{
    auto stores = CompanyService(m_db, m_actor).stores();
    TenancyRepository tenancy(m_db);
    if (auto terminal = tenancy.localTerminal(); terminal && terminal->has_value())
        m_localStoreId = (*terminal)->storeId;
    QString keep = m_localStoreId;
    if (const auto rows = m_stores->selectionModel()->selectedRows(); !rows.isEmpty())
        keep = m_stores->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
    m_stores->setRowCount(0);
    if (!stores) {
        if (m_renameStoreStatus)
            FieldMessages::show(m_renameStoreStatus, FieldMessages::sentence(stores.error().message), true);
        return;
    }
    m_stores->setRowCount(static_cast<int>(stores->size()));
    int keepRow = -1;
    for (int row = 0; row < stores->size(); ++row) {
        const Store& store = stores->at(row);
        auto* code = new QTableWidgetItem(store.code);
        code->setData(Qt::UserRole, store.id);
        m_stores->setItem(row, 0, code);
        m_stores->setItem(row, 1, new QTableWidgetItem(store.name));
        m_stores->setItem(row, 2, new QTableWidgetItem(store.id == m_localStoreId ? tr("Sells here") : QString()));
        if (store.id == keep)
            keepRow = row;
    }
    // Only a form that renames needs a store chosen.
    if (m_storeName && keepRow >= 0)
        m_stores->selectRow(keepRow);
    showSelectedStore();
}

void SettingsView::showSelectedStore()
{
    if (!m_storeName)
        return;
    const auto rows = m_stores->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty();
    m_storeName->setText(any ? m_stores->item(rows.first().row(), 1)->text() : QString());
    m_storeName->setEnabled(any);
    m_renameStore->setEnabled(any);
    showFieldErrors(m_renameStoreErrors, {});
    m_renameStoreStatus->hide();
}

bool SettingsView::saveCompanyName()
{
    if (!m_saveCompanyName)
        return false;
    auto renamed = CompanyService(m_db, m_actor).rename(m_companyName->text());
    if (!renamed) {
        showRefusal(m_companyErrors, m_companyStatus, renamed.error(), QString());
        return false;
    }
    showFieldErrors(m_companyErrors, {});
    const bool changed = renamed->name != m_company.name;
    m_company = *renamed;
    m_companyName->setText(m_company.name);
    FieldMessages::show(m_companyStatus, tr("Saved."), false);
    if (changed)
        Q_EMIT companyChanged(m_company);
    return true;
}

bool SettingsView::addStore()
{
    if (!m_addStore)
        return false;
    auto added = CompanyService(m_db, m_actor).addStore(m_newStoreCode->text(), m_newStoreName->text());
    if (!added) {
        showRefusal(m_storeErrors, m_addStoreStatus, added.error(), tr("The store was not added."));
        return false;
    }
    showFieldErrors(m_storeErrors, {});
    for (QLineEdit* edit : {m_newStoreCode, m_newStoreName})
        edit->clear();
    loadStores();
    FieldMessages::show(m_addStoreStatus, tr("Added %1, %2.").arg(added->code, added->name), false);
    return true;
}

bool SettingsView::renameStore()
{
    if (!m_renameStore)
        return false;
    const auto rows = m_stores->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    const QString id = m_stores->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
    auto renamed = CompanyService(m_db, m_actor).renameStore(id, m_storeName->text());
    if (!renamed) {
        showRefusal(m_renameStoreErrors, m_renameStoreStatus, renamed.error(), QString());
        return false;
    }
    loadStores();
    FieldMessages::show(m_renameStoreStatus, tr("Saved: %1 is now %2.").arg(renamed->code, renamed->name), false);
    return true;
}

void SettingsView::loadUsers()
{
    if (!m_users)
        return;
    const auto previous = selectedUser();
    auto users = UserService(m_db, m_actor).list();
    m_users->setRowCount(0);
    m_userList.clear();
    if (!users) {
        FieldMessages::show(m_editUserStatus, FieldMessages::sentence(users.error().message), true);
        showSelectedUser();
        return;
    }
    m_userList = *users;
    m_users->setRowCount(static_cast<int>(m_userList.size()));
    int keepRow = -1;
    for (int row = 0; row < m_userList.size(); ++row) {
        const User& u = m_userList.at(row);
        m_users->setItem(row, 0, new QTableWidgetItem(u.username));
        m_users->setItem(row, 1, new QTableWidgetItem(u.displayName));
        m_users->setItem(row, 2, new QTableWidgetItem(Roles::displayName(u.role)));
        m_users->setItem(row, 3, new QTableWidgetItem(u.active ? tr("Yes") : tr("No")));
        if (previous && u.id == previous->id)
            keepRow = row;
    }
    if (keepRow >= 0)
        m_users->selectRow(keepRow);
    showSelectedUser();
}

std::optional<User> SettingsView::selectedUser() const
{
    if (!m_users)
        return std::nullopt;
    const auto rows = m_users->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_userList.size())
        return std::nullopt;
    return m_userList.at(rows.first().row());
}

void SettingsView::showSelectedUser()
{
    const auto user = selectedUser();
    for (QWidget* w : std::initializer_list<QWidget*> {m_userDisplayName, m_userRole, m_saveUser, m_toggleActive,
             m_userPassword, m_userPasswordRepeat, m_setPassword})
        w->setEnabled(user.has_value());
    if (!user) {
        m_userBox->setTitle(tr("Change the selected user"));
        m_userNote->setText(tr("Choose a user in the list to change their name or role, to deactivate them or to "
                               "give them a new password."));
        m_userDisplayName->clear();
        m_toggleActive->setText(tr("Deac&tivate"));
        m_toggleActive->setAccessibleName(tr("Deactivate the selected user"));
        return;
    }
    m_userBox->setTitle(tr("Change %1").arg(user->username));
    m_userDisplayName->setText(user->displayName);
    m_userRole->setCurrentIndex(m_userRole->findData(Roles::toString(user->role)));
    m_toggleActive->setText(user->active ? tr("Deac&tivate") : tr("Reac&tivate"));
    m_toggleActive->setAccessibleName(
        user->active ? tr("Deactivate the selected user") : tr("Reactivate the selected user"));
    // Core refuses these for oneself; the form does not offer them.
    const bool self = user->id == m_actor.userId;
    m_userRole->setEnabled(!self);
    m_toggleActive->setEnabled(!self);
    if (self)
        m_userNote->setText(tr("This is you. Another administrator can change your role or deactivate you."));
    else if (!user->active)
        m_userNote->setText(tr("%1 is deactivated and cannot sign in.").arg(user->displayName));
    else
        m_userNote->setText(tr("%1 signs in as %2.").arg(user->displayName, Roles::displayName(user->role).toLower()));
}

bool SettingsView::saveUser()
{
    const auto user = selectedUser();
    if (!m_saveUser || !user)
        return false;
    const UserService::UserChange change {m_userDisplayName->text(), m_userRole->currentData().toString()};
    auto changed = UserService(m_db, m_actor).update(user->id, change);
    if (!changed) {
        showRefusal(m_editUserErrors, m_editUserStatus, changed.error(), tr("Nothing was changed."));
        return false;
    }
    loadUsers();
    // The note above says what the user now is.
    FieldMessages::show(m_editUserStatus, tr("Saved."), false);
    return true;
}

bool SettingsView::toggleUserActive()
{
    const auto user = selectedUser();
    if (!m_toggleActive || !user)
        return false;
    UserService users(m_db, m_actor);
    auto changed = user->active ? users.deactivate(user->id) : users.reactivate(user->id);
    if (!changed) {
        showRefusal(m_editUserErrors, m_editUserStatus, changed.error(), tr("Nothing was changed."));
        return false;
    }
    loadUsers();
    FieldMessages::show(m_editUserStatus,
        changed->active ? tr("%1 can sign in again.").arg(changed->displayName)
                        : tr("%1 is deactivated and can no longer sign in.").arg(changed->displayName),
        false);
    return true;
}

bool SettingsView::setUserPassword()
{
    const auto user = selectedUser();
    if (!m_setPassword || !user)
        return false;
    // Typing the password twice is the form's own check: core receives one password.
    if (m_userPassword->text() != m_userPasswordRepeat->text()) {
        showFieldErrors(m_editUserErrors,
            {FieldError {
                QStringLiteral("passwordRepeat"), QStringLiteral("mismatch"), tr("does not match the password")}});
        FieldMessages::show(m_editUserStatus, tr("The password was not changed."), true);
        return false;
    }
    auto changed = UserService(m_db, m_actor).setPassword(user->id, m_userPassword->text());
    if (!changed) {
        showRefusal(m_editUserErrors, m_editUserStatus, changed.error(), tr("The password was not changed."));
        return false;
    }
    showFieldErrors(m_editUserErrors, {});
    for (QLineEdit* edit : {m_userPassword, m_userPasswordRepeat})
        edit->clear();
    FieldMessages::show(
        m_editUserStatus, tr("%1 signs in with the new password from now on.").arg(changed->displayName), false);
    return true;
}

bool SettingsView::addUser()
{
    if (!m_addUser)
        return false;
    QList<FieldError> errors;
    // Typing the password twice is the form's own check: core receives one password.
    if (m_newPassword->text() != m_newPasswordRepeat->text())
        errors << FieldError {
            QStringLiteral("passwordRepeat"), QStringLiteral("mismatch"), tr("does not match the password")};
    if (!errors.isEmpty()) {
        showFieldErrors(m_userErrors, errors);
        m_usersStatus->hide();
        return false;
    }
    const UserService::NewUser newUser {
        m_newUsername->text(), m_newDisplayName->text(), m_newRole->currentData().toString(), m_newPassword->text()};
    auto added = UserService(m_db, m_actor).add(newUser);
    if (!added) {
        showRefusal(m_userErrors, m_usersStatus, added.error(), tr("The user was not added."));
        return false;
    }
    showFieldErrors(m_userErrors, {});
    FieldMessages::show(m_usersStatus,
        tr("%1 can now sign in as %2.").arg(added->displayName, Roles::displayName(added->role).toLower()), false);
    for (QLineEdit* edit : {m_newUsername, m_newDisplayName, m_newPassword, m_newPasswordRepeat})
        edit->clear();
    loadUsers();
    return true;
}

void SettingsView::loadRules()
{
    auto rules = MembershipService(m_db, m_actor).rules();
    showFieldErrors(m_ruleErrors, {});
    if (!rules) {
        FieldMessages::show(m_rulesStatus, FieldMessages::sentence(rules.error().message), true);
        return;
    }
    m_rulesStatus->hide();
    m_rules = *rules;
    showRules(m_rules);
}

void SettingsView::showRules(const MembershipRules& rules)
{
    const QString currency = m_company.currency;
    const QHash<QString, qint64> amounts {{QStringLiteral("silverFrom"), rules.silverFrom},
        {QStringLiteral("goldFrom"), rules.goldFrom}, {QStringLiteral("platinumFrom"), rules.platinumFrom},
        {QStringLiteral("memberFrom"), rules.memberFrom}, {QStringLiteral("spendPerPoint"), rules.spendPerPoint},
        {QStringLiteral("pointValue"), rules.pointValue}};
    for (auto it = amounts.begin(); it != amounts.end(); ++it)
        m_amountEdits.value(it.key())->setText(amountText(it.value(), currency));
    const QHash<QString, int> discounts {{QStringLiteral("bronzeDiscount"), rules.bronzeDiscountBp},
        {QStringLiteral("silverDiscount"), rules.silverDiscountBp},
        {QStringLiteral("goldDiscount"), rules.goldDiscountBp},
        {QStringLiteral("platinumDiscount"), rules.platinumDiscountBp}};
    for (auto it = discounts.begin(); it != discounts.end(); ++it)
        m_percentEdits.value(it.key())->setText(Percent::formatBasisPoints(it.value()));
    m_tiersCanDrop->setChecked(rules.tiersCanDrop);
    m_pointsExpireDays->setValue(static_cast<int>(rules.pointsExpireDays));
}

bool SettingsView::saveRules()
{
    if (!m_saveRules)
        return false;
    const QString currency = m_company.currency;
    MembershipRules rules = m_rules;
    QList<FieldError> errors;
    auto amount = [&](const QString& field, qint64& target) {
        if (auto v = Money::parse(m_amountEdits.value(field)->text(), currency))
            target = *v;
        else
            errors << FieldError {field, QStringLiteral("not_an_amount"),
                tr("must be an amount in %1, such as %2")
                    .arg(currency, amountText(unitScale(currency) * 25000, currency))};
    };
    auto discount = [&](const QString& field, int& target) {
        if (auto v = Percent::parseBasisPoints(m_percentEdits.value(field)->text()))
            target = *v;
        else
            errors << FieldError {field, QStringLiteral("not_a_percentage"), tr("must be a percentage such as 7.5")};
    };
    amount(QStringLiteral("silverFrom"), rules.silverFrom);
    amount(QStringLiteral("goldFrom"), rules.goldFrom);
    amount(QStringLiteral("platinumFrom"), rules.platinumFrom);
    amount(QStringLiteral("memberFrom"), rules.memberFrom);
    amount(QStringLiteral("spendPerPoint"), rules.spendPerPoint);
    amount(QStringLiteral("pointValue"), rules.pointValue);
    discount(QStringLiteral("bronzeDiscount"), rules.bronzeDiscountBp);
    discount(QStringLiteral("silverDiscount"), rules.silverDiscountBp);
    discount(QStringLiteral("goldDiscount"), rules.goldDiscountBp);
    discount(QStringLiteral("platinumDiscount"), rules.platinumDiscountBp);
    rules.tiersCanDrop = m_tiersCanDrop->isChecked();
    rules.pointsExpireDays = m_pointsExpireDays->value();
    if (!errors.isEmpty()) {
        showFieldErrors(m_ruleErrors, errors);
        FieldMessages::show(m_rulesStatus, tr("Nothing was saved: correct the fields marked."), true);
        return false;
    }

    auto change = MembershipService(m_db, m_actor).setRules(rules);
    if (!change) {
        const Error& e = change.error();
        if (!e.fields.isEmpty())
            errors = e.fields;
        else if (!e.field.isEmpty())
            errors << FieldError {e.field, e.code, e.message};
        showFieldErrors(m_ruleErrors, errors);
        FieldMessages::show(m_rulesStatus,
            errors.isEmpty() ? FieldMessages::sentence(e.message) : tr("Nothing was saved: correct the fields marked."),
            true);
        return false;
    }
    showFieldErrors(m_ruleErrors, {});
    const bool changed = !(change->rules == m_rules);
    m_rules = change->rules;
    showRules(m_rules);
    FieldMessages::show(m_rulesStatus,
        change->customersMoved > 0 ? tr(
            "Saved. %n customer(s) moved to another level or type.", nullptr, static_cast<int>(change->customersMoved))
                                   : tr("Saved."),
        false);
    if (changed)
        Q_EMIT rulesChanged();
    return true;
}

void SettingsView::showFieldErrors(const QHash<QString, QLabel*>& labels, const QList<FieldError>& errors)
{
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        QStringList messages;
        for (const FieldError& e : errors) {
            if (e.field == it.key())
                messages << FieldMessages::sentence(e.message);
        }
        QLabel* label = it.value();
        FieldMessages::show(label, messages.join(u'\n'), true);
        // A screen reader hears the problem with the field.
        if (auto* editor = qobject_cast<QWidget*>(label->property(editorProperty).value<QObject*>()))
            editor->setAccessibleDescription(messages.join(u' '));
    }
}

void SettingsView::showRefusal(
    const QHash<QString, QLabel*>& labels, QLabel* status, const Error& error, const QString& whole)
{
    QList<FieldError> errors = error.fields;
    if (errors.isEmpty() && !error.field.isEmpty())
        errors << FieldError {error.field, error.code, error.message};
    showFieldErrors(labels, errors);
    const bool byField = std::any_of(
        errors.cbegin(), errors.cend(), [&labels](const FieldError& e) { return labels.contains(e.field); });
    FieldMessages::show(status, byField ? whole : FieldMessages::sentence(error.message, true), true);
}

void SettingsView::chooseLanguage(int index)
{
    const QString localeName = m_language->itemData(index).toString();
    if (localeName.isEmpty())
        return;
    QSettings(QStringLiteral("Kasir"), QStringLiteral("Kasir")).setValue(QString::fromLatin1(languageKey), localeName);
    Q_EMIT languageChanged(localeName);
}

void SettingsView::openDataFolder()
{
    const QString folder = QFileInfo(m_db.path()).absolutePath();
    if (m_openFolder)
        m_openFolder(QUrl::fromLocalFile(folder));
}

} // namespace kasir
