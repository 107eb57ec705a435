#pragma once

#include "app/cli/CliOutput.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <optional>

namespace kasir {

class Database;
struct CustomerQuery;

// kasirctl: the command-line tool over core. `kasirctl [--db FILE] [--user NAME]
// GROUP VERB [options]`; see help().
class Kasirctl final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::Kasirctl)

public:
    Kasirctl();
    ~Kasirctl();
    Q_DISABLE_COPY_MOVE(Kasirctl)

    int run(const QStringList& arguments);

private:
    int help();
    int init(const QStringList& args);
    int demo(const QStringList& args);
    int customer(const QString& verb, const QStringList& args);
    int user(const QString& verb, const QStringList& args);

    int product(const QString& verb, const QStringList& args);
    int sale(const QStringList& args);
    int refund(const QStringList& args);
    int points(const QStringList& args);
    // `points expire [--as-of DATE]`, its options parsed by points().
    int expirePoints(const QCommandLineParser& parser);
    int credit(const QStringList& args);
    int rules(const QString& verb, const QStringList& args);
    int customerMetrics(const QStringList& args);
    int rebuild(const QStringList& args);
    int check(const QStringList& args);
    int walkIns(const QStringList& args);
    int link(const QStringList& args);
    int activity(const QStringList& args);
    // `note add|list|delete` and `tag add|remove|popular|list|of` (KasirctlRelations.cpp).
    int note(const QString& verb, const QStringList& args);
    int tag(const QString& verb, const QStringList& args);
    int contact(const QString& verb, const QStringList& args);
    int prefs(const QStringList& args);
    // `stats`, `top` and `repeat`: the membership dashboard's data (KasirctlAnalytics.cpp).
    int stats(const QStringList& args);
    int top(const QStringList& args);
    int repeat(const QStringList& args);
    // `privacy export|anonymise|delete` (KasirctlPrivacy.cpp).
    int privacy(const QStringList& args);
    // `bulk [filters | --ids ...] ACTION [--dry-run]` (KasirctlBulk.cpp).
    int bulk(const QStringList& args);
    // `segment ID|CODE`, `segment recompute` and `segment counts` (KasirctlSegments.cpp).
    int segment(const QStringList& args);
    // `sync enrol --server URL --code CODE`, `sync [--once]`, `sync status` (KasirctlSync.cpp).
    int sync(const QStringList& args);
    // Reads an integer flag into `out` (unset: left alone); false, with exitCode set, when
    // the value is not a whole number.
    bool readInteger(const QCommandLineParser& parser, const QString& flag, const QString& field,
        std::optional<qint64>& out, int& exitCode, bool money = true);
    // Refuses (invalid input naming the flag) any of `flags` that is set: they only go with
    // `unless`, which the caller has found missing.
    bool refuseFlags(const QCommandLineParser& parser, const QStringList& flags, const QString& unless, int& exitCode);

    int customerAdd(const QStringList& args);
    int customerUpdate(const QStringList& args);
    int customerSearch(const QStringList& args);
    int customerByRef(const QString& verb, const QStringList& args);
    // The directory filter flags that `customer search` and `bulk` share.
    static void addFilterOptions(QCommandLineParser& parser);
    // Reads them into `query`, with a field error for each bad value.
    static void readFilter(const QCommandLineParser& parser, CustomerQuery& query, QList<FieldError>& errors);

    // Opens --db; on failure prints the error and returns its exit code via `exitCode`.
    bool openDatabase(int& exitCode);
    // The acting user: --user (password from KASIR_PASSWORD or --password-stdin), or the
    // company's first administrator.
    bool resolveActor(int& exitCode);

    // Parses a verb's options; unknown options and wrong arity are invalid input.
    bool parse(QCommandLineParser& parser, const QStringList& args, int positional, const QString& positionalName,
        int& exitCode);
    static void addCustomerFieldOptions(QCommandLineParser& parser);
    // Reads the customer field flags; false (with exitCode set) when a flag's value is bad.
    bool readCustomerInput(const QCommandLineParser& parser, CustomerInput& input, int& exitCode);
    static QString readPasswordFromStdin();
    // "2026-01-31" (UTC midnight, or the midnight after it with `endOfDay`) or a full ISO
    // 8601 date-time, as milliseconds since the epoch.
    static std::optional<qint64> parseTime(const QString& text, bool endOfDay);

    CliOutput m_out;
    QString m_dbPath;
    QString m_username;
    bool m_passwordStdin = false;
    std::unique_ptr<Database> m_db;
    Actor m_actor;
};

} // namespace kasir
