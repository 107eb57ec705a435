#pragma once

#include "core/domain/Customer.h"
#include "core/domain/CustomerMetrics.h"
#include "core/domain/Rfm.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kasir {

// What the customer table or the counter asks for: free text, filters, an order and a
// position. Pages are keyset pages: `after` is the opaque cursor of the previous page's
// last row, so page 10,000 costs what page 1 costs.
struct CustomerQuery
{
    enum class Sort
    {
        Name,
        Created,
        Updated,
    };
    // Whether a customer needs any of `tags` or all of them.
    enum class TagsMatch
    {
        Any,
        All,
    };
    // The sign of a customer's store-credit balance.
    enum class Balance
    {
        Credit, // they hold credit
        Debt, // they owe
        Zero,
    };

    QString text; // name words, phone (any form or last 4+ digits), email, or code
    std::optional<CustomerType> type;
    std::optional<CustomerStatus> status;
    std::optional<MembershipLevel> level;
    std::optional<qint64> createdFrom; // ms, inclusive
    std::optional<qint64> createdTo; // ms, exclusive
    QStringList tags; // tag names as typed (any case or accents); none: no tag filter
    TagsMatch tagsMatch = TagsMatch::Any;
    // Figures from customer_metrics; a customer without figures has zeros and no dates.
    std::optional<Balance> balance;
    std::optional<qint64> creditMin; // minor units, inclusive; negative is debt
    std::optional<qint64> creditMax;
    std::optional<bool> membershipActive; // type member or vip
    std::optional<QDate> lastVisitFrom; // UTC day of the last purchase, inclusive
    std::optional<QDate> lastVisitTo; // inclusive
    std::optional<qint64> totalSpentMin; // minor units, inclusive
    std::optional<qint64> totalSpentMax;
    QList<RepeatFrequency> frequencies; // any of them; none: no frequency filter
    std::optional<bool> hasSales; // purchases that stand > 0
    // RFM segments, any of them (RfmSegment::None: not ranked); none: no segment filter.
    QList<RfmSegment> segments;
    Sort sort = Sort::Name;
    bool descending = false;
    QString after;
    int limit = 50;
    bool withTotal = false;
    // About how many customers, and for how many milliseconds, one page may test against the
    // filters before it returns what it has found (fewer than `limit`, even none) with a
    // cursor to go on from: a combination that few customers pass then answers promptly,
    // page by page, instead of reading the whole directory for one page. 0: no bound.
    int scanBudget = defaultScanBudget;
    int scanMilliseconds = defaultScanMilliseconds;

    static constexpr int defaultScanBudget = 262'144;
    static constexpr int defaultScanMilliseconds = 30;
    static constexpr int maxLimit = 500;
    static constexpr int maxTextLength = 255;
    static constexpr int maxTags = 20;

    static QString toString(Balance balance); // "credit", "debt", "zero"
    static std::optional<Balance> parseBalance(QStringView text);
    static QStringList balanceNames();
};

struct CustomerPage
{
    QList<Customer> items;
    // Empty when this is the last page. A page may be short, even empty, and still have a
    // next one (CustomerQuery::scanBudget): the end is an empty cursor, not a short page.
    QString nextCursor;
    qint64 total = -1; // -1 when not asked for
};

// How the free text of a query is read. Digits with at least four of them are a phone
// (exact when they make a whole valid number, otherwise the last digits, or the leading
// digits of a number written from its start); "@" makes an email prefix; "C-123" a
// customer code; anything else is name words, each a prefix, in any order.
struct CustomerSearchTerms
{
    enum class Kind
    {
        None,
        Name,
        Phone,
        Email,
        Code,
    };

    Kind kind = Kind::None;
    QStringList nameWords; // folded word prefixes for Name, each once, at most maxNameTokens
    QString phoneExact; // E.164
    QString phoneSuffixReversed; // reversed last digits
    QString phonePrefix; // E.164 prefix, "+62812345"
    QString emailPrefix;
    QString code;

    static CustomerSearchTerms classify(const QString& text, const QString& region);
    static QString formatCode(qint64 number);
    static constexpr int maxNameTokens = 8;
    static constexpr int minPhoneDigits = 4;
    static constexpr int minPrefixDigits = 7;
};

} // namespace kasir
