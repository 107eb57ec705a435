#include "core/domain/CustomerContact.h"

namespace kasir::ContactKinds {

namespace {
constexpr ContactKind kAll[] = {ContactKind::Whatsapp, ContactKind::Email, ContactKind::Phone};
} // namespace

QString toString(ContactKind kind)
{
    switch (kind) {
    case ContactKind::Whatsapp:
        return QStringLiteral("whatsapp");
    case ContactKind::Email:
        return QStringLiteral("email");
    case ContactKind::Phone:
        return QStringLiteral("phone");
    }
    return {};
}

std::optional<ContactKind> parse(QStringView text)
{
    const QStringView t = text.trimmed();
    for (ContactKind k : kAll) {
        if (t.compare(toString(k), Qt::CaseInsensitive) == 0)
            return k;
    }
    return std::nullopt;
}

QStringList names()
{
    QStringList out;
    for (ContactKind k : kAll)
        out << toString(k);
    return out;
}

} // namespace kasir::ContactKinds
