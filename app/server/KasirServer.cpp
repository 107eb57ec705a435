#include "app/server/KasirServer.h"

#include "app/server/HttpApi.h"
#include "core/domain/Clock.h"
#include "core/sync/ServerStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <csignal>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcServer, "kasir.server")

namespace kasir {

namespace {

SystemClock systemClock;

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
#endif

QString iso(qint64 ms)
{
    return ms <= 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject deviceJson(const ServerStore::Device& d)
{
    QJsonObject o {{QStringLiteral("id"), d.id}, {QStringLiteral("companyId"), d.companyId},
        {QStringLiteral("storeId"), d.storeId}, {QStringLiteral("code"), d.code}, {QStringLiteral("name"), d.name},
        {QStringLiteral("siteId"), static_cast<double>(d.siteId)}, {QStringLiteral("number"), d.number},
        {QStringLiteral("createdAt"), iso(d.createdAt)}, {QStringLiteral("enrolled"), d.enrolled},
        {QStringLiteral("revoked"), d.revokedAt != 0}};
    o.insert(QStringLiteral("lastSeenAt"), d.lastSeenAt > 0 ? QJsonValue(iso(d.lastSeenAt)) : QJsonValue());
    if (d.revokedAt != 0)
        o.insert(QStringLiteral("revokedAt"), iso(d.revokedAt));
    return o;
}

} // namespace

KasirServer::KasirServer() = default;
KasirServer::~KasirServer() = default;

int KasirServer::help()
{
    QTextStream(stdout) << tr(
        "Usage: kasir-server [--db FILE | --pg CONNINFO] [COMMAND]\n"
        "\n"
        "Serve (the default command):\n"
        "  serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]\n"
        "      HOST:PORT defaults to 127.0.0.1:8787; port 0 picks a free one. Prints\n"
        "      {\"listening\":\"HOST:PORT\"} when ready; SIGINT/SIGTERM finish the request in\n"
        "      flight and stop.\n"
        "\n"
        "Administration (JSON lines on stdout, errors as JSON on stderr):\n"
        "  company create --name NAME [--region ID] [--currency IDR]\n"
        "  company list\n"
        "  store create --company ID --code S02 --name NAME\n"
        "  user create --company ID --username NAME --role admin|manager|cashier [--name DISPLAY]\n"
        "      the password is read from KASIR_PASSWORD, or from stdin with --password-stdin\n"
        "  terminal register --store ID [--name NAME] [--token]\n"
        "      prints a one-time enrolment code (valid 24 hours), or a device token with --token\n"
        "  terminal revoke ID\n"
        "  terminal list --company ID\n"
        "  apikey create --user ID\n"
        "      prints a REST API key that acts as the user (shown once; only its hash is kept)\n"
        "  apikey revoke ID\n"
        "  rebuild\n"
        "      makes the customers the REST API reads again from the sync log\n"
        "\n"
        "Storage: --db FILE is a SQLite file (default kasir-server.db in the current folder);\n"
        "--pg \"host=... dbname=... user=...\" is a PostgreSQL database.\n");
    return CliOutput::Ok;
}

int KasirServer::run(const QStringList& arguments)
{
    // --db and --pg go with every command, before or after it (`kasir-server --listen
    // 127.0.0.1:8787 --db FILE` serves); --help and --version stand alone.
    QStringList args;
    const QStringList given = arguments.mid(1);
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QString& option = given[i];
        const QString name = option.startsWith(QLatin1String("--")) ? option.mid(2).section(u'=', 0, 0) : QString();
        if (name == u"help" && args.isEmpty())
            return help();
        if (name == u"version" && args.isEmpty()) {
            QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                                << '\n';
            return CliOutput::Ok;
        }
        if (name != u"db" && name != u"pg") {
            args << option;
            continue;
        }
        QString value;
        if (const qsizetype eq = option.indexOf(u'='); eq > 0)
            value = option.mid(eq + 1);
        else if (i + 1 < given.size())
            value = given[++i];
        else
            return m_out.failInvalid(name, tr("--%1 needs a value").arg(name));
        (name == u"db" ? m_dbPath : m_pg) = value;
    }
    if (!m_dbPath.isEmpty() && !m_pg.isEmpty())
        return m_out.failInvalid(QStringLiteral("pg"), tr("give either --db or --pg, not both"));
    if (m_dbPath.isEmpty() && m_pg.isEmpty())
        m_dbPath = QStringLiteral("kasir-server.db");
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        return serve(args);
    const QString command = args.takeFirst();
    if (command == u"serve")
        return serve(args);
    if (command == u"help")
        return help();
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (command == u"company")
        return company(verb, args);
    if (command == u"store")
        return store(verb, args);
    if (command == u"user")
        return user(verb, args);
    if (command == u"terminal")
        return terminal(verb, args);
    if (command == u"apikey")
        return apikey(verb, args);
    if (command == u"rebuild") {
        QCommandLineParser parser;
        int code = CliOutput::Ok;
        if (!verb.isEmpty())
            return m_out.failInvalid(QStringLiteral("arguments"), tr("unexpected argument \"%1\"").arg(verb.left(64)));
        if (!parse(parser, args, 0, code) || !open(code))
            return code;
        if (Status s = m_store->rebuildProjection(); !s)
            return m_out.fail(s.error());
        m_out.line({{QStringLiteral("rebuilt"), true}});
        return CliOutput::Ok;
    }
    return m_out.failInvalid(
        QStringLiteral("command"), tr("unknown command \"%1\"; see kasir-server --help").arg(command.left(64)));
}

bool KasirServer::open(int& exitCode)
{
    auto store = m_pg.isEmpty() ? ServerStore::openSqlite(m_dbPath, systemClock)
                                : ServerStore::openPostgres(m_pg, systemClock);
    if (!store) {
        exitCode = m_out.fail(store.error());
        return false;
    }
    m_store = std::move(store).value();
    return true;
}

bool KasirServer::parse(QCommandLineParser& parser, const QStringList& args, int positional, int& exitCode)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList {QStringLiteral("kasir-server")} + args)) {
        const QString unknown = parser.unknownOptionNames().value(0);
        exitCode = m_out.failInvalid(unknown.isEmpty() ? QStringLiteral("arguments") : unknown, parser.errorText());
        return false;
    }
    const QStringList rest = parser.positionalArguments();
    if (rest.size() != positional) {
        exitCode = m_out.failInvalid(QStringLiteral("arguments"),
            rest.size() < positional ? tr("an argument is missing")
                                     : tr("unexpected argument \"%1\"").arg(rest.value(positional).left(64)));
        return false;
    }
    return true;
}

