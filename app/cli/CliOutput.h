#pragma once

#include "core/domain/Error.h"

#include <QJsonObject>
#include <QTextStream>

namespace kasir {

// kasirctl's two channels: one JSON object per line on stdout, and errors as JSON on
// stderr with the exit code ARCHITECTURE.md gives each kind of failure.
class CliOutput final
{
public:
    enum ExitCode
    {
        Ok = 0,
        OtherError = 1,
        InvalidInput = 2,
        NotFound = 3,
        Conflict = 4,
        PermissionDenied = 5,
    };

    CliOutput();
    Q_DISABLE_COPY_MOVE(CliOutput)

    void line(const QJsonObject& object);
    // A progress note for a person or a script watching a long command: one JSON object
    // per line on stderr, so that stdout keeps only results.
    void progress(const QJsonObject& object);
    // Prints the error and returns the exit code for it.
    int fail(const Error& error);
    int failInvalid(const QString& field, const QString& message);

    static int exitCodeFor(Error::Kind kind);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace kasir
