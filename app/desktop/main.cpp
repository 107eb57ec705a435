#include "core/domain/Clock.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/dialogs/JoinServerDialog.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/views/MainWindow.h"
#include "ui/views/SettingsView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace {

// The translation context of what this file says to people.
struct Desktop
{
    Q_DECLARE_TR_FUNCTIONS(kasir::Desktop)
};

// Qt's own strings, then Kasir's: those built in (":/i18n"), then any in a translations/
// folder beside the executable. Qt asks the translator installed last first, so a .qm file
// dropped beside the program (a translator trying their work) wins over the built-in one.
QList<QTranslator*>& installedTranslators()
{
    static QList<QTranslator*> translators;
    return translators;
}

// The language of the default QLocale (the system's, or the one chosen in the settings);
// the translators of an earlier language go first.
void installTranslators(QCoreApplication& app)
{
    for (QTranslator* old : std::as_const(installedTranslators())) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    installedTranslators().clear();
    const QLocale locale;
    const QList<std::pair<QString, QString>> catalogues {
        {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
        {QStringLiteral("kasir"), QStringLiteral(":/i18n")},
        {QStringLiteral("kasir"), QCoreApplication::applicationDirPath() + u"/translations"},
    };
    // Languages Kasir has no translation for get English, whose file holds the plural forms.
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    for (const auto& [name, folder] : catalogues) {
        auto* translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), folder)
            || (name == u"kasir" && translator->load(english, name, QStringLiteral("_"), folder))) {
            QCoreApplication::installTranslator(translator);
            installedTranslators().append(translator);
        } else {
            delete translator;
        }
    }
}

