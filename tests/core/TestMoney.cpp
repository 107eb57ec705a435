#include "core/domain/Money.h"

#include <QLocale>
#include <QTest>

using namespace kasir;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void parsesWhatACashierTypes_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<qint64>("minor"); // -1: refused
        // Rupiah have no cents: dots and commas are thousands separators in any locale.
        QTest::newRow("plain") << "en_US"
                               << "IDR"
                               << "50000" << qint64(50'000);
        QTest::newRow("id dots") << "id_ID"
                                 << "IDR"
                                 << "2.000.000" << qint64(2'000'000);
        QTest::newRow("en commas") << "en_US"
                                   << "IDR"
                                   << "2,000,000" << qint64(2'000'000);
        QTest::newRow("code and spaces") << "id_ID"
                                         << "IDR"
                                         << " IDR 25.000 " << qint64(25'000);
        QTest::newRow("lower-case code") << "en_US"
                                         << "IDR"
                                         << "idr 500" << qint64(500);
        // Shillings have cents: the locale's decimal point, up to two digits.
        QTest::newRow("cents") << "en_US"
                               << "KES"
                               << "12.50" << qint64(1'250);
        QTest::newRow("one decimal") << "en_US"
                                     << "KES"
                                     << "12.5" << qint64(1'250);
        QTest::newRow("grouped cents") << "en_US"
                                       << "KES"
                                       << "1,250.05" << qint64(125'005);
        QTest::newRow("only cents") << "en_US"
                                    << "KES"
                                    << ".75" << qint64(75);
        QTest::newRow("too many decimals") << "en_US"
                                           << "KES"
                                           << "1.005" << qint64(-1);
        QTest::newRow("empty") << "en_US"
                               << "IDR"
                               << "" << qint64(-1);
        QTest::newRow("only the code") << "en_US"
                                       << "IDR"
                                       << "IDR" << qint64(-1);
        QTest::newRow("letters") << "en_US"
                                 << "IDR"
                                 << "lots" << qint64(-1);
        QTest::newRow("negative") << "en_US"
                                  << "IDR"
                                  << "-500" << qint64(-1);
        QTest::newRow("sql") << "en_US"
                             << "IDR"
                             << "1'; DROP TABLE sale; --" << qint64(-1);
        QTest::newRow("arabic digits") << "en_US"
                                       << "IDR" << QString::fromUtf8("١٢٣") << qint64(-1);
        QTest::newRow("15 digits") << "en_US"
                                   << "IDR"
                                   << "999999999999999" << qint64(999'999'999'999'999);
        QTest::newRow("16 digits") << "en_US"
                                   << "IDR"
                                   << "9999999999999999" << qint64(-1);
    }

    void parsesWhatACashierTypes()
    {
        QFETCH(QString, locale);
        QFETCH(QString, currency);
        QFETCH(QString, typed);
        QFETCH(qint64, minor);
        QLocale::setDefault(QLocale(locale));
        const std::optional<qint64> parsed = Money::parse(typed, currency);
        if (minor < 0)
            QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        else
            QCOMPARE(parsed, std::optional<qint64>(minor));
    }

    void formatThenParseIsTheSameAmount()
    {
        for (const char* locale : {"en_US", "id_ID"}) {
            QLocale::setDefault(QLocale(QString::fromLatin1(locale)));
            for (const QString& currency : {QStringLiteral("IDR"), QStringLiteral("KES")}) {
                for (qint64 amount : {qint64(0), qint64(7), qint64(1'250), qint64(2'000'000), qint64(123'456'789)})
                    QCOMPARE(Money::parse(Money::format(amount, currency), currency), std::optional<qint64>(amount));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
