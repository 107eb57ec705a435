#include "core/domain/TextFold.h"

namespace kasir::TextFold {

QString fold(QStringView text)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return text.toString().simplified().toLower();

    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing)
            continue;
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out.append(u' ');
            space = false;
        }
        out.append(c);
    }
    return out.toCaseFolded();
}

QStringList words(QStringView folded)
{
    QStringList out;
    forEachWord(folded, [&](qsizetype start, qsizetype length) { out << folded.sliced(start, length).toString(); });
    return out;
}

} // namespace kasir::TextFold
