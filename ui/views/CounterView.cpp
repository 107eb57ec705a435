#include "ui/views/CounterView.h"

#include "core/domain/Money.h"
#include "core/domain/PhoneNumber.h"
#include "core/services/CheckoutService.h"
#include "core/services/LedgerService.h"
#include "core/services/MembershipService.h"
#include "core/services/ProductService.h"
#include "ui/views/SaleReceipt.h"
#include "ui/widgets/FieldMessages.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace kasir {

namespace {

// A warning that reads on light and dark palettes alike: a translucent red wash under the
// palette's own text colour, never a fixed text colour.
const QString kWarningStyle = QStringLiteral("QLabel { background-color: rgba(220, 53, 69, 0.16); "
                                             "border: 1px solid rgba(220, 53, 69, 0.75); border-radius: 4px; "
                                             "padding: 4px 6px; }");
// A quiet confirmation in the same manner, in green.
const QString kDoneStyle = QStringLiteral("QLabel { background-color: rgba(40, 167, 69, 0.16); "
                                          "border: 1px solid rgba(40, 167, 69, 0.75); border-radius: 4px; "
                                          "padding: 4px 6px; }");

enum LineColumn
{
    ProductColumn,
    QuantityColumn,
    UnitPriceColumn,
    AmountColumn,
    LineColumnCount,
};

QLabel* warningLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(kWarningStyle);
    // As wide as the field it explains, rather than a narrow wrapped box beside it.
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFont scaledFont(const QFont& base, qreal factor, bool bold)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

// What a sale's refusal says to the cashier: every problem's own message.
QString describeForPeople(const Error& error)
{
    if (error.fields.isEmpty())
        return FieldMessages::sentence(error.message, true);
    QStringList parts;
    for (const FieldError& f : error.fields)
        parts << FieldMessages::sentence(f.message, true);
    parts.removeDuplicates();
    return parts.join(u' ');
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

} // namespace

CounterView::CounterView(Database& db, const Actor& actor, const Company& company, QWidget* parent)
    : QWidget(parent), m_db(db), m_actor(actor), m_company(company)
{
    setObjectName(QStringLiteral("counterView"));
    setAccessibleName(tr("Counter"));
    m_rules = MembershipService(m_db, m_actor).rules().value_or(MembershipRules::defaults());

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(createCustomerPanel(), 5);
    layout->addWidget(createSalePanel(), 7);
    createActions();
    setUpTabOrder();

    m_lookupDelay.setSingleShot(true);
    m_lookupDelay.setInterval(lookupDelayMs);
    connect(&m_lookupDelay, &QTimer::timeout, this, &CounterView::runLookup);
    connect(m_lookup, &QLineEdit::textChanged, this, [this] { m_lookupDelay.start(); });

    showCustomerCard();
    refreshLines();
    setFocusProxy(m_lookup);
    m_lookup->setFocus();
}

CounterView::~CounterView() = default;

QWidget* CounterView::createCustomerPanel()
{
    auto* box = new QGroupBox(tr("Customer"), this);
    box->setObjectName(QStringLiteral("customerPanel"));
    auto* column = new QVBoxLayout(box);

    m_lookup = new QLineEdit(box);
    m_lookup->setObjectName(QStringLiteral("customerLookup"));
    m_lookup->setPlaceholderText(tr("Phone number or its last 4 digits"));
    m_lookup->setClearButtonEnabled(true);
    m_lookup->setMaxLength(40);
    m_lookup->setAccessibleName(tr("Customer phone"));
    m_lookup->setToolTip(tr("Type a phone number in any form, or its last 4 digits (F4).\n"
                            "Up and Down choose a match, Enter puts it on the sale, Esc clears.\n"
                            "F2 registers a new customer."));
    m_lookup->setAccessibleDescription(m_lookup->toolTip());
    m_lookup->setFont(scaledFont(font(), 1.25, false));
    m_lookup->installEventFilter(this);
    auto* lookupLabel = new QLabel(tr("&Phone:"), box);
    lookupLabel->setBuddy(m_lookup);
    auto* lookupRow = new QHBoxLayout;
    lookupRow->addWidget(lookupLabel);
    lookupRow->addWidget(m_lookup, 1);
    column->addLayout(lookupRow);

    m_lookupHint = new QLabel(box);
    m_lookupHint->setObjectName(QStringLiteral("lookupHint"));
    m_lookupHint->setWordWrap(true);
    m_lookupHint->setForegroundRole(QPalette::PlaceholderText);
    m_lookupHint->hide();
    column->addWidget(m_lookupHint);

    m_matchList = new QListWidget(box);
    m_matchList->setObjectName(QStringLiteral("customerMatches"));
    m_matchList->setAccessibleName(tr("Matching customers"));
    m_matchList->setToolTip(tr("Up and Down choose, Enter or a double click puts the customer on the sale"));
    m_matchList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matchList->setUniformItemSizes(true);
    m_matchList->installEventFilter(this);
    m_matchList->hide();
    connect(m_matchList, &QListWidget::currentRowChanged, this, [this] { showCustomerCard(); });
    connect(m_matchList, &QListWidget::itemActivated, this, [this] { attachHighlighted(); });
    column->addWidget(m_matchList);

    m_card = new QFrame(box);
    m_card->setObjectName(QStringLiteral("customerCard"));
    m_card->setFrameShape(QFrame::StyledPanel);
    m_card->installEventFilter(this);
    auto* card = new QVBoxLayout(m_card);
    m_cardState = valueLabel(QStringLiteral("customerState"), m_card);
    m_cardState->setWordWrap(true);
    m_cardState->setForegroundRole(QPalette::PlaceholderText);
    card->addWidget(m_cardState);
    m_name = valueLabel(QStringLiteral("customerName"), m_card);
    m_name->setFont(scaledFont(font(), 1.5, true));
    m_name->setWordWrap(true);
    card->addWidget(m_name);
    m_contact = valueLabel(QStringLiteral("customerContact"), m_card);
    card->addWidget(m_contact);
    m_blockedWarning = warningLabel(QStringLiteral("blockedWarning"), m_card);
    m_blockedWarning->setText(
        tr("Blocked customer: may not pay with store credit. Check with a manager before selling."));
    m_blockedWarning->setAccessibleName(tr("Warning"));
    card->addWidget(m_blockedWarning);

    m_cardDetails = new QWidget(m_card);
    auto* figures = new QFormLayout(m_cardDetails);
    figures->setContentsMargins(0, 4, 0, 0);
    figures->setLabelAlignment(Qt::AlignLeft);
    m_level = valueLabel(QStringLiteral("customerLevel"), m_cardDetails);
    m_discount = valueLabel(QStringLiteral("customerDiscount"), m_cardDetails);
    m_points = valueLabel(QStringLiteral("customerPoints"), m_cardDetails);
    m_balance = valueLabel(QStringLiteral("customerBalance"), m_cardDetails);
    figures->addRow(tr("Tier:"), m_level);
    figures->addRow(tr("Discount:"), m_discount);
    figures->addRow(tr("Points:"), m_points);
    figures->addRow(tr("Store credit:"), m_balance);
    card->addWidget(m_cardDetails);

    auto* cardButtons = new QHBoxLayout;
    m_openCustomer = new QPushButton(tr("Open &details"), m_card);
    m_openCustomer->setObjectName(QStringLiteral("openCustomer"));
    m_openCustomer->setAccessibleName(tr("Open the customer's details"));
    m_openCustomer->setToolTip(tr("Open the customer's details (or double click the card)"));
    connect(m_openCustomer, &QPushButton::clicked, this, [this] {
        if (const std::optional<Customer> shown = highlightedMatch() ? highlightedMatch() : m_customer)
            emit customerOpened(shown->id);
    });
    m_detach = new QPushButton(tr("&Remove from sale"), m_card);
    m_detach->setObjectName(QStringLiteral("detachCustomer"));
    m_detach->setAccessibleName(tr("Remove the customer from the sale"));
    m_detach->setToolTip(tr("Sell without a customer (Shift+F4)"));
    connect(m_detach, &QPushButton::clicked, this, &CounterView::detachCustomer);
    cardButtons->addWidget(m_openCustomer);
    cardButtons->addStretch(1);
    cardButtons->addWidget(m_detach);
    card->addLayout(cardButtons);
    column->addWidget(m_card);

    m_walkInOffer = new QWidget(box);
    m_walkInOffer->setObjectName(QStringLiteral("walkInOffer"));
    auto* offer = new QHBoxLayout(m_walkInOffer);
    offer->setContentsMargins(0, 0, 0, 0);
    m_walkIns = new QLabel(m_walkInOffer);
    m_walkIns->setWordWrap(true);
    m_linkWalkIns = new QPushButton(tr("&Count them"), m_walkInOffer);
    m_linkWalkIns->setObjectName(QStringLiteral("linkWalkInSales"));
    m_linkWalkIns->setAccessibleName(tr("Count the earlier walk-in sales for this customer"));
    m_linkWalkIns->setToolTip(m_linkWalkIns->accessibleName());
    connect(m_linkWalkIns, &QPushButton::clicked, this, &CounterView::linkWalkInSales);
    offer->addWidget(m_walkIns, 1);
    offer->addWidget(m_linkWalkIns);
    m_walkInOffer->hide();
    column->addWidget(m_walkInOffer);

    column->addWidget(createRegisterForm(box));
    column->addStretch(1);

    // The keys of the counter, always in sight: a new cashier learns them by looking.
    auto* keys = new QLabel(box);
    keys->setObjectName(QStringLiteral("counterKeys"));
    keys->setForegroundRole(QPalette::PlaceholderText);
    keys->setTextFormat(Qt::RichText);
    QString rows;
    for (const auto& [key, deed] :
        {std::pair {QStringLiteral("F4"), tr("Find customer")}, {QStringLiteral("F2"), tr("Register a new customer")},
            {QStringLiteral("Shift+F4"), tr("Remove the customer")}, {QStringLiteral("F6"), tr("Items")},
            {QStringLiteral("F9"), tr("Payment")}, {QStringLiteral("F12"), tr("Complete the sale")},
            {QStringLiteral("Ctrl+P"), tr("Print the receipt")}})
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(key, deed.toHtmlEscaped());
    keys->setText(QStringLiteral("<table>%1</table>").arg(rows));
    keys->setAccessibleName(tr("Keyboard shortcuts"));
    column->addWidget(keys);
    return box;
}

QWidget* CounterView::createRegisterForm(QWidget* parent)
{
    m_registerForm = new QGroupBox(tr("New customer"), parent);
    m_registerForm->setObjectName(QStringLiteral("registerForm"));
    m_registerForm->setAccessibleName(tr("Register a new customer"));
    // A grid rather than a form layout: it gives a wrapped message the height its width needs.
    auto* form = new QGridLayout(m_registerForm);
    form->setColumnStretch(1, 1);

    m_registerName = new QLineEdit(m_registerForm);
    m_registerName->setObjectName(QStringLiteral("registerName"));
    m_registerName->setAccessibleName(tr("New customer's name"));
    m_registerName->setMaxLength(255);
    m_registerName->installEventFilter(this);
    m_registerNameError = warningLabel(QStringLiteral("registerNameError"), m_registerForm);
    m_registerPhone = new QLineEdit(m_registerForm);
    m_registerPhone->setObjectName(QStringLiteral("registerPhone"));
    m_registerPhone->setAccessibleName(tr("New customer's phone"));
    m_registerPhone->setPlaceholderText(tr("e.g. 0812 3456 7890"));
    m_registerPhone->setMaxLength(40);
    m_registerPhone->installEventFilter(this);
    m_registerPhoneError = warningLabel(QStringLiteral("registerPhoneError"), m_registerForm);
    m_registerError = warningLabel(QStringLiteral("registerError"), m_registerForm);

    auto* nameLabel = new QLabel(tr("&Name:"), m_registerForm);
    nameLabel->setBuddy(m_registerName);
    auto* phoneLabel = new QLabel(tr("P&hone:"), m_registerForm);
    phoneLabel->setBuddy(m_registerPhone);
    form->addWidget(nameLabel, 0, 0);
    form->addWidget(m_registerName, 0, 1);
    form->addWidget(m_registerNameError, 1, 1);
    form->addWidget(phoneLabel, 2, 0);
    form->addWidget(m_registerPhone, 2, 1);
    form->addWidget(m_registerPhoneError, 3, 1);
    form->addWidget(m_registerError, 4, 0, 1, 2);

    m_registerButton = new QPushButton(tr("Register and add to sale"), m_registerForm);
    m_registerButton->setObjectName(QStringLiteral("registerButton"));
    m_registerButton->setAccessibleName(tr("Register the customer and add them to the sale"));
    m_registerButton->setToolTip(tr("Register and add to the sale (Enter)"));
    m_registerCancel = new QPushButton(tr("Cancel"), m_registerForm);
    m_registerCancel->setObjectName(QStringLiteral("registerCancel"));
    m_registerCancel->setAccessibleName(tr("Cancel registering"));
    m_registerCancel->setToolTip(tr("Cancel (Esc)"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_registerCancel);
    buttons->addWidget(m_registerButton);
    form->addLayout(buttons, 5, 0, 1, 2);

    connect(m_registerButton, &QPushButton::clicked, this, &CounterView::submitRegistration);
    connect(m_registerCancel, &QPushButton::clicked, this, &CounterView::cancelRegistration);
    connect(m_registerName, &QLineEdit::returnPressed, this, &CounterView::submitRegistration);
    connect(m_registerPhone, &QLineEdit::returnPressed, this, &CounterView::submitRegistration);
    m_registerForm->hide();
    return m_registerForm;
}

QWidget* CounterView::createSalePanel()
{
    auto* box = new QGroupBox(tr("Sale"), this);
    box->setObjectName(QStringLiteral("salePanel"));
    auto* column = new QVBoxLayout(box);

    // What is bought: a SKU typed or scanned, with the catalogue offered as completions.
    m_itemSku = new QLineEdit(box);
    m_itemSku->setObjectName(QStringLiteral("itemSku"));
    m_itemSku->setAccessibleName(tr("Item code"));
    m_itemSku->setPlaceholderText(tr("Scan or type an item code or name"));
    m_itemSku->setToolTip(tr("Scan or type an item code, Enter adds it (F6)"));
    m_itemSku->setClearButtonEnabled(true);
    auto* completions = new QStringListModel(this);
    if (auto products = ProductService(m_db, m_actor).list()) {
        QStringList texts;
        for (const Product& p : *products) {
            m_products.insert(p.sku, p);
            const QString text = tr("%1 — %2").arg(p.sku, p.name);
            m_skuByCompletion.insert(text, p.sku);
            texts << text;
        }
        completions->setStringList(texts);
    }
    auto* completer = new QCompleter(completions, m_itemSku);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_itemSku->setCompleter(completer);
    connect(m_itemSku, &QLineEdit::returnPressed, this, &CounterView::addTypedItem);

    m_itemQuantity = new QSpinBox(box);
    m_itemQuantity->setObjectName(QStringLiteral("itemQuantity"));
    m_itemQuantity->setAccessibleName(tr("Quantity"));
    m_itemQuantity->setRange(1, 999);
    m_itemQuantity->setToolTip(tr("How many of the item to add"));
    m_addItem = new QPushButton(tr("&Add"), box);
    m_addItem->setObjectName(QStringLiteral("addItem"));
    m_addItem->setAccessibleName(tr("Add the item to the sale"));
    m_addItem->setToolTip(tr("Add the item to the sale (Enter in the item code)"));
    connect(m_addItem, &QPushButton::clicked, this, &CounterView::addTypedItem);
    auto* itemLabel = new QLabel(tr("&Item:"), box);
    itemLabel->setBuddy(m_itemSku);
    auto* quantityLabel = new QLabel(tr("&Qty:"), box);
    quantityLabel->setBuddy(m_itemQuantity);
    auto* itemRow = new QHBoxLayout;
    itemRow->addWidget(itemLabel);
    itemRow->addWidget(m_itemSku, 1);
    itemRow->addWidget(quantityLabel);
    itemRow->addWidget(m_itemQuantity);
    itemRow->addWidget(m_addItem);
    column->addLayout(itemRow);
    m_itemError = warningLabel(QStringLiteral("itemError"), box);
    column->addWidget(m_itemError);

    // The lines, or what to do while there are none.
    m_linesStack = new QStackedWidget(box);
    auto* empty = new QLabel(tr("No items yet.\nScan or type an item code above (F6)."), m_linesStack);
    empty->setObjectName(QStringLiteral("noLines"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);
    empty->setFrameShape(QFrame::StyledPanel);
    m_linesTable = new QTableWidget(0, LineColumnCount, m_linesStack);
    m_linesTable->setObjectName(QStringLiteral("saleLines"));
    m_linesTable->setAccessibleName(tr("Items on the sale"));
    m_linesTable->setToolTip(tr("+ and - change the quantity, Delete removes the line"));
    m_linesTable->setHorizontalHeaderLabels({tr("Item"), tr("Qty"), tr("Unit price"), tr("Amount")});
    m_linesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_linesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linesTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_linesTable->setAlternatingRowColors(true);
    m_linesTable->verticalHeader()->hide();
    m_linesTable->horizontalHeader()->setSectionResizeMode(ProductColumn, QHeaderView::Stretch);
    for (int c : {QuantityColumn, UnitPriceColumn, AmountColumn})
        m_linesTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_linesTable->horizontalHeaderItem(QuantityColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_linesTable->horizontalHeaderItem(UnitPriceColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_linesTable->horizontalHeaderItem(AmountColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_linesTable->installEventFilter(this);
    m_linesStack->addWidget(empty);
    m_linesStack->addWidget(m_linesTable);
    column->addWidget(m_linesStack, 1);

    // The figures, right-aligned under the amounts.
    auto* totals = new QGridLayout;
    totals->setColumnStretch(0, 1);
    int row = 0;
    auto addRow = [&](const QString& title, QWidget* middle, QLabel* value) {
        auto* label = new QLabel(title, box);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (middle && (middle->focusPolicy() & Qt::TabFocus))
            label->setBuddy(middle);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(money(99'999'999)));
        totals->addWidget(label, row, 0);
        if (middle)
            totals->addWidget(middle, row, 1);
        totals->addWidget(value, row, 2);
        ++row;
        return label;
    };
    m_subtotal = valueLabel(QStringLiteral("saleSubtotal"), box);
    addRow(tr("Subtotal"), nullptr, m_subtotal);
    m_discountAmount = valueLabel(QStringLiteral("saleDiscount"), box);
    m_discountLabel = addRow(tr("Discount"), nullptr, m_discountAmount);
    m_pointsRedeem = new QSpinBox(box);
    m_pointsRedeem->setObjectName(QStringLiteral("pointsRedeem"));
    m_pointsRedeem->setAccessibleName(tr("Points to redeem"));
    m_pointsRedeem->setRange(0, 0);
    m_pointsRedeem->setSuffix(tr(" pts"));
    m_pointsRedeem->setMinimumWidth(
        m_pointsRedeem->fontMetrics().horizontalAdvance(QStringLiteral("0000000 pts")) + 40);
    connect(m_pointsRedeem, &QSpinBox::valueChanged, this, &CounterView::refreshTotals);
    m_pointsAmount = valueLabel(QStringLiteral("pointsAmount"), box);
    m_pointsLabel = addRow(tr("&Points to redeem"), m_pointsRedeem, m_pointsAmount);
    m_total = valueLabel(QStringLiteral("saleTotal"), box);
    m_total->setFont(scaledFont(font(), 1.8, true));
    m_total->setAccessibleName(tr("To pay"));
    auto* totalLabel = addRow(tr("To pay"), nullptr, m_total);
    totalLabel->setFont(scaledFont(font(), 1.3, true));

    m_paymentMethod = new QComboBox(box);
    m_paymentMethod->setObjectName(QStringLiteral("paymentMethod"));
    m_paymentMethod->setAccessibleName(tr("Payment method"));
    m_paymentMethod->setToolTip(tr("How the rest is paid (F9 goes to the amount)"));
    for (PaymentMethod method :
        {PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::MobileMoney, PaymentMethod::StoreCredit})
        m_paymentMethod->addItem(SaleReceipt::methodName(method), static_cast<int>(method));
    connect(m_paymentMethod, &QComboBox::currentIndexChanged, this, &CounterView::updatePaymentFields);
    m_paymentAmount = new QLineEdit(box);
    m_paymentAmount->setObjectName(QStringLiteral("paymentAmount"));
    m_paymentAmount->setAccessibleName(tr("Amount tendered"));
    m_paymentAmount->setToolTip(tr("Cash handed over; empty for the exact amount. Enter completes the sale (F9)"));
    m_paymentAmount->setAlignment(Qt::AlignRight);
    m_paymentAmount->setMaxLength(24);
    connect(m_paymentAmount, &QLineEdit::textChanged, this, &CounterView::updatePaymentFields);
    connect(m_paymentAmount, &QLineEdit::returnPressed, this, &CounterView::completeSale);
    // What was typed, shown back the way money is written ("150000" -> "150,000").
    connect(m_paymentAmount, &QLineEdit::editingFinished, this, [this] {
        if (const std::optional<qint64> amount = typedAmount()) {
            const QString code = m_company.currency.toUpper();
            m_paymentAmount->setText(money(*amount).remove(code).trimmed());
        }
    });
    auto* paymentLabel = new QLabel(tr("Pa&yment"), box);
    paymentLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    paymentLabel->setBuddy(m_paymentMethod);
    totals->addWidget(paymentLabel, row, 0);
    totals->addWidget(m_paymentMethod, row, 1);
    totals->addWidget(m_paymentAmount, row, 2);
    ++row;
    m_change = valueLabel(QStringLiteral("saleChange"), box);
    addRow(tr("Change"), nullptr, m_change)->setFont(scaledFont(font(), 1.0, true));
    m_change->setFont(scaledFont(font(), 1.0, true));
    column->addLayout(totals);

    m_complete = new QPushButton(tr("Complete sale  (F12)"), box);
    m_complete->setObjectName(QStringLiteral("completeSale"));
    m_complete->setAccessibleName(tr("Complete the sale"));
    m_complete->setToolTip(tr("Complete the sale: F12 or Ctrl+Enter"));
    m_complete->setAccessibleDescription(m_complete->toolTip());
    m_complete->setFont(scaledFont(font(), 1.3, true));
    m_complete->setMinimumHeight(m_complete->sizeHint().height() * 3 / 2);
    m_complete->setDefault(false);
    m_complete->setAutoDefault(false);
    connect(m_complete, &QPushButton::clicked, this, &CounterView::completeSale);
    column->addWidget(m_complete);

    m_saleMessage = new QLabel(box);
    m_saleMessage->setObjectName(QStringLiteral("saleMessage"));
    m_saleMessage->setWordWrap(true);
    m_saleMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saleMessage->hide();
    column->addWidget(m_saleMessage);

    m_printReceipt = new QPushButton(tr("Print / Save PDF receipt…"), box);
    m_printReceipt->setObjectName(QStringLiteral("printReceipt"));
    m_printReceipt->setAccessibleName(tr("Print the last sale's receipt or save it as PDF"));
    m_printReceipt->setToolTip(tr("Print the last sale's receipt, or save it as a PDF file (Ctrl+P)"));
    m_printReceipt->setEnabled(false);
    connect(m_printReceipt, &QPushButton::clicked, this, &CounterView::printReceipt);
    m_newSale = new QPushButton(tr("Clear sale"), box);
    m_newSale->setObjectName(QStringLiteral("clearSale"));
    m_newSale->setAccessibleName(tr("Clear the sale and start again"));
    m_newSale->setToolTip(tr("Take off the customer, the items and the payment"));
    connect(m_newSale, &QPushButton::clicked, this, [this] {
        clearSale();
        m_saleMessage->hide();
        focusLookup();
    });
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_printReceipt);
    bottom->addStretch(1);
    bottom->addWidget(m_newSale);
    column->addLayout(bottom);
    return box;
}

void CounterView::createActions()
{
    auto add = [this](const QString& name, const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        // Only while the counter has the focus, so the window around it keeps its own keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(QStringLiteral("findCustomerAction"), tr("Find customer"), {QKeySequence(Qt::Key_F4)},
        &CounterView::focusLookup);
    add(QStringLiteral("registerCustomerAction"), tr("Register customer"), {QKeySequence(Qt::Key_F2)},
        &CounterView::startRegistration);
    add(QStringLiteral("detachCustomerAction"), tr("Remove customer from sale"), {QKeySequence(Qt::SHIFT | Qt::Key_F4)},
        &CounterView::detachCustomer);
    add(QStringLiteral("itemsAction"), tr("Items"), {QKeySequence(Qt::Key_F6)}, [this] {
        m_itemSku->setFocus(Qt::ShortcutFocusReason);
        m_itemSku->selectAll();
    });
    add(QStringLiteral("paymentAction"), tr("Payment"), {QKeySequence(Qt::Key_F9)}, [this] {
        QWidget* target = m_paymentAmount->isEnabled() ? static_cast<QWidget*>(m_paymentAmount) : m_paymentMethod;
        target->setFocus(Qt::ShortcutFocusReason);
        m_paymentAmount->selectAll();
    });
    add(QStringLiteral("completeSaleAction"), tr("Complete sale"),
        {QKeySequence(Qt::Key_F12), QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        &CounterView::completeSale);
    add(QStringLiteral("printReceiptAction"), tr("Print receipt"), {QKeySequence(QKeySequence::Print)},
        &CounterView::printReceipt);
}

void CounterView::setUpTabOrder()
{
    const QList<QWidget*> order {m_lookup, m_matchList, m_openCustomer, m_detach, m_linkWalkIns, m_registerName,
        m_registerPhone, m_registerCancel, m_registerButton, m_itemSku, m_itemQuantity, m_addItem, m_linesTable,
        m_pointsRedeem, m_paymentMethod, m_paymentAmount, m_complete, m_printReceipt, m_newSale};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void CounterView::focusLookup()
{
    m_lookup->setFocus(Qt::ShortcutFocusReason);
    m_lookup->selectAll();
}

bool CounterView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonDblClick && watched == m_card) {
        m_openCustomer->click();
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    const bool enter = plain && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter);
    if (watched == m_lookup) {
        switch (key->key()) {
        case Qt::Key_Down:
            moveHighlight(1);
            return true;
        case Qt::Key_Up:
            moveHighlight(-1);
            return true;
        case Qt::Key_Escape:
            clearLookup();
            return true;
        default:
            break;
        }
        if (enter) {
            if (m_lookupDelay.isActive()) {
                m_lookupDelay.stop();
                runLookup();
            }
            attachHighlighted();
            return true;
        }
    } else if (watched == m_matchList) {
        if (key->key() == Qt::Key_Escape) {
            clearLookup();
            m_lookup->setFocus();
            return true;
        }
    } else if (watched == m_registerName || watched == m_registerPhone) {
        if (key->key() == Qt::Key_Escape) {
            cancelRegistration();
            return true;
        }
    } else if (watched == m_linesTable) {
        switch (key->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            removeSelectedLine();
            return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            changeSelectedQuantity(1);
            return true;
        case Qt::Key_Minus:
            changeSelectedQuantity(-1);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// Looking a customer up ---------------------------------------------------------------

void CounterView::runLookup()
{
    const QString text = m_lookup->text().trimmed();
    m_matches.clear();
    m_lookupHint->hide();
    const qsizetype digits = PhoneNumber::digitsOnly(text).size();
    if (!text.isEmpty() && digits < 4) {
        m_lookupHint->setText(tr("Type at least 4 digits of the phone number."));
        m_lookupHint->show();
    } else if (!text.isEmpty()) {
        auto found = CheckoutService(m_db, m_actor).lookup(text, maxMatches);
        if (!found) {
            m_lookupHint->setText(FieldMessages::sentence(found.error().message, true));
            m_lookupHint->show();
        } else {
            m_matches = *found;
            if (m_matches.isEmpty()) {
                m_lookupHint->setText(tr("No customer has this number. F2 registers a new one."));
                m_lookupHint->show();
            }
        }
    }
    showMatches();
}

void CounterView::showMatches()
{
    const QSignalBlocker blocker(m_matchList);
    m_matchList->clear();
    for (const Customer& c : m_matches) {
        QString text
            = tr("%1 — %2 — %3").arg(c.name, PhoneNumber::formatNational(c.phone), CustomerEnums::displayName(c.level));
        if (c.status == CustomerStatus::Blocked)
            text = tr("%1 (blocked)").arg(text);
        auto* item = new QListWidgetItem(text, m_matchList);
        item->setToolTip(text);
    }
    // Only as tall as the matches, so the card stays where the eye expects it.
    const int rows = static_cast<int>(std::min<qsizetype>(m_matches.size(), maxMatches));
    m_matchList->setFixedHeight(
        rows * m_matchList->sizeHintForRow(0) + 2 * m_matchList->frameWidth() + (rows > 0 ? 2 : 0));
    m_matchList->setVisible(!m_matches.isEmpty());
    if (!m_matches.isEmpty())
        m_matchList->setCurrentRow(0);
    showCustomerCard();
}

void CounterView::moveHighlight(int step)
{
    if (m_matches.isEmpty())
        return;
    const int row = std::clamp(m_matchList->currentRow() + step, 0, static_cast<int>(m_matches.size()) - 1);
    m_matchList->setCurrentRow(row);
}

std::optional<Customer> CounterView::highlightedMatch() const
{
    const int row = m_matchList->currentRow();
    if (row < 0 || row >= m_matches.size())
        return std::nullopt;
    return m_matches.at(row);
}

bool CounterView::attachHighlighted()
{
    const std::optional<Customer> match = highlightedMatch();
    if (!match)
        return false;
    attach(*match);
    return true;
}

void CounterView::attach(const Customer& customer)
{
    m_customer = customer;
    m_balances = LedgerService(m_db, m_actor).balances(customer.id).value_or(Balances {});
    m_walkInOffer->hide();
    clearLookup();
    m_pointsRedeem->setValue(0);
    refreshTotals();
    m_itemSku->setFocus(Qt::OtherFocusReason);
}

void CounterView::detachCustomer()
{
    m_customer.reset();
    m_balances = {};
    m_walkInOffer->hide();
    m_pointsRedeem->setValue(0);
    showCustomerCard();
    refreshTotals();
}

void CounterView::clearLookup()
{
    m_lookupDelay.stop();
    {
        const QSignalBlocker blocker(m_lookup);
        m_lookup->clear();
    }
    m_lookupHint->hide();
    m_matches.clear();
    showMatches();
}

void CounterView::showCustomerCard()
{
    const std::optional<Customer> match = highlightedMatch();
    const std::optional<Customer> shown = match ? match : m_customer;
    const bool attached = shown && m_customer && shown->id == m_customer->id;
    if (!shown) {
        m_cardState->setText(tr("Walk-in sale: no customer.\nType a phone number to find one, or press F2 to "
                                "register a new customer."));
        m_name->hide();
        m_contact->hide();
        m_cardDetails->hide();
        m_blockedWarning->hide();
        m_openCustomer->hide();
        m_detach->hide();
        m_card->setToolTip(QString());
        return;
    }
    const Customer& c = *shown;
    m_cardState->setForegroundRole(attached ? QPalette::WindowText : QPalette::PlaceholderText);
    if (attached)
        m_cardState->setText(tr("On this sale"));
    else if (m_customer)
        m_cardState->setText(tr("Enter puts this customer on the sale instead of %1").arg(m_customer->name));
    else
        m_cardState->setText(tr("Enter puts this customer on the sale"));
    m_card->setToolTip(tr("Double click to open the customer's details"));
    m_name->setText(c.name);
    QStringList contact {c.code};
    if (!c.phone.isEmpty())
        contact << PhoneNumber::formatNational(c.phone);
    m_contact->setText(contact.join(QStringLiteral("  ·  ")));
    if (c.isMember())
        m_level->setText(tr("%1 (%2)").arg(CustomerEnums::displayName(c.level), CustomerEnums::displayName(c.type)));
    else
        m_level->setText(tr("%1, no membership").arg(CustomerEnums::displayName(c.type)));
    const int bp = m_rules.discountBpFor(c);
    m_discount->setText(bp > 0 ? tr("%1 %").arg(Percent::formatBasisPoints(bp)) : tr("None"));
    const Balances balances = attached ? m_balances : LedgerService(m_db, m_actor).balances(c.id).value_or(Balances {});
    const QLocale locale;
    m_points->setText(m_rules.pointValue > 0
            ? tr("%1 (worth %2)").arg(locale.toString(balances.points), money(balances.points * m_rules.pointValue))
            : locale.toString(balances.points));
    if (balances.credit > 0)
        m_balance->setText(tr("%1 held").arg(money(balances.credit)));
    else if (balances.credit < 0)
        m_balance->setText(tr("%1 owed").arg(money(-balances.credit)));
    else
        m_balance->setText(money(0));
    m_blockedWarning->setVisible(c.status == CustomerStatus::Blocked);
    m_name->show();
    m_contact->show();
    m_cardDetails->show();
    m_openCustomer->show();
    m_detach->setVisible(attached);
}

// Registering a customer mid-sale ------------------------------------------------------

void CounterView::startRegistration()
{
    const QString typed = m_lookup->text().trimmed();
    // A whole number nobody has is most likely the new customer's.
    if (m_registerPhone->text().isEmpty() && PhoneNumber::digitsOnly(typed).size() >= 8)
        m_registerPhone->setText(typed);
    showRegistrationErrors({}, {}, {});
    m_registerForm->show();
    m_registerName->setFocus(Qt::ShortcutFocusReason);
    m_registerName->selectAll();
}

void CounterView::submitRegistration()
{
    auto customer = CheckoutService(m_db, m_actor).registerAtCounter(m_registerName->text(), m_registerPhone->text());
    if (!customer) {
        const Error& error = customer.error();
        QString name;
        QString phone;
        QString other;
        auto explain = [&](const FieldError& f, const QString& label) {
            // Field checks say what is wrong after the field's name; a conflict says all of it.
            return error.kind == Error::Kind::Invalid
                ? tr("%1 %2", "a field's name, then what is wrong with it").arg(label, f.message)
                : FieldMessages::sentence(f.message, true);
        };
        for (const FieldError& f : error.fields) {
            if (f.field == u"name")
                name = explain(f, tr("Name"));
            else if (f.field == u"phone")
                phone = explain(f, tr("Phone"));
            else
                other = FieldMessages::sentence(f.message, true);
        }
        if (error.fields.isEmpty())
            other = FieldMessages::sentence(error.message, true);
        showRegistrationErrors(name, phone, other);
        (name.isEmpty() && !phone.isEmpty() ? m_registerPhone : m_registerName)->setFocus(Qt::OtherFocusReason);
        return;
    }
    const Customer registered = *customer;
    m_registerForm->hide();
    m_registerName->clear();
    m_registerPhone->clear();
    showRegistrationErrors({}, {}, {});
    attach(registered);
    offerWalkInSales(registered);
}

void CounterView::cancelRegistration()
{
    m_registerForm->hide();
    m_registerName->clear();
    m_registerPhone->clear();
    showRegistrationErrors({}, {}, {});
    focusLookup();
}

void CounterView::showRegistrationErrors(const QString& name, const QString& phone, const QString& other)
{
    m_registerNameError->setText(name);
    m_registerNameError->setVisible(!name.isEmpty());
    m_registerPhoneError->setText(phone);
    m_registerPhoneError->setVisible(!phone.isEmpty());
    m_registerError->setText(other);
    m_registerError->setVisible(!other.isEmpty());
    m_registerName->setAccessibleDescription(name);
    m_registerPhone->setAccessibleDescription(phone);
}

void CounterView::offerWalkInSales(const Customer& customer)
{
    m_walkInOffer->hide();
    if (customer.phone.isEmpty())
        return;
    auto sales = CheckoutService(m_db, m_actor).walkInSales(customer.phone);
    if (!sales || sales->isEmpty())
        return;
    qint64 sum = 0;
    for (const Sale& s : *sales)
        sum += s.total;
    m_walkIns->setText(tr("%n earlier walk-in sale(s) noted this phone (%1).", nullptr, static_cast<int>(sales->size()))
                           .arg(money(sum)));
    m_walkInOffer->show();
}

void CounterView::linkWalkInSales()
{
    if (!m_customer)
        return;
    auto linked = CheckoutService(m_db, m_actor).linkWalkInSales(m_customer->id);
    m_walkInOffer->hide();
    if (!linked) {
        showSaleMessage(describeForPeople(linked.error()), true);
        return;
    }
    m_customer = linked->customer;
    m_balances = LedgerService(m_db, m_actor).balances(m_customer->id).value_or(Balances {});
    showCustomerCard();
    refreshTotals();
    showSaleMessage(tr("%n walk-in sale(s) now count for %1.", nullptr, static_cast<int>(linked->sales.size()))
                        .arg(m_customer->name),
        false);
}

// The items -----------------------------------------------------------------------------

void CounterView::addTypedItem()
{
    const QString typed = m_itemSku->text().trimmed();
    if (typed.isEmpty())
        return;
    if (addItem(m_skuByCompletion.value(typed, typed), m_itemQuantity->value())) {
        m_itemSku->clear();
        m_itemQuantity->setValue(1);
    } else {
        m_itemSku->selectAll();
    }
}

bool CounterView::addItem(const QString& sku, qint64 quantity)
{
    const QString key = ProductService::normaliseSku(sku);
    auto known = m_products.constFind(key);
    std::optional<Product> product;
    if (known != m_products.cend()) {
        product = *known;
    } else if (auto fresh = ProductService(m_db, m_actor).bySku(key)) {
        product = *fresh;
        m_products.insert(product->sku, *product);
    }
    if (!product || !product->active) {
        m_itemError->setText(product ? tr("%1 is no longer sold.").arg(product->name)
                                     : tr("There is no item with the code %1.").arg(sku.trimmed()));
        m_itemError->show();
        return false;
    }
    m_itemError->hide();
    // The last sale's outcome stays in sight until the next one begins.
    m_saleMessage->hide();
    int row = -1;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).product.id == product->id) {
            m_lines[i].quantity += quantity;
            row = static_cast<int>(i);
        }
    }
    if (row < 0) {
        m_lines.append({*product, quantity});
        row = static_cast<int>(m_lines.size()) - 1;
    }
    refreshLines();
    m_linesTable->selectRow(row);
    return true;
}

void CounterView::changeSelectedQuantity(qint64 step)
{
    const int row = m_linesTable->currentRow();
    if (row < 0 || row >= m_lines.size())
        return;
    if (m_lines.at(row).quantity + step < 1) {
        removeSelectedLine();
        return;
    }
    m_lines[row].quantity += step;
    refreshLines();
    m_linesTable->selectRow(row);
}

void CounterView::removeSelectedLine()
{
    const int row = m_linesTable->currentRow();
    if (row < 0 || row >= m_lines.size())
        return;
    m_lines.removeAt(row);
    refreshLines();
    if (!m_lines.isEmpty())
        m_linesTable->selectRow(std::min(row, static_cast<int>(m_lines.size()) - 1));
    else
        m_itemSku->setFocus(Qt::OtherFocusReason);
}

void CounterView::refreshLines()
{
    const QLocale locale;
    m_linesTable->setRowCount(static_cast<int>(m_lines.size()));
    for (int row = 0; row < m_lines.size(); ++row) {
        const Line& line = m_lines.at(row);
        auto* product = cell(tr("%1  (%2)").arg(line.product.name, line.product.sku), Qt::AlignLeft);
        product->setToolTip(product->text());
        m_linesTable->setItem(row, ProductColumn, product);
        m_linesTable->setItem(row, QuantityColumn, cell(locale.toString(line.quantity), Qt::AlignRight));
        m_linesTable->setItem(row, UnitPriceColumn, cell(money(line.product.price), Qt::AlignRight));
        m_linesTable->setItem(row, AmountColumn, cell(money(line.product.price * line.quantity), Qt::AlignRight));
    }
    m_linesStack->setCurrentIndex(m_lines.isEmpty() ? 0 : 1);
    refreshTotals();
}

// The figures ---------------------------------------------------------------------------

QString CounterView::money(qint64 minor) const
{
    return Money::format(minor, m_company.currency);
}

qint64 CounterView::subtotal() const
{
    qint64 sum = 0;
    for (const Line& line : m_lines)
        sum += line.product.price * line.quantity;
    return sum;
}

// What the sale's discount will be, shown before it is made, by the rule
// CheckoutService::complete() applies (MembershipRules::discountBpFor).
int CounterView::discountBp() const
{
    return m_customer ? m_rules.discountBpFor(*m_customer) : 0;
}

qint64 CounterView::discount() const
{
    return MembershipRules::discountOf(subtotal(), discountBp());
}

qint64 CounterView::total() const
{
    return subtotal() - discount();
}

qint64 CounterView::pointsValue() const
{
    return m_pointsRedeem->value() * m_rules.pointValue;
}

qint64 CounterView::amountDue() const
{
    return std::max<qint64>(0, total() - pointsValue());
}

// An amount as the cashier types it, in the currency's unit ("50000", "50.000", "12.50"),
// into minor units; nullopt when it is not one. No floating point on the way.
std::optional<qint64> CounterView::typedAmount() const
{
    return Money::parse(m_paymentAmount->text(), m_company.currency);
}

void CounterView::refreshTotals()
{
    const qint64 sub = subtotal();
    const int bp = discountBp();
    m_subtotal->setText(money(sub));
    m_discountLabel->setText(bp > 0 ? tr("Discount (%1 %)").arg(Percent::formatBasisPoints(bp)) : tr("Discount"));
    m_discountAmount->setText(discount() > 0 ? money(-discount()) : money(0));

    // Points pay at most what is left after the discount, in whole points.
    qint64 redeemable = 0;
    if (m_customer && m_rules.pointValue > 0)
        redeemable = std::min(m_balances.points, total() / m_rules.pointValue);
    {
        const QSignalBlocker blocker(m_pointsRedeem);
        m_pointsRedeem->setMaximum(static_cast<int>(std::min<qint64>(redeemable, 1'000'000'000)));
    }
    m_pointsRedeem->setEnabled(redeemable > 0);
    // Points belong to a customer: a walk-in sale does not offer them.
    for (QWidget* w : {static_cast<QWidget*>(m_pointsLabel), static_cast<QWidget*>(m_pointsRedeem),
             static_cast<QWidget*>(m_pointsAmount)})
        w->setVisible(m_customer.has_value());
    m_pointsLabel->setText(redeemable > 0 ? tr("&Points to redeem (up to %1)").arg(QLocale().toString(redeemable))
                                          : tr("&Points to redeem"));
    m_pointsRedeem->setToolTip(m_customer
            ? tr("Points to pay with: up to %1 of %2, one point pays %3")
                  .arg(QLocale().toString(redeemable), QLocale().toString(m_balances.points), money(m_rules.pointValue))
            : tr("Points need a customer on the sale"));
    m_pointsAmount->setText(pointsValue() > 0 ? money(-pointsValue()) : money(0));
    m_total->setText(money(amountDue()));
    updatePaymentFields();
    const bool sellable = !m_lines.isEmpty();
    m_complete->setEnabled(sellable);
    if (QAction* complete = findChild<QAction*>(QStringLiteral("completeSaleAction")))
        complete->setEnabled(sellable);
}

void CounterView::updatePaymentFields()
{
    if (!m_paymentMethod || !m_change)
        return;
    // Store credit needs someone to owe it.
    if (auto* model = qobject_cast<QStandardItemModel*>(m_paymentMethod->model())) {
        const int index = m_paymentMethod->findData(static_cast<int>(PaymentMethod::StoreCredit));
        if (QStandardItem* item = model->item(index))
            item->setEnabled(m_customer.has_value());
        if (!m_customer && m_paymentMethod->currentIndex() == index)
            m_paymentMethod->setCurrentIndex(0);
    }
    const auto method = static_cast<PaymentMethod>(m_paymentMethod->currentData().toInt());
    const qint64 due = amountDue();
    const bool cash = method == PaymentMethod::Cash;
    m_paymentAmount->setEnabled(cash && due > 0);
    if (!cash) {
        const QSignalBlocker blocker(m_paymentAmount);
        m_paymentAmount->clear();
    }
    m_paymentAmount->setPlaceholderText(cash ? tr("exact: %1").arg(money(due)) : money(due));
    const std::optional<qint64> tendered = cash ? typedAmount() : std::nullopt;
    if (cash && !m_paymentAmount->text().trimmed().isEmpty() && !tendered)
        m_change->setText(tr("not an amount"));
    else if (tendered && *tendered < due)
        m_change->setText(tr("%1 short").arg(money(due - *tendered)));
    else
        m_change->setText(money(tendered ? *tendered - due : 0));
}

// Completing ------------------------------------------------------------------------------

bool CounterView::completeSale()
{
    if (m_lines.isEmpty())
        return false;
    SaleRequest request;
    if (m_customer)
        request.customer = m_customer->id;
    for (const Line& line : m_lines)
        request.items.append({line.product.sku, line.quantity});
    if (pointsValue() > 0)
        request.payments.append({PaymentMethod::Points, pointsValue()});
    const auto method = static_cast<PaymentMethod>(m_paymentMethod->currentData().toInt());
    const qint64 due = amountDue();
    if (method == PaymentMethod::Cash) {
        const std::optional<qint64> tendered = typedAmount();
        if (!m_paymentAmount->text().trimmed().isEmpty() && !tendered) {
            showSaleMessage(tr("The amount tendered is not an amount of money."), true);
            m_paymentAmount->setFocus(Qt::OtherFocusReason);
            return false;
        }
        if (tendered.value_or(due) > 0)
            request.payments.append({PaymentMethod::Cash, tendered.value_or(due)});
    } else if (due > 0) {
        request.payments.append({method, due});
    }

    auto sale = CheckoutService(m_db, m_actor).complete(request);
    if (!sale) {
        showSaleMessage(describeForPeople(sale.error()), true);
        return false;
    }
    qint64 paid = 0;
    for (const Payment& p : request.payments)
        paid += p.amount;
    m_lastChange = paid - sale->total;
    m_lastSale = *sale;
    clearSale();
    QString text = tr("Sale %1 completed: %2.").arg(sale->orderNumber, money(sale->total));
    if (m_lastChange > 0)
        text += u' ' + tr("Change: %1.").arg(money(m_lastChange));
    if (!sale->customerId.isEmpty() && sale->pointsEarned > 0)
        text += u' '
            + tr("%1 earned %n point(s).", nullptr, static_cast<int>(sale->pointsEarned)).arg(sale->customerName);
    showSaleMessage(text, false);
    m_printReceipt->setEnabled(true);
    focusLookup();
    emit saleCompleted(sale->orderNumber);
    return true;
}

void CounterView::clearSale()
{
    m_lines.clear();
    m_customer.reset();
    m_balances = {};
    m_walkInOffer->hide();
    m_itemError->hide();
    m_itemSku->clear();
    m_itemQuantity->setValue(1);
    {
        const QSignalBlocker blocker(m_pointsRedeem);
        m_pointsRedeem->setValue(0);
    }
    {
        const QSignalBlocker blocker(m_paymentAmount);
        m_paymentAmount->clear();
    }
    m_paymentMethod->setCurrentIndex(0);
    // The rules may have changed meanwhile (sync, the back office); the next sale uses them.
    m_rules = MembershipService(m_db, m_actor).rules().value_or(m_rules);
    clearLookup();
    refreshLines();
}

void CounterView::showSaleMessage(const QString& text, bool problem)
{
    m_saleMessage->setText(text);
    m_saleMessage->setStyleSheet(problem ? kWarningStyle : kDoneStyle);
    m_saleMessage->setAccessibleName(problem ? tr("Problem with the sale") : tr("Sale completed"));
    m_saleMessage->show();
}

// The receipt -----------------------------------------------------------------------------

bool CounterView::saveReceiptPdf(const QString& path) const
{
    return m_lastSale && SaleReceipt(*m_lastSale, m_company.name, m_company.currency, m_lastChange).savePdf(path);
}

void CounterView::setCompany(const Company& company)
{
    m_company = company;
}

void CounterView::printReceipt()
{
    if (!m_lastSale)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Receipt %1").arg(m_lastSale->orderNumber));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print receipt"));
    if (dialog.exec() == QDialog::Accepted)
        SaleReceipt(*m_lastSale, m_company.name, m_company.currency, m_lastChange).print(printer);
}

} // namespace kasir
