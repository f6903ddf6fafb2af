#include "simplan/catalog/loader.hpp"
#include "simplan/recommend/stay_cost.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace simplan;
using namespace simplan::recommend;
using namespace date::literals;

namespace {

// Needs as the CLI would resolve them with --tax-rate 26.8: one rate for every plan.
profile::Needs needs_taxed_at_26_8()
{
  profile::Needs needs;
  needs.taxes = tax::given_rate(268'000);
  return needs;
}

const catalog::Catalog& fixture()
{
  static const catalog::Catalog loaded =
    catalog::load_catalog(testing::read_test_file("catalogs/recommend.json"), "recommend.json").catalog;
  return loaded;
}

StayCost cost_of(std::string_view id, const profile::Needs& needs, date::year_month_day start = 2026_y / 11 / 29)
{
  const auto cost = cost_for_stay(*fixture().find_plan(id), needs, stay_dates(needs.stay, start));
  REQUIRE(cost);
  return *cost;
}

profile::Needs for_stay(profile::StayUnit unit, int count)
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {unit, count};
  return needs;
}

std::vector<std::string> terms_bought(const StayCost& cost)
{
  std::vector<std::string> terms;
  for (const Purchase& purchase : cost.purchases) {
    const auto& length = purchase.term->length;
    terms.push_back(std::to_string(length.count) + (length.unit == catalog::TermUnit::days ? "d" : "m") +
                    (purchase.intro ? " intro" : ""));
  }
  return terms;
}

} // namespace

TEST_CASE("calendar months keep the anchor day and clamp to the month's last day")
{
  CHECK(add_months(2027_y / 1 / 31, 1) == 2027_y / 2 / 28);
  CHECK(add_months(2028_y / 1 / 31, 1) == 2028_y / 2 / 29);
  CHECK(add_months(2027_y / 1 / 31, 2) == 2027_y / 3 / 31);
  CHECK(add_months(2027_y / 1 / 31, 3) == 2027_y / 4 / 30);
  CHECK(add_months(2026_y / 11 / 29, 13) == 2027_y / 12 / 29);
  CHECK(add_months(2028_y / 2 / 29, 12) == 2029_y / 2 / 28);
}

TEST_CASE("a stay runs from the effective date for its days or calendar months")
{
  const StayDates ten_days = stay_dates({profile::StayUnit::days, 10}, 2026_y / 11 / 29);
  CHECK(ten_days.end == 2026_y / 12 / 9);
  CHECK(ten_days.days == 10);
  const StayDates year = stay_dates({profile::StayUnit::months, 12}, 2026_y / 11 / 29);
  CHECK(year.end == 2027_y / 11 / 29);
  CHECK(year.days == 365);
}

TEST_CASE("a 10-day stay buys one 10-day pass, or one whole 30-day term")
{
  profile::Needs needs = for_stay(profile::StayUnit::days, 10);
  needs.autopay = false;
  const StayCost pass = cost_of("passco-10-day", needs);
  CHECK(pass.total == 1200);
  CHECK(pass.per_month == 3600);
  CHECK(pass.per_day == 120);
  CHECK(pass.covered_until == 2026_y / 12 / 9);

  const StayCost month = cost_of("flexco-30", needs);
  CHECK(terms_bought(month) == std::vector<std::string>{"30d intro"});
  CHECK(month.total == 1500);
  CHECK(month.covered_until == 2026_y / 12 / 29);
}

TEST_CASE("an intro price ends mid-stay and AutoPay starts with the second term")
{
  profile::Needs needs = for_stay(profile::StayUnit::months, 12);
  const StayCost cost = cost_of("flexco-30", needs);
  // 13 x 30 days covers 365 days: 3 intro terms at $15, 10 at $30, $5 AutoPay from the 2nd term.
  REQUIRE(cost.purchases.size() == 13);
  CHECK(cost.purchases[0].intro);
  CHECK(cost.purchases[0].autopay_discount == 0);
  CHECK(cost.purchases[2].intro);
  CHECK(cost.purchases[2].autopay_discount == 500);
  CHECK_FALSE(cost.purchases[3].intro);
  CHECK(cost.purchases[3].price == 3000);
  CHECK(cost.total == 1500 + 2 * 1000 + 10 * 2500);
  CHECK(cost.per_month == 2375);

  needs.autopay = false;
  CHECK(cost_of("flexco-30", needs).total == 3 * 1500 + 10 * 3000);
}

