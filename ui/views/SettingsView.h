#pragma once

#include "core/domain/Membership.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QHash>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace kasir {

class Database;
class SyncEngine;

// The settings page: the company and its stores, the users and their roles, the membership
// rules, the language of this computer and where its data lives. The services decide what
// may change and whether a value is acceptable; this page shows their answers by the field.
// Controls for what the signed-in role may not change are not made at all, or read-only.
class SettingsView final : public QWidget
{
    Q_OBJECT

public:
    SettingsView(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~SettingsView() override;
    Q_DISABLE_COPY_MOVE(SettingsView)

    // Where the language chosen on this page is kept (QSettings("Kasir", "Kasir")).
    static constexpr const char* languageKey = "language";

    // What "Open folder" does with the folder's URL; QDesktopServices::openUrl unless a
    // test puts something else here, so that no file manager opens during the tests.
    using FolderOpener = std::function<bool(const QUrl&)>;
    void setFolderOpener(FolderOpener opener);
    // Adds the Sync tab for the terminal's sync engine.
    void addSyncTab(SyncEngine* engine);

public Q_SLOTS:
    // Reads the users and the rules again (after another page or terminal changed them).
    void reload();
    // Applies the rules form through MembershipService; false when it refused.
    bool saveRules();
    // Adds the user in the form through UserService; false when it refused.
    bool addUser();
    // Adds as many demo customers as the Data tab's box says, behind a progress dialog that
    // can cancel them all; false when it did not happen.
    bool addDemoCustomers();
    // The company's name, through CompanyService; false when it refused.
    bool saveCompanyName();
    // Adds the store in the "Add a store" form; false when CompanyService refused.
    bool addStore();
    // Gives the store selected in the table the name typed for it.
    bool renameStore();
    // The display name and role typed for the user selected in the table, through
    // UserService; false when it refused.
    bool saveUser();
    // Deactivates the selected user, or reactivates them when they are inactive.
    bool toggleUserActive();
    // Gives the selected user the new password typed (twice) for them.
    bool setUserPassword();

Q_SIGNALS:
    void languageChanged(const QString& localeName);
    void rulesChanged();
    // Customers were added (demo customers) and lists showing them are out of date.
    void customersChanged();
    // The company's name changed (the window title and receipts show it).
    void companyChanged(const kasir::Company& company);

private:
    QWidget* buildCompanyPage();
    QWidget* buildUsersPage();
    QWidget* buildRulesPage();
    QWidget* buildLanguagePage();
    QWidget* buildDataPage();

    // A form row: the label, the editor (or `line`, a widget holding it and its button) and
    // under it the editor's message, which showFieldErrors() fills for `field`.
    void addFieldRow(QFormLayout* form, QWidget* box, const QString& label, QWidget* editor, const QString& field,
        const QString& objectName, QHash<QString, QLabel*>& errors, QWidget* line = nullptr);

    void loadStores();
    void showSelectedStore();
    void loadUsers();
    void showSelectedUser();
    std::optional<User> selectedUser() const;
    void loadRules();
    void showRules(const MembershipRules& rules);
    // Each message next to its field; fields not named are cleared.
    void showFieldErrors(const QHash<QString, QLabel*>& labels, const QList<FieldError>& errors);
    // A refusal from core: each field's message next to it, the rest (or `whole`, when some
    // field was named; nothing when `whole` is empty) in `status`.
    void showRefusal(const QHash<QString, QLabel*>& labels, QLabel* status, const Error& error, const QString& whole);
    void chooseLanguage(int index);
    void openDataFolder();

    Database& m_db;
    Actor m_actor;
    Company m_company;
    FolderOpener m_openFolder;

    QTabWidget* m_tabs = nullptr;

    QLineEdit* m_companyName = nullptr;
    QPushButton* m_saveCompanyName = nullptr;
    QLabel* m_companyStatus = nullptr;
    QHash<QString, QLabel*> m_companyErrors;

    QTableWidget* m_stores = nullptr;
    QString m_localStoreId; // the store this terminal sells for
    QLineEdit* m_storeName = nullptr; // the selected store's new name
    QPushButton* m_renameStore = nullptr;
    QLabel* m_renameStoreStatus = nullptr;
    QHash<QString, QLabel*> m_renameStoreErrors;
    QLineEdit* m_newStoreCode = nullptr;
    QLineEdit* m_newStoreName = nullptr;
    QPushButton* m_addStore = nullptr;
    QLabel* m_addStoreStatus = nullptr;
    QHash<QString, QLabel*> m_storeErrors;

    QTableWidget* m_users = nullptr;
    QList<User> m_userList; // in the table's order
    QGroupBox* m_userBox = nullptr;
    QLabel* m_userNote = nullptr;
    QLineEdit* m_userDisplayName = nullptr;
    QComboBox* m_userRole = nullptr;
    QPushButton* m_saveUser = nullptr;
    QPushButton* m_toggleActive = nullptr;
    QLineEdit* m_userPassword = nullptr;
    QLineEdit* m_userPasswordRepeat = nullptr;
    QPushButton* m_setPassword = nullptr;
    QLabel* m_editUserStatus = nullptr;
    QHash<QString, QLabel*> m_editUserErrors;

    QLineEdit* m_newUsername = nullptr;
    QLineEdit* m_newDisplayName = nullptr;
    QComboBox* m_newRole = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_newPasswordRepeat = nullptr;
    QPushButton* m_addUser = nullptr;
    QLabel* m_usersStatus = nullptr;
    QHash<QString, QLabel*> m_userErrors;

    MembershipRules m_rules;
    QHash<QString, QLineEdit*> m_amountEdits; // silverFrom, goldFrom, ... in the currency's unit
    QHash<QString, QLineEdit*> m_percentEdits; // bronzeDiscount, ... as percentages
    QCheckBox* m_tiersCanDrop = nullptr;
    QSpinBox* m_pointsExpireDays = nullptr;
    QPushButton* m_saveRules = nullptr;
    QPushButton* m_revertRules = nullptr;
    QLabel* m_rulesStatus = nullptr;
    QHash<QString, QLabel*> m_ruleErrors;

    QComboBox* m_language = nullptr;

    QSpinBox* m_demoCount = nullptr;
    QPushButton* m_addDemo = nullptr;
    QLabel* m_dataStatus = nullptr;
};

} // namespace kasir
