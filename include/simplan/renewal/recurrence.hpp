#pragma once
// Renewal dates as RFC 5545 recurrence rules, only in the forms every calendar engine expands the same
// way (../shared/reference/ics-rules.md section 1.8): FREQ first; FREQ=DAILY;INTERVAL=N for day-count
// terms; BYMONTHDAY always written; BYMONTHDAY=-1 for an anchor on the 31st; for an anchor on the 29th
// or 30th, a rule for the other months plus a yearly February rule with BYMONTHDAY=-1; never BYSETPOS and
// never a bare FREQ=MONTHLY from a day over 28.

#include "simplan/catalog/plan.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

namespace simplan::renewal {

struct RecurrenceRule {
  date::year_month_day start;  ///< DTSTART: the rule's first occurrence
  std::string rule;            ///< the RRULE value, ending in ";UNTIL=YYYYMMDD"
  std::string part;            ///< "" for the main rule, "feb" for the February rule of a 29th/30th anchor
};

/// Rules whose occurrences are exactly term_start(anchor, length, k) for k >= first_term, up to and
/// including `until`. Nothing when no portable rule exists (an anchor on the 29th or 30th with a term of
/// months that does not divide a year): the caller writes single events instead.
std::optional<std::vector<RecurrenceRule>> recurrence_rules(date::year_month_day anchor, catalog::TermLength length,
                                                            int first_term, date::year_month_day until);

} // namespace simplan::renewal
