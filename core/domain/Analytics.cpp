#include "core/domain/Analytics.h"

namespace kasir::RankByNames {

namespace {
constexpr const char16_t* kNames[] = {u"revenue", u"sales", u"balance"};
} // namespace

QString toString(RankBy by)
{
    return QString::fromUtf16(kNames[static_cast<size_t>(by)]);
}

std::optional<RankBy> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (size_t i = 0; i < std::size(kNames); ++i) {
        if (t.compare(QStringView(kNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<RankBy>(i);
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList out;
    for (const char16_t* name : kNames)
        out.append(QString::fromUtf16(name));
    return out;
}

} // namespace kasir::RankByNames
