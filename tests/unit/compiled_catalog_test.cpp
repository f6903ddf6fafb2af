#include "simplan/catalog/compiled_catalog.hpp"
#include "simplan/catalog/loader.hpp"
#include "simplan/data/builtin_data.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace simplan;

namespace {

catalog::Catalog load(std::string_view text)
{
  auto loaded = catalog::load_catalog(text, "catalog.json");
  REQUIRE(loaded.problems.empty());
  return std::move(loaded.catalog);
}

} // namespace

TEST_CASE("the catalog compiled into simplan equals data/plans.json loaded at run time")
{
  const catalog::Catalog compiled = catalog::read_compiled_catalog(data::builtin_catalog_compiled());
  const catalog::Catalog loaded = load(data::builtin_catalog_json());
  REQUIRE(compiled.plans.size() == loaded.plans.size());
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) {
    INFO(loaded.plans[i].id);
    CHECK(compiled.plans[i] == loaded.plans[i]);
  }
  CHECK(compiled.carriers == loaded.carriers);
  CHECK(compiled == loaded);
}

TEST_CASE("every fixture catalog reads back from its compiled form unchanged")
{
  for (const char* name : {"catalogs/small.json", "catalogs/recommend.json"}) {
    INFO(name);
    const catalog::Catalog original = load(testing::read_test_file(name));
    CHECK(catalog::read_compiled_catalog(catalog::compile_catalog(original)) == original);
  }
}

TEST_CASE("a compiled catalog that is cut short, extended or of another version is refused")
{
  const std::string bytes = catalog::compile_catalog(load(testing::read_test_file("catalogs/small.json")));
  CHECK_THROWS_AS(catalog::read_compiled_catalog(bytes.substr(0, bytes.size() - 1)), std::invalid_argument);
  CHECK_THROWS_AS(catalog::read_compiled_catalog(bytes.substr(0, bytes.size() / 2)), std::invalid_argument);
  CHECK_THROWS_AS(catalog::read_compiled_catalog(bytes + '\0'), std::invalid_argument);
  CHECK_THROWS_AS(catalog::read_compiled_catalog("simplan-catalog-v0\n" + bytes.substr(19)), std::invalid_argument);
  CHECK_THROWS_AS(catalog::read_compiled_catalog(""), std::invalid_argument);
}

TEST_CASE("the compiled form keeps a negative number, a date and a text in two languages exactly")
{
  catalog::Catalog original = load(testing::read_test_file("catalogs/small.json"));
  original.schema_version = -3;
  original.as_of = date::year{1969} / 12 / 31;
  catalog::LocalizedText text{"Renew online"};
  text.set("zh-Hans", "在线续费");
  original.plans.front().notes.push_back(text);
  CHECK(catalog::read_compiled_catalog(catalog::compile_catalog(original)) == original);
}
