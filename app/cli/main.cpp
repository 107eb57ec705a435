#include "app/cli/Kasirctl.h"
#include "core/Translations.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Kasir"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kasir"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASIR_VERSION));
    kasir::Translations::install();
    kasir::Kasirctl ctl;
    return ctl.run(QCoreApplication::arguments());
}
