#include "core/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace kasir::Translations {

bool install(const QLocale& locale)
{
    static QTranslator* current = nullptr;
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
    }
    auto translator = std::make_unique<QTranslator>();
    // Languages Kasir has no translation for get English, whose file holds the plural forms.
    if (!translator->load(locale, QStringLiteral("kasir"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && !translator->load(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("kasir"),
            QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    current = translator.release();
    QCoreApplication::installTranslator(current);
    return true;
}

} // namespace kasir::Translations
