#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kasir {

class SyncEngine;

// The first start of a terminal that belongs to a shop with a kasir-server: the server's
// address and the enrolment code its administrator made (kasir-server terminal register).
// Joining downloads the company, with its progress shown, before the sign-in. Errors are
// shown by the field they are about; the dialog stays open to correct them.
class JoinServerDialog final : public QDialog
{
    Q_OBJECT

public:
    JoinServerDialog(SyncEngine& engine, const QString& explanation, QWidget* parent = nullptr);
    ~JoinServerDialog() override;
    Q_DISABLE_COPY_MOVE(JoinServerDialog)

public Q_SLOTS:
    void join();

private:
    void setBusy(bool busy);

    SyncEngine& m_engine;
    QLineEdit* m_server = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_serverError = nullptr;
    QLabel* m_codeError = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_join = nullptr;
    bool m_enrolling = false;
};

} // namespace kasir
