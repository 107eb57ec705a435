#include "core/domain/Money.h"
#include "core/services/CheckoutService.h"
#include "core/services/CustomerService.h"
#include "core/services/DemoData.h"
#include "core/services/LedgerService.h"
#include "core/services/MembershipService.h"
#include "core/services/ProductService.h"
#include "core/storage/Database.h"
#include "core/storage/LedgerRepository.h"
#include "core/storage/UnitOfWork.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace kasir;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

template<typename T>
QString describe(const Result<T>& r)
{
    return r.ok() ? QString() : r.error().describe();
}

template<typename T>
QString fieldOf(const Result<T>& r)
{
    return r.ok() ? QStringLiteral("(succeeded)") : r.error().field;
}

Customer registered(test::TestDatabase& t, const QString& name, const Actor& actor)
{
    CustomerInput in;
    in.name = name;
    auto c = CustomerService(t.db(), actor).create(in);
    if (!c)
        qFatal("cannot register %s: %s", qPrintable(name), qPrintable(c.error().describe()));
    return *c;
}

qint64 scalar(test::TestDatabase& t, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(t.db().connection());
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Rows of every table a ledger write touches, to show that a refused one wrote nothing.
QList<qint64> footprint(test::TestDatabase& t)
{
    QList<qint64> out;
    for (const char* table :
        {"points_entry", "credit_entry", "credit_limit", "customer_metrics", "audit_log", "sync_outbox"})
        out << t.countRows(QString::fromLatin1(table));
    out << scalar(
        t, QStringLiteral("SELECT coalesce(sum(points), 0) + coalesce(sum(credit), 0) FROM customer_metrics"));
    return out;
}

QJsonObject auditChanges(test::TestDatabase& t, const QString& entity, const QString& entityId)
{
    QSqlQuery q(t.db().connection());
    q.prepare(QStringLiteral("SELECT changes FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC"));
    q.addBindValue(entity);
    q.addBindValue(entityId);
    if (!q.exec() || !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QJsonObject outboxFields(test::TestDatabase& t, const QString& entity, const QString& entityId)
{
    QSqlQuery q(t.db().connection());
    q.prepare(QStringLiteral("SELECT fields FROM sync_outbox WHERE entity = ? AND entity_id = ? ORDER BY seq DESC"));
    q.addBindValue(entity);
    q.addBindValue(entityId);
    if (!q.exec() || !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

constexpr qint64 kDay = 86'400'000;

// The company's rules with points expiring after `days`.
void expireAfter(test::TestDatabase& t, qint64 days, const Actor& actor)
{
    MembershipRules r = MembershipService(t.db(), actor).rules().value();
    r.pointsExpireDays = days;
    if (auto set = MembershipService(t.db(), actor).setRules(r); !set)
        qFatal("cannot set the rules: %s", qPrintable(set.error().describe()));
}

// Every customer's cached balance against the sum of their entries, and each entry's
// balance_after against the running sum: "" when they all agree.
QString ledgerMismatch(test::TestDatabase& t)
{
    QSqlQuery q(t.db().connection());
    if (!q.exec(QStringLiteral(
            "SELECT m.customer_id, m.points, (SELECT coalesce(sum(points), 0) FROM points_entry e WHERE "
            "e.customer_id = m.customer_id) FROM customer_metrics m WHERE m.points <> (SELECT coalesce(sum(points), "
            "0) FROM points_entry e WHERE e.customer_id = m.customer_id) "
            "UNION ALL SELECT e.customer_id, e.balance_after, (SELECT sum(points) FROM points_entry p WHERE "
            "p.customer_id = e.customer_id AND p.rowid <= e.rowid) FROM points_entry e WHERE e.balance_after <> "
            "(SELECT sum(points) FROM points_entry p WHERE p.customer_id = e.customer_id AND p.rowid <= e.rowid)")))
        return QStringLiteral("query failed");
    QStringList out;
    while (q.next())
        out << QStringLiteral("%1 has %2, entries say %3")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    return out.join(u"; ");
}

LedgerService::Expiry expiry(qint64 customers, qint64 points)
{
    return {customers, points};
}

} // namespace

namespace kasir {
// How QCOMPARE shows an expiry that differs.
char* toString(const LedgerService::Expiry& e)
{
    return qstrdup(QStringLiteral("{customers %1, points %2}").arg(e.customers).arg(e.points).toUtf8().constData());
}
} // namespace kasir

class TestLedgerService : public QObject
{
    Q_OBJECT

private slots:
    void aLongRandomMixKeepsTheBalancesEqualToTheEntries()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Ani Wijaya"), t.admin());
        LedgerService s(t.db(), t.manager());
        constexpr qint64 limit = 200'000;
        QCOMPARE(s.setCreditLimit(c.id, limit).value_or(-1), limit);

        QRandomGenerator rng(20260101);
        qint64 points = 0;
        qint64 credit = 0;
        qint64 pointsEntries = 0;
        qint64 creditEntries = 0;
        qint64 overrides = 0;
        int refused = 0;
        const CreditKind ins[]
            = {CreditKind::Credit, CreditKind::Repayment, CreditKind::CarryOver, CreditKind::Adjustment};
        for (int i = 0; i < 800; ++i) {
            // Often several entries in one millisecond: the history must still keep their order.
            if (rng.bounded(3) == 0)
                t.clock().advance(rng.bounded(1, 5000));
            switch (rng.bounded(4)) {
            case 0: {
                const qint64 p = rng.bounded(2) ? rng.bounded(1, 1000) : -rng.bounded(1, 600);
                auto r = s.adjustPoints(c.code, p, QStringLiteral("mix %1").arg(i));
                if (points + p < 0) {
                    QCOMPARE(fieldOf(r), QStringLiteral("points"));
                    ++refused;
                } else {
                    QVERIFY2(r.ok(), qPrintable(describe(r)));
                    points += p;
                    QCOMPARE(r->balanceAfter, points);
                    ++pointsEntries;
                }
                break;
            }
            case 1: {
                const qint64 amount = rng.bounded(1, 100'000);
                auto r = s.addCredit(c.id, amount, ins[rng.bounded(4)], QStringLiteral("top-up"));
                QVERIFY2(r.ok(), qPrintable(describe(r)));
                QCOMPARE(r->balanceBefore, credit);
                credit += amount;
                QCOMPARE(r->balanceAfter, credit);
                ++creditEntries;
                break;
            }
            case 2: {
                const qint64 amount = rng.bounded(1, 150'000);
                auto r = s.debitCredit(c.id, amount, QStringLiteral("spent"));
                if (credit - amount < -limit) {
                    QCOMPARE(fieldOf(r), QStringLiteral("amount"));
                    ++refused;
                } else {
                    QVERIFY2(r.ok(), qPrintable(describe(r)));
                    QCOMPARE(r->amount, -amount);
                    credit -= amount;
                    QCOMPARE(r->balanceAfter, credit);
                    QVERIFY(r->limitOverride.isEmpty());
                    ++creditEntries;
                }
                break;
            }
            case 3: {
                // Rarely, a manager lets a debit go past the limit.
                if (rng.bounded(8) != 0)
                    break;
                const qint64 amount = rng.bounded(1, 120'000);
                auto r = s.debitCredit(c.id, amount, QStringLiteral("spent"), {}, QStringLiteral("known customer"));
                QVERIFY2(r.ok(), qPrintable(describe(r)));
                const bool past = credit - amount < -limit;
                QCOMPARE(r->limitOverride.isEmpty(), !past);
                overrides += past ? 1 : 0;
                credit -= amount;
                ++creditEntries;
                break;
            }
            }
        }
        QVERIFY2(refused > 10, "the mix must hit both refusals");
        QVERIFY(pointsEntries > 100);
        QVERIFY(creditEntries > 200);

        LedgerRepository repo(t.db());
        auto cached = s.balances(c.id);
        QVERIFY(cached.ok());
        QCOMPARE(cached->points, points);
        QCOMPARE(cached->credit, credit);
        auto facts = repo.balancesFromEntries(c.id);
        QVERIFY(facts.ok());
        QCOMPARE(facts->points, cached->points);
        QCOMPARE(facts->credit, cached->credit);

        // One audit row and one sync op per entry, and the limit setting.
        QCOMPARE(t.countRows(QStringLiteral("points_entry")), pointsEntries);
        QCOMPARE(t.countRows(QStringLiteral("credit_entry")), creditEntries);
        QCOMPARE(
            scalar(t, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'points_entry'")), pointsEntries);
        QCOMPARE(
            scalar(t, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'credit_entry'")), creditEntries);
        QCOMPARE(
            scalar(t, QStringLiteral("SELECT count(*) FROM credit_entry WHERE limit_override IS NOT NULL")), overrides);

        // Every entry continues from the one before it, back to an empty balance.
        auto all = repo.creditHistory(c.id, 100'000);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), creditEntries);
        QCOMPARE(all->constFirst().balanceAfter, credit);
        QCOMPARE(all->constLast().balanceBefore, 0);
        for (qsizetype i = 0; i + 1 < all->size(); ++i) {
            QCOMPARE(all->at(i).balanceBefore, all->at(i + 1).balanceAfter);
            QVERIFY(all->at(i).createdAt >= all->at(i + 1).createdAt);
        }
        auto allPoints = repo.pointsHistory(c.id, 100'000);
        QVERIFY(allPoints.ok());
        QCOMPARE(allPoints->constFirst().balanceAfter, points);
        for (qsizetype i = 0; i + 1 < allPoints->size(); ++i)
            QCOMPARE(allPoints->at(i).balanceAfter - allPoints->at(i).points, allPoints->at(i + 1).balanceAfter);
        QCOMPARE(allPoints->constLast().balanceAfter, allPoints->constLast().points);
        // The service shows the newest 200.
        QCOMPARE(s.creditHistory(c.id)->size(), std::min<qint64>(200, creditEntries));
        QCOMPARE(s.creditHistory(c.id)->constFirst(), all->constFirst());

        // The figures survive a restart.
        t.reopen();
        auto again = LedgerService(t.db(), t.cashier()).balances(c.code);
        QVERIFY(again.ok());
        QCOMPARE(again->points, points);
        QCOMPARE(again->credit, credit);
    }

    void historyIsNewestFirstWithItsRunningBalances()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Budi"), t.admin());
        LedgerService s(t.db(), t.manager());
        const qint64 start = t.clock().nowMs();
        QVERIFY(s.setCreditLimit(c.id, 1000).ok());
        QVERIFY(s.addCredit(c.id, 10'000, CreditKind::Credit, QStringLiteral("deposit"), QStringLiteral("INV-1")).ok());
        QVERIFY(s.debitCredit(c.id, 3000, QStringLiteral("same millisecond")).ok());
        t.clock().advance(1000);
        QVERIFY(s.addCredit(c.id, 500, CreditKind::Repayment, QStringLiteral("cash")).ok());
        t.clock().advance(1000);
        QVERIFY(s.debitCredit(c.id, 8000, QStringLiteral("goods")).ok());

        auto h = s.creditHistory(c.code);
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 4);
        const QList<qint64> amounts {h->at(0).amount, h->at(1).amount, h->at(2).amount, h->at(3).amount};
        QCOMPARE(amounts, (QList<qint64> {-8000, 500, -3000, 10'000}));
        const QList<CreditKind> kinds {h->at(0).kind, h->at(1).kind, h->at(2).kind, h->at(3).kind};
        QCOMPARE(kinds,
            (QList<CreditKind> {CreditKind::Debit, CreditKind::Repayment, CreditKind::Debit, CreditKind::Credit}));
        const QList<qint64> before {
            h->at(0).balanceBefore, h->at(1).balanceBefore, h->at(2).balanceBefore, h->at(3).balanceBefore};
        const QList<qint64> after {
            h->at(0).balanceAfter, h->at(1).balanceAfter, h->at(2).balanceAfter, h->at(3).balanceAfter};
        QCOMPARE(before, (QList<qint64> {7500, 7000, 10'000, 0}));
        QCOMPARE(after, (QList<qint64> {-500, 7500, 7000, 10'000}));
        QCOMPARE(h->at(3).createdAt, start);
        QCOMPARE(h->at(0).createdAt, start + 2000);
        QCOMPARE(h->at(0).createdBy, t.manager().userId);
        QCOMPARE(h->at(3).reference, QStringLiteral("INV-1"));
        QCOMPARE(s.balances(c.id)->credit, -500);

        QVERIFY(s.adjustPoints(c.id, 100, QStringLiteral("welcome")).ok());
        QVERIFY(s.adjustPoints(c.id, -30, QStringLiteral("same millisecond")).ok());
        t.clock().advance(1);
        QVERIFY(s.adjustPoints(c.id, 5, QStringLiteral("later")).ok());
        auto p = s.pointsHistory(c.id);
        QVERIFY(p.ok());
        QCOMPARE(p->size(), 3);
        QCOMPARE((QList<qint64> {p->at(0).points, p->at(1).points, p->at(2).points}), (QList<qint64> {5, -30, 100}));
        QCOMPARE((QList<qint64> {p->at(0).balanceAfter, p->at(1).balanceAfter, p->at(2).balanceAfter}),
            (QList<qint64> {75, 70, 100}));
        QCOMPARE(p->at(0).kind, PointsKind::Adjusted);

        // The JSON that kasirctl and the server print.
        const QJsonObject credit = LedgerService::toJson(h->at(3));
        QCOMPARE(credit.value(QStringLiteral("amount")).toInteger(), 10'000);
        QCOMPARE(credit.value(QStringLiteral("balanceBefore")).toInteger(), 0);
        QCOMPARE(credit.value(QStringLiteral("kind")).toString(), QStringLiteral("credit"));
        QCOMPARE(credit.value(QStringLiteral("customerId")).toString(), c.id);
        QCOMPARE(credit.value(QStringLiteral("reference")).toString(), QStringLiteral("INV-1"));
        QCOMPARE(credit.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2026-01-01T00:00:00.000Z"));
        QVERIFY(!credit.contains(QStringLiteral("limitOverride")));
        const QJsonObject points = LedgerService::toJson(p->at(0));
        QCOMPARE(points.value(QStringLiteral("points")).toInteger(), 5);
        QCOMPARE(points.value(QStringLiteral("balanceAfter")).toInteger(), 75);
        QCOMPARE(points.value(QStringLiteral("kind")).toString(), QStringLiteral("adjusted"));
        QCOMPARE(points.value(QStringLiteral("createdAt")).toString(), QStringLiteral("2026-01-01T00:00:02.001Z"));
        QCOMPARE(points.value(QStringLiteral("createdBy")).toString(), t.manager().userId);
    }

    void pointsCannotGoBelowZero()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Citra"), t.admin());
        LedgerService s(t.db(), t.manager());
        QVERIFY(s.adjustPoints(c.id, 100, QStringLiteral("opening balance")).ok());
        auto tooMany = s.adjustPoints(c.id, -101, QStringLiteral("correction"));
        QVERIFY(!tooMany.ok());
        QCOMPARE(tooMany.error().kind, Error::Kind::Invalid);
        QCOMPARE(tooMany.error().field, QStringLiteral("points"));
        QVERIFY2(tooMany.error().message.contains(QStringLiteral("100")), qPrintable(tooMany.error().message));
        QCOMPARE(s.balances(c.id)->points, 100);
        QCOMPARE(t.countRows(QStringLiteral("points_entry")), 1);

        auto all = s.adjustPoints(c.id, -100, QStringLiteral("correction"));
        QVERIFY2(all.ok(), qPrintable(describe(all)));
        QCOMPARE(all->balanceAfter, 0);
        QCOMPARE(fieldOf(s.adjustPoints(c.id, -1, QStringLiteral("correction"))), QStringLiteral("points"));
        QCOMPARE(s.balances(c.id)->points, 0);
        QCOMPARE(t.countRows(QStringLiteral("points_entry")), 2);
    }

    void theCreditLimitBlocksADebitPastIt()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Dewi"), t.admin());
        LedgerService s(t.db(), t.manager());

        // No limit set: no debt at all.
        auto noDebt = s.debitCredit(c.id, 1, QStringLiteral("goods"));
        QVERIFY(!noDebt.ok());
        QCOMPARE(noDebt.error().kind, Error::Kind::Invalid);
        QCOMPARE(noDebt.error().field, QStringLiteral("amount"));

        QCOMPARE(s.setCreditLimit(c.id, 50'000).value_or(-1), 50'000);
        QVERIFY(s.addCredit(c.id, 10'000, CreditKind::Credit, QStringLiteral("deposit")).ok());
        auto past = s.debitCredit(c.id, 60'001, QStringLiteral("goods"));
        QVERIFY(!past.ok());
        QCOMPARE(past.error().kind, Error::Kind::Invalid);
        QCOMPARE(past.error().field, QStringLiteral("amount"));
        // The figures as a person reads them, in the company's currency.
        QVERIFY2(past.error().message.contains(Money::format(-50'001, QStringLiteral("IDR")))
                && past.error().message.contains(Money::format(50'000, QStringLiteral("IDR"))),
            qPrintable(past.error().message));
        QCOMPARE(s.balances(c.id)->credit, 10'000);

        auto exactly = s.debitCredit(c.id, 60'000, QStringLiteral("goods"));
        QVERIFY2(exactly.ok(), qPrintable(describe(exactly)));
        QCOMPARE(exactly->balanceAfter, -50'000);
        QVERIFY(exactly->limitOverride.isEmpty());
        QCOMPARE(fieldOf(s.debitCredit(c.id, 1, QStringLiteral("goods"))), QStringLiteral("amount"));

        // A repayment makes room again; a lower limit takes it away.
        QVERIFY(s.addCredit(c.id, 20'000, CreditKind::Repayment, QStringLiteral("cash")).ok());
        QVERIFY(s.setCreditLimit(c.id, 30'000).ok());
        QCOMPARE(fieldOf(s.debitCredit(c.id, 1, QStringLiteral("goods"))), QStringLiteral("amount"));
        QVERIFY(s.setCreditLimit(c.id, 40'000).ok());
        QVERIFY(s.debitCredit(c.id, 10'000, QStringLiteral("goods")).ok());
        QCOMPARE(s.balances(c.id)->credit, -40'000);
        QCOMPARE(t.countRows(QStringLiteral("credit_entry")), 4);
    }

    void aBlockedCustomerCannotSpendStoreCredit()
    {
        // Not even a manager with a reason: blocked means no spending on account.
        kasir::test::TestDatabase t;
        CustomerService customers(t.db(), t.admin());
        CustomerInput in;
        in.name = QStringLiteral("Diblokir");
        in.phone = QStringLiteral("0812 4444 5555");
        const Customer c = customers.create(in).value();
        LedgerService s(t.db(), t.manager());
        QVERIFY(s.addCredit(c.id, 10'000, CreditKind::Credit, QStringLiteral("deposit")).ok());
        CustomerInput block;
        block.status = QStringLiteral("blocked");
        QVERIFY(customers.update(c.id, block).ok());
        auto spent = s.debitCredit(c.id, 5'000, QStringLiteral("goods"), {}, QStringLiteral("kenal baik"));
        QVERIFY(!spent.ok());
        QCOMPARE(spent.error().fields.value(0).code, QStringLiteral("customer_blocked"));
        QCOMPARE(s.balances(c.id)->credit, 10'000);
        // Money in is still taken.
        QVERIFY(s.addCredit(c.id, 1'000, CreditKind::Repayment, QStringLiteral("cicilan")).ok());
    }

    void aManagerMayPassTheLimitWithAReason()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Eko"), t.admin());
        LedgerService manager(t.db(), t.manager());
        LedgerService cashier(t.db(), t.cashier());
        QVERIFY(manager.setCreditLimit(c.id, 10'000).ok());
        const QList<qint64> before = footprint(t);

        // Without a reason, or with only blanks, the limit holds.
        QCOMPARE(fieldOf(manager.debitCredit(c.id, 25'000, QStringLiteral("goods"))), QStringLiteral("amount"));
        auto blank = manager.debitCredit(c.id, 25'000, QStringLiteral("goods"), {}, QStringLiteral("   "));
        QVERIFY(!blank.ok());
        QCOMPARE(blank.error().fields.value(0).code, QStringLiteral("credit_limit"));
        QCOMPARE(blank.error().field, QStringLiteral("amount"));
        // A cashier may not, reason or not.
        auto byCashier = cashier.debitCredit(c.id, 25'000, QStringLiteral("goods"), {}, QStringLiteral("I know him"));
        QVERIFY(!byCashier.ok());
        QCOMPARE(byCashier.error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(fieldOf(manager.debitCredit(c.id, 25'000, QStringLiteral("goods"), {}, QStringLiteral("ok\x01"))),
            QStringLiteral("overrideReason"));
        QCOMPARE(footprint(t), before);

        const QString why = QStringLiteral("Pak Eko pays on Friday");
        auto passed = manager.debitCredit(c.id, 25'000, QStringLiteral("goods"), QStringLiteral("INV-7"),
            QStringLiteral("  ") + why + QLatin1Char(' '));
        QVERIFY2(passed.ok(), qPrintable(describe(passed)));
        QCOMPARE(passed->limitOverride, why);
        QCOMPARE(passed->balanceAfter, -25'000);
        QCOMPARE(manager.creditHistory(c.id)->constFirst().limitOverride, why);

        // The audit row says who let it through and why; the sync op carries it too.
        const QJsonObject changes = auditChanges(t, QStringLiteral("credit_entry"), passed->id);
        QCOMPARE(changes.value(QStringLiteral("limitOverride")).toArray().at(1).toString(), why);
        QCOMPARE(changes.value(QStringLiteral("amount")).toArray().at(1).toInteger(), -25'000);
        QCOMPARE(changes.value(QStringLiteral("kind")).toArray().at(1).toString(), QStringLiteral("debit"));
        QCOMPARE(scalar(t, QStringLiteral("SELECT actor_id = ? FROM audit_log WHERE entity_id = ?"),
                     {t.manager().userId, passed->id}),
            1);
        QCOMPARE(outboxFields(t, QStringLiteral("credit_entry"), passed->id).value(QStringLiteral("limitOverride")),
            QJsonValue(why));

        // Within the limit a reason is not needed, and not kept.
        QVERIFY(manager.addCredit(c.id, 100'000, CreditKind::Credit, QStringLiteral("deposit")).ok());
        auto within = manager.debitCredit(c.id, 1, QStringLiteral("goods"), {}, why);
        QVERIFY(within.ok());
        QVERIFY(within->limitOverride.isEmpty());
    }

    void aCashierMayReadButNotAdjust()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Fajar"), t.cashier());
        LedgerService cashier(t.db(), t.cashier());
        const QList<qint64> before = footprint(t);
        QCOMPARE(cashier.adjustPoints(c.id, 10, QStringLiteral("bonus")).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.addCredit(c.id, 10, CreditKind::Credit, QStringLiteral("top-up")).error().kind,
            Error::Kind::PermissionDenied);
        QCOMPARE(cashier.debitCredit(c.id, 10, QStringLiteral("goods")).error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(cashier.setCreditLimit(c.id, 10).error().kind, Error::Kind::PermissionDenied);
        QVERIFY(!cashier.setCreditLimit(c.id, 10).error().message.isEmpty());
        QCOMPARE(footprint(t), before);

        QVERIFY(LedgerService(t.db(), t.manager()).adjustPoints(c.id, 10, QStringLiteral("bonus")).ok());
        auto b = cashier.balances(c.code);
        QVERIFY(b.ok());
        QCOMPARE(b->points, 10);
        QCOMPARE(cashier.pointsHistory(c.id)->size(), 1);
        QVERIFY(cashier.creditHistory(c.id)->isEmpty());
    }

    void customersAreFoundByIdOrCodeWithinTheCompany()
    {
        test::TestDatabase t;
        const Customer ours = registered(t, QStringLiteral("Gita"), t.admin());
        LedgerService s(t.db(), t.manager());
        QVERIFY(s.adjustPoints(QStringLiteral("c1"), 7, QStringLiteral("by short code")).ok());
        QCOMPARE(s.balances(QStringLiteral("C-000001"))->points, 7);
        QCOMPARE(s.balances(ours.id)->points, 7);

        const QString unknownId = QStringLiteral("01900000-0000-7000-8000-000000000001");
        QCOMPARE(s.balances(unknownId).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.adjustPoints(unknownId, 1, QStringLiteral("x")).error().kind, Error::Kind::NotFound);
        QCOMPARE(
            s.addCredit(QStringLiteral("C-999999"), 1, CreditKind::Credit, {}).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.creditHistory(QStringLiteral("C-999999")).error().kind, Error::Kind::NotFound);
        QCOMPARE(
            s.balances(QStringLiteral("'; DROP TABLE credit_entry; --")).error().field, QStringLiteral("customer"));

        // Another company in the same file: its customer (also C-000001) is invisible here.
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        const Customer theirs = registered(t, QStringLiteral("Hadi"), other);
        QCOMPARE(theirs.code, QStringLiteral("C-000001"));
        LedgerService them(t.db(), other);
        QVERIFY(them.addCredit(theirs.id, 5000, CreditKind::Credit, QStringLiteral("deposit")).ok());
        const QList<qint64> before = footprint(t);
        QCOMPARE(s.balances(theirs.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.creditHistory(theirs.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.debitCredit(theirs.id, 1000, QStringLiteral("x")).error().kind, Error::Kind::NotFound);
        QCOMPARE(s.setCreditLimit(theirs.id, 1000).error().kind, Error::Kind::NotFound);
        QCOMPARE(footprint(t), before);
        QCOMPARE(them.balances(QStringLiteral("C-000001"))->credit, 5000);
        QCOMPARE(s.balances(QStringLiteral("C-000001"))->credit, 0);
        QCOMPARE(them.creditHistory(theirs.id)->constFirst().companyId, other.companyId);
    }

    void badInputsAreRefusedNamingTheField()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Indah"), t.admin());
        LedgerService s(t.db(), t.admin());
        const QString ok = QStringLiteral("ok");
        const QList<qint64> before = footprint(t);

        for (const qint64 p : {qint64(0), kMax, kMin, LedgerService::maxAmount + 1, -LedgerService::maxAmount - 1})
            QCOMPARE(fieldOf(s.adjustPoints(c.id, p, ok)), QStringLiteral("points"));
        for (const qint64 a : {qint64(0), qint64(-5), kMax, kMin, LedgerService::maxAmount + 1}) {
            QCOMPARE(fieldOf(s.addCredit(c.id, a, CreditKind::Credit, ok)), QStringLiteral("amount"));
            QCOMPARE(fieldOf(s.debitCredit(c.id, a, ok)), QStringLiteral("amount"));
        }
        for (const CreditKind k : {CreditKind::Debit, CreditKind::SaleOnAccount, CreditKind::Reversal})
            QCOMPARE(fieldOf(s.addCredit(c.id, 10, k, ok)), QStringLiteral("kind"));
        for (const qint64 m : {qint64(-1), kMin, kMax, LedgerService::maxAmount + 1})
            QCOMPARE(fieldOf(s.setCreditLimit(c.id, m)), QStringLiteral("creditLimit"));

        const QString surrogate(QChar(0xD800));
        for (const QString& bad : {QString(), QStringLiteral("   "), QString(501, u'x'), QStringLiteral("a\nb"),
                 QStringLiteral("a\tb"), QStringLiteral("bell\x07"), QString(QStringLiteral("lone ") + surrogate)})
            QCOMPARE(fieldOf(s.adjustPoints(c.id, 1, bad)), QStringLiteral("reason"));
        QCOMPARE(s.adjustPoints(c.id, 1, QString(501, u'x')).error().fields.value(0).code, QStringLiteral("too_long"));
        QCOMPARE(fieldOf(s.addCredit(c.id, 1, CreditKind::Credit, QString(501, u'x'))), QStringLiteral("reason"));
        QCOMPARE(fieldOf(s.debitCredit(c.id, 1, QStringLiteral("x\r\ny"))), QStringLiteral("reason"));
        QCOMPARE(
            fieldOf(s.addCredit(c.id, 1, CreditKind::Credit, ok, QString(101, u'7'))), QStringLiteral("reference"));
        QCOMPARE(fieldOf(s.addCredit(c.id, 1, CreditKind::Credit, ok, QStringLiteral("A\x1b[31m"))),
            QStringLiteral("reference"));
        QCOMPARE(footprint(t), before);

        // The longest reasons, counted in characters (an emoji is one, not two).
        const QString flower = QString::fromUcs4(U"\U0001F338", 1);
        QVERIFY(s.adjustPoints(c.id, 1, QString(500, u'x')).ok());
        QVERIFY(s.adjustPoints(c.id, 1, flower.repeated(500)).ok());
        QCOMPARE(fieldOf(s.adjustPoints(c.id, 1, flower.repeated(501))), QStringLiteral("reason"));

        // Text is kept as written: quotes, accents, scripts and emoji.
        const QString unicode = QString::fromUcs4(U"Koreksi poin \u2014 Nguy\u1EC5n Th\u1ECB \U0001F338 \u6797", -1);
        const QString quotes = QStringLiteral("'); DROP TABLE points_entry; -- \"quoted\" 100% _x_");
        QVERIFY(s.adjustPoints(c.id, 3, QStringLiteral("  ") + unicode + QStringLiteral("  ")).ok());
        QVERIFY(s.adjustPoints(c.id, 4, quotes).ok());
        QVERIFY(s.addCredit(c.id, 9, CreditKind::Adjustment, unicode, quotes).ok());
        auto p = s.pointsHistory(c.id);
        QVERIFY(p.ok());
        QCOMPARE(p->at(0).reason, quotes);
        QCOMPARE(p->at(1).reason, unicode);
        QCOMPARE(s.creditHistory(c.id)->constFirst().reason, unicode);
        QCOMPARE(s.creditHistory(c.id)->constFirst().reference, quotes);
        QCOMPARE(t.countRows(QStringLiteral("points_entry")), 4);

        // Balances stay where a 64-bit sum cannot overflow and JSON keeps every digit.
        constexpr qint64 max = LedgerService::maxAmount;
        QVERIFY(s.addCredit(c.id, max - 9, CreditKind::Credit, ok).ok());
        QCOMPARE(s.balances(c.id)->credit, max);
        auto over = s.addCredit(c.id, 1, CreditKind::Credit, ok);
        QCOMPARE(fieldOf(over), QStringLiteral("amount"));
        QCOMPARE(over.error().kind, Error::Kind::Invalid);
        QVERIFY(s.adjustPoints(c.id, max - s.balances(c.id)->points, ok).ok());
        QCOMPARE(s.balances(c.id)->points, max);
        QCOMPARE(fieldOf(s.adjustPoints(c.id, 1, ok)), QStringLiteral("points"));
        QCOMPARE(s.balances(c.id)->points, max);
        // ...and the other way, even with a manager's override.
        QVERIFY(s.setCreditLimit(c.id, max).ok());
        QVERIFY(s.debitCredit(c.id, max, ok).ok());
        QVERIFY(s.debitCredit(c.id, max, ok).ok());
        QCOMPARE(s.balances(c.id)->credit, -max);
        QCOMPARE(fieldOf(s.debitCredit(c.id, 1, ok, {}, QStringLiteral("override"))), QStringLiteral("amount"));
        QCOMPARE(s.balances(c.id)->credit, -max);
        const QJsonObject json = LedgerService::toJson(s.creditHistory(c.id)->constFirst());
        QCOMPARE(json.value(QStringLiteral("balanceAfter")).toInteger(), -max);
        auto facts = LedgerRepository(t.db()).balancesFromEntries(c.id);
        QVERIFY(facts.ok());
        QCOMPARE(facts->credit, -max);
        QCOMPARE(facts->points, max);
    }

    void pointsExpireOldestFirst()
    {
        test::TestDatabase t;
        const qint64 day0 = t.clock().nowMs();
        auto at = [&](qint64 day) { t.clock().set(day0 + day * kDay); };
        expireAfter(t, 30, t.manager());
        const Customer ani = registered(t, QStringLiteral("Ani"), t.admin());
        const Customer budi = registered(t, QStringLiteral("Budi"), t.admin());
        const Customer citra = registered(t, QStringLiteral("Citra"), t.admin());
        LedgerService s(t.db(), t.manager());
        auto adjust = [&](const Customer& c, qint64 points) {
            auto r = s.adjustPoints(c.id, points, QStringLiteral("test"));
            if (!r)
                qFatal("cannot adjust: %s", qPrintable(r.error().describe()));
        };
        // Ani: 100 on day 0 and 50 on day 10; 80 taken on day 20 come out of the 100; 30 more
        // on day 40.
        at(0);
        adjust(ani, 100);
        at(10);
        adjust(ani, 50);
        // Budi used everything he had; Citra's points are all young.
        adjust(budi, 40);
        at(12);
        adjust(budi, -40);
        at(20);
        adjust(ani, -80);
        adjust(citra, 25);
        at(40);
        adjust(ani, 30);

        // Day 45: what is left of days 0 and 10 (20 + 50) is older than 30 days.
        at(45);
        auto first = s.expirePoints(t.clock().nowMs());
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        QCOMPARE(*first, expiry(1, 70));
        QCOMPARE(s.balances(ani.id)->points, 30);
        auto h = s.pointsHistory(ani.id);
        QCOMPARE(h->constFirst().kind, PointsKind::Expired);
        QCOMPARE(h->constFirst().points, -70);
        QCOMPARE(h->constFirst().balanceAfter, 30);
        QCOMPARE(h->constFirst().createdBy, t.manager().userId);
        QCOMPARE(h->constFirst().reason, QStringLiteral("points added before 2026-01-16T00:00:00.000Z expired"));
        QCOMPARE(s.balances(budi.id)->points, 0);
        QCOMPARE(s.balances(citra.id)->points, 25);

        // Again at the same time, or soon after: nothing more is old enough.
        const QList<qint64> rows = footprint(t);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));
        at(49);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));
        QCOMPARE(footprint(t), rows);

        // Day 60: Citra's 25 from day 20 go; Ani's 30 from day 40 stay until day 70.
        at(60);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(1, 25));
        at(71);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(1, 30));
        QCOMPARE(s.balances(ani.id)->points, 0);
        QCOMPARE(s.balances(citra.id)->points, 0);
        QCOMPARE(ledgerMismatch(t), QString());

        // Each expiry is an entry with its audit row and sync op, like any other.
        QCOMPARE(scalar(t, QStringLiteral("SELECT count(*) FROM points_entry WHERE kind = 'expired'")), 3);
        const QString last = h->constFirst().id;
        QCOMPARE(auditChanges(t, QStringLiteral("points_entry"), last).value(u"points").toArray(),
            (QJsonArray {QJsonValue::Null, -70}));
        QCOMPARE(
            outboxFields(t, QStringLiteral("points_entry"), last).value(u"kind").toString(), QStringLiteral("expired"));
    }

    void pointsEarnedAndRedeemedAtTheCounterExpireOldestFirst()
    {
        test::TestDatabase t;
        const qint64 day0 = t.clock().nowMs();
        expireAfter(t, 30, t.admin());
        ProductService::ProductInput item;
        item.sku = QStringLiteral("ITEM");
        item.name = QStringLiteral("Barang");
        item.price = 200'000;
        QVERIFY(ProductService(t.db(), t.admin()).add(item).ok());
        CustomerInput in;
        in.name = QStringLiteral("Siti");
        in.type = QStringLiteral("member");
        const Customer siti = CustomerService(t.db(), t.admin()).create(in).value();
        CheckoutService till(t.db(), t.cashier());
        auto sell = [&](QList<Payment> payments) {
            SaleRequest r;
            r.customer = siti.id;
            r.items = {{QStringLiteral("ITEM"), 1}};
            r.payments = std::move(payments);
            auto sale = till.complete(r);
            if (!sale)
                qFatal("cannot sell: %s", qPrintable(sale.error().describe()));
            return *sale;
        };
        // Day 0: earns; day 3: pays 10 points (100 each) and earns on the rest; day 20: earns.
        const Sale first = sell({{PaymentMethod::Cash, 200'000}});
        t.clock().set(day0 + 3 * kDay);
        const Sale second = sell({{PaymentMethod::Points, 1'000}, {PaymentMethod::Cash, 200'000}});
        t.clock().set(day0 + 20 * kDay);
        const Sale third = sell({{PaymentMethod::Cash, 200'000}});
        QCOMPARE(second.pointsRedeemed, 10);
        QVERIFY(first.pointsEarned > 10 && second.pointsEarned > 0 && third.pointsEarned > 0);
        LedgerService s(t.db(), t.manager());
        const qint64 balance = first.pointsEarned + second.pointsEarned - 10 + third.pointsEarned;
        QCOMPARE(s.balances(siti.id)->points, balance);

        // Day 35: the points of days 0 and 3 are 30 days old; the 10 paid came out of them.
        t.clock().set(day0 + 35 * kDay);
        const qint64 old = first.pointsEarned + second.pointsEarned - 10;
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(1, old));
        QCOMPARE(s.balances(siti.id)->points, third.pointsEarned);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));

        // A refund of the second sale gives back the 10 points it took, as new points, and
        // takes back what it earned: by day 80 all that is left is old.
        t.clock().set(day0 + 36 * kDay);
        CheckoutService manager(t.db(), t.manager());
        auto refund = manager.refund(second.orderNumber, QStringLiteral("returned"));
        QVERIFY2(refund.ok(), qPrintable(describe(refund)));
        const qint64 afterRefund = third.pointsEarned + 10 - second.pointsEarned;
        QCOMPARE(s.balances(siti.id)->points, afterRefund);
        QVERIFY(afterRefund > 0);
        t.clock().set(day0 + 80 * kDay);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(1, afterRefund));
        QCOMPARE(s.balances(siti.id)->points, 0);
        // Refunding the third sale takes back points that have expired: the balance goes
        // below 0, and a balance below 0 has nothing to expire.
        QVERIFY(manager.refund(third.orderNumber, QStringLiteral("returned")).ok());
        QCOMPARE(s.balances(siti.id)->points, -third.pointsEarned);
        t.clock().set(day0 + 200 * kDay);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));
        QCOMPARE(s.balances(siti.id)->points, -third.pointsEarned);
        QCOMPARE(ledgerMismatch(t), QString());
    }

    void pointsNeverExpireUnderZeroDays()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Dewi"), t.admin());
        LedgerService s(t.db(), t.manager());
        QVERIFY(s.adjustPoints(c.id, 500, QStringLiteral("opening")).ok());
        t.clock().advance(20 * 365 * kDay);
        const QList<qint64> rows = footprint(t);
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));
        QCOMPARE(footprint(t), rows);
        QCOMPARE(s.balances(c.id)->points, 500);
        // A year's expiry then takes them at once.
        expireAfter(t, 365, t.manager());
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(1, 500));
    }

    void onlyManagersExpirePointsOfTheirOwnCompanyAndNotAhead()
    {
        test::TestDatabase t;
        const Actor other = t.addCompany(QStringLiteral("Toko Lain"));
        expireAfter(t, 30, t.admin());
        expireAfter(t, 30, other);
        const Customer ours = registered(t, QStringLiteral("Eko"), t.admin());
        const Customer theirs = registered(t, QStringLiteral("Fitri"), other);
        QVERIFY(LedgerService(t.db(), t.manager()).adjustPoints(ours.id, 60, QStringLiteral("opening")).ok());
        QVERIFY(LedgerService(t.db(), other).adjustPoints(theirs.id, 70, QStringLiteral("opening")).ok());
        t.clock().advance(31 * kDay);

        const QList<qint64> rows = footprint(t);
        auto denied = LedgerService(t.db(), t.cashier()).expirePoints(t.clock().nowMs());
        QCOMPARE(denied.error().kind, Error::Kind::PermissionDenied);
        QVERIFY(!denied.error().message.isEmpty());
        auto ahead = LedgerService(t.db(), t.manager()).expirePoints(t.clock().nowMs() + 1);
        QCOMPARE(fieldOf(ahead), QStringLiteral("asOf"));
        QCOMPARE(footprint(t), rows);

        QCOMPARE(*LedgerService(t.db(), t.manager()).expirePoints(t.clock().nowMs()), expiry(1, 60));
        QCOMPARE(LedgerService(t.db(), other).balances(theirs.id)->points, 70);
        QCOMPARE(*LedgerService(t.db(), other).expirePoints(t.clock().nowMs()), expiry(1, 70));
        // A time in the past expires what was old then.
        QVERIFY(LedgerService(t.db(), t.manager()).adjustPoints(ours.id, 5, QStringLiteral("later")).ok());
        QCOMPARE(*LedgerService(t.db(), t.admin()).expirePoints(t.clock().nowMs() - kDay), expiry(0, 0));
    }

    void aFailedExpiryExpiresNothing()
    {
        test::TestDatabase t;
        expireAfter(t, 30, t.admin());
        LedgerService s(t.db(), t.manager());
        QList<Customer> customers;
        for (const char* name : {"Gita", "Hadi", "Indah"}) {
            customers << registered(t, QString::fromLatin1(name), t.admin());
            QVERIFY(s.adjustPoints(customers.constLast().id, 10, QStringLiteral("opening")).ok());
        }
        t.clock().advance(31 * kDay);
        const QList<qint64> rows = footprint(t);
        QSqlQuery trigger(t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_expiry BEFORE INSERT ON points_entry "
                                            "WHEN new.kind = 'expired' AND (SELECT count(*) FROM points_entry "
                                            "WHERE kind = 'expired') >= 2 BEGIN SELECT RAISE(ABORT, 'disk on fire'); "
                                            "END")));
        auto failed = s.expirePoints(t.clock().nowMs());
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.contains(QStringLiteral("disk on fire")), qPrintable(describe(failed)));
        QCOMPARE(footprint(t), rows);
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_expiry")));
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(3, 30));
        QCOMPARE(ledgerMismatch(t), QString());
    }

    void expiryGoesThroughManyCustomersPageByPage()
    {
        test::TestDatabase t;
        expireAfter(t, 30, t.admin());
        // More customers with points to expire than one page holds; every eighth has used
        // all of hers and has nothing to expire.
        const qint64 customers = LedgerService::expiryPage + 2'000;
        QCOMPARE(DemoData::generate(t.db(), t.admin(), customers, 5).value_or(-1), customers);
        {
            // Entries as if earned and redeemed 40 days ago: written as facts directly, with
            // the balances they make.
            QSqlQuery q(t.db().connection());
            const qint64 old = t.clock().nowMs() - 40 * kDay;
            QVERIFY(q.exec(QStringLiteral("INSERT INTO points_entry (id, company_id, customer_id, kind, points, "
                                          "balance_after, created_at) SELECT 'e' || seq, company_id, id, 'earned', 7, "
                                          "7, %1 FROM customer")
                               .arg(old)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO points_entry (id, company_id, customer_id, kind, points, "
                                          "balance_after, created_at) SELECT 'r' || seq, company_id, id, 'redeemed', "
                                          "-7, 0, %1 FROM customer WHERE seq % 8 = 0")
                               .arg(old + 1)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO customer_metrics (customer_id, company_id, points) SELECT id, "
                                          "company_id, CASE WHEN seq % 8 = 0 THEN 0 ELSE 7 END FROM customer")));
        }
        const qint64 used = scalar(t, QStringLiteral("SELECT count(*) FROM customer WHERE seq % 8 = 0"));
        QVERIFY(customers - used > LedgerService::expiryPage);

        LedgerService s(t.db(), t.manager());
        auto done = s.expirePoints(t.clock().nowMs());
        QVERIFY2(done.ok(), qPrintable(describe(done)));
        QCOMPARE(*done, expiry(customers - used, (customers - used) * 7));
        QCOMPARE(
            scalar(t, QStringLiteral("SELECT count(*) FROM points_entry WHERE kind = 'expired'")), customers - used);
        QCOMPARE(
            scalar(t, QStringLiteral("SELECT count(DISTINCT customer_id) FROM points_entry WHERE kind = 'expired'")),
            customers - used);
        QCOMPARE(scalar(t, QStringLiteral("SELECT coalesce(sum(points), -1) FROM customer_metrics")), 0);
        QCOMPARE(ledgerMismatch(t), QString());
        QCOMPARE(*s.expirePoints(t.clock().nowMs()), expiry(0, 0));
    }

    void expiryTakesWhatIsLeftOfTheOldestPoints_data()
    {
        QTest::addColumn<qint64>("balance");
        QTest::addColumn<qint64>("earnedBefore");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("expiring");
        QTest::newRow("nothing used") << qint64(100) << qint64(100) << qint64(0) << qint64(100);
        QTest::newRow("part used") << qint64(70) << qint64(100) << qint64(30) << qint64(70);
        QTest::newRow("young points too") << qint64(120) << qint64(100) << qint64(30) << qint64(70);
        QTest::newRow("all used") << qint64(50) << qint64(100) << qint64(100) << qint64(0);
        QTest::newRow("more used than old") << qint64(50) << qint64(100) << qint64(150) << qint64(0);
        QTest::newRow("never more than the balance") << qint64(20) << qint64(100) << qint64(30) << qint64(20);
        QTest::newRow("empty") << qint64(0) << qint64(100) << qint64(0) << qint64(0);
        QTest::newRow("below zero") << qint64(-5) << qint64(100) << qint64(0) << qint64(0);
        QTest::newRow("none old") << qint64(40) << qint64(0) << qint64(0) << qint64(0);
    }

    void expiryTakesWhatIsLeftOfTheOldestPoints()
    {
        QFETCH(qint64, balance);
        QFETCH(qint64, earnedBefore);
        QFETCH(qint64, used);
        QFETCH(qint64, expiring);
        QCOMPARE(PointsExpiry::expiring(balance, earnedBefore, used), expiring);
    }

    void aFailedWriteLeavesNoEntryNoAuditAndNoSyncOp()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Joko"), t.admin());
        LedgerService s(t.db(), t.manager());
        QVERIFY(s.adjustPoints(c.id, 10, QStringLiteral("opening")).ok());
        QVERIFY(s.addCredit(c.id, 1000, CreditKind::Credit, QStringLiteral("opening")).ok());
        QVERIFY(s.setCreditLimit(c.id, 500).ok());
        const QList<qint64> before = footprint(t);

        QSqlQuery trigger(t.db().connection());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON sync_outbox "
                                            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        auto points = s.adjustPoints(c.id, 5, QStringLiteral("bonus"));
        QVERIFY(!points.ok());
        QVERIFY2(points.error().message.contains(QStringLiteral("disk on fire")), qPrintable(describe(points)));
        QVERIFY(!s.addCredit(c.id, 5, CreditKind::Credit, QStringLiteral("top-up")).ok());
        QVERIFY(!s.debitCredit(c.id, 1200, QStringLiteral("goods")).ok());
        QVERIFY(!s.debitCredit(c.id, 9000, QStringLiteral("goods"), {}, QStringLiteral("override")).ok());
        QVERIFY(!s.setCreditLimit(c.id, 900).ok());
        QCOMPARE(footprint(t), before);
        QCOMPARE(s.balances(c.id)->points, 10);
        QCOMPARE(s.balances(c.id)->credit, 1000);
        QCOMPARE(LedgerRepository(t.db()).maxDebt(c.id).value_or(-1), 500);
        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER fail_outbox")));

        // The same writes go through once the fault is gone: the trigger was the only cause.
        QVERIFY(s.adjustPoints(c.id, 5, QStringLiteral("bonus")).ok());
        QVERIFY(s.debitCredit(c.id, 1200, QStringLiteral("goods")).ok());
        QCOMPARE(s.balances(c.id)->points, 15);
        QCOMPARE(s.balances(c.id)->credit, -200);
        QCOMPARE(t.countRows(QStringLiteral("sync_outbox")), before.at(5) + 2);
    }

    void theCreditLimitIsAuditedAndAnUnchangedOneWritesNothing()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Kartika"), t.admin());
        LedgerService s(t.db(), t.manager());
        const QList<qint64> before = footprint(t);
        QCOMPARE(s.setCreditLimit(c.id, 0).value_or(-1), 0);
        QCOMPARE(footprint(t), before);

        QVERIFY(s.setCreditLimit(c.code, 75'000).ok());
        QJsonObject changes = auditChanges(t, QStringLiteral("credit_limit"), c.id);
        QCOMPARE(changes.value(QStringLiteral("maxDebt")).toArray(), (QJsonArray {0, 75'000}));
        QCOMPARE(
            outboxFields(t, QStringLiteral("credit_limit"), c.id).value(QStringLiteral("maxDebt")).toInteger(), 75'000);
        const qint64 audits = t.countRows(QStringLiteral("audit_log"));
        QVERIFY(s.setCreditLimit(c.id, 75'000).ok());
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits);

        QVERIFY(s.setCreditLimit(c.id, 20'000).ok());
        changes = auditChanges(t, QStringLiteral("credit_limit"), c.id);
        QCOMPARE(changes.value(QStringLiteral("maxDebt")).toArray(), (QJsonArray {75'000, 20'000}));
        QCOMPARE(t.countRows(QStringLiteral("audit_log")), audits + 1);
        QCOMPARE(t.countRows(QStringLiteral("credit_limit")), 1);
        QCOMPARE(LedgerRepository(t.db()).maxDebt(c.id).value_or(-1), 20'000);
        QCOMPARE(scalar(t, QStringLiteral("SELECT updated_by = ? FROM credit_limit WHERE customer_id = ?"),
                     {t.manager().userId, c.id}),
            1);
    }

    void theRepositoryWritesOnlyInsideAUnitOfWork()
    {
        test::TestDatabase t;
        const Customer c = registered(t, QStringLiteral("Lina"), t.admin());
        LedgerRepository repo(t.db());
        PointsEntry p;
        p.companyId = c.companyId;
        p.customerId = c.id;
        p.kind = PointsKind::Earned;
        p.points = 5;
        CreditEntry e;
        e.companyId = c.companyId;
        e.customerId = c.id;
        e.amount = 5;
        const QList<qint64> before = footprint(t);
        {
            UnitOfWork notBegun(t.db(), t.manager());
            QCOMPARE(repo.appendPoints(notBegun, p).error().code, QStringLiteral("no_unit_of_work"));
            QCOMPARE(repo.appendCredit(notBegun, e).error().code, QStringLiteral("no_unit_of_work"));
            QCOMPARE(repo.setMaxDebt(notBegun, c.companyId, c.id, 5).error().code, QStringLiteral("no_unit_of_work"));
        }
        {
            // Inside one it writes what it is given (rules are the service's), until rolled back.
            UnitOfWork uow(t.db(), t.manager());
            QVERIFY(uow.begin().ok());
            p.id = QStringLiteral("01900000-0000-7000-8000-0000000000aa");
            p.points = -5;
            auto stored = repo.appendPoints(uow, p);
            QVERIFY2(stored.ok(), qPrintable(describe(stored)));
            QCOMPARE(stored->id, p.id);
            QCOMPARE(stored->balanceAfter, -5);
            QCOMPARE(stored->createdBy, t.manager().userId);
            QCOMPARE(stored->createdAt, uow.now());
            QCOMPARE(repo.balances(c.id)->points, -5);
            QCOMPARE(repo.pointsHistory(c.id)->constFirst(), *stored);
            uow.rollback();
        }
        QCOMPARE(footprint(t), before);
        QCOMPARE(repo.balances(c.id)->points, 0);
    }
};

QTEST_GUILESS_MAIN(TestLedgerService)
#include "TestLedgerService.moc"
