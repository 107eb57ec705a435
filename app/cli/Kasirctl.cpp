#include "app/cli/Kasirctl.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerJson.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/DemoData.h"
#include "core/services/SetupService.h"
#include "core/services/UserService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <functional>

namespace kasir {

namespace {

struct TextField
{
    const char* flag;
    const char* field;
    std::optional<QString> CustomerInput::*member;
};

const TextField kTextFields[] = {
    {"name", "name", &CustomerInput::name},
    {"phone", "phone", &CustomerInput::phone},
    {"whatsapp", "whatsapp", &CustomerInput::whatsapp},
    {"email", "email", &CustomerInput::email},
    {"address", "address", &CustomerInput::address},
    {"city", "city", &CustomerInput::city},
    {"province", "province", &CustomerInput::province},
    {"postal-code", "postalCode", &CustomerInput::postalCode},
    {"type", "type", &CustomerInput::type},
    {"status", "status", &CustomerInput::status},
    {"level", "level", &CustomerInput::level},
    {"discount-override", "discountOverride", &CustomerInput::discountOverride},
    {"birth-date", "birthDate", &CustomerInput::birthDate},
    {"gender", "gender", &CustomerInput::gender},
    {"notes", "notes", &CustomerInput::notes},
};

struct BoolField
{
    const char* flag;
    const char* field;
    std::optional<bool> CustomerInput::*member;
};

const BoolField kBoolFields[] = {
    {"prefer-sms", "preferSms", &CustomerInput::preferSms},
    {"prefer-email", "preferEmail", &CustomerInput::preferEmail},
    {"prefer-call", "preferCall", &CustomerInput::preferCall},
    {"prefer-whatsapp", "preferWhatsapp", &CustomerInput::preferWhatsapp},
    {"do-not-contact", "doNotContact", &CustomerInput::doNotContact},
};

std::optional<bool> parseBool(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"1" || t == u"on")
        return true;
    if (t == u"false" || t == u"no" || t == u"0" || t == u"off")
        return false;
    return std::nullopt;
}

QString generatedPassword()
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString out;
    for (int i = 0; i < 16; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

QJsonObject userJson(const User& u)
{
    return QJsonObject {{QStringLiteral("id"), u.id}, {QStringLiteral("username"), u.username},
        {QStringLiteral("displayName"), u.displayName}, {QStringLiteral("role"), Roles::toString(u.role)},
        {QStringLiteral("active"), u.active}};
}

} // namespace

Kasirctl::Kasirctl() = default;
Kasirctl::~Kasirctl() = default;

int Kasirctl::help()
{
    QTextStream out(stdout);
    out << tr("Usage: kasirctl [--db FILE] [--user NAME [--password-stdin]] COMMAND [options]\n"
              "       kasirctl --help | --version\n"
              "\n"
              "Commands:\n"
              "  init --company NAME [--region ID] [--currency IDR] [--store NAME] [--terminal NAME]\n"
              "       [--admin-user admin] [--admin-password PW]   set up this database as a terminal\n"
              "  customer add --name NAME [--phone P] [field options]   register a customer\n"
              "  customer get ID|CODE                                   show one customer\n"
              "  customer find PHONE                                    find by phone, any written form\n"
              "  customer search [--q TEXT] [--type T] [--status S] [--level L]\n"
              "       [--created-from DATE] [--created-to DATE] [--sort name|created|updated] [--desc]\n"
              "       [--tag NAME ...] [--tags-match any|all]           customers with any (or all) of the tags\n"
              "       [--balance credit|debt|zero] [--credit-min N] [--credit-max N]   store credit (debt < 0)\n"
              "       [--member true|false]                             membership active (member or vip)\n"
              "       [--last-visit-from DATE] [--last-visit-to DATE]   last purchase, UTC days, inclusive\n"
              "       [--spent-min N] [--spent-max N]                   total spent; amounts in the smallest unit\n"
              "       [--frequency none|one_time|occasional|regular|frequent ...]   any of these\n"
              "       [--has-sales true|false]\n"
              "       [--segment NAME[,NAME...]]                        RFM segment, any of: champions, loyal,\n"
              "                                                         potential, new, at_risk, hibernating,\n"
              "                                                         lost, none (not ranked)\n"
              "       [--limit N] [--after CURSOR] [--page-info]        one customer per line\n"
              "  customer update ID|CODE [field options]                change fields (\"\" clears)\n"
              "  customer deactivate|reactivate|delete ID|CODE\n"
              "  customer metrics ID|CODE                               purchases, spending, frequency, balances,\n"
              "                                                         monthly spending and top products\n"
              "  note add ID|CODE --kind K --text T                     K: personal, preference, issue, feedback\n"
              "  note list ID|CODE [--limit N] [--before NOTE]          newest first; a last line {\"next\"} when\n"
              "                                                         more follow (pass it as --before)\n"
              "  note delete NOTE                                       by its author, a manager or an admin\n"
              "  tag add ID|CODE NAME [--color #rrggbb]                 tag a customer (a new tag: managers only)\n"
              "  tag remove ID|CODE NAME                                take the tag off\n"
              "  tag popular [--limit N]                                tags with their customer counts\n"
              "  tag list | tag of ID|CODE                              every tag, or one customer's\n"
              "  contact add ID|CODE --kind whatsapp|email|phone --value V [--label L] [--primary]\n"
              "                                                         another contact; the first of a kind is\n"
              "                                                         the primary one, --primary moves the mark\n"
              "  contact list ID|CODE                                   the customer's contacts, primary first\n"
              "  contact update CONTACT_ID [--label L] [--primary]      relabel, or make it the primary one\n"
              "  contact remove CONTACT_ID\n"
              "  prefs ID|CODE                                          preferences, consent, favourite products\n"
              "  prefs ID|CODE [--preferred-payment cash|card|mobile_money|store_credit]\n"
              "       [--best-contact-time morning|afternoon|evening|anytime] [--offers true|false]\n"
              "       [--loyalty true|false] [--do-not-contact true|false]   change them (\"\" clears a choice)\n"
              "  privacy export ID|CODE [--out FILE]                    everything stored about the customer as one\n"
              "                                                         JSON document (managers; recorded)\n"
              "  privacy anonymise ID|CODE --reason R --yes             erase their personal data, keep sales,\n"
              "                                                         ledgers and figures (admins; for good)\n"
              "  privacy delete ID|CODE [--reason R]                    delete a customer without sales or ledger\n"
              "                                                         entries, with their personal data (admins)\n"
              "  bulk [search filters | --ids ID,CODE,...]              one change to every customer selected by\n"
              "       --set-type T | --set-status S | --add-tag NAME    customer search's filters, or named;\n"
              "       | --remove-tag NAME | --membership on|off         exactly one action, each change audited;\n"
              "       [--dry-run] [--progress]                          prints a summary; --dry-run only counts\n"
              "                                                         (managers and admins)\n"
              "  segment ID|CODE                                        RFM scores (recency, frequency, monetary,\n"
              "                                                         1-5 by quintile) and segment of a customer\n"
              "  segment recompute                                      rank every customer again (managers): the\n"
              "                                                         customers per segment and the time taken\n"
              "  segment counts                                         customers per segment (none: not ranked)\n"
              "  user add --username U --role admin|manager|cashier [--display-name N]\n"
              "       (the new password from $KASIR_NEW_PASSWORD, else on stdin)\n"
              "  user list\n"
              "  product add --sku SKU --name NAME --price AMOUNT         add to the catalogue\n"
              "  product update SKU [--name N] [--price AMOUNT] [--active true|false]\n"
              "  product list [--all]                                    one product per line\n"
              "  sale --customer ID|CODE | --phone P | --walk-in [--name N] [--phone P]\n"
              "       --item SKU:QTY [--item ...] --pay METHOD:AMOUNT [--pay ...] [--override REASON]\n"
              "                                                         complete a sale; METHOD is cash, card,\n"
              "                                                         mobile_money, store_credit or points\n"
              "  refund ORDER --reason R                                refund a whole sale\n"
              "  points ID|CODE [--history] [--adjust N --reason R]     points balance, entries, adjustment\n"
              "  points expire [--as-of DATE]                           take away every customer's points older than\n"
              "                                                         the rules' --points-expire-days (0: never)\n"
              "  credit ID|CODE [--add N [--kind K] | --debit N [--override R]] --reason R [--reference X]\n"
              "  credit ID|CODE --limit N                               the most debt allowed (0: none)\n"
              "  credit history ID|CODE                                 store-credit entries with balances\n"
              "  activity ID|CODE [--limit N] [--before ID]             who changed what about a customer, newest\n"
              "                                                         first (managers)\n"
              "  walk-ins PHONE                                         anonymous sales that noted this phone\n"
              "  link ID|CODE [--order ORDER ...]                       count those walk-in sales (all, or the\n"
              "                                                         orders named) towards the customer\n"
              "  rebuild                                                make every customer's figures again\n"
              "                                                         from sales and ledgers\n"
              "  check [--limit N]                                      compare the figures with the facts\n"
              "                                                         (exit 1 and one line per difference)\n"
              "  stats [--churn-days N] [--json [--limit N]]            the dashboard: customers, revenue, debt,\n"
              "                                                         frequencies, churn (N days, 90); --json\n"
              "                                                         adds top, recent customers and 12 months\n"
              "  top [--by revenue|sales|balance] [--limit N]           the best customers by that figure\n"
              "  repeat [--min N] [--limit N] [--after CURSOR]          customers with N purchases or more (2),\n"
              "                                                         most first; a last line {\"next\"} when\n"
              "                                                         more follow (pass it as --after)\n"
              "  rules show | rules set [--silver-from N] [--gold-discount BP] [--tiers-can-drop true|false]\n"
              "       [--points-expire-days DAYS] ...                   new thresholds place every customer again\n"
              "  demo --customers N [--seed S] [--progress]             add realistic demo customers (one write:\n"
              "                                                         all or none; --progress reports on stderr;\n"
              "                                                         an empty file first gets a demo company with\n"
              "                                                         the logins admin, manager and kasir)\n"
              "  sync enrol --server URL --code CODE                    make this empty database a terminal of the\n"
              "                                                         server's company, and download it\n"
              "  sync --once                                            push the changes made here, pull the\n"
              "                                                         others'; prints what moved\n"
              "  sync [--interval SECONDS]                              keep syncing: after each change, every\n"
              "                                                         SECONDS (60), and retrying with backoff\n"
              "  sync status                                            server, pending changes, last sync\n"
              "\n"
              "Field options: --name --phone --whatsapp --email --address --city --province --postal-code\n"
              "  --type walk-in|member|vip|wholesale --status active|inactive|blocked\n"
              "  --level Bronze|Silver|Gold|Platinum --discount-override PERCENT --birth-date YYYY-MM-DD\n"
              "  --gender male|female|other --notes TEXT\n"
              "  --prefer-sms --prefer-email --prefer-call --prefer-whatsapp --do-not-contact true|false\n"
              "\n"
              "The database is --db, else $KASIR_DB, else the per-user data folder.\n"
              "The password of --user is read from stdin with --password-stdin, else from $KASIR_PASSWORD.\n"
              "Output is JSON; errors go to stderr as {\"error\", \"code\", \"field\"}.\n"
              "Amounts are whole numbers of the currency's minor unit (15000 for Rp 15.000).\n"
              "Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 conflict, 5 permission denied.\n");
    return CliOutput::Ok;
}

int Kasirctl::run(const QStringList& arguments)
{
    // Global options come before the command.
    QStringList args = arguments.mid(1);
    m_dbPath = qEnvironmentVariable("KASIR_DB");
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        auto value = [&](const QString& name) -> std::optional<QString> {
            const qsizetype eq = option.indexOf(u'=');
            if (eq > 0)
                return option.mid(eq + 1);
            if (args.isEmpty()) {
                m_out.failInvalid(name, tr("--%1 needs a value").arg(name));
                return std::nullopt;
            }
            return args.takeFirst();
        };
        const QString name = option.mid(2).section(u'=', 0, 0);
        if (name == u"db") {
            auto v = value(QStringLiteral("db"));
            if (!v)
                return CliOutput::InvalidInput;
            m_dbPath = *v;
        } else if (name == u"user") {
            auto v = value(QStringLiteral("user"));
            if (!v)
                return CliOutput::InvalidInput;
            m_username = *v;
        } else if (name == u"password-stdin") {
            m_passwordStdin = true;
        } else if (name == u"help") {
            return help();
        } else if (name == u"version") {
            QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                                << '\n';
            return CliOutput::Ok;
        } else {
            return m_out.failInvalid(name, tr("unknown option --%1; see kasirctl --help").arg(name));
        }
    }
    if (m_dbPath.isEmpty())
        m_dbPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/kasir.db");
    if (args.isEmpty() || args.first() == u"help")
        return help();

