#pragma once

#include "core/domain/Result.h"
#include "core/domain/Tag.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace kasir {

class Database;
class UnitOfWork;

// SQL for tags and the tags on customers, and nothing else: rules and permissions are
// TagService's. Writes happen only inside the caller's unit of work.
class TagRepository final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::TagRepository)

public:
    explicit TagRepository(Database& db);

    // `nameKey` is the folded name; a second tag with the same key in the company is
    // refused by the unique index (an Error::Kind::Conflict on field "nameKey").
    Status insert(UnitOfWork& uow, const Tag& tag, const QString& nameKey);
    // Name and colour; NotFound when the company has no tag with this id.
    Status update(UnitOfWork& uow, const Tag& tag, const QString& nameKey);

    Result<std::optional<Tag>> byNameKey(const QString& companyId, const QString& nameKey);
    // Every tag of the company, by folded name.
    Result<QList<Tag>> list(const QString& companyId);

    // The tag on the customer; false when it was there already (nothing written).
    Result<bool> attach(
        UnitOfWork& uow, const QString& companyId, const QString& customerId, const QString& tagId, const QString& by);
    // When the tag was put on the customer and by whom, if it is there.
    struct Attachment
    {
        qint64 createdAt = 0;
        QString createdBy;
    };
    Result<std::optional<Attachment>> attachment(const QString& customerId, const QString& tagId);
    // Takes the tag off; NotFound when it was not on the customer.
    Status detach(UnitOfWork& uow, const QString& customerId, const QString& tagId);

    // The customer's tags, by folded name.
    Result<QList<Tag>> tagsOf(const QString& companyId, const QString& customerId);
    // The company's tags that customers carry, most customers first (then by name).
    Result<QList<TagCount>> popular(const QString& companyId, int limit);

private:
    Database& m_db;
};

} // namespace kasir
