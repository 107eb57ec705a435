#pragma once

#include "core/domain/Customer.h"
#include "core/domain/Ledger.h"
#include "core/domain/Membership.h"
#include "core/domain/Product.h"
#include "core/domain/Role.h"
#include "core/domain/Sale.h"
#include "core/domain/Tenancy.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace kasir {

class Database;

// The counter: find the customer by phone (or its last digits), register one mid-sale,
// ring up the items and take the payment. It only gathers what the cashier puts together
// into a SaleRequest; CheckoutService checks and writes the sale.
class CounterView final : public QWidget
{
    Q_OBJECT

public:
    CounterView(Database& db, const Actor& actor, const Company& company, QWidget* parent = nullptr);
    ~CounterView() override;
    Q_DISABLE_COPY_MOVE(CounterView)

    // A look-up answers in well under a millisecond; the delay only gathers a burst of
    // keys (a pasted number, a scanner) into one query.
    static constexpr int lookupDelayMs = 5;
    static constexpr int maxMatches = 8;

    // Who the sale is for; nullopt for a walk-in.
    const std::optional<Customer>& attachedCustomer() const { return m_customer; }
    // The sale completed last, for its receipt.
    const std::optional<Sale>& lastSale() const { return m_lastSale; }
    // Writes the last sale's receipt as a PDF file; false when there is none or it cannot be written.
    bool saveReceiptPdf(const QString& path) const;

public Q_SLOTS:
    void focusLookup();
    // F2: the inline form for a new customer's name and phone.
    void startRegistration();
    // Adds `quantity` of the product with this SKU (or one more line of it); false when
    // there is no such product.
    bool addItem(const QString& sku, qint64 quantity = 1);
    // F12 / Ctrl+Enter: hands the sale to CheckoutService; false when it refused.
    bool completeSale();
    // Forgets the customer, the items and the payment, ready for the next customer.
    void clearSale();
    // Ctrl+P: the print dialog for the last sale's receipt (a printer or a PDF file).
    void printReceipt();
    // The company as renamed on the settings page: receipts print the new name.
    void setCompany(const kasir::Company& company);

Q_SIGNALS:
    void customerOpened(const QString& customerId);
    void saleCompleted(const QString& orderNumber);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Line
    {
        Product product;
        qint64 quantity = 0;
    };

    QWidget* createCustomerPanel();
    QWidget* createRegisterForm(QWidget* parent);
    QWidget* createSalePanel();
    void createActions();
    void setUpTabOrder();

    void runLookup();
    void showMatches();
    void moveHighlight(int step);
    bool attachHighlighted();
    void attach(const Customer& customer);
    void detachCustomer();
    void clearLookup();
    // The card shows the highlighted match while the cashier looks, else the attached customer.
    void showCustomerCard();
    std::optional<Customer> highlightedMatch() const;

    void submitRegistration();
    void cancelRegistration();
    void showRegistrationErrors(const QString& name, const QString& phone, const QString& other);
    void offerWalkInSales(const Customer& customer);
    void linkWalkInSales();

    void addTypedItem();
    void changeSelectedQuantity(qint64 step);
    void removeSelectedLine();
    void refreshLines();
    void refreshTotals();
    void updatePaymentFields();
    void showSaleMessage(const QString& text, bool problem);

    qint64 subtotal() const;
    int discountBp() const;
    qint64 discount() const;
    qint64 total() const;
    qint64 pointsValue() const;
    qint64 amountDue() const;
    std::optional<qint64> typedAmount() const;
    QString money(qint64 minor) const;

    Database& m_db;
    Actor m_actor;
    Company m_company;
    MembershipRules m_rules;
    QHash<QString, Product> m_products; // by normalised SKU
    QHash<QString, QString> m_skuByCompletion;

    QList<Customer> m_matches;
    std::optional<Customer> m_customer;
    Balances m_balances;
    QList<Line> m_lines;
    std::optional<Sale> m_lastSale;
    qint64 m_lastChange = 0;
    QTimer m_lookupDelay;

    // Customer panel.
    QLineEdit* m_lookup = nullptr;
    QLabel* m_lookupHint = nullptr;
    QListWidget* m_matchList = nullptr;
    QFrame* m_card = nullptr;
    QLabel* m_cardState = nullptr;
    QWidget* m_cardDetails = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_contact = nullptr;
    QLabel* m_level = nullptr;
    QLabel* m_discount = nullptr;
    QLabel* m_points = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_blockedWarning = nullptr;
    QPushButton* m_openCustomer = nullptr;
    QPushButton* m_detach = nullptr;
    QLabel* m_walkIns = nullptr;
    QPushButton* m_linkWalkIns = nullptr;
    QWidget* m_walkInOffer = nullptr;

    // Register form.
    QGroupBox* m_registerForm = nullptr;
    QLineEdit* m_registerName = nullptr;
    QLineEdit* m_registerPhone = nullptr;
    QLabel* m_registerNameError = nullptr;
    QLabel* m_registerPhoneError = nullptr;
    QLabel* m_registerError = nullptr;
    QPushButton* m_registerButton = nullptr;
    QPushButton* m_registerCancel = nullptr;

    // Sale panel.
    QLineEdit* m_itemSku = nullptr;
    QSpinBox* m_itemQuantity = nullptr;
    QPushButton* m_addItem = nullptr;
    QLabel* m_itemError = nullptr;
    QStackedWidget* m_linesStack = nullptr;
    QTableWidget* m_linesTable = nullptr;
    QLabel* m_subtotal = nullptr;
    QLabel* m_discountLabel = nullptr;
    QLabel* m_discountAmount = nullptr;
    QLabel* m_pointsLabel = nullptr;
    QSpinBox* m_pointsRedeem = nullptr;
    QLabel* m_pointsAmount = nullptr;
    QLabel* m_total = nullptr;
    QComboBox* m_paymentMethod = nullptr;
    QLineEdit* m_paymentAmount = nullptr;
    QLabel* m_change = nullptr;
    QPushButton* m_complete = nullptr;
    QLabel* m_saleMessage = nullptr;
    QPushButton* m_printReceipt = nullptr;
    QPushButton* m_newSale = nullptr;
};

} // namespace kasir
