#pragma once

#include <QString>

namespace kasir {

// A label a company puts on customers ("reseller", "halal only"), with a colour for the
// screen. Names are unique per company however they are cased or accented.
struct Tag
{
    static constexpr int maxName = 50;

    QString id;
    QString companyId;
    QString name;
    QString color; // "#rrggbb", lower case
    qint64 createdAt = 0;
    QString createdBy;

    friend bool operator==(const Tag&, const Tag&) = default;
};

// A tag and how many customers carry it.
struct TagCount
{
    Tag tag;
    qint64 customers = 0;

    friend bool operator==(const TagCount&, const TagCount&) = default;
};

} // namespace kasir
