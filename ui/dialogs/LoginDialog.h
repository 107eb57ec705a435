#pragma once

#include "core/domain/Tenancy.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kasir {

class Database;

// Who is at the till: a local user of the company signs in with their username and
// password, checked on this terminal (no network needed). Their role decides what the
// window shows and what core lets them do.
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(Database& db, const Company& company, QWidget* parent = nullptr);
    ~LoginDialog() override;
    Q_DISABLE_COPY_MOVE(LoginDialog)

    // Who signed in, once the dialog is accepted.
    std::optional<User> user() const { return m_user; }

public Q_SLOTS:
    // Checks what was typed: accepts, or says why not beside the fields and keeps them.
    void signIn();

private:
    Database& m_db;
    Company m_company;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_signIn = nullptr;
    std::optional<User> m_user;
};

} // namespace kasir
