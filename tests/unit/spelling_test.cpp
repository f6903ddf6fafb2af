#include "simplan/util/spelling.hpp"

#include <catch2/catch.hpp>

#include <array>

using namespace simplan::util;

TEST_CASE("edit distance counts insertions, deletions and substitutions")
{
  CHECK(edit_distance("price", "price") == 0);
  CHECK(edit_distance("pricee", "price") == 1);
  CHECK(edit_distance("prcie", "price") == 2);
  CHECK(edit_distance("PRICE", "price") == 0);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a close misspelling gets a suggestion and a distant word does not")
{
  const std::array<std::string_view, 3> fields{"price_cents", "intro", "length"};
  CHECK(closest_match("price_cent", fields) == std::optional<std::string>{"price_cents"});
  CHECK(closest_match("lenght", fields) == std::optional<std::string>{"length"});
  CHECK_FALSE(closest_match("xyz", fields));
  CHECK_FALSE(closest_match("", fields));
}
