#pragma once

#include "core/domain/Result.h"

#include <QString>
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

// A one-line text a person types (a reason, a reference, a name noted at the till):
// trimmed; no control characters, tabs or line breaks; at most `maxLength` characters as
// a person counts them. The error names `field`.
Result<QString> cleanLine(const QString& field, const QString& raw, int maxLength, bool required);

} // namespace kasir::TextRules