    const QString command = args.takeFirst();
    if (command == u"init")
        return init(args);
    if (command == u"demo")
        return demo(args);
    if (command == u"sale")
        return sale(args);
    if (command == u"refund")
        return refund(args);
    if (command == u"points")
        return points(args);
    if (command == u"credit")
        return credit(args);
    if (command == u"rebuild")
        return rebuild(args);
    if (command == u"check")
        return check(args);
    if (command == u"walk-ins")
        return walkIns(args);
    if (command == u"link")
        return link(args);
    if (command == u"activity")
        return activity(args);
    if (command == u"stats")
        return stats(args);
    if (command == u"top")
        return top(args);
    if (command == u"repeat")
        return repeat(args);
    if (command == u"prefs")
        return prefs(args);
    if (command == u"privacy")
        return privacy(args);
    if (command == u"bulk")
        return bulk(args);
    if (command == u"segment")
        return segment(args);
    if (command == u"sync")
        return sync(args);
    if (command == u"customer" || command == u"user" || command == u"product" || command == u"rules"
        || command == u"note" || command == u"tag" || command == u"contact") {
        if (args.isEmpty())
            return m_out.failInvalid(
                QStringLiteral("command"), tr("%1 needs a verb; see kasirctl --help").arg(command));
        const QString verb = args.takeFirst();
        if (command == u"product")
            return product(verb, args);
        if (command == u"rules")
            return rules(verb, args);
        if (command == u"note")
            return note(verb, args);
        if (command == u"tag")
            return tag(verb, args);
        if (command == u"contact")
            return contact(verb, args);
        return command == u"customer" ? customer(verb, args) : user(verb, args);
    }
    return m_out.failInvalid(QStringLiteral("command"), tr("unknown command \"%1\"; see kasirctl --help").arg(command));
}

