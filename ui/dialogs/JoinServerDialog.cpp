#include "ui/dialogs/JoinServerDialog.h"

#include "core/sync/SyncEngine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasir {

namespace {

QLabel* errorLabel(QWidget* parent, const char* name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setStyleSheet(QStringLiteral("color: #b3261e;"));
    l->setWordWrap(true);
    l->hide();
    return l;
}

} // namespace

JoinServerDialog::JoinServerDialog(SyncEngine& engine, const QString& explanation, QWidget* parent)
    : QDialog(parent), m_engine(engine)
{
    setWindowTitle(tr("Join a Kasir server"));
    setMinimumWidth(520);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(explanation, this);
    intro->setObjectName(QStringLiteral("joinExplanation"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("joinServer"));
    m_server->setPlaceholderText(tr("http://192.168.1.10:8787"));
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("joinCode"));
    m_code->setPlaceholderText(tr("ABCDE-23456"));
    m_serverError = errorLabel(this, "joinServerError");
    m_codeError = errorLabel(this, "joinCodeError");
    form->addRow(tr("Server &address:"), m_server);
    form->addRow(QString(), m_serverError);
    form->addRow(tr("Enrolment &code:"), m_code);
    form->addRow(QString(), m_codeError);
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("joinStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(this);
    m_join = buttons->addButton(tr("&Join"), QDialogButtonBox::AcceptRole);
    m_join->setObjectName(QStringLiteral("joinButton"));
    buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &JoinServerDialog::join);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (m_engine.isEnrolled()) {
        m_server->setText(m_engine.server().toString());
        m_server->setReadOnly(true);
        m_code->setPlaceholderText(tr("not needed: this terminal is enrolled"));
        m_code->setEnabled(false);
        m_join->setText(tr("&Download"));
    }
    connect(&m_engine, &SyncEngine::progressChanged, this, [this](const SyncEngine::Progress& p) {
        m_status->setText(tr("Downloading the company: %1 changes received…").arg(QLocale().toString(p.pulled)));
    });
    connect(&m_engine, &SyncEngine::finished, this, [this](const Status& outcome) {
        if (!outcome) {
            const Error& e = outcome.error();
            QLabel* where = e.field == u"code" || e.code == u"unauthorised" ? m_codeError : m_serverError;
            if (e.code == u"unauthorised")
                where->setText(tr("The server does not know this code, or it was used already or has expired. Ask "
                                  "the server's administrator for a new one."));
            else if (e.code == u"offline")
                where->setText(tr("The server cannot be reached at this address. Check the address and that this "
                                  "computer is on the shop's network.\n(%1)")
                                   .arg(e.message));
            else if (!e.fields.isEmpty())
                where->setText(e.fields.constFirst().message); // the field is the one beside it
            else
                where->setText(e.describe());
            where->show();
            m_status->clear();
            setBusy(false);
            m_enrolling = false;
            return;
        }
        if (m_enrolling) {
            // Enrolled: the first sync downloads the company.
            m_enrolling = false;
            m_status->setText(tr("Joined. Downloading the company…"));
            m_engine.syncNow();
            return;
        }
        accept();
    });
}

JoinServerDialog::~JoinServerDialog() = default;

void JoinServerDialog::setBusy(bool busy)
{
    m_server->setEnabled(!busy);
    m_code->setEnabled(!busy);
    m_join->setEnabled(!busy);
}

void JoinServerDialog::join()
{
    m_serverError->hide();
    m_codeError->hide();
    if (m_engine.isEnrolled()) {
        // Enrolled before, but the download did not finish: go on with it.
        setBusy(true);
        m_status->setText(tr("Contacting the server…"));
        m_engine.syncNow();
        return;
    }
    bool bad = false;
    if (m_server->text().trimmed().isEmpty()) {
        m_serverError->setText(tr("Type the address the server's administrator gave you."));
        m_serverError->show();
        bad = true;
    }
    if (m_code->text().trimmed().isEmpty()) {
        m_codeError->setText(tr("Type the enrolment code made for this terminal."));
        m_codeError->show();
        bad = true;
    }
    if (bad)
        return;
    setBusy(true);
    m_status->setText(tr("Contacting the server…"));
    m_enrolling = true;
    m_engine.enrol(QUrl::fromUserInput(m_server->text().trimmed()), m_code->text().trimmed());
}

} // namespace kasir
