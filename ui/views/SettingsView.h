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
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace kasir {

class Database;

// The settings page: the company and its store, the users and their roles, the membership
// rules, the language of this computer and where its data lives. The services decide what
// may change and whether a value is acceptable; this page shows their answers by the field.
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

Q_SIGNALS:
    void languageChanged(const QString& localeName);
    void rulesChanged();
    // Customers were added (demo customers) and lists showing them are out of date.
    void customersChanged();

private:
    QWidget* buildCompanyPage();
    QWidget* buildUsersPage();
    QWidget* buildRulesPage();
    QWidget* buildLanguagePage();
    QWidget* buildDataPage();

    void loadUsers();
    void loadRules();
    void showRules(const MembershipRules& rules);
    // Each message next to its field; fields not named are cleared.
    void showFieldErrors(const QHash<QString, QLabel*>& labels, const QList<FieldError>& errors);
    void chooseLanguage(int index);
    void openDataFolder();

    Database& m_db;
    Actor m_actor;
    Company m_company;
    FolderOpener m_openFolder;

    QTabWidget* m_tabs = nullptr;

    QTableWidget* m_users = nullptr;
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
