#pragma once

#include "core/domain/Hlc.h"
#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kasir {

// One change as it travels between a terminal and kasir-server (ARCHITECTURE.md, "Sync"):
// the op id a terminal gave it, the row it is about (entity and key), what it did (upsert
// the fields it names, or delete the row), the HLC stamp that orders it, who did it and
// when. The server adds the position it gave the op in its company's log.
struct SyncOp
{
    Q_DECLARE_TR_FUNCTIONS(kasir::SyncOp)

public:
    enum class Kind
    {
        Upsert,
        Delete,
    };

    QString id;
    QString companyId;
    QString entity;
    QString entityId;
    Kind kind = Kind::Upsert;
    QString action; // what the person did, for the activity log: "create", "update", "tier"...
    QJsonObject fields; // the changed fields' new values; empty for a delete
    Hlc hlc;
    QString actorId; // the user who made the change; empty for the system (setup, server)
    qint64 createdAt = 0; // wall-clock ms on the terminal that made it
    // Set by the server: the op's place in its company's log, and the device that sent it.
    qint64 seq = 0;
    QString deviceId;

    static QString kindName(Kind kind);

    // The wire form. `withServerFields` adds seq and deviceId (pulled ops carry them).
    QJsonObject toJson(bool withServerFields = false) const;
    // Reads an op as toJson wrote it. Every problem names the field: "ops[3].hlc: ...".
    static Result<SyncOp> fromJson(const QJsonObject& json, const QString& where = QString());

    // The op's content in one canonical text (no server fields): equal for a replay of the
    // same op, different for a reused id with other content. `fieldsText` is fieldsText().
    QString contentDigest(const QString& fieldsText) const;
    QString contentDigest() const { return contentDigest(fieldsText()); }
    // The fields as compact JSON text, keys sorted: what the server stores.
    QString fieldsText() const;

    friend bool operator==(const SyncOp&, const SyncOp&) = default;
};

} // namespace kasir
