#include "app/cli/CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace kasir {

CliOutput::CliOutput() : m_out(stdout), m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

void CliOutput::line(const QJsonObject& object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CliOutput::progress(const QJsonObject& object)
{
    m_err << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_err.flush();
}

int CliOutput::exitCodeFor(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Invalid:
        return InvalidInput;
    case Error::Kind::NotFound:
        return NotFound;
    case Error::Kind::Conflict:
        return Conflict;
    case Error::Kind::PermissionDenied:
        return PermissionDenied;
    case Error::Kind::Other:
        break;
    }
    return OtherError;
}

int CliOutput::fail(const Error& error)
{
    QJsonObject o;
    o.insert(QStringLiteral("error"), error.describe());
    o.insert(QStringLiteral("code"), error.code.isEmpty() ? Error::kindCode(error.kind) : error.code);
    if (!error.field.isEmpty())
        o.insert(QStringLiteral("field"), error.field);
    if (error.fields.size() > 1) {
        QJsonArray fields;
        for (const FieldError& f : error.fields)
            fields.append(QJsonObject {{QStringLiteral("field"), f.field}, {QStringLiteral("code"), f.code},
                {QStringLiteral("message"), f.message}});
        o.insert(QStringLiteral("fields"), fields);
    }
    m_out.flush();
    m_err << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    m_err.flush();
    return exitCodeFor(error.kind);
}

int CliOutput::failInvalid(const QString& field, const QString& message)
{
    return fail(Error::invalidField(field, QStringLiteral("invalid"), message));
}

} // namespace kasir
