#include "core/domain/Sale.h"

namespace kasir::SaleEnums {

QString toString(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return QStringLiteral("cash");
    case PaymentMethod::Card:
        return QStringLiteral("card");
    case PaymentMethod::MobileMoney:
        return QStringLiteral("mobile_money");
    case PaymentMethod::StoreCredit:
        return QStringLiteral("store_credit");
    case PaymentMethod::Points:
        return QStringLiteral("points");
    }
    return {};
}

std::optional<PaymentMethod> parsePayment(QStringView text)
{
    const QString t = text.trimmed().toString().toLower().replace(u'-', u'_');
    for (PaymentMethod m : {PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::MobileMoney,
             PaymentMethod::StoreCredit, PaymentMethod::Points}) {
        if (t == toString(m))
            return m;
    }
    if (t == u"credit")
        return PaymentMethod::StoreCredit;
    if (t == u"mobile" || t == u"mpesa" || t == u"qris")
        return PaymentMethod::MobileMoney;
    return std::nullopt;
}

bool isMoney(PaymentMethod method)
{
    return method == PaymentMethod::Cash || method == PaymentMethod::Card || method == PaymentMethod::MobileMoney;
}

} // namespace kasir::SaleEnums
