#pragma once

#include <QString>
#include <QUuid>

namespace kasir::Ids {

// A new UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so that
// ids made on one terminal sort roughly by creation time and keep B-tree inserts local.
QUuid newUuid(qint64 unixMs);
QUuid newUuid();

// The lower-case text form without braces, as stored and shown.
QString newId(qint64 unixMs);
QString newId();

bool isValid(const QString& text);

} // namespace kasir::Ids
