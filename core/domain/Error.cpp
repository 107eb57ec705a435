#include "core/domain/Error.h"

#include <QStringList>

namespace kasir {

Error Error::invalid(QList<FieldError> fieldErrors)
{
    Error e;
    e.kind = Kind::Invalid;
    e.code = QStringLiteral("invalid");
    if (!fieldErrors.isEmpty()) {
        e.field = fieldErrors.first().field;
        e.message = fieldErrors.first().message;
    }
    e.fields = std::move(fieldErrors);
    return e;
}

Error Error::invalidField(const QString& field, const QString& code, const QString& message)
{
    return invalid({FieldError {field, code, message}});
}

Error Error::notFound(const QString& message)
{
    Error e;
    e.kind = Kind::NotFound;
    e.code = QStringLiteral("not_found");
    e.message = message;
    return e;
}

Error Error::conflict(const QString& field, const QString& code, const QString& message)
{
    Error e;
    e.kind = Kind::Conflict;
    e.code = code;
    e.field = field;
    e.message = message;
    if (!field.isEmpty())
        e.fields = {FieldError {field, code, message}};
    return e;
}

Error Error::permissionDenied(const QString& message)
{
    Error e;
    e.kind = Kind::PermissionDenied;
    e.code = QStringLiteral("permission_denied");
    e.message = message;
    return e;
}

Error Error::cancelled(const QString& message)
{
    return other(QString::fromLatin1(cancelledCode), message);
}

Error Error::other(const QString& code, const QString& message)
{
    Error e;
    e.kind = Kind::Other;
    e.code = code;
    e.message = message;
    return e;
}

QString Error::describe() const
{
    if (fields.size() <= 1)
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    QStringList parts;
    for (const auto& f : fields)
        parts << f.field + QStringLiteral(": ") + f.message;
    return parts.join(QStringLiteral("; "));
}

QString Error::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::PermissionDenied:
        return QStringLiteral("permission_denied");
    case Kind::Other:
        break;
    }
    return QStringLiteral("error");
}

} // namespace kasir
