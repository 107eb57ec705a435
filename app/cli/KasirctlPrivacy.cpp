// kasirctl privacy: a customer's data as one document, and the erasure of their personal
// data (anonymise, or delete with the customer).
#include "app/cli/Kasirctl.h"
#include "core/services/CustomerService.h"
#include "core/services/PrivacyService.h"
#include "core/storage/Database.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace kasir {

int Kasirctl::privacy(const QStringList& arguments)
{
    QStringList args = arguments;
    if (args.isEmpty())
        return m_out.failInvalid(QStringLiteral("command"), tr("privacy needs a verb: export, anonymise or delete"));
    const QString verb = args.takeFirst();
    QCommandLineParser p;
    int code = 0;

    if (verb == u"export") {
        p.addOption(QCommandLineOption(QStringLiteral("out"), QString(), QStringLiteral("file")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        const QString out = p.value(QStringLiteral("out"));
        if (p.isSet(QStringLiteral("out")) && out.trimmed().isEmpty())
            return m_out.failInvalid(QStringLiteral("out"), tr("needs a file name"));
        // The file is checked before the export is made and recorded, and written whole or
        // not at all; an existing file is never replaced by someone's personal data.
        QSaveFile file(out);
        if (!out.isEmpty()) {
            if (QFileInfo::exists(out))
                return m_out.fail(Error::conflict(QStringLiteral("out"), QStringLiteral("file_exists"),
                    tr("%1 already exists; choose another file").arg(out)));
            if (!file.open(QIODevice::WriteOnly))
                return m_out.fail(Error::invalidField(QStringLiteral("out"), QStringLiteral("cannot_write"),
                    tr("cannot write %1: %2").arg(out, file.errorString())));
        }
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto doc = PrivacyService(*m_db, m_actor).exportCustomer(p.positionalArguments().constFirst());
        if (!doc)
            return m_out.fail(doc.error());
        if (out.isEmpty()) {
            m_out.line(*doc);
            return CliOutput::Ok;
        }
        const QByteArray bytes = QJsonDocument(*doc).toJson(QJsonDocument::Indented);
        // Only its owner may read a file of personal data.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (file.write(bytes) != bytes.size() || !file.commit())
            return m_out.fail(
                Error::other(QStringLiteral("cannot_write"), tr("cannot write %1: %2").arg(out, file.errorString())));
        const QJsonObject customer = doc->value(QStringLiteral("customer")).toObject();
        m_out.line(QJsonObject {{QStringLiteral("exported"), customer.value(QStringLiteral("code"))},
            {QStringLiteral("id"), customer.value(QStringLiteral("id"))},
            {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()}, {QStringLiteral("bytes"), bytes.size()}});
        return CliOutput::Ok;
    }

    if (verb == u"anonymise") {
        p.addOption(QCommandLineOption(QStringLiteral("reason"), QString(), QStringLiteral("text")));
        p.addOption(QCommandLineOption(QStringLiteral("yes")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        if (!p.isSet(QStringLiteral("reason")))
            return m_out.fail(
                Error::invalidField(QStringLiteral("reason"), QStringLiteral("required"), tr("is required")));
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        const QString ref = p.positionalArguments().constFirst();
        if (!p.isSet(QStringLiteral("yes"))) {
            // Who it would be, for the person about to confirm; the rights first.
            if (Status s = m_actor.require(Permission::CustomerAnonymise, PrivacyService::tr("anonymise customers"));
                !s)
                return m_out.fail(s.error());
            auto customer = CustomerService(*m_db, m_actor).get(ref);
            if (!customer)
                return m_out.fail(customer.error());
            return m_out.fail(Error::invalidField(QStringLiteral("yes"), QStringLiteral("confirmation_required"),
                tr("anonymising %1 (%2) erases their personal data for good; run again with --yes")
                    .arg(customer->name, customer->code)));
        }
        auto erased = PrivacyService(*m_db, m_actor).anonymise(ref, p.value(QStringLiteral("reason")));
        if (!erased)
            return m_out.fail(erased.error());
        m_out.line(PrivacyService::toJson(*erased));
        return CliOutput::Ok;
    }

    if (verb == u"delete") {
        p.addOption(QCommandLineOption(QStringLiteral("reason"), QString(), QStringLiteral("text")));
        if (!parse(p, args, 1, QStringLiteral("customer"), code))
            return code;
        if (!openDatabase(code) || !resolveActor(code))
            return code;
        auto erased = PrivacyService(*m_db, m_actor)
                          .remove(p.positionalArguments().constFirst(), p.value(QStringLiteral("reason")));
        if (!erased)
            return m_out.fail(erased.error());
        QJsonObject o = PrivacyService::toJson(*erased);
        o.insert(QStringLiteral("deleted"), erased->customer.code);
        m_out.line(o);
        return CliOutput::Ok;
    }

    return m_out.failInvalid(QStringLiteral("command"),
        tr("unknown privacy command \"%1\"; use export, anonymise or delete").arg(verb.left(64)));
}

} // namespace kasir
