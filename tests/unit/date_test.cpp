#include "simplan/util/date.hpp"

#include <catch2/catch.hpp>

using namespace date::literals;
using simplan::util::days_between;
using simplan::util::format_iso_date;
using simplan::util::parse_iso_date;

TEST_CASE("ISO dates parse only when the day exists")
{
  CHECK(parse_iso_date("2026-11-29") == 2026_y / 11 / 29);
  CHECK(parse_iso_date("2028-02-29") == 2028_y / 2 / 29);
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("2026-02-30"));
  CHECK_FALSE(parse_iso_date("2100-02-29"));
  CHECK(parse_iso_date("2000-02-29") == 2000_y / 2 / 29);
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-00-10"));
  CHECK_FALSE(parse_iso_date("2026-1-1"));
  CHECK_FALSE(parse_iso_date("26-11-29"));
  CHECK_FALSE(parse_iso_date("2026/11/29"));
  CHECK_FALSE(parse_iso_date("2026-11-29 "));
  CHECK_FALSE(parse_iso_date("1899-12-31"));
}

TEST_CASE("dates format as YYYY-MM-DD and day differences are signed")
{
  CHECK(format_iso_date(2027_y / 3 / 1) == "2027-03-01");
  CHECK(days_between(2026_y / 11 / 29, 2026_y / 12 / 1) == 2);
  CHECK(days_between(2026_y / 12 / 1, 2026_y / 11 / 29) == -2);
  CHECK(days_between(2026_y / 1 / 1, 2027_y / 1 / 1) == 365);
}