namespace {

// Reads required options; an absent one is named in the error.
bool required(CliOutput& out, const QCommandLineParser& parser, const QStringList& names, int& exitCode)
{
    QList<FieldError> missing;
    for (const QString& n : names) {
        if (parser.value(n).trimmed().isEmpty())
            missing << FieldError {n, QStringLiteral("required"), KasirServer::tr("is required")};
    }
    if (missing.isEmpty())
        return true;
    exitCode = out.fail(Error::invalid(missing));
    return false;
}

} // namespace

int KasirServer::company(const QString& verb, const QStringList& args)
{
    QCommandLineParser parser;
    int code = CliOutput::Ok;
    if (verb == u"create") {
        parser.addOptions({{QStringLiteral("name"), QString(), QStringLiteral("name")},
            {QStringLiteral("region"), QString(), QStringLiteral("region"), QStringLiteral("ID")},
            {QStringLiteral("currency"), QString(), QStringLiteral("currency"), QStringLiteral("IDR")}});
        if (!parse(parser, args, 0, code) || !required(m_out, parser, {QStringLiteral("name")}, code) || !open(code))
            return code;
        auto c = m_store->createCompany(parser.value(QStringLiteral("name")), parser.value(QStringLiteral("region")),
            parser.value(QStringLiteral("currency")));
        if (!c)
            return m_out.fail(c.error());
        m_out.line({{QStringLiteral("id"), c->id}, {QStringLiteral("name"), c->name},
            {QStringLiteral("region"), c->defaultRegion}, {QStringLiteral("currency"), c->currency}});
        return CliOutput::Ok;
    }
    if (verb == u"list") {
        if (!parse(parser, args, 0, code) || !open(code))
            return code;
        auto list = m_store->companies();
        if (!list)
            return m_out.fail(list.error());
        for (const Company& c : std::as_const(*list))
            m_out.line({{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name},
                {QStringLiteral("region"), c.defaultRegion}, {QStringLiteral("currency"), c.currency}});
        return CliOutput::Ok;
    }
    return m_out.failInvalid(QStringLiteral("verb"), tr("company takes create or list"));
}

