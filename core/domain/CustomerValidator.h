#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerInput.h"
#include "core/domain/Result.h"

#include <QCoreApplication>

namespace kasir {

// The customer rules in one place (seed 001's limits, ARCHITECTURE's vocabulary): applies
// typed input onto a customer, normalising as it goes (trimmed text, E.164 phones,
// lower-case email), and reports every failing field at once with a translated message.
class CustomerValidator final
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CustomerValidator)

public:
    static constexpr int maxName = 255;
    static constexpr int maxEmail = 255;
    static constexpr int maxAddress = 500;
    static constexpr int maxCity = 100;
    static constexpr int maxProvince = 100;
    static constexpr int maxPostalCode = 20;
    static constexpr int maxNotes = 2000;

    // `today` bounds the birth date; `region` is the company's default phone region.
    static Result<Customer> apply(
        const Customer& base, const CustomerInput& input, const QString& region, const QDate& today);

    // The main phone's and email's rules for any other number or address of a customer (their
    // additional contacts): E.164 in `region`; a checked, lower-case address. Empty input gives
    // an empty result; errors name `field`.
    static Result<QString> normalisePhone(const QString& field, const QString& raw, const QString& region);
    static Result<QString> normaliseEmail(const QString& field, const QString& raw);

    // Trims, folds runs of white space to one space and refuses control characters.
    static QString cleanLine(const QString& text);
};

} // namespace kasir
