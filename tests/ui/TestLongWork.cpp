#include "core/domain/CustomerInput.h"
#include "core/services/CustomerService.h"
#include "core/services/RfmService.h"
#include "tests/support/TestDatabase.h"
#include "ui/views/DashboardView.h"
#include "ui/views/SettingsView.h"
#include "ui/widgets/LongTask.h"

#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kasir::test {

namespace {

// Watches `parent` for the long work's progress dialog and, once it shows, clicks its
// Cancel button as a person does.
class CancelWhenShown final : public QObject
{
public:
    explicit CancelWhenShown(QWidget* parent) : m_parent(parent)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* dialog = m_parent->findChild<QProgressDialog*>(QStringLiteral("longTaskProgress"));
            if (!dialog || !dialog->isVisible())
                return;
            auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("longTaskCancel"));
            if (!cancel || !cancel->isEnabled())
                return;
            // KASIR_SCREENSHOT_DIR: what the person sees, for a look at the dialog.
            if (const QString dir = qEnvironmentVariable("KASIR_SCREENSHOT_DIR"); !dir.isEmpty())
                dialog->grab().save(dir + QStringLiteral("/long-task.png"));
            QTest::mouseClick(cancel, Qt::LeftButton);
            clicked = true;
            labelAfter = dialog->labelText();
            cancelEnabledAfter = cancel->isEnabled();
            m_timer.stop();
        });
        m_timer.start(5);
    }

    bool clicked = false;
    QString labelAfter;
    bool cancelEnabledAfter = true;

private:
    QWidget* m_parent;
    QTimer m_timer;
};

} // namespace

