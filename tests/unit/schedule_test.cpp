// Renewal dates over every start day of a full 400-year Gregorian cycle (146,097 days), for each kind of
// term, checked against a computation that does not use the date library.

#include "simplan/renewal/schedule.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace simplan;
using namespace date::literals;
using catalog::TermLength;
using catalog::TermUnit;

namespace {

bool leap(int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month)
{
  constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : k_days[month - 1];
}

// The k-th renewal of a calendar-month term, by hand: count months from the anchor, clamp the day.
date::year_month_day by_hand(date::year_month_day anchor, int months)
{
  const int index = static_cast<int>(anchor.year()) * 12 + static_cast<int>(static_cast<unsigned>(anchor.month())) - 1 + months;
  const int year = index / 12;
  const auto month = static_cast<unsigned>(index % 12 + 1);
  const unsigned day = std::min(static_cast<unsigned>(anchor.day()), days_in_month(year, month));
  return date::year_month_day{date::year{year}, date::month{month}, date::day{day}};
}

std::string text(date::year_month_day day)
{
  return std::to_string(static_cast<int>(day.year())) + "-" + std::to_string(static_cast<unsigned>(day.month())) + "-" +
         std::to_string(static_cast<unsigned>(day.day()));
}

constexpr int k_terms_checked = 13;

// Runs every property for one rule over the whole cycle; returns the first failure, or "".
std::string check_rule(TermLength length)
{
  const date::sys_days first{2000_y / 1 / 1};
  for (int offset = 0; offset < 146097; ++offset) {
    const date::year_month_day anchor{first + date::days{offset}};
    date::year_month_day previous = anchor;
    for (int k = 1; k <= k_terms_checked; ++k) {
      const date::year_month_day due = renewal::term_start(anchor, length, k);
      if (date::sys_days{due} <= date::sys_days{previous}) {
        return "dates do not increase from " + text(anchor);
      }
      if (length.unit == TermUnit::days) {
        if ((date::sys_days{due} - date::sys_days{anchor}).count() != k * length.count) {
          return "day term " + std::to_string(k) + " from " + text(anchor) + " is not k x N days later";
        }
      } else {
        const date::year_month_day expected = by_hand(anchor, k * length.count);
        if (due != expected) {
          return "month term " + std::to_string(k) + " from " + text(anchor) + " is " + text(due) + ", not " + text(expected);
        }
        // The anchor day comes back whenever the month has it.
        const unsigned month_days = days_in_month(static_cast<int>(due.year()), static_cast<unsigned>(due.month()));
        if (static_cast<unsigned>(anchor.day()) <= month_days && due.day() != anchor.day()) {
          return "anchor day lost at " + text(due) + " from " + text(anchor);
        }
      }
      // Exactly one renewal per term: the term covering its own first day is k, and the day before is k-1.
      // (Checked on the first, second and last term: term_covering searches, so it costs more.)
      const bool check_covering = k <= 2 || k == k_terms_checked;
      if (check_covering &&
          (renewal::term_covering(anchor, length, due) != k ||
           renewal::term_covering(anchor, length, date::year_month_day{date::sys_days{due} - date::days{1}}) != k - 1)) {
        return "term_covering disagrees at " + text(due) + " from " + text(anchor);
      }
      previous = due;
    }
  }
  return "";
}

} // namespace

TEST_CASE("day-count terms renew every N days, from every start day of a 400-year cycle")
{
  CHECK(check_rule({TermUnit::days, 30}) == "");
  CHECK(check_rule({TermUnit::days, 28}) == "");
  CHECK(check_rule({TermUnit::days, 360}) == "");
}

TEST_CASE("calendar-month terms keep the anchor day, from every start day of a 400-year cycle")
{
  CHECK(check_rule({TermUnit::months, 1}) == "");
  CHECK(check_rule({TermUnit::months, 3}) == "");
  CHECK(check_rule({TermUnit::months, 6}) == "");
  CHECK(check_rule({TermUnit::months, 12}) == "");
}

TEST_CASE("a line started on Jan 31 renews on the last day of short months and never drifts")
{
  const TermLength monthly{TermUnit::months, 1};
  CHECK(renewal::term_start(2027_y / 1 / 31, monthly, 1) == 2027_y / 2 / 28);
  CHECK(renewal::term_start(2028_y / 1 / 31, monthly, 1) == 2028_y / 2 / 29);
  CHECK(renewal::term_start(2027_y / 1 / 31, monthly, 2) == 2027_y / 3 / 31);
  CHECK(renewal::term_start(2027_y / 1 / 31, monthly, 3) == 2027_y / 4 / 30);
  CHECK(renewal::term_start(2027_y / 1 / 31, monthly, 12) == 2028_y / 1 / 31);
  const TermLength yearly{TermUnit::months, 12};
  CHECK(renewal::term_start(2028_y / 2 / 29, yearly, 1) == 2029_y / 2 / 28);
  CHECK(renewal::term_start(2028_y / 2 / 29, yearly, 4) == 2032_y / 2 / 29);
}

TEST_CASE("the term covering a day is found from the anchor")
{
  const TermLength monthly{TermUnit::months, 1};
  CHECK(renewal::term_covering(2026_y / 1 / 31, monthly, 2026_y / 1 / 30) == -1);
  CHECK(renewal::term_covering(2026_y / 1 / 31, monthly, 2026_y / 1 / 31) == 0);
  CHECK(renewal::term_covering(2026_y / 1 / 31, monthly, 2026_y / 11 / 29) == 9);
  CHECK(renewal::term_covering(2026_y / 1 / 31, monthly, 2026_y / 11 / 30) == 10);
  CHECK(renewal::term_covering(2026_y / 11 / 1, {TermUnit::days, 30}, 2026_y / 11 / 30) == 0);
  CHECK(renewal::term_covering(2026_y / 11 / 1, {TermUnit::days, 30}, 2026_y / 12 / 1) == 1);
}
