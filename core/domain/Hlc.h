#pragma once

#include <QMutex>
#include <QString>
#include <QtGlobal>

namespace kasir {

class Clock;

// A Hybrid Logical Clock stamp: 48 bits of wall-clock milliseconds, a 16-bit counter for
// events within one millisecond, and the site (terminal) that made it. Stamps order every
// change in the company: by (ms, counter), then by site to break ties.
struct Hlc
{
    qint64 ms = 0;
    quint16 counter = 0;
    quint32 siteId = 0;

    // ms and counter packed into one integer that sorts like the stamp (site aside).
    quint64 packed() const { return (quint64(ms) << 16) | counter; }
    static Hlc fromPacked(quint64 packed, quint32 siteId);

    // Fixed-width text that sorts like the stamp, site included: "0195d2c3a1b0-0001-0000002a".
    QString toString() const;
    static Hlc fromString(const QString& text, bool* ok = nullptr);

    bool isNull() const { return ms == 0 && counter == 0 && siteId == 0; }

    friend bool operator==(const Hlc&, const Hlc&) = default;
    friend auto operator<=>(const Hlc& a, const Hlc& b)
    {
        if (auto c = a.packed() <=> b.packed(); c != 0)
            return c;
        return a.siteId <=> b.siteId;
    }
};

// The clock itself. tick() stamps a local event; observe() folds in a stamp received from
// elsewhere so that the next local stamp orders after it. Thread-safe. Persistence is the
// owner's business: restore() the last stamp after a restart so the clock never goes back.
class HybridLogicalClock final
{
public:
    HybridLogicalClock(const Clock& wallClock, quint32 siteId);
    Q_DISABLE_COPY_MOVE(HybridLogicalClock)

    Hlc tick();
    Hlc observe(const Hlc& remote);
    Hlc last() const;
    void restore(const Hlc& persisted);

    quint32 siteId() const;
    void setSiteId(quint32 siteId);

    // The largest ms the 48-bit field holds.
    static constexpr qint64 maxMs = (qint64(1) << 48) - 1;

private:
    const Clock& m_wall;
    mutable QMutex m_mutex;
    qint64 m_ms = 0;
    quint16 m_counter = 0;
    quint32 m_siteId = 0;
};

} // namespace kasir
