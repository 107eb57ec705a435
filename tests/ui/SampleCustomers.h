#pragma once

#include <QString>

namespace kasir::test {

class TestDatabase;

// Customers with predictable names, phones and types for the UI tests, registered through
// CustomerService in batches a minute apart so that name order and registration order
// differ.
namespace SampleCustomers {

constexpr int batchSize = 10;
constexpr qint64 batchIntervalMs = 60'000;

// "Budi Santoso": 15 first names times 30 last names, no word a prefix of another.
QString name(int index);
// "0812-5555-0042", as typed at the counter.
QString phone(int index);
// "walk-in", "member", "vip", "wholesale" in turn.
QString type(int index);

// Registers customers 0..count-1 as the administrator; fails the test on any error.
void add(TestDatabase& database, int count);

} // namespace SampleCustomers

} // namespace kasir::test
