#pragma once

#include "core/domain/FieldSnapshot.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace kasir {

// What counts as a customer's personal data wherever a copy of it is kept: the fields of
// each entity that name, reach or describe the person. Anonymisation and erasure replace
// these values, and only these, with `redacted`; the schema's guards (migration 9) let an
// audit row or a sale snapshot change in no other way. Figures, tiers, ledger entries and
// staff who did things are not the customer's personal data and stay as they are. The audit
// guard holds its own copy of the fields (a released migration never changes);
// TestPrivacyService keeps the two equal, so a field added here needs a migration too.
namespace PersonalData {

// What a value becomes when it is erased. Data, not a sentence: the UI may show it
// translated. Migration 9's triggers hold the same text.
inline const QString redacted = QStringLiteral("[redacted]");

// The personal fields of an entity as the audit log and the sync outbox name them
// ("customer": name, phone...; "sale": customerName, customerPhone); empty for an entity
// that holds none.
QStringList fieldsOf(QStringView entity);
// The entities that have personal fields, sorted.
QStringList entities();
// Whether a value recorded for a personal field still holds something to erase: text, a
// number or a truth value, neither empty nor the marker already.
bool isErasable(const QJsonValue& value);

// The snapshot with every personal field of `entity` set to `redacted`, present or not, so
// that a change recorded from it names each of them (the sync op then clears every one,
// whatever another terminal may still hold).
FieldSnapshot redact(QStringView entity, const FieldSnapshot& snapshot);

} // namespace PersonalData

// The fact that a customer's personal data was erased: anonymised (the customer stays with
// their figures) or deleted with the customer. Never changed once written.
struct CustomerErasure
{
    enum class Kind
    {
        Anonymise,
        Delete,
    };

    QString customerId;
    QString companyId;
    Kind kind = Kind::Anonymise;
    QString reason;
    qint64 createdAt = 0;
    QString createdBy;

    static QString toString(Kind kind); // "anonymise", "delete"

    friend bool operator==(const CustomerErasure&, const CustomerErasure&) = default;
};

} // namespace kasir
