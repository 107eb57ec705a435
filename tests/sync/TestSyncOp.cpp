#include "core/domain/Ids.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncOp.h"
#include "core/sync/SyncPermissions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kasir;

// The wire form of a change, what the server asks of its author, and how long a terminal
// waits before trying again.
class TestSyncOp : public QObject
{
    Q_OBJECT

private:
    static SyncOp sample()
    {
        SyncOp op;
        op.id = Ids::newId();
        op.companyId = QStringLiteral("c1");
        op.entity = QStringLiteral("customer");
        op.entityId = Ids::newId();
        op.action = QStringLiteral("update");
        op.fields = {{QStringLiteral("name"), QStringLiteral("Agus \"Bos\" Ñandú 🙂")},
            {QStringLiteral("doNotContact"), true}, {QStringLiteral("email"), QJsonValue()}};
        op.hlc = Hlc {1'767'225'600'000, 3, 42};
        op.actorId = QStringLiteral("u1");
        op.createdAt = 1'767'225'600'000;
        return op;
    }

private slots:
    void anOpTravelsUnchanged()
    {
        const SyncOp op = sample();
        const QByteArray wire = QJsonDocument(op.toJson()).toJson();
        auto back = SyncOp::fromJson(QJsonDocument::fromJson(wire).object());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().describe()));
        QCOMPARE(*back, op);
        QCOMPARE(back->contentDigest(), op.contentDigest());
        SyncOp other = op;
        other.fields.insert(QStringLiteral("name"), QStringLiteral("Agus"));
        QVERIFY(other.contentDigest() != op.contentDigest());
        // Server fields travel only when asked for, and never change the digest.
        SyncOp pulled = op;
        pulled.seq = 12;
        pulled.deviceId = QStringLiteral("d1");
        auto withServer = SyncOp::fromJson(pulled.toJson(true));
        QCOMPARE(withServer->seq, 12);
        QCOMPARE(withServer->deviceId, QStringLiteral("d1"));
        QCOMPARE(withServer->contentDigest(), op.contentDigest());
    }

    void aBadOpIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("no id") << "id" << QJsonValue() << "ops[3].id"
                               << "required";
        QTest::newRow("id not a uuid") << "id" << QJsonValue(QStringLiteral("1; DROP TABLE x")) << "ops[3].id"
                                       << "invalid_id";
        QTest::newRow("id too long") << "id" << QJsonValue(QString(37, u'a')) << "ops[3].id"
                                     << "too_long";
        QTest::newRow("id short") << "id" << QJsonValue(QStringLiteral("abc")) << "ops[3].id"
                                  << "invalid_id";
        QTest::newRow("entity a number") << "entity" << QJsonValue(7) << "ops[3].entity"
                                         << "wrong_type";
        QTest::newRow("key huge") << "key" << QJsonValue(QString(10000, u'k')) << "ops[3].key"
                                  << "too_long";
        QTest::newRow("op unknown") << "op" << QJsonValue(QStringLiteral("merge")) << "ops[3].op"
                                    << "invalid_op";
        QTest::newRow("hlc garbage") << "hlc" << QJsonValue(QStringLiteral("yesterday")) << "ops[3].hlc"
                                     << "invalid_hlc";
        QTest::newRow("fields a list") << "fields" << QJsonValue(QJsonArray {1}) << "ops[3].fields"
                                       << "wrong_type";
        QTest::newRow("no fields") << "fields" << QJsonValue(QJsonObject {}) << "ops[3].fields"
                                   << "required";
        QTest::newRow("at a fraction") << "at" << QJsonValue(1.5) << "ops[3].at"
                                       << "wrong_type";
        QTest::newRow("at negative") << "at" << QJsonValue(-1) << "ops[3].at"
                                     << "wrong_type";
        QTest::newRow("at text") << "at" << QJsonValue(QStringLiteral("now")) << "ops[3].at"
                                 << "wrong_type";
    }

    void aBadOpIsRefusedNamingTheField()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QFETCH(QString, code);
        QJsonObject json = sample().toJson();
        if (value.isNull())
            json.remove(key);
        else
            json.insert(key, value);
        auto op = SyncOp::fromJson(json, QStringLiteral("ops[3]"));
        QVERIFY(!op);
        QCOMPARE(op.error().fields.value(0).field, field);
        QCOMPARE(op.error().fields.value(0).code, code);
    }

    void theServerJudgesWhatAnOpDoes()
    {
        SyncOp op = sample();
        using P = Permission;
        using L = QList<P>;
        QCOMPARE(SyncPermissions::required(op, true), L {P::CustomerUpdate});
        op.fields.insert(QStringLiteral("status"), QStringLiteral("blocked"));
        QCOMPARE(SyncPermissions::required(op, true), (L {P::CustomerUpdate, P::CustomerDeactivate}));
        op.kind = SyncOp::Kind::Delete;
        QCOMPARE(SyncPermissions::required(op, true), L {P::CustomerDelete});
        op = sample();
        op.action = QStringLiteral("create");
        QCOMPARE(SyncPermissions::required(op, false), L {P::CustomerCreate});
        QCOMPARE(SyncPermissions::required(op, true), L {P::CustomerUpdate}); // a second "create"
        op.action = QStringLiteral("tier");
        op.fields = {{QStringLiteral("level"), QStringLiteral("Gold")}, {QStringLiteral("updatedAt"), 1}};
        QCOMPARE(SyncPermissions::required(op, true), L {P::SaleCreate});
        op.fields.insert(QStringLiteral("name"), QStringLiteral("X"));
        QCOMPARE(SyncPermissions::required(op, true), L {P::CustomerUpdate});

        SyncOp points = sample();
        points.entity = QStringLiteral("points_entry");
        points.fields = {{QStringLiteral("kind"), QStringLiteral("earned")}, {QStringLiteral("points"), 5}};
        QCOMPARE(SyncPermissions::required(points, false), L {P::LedgerAdjust}); // "earned" with no sale
        points.fields.insert(QStringLiteral("saleId"), QStringLiteral("s1"));
        QCOMPARE(SyncPermissions::required(points, false), L {P::SaleCreate});

        SyncOp password = sample();
        password.entity = QStringLiteral("user");
        password.action = QStringLiteral("password");
        password.entityId = password.actorId;
        password.fields = {{QStringLiteral("passwordHash"), QStringLiteral("$argon2id$...")}};
        QCOMPARE(SyncPermissions::required(password, true), L {});
        password.fields.insert(QStringLiteral("role"), QStringLiteral("admin"));
        QCOMPARE(SyncPermissions::required(password, true), L {P::UserManage});
        password.fields.remove(QStringLiteral("role"));
        password.entityId = QStringLiteral("someone-else");
        QCOMPARE(SyncPermissions::required(password, true), L {P::UserManage});

        SyncOp unknown = sample();
        unknown.entity = QStringLiteral("spaceship");
        QVERIFY(!SyncPermissions::required(unknown, false));
    }

    void retriesBackOffWithJitterUpToFiveMinutes()
    {
        QCOMPARE(SyncEngine::backoffMs(1, 1.0), 1000);
        QCOMPARE(SyncEngine::backoffMs(2, 1.0), 2000);
        QCOMPARE(SyncEngine::backoffMs(5, 1.0), 16000);
        QCOMPARE(SyncEngine::backoffMs(9, 1.0), 256000);
        QCOMPARE(SyncEngine::backoffMs(10, 1.0), 300000);
        QCOMPARE(SyncEngine::backoffMs(1000, 1.0), 300000);
        QCOMPARE(SyncEngine::backoffMs(3, 0.5), 2000);
        QCOMPARE(SyncEngine::backoffMs(3, 1.5), 6000);
        QCOMPARE(SyncEngine::backoffMs(3, 9.0), 6000); // jitter is kept within 0.5-1.5
    }
};

QTEST_GUILESS_MAIN(TestSyncOp)
#include "TestSyncOp.moc"
