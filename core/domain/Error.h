#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kasir {

// A failing field: the field's name as the user and the JSON see it (camelCase), a stable
// machine code, and a translated sentence for people.
struct FieldError
{
    QString field;
    QString code;
    QString message;

    friend bool operator==(const FieldError&, const FieldError&) = default;
};

// Why a use case did not happen. The kind decides the command-line exit code and the
// HTTP status later on; the message is translated and names the field when there is one.
struct Error
{
    enum class Kind
    {
        Other,
        Invalid,
        NotFound,
        Conflict,
        PermissionDenied,
    };

    Kind kind = Kind::Other;
    QString code;
    QString message;
    QString field;
    QList<FieldError> fields;

    static Error invalid(QList<FieldError> fieldErrors);
    static Error invalidField(const QString& field, const QString& code, const QString& message);
    static Error notFound(const QString& message);
    static Error conflict(const QString& field, const QString& code, const QString& message);
    static Error permissionDenied(const QString& message);
    static Error other(const QString& code, const QString& message);
    // Long work stopped by the person waiting for it, with nothing of it kept.
    static Error cancelled(const QString& message);
    bool isCancelled() const { return code == QLatin1String(cancelledCode); }
    static constexpr const char* cancelledCode = "cancelled";

    // One line for people: the message, or every field error joined.
    QString describe() const;
    static QString kindCode(Kind kind);
};

} // namespace kasir
