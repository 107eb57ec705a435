#include "core/domain/Clock.h"
#include "core/domain/Hlc.h"

#include <QTest>

using namespace kasir;

class TestHlc : public QObject
{
    Q_OBJECT

private slots:
    void ticksFollowTheWallClock()
    {
        ManualClock wall(1'000);
        HybridLogicalClock hlc(wall, 7);
        const Hlc a = hlc.tick();
        QCOMPARE(a.ms, 1'000);
        QCOMPARE(a.counter, 0);
        QCOMPARE(a.siteId, 7u);
        wall.advance(5);
        const Hlc b = hlc.tick();
        QCOMPARE(b.ms, 1'005);
        QCOMPARE(b.counter, 0);
        QVERIFY(a < b);
    }

    void staysMonotonicWhenTheWallClockStallsOrGoesBack()
    {
        ManualClock wall(10'000);
        HybridLogicalClock hlc(wall, 1);
        Hlc last = hlc.tick();
        for (int i = 0; i < 100; ++i) {
            if (i == 50)
                wall.set(2'000); // someone set the terminal clock back
            const Hlc next = hlc.tick();
            QVERIFY2(last < next, qPrintable(last.toString() + QStringLiteral(" !< ") + next.toString()));
            last = next;
        }
        QCOMPARE(last.ms, 10'000);
        QCOMPARE(last.counter, 100);
    }

    void counterOverflowBorrowsTheNextMillisecond()
    {
        ManualClock wall(500);
        HybridLogicalClock hlc(wall, 1);
        hlc.restore(Hlc {500, 0xFFFE, 1});
        QCOMPARE(hlc.tick(), (Hlc {500, 0xFFFF, 1}));
        const Hlc next = hlc.tick();
        QCOMPARE(next.ms, 501);
        QCOMPARE(next.counter, 0);
    }

    void observeOrdersAfterARemoteStamp()
    {
        ManualClock wall(1'000);
        HybridLogicalClock hlc(wall, 1);
        hlc.tick();
        const Hlc remote {5'000, 3, 2};
        const Hlc seen = hlc.observe(remote);
        QVERIFY(remote < seen);
        QCOMPARE(seen.ms, 5'000);
        QCOMPARE(seen.counter, 4);
        QVERIFY(seen < hlc.tick());
        // A remote stamp from the past changes nothing but the counter.
        const Hlc before = hlc.last();
        QVERIFY(before < hlc.observe(Hlc {10, 0, 3}));
    }

    void restoreNeverMovesBackwards()
    {
        ManualClock wall(100);
        HybridLogicalClock hlc(wall, 1);
        hlc.restore(Hlc {9'000, 2, 1});
        QCOMPARE(hlc.tick(), (Hlc {9'000, 3, 1}));
        hlc.restore(Hlc {50, 0, 1});
        QCOMPARE(hlc.tick(), (Hlc {9'000, 4, 1}));
    }

    void textFormSortsLikeTheStampAndRoundTrips()
    {
        const QList<Hlc> stamps {{1, 0, 5}, {1, 1, 0}, {1, 1, 9}, {2, 0, 0}, {0xFFFFFFFFFFFF, 0xFFFF, 0xFFFFFFFF}};
        for (qsizetype i = 0; i + 1 < stamps.size(); ++i) {
            QVERIFY(stamps[i] < stamps[i + 1]);
            QVERIFY(stamps[i].toString() < stamps[i + 1].toString());
        }
        for (const Hlc& h : stamps) {
            bool ok = false;
            QCOMPARE(Hlc::fromString(h.toString(), &ok), h);
            QVERIFY(ok);
            QCOMPARE(Hlc::fromPacked(h.packed(), h.siteId), h);
        }
        bool ok = true;
        Hlc::fromString(QStringLiteral("not-a-stamp"), &ok);
        QVERIFY(!ok);
        Hlc::fromString(QStringLiteral("zzzzzzzzzzzz-0000-00000000"), &ok);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "TestHlc.moc"
