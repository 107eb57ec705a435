#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace kasir::test {

// A real kasir-server on 127.0.0.1 for tests and benchmarks: its SQLite file in `folder`,
// or the PostgreSQL database of KASIR_TEST_PG when that is set. The port is the one the
// server picked and printed. Administration goes through the server's own command line.
class ServerProcess final
{
public:
    ServerProcess(QString program, QString folder);
    ~ServerProcess();
    Q_DISABLE_COPY_MOVE(ServerProcess)

    // The storage options (--db FILE or --pg CONNINFO), as every command gets them.
    QStringList storage() const;
    bool isPostgres() const;

    bool start();
    // SIGTERM, as a service manager stops it; waits for the exit.
    void stop();
    // SIGTERM without waiting; waitForStopped() waits for the exit.
    void signalStop();
    bool waitForStopped(int ms = 30000);
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    int exitCode() const { return m_process.exitCode(); }
    QUrl url() const { return m_url; }

    // Runs `kasir-server STORAGE args...` and returns its first line of JSON output (empty
    // on failure, with the error printed as a warning). `password` goes in KASIR_PASSWORD.
    QJsonObject admin(const QStringList& args, const QByteArray& password = {}) const;

private:
    QString m_program;
    QString m_folder;
    QProcess m_process;
    QUrl m_url;
};

} // namespace kasir::test
