#include "core/domain/CustomerValidator.h"

#include <QTest>

using namespace kasir;

namespace {

const QDate kToday(2026, 11, 21);
const QString kRegion = QStringLiteral("ID");

Result<Customer> apply(const CustomerInput& in, const Customer& base = {})
{
    return CustomerValidator::apply(base, in, kRegion, kToday);
}

QStringList failingFields(const Result<Customer>& r)
{
    QStringList out;
    if (!r)
        for (const FieldError& f : r.error().fields)
            out << f.field;
    return out;
}

} // namespace

class TestCustomerValidator : public QObject
{
    Q_OBJECT

private slots:
    void normalisesWhatItKeeps()
    {
        CustomerInput in;
        in.name = QStringLiteral("  Siti   Nurhaliza ");
        in.phone = QStringLiteral("0812 3456 7890");
        in.email = QStringLiteral(" Siti@Example.CO.ID ");
        in.postalCode = QStringLiteral("12190");
        in.type = QStringLiteral("VIP");
        in.level = QStringLiteral("gold");
        in.discountOverride = QStringLiteral("12.5");
        in.birthDate = QStringLiteral("1990-05-15");
        in.gender = QStringLiteral("female");
        in.notes = QStringLiteral("  line one\r\nline two  ");
        const auto r = apply(in);
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().describe()));
        QCOMPARE(r->name, QStringLiteral("Siti Nurhaliza"));
        QCOMPARE(r->phone, QStringLiteral("+6281234567890"));
        QCOMPARE(r->email, QStringLiteral("siti@example.co.id"));
        QCOMPARE(r->type, CustomerType::Vip);
        QCOMPARE(r->level, MembershipLevel::Gold);
        QCOMPARE(r->discountOverrideBp, std::optional<int>(1250));
        QCOMPARE(r->birthDate, QDate(1990, 5, 15));
        QCOMPARE(r->gender, Gender::Female);
        QCOMPARE(r->notes, QStringLiteral("line one\nline two"));
        QCOMPARE(r->status, CustomerStatus::Active);
        QVERIFY(r->preferSms);
    }

    void reportsEveryFailingFieldAtOnce()
    {
        CustomerInput in;
        in.name = QStringLiteral("   ");
        in.phone = QStringLiteral("12");
        in.email = QStringLiteral("not-an-email");
        in.type = QStringLiteral("regular-ish");
        in.birthDate = QStringLiteral("2030-01-01");
        in.discountOverride = QStringLiteral("150");
        const auto r = apply(in);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(failingFields(r),
            (QStringList {QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email"),
                QStringLiteral("type"), QStringLiteral("discountOverride"), QStringLiteral("birthDate")}));
        for (const FieldError& f : r.error().fields)
            QVERIFY2(!f.message.isEmpty(), qPrintable(f.field));
    }

    void nameIsRequiredOnCreateOnly()
    {
        QCOMPARE(failingFields(apply(CustomerInput {})), QStringList {QStringLiteral("name")});
        Customer existing;
        existing.name = QStringLiteral("Budi");
        CustomerInput in;
        in.city = QStringLiteral("Bandung");
        QVERIFY(apply(in, existing).ok());
    }

    void lengthsCountCharactersNotBytes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("limit");
        QTest::newRow("name") << QStringLiteral("name") << 255;
        QTest::newRow("address") << QStringLiteral("address") << 500;
        QTest::newRow("notes") << QStringLiteral("notes") << 2000;
        QTest::newRow("city") << QStringLiteral("city") << 100;
    }

    void lengthsCountCharactersNotBytes()
    {
        QFETCH(QString, field);
        QFETCH(int, limit);
        // An emoji is two UTF-16 units and four UTF-8 bytes, but one character.
        const QString emoji = QString::fromUcs4(U"\U0001F600", 1);
        auto input = [&](int n) {
            QString text;
            for (int i = 0; i < n; ++i)
                text += (i % 2) ? emoji : QStringLiteral("é");
            CustomerInput in;
            in.name = QStringLiteral("Ana");
            if (field == u"name")
                in.name = text;
            else if (field == u"address")
                in.address = text;
            else if (field == u"notes")
                in.notes = text;
            else
                in.city = text;
            return in;
        };
        QVERIFY(apply(input(limit)).ok());
        QCOMPARE(failingFields(apply(input(limit + 1))), QStringList {field});
    }

    void acceptsTheWorldsNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("accents") << QStringLiteral("Sútrisnó Ñúñez");
        QTest::newRow("arabic") << QStringLiteral("محمد عبد الله");
        QTest::newRow("chinese") << QStringLiteral("林志明");
        QTest::newRow("devanagari") << QStringLiteral("अर्जुन शर्मा");
        QTest::newRow("quotes and sql") << QStringLiteral("O'Brien \"Bob\"; DROP TABLE customer;--");
        QTest::newRow("emoji") << QString::fromUcs4(U"Toko \U0001F6D2 Ani", 10);
    }

    void acceptsTheWorldsNames()
    {
        QFETCH(QString, name);
        CustomerInput in;
        in.name = name;
        const auto r = apply(in);
        QVERIFY(r.ok());
        QCOMPARE(r->name, name);
    }

    void refusesControlCharacters()
    {
        CustomerInput in;
        in.name = QStringLiteral("Ana\u0000Bad");
        QCOMPARE(failingFields(apply(in)), QStringList {QStringLiteral("name")});
        in.name = QStringLiteral("Ana\nBaris");
        QCOMPARE(failingFields(apply(in)), QStringList {QStringLiteral("name")});
        in.name = QStringLiteral("Ana");
        in.notes = QStringLiteral("bell \a");
        QCOMPARE(failingFields(apply(in)), QStringList {QStringLiteral("notes")});
        in.notes = QString(QChar(0xD800)) + QStringLiteral("lone surrogate");
        QCOMPARE(failingFields(apply(in)), QStringList {QStringLiteral("notes")});
    }

    void emailRules_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("ani@example.com") << true;
        QTest::newRow("plus and dots") << QStringLiteral("ani.w+promo@mail.example.co.id") << true;
        QTest::newRow("unicode domain") << QStringLiteral("ani@tokobaru.indonesia") << true;
        QTest::newRow("no at") << QStringLiteral("ani.example.com") << false;
        QTest::newRow("no domain dot") << QStringLiteral("ani@localhost") << false;
        QTest::newRow("two ats") << QStringLiteral("a@b@example.com") << false;
        QTest::newRow("space") << QStringLiteral("ani wulan@example.com") << false;
        QTest::newRow("double dot") << QStringLiteral("ani..w@example.com") << false;
        QTest::newRow("injection") << QStringLiteral("x@y.com'); DELETE FROM customer; --") << false;
    }

    void emailRules()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        in.email = email;
        QCOMPARE(apply(in).ok(), valid);
    }

    void percentagesAreExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("basisPoints");
        QTest::newRow("whole") << QStringLiteral("15") << 1500;
        QTest::newRow("one decimal") << QStringLiteral("12.5") << 1250;
        QTest::newRow("two decimals") << QStringLiteral("0.05") << 5;
        QTest::newRow("comma") << QStringLiteral("7,25") << 725;
        QTest::newRow("percent sign") << QStringLiteral("20%") << 2000;
        QTest::newRow("hundred") << QStringLiteral("100") << 10000;
        QTest::newRow("three decimals") << QStringLiteral("1.234") << -1;
        QTest::newRow("negative") << QStringLiteral("-5") << -1;
        QTest::newRow("over 100") << QStringLiteral("100.01") << -1;
        QTest::newRow("text") << QStringLiteral("ten") << -1;
        QTest::newRow("huge") << QStringLiteral("99999999999999999999") << -1;
    }

    void percentagesAreExact()
    {
        QFETCH(QString, text);
        QFETCH(int, basisPoints);
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        in.discountOverride = text;
        const auto r = apply(in);
        if (basisPoints < 0) {
            QCOMPARE(failingFields(r), QStringList {QStringLiteral("discountOverride")});
        } else {
            QVERIFY(r.ok());
            QCOMPARE(r->discountOverrideBp, std::optional<int>(basisPoints));
            QCOMPARE(
                Percent::parseBasisPoints(Percent::formatBasisPoints(basisPoints)), std::optional<int>(basisPoints));
        }
    }

    void emptyStringClearsAnOptionalField()
    {
        Customer base;
        base.name = QStringLiteral("Ani");
        base.email = QStringLiteral("ani@example.com");
        base.discountOverrideBp = 500;
        base.birthDate = QDate(1990, 1, 1);
        CustomerInput in;
        in.email = QString();
        in.discountOverride = QString();
        in.birthDate = QString();
        const auto r = apply(in, base);
        QVERIFY(r.ok());
        QVERIFY(r->email.isEmpty());
        QVERIFY(!r->discountOverrideBp);
        QVERIFY(!r->birthDate.isValid());
    }

    void datesAreChecked()
    {
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        for (const QString& bad : {QStringLiteral("15/05/1990"), QStringLiteral("1990-02-30"),
                 QStringLiteral("1899-12-31"), QStringLiteral("2026-11-22"), QStringLiteral("1990-5-1")}) {
            in.birthDate = bad;
            QCOMPARE(failingFields(apply(in)), QStringList {QStringLiteral("birthDate")});
        }
        in.birthDate = QStringLiteral("2026-11-21");
        QVERIFY(apply(in).ok());
    }

    void acceptsTheSeedsSpellings()
    {
        CustomerInput in;
        in.name = QStringLiteral("Ani");
        in.type = QStringLiteral("walk_in");
        in.status = QStringLiteral("blacklisted");
        const auto r = apply(in);
        QVERIFY(r.ok());
        QCOMPARE(r->type, CustomerType::WalkIn);
        QCOMPARE(r->status, CustomerStatus::Blocked);
    }
};

QTEST_GUILESS_MAIN(TestCustomerValidator)
#include "TestCustomerValidator.moc"
