#include "core/domain/Clock.h"
#include "core/storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace kasir;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QJsonObject error;
    QByteArray rawOut;
    QByteArray rawErr;

    QJsonObject first() const { return lines.value(0); }
};

} // namespace

// kasirctl driven as a person or a script would: a real process on a real file.
class TestKasirctl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run kasirctl(const QStringList& args, const QProcessEnvironment& extra = {}, const QByteArray& stdinData = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        for (const QString& key : extra.keys())
            env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KASIRCTL_PATH), QStringList {QStringLiteral("--db"), m_db} + args);
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(120'000))
            return r;
        r.exitCode = p.exitCode();
        r.rawOut = p.readAllStandardOutput();
        for (const QByteArray& line : r.rawOut.split('\n'))
            if (!line.trimmed().isEmpty())
                r.lines << QJsonDocument::fromJson(line).object();
        r.rawErr = p.readAllStandardError();
        r.error = QJsonDocument::fromJson(r.rawErr.trimmed()).object();
        return r;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int counter = 0;
        m_db = m_dir.filePath(QStringLiteral("kasir-%1.db").arg(++counter));
        if (QString::fromLatin1(QTest::currentTestFunction()) != u"initValidatesItsInput") {
            const Run r = kasirctl({QStringLiteral("init"), QStringLiteral("--company"), QStringLiteral("Toko Maju"),
                QStringLiteral("--admin-password"), QStringLiteral("rahasia-admin")});
            QCOMPARE(r.exitCode, 0);
        }
    }

    void roundTripsACustomer()
    {
        Run r = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Agus Santoso"), QStringLiteral("--phone"), QStringLiteral("0812 3456 7890"),
            QStringLiteral("--email"), QStringLiteral("Agus@Example.com"), QStringLiteral("--postal-code"),
            QStringLiteral("12190"), QStringLiteral("--type"), QStringLiteral("member"),
            QStringLiteral("--prefer-whatsapp"), QStringLiteral("yes")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject added = r.first();
        QCOMPARE(added.value(QStringLiteral("code")).toString(), QStringLiteral("C-000001"));
        QCOMPARE(added.value(QStringLiteral("phone")).toString(), QStringLiteral("+6281234567890"));
        QCOMPARE(added.value(QStringLiteral("email")).toString(), QStringLiteral("agus@example.com"));
        QCOMPARE(added.value(QStringLiteral("postalCode")).toString(), QStringLiteral("12190"));
        QCOMPARE(added.value(QStringLiteral("preferWhatsapp")).toBool(), true);
        const QString id = added.value(QStringLiteral("id")).toString();

        for (const QString& form :
            {QStringLiteral("+62 812-3456-7890"), QStringLiteral("62812 3456 7890"), QStringLiteral("081234567890")}) {
            r = kasirctl({QStringLiteral("customer"), QStringLiteral("find"), form});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.first().value(QStringLiteral("id")).toString(), id);
        }
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("0812 0000 0000")});
        QCOMPARE(r.exitCode, 3);

        kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Siti Agustina"), QStringLiteral("--phone"), QStringLiteral("0813 1111 7890")});
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("--q"),
            QStringLiteral("agus"), QStringLiteral("--page-info")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 3);
        QCOMPARE(r.lines[0].value(QStringLiteral("name")).toString(), QStringLiteral("Agus Santoso"));
        QCOMPARE(r.lines[1].value(QStringLiteral("name")).toString(), QStringLiteral("Siti Agustina"));
        QCOMPARE(r.lines[2].value(QStringLiteral("pageInfo")).toObject().value(QStringLiteral("total")).toInt(), 2);
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("--q"),
            QStringLiteral("7890"), QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--page-info")});
        QCOMPARE(r.lines.size(), 2);
        const QString next
            = r.lines[1].value(QStringLiteral("pageInfo")).toObject().value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("--q"),
            QStringLiteral("7890"), QStringLiteral("--after"), next});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("name")).toString(), QStringLiteral("Siti Agustina"));

        r = kasirctl({QStringLiteral("customer"), QStringLiteral("update"), QStringLiteral("c1"),
            QStringLiteral("--city"), QStringLiteral("Bandung"), QStringLiteral("--email"), QString()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("city")).toString(), QStringLiteral("Bandung"));
        QVERIFY(!r.first().contains(QStringLiteral("email")));

        r = kasirctl({QStringLiteral("customer"), QStringLiteral("deactivate"), id});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("get"), QStringLiteral("C-000001")});
        QCOMPARE(r.first().value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
        QCOMPARE(r.first().value(QStringLiteral("city")).toString(), QStringLiteral("Bandung"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("reactivate"), id});
        QCOMPARE(r.first().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("delete"), id});
        QCOMPARE(r.exitCode, 0);
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("get"), id});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void invalidInputNamesTheField_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        const QString add = QStringLiteral("add");
        const QString c = QStringLiteral("customer");
        auto addWith = [&](const QStringList& extra) {
            return QStringList {c, add, QStringLiteral("--name"), QStringLiteral("Ani")} + extra;
        };
        QTest::newRow("no name") << QStringList {c, add, QStringLiteral("--phone"), QStringLiteral("0812 1111 2222")}
                                 << QStringLiteral("name");
        QTest::newRow("blank name") << QStringList {c, add, QStringLiteral("--name"), QStringLiteral("   ")}
                                    << QStringLiteral("name");
        QTest::newRow("name too long") << QStringList {c, add, QStringLiteral("--name"), QString(256, QLatin1Char('a'))}
                                       << QStringLiteral("name");
        QTest::newRow("phone letters") << addWith({QStringLiteral("--phone"), QStringLiteral("abc")})
                                       << QStringLiteral("phone");
        QTest::newRow("phone sql") << addWith({QStringLiteral("--phone"), QStringLiteral("'; DROP TABLE customer;--")})
                                   << QStringLiteral("phone");
        QTest::newRow("whatsapp short") << addWith({QStringLiteral("--whatsapp"), QStringLiteral("0812")})
                                        << QStringLiteral("whatsapp");
        QTest::newRow("email") << addWith({QStringLiteral("--email"), QStringLiteral("ani@")})
                               << QStringLiteral("email");
        QTest::newRow("address") << addWith({QStringLiteral("--address"), QString(501, QLatin1Char('x'))})
                                 << QStringLiteral("address");
        QTest::newRow("notes") << addWith({QStringLiteral("--notes"), QString(2001, QLatin1Char('x'))})
                               << QStringLiteral("notes");
        QTest::newRow("postal code") << addWith({QStringLiteral("--postal-code"), QStringLiteral("12#45")})
                                     << QStringLiteral("postalCode");
        QTest::newRow("type") << addWith({QStringLiteral("--type"), QStringLiteral("boss")}) << QStringLiteral("type");
        QTest::newRow("status") << addWith({QStringLiteral("--status"), QStringLiteral("deleted")})
                                << QStringLiteral("status");
        QTest::newRow("level") << addWith({QStringLiteral("--level"), QStringLiteral("Diamond")})
                               << QStringLiteral("level");
        QTest::newRow("discount") << addWith({QStringLiteral("--discount-override"), QStringLiteral("101")})
                                  << QStringLiteral("discountOverride");
        QTest::newRow("birth date") << addWith({QStringLiteral("--birth-date"), QStringLiteral("1990-13-01")})
                                    << QStringLiteral("birthDate");
        QTest::newRow("gender") << addWith({QStringLiteral("--gender"), QStringLiteral("x")})
                                << QStringLiteral("gender");
        QTest::newRow("boolean") << addWith({QStringLiteral("--prefer-sms"), QStringLiteral("maybe")})
                                 << QStringLiteral("preferSms");
        QTest::newRow("unknown option") << addWith({QStringLiteral("--colour"), QStringLiteral("red")})
                                        << QStringLiteral("colour");
        QTest::newRow("extra argument") << addWith({QStringLiteral("surplus")}) << QStringLiteral("arguments");
        QTest::newRow("update nothing") << QStringList {c, QStringLiteral("update"), QStringLiteral("C-000001")}
                                        << QStringLiteral("fields");
        QTest::newRow("get without ref") << QStringList {c, QStringLiteral("get")} << QStringLiteral("customer");
        QTest::newRow("get garbage") << QStringList {c, QStringLiteral("get"), QStringLiteral("robert'); --")}
                                     << QStringLiteral("customer");
        QTest::newRow("find garbage") << QStringList {c, QStringLiteral("find"), QStringLiteral("call me")}
                                      << QStringLiteral("phone");
        QTest::newRow("search limit") << QStringList {c, QStringLiteral("search"), QStringLiteral("--limit"),
            QStringLiteral("0")} << QStringLiteral("limit");
        QTest::newRow("search sort") << QStringList {c, QStringLiteral("search"), QStringLiteral("--sort"),
            QStringLiteral("price")} << QStringLiteral("sort");
        QTest::newRow("search date") << QStringList {c, QStringLiteral("search"), QStringLiteral("--created-from"),
            QStringLiteral("yesterday")}
                                     << QStringLiteral("createdFrom");
        for (const auto& [flag, value, field] : {std::tuple {"--balance", "owed", "balance"},
                 std::tuple {"--credit-min", "1.5", "creditMin"}, std::tuple {"--member", "maybe", "membershipActive"},
                 std::tuple {"--last-visit-from", "2026-02-30", "lastVisitFrom"},
                 std::tuple {"--last-visit-to", "soon", "lastVisitTo"},
                 std::tuple {"--spent-min", "-1", "totalSpentMin"}, std::tuple {"--frequency", "daily", "frequency"},
                 std::tuple {"--segment", "champions,vip", "segment"}, std::tuple {"--has-sales", "2", "hasSales"}})
            QTest::newRow(qPrintable(QStringLiteral("search ") + QLatin1String(flag))) << QStringList {
                c, QStringLiteral("search"), QLatin1String(flag), QLatin1String(value)} << QString::fromLatin1(field);
        QTest::newRow("search spent range") << QStringList {c, QStringLiteral("search"), QStringLiteral("--spent-min"),
            QStringLiteral("10"), QStringLiteral("--spent-max"), QStringLiteral("9")}
                                            << QStringLiteral("totalSpentMax");
        QTest::newRow("search cursor") << QStringList {c, QStringLiteral("search"), QStringLiteral("--after"),
            QStringLiteral("bm90IGEgY3Vyc29y")}
                                       << QStringLiteral("after");
        QTest::newRow("demo count") << QStringList {QStringLiteral("demo"), QStringLiteral("--customers"),
            QStringLiteral("-5")} << QStringLiteral("customers");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << QStringLiteral("command");
        QTest::newRow("unknown verb") << QStringList {c, QStringLiteral("explode")} << QStringLiteral("command");
        QTest::newRow("user role") << QStringList {QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("--username"), QStringLiteral("dewi"), QStringLiteral("--role"), QStringLiteral("owner")}
                                   << QStringLiteral("role");
    }

    void invalidInputNamesTheField()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QProcessEnvironment env;
        env.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("rahasia-123"));
        const Run r = kasirctl(args, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.lines.isEmpty());
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(!r.error.value(QStringLiteral("error")).toString().isEmpty(), r.rawErr.constData());
        // Nothing was written.
        const Run list = kasirctl({QStringLiteral("customer"), QStringLiteral("search")});
        QCOMPARE(list.lines.size(), 0);
    }

    void reportsEveryBadFieldTogether()
    {
        const Run r = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QString(),
            QStringLiteral("--phone"), QStringLiteral("12"), QStringLiteral("--email"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        const QJsonArray fields = r.error.value(QStringLiteral("fields")).toArray();
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields[2].toObject().value(QStringLiteral("field")).toString(), QStringLiteral("email"));
    }

    void conflictsAndPermissionsHaveTheirExitCodes()
    {
        const QStringList add {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Ani"), QStringLiteral("--phone"), QStringLiteral("0812 1111 2222")};
        QCOMPARE(kasirctl(add).exitCode, 0);
        Run r = kasirctl(add);
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("phone"));

        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        r = kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                         QStringLiteral("kasir"), QStringLiteral("--role"), QStringLiteral("cashier")},
            pw);
        QCOMPARE(r.exitCode, 0);

        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        const QStringList as {QStringLiteral("--user"), QStringLiteral("kasir")};
        r = kasirctl(as
                + QStringList {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                    QStringLiteral("Budi")},
            cashier);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("createdBy")).toString().isEmpty(), false);
        r = kasirctl(
            as + QStringList {QStringLiteral("customer"), QStringLiteral("deactivate"), QStringLiteral("C-000001")},
            cashier);
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("permission_denied"));
        r = kasirctl(
            as + QStringList {QStringLiteral("customer"), QStringLiteral("delete"), QStringLiteral("C-000001")},
            cashier);
        QCOMPARE(r.exitCode, 5);
        // Password on standard input works too; a wrong one is refused.
        r = kasirctl(as
                + QStringList {QStringLiteral("--password-stdin"), QStringLiteral("customer"), QStringLiteral("get"),
                    QStringLiteral("C-000001")},
            {}, "kasir-rahasia\n");
        QCOMPARE(r.exitCode, 0);
        QProcessEnvironment wrong;
        wrong.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("tebakan"));
        r = kasirctl(
            as + QStringList {QStringLiteral("customer"), QStringLiteral("get"), QStringLiteral("C-000001")}, wrong);
        QCOMPARE(r.exitCode, 5);
        // Still active: the refused deactivate wrote nothing.
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("get"), QStringLiteral("C-000001")});
        QCOMPARE(r.first().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    }

    void sellsRefundsAndKeepsTheLedgers()
    {
        auto ok = [&](const QStringList& args) {
            const Run r = kasirctl(args);
            if (r.exitCode != 0)
                qWarning("%s", r.rawErr.constData());
            return r;
        };
        QCOMPARE(ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"), QStringLiteral("kopi"),
                        QStringLiteral("--name"), QStringLiteral("Kopi Susu"), QStringLiteral("--price"),
                        QStringLiteral("25000")})
                     .first()
                     .value(QStringLiteral("sku"))
                     .toString(),
            QStringLiteral("KOPI"));
        const Run member = ok({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Siti Rahayu"), QStringLiteral("--phone"), QStringLiteral("0812 3456 7890"),
            QStringLiteral("--type"), QStringLiteral("member")});
        const QString code = member.first().value(QStringLiteral("code")).toString();
        // Found by the last digits of the phone; 2 x 25,000 - 5 %, paid in cash with change.
        const Run sale = ok({QStringLiteral("sale"), QStringLiteral("--phone"), QStringLiteral("7890"),
            QStringLiteral("--item"), QStringLiteral("KOPI:2"), QStringLiteral("--pay"), QStringLiteral("cash:50000")});
        QCOMPARE(sale.exitCode, 0);
        QCOMPARE(sale.first().value(QStringLiteral("total")).toInteger(), 47'500);
        QCOMPARE(sale.first().value(QStringLiteral("pointsEarned")).toInteger(), 4);
        QCOMPARE(ok({QStringLiteral("points"), code}).first().value(QStringLiteral("points")).toInteger(), 4);
        QCOMPARE(ok({QStringLiteral("credit"), code, QStringLiteral("--add"), QStringLiteral("10000"),
                        QStringLiteral("--reason"), QStringLiteral("deposit")})
                     .first()
                     .value(QStringLiteral("balanceAfter"))
                     .toInteger(),
            10'000);
        // Store credit past the limit (no debt allowed yet): invalid input, naming the payments.
        const Run past = kasirctl({QStringLiteral("sale"), QStringLiteral("--customer"), code, QStringLiteral("--item"),
            QStringLiteral("KOPI"), QStringLiteral("--pay"), QStringLiteral("store_credit:23750")});
        QCOMPARE(past.exitCode, 2);
        QCOMPARE(past.error.value(QStringLiteral("field")).toString(), QStringLiteral("payments"));
        // Refunded: the points go back.
        const QString order = sale.first().value(QStringLiteral("orderNumber")).toString();
        const Run refund = ok({QStringLiteral("refund"), order, QStringLiteral("--reason"), QStringLiteral("rusak")});
        QCOMPARE(refund.first().value(QStringLiteral("total")).toInteger(), -47'500);
        QCOMPARE(ok({QStringLiteral("points"), code}).first().value(QStringLiteral("points")).toInteger(), 0);
        QCOMPARE(
            kasirctl({QStringLiteral("refund"), order, QStringLiteral("--reason"), QStringLiteral("lagi")}).exitCode,
            4);
        // Bad items and payments: exit 2, each named.
        const Run bad = kasirctl({QStringLiteral("sale"), QStringLiteral("--walk-in"), QStringLiteral("--item"),
            QStringLiteral("KOPI:dua"), QStringLiteral("--pay"), QStringLiteral("bitcoin:5")});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.error.value(QStringLiteral("fields")).toArray().size(), 2);
        // Flags that do not go together are refused, not ignored.
        for (const auto& [args, flag] :
            {std::pair {QStringList {QStringLiteral("credit"), code, QStringLiteral("--add"), QStringLiteral("5"),
                            QStringLiteral("--override"), QStringLiteral("x")},
                 QStringLiteral("override")},
                std::pair {QStringList {QStringLiteral("credit"), code, QStringLiteral("--debit"), QStringLiteral("5"),
                               QStringLiteral("--kind"), QStringLiteral("repayment")},
                    QStringLiteral("kind")},
                std::pair {QStringList {QStringLiteral("points"), code, QStringLiteral("--history"),
                               QStringLiteral("--adjust"), QStringLiteral("3")},
                    QStringLiteral("adjust")},
                std::pair {QStringList {QStringLiteral("sale"), QStringLiteral("--customer"), code,
                               QStringLiteral("--name"), QStringLiteral("Ani"), QStringLiteral("--item"),
                               QStringLiteral("KOPI"), QStringLiteral("--pay"), QStringLiteral("cash:25000")},
                    QStringLiteral("name")}}) {
            const Run r = kasirctl(args);
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), flag);
        }
        // The directory's figure filters: credit held, a member, no sale that stands.
        auto found = [&](const QStringList& filters) {
            QStringList codes;
            const Run r = ok(QStringList {QStringLiteral("customer"), QStringLiteral("search")} + filters);
            for (const QJsonObject& line : r.lines)
                codes << line.value(QStringLiteral("code")).toString();
            return codes;
        };
        const QStringList siti {code};
        QCOMPARE(found({QStringLiteral("--balance"), QStringLiteral("credit"), QStringLiteral("--member"),
                     QStringLiteral("true")}),
            siti);
        QCOMPARE(found({QStringLiteral("--credit-min"), QStringLiteral("10000"), QStringLiteral("--credit-max"),
                     QStringLiteral("10000"), QStringLiteral("--q"), QStringLiteral("siti")}),
            siti);
        QCOMPARE(found({QStringLiteral("--has-sales"), QStringLiteral("false"), QStringLiteral("--frequency"),
                     QStringLiteral("none"), QStringLiteral("--frequency"), QStringLiteral("frequent")}),
            siti);
        QVERIFY(found({QStringLiteral("--has-sales"), QStringLiteral("true")}).isEmpty());
        QVERIFY(found({QStringLiteral("--balance"), QStringLiteral("debt")}).isEmpty());
        QVERIFY(found({QStringLiteral("--member"), QStringLiteral("false")}).isEmpty());
        QVERIFY(found({QStringLiteral("--last-visit-from"), QStringLiteral("2000-01-01")}).isEmpty());
        QCOMPARE(found({QStringLiteral("--spent-min"), QStringLiteral("0"), QStringLiteral("--spent-max"),
                     QStringLiteral("0")}),
            siti);
        QCOMPARE(kasirctl({QStringLiteral("rules"), QStringLiteral("set"), QStringLiteral("--gold-from"),
                              QStringLiteral("1")})
                     .error.value(QStringLiteral("field"))
                     .toString(),
            QStringLiteral("goldFrom"));
    }

    void aKilledSaleLeavesTheWholeSaleOrNothing()
    {
        for (const auto& [sku, price] :
            {std::pair {"KOPI", "25000"}, std::pair {"ROTI", "15000"}, std::pair {"TEH", "8000"}}) {
            QCOMPARE(kasirctl({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"),
                                  QString::fromLatin1(sku), QStringLiteral("--name"), QString::fromLatin1(sku),
                                  QStringLiteral("--price"), QString::fromLatin1(price)})
                         .exitCode,
                0);
        }
        const QString code
            = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("Siti Rahayu"), QStringLiteral("--phone"), QStringLiteral("0812 3456 7890"),
                           QStringLiteral("--type"), QStringLiteral("member")})
                  .first()
                  .value(QStringLiteral("code"))
                  .toString();
        QCOMPARE(kasirctl({QStringLiteral("credit"), code, QStringLiteral("--limit"), QStringLiteral("1000000000")})
                     .exitCode,
            0);
        QCOMPARE(kasirctl({QStringLiteral("credit"), code, QStringLiteral("--add"), QStringLiteral("50000"),
                              QStringLiteral("--reason"), QStringLiteral("deposit")})
                     .exitCode,
            0);
        auto count = [&](const QString& sql) {
            auto db = Database::open(m_db, SystemClock::instance());
            if (!db)
                return qint64(-1);
            QSqlQuery q((*db)->connection());
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
        };

        // Dead at the very moment of COMMIT: every row of the sale was written, none counts.
        QProcess dying;
        dying.start(QStringLiteral(SALE_CRASHER_PATH), {QStringLiteral("die-at-commit"), m_db, code});
        QVERIFY(dying.waitForFinished(30'000));
        QCOMPARE(dying.exitCode(), 9);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sale")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sale_line")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM points_entry")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM credit_entry")), 1); // the deposit
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'sale'")), 0);

        // Killed at random moments of a till selling as fast as it can.
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill times from seed %u", seed);
        QRandomGenerator rng(seed);
        QStringList printed;
        for (int run = 0; run < 8; ++run) {
            QProcess till;
            till.start(QStringLiteral(SALE_CRASHER_PATH), {QStringLiteral("loop"), m_db, code});
            QVERIFY(till.waitForStarted());
            const int atLeast = 1 + rng.bounded(4);
            QString out;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    out += QString::fromUtf8(till.readAllStandardOutput());
                    return out.count(u'\n') >= atLeast;
                }(),
                30'000);
            QThread::usleep(rng.bounded(20'000));
            till.kill();
            QVERIFY(till.waitForFinished(10'000));
            out += QString::fromUtf8(till.readAllStandardOutput());
            printed += out.split(u'\n', Qt::SkipEmptyParts);
        }
        QVERIFY(printed.size() >= 8);

        auto db = Database::open(m_db, SystemClock::instance());
        QVERIFY(db.ok());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        // Every sale the till reported is there; at most one more per kill got committed
        // before it could say so. Order numbers have no gaps: a number is taken in the sale's
        // own transaction.
        QStringList stored;
        QVERIFY(q.exec(QStringLiteral("SELECT order_number FROM sale ORDER BY order_number")));
        while (q.next())
            stored << q.value(0).toString();
        qInfo("%lld sales reported by the killed tills, %lld stored", qint64(printed.size()), qint64(stored.size()));
        for (const QString& order : printed)
            QVERIFY2(stored.contains(order), qPrintable(order));
        QVERIFY(stored.size() >= printed.size() && stored.size() <= printed.size() + 8);
        QVERIFY(stored.last().endsWith(QStringLiteral("-%1").arg(stored.size(), 6, 10, QLatin1Char('0'))));
        // Each sale whole: three lines, two payments, its points and store credit, its audit
        // row and sync op.
        QVERIFY(q.exec(QStringLiteral(
            "SELECT count(*) FROM sale s WHERE (SELECT count(*) FROM sale_line l WHERE l.sale_id = s.id) = 3 "
            "AND (SELECT count(*) FROM sale_payment p WHERE p.sale_id = s.id) = 2 "
            "AND (SELECT count(*) FROM points_entry e WHERE e.sale_id = s.id AND e.points = s.points_earned) = 1 "
            "AND (SELECT count(*) FROM credit_entry e WHERE e.sale_id = s.id AND e.amount = -10000) = 1 "
            "AND (SELECT count(*) FROM audit_log a WHERE a.entity = 'sale' AND a.entity_id = s.id) = 1 "
            "AND (SELECT count(*) FROM sync_outbox o WHERE o.entity = 'sale' AND o.entity_id = s.id) = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(stored.size()));
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM sale_line), (SELECT count(*) FROM points_entry), "
                                      "(SELECT count(*) FROM credit_entry)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(3 * stored.size()));
        QCOMPARE(q.value(1).toLongLong(), qint64(stored.size()));
        QCOMPARE(q.value(2).toLongLong(), qint64(stored.size() + 1));
        q.finish();
        db->reset();
        // And the customer's figures and balances agree with those facts.
        const Run check = kasirctl({QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, check.rawErr.constData());
        const Run metrics = kasirctl({QStringLiteral("customer"), QStringLiteral("metrics"), code});
        QCOMPARE(metrics.first().value(QStringLiteral("purchases")).toInteger(), stored.size());
        QCOMPARE(metrics.first().value(QStringLiteral("credit")).toInteger(), 50'000 - 10'000 * stored.size());
    }

    void linksWalkInSalesAndRebuildsTheFigures()
    {
        QCOMPARE(kasirctl({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"),
                              QStringLiteral("KOPI"), QStringLiteral("--name"), QStringLiteral("Kopi"),
                              QStringLiteral("--price"), QStringLiteral("400000")})
                     .exitCode,
            0);
        QStringList orders;
        for (const QString& phone : {QStringLiteral("0857-1234-5678"), QStringLiteral("+62 857 1234 5678")}) {
            const Run sale = kasirctl({QStringLiteral("sale"), QStringLiteral("--walk-in"), QStringLiteral("--phone"),
                phone, QStringLiteral("--item"), QStringLiteral("KOPI:2"), QStringLiteral("--pay"),
                QStringLiteral("card:800000")});
            QCOMPARE(sale.exitCode, 0);
            orders << sale.first().value(QStringLiteral("orderNumber")).toString();
        }
        QCOMPARE(kasirctl({QStringLiteral("walk-ins"), QStringLiteral("085712345678")}).lines.size(), 2);
        // Registering with that phone says there is something to link.
        const Run added = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Dewi"), QStringLiteral("--phone"), QStringLiteral("0857 1234 5678")});
        QCOMPARE(added.first().value(QStringLiteral("walkInSales")).toInt(), 2);
        const QString code = added.first().value(QStringLiteral("code")).toString();
        Run r = kasirctl({QStringLiteral("link"), code, QStringLiteral("--order"), QStringLiteral("S01-T01-000009")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("orders[0]"));
        r = kasirctl({QStringLiteral("link"), code});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("linked")).toArray().size(), 2);
        QCOMPARE(r.first().value(QStringLiteral("total")).toInteger(), 1'600'000);
        QCOMPARE(r.first().value(QStringLiteral("type")).toString(), QStringLiteral("member"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("metrics"), code});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("purchases")).toInteger(), 2);
        QCOMPARE(r.first().value(QStringLiteral("averageOrderValue")).toInteger(), 800'000);
        QCOMPARE(r.first().value(QStringLiteral("repeatFrequency")).toString(), QStringLiteral("occasional"));
        QCOMPARE(r.first()
                     .value(QStringLiteral("topProducts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("quantity")),
            4);
        QCOMPARE(kasirctl({QStringLiteral("check")}).exitCode, 0);

        // A damaged cache: check names it and fails; rebuild makes it right again.
        {
            auto db = Database::open(m_db, SystemClock::instance());
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE customer_metrics SET purchases = 7")));
        }
        r = kasirctl({QStringLiteral("check")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("mismatch"));
        QCOMPARE(r.first().value(QStringLiteral("field")).toString(), QStringLiteral("purchases"));
        QCOMPARE(r.first().value(QStringLiteral("cached")).toString(), QStringLiteral("7"));
        QCOMPARE(r.first().value(QStringLiteral("fromFacts")).toString(), QStringLiteral("2"));
        r = kasirctl({QStringLiteral("rebuild")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("customers")).toInteger(), 1);
        QCOMPARE(r.first().value(QStringLiteral("sales")).toInteger(), 2);
        QCOMPARE(kasirctl({QStringLiteral("check")}).exitCode, 0);
        QCOMPARE(kasirctl({QStringLiteral("check"), QStringLiteral("--limit"), QStringLiteral("0")})
                     .error.value(QStringLiteral("field"))
                     .toString(),
            QStringLiteral("limit"));
        // A cashier may look, not rebuild.
        QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("kasir1"), QStringLiteral("--role"), QStringLiteral("cashier")},
                     [] {
                         QProcessEnvironment e;
                         e.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia-1"));
                         return e;
                     }())
                     .exitCode,
            0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia-1"));
        QCOMPARE(
            kasirctl({QStringLiteral("--user"), QStringLiteral("kasir1"), QStringLiteral("rebuild")}, cashier).exitCode,
            5);
    }

    void rulesPlaceCustomersAndOldPointsExpire()
    {
        auto ok = [&](const QStringList& args) {
            const Run r = kasirctl(args);
            if (r.exitCode != 0)
                qWarning("%s", r.rawErr.constData());
            return r;
        };
        const QString rules = QStringLiteral("rules");
        const QString set = QStringLiteral("set");
        const QString points = QStringLiteral("points");
        const QString expire = QStringLiteral("expire");
        Run r = ok({rules, set, QStringLiteral("--points-expire-days"), QStringLiteral("30")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("pointsExpireDays")).toInteger(), 30);
        QCOMPARE(r.first().value(QStringLiteral("customersMoved")).toInteger(), 0);
        QCOMPARE(ok({rules, QStringLiteral("show")}).first().value(QStringLiteral("pointsExpireDays")).toInteger(), 30);
        r = kasirctl({rules, set, QStringLiteral("--points-expire-days"), QStringLiteral("36601")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("pointsExpireDays"));

        // A member who bought 500,000 (475,000 after the Bronze discount) stays Bronze until
        // Silver starts at 400,000.
        ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"), QStringLiteral("TV"),
            QStringLiteral("--name"), QStringLiteral("Televisi"), QStringLiteral("--price"), QStringLiteral("500000")});
        const QString code = ok({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                                    QStringLiteral("Rina"), QStringLiteral("--type"), QStringLiteral("member")})
                                 .first()
                                 .value(QStringLiteral("code"))
                                 .toString();
        const Run sale = ok({QStringLiteral("sale"), QStringLiteral("--customer"), code, QStringLiteral("--item"),
            QStringLiteral("TV"), QStringLiteral("--pay"), QStringLiteral("cash:500000")});
        QCOMPARE(sale.first().value(QStringLiteral("pointsEarned")).toInteger(), 47);
        r = ok({rules, set, QStringLiteral("--silver-from"), QStringLiteral("400000")});
        QCOMPARE(r.first().value(QStringLiteral("silverFrom")).toInteger(), 400'000);
        QCOMPARE(r.first().value(QStringLiteral("customersMoved")).toInteger(), 1);
        QCOMPARE(ok({QStringLiteral("customer"), QStringLiteral("get"), code})
                     .first()
                     .value(QStringLiteral("level"))
                     .toString(),
            QStringLiteral("Silver"));

        // Nothing is 30 days old yet.
        r = ok({points, expire});
        QCOMPARE(r.first(), (QJsonObject {{QStringLiteral("customers"), 0}, {QStringLiteral("points"), 0}}));
        // As if the points had been earned 40 days ago.
        {
            auto db = Database::open(m_db, SystemClock::instance());
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE points_entry SET created_at = created_at - 40 * 86400000")));
        }
        r = ok({points, expire});
        QCOMPARE(r.first(), (QJsonObject {{QStringLiteral("customers"), 1}, {QStringLiteral("points"), 47}}));
        QCOMPARE(ok({points, code}).first().value(QStringLiteral("points")).toInteger(), 0);
        QCOMPARE(ok({points, code, QStringLiteral("--history")}).first().value(QStringLiteral("kind")).toString(),
            QStringLiteral("expired"));
        r = ok(
            {points, expire, QStringLiteral("--as-of"), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)});
        QCOMPARE(r.first().value(QStringLiteral("customers")).toInteger(), 0);

        // Bad dates, dates ahead and flags of the other points commands are refused.
        for (const auto& [args, field] : {
                 std::pair {QStringList {points, expire, QStringLiteral("--as-of"), QStringLiteral("kemarin")},
                     QStringLiteral("asOf")},
                 std::pair {QStringList {points, expire, QStringLiteral("--as-of"), QStringLiteral("2999-01-01")},
                     QStringLiteral("asOf")},
                 std::pair {QStringList {points, expire, QStringLiteral("--adjust"), QStringLiteral("5")},
                     QStringLiteral("adjust")},
                 std::pair {QStringList {points, expire, QStringLiteral("--history")}, QStringLiteral("history")},
                 std::pair {QStringList {points, expire, code}, QStringLiteral("arguments")},
                 std::pair {QStringList {points, code, QStringLiteral("--as-of"), QStringLiteral("2026-01-01")},
                     QStringLiteral("as-of")},
             }) {
            r = kasirctl(args);
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), field);
        }

        // A cashier may not expire points.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("kasir"), QStringLiteral("--role"), QStringLiteral("cashier")},
                     pw)
                     .exitCode,
            0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        r = kasirctl({QStringLiteral("--user"), QStringLiteral("kasir"), points, expire}, cashier);
        QCOMPARE(r.exitCode, 5);
    }

    void notesAndTags()
    {
        auto args = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* a : list)
                out << QString::fromUtf8(a);
            return out;
        };
        QCOMPARE(kasirctl(args({"customer", "add", "--name", "Ani"})).exitCode, 0);
        QCOMPARE(kasirctl(args({"customer", "add", "--name", "Budi"})).exitCode, 0);

        // Notes: quotes, SQL and emoji stored as typed; newest first; pages by --before.
        const QString odd = QStringLiteral("Bilang \"jangan\" pakai '; DROP TABLE customer_note; -- \U0001F600");
        Run r = kasirctl(args({"note", "add", "C-000001", "--kind", "feedback", "--text"}) + QStringList {odd});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("body")).toString(), odd);
        QCOMPARE(r.first().value(QStringLiteral("author")).toString(), QStringLiteral("admin"));
        const QString oddId = r.first().value(QStringLiteral("id")).toString();
        QThread::msleep(5);
        QCOMPARE(kasirctl(args({"note", "add", "C-000001", "--kind", "issue", "--text", "Struk hilang"})).exitCode, 0);
        r = kasirctl(args({"note", "list", "C-000001", "--limit", "1"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(r.lines.at(0).value(QStringLiteral("body")).toString(), QStringLiteral("Struk hilang"));
        const QString next = r.lines.at(1).value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        r = kasirctl(args({"note", "list", "C-000001", "--limit", "1", "--before"}) + QStringList {next});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("id")).toString(), oddId);

        // Bad input exits 2 naming the field.
        struct Bad
        {
            QStringList args;
            const char* field;
        };
        const QList<Bad> bad {
            {args({"note", "add", "C-000001", "--kind", "gossip", "--text", "x"}), "kind"},
            {args({"note", "add", "C-000001", "--kind", "issue", "--text", "  "}), "text"},
            {args({"note", "add", "C-000001", "--kind", "issue", "--text"}) + QStringList {QString(2001, u'x')},
                "text"},
            {args({"note", "add", "C-000001", "--text", "x"}), "kind"},
            {args({"note", "list", "C-000001", "--limit", "lots"}), "limit"},
            {args({"note", "list", "C-000001", "--before", "C-000002"}), "before"},
            {args({"note", "delete", "not-an-id"}), "note"},
            {args({"tag", "add", "C-000001", "Hijau", "--color", "green"}), "color"},
            {args({"tag", "add", "C-000001"}), "name"},
            {args({"tag", "popular", "--limit", "0"}), "limit"},
            {args({"customer", "search", "--tag", "x", "--tags-match", "some"}), "tagsMatch"},
            {args({"customer", "search", "--tag", "   "}), "tag"},
        };
        for (const Bad& b : bad) {
            r = kasirctl(b.args);
            QVERIFY2(r.exitCode == 2, qPrintable(b.args.join(u' ') + u' ' + QString::fromUtf8(r.rawErr)));
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QString::fromLatin1(b.field));
        }
        QCOMPARE(kasirctl(args({"note", "list", "C-000099"})).exitCode, 3);

        // Tags: made by the admin on first use; case and accents name the same tag.
        r = kasirctl(args({"tag", "add", "C-000001", "Grosir", "--color", "#F80"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("color")).toString(), QStringLiteral("#ff8800"));
        QVERIFY(r.first().value(QStringLiteral("created")).toBool());
        r = kasirctl(args({"tag", "add", "C-000001", "GRÓSIR"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.first().value(QStringLiteral("added")).toBool());
        QCOMPARE(kasirctl(args({"tag", "add", "C-000002", "grosir"})).exitCode, 0);
        QCOMPARE(kasirctl(args({"tag", "add", "C-000002", "Halal"})).exitCode, 0);
        r = kasirctl(args({"tag", "popular"}));
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(r.first().value(QStringLiteral("name")).toString(), QStringLiteral("Grosir"));
        QCOMPARE(r.first().value(QStringLiteral("customers")).toInt(), 2);
        QCOMPARE(kasirctl(args({"tag", "list"})).lines.size(), 2);
        QCOMPARE(kasirctl(args({"tag", "of", "C-000002"})).lines.size(), 2);
        r = kasirctl(args({"customer", "search", "--tag", "grosir", "--tag", "halal", "--tags-match", "all"}));
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("code")).toString(), QStringLiteral("C-000002"));
        QCOMPARE(kasirctl(args({"customer", "search", "--tag", "grosir", "--tag", "halal"})).lines.size(), 2);
        QCOMPARE(kasirctl(args({"customer", "search", "--q", "budi", "--tag", "grosir"})).lines.size(), 1);
        QCOMPARE(kasirctl(args({"tag", "remove", "C-000002", "halal"})).exitCode, 0);
        QCOMPARE(kasirctl(args({"tag", "remove", "C-000002", "halal"})).exitCode, 3);
        QCOMPARE(kasirctl(args({"tag", "frobnicate"})).exitCode, 2);

        // A cashier notes, but tags no one and deletes no one else's note.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        QCOMPARE(kasirctl(args({"user", "add", "--username", "kasir", "--role", "cashier"}), pw).exitCode, 0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        const QStringList as {QStringLiteral("--user"), QStringLiteral("kasir")};
        r = kasirctl(as + args({"note", "add", "C-000002", "--kind", "preference", "--text", "Suka teh"}), cashier);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(kasirctl(as + args({"note", "delete"}) + QStringList {oddId}, cashier).exitCode, 5);
        QCOMPARE(
            kasirctl(
                as + args({"note", "delete"}) + QStringList {r.first().value(QStringLiteral("id")).toString()}, cashier)
                .exitCode,
            0);
        QCOMPARE(kasirctl(as + args({"tag", "add", "C-000002", "halal"}), cashier).exitCode, 5);
        r = kasirctl(as + args({"tag", "add", "C-000002", "Baru"}), cashier);
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(kasirctl(args({"tag", "list"})).lines.size(), 2);
        QCOMPARE(kasirctl(args({"note", "delete"}) + QStringList {oddId}).exitCode, 0);
        QCOMPARE(kasirctl(args({"note", "list", "C-000001"})).lines.size(), 1);
    }

    void contactsAndPreferences()
    {
        Run r = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Agus"), QStringLiteral("--phone"), QStringLiteral("0812 1111 2222")});
        QCOMPARE(r.exitCode, 0);
        const QString customerId = r.first().value(QStringLiteral("id")).toString();
        const QStringList contact {QStringLiteral("contact")};
        r = kasirctl(contact
            + QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                QStringLiteral("whatsapp"), QStringLiteral("--value"), QStringLiteral("0813 3333 4444"),
                QStringLiteral("--label"), QStringLiteral("kantor")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("value")).toString(), QStringLiteral("+6281333334444"));
        QCOMPARE(r.first().value(QStringLiteral("primary")).toBool(), true);
        QCOMPARE(r.first().value(QStringLiteral("customerId")).toString(), customerId);
        const QString first = r.first().value(QStringLiteral("id")).toString();
        r = kasirctl(contact
            + QStringList {QStringLiteral("add"), customerId, QStringLiteral("--kind"), QStringLiteral("whatsapp"),
                QStringLiteral("--value"), QStringLiteral("+62 821 5555 6666"), QStringLiteral("--primary")});
        QCOMPARE(r.exitCode, 0);
        const QString second = r.first().value(QStringLiteral("id")).toString();
        r = kasirctl(contact + QStringList {QStringLiteral("list"), QStringLiteral("C-000001")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(r.lines[0].value(QStringLiteral("id")).toString(), second);
        QCOMPARE(r.lines[0].value(QStringLiteral("primary")).toBool(), true);
        QCOMPARE(r.lines[1].value(QStringLiteral("primary")).toBool(), false);
        QCOMPARE(r.lines[1].value(QStringLiteral("label")).toString(), QStringLiteral("kantor"));

        // The same number written another way is a conflict naming the value.
        r = kasirctl(contact
            + QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                QStringLiteral("whatsapp"), QStringLiteral("--value"), QStringLiteral("6281333334444")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("value"));
        // Bad input exits 2 naming the field.
        for (const auto& [args, field] : {
                 std::pair {QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                                QStringLiteral("fax"), QStringLiteral("--value"), QStringLiteral("1")},
                     QStringLiteral("kind")},
                 std::pair {QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                                QStringLiteral("email")},
                     QStringLiteral("value")},
                 std::pair {QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                                QStringLiteral("email"), QStringLiteral("--value"), QStringLiteral("x@y")},
                     QStringLiteral("value")},
                 std::pair {QStringList {QStringLiteral("update"), first}, QStringLiteral("fields")},
                 std::pair {
                     QStringList {QStringLiteral("remove"), QStringLiteral("not-an-id")}, QStringLiteral("contact")},
                 std::pair {QStringList {QStringLiteral("list")}, QStringLiteral("customer")},
                 std::pair {QStringList {QStringLiteral("frobnicate")}, QStringLiteral("command")},
             }) {
            r = kasirctl(contact + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(u' ') + QString::fromUtf8(r.rawErr)));
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), field);
        }
        r = kasirctl(contact + QStringList {QStringLiteral("update"), first, QStringLiteral("--primary")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("primary")).toBool(), true);
        r = kasirctl(contact + QStringList {QStringLiteral("remove"), second});
        QCOMPARE(r.exitCode, 0);
        r = kasirctl(contact + QStringList {QStringLiteral("remove"), second});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(kasirctl(contact + QStringList {QStringLiteral("list"), QStringLiteral("C-000001")}).lines.size(), 1);

        // Preferences: the defaults, then a change, then do-not-contact on the customer.
        const QStringList prefs {QStringLiteral("prefs"), QStringLiteral("C-000001")};
        r = kasirctl(prefs);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("canReceiveOffers")).toBool(), false);
        QCOMPARE(r.first().value(QStringLiteral("canReceiveLoyalty")).toBool(), true);
        QCOMPARE(r.first().value(QStringLiteral("favouriteProducts")).toArray().size(), 0);
        r = kasirctl(prefs
            + QStringList {QStringLiteral("--preferred-payment"), QStringLiteral("card"),
                QStringLiteral("--best-contact-time"), QStringLiteral("evening"), QStringLiteral("--offers"),
                QStringLiteral("true"), QStringLiteral("--do-not-contact"), QStringLiteral("true")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("preferredPayment")).toString(), QStringLiteral("card"));
        QCOMPARE(r.first().value(QStringLiteral("bestContactTime")).toString(), QStringLiteral("evening"));
        QCOMPARE(r.first().value(QStringLiteral("canReceiveOffers")).toBool(), true);
        QCOMPARE(r.first().value(QStringLiteral("doNotContact")).toBool(), true);
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("get"), QStringLiteral("C-000001")});
        QCOMPARE(r.first().value(QStringLiteral("doNotContact")).toBool(), true);
        for (const auto& [flag, value, field] : {std::tuple {QStringLiteral("--preferred-payment"),
                                                     QStringLiteral("points"), QStringLiteral("preferredPayment")},
                 std::tuple {
                     QStringLiteral("--best-contact-time"), QStringLiteral("noon"), QStringLiteral("bestContactTime")},
                 std::tuple {QStringLiteral("--offers"), QStringLiteral("maybe"), QStringLiteral("canReceiveOffers")},
                 std::tuple {QStringLiteral("--loyalty"), QStringLiteral("1; DROP TABLE customer"),
                     QStringLiteral("canReceiveLoyalty")},
                 std::tuple {QStringLiteral("--do-not-contact"), QString(), QStringLiteral("doNotContact")}}) {
            r = kasirctl(prefs + QStringList {flag, value});
            QVERIFY2(r.exitCode == 2, qPrintable(flag + QString::fromUtf8(r.rawErr)));
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), field);
        }
        QCOMPARE(kasirctl({QStringLiteral("prefs"), QStringLiteral("C-999999")}).exitCode, 3);

        // A cashier reads but does not change.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("kasir"), QStringLiteral("--role"), QStringLiteral("cashier")},
                     pw)
                     .exitCode,
            0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        const QStringList as {QStringLiteral("--user"), QStringLiteral("kasir")};
        QCOMPARE(kasirctl(as + prefs, cashier).exitCode, 0);
        QCOMPARE(
            kasirctl(as + contact + QStringList {QStringLiteral("list"), QStringLiteral("C-000001")}, cashier).exitCode,
            0);
        r = kasirctl(as + prefs + QStringList {QStringLiteral("--offers"), QStringLiteral("false")}, cashier);
        QCOMPARE(r.exitCode, 5);
        r = kasirctl(as + contact
                + QStringList {QStringLiteral("add"), QStringLiteral("C-000001"), QStringLiteral("--kind"),
                    QStringLiteral("phone"), QStringLiteral("--value"), QStringLiteral("0812 7777 8888")},
            cashier);
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("permission_denied"));
    }

    void showsACustomersActivityToManagers()
    {
        const Run added = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Agus"), QStringLiteral("--city"), QStringLiteral("Bandung")});
        const QString code = added.first().value(QStringLiteral("code")).toString();
        QCOMPARE(kasirctl({QStringLiteral("customer"), QStringLiteral("update"), code, QStringLiteral("--city"),
                              QStringLiteral("Jakarta")})
                     .exitCode,
            0);
        Run r = kasirctl({QStringLiteral("activity"), code});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(r.lines[0].value(QStringLiteral("summary")).toString(),
            QStringLiteral("City changed from Bandung to Jakarta"));
        QCOMPARE(r.lines[1].value(QStringLiteral("summary")).toString(), QStringLiteral("Registered as Agus"));
        QCOMPARE(r.lines[0].value(QStringLiteral("user")).toString(), QStringLiteral("admin"));
        r = kasirctl({QStringLiteral("activity"), code, QStringLiteral("--limit"), QStringLiteral("1"),
            QStringLiteral("--before"), QString::number(r.lines[0].value(QStringLiteral("id")).toInteger())});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("action")).toString(), QStringLiteral("create"));
        QCOMPARE(kasirctl({QStringLiteral("activity"), code, QStringLiteral("--limit"), QStringLiteral("x")})
                     .error.value(QStringLiteral("field"))
                     .toString(),
            QStringLiteral("limit"));
        QCOMPARE(kasirctl({QStringLiteral("activity"), QStringLiteral("C-999999")}).exitCode, 3);
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia-2"));
        QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("kasir2"), QStringLiteral("--role"), QStringLiteral("cashier")},
                     pw)
                     .exitCode,
            0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia-2"));
        QCOMPARE(
            kasirctl({QStringLiteral("--user"), QStringLiteral("kasir2"), QStringLiteral("activity"), code}, cashier)
                .exitCode,
            5);
    }

    void showsTheDashboardFiguresToManagers()
    {
        QCOMPARE(kasirctl({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"),
                              QStringLiteral("TEH"), QStringLiteral("--name"), QStringLiteral("Teh"),
                              QStringLiteral("--price"), QStringLiteral("8000")})
                     .exitCode,
            0);
        for (const char* name : {"Ani", "Budi", "Citra"})
            QCOMPARE(kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QString::fromLatin1(name)})
                         .exitCode,
                0);
        // Ani buys three times, Budi once; Citra holds store credit.
        for (const QString& who : {QStringLiteral("C-000001"), QStringLiteral("C-000001"), QStringLiteral("C-000001"),
                 QStringLiteral("C-000002")})
            QCOMPARE(kasirctl({QStringLiteral("sale"), QStringLiteral("--customer"), who, QStringLiteral("--item"),
                                  QStringLiteral("TEH:2"), QStringLiteral("--pay"), QStringLiteral("cash:16000")})
                         .exitCode,
                0);
        QCOMPARE(kasirctl({QStringLiteral("credit"), QStringLiteral("C-000003"), QStringLiteral("--add"),
                              QStringLiteral("50000"), QStringLiteral("--reason"), QStringLiteral("deposit")})
                     .exitCode,
            0);

        Run r = kasirctl({QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.rawOut);
        QVERIFY2(text.contains(QStringLiteral("Customers          3 (active 3, inactive 0, blocked 0)")), r.rawOut);
        QVERIFY2(text.contains(QStringLiteral("Revenue            IDR 64,000")), r.rawOut);
        QVERIFY2(text.contains(QStringLiteral("2 customers bought, 1 came back (33.3 %)")), r.rawOut);
        QVERIFY2(text.contains(QStringLiteral("Store credit       IDR 50,000 held by 1 customers")), r.rawOut);

        r = kasirctl(
            {QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 1);
        const QJsonObject overview = r.first().value(QStringLiteral("overview")).toObject();
        QCOMPARE(overview.value(QStringLiteral("totalCustomers")).toInt(), 3);
        QCOMPARE(overview.value(QStringLiteral("totalRevenue")).toInt(), 64'000);
        QCOMPARE(overview.value(QStringLiteral("repeatCustomers")).toInt(), 1);
        QCOMPARE(overview.value(QStringLiteral("frequencyDistribution"))
                     .toObject()
                     .value(QStringLiteral("occasional"))
                     .toInt(),
            1);
        QCOMPARE(r.first().value(QStringLiteral("topByRevenue")).toArray().size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("months")).toArray().size(), 12);

        r = kasirctl({QStringLiteral("top"), QStringLiteral("--by"), QStringLiteral("sales")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(r.first().value(QStringLiteral("code")).toString(), QStringLiteral("C-000001"));
        QCOMPARE(r.first().value(QStringLiteral("totalPurchases")).toInt(), 3);
        r = kasirctl({QStringLiteral("top"), QStringLiteral("--by"), QStringLiteral("balance")});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("credit")).toInt(), 50'000);

        r = kasirctl({QStringLiteral("repeat"), QStringLiteral("--min"), QStringLiteral("1"), QStringLiteral("--limit"),
            QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 2);
        const QString next = r.lines.at(1).value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        r = kasirctl(
            {QStringLiteral("repeat"), QStringLiteral("--min"), QStringLiteral("1"), QStringLiteral("--after"), next});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("code")).toString(), QStringLiteral("C-000002"));

        // Bad flags name themselves.
        for (const QStringList& bad :
            {QStringList {QStringLiteral("top"), QStringLiteral("--by"), QStringLiteral("love")},
                QStringList {QStringLiteral("top"), QStringLiteral("--limit"), QStringLiteral("0")},
                QStringList {QStringLiteral("repeat"), QStringLiteral("--min"), QStringLiteral("0")},
                QStringList {QStringLiteral("repeat"), QStringLiteral("--after"), QStringLiteral("x'--")},
                QStringList {QStringLiteral("stats"), QStringLiteral("--churn-days"), QStringLiteral("-5")},
                QStringList {QStringLiteral("stats"), QStringLiteral("--limit"), QStringLiteral("3")}}) {
            r = kasirctl(bad);
            QCOMPARE(r.exitCode, 2);
            const QString flag = bad.at(1).mid(2);
            QCOMPARE(
                r.error.value(QStringLiteral("field")).toString(), flag == u"after" ? QStringLiteral("after") : flag);
        }

        // A cashier does not see the company's figures.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("kasir"), QStringLiteral("--role"), QStringLiteral("cashier")},
                     pw)
                     .exitCode,
            0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        for (const QString& command : {QStringLiteral("stats"), QStringLiteral("top"), QStringLiteral("repeat")}) {
            r = kasirctl({QStringLiteral("--user"), QStringLiteral("kasir"), command}, cashier);
            QCOMPARE(r.exitCode, 5);
        }
    }

    void privacyExportsAnonymisesAndDeletes()
    {
        auto ok = [&](const QStringList& args) {
            const Run r = kasirctl(args);
            if (r.exitCode != 0)
                qWarning("%s", r.rawErr.constData());
            return r;
        };
        const QString privacy = QStringLiteral("privacy");
        QVERIFY(ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"), QStringLiteral("KOPI"),
                       QStringLiteral("--name"), QStringLiteral("Kopi Susu"), QStringLiteral("--price"),
                       QStringLiteral("25000")})
                    .exitCode
            == 0);
        const QString agus
            = ok({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Agus Santoso"), QStringLiteral("--phone"), QStringLiteral("0812 3456 7890"),
                     QStringLiteral("--email"), QStringLiteral("agus@example.com"), QStringLiteral("--city"),
                     QStringLiteral("Bandung")})
                  .first()
                  .value(QStringLiteral("code"))
                  .toString();
        const QString budi
            = ok({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Budi")})
                  .first()
                  .value(QStringLiteral("code"))
                  .toString();
        QCOMPARE(ok({QStringLiteral("sale"), QStringLiteral("--customer"), agus, QStringLiteral("--item"),
                        QStringLiteral("KOPI:2"), QStringLiteral("--pay"), QStringLiteral("cash:50000")})
                     .exitCode,
            0);

        // The whole document on one line, or into a file only its owner may read.
        Run r = ok({privacy, QStringLiteral("export"), agus});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("customer")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Agus Santoso"));
        QCOMPARE(r.first().value(QStringLiteral("sales")).toArray().size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("exportedBy")).toObject().value(QStringLiteral("username")).toString(),
            QStringLiteral("admin"));
        const QString file = m_dir.filePath(QStringLiteral("agus-%1.json").arg(QFileInfo(m_db).baseName()));
        r = ok({privacy, QStringLiteral("export"), agus, QStringLiteral("--out"), file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("exported")).toString(), agus);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("customer")).toObject().value(QStringLiteral("email")).toString(),
            QStringLiteral("agus@example.com"));
        QCOMPARE(written.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        r = kasirctl({privacy, QStringLiteral("export"), agus, QStringLiteral("--out"), file});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("out"));
        r = kasirctl({privacy, QStringLiteral("export"), agus, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("no/such/folder/x.json"))});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("out"));

        // Bad references and commands.
        QCOMPARE(kasirctl({privacy, QStringLiteral("export"), QStringLiteral("C-999999")}).exitCode, 3);
        r = kasirctl({privacy, QStringLiteral("export")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("customer"));
        QCOMPARE(
            kasirctl({privacy, QStringLiteral("export"), QStringLiteral("'; DROP TABLE customer; --")}).exitCode, 2);
        QCOMPARE(kasirctl({privacy, QStringLiteral("shred"), agus}).exitCode, 2);
        QCOMPARE(kasirctl({privacy}).error.value(QStringLiteral("field")).toString(), QStringLiteral("command"));

        // A manager exports; only an administrator erases; a cashier does neither.
        for (const auto& [name, role, password] :
            {std::tuple {"manajer", "manager", "manajer-rahasia"}, std::tuple {"kasir", "cashier", "kasir-rahasia"}}) {
            QProcessEnvironment pw;
            pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QLatin1String(password));
            QCOMPARE(kasirctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                                  QLatin1String(name), QStringLiteral("--role"), QLatin1String(role)},
                         pw)
                         .exitCode,
                0);
        }
        auto as = [&](const char* name, const char* password, const QStringList& args) {
            QProcessEnvironment pw;
            pw.insert(QStringLiteral("KASIR_PASSWORD"), QLatin1String(password));
            return kasirctl(QStringList {QStringLiteral("--user"), QLatin1String(name)} + args, pw);
        };
        QCOMPARE(as("manajer", "manajer-rahasia", {privacy, QStringLiteral("export"), agus}).exitCode, 0);
        QCOMPARE(as("kasir", "kasir-rahasia", {privacy, QStringLiteral("export"), agus}).exitCode, 5);
        for (const char* who : {"manajer", "kasir"}) {
            const char* password = qstrcmp(who, "kasir") == 0 ? "kasir-rahasia" : "manajer-rahasia";
            r = as(who, password,
                {privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"), QStringLiteral("x"),
                    QStringLiteral("--yes")});
            QCOMPARE(r.exitCode, 5);
            QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("permission_denied"));
            // Asked without --yes, the rights come first too.
            QCOMPARE(as(who, password,
                         {privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"), QStringLiteral("x")})
                         .exitCode,
                5);
            QCOMPARE(as(who, password, {privacy, QStringLiteral("delete"), budi}).exitCode, 5);
        }

        // Anonymising needs a reason and a confirmation that names who it is about.
        r = kasirctl({privacy, QStringLiteral("anonymise"), agus});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("reason"));
        r = kasirctl({privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"),
            QStringLiteral("permintaan pelanggan")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("yes"));
        QVERIFY2(r.error.value(QStringLiteral("error")).toString().contains(QStringLiteral("Agus Santoso")),
            r.rawErr.constData());
        r = kasirctl({privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"),
            QStringLiteral("Agus Santoso minta dihapus"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("reason"));
        QCOMPARE(ok({QStringLiteral("customer"), QStringLiteral("get"), agus})
                     .first()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Agus Santoso"));
        r = ok({privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"),
            QStringLiteral("permintaan pelanggan"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("customer")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Anonymised %1").arg(agus));
        QCOMPARE(r.first().value(QStringLiteral("sales")).toInteger(), 1);
        QCOMPARE(r.first().value(QStringLiteral("erasure")).toObject().value(QStringLiteral("reason")).toString(),
            QStringLiteral("permintaan pelanggan"));
        // Alone with the file, the write-ahead log with the old pages is emptied.
        QCOMPARE(r.first().value(QStringLiteral("checkpointed")).toBool(), true);
        QCOMPARE(QFileInfo(m_db + QStringLiteral("-wal")).size(), 0);
        // The figures still agree with the facts; the person is not found any more.
        QCOMPARE(ok({QStringLiteral("check")}).exitCode, 0);
        QCOMPARE(
            kasirctl({QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("0812 3456 7890")}).exitCode,
            3);
        QCOMPARE(ok({QStringLiteral("customer"), QStringLiteral("metrics"), agus})
                     .first()
                     .value(QStringLiteral("totalSpent"))
                     .toInteger(),
            50'000);
        r = kasirctl({privacy, QStringLiteral("anonymise"), agus, QStringLiteral("--reason"), QStringLiteral("lagi"),
            QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("already_anonymised"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("update"), agus, QStringLiteral("--name"),
            QStringLiteral("Agus Santoso")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("anonymised"));

        // A customer with sales is not deleted, and the refusal says what to do instead.
        r = kasirctl({privacy, QStringLiteral("delete"), agus});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("has_history"));
        QVERIFY2(r.error.value(QStringLiteral("error")).toString().contains(QStringLiteral("Anonymise")),
            r.rawErr.constData());
        r = ok({privacy, QStringLiteral("delete"), budi, QStringLiteral("--reason"), QStringLiteral("duplikat")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("deleted")).toString(), budi);
        QCOMPARE(kasirctl({QStringLiteral("customer"), QStringLiteral("get"), budi}).exitCode, 3);
        QCOMPARE(kasirctl({privacy, QStringLiteral("delete"), budi}).exitCode, 3);
    }

    void bulkChangesASelection()
    {
        auto args = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* a : list)
                out << QString::fromUtf8(a);
            return out;
        };
        for (const char* type : {"walk-in", "walk-in", "walk-in", "member", "wholesale"})
            QCOMPARE(kasirctl(args({"customer", "add", "--name", "Pelanggan", "--type", type})).exitCode, 0);
        QCOMPARE(kasirctl(args({"tag", "add", "C-000001", "Lama"})).exitCode, 0);

        // The search filters pick the customers; one summary object comes back.
        Run r = kasirctl(args({"bulk", "--type", "walk-in", "--q", "pelanggan", "--set-type", "vip"}));
        QVERIFY2(r.exitCode == 0, r.rawErr.constData());
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(r.first().value(QStringLiteral("action")).toString(), QStringLiteral("set-type"));
        QCOMPARE(r.first().value(QStringLiteral("value")).toString(), QStringLiteral("vip"));
        QCOMPARE(r.first().value(QStringLiteral("total")).toInt(), 3);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 3);
        QCOMPARE(r.first().value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(kasirctl(args({"customer", "search", "--type", "vip"})).lines.size(), 3);
        // Each customer's own activity log has the change.
        r = kasirctl(args({"activity", "C-000002"}));
        QCOMPARE(r.first().value(QStringLiteral("action")).toString(), QStringLiteral("update"));

        // A dry run counts and writes nothing.
        r = kasirctl(args({"bulk", "--set-status", "inactive", "--dry-run"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("dryRun")).toBool(), true);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 5);
        QCOMPARE(kasirctl(args({"customer", "search", "--status", "inactive"})).lines.size(), 0);

        // Named customers: by id or code; one that names nobody is reported, the rest done.
        const QString id
            = kasirctl(args({"customer", "get", "C-000002"})).first().value(QStringLiteral("id")).toString();
        r = kasirctl(args({"bulk", "--add-tag", "Promo", "--ids"})
            + QStringList {QStringLiteral("c1,") + id + QStringLiteral(", C-000999")});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 2);
        QCOMPARE(r.first().value(QStringLiteral("failed")).toInt(), 1);
        const QJsonObject failure = r.first().value(QStringLiteral("failures")).toArray().at(0).toObject();
        QCOMPARE(failure.value(QStringLiteral("customer")).toString(), QStringLiteral("C-000999"));
        QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("not_all_changed"));
        QCOMPARE(kasirctl(args({"customer", "search", "--tag", "promo"})).lines.size(), 2);
        r = kasirctl(args({"bulk", "--tag", "lama", "--remove-tag", "PROMO"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(kasirctl(args({"customer", "search", "--tag", "promo"})).lines.size(), 1);

        // Membership: off takes it from members and vips; on refuses a wholesale customer.
        r = kasirctl(args({"bulk", "--member", "true", "--membership", "off"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 4);
        r = kasirctl(args({"bulk", "--membership", "on"}));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.first().value(QStringLiteral("changed")).toInt(), 4);
        QCOMPARE(r.first().value(QStringLiteral("failures")).toArray().at(0).toObject().value(QStringLiteral("code")),
            QStringLiteral("wholesale_customer"));
        QCOMPARE(kasirctl(args({"customer", "search", "--type", "wholesale"})).lines.size(), 1);

        // Bad input names the flag and changes nothing.
        struct Bad
        {
            QStringList args;
            const char* field;
        };
        const QList<Bad> bad {
            {args({"bulk"}), "action"},
            {args({"bulk", "--set-type", "vip", "--set-status", "active"}), "setStatus"},
            {args({"bulk", "--add-tag", "a", "--add-tag", "b"}), "addTag"},
            {args({"bulk", "--set-type", "gold"}), "setType"},
            {args({"bulk", "--set-status", "deleted"}), "setStatus"},
            {args({"bulk", "--membership", "maybe"}), "membership"},
            {args({"bulk", "--add-tag", "   "}), "addTag"},
            {args({"bulk", "--limit", "5", "--set-type", "vip"}), "limit"},
            {args({"bulk", "--desc", "--set-type", "vip"}), "desc"},
            {args({"bulk", "--ids", "C-000001", "--type", "vip", "--set-type", "member"}), "ids"},
            {args({"bulk", "--ids", " , ", "--set-type", "member"}), "ids"},
            {args({"bulk", "--balance", "weird", "--set-type", "member"}), "balance"},
            {args({"bulk", "--spent-min", "-5", "--set-type", "member"}), "totalSpentMin"},
            {args({"bulk", "--frobnicate", "--set-type", "member"}), "frobnicate"},
        };
        const QList<QJsonObject> before = kasirctl(args({"customer", "search"})).lines;
        for (const Bad& b : bad) {
            r = kasirctl(b.args);
            QVERIFY2(r.exitCode == 2, qPrintable(b.args.join(u' ') + u' ' + QString::fromUtf8(r.rawErr)));
            QVERIFY(r.lines.isEmpty());
            QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QString::fromLatin1(b.field));
        }
        QCOMPARE(kasirctl(args({"bulk", "--remove-tag", "Tidak Ada"})).exitCode, 3);
        QCOMPARE(kasirctl(args({"customer", "search"})).lines, before);

        // Cashiers may not.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia"));
        QCOMPARE(kasirctl(args({"user", "add", "--username", "kasir", "--role", "cashier"}), pw).exitCode, 0);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia"));
        r = kasirctl(args({"--user", "kasir", "bulk", "--set-status", "blocked"}), cashier);
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.lines.isEmpty());
        QCOMPARE(kasirctl(args({"customer", "search", "--status", "blocked"})).lines.size(), 0);
    }

    void ranksCustomersIntoSegments()
    {
        auto ok = [&](const QStringList& args, const QProcessEnvironment& env = {}) {
            const Run r = kasirctl(args, env);
            if (r.exitCode != 0)
                qWarning("%s", r.rawErr.constData());
            return r;
        };
        ok({QStringLiteral("product"), QStringLiteral("add"), QStringLiteral("--sku"), QStringLiteral("KOPI"),
            QStringLiteral("--name"), QStringLiteral("Kopi"), QStringLiteral("--price"), QStringLiteral("25000")});
        QStringList codes;
        for (const char* name : {"Ani", "Budi", "Cici"})
            codes << ok(
                {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"), QLatin1String(name)})
                         .first()
                         .value(QStringLiteral("code"))
                         .toString();
        // Ani spends more, Budi buys later; Cici never buys.
        for (const auto& [code, items] : {std::pair {codes[0], "KOPI:3"}, std::pair {codes[1], "KOPI:1"}})
            ok({QStringLiteral("sale"), QStringLiteral("--customer"), code, QStringLiteral("--item"),
                QLatin1String(items), QStringLiteral("--pay"), QStringLiteral("cash:100000")});

        Run r = ok({QStringLiteral("segment"), QStringLiteral("counts")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.first().value(QStringLiteral("computedAt")).isNull());
        QCOMPARE(r.first().value(QStringLiteral("segments")).toObject().value(QStringLiteral("none")).toInt(), 3);

        r = ok({QStringLiteral("segment"), QStringLiteral("recompute")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("customers")).toInt(), 2);
        QVERIFY(r.first().contains(QStringLiteral("milliseconds")));
        const QJsonObject counts = r.first().value(QStringLiteral("segments")).toObject();
        QCOMPARE(counts.value(QStringLiteral("at_risk")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("new")).toInt(), 1);

        // Of two: the older purchase scores recency 1, the bigger spending monetary 5.
        r = ok({QStringLiteral("segment"), codes[0]});
        QCOMPARE(r.first().value(QStringLiteral("segment")).toString(), QStringLiteral("at_risk"));
        QCOMPARE(r.first().value(QStringLiteral("recency")).toInt(), 1);
        QCOMPARE(r.first().value(QStringLiteral("frequency")).toInt(), 1);
        QCOMPARE(r.first().value(QStringLiteral("monetary")).toInt(), 5);
        QVERIFY(!r.first().value(QStringLiteral("computedAt")).toString().isEmpty());
        QCOMPARE(ok({QStringLiteral("segment"), codes[2]}).first().value(QStringLiteral("segment")).toString(),
            QStringLiteral("none"));
        r = ok({QStringLiteral("segment"), QStringLiteral("counts")});
        QCOMPARE(r.first().value(QStringLiteral("ranked")).toInt(), 2);
        QCOMPARE(r.first().value(QStringLiteral("segments")).toObject().value(QStringLiteral("none")).toInt(), 1);

        auto found = [&](const QStringList& filters) {
            QStringList names;
            for (const QJsonObject& line :
                ok(QStringList {QStringLiteral("customer"), QStringLiteral("search")} + filters).lines)
                names << line.value(QStringLiteral("name")).toString();
            return names;
        };
        QCOMPARE(found({QStringLiteral("--segment"), QStringLiteral("at_risk")}), QStringList {QStringLiteral("Ani")});
        QCOMPARE(found({QStringLiteral("--segment"), QStringLiteral("NEW,none")}),
            (QStringList {QStringLiteral("Budi"), QStringLiteral("Cici")}));
        QCOMPARE(found({QStringLiteral("--segment"), QStringLiteral("lost"), QStringLiteral("--segment"),
                     QStringLiteral("at_risk"), QStringLiteral("--q"), QStringLiteral("an")}),
            QStringList {QStringLiteral("Ani")});
        QVERIFY(found({QStringLiteral("--segment"), QStringLiteral("champions")}).isEmpty());

        QCOMPARE(kasirctl({QStringLiteral("segment"), QStringLiteral("C-999999")}).exitCode, 3);
        QCOMPARE(kasirctl({QStringLiteral("segment")}).exitCode, 2);
        // A cashier sees segments but does not rank.
        QProcessEnvironment pw;
        pw.insert(QStringLiteral("KASIR_NEW_PASSWORD"), QStringLiteral("kasir-rahasia-2"));
        ok({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("kasir2"),
               QStringLiteral("--role"), QStringLiteral("cashier")},
            pw);
        QProcessEnvironment cashier;
        cashier.insert(QStringLiteral("KASIR_PASSWORD"), QStringLiteral("kasir-rahasia-2"));
        const QStringList asCashier {QStringLiteral("--user"), QStringLiteral("kasir2"), QStringLiteral("segment")};
        QCOMPARE(kasirctl(asCashier + QStringList {QStringLiteral("recompute")}, cashier).exitCode, 5);
        QCOMPARE(kasirctl(asCashier + QStringList {codes[0]}, cashier).exitCode, 0);
    }

    void initValidatesItsInput()
    {
        Run r = kasirctl({QStringLiteral("init"), QStringLiteral("--company"), QStringLiteral("Toko"),
            QStringLiteral("--region"), QStringLiteral("XX")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.error.value(QStringLiteral("field")).toString(), QStringLiteral("region"));
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("search")});
        QCOMPARE(r.exitCode, 3); // not set up yet
        r = kasirctl({QStringLiteral("init"), QStringLiteral("--company"), QStringLiteral("Toko Jaya"),
            QStringLiteral("--region"), QStringLiteral("KE"), QStringLiteral("--currency"), QStringLiteral("KES")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first().value(QStringLiteral("adminPassword")).toString().size(), 16);
        r = kasirctl({QStringLiteral("init"), QStringLiteral("--company"), QStringLiteral("Lagi")});
        QCOMPARE(r.exitCode, 4);
        // Local numbers are read in the company's region.
        r = kasirctl({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Wanjiku"), QStringLiteral("--phone"), QStringLiteral("0712 345678")});
        QCOMPARE(r.first().value(QStringLiteral("phone")).toString(), QStringLiteral("+254712345678"));
    }

    void aKilledWriterLeavesAConsistentFile()
    {
        // demo is one write: its indexes are down while it loads. Killed half-way, the file
        // must come back as before the run, indexes and all.
        QVERIFY(kasirctl({QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("10")}).exitCode == 0);
        auto schema = [](Database& db) {
            QSqlQuery q(db.connection());
            q.exec(
                QStringLiteral("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema ORDER BY name)"));
            return q.next() ? q.value(0).toString() : QString();
        };
        QString before;
        {
            auto db = Database::open(m_db, SystemClock::instance());
            QVERIFY(db.ok());
            before = schema(**db);
        }
        QVERIFY(before.contains(QStringLiteral("ux_customer_phone")));

        QProcess demo;
        demo.start(QStringLiteral(KASIRCTL_PATH),
            {QStringLiteral("--db"), m_db, QStringLiteral("demo"), QStringLiteral("--customers"),
                QStringLiteral("400000"), QStringLiteral("--progress")});
        QVERIFY(demo.waitForStarted());
        // Kill it hard in the middle of its work, some batches into the write.
        qint64 written = 0;
        QString progress;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                progress += QString::fromUtf8(demo.readAllStandardError());
                const QStringList lines = progress.split(u'\n', Qt::SkipEmptyParts);
                if (!lines.isEmpty()) {
                    const QJsonObject last = QJsonDocument::fromJson(lines.last().toUtf8()).object();
                    written = std::max<qint64>(written, last.value(QStringLiteral("written")).toInteger());
                }
                return written >= 15'000;
            }(),
            120'000);
        demo.kill(); // SIGKILL; TerminateProcess on Windows
        QVERIFY(demo.waitForFinished(10'000));
        // It was writing with a rollback journal (nobody else had the file open): the
        // journal it leaves behind is what puts the file back.
        QVERIFY(QFileInfo::exists(m_db + QStringLiteral("-journal")));

        auto db = Database::open(m_db, SystemClock::instance());
        QVERIFY(db.ok());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(!QFileInfo::exists(m_db + QStringLiteral("-journal")));
        QCOMPARE(schema(**db), before);
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM customer), "
                                      "(SELECT count(*) FROM sync_outbox WHERE entity = 'customer'), "
                                      "(SELECT count(*) FROM audit_log WHERE entity = 'customer'), "
                                      "(SELECT count(DISTINCT id) FROM customer_word)")));
        QVERIFY(q.next());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(q.value(i).toLongLong(), 10);
        q.finish();
        db->reset();

        // And work goes on where it stood.
        const Run more = kasirctl({QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("10")});
        QCOMPARE(more.exitCode, 0);
        const Run last = kasirctl({QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("--sort"),
            QStringLiteral("created"), QStringLiteral("--desc"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(last.first().value(QStringLiteral("code")).toString(), QStringLiteral("C-000020"));
    }
};

QTEST_GUILESS_MAIN(TestKasirctl)
#include "TestKasirctl.moc"
