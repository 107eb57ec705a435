#include "core/services/DemoData.h"

#include "core/domain/Clock.h"
#include "core/domain/CustomerQuery.h"
#include "core/services/CustomerService.h"
#include "core/services/SetupService.h"
#include "core/services/UserService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"

#include <QDateTime>

#include <array>
#include <future>

namespace kasir {

namespace {

// splitmix64: a tiny, well-distributed generator whose output is the same on every
// platform (std::uniform_int_distribution is not).
struct Random
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    template<typename T, size_t N>
    const T& pick(const std::array<T, N>& a)
    {
        return a[next() % N];
    }
    int percent() { return static_cast<int>(next() % 100); }
};

using Words = std::array<const char*, 40>;

constexpr Words idFirst {"Agus", "Budi", "Siti", "Dewi", "Sri", "Rina", "Andi", "Joko", "Wahyu", "Putri", "Ayu",
    "Rizky", "Fajar", "Dimas", "Intan", "Nur", "Ahmad", "Muhammad", "Eko", "Hendra", "Yuni", "Lestari", "Indah", "Bayu",
    "Reza", "Nanda", "Kurnia", "Ratna", "Wulan", "Yoga", "Bambang", "Made", "Ketut", "Dian", "Fitri", "Galih", "Irfan",
    "Kartika", "Mega", "Taufik"};
constexpr Words idLast {"Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Nugroho", "Setiawan",
    "Gunawan", "Siregar", "Simanjuntak", "Nasution", "Lubis", "Harahap", "Sihombing", "Tanjung", "Hutapea", "Purnomo",
    "Susanto", "Wibowo", "Halim", "Salim", "Suryadi", "Hartono", "Rahman", "Hakim", "Syahputra", "Permana",
    "Firmansyah", "Ramadhan", "Utami", "Wulandari", "Anggraini", "Maharani", "Putra", "Sutrisno", "Kurniawan",
    "Hasibuan", "Daulay", "Manurung"};
constexpr Words keFirst {"Wanjiku", "Otieno", "Kamau", "Achieng", "Njeri", "Mwangi", "Kiprop", "Chebet", "Odhiambo",
    "Wambui", "Muthoni", "Kibet", "Akinyi", "Atieno", "Barasa", "Cherono", "Jeptoo", "Kipchoge", "Nyambura", "Wairimu",
    "Brian", "Faith", "Kevin", "Mercy", "Dennis", "Grace", "Collins", "Sharon", "Victor", "Esther", "Peter", "Mary",
    "John", "Joyce", "David", "Lucy", "James", "Ann", "Samuel", "Naliaka"};
constexpr Words keLast {"Kamau", "Mwangi", "Otieno", "Odhiambo", "Kiprono", "Wanjala", "Njoroge", "Mutua", "Ochieng",
    "Kariuki", "Chege", "Maina", "Omondi", "Koech", "Rotich", "Wafula", "Kimani", "Njuguna", "Onyango", "Mutai",
    "Kiplagat", "Cheruiyot", "Ndungu", "Gitau", "Waweru", "Macharia", "Owino", "Langat", "Kirui", "Mugo", "Nyaga",
    "Kilonzo", "Musyoka", "Wekesa", "Simiyu", "Were", "Okoth", "Achola", "Moraa", "Nyamweya"};
constexpr Words inFirst {"Aarav", "Priya", "Rahul", "Ananya", "Vikram", "Lakshmi", "Arjun", "Sneha", "Rohan", "Divya",
    "Aditya", "Pooja", "Karthik", "Meera", "Sanjay", "Kavya", "Amit", "Neha", "Suresh", "Deepa", "Vijay", "Anjali",
    "Ravi", "Shreya", "Manoj", "Nisha", "Harish", "Swati", "Gaurav", "Isha", "Nikhil", "Riya", "Varun", "Tanvi",
    "Prakash", "Asha", "Mohan", "Sunita", "Ajay", "Kiran"};
constexpr Words inLast {"Sharma", "Patel", "Singh", "Kumar", "Reddy", "Nair", "Iyer", "Gupta", "Desai", "Mehta",
    "Joshi", "Rao", "Menon", "Pillai", "Chatterjee", "Banerjee", "Verma", "Agarwal", "Mishra", "Shah", "Bhat",
    "Kulkarni", "Das", "Ghosh", "Mukherjee", "Naidu", "Chauhan", "Yadav", "Pandey", "Tiwari", "Saxena", "Kapoor",
    "Malhotra", "Bose", "Sen", "Krishnan", "Subramanian", "Hegde", "Shetty", "Kaur"};

struct Place
{
    const char* city;
    const char* province;
    const char* postal;
};
constexpr std::array<Place, 10> idPlaces {{{"Jakarta Selatan", "DKI Jakarta", "12190"},
    {"Bandung", "Jawa Barat", "40115"}, {"Surabaya", "Jawa Timur", "60271"}, {"Medan", "Sumatera Utara", "20112"},
    {"Denpasar", "Bali", "80232"}, {"Yogyakarta", "DI Yogyakarta", "55213"}, {"Makassar", "Sulawesi Selatan", "90111"},
    {"Semarang", "Jawa Tengah", "50132"}, {"Palembang", "Sumatera Selatan", "30126"},
    {"Balikpapan", "Kalimantan Timur", "76112"}}};
constexpr std::array<Place, 4> kePlaces {{{"Nairobi", "Nairobi", "00100"}, {"Mombasa", "Mombasa", "80100"},
    {"Kisumu", "Kisumu", "40100"}, {"Nakuru", "Nakuru", "20100"}}};
constexpr std::array<Place, 4> inPlaces {{{"Mumbai", "Maharashtra", "400001"}, {"Bengaluru", "Karnataka", "560001"},
    {"Chennai", "Tamil Nadu", "600001"}, {"Pune", "Maharashtra", "411001"}}};
constexpr std::array<const char*, 10> idStreets {"Jl. Sudirman", "Jl. Thamrin", "Jl. Gatot Subroto", "Jl. Diponegoro",
    "Jl. Ahmad Yani", "Jl. Merdeka", "Jl. Pahlawan", "Jl. Gajah Mada", "Jl. Hayam Wuruk", "Jl. Kartini"};
constexpr std::array<const char*, 20> idMobilePrefixes {"0811", "0812", "0813", "0821", "0822", "0852", "0853", "0814",
    "0815", "0816", "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0877", "0878", "0896"};
constexpr std::array<const char*, 6> mailDomains {
    "gmail.com", "yahoo.co.id", "outlook.com", "gmail.com", "yahoo.com", "mail.com"};
constexpr std::array<const char*, 6> notes {"Prefers delivery on Saturdays", "Pays with QRIS",
    "Regular at the morning shift", "Wholesale buyer for a warung", "Asks for receipts by WhatsApp",
    "Allergic to peanuts"};

// A bijection on [0, 10^digits): the index's digits scrambled, so consecutive customers do
// not get consecutive numbers but no two indexes share one.
qint64 scramble(qint64 index, int digits)
{
    qint64 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    // 48271 is odd and not a multiple of 5, so coprime with 10^n: multiplication permutes.
    return (index % modulus * 48271 + 12345) % modulus;
}

QString padded(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

} // namespace

CustomerInput DemoData::customer(quint64 seed, qint64 index)
{
    Random rng {seed * 0x100000001B3ull ^ static_cast<quint64>(index) * 0x9E3779B97F4A7C15ull};
    rng.next();
    CustomerInput in;
    const int country = rng.percent();
    QString first, last, phone;
    const Place* place = nullptr;
    QString address;
    if (country < 80) {
        first = QLatin1String(rng.pick(idFirst));
        last = QLatin1String(rng.pick(idLast));
        phone = QLatin1String(rng.pick(idMobilePrefixes)) + QLatin1Char('-') + padded(scramble(index, 8), 8).left(4)
            + QLatin1Char('-') + padded(scramble(index, 8), 8).mid(4);
        place = &rng.pick(idPlaces);
        address = QLatin1String(rng.pick(idStreets)) + QStringLiteral(" No. %1").arg(1 + rng.next() % 250);
    } else if (country < 90) {
        first = QLatin1String(rng.pick(keFirst));
        last = QLatin1String(rng.pick(keLast));
        // Kenyan mobiles: +254 7XX XXX XXX. The scrambled index sits in the last 7 digits.
        static constexpr std::array<const char*, 4> operators {"0", "1", "2", "9"};
        phone = QStringLiteral("+254 7") + QLatin1String(rng.pick(operators)) + padded(scramble(index, 7), 7);
        place = &rng.pick(kePlaces);
        address = QStringLiteral("P.O. Box %1").arg(100 + rng.next() % 9000);
    } else {
        first = QLatin1String(rng.pick(inFirst));
        last = QLatin1String(rng.pick(inLast));
        phone = QStringLiteral("+91 9") + padded(scramble(index, 9), 9);
        place = &rng.pick(inPlaces);
        address = QStringLiteral("%1, MG Road").arg(1 + rng.next() % 400);
    }
    if (rng.percent() < 15)
        in.name = first + QLatin1Char(' ') + QLatin1String(rng.pick(idFirst)) + QLatin1Char(' ') + last;
    else
        in.name = first + QLatin1Char(' ') + last;
    in.phone = phone;
    if (rng.percent() < 40)
        in.whatsapp = phone;
    if (rng.percent() < 45)
        in.email = first.toLower() + QLatin1Char('.') + last.toLower() + QString::number(index) + QLatin1Char('@')
            + QLatin1String(rng.pick(mailDomains));
    if (rng.percent() < 70) {
        in.address = address;
        in.city = QLatin1String(place->city);
        in.province = QLatin1String(place->province);
        in.postalCode = QLatin1String(place->postal);
    }
    const int t = rng.percent();
    in.type = t < 60 ? QStringLiteral("walk-in")
        : t < 90     ? QStringLiteral("member")
        : t < 97     ? QStringLiteral("vip")
                     : QStringLiteral("wholesale");
    const int l = rng.percent();
    in.level = l < 60 ? QStringLiteral("Bronze")
        : l < 85      ? QStringLiteral("Silver")
        : l < 95      ? QStringLiteral("Gold")
                      : QStringLiteral("Platinum");
    const int s = rng.percent();
    in.status = s < 92 ? QStringLiteral("active") : s < 98 ? QStringLiteral("inactive") : QStringLiteral("blocked");
    if (rng.percent() < 35)
        in.birthDate = QStringLiteral("%1-%2-%3")
                           .arg(1955 + rng.next() % 50)
                           .arg(padded(static_cast<qint64>(1 + rng.next() % 12), 2))
                           .arg(padded(static_cast<qint64>(1 + rng.next() % 28), 2));
    const int g = rng.percent();
    in.gender = g < 45 ? QStringLiteral("female") : g < 90 ? QStringLiteral("male") : QString();
    if (rng.percent() < 5)
        in.notes = QLatin1String(rng.pick(notes));
    in.preferWhatsapp = in.whatsapp.has_value();
    in.preferEmail = in.email.has_value() && rng.percent() < 50;
    in.doNotContact = rng.percent() < 3;
    return in;
}

Result<Actor> DemoData::ensureCompany(Database& db)
{
    SetupService setup(db);
    if (auto company = setup.currentCompany(); company) {
        auto admin = TenancyRepository(db).firstAdmin(company->id);
        if (!admin)
            return admin.error();
        if (!admin->has_value())
            return Error::notFound(tr("the company has no active administrator"));
        return (*admin)->actor();
    } else if (company.error().kind != Error::Kind::NotFound) {
        return company.error();
    }
    SetupService::Request r;
    r.companyName = QStringLiteral("Toko Sumber Rejeki");
    r.storeName = QStringLiteral("Toko Pusat Jakarta");
    r.terminalName = QStringLiteral("Kasir 1");
    r.adminPassword = QString::fromLatin1(demoPassword);
    auto outcome = setup.initialise(r);
    if (!outcome)
        return outcome.error();
    const Actor admin = outcome->admin.actor();
    UserService users(db, admin);
    for (const auto& [name, display, role] :
        {std::tuple {"manager", "Manajer Toko", "manager"}, std::tuple {"kasir", "Kasir Depan", "cashier"}}) {
        auto u = users.add(
            {QLatin1String(name), QLatin1String(display), QLatin1String(role), QString::fromLatin1(demoPassword)});
        if (!u)
            return u.error();
    }
    return admin;
}

Result<qint64> DemoData::generate(Database& db, const Actor& actor, qint64 count, quint64 seed,
    const std::function<void(qint64)>& progress, const std::function<bool()>& cancelled)
{
    // Made-up customers in a shop's file are an administrator's decision, not a cashier's.
    if (Status s = actor.require(Permission::SettingsManage, tr("add demo customers")); !s)
        return s.error();
    CustomerService customers(db, actor);
    // Continue the numbering of earlier runs so that phones and emails stay unique.
    auto existing = customers.count(CustomerQuery {});
    if (!existing)
        return existing.error();
    auto company = customers.company();
    if (!company)
        return company.error();
    const QDate today = QDateTime::fromMSecsSinceEpoch(db.clock().nowMs(), Qt::UTC).date();
    // Generating and validating a batch (libphonenumber is the slow part) needs no
    // database, so the next batch is prepared on another core while this one is written.
    auto prepare = [&, first = *existing](qint64 from) {
        const qint64 n = std::min<qint64>(batchSize, count - from);
        QList<CustomerInput> batch;
        batch.reserve(n);
        for (qint64 i = 0; i < n; ++i)
            batch.append(customer(seed, first + from + i));
        return CustomerService::validate(batch, *company, today);
    };
    // One write for the whole run: a killed run leaves nothing half-done, and a big run
    // builds its indexes once (CustomerService::createInBulk).
    qint64 handed = 0;
    std::future<Result<QList<Customer>>> next;
    if (count > 0)
        next = std::async(std::launch::async, prepare, 0);
    auto take = [&]() -> Result<QList<Customer>> {
        if (!next.valid())
            return QList<Customer> {};
        if (cancelled && cancelled())
            return Error::cancelled(tr("Stopped before the end: no demo customer was added."));
        Result<QList<Customer>> batch = next.get();
        if (!batch)
            return batch.error();
        handed += batch->size();
        if (handed < count)
            next = std::async(std::launch::async, prepare, handed);
        return batch;
    };
    auto done = customers.createInBulk(count, take, progress, CustomerService::bulkIndexThreshold, cancelled);
    if (next.valid())
        next.wait();
    if (!done)
        return done.error();
    return *done;
}

} // namespace kasir