bool Kasirctl::openDatabase(int& exitCode)
{
    auto db = Database::open(m_dbPath, SystemClock::instance());
    if (!db) {
        exitCode = m_out.fail(db.error());
        return false;
    }
    m_db = std::move(db).value();
    return true;
}

std::optional<qint64> Kasirctl::parseTime(const QString& text, bool endOfDay)
{
    const QString t = text.trimmed();
    if (t.size() == 10) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(endOfDay ? d.addDays(1) : d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

QString Kasirctl::readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

bool Kasirctl::resolveActor(int& exitCode)
{
    SetupService setup(*m_db);
    auto company = setup.currentCompany();
    if (!company) {
        exitCode = m_out.fail(company.error());
        return false;
    }
    if (!m_username.isEmpty()) {
        const QString password = m_passwordStdin ? readPasswordFromStdin() : qEnvironmentVariable("KASIR_PASSWORD");
        auto user = UserService::authenticate(*m_db, company->id, m_username, password);
        if (!user) {
            exitCode = m_out.fail(user.error());
            return false;
        }
        m_actor = user->actor();
        return true;
    }
    auto admin = TenancyRepository(*m_db).firstAdmin(company->id);
    if (!admin) {
        exitCode = m_out.fail(admin.error());
        return false;
    }
    if (!admin->has_value()) {
        exitCode = m_out.fail(Error::notFound(tr("the company has no active administrator; use --user")));
        return false;
    }
    m_actor = (*admin)->actor();
    return true;
}

bool Kasirctl::parse(
    QCommandLineParser& parser, const QStringList& args, int positional, const QString& positionalName, int& exitCode)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList {QStringLiteral("kasirctl")} + args)) {
        QString unknown = parser.unknownOptionNames().value(0);
        exitCode = m_out.failInvalid(unknown.isEmpty() ? QStringLiteral("arguments") : unknown, parser.errorText());
        return false;
    }
    const QStringList rest = parser.positionalArguments();
    if (rest.size() < positional) {
        exitCode = m_out.fail(Error::invalidField(positionalName, QStringLiteral("required"), tr("is required")));
        return false;
    }
    if (rest.size() > positional) {
        exitCode = m_out.failInvalid(
            QStringLiteral("arguments"), tr("unexpected argument \"%1\"").arg(rest.value(positional).left(64)));
        return false;
    }
    return true;
}

