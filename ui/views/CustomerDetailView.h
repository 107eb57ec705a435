#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Error.h"
#include "core/domain/Role.h"
#include "core/domain/Tenancy.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <optional>

class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace kasir {

class Database;

// One customer on one page: a header with who they are and what they hold, and tabs for
// their profile, purchases, ledgers, notes, tags, contacts, preferences and activity. It
// only shows what core's services return and hands them what the user typed; the services
// decide what is valid and who may do what, and the view mirrors that by hiding actions
// the actor's role does not allow.
class CustomerDetailView final : public QWidget
{
    Q_OBJECT

public:
    CustomerDetailView(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~CustomerDetailView() override;
    Q_DISABLE_COPY_MOVE(CustomerDetailView)

    QString customerId() const { return m_customer.id; }

    // Where the privacy export is saved: a file dialog by default. An empty answer cancels.
    // Tests answer without a dialog.
    void setExportPathProvider(std::function<QString()> provider);
    // Asks to confirm an erasure (`title`, `text`) and for its reason: the reason, or
    // nullopt when the user cancels. A dialog by default; tests answer without one.
    using ReasonPrompt = std::function<std::optional<QString>(const QString& title, const QString& text)>;
    void setReasonPrompt(ReasonPrompt prompt);

    // Writes everything stored about the customer as JSON to `path`; false (and the reason
    // shown) when it could not.
    bool exportTo(const QString& path);

public Q_SLOTS:
    void showCustomer(const QString& customerId);
    // Reads the shown customer again, e.g. after a sale at the counter.
    void reload();

Q_SIGNALS:
    // After any saved change to the customer, so that lists can refresh.
    void customerChanged(const QString& customerId);
    void backRequested();

private:
    QWidget* createHeader();
    QWidget* createProfileTab();
    QWidget* createPurchasesTab();
    QWidget* createLedgerTab();
    QWidget* createNotesTab();
    QWidget* createTagsTab();
    QWidget* createContactsTab();
    QWidget* createPreferencesTab();
    QWidget* createActivityTab();

    void loadHeader();
    void loadProfile();
    void loadPurchases();
    void loadLedgers();
    void loadNotes();
    void loadTags();
    void loadContacts();
    void loadPreferences();
    void loadActivity();

    void saveProfile();
    void clearFieldErrors();
    // Shows each field's message beside it; the others in the profile's status line.
    void showFieldErrors(const Error& error);
    void addNote();
    void addTag();
    void removeTag();
    void addContact();
    void removeContact();
    void savePreferences();
    void toggleActive();
    void exportData();
    void anonymise();
    void removeCustomer();
    // After a write that worked: read everything again and tell the lists.
    void changed();
    void showMessage(QLabel* label, const QString& text, bool problem);
    QString formatTime(qint64 ms) const;
    QString money(qint64 minor) const;

    Database& m_db;
    const Actor m_actor;
    const Company m_company;
    Customer m_customer;
    std::function<QString()> m_exportPath;
    ReasonPrompt m_reasonPrompt;

    // Header
    QLabel* m_name = nullptr;
    QLabel* m_code = nullptr;
    QLabel* m_level = nullptr;
    QLabel* m_type = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_discount = nullptr;
    QLabel* m_points = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_warning = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_toggleActive = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_anonymise = nullptr;
    QPushButton* m_delete = nullptr;
    QTabWidget* m_tabs = nullptr;

    // Profile
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_phoneEdit = nullptr;
    QString m_phoneShown; // the stored phone as the field shows it, to see whether it was edited
    QLineEdit* m_emailEdit = nullptr;
    QLineEdit* m_addressEdit = nullptr;
    QLineEdit* m_cityEdit = nullptr;
    QLineEdit* m_provinceEdit = nullptr;
    QLineEdit* m_postalCodeEdit = nullptr;
    QDateEdit* m_birthDateEdit = nullptr;
    QComboBox* m_genderEdit = nullptr;
    QPlainTextEdit* m_notesEdit = nullptr;
    QHash<QString, QLabel*> m_fieldErrors; // by the field's name in errors ("email")
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_profileStatus = nullptr;
    QLabel* m_profileDates = nullptr;

    // Purchases
    QLabel* m_figures = nullptr;
    QTableWidget* m_sales = nullptr;
    QTableWidget* m_topProducts = nullptr;
    QChartView* m_chart = nullptr;

    // Points and credit
    QLabel* m_pointsBalance = nullptr;
    QLabel* m_creditBalance = nullptr;
    QTableWidget* m_pointsTable = nullptr;
    QTableWidget* m_creditTable = nullptr;

    // Notes
    QComboBox* m_noteKind = nullptr;
    QPlainTextEdit* m_noteBody = nullptr;
    QPushButton* m_addNote = nullptr;
    QLabel* m_noteStatus = nullptr;
    QListWidget* m_notes = nullptr;

    // Tags
    QListWidget* m_tags = nullptr;
    QLineEdit* m_tagName = nullptr;
    QPushButton* m_addTag = nullptr;
    QPushButton* m_removeTag = nullptr;
    QLabel* m_tagStatus = nullptr;

    // Contacts
    QTableWidget* m_contacts = nullptr;
    QComboBox* m_contactKind = nullptr;
    QLineEdit* m_contactValue = nullptr;
    QLineEdit* m_contactLabel = nullptr;
    QPushButton* m_addContact = nullptr;
    QPushButton* m_removeContact = nullptr;
    QLabel* m_contactStatus = nullptr;

    // Preferences
    QComboBox* m_payment = nullptr;
    QComboBox* m_contactTime = nullptr;
    QCheckBox* m_offers = nullptr;
    QCheckBox* m_loyalty = nullptr;
    QCheckBox* m_doNotContact = nullptr;
    QPushButton* m_savePreferences = nullptr;
    QLabel* m_preferenceStatus = nullptr;

    // Activity
    QListWidget* m_activity = nullptr;
};

} // namespace kasir
