#pragma once

#include <QStringView>

// What every free-text field shares, whoever checks it (customers, products, ledgers).
namespace kasir::TextRules {

// Control characters other than tab (and line breaks when `allowNewlines`), and lone
// surrogates that would not survive UTF-8.
bool hasForbiddenCharacters(QStringView text, bool allowNewlines);
// A surrogate without its other half.
bool hasLoneSurrogate(QStringView text);
// Characters as a person counts them: a pair of surrogates is one.
qsizetype codePoints(QStringView text);

} // namespace kasir::TextRules