// Long work in the app: the progress dialog, its Cancel, and the two kinds of it that the
// pages offer (demo customers in Settings, ranking again on the dashboard).
class TestLongWork final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theWorkRunsOnItsOwnThreadAndReports()
    {
        TestDatabase t;
        QWidget window;
        window.show();
        std::atomic<bool> elsewhere {false};
        int highest = -1;
        QTimer watch;
        connect(&watch, &QTimer::timeout, &window, [&] {
            if (auto* d = window.findChild<QProgressDialog*>(QStringLiteral("longTaskProgress")); d && d->isVisible())
                highest = std::max(highest, d->value());
        });
        watch.start(5);
        const Status done = LongTask::run(&window, t.db(), QStringLiteral("Counting"), [&](const LongTask::Control& c) {
            elsewhere = QThread::currentThread() != qApp->thread();
            // The work's own connection reads the file.
            if (!CustomerService(t.db(), t.admin()).count(CustomerQuery {}))
                return Status(Error::other(QStringLiteral("read"), QStringLiteral("could not read")));
            for (int i = 1; i <= 10; ++i) {
                c.progress(i, 10);
                QThread::msleep(30);
            }
            return Status(Done {});
        });
        QVERIFY(done.ok());
        QVERIFY(elsewhere);
        QVERIFY2(highest > 0, qPrintable(QString::number(highest))); // the bar moved
        QVERIFY(highest <= 1000);
        auto* dialog = window.findChild<QProgressDialog*>(QStringLiteral("longTaskProgress"));
        QVERIFY(!dialog || !dialog->isVisible());
    }

    void cancelAsksTheWorkToStop()
    {
        TestDatabase t;
        QWidget window;
        window.show();
        CancelWhenShown person(&window);
        const Status done = LongTask::run(&window, t.db(), QStringLiteral("Waiting"), [](const LongTask::Control& c) {
            for (int i = 0; i < 1000; ++i) { // ten seconds at most
                if (c.cancelled())
                    return Status(Error::cancelled(QStringLiteral("stopped")));
                QThread::msleep(10);
            }
            return Status(Done {});
        });
        QVERIFY(person.clicked);
        QVERIFY(!done.ok());
        QVERIFY(done.error().isCancelled());
        // While the work unwinds the dialog says so, and Cancel cannot be pressed twice.
        QVERIFY(!person.labelAfter.isEmpty() && person.labelAfter != u"Waiting");
        QVERIFY(!person.cancelEnabledAfter);
    }

    void escapeOrClosingTheDialogCancelsAndItStays()
    {
        // Escape, or the dialog's close button: the same as Cancel, and the dialog stays (with
        // the window behind it blocked) until the work has stopped.
        for (const bool escape : {true, false}) {
            TestDatabase t;
            QWidget window;
            window.show();
            bool asked = false;
            bool stayed = false;
            QTimer timer;
            connect(&timer, &QTimer::timeout, &window, [&] {
                auto* dialog = window.findChild<QProgressDialog*>(QStringLiteral("longTaskProgress"));
                if (asked || !dialog || !dialog->isVisible())
                    return;
                asked = true;
                if (escape) {
                    dialog->activateWindow();
                    QTest::keyClick(dialog, Qt::Key_Escape);
                } else {
                    dialog->close();
                }
                stayed = dialog->isVisible();
            });
            timer.start(5);
            const Status done
                = LongTask::run(&window, t.db(), QStringLiteral("Waiting"), [](const LongTask::Control& c) {
                      for (int i = 0; i < 1000; ++i) {
                          if (c.cancelled())
                              return Status(Error::cancelled(QStringLiteral("stopped")));
                          QThread::msleep(10);
                      }
                      return Status(Done {});
                  });
            QVERIFY(asked);
            QVERIFY2(stayed, escape ? "Escape" : "close");
            QVERIFY2(!done.ok() && done.error().isCancelled(), escape ? "Escape" : "close");
        }
    }

    void anAdministratorAddsDemoCustomers()
    {
        TestDatabase t;
        SettingsView view(t.db(), t.admin(), t.company());
        view.show();
        auto* count = view.findChild<QSpinBox*>(QStringLiteral("demoCount"));
        auto* add = view.findChild<QPushButton*>(QStringLiteral("addDemoButton"));
        QVERIFY(count && add);
        showDataTab(view);
        count->setValue(25);
        QSignalSpy changed(&view, &SettingsView::customersChanged);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(CustomerService(t.db(), t.admin()).count(CustomerQuery {}).value(), 25);
        auto* status = view.findChild<QLabel*>(QStringLiteral("dataStatus"));
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(u"25"), qPrintable(status->text()));
    }

    void cancellingTheDemoAddsNobody()
    {
        TestDatabase t;
        SettingsView view(t.db(), t.admin(), t.company());
        view.show();
        showDataTab(view);
        view.findChild<QSpinBox*>(QStringLiteral("demoCount"))->setValue(200'000);
        QSignalSpy changed(&view, &SettingsView::customersChanged);
        const qint64 outboxBefore = t.countRows(QStringLiteral("sync_outbox"));
        CancelWhenShown person(&view);
        QVERIFY(!view.addDemoCustomers());
        QVERIFY(person.clicked);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(CustomerService(t.db(), t.admin()).count(CustomerQuery {}).value(), 0);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), outboxBefore); // no change waits to be synced
        auto* status = view.findChild<QLabel*>(QStringLiteral("dataStatus"));
        QVERIFY2(status->text().contains(u"Stopped"), qPrintable(status->text()));
        // The file takes the next run as if nothing had happened.
        view.findChild<QSpinBox*>(QStringLiteral("demoCount"))->setValue(3);
        QVERIFY(view.addDemoCustomers());
        QCOMPARE(CustomerService(t.db(), t.admin()).count(CustomerQuery {}).value(), 3);
    }

    void onlyAnAdministratorIsOfferedDemoCustomers()
    {
        TestDatabase t;
        for (const Actor& actor : {t.manager(), t.cashier()}) {
            SettingsView view(t.db(), actor, t.company());
            QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("addDemoButton")));
            QVERIFY(!view.addDemoCustomers());
        }
    }

    void theDashboardRanksAgain()
    {
        TestDatabase t;
        CustomerInput in;
        in.name = QStringLiteral("Budi Santoso");
        QVERIFY(CustomerService(t.db(), t.admin()).create(in).ok());
        QVERIFY(!RfmService(t.db(), t.manager()).segmentCounts()->computedAt);
        DashboardView view(t.db(), t.manager(), t.company());
        view.show();
        auto* rank = view.findChild<QPushButton*>(QStringLiteral("rankAgainButton"));
        QVERIFY(rank);
        QTest::mouseClick(rank, Qt::LeftButton);
        QVERIFY(RfmService(t.db(), t.manager()).segmentCounts()->computedAt.has_value());

        // A cashier has no such button (nor may they rank).
        DashboardView cashiers(t.db(), t.cashier(), t.company());
        QVERIFY(!cashiers.findChild<QPushButton*>(QStringLiteral("rankAgainButton")));
        QVERIFY(!cashiers.rankAgain());
    }

private:
    static void showDataTab(SettingsView& view)
    {
        auto* tabs = view.findChild<QTabWidget*>();
        for (int i = 0; tabs && i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove(u'&') == u"Data folder")
                tabs->setCurrentIndex(i);
        }
    }
};

} // namespace kasir::test

QTEST_MAIN(kasir::test::TestLongWork)
#include "TestLongWork.moc"
