#include "simplan/util/json_guard.hpp"

#include <catch2/catch.hpp>

#include <string>

using simplan::util::find_excess_nesting;

TEST_CASE("nesting within the limit passes")
{
  CHECK_FALSE(find_excess_nesting("{\"a\": [1, {\"b\": []}]}", 4));
  CHECK(find_excess_nesting("{\"a\": [1, {\"b\": []}]}", 3) == 16u);
  CHECK_FALSE(find_excess_nesting("", 1));
}

TEST_CASE("the bracket that nests one level too deep is found")
{
  CHECK(find_excess_nesting("[[[[]]]]", 3) == 3u);
  const std::string deep(100000, '[');
  CHECK(find_excess_nesting(deep, 64) == 64u);
}

TEST_CASE("brackets inside strings do not count, escaped quotes included")
{
  CHECK_FALSE(find_excess_nesting("[\"[[[[[[\"]", 1));
  CHECK_FALSE(find_excess_nesting("[\"\\\"[[[[\"]", 1));
  CHECK(find_excess_nesting("[\"\\\\\", [[]]]", 2) == 8u);
}
