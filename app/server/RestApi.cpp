#include "app/server/RestApi.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/CustomerQuery.h"
#include "core/domain/CustomerValidator.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Ids.h"
#include "core/domain/PersonalData.h"
#include "core/domain/PhoneNumber.h"
#include "core/domain/TextRules.h"
#include "core/services/NoteService.h"
#include "core/sync/ServerProjection.h"
#include "core/sync/ServerStore.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonParseError>
#include <QUrlQuery>

namespace kasir {

namespace {

using Reply = HttpApi::Reply;
using Method = QHttpServerRequest::Method;

Reply failure(const Error& error)
{
    const bool tooLarge
        = error.fields.size() == 1 && error.fields.constFirst().code == u"too_large" && error.field == u"body";
    return Reply {tooLarge ? 413 : HttpApi::statusFor(error), QJsonDocument(HttpApi::errorJson(error))};
}

Reply ok(const QJsonObject& body, int status = 200)
{
    return Reply {status, QJsonDocument(body)};
}

QDate todayUtc(qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date();
}

Error unauthorised(const QString& message)
{
    return Error::other(QStringLiteral("unauthorised"), message);
}

Reply methodNotAllowed(const QString& path)
{
    return Reply {405,
        QJsonDocument(HttpApi::errorJson(Error::other(
            QStringLiteral("method_not_allowed"), RestApi::tr("%1 does not take this method").arg(path))))};
}

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
    if (body.size() > RestApi::maxBody)
        return Error::invalidField(QStringLiteral("body"), QStringLiteral("too_large"),
            RestApi::tr("is larger than %1 KB").arg(RestApi::maxBody / 1024));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::invalidField(QStringLiteral("body"), QStringLiteral("invalid_json"),
            RestApi::tr("is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Error::invalidField(
            QStringLiteral("body"), QStringLiteral("wrong_type"), RestApi::tr("must be a JSON object"));
    return doc.object();
}

QString query(const QHttpServerRequest& request, const QString& name)
{
    return QUrlQuery(request.url()).queryItemValue(name, QUrl::FullyDecoded);
}

// `limit` of the query: 1 to max, `fallback` when absent.
Result<int> limitOf(const QHttpServerRequest& request, int fallback)
{
    const QString text = query(request, QStringLiteral("limit"));
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int limit = text.toInt(&ok);
    if (!ok || limit < 1 || limit > RestApi::maxLimit)
        return Error::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
            RestApi::tr("must be a whole number from 1 to %1").arg(RestApi::maxLimit));
    return limit;
}

Error customerNotFound(const QString& id)
{
    return Error::notFound(RestApi::tr("there is no customer %1").arg(id.left(64)));
}

// As PrivacyService::refuseIfAnonymised says it on the terminals.
Error anonymised(const Customer& c, qint64 at)
{
    return Error::conflict(QStringLiteral("customer"), QStringLiteral("anonymised"),
        RestApi::tr("%1 was anonymised on %2: personal data is not added to them again")
            .arg(c.code, isoUtc(at).left(10)));
}

QJsonObject noteJson(const CustomerNote& n)
{
    return NoteService::toJson(n);
}

QJsonObject fieldsOf(const FieldSnapshot& s)
{
    QJsonObject o;
    for (const auto& [name, value] : s.fields())
        o.insert(name, value);
    return o;
}

} // namespace

RestApi::RestApi(ServerStore& store) : m_store(store) { }

bool RestApi::owns(QStringView path)
{
    return path == u"/openapi.json" || path == u"/api" || path.startsWith(u"/api/");
}

