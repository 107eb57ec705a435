// The REST API for integrations against a real kasir-server on 127.0.0.1: on SQLite, and on
// a throwaway PostgreSQL when KASIR_TEST_PG is set (tests/support/with-postgres.sh).

#include "core/domain/Hlc.h"
#include "core/domain/Ids.h"
#include "core/sync/SyncOp.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace kasir;

namespace {

class Server
{
public:
    explicit Server(const QString& dir) : m_dir(dir) { }
    ~Server() { stop(); }

    QStringList storage() const
    {
        const QString pg = qEnvironmentVariable("KASIR_TEST_PG");
        return pg.isEmpty() ? QStringList {QStringLiteral("--db"), m_dir + QStringLiteral("/server.db")}
                            : QStringList {QStringLiteral("--pg"), pg};
    }

    bool start()
    {
        m_process.setProgram(QStringLiteral(KASIR_SERVER_PATH));
        m_process.setArguments(
            storage() << QStringLiteral("serve") << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0"));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        for (int i = 0; i < 100 && !m_process.canReadLine(); ++i)
            m_process.waitForReadyRead(100);
        const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
        const QString listening = o.value(QStringLiteral("listening")).toString();
        if (listening.isEmpty())
            return false;
        m_url = QUrl(QStringLiteral("http://") + listening);
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }

    QUrl url() const { return m_url; }

    // An admin subcommand's first JSON line; `exitCode` gets its exit code.
    QJsonObject admin(const QStringList& args, int* exitCode = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("rahasia-123"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KASIR_SERVER_PATH), storage() + args);
        p.waitForFinished(30000);
        if (exitCode)
            *exitCode = p.exitCode();
        else if (p.exitCode() != 0)
            qWarning("kasir-server %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return QJsonDocument::fromJson(p.readAllStandardOutput().split('\n').value(0)).object();
    }

private:
    QString m_dir;
    QProcess m_process;
    QUrl m_url;
};

struct Response
{
    int status = 0;
    QJsonDocument doc;
    QJsonObject object() const { return doc.object(); }
    QJsonValue value(const char* key) const { return doc.object().value(QLatin1String(key)); }
    // The codes of the field errors, by field.
    QHash<QString, QString> fieldCodes() const
    {
        QHash<QString, QString> out;
        for (const QJsonValue& f : doc.object().value(QStringLiteral("fields")).toArray())
            out.insert(f[QStringLiteral("field")].toString(), f[QStringLiteral("code")].toString());
        return out;
    }
};

QString text(const QJsonValue& v)
{
    return v.toString();
}

} // namespace

class TestRestApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<Server> m_server;
    QString m_companyA;
    QString m_companyB;
    QHash<QString, QString> m_users; // username -> id
    QByteArray m_admin; // company A's admin
    QByteArray m_manager;
    QByteArray m_cashier;
    QByteArray m_adminB; // company B's admin
    QJsonObject m_terminal; // company A's terminal, registered by the first push
    quint16 m_counter = 0;

