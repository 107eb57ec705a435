#include "core/domain/Ledger.h"

#include "core/domain/Money.h"

#include <QCoreApplication>

#include <algorithm>

namespace kasir {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(kasir::CreditLimit)
};
} // namespace

std::optional<Error> CreditLimit::problem(
    qint64 balance, qint64 amount, qint64 maxDebt, bool blocked, const QString& currency)
{
    if (amount >= 0)
        return std::nullopt;
    if (blocked)
        return Error::invalidField(QStringLiteral("amount"), QStringLiteral("customer_blocked"),
            Text::tr("the customer is blocked and cannot spend store credit"));
    if (balance + amount >= -maxDebt)
        return std::nullopt;
    const QString after = Money::format(balance + amount, currency);
    return Error::invalidField(QStringLiteral("amount"), QStringLiteral("credit_limit"),
        maxDebt == 0 ? Text::tr("would take the balance to %1, but no debt is allowed; a manager can allow it with "
                                "a reason")
                           .arg(after)
                     : Text::tr("would take the balance to %1, past the credit limit of %2 debt; a manager can "
                                "allow it with a reason")
                           .arg(after, Money::format(maxDebt, currency)));
}

qint64 PointsExpiry::expiring(qint64 balance, qint64 earnedBefore, qint64 used)
{
    if (balance <= 0 || earnedBefore <= used)
        return 0;
    return std::min(balance, earnedBefore - used);
}

} // namespace kasir

namespace kasir::LedgerEnums {

namespace {

template<typename E, size_t N>
std::optional<E> parse(QStringView text, const E (&all)[N], QString (*name)(E))
{
    const QStringView t = text.trimmed();
    for (E e : all) {
        if (t.compare(name(e), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

constexpr PointsKind kPoints[]
    = {PointsKind::Earned, PointsKind::Redeemed, PointsKind::Adjusted, PointsKind::Reversed, PointsKind::Expired};
constexpr CreditKind kCredit[] = {CreditKind::Credit, CreditKind::Debit, CreditKind::CarryOver,
    CreditKind::SaleOnAccount, CreditKind::Repayment, CreditKind::Adjustment, CreditKind::Reversal};

} // namespace

QString toString(PointsKind kind)
{
    switch (kind) {
    case PointsKind::Earned:
        return QStringLiteral("earned");
    case PointsKind::Redeemed:
        return QStringLiteral("redeemed");
    case PointsKind::Adjusted:
        return QStringLiteral("adjusted");
    case PointsKind::Reversed:
        return QStringLiteral("reversed");
    case PointsKind::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

std::optional<PointsKind> parsePoints(QStringView text)
{
    return parse<PointsKind>(text, kPoints, static_cast<QString (*)(PointsKind)>(&toString));
}

QString toString(CreditKind kind)
{
    switch (kind) {
    case CreditKind::Credit:
        return QStringLiteral("credit");
    case CreditKind::Debit:
        return QStringLiteral("debit");
    case CreditKind::CarryOver:
        return QStringLiteral("carry_over");
    case CreditKind::SaleOnAccount:
        return QStringLiteral("sale_on_account");
    case CreditKind::Repayment:
        return QStringLiteral("repayment");
    case CreditKind::Adjustment:
        return QStringLiteral("adjustment");
    case CreditKind::Reversal:
        return QStringLiteral("reversal");
    }
    return {};
}

std::optional<CreditKind> parseCredit(QStringView text)
{
    return parse<CreditKind>(text, kCredit, static_cast<QString (*)(CreditKind)>(&toString));
}

} // namespace kasir::LedgerEnums
