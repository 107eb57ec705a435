#pragma once

#include "core/domain/Customer.h"
#include "core/domain/FieldSnapshot.h"

#include <QJsonObject>

namespace kasir::CustomerJson {

// The customer as JSON with camelCase keys, as kasirctl prints it and as the audit log
// and sync outbox record it. Empty optional fields are left out.
QJsonObject toJson(const Customer& customer);
// The same fields as a snapshot for the audit log and the outbox.
FieldSnapshot snapshot(const Customer& customer);

} // namespace kasir::CustomerJson
