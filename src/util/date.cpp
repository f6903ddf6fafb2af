#include "simplan/util/date.hpp"

#include <fmt/format.h>

namespace simplan::util {

std::optional<date::year_month_day> parse_iso_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int field = 0; field < 3; ++field) {
    for (std::size_t i = 0; i < lengths[field]; ++i) {
      const char c = text[starts[field] + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      fields[field] = fields[field] * 10 + (c - '0');
    }
  }
  if (fields[0] < 1900) {
    return std::nullopt;
  }
  const date::year_month_day day{date::year{fields[0]},
                                 date::month{static_cast<unsigned>(fields[1])},
                                 date::day{static_cast<unsigned>(fields[2])}};
  if (!day.ok()) {
    return std::nullopt;
  }
  return day;
}

std::string format_iso_date(date::year_month_day day)
{
  return fmt::format("{:04}-{:02}-{:02}",
                     static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

int days_between(date::year_month_day from, date::year_month_day to)
{
  return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

} // namespace simplan::util