HttpApi::Reply RestApi::handle(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    const Method method = request.method();
    if (path == u"/openapi.json")
        return method == Method::Get ? openApi() : methodNotAllowed(path);
    // PostgreSQL cannot hold a NUL in text; nothing legitimate has one.
    if (path.contains(QChar(0)) || request.url().query(QUrl::FullyDecoded).contains(QChar(0)))
        return failure(Error::invalidField(
            QStringLiteral("url"), QStringLiteral("invalid_characters"), tr("must not contain NUL characters")));

    const QByteArray auth = headerOf(request, "Authorization");
    if (!auth.startsWith("Bearer "))
        return failure(unauthorised(tr("send an API key as \"Authorization: Bearer KEY\"")));
    auto user = m_store.authenticateApiKey(QString::fromLatin1(auth.mid(7).trimmed()));
    if (!user)
        return failure(user.error().kind == Error::Kind::NotFound ? unauthorised(user.error().message) : user.error());
    auto company = m_store.company(user->companyId);
    if (!company)
        return failure(company.error());
    if (!company->has_value())
        return failure(unauthorised(tr("the API key's company is gone")));

    static const QString prefix = QStringLiteral("/api/v1/");
    QStringList parts = path.startsWith(prefix) ? path.mid(prefix.size()).split(u'/') : QStringList();
    if (!parts.isEmpty() && parts.constLast().isEmpty())
        parts.removeLast();
    Call call {request, *user, **company, {}};
    const auto is = [&](std::initializer_list<const char*> shape) {
        if (parts.size() != qsizetype(shape.size()))
            return false;
        qsizetype i = 0;
        for (const char* s : shape) {
            const QString& part = parts.at(i++);
            if (qstrcmp(s, "{id}") == 0) {
                if (part.isEmpty() || part == u"lookup")
                    return false;
                call.id = part;
            } else if (part != QLatin1String(s)) {
                return false;
            }
        }
        return true;
    };
    if (is({"customers"})) {
        if (method == Method::Get)
            return list(call);
        if (method == Method::Post)
            return create(call);
        return methodNotAllowed(path);
    }
    if (is({"customers", "lookup"}))
        return method == Method::Get ? lookup(call) : methodNotAllowed(path);
    if (is({"customers", "{id}"})) {
        if (method == Method::Get)
            return get(call);
        if (method == Method::Patch)
            return update(call);
        if (method == Method::Delete)
            return deactivate(call);
        return methodNotAllowed(path);
    }
    if (is({"customers", "{id}", "notes"})) {
        if (method == Method::Get)
            return notes(call);
        if (method == Method::Post)
            return addNote(call);
        return methodNotAllowed(path);
    }
    if (is({"customers", "{id}", "balance"}))
        return method == Method::Get ? balance(call) : methodNotAllowed(path);
    if (is({"customers", "{id}", "history"}))
        return method == Method::Get ? history(call) : methodNotAllowed(path);
    if (is({"stats"}))
        return method == Method::Get ? stats(call) : methodNotAllowed(path);
    return failure(Error::notFound(tr("there is nothing at %1").arg(path.left(200))));
}

