#include "core/domain/PhoneNumber.h"

#include <QTest>

using namespace kasir;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void normalisesEveryWrittenForm_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        const QString id = QStringLiteral("ID");
        const QString expected = QStringLiteral("+6281234567890");
        QTest::newRow("local with spaces") << QStringLiteral("0812 3456 7890") << id << expected;
        QTest::newRow("local with dashes") << QStringLiteral("0812-3456-7890") << id << expected;
        QTest::newRow("international") << QStringLiteral("+62 812-3456-7890") << id << expected;
        QTest::newRow("country code, no plus") << QStringLiteral("6281234567890") << id << expected;
        QTest::newRow("brackets and dots") << QStringLiteral("(0812) 3456.7890") << id << expected;
        QTest::newRow("surrounding blanks") << QStringLiteral("  081234567890\t") << id << expected;
        QTest::newRow("Kenya from Indonesia")
            << QStringLiteral("+254 712 345678") << id << QStringLiteral("+254712345678");
        QTest::newRow("Kenya local") << QStringLiteral("0712 345678") << QStringLiteral("KE")
                                     << QStringLiteral("+254712345678");
        QTest::newRow("India local") << QStringLiteral("098765 43210") << QStringLiteral("IN")
                                     << QStringLiteral("+919876543210");
        QTest::newRow("Jakarta landline") << QStringLiteral("(021) 5790 1234") << id << QStringLiteral("+622157901234");
    }

    void normalisesEveryWrittenForm()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        const auto parsed = PhoneNumber::parse(input, region);
        QVERIFY2(parsed.ok(), qPrintable(input));
        QCOMPARE(parsed.e164, e164);
        QVERIFY(PhoneNumber::looksLikeE164(parsed.e164));
    }

    void refusesWhatIsNotAPhoneNumber_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("problem");
        QTest::newRow("empty") << QString() << int(PhoneNumber::Problem::Empty);
        QTest::newRow("blank") << QStringLiteral("   ") << int(PhoneNumber::Problem::Empty);
        QTest::newRow("letters") << QStringLiteral("call me maybe") << int(PhoneNumber::Problem::NotANumber);
        QTest::newRow("too short") << QStringLiteral("123") << int(PhoneNumber::Problem::NotValid);
        QTest::newRow("huge") << QString(5000, QLatin1Char('9')) << int(PhoneNumber::Problem::TooLong);
        QTest::newRow("unknown country") << QStringLiteral("+999 1234 5678")
                                         << int(PhoneNumber::Problem::UnknownCountry);
        QTest::newRow("sql") << QStringLiteral("0812'; DROP TABLE customer;--")
                             << int(PhoneNumber::Problem::NotANumber);
    }

    void refusesWhatIsNotAPhoneNumber()
    {
        QFETCH(QString, input);
        QFETCH(int, problem);
        const auto parsed = PhoneNumber::parse(input, QStringLiteral("ID"));
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.e164.isEmpty());
        // The exact reason varies between libphonenumber versions for short numbers.
        if (problem != int(PhoneNumber::Problem::NotValid))
            QCOMPARE(int(parsed.problem), problem);
    }

    void reversedDigitsServeSuffixSearch()
    {
        QCOMPARE(PhoneNumber::reversedDigits(u"+6281234567890"), QStringLiteral("0987654321826"));
        QVERIFY(PhoneNumber::reversedDigits(u"+6281234567890").startsWith(PhoneNumber::reversedDigits(u"7890")));
        QCOMPARE(PhoneNumber::digitsOnly(u"+62 (812) 34-56"), QStringLiteral("628123456"));
    }

    void guessesTheUsualFormsWithoutTheParser()
    {
        const QString id = QStringLiteral("ID");
        QCOMPARE(PhoneNumber::likelyE164(u"0812-3456-7890", id), QStringList {QStringLiteral("+6281234567890")});
        QCOMPARE(PhoneNumber::likelyE164(u"+62 (812) 3456.7890", id), QStringList {QStringLiteral("+6281234567890")});
        QCOMPARE(PhoneNumber::likelyE164(u"6281234567890", id), QStringList {QStringLiteral("+6281234567890")});
        QCOMPARE(PhoneNumber::likelyE164(u"0712 345678", QStringLiteral("KE")),
            QStringList {QStringLiteral("+254712345678")});
        QVERIFY(PhoneNumber::likelyE164(u"0812 3456 7890 ext. 12", id).isEmpty());
        QVERIFY(PhoneNumber::likelyE164(u"1234", id).isEmpty());
        QVERIFY(PhoneNumber::likelyE164(u"call 0812", id).isEmpty());
        // Every guess that is valid agrees with the parser.
        for (const QString& written : {QStringLiteral("0812 3456 7890"), QStringLiteral("62812-3456-7890"),
                 QStringLiteral("+254 712 345678"), QStringLiteral("(021) 5790 1234")}) {
            const auto parsed = PhoneNumber::parse(written, id);
            QVERIFY(parsed.ok());
            QVERIFY2(PhoneNumber::likelyE164(written, id).contains(parsed.e164), qPrintable(written));
        }
    }

    void formatsForPeople()
    {
        QCOMPARE(
            PhoneNumber::formatInternational(QStringLiteral("+6281234567890")), QStringLiteral("+62 812-3456-7890"));
        QCOMPARE(PhoneNumber::formatNational(QStringLiteral("+6281234567890")), QStringLiteral("0812-3456-7890"));
        QCOMPARE(PhoneNumber::formatInternational(QString()), QString());
    }

    void knowsRegions()
    {
        QVERIFY(PhoneNumber::isKnownRegion(QStringLiteral("ID")));
        QVERIFY(PhoneNumber::isKnownRegion(QStringLiteral("ke")));
        QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("XX")));
        QVERIFY(!PhoneNumber::isKnownRegion(QStringLiteral("IDN")));
        QCOMPARE(PhoneNumber::countryCodeForRegion(QStringLiteral("ID")), 62);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "TestPhoneNumber.moc"
