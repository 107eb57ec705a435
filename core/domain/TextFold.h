#pragma once

#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>

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

// The same words as words(), without making strings: `f(start, length)` for each, into
// `folded`. For bulk work.
template<typename F>
void forEachWord(QStringView folded, F&& f)
{
    QVarLengthArray<QStringView, 8> seen;
    qsizetype start = -1;
    auto flush = [&](qsizetype end) {
        if (start >= 0) {
            const QStringView word = folded.sliced(start, end - start);
            if (std::find(seen.cbegin(), seen.cend(), word) == seen.cend()) {
                seen.append(word);
                f(start, end - start);
            }
        }
        start = -1;
    };
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (isWordChar(folded[i])) {
            if (start < 0)
                start = i;
        } else {
            flush(i);
        }
    }
    flush(folded.size());
}

} // namespace kasir::TextFold
