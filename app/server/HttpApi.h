#pragma once

#include "core/domain/Error.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace kasir {

class RestApi;
class ServerStore;

// kasir-server's HTTP face: the sync API (enrol, push, pull), /health, and the REST API
// for integrations (RestApi). Requests are
// handled one at a time on the event loop's thread, each in full (its transaction
// committed) before the next; so a shutdown that lets the loop finish its event finishes
// the transaction in flight. Every request gets an id (the client's X-Request-Id or a new
// one), echoed in the response and in the log line.
class HttpApi final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpApi(ServerStore& store, QObject* parent = nullptr);
    ~HttpApi() override;

    struct Reply
    {
        int status = 200;
        QJsonDocument body;
    };

    static int statusFor(const Error& error);
    static QJsonObject errorJson(const Error& error);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Reply route(const QHttpServerRequest& request);
    Reply enrol(const QHttpServerRequest& request);
    Reply push(const QHttpServerRequest& request);
    Reply pull(const QHttpServerRequest& request);
    Reply health();
    static Reply failure(const Error& error);

    ServerStore& m_store;
    std::unique_ptr<RestApi> m_rest;
    quint64 m_requests = 0;
};

} // namespace kasir
