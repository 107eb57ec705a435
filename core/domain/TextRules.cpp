#include "core/domain/TextRules.h"

#include <QChar>

namespace kasir::TextRules {

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text[i + 1].isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

bool hasForbiddenCharacters(QStringView text, bool allowNewlines)
{
    for (const QChar c : text) {
        if (c == u'\t' || (allowNewlines && (c == u'\n' || c == u'\r')))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return hasLoneSurrogate(text);
}

qsizetype codePoints(QStringView text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++n;
    }
    return n;
}

} // namespace kasir::TextRules
