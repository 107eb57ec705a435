#include "core/domain/Ids.h"

#include <QSet>
#include <QTest>

using namespace kasir;

class TestIds : public QObject
{
    Q_OBJECT

private slots:
    void areVersion7AndSortInCreationOrder()
    {
        QString last;
        QSet<QString> seen;
        // Many ids in the same millisecond, and the clock stepping back once.
        for (int i = 0; i < 10'000; ++i) {
            const qint64 ms = i == 5000 ? 1'700'000'000'000 - 10 : 1'700'000'000'000 + i / 3000;
            const QString id = Ids::newId(ms);
            QVERIFY(Ids::isValid(id));
            QCOMPARE(uchar(QUuid::fromString(id).toRfc4122().at(6)) >> 4, 7); // Qt 6.4 predates version 7
            QCOMPARE(QUuid::fromString(id).variant(), QUuid::DCE);
            QVERIFY2(id > last, qPrintable(last + QStringLiteral(" then ") + id));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            last = id;
        }
        QVERIFY(!Ids::isValid(QStringLiteral("C-000001")));
        QVERIFY(!Ids::isValid(QString()));
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "TestIds.moc"
