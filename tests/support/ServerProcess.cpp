#include "tests/support/ServerProcess.h"

#include <QJsonDocument>
#include <QProcessEnvironment>

namespace kasir::test {

ServerProcess::ServerProcess(QString program, QString folder)
    : m_program(std::move(program)), m_folder(std::move(folder))
{ }

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::isPostgres() const
{
    return !qEnvironmentVariableIsEmpty("KASIR_TEST_PG");
}

QStringList ServerProcess::storage() const
{
    return isPostgres() ? QStringList {QStringLiteral("--pg"), qEnvironmentVariable("KASIR_TEST_PG")}
                        : QStringList {QStringLiteral("--db"), m_folder + QStringLiteral("/server.db")};
}

bool ServerProcess::start()
{
    m_process.setProgram(m_program);
    m_process.setArguments(
        storage() << QStringLiteral("serve") << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0"));
    // The request log goes to a file: a pipe nobody reads would fill and stall the server.
    m_process.setStandardErrorFile(m_folder + QStringLiteral("/server.log"), QIODevice::Append);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    for (int i = 0; i < 300 && !m_process.canReadLine(); ++i)
        m_process.waitForReadyRead(100);
    const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
    const QString listening = o.value(QStringLiteral("listening")).toString();
    if (listening.isEmpty())
        return false;
    m_url = QUrl(QStringLiteral("http://") + listening);
    return true;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000))
        m_process.kill();
}

void ServerProcess::signalStop()
{
    m_process.terminate();
}

bool ServerProcess::waitForStopped(int ms)
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(ms);
}

QJsonObject ServerProcess::admin(const QStringList& args, const QByteArray& password) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("KASIR_PASSWORD"), QString::fromUtf8(password));
    p.setProcessEnvironment(env);
    p.start(m_program, storage() + args);
    p.waitForFinished(60000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("kasir-server %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput().split('\n').value(0)).object();
}

} // namespace kasir::test
