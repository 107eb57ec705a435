#pragma once

#include "core/domain/FieldSnapshot.h"
#include "core/domain/Note.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasir {

class Database;

// Notes about a customer: anyone may read them, every role may write them (a cashier
// hears what the customer says at the counter), and a note is deleted only by its author
// or a manager. Customers are named by id or code and must be of the actor's company.
// Each write is one unit of work with its audit row and sync op.
class NoteService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::NoteService)

public:
    static constexpr int maxBody = 2000;
    static constexpr int defaultLimit = 20;
    static constexpr int maxLimit = 200;

    NoteService(Database& db, Actor actor);

    // `kind` as typed (personal, preference, issue, feedback; any case). The body is
    // trimmed and keeps its line breaks and tabs; Windows line breaks become "\n".
    Result<CustomerNote> add(const QString& customerRef, const QString& kind, const QString& body);
    // The customer's live notes, newest first; `before` is the id of the last note of the
    // previous page (NotePage::nextBefore).
    Result<NotePage> list(const QString& customerRef, int limit = defaultLimit, const QString& before = {});
    // A tombstone: the note leaves the lists, its row stays with who deleted it and when.
    Result<CustomerNote> remove(const QString& noteId);

    // camelCase keys, times as ISO 8601 UTC with milliseconds.
    static QJsonObject toJson(const CustomerNote& note);
    static FieldSnapshot snapshot(const CustomerNote& note);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
