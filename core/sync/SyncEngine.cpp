#include "core/sync/SyncEngine.h"

#include "core/domain/Clock.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Ids.h"
#include "core/storage/Database.h"
#include "core/storage/OutboxRepository.h"
#include "core/storage/SyncStateRepository.h"
#include "core/storage/TenancyRepository.h"
#include "core/storage/UnitOfWork.h"
#include "core/sync/ChangeApplier.h"
#include "core/sync/SyncLoad.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSync, "kasir.sync")

namespace kasir {

namespace {

Actor syncActor()
{
    return Actor {QString(), QString(), QStringLiteral("sync"), Role::Admin};
}

const QString key(const char* k)
{
    return QString::fromLatin1(k);
}

} // namespace

SyncEngine::SyncEngine(Database& db, QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_network(network), m_clock(clock)
{
    m_state = isEnrolled() ? State::Idle : State::NotEnrolled;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_watch.setInterval(1000);
    connect(&m_watch, &QTimer::timeout, this, [this] {
        if (m_busy || m_retry.isActive() || !isEnrolled())
            return;
        const QString company = companyId();
        QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE company_id = ?)"));
        q.bindValue(0, company);
        auto waiting = Sql::integer(q);
        const qint64 since = m_clock.nowMs() - lastSyncAt();
        if ((waiting && *waiting > 0) || since >= m_interval)
            syncNow();
    });
}

SyncEngine::~SyncEngine()
{
    // No handler may run on an engine being destroyed; a download under way keeps what it
    // wrote for the next run.
    dropReply();
    endLoad(Error::other(QStringLiteral("closed"), tr("the program closed during the download")), LoadEnd::StoppedShort)
        .ok();
}

QString SyncEngine::stateName(State state)
{
    switch (state) {
    case State::NotEnrolled:
        return QStringLiteral("not_enrolled");
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::UpToDate:
        return QStringLiteral("up_to_date");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool SyncEngine::isEnrolled()
{
    return !m_db.localState(key(tokenKey)).isEmpty();
}

QUrl SyncEngine::server()
{
    return QUrl(m_db.localState(key(serverKey)));
}

QString SyncEngine::companyId()
{
    return m_db.localState(key(companyKey));
}

qint64 SyncEngine::lastSyncAt()
{
    return m_db.localState(key(lastSyncKey)).toLongLong();
}

int SyncEngine::backoffMs(int failures, double jitter)
{
    const qint64 base = std::min<qint64>(qint64(1000) << std::clamp(failures - 1, 0, 20), 5 * 60 * 1000);
    return static_cast<int>(base * std::clamp(jitter, 0.5, 1.5));
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncEngine::request(const QString& method, const QString& path, const QByteArray& body, Handler handler)
{
    QUrl url = server();
    const qsizetype query = path.indexOf(u'?');
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setRawHeader("X-Request-Id", Ids::newId().toLatin1());
    const QString token = m_db.localState(key(tokenKey));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    req.setTransferTimeout(120000);
    QNetworkReply* reply = method == u"GET" ? m_network.get(req) : m_network.post(req, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler = std::move(handler)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (status == 0) {
            handler(Error::other(
                QStringLiteral("offline"), tr("the server could not be reached (%1)").arg(reply->errorString())));
            return;
        }
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parse);
        if (status >= 400) {
            const QJsonObject o = doc.object();
            Error e = Error::other(o.value(QStringLiteral("code")).toString(QStringLiteral("http_%1").arg(status)),
                tr("the server refused the request (HTTP %1): %2")
                    .arg(status)
                    .arg(o.value(QStringLiteral("error")).toString(QString::fromUtf8(data.left(200)))));
            if (status == 401)
                e.code = QStringLiteral("unauthorised");
            if (status == 403)
                e.kind = Error::Kind::PermissionDenied;
            handler(e);
            return;
        }
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            handler(Error::other(QStringLiteral("bad_reply"), tr("the server's answer is not a JSON object")));
            return;
        }
        handler(doc.object());
    });
}

void SyncEngine::enrol(const QUrl& serverUrl, const QString& code)
{
    if (m_busy) {
        emit finished(Error::other(QStringLiteral("busy"), tr("a sync is already running")));
        return;
    }
    if (isEnrolled()) {
        emit finished(Error::conflict(QStringLiteral("server"), QStringLiteral("already_enrolled"),
            tr("this terminal is already enrolled with %1").arg(server().toString())));
        return;
    }
    auto terminal = TenancyRepository(m_db).localTerminal();
    if (!terminal || terminal->has_value()) {
        emit finished(Error::conflict(QStringLiteral("database"), QStringLiteral("not_empty"),
            tr("this database already holds a company; enrol a terminal with a new, empty database")));
        return;
    }
    if (!serverUrl.isValid() || (serverUrl.scheme() != u"http" && serverUrl.scheme() != u"https")
        || serverUrl.host().isEmpty()) {
        emit finished(Error::invalidField(QStringLiteral("server"), QStringLiteral("invalid_url"),
            tr("must be the server's address, such as http://192.168.1.10:8787")));
        return;
    }
    // The address is needed for the request; it is kept only if the enrolment succeeds.
    {
        UnitOfWork uow(m_db, syncActor());
        Status s = uow.begin();
        if (s)
            s = SyncStateRepository(m_db).setValue(uow, key(serverKey), serverUrl.toString());
        if (s)
            s = uow.commit();
        if (!s) {
            emit finished(s);
            return;
        }
    }
    m_busy = true;
    setState(State::Syncing);
    request(QStringLiteral("POST"), QStringLiteral("/sync/v1/enrol"),
        QJsonDocument(QJsonObject {{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact),
        [this, serverUrl](const Result<QJsonObject>& reply) {
            m_busy = false;
            Status s = reply ? saveEnrolment(serverUrl, *reply) : Status(reply.error());
            if (!s) {
                UnitOfWork uow(m_db, syncActor());
                if (uow.begin() && SyncStateRepository(m_db).setValue(uow, key(serverKey), QString()))
                    uow.commit().ok();
                setState(State::NotEnrolled);
                m_lastError = s.error().describe();
            } else {
                setState(State::Idle);
                m_lastError.clear();
            }
            emit finished(s);
        });
}

Status SyncEngine::saveEnrolment(const QUrl& serverUrl, const QJsonObject& reply)
{
    const QString device = reply.value(QStringLiteral("deviceId")).toString();
    const QString token = reply.value(QStringLiteral("token")).toString();
    const QString company = reply.value(QStringLiteral("companyId")).toString();
    const qint64 site = static_cast<qint64>(reply.value(QStringLiteral("siteId")).toDouble());
    const qint64 firstNumber = static_cast<qint64>(reply.value(QStringLiteral("firstCustomerNumber")).toDouble(1));
    const qint64 blockSize = static_cast<qint64>(reply.value(QStringLiteral("customerNumberBlock")).toDouble(0));
    if (device.isEmpty() || token.isEmpty() || company.isEmpty() || site <= 0 || site > 0xFFFFFFFFLL)
        return Error::other(QStringLiteral("bad_reply"), tr("the server's enrolment answer is incomplete"));
    UnitOfWork uow(m_db, syncActor());
    if (Status s = uow.begin(); !s)
        return s;
    SyncStateRepository state(m_db);
    for (const auto& [k, v] : {std::pair {serverKey, serverUrl.toString()}, std::pair {deviceKey, device},
             std::pair {tokenKey, token}, std::pair {companyKey, company}, std::pair {cursorKey, QStringLiteral("0")},
             std::pair {"sync.site", QString::number(site)},
             std::pair {"sync.code_block_start", QString::number(firstNumber)},
             std::pair {"sync.code_block_size", blockSize > 0 ? QString::number(blockSize) : QString()}}) {
        if (Status s = state.setValue(uow, key(k), v); !s)
            return s;
    }
    if (Status s = TenancyRepository(m_db).setLocalTerminal(uow, device); !s)
        return s;
    // Customer codes made here come from this terminal's own block, so that two terminals
    // never hand out the same code.
    QSqlQuery& q = uow.prepared(QStringLiteral("INSERT INTO code_sequence (company_id, name, next_value) "
                                               "VALUES (?, 'customer', ?) ON CONFLICT (company_id, name) DO NOTHING"));
    q.bindValue(0, company);
    q.bindValue(1, firstNumber);
    if (Status s = Sql::exec(q); !s)
        return s;
    if (Status s = uow.commit(); !s)
        return s;
    m_db.hlc().setSiteId(static_cast<quint32>(site));
    qCInfo(lcSync).noquote() << "enrolled as terminal" << reply.value(QStringLiteral("terminalCode")).toString() << "of"
                             << reply.value(QStringLiteral("companyName")).toString();
    return Done {};
}

void SyncEngine::syncNow()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    if (!isEnrolled()) {
        setState(State::NotEnrolled);
        emit finished(Error::other(QStringLiteral("not_enrolled"), tr("this terminal is not enrolled with a server")));
        return;
    }
    // The site id the server gave this terminal; the terminal's own row may not be here yet.
    const quint32 site = m_db.localState(QStringLiteral("sync.site")).toUInt();
    if (site != 0 && m_db.hlc().siteId() != site)
        m_db.hlc().setSiteId(site);
    m_retry.stop();
    m_busy = true;
    m_again = false;
    m_progress = Progress {};
    m_progress.initial = m_db.localState(key(cursorKey)).toLongLong() == 0;
    m_progress.pending = OutboxRepository(m_db).pending(companyId()).value_or(0);
    setState(State::Syncing);
    emit progressChanged(m_progress);
    pushNext();
}

void SyncEngine::pushNext()
{
    auto batch = OutboxRepository(m_db).oldestAsJson(companyId(), m_batchSize);
    if (!batch) {
        finish(batch.error());
        return;
    }
    if (batch->ids.isEmpty()) {
        pullNext();
        return;
    }
    m_inFlight = batch->ids;
    QString head;
    head += QLatin1String("{\"deviceId\":");
    FieldSnapshot::appendString(head, m_db.localState(key(deviceKey)));
    head += QLatin1String(",\"batchId\":");
    FieldSnapshot::appendString(head, Ids::newId(m_clock.nowMs()));
    head += QLatin1String(",\"ops\":");
    request(QStringLiteral("POST"), QStringLiteral("/sync/v1/push"), head.toUtf8() + batch->json + '}',
        [this](const Result<QJsonObject>& reply) {
            if (!reply) {
                const QString& code = reply.error().code;
                if (code == u"offline" || code == u"unauthorised") {
                    finish(reply.error());
                    return;
                }
                // The server refused the batch: the changes stay in the outbox, and the others'
                // changes still come in.
                m_lastError = reply.error().describe();
                m_pushStopped = reply.error();
                pullNext();
                return;
            }
            const qint64 before = m_progress.pushed;
            if (Status s = applyPushResults(m_inFlight, *reply); !s) {
                finish(s);
                return;
            }
            m_inFlight.clear();
            const QJsonObject stopped = reply->value(QStringLiteral("stopped")).toObject();
            if (!stopped.isEmpty()) {
                // The rest stays in the outbox; pull anyway, then report why.
                m_lastError = stopped.value(QStringLiteral("message")).toString();
                m_pushStopped = Error::other(stopped.value(QStringLiteral("code")).toString(), m_lastError);
                pullNext();
                return;
            }
            if (m_progress.pushed == before) {
                finish(
                    Error::other(QStringLiteral("bad_reply"), tr("the server acknowledged none of the changes sent")));
                return;
            }
            pushNext();
        });
}

Status SyncEngine::applyPushResults(const QStringList& sent, const QJsonObject& reply)
{
    const QSet<QString> byId(sent.cbegin(), sent.cend());
    UnitOfWork uow(m_db, syncActor());
    if (Status s = uow.begin(); !s)
        return s;
    QStringList acked;
    SyncStateRepository state(m_db);
    const QJsonArray results = reply.value(QStringLiteral("results")).toArray();
    for (const QJsonValue& v : results) {
        const QJsonObject r = v.toObject();
        const QString id = r.value(QStringLiteral("id")).toString();
        if (!byId.contains(id))
            continue;
        const QString status = r.value(QStringLiteral("status")).toString();
        if (status == u"rejected") {
            auto op = OutboxRepository(m_db).byId(id);
            if (!op)
                return op.error();
            if (!op->has_value())
                continue;
            qCWarning(lcSync).noquote() << "the server refused" << (*op)->entity << (*op)->entityId << ":"
                                        << r.value(QStringLiteral("message")).toString();
            if (Status s = state.recordRejected(uow, **op, r.value(QStringLiteral("code")).toString(),
                    r.value(QStringLiteral("message")).toString());
                !s)
                return s;
        } else if (status != u"applied" && status != u"duplicate") {
            continue;
        }
        acked << id;
    }
    if (Status s = OutboxRepository(m_db).acknowledge(acked); !s)
        return s;
    if (Status s = uow.commit(); !s)
        return s;
    m_progress.pushed += acked.size();
    m_progress.pending = std::max<qint64>(0, m_progress.pending - acked.size());
    emit progressChanged(m_progress);
    return Done {};
}

void SyncEngine::pullNext()
{
    const qint64 since = m_db.localState(key(cursorKey)).toLongLong();
    m_loadWanted = m_loadAllowed && (since == 0 || m_db.localState(key(loadingKey)) == u"1");
    m_loadCareful = false;
    pullFrom(since);
}

void SyncEngine::pullFrom(qint64 since)
{
    request(QStringLiteral("GET"), QStringLiteral("/sync/v1/pull?since=%1&limit=%2").arg(since).arg(m_pageSize), {},
        [this](const Result<QJsonObject>& reply) { takePage(reply); });
}

void SyncEngine::takePage(const Result<QJsonObject>& reply)
{
    if (!reply) {
        finish(endLoad(reply.error(), LoadEnd::StoppedShort));
        return;
    }
    auto page = readPage(*reply);
    if (!page) {
        finish(endLoad(page.error(), LoadEnd::StoppedShort));
        return;
    }
    // A first download of more than one page is written as one load; one page is not worth
    // making the indexes again.
    if (!m_load && m_loadWanted && page->more) {
        m_load = std::make_unique<SyncLoad>(m_db, m_loadCareful);
        m_pulledBeforeLoad = m_progress.pulled;
        if (Status s = m_load->begin(); !s) {
            qCWarning(lcSync).noquote() << "the download goes page by page:" << s.error().describe();
            m_load.reset();
            m_loadWanted = false;
        }
    }
    if (m_load) {
        // The next page downloads while this one is written.
        if (page->more)
            pullFrom(page->next);
        if (Status s = applyLoadPage(*page); !s) {
            dropReply();
            if (!m_loadCareful && ChangeApplier::appliesToOneOp(s.error())) {
                // An op this terminal cannot apply, in a load without savepoints: the load
                // starts again from its last commit, a savepoint per page this time, and the
                // op is set aside there.
                qCInfo(lcSync).noquote() << "the download starts again page by page in savepoints:"
                                         << s.error().describe();
                endLoad(s, LoadEnd::Abandoned).ok();
                m_loadCareful = true;
                m_progress.pulled = m_pulledBeforeLoad;
                pullFrom(m_db.localState(key(cursorKey)).toLongLong());
                return;
            }
            finish(endLoad(s, LoadEnd::Abandoned));
            return;
        }
        if (!page->more)
            finish(endLoad(m_pushStopped ? Status(*m_pushStopped) : Status(Done {}), LoadEnd::Complete));
        return;
    }
    // Page by page too, the next page downloads while this one is written.
    if (page->more)
        pullFrom(page->next);
    if (Status s = applyPage(*page); !s) {
        dropReply();
        finish(s);
        return;
    }
    if (!page->more)
        finish(m_pushStopped ? Status(*m_pushStopped) : Status(Done {}));
}

Result<SyncEngine::Page> SyncEngine::readPage(const QJsonObject& reply)
{
    const QJsonArray changes = reply.value(QStringLiteral("changes")).toArray();
    bool ok = false;
    Page page;
    page.next = reply.value(QStringLiteral("next")).toString().toLongLong(&ok);
    if (!ok || page.next < 0)
        return Error::other(QStringLiteral("bad_reply"), tr("the server's page has no valid cursor"));
    page.more = reply.value(QStringLiteral("hasMore")).toBool();
    page.ops.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        auto op = SyncOp::fromJson(changes[i].toObject(), QStringLiteral("changes[%1]").arg(i));
        if (!op)
            return op.error();
        page.ops.append(std::move(op).value());
    }
    return page;
}

Status SyncEngine::applyPage(const Page& page)
{
    UnitOfWork uow(m_db, syncActor());
    if (Status s = uow.begin(); !s)
        return s;
    ChangeApplier applier(m_db);
    if (Status s = applier.apply(uow, page.ops); !s) {
        if (!ChangeApplier::appliesToOneOp(s.error()))
            return s;
        // One op of the page cannot be applied here. Apply the page again op by op and keep
        // the ones that fail aside: one op must never stop the rest of the company's changes
        // from arriving. (Begun again: the name index changes of the first try go with it.)
        uow.rollback();
        if (Status again = uow.begin(); !again)
            return again;
        if (Status each = applier.applyEach(uow, page.ops, m_progress.unapplied); !each)
            return each;
    }
    SyncStateRepository state(m_db);
    if (Status s = state.setValue(uow, key(cursorKey), QString::number(page.next)); !s)
        return s;
    if (!page.more) {
        if (Status s = state.setValue(uow, key(lastSyncKey), QString::number(m_clock.nowMs())); !s)
            return s;
        // The rest of a download that stopped short, when it came in one page.
        if (m_loadWanted) {
            if (Status s = state.setValue(uow, key(loadingKey), QString()); !s)
                return s;
        }
    }
    if (Status s = uow.commit(); !s)
        return s;
    m_progress.pulled += page.ops.size();
    emit progressChanged(m_progress);
    return Done {};
}

Status SyncEngine::applyLoadPage(const Page& page)
{
    if (Status s = m_load->apply(page.ops, m_progress.unapplied); !s)
        return s;
    m_loadNext = page.next;
    m_progress.pulled += page.ops.size();
    emit progressChanged(m_progress);
    return Done {};
}

Status SyncEngine::endLoad(const Status& outcome, LoadEnd end)
{
    if (!m_load)
        return outcome;
    const std::unique_ptr<SyncLoad> load = std::move(m_load);
    if (end == LoadEnd::Abandoned || load->pages() == 0) {
        load->rollback();
        return outcome;
    }
    // Whole, or stopped short by the network, the server or the program closing: what was
    // written is kept with its cursor, and the next cycle goes on from there.
    const bool complete = end == LoadEnd::Complete;
    SyncStateRepository state(m_db);
    Status s = state.setValue(load->unit(), key(cursorKey), QString::number(m_loadNext));
    if (s)
        s = state.setValue(load->unit(), key(loadingKey), complete ? QString() : QStringLiteral("1"));
    if (s && complete)
        s = state.setValue(load->unit(), key(lastSyncKey), QString::number(m_clock.nowMs()));
    if (s)
        s = load->commit();
    if (!s) {
        load->rollback();
        return s;
    }
    return outcome;
}

void SyncEngine::dropReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void SyncEngine::finish(const Status& outcome)
{
    m_busy = false;
    m_inFlight.clear();
    m_pushStopped.reset();
    if (outcome) {
        m_failures = 0;
        m_lastError.clear();
        setState(State::UpToDate);
    } else {
        ++m_failures;
        m_lastError = outcome.error().describe();
        qCWarning(lcSync).noquote() << "sync failed:" << m_lastError;
        setState(outcome.error().code == u"offline" ? State::Offline : State::Error);
        if (m_background)
            scheduleRetry();
    }
    emit finished(outcome);
    if (m_again && outcome)
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::scheduleRetry()
{
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
    m_retry.start(backoffMs(m_failures, jitter));
}

void SyncEngine::startBackground(int intervalMs)
{
    m_interval = intervalMs;
    m_background = true;
    m_watch.start();
    if (QNetworkInformation::loadDefaultBackend()) {
        if (QNetworkInformation* info = QNetworkInformation::instance()) {
            connect(
                info, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online && m_state == State::Offline) {
                        m_failures = 0;
                        syncNow();
                    }
                },
                Qt::UniqueConnection);
        }
    }
    syncNow();
}

void SyncEngine::stopBackground()
{
    m_background = false;
    m_watch.stop();
    m_retry.stop();
}

} // namespace kasir
