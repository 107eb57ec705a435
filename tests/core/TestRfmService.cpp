#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/ProductService.h"
#include "core/services/RfmService.h"
#include "core/storage/Migrations.h"
#include "core/storage/RfmRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kasir;

namespace {

constexpr qint64 kDay = 24LL * 60 * 60 * 1000;

QVariant scalar(Database& db, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

// What customer_metrics holds for one customer of a hand-checked company.
struct Figures
{
    const char* name;
    qint64 purchases;
    qint64 spent;
    qint64 daysAgo; // of the last purchase
};

Customer addCustomer(Database& db, const Actor& actor, const QString& name)
{
    CustomerInput in;
    in.name = name;
    auto c = CustomerService(db, actor).create(in);
    if (!c)
        qFatal("cannot add %s: %s", qPrintable(name), qPrintable(c.error().describe()));
    return *c;
}

void writeFigures(Database& db, const Customer& c, qint64 purchases, qint64 spent, std::optional<qint64> lastAt)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, purchases, total_spent, "
                             "first_purchase_at, last_purchase_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.id);
    q.addBindValue(c.companyId);
    q.addBindValue(purchases);
    q.addBindValue(spent);
    q.addBindValue(lastAt ? QVariant(*lastAt) : QVariant());
    q.addBindValue(lastAt ? QVariant(*lastAt) : QVariant());
    if (!q.exec())
        qFatal("%s", qPrintable(q.lastError().text()));
}

// Eleven customers with purchases, ties in every figure, and two without: one whose only
// sale was refunded (a metrics row with no purchase) and one who never bought. With 11
// ranked, a value with b values under it scores 1 + min(4, b / 2).
const Figures kCompany[] = {
    {"Ani", 1, 50'000, 1},
    {"Budi", 1, 10'000, 200},
    {"Cici", 1, 10'000, 200},
    {"Dedi", 1, 30'000, 90},
    {"Eka", 2, 60'000, 30},
    {"Fajar", 1, 5'000, 400},
    {"Gita", 3, 80'000, 10},
    {"Hadi", 4, 90'000, 60},
    {"Indah", 5, 100'000, 5},
    {"Joko", 8, 200'000, 300},
    {"Kiki", 20, 500'000, 2},
};

// Worked out by hand from the figures above: recency, frequency, monetary, segment.
struct Expected
{
    const char* name;
    int r;
    int f;
    int m;
    RfmSegment segment;
};
const Expected kExpected[] = {
    {"Ani", 5, 1, 3, RfmSegment::New}, // FM (1 + 3) / 2 = 2, one purchase, recent
    {"Budi", 2, 1, 1, RfmSegment::Hibernating}, // ties with Cici for recency and spending
    {"Cici", 2, 1, 1, RfmSegment::Hibernating},
    {"Dedi", 3, 1, 2, RfmSegment::Potential},
    {"Eka", 4, 3, 3, RfmSegment::Loyal}, // the five single purchases tie under her 2: F 3
    {"Fajar", 1, 1, 1, RfmSegment::Lost},
    {"Gita", 4, 4, 4, RfmSegment::Champions},
    {"Hadi", 3, 4, 4, RfmSegment::Loyal}, // FM 4 but recency 3
    {"Indah", 5, 5, 5, RfmSegment::Champions},
    {"Joko", 1, 5, 5, RfmSegment::AtRisk},
    {"Kiki", 5, 5, 5, RfmSegment::Champions},
};

struct HandChecked
{
    test::TestDatabase t;
    QHash<QString, Customer> byName;
    Customer refunded;
    Customer never;

    HandChecked()
    {
        const qint64 now = t.clock().nowMs();
        for (const Figures& f : kCompany) {
            const Customer c = addCustomer(t.db(), t.admin(), QString::fromLatin1(f.name));
            writeFigures(t.db(), c, f.purchases, f.spent, now - f.daysAgo * kDay);
            byName.insert(c.name, c);
        }
        refunded = addCustomer(t.db(), t.admin(), QStringLiteral("Refund Semua"));
        writeFigures(t.db(), refunded, 0, 0, std::nullopt);
        never = addCustomer(t.db(), t.admin(), QStringLiteral("Belum Beli"));
    }

    RfmScores scores(const QString& name)
    {
        return RfmService(t.db(), t.cashier()).scoresOf(byName.value(name).code).value();
    }
};

Payment cash(qint64 amount)
{
    return {PaymentMethod::Cash, amount};
}

// A shop with one product at 100,000 and no membership discount for walk-in customers.
struct Shop
{
    test::TestDatabase t;

    Shop()
    {
        ProductService::ProductInput in;
        in.sku = QStringLiteral("BRG");
        in.name = QStringLiteral("Barang");
        in.price = 100'000;
        if (!ProductService(t.db(), t.admin()).add(in))
            qFatal("cannot add product");
    }

    Sale sell(const Customer& c, qint64 quantity)
    {
        SaleRequest req;
        req.customer = c.code;
        req.items = {{QStringLiteral("BRG"), quantity}};
        req.payments = {cash(quantity * 100'000)};
        auto s = CheckoutService(t.db(), t.cashier()).complete(req);
        if (!s)
            qFatal("sale failed: %s", qPrintable(s.error().describe()));
        return *s;
    }

    RfmScores scores(const Customer& c) { return RfmService(t.db(), t.cashier()).scoresOf(c.code).value(); }
};

QString describe(const RfmScores& s)
{
    return QStringLiteral("%1 R%2 F%3 M%4")
        .arg(Rfm::toString(s.segment))
        .arg(s.recency)
        .arg(s.frequency)
        .arg(s.monetary);
}

// Every row of customer_rfm, in key order: "id RFM segment".
QStringList rfmRows(Database& db)
{
    QStringList out;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT customer_id, recency, frequency, monetary, segment FROM customer_rfm "
                               "ORDER BY customer_id")))
        return QStringList {q.lastError().text()};
    while (q.next())
        out << QStringLiteral("%1 %2%3%4 %5")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString());
    return out;
}

// Whether the counts the triggers keep are the rows of customer_rfm, per company and segment.
bool countsAgree(Database& db)
{
    const QVariant differ = scalar(db,
        QStringLiteral(
            "SELECT count(*) FROM (SELECT company_id, segment, count(*) AS n FROM customer_rfm GROUP BY 1, 2) "
            "g FULL JOIN (SELECT * FROM rfm_segment_count WHERE customers <> 0) k USING (company_id, "
            "segment) WHERE g.n IS NOT k.customers"));
    return differ.isValid() && differ.toInt() == 0;
}

} // namespace

class TestRfmService : public QObject
{
    Q_OBJECT

private slots:
    void segmentsAreTheSameInCodeAndInSql()
    {
        test::TestDatabase t;
        QSet<RfmSegment> reached;
        for (int r = Rfm::minScore; r <= Rfm::maxScore; ++r) {
            for (int f = Rfm::minScore; f <= Rfm::maxScore; ++f) {
                for (int m = Rfm::minScore; m <= Rfm::maxScore; ++m) {
                    const RfmSegment inCode = Rfm::segmentOf(r, f, m);
                    const QString inSql = scalar(t.db(),
                        QStringLiteral("SELECT ")
                            + Rfm::segmentSql(QString::number(r), QString::number(f), QString::number(m)))
                                              .toString();
                    QVERIFY2(inSql == Rfm::toString(inCode),
                        qPrintable(QStringLiteral("R%1 F%2 M%3: %4 in SQL, %5 in C++")
                                       .arg(r)
                                       .arg(f)
                                       .arg(m)
                                       .arg(inSql, Rfm::toString(inCode))));
                    QVERIFY(inCode != RfmSegment::None);
                    reached.insert(inCode);
                }
            }
        }
        QCOMPARE(reached.size(), Rfm::segments().size());
        // The rules, first match wins; FM is round((F + M) / 2), halves up.
        QCOMPARE(Rfm::segmentOf(4, 4, 3), RfmSegment::Champions); // FM 3.5 -> 4
        QCOMPARE(Rfm::segmentOf(5, 3, 4), RfmSegment::Champions);
        QCOMPARE(Rfm::segmentOf(5, 1, 5), RfmSegment::New); // FM 3: New comes before Loyal
        QCOMPARE(Rfm::segmentOf(4, 2, 4), RfmSegment::Loyal);
        QCOMPARE(Rfm::segmentOf(3, 5, 5), RfmSegment::Loyal);
        QCOMPARE(Rfm::segmentOf(3, 1, 1), RfmSegment::Potential);
        QCOMPARE(Rfm::segmentOf(4, 2, 2), RfmSegment::Potential);
        QCOMPARE(Rfm::segmentOf(2, 2, 3), RfmSegment::AtRisk); // FM 2.5 -> 3
        QCOMPARE(Rfm::segmentOf(1, 5, 5), RfmSegment::AtRisk);
        QCOMPARE(Rfm::segmentOf(2, 2, 2), RfmSegment::Hibernating);
        QCOMPARE(Rfm::segmentOf(1, 2, 2), RfmSegment::Lost);

        // Names, labels and parsing.
        QCOMPARE(Rfm::names().size(), Rfm::segments().size() + 1);
        QCOMPARE(Rfm::names().constLast(), QStringLiteral("none"));
        for (const QString& name : Rfm::names()) {
            const auto segment = Rfm::parse(name);
            QVERIFY(segment);
            QCOMPARE(Rfm::toString(*segment), name);
            QVERIFY(!Rfm::label(*segment).isEmpty());
            QVERIFY(!Rfm::description(*segment).isEmpty());
        }
        QCOMPARE(Rfm::parse(u" At_Risk "), RfmSegment::AtRisk);
        QCOMPARE(Rfm::parse(u"vip"), std::nullopt);
        QCOMPARE(Rfm::parse(u""), std::nullopt);
        QCOMPARE(Rfm::label(RfmSegment::AtRisk), QStringLiteral("At risk"));
    }

    void scoresAreQuintilesOfThePercentRankInCodeAndInSql()
    {
        test::TestDatabase t;
        for (qint64 count = 1; count <= 23; ++count) {
            int previous = Rfm::minScore;
            for (qint64 below = 0; below < count; ++below) {
                const int inCode = Rfm::scoreOf(below, count);
                const int inSql = scalar(
                    t.db(), QStringLiteral("SELECT ") + Rfm::scoreSql(QString::number(below), QString::number(count)))
                                      .toInt();
                QCOMPARE(inSql, inCode);
                // 1 + floor(5 * percent rank), capped at 5, exactly.
                const int exact
                    = std::min(Rfm::maxScore, 1 + static_cast<int>(5 * below / std::max<qint64>(1, count - 1)));
                QCOMPARE(inCode, exact);
                QVERIFY(inCode >= previous);
                previous = inCode;
            }
            QCOMPARE(Rfm::scoreOf(0, count), Rfm::minScore);
            if (count > 1)
                QCOMPARE(Rfm::scoreOf(count - 1, count), Rfm::maxScore);
        }
        // Ten values: two per score.
        QList<int> ten;
        for (qint64 below = 0; below < 10; ++below)
            ten << Rfm::scoreOf(below, 11);
        QCOMPARE(ten, (QList<int> {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
    }

    void cutPointsPlaceEveryRankedValueAtItsScore()
    {
        QCOMPARE(Rfm::cutPoints({}), RfmCutPoints {});
        QCOMPARE(Rfm::cutPoints({7}), RfmCutPoints {}); // the only one scores 1
        QCOMPARE(Rfm::cutPoints({7, 7, 7}), RfmCutPoints {});
        QCOMPARE(Rfm::cutPoints({1, 2}), (RfmCutPoints {2, 2, 2, 2}));
        QCOMPARE(Rfm::cutPoints({1, 1, 1, 1, 1, 2, 3, 4, 5, 8, 20}), (RfmCutPoints {2, 2, 3, 5}));
        QCOMPARE(Rfm::placedScore(0, RfmCutPoints {}), 1);
        QCOMPARE(Rfm::placedScore(4, RfmCutPoints {2, 2, 3, 5}), 4);
        QCOMPARE(Rfm::placedScore(100, RfmCutPoints {2, std::nullopt, std::nullopt, std::nullopt}), 2);
        // Random figures with many ties: every value placed against the cut points scores what
        // its rank does, and a value between two ranked ones scores as the lower one.
        QRandomGenerator rng(4);
        for (int round = 0; round < 200; ++round) {
            std::vector<qint64> values(1 + rng.bounded(60));
            const int spread = 1 + rng.bounded(30);
            for (qint64& v : values)
                v = rng.bounded(spread) * 10;
            std::sort(values.begin(), values.end());
            const RfmCutPoints cuts = Rfm::cutPoints(values);
            const qint64 n = static_cast<qint64>(values.size());
            for (const qint64 v : values) {
                const qint64 below = std::lower_bound(values.begin(), values.end(), v) - values.begin();
                QCOMPARE(Rfm::placedScore(v, cuts), Rfm::scoreOf(below, n));
                QCOMPARE(Rfm::placedScore(v + 5, cuts), Rfm::scoreOf(below, n));
            }
        }
    }

    void aRankingScoresAHandCheckedCompany()
    {
        HandChecked c;
        // Nothing before the first ranking.
        QCOMPARE(c.scores(QStringLiteral("Kiki")).segment, RfmSegment::None);
        auto done = RfmService(c.t.db(), c.t.manager()).recompute();
        QVERIFY2(done.ok(), qPrintable(done ? QString() : done.error().describe()));
        QCOMPARE(done->customers, 11);
        QCOMPARE(done->computedAt, c.t.clock().nowMs());
        for (const Expected& e : kExpected) {
            const RfmScores s = c.scores(QString::fromLatin1(e.name));
            const QString expected = describe({QString(), e.r, e.f, e.m, e.segment, 0});
            QVERIFY2(describe(s) == expected, qPrintable(QLatin1String(e.name) + u' ' + describe(s) + u' ' + expected));
            QCOMPARE(s.computedAt, c.t.clock().nowMs());
            QCOMPARE(s.customerId, c.byName.value(QString::fromLatin1(e.name)).id);
        }
        // No purchase that stands: not ranked.
        RfmService reader(c.t.db(), c.t.cashier());
        QCOMPARE(reader.scoresOf(c.refunded.code)->segment, RfmSegment::None);
        QCOMPARE(reader.scoresOf(c.never.code)->segment, RfmSegment::None);
        QCOMPARE(c.t.countRows(QStringLiteral("customer_rfm")), 11);

        // The cut points: each score's smallest value.
        const qint64 now = c.t.clock().nowMs();
        auto run = RfmRepository(c.t.db()).lastRun(c.t.company().id);
        QVERIFY(run.ok() && run->has_value());
        const RfmRanking& r = **run;
        QCOMPARE(r.customers, 11);
        QCOMPARE(r.recencyFrom, (RfmCutPoints {now - 200 * kDay, now - 90 * kDay, now - 30 * kDay, now - 5 * kDay}));
        QCOMPARE(r.frequencyFrom, (RfmCutPoints {2, 2, 3, 5}));
        QCOMPARE(r.monetaryFrom, (RfmCutPoints {30'000, 50'000, 80'000, 100'000}));

        // The counts per segment, and those not ranked when asked for.
        auto counts = reader.segmentCounts(true);
        QVERIFY(counts.ok());
        QCOMPARE(counts->computedAt, now);
        QCOMPARE(counts->ranked, 11);
        QCOMPARE(counts->segments,
            (QList<RfmService::SegmentCount> {{RfmSegment::Champions, 3}, {RfmSegment::Loyal, 2},
                {RfmSegment::Potential, 1}, {RfmSegment::New, 1}, {RfmSegment::AtRisk, 1}, {RfmSegment::Hibernating, 2},
                {RfmSegment::Lost, 1}}));
        QCOMPARE(counts->notRanked, 2);
        QCOMPARE(reader.segmentCounts()->notRanked, std::nullopt);
        QCOMPARE(done->segments, counts->segments);
        QVERIFY(countsAgree(c.t.db()));
        const QJsonObject json = RfmService::toJson(*counts);
        QCOMPARE(json.value(QStringLiteral("segments")).toObject().value(QStringLiteral("at_risk")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("segments")).toObject().value(QStringLiteral("none")).toInt(), 2);
    }

    void placingInCodeAgreesWithTheRankingsSql()
    {
        // A ranking places every customer in SQL; a sale places one with Rfm::place. Random
        // figures with many ties, some last purchases after the ranking's time.
        test::TestDatabase t;
        QRandomGenerator rng(11);
        const qint64 now = t.clock().nowMs();
        QList<Customer> customers;
        QList<std::tuple<qint64, qint64, qint64>> figures; // last purchase, purchases, spent
        for (int i = 0; i < 300; ++i) {
            const Customer c = addCustomer(t.db(), t.admin(), QStringLiteral("Pelanggan %1").arg(i));
            const qint64 last = now - rng.bounded(40) * kDay + (rng.bounded(20) == 0 ? kDay : 0);
            const qint64 purchases = 1 + rng.bounded(rng.bounded(2) == 0 ? 3 : 30);
            const qint64 spent = purchases * 10'000 * (1 + rng.bounded(8));
            writeFigures(t.db(), c, purchases, spent, last);
            customers << c;
            figures << std::tuple {last, purchases, spent};
        }
        QVERIFY(RfmService(t.db(), t.manager()).recompute().ok());
        const RfmRanking ranking = RfmRepository(t.db()).lastRun(t.company().id)->value();
        QCOMPARE(ranking.customers, 300);
        for (qsizetype i = 0; i < customers.size(); ++i) {
            const auto& [last, purchases, spent] = figures.at(i);
            const RfmScores inCode = Rfm::place(ranking, last, purchases, spent);
            const RfmScores stored = RfmRepository(t.db()).scoresOf(customers.at(i).id)->value();
            QCOMPARE(describe(stored), describe(inCode));
        }
    }

    void aRankingAgainGivesTheSameScoresAndLeavesOtherCompaniesAlone()
    {
        HandChecked c;
        // Another company in the same file, with figures of its own, ranked first.
        const Actor other = c.t.addCompany(QStringLiteral("Toko Lain"));
        const Customer stranger = addCustomer(c.t.db(), other, QStringLiteral("Orang Lain"));
        writeFigures(c.t.db(), stranger, 3, 1'000, c.t.clock().nowMs() - 700 * kDay);
        QVERIFY(RfmService(c.t.db(), other).recompute().ok());
        const RfmScores strangers = RfmService(c.t.db(), other).scoresOf(stranger.id).value();
        QCOMPARE(strangers.segment, RfmSegment::Lost); // the only one: every score 1
        auto otherRun = RfmRepository(c.t.db()).lastRun(other.companyId).value();

        RfmService service(c.t.db(), c.t.admin());
        QVERIFY(service.recompute().ok());
        QList<RfmScores> first;
        for (const Expected& e : kExpected)
            first << c.scores(QString::fromLatin1(e.name));
        const auto firstRun = RfmRepository(c.t.db()).lastRun(c.t.company().id).value();
        c.t.clock().advance(1000);
        auto again = service.recompute();
        QVERIFY(again.ok());
        QCOMPARE(again->customers, 11);
        for (qsizetype i = 0; i < first.size(); ++i) {
            RfmScores s = c.scores(QString::fromLatin1(kExpected[i].name));
            QCOMPARE(s.computedAt, c.t.clock().nowMs());
            s.computedAt = first.at(i).computedAt;
            QCOMPARE(s, first.at(i));
        }
        auto secondRun = RfmRepository(c.t.db()).lastRun(c.t.company().id).value();
        QVERIFY(secondRun.has_value());
        secondRun->computedAt = firstRun->computedAt;
        QCOMPARE(secondRun, firstRun);
        QCOMPARE(c.t.countRows(QStringLiteral("customer_rfm")), 12);
        QVERIFY(countsAgree(c.t.db()));
        // The other company's row and run are as its own ranking left them.
        QCOMPARE(RfmService(c.t.db(), other).scoresOf(stranger.id).value(), strangers);
        QCOMPARE(RfmRepository(c.t.db()).lastRun(other.companyId).value(), otherRun);
        // ... and each company counts its own.
        QCOMPARE(RfmService(c.t.db(), other).segmentCounts()->ranked, 1);
        QCOMPARE(service.segmentCounts()->ranked, 11);
        // Nor can a customer of another company be looked up.
        QCOMPARE(service.scoresOf(stranger.id).error().kind, Error::Kind::NotFound);
    }

    void aRankingInSmallStepsWritesTheSameRows()
    {
        // Steps of two customers (most of them end between two of this company's rows, one
        // of them in the other company's) give the rows one step of everything gives.
        HandChecked c;
        const Actor other = c.t.addCompany(QStringLiteral("Toko Lain"));
        const Customer stranger = addCustomer(c.t.db(), other, QStringLiteral("Orang Lain"));
        writeFigures(c.t.db(), stranger, 3, 1'000, c.t.clock().nowMs() - 700 * kDay);
        QVERIFY(RfmService(c.t.db(), c.t.admin()).recompute().ok());
        const auto rows = [&] { return rfmRows(c.t.db()); };
        const QStringList whole = rows();
        QCOMPARE(whole.size(), 11);
        QVERIFY(scalar(c.t.db(), QStringLiteral("DELETE FROM customer_rfm RETURNING 1")).isValid());
        QCOMPARE(c.t.countRows(QStringLiteral("customer_rfm")), 0);

        QList<std::pair<qint64, qint64>> heard;
        UnitOfWork uow(c.t.db(), c.t.admin());
        QVERIFY(uow.begin().ok());
        auto run = RfmRepository(c.t.db()).recompute(
            uow, c.t.company().id,
            [&](qint64 done, qint64 all) {
                heard.append({done, all});
            },
            {}, 2);
        QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().describe()));
        QVERIFY(uow.commit().ok());
        QCOMPARE(rows(), whole);
        QVERIFY(countsAgree(c.t.db()));
        // The figure rows of both companies, two a step, after reading and ranking.
        const qint64 figureRows = c.t.countRows(QStringLiteral("customer_metrics"));
        QVERIFY(figureRows >= 13);
        const qint64 steps = 2 + (figureRows + 1) / 2;
        QCOMPARE(heard.first(), std::make_pair(qint64(0), steps));
        QCOMPARE(heard.last(), std::make_pair(steps, steps));
        QVERIFY(heard.size() >= 2 + figureRows / 2);
        for (qsizetype i = 1; i < heard.size(); ++i)
            QVERIFY(heard.at(i).first >= heard.at(i - 1).first);
    }

    void aCancelledRankingLeavesTheLastOne()
    {
        HandChecked c;
        RfmService service(c.t.db(), c.t.admin());
        QVERIFY(service.recompute().ok());
        const auto before = RfmRepository(c.t.db()).lastRun(c.t.company().id).value();
        const QStringList rowsBefore = rfmRows(c.t.db());
        // Figures that a ranking would score otherwise: Hadi buys far more than anyone.
        QVERIFY(scalar(c.t.db(),
            QStringLiteral("UPDATE customer_metrics SET purchases = 1000, total_spent = 1000000000000, "
                           "last_purchase_at = ? WHERE customer_id = ? RETURNING 1"),
            {c.t.clock().nowMs(), c.byName.value(QStringLiteral("Hadi")).id})
                    .isValid());
        c.t.clock().advance(kDay);

        // Cancelled after some steps of two rows were written: all of it is undone.
        qint64 lastStep = 0;
        {
            UnitOfWork uow(c.t.db(), c.t.admin());
            QVERIFY(uow.begin().ok());
            auto stopped = RfmRepository(c.t.db()).recompute(
                uow, c.t.company().id, [&](qint64 done, qint64) { lastStep = done; }, [&] { return lastStep >= 4; }, 2);
            QVERIFY(!stopped.ok());
            QVERIFY(stopped.error().isCancelled());
            QVERIFY(!stopped.error().message.isEmpty());
        } // not committed: rolled back
        QCOMPARE(lastStep, 4);
        QCOMPARE(RfmRepository(c.t.db()).lastRun(c.t.company().id).value(), before);
        QCOMPARE(rfmRows(c.t.db()), rowsBefore);
        QVERIFY(countsAgree(c.t.db()));

        // Through the service, cancelled at once: nothing read, nothing written.
        auto atOnce = service.recompute({}, [] { return true; });
        QVERIFY(!atOnce.ok() && atOnce.error().isCancelled());
        QCOMPARE(rfmRows(c.t.db()), rowsBefore);
        // ... and not cancelled, the same ranking does write other rows.
        QVERIFY(service.recompute().ok());
        QVERIFY(rfmRows(c.t.db()) != rowsBefore);
    }

    void aSaleOrARefundPlacesItsCustomerAgainstTheLastRanking()
    {
        Shop shop;
        // Five customers with 1 to 5 purchases of one item each, on five days.
        QList<Customer> regulars;
        for (int i = 0; i < 5; ++i)
            regulars << addCustomer(shop.t.db(), shop.t.admin(), QStringLiteral("Pelanggan %1").arg(i + 1));
        for (int day = 0; day < 5; ++day) {
            for (int i = day; i < 5; ++i)
                shop.sell(regulars.at(i), 1);
            shop.t.clock().advance(kDay);
        }
        // Before any ranking a sale places nobody.
        QCOMPARE(shop.t.countRows(QStringLiteral("customer_rfm")), 0);
        QVERIFY(RfmService(shop.t.db(), shop.t.manager()).recompute().ok());
        // Pelanggan 1 bought once on day 0; 5 bought every day: R, F and M all rank alike.
        for (int i = 0; i < 5; ++i) {
            const int score = Rfm::scoreOf(i, 5);
            const RfmScores s = shop.scores(regulars.at(i));
            QCOMPARE(describe(s), describe({QString(), score, score, score, Rfm::segmentOf(score, score, score), 0}));
        }
        QCOMPARE(shop.scores(regulars.at(0)).segment, RfmSegment::Lost);

        // A new customer buys 3 items: top recency (after the ranking), frequency of one
        // purchase (1), 300,000 spent against the cut points (as Pelanggan 3: 3). A ranking
        // now would give the same: the newest, the fewest purchases, 2 of 6 spent less.
        shop.t.clock().advance(kDay);
        const Customer newcomer = addCustomer(shop.t.db(), shop.t.admin(), QStringLiteral("Baru"));
        const Sale first = shop.sell(newcomer, 3);
        const RfmScores placed = shop.scores(newcomer);
        QCOMPARE(describe(placed), QStringLiteral("new R5 F1 M3"));
        QCOMPARE(placed.computedAt, shop.t.clock().nowMs());
        // Pelanggan 1 comes back: placed again, now recent and with 2 purchases.
        shop.sell(regulars.at(0), 1);
        QCOMPARE(describe(shop.scores(regulars.at(0))), QStringLiteral("potential R5 F2 M2"));
        QVERIFY(countsAgree(shop.t.db()));

        // The newcomer's sale refunded: no purchase stands, no scores.
        auto refund = CheckoutService(shop.t.db(), shop.t.manager()).refund(first.orderNumber, QStringLiteral("rusak"));
        QVERIFY2(refund.ok(), qPrintable(refund ? QString() : refund.error().describe()));
        QCOMPARE(shop.scores(newcomer).segment, RfmSegment::None);
        QCOMPARE(scalar(shop.t.db(), QStringLiteral("SELECT count(*) FROM customer_rfm WHERE customer_id = ?"),
                     {newcomer.id})
                     .toInt(),
            0);
        // Pelanggan 1's comeback refunded: placed as the figures now are, the last purchase
        // back on day 0 (recency 1 again).
        const Sale comeback = CheckoutService(shop.t.db(), shop.t.cashier()).salesOf(regulars.at(0).code)->first();
        QVERIFY(CheckoutService(shop.t.db(), shop.t.manager()).refund(comeback.orderNumber, QStringLiteral("x")).ok());
        QCOMPARE(describe(shop.scores(regulars.at(0))), QStringLiteral("lost R1 F1 M1"));
        QVERIFY(countsAgree(shop.t.db()));
        QCOMPARE(RfmService(shop.t.db(), shop.t.admin()).segmentCounts()->ranked, 5);

        // Placing is what a ranking does for the values it ranked: ranking again changes
        // nobody's scores.
        QList<RfmScores> before;
        for (const Customer& c : regulars)
            before << shop.scores(c);
        QVERIFY(RfmService(shop.t.db(), shop.t.admin()).recompute().ok());
        for (qsizetype i = 0; i < regulars.size(); ++i)
            QCOMPARE(describe(shop.scores(regulars.at(i))), describe(before.at(i)));
    }

    void onlyManagersAndAdminsRankAgain()
    {
        HandChecked c;
        RfmService cashier(c.t.db(), c.t.cashier());
        auto refused = cashier.recompute();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(c.t.countRows(QStringLiteral("rfm_run")), 0);
        QVERIFY(RfmService(c.t.db(), c.t.manager()).recompute().ok());
        QVERIFY(RfmService(c.t.db(), c.t.admin()).recompute().ok());
        // Everyone who may look customers up sees their segment and the counts.
        for (const Actor& a : {c.t.cashier(), c.t.manager(), c.t.admin()}) {
            RfmService reader(c.t.db(), a);
            QCOMPARE(reader.scoresOf(c.byName.value(QStringLiteral("Kiki")).id)->segment, RfmSegment::Champions);
            QCOMPARE(reader.segmentCounts()->ranked, 11);
        }
        QCOMPARE(cashier.scoresOf(QStringLiteral("C-999999")).error().kind, Error::Kind::NotFound);
        QCOMPARE(cashier.scoresOf(QStringLiteral("nobody")).error().kind, Error::Kind::Invalid);
    }

    void aDeletedCustomerTakesTheirScoresAlong()
    {
        HandChecked c;
        QVERIFY(RfmService(c.t.db(), c.t.manager()).recompute().ok());
        // Hard delete is for customers without sales; their figures here were written by
        // hand, so the cascade is what is tested.
        QVERIFY(CustomerService(c.t.db(), c.t.admin()).remove(c.byName.value(QStringLiteral("Ani")).code).ok());
        QCOMPARE(c.t.countRows(QStringLiteral("customer_rfm")), 10);
        QVERIFY(countsAgree(c.t.db()));
        QCOMPARE(RfmService(c.t.db(), c.t.admin()).segmentCounts()->ranked, 10);
    }

    void migratesFromVersionSeven()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kasir.db"));
        ManualClock clock;
        {
            auto old = Database::openAtVersion(path, clock, 7);
            QVERIFY(old.ok());
            QCOMPARE((*old)->schemaVersion(), 7);
            QVERIFY(!scalar(**old, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_rfm'"))
                         .toBool());
        }
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QCOMPARE((*db)->schemaVersion(), Migrations::latest());
        for (const char* name : {"customer_rfm", "rfm_run", "ix_rfm_segment"})
            QCOMPARE(
                scalar(**db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"), {QLatin1String(name)})
                    .toInt(),
                1);
        QCOMPARE(scalar(**db, QStringLiteral("SELECT count(*) FROM rfm_run")).toInt(), 0);
        // A segment outside the seven and a score outside 1-5 are refused by the table itself
        // (the customer need not exist for this).
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO customer_rfm VALUES ('x', 'c', 1, 2, 3, 'lost', 0)")),
            qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO customer_rfm VALUES ('y', 'c', 1, 1, 1, 'vip', 0)")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("CHECK")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO customer_rfm VALUES ('z', 'c', 6, 1, 1, 'lost', 0)")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("CHECK")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
    }

    void nobodyHasASegmentBeforeTheFirstRanking()
    {
        // As on a terminal just upgraded from version 7: purchases, but no ranking yet.
        HandChecked c;
        auto counts = RfmService(c.t.db(), c.t.admin()).segmentCounts(true);
        QVERIFY(counts.ok());
        QCOMPARE(counts->computedAt, std::nullopt);
        QCOMPARE(counts->ranked, 0);
        QCOMPARE(counts->notRanked, 13);
        QVERIFY(RfmService(c.t.db(), c.t.admin()).recompute().ok());
        QCOMPARE(RfmService(c.t.db(), c.t.admin()).segmentCounts()->ranked, 11);
    }
};

QTEST_GUILESS_MAIN(TestRfmService)
#include "TestRfmService.moc"
