#include "ui/widgets/LongTask.h"

#include "core/storage/Database.h"

#include <QCloseEvent>
#include <QEventLoop>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace kasir {

namespace {

// A progress dialog that stays until the work is over: closing it from its title bar, or
// Escape, asks to cancel like its button, and the window behind stays blocked.
class StayingProgressDialog final : public QProgressDialog
{
public:
    using QProgressDialog::QProgressDialog;

    void reject() override { Q_EMIT canceled(); }

protected:
    void closeEvent(QCloseEvent* event) override
    {
        event->ignore();
        Q_EMIT canceled();
    }
};

} // namespace

Status LongTask::run(
    QWidget* parent, Database& db, const QString& label, const std::function<Status(const Control&)>& work)
{
    std::atomic<qint64> done {0};
    std::atomic<qint64> total {0};
    std::atomic<bool> cancel {false};
    Control control;
    control.progress = [&](qint64 d, qint64 t) {
        total.store(t);
        done.store(d);
    };
    control.cancelled = [&] { return cancel.load(); };

    std::optional<Status> result;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        result = work(control);
        db.closeThreadConnection();
    }));
    thread->setObjectName(QStringLiteral("long task"));

    // No button of its own (it would leave a second Escape shortcut behind, and two make
    // Escape do nothing): the one set below.
    StayingProgressDialog dialog(label, QString(), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("longTaskProgress"));
    dialog.setWindowTitle(tr("Please wait"));
    dialog.setAccessibleName(label);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(0);
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 56);
    // Cancel asks the work to stop; the dialog stays until it has (undoing a big write takes
    // a moment), rather than hiding as QProgressDialog does by itself.
    QObject::disconnect(&dialog, SIGNAL(canceled()), &dialog, SLOT(cancel()));
    auto* cancelButton = new QPushButton(tr("Cancel"), &dialog);
    cancelButton->setObjectName(QStringLiteral("longTaskCancel"));
    cancelButton->setAccessibleName(tr("Cancel %1").arg(label));
    dialog.setCancelButton(cancelButton);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
        if (cancel.exchange(true))
            return;
        dialog.setLabelText(tr("Stopping; undoing what was done…"));
        cancelButton->setEnabled(false);
    });

    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
        const qint64 t = total.load();
        if (t <= 0) {
            dialog.setRange(0, 0); // busy, no end in sight yet
            return;
        }
        dialog.setRange(0, 1000);
        dialog.setValue(static_cast<int>(std::clamp<qint64>(done.load() * 1000 / t, 0, 1000)));
    });

    QEventLoop loop;
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    dialog.show();
    poll.start();
    loop.exec();
    if (thread->isRunning())
        cancel = true; // the loop ended early (the application is quitting): stop the work
    thread->wait();
    poll.stop();
    dialog.hide();
    return result.value_or(Status(Error::other(QStringLiteral("no_result"), tr("The work ended without a result."))));
}

} // namespace kasir
