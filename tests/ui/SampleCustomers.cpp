#include "tests/ui/SampleCustomers.h"

#include "core/domain/CustomerInput.h"
#include "core/services/CustomerService.h"
#include "tests/support/TestDatabase.h"

#include <QList>
#include <QStringList>
#include <QTest>

#include <array>

namespace kasir::test::SampleCustomers {

namespace {

constexpr std::array firstNames {u"Adi", u"Bayu", u"Budi", u"Citra", u"Dewi", u"Eka", u"Fajar", u"Gita", u"Hendra",
    u"Indah", u"Joko", u"Kartika", u"Lestari", u"Nur", u"Oki"};
constexpr std::array lastNames {u"Santoso", u"Wijaya", u"Pratama", u"Saputra", u"Hidayat", u"Kusuma", u"Siregar",
    u"Nasution", u"Lubis", u"Harahap", u"Gunawan", u"Setiawan", u"Halim", u"Tanjung", u"Sembiring", u"Simanjuntak",
    u"Wibowo", u"Susanto", u"Rahman", u"Utomo", u"Purnomo", u"Sihombing", u"Situmorang", u"Hakim", u"Ramadhan",
    u"Firmansyah", u"Permana", u"Syahputra", u"Maulana", u"Yusuf"};
constexpr std::array types {u"walk-in", u"member", u"vip", u"wholesale"};
constexpr std::array cities {u"Jakarta", u"Bandung", u"Surabaya", u"Medan", u"Denpasar"};

constexpr int combinations = static_cast<int>(firstNames.size() * lastNames.size());

} // namespace

QString name(int index)
{
    // A stride coprime to the number of combinations visits each name once, out of order.
    const int n = (index * 173) % combinations;
    return QString::fromUtf16(firstNames[static_cast<size_t>(n) / lastNames.size()]) + u' '
        + QString::fromUtf16(lastNames[static_cast<size_t>(n) % lastNames.size()]);
}

QString phone(int index)
{
    return QStringLiteral("0812-5555-%1").arg(index, 4, 10, QLatin1Char('0'));
}

QString type(int index)
{
    return QString::fromUtf16(types[static_cast<size_t>(index) % types.size()]);
}

void add(TestDatabase& database, int count)
{
    QVERIFY(count <= combinations);
    CustomerService service(database.db(), database.admin());
    for (int first = 0; first < count; first += batchSize) {
        QList<CustomerInput> batch;
        for (int i = first; i < std::min(count, first + batchSize); ++i) {
            CustomerInput input;
            input.name = name(i);
            input.phone = phone(i);
            input.type = type(i);
            input.city = QString::fromUtf16(cities[static_cast<size_t>(i) % cities.size()]);
            if (i % 2 == 0)
                input.email = QStringLiteral("pelanggan%1@example.co.id").arg(i);
            if (i % 9 == 4)
                input.status = QStringLiteral("inactive");
            batch.append(input);
        }
        const auto written = service.createMany(batch);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().describe()));
        database.clock().advance(batchIntervalMs);
    }
}

} // namespace kasir::test::SampleCustomers