TEST_CASE("twelve months bought upfront beat twelve monthly terms")
{
  const StayCost cost = cost_of("yearco-unlimited", for_stay(profile::StayUnit::months, 12));
  CHECK(terms_bought(cost) == std::vector<std::string>{"12m"});
  CHECK(cost.total == 24000);
  CHECK(cost.per_month == 2000);
}

TEST_CASE("a 13-month stay buys the cheapest mix of the plan's terms")
{
  const StayCost months = cost_of("yearco-unlimited", for_stay(profile::StayUnit::months, 13));
  CHECK(terms_bought(months) == std::vector<std::string>{"12m", "1m"});
  CHECK(months.total == 26500);
  CHECK(months.covered_until == 2027_y / 12 / 29);

  // 395 days on 30- and 360-day terms: 360 (intro) + 30 + 30, not 360 + 360 or 14 x 30.
  const StayCost days = cost_of("dayco-unlimited", for_stay(profile::StayUnit::months, 13));
  CHECK(terms_bought(days) == std::vector<std::string>{"360d intro", "30d", "30d"});
  CHECK(days.total == 15000 + 2500 + 2500);
}

TEST_CASE("an intro offer bought after its end date is not applied")
{
  const StayCost cost = cost_of("dayco-unlimited", for_stay(profile::StayUnit::months, 12), 2027_y / 1 / 5);
  CHECK(terms_bought(cost) == std::vector<std::string>{"360d", "30d"});
  CHECK(cost.total == 18000 + 2500);
}

TEST_CASE("a family of four pays the published four-line total, fees and estimated taxes")
{
  profile::Needs needs = for_stay(profile::StayUnit::months, 12);
  needs.lines = 4;
  const StayCost cost = cost_of("bigco-unlimited", needs);
  REQUIRE(cost.items.size() == 5);
  CHECK(cost.items[0].kind == CostKind::term);
  CHECK(cost.items[0].quantity == 12);
  CHECK(cost.items[0].amount == 12 * 20000);
  CHECK(cost.items[1].kind == CostKind::autopay_discount);
  CHECK(cost.items[1].amount == -12 * 4000);
  CHECK(cost.items[2].kind == CostKind::one_time_fee);
  CHECK(cost.items[2].amount == 4 * 3500);
  CHECK(cost.items[3].kind == CostKind::carrier_fee);
  CHECK(cost.items[3].amount == 12 * 4 * 399);
  CHECK(cost.items[4].kind == CostKind::taxes);
  CHECK(cost.items[4].base == 12 * 16000);
  CHECK(cost.items[4].amount == 12 * 4288);  // 26.8% of $160.00
  CHECK(cost.total == 276608);
  CHECK(cost.per_month == 23051);
  // Paid: activation and the first month on day one, then each month on the anchor day.
  REQUIRE(cost.payments.size() == 12);
  CHECK(cost.payments[0].date == 2026_y / 11 / 29);
  CHECK(cost.payments[0].amount == 14000 + 16000 + 4288 + 1596);
  CHECK(cost.payments[1].date == 2026_y / 12 / 29);
  CHECK(cost.payments[11].date == 2027_y / 10 / 29);
}

TEST_CASE("plans that cannot be priced for the lines have no cost")
{
  profile::Needs needs = for_stay(profile::StayUnit::months, 12);
  needs.lines = 5;  // BigCo's five-line price is not published
  CHECK_FALSE(cost_for_stay(*fixture().find_plan("bigco-unlimited"), needs, stay_dates(needs.stay, 2026_y / 11 / 29)));
  needs.lines = 2;  // FlexCo publishes no multi-line prices at all
  CHECK_FALSE(cost_for_stay(*fixture().find_plan("flexco-30"), needs, stay_dates(needs.stay, 2026_y / 11 / 29)));
  CHECK(cost_of("yearco-unlimited", needs).total == 2 * 24000);  // no multi-line discount: twice the price
}
