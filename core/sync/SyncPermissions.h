#pragma once

#include "core/domain/Role.h"
#include "core/sync/SyncOp.h"

#include <optional>

namespace kasir::SyncPermissions {

// What the acting user must be allowed to do for the server to accept an op: the same
// permission the terminal's service asked for when it wrote the change (ARCHITECTURE.md:
// roles are enforced in core and again on the server). Empty for an op no terminal may
// send (an unknown entity, or one only the server writes, such as a terminal).
std::optional<Permission> required(const SyncOp& op);

} // namespace kasir::SyncPermissions