HttpApi::Reply RestApi::openApi()
{
    QFile file(QStringLiteral(":/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        return failure(Error::other(QStringLiteral("no_document"), tr("the OpenAPI document is missing")));
    return Reply {200, QJsonDocument::fromJson(file.readAll())};
}

Result<CustomerInput> RestApi::inputOf(const QHttpServerRequest& request)
{
    auto body = bodyObject(request);
    if (!body)
        return body.error();
    CustomerInput in;
    const std::pair<const char*, std::optional<QString> CustomerInput::*> texts[] = {{"name", &CustomerInput::name},
        {"phone", &CustomerInput::phone}, {"whatsapp", &CustomerInput::whatsapp}, {"email", &CustomerInput::email},
        {"address", &CustomerInput::address}, {"city", &CustomerInput::city}, {"province", &CustomerInput::province},
        {"postalCode", &CustomerInput::postalCode}, {"type", &CustomerInput::type}, {"status", &CustomerInput::status},
        {"level", &CustomerInput::level}, {"discountOverride", &CustomerInput::discountOverride},
        {"birthDate", &CustomerInput::birthDate}, {"gender", &CustomerInput::gender}, {"notes", &CustomerInput::notes}};
    const std::pair<const char*, std::optional<bool> CustomerInput::*> flags[]
        = {{"preferSms", &CustomerInput::preferSms}, {"preferEmail", &CustomerInput::preferEmail},
            {"preferCall", &CustomerInput::preferCall}, {"preferWhatsapp", &CustomerInput::preferWhatsapp},
            {"doNotContact", &CustomerInput::doNotContact}};
    QList<FieldError> errors;
    for (auto it = body->constBegin(); it != body->constEnd(); ++it) {
        const QString& key = it.key();
        const QJsonValue& v = it.value();
        bool known = false;
        for (const auto& [name, member] : texts) {
            if (key != QLatin1String(name))
                continue;
            known = true;
            if (v.isString())
                in.*member = v.toString();
            else if (v.isNull())
                in.*member = QString(); // null clears, as an empty text does
            else
                errors << FieldError {key, QStringLiteral("wrong_type"), tr("must be text")};
        }
        for (const auto& [name, member] : flags) {
            if (key != QLatin1String(name))
                continue;
            known = true;
            if (v.isBool())
                in.*member = v.toBool();
            else
                errors << FieldError {key, QStringLiteral("wrong_type"), tr("must be true or false")};
        }
        if (!known)
            errors << FieldError {key.left(64), QStringLiteral("unknown_field"), tr("is not a customer field")};
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return in;
}

HttpApi::Reply RestApi::customerReply(const QString& companyId, const Customer& customer, int status)
{
    auto figures = m_store.projection().figures(companyId, customer.id);
    if (!figures)
        return failure(figures.error());
    QJsonObject o = CustomerJson::toJson(customer);
    o.insert(QStringLiteral("stats"),
        QJsonObject {{QStringLiteral("purchases"), double(figures->purchases)},
            {QStringLiteral("totalSpent"), double(figures->totalSpent)},
            {QStringLiteral("lastPurchaseAt"),
                figures->lastPurchaseAt > 0 ? QJsonValue(isoUtc(figures->lastPurchaseAt)) : QJsonValue()},
            {QStringLiteral("points"), double(figures->points)}, {QStringLiteral("credit"), double(figures->credit)}});
    return ok(o, status);
}

Status RestApi::refuseDuplicates(const QString& companyId, const Customer& c)
{
    ServerProjection& p = m_store.projection();
    if (!c.phone.isEmpty()) {
        auto other = p.byPhone(companyId, c.phone, c.id);
        if (!other)
            return other.error();
        if (other->has_value())
            return Error::conflict(QStringLiteral("phone"), QStringLiteral("duplicate_phone"),
                tr("%1 is already the phone number of %2 (%3)").arg(c.phone, (*other)->name, (*other)->code));
    }
    if (!c.email.isEmpty()) {
        auto other = p.byEmail(companyId, c.email, c.id);
        if (!other)
            return other.error();
        if (other->has_value())
            return Error::conflict(QStringLiteral("email"), QStringLiteral("duplicate_email"),
                tr("%1 is already the email address of %2 (%3)").arg(c.email, (*other)->name, (*other)->code));
    }
    return Done {};
}

HttpApi::Reply RestApi::list(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read customers")); !s)
        return failure(s.error());
    ServerProjection::ListQuery q;
    q.text = query(call.request, QStringLiteral("q"));
    q.region = call.company.defaultRegion;
    q.after = query(call.request, QStringLiteral("after"));
    QList<FieldError> errors;
    if (q.text.size() > 200)
        errors << FieldError {QStringLiteral("q"), QStringLiteral("too_long"), tr("must be at most 200 characters")};
    const auto choice = [&](const char* name, auto parse, auto& target, const QStringList& names) {
        const QString text = query(call.request, QLatin1String(name));
        if (text.isEmpty())
            return;
        if (const auto v = parse(text))
            target = *v;
        else
            errors << FieldError {QLatin1String(name), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(names.join(QStringLiteral(", ")))};
    };
    choice("type", CustomerEnums::parseType, q.type, CustomerEnums::typeNames());
    choice("status", CustomerEnums::parseStatus, q.status, CustomerEnums::statusNames());
    choice("level", CustomerEnums::parseLevel, q.level, CustomerEnums::levelNames());
    auto limit = limitOf(call.request, 50);
    if (!limit)
        errors << limit.error().fields;
    if (!errors.isEmpty())
        return failure(Error::invalid(errors));
    q.limit = *limit;
    auto page = m_store.projection().customers(call.company.id, q);
    if (!page)
        return failure(page.error());
    QJsonArray items;
    for (const Customer& c : std::as_const(page->items))
        items.append(CustomerJson::toJson(c));
    return ok({{QStringLiteral("items"), items},
        {QStringLiteral("next"), page->next.isEmpty() ? QJsonValue() : QJsonValue(page->next)}});
}

HttpApi::Reply RestApi::get(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read customers")); !s)
        return failure(s.error());
    auto row = m_store.projection().customer(call.company.id, call.id);
    if (!row)
        return failure(row.error());
    if (!row->has_value() || (*row)->deleted)
        return failure(customerNotFound(call.id));
    return customerReply(call.company.id, (*row)->customer);
}

HttpApi::Reply RestApi::lookup(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read customers")); !s)
        return failure(s.error());
    const QString phone = query(call.request, QStringLiteral("phone"));
    if (phone.trimmed().isEmpty())
        return failure(Error::invalidField(QStringLiteral("phone"), QStringLiteral("required"), tr("is required")));
    auto e164 = CustomerValidator::normalisePhone(QStringLiteral("phone"), phone.left(64), call.company.defaultRegion);
    if (!e164)
        return failure(e164.error());
    auto found = m_store.projection().byPhone(call.company.id, *e164);
    if (!found)
        return failure(found.error());
    if (!found->has_value())
        return failure(Error::notFound(tr("no customer has the phone number %1").arg(*e164)));
    return customerReply(call.company.id, **found);
}

HttpApi::Reply RestApi::create(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerCreate, tr("register customers")); !s)
        return failure(s.error());
    auto input = inputOf(call.request);
    if (!input)
        return failure(input.error());
    const qint64 now = m_store.clock().nowMs();
    Customer base;
    base.companyId = call.company.id;
    // The terminals' rules, with the company's phone region.
    auto draft = CustomerValidator::apply(base, *input, call.company.defaultRegion, todayUtc(now));
    if (!draft)
        return failure(draft.error());
    Customer created;
    const Status written
        = m_store.writeChanges(call.company.id, call.user.id, [&]() -> Result<QList<ServerStore::ServerChange>> {
              if (Status s = refuseDuplicates(call.company.id, *draft); !s)
                  return s.error();
              auto number = m_store.projection().takeCustomerNumber(call.company.id, ServerStore::serverCodeFirst);
              if (!number)
                  return number.error();
              created = *draft;
              created.id = Ids::newId(now);
              created.code = CustomerSearchTerms::formatCode(*number);
              created.createdAt = created.updatedAt = now;
              created.createdBy = created.updatedBy = call.user.id;
              return QList<ServerStore::ServerChange> {{QStringLiteral("customer"), created.id,
                  QStringLiteral("create"), fieldsOf(CustomerJson::snapshot(created))}};
          });
    if (!written)
        return failure(written.error());
    return customerReply(call.company.id, created, 201);
}

Result<Customer> RestApi::change(
    const Call& call, const std::function<Result<Customer>(const Customer&)>& edit, const QString& action)
{
    const qint64 now = m_store.clock().nowMs();
    Customer result;
    const Status written
        = m_store.writeChanges(call.company.id, call.user.id, [&]() -> Result<QList<ServerStore::ServerChange>> {
              // Read under the lock: a change pushed meanwhile is not written back over.
              auto row = m_store.projection().customer(call.company.id, call.id);
              if (!row)
                  return row.error();
              if (!row->has_value() || (*row)->deleted)
                  return customerNotFound(call.id);
              const Customer before = (*row)->customer;
              auto edited = edit(before);
              if (!edited)
                  return edited.error();
              Customer after = *edited;
              result = before;
              if (CustomerJson::snapshot(before) == CustomerJson::snapshot(after))
                  return QList<ServerStore::ServerChange>();
              if ((*row)->anonymisedAt > 0) {
                  const FieldSnapshot was = CustomerJson::snapshot(before);
                  const FieldSnapshot is = CustomerJson::snapshot(after);
                  const QStringList personal = PersonalData::fieldsOf(u"customer");
                  if (std::any_of(personal.cbegin(), personal.cend(),
                          [&](const QString& f) { return was.value(f) != is.value(f); }))
                      return anonymised(before, (*row)->anonymisedAt);
              }
              if (after.phone != before.phone || after.email != before.email) {
                  if (Status s = refuseDuplicates(call.company.id, after); !s)
                      return s.error();
              }
              after.updatedAt = std::max(now, before.updatedAt);
              after.updatedBy = call.user.id;
              result = after;
              // The changed fields only, as the terminals' services record them.
              const FieldSnapshot was = CustomerJson::snapshot(before);
              const FieldSnapshot is = CustomerJson::snapshot(after);
              const QJsonObject fields
                  = QJsonDocument::fromJson(FieldSnapshot::valuesJson(is, FieldSnapshot::changed(was, is)).toUtf8())
                        .object();
              return QList<ServerStore::ServerChange> {{QStringLiteral("customer"), before.id, action, fields}};
          });
    if (!written)
        return written.error();
    return result;
}

HttpApi::Reply RestApi::update(const Call& call)
{
    const Actor actor = call.user.actor();
    if (Status s = actor.require(Permission::CustomerUpdate, tr("change customers")); !s)
        return failure(s.error());
    auto input = inputOf(call.request);
    if (!input)
        return failure(input.error());
    if (input->status && !actor.can(Permission::CustomerDeactivate))
        return failure(Error::permissionDenied(
            tr("a %1 may not change a customer's status").arg(Roles::displayName(actor.role).toLower())));
    const QDate today = todayUtc(m_store.clock().nowMs());
    const QString region = call.company.defaultRegion;
    auto changed = change(
        call, [&](const Customer& before) { return CustomerValidator::apply(before, *input, region, today); },
        QStringLiteral("update"));
    if (!changed)
        return failure(changed.error());
    return customerReply(call.company.id, *changed);
}

HttpApi::Reply RestApi::deactivate(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerDeactivate, tr("deactivate customers")); !s)
        return failure(s.error());
    // A soft delete, as the terminals' "deactivate": the customer and their history stay.
    auto changed = change(
        call,
        [](const Customer& before) -> Result<Customer> {
            Customer after = before;
            after.status = CustomerStatus::Inactive;
            return after;
        },
        QStringLiteral("deactivate"));
    if (!changed)
        return failure(changed.error());
    return customerReply(call.company.id, *changed);
}

