#pragma once

#include "app/cli/CliOutput.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace kasir {

class ServerStore;

// kasir-server's command line: serve the sync API (the default), or administer the
// server's companies, stores, users and terminals. Administration prints JSON lines and
// exits with kasirctl's codes.
class KasirServer final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::KasirServer)

public:
    KasirServer();
    ~KasirServer();
    Q_DISABLE_COPY_MOVE(KasirServer)

    int run(const QStringList& arguments);

private:
    int help();
    int serve(const QStringList& args);
    int company(const QString& verb, const QStringList& args);
    int store(const QString& verb, const QStringList& args);
    int user(const QString& verb, const QStringList& args);
    int terminal(const QString& verb, const QStringList& args);
    int apikey(const QString& verb, const QStringList& args);
    bool open(int& exitCode);
    bool parse(QCommandLineParser& parser, const QStringList& args, int positional, int& exitCode);

    CliOutput m_out;
    QString m_dbPath;
    QString m_pg;
    std::unique_ptr<ServerStore> m_store;
};

} // namespace kasir
