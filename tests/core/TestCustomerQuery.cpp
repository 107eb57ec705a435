#include "core/domain/CustomerQuery.h"

#include <QTest>

using namespace kasir;
using Kind = CustomerSearchTerms::Kind;

class TestCustomerQuery : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSearchText()
    {
        const QString id = QStringLiteral("ID");
        QCOMPARE(CustomerSearchTerms::classify(QString(), id).kind, Kind::None);
        QCOMPARE(CustomerSearchTerms::classify(QStringLiteral("   "), id).kind, Kind::None);

        auto t = CustomerSearchTerms::classify(QStringLiteral("0812 3456 7890"), id);
        QCOMPARE(t.kind, Kind::Phone);
        QCOMPARE(t.phoneExact, QStringLiteral("+6281234567890"));

        t = CustomerSearchTerms::classify(QStringLiteral("7890"), id);
        QCOMPARE(t.kind, Kind::Phone);
        QCOMPARE(t.phoneSuffixReversed, QStringLiteral("0987"));
        QVERIFY(t.phonePrefix.isEmpty());

        t = CustomerSearchTerms::classify(QStringLiteral("0812-3456"), id);
        QCOMPARE(t.kind, Kind::Phone);
        QCOMPARE(t.phonePrefix, QStringLiteral("+628123456"));

        t = CustomerSearchTerms::classify(QStringLiteral("123"), id);
        QCOMPARE(t.kind, Kind::Name); // too few digits for a phone search

        t = CustomerSearchTerms::classify(QStringLiteral("Ani@Example"), id);
        QCOMPARE(t.kind, Kind::Email);
        QCOMPARE(t.emailPrefix, QStringLiteral("ani@example"));

        t = CustomerSearchTerms::classify(QStringLiteral("c-42"), id);
        QCOMPARE(t.kind, Kind::Code);
        QCOMPARE(t.code, QStringLiteral("C-000042"));

        t = CustomerSearchTerms::classify(QStringLiteral("Sútrisnó  agus"), id);
        QCOMPARE(t.kind, Kind::Name);
        QCOMPARE(t.nameWords, QStringList({QStringLiteral("sutrisno"), QStringLiteral("agus")}));

        // Punctuation ends a word, as it does in the index; a repeated word counts once.
        t = CustomerSearchTerms::classify(QStringLiteral("O'Brien siti-nur o"), id);
        QCOMPARE(t.nameWords,
            QStringList({QStringLiteral("o"), QStringLiteral("brien"), QStringLiteral("siti"), QStringLiteral("nur")}));
    }

    void nameTermsAreOnlyWords()
    {
        const QString id = QStringLiteral("ID");
        // Quotes, operators, SQL and wildcards become plain words.
        auto t = CustomerSearchTerms::classify(QStringLiteral("\"ani\" OR name:* NEAR(x y) -b"), id);
        QCOMPARE(t.kind, Kind::Name);
        QCOMPARE(t.nameWords,
            QStringList({QStringLiteral("ani"), QStringLiteral("or"), QStringLiteral("name"), QStringLiteral("near"),
                QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("b")}));
        t = CustomerSearchTerms::classify(QStringLiteral("x'; DROP TABLE customer; -- %_"), id);
        QCOMPARE(t.nameWords,
            QStringList(
                {QStringLiteral("x"), QStringLiteral("drop"), QStringLiteral("table"), QStringLiteral("customer")}));
        t = CustomerSearchTerms::classify(QStringLiteral("*** ---"), id);
        QCOMPARE(t.kind, Kind::None);
        t = CustomerSearchTerms::classify(QString(1000, QLatin1Char('a')) + QStringLiteral(" b c d e f g h i j"), id);
        QCOMPARE(t.nameWords.size(), CustomerSearchTerms::maxNameTokens);
    }

    void frequencyRangesAgreeWithTheThresholds()
    {
        // The filter's purchase ranges and the figure's classification come from the same
        // thresholds: every count lies in the range of exactly its own frequency.
        const QList<RepeatFrequency> all {RepeatFrequency::None, RepeatFrequency::OneTime, RepeatFrequency::Occasional,
            RepeatFrequency::Regular, RepeatFrequency::Frequent};
        for (qint64 purchases = -2; purchases <= RepeatFrequencies::frequentFrom + 2; ++purchases) {
            int ranges = 0;
            for (const RepeatFrequency f : all) {
                const auto r = RepeatFrequencies::rangeOf(f);
                const bool inside = (!r.from || purchases >= *r.from) && (!r.below || purchases < *r.below);
                if (inside) {
                    ++ranges;
                    QCOMPARE(f, RepeatFrequencies::of(purchases));
                }
            }
            QCOMPARE(ranges, 1);
        }
        QCOMPARE(RepeatFrequencies::names().size(), all.size());
        for (const QString& name : RepeatFrequencies::names())
            QCOMPARE(RepeatFrequencies::toString(*RepeatFrequencies::parse(name)), name);
    }

    void readsBalanceNames()
    {
        for (const QString& name : CustomerQuery::balanceNames())
            QCOMPARE(CustomerQuery::toString(*CustomerQuery::parseBalance(name)), name);
        QCOMPARE(CustomerQuery::parseBalance(u" DEBT "), CustomerQuery::Balance::Debt);
        QVERIFY(!CustomerQuery::parseBalance(u"owed"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerQuery)
#include "TestCustomerQuery.moc"