int KasirServer::store(const QString& verb, const QStringList& args)
{
    if (verb != u"create")
        return m_out.failInvalid(QStringLiteral("verb"), tr("store takes create"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("company"), QString(), QStringLiteral("id")},
        {QStringLiteral("code"), QString(), QStringLiteral("code")},
        {QStringLiteral("name"), QString(), QStringLiteral("name")}});
    int code = CliOutput::Ok;
    if (!parse(parser, args, 0, code)
        || !required(m_out, parser, {QStringLiteral("company"), QStringLiteral("code"), QStringLiteral("name")}, code)
        || !open(code))
        return code;
    auto s = m_store->createStore(parser.value(QStringLiteral("company")), parser.value(QStringLiteral("code")),
        parser.value(QStringLiteral("name")));
    if (!s)
        return m_out.fail(s.error());
    m_out.line({{QStringLiteral("id"), s->id}, {QStringLiteral("companyId"), s->companyId},
        {QStringLiteral("code"), s->code}, {QStringLiteral("name"), s->name}});
    return CliOutput::Ok;
}

int KasirServer::user(const QString& verb, const QStringList& args)
{
    if (verb != u"create")
        return m_out.failInvalid(QStringLiteral("verb"), tr("user takes create"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("company"), QString(), QStringLiteral("id")},
        {QStringLiteral("username"), QString(), QStringLiteral("name")},
        {QStringLiteral("name"), QString(), QStringLiteral("display name")},
        {QStringLiteral("role"), QString(), QStringLiteral("role")}, {QStringLiteral("password-stdin"), QString()}});
    int code = CliOutput::Ok;
    if (!parse(parser, args, 0, code)
        || !required(
            m_out, parser, {QStringLiteral("company"), QStringLiteral("username"), QStringLiteral("role")}, code))
        return code;
    const auto role = Roles::parse(parser.value(QStringLiteral("role")));
    if (!role)
        return m_out.failInvalid(QStringLiteral("role"), tr("must be admin, manager or cashier"));
    const QString password = parser.isSet(QStringLiteral("password-stdin")) ? QTextStream(stdin).readLine()
                                                                            : qEnvironmentVariable("KASIR_PASSWORD");
    if (!open(code))
        return code;
    auto u = m_store->createUser(parser.value(QStringLiteral("company")), parser.value(QStringLiteral("username")),
        parser.value(QStringLiteral("name")), *role, password);
    if (!u)
        return m_out.fail(u.error());
    m_out.line({{QStringLiteral("id"), u->id}, {QStringLiteral("companyId"), u->companyId},
        {QStringLiteral("username"), u->username}, {QStringLiteral("displayName"), u->displayName},
        {QStringLiteral("role"), Roles::toString(u->role)}});
    return CliOutput::Ok;
}

