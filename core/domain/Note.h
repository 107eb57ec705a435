#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

// What a note is about: something personal ("her son is at university in Bandung"), how
// they like to be served, a problem, or what they said about the shop.
enum class NoteKind
{
    Personal,
    Preference,
    Issue,
    Feedback,
};

namespace NoteKinds {
QString toString(NoteKind kind);
// Any case, spaces around; nullopt for anything else.
std::optional<NoteKind> parse(QStringView text);
// Every kind as stored, in declaration order ("personal", "preference", ...).
QStringList names();
} // namespace NoteKinds

// A note a user wrote about a customer. Notes are never edited; a deleted note keeps its
// row with the time and the user who deleted it.
struct CustomerNote
{
    QString id;
    QString companyId;
    QString customerId;
    NoteKind kind = NoteKind::Personal;
    QString body;
    qint64 createdAt = 0;
    QString createdBy; // user id
    QString authorName; // the author's username, for people; empty when the user is gone
    std::optional<qint64> deletedAt;
    QString deletedBy;

    friend bool operator==(const CustomerNote&, const CustomerNote&) = default;
};

// A page of a customer's notes, newest first.
struct NotePage
{
    QList<CustomerNote> items;
    QString nextBefore; // the id to pass as `before` for the next page; empty on the last
};

} // namespace kasir