HttpApi::Reply RestApi::notes(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read notes")); !s)
        return failure(s.error());
    auto limit = limitOf(call.request, NoteService::defaultLimit);
    if (!limit)
        return failure(limit.error());
    auto row = m_store.projection().customer(call.company.id, call.id);
    if (!row)
        return failure(row.error());
    if (!row->has_value() || (*row)->deleted)
        return failure(customerNotFound(call.id));
    auto list = m_store.projection().notes(call.company.id, (*row)->customer.id, *limit);
    if (!list)
        return failure(list.error());
    QJsonArray items;
    for (const CustomerNote& n : std::as_const(*list))
        items.append(noteJson(n));
    return ok({{QStringLiteral("items"), items}});
}

HttpApi::Reply RestApi::addNote(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::NoteWrite, tr("add notes")); !s)
        return failure(s.error());
    auto body = bodyObject(call.request);
    if (!body)
        return failure(body.error());
    // NoteService::add's rules.
    QList<FieldError> errors;
    const QJsonValue kindValue = body->value(QStringLiteral("kind"));
    const QJsonValue textValue = body->value(QStringLiteral("body"));
    std::optional<NoteKind> kind = NoteKind::Personal;
    if (!kindValue.isUndefined()) {
        kind = kindValue.isString() ? NoteKinds::parse(kindValue.toString()) : std::nullopt;
        if (!kind)
            errors << FieldError {QStringLiteral("kind"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(NoteKinds::names().join(QStringLiteral(", ")))};
    }
    QString text = textValue.toString().trimmed();
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    if (!textValue.isUndefined() && !textValue.isString())
        errors << FieldError {QStringLiteral("body"), QStringLiteral("wrong_type"), tr("must be text")};
    else if (TextRules::hasForbiddenCharacters(text, true))
        errors << FieldError {QStringLiteral("body"), QStringLiteral("invalid_characters"),
            tr("must not contain control characters other than line breaks and tabs")};
    else if (text.isEmpty())
        errors << FieldError {QStringLiteral("body"), QStringLiteral("required"), tr("is required")};
    else if (TextRules::codePoints(text) > NoteService::maxBody)
        errors << FieldError {QStringLiteral("body"), QStringLiteral("too_long"),
            tr("must be at most %1 characters").arg(NoteService::maxBody)};
    for (auto it = body->constBegin(); it != body->constEnd(); ++it) {
        if (it.key() != u"kind" && it.key() != u"body")
            errors << FieldError {it.key().left(64), QStringLiteral("unknown_field"), tr("is not a note field")};
    }
    if (!errors.isEmpty())
        return failure(Error::invalid(errors));
    const qint64 now = m_store.clock().nowMs();
    CustomerNote note;
    const Status written
        = m_store.writeChanges(call.company.id, call.user.id, [&]() -> Result<QList<ServerStore::ServerChange>> {
              auto row = m_store.projection().customer(call.company.id, call.id);
              if (!row)
                  return row.error();
              if (!row->has_value() || (*row)->deleted)
                  return customerNotFound(call.id);
              // A note about an anonymised customer would name the person again.
              if ((*row)->anonymisedAt > 0)
                  return anonymised((*row)->customer, (*row)->anonymisedAt);
              note.id = Ids::newId(now);
              note.companyId = call.company.id;
              note.customerId = (*row)->customer.id;
              note.kind = *kind;
              note.body = text;
              note.createdAt = now;
              note.createdBy = call.user.id;
              note.authorName = call.user.username;
              return QList<ServerStore::ServerChange> {{QStringLiteral("customer_note"), note.id,
                  QStringLiteral("create"), fieldsOf(NoteService::snapshot(note))}};
          });
    if (!written)
        return failure(written.error());
    return ok(noteJson(note), 201);
}