int KasirServer::terminal(const QString& verb, const QStringList& args)
{
    QCommandLineParser parser;
    int code = CliOutput::Ok;
    if (verb == u"register") {
        parser.addOptions({{QStringLiteral("store"), QString(), QStringLiteral("id")},
            {QStringLiteral("name"), QString(), QStringLiteral("name")}, {QStringLiteral("token"), QString()}});
        if (!parse(parser, args, 0, code) || !required(m_out, parser, {QStringLiteral("store")}, code) || !open(code))
            return code;
        auto r = m_store->registerTerminal(parser.value(QStringLiteral("store")), parser.value(QStringLiteral("name")),
            parser.isSet(QStringLiteral("token")));
        if (!r)
            return m_out.fail(r.error());
        QJsonObject o = deviceJson(r->device);
        if (!r->token.isEmpty())
            o.insert(QStringLiteral("token"), r->token);
        else
            o.insert(QStringLiteral("enrolmentCode"), r->enrolmentCode);
        m_out.line(o);
        return CliOutput::Ok;
    }
    if (verb == u"revoke") {
        if (!parse(parser, args, 1, code) || !open(code))
            return code;
        const QString id = parser.positionalArguments().constFirst();
        if (Status s = m_store->revokeTerminal(id); !s)
            return m_out.fail(s.error());
        m_out.line({{QStringLiteral("id"), id}, {QStringLiteral("revoked"), true}});
        return CliOutput::Ok;
    }
    if (verb == u"list") {
        parser.addOption({QStringLiteral("company"), QString(), QStringLiteral("id")});
        if (!parse(parser, args, 0, code) || !required(m_out, parser, {QStringLiteral("company")}, code) || !open(code))
            return code;
        auto list = m_store->terminals(parser.value(QStringLiteral("company")));
        if (!list)
            return m_out.fail(list.error());
        for (const auto& d : std::as_const(*list))
            m_out.line(deviceJson(d));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(QStringLiteral("verb"), tr("terminal takes register, revoke or list"));
}

int KasirServer::apikey(const QString& verb, const QStringList& args)
{
    QCommandLineParser parser;
    int code = CliOutput::Ok;
    if (verb == u"create") {
        parser.addOption({QStringLiteral("user"), QString(), QStringLiteral("id")});
        if (!parse(parser, args, 0, code) || !required(m_out, parser, {QStringLiteral("user")}, code) || !open(code))
            return code;
        auto k = m_store->createApiKey(parser.value(QStringLiteral("user")));
        if (!k)
            return m_out.fail(k.error());
        m_out.line(
            {{QStringLiteral("id"), k->id}, {QStringLiteral("key"), k->key}, {QStringLiteral("userId"), k->user.id},
                {QStringLiteral("username"), k->user.username}, {QStringLiteral("role"), Roles::toString(k->user.role)},
                {QStringLiteral("companyId"), k->user.companyId}, {QStringLiteral("createdAt"), iso(k->createdAt)}});
        return CliOutput::Ok;
    }
    if (verb == u"revoke") {
        if (!parse(parser, args, 1, code) || !open(code))
            return code;
        const QString id = parser.positionalArguments().constFirst();
        if (Status s = m_store->revokeApiKey(id); !s)
            return m_out.fail(s.error());
        m_out.line({{QStringLiteral("id"), id}, {QStringLiteral("revoked"), true}});
        return CliOutput::Ok;
    }
    return m_out.failInvalid(QStringLiteral("verb"), tr("apikey takes create or revoke"));
}

int KasirServer::serve(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("listen"), QString(), QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8787")},
            {QStringLiteral("tls-cert"), QString(), QStringLiteral("file")},
            {QStringLiteral("tls-key"), QString(), QStringLiteral("file")}});
    int code = CliOutput::Ok;
    if (!parse(parser, args, 0, code))
        return code;
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    QHostAddress address(colon > 0 ? listen.left(colon).remove(u'[').remove(u']') : QString());
    if (colon > 0 && listen.left(colon) == u"localhost")
        address = QHostAddress::LocalHost;
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        return m_out.failInvalid(QStringLiteral("listen"),
            tr("must be HOST:PORT with an IP address, such as 127.0.0.1:8787 or 0.0.0.0:8787"));
    const QString certFile = parser.value(QStringLiteral("tls-cert"));
    const QString keyFile = parser.value(QStringLiteral("tls-key"));
    if (certFile.isEmpty() != keyFile.isEmpty())
        return m_out.failInvalid(certFile.isEmpty() ? QStringLiteral("tls-cert") : QStringLiteral("tls-key"),
            tr("TLS needs both --tls-cert and --tls-key"));
    if (!open(code))
        return code;

    HttpApi api(*m_store);
    if (!certFile.isEmpty()) {
        QFile cert(certFile);
        QFile key(keyFile);
        if (!cert.open(QIODevice::ReadOnly))
            return m_out.failInvalid(QStringLiteral("tls-cert"), tr("cannot read %1").arg(certFile));
        if (!key.open(QIODevice::ReadOnly))
            return m_out.failInvalid(QStringLiteral("tls-key"), tr("cannot read %1").arg(keyFile));
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&cert, QSsl::Pem);
        QSslKey privateKey(&key, QSsl::Rsa, QSsl::Pem);
        if (privateKey.isNull()) {
            key.seek(0);
            privateKey = QSslKey(&key, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty())
            return m_out.failInvalid(QStringLiteral("tls-cert"), tr("%1 holds no PEM certificate").arg(certFile));
        if (privateKey.isNull())
            return m_out.failInvalid(QStringLiteral("tls-key"), tr("%1 holds no PEM RSA or EC key").arg(keyFile));
        // The whole chain, so that clients can verify a certificate from a public authority.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(privateKey);
        api.sslSetup(tls);
    }
    const quint16 bound = api.listen(address, static_cast<quint16>(port));
    if (bound == 0)
        return m_out.fail(Error::other(QStringLiteral("listen"), tr("cannot listen on %1").arg(listen)));

