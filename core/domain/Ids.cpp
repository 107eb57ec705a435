#include "core/domain/Ids.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace kasir::Ids {

QUuid newUuid(qint64 unixMs)
{
    // RFC 9562 method 1: the 12 rand_a bits are a counter within one millisecond, so ids
    // made by this process sort in the order they were made even inside one batch. The
    // clock going back, or 4,096 ids in one millisecond, borrows the next millisecond.
    static QBasicMutex mutex;
    static quint64 lastMs = 0;
    static quint32 counter = 0;
    quint64 ms = static_cast<quint64>(std::max<qint64>(unixMs, 0)) & 0xFFFF'FFFF'FFFFull;
    // The random bits only keep ids of different terminals apart: the global generator
    // (securely seeded) serves, without a system call per id.
    quint32 random[3];
    QRandomGenerator::global()->fillRange(random);
    quint32 count = 0;
    {
        QMutexLocker lock(&mutex);
        if (ms <= lastMs) {
            ms = lastMs;
            if (++counter > 0xFFF) {
                ++ms;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastMs = ms;
        count = counter;
    }
    std::array<uchar, 16> b {};
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<uchar>(ms >> (8 * (5 - i)));
    b[6] = static_cast<uchar>(0x70 | ((count >> 8) & 0x0F)); // version 7, counter high bits
    b[7] = static_cast<uchar>(count & 0xFF);
    for (int i = 0; i < 8; ++i)
        b[static_cast<size_t>(8 + i)] = static_cast<uchar>(random[i / 4] >> (8 * (i % 4)));
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
