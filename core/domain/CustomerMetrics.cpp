#include "core/domain/CustomerMetrics.h"

#include <QCoreApplication>

namespace kasir {

namespace {
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

struct Names
{
    Q_DECLARE_TR_FUNCTIONS(kasir::RepeatFrequencies)
};
} // namespace

namespace RepeatFrequencies {

RepeatFrequency of(qint64 purchases)
{
    if (purchases >= frequentFrom)
        return RepeatFrequency::Frequent;
    if (purchases >= regularFrom)
        return RepeatFrequency::Regular;
    if (purchases >= occasionalFrom)
        return RepeatFrequency::Occasional;
    if (purchases >= 1)
        return RepeatFrequency::OneTime;
    return RepeatFrequency::None;
}

QString toString(RepeatFrequency frequency)
{
    switch (frequency) {
    case RepeatFrequency::None:
        return QStringLiteral("none");
    case RepeatFrequency::OneTime:
        return QStringLiteral("one_time");
    case RepeatFrequency::Occasional:
        return QStringLiteral("occasional");
    case RepeatFrequency::Regular:
        return QStringLiteral("regular");
    case RepeatFrequency::Frequent:
        return QStringLiteral("frequent");
    }
    return {};
}

QString displayName(RepeatFrequency frequency)
{
    switch (frequency) {
    case RepeatFrequency::None:
        return Names::tr("No purchase");
    case RepeatFrequency::OneTime:
        return Names::tr("One-time");
    case RepeatFrequency::Occasional:
        return Names::tr("Occasional");
    case RepeatFrequency::Regular:
        return Names::tr("Regular");
    case RepeatFrequency::Frequent:
        return Names::tr("Frequent");
    }
    return {};
}

std::optional<RepeatFrequency> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (RepeatFrequency f : {RepeatFrequency::None, RepeatFrequency::OneTime, RepeatFrequency::Occasional,
             RepeatFrequency::Regular, RepeatFrequency::Frequent}) {
        if (t.compare(toString(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

PurchasesRange rangeOf(RepeatFrequency frequency)
{
    switch (frequency) {
    case RepeatFrequency::None:
        return {std::nullopt, 1};
    case RepeatFrequency::OneTime:
        return {1, occasionalFrom};
    case RepeatFrequency::Occasional:
        return {occasionalFrom, regularFrom};
    case RepeatFrequency::Regular:
        return {regularFrom, frequentFrom};
    case RepeatFrequency::Frequent:
        return {frequentFrom, std::nullopt};
    }
    return {};
}

QStringList names()
{
    QStringList list;
    for (RepeatFrequency f : {RepeatFrequency::None, RepeatFrequency::OneTime, RepeatFrequency::Occasional,
             RepeatFrequency::Regular, RepeatFrequency::Frequent})
        list << toString(f);
    return list;
}

QString sqlCase(const QString& purchasesColumn)
{
    return QStringLiteral("CASE WHEN %1 >= %2 THEN 'frequent' WHEN %1 >= %3 THEN 'regular' WHEN %1 >= %4 THEN "
                          "'occasional' WHEN %1 >= 1 THEN 'one_time' ELSE 'none' END")
        .arg(purchasesColumn)
        .arg(frequentFrom)
        .arg(regularFrom)
        .arg(occasionalFrom);
}

} // namespace RepeatFrequencies

std::optional<qint64> CustomerMetrics::daysSinceLastPurchase(qint64 nowMs) const
{
    if (!lastPurchaseAt)
        return std::nullopt;
    return std::max<qint64>(0, (nowMs - *lastPurchaseAt) / kDayMs);
}

} // namespace kasir
