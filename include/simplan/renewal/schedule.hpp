#pragma once
// When a line's terms fall due. Pure date arithmetic on Howard Hinnant's date library.
//
// Day-count terms: term k starts on anchor + k x N days.
// Calendar-month terms (monthly, every 3, 6 or 12 months, yearly): term k starts k x M months after the
// ORIGINAL anchor, on the anchor's day of the month, or the month's last day when the month is shorter.
// It is always computed from the anchor, never from the previous date, so a line started on Jan 31
// renews Feb 28 (Feb 29 in a leap year), Mar 31, Apr 30 and never drifts to the 28th; a yearly line
// started on Feb 29 renews on Feb 28 in common years.

#include "simplan/catalog/plan.hpp"

#include <date/date.h>

namespace simplan::renewal {

/// `anchor` plus `months` calendar months, clamped to the month's last day.
date::year_month_day add_months(date::year_month_day anchor, int months);

/// The first day of term `k` (k = 0 is the anchor itself). k >= 0.
date::year_month_day term_start(date::year_month_day anchor, catalog::TermLength length, int k);

/// The index of the term that covers `day`: the largest k with term_start(k) <= day, or -1 before the anchor.
int term_covering(date::year_month_day anchor, catalog::TermLength length, date::year_month_day day);

} // namespace simplan::renewal