#ifdef Q_OS_UNIX
    // A signal only writes a byte; the event loop reads it after the request it is handling,
    // so the transaction in flight always ends first.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &api);
        QObject::connect(notifier, &QSocketNotifier::activated, &api, [&api, notifier] {
            char byte = 0;
            [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
            notifier->setEnabled(false);
            qCInfo(lcServer) << "signal" << int(byte) << "received; stopping";
            // The request being handled when the signal came has been answered (its
            // transaction committed) before this runs. Then: serve what is still arriving or
            // waiting to be accepted until every connection has been quiet for a few ticks,
            // stop listening, let the last answers leave the socket buffers, and quit; at
            // most five seconds in all.
            auto* flush = new QTimer(&api);
            auto* waited = new QElapsedTimer;
            waited->start();
            auto quiet = std::make_shared<int>(0);
            auto listening = std::make_shared<bool>(true);
            QObject::connect(flush, &QTimer::timeout, &api, [&api, flush, waited, quiet, listening] {
                bool busy = false;
                for (QTcpServer* server : api.servers())
                    busy = busy || (server->isListening() && server->hasPendingConnections());
                for (QTcpSocket* socket : api.findChildren<QTcpSocket*>()) {
                    busy = busy
                        || (socket->state() == QAbstractSocket::ConnectedState
                            && (socket->bytesToWrite() > 0 || socket->bytesAvailable() > 0));
                }
                *quiet = busy ? 0 : *quiet + 1;
                if (*quiet < 5 && waited->elapsed() < 5000)
                    return;
                if (*listening && waited->elapsed() < 5000) {
                    for (QTcpServer* server : api.servers())
                        server->close();
                    *listening = false;
                    *quiet = 0;
                    return;
                }
                flush->stop();
                delete waited;
                QCoreApplication::quit();
            });
            flush->start(10);
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }
#endif
    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    m_out.line({{QStringLiteral("listening"), QStringLiteral("%1:%2").arg(shownHost).arg(bound)},
        {QStringLiteral("storage"), m_store->describe()}, {QStringLiteral("tls"), !certFile.isEmpty()}});
    qCInfo(lcServer).noquote() << "listening on" << shownHost << bound << "storage" << m_store->describe();
    const int result = QCoreApplication::exec();
    qCInfo(lcServer) << "stopped";
    return result;
}

} // namespace kasir
