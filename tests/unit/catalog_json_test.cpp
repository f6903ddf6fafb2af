#include "simplan/catalog/catalog_json.hpp"
#include "simplan/catalog/loader.hpp"
#include "simplan/data/builtin_data.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace simplan;

namespace {

// Loading, writing back and loading again must give the same values: the JSON output of `plans --format
// json` then carries every fact of the catalog, nothing more and nothing less.
void check_round_trip(std::string_view text)
{
  const auto first = catalog::load_catalog(text, "first");
  REQUIRE(first.problems.empty());
  const std::string written = catalog::dump_json(catalog::catalog_to_json(first.catalog));
  const auto second = catalog::load_catalog(written, "second");
  for (const auto& problem : second.problems) {
    UNSCOPED_INFO(util::format_diagnostic(problem));
  }
  REQUIRE(second.problems.empty());
  CHECK(second.catalog.as_of == first.catalog.as_of);
  CHECK(second.catalog.carriers == first.catalog.carriers);
  REQUIRE(second.catalog.plans.size() == first.catalog.plans.size());
  for (std::size_t i = 0; i < first.catalog.plans.size(); ++i) {
    INFO(first.catalog.plans[i].id);
    CHECK(second.catalog.plans[i] == first.catalog.plans[i]);
  }
}

} // namespace

TEST_CASE("the fixture catalog survives writing and reading back unchanged")
{
  check_round_trip(testing::read_test_file("catalogs/small.json"));
}

TEST_CASE("the built-in catalog survives writing and reading back unchanged")
{
  check_round_trip(data::builtin_catalog_json());
}

TEST_CASE("quantities are written as whole or decimal GB or unlimited")
{
  CHECK(catalog::quantity_to_json(catalog::Quantity::of(50000)).dump() == "50");
  CHECK(catalog::quantity_to_json(catalog::Quantity::of(10500)).dump() == "10.5");
  CHECK(catalog::quantity_to_json(catalog::Quantity::of(250)).dump() == "0.25");
  CHECK(catalog::quantity_to_json(catalog::Quantity::make_unlimited()).dump() == "\"unlimited\"");
}
