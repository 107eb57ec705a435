#include "core/services/UserService.h"
#include "tests/support/TestDatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace kasir;

class TestUserService : public QObject
{
    Q_OBJECT

private slots:
    void addsUsersAndChecksPasswords()
    {
        test::TestDatabase t;
        UserService users(t.db(), t.admin());
        auto u = users.add({QStringLiteral("dewi"), QStringLiteral("Dewi Lestari"), QStringLiteral("cashier"),
            QStringLiteral("rahasia-123")});
        QVERIFY2(u.ok(), qPrintable(u ? QString() : u.error().describe()));
        QCOMPARE(u->role, Role::Cashier);

        auto in
            = UserService::authenticate(t.db(), t.company().id, QStringLiteral("DEWI"), QStringLiteral("rahasia-123"));
        QVERIFY(in.ok());
        QCOMPARE(in->id, u->id);
        auto wrong
            = UserService::authenticate(t.db(), t.company().id, QStringLiteral("dewi"), QStringLiteral("rahasia-124"));
        QCOMPARE(wrong.error().kind, Error::Kind::PermissionDenied);
        auto nobody = UserService::authenticate(t.db(), t.company().id, QStringLiteral("nobody"), QStringLiteral("x"));
        QCOMPARE(nobody.error().message, wrong.error().message);

        // The stored hash is a salted Argon2id string, never the password.
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM app_user WHERE username = 'dewi'")) && q.next());
        QVERIFY(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!q.value(0).toString().contains(QStringLiteral("rahasia")));
    }

    void refusesBadInputAndDuplicates()
    {
        test::TestDatabase t;
        UserService users(t.db(), t.admin());
        auto bad = users.add({QStringLiteral("bad name!"), QString(), QStringLiteral("boss"), QStringLiteral("short")});
        QVERIFY(!bad.ok());
        QStringList fields;
        for (const FieldError& f : bad.error().fields)
            fields << f.field;
        QCOMPARE(
            fields, (QStringList {QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("role")}));
        auto dup
            = users.add({QStringLiteral("Kasir"), QString(), QStringLiteral("cashier"), QStringLiteral("12345678")});
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
        QCOMPARE(dup.error().field, QStringLiteral("username"));
    }

    void onlyAdministratorsManageUsers()
    {
        test::TestDatabase t;
        for (const Actor& a : {t.manager(), t.cashier()}) {
            UserService users(t.db(), a);
            QCOMPARE(users.add({QStringLiteral("eve"), QString(), QStringLiteral("admin"), QStringLiteral("12345678")})
                         .error()
                         .kind,
                Error::Kind::PermissionDenied);
            QCOMPARE(users.list().error().kind, Error::Kind::PermissionDenied);
        }
        QCOMPARE(UserService(t.db(), t.admin()).list()->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "TestUserService.moc"
