#include "simplan/util/money.hpp"

#include <catch2/catch.hpp>

using simplan::util::divide_rounded;
using simplan::util::format_dollars;
using simplan::util::parse_dollars;

TEST_CASE("dollars are formatted with cents and thousands separators")
{
  CHECK(format_dollars(0) == "$0.00");
  CHECK(format_dollars(5) == "$0.05");
  CHECK(format_dollars(2500) == "$25.00");
  CHECK(format_dollars(123456) == "$1,234.56");
  CHECK(format_dollars(100000000) == "$1,000,000.00");
  CHECK(format_dollars(-500) == "-$5.00");
}

TEST_CASE("dollar amounts typed by a person parse to exact cents")
{
  CHECK(parse_dollars("25") == 2500);
  CHECK(parse_dollars("25.5") == 2550);
  CHECK(parse_dollars("25.50") == 2550);
  CHECK(parse_dollars("$25") == 2500);
  CHECK(parse_dollars("0.99") == 99);
  CHECK(parse_dollars("1,234.50") == 123450);
  CHECK(parse_dollars("1000000000") == 100000000000);
}

TEST_CASE("malformed dollar amounts are rejected rather than guessed")
{
  for (const char* text : {"", "$", "abc", "25.", "25.505", "-5", "2 5", "1,23", "12345,678", ",100", "1e3",
                           "1000000001", "25.5x"}) {
    INFO(text);
    CHECK_FALSE(parse_dollars(text).has_value());
  }
}

TEST_CASE("division to cents rounds halves away from zero")
{
  CHECK(divide_rounded(1000, 3) == 333);
  CHECK(divide_rounded(2000, 3) == 667);
  CHECK(divide_rounded(5, 2) == 3);
  CHECK(divide_rounded(-5, 2) == -3);
  CHECK(divide_rounded(27500, 12) == 2292);
}
