#include "simplan/renewal/schedule.hpp"

#include <algorithm>

namespace simplan::renewal {

date::year_month_day add_months(date::year_month_day anchor, int months)
{
  const date::year_month shifted = date::year_month{anchor.year(), anchor.month()} + date::months{months};
  const date::day last = date::year_month_day_last{shifted.year(), date::month_day_last{shifted.month()}}.day();
  return date::year_month_day{shifted.year(), shifted.month(), std::min(anchor.day(), last)};
}

date::year_month_day term_start(date::year_month_day anchor, catalog::TermLength length, int k)
{
  if (length.unit == catalog::TermUnit::days) {
    return date::year_month_day{date::sys_days{anchor} + date::days{k * length.count}};
  }
  return add_months(anchor, k * length.count);
}

int term_covering(date::year_month_day anchor, catalog::TermLength length, date::year_month_day day)
{
  const auto days = (date::sys_days{day} - date::sys_days{anchor}).count();
  if (days < 0) {
    return -1;
  }
  if (length.unit == catalog::TermUnit::days) {
    return static_cast<int>(days / length.count);
  }
  // Estimate from whole months, then step: a clamped month start can fall a few days early.
  const auto months = (date::year_month{day.year(), day.month()} - date::year_month{anchor.year(), anchor.month()}).count();
  int k = std::max<int>(0, static_cast<int>(months) / length.count);
  while (k > 0 && date::sys_days{term_start(anchor, length, k)} > date::sys_days{day}) {
    --k;
  }
  while (date::sys_days{term_start(anchor, length, k + 1)} <= date::sys_days{day}) {
    ++k;
  }
  return k;
}

} // namespace simplan::renewal
