#pragma once

#include "core/domain/Customer.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/domain/Tag.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// The company's tags and the tags on its customers. Managers and administrators make,
// rename and recolour tags and put them on customers or take them off; cashiers read them
// (a tag such as "no credit" must not come off at the till). Tags are named as typed: any case, any accents
// ("Pelanggan Setia", "pelanggan setiá" are one tag). Customers are named by id or code
// and must be of the actor's company. Each write is one unit of work with its audit row
// and sync op; a write that changes nothing writes nothing.
class TagService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::TagService)

public:
    static constexpr int maxName = Tag::maxName;
    static constexpr int defaultPopular = 10;
    static constexpr int maxPopular = 100;
    static inline const QString defaultColor = QStringLiteral("#64748b");

    TagService(Database& db, Actor actor);

    // `color` "#rgb" or "#rrggbb" (the "#" may be left out, any case); empty: defaultColor.
    Result<Tag> create(const QString& name, const QString& color = {});
    Result<Tag> rename(const QString& name, const QString& newName);
    Result<Tag> recolour(const QString& name, const QString& color);
    Result<Tag> byName(const QString& name);
    // Every tag of the company, by name.
    Result<QList<Tag>> list();

    struct Tagging
    {
        Tag tag;
        bool created = false; // the tag did not exist and was made (TagManage)
        bool added = false; // false: the customer had it already; nothing was written
    };
    // Puts the tag named `name` on the customer, making the tag (with `color`) first when
    // the company has none by that name and the actor may manage tags. `color` is only
    // for a new tag.
    Result<Tagging> tag(const QString& customerRef, const QString& name, const QString& color = {});
    // Takes the tag off the customer; NotFound when the customer does not have it.
    Result<Tag> untag(const QString& customerRef, const QString& name);

    // The same two inside the caller's open unit of work, which commits (bulk work over many
    // customers). A customer who already has the tag, or does not have it to take off, is
    // reported by `added` or `removed` and nothing is written for them.
    Result<Tagging> tag(UnitOfWork& uow, const QString& customerRef, const QString& name, const QString& color = {});
    struct Untagging
    {
        Tag tag;
        Customer customer;
        bool removed = false; // false: the customer did not have the tag; nothing was written
    };
    Result<Untagging> untag(UnitOfWork& uow, const QString& customerRef, const QString& name);
    // The customer's tags, by name.
    Result<QList<Tag>> tagsOf(const QString& customerRef);
    // The tags customers carry, the most carried first.
    Result<QList<TagCount>> popular(int limit = defaultPopular);

    // "#rrggbb" from "#RGB", "#rrggbb", "ABC", "a1b2c3"...; nullopt for anything else.
    static std::optional<QString> normaliseColor(const QString& text);
    // The key that makes names unique: folded case, no accents, single spaces.
    static QString nameKey(const QString& name);

    static QJsonObject toJson(const Tag& tag);
    static FieldSnapshot snapshot(const Tag& tag);
    // The name as stored (trimmed, one line, 1..maxName characters); the error names `field`.
    static Result<QString> cleanName(const QString& field, const QString& raw);

private:
    // The audit row and sync op of a tag on a customer; its key is the pair. The tag's name
    // at the time goes along for the customer's activity log.
    static FieldSnapshot taggingSnapshot(
        const QString& customerId, const QString& tagId, const QString& tagName, qint64 at, const QString& by);
    static QString taggingKey(const QString& customerId, const QString& tagId);
    static Result<QString> cleanColor(const QString& raw);
    Result<Tag> existing(const QString& name);
    // Writes a changed tag in `uow` and commits it.
    Result<Tag> write(UnitOfWork& uow, const Tag& before, const Tag& after);
    Error explainConflict(const Tag& tag, const Error& error);

    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
