#include "core/sync/SyncOp.h"

#include "core/domain/Ids.h"

#include <QJsonDocument>

namespace kasir {

namespace {

Error fieldError(const QString& where, const QString& field, const QString& code, const QString& message)
{
    return Error::invalidField(where.isEmpty() ? field : where + u'.' + field, code, message);
}

} // namespace

QString SyncOp::kindName(Kind kind)
{
    return kind == Kind::Delete ? QStringLiteral("delete") : QStringLiteral("upsert");
}

QJsonObject SyncOp::toJson(bool withServerFields) const
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("company"), companyId},
        {QStringLiteral("entity"), entity},
        {QStringLiteral("key"), entityId},
        {QStringLiteral("op"), kindName(kind)},
        {QStringLiteral("action"), action},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("hlc"), hlc.toString()},
        {QStringLiteral("at"), static_cast<double>(createdAt)},
    };
    if (!actorId.isEmpty())
        o.insert(QStringLiteral("actor"), actorId);
    if (withServerFields) {
        o.insert(QStringLiteral("seq"), static_cast<double>(seq));
        o.insert(QStringLiteral("device"), deviceId);
    }
    return o;
}

Result<SyncOp> SyncOp::fromJson(const QJsonObject& json, const QString& where)
{
    // Identifiers and names are short; a key of a few hundred characters is already an attack.
    constexpr qsizetype maxName = 64;
    constexpr qsizetype maxKey = 200;
    SyncOp op;
    auto text = [&](const char* name, qsizetype maxLength, bool required, QString& out) -> std::optional<Error> {
        const QString field = QString::fromLatin1(name);
        const QJsonValue v = json.value(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fieldError(where, field, QStringLiteral("required"), tr("is required"));
            return std::nullopt;
        }
        if (!v.isString())
            return fieldError(where, field, QStringLiteral("wrong_type"), tr("must be text"));
        out = v.toString();
        if (required && out.isEmpty())
            return fieldError(where, field, QStringLiteral("required"), tr("is required"));
        if (out.size() > maxLength)
            return fieldError(
                where, field, QStringLiteral("too_long"), tr("must be at most %1 characters").arg(maxLength));
        return std::nullopt;
    };
    QString kind;
    QString hlcText;
    for (auto e : {text("id", 36, true, op.id), text("company", maxKey, false, op.companyId),
             text("entity", maxName, true, op.entity), text("key", maxKey, true, op.entityId),
             text("op", 16, true, kind), text("action", maxName, false, op.action), text("hlc", 32, true, hlcText),
             text("actor", maxKey, false, op.actorId), text("device", maxKey, false, op.deviceId)}) {
        if (e)
            return *e;
    }
    if (!Ids::isValid(op.id))
        return fieldError(where, QStringLiteral("id"), QStringLiteral("invalid_id"), tr("must be a UUID"));
    if (kind == u"upsert")
        op.kind = Kind::Upsert;
    else if (kind == u"delete")
        op.kind = Kind::Delete;
    else
        return fieldError(where, QStringLiteral("op"), QStringLiteral("invalid_op"), tr("must be upsert or delete"));
    bool ok = false;
    op.hlc = Hlc::fromString(hlcText, &ok);
    if (!ok || op.hlc.ms <= 0)
        return fieldError(where, QStringLiteral("hlc"), QStringLiteral("invalid_hlc"),
            tr("must be an HLC stamp such as 0195d2c3a1b0-0001-0000002a"));
    const QJsonValue fields = json.value(QStringLiteral("fields"));
    if (fields.isObject())
        op.fields = fields.toObject();
    else if (!fields.isUndefined() && !fields.isNull())
        return fieldError(where, QStringLiteral("fields"), QStringLiteral("wrong_type"), tr("must be an object"));
    if (op.kind == Kind::Upsert && op.fields.isEmpty())
        return fieldError(
            where, QStringLiteral("fields"), QStringLiteral("required"), tr("must name at least one field"));
    for (const char* name : {"at", "seq"}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            continue;
        const double d = v.toDouble(-1);
        // Integers only, within what a double holds exactly.
        if (!v.isDouble() || d < 0 || d > 9007199254740991.0 || d != static_cast<double>(static_cast<qint64>(d)))
            return fieldError(where, QString::fromLatin1(name), QStringLiteral("wrong_type"),
                tr("must be a whole number of at least 0"));
        (qstrcmp(name, "at") == 0 ? op.createdAt : op.seq) = static_cast<qint64>(d);
    }
    return op;
}

QString SyncOp::fieldsText() const
{
    return QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

QString SyncOp::contentDigest(const QString& fieldsText) const
{
    // Every part that says what the op is, each on its own line (none holds a line break
    // but the fields, which come last); QJsonDocument writes object keys sorted, so the
    // same fields give the same text.
    return id + u'\n' + companyId + u'\n' + entity + u'\n' + entityId + u'\n' + kindName(kind) + u'\n' + action + u'\n'
        + hlc.toString() + u'\n' + actorId + u'\n' + QString::number(createdAt) + u'\n' + fieldsText;
}

} // namespace kasir
