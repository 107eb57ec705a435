#include "core/services/CompanyService.h"
#include "core/services/UserService.h"
#include "core/storage/TenancyRepository.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace kasir;

namespace {

const QString kPassword = QStringLiteral("correct horse"); // every TestDatabase user's

// Everything stored about the users, and the audit and sync trail: what a refused change
// must leave as it was.
struct Footprint
{
    QStringList users;
    qint64 audit = 0;
    qint64 ops = 0;

    static Footprint of(Database& db)
    {
        Footprint f;
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT id, company_id, username, display_name, role, password_hash, active, "
                                   "created_at, updated_at FROM app_user ORDER BY id")))
            qFatal("users: %s", qPrintable(q.lastError().text()));
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < 9; ++i)
                row << q.value(i).toString();
            f.users << row.join(u'|');
        }
        f.audit = count(q, QStringLiteral("audit_log"));
        f.ops = count(q, QStringLiteral("sync_outbox"));
        return f;
    }

    friend bool operator==(const Footprint&, const Footprint&) = default;

private:
    static qint64 count(QSqlQuery& q, const QString& table)
    {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
            qFatal("count %s", qPrintable(table));
        return q.value(0).toLongLong();
    }
};

QString fieldsOf(const Error& e)
{
    QStringList out;
    for (const FieldError& f : e.fields)
        out << f.field + u':' + f.code;
    if (out.isEmpty() && !e.field.isEmpty())
        out << e.field + u':' + e.code;
    return out.join(u',');
}

User userNamed(test::TestDatabase& t, const QString& username)
{
    auto u = TenancyRepository(t.db()).userByName(t.company().id, username);
    if (!u || !u->has_value())
        qFatal("no user %s", qPrintable(username));
    return **u;
}

bool canSignIn(test::TestDatabase& t, const QString& username, const QString& password)
{
    return UserService::authenticate(t.db(), t.company().id, username, password).ok();
}

// The newest audit row and sync op about a user.
std::pair<QString, QJsonObject> lastAudit(Database& db, const QString& userId)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT action, changes FROM audit_log WHERE entity_id = ? ORDER BY id DESC"));
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toByteArray()).object()};
}

