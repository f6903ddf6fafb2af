#include "simplan/data/builtin_data.hpp"
#include "simplan/tax/tax_table.hpp"
#include "simplan/tax/term_extras.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace simplan;

namespace {

std::vector<std::string> problems_in(const std::string& json)
{
  std::vector<std::string> messages;
  for (const auto& problem : tax::load_tax_table(json, "taxes.json").problems) {
    messages.push_back(util::format_diagnostic(problem));
  }
  return messages;
}

const std::string k_sources = R"("sources": [{"id": "tf", "title": "T", "url": "https://example.org", "checked": "2026-12-04"}])";
const std::string k_national = R"("national": {"state_local_percent": 14.25, "federal_usf_percent": 13.36, "source": "tf"})";
const std::string k_bundled = R"("bundled": {"voice_percent": 25.4, "bundled_percent": 12.1, "source": "tf"})";

std::string table_with(const std::string& states)
{
  return "{\"schema_version\": 1, " + k_sources + ", " + k_national + ", " + k_bundled + ", \"states\": [" + states + "]}";
}

} // namespace

TEST_CASE("the built-in tax table loads, covers every state, DC and Puerto Rico, and sources every row")
{
  const auto loaded = tax::load_tax_table(data::builtin_taxes_json(), "data/taxes.json");
  REQUIRE(loaded.problems.empty());
  CHECK(loaded.table.states.size() == 52);
  CHECK(loaded.table.find_state("DC") != nullptr);
  // No current state-local rate for Puerto Rico: its bills use the national one (docs/taxes.md).
  REQUIRE(loaded.table.find_state("PR") != nullptr);
  CHECK(!loaded.table.find_state("PR")->state_local);
  for (const auto& row : loaded.table.states) {
    CAPTURE(row.code);
    CHECK(loaded.table.find_source(row.source) != nullptr);
    CHECK(row.federal_usf > 0);
  }
}

TEST_CASE("the tax table compiled into simplan is the one data/taxes.json holds, field for field")
{
  const auto loaded = tax::load_tax_table(data::builtin_taxes_json(), "data/taxes.json");
  REQUIRE(loaded.problems.empty());
  CHECK(data::builtin_tax_table() == loaded.table);
}

TEST_CASE("bill rates are the state's voice rate on the taxable share of a bundle, to the part per million")
{
  const auto loaded = tax::load_tax_table(
    table_with(R"({"code": "WA", "name": "Washington", "state_local_percent": 21.62, "federal_usf_percent": 13.36, "source": "tf",
                   "prepaid": {"percent": 6.5, "cents_per_purchase": 95, "sales_tax": true, "sources": ["tf"]}},
                  {"code": "NY", "name": "New York", "federal_usf_percent": 13.36, "source": "tf",
                   "prepaid": {"cents_per_purchase": 90, "sales_tax": false, "sources": ["tf"]}})"),
    "taxes.json");
  REQUIRE(loaded.problems.empty());
  // 34.98% x 12.1 / 25.4 = 16.66370...%; 27.61% x 12.1 / 25.4 = 13.15279...%
  const tax::TaxRates wa = tax::rates_for(loaded.table, "WA");
  CHECK(wa.bill == tax::Levy{tax::Treatment::postpaid_bill, 166'637, 0});
  CHECK(wa.sale == tax::Levy{tax::Treatment::prepaid_sale, 65'000, 95});
  CHECK_FALSE(wa.bill_from_national);
  const tax::TaxRates ny = tax::rates_for(loaded.table, "NY");
  CHECK(ny.bill_from_national);
  CHECK(ny.bill == tax::Levy{tax::Treatment::postpaid_bill, 131'528, 0});
  CHECK(ny.sale == tax::Levy{tax::Treatment::prepaid_estimate, 131'528, 0});  // the 911 fee alone would understate
  const tax::TaxRates national = tax::rates_for(loaded.table, "");
  CHECK(national.basis == tax::RateBasis::national_average);
  CHECK(national.sale == tax::Levy{tax::Treatment::prepaid_estimate, 131'528, 0});
  // $45.00 at 6.5% is $2.925, rounded half away from zero, plus the fee once a purchase.
  CHECK(tax::levy_on(wa.sale, 4500, 1) == 293 + 95);
}

TEST_CASE("a broken tax table is reported with the JSON path of each problem")
{
  CHECK(problems_in(table_with(R"({"code": "ny", "name": "New York", "state_local_percent": 101, "federal_usf_percent": 13.36, "source": "tff",
                                   "prepaid": {"percent": 4, "sources": ["nope"]}})")) ==
        std::vector<std::string>{
          "taxes.json: /states/0/code: expected a two-letter code in capitals such as \"NY\", got \"ny\"",
          "taxes.json: /states/0/state_local_percent: expected a percentage from 0 to 100 with at most four decimals, got the number 101",
          "taxes.json: /states/0/source: no source with id \"tff\" in /sources",
          "taxes.json: /states/0/prepaid: missing required field \"sales_tax\"",
          "taxes.json: /states/0/prepaid/sources/0: expected the id of a source in /sources"});
}

TEST_CASE("a term's extras are its taxes on the price and the carrier fee for each line and month")
{
  catalog::Plan plan;
  plan.kind = catalog::PlanKind::prepaid;
  plan.taxes_and_fees.carrier_fee = catalog::CarrierFee{"Recovery Fee", 188, 229};
  tax::TaxRates rates = tax::given_rate(65'000);
  rates.sale = {tax::Treatment::prepaid_sale, 65'000, 95};

  // 90 days are 3 months of the fee; 6.5% of $120.00 is $7.80, plus $0.95 for the purchase.
  const auto ninety_days = tax::term_extras(plan, 12'000, {catalog::TermUnit::days, 90}, 1, rates);
  CHECK(ninety_days.taxes == 875);
  CHECK(ninety_days.carrier_fees == 564);
  CHECK(ninety_days.fee_range);
  CHECK(ninety_days.total() == 1439);
  // Two lines for 7 days: 2 x $1.88 x 7 / 30 = $0.8773, rounded; 6.5% of $9.99 = $0.649 -> $0.65 + $0.95.
  const auto week = tax::term_extras(plan, 999, {catalog::TermUnit::days, 7}, 2, rates);
  CHECK(week.carrier_fees == 88);
  CHECK(week.taxes == 160);
  // A postpaid plan pays the bill rate; a month of two lines pays the fee twice.
  plan.kind = catalog::PlanKind::postpaid;
  const auto month = tax::term_extras(plan, 7'000, {catalog::TermUnit::months, 1}, 2, rates);
  CHECK(month.taxes == 455);
  CHECK(month.carrier_fees == 376);
  // Prices that include taxes and fees have no extras.
  plan.taxes_and_fees.taxes_included = true;
  plan.taxes_and_fees.fees_included = true;
  CHECK(tax::term_extras(plan, 7'000, {catalog::TermUnit::months, 12}, 1, rates).total() == 0);
}