HttpApi::Reply RestApi::balance(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read balances")); !s)
        return failure(s.error());
    auto limit = limitOf(call.request, 50);
    if (!limit)
        return failure(limit.error());
    ServerProjection& p = m_store.projection();
    auto row = p.customer(call.company.id, call.id);
    if (!row)
        return failure(row.error());
    if (!row->has_value() || (*row)->deleted)
        return failure(customerNotFound(call.id));
    const QString id = (*row)->customer.id;
    auto figures = p.figures(call.company.id, id);
    auto points = p.pointsHistory(call.company.id, id, *limit);
    auto credit = p.creditHistory(call.company.id, id, *limit);
    if (!figures || !points || !credit)
        return failure(!figures ? figures.error() : !points ? points.error() : credit.error());
    const auto lines = [](const QList<ServerProjection::LedgerLine>& list, const QString& amountName) {
        QJsonArray out;
        for (const auto& l : list)
            out.append(QJsonObject {{QStringLiteral("id"), l.id}, {QStringLiteral("kind"), l.kind},
                {amountName, double(l.amount)}, {QStringLiteral("reason"), l.reason},
                {QStringLiteral("createdAt"), isoUtc(l.createdAt)}});
        return out;
    };
    return ok({{QStringLiteral("customerId"), id}, {QStringLiteral("points"), double(figures->points)},
        {QStringLiteral("credit"), double(figures->credit)},
        {QStringLiteral("pointsHistory"), lines(*points, QStringLiteral("points"))},
        {QStringLiteral("creditHistory"), lines(*credit, QStringLiteral("amount"))}});
}