// Why Kasir cannot start: always on stderr, and in a message box when someone is there to
// read it (not under --screenshot or a headless platform, where a box would wait forever).
int refuse(bool interactive, QMessageBox::Icon icon, const QString& title, const QString& text)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(title), qPrintable(text));
    if (interactive) {
        QMessageBox box(icon, title, text, QMessageBox::Ok);
        box.exec();
    }
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication::setOrganizationName(QStringLiteral("Kasir"));
    QApplication::setApplicationName(QStringLiteral("Kasir"));
    QApplication::setApplicationVersion(QStringLiteral(KASIR_VERSION));
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Kasir"));
    // The language chosen in the settings, else the system's.
    if (const QString chosen = QSettings().value(QLatin1String(kasir::SettingsView::languageKey)).toString();
        !chosen.isEmpty())
        QLocale::setDefault(QLocale(chosen));
    installTranslators(app);

    const QString defaultDb
        = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("kasir.db"));
    QCommandLineParser parser;
    parser.setApplicationDescription(Desktop::tr("Kasir: customers and sales at the counter, online or not."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
        Desktop::tr("The terminal's database <file> (default: %1).").arg(QDir::toNativeSeparators(defaultDb)),
        Desktop::tr("file"), defaultDb);
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        Desktop::tr("Save a picture of the main window to <file> once it has loaded, then quit."), Desktop::tr("file"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        Desktop::tr("The page to open: %1.").arg(kasir::MainWindow::pageNames().join(QStringLiteral(", "))),
        Desktop::tr("page"));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.addOption(pageOption);
    parser.process(app);

    const QString screenshot = parser.value(screenshotOption);
    std::optional<kasir::MainWindow::Page> page;
    if (parser.isSet(pageOption)) {
        page = kasir::MainWindow::parsePage(parser.value(pageOption));
        if (!page) {
            std::fprintf(stderr, "%s\n",
                qPrintable(
                    Desktop::tr("--page: \"%1\" is not a page; the pages are %2.")
                        .arg(parser.value(pageOption), kasir::MainWindow::pageNames().join(QStringLiteral(", ")))));
            return 2;
        }
    }
    const QString platform = QGuiApplication::platformName();
    const bool interactive = screenshot.isEmpty() && platform != u"offscreen" && platform != u"minimal";
    const QString path = parser.value(dbOption);
    const QString shownPath = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const QString notSetUp = Desktop::tr("Kasir is not set up");
    const QString howToSetUp
        = Desktop::tr("Set this terminal up with \"kasirctl --db %1 init --company NAME\", or try Kasir with demo "
                      "customers with \"kasirctl --db %1 demo --customers 1000\", then start Kasir again.")
              .arg(shownPath);

    // A screenshot or an offscreen run never makes a database: say what to do instead.
    if (!QFileInfo::exists(path) && !interactive)
        return refuse(interactive, QMessageBox::Information, notSetUp,
            Desktop::tr("There is no Kasir database at %1.").arg(shownPath) + u"\n\n" + howToSetUp);

    auto db = kasir::Database::open(path, kasir::SystemClock::instance());
    if (!db)
        return refuse(interactive, QMessageBox::Critical, Desktop::tr("Kasir cannot start"),
            Desktop::tr("The database %1 could not be opened: %2").arg(shownPath, db.error().describe()));

    // The terminal's sync with its server, if it has one; it outlives the windows.
    QNetworkAccessManager network;
    kasir::SyncEngine sync(**db, network, kasir::SystemClock::instance());
    // The engine applies pages on the window's thread: small pages keep each pause short
    // (about a tenth of a second for 500 new customers) while a company downloads.
    sync.setPageSize(500);

    auto company = kasir::SetupService(**db).currentCompany();
    if (!company && company.error().kind == kasir::Error::Kind::NotFound && interactive) {
        // A new terminal: it joins its shop's server (and downloads the company), or the
        // person sets up a company on its own with kasirctl.
        kasir::JoinServerDialog join(sync,
            Desktop::tr("This computer has no Kasir data yet (%1).\n\nIf your shop runs a Kasir server, join it with "
                        "the server's address and the enrolment code its administrator made for this terminal.\n\n"
                        "To use Kasir on its own instead, quit and run \"kasirctl --db %1 init --company NAME\", or "
                        "try it with demo customers: \"kasirctl --db %1 demo --customers 1000\".")
                .arg(shownPath));
        if (join.exec() != QDialog::Accepted)
            return 0;
        company = kasir::SetupService(**db).currentCompany();
    }
    if (!company) {
        if (company.error().kind == kasir::Error::Kind::NotFound)
            return refuse(interactive, QMessageBox::Information, notSetUp,
                Desktop::tr("The database %1 does not belong to a company yet.").arg(shownPath) + u"\n\n" + howToSetUp);
        return refuse(interactive, QMessageBox::Critical, Desktop::tr("Kasir cannot start"),
            Desktop::tr("The database %1 could not be read: %2").arg(shownPath, company.error().describe()));
    }

    // Someone signs in; a screenshot is taken as the company's first administrator, who sees
    // every page.
    kasir::Actor actor;
    if (screenshot.isEmpty()) {
        kasir::LoginDialog login(**db, *company);
        if (login.exec() != QDialog::Accepted || !login.user())
            return 0;
        actor = login.user()->actor();
    } else {
        auto admin = kasir::TenancyRepository(**db).firstAdmin(company->id);
        if (!admin)
            return refuse(interactive, QMessageBox::Critical, Desktop::tr("Kasir cannot start"),
                Desktop::tr("The database %1 could not be read: %2").arg(shownPath, admin.error().describe()));
        if (!admin->has_value())
            return refuse(interactive, QMessageBox::Critical, Desktop::tr("Kasir cannot start"),
                Desktop::tr("%1 has no active administrator, so nobody may open it. Restore the latest "
                            "backup of the database, or ask whoever supports your Kasir installation.")
                    .arg(company->name));
        actor = (*admin)->actor();
    }

    // The window is made again when the language changes: every page then speaks it.
    std::unique_ptr<kasir::MainWindow> window;
    std::function<void(std::optional<kasir::MainWindow::Page>)> makeWindow;
    makeWindow = [&](std::optional<kasir::MainWindow::Page> on) {
        // As stored now: the company may have been renamed in the window being replaced.
        if (auto current = kasir::SetupService(**db).currentCompany())
            company = std::move(current);
        auto next = std::make_unique<kasir::MainWindow>(**db, actor, *company);
        next->setSyncEngine(&sync);
        if (on)
            next->showPage(*on);
        if (!screenshot.isEmpty())
            next->resize(1366, 768); // a counter's screen, which every page must fit
        else if (window)
            next->setGeometry(window->geometry());
        QObject::connect(next.get(), &kasir::MainWindow::languageChosen, next.get(), [&](const QString& localeName) {
            QLocale::setDefault(QLocale(localeName));
            installTranslators(app);
            // After this slot has returned: the old window is deleted then.
            QTimer::singleShot(0, &app, [&] { makeWindow(kasir::MainWindow::Page::Settings); });
        });
        next->show();
        if (window)
            window.release()->deleteLater();
        window = std::move(next);
    };
    makeWindow(page);
    // An enrolled terminal syncs in the background from now on; a screenshot stays as it is.
    if (screenshot.isEmpty() && sync.isEnrolled())
        sync.startBackground();

    if (!screenshot.isEmpty()) {
        // The picture is taken once the status bar has its count (counted on another
        // thread), or after ten seconds whatever it shows.
        auto* poll = new QTimer(window.get());
        QElapsedTimer waited;
        waited.start();
        QObject::connect(poll, &QTimer::timeout, window.get(), [&window, &screenshot, poll, waited] {
            const auto* count = window->findChild<QLabel*>(QStringLiteral("customerCount"));
            if (count && count->text().isEmpty() && waited.elapsed() < 10'000)
                return;
            poll->stop();
            // Let the table finish its delayed layout before the picture is taken.
            QCoreApplication::processEvents();
            const bool saved = window->grab().save(screenshot);
            if (!saved)
                std::fprintf(
                    stderr, "%s\n", qPrintable(Desktop::tr("Could not save the screenshot to %1.").arg(screenshot)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
        poll->start(20);
    }
    return QApplication::exec();
}
