#pragma once
// `simplan compare`: plans side by side over a stay, and their cumulative cost month by month.

#include "simplan/profile/profile.hpp"
#include "simplan/recommend/recommender.hpp"
#include "simplan/report/output_format.hpp"

#include <string>
#include <vector>

namespace simplan::report {

/// Cumulative cost at the end of each calendar month of the stay: what was paid before
/// add_months(start, month). The last entry is the total.
struct MonthlyTotal {
  int month = 0;
  date::year_month_day through;  ///< the first day after the month
  util::Cents cents = 0;
};
std::vector<MonthlyTotal> cumulative_by_month(const recommend::StayCost& cost, const recommend::StayDates& stay);

/// `ascii`: draw the chart with '#' (the locale is not UTF-8, or --ascii).
std::string render_comparison(const std::vector<recommend::Candidate>& candidates, const recommend::StayDates& stay,
                              const profile::Needs& needs, bool ascii, OutputFormat format,
                              const RenderOptions& options);

} // namespace simplan::report
