#include "simplan/catalog/loader.hpp"
#include "simplan/catalog/plan_query.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

using namespace simplan;
using namespace simplan::catalog;

namespace {

const Catalog& fixture()
{
  static const Catalog loaded = load_catalog(testing::read_test_file("catalogs/small.json"), "small.json").catalog;
  return loaded;
}

std::vector<std::string> ids(const PlanQuery& query)
{
  std::vector<std::string> found;
  for (const auto& match : find_plans(fixture(), query)) {
    found.push_back(match.plan->id);
  }
  return found;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("with no filters every plan is listed, cheapest per month first, ties by id")
{
  CHECK(ids({}) == Ids{"roam-usa-3gb", "acme-pass-7", "lianxin-student", "beta-flex", "acme-prepaid-15",
                       "acme-unlimited"});
}

TEST_CASE("filters keep only plans that pass all of them")
{
  PlanQuery query;
  query.kinds = {PlanKind::travel};
  CHECK(ids(query) == Ids{"roam-usa-3gb", "acme-pass-7"});

  query = {};
  query.carrier_ids = {"acme"};
  query.kinds = {PlanKind::prepaid, PlanKind::postpaid};
  CHECK(ids(query) == Ids{"acme-prepaid-15", "acme-unlimited"});

  query = {};
  query.networks = {Network::tmobile};
  CHECK(ids(query) == Ids{"lianxin-student", "beta-flex"});

  query = {};
  query.esim = true;
  query.no_credit_check = true;
  CHECK(ids(query) == Ids{"roam-usa-3gb", "acme-pass-7", "acme-prepaid-15"});

  query = {};
  query.max_price = 2500;
  CHECK(ids(query) == Ids{"roam-usa-3gb", "acme-pass-7", "lianxin-student"});

  query = {};
  query.min_data_mb = 40000;
  CHECK(ids(query) == Ids{"acme-pass-7", "beta-flex", "acme-unlimited"});

  query = {};
  query.min_hotspot_mb = 10000;
  CHECK(ids(query) == Ids{"acme-pass-7", "acme-unlimited"});
}

TEST_CASE("calling abroad matches only plans that name the country, included or priced")
{
  PlanQuery query;
  query.calling_to = {"CN"};
  CHECK(ids(query) == Ids{"lianxin-student", "acme-prepaid-15"});
  query.calling_to = {"MX"};
  CHECK(ids(query) == Ids{"acme-unlimited"});
  query.calling_to = {"IN"};  // "80 countries" with no list is unknown, not a match
  CHECK(ids(query).empty());
}

TEST_CASE("a line count keeps plans whose price for that many lines is known")
{
  PlanQuery query;
  query.lines = 3;
  CHECK(ids(query) == Ids{"roam-usa-3gb", "acme-pass-7", "beta-flex", "acme-unlimited"});
  query.lines = 4;
  CHECK(ids(query) == Ids{"roam-usa-3gb", "acme-pass-7", "beta-flex"});
}

TEST_CASE("sorting by data puts unlimited first, then the most data, then price")
{
  PlanQuery query;
  query.sort = PlanSort::data;
  CHECK(ids(query) == Ids{"acme-unlimited", "acme-pass-7", "beta-flex", "acme-prepaid-15", "lianxin-student",
                          "roam-usa-3gb"});
}

TEST_CASE("sorting by name orders by carrier name, then plan name")
{
  PlanQuery query;
  query.sort = PlanSort::name;
  query.limit = 4;
  CHECK(ids(query) == Ids{"acme-prepaid-15", "acme-unlimited", "acme-pass-7", "beta-flex"});
}

TEST_CASE("a finder given plans one at a time keeps exactly the plans find_plans lists first, with their quotes")
{
  for (const PlanSort sort : {PlanSort::price, PlanSort::data, PlanSort::name}) {
    for (const int lines : {1, 2}) {
      PlanQuery query;
      query.sort = sort;
      query.lines = lines;
      const std::vector<PlanMatch> full = find_plans(fixture(), query);
      REQUIRE(full.size() >= 3);
      for (const std::optional<std::size_t> limit : {std::optional<std::size_t>{}, std::optional<std::size_t>{0},
                                                     std::optional<std::size_t>{1}, std::optional<std::size_t>{3},
                                                     std::optional<std::size_t>{full.size() + 5}}) {
        CAPTURE(static_cast<int>(sort), lines, limit.value_or(999));
        query.limit = limit;
        PlanFinder finder{query};
        // In reverse catalog order, so that the heap has to replace plans it kept.
        for (auto plan = fixture().plans.rbegin(); plan != fixture().plans.rend(); ++plan) {
          finder.add(fixture(), Plan{*plan});  // owned, as a streamed plan is
        }
        const std::vector<PlanMatch> kept = std::move(finder).finish();
        REQUIRE(kept.size() == std::min(limit.value_or(full.size()), full.size()));
        for (std::size_t i = 0; i < kept.size(); ++i) {
          CHECK(kept[i].plan->id == full[i].plan->id);
          CHECK(kept[i].owned_plan.get() == kept[i].plan);
          CHECK(kept[i].carrier == full[i].carrier);
          CHECK(kept[i].quote.comparable == full[i].quote.comparable);
          CHECK(kept[i].quote.price == full[i].quote.price);
          CHECK(*kept[i].quote.term == *full[i].quote.term);
          // The quote's term is the kept plan's own, not a copy's that is gone.
          CHECK(kept[i].quote.term >= kept[i].plan->terms.data());
          CHECK(kept[i].quote.term < kept[i].plan->terms.data() + kept[i].plan->terms.size());
        }
      }
    }
  }
}

TEST_CASE("carriers are found by id or by name without regard to case")
{
  CHECK(find_carrier_by_id_or_name(fixture(), "ACME")->id == "acme");
  CHECK(find_carrier_by_id_or_name(fixture(), "beta mobile")->id == "beta");
  CHECK(find_carrier_by_id_or_name(fixture(), "联信通信")->id == "lianxin");
  CHECK(find_carrier_by_id_or_name(fixture(), "gamma") == nullptr);
}