QJsonObject lastOp(Database& db, const QString& userId)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT fields FROM sync_outbox WHERE entity_id = ? ORDER BY seq DESC"));
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toByteArray()).object();
}

} // namespace

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

    void anAdministratorChangesADisplayNameAndARole()
    {
        test::TestDatabase t;
        UserService users(t.db(), t.admin());
        const User kasir = userNamed(t, QStringLiteral("kasir"));
        t.clock().advance(1000);
        auto changed = users.update(kasir.id, {QStringLiteral("  Dewi   Lestari "), QStringLiteral("manager")});
        QVERIFY2(changed.ok(), qPrintable(changed ? QString() : changed.error().describe()));
        QCOMPARE(changed->displayName, QStringLiteral("Dewi Lestari"));
        QCOMPARE(changed->role, Role::Manager);
        QCOMPARE(changed->username, QStringLiteral("kasir"));
        QCOMPARE(changed->updatedAt, t.clock().nowMs());
        const User stored = userNamed(t, QStringLiteral("kasir"));
        QCOMPARE(stored.displayName, QStringLiteral("Dewi Lestari"));
        QCOMPARE(stored.role, Role::Manager);
        // Signing in gives the new role.
        auto in = UserService::authenticate(t.db(), t.company().id, QStringLiteral("kasir"), kPassword);
        QCOMPARE(in->role, Role::Manager);

        const auto [action, changes] = lastAudit(t.db(), kasir.id);
        QCOMPARE(action, QStringLiteral("update"));
        QCOMPARE(changes.value(QStringLiteral("role")).toArray(),
            (QJsonArray {QStringLiteral("cashier"), QStringLiteral("manager")}));
        QCOMPARE(
            lastOp(t.db(), kasir.id).keys(), (QStringList {QStringLiteral("displayName"), QStringLiteral("role")}));

        // Only the role; then an empty display name, which falls back to the username as
        // when adding.
        QCOMPARE(users.update(kasir.id, {std::nullopt, QStringLiteral("CASHIER")})->displayName,
            QStringLiteral("Dewi Lestari"));
        QCOMPARE(users.update(kasir.id, {QStringLiteral("  "), std::nullopt})->displayName, QStringLiteral("kasir"));
        QCOMPARE(userNamed(t, QStringLiteral("kasir")).role, Role::Cashier);

        // Unicode and quotes are kept as typed.
        const QString odd = QStringLiteral("Ñoño 東京 🛒 O'Brien \"); DROP TABLE app_user; --");
        QCOMPARE(users.update(kasir.id, {odd, std::nullopt})->displayName, odd);
        QCOMPARE(userNamed(t, QStringLiteral("kasir")).displayName, odd);

        // A change that changes nothing writes nothing.
        const Footprint same = Footprint::of(t.db());
        QVERIFY(users.update(kasir.id, {odd, QStringLiteral("cashier")}).ok());
        QCOMPARE(Footprint::of(t.db()), same);
    }

    void badChangesAreRefusedByTheirFieldAndNothingIsWritten_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("fields");
        QTest::newRow("unknown role") << QStringLiteral("Dewi") << QStringLiteral("boss")
                                      << QStringLiteral("role:invalid_choice");
        QTest::newRow("empty role") << QStringLiteral("Dewi") << QString() << QStringLiteral("role:invalid_choice");
        QTest::newRow("superadmin") << QStringLiteral("Dewi") << QStringLiteral("superadmin")
                                    << QStringLiteral("role:invalid_choice");
        QTest::newRow("256 characters") << QString(256, u'x') << QStringLiteral("admin")
                                        << QStringLiteral("displayName:too_long");
        QTest::newRow("256 emoji") << QStringLiteral("😀").repeated(256) << QStringLiteral("admin")
                                   << QStringLiteral("displayName:too_long");
        QTest::newRow("line break") << QStringLiteral("Dewi\nLestari") << QStringLiteral("admin")
                                    << QStringLiteral("displayName:invalid_characters");
        QTest::newRow("control character and bad role")
            << QStringLiteral("Dewi\u0001") << QStringLiteral("root")
            << QStringLiteral("displayName:invalid_characters,role:invalid_choice");
    }

    void badChangesAreRefusedByTheirFieldAndNothingIsWritten()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, role);
        QFETCH(QString, fields);
        test::TestDatabase t;
        const Footprint before = Footprint::of(t.db());
        auto changed
            = UserService(t.db(), t.admin()).update(userNamed(t, QStringLiteral("kasir")).id, {displayName, role});
        QCOMPARE(changed.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(changed.error()), fields);
        QCOMPARE(Footprint::of(t.db()), before);
    }

    void anAdministratorCannotDemoteOrDeactivateThemselves()
    {
        test::TestDatabase t;
        // With a second administrator, so that it is the rule about oneself that refuses.
        UserService users(t.db(), t.admin());
        QVERIFY(users.add({QStringLiteral("owner"), QString(), QStringLiteral("admin"), kPassword}).ok());
        const Footprint before = Footprint::of(t.db());

        for (const QString& role : {QStringLiteral("manager"), QStringLiteral("cashier")}) {
            auto demoted = users.update(t.admin().userId, {std::nullopt, role});
            QCOMPARE(demoted.error().kind, Error::Kind::Invalid);
            QCOMPARE(fieldsOf(demoted.error()), QStringLiteral("role:own_role"));
        }
        auto off = users.deactivate(t.admin().userId);
        QCOMPARE(off.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(off.error()), QStringLiteral("active:own_account"));
        // The display name alone may change, and keeping the role is no demotion.
        QCOMPARE(Footprint::of(t.db()), before);
        auto renamed = users.update(t.admin().userId, {QStringLiteral("Pemilik"), QStringLiteral("admin")});
        QVERIFY2(renamed.ok(), qPrintable(renamed ? QString() : renamed.error().describe()));
        QCOMPARE(renamed->role, Role::Admin);
        QVERIFY(canSignIn(t, QStringLiteral("admin"), kPassword));
    }

    void theCompanyKeepsAnActiveAdministrator()
    {
        test::TestDatabase t;
        UserService admin(t.db(), t.admin());
        auto owner = admin.add({QStringLiteral("owner"), QString(), QStringLiteral("admin"), kPassword});
        QVERIFY(owner.ok());
        UserService owners(t.db(), owner->actor());
        // Two active administrators: one may demote the other, who then may not demote back.
        QCOMPARE(owners.update(t.admin().userId, {std::nullopt, QStringLiteral("manager")})->role, Role::Manager);
        QCOMPARE(TenancyRepository(t.db()).activeAdminCount(t.company().id).value(), 1);
        // The last one can neither demote nor deactivate themselves.
        Footprint before = Footprint::of(t.db());
        QCOMPARE(fieldsOf(owners.update(owner->id, {std::nullopt, QStringLiteral("cashier")}).error()),
            QStringLiteral("role:own_role"));
        QCOMPARE(fieldsOf(owners.deactivate(owner->id).error()), QStringLiteral("active:own_account"));
        QCOMPARE(Footprint::of(t.db()), before);
        QCOMPARE(TenancyRepository(t.db()).activeAdminCount(t.company().id).value(), 1);
        // An inactive administrator is not the one that counts: it may be demoted.
        QVERIFY(owners.update(t.admin().userId, {std::nullopt, QStringLiteral("admin")}).ok());
        QVERIFY(owners.deactivate(t.admin().userId).ok());
        QCOMPARE(owners.update(t.admin().userId, {std::nullopt, QStringLiteral("cashier")})->role, Role::Cashier);
    }

    void aSessionKeepsNoRightItsAccountLost()
    {
        // A session signed in as an administrator whose account was demoted or deactivated
        // since (by another administrator) is refused: core reads the account, not the
        // session's word for it. Nothing is written.
        test::TestDatabase t;
        UserService admin(t.db(), t.admin());
        auto owner = admin.add({QStringLiteral("owner"), QString(), QStringLiteral("admin"), kPassword});
        QVERIFY(owner.ok());
        const User kasir = userNamed(t, QStringLiteral("kasir"));
        UserService stale(t.db(), owner->actor());
        CompanyService staleCompany(t.db(), owner->actor());
        for (const bool deactivated : {true, false}) {
            if (deactivated)
                QVERIFY(admin.deactivate(owner->id).ok());
            else
                QVERIFY(admin.update(owner->id, {std::nullopt, QStringLiteral("manager")}).ok());
            const Footprint before = Footprint::of(t.db());
            QCOMPARE(stale.deactivate(kasir.id).error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(stale.update(kasir.id, {QStringLiteral("Kasir Baru"), std::nullopt}).error().kind,
                Error::Kind::PermissionDenied);
            QCOMPARE(stale.setPassword(kasir.id, kPassword).error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(stale.add({QStringLiteral("budi"), QString(), QStringLiteral("cashier"), kPassword}).error().kind,
                Error::Kind::PermissionDenied);
            QCOMPARE(staleCompany.rename(QStringLiteral("Toko Lain")).error().kind, Error::Kind::PermissionDenied);
            QCOMPARE(Footprint::of(t.db()), before);
            // Put back for the other round.
            QVERIFY(admin.reactivate(owner->id).ok());
            QVERIFY(admin.update(owner->id, {std::nullopt, QStringLiteral("admin")}).ok());
        }
        // With the account as the session says, the same calls go through.
        QVERIFY(stale.update(kasir.id, {QStringLiteral("Kasir Baru"), std::nullopt}).ok());
    }

    void aDeactivatedUserCannotSignIn()
    {
        test::TestDatabase t;
        UserService users(t.db(), t.admin());
        const User kasir = userNamed(t, QStringLiteral("kasir"));
        QVERIFY(canSignIn(t, QStringLiteral("kasir"), kPassword));

        auto off = users.deactivate(kasir.id);
        QVERIFY2(off.ok(), qPrintable(off ? QString() : off.error().describe()));
        QVERIFY(!off->active);
        QVERIFY(!userNamed(t, QStringLiteral("kasir")).active);
        // Refused with the words a wrong password gets: nothing tells the account exists.
        auto refused = UserService::authenticate(t.db(), t.company().id, QStringLiteral("kasir"), kPassword);
        QCOMPARE(refused.error().kind, Error::Kind::PermissionDenied);
        auto wrong
            = UserService::authenticate(t.db(), t.company().id, QStringLiteral("manager"), QStringLiteral("nope-nope"));
        QCOMPARE(refused.error().message, wrong.error().message);
        // Still listed, marked inactive.
        bool listed = false;
        const QList<User> all = users.list().value();
        for (const User& u : all)
            listed = listed || (u.id == kasir.id && !u.active);
        QVERIFY(listed);

        const auto [action, changes] = lastAudit(t.db(), kasir.id);
        QCOMPARE(action, QStringLiteral("deactivate"));
        QCOMPARE(changes.value(QStringLiteral("active")).toArray(), (QJsonArray {true, false}));
        QCOMPARE(lastOp(t.db(), kasir.id).value(QStringLiteral("active")), QJsonValue(false));

        // Deactivating again writes nothing; a new password does not let them in either.
        const Footprint same = Footprint::of(t.db());
        QVERIFY(users.deactivate(kasir.id).ok());
        QCOMPARE(Footprint::of(t.db()), same);
        QVERIFY(users.setPassword(kasir.id, QStringLiteral("another secret")).ok());
        QVERIFY(!canSignIn(t, QStringLiteral("kasir"), QStringLiteral("another secret")));

        auto on = users.reactivate(kasir.id);
        QVERIFY(on.ok() && on->active);
        QCOMPARE(lastAudit(t.db(), kasir.id).first, QStringLiteral("reactivate"));
        QVERIFY(canSignIn(t, QStringLiteral("kasir"), QStringLiteral("another secret")));
    }

    void anAdministratorSetsANewPassword()
    {
        test::TestDatabase t;
        UserService users(t.db(), t.admin());
        const User kasir = userNamed(t, QStringLiteral("kasir"));
        auto set = users.setPassword(kasir.id, QStringLiteral("kata sandi baru ✓"));
        QVERIFY2(set.ok(), qPrintable(set ? QString() : set.error().describe()));
        QVERIFY(!canSignIn(t, QStringLiteral("kasir"), kPassword));
        QVERIFY(canSignIn(t, QStringLiteral("kasir"), QStringLiteral("kata sandi baru ✓")));

        // Hashed as add() hashes, salted: never the password itself.
        const QString hash = TenancyRepository(t.db()).passwordHash(kasir.id).value();
        QVERIFY(hash.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!hash.contains(QStringLiteral("sandi")));
        QCOMPARE(lastAudit(t.db(), kasir.id).first, QStringLiteral("password"));
        QCOMPARE(lastOp(t.db(), kasir.id).value(QStringLiteral("passwordHash")).toString(), hash);
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE changes LIKE '%sandi%'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        // An administrator may set their own.
        QVERIFY(users.setPassword(t.admin().userId, QStringLiteral("new admin secret")).ok());
        QVERIFY(canSignIn(t, QStringLiteral("admin"), QStringLiteral("new admin secret")));
    }

    void aBadPasswordIsRefusedAndTheOldOneStillWorks_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("fields");
        QTest::newRow("empty") << QString() << QStringLiteral("password:too_short");
        QTest::newRow("seven") << QStringLiteral("1234567") << QStringLiteral("password:too_short");
        QTest::newRow("1025") << QString(1025, u'x') << QStringLiteral("password:too_long");
    }

    void aBadPasswordIsRefusedAndTheOldOneStillWorks()
    {
        QFETCH(QString, password);
        QFETCH(QString, fields);
        test::TestDatabase t;
        const Footprint before = Footprint::of(t.db());
        auto set = UserService(t.db(), t.admin()).setPassword(userNamed(t, QStringLiteral("kasir")).id, password);
        QCOMPARE(set.error().kind, Error::Kind::Invalid);
        QCOMPARE(fieldsOf(set.error()), fields);
        QCOMPARE(Footprint::of(t.db()), before);
        QVERIFY(canSignIn(t, QStringLiteral("kasir"), kPassword));
    }

    void onlyAnAdministratorChangesUsers()
    {
        test::TestDatabase t;
        const User kasir = userNamed(t, QStringLiteral("kasir"));
        const User admin = userNamed(t, QStringLiteral("admin"));
        const Footprint before = Footprint::of(t.db());
        for (const Actor& a : {t.manager(), t.cashier()}) {
            UserService users(t.db(), a);
            for (const User& target : {kasir, admin}) {
                QCOMPARE(users.update(target.id, {QStringLiteral("X"), QStringLiteral("admin")}).error().kind,
                    Error::Kind::PermissionDenied);
                QCOMPARE(users.deactivate(target.id).error().kind, Error::Kind::PermissionDenied);
                QCOMPARE(users.reactivate(target.id).error().kind, Error::Kind::PermissionDenied);
                QCOMPARE(users.setPassword(target.id, QStringLiteral("takeover123")).error().kind,
                    Error::Kind::PermissionDenied);
            }
            // Not even their own role or password: that is an administrator's to give.
            QCOMPARE(users.update(a.userId, {std::nullopt, QStringLiteral("admin")}).error().kind,
                Error::Kind::PermissionDenied);
            QCOMPARE(
                users.setPassword(a.userId, QStringLiteral("takeover123")).error().kind, Error::Kind::PermissionDenied);
        }
        QCOMPARE(Footprint::of(t.db()), before);
        QVERIFY(!canSignIn(t, QStringLiteral("admin"), QStringLiteral("takeover123")));
    }

    void aUserOfAnotherCompanyIsNotFound()
    {
        test::TestDatabase t;
        const Actor other = t.addCompany(QStringLiteral("Toko Sebelah"));
        const Footprint before = Footprint::of(t.db());
        UserService users(t.db(), t.admin());
        for (const QString& id : {other.userId, QStringLiteral("no-such-user")}) {
            QCOMPARE(users.update(id, {QStringLiteral("X"), std::nullopt}).error().kind, Error::Kind::NotFound);
            QCOMPARE(users.deactivate(id).error().kind, Error::Kind::NotFound);
            QCOMPARE(users.reactivate(id).error().kind, Error::Kind::NotFound);
            QCOMPARE(users.setPassword(id, QStringLiteral("12345678")).error().kind, Error::Kind::NotFound);
        }
        QCOMPARE(Footprint::of(t.db()), before);
    }

    void addRefusesControlCharactersInTheDisplayName()
    {
        test::TestDatabase t;
        auto bad
            = UserService(t.db(), t.admin())
                  .add({QStringLiteral("siti"), QStringLiteral("Siti\u0007"), QStringLiteral("cashier"), kPassword});
        QCOMPARE(fieldsOf(bad.error()), QStringLiteral("displayName:invalid_characters"));
        QCOMPARE(t.countRows(QStringLiteral("app_user")), 3);
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "TestUserService.moc"