void Kasirctl::addCustomerFieldOptions(QCommandLineParser& parser)
{
    for (const TextField& f : kTextFields)
        parser.addOption(QCommandLineOption(QLatin1String(f.flag), QString(), QStringLiteral("value")));
    for (const BoolField& f : kBoolFields)
        parser.addOption(QCommandLineOption(QLatin1String(f.flag), QString(), QStringLiteral("true|false")));
}

bool Kasirctl::readCustomerInput(const QCommandLineParser& parser, CustomerInput& input, int& exitCode)
{
    for (const TextField& f : kTextFields) {
        if (parser.isSet(QLatin1String(f.flag)))
            input.*(f.member) = parser.value(QLatin1String(f.flag));
    }
    QList<FieldError> errors;
    for (const BoolField& f : kBoolFields) {
        if (!parser.isSet(QLatin1String(f.flag)))
            continue;
        if (auto b = parseBool(parser.value(QLatin1String(f.flag))))
            input.*(f.member) = *b;
        else
            errors << FieldError {
                QLatin1String(f.field), QStringLiteral("invalid_boolean"), tr("must be true or false")};
    }
    if (!errors.isEmpty()) {
        exitCode = m_out.fail(Error::invalid(errors));
        return false;
    }
    return true;
}

int Kasirctl::init(const QStringList& args)
{
    QCommandLineParser p;
    for (const char* name : {"company", "region", "currency", "store", "terminal", "admin-user", "admin-password"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    if (!p.isSet(QStringLiteral("company")))
        return m_out.fail(
            Error::invalidField(QStringLiteral("company"), QStringLiteral("required"), tr("is required")));
    if (!openDatabase(code))
        return code;
    SetupService::Request r;
    r.companyName = p.value(QStringLiteral("company"));
    if (p.isSet(QStringLiteral("region")))
        r.region = p.value(QStringLiteral("region"));
    if (p.isSet(QStringLiteral("currency")))
        r.currency = p.value(QStringLiteral("currency"));
    r.storeName = p.value(QStringLiteral("store"));
    r.terminalName = p.value(QStringLiteral("terminal"));
    if (p.isSet(QStringLiteral("admin-user")))
        r.adminUsername = p.value(QStringLiteral("admin-user"));
    QString password = p.value(QStringLiteral("admin-password"));
    if (password.isEmpty())
        password = qEnvironmentVariable("KASIR_ADMIN_PASSWORD");
    const bool generated = password.isEmpty();
    r.adminPassword = generated ? generatedPassword() : password;
    auto outcome = SetupService(*m_db).initialise(r);
    if (!outcome)
        return m_out.fail(outcome.error());
    QJsonObject o {
        {QStringLiteral("company"),
            QJsonObject {{QStringLiteral("id"), outcome->company.id}, {QStringLiteral("name"), outcome->company.name},
                {QStringLiteral("region"), outcome->company.defaultRegion},
                {QStringLiteral("currency"), outcome->company.currency}}},
        {QStringLiteral("store"),
            QJsonObject {{QStringLiteral("id"), outcome->store.id}, {QStringLiteral("name"), outcome->store.name}}},
        {QStringLiteral("terminal"),
            QJsonObject {{QStringLiteral("id"), outcome->terminal.id}, {QStringLiteral("name"), outcome->terminal.name},
                {QStringLiteral("siteId"), static_cast<qint64>(outcome->terminal.siteId)}}},
        {QStringLiteral("admin"), userJson(outcome->admin)},
        {QStringLiteral("db"), m_db->path()},
    };
    // Shown once: the only copy of a generated password.
    if (generated)
        o.insert(QStringLiteral("adminPassword"), r.adminPassword);
    m_out.line(o);
    return CliOutput::Ok;
}

int Kasirctl::demo(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("customers"), QString(), QStringLiteral("N")));
    p.addOption(QCommandLineOption(QStringLiteral("seed"), QString(), QStringLiteral("S")));
    p.addOption(QCommandLineOption(QStringLiteral("progress")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;
    bool ok = false;
    const qint64 count = p.value(QStringLiteral("customers")).toLongLong(&ok);
    if (!p.isSet(QStringLiteral("customers")) || !ok || count < 0 || count > 10'000'000)
        return m_out.fail(Error::invalidField(QStringLiteral("customers"), QStringLiteral("out_of_range"),
            tr("must be a whole number from 0 to 10000000")));
    quint64 seed = 1;
    if (p.isSet(QStringLiteral("seed"))) {
        seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return m_out.fail(Error::invalidField(
                QStringLiteral("seed"), QStringLiteral("invalid_number"), tr("must be a whole number")));
    }
    if (!openDatabase(code))
        return code;
    auto admin = DemoData::ensureCompany(*m_db);
    if (!admin)
        return m_out.fail(admin.error());
    m_actor = *admin;
    if (!m_username.isEmpty() && !resolveActor(code))
        return code;
    QElapsedTimer timer;
    timer.start();
    std::function<void(qint64)> progress;
    if (p.isSet(QStringLiteral("progress"))) {
        progress = [this, count](qint64 done) {
            m_out.progress(QJsonObject {{QStringLiteral("written"), done}, {QStringLiteral("customers"), count}});
        };
    }
    auto written = DemoData::generate(*m_db, m_actor, count, seed, progress);
    if (!written)
        return m_out.fail(written.error());
    m_out.line(QJsonObject {{QStringLiteral("customers"), *written}, {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("seconds"), static_cast<double>(timer.elapsed()) / 1000.0},
        {QStringLiteral("db"), m_db->path()}});
    return CliOutput::Ok;
}

int Kasirctl::customer(const QString& verb, const QStringList& args)
{
    if (verb == u"add")
        return customerAdd(args);
    if (verb == u"update")
        return customerUpdate(args);
    if (verb == u"search")
        return customerSearch(args);
    if (verb == u"metrics")
        return customerMetrics(args);
    if (verb == u"get" || verb == u"find" || verb == u"deactivate" || verb == u"reactivate" || verb == u"delete")
        return customerByRef(verb, args);
    return m_out.failInvalid(QStringLiteral("command"),
        tr("unknown customer command \"%1\"; use add, get, find, search, metrics, update, deactivate, reactivate "
           "or delete")
            .arg(verb.left(64)));
}

int Kasirctl::customerAdd(const QStringList& args)
{
    QCommandLineParser p;
    addCustomerFieldOptions(p);
    int code = 0;
    CustomerInput input;
    if (!parse(p, args, 0, QString(), code) || !readCustomerInput(p, input, code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto created = CustomerService(*m_db, m_actor).create(input);
    if (!created)
        return m_out.fail(created.error());
    QJsonObject out = CustomerJson::toJson(*created);
    // Earlier anonymous sales that noted this phone: `kasirctl link` counts them for the customer.
    if (!created->phone.isEmpty() && m_actor.can(Permission::SaleCreate)) {
        auto walkIns = CheckoutService(*m_db, m_actor).walkInSales(created->phone);
        const auto sales
            = walkIns ? std::count_if(walkIns->cbegin(), walkIns->cend(), [](const Sale& s) { return !s.refund; }) : 0;
        if (sales > 0)
            out.insert(QStringLiteral("walkInSales"), qint64(sales));
    }
    m_out.line(out);
    return CliOutput::Ok;
}

int Kasirctl::customerUpdate(const QStringList& args)
{
    QCommandLineParser p;
    addCustomerFieldOptions(p);
    int code = 0;
    CustomerInput input;
    if (!parse(p, args, 1, QStringLiteral("customer"), code) || !readCustomerInput(p, input, code))
        return code;
    if (input.isEmpty())
        return m_out.fail(Error::invalidField(QStringLiteral("fields"), QStringLiteral("required"),
            tr("name at least one field to change, e.g. --email new@example.com")));
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto updated = CustomerService(*m_db, m_actor).update(p.positionalArguments().constFirst(), input);
    if (!updated)
        return m_out.fail(updated.error());
    m_out.line(CustomerJson::toJson(*updated));
    return CliOutput::Ok;
}

int Kasirctl::customerByRef(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    const QString what = verb == u"find" ? QStringLiteral("phone") : QStringLiteral("customer");
    if (!parse(p, args, 1, what, code))
        return code;
    if (!openDatabase(code) || !resolveActor(code))
        return code;
    const QString ref = p.positionalArguments().constFirst();
    CustomerService service(*m_db, m_actor);
    if (verb == u"find") {
        auto found = service.findByPhone(ref);
        if (!found)
            return m_out.fail(found.error());
        if (!found->has_value())
            return m_out.fail(Error::notFound(tr("no customer has the phone number %1").arg(ref.left(64))));
        m_out.line(CustomerJson::toJson(**found));
        return CliOutput::Ok;
    }
    if (verb == u"delete") {
        if (Status s = service.remove(ref); !s)
            return m_out.fail(s.error());
        m_out.line(QJsonObject {{QStringLiteral("deleted"), ref}});
        return CliOutput::Ok;
    }
    Result<Customer> result = verb == u"get" ? service.get(ref)
        : verb == u"deactivate"              ? service.deactivate(ref)
                                             : service.reactivate(ref);
    if (!result)
        return m_out.fail(result.error());
    m_out.line(CustomerJson::toJson(*result));
    return CliOutput::Ok;
}

void Kasirctl::addFilterOptions(QCommandLineParser& parser)
{
    for (const char* name : {"q", "type", "status", "level", "created-from", "created-to", "tag", "tags-match",
             "balance", "credit-min", "credit-max", "member", "last-visit-from", "last-visit-to", "spent-min",
             "spent-max", "frequency", "has-sales", "segment"})
        parser.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
}

void Kasirctl::readFilter(const QCommandLineParser& p, CustomerQuery& q, QList<FieldError>& errors)
{
    q.text = p.value(QStringLiteral("q"));
    if (p.isSet(QStringLiteral("type"))) {
        q.type = CustomerEnums::parseType(p.value(QStringLiteral("type")));
        if (!q.type)
            errors << FieldError {QStringLiteral("type"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::typeNames().join(QStringLiteral(", ")))};
    }
    if (p.isSet(QStringLiteral("status"))) {
        q.status = CustomerEnums::parseStatus(p.value(QStringLiteral("status")));
        if (!q.status)
            errors << FieldError {QStringLiteral("status"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::statusNames().join(QStringLiteral(", ")))};
    }
    if (p.isSet(QStringLiteral("level"))) {
        q.level = CustomerEnums::parseLevel(p.value(QStringLiteral("level")));
        if (!q.level)
            errors << FieldError {QStringLiteral("level"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerEnums::levelNames().join(QStringLiteral(", ")))};
    }
    for (const auto& [flag, field, end] :
        {std::tuple {"created-from", "createdFrom", false}, std::tuple {"created-to", "createdTo", true}}) {
        if (!p.isSet(QLatin1String(flag)))
            continue;
        const auto t = parseTime(p.value(QLatin1String(flag)), end);
        if (!t)
            errors << FieldError {QLatin1String(field), QStringLiteral("invalid_date"),
                tr("must be a date (YYYY-MM-DD) or an ISO 8601 date-time")};
        else if (end)
            q.createdTo = *t;
        else
            q.createdFrom = *t;
    }
    q.tags = p.values(QStringLiteral("tag"));
    if (p.isSet(QStringLiteral("tags-match"))) {
        const QString m = p.value(QStringLiteral("tags-match")).trimmed().toLower();
        if (m == u"any")
            q.tagsMatch = CustomerQuery::TagsMatch::Any;
        else if (m == u"all")
            q.tagsMatch = CustomerQuery::TagsMatch::All;
        else
            errors << FieldError {
                QStringLiteral("tagsMatch"), QStringLiteral("invalid_choice"), tr("must be one of: any, all")};
    }
    if (p.isSet(QStringLiteral("balance"))) {
        q.balance = CustomerQuery::parseBalance(p.value(QStringLiteral("balance")));
        if (!q.balance)
            errors << FieldError {QStringLiteral("balance"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(CustomerQuery::balanceNames().join(QStringLiteral(", ")))};
    }
    // Amounts in the currency's minor unit, as everywhere on the command line.
    for (const auto& [flag, field, target] :
        {std::tuple {"credit-min", "creditMin", &q.creditMin}, std::tuple {"credit-max", "creditMax", &q.creditMax},
            std::tuple {"spent-min", "totalSpentMin", &q.totalSpentMin},
            std::tuple {"spent-max", "totalSpentMax", &q.totalSpentMax}}) {
        if (!p.isSet(QLatin1String(flag)))
            continue;
        bool ok = false;
        const qint64 amount = p.value(QLatin1String(flag)).trimmed().toLongLong(&ok);
        if (ok)
            *target = amount;
        else
            errors << FieldError {QLatin1String(field), QStringLiteral("invalid_amount"),
                tr("must be a whole number of the currency's smallest unit")};
    }
    for (const auto& [flag, field, target] : {std::tuple {"member", "membershipActive", &q.membershipActive},
             std::tuple {"has-sales", "hasSales", &q.hasSales}}) {
        if (!p.isSet(QLatin1String(flag)))
            continue;
        *target = parseBool(p.value(QLatin1String(flag)));
        if (!*target)
            errors << FieldError {QLatin1String(field), QStringLiteral("invalid_choice"), tr("must be true or false")};
    }
    for (const auto& [flag, field, target] : {std::tuple {"last-visit-from", "lastVisitFrom", &q.lastVisitFrom},
             std::tuple {"last-visit-to", "lastVisitTo", &q.lastVisitTo}}) {
        if (!p.isSet(QLatin1String(flag)))
            continue;
        const QDate day = QDate::fromString(p.value(QLatin1String(flag)).trimmed(), Qt::ISODate);
        if (day.isValid())
            *target = day;
        else
            errors << FieldError {
                QLatin1String(field), QStringLiteral("invalid_date"), tr("must be a date (YYYY-MM-DD)")};
    }
    for (const QString& f : p.values(QStringLiteral("frequency"))) {
        if (const auto frequency = RepeatFrequencies::parse(f))
            q.frequencies << *frequency;
        else
            errors << FieldError {QStringLiteral("frequency"), QStringLiteral("invalid_choice"),
                tr("must be one of: %1").arg(RepeatFrequencies::names().join(QStringLiteral(", ")))};
    }
    // --segment at_risk,lost or --segment at_risk --segment lost.
    for (const QString& value : p.values(QStringLiteral("segment"))) {
        for (const QString& name : value.split(u',')) {
            if (const auto segment = Rfm::parse(name))
                q.segments << *segment;
            else
                errors << FieldError {QStringLiteral("segment"), QStringLiteral("invalid_choice"),
                    tr("must be one of: %1").arg(Rfm::names().join(QStringLiteral(", ")))};
        }
    }
}

int Kasirctl::customerSearch(const QStringList& args)
{
    QCommandLineParser p;
    addFilterOptions(p);
    for (const char* name : {"sort", "limit", "after"})
        p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("desc")));
    p.addOption(QCommandLineOption(QStringLiteral("page-info")));
    int code = 0;
    if (!parse(p, args, 0, QString(), code))
        return code;

    CustomerQuery q;
    QList<FieldError> errors;
    readFilter(p, q, errors);
    if (p.isSet(QStringLiteral("sort"))) {
        const QString s = p.value(QStringLiteral("sort")).trimmed().toLower();
        if (s == u"name")
            q.sort = CustomerQuery::Sort::Name;
        else if (s == u"created")
            q.sort = CustomerQuery::Sort::Created;
        else if (s == u"updated")
            q.sort = CustomerQuery::Sort::Updated;
        else
            errors << FieldError {
                QStringLiteral("sort"), QStringLiteral("invalid_choice"), tr("must be one of: name, created, updated")};
    }
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        q.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > CustomerQuery::maxLimit)
            errors << FieldError {QStringLiteral("limit"), QStringLiteral("out_of_range"),
                tr("must be a whole number from 1 to %1").arg(CustomerQuery::maxLimit)};
    }
    if (!errors.isEmpty())
        return m_out.fail(Error::invalid(errors));
    q.descending = p.isSet(QStringLiteral("desc"));
    q.after = p.value(QStringLiteral("after"));
    q.withTotal = p.isSet(QStringLiteral("page-info"));
    // A script wants whole pages: no bound on the rows a page may read (a screen keeps the
    // bound, and shows what one page found while it asks for the next).
    q.scanBudget = 0;
    q.scanMilliseconds = 0;

    if (!openDatabase(code) || !resolveActor(code))
        return code;
    auto page = CustomerService(*m_db, m_actor).search(q);
    if (!page)
        return m_out.fail(page.error());
    for (const Customer& c : std::as_const(page->items))
        m_out.line(CustomerJson::toJson(c));
    if (q.withTotal)
        m_out.line(QJsonObject {{QStringLiteral("pageInfo"),
            QJsonObject {{QStringLiteral("total"), page->total}, {QStringLiteral("count"), page->items.size()},
                {QStringLiteral("next"), page->nextCursor.isEmpty() ? QJsonValue() : QJsonValue(page->nextCursor)}}}});
    return CliOutput::Ok;
}

int Kasirctl::user(const QString& verb, const QStringList& args)
{
    QCommandLineParser p;
    int code = 0;
    if (verb == u"add") {
        for (const char* name : {"username", "role", "display-name"})
            p.addOption(QCommandLineOption(QLatin1String(name), QString(), QStringLiteral("value")));
        if (!parse(p, args, 0, QString(), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        QString password = qEnvironmentVariable("KASIR_NEW_PASSWORD");
        if (password.isEmpty())
            password = readPasswordFromStdin();
        auto added = UserService(*m_db, m_actor)
                         .add({p.value(QStringLiteral("username")), p.value(QStringLiteral("display-name")),
                             p.value(QStringLiteral("role")), password});
        if (!added)
            return m_out.fail(added.error());
        m_out.line(userJson(*added));
        return CliOutput::Ok;
    }
    if (verb == u"list") {
        if (!parse(p, args, 0, QString(), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto users = UserService(*m_db, m_actor).list();
        if (!users)
            return m_out.fail(users.error());
        for (const User& u : std::as_const(*users))
            m_out.line(userJson(u));
        return CliOutput::Ok;
    }
    return m_out.failInvalid(
        QStringLiteral("command"), tr("unknown user command \"%1\"; use add or list").arg(verb.left(64)));
}

} // namespace kasir
