#pragma once

#include <QString>

namespace kasir::TextFold {

// The key that names sort and compare by: case-folded, accents removed ("Sútrisnó" and
// "sutrisno" meet), white space folded. Same rules as the FTS5 unicode61 tokenizer with
// remove_diacritics, so what sorts together also matches together.
QString fold(QStringView text);

} // namespace kasir::TextFold
