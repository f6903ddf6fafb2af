#include "simplan/renewal/recurrence.hpp"

#include "simplan/renewal/schedule.hpp"

#include <fmt/format.h>

#include <set>

namespace simplan::renewal {
namespace {

std::string date_value(date::year_month_day day)
{
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

bool after(date::year_month_day a, date::year_month_day b)
{
  return date::sys_days{a} > date::sys_days{b};
}

} // namespace

std::optional<std::vector<RecurrenceRule>> recurrence_rules(date::year_month_day anchor, catalog::TermLength length,
                                                            int first_term, date::year_month_day until)
{
  std::vector<RecurrenceRule> rules;
  const date::year_month_day first = term_start(anchor, length, first_term);
  if (after(first, until)) {
    return rules;
  }
  const std::string end = ";UNTIL=" + date_value(until);
  if (length.unit == catalog::TermUnit::days) {
    rules.push_back({first, fmt::format("FREQ=DAILY;INTERVAL={}{}", length.count, end), ""});
    return rules;
  }
  const unsigned day = static_cast<unsigned>(anchor.day());
  const std::string interval = length.count == 1 ? "" : fmt::format(";INTERVAL={}", length.count);
  if (day <= 28) {
    rules.push_back({first, fmt::format("FREQ=MONTHLY{};BYMONTHDAY={}{}", interval, day, end), ""});
    return rules;
  }
  if (day == 31) {
    rules.push_back({first, fmt::format("FREQ=MONTHLY{};BYMONTHDAY=-1{}", interval, end), ""});
    return rules;
  }
  // The 29th or 30th: every cycle month but February on that day, February on its last day. That needs
  // the cycle to repeat every year.
  if (12 % length.count != 0) {
    return std::nullopt;
  }
  std::set<unsigned> months;
  for (int k = 0; k < 12 / length.count; ++k) {
    months.insert(static_cast<unsigned>(term_start(anchor, length, first_term + k).month()));
  }
  std::string other_months;
  for (const unsigned month : months) {
    if (month != 2) {
      other_months += (other_months.empty() ? "" : ",") + fmt::format("{}", month);
    }
  }
  // Each rule starts at its own first occurrence on or after the first due date.
  const auto first_in = [&](bool february) -> std::optional<date::year_month_day> {
    for (int k = first_term; k < first_term + 12; ++k) {
      const date::year_month_day start = term_start(anchor, length, k);
      if ((start.month() == date::February) == february) {
        return after(start, until) ? std::nullopt : std::optional{start};
      }
    }
    return std::nullopt;
  };
  if (!other_months.empty()) {
    if (const auto start = first_in(false)) {
      rules.push_back({*start, fmt::format("FREQ=MONTHLY;BYMONTH={};BYMONTHDAY={}{}", other_months, day, end), ""});
    }
  }
  if (months.contains(2)) {
    if (const auto start = first_in(true)) {
      rules.push_back({*start, fmt::format("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1{}", end), "feb"});
    }
  }
  return rules;
}

} // namespace simplan::renewal
