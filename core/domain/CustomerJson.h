#pragma once

#include "core/domain/Customer.h"

#include <QJsonObject>

namespace kasir::CustomerJson {

// The customer as JSON with camelCase keys, as kasirctl prints it and as the audit log
// and sync outbox record it. Empty optional fields are left out.
QJsonObject toJson(const Customer& customer);

} // namespace kasir::CustomerJson
