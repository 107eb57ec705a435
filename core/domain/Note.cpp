#include "core/domain/Note.h"

namespace kasir::NoteKinds {

namespace {
constexpr NoteKind kAll[] = {NoteKind::Personal, NoteKind::Preference, NoteKind::Issue, NoteKind::Feedback};
} // namespace

QString toString(NoteKind kind)
{
    switch (kind) {
    case NoteKind::Personal:
        return QStringLiteral("personal");
    case NoteKind::Preference:
        return QStringLiteral("preference");
    case NoteKind::Issue:
        return QStringLiteral("issue");
    case NoteKind::Feedback:
        return QStringLiteral("feedback");
    }
    return {};
}

std::optional<NoteKind> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (NoteKind k : kAll) {
        if (t.compare(toString(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList out;
    for (NoteKind k : kAll)
        out << toString(k);
    return out;
}

} // namespace kasir::NoteKinds
