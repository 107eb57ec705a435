#pragma once

#include "core/domain/CustomerMetrics.h"
#include "core/domain/CustomerPreferences.h"
#include "core/domain/FieldSnapshot.h"
#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kasir {

class Database;

// How a customer likes to be served and reached: preferred payment, best time to call,
// consent to offers and loyalty messages, and do-not-contact. Whoever may change customers
// sets them; whoever may look customers up reads them.
//
// Do-not-contact lives on the customer row (the customer list filters on it); set() writes
// it through CustomerService in the same unit of work as the preference row, so a change of
// both is one transaction with one audit row and one sync op for each entity.
class PreferenceService final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::PreferenceService)

public:
    // What a user typed; a field left out is left as it is. Text "" clears a choice.
    struct PreferenceInput
    {
        std::optional<QString> preferredPayment;
        std::optional<QString> bestContactTime;
        std::optional<bool> canReceiveOffers;
        std::optional<bool> canReceiveLoyalty;
        std::optional<bool> doNotContact;

        bool isEmpty() const;
    };
    // The stored preferences (or the defaults) and do-not-contact from the customer row.
    struct Preferences
    {
        CustomerPreferences stored;
        bool doNotContact = false;
    };

    static constexpr int favouriteCount = 5;

    PreferenceService(Database& db, Actor actor);

    Result<Preferences> get(const QString& customerIdOrCode);
    Result<Preferences> set(const QString& customerIdOrCode, const PreferenceInput& input);
    // What the customer bought most of, net of refunds: derived from sales, never stored.
    Result<QList<ProductTotal>> favouriteProducts(const QString& customerIdOrCode, int limit = favouriteCount);

    // Every field always present, camelCase, as kasirctl prints it.
    static QJsonObject toJson(const Preferences& prefs);
    // The audited and synced fields of the customer_preference row.
    static FieldSnapshot snapshot(const CustomerPreferences& prefs);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace kasir
