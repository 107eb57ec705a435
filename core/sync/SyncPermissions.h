#pragma once

#include "core/domain/Role.h"
#include "core/sync/SyncOp.h"

#include <QList>

#include <optional>

namespace kasir::SyncPermissions {

// What the acting user must be allowed to do for the server to accept an op: the
// permissions the terminal's service asked for when it wrote the change (ARCHITECTURE.md:
// roles are enforced in core and again on the server). Judged from what the op does (a
// delete, the fields it sets, whether its row exists already), not only from the action
// name the terminal gave it, which a terminal could choose to suit itself. Empty optional
// for an op no terminal may send (an unknown entity, or one only the server writes); an
// empty list for a user's change of their own password alone.
//
// `exists`: the server has accepted an op for this row before (a "create" of an existing
// row is an update).
std::optional<QList<Permission>> required(const SyncOp& op, bool exists);

// Whether every field the op sets is one of `allowed` (the bookkeeping fields updatedAt and
// updatedBy always are).
bool onlySets(const SyncOp& op, std::initializer_list<const char*> allowed);

} // namespace kasir::SyncPermissions
