#pragma once

#include <QString>
#include <QStringList>

namespace kasir::TextFold {

// The key that names sort and compare by: case-folded, accents removed ("Sútrisnó" and
// "sutrisno" meet), white space folded.
QString fold(QStringView text);

// The words of a folded text, each once, in order of first appearance: runs of letters,
// digits and marks; anything else ("O'Brien", "Siti-Nur", "A. Yani") ends a word. The
// name index stores these words and a name search matches its own words against them,
// so both sides split the same way.
QStringList words(QStringView folded);
// Whether `c` belongs to a word under that rule. Surrogates carry letters outside the
// first plane (rare scripts) and stay in words.
inline bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

} // namespace kasir::TextFold
