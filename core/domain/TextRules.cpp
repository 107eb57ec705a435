#include "core/domain/TextRules.h"

#include <QChar>
#include <QCoreApplication>

namespace kasir::TextRules {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(kasir::TextRules)
};
} // namespace

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

Result<QString> cleanLine(const QString& field, const QString& raw, int maxLength, bool required)
{
    const QString value = raw.trimmed();
    if (hasForbiddenCharacters(value, false) || value.contains(u'\t'))
        return Error::invalidField(field, QStringLiteral("invalid_characters"),
            Text::tr("must not contain control characters or line breaks"));
    if (required && value.isEmpty())
        return Error::invalidField(field, QStringLiteral("required"), Text::tr("is required"));
    if (codePoints(value) > maxLength)
        return Error::invalidField(
            field, QStringLiteral("too_long"), Text::tr("must be at most %n characters", nullptr, maxLength));
    return value;
}

} // namespace kasir::TextRules
