#pragma once

#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace kasir {

class Database;

// Long work (demo customers, ranking a million customers again) off the window's thread,
// behind a progress dialog with a Cancel button. The work runs on a thread of its own, with
// that thread's own database connection (closed when it ends), and is handed how to report
// and whether to stop; the window keeps painting meanwhile, and nothing else in it can be
// used until the work is over. Cancelling asks the work to stop: it undoes what it has done
// and returns an error that isCancelled(), while the dialog says it is stopping.
class LongTask final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::LongTask)

public:
    struct Control
    {
        // How far the work has come; total 0 while it cannot tell. Safe from any thread.
        std::function<void(qint64 done, qint64 total)> progress;
        // Whether the person has asked to stop.
        std::function<bool()> cancelled;
    };

    // Runs `work` and returns what it returned, once its thread has ended. `label` says what
    // is being done ("Adding 1,000 demo customers…").
    static Status run(
        QWidget* parent, Database& db, const QString& label, const std::function<Status(const Control&)>& work);
};

} // namespace kasir
