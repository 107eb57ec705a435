#include "app/server/KasirServer.h"
#include "core/Translations.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kasir-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kasir"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASIR_VERSION));
    kasir::Translations::install();
    kasir::KasirServer server;
    return server.run(QCoreApplication::arguments());
}
