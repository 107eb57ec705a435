#include "ui/dialogs/LoginDialog.h"

#include "core/services/UserService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasir {

LoginDialog::LoginDialog(Database& db, const Company& company, QWidget* parent)
    : QDialog(parent), m_db(db), m_company(company)
{
    setObjectName(QStringLiteral("login"));
    setWindowTitle(tr("Sign in to %1").arg(company.name));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Sign in to %1").arg(company.name), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading->setFont(big);
    layout->addWidget(heading);

    auto* form = new QFormLayout;
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setMaxLength(64);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Sign-in message"));
    m_message->hide();
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_signIn);
    m_username->setFocus();
    setMinimumWidth(360);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::signIn()
{
    if (m_username->text().trimmed().isEmpty()) {
        m_message->setText(tr("Type your username."));
        m_message->show();
        m_username->setFocus();
        return;
    }
    // The password check is deliberately slow (Argon2); say so while it runs.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto user = UserService::authenticate(m_db, m_company.id, m_username->text(), m_password->text());
    QGuiApplication::restoreOverrideCursor();
    if (!user) {
        m_message->setText(user.error().kind == Error::Kind::PermissionDenied
                ? tr("The username or the password is wrong. Try again, or ask a manager.")
                : tr("Signing in failed: %1").arg(user.error().message));
        m_message->show();
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_user = *user;
    accept();
}

} // namespace kasir