HttpApi::Reply RestApi::history(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::CustomerRead, tr("read purchases")); !s)
        return failure(s.error());
    auto limit = limitOf(call.request, 50);
    if (!limit)
        return failure(limit.error());
    auto row = m_store.projection().customer(call.company.id, call.id);
    if (!row)
        return failure(row.error());
    if (!row->has_value() || (*row)->deleted)
        return failure(customerNotFound(call.id));
    auto list = m_store.projection().purchases(call.company.id, (*row)->customer.id, *limit);
    if (!list)
        return failure(list.error());
    QJsonArray items;
    for (const auto& p : std::as_const(*list))
        items.append(QJsonObject {{QStringLiteral("id"), p.id}, {QStringLiteral("kind"), p.kind},
            {QStringLiteral("orderNumber"), p.orderNumber}, {QStringLiteral("total"), double(p.total)},
            {QStringLiteral("createdAt"), isoUtc(p.createdAt)}, {QStringLiteral("linked"), p.linked}});
    return ok({{QStringLiteral("items"), items}});
}

HttpApi::Reply RestApi::stats(const Call& call)
{
    if (Status s = call.user.actor().require(Permission::AnalyticsRead, tr("read the company's figures")); !s)
        return failure(s.error());
    const QDate today = todayUtc(m_store.clock().nowMs());
    const qint64 monthStart
        = QDateTime(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    auto s = m_store.projection().stats(call.company.id, monthStart);
    if (!s)
        return failure(s.error());
    return ok({{QStringLiteral("customers"), double(s->customers)}, {QStringLiteral("active"), double(s->active)},
        {QStringLiteral("members"), double(s->members)}, {QStringLiteral("newThisMonth"), double(s->newThisMonth)},
        {QStringLiteral("sales"), double(s->sales)}, {QStringLiteral("revenue"), double(s->revenue)},
        {QStringLiteral("creditTotal"), double(s->creditTotal)}, {QStringLiteral("debtTotal"), double(s->debtTotal)},
        {QStringLiteral("currency"), call.company.currency}});
}

} // namespace kasir
