#include "ui/widgets/SyncPanel.h"

#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/SyncStateRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/sync/SyncEngine.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasir {

SyncPanel::SyncPanel(Database& db, SyncEngine& engine, QWidget* parent) : QWidget(parent), m_db(db), m_engine(engine)
{
    auto* layout = new QVBoxLayout(this);
    auto* box = new QGroupBox(tr("Server"), this);
    auto* form = new QFormLayout(box);
    auto label = [this](const char* name) {
        auto* l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        return l;
    };
    m_server = label("syncServer");
    m_terminal = label("syncTerminal");
    m_state = label("syncState");
    m_lastSync = label("syncLastSync");
    m_pending = label("syncPending");
    m_refused = label("syncRefused");
    m_error = label("syncError");
    m_unapplied = label("syncUnapplied");
    form->addRow(tr("Address:"), m_server);
    form->addRow(tr("This terminal:"), m_terminal);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Last sync:"), m_lastSync);
    form->addRow(tr("Waiting to send:"), m_pending);
    form->addRow(tr("Refused by the server:"), m_refused);
    form->addRow(tr("Received but not applicable here:"), m_unapplied);
    form->addRow(tr("Last problem:"), m_error);
    m_syncNow = new QPushButton(tr("&Sync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    connect(m_syncNow, &QPushButton::clicked, &m_engine, &SyncEngine::syncNow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNow);
    buttons->addStretch();
    form->addRow(QString(), buttons);
    layout->addWidget(box);
    auto* help = new QLabel(this);
    help->setObjectName(QStringLiteral("syncHelp"));
    help->setWordWrap(true);
    help->setText(tr("Sales and changes are always saved on this computer first, so the counter keeps working "
                     "without a network. Whenever the server can be reached, this terminal sends what was done here "
                     "and receives what other terminals did. A change the server refuses (for example because the "
                     "user may no longer make it) stays on this terminal only and is counted above, as is a change "
                     "from another terminal that cannot be applied here (such as a second refund of one sale)."));
    layout->addWidget(help);
    layout->addStretch();
    connect(&m_engine, &SyncEngine::stateChanged, this, &SyncPanel::refresh);
    connect(&m_engine, &SyncEngine::finished, this, &SyncPanel::refresh);
    refresh();
}

SyncPanel::~SyncPanel() = default;

QString SyncPanel::describeState(SyncEngine& engine)
{
    switch (engine.state()) {
    case SyncEngine::State::NotEnrolled:
        return tr("Works on its own: no server set up");
    case SyncEngine::State::Idle:
        return tr("Connected to a server; not synced yet");
    case SyncEngine::State::Syncing:
        return tr("Syncing…");
    case SyncEngine::State::UpToDate:
        return tr("Up to date");
    case SyncEngine::State::Offline:
        return tr("Offline: the server cannot be reached");
    case SyncEngine::State::Error:
        return tr("Sync failed");
    }
    return {};
}

void SyncPanel::refresh()
{
    const bool enrolled = m_engine.isEnrolled();
    SyncStateRepository state(m_db);
    m_server->setText(enrolled ? m_engine.server().toString()
                               : tr("None. This terminal works on its own. A terminal joins a server when it is set "
                                    "up, with the server's address and an enrolment code (kasir-server terminal "
                                    "register) given at the first start, or with kasirctl sync enrol."));
    QString terminal;
    if (enrolled) {
        auto local = TenancyRepository(m_db).localTerminal();
        terminal = local && local->has_value() ? tr("%1 (%2)").arg((*local)->name, (*local)->code)
                                               : state.value(QString::fromLatin1(SyncEngine::deviceKey));
    }
    m_terminal->setText(terminal);
    m_state->setText(describeState(m_engine));
    const qint64 last = enrolled ? m_engine.lastSyncAt() : 0;
    m_lastSync->setText(last > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(last).toLocalTime(), QLocale::ShortFormat)
            : tr("never"));
    const QString company = enrolled ? state.value(QString::fromLatin1(SyncEngine::companyKey))
                                     : SetupService(m_db).currentCompany().value_or(Company {}).id;
    auto pending = OutboxRepository(m_db).pending(company);
    m_pending->setText(pending ? tr("%Ln change(s)", nullptr, static_cast<int>(*pending)) : pending.error().message);
    auto refused = state.rejectedCount();
    m_refused->setText(refused ? tr("%Ln change(s)", nullptr, static_cast<int>(*refused)) : refused.error().message);
    auto unapplied = state.unappliedCount();
    m_unapplied->setText(
        unapplied ? tr("%Ln change(s)", nullptr, static_cast<int>(*unapplied)) : unapplied.error().message);
    m_error->setText(m_engine.lastError().isEmpty() ? tr("none") : m_engine.lastError());
    m_syncNow->setEnabled(enrolled && m_engine.state() != SyncEngine::State::Syncing);
}

} // namespace kasir
