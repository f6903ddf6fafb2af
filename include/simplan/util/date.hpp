#pragma once
// Dates are date::year_month_day (Howard Hinnant's date, the basis of C++20 <chrono> calendars).
// Strings are only for input and output.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace simplan::util {

/// Parses exactly YYYY-MM-DD (four-digit year from 1900 to 9999) naming a real day: "2026-02-30" is not.
std::optional<date::year_month_day> parse_iso_date(std::string_view text);

/// "2026-03-01".
std::string format_iso_date(date::year_month_day day);

/// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(date::year_month_day from, date::year_month_day to);

} // namespace simplan::util
