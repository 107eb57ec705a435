#pragma once

#include <QString>
#include <QtGlobal>

namespace kasir {

// Where "now" comes from. Services, the HLC and the UI take a Clock so that tests can
// move time by hand instead of sleeping.
// A stored time as JSON and kasirctl show it: ISO 8601 in UTC with milliseconds,
// "2026-11-21T07:05:24.923Z".
QString isoUtc(qint64 msSinceEpoch);

class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    static SystemClock& instance();
};

// A clock for tests: starts where it is told and moves only when told.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) // 2026-01-01T00:00:00Z
        : m_now(startMs)
    { }
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace kasir
