// kasirctl sync: enrol this terminal with a kasir-server, run a sync cycle (or keep
// syncing in the background), and say where syncing stands.
#include "app/cli/Kasirctl.h"
#include "core/domain/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/SyncStateRepository.h"
#include "core/sync/SyncEngine.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace kasir {

namespace {

QJsonObject progressJson(const SyncEngine& engine)
{
    const SyncEngine::Progress p = engine.progress();
    QJsonObject o {{QStringLiteral("state"), SyncEngine::stateName(engine.state())},
        {QStringLiteral("pushed"), static_cast<double>(p.pushed)},
        {QStringLiteral("pulled"), static_cast<double>(p.pulled)},
        {QStringLiteral("pending"), static_cast<double>(p.pending)}, {QStringLiteral("initial"), p.initial}};
    if (!engine.lastError().isEmpty())
        o.insert(QStringLiteral("error"), engine.lastError());
    return o;
}

} // namespace

int Kasirctl::sync(const QStringList& args)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server"), QString(), QStringLiteral("url")},
        {QStringLiteral("code"), QString(), QStringLiteral("code")}, {QStringLiteral("once"), QString()},
        {QStringLiteral("interval"), QString(), QStringLiteral("seconds"), QStringLiteral("60")}});
    int code = CliOutput::Ok;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!p.parse(QStringList {QStringLiteral("kasirctl")} + args)) {
        const QString unknown = p.unknownOptionNames().value(0);
        return m_out.failInvalid(unknown.isEmpty() ? QStringLiteral("arguments") : unknown, p.errorText());
    }
    const QStringList rest = p.positionalArguments();
    const QString verb = rest.value(0);
    if (rest.size() > 1 || (!verb.isEmpty() && verb != u"enrol" && verb != u"status"))
        return m_out.failInvalid(
            QStringLiteral("arguments"), tr("sync takes enrol, status, or nothing (a sync cycle)"));
    if (!openDatabase(code))
        return code;
    QNetworkAccessManager network;
    SyncEngine engine(*m_db, network, SystemClock::instance());

    if (verb == u"status") {
        SyncStateRepository state(*m_db);
        QJsonObject o {{QStringLiteral("enrolled"), engine.isEnrolled()}};
        if (engine.isEnrolled()) {
            o.insert(QStringLiteral("server"), engine.server().toString());
            o.insert(QStringLiteral("terminal"), state.value(QString::fromLatin1(SyncEngine::deviceKey)));
            o.insert(QStringLiteral("cursor"), state.value(QString::fromLatin1(SyncEngine::cursorKey)));
            const qint64 last = engine.lastSyncAt();
            o.insert(QStringLiteral("lastSyncAt"),
                last > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODateWithMs))
                         : QJsonValue());
            auto pending = OutboxRepository(*m_db).pending(state.value(QString::fromLatin1(SyncEngine::companyKey)));
            if (!pending)
                return m_out.fail(pending.error());
            o.insert(QStringLiteral("pending"), static_cast<double>(*pending));
            auto rejected = state.rejectedCount();
            if (!rejected)
                return m_out.fail(rejected.error());
            o.insert(QStringLiteral("rejected"), static_cast<double>(*rejected));
        }
        m_out.line(o);
        return CliOutput::Ok;
    }

    QEventLoop loop;
    Status outcome = Done {};
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const Status& s) {
        outcome = s;
        loop.quit();
    });
    if (verb == u"enrol") {
        QList<FieldError> missing;
        for (const QString& flag : {QStringLiteral("server"), QStringLiteral("code")}) {
            if (p.value(flag).trimmed().isEmpty())
                missing << FieldError {flag, QStringLiteral("required"), tr("is required")};
        }
        if (!missing.isEmpty())
            return m_out.fail(Error::invalid(missing));
        engine.enrol(QUrl::fromUserInput(p.value(QStringLiteral("server")).trimmed()), p.value(QStringLiteral("code")));
        loop.exec();
        if (!outcome)
            return m_out.fail(outcome.error());
        // The first cycle downloads the company, so the terminal can be used right away.
        engine.syncNow();
        loop.exec();
        if (!outcome)
            return m_out.fail(outcome.error());
        m_out.line(progressJson(engine));
        return CliOutput::Ok;
    }
    if (p.isSet(QStringLiteral("once"))) {
        engine.syncNow();
        loop.exec();
        if (!outcome)
            return m_out.fail(outcome.error());
        m_out.line(progressJson(engine));
        return CliOutput::Ok;
    }
    bool ok = false;
    const int seconds = p.value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 86400)
        return m_out.failInvalid(QStringLiteral("interval"), tr("must be a whole number of seconds from 1 to 86400"));
    // Background: one progress line per cycle on stderr, until interrupted.
    QObject::disconnect(&engine, &SyncEngine::finished, &loop, nullptr);
    QObject::connect(
        &engine, &SyncEngine::finished, &loop, [&](const Status&) { m_out.progress(progressJson(engine)); });
    engine.startBackground(seconds * 1000);
    return loop.exec();
}

} // namespace kasir