    Response call(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& key,
        const QByteArray& body = {}, bool rawPath = false)
    {
        QUrl url = m_server->url();
        const qsizetype q = pathAndQuery.indexOf(u'?');
        if (rawPath) {
            url = QUrl(m_server->url().toString() + pathAndQuery, QUrl::TolerantMode);
        } else {
            url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
            if (q >= 0)
                url.setQuery(pathAndQuery.mid(q + 1));
        }
        QNetworkRequest req(url);
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!key.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + key);
        QNetworkReply* reply = m_network.sendCustomRequest(req, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(30000);
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.doc = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return r;
    }
    Response get(const QString& path, const QByteArray& key) { return call("GET", path, key); }
    Response post(const QString& path, const QByteArray& key, const QJsonObject& body)
    {
        return call("POST", path, key, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Response patch(const QString& path, const QByteArray& key, const QJsonObject& body)
    {
        return call("PATCH", path, key, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    Response del(const QString& path, const QByteArray& key) { return call("DELETE", path, key); }

    QJsonObject createCustomer(const QByteArray& key, const QJsonObject& body)
    {
        const Response r = post(QStringLiteral("/api/v1/customers"), key, body);
        if (r.status != 201)
            qWarning("create failed %d: %s", r.status, r.doc.toJson(QJsonDocument::Compact).constData());
        return r.status == 201 ? r.object() : QJsonObject();
    }

    QString makeUser(const QString& company, const QString& name, const char* role)
    {
        const QString id
            = m_server
                  ->admin({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("--company"), company,
                      QStringLiteral("--username"), name, QStringLiteral("--role"), QLatin1String(role)})
                  .value(QStringLiteral("id"))
                  .toString();
        m_users.insert(name, id);
        return id;
    }

    QJsonObject makeKey(const QString& userId)
    {
        return m_server->admin({QStringLiteral("apikey"), QStringLiteral("create"), QStringLiteral("--user"), userId});
    }

    // Every live customer the key can list (no filters), page by page.
    QStringList listAll(const QByteArray& key, const QString& query = {})
    {
        QStringList ids;
        QString after;
        for (int guard = 0; guard < 1000; ++guard) {
            QUrlQuery q(query);
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
            if (!after.isEmpty())
                q.addQueryItem(QStringLiteral("after"), after);
            const Response r = get(QStringLiteral("/api/v1/customers?") + q.toString(QUrl::FullyEncoded), key);
            if (r.status != 200)
                return {};
            for (const QJsonValue& c : r.value("items").toArray())
                ids << c[QStringLiteral("id")].toString();
            after = r.value("next").toString();
            if (after.isEmpty())
                break;
        }
        return ids;
    }

    // Company A's terminal, registered with a device token on first use.
    void ensureTerminal()
    {
        if (m_terminal.isEmpty()) {
            const QJsonObject store = m_server->admin({QStringLiteral("store"), QStringLiteral("create"),
                QStringLiteral("--company"), m_companyA, QStringLiteral("--code"), QStringLiteral("S01"),
                QStringLiteral("--name"), QStringLiteral("Pusat")});
            m_terminal = m_server->admin({QStringLiteral("terminal"), QStringLiteral("register"),
                QStringLiteral("--store"), store.value(QStringLiteral("id")).toString(), QStringLiteral("--token")});
        }
    }

    // Ops pushed as company A's terminal would push them; the results.
    QJsonArray pushAsTerminal(const QList<SyncOp>& ops)
    {
        ensureTerminal();
        QJsonArray array;
        for (const SyncOp& op : ops)
            array.append(op.toJson());
        QUrl url = m_server->url();
        url.setPath(QStringLiteral("/sync/v1/push"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + m_terminal.value(QStringLiteral("token")).toString().toLatin1());
        QNetworkReply* reply = m_network.post(req,
            QJsonDocument(QJsonObject {{QStringLiteral("deviceId"), m_terminal.value(QStringLiteral("id"))},
                              {QStringLiteral("batchId"), Ids::newId()}, {QStringLiteral("ops"), array}})
                .toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        const QJsonArray results
            = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("results")).toArray();
        reply->deleteLater();
        return results;
    }

    // An op made by company A's admin on the terminal pushAsTerminal uses.
    SyncOp terminalOp(const QString& entity, const QJsonObject& fields, const QString& key = {})
    {
        ensureTerminal();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        SyncOp o;
        o.id = Ids::newId(now);
        o.companyId = m_companyA;
        o.entity = entity;
        o.entityId = key.isEmpty() ? Ids::newId(now) : key;
        o.action = QStringLiteral("create");
        o.fields = fields;
        o.hlc = Hlc {now, m_counter++, static_cast<quint32>(m_terminal.value(QStringLiteral("siteId")).toDouble())};
        o.actorId = m_users.value(QStringLiteral("ani"));
        o.createdAt = now;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<Server>(m_dir.path());
        QVERIFY(m_server->start());
        qInfo("kasir-server at %s on %s", qPrintable(m_server->url().toString()),
            qEnvironmentVariableIsEmpty("KASIR_TEST_PG") ? "SQLite" : "PostgreSQL");
        for (auto* company : {&m_companyA, &m_companyB}) {
            *company = m_server
                           ->admin({QStringLiteral("company"), QStringLiteral("create"), QStringLiteral("--name"),
                               company == &m_companyA ? QStringLiteral("Toko A") : QStringLiteral("Toko B")})
                           .value(QStringLiteral("id"))
                           .toString();
            QVERIFY(!company->isEmpty());
        }
        m_admin = makeKey(makeUser(m_companyA, QStringLiteral("ani"), "admin"))
                      .value(QStringLiteral("key"))
                      .toString()
                      .toLatin1();
        m_manager = makeKey(makeUser(m_companyA, QStringLiteral("mira"), "manager"))
                        .value(QStringLiteral("key"))
                        .toString()
                        .toLatin1();
        m_cashier = makeKey(makeUser(m_companyA, QStringLiteral("budi"), "cashier"))
                        .value(QStringLiteral("key"))
                        .toString()
                        .toLatin1();
        m_adminB = makeKey(makeUser(m_companyB, QStringLiteral("bob"), "admin"))
                       .value(QStringLiteral("key"))
                       .toString()
                       .toLatin1();
        QVERIFY(!m_admin.isEmpty() && !m_manager.isEmpty() && !m_cashier.isEmpty() && !m_adminB.isEmpty());
    }

    void cleanupTestCase() { m_server->stop(); }

    void keysAreCheckedOnEveryRequest()
    {
        const QString path = QStringLiteral("/api/v1/customers");
        Response r = get(path, {});
        QCOMPARE(r.status, 401);
        QCOMPARE(text(r.value("code")), QStringLiteral("unauthorised"));
        QVERIFY(!text(r.value("requestId")).isEmpty());
        QCOMPARE(get(path, "kasir_not-a-key").status, 401);

        // A key works until it is revoked, and never again after.
        const QJsonObject k = makeKey(m_users.value(QStringLiteral("mira")));
        const QByteArray key = k.value(QStringLiteral("key")).toString().toLatin1();
        QCOMPARE(get(path, key).status, 200);
        QCOMPARE(
            m_server
                ->admin({QStringLiteral("apikey"), QStringLiteral("revoke"), k.value(QStringLiteral("id")).toString()})
                .value(QStringLiteral("revoked")),
            QJsonValue(true));
        r = get(path, key);
        QCOMPARE(r.status, 401);
        QCOMPARE(text(r.value("code")), QStringLiteral("unauthorised"));
        QCOMPARE(post(path, key, {{QStringLiteral("name"), QStringLiteral("Nobody")}}).status, 401);

        // Only the hash is stored: the key text is nowhere in the server's database file.
        if (qEnvironmentVariableIsEmpty("KASIR_TEST_PG")) {
            QFile db(m_dir.filePath(QStringLiteral("server.db")));
            QVERIFY(db.open(QIODevice::ReadOnly));
            QFile wal(m_dir.filePath(QStringLiteral("server.db-wal")));
            const QByteArray bytes = db.readAll() + (wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray());
            QVERIFY(!bytes.contains(m_admin));
        }

        // Unknown users and revoking unknown keys are refused with kasirctl's exit codes.
        int exit = 0;
        m_server->admin(
            {QStringLiteral("apikey"), QStringLiteral("create"), QStringLiteral("--user"), QStringLiteral("nobody")},
            &exit);
        QCOMPARE(exit, 3);
        m_server->admin({QStringLiteral("apikey"), QStringLiteral("revoke"), QStringLiteral("nothing")}, &exit);
        QCOMPARE(exit, 3);
    }

    void createsReadsAndFindsCustomers()
    {
        const QJsonObject c = createCustomer(m_cashier,
            {{QStringLiteral("name"), QStringLiteral("  Siti   Aminah ")},
                {QStringLiteral("phone"), QStringLiteral("0812-3456-7890")},
                {QStringLiteral("email"), QStringLiteral("Siti.Aminah@Example.COM")},
                {QStringLiteral("type"), QStringLiteral("member")},
                {QStringLiteral("city"), QStringLiteral("Bandung")}});
        QVERIFY(!c.isEmpty());
        const QString id = c.value(QStringLiteral("id")).toString();
        // Normalised as the terminals normalise.
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Siti Aminah"));
        QCOMPARE(c.value(QStringLiteral("phone")).toString(), QStringLiteral("+6281234567890"));
        QCOMPARE(c.value(QStringLiteral("email")).toString(), QStringLiteral("siti.aminah@example.com"));
        QCOMPARE(c.value(QStringLiteral("type")).toString(), QStringLiteral("member"));
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(c.value(QStringLiteral("code")).toString().startsWith(QLatin1String("C-")));
        QCOMPARE(c.value(QStringLiteral("createdBy")).toString(), m_users.value(QStringLiteral("budi")));

        Response r = get(QStringLiteral("/api/v1/customers/") + id, m_cashier);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("name").toString(), QStringLiteral("Siti Aminah"));
        const QJsonObject stats = r.value("stats").toObject();
        QCOMPARE(stats.value(QStringLiteral("purchases")).toInt(-1), 0);
        QCOMPARE(stats.value(QStringLiteral("totalSpent")).toInt(-1), 0);
        QVERIFY(stats.value(QStringLiteral("lastPurchaseAt")).isNull());
        // By code too.
        QCOMPARE(get(QStringLiteral("/api/v1/customers/") + c.value(QStringLiteral("code")).toString(), m_cashier)
                     .value("id")
                     .toString(),
            id);

        // Search: a name word prefix, the last digits, a phone in another form, an email
        // prefix, a code; filters.
        const auto found = [&](const QString& query) {
            const Response l = get(QStringLiteral("/api/v1/customers?") + query, m_cashier);
            if (l.status != 200)
                return false;
            for (const QJsonValue& v : l.value("items").toArray()) {
                if (v[QStringLiteral("id")].toString() == id)
                    return true;
            }
            return false;
        };
        QVERIFY(found(QStringLiteral("q=amin")));
        QVERIFY(found(QStringLiteral("q=AMINAH%20sit")));
        QVERIFY(found(QStringLiteral("q=7890")));
        QVERIFY(found(QStringLiteral("q=%2B62%20812%203456%207890")));
        QVERIFY(found(QStringLiteral("q=081234567890")));
        QVERIFY(found(QStringLiteral("q=Siti.Aminah%40exa")));
        QVERIFY(found(QStringLiteral("q=") + c.value(QStringLiteral("code")).toString()));
        QVERIFY(found(QStringLiteral("type=member&status=active")));
        QVERIFY(!found(QStringLiteral("q=aminah&type=vip")));
        QVERIFY(!found(QStringLiteral("q=7891")));
        QVERIFY(!found(QStringLiteral("q=minah"))); // word prefixes, not any substring

        // Phone lookup, in any usual form.
        for (const QString& phone : {QStringLiteral("081234567890"), QStringLiteral("%2B6281234567890"),
                 QStringLiteral("0812%203456%207890")}) {
            r = get(QStringLiteral("/api/v1/customers/lookup?phone=") + phone, m_cashier);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.value("id").toString(), id);
        }
        r = get(QStringLiteral("/api/v1/customers/lookup?phone=081299998888"), m_cashier);
        QCOMPARE(r.status, 404);
        r = get(QStringLiteral("/api/v1/customers/lookup?phone=abc"), m_cashier);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.value("field").toString(), QStringLiteral("phone"));
        QCOMPARE(get(QStringLiteral("/api/v1/customers/lookup"), m_cashier).status, 400);
    }

    void invalidInputNamesEveryField()
    {
        const QString path = QStringLiteral("/api/v1/customers");
        Response r = post(path, m_admin, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().value(QStringLiteral("name")), QStringLiteral("required"));

        r = post(path, m_admin,
            {{QStringLiteral("name"), QStringLiteral("Budi")}, {QStringLiteral("phone"), QStringLiteral("12")},
                {QStringLiteral("email"), QStringLiteral("not-an-email")},
                {QStringLiteral("type"), QStringLiteral("gold")},
                {QStringLiteral("birthDate"), QStringLiteral("2999-01-01")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.value("code").toString(), QStringLiteral("invalid"));
        const auto codes = r.fieldCodes();
        for (const char* field : {"phone", "email", "type", "birthDate"})
            QVERIFY2(codes.contains(QLatin1String(field)), field);
        QVERIFY(!codes.contains(QStringLiteral("name")));
        for (const QJsonValue& f : r.value("fields").toArray())
            QVERIFY(!f[QStringLiteral("message")].toString().isEmpty());

        // Wrong JSON types and unknown fields, all at once.
        r = post(path, m_admin,
            {{QStringLiteral("name"), 42}, {QStringLiteral("phone"), true},
                {QStringLiteral("preferSms"), QStringLiteral("yes")},
                {QStringLiteral("city"), QJsonArray {QStringLiteral("x")}},
                {QStringLiteral("favouriteColour"), QStringLiteral("red")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes(),
            (QHash<QString, QString> {{QStringLiteral("name"), QStringLiteral("wrong_type")},
                {QStringLiteral("phone"), QStringLiteral("wrong_type")},
                {QStringLiteral("preferSms"), QStringLiteral("wrong_type")},
                {QStringLiteral("city"), QStringLiteral("wrong_type")},
                {QStringLiteral("favouriteColour"), QStringLiteral("unknown_field")}}));

        // Bodies that are not a JSON object.
        r = call("POST", path, m_admin, "{\"name\": \"Budi\"");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().value(QStringLiteral("body")), QStringLiteral("invalid_json"));
        r = call("POST", path, m_admin, "[1, 2]");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().value(QStringLiteral("body")), QStringLiteral("wrong_type"));
        r = call("POST", path, m_admin, "\"Budi\"");
        QCOMPARE(r.status, 400);

        // A huge body is refused without being stored.
        const QByteArray huge = "{\"name\":\"" + QByteArray(400 * 1024, 'a') + "\"}";
        r = call("POST", path, m_admin, huge);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.fieldCodes().value(QStringLiteral("body")), QStringLiteral("too_large"));

        // Text the rules refuse: too long, control characters.
        r = post(path, m_admin, {{QStringLiteral("name"), QString(300, u'x')}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().value(QStringLiteral("name")), QStringLiteral("too_long"));
        r = post(path, m_admin, {{QStringLiteral("name"), QStringLiteral("Bad\u0001Name")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.fieldCodes().contains(QStringLiteral("name")));

        // Query parameters are checked too.
        r = get(QStringLiteral("/api/v1/customers?type=boss&status=gone&level=Diamond&limit=0"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().size(), 4);
        QCOMPARE(get(QStringLiteral("/api/v1/customers?limit=201"), m_admin).status, 400);
        QCOMPARE(get(QStringLiteral("/api/v1/customers?limit=ten"), m_admin).status, 400);
        r = get(QStringLiteral("/api/v1/customers?after=not-a-cursor"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.value("field").toString(), QStringLiteral("after"));

        // Nothing of it was stored.
        QVERIFY(listAll(m_admin, QStringLiteral("q=budi")).isEmpty());
    }

    void duplicatePhoneIsAConflict()
    {
        const QJsonObject first = createCustomer(m_admin,
            {{QStringLiteral("name"), QStringLiteral("Dewi Lestari")},
                {QStringLiteral("phone"), QStringLiteral("0813-0000-1111")}});
        QVERIFY(!first.isEmpty());
        // The same number written another way.
        Response r = post(QStringLiteral("/api/v1/customers"), m_admin,
            {{QStringLiteral("name"), QStringLiteral("Dewi Kedua")},
                {QStringLiteral("phone"), QStringLiteral("+62 813 0000 1111")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.value("code").toString(), QStringLiteral("duplicate_phone"));
        QCOMPARE(r.value("field").toString(), QStringLiteral("phone"));
        QVERIFY(listAll(m_admin, QStringLiteral("q=kedua")).isEmpty());

        // Changing another customer to that number is a conflict too; the customer stays as was.
        const QJsonObject second = createCustomer(m_admin,
            {{QStringLiteral("name"), QStringLiteral("Dewi Ketiga")},
                {QStringLiteral("phone"), QStringLiteral("0813-0000-2222")}});
        const QString path = QStringLiteral("/api/v1/customers/") + second.value(QStringLiteral("id")).toString();
        r = patch(path, m_admin, {{QStringLiteral("phone"), QStringLiteral("081300001111")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(get(path, m_admin).value("phone").toString(), QStringLiteral("+6281300002222"));
        // Its own number again is no conflict.
        QCOMPARE(patch(path, m_admin, {{QStringLiteral("phone"), QStringLiteral("0813-0000-2222")}}).status, 200);

        // Another company may have a customer with the number.
        QCOMPARE(post(QStringLiteral("/api/v1/customers"), m_adminB,
                     {{QStringLiteral("name"), QStringLiteral("Dewi B")},
                         {QStringLiteral("phone"), QStringLiteral("0813-0000-1111")}})
                     .status,
            201);
    }

    void updatesAndSoftDeletesByRole()
    {
        const QJsonObject c = createCustomer(m_cashier,
            {{QStringLiteral("name"), QStringLiteral("Eko Prasetyo")},
                {QStringLiteral("email"), QStringLiteral("eko@example.com")}});
        const QString path = QStringLiteral("/api/v1/customers/") + c.value(QStringLiteral("id")).toString();

        // A cashier finds, registers and adds notes; no changes.
        Response r = patch(path, m_cashier, {{QStringLiteral("city"), QStringLiteral("Solo")}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.value("code").toString(), QStringLiteral("permission_denied"));
        QCOMPARE(del(path, m_cashier).status, 403);
        QCOMPARE(get(path, m_cashier).value("status").toString(), QStringLiteral("active"));
        QCOMPARE(get(QStringLiteral("/api/v1/stats"), m_cashier).status, 403);

        r = patch(path, m_manager,
            {{QStringLiteral("city"), QStringLiteral("Solo")}, {QStringLiteral("email"), QString()},
                {QStringLiteral("type"), QStringLiteral("vip")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("city").toString(), QStringLiteral("Solo"));
        QVERIFY(!r.object().contains(QStringLiteral("email")));
        QCOMPARE(r.value("type").toString(), QStringLiteral("vip"));
        QCOMPARE(r.value("updatedBy").toString(), m_users.value(QStringLiteral("mira")));
        QCOMPARE(r.value("createdBy").toString(), m_users.value(QStringLiteral("budi")));
        r = get(path, m_cashier);
        QCOMPARE(r.value("city").toString(), QStringLiteral("Solo"));
        QVERIFY(!r.object().contains(QStringLiteral("email")));
        r = patch(path, m_manager, {{QStringLiteral("type"), QStringLiteral("emperor")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes().keys(), QStringList {QStringLiteral("type")});

        // Soft delete: inactive, still there, still readable.
        r = del(path, m_manager);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("status").toString(), QStringLiteral("inactive"));
        r = get(path, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("status").toString(), QStringLiteral("inactive"));
        QVERIFY(listAll(m_admin, QStringLiteral("status=inactive")).contains(c.value(QStringLiteral("id")).toString()));
        QVERIFY(!listAll(m_admin, QStringLiteral("status=active")).contains(c.value(QStringLiteral("id")).toString()));
        QCOMPARE(
            patch(path, m_admin, {{QStringLiteral("status"), QStringLiteral("active")}}).value("status").toString(),
            QStringLiteral("active"));

        // Customers that do not exist.
        const QString none = QStringLiteral("/api/v1/customers/") + Ids::newId();
        QCOMPARE(get(none, m_admin).status, 404);
        QCOMPARE(patch(none, m_admin, {{QStringLiteral("city"), QStringLiteral("X")}}).status, 404);
        QCOMPARE(del(none, m_admin).status, 404);
        QCOMPARE(get(none + QStringLiteral("/notes"), m_admin).status, 404);
        QCOMPARE(get(none + QStringLiteral("/balance"), m_admin).status, 404);
        QCOMPARE(get(none + QStringLiteral("/history"), m_admin).status, 404);
        QCOMPARE(post(none + QStringLiteral("/notes"), m_admin, {{QStringLiteral("body"), QStringLiteral("x")}}).status,
            404);
        // Wrong methods and paths.
        QCOMPARE(call("PUT", path, m_admin, "{}").status, 405);
        QCOMPARE(get(QStringLiteral("/api/v1/nothing"), m_admin).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/customers/x/y/z"), m_admin).status, 404);
    }

    void notesAndBalances()
    {
        const QJsonObject c = createCustomer(m_admin, {{QStringLiteral("name"), QStringLiteral("Fitri Handayani")}});
        const QString id = c.value(QStringLiteral("id")).toString();
        const QString path = QStringLiteral("/api/v1/customers/") + id;

        // Cashiers add notes.
        Response r = post(path + QStringLiteral("/notes"), m_cashier,
            {{QStringLiteral("kind"), QStringLiteral("preference")},
                {QStringLiteral("body"), QStringLiteral("  Suka kopi tanpa gula\r\nDatang pagi ")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.value("body").toString(), QStringLiteral("Suka kopi tanpa gula\nDatang pagi"));
        QCOMPARE(r.value("kind").toString(), QStringLiteral("preference"));
        QCOMPARE(r.value("author").toString(), QStringLiteral("budi"));
        QTest::qWait(3);
        QCOMPARE(
            post(path + QStringLiteral("/notes"), m_admin, {{QStringLiteral("body"), QStringLiteral("Second")}}).status,
            201);
        r = get(path + QStringLiteral("/notes"), m_cashier);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0)[QStringLiteral("body")].toString(), QStringLiteral("Second")); // newest first
        QCOMPARE(items.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("personal"));
        QCOMPARE(items.at(1)[QStringLiteral("author")].toString(), QStringLiteral("budi"));
        QCOMPARE(get(path + QStringLiteral("/notes?limit=1"), m_cashier).value("items").toArray().size(), 1);

        r = post(path + QStringLiteral("/notes"), m_cashier,
            {{QStringLiteral("kind"), QStringLiteral("gossip")}, {QStringLiteral("body"), QStringLiteral("   ")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.fieldCodes(),
            (QHash<QString, QString> {{QStringLiteral("kind"), QStringLiteral("invalid_choice")},
                {QStringLiteral("body"), QStringLiteral("required")}}));
        r = post(path + QStringLiteral("/notes"), m_cashier, {{QStringLiteral("body"), 12}});
        QCOMPARE(r.fieldCodes().value(QStringLiteral("body")), QStringLiteral("wrong_type"));
        r = post(path + QStringLiteral("/notes"), m_cashier, {{QStringLiteral("body"), QString(2001, u'n')}});
        QCOMPARE(r.fieldCodes().value(QStringLiteral("body")), QStringLiteral("too_long"));

        // Balances and purchase figures come from the terminals' facts: push a sale, points
        // and store credit as a terminal would.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString at = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs);
        const QJsonArray results = pushAsTerminal(
            {terminalOp(QStringLiteral("sale"),
                 {{QStringLiteral("kind"), QStringLiteral("sale")}, {QStringLiteral("customerId"), id},
                     {QStringLiteral("total"), 75000}, {QStringLiteral("orderNumber"), QStringLiteral("S01-T01-1")},
                     {QStringLiteral("createdAt"), at}}),
                terminalOp(QStringLiteral("points_entry"),
                    {{QStringLiteral("customerId"), id}, {QStringLiteral("kind"), QStringLiteral("adjusted")},
                        {QStringLiteral("points"), 40}, {QStringLiteral("balanceAfter"), 40},
                        {QStringLiteral("reason"), QStringLiteral("welcome")}, {QStringLiteral("createdAt"), at}}),
                terminalOp(QStringLiteral("credit_entry"),
                    {{QStringLiteral("customerId"), id}, {QStringLiteral("kind"), QStringLiteral("debit")},
                        {QStringLiteral("amount"), -20000}, {QStringLiteral("balanceBefore"), 0},
                        {QStringLiteral("balanceAfter"), -20000},
                        {QStringLiteral("reason"), QStringLiteral("on account")}, {QStringLiteral("createdAt"), at}})});
        QCOMPARE(results.size(), 3);
        for (const QJsonValue& v : results)
            QCOMPARE(v[QStringLiteral("status")].toString(), QStringLiteral("applied"));

        r = get(path + QStringLiteral("/balance"), m_cashier);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("points").toInt(), 40);
        QCOMPARE(r.value("credit").toInt(), -20000);
        QCOMPARE(r.value("pointsHistory").toArray().size(), 1);
        QCOMPARE(
            r.value("pointsHistory").toArray().at(0)[QStringLiteral("reason")].toString(), QStringLiteral("welcome"));
        QCOMPARE(r.value("creditHistory").toArray().at(0)[QStringLiteral("amount")].toInt(), -20000);
        const QJsonObject stats = get(path, m_cashier).value("stats").toObject();
        QCOMPARE(stats.value(QStringLiteral("purchases")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("totalSpent")).toInt(), 75000);
        QCOMPARE(stats.value(QStringLiteral("lastPurchaseAt")).toString(), at);
        QCOMPARE(stats.value(QStringLiteral("points")).toInt(), 40);
        r = get(path + QStringLiteral("/history"), m_cashier);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value("items").toArray().size(), 1);
        QCOMPARE(
            r.value("items").toArray().at(0)[QStringLiteral("orderNumber")].toString(), QStringLiteral("S01-T01-1"));
        QCOMPARE(r.value("items").toArray().at(0)[QStringLiteral("total")].toInt(), 75000);

        r = get(QStringLiteral("/api/v1/stats"), m_manager);
        QCOMPARE(r.status, 200);
        QVERIFY(r.value("revenue").toInt() >= 75000);
        QVERIFY(r.value("debtTotal").toInt() >= 20000);
        QCOMPARE(r.value("currency").toString(), QStringLiteral("IDR"));
    }

    void companiesNeverSeeEachOther()
    {
        const QJsonObject a = createCustomer(m_admin,
            {{QStringLiteral("name"), QStringLiteral("Gita Rahasia")},
                {QStringLiteral("phone"), QStringLiteral("0815-7777-8888")}});
        const QJsonObject b = createCustomer(m_adminB, {{QStringLiteral("name"), QStringLiteral("Gita Lain")}});
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString aId = a.value(QStringLiteral("id")).toString();
        const QString bId = b.value(QStringLiteral("id")).toString();
        const QString aPath = QStringLiteral("/api/v1/customers/") + aId;

        // B's key: A's customer does not exist, by id or code, for reading or writing.
        QCOMPARE(get(aPath, m_adminB).status, 404);
        QCOMPARE(
            get(QStringLiteral("/api/v1/customers/") + a.value(QStringLiteral("code")).toString(), m_adminB).status,
            404);
        QCOMPARE(patch(aPath, m_adminB, {{QStringLiteral("name"), QStringLiteral("Hacked")}}).status, 404);
        QCOMPARE(del(aPath, m_adminB).status, 404);
        QCOMPARE(get(aPath + QStringLiteral("/notes"), m_adminB).status, 404);
        QCOMPARE(
            post(aPath + QStringLiteral("/notes"), m_adminB, {{QStringLiteral("body"), QStringLiteral("x")}}).status,
            404);
        QCOMPARE(get(aPath + QStringLiteral("/balance"), m_adminB).status, 404);
        QCOMPARE(get(aPath + QStringLiteral("/history"), m_adminB).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/customers/lookup?phone=081577778888"), m_adminB).status, 404);
        const QStringList seenByB = listAll(m_adminB);
        QVERIFY(seenByB.contains(bId));
        QVERIFY(!seenByB.contains(aId));
        QVERIFY(listAll(m_adminB, QStringLiteral("q=rahasia")).isEmpty());
        QVERIFY(listAll(m_adminB, QStringLiteral("q=8888")).isEmpty());
        const QStringList seenByA = listAll(m_admin);
        QVERIFY(!seenByA.contains(bId));
        QCOMPARE(get(QStringLiteral("/api/v1/customers/") + bId, m_cashier).status, 404);

        // A's customer is unchanged; B's figures count only B's customers.
        const Response r = get(aPath, m_admin);
        QCOMPARE(r.value("name").toString(), QStringLiteral("Gita Rahasia"));
        QCOMPARE(r.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(get(QStringLiteral("/api/v1/stats"), m_adminB).value("customers").toInt(), seenByB.size());
        QCOMPARE(get(QStringLiteral("/api/v1/stats"), m_admin).value("customers").toInt(), seenByA.size());
    }

    void pagesHaveNoDuplicatesOrGaps()
    {
        QStringList made;
        // Equal names too: the id breaks the tie.
        for (int i = 0; i < 23; ++i)
            made << createCustomer(m_admin, {{QStringLiteral("name"), QStringLiteral("Paging %1").arg(i % 9)}})
                        .value(QStringLiteral("id"))
                        .toString();
        QStringList seen;
        QStringList names;
        QString after;
        int pages = 0;
        do {
            QString q = QStringLiteral("/api/v1/customers?q=paging&limit=5");
            if (!after.isEmpty())
                q += QStringLiteral("&after=") + after;
            const Response r = get(q, m_admin);
            QCOMPARE(r.status, 200);
            const QJsonArray items = r.value("items").toArray();
            QVERIFY(items.size() <= 5);
            for (const QJsonValue& v : items) {
                seen << v[QStringLiteral("id")].toString();
                names << v[QStringLiteral("name")].toString();
            }
            after = r.value("next").toString();
            ++pages;
        } while (!after.isEmpty() && pages < 20);
        QCOMPARE(pages, 5);
        QCOMPARE(seen.size(), 23);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 23);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(made.cbegin(), made.cend()));
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(names, sorted);

        // A customer registered between pages turns up on a later page, once.
        const Response first = get(QStringLiteral("/api/v1/customers?q=paging&limit=10"), m_admin);
        const QString late = createCustomer(m_admin, {{QStringLiteral("name"), QStringLiteral("Paging 99")}})
                                 .value(QStringLiteral("id"))
                                 .toString();
        QStringList rest;
        after = first.value("next").toString();
        while (!after.isEmpty()) {
            const Response r = get(QStringLiteral("/api/v1/customers?q=paging&limit=10&after=") + after, m_admin);
            for (const QJsonValue& v : r.value("items").toArray())
                rest << v[QStringLiteral("id")].toString();
            after = r.value("next").toString();
        }
        QCOMPARE(rest.count(late), 1);
        QCOMPARE(first.value("items").toArray().size() + rest.size(), 24);
    }

    void nastyInputIsStoredAsText()
    {
        const QStringList names {QStringLiteral("O'Brien \"Bob\"; DROP TABLE srv_customer;--"),
            QStringLiteral("Sútrisnó Ñandú 山田 太郎"),
            QStringLiteral("Robert'); DELETE FROM srv_customer WHERE ('1'='1"), QStringLiteral("Zoë 🙂 Emoji"),
            QStringLiteral("%' OR 1=1 --")};
        QStringList ids;
        for (const QString& name : names) {
            const QJsonObject c = createCustomer(m_admin, {{QStringLiteral("name"), name}});
            QCOMPARE(c.value(QStringLiteral("name")).toString(), name);
            ids << c.value(QStringLiteral("id")).toString();
            QCOMPARE(
                get(QStringLiteral("/api/v1/customers/") + ids.constLast(), m_admin).value("name").toString(), name);
        }
        // Accents fold in search; quotes and SQL are only text.
        const auto search = [&](const QString& q) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("q"), q);
            return listAll(m_admin, query.toString(QUrl::FullyEncoded));
        };
        QVERIFY(search(QStringLiteral("sutrisno")).contains(ids.at(1)));
        QVERIFY(search(QStringLiteral("SÚTRISNÓ nandu")).contains(ids.at(1)));
        QVERIFY(search(QStringLiteral("山田")).contains(ids.at(1)));
        QVERIFY(search(QStringLiteral("zoe")).contains(ids.at(3)));
        QVERIFY(search(QStringLiteral("o'brien")).contains(ids.at(0)));
        QCOMPARE(get(QStringLiteral("/api/v1/customers?q=%25%27%20OR%201%3D1%20--"), m_admin).status, 200);
        QCOMPARE(get(QStringLiteral("/api/v1/customers?q=') OR ('1'='1"), m_admin).status, 200);
        // Everyone is still there.
        const QStringList all = listAll(m_admin);
        for (const QString& id : std::as_const(ids))
            QVERIFY(all.contains(id));
        // Odd ids in the path are just ids nobody has.
        QCOMPARE(get(QStringLiteral("/api/v1/customers/%27%20OR%20%271%27%3D%271"), m_admin).status, 404);
        // NUL characters, which PostgreSQL cannot store, are refused wherever they come.
        QCOMPARE(call("GET", QStringLiteral("/api/v1/customers/%00"), m_admin, {}, true).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/customers?q=a%00b"), m_admin, {}, true).status, 400);
        const QByteArray encodedNul
            = QJsonDocument(QJsonArray {QString(QStringLiteral("a") + QChar(0)), QStringLiteral("b")})
                  .toJson(QJsonDocument::Compact)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(
            get(QStringLiteral("/api/v1/customers?after=") + QString::fromLatin1(encodedNul), m_admin).status, 400);
        Response nul = post(QStringLiteral("/api/v1/customers"), m_admin,
            {{QStringLiteral("name"), QString(QStringLiteral("Nul") + QChar(0) + QStringLiteral("Name"))},
                {QStringLiteral("city"), QString(QStringLiteral("Kota") + QChar(0))},
                {QStringLiteral("notes"), QString(QChar(0))}});
        QCOMPARE(nul.status, 400);
        QCOMPARE(nul.fieldCodes().size(), 3);
        nul = post(QStringLiteral("/api/v1/customers/") + ids.constFirst() + QStringLiteral("/notes"), m_admin,
            {{QStringLiteral("body"), QString(QStringLiteral("a") + QChar(0))}});
        QCOMPARE(nul.status, 400);
        QCOMPARE(get(QStringLiteral("/api/v1/customers/") + QString(5000, u'x'), m_admin).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/customers?q=") + QString(201, u'q'), m_admin).status, 400);
    }

    void anAnonymisedCustomerTakesNoPersonalData()
    {
        const QJsonObject c = createCustomer(m_admin,
            {{QStringLiteral("name"), QStringLiteral("Hadi Terhapus")},
                {QStringLiteral("phone"), QStringLiteral("0816-1111-2222")}});
        const QString id = c.value(QStringLiteral("id")).toString();
        const QString path = QStringLiteral("/api/v1/customers/") + id;
        // The terminal's PrivacyService anonymised them: their fields blanked, the fact recorded.
        SyncOp blank = terminalOp(QStringLiteral("customer"),
            {{QStringLiteral("name"), QStringLiteral("Anonymised")}, {QStringLiteral("phone"), QJsonValue()}}, id);
        blank.action = QStringLiteral("anonymise");
        SyncOp erasure = terminalOp(QStringLiteral("customer_erasure"),
            {{QStringLiteral("kind"), QStringLiteral("anonymise")},
                {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
            id);
        erasure.action = QStringLiteral("anonymise");
        for (const QJsonValue& v : pushAsTerminal({blank, erasure}))
            QCOMPARE(v[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        Response r = get(path, m_admin);
        QCOMPARE(r.value("name").toString(), QStringLiteral("Anonymised"));
        QVERIFY(!r.object().contains(QStringLiteral("phone")));

        r = patch(path, m_admin, {{QStringLiteral("name"), QStringLiteral("Hadi Lagi")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.value("code").toString(), QStringLiteral("anonymised"));
        QCOMPARE(
            post(path + QStringLiteral("/notes"), m_admin, {{QStringLiteral("body"), QStringLiteral("Hadi said hi")}})
                .status,
            409);
        // What is not personal can still change.
        QCOMPARE(patch(path, m_admin, {{QStringLiteral("type"), QStringLiteral("wholesale")}}).status, 200);
        QCOMPARE(get(path, m_admin).value("name").toString(), QStringLiteral("Anonymised"));
    }

    void openApiDescribesEveryRoute()
    {
        // Served without a key.
        const Response r = get(QStringLiteral("/openapi.json"), {});
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.object();
        QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.0")));
        QCOMPARE(
            doc.value(QStringLiteral(
                "components"))[QStringLiteral("securitySchemes")][QStringLiteral("apiKey")][QStringLiteral("scheme")]
                .toString(),
            QStringLiteral("bearer"));
        QVERIFY(doc.value(QStringLiteral("components"))[QStringLiteral("schemas")][QStringLiteral("Error")].isObject());

        // Every operation the router serves is documented, and every documented one is served.
        const QSet<QString> served {QStringLiteral("get /api/v1/customers"), QStringLiteral("post /api/v1/customers"),
            QStringLiteral("get /api/v1/customers/lookup"), QStringLiteral("get /api/v1/customers/{id}"),
            QStringLiteral("patch /api/v1/customers/{id}"), QStringLiteral("delete /api/v1/customers/{id}"),
            QStringLiteral("get /api/v1/customers/{id}/notes"), QStringLiteral("post /api/v1/customers/{id}/notes"),
            QStringLiteral("get /api/v1/customers/{id}/balance"), QStringLiteral("get /api/v1/customers/{id}/history"),
            QStringLiteral("get /api/v1/stats"), QStringLiteral("get /openapi.json")};
        QSet<QString> documented;
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QString someone = createCustomer(m_admin, {{QStringLiteral("name"), QStringLiteral("Documented")}})
                                    .value(QStringLiteral("id"))
                                    .toString();
        for (auto p = paths.constBegin(); p != paths.constEnd(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.constBegin(); m != item.constEnd(); ++m) {
                if (m.key() == u"parameters")
                    continue;
                documented.insert(m.key() + u' ' + p.key());
                QVERIFY(m.value()[QStringLiteral("responses")].isObject());
                // Call it: whatever the answer, it is not "no such route" (404 without a
                // customer, 405).
                QString path = p.key();
                path.replace(QStringLiteral("{id}"), someone);
                const QByteArray body = m.key() == u"post"
                    ? (path.endsWith(QLatin1String("/notes")) ? QByteArray("{\"body\":\"hi\"}")
                                                              : QByteArray("{\"name\":\"Doc\"}"))
                    : m.key() == u"patch" ? QByteArray("{}")
                                          : QByteArray();
                const Response answer = call(m.key().toUpper().toLatin1(),
                    path.endsWith(QLatin1String("lookup")) ? path + QStringLiteral("?phone=0811111111") : path, m_admin,
                    body);
                QVERIFY2(answer.status != 405, qPrintable(p.key()));
                QVERIFY2(answer.status < 300 || path.endsWith(QLatin1String("lookup")), qPrintable(m.key() + p.key()));
            }
        }
        QCOMPARE(documented, served);
    }
};

QTEST_GUILESS_MAIN(TestRestApi)
#include "TestRestApi.moc"
