#pragma once

#include <QString>

namespace kasir::PasswordHasher {

// Argon2id through libsodium's crypto_pwhash_str: salted, slow, and self-describing (the
// string carries its own parameters, so they can be raised later without a migration).
QString hash(const QString& password);
bool verify(const QString& storedHash, const QString& password);

} // namespace kasir::PasswordHasher
