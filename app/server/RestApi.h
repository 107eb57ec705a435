#pragma once

#include "app/server/HttpApi.h"
#include "core/domain/Customer.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/Tenancy.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace kasir {

class ServerStore;

// The REST API for integrations (ARCHITECTURE.md, "The three programs"): a company's
// customers, their notes, balances and figures under /api/v1, described by the OpenAPI
// document at /openapi.json. A request carries an API key ("Authorization: Bearer KEY")
// and acts as the key's user: their company is the only one it sees, their role is checked
// on every request (401 without a valid key, 403 when the role refuses). Writes become the
// server's ops in the company's log, with the fields the terminals' services write, so that
// every terminal pulls and applies them like its own.
class RestApi final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::RestApi)

public:
    explicit RestApi(ServerStore& store);
    Q_DISABLE_COPY_MOVE(RestApi)

    static bool owns(QStringView path);
    HttpApi::Reply handle(const QHttpServerRequest& request);

    // The largest request body the REST API reads.
    static constexpr qsizetype maxBody = 256 * 1024;
    static constexpr int maxLimit = 200;

private:
    struct Call
    {
        const QHttpServerRequest& request;
        User user;
        Company company;
        QString id; // the {id} of the path
    };
    HttpApi::Reply list(const Call& call);
    HttpApi::Reply get(const Call& call);
    HttpApi::Reply create(const Call& call);
    HttpApi::Reply update(const Call& call);
    HttpApi::Reply deactivate(const Call& call);
    HttpApi::Reply lookup(const Call& call);
    HttpApi::Reply notes(const Call& call);
    HttpApi::Reply addNote(const Call& call);
    HttpApi::Reply balance(const Call& call);
    HttpApi::Reply history(const Call& call);
    HttpApi::Reply stats(const Call& call);
    HttpApi::Reply openApi();

    // The body as customer input; every field of the wrong type or unknown is reported.
    static Result<CustomerInput> inputOf(const QHttpServerRequest& request);
    // The customer with their purchase figures, as the answer to a request.
    HttpApi::Reply customerReply(const QString& companyId, const Customer& customer, int status = 200);
    // Changes the customer of the call as `edit` says, under the company's log lock, and
    // writes the changed fields as one op with `action`; the customer as it is afterwards.
    Result<Customer> change(
        const Call& call, const std::function<Result<Customer>(const Customer&)>& edit, const QString& action);
    // A conflict when another live customer of the company has this phone or email.
    Status refuseDuplicates(const QString& companyId, const Customer& customer);

    ServerStore& m_store;
};

} // namespace kasir
