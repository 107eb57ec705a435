#include "app/server/HttpApi.h"

#include "app/server/RestApi.h"
#include "core/domain/Ids.h"
#include "core/sync/ServerStore.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcHttp, "kasir.server.http")

namespace kasir {

namespace {

// The largest request body the server reads: a full push batch of big ops fits easily.
constexpr qsizetype maxBody = 64 * 1024 * 1024;

QByteArray headerOf(const QHttpServerRequest& request, const QByteArray& name)
{
    for (const auto& [key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<QJsonObject> bodyObject(const QHttpServerRequest& request)
{
    const QByteArray body = request.body();
    if (body.size() > maxBody)
        return Error::invalidField(QStringLiteral("body"), QStringLiteral("too_large"),
            HttpApi::tr("is larger than %1 MB").arg(maxBody / (1024 * 1024)));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::invalidField(QStringLiteral("body"), QStringLiteral("invalid_json"),
            HttpApi::tr("is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Error::invalidField(
            QStringLiteral("body"), QStringLiteral("wrong_type"), HttpApi::tr("must be a JSON object"));
    return doc.object();
}

} // namespace

HttpApi::HttpApi(ServerStore& store, QObject* parent)
    : QAbstractHttpServer(parent), m_store(store), m_rest(std::make_unique<RestApi>(store))
{ }

HttpApi::~HttpApi() = default;

int HttpApi::statusFor(const Error& error)
{
    switch (error.kind) {
    case Error::Kind::Invalid:
        return 400;
    case Error::Kind::NotFound:
        return 404;
    case Error::Kind::Conflict:
        return 409;
    case Error::Kind::PermissionDenied:
        return 403;
    case Error::Kind::Other:
        break;
    }
    return error.code == u"unauthorised" ? 401 : 500;
}

QJsonObject HttpApi::errorJson(const Error& error)
{
    QJsonObject o {{QStringLiteral("error"), error.describe()}, {QStringLiteral("code"), error.code}};
    if (!error.field.isEmpty())
        o.insert(QStringLiteral("field"), error.field);
    if (!error.fields.isEmpty()) {
        QJsonArray fields;
        for (const FieldError& f : error.fields)
            fields.append(QJsonObject {{QStringLiteral("field"), f.field}, {QStringLiteral("code"), f.code},
                {QStringLiteral("message"), f.message}});
        o.insert(QStringLiteral("fields"), fields);
    }
    return o;
}

HttpApi::Reply HttpApi::failure(const Error& error)
{
    return Reply {statusFor(error), QJsonDocument(errorJson(error))};
}

bool HttpApi::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray requestId = headerOf(request, "X-Request-Id").left(64);
    if (requestId.isEmpty())
        requestId = Ids::newId().toLatin1();
    ++m_requests;
    Reply reply = route(request);
    if (reply.status >= 400 && reply.body.isObject()) {
        QJsonObject o = reply.body.object();
        o.insert(QStringLiteral("requestId"), QString::fromLatin1(requestId));
        reply.body = QJsonDocument(o);
    }
    const QByteArray body = reply.body.toJson(QJsonDocument::Compact);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeHeader("X-Request-Id", requestId);
    responder.writeBody(body);
    qCInfo(lcHttp).noquote() << QStringLiteral("request=%1 method=%2 path=%3 status=%4 ms=%5 bytes_in=%6 bytes_out=%7")
                                    .arg(QString::fromLatin1(requestId),
                                        QString::fromLatin1(QVariant::fromValue(request.method()).toByteArray()),
                                        request.url().path())
                                    .arg(reply.status)
                                    .arg(timer.elapsed())
                                    .arg(request.body().size())
                                    .arg(body.size());
    return true;
}

void HttpApi::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    handleRequest(request, socket);
}

HttpApi::Reply HttpApi::route(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    const auto method = request.method();
    using Method = QHttpServerRequest::Method;
    struct Route
    {
        const char* path;
        Method method;
        Reply (HttpApi::*handler)(const QHttpServerRequest&);
    };
    static const Route routes[] = {
        {"/sync/v1/enrol", Method::Post, &HttpApi::enrol},
        {"/sync/v1/push", Method::Post, &HttpApi::push},
        {"/sync/v1/pull", Method::Get, &HttpApi::pull},
    };
    if (path == u"/health")
        return health();
    if (RestApi::owns(path))
        return m_rest->handle(request);
    for (const Route& r : routes) {
        if (path != QLatin1String(r.path))
            continue;
        if (method != r.method)
            return Reply {405,
                QJsonDocument(errorJson(
                    Error::other(QStringLiteral("method_not_allowed"), tr("%1 does not take this method").arg(path))))};
        return (this->*r.handler)(request);
    }
    return failure(Error::notFound(tr("there is nothing at %1").arg(path)));
}

HttpApi::Reply HttpApi::health()
{
    return Reply {200,
        QJsonDocument(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("storage"), m_store.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
            {QStringLiteral("requests"), static_cast<double>(m_requests)}})};
}

HttpApi::Reply HttpApi::enrol(const QHttpServerRequest& request)
{
    auto body = bodyObject(request);
    if (!body)
        return failure(body.error());
    const QJsonValue code = body->value(QStringLiteral("code"));
    if (!code.isString())
        return failure(Error::invalidField(QStringLiteral("code"), QStringLiteral("required"), tr("is required")));
    auto e = m_store.enrol(code.toString());
    if (!e) {
        if (e.error().kind == Error::Kind::PermissionDenied) {
            Error unauthorised = e.error();
            unauthorised.kind = Error::Kind::Other;
            unauthorised.code = QStringLiteral("unauthorised");
            return failure(unauthorised);
        }
        return failure(e.error());
    }
    const ServerStore::Device& d = e->device;
    return Reply {200,
        QJsonDocument(QJsonObject {
            {QStringLiteral("deviceId"), d.id},
            {QStringLiteral("token"), e->token},
            {QStringLiteral("companyId"), d.companyId},
            {QStringLiteral("companyName"), e->company.name},
            {QStringLiteral("storeId"), d.storeId},
            {QStringLiteral("storeCode"), e->store.code},
            {QStringLiteral("terminalCode"), d.code},
            {QStringLiteral("terminalName"), d.name},
            {QStringLiteral("siteId"), static_cast<double>(d.siteId)},
            {QStringLiteral("firstCustomerNumber"), static_cast<double>((d.number - 1) * ServerStore::codeBlock + 1)},
            {QStringLiteral("customerNumberBlock"), static_cast<double>(ServerStore::codeBlock)},
        })};
}

namespace {

Result<ServerStore::Device> deviceOf(ServerStore& store, const QHttpServerRequest& request)
{
    const QByteArray auth = headerOf(request, "Authorization");
    if (!auth.startsWith("Bearer "))
        return Error::other(QStringLiteral("unauthorised"),
            HttpApi::tr("send the terminal's device token as \"Authorization: Bearer TOKEN\""));
    auto device = store.authenticate(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!device && device.error().kind == Error::Kind::NotFound)
        return Error::other(QStringLiteral("unauthorised"), device.error().message);
    return device;
}

} // namespace

HttpApi::Reply HttpApi::push(const QHttpServerRequest& request)
{
    auto device = deviceOf(m_store, request);
    if (!device)
        return failure(device.error());
    auto body = bodyObject(request);
    if (!body)
        return failure(body.error());
    const QJsonValue deviceId = body->value(QStringLiteral("deviceId"));
    if (!deviceId.isString() || deviceId.toString() != device->id)
        return failure(Error::invalidField(QStringLiteral("deviceId"), QStringLiteral("wrong_device"),
            tr("must be the id of the terminal the token belongs to")));
    const QJsonValue batchId = body->value(QStringLiteral("batchId"));
    if (!batchId.isString() || batchId.toString().isEmpty() || batchId.toString().size() > 64)
        return failure(Error::invalidField(
            QStringLiteral("batchId"), QStringLiteral("required"), tr("is required (text of at most 64 characters)")));
    const QJsonValue opsValue = body->value(QStringLiteral("ops"));
    if (!opsValue.isArray())
        return failure(
            Error::invalidField(QStringLiteral("ops"), QStringLiteral("wrong_type"), tr("must be an array of ops")));
    const QJsonArray array = opsValue.toArray();
    if (array.size() > ServerStore::maxPushOps)
        return failure(Error::invalidField(QStringLiteral("ops"), QStringLiteral("too_many"),
            tr("must hold at most %1 ops; send the rest in another batch").arg(ServerStore::maxPushOps)));
    QList<SyncOp> ops;
    QHash<QString, QString> malformed;
    ops.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("ops[%1]").arg(i);
        if (!array[i].isObject())
            return failure(Error::invalidField(where, QStringLiteral("wrong_type"), tr("must be an object")));
        auto op = SyncOp::fromJson(array[i].toObject(), where);
        if (!op) {
            // An op with a readable id is refused on its own (a newer terminal's op, a
            // damaged one): the terminal sets it aside and the ops after it still go.
            const QString id = array[i].toObject().value(QStringLiteral("id")).toString();
            if (!Ids::isValid(id) || malformed.contains(id))
                return failure(op.error());
            malformed.insert(id, op.error().describe());
            SyncOp placeholder;
            placeholder.id = id;
            ops.append(placeholder);
            continue;
        }
        op->deviceId.clear();
        op->seq = 0;
        ops.append(std::move(op).value());
    }
    auto outcome = m_store.push(*device, batchId.toString(), ops, malformed);
    if (!outcome)
        return failure(outcome.error());
    QJsonArray results;
    auto resultJson = [](const ServerStore::OpResult& r) {
        QJsonObject o {{QStringLiteral("id"), r.id}, {QStringLiteral("status"), ServerStore::statusName(r.status)}};
        if (r.seq > 0)
            o.insert(QStringLiteral("seq"), static_cast<double>(r.seq));
        if (!r.code.isEmpty()) {
            o.insert(QStringLiteral("code"), r.code);
            o.insert(QStringLiteral("message"), r.message);
        }
        return o;
    };
    for (const auto& r : std::as_const(outcome->results))
        results.append(resultJson(r));
    QJsonObject reply {{QStringLiteral("batchId"), batchId.toString()}, {QStringLiteral("results"), results},
        {QStringLiteral("serverHlc"), outcome->serverHlc.toString()}};
    if (outcome->stopped)
        reply.insert(QStringLiteral("stopped"), resultJson(*outcome->stopped));
    return Reply {200, QJsonDocument(reply)};
}

HttpApi::Reply HttpApi::pull(const QHttpServerRequest& request)
{
    auto device = deviceOf(m_store, request);
    if (!device)
        return failure(device.error());
    const QUrlQuery query = request.query();
    bool ok = true;
    const QString sinceText = query.queryItemValue(QStringLiteral("since"));
    const qint64 since = sinceText.isEmpty() ? 0 : sinceText.toLongLong(&ok);
    if (!ok || since < 0)
        return failure(Error::invalidField(QStringLiteral("since"), QStringLiteral("invalid_cursor"),
            tr("must be the cursor a previous pull returned as next")));
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 1000 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > ServerStore::maxPullLimit)
        return failure(Error::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
            tr("must be a whole number from 1 to %1").arg(ServerStore::maxPullLimit)));
    auto page = m_store.pull(*device, since, limit);
    if (!page)
        return failure(page.error());
    QJsonArray changes;
    for (const SyncOp& op : std::as_const(page->changes))
        changes.append(op.toJson(true));
    return Reply {200,
        QJsonDocument(QJsonObject {{QStringLiteral("changes"), changes},
            {QStringLiteral("next"), QString::number(page->next)}, {QStringLiteral("hasMore"), page->hasMore},
            {QStringLiteral("serverHlc"), page->serverHlc.toString()}})};
}

} // namespace kasir
