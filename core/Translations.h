#pragma once

#include <QLocale>

namespace kasir::Translations {

// Installs the Kasir translation for `locale` (default: the system's) from the ":/i18n"
// resource that the kasir_translations library embeds. English needs none; a missing
// translation leaves the English text. Returns whether one was installed.
bool install(const QLocale& locale = QLocale::system());

} // namespace kasir::Translations
