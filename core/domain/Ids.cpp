#include "core/domain/Ids.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>

namespace kasir::Ids {

QUuid newUuid(qint64 unixMs)
{
    std::array<uchar, 16> b {};
    const auto ms = static_cast<quint64>(unixMs) & 0xFFFF'FFFF'FFFFull;
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<uchar>(ms >> (8 * (5 - i)));
    quint32 random[3];
    QRandomGenerator::system()->fillRange(random);
    for (int i = 0; i < 10; ++i)
        b[static_cast<size_t>(6 + i)] = static_cast<uchar>(random[i / 4] >> (8 * (i % 4)));
    b[6] = static_cast<uchar>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<uchar>(0x80 | (b[8] & 0x3F)); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(b.data(), static_cast<qsizetype>(b.size())));
}

QUuid newUuid()
{
    return newUuid(QDateTime::currentMSecsSinceEpoch());
}

QString newId(qint64 unixMs)
{
    return newUuid(unixMs).toString(QUuid::WithoutBraces);
}

QString newId()
{
    return newUuid().toString(QUuid::WithoutBraces);
}

bool isValid(const QString& text)
{
    if (text.size() != 36)
        return false;
    const QUuid id = QUuid::fromString(text);
    return !id.isNull();
}

} // namespace kasir::Ids
