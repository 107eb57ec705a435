// A till that dies. Completes sales through CheckoutService on a real file, the way the
// app does, for TestKasirctl to kill:
//   sale_crasher loop DB CUSTOMER       sells until killed, printing each order number once
//                                       it is committed
//   sale_crasher die-at-commit DB CUSTOMER
//                                       sells once and ends the process (exit 9) at the
//                                       moment SQLite is about to commit the sale
#include "core/domain/Clock.h"
#include "core/services/CheckoutService.h"
#include "core/services/SetupService.h"
#include "core/storage/Database.h"
#include "core/storage/TenancyRepository.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QTextStream>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

using namespace kasir;

namespace {

int changesBefore = 0;

// The commit hook: dies at the first commit that wrote rows after the hook was set, the
// sale's (the look-ups before it only read).
int dieAtCommit(void* db)
{
    if (sqlite3_total_changes(static_cast<sqlite3*>(db)) > changesBefore)
        std::_Exit(9);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    const QString mode = args.at(1);
    auto db = Database::open(args.at(2), SystemClock::instance());
    if (!db)
        return 1;
    auto company = SetupService(**db).currentCompany();
    if (!company)
        return 1;
    auto admin = TenancyRepository(**db).firstAdmin(company->id);
    if (!admin || !admin->has_value())
        return 1;
    CheckoutService till(**db, (*admin)->actor());

    SaleRequest req;
    req.customer = args.at(3);
    req.items = {{QStringLiteral("KOPI"), 2}, {QStringLiteral("ROTI"), 1}, {QStringLiteral("TEH"), 3}};
    // 2 x 25,000 + 15,000 + 3 x 8,000 = 89,000 less 5 % = 84,550: part store credit, part cash.
    req.payments = {{PaymentMethod::StoreCredit, 10'000}, {PaymentMethod::Cash, 100'000}};

    if (mode == u"die-at-commit") {
        auto* handle = *static_cast<sqlite3* const*>((*db)->connection().driver()->handle().data());
        changesBefore = sqlite3_total_changes(handle);
        sqlite3_commit_hook(handle, dieAtCommit, handle);
        auto sale = till.complete(req);
        return sale ? 0 : 1; // not reached when the sale got as far as its commit
    }
    QTextStream out(stdout);
    for (;;) {
        auto sale = till.complete(req);
        if (!sale) {
            QTextStream(stderr) << sale.error().describe() << '\n';
            return 1;
        }
        out << sale->orderNumber << '\n';
        out.flush();
    }
}
