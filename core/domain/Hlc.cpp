#include "core/domain/Hlc.h"

#include "core/domain/Clock.h"

#include <QStringList>

#include <algorithm>

namespace kasir {

Hlc Hlc::fromPacked(quint64 packed, quint32 siteId)
{
    return Hlc {static_cast<qint64>(packed >> 16), static_cast<quint16>(packed & 0xFFFF), siteId};
}

QString Hlc::toString() const
{
    if (ms < 0 || ms > 0xFFFF'FFFF'FFFFll) // wider than its 12 digits: as arg() writes it
        return QStringLiteral("%1-%2-%3")
            .arg(ms, 12, 16, QLatin1Char('0'))
            .arg(counter, 4, 16, QLatin1Char('0'))
            .arg(siteId, 8, 16, QLatin1Char('0'));
    // Written by hand: every audit row and sync op carries one, and three arg() calls cost
    // more than the rest of a pulled op's audit row.
    QString out(12 + 1 + 4 + 1 + 8, Qt::Uninitialized);
    QChar* at = out.data();
    const auto hex = [&at](quint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            at[i] = QLatin1Char("0123456789abcdef"[value & 0xF]);
            value >>= 4;
        }
        at += digits;
    };
    hex(static_cast<quint64>(ms), 12);
    *at++ = u'-';
    hex(counter, 4);
    *at++ = u'-';
    hex(siteId, 8);
    return out;
}

Hlc Hlc::fromString(const QString& text, bool* ok)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    bool good = parts.size() == 3 && parts[0].size() == 12 && parts[1].size() == 4 && parts[2].size() == 8;
    Hlc h;
    if (good) {
        bool a = false, b = false, c = false;
        h.ms = parts[0].toLongLong(&a, 16);
        h.counter = static_cast<quint16>(parts[1].toUInt(&b, 16));
        h.siteId = parts[2].toUInt(&c, 16);
        good = a && b && c;
    }
    if (ok)
        *ok = good;
    return good ? h : Hlc {};
}

HybridLogicalClock::HybridLogicalClock(const Clock& wallClock, quint32 siteId) : m_wall(wallClock), m_siteId(siteId) { }

Hlc HybridLogicalClock::tick()
{
    const qint64 wall = std::clamp<qint64>(m_wall.nowMs(), 0, maxMs);
    QMutexLocker lock(&m_mutex);
    if (wall > m_ms) {
        m_ms = wall;
        m_counter = 0;
    } else if (m_counter == 0xFFFF) {
        // 65,536 events in one logical millisecond: borrow the next millisecond rather
        // than wrap, so stamps stay strictly increasing.
        ++m_ms;
        m_counter = 0;
    } else {
        ++m_counter;
    }
    return Hlc {m_ms, m_counter, m_siteId};
}

Hlc HybridLogicalClock::observe(const Hlc& remote)
{
    const qint64 wall = std::clamp<qint64>(m_wall.nowMs(), 0, maxMs);
    QMutexLocker lock(&m_mutex);
    const qint64 previous = m_ms;
    const qint64 ms = std::max({previous, remote.ms, wall});
    quint32 counter = 0; // wider than the field so that overflow is seen
    if (ms == previous && ms == remote.ms)
        counter = quint32(std::max(m_counter, remote.counter)) + 1;
    else if (ms == previous)
        counter = quint32(m_counter) + 1;
    else if (ms == remote.ms)
        counter = quint32(remote.counter) + 1;
    m_ms = ms;
    if (counter > 0xFFFF) {
        ++m_ms;
        counter = 0;
    }
    m_counter = static_cast<quint16>(counter);
    return Hlc {m_ms, m_counter, m_siteId};
}

Hlc HybridLogicalClock::last() const
{
    QMutexLocker lock(&m_mutex);
    return Hlc {m_ms, m_counter, m_siteId};
}

void HybridLogicalClock::restore(const Hlc& persisted)
{
    QMutexLocker lock(&m_mutex);
    if (persisted.packed() > Hlc {m_ms, m_counter, 0}.packed()) {
        m_ms = persisted.ms;
        m_counter = persisted.counter;
    }
}

quint32 HybridLogicalClock::siteId() const
{
    QMutexLocker lock(&m_mutex);
    return m_siteId;
}

void HybridLogicalClock::setSiteId(quint32 siteId)
{
    QMutexLocker lock(&m_mutex);
    m_siteId = siteId;
}

} // namespace kasir
