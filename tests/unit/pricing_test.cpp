#include "simplan/catalog/loader.hpp"
#include "simplan/catalog/pricing.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace simplan;
using namespace simplan::catalog;

namespace {

const Catalog& fixture()
{
  static const Catalog loaded = load_catalog(testing::read_test_file("catalogs/small.json"), "small.json").catalog;
  return loaded;
}

const Plan& plan(std::string_view id)
{
  return *fixture().find_plan(id);
}

} // namespace

TEST_CASE("line prices come from the published totals, or each line pays without a multi-line discount")
{
  const Plan& postpaid = plan("acme-unlimited");
  const Term& month = postpaid.terms.at(0);
  CHECK(term_price_for_lines(postpaid, month, 1) == 8000);
  CHECK(term_price_for_lines(postpaid, month, 3) == 18000);
  CHECK(line_availability(postpaid, month, 4) == LineAvailability::price_unpublished);
  CHECK(line_availability(postpaid, month, 5) == LineAvailability::above_max_lines);
  CHECK_FALSE(term_price_for_lines(postpaid, month, 4));

  const Plan& flex = plan("beta-flex");
  CHECK(term_price_for_lines(flex, flex.terms.at(1), 3) == 108000);

  const Plan& prepaid = plan("acme-prepaid-15");  // multi-line pricing unknown
  CHECK(term_price_for_lines(prepaid, prepaid.terms.at(0), 1) == 4000);
  CHECK(line_availability(prepaid, prepaid.terms.at(0), 2) == LineAvailability::price_unpublished);
}

TEST_CASE("the AutoPay discount is per line unless the plan says per account")
{
  CHECK(autopay_discount_for_lines(plan("acme-unlimited"), 3) == 3000);
  CHECK(autopay_discount_for_lines(plan("beta-flex"), 3) == 0);
  Plan account = plan("acme-unlimited");
  account.autopay->per = Per::account;
  CHECK(autopay_discount_for_lines(account, 3) == 1000);
  Plan capped = plan("acme-unlimited");
  capped.autopay->max_lines = 2;
  CHECK(autopay_discount_for_lines(capped, 3) == 2000);
}

TEST_CASE("monthly prices scale day terms to 30 days and divide month terms")
{
  CHECK(monthly_equivalent(24000, {TermUnit::days, 360}) == 2000);
  CHECK(monthly_equivalent(12000, {TermUnit::days, 90}) == 4000);
  CHECK(monthly_equivalent(27500, {TermUnit::months, 12}) == 2292);
  CHECK(monthly_equivalent(2500, {TermUnit::days, 7}) == 10714);
}

TEST_CASE("the best term is the one with the lowest monthly price")
{
  const auto flex = best_term(plan("beta-flex"), 1, true);
  REQUIRE(flex);
  CHECK(flex->term->length.count == 360);
  CHECK(flex->price == 36000);
  CHECK(flex->comparable == 3000);

  const auto postpaid = best_term(plan("acme-unlimited"), 2, true);
  REQUIRE(postpaid);
  CHECK(postpaid->price == 12000);  // 14000 - 2 x 1000
  CHECK(best_term(plan("acme-unlimited"), 2, false)->price == 14000);

  const auto pass = best_term(plan("acme-pass-7"), 2, true);
  REQUIRE(pass);
  CHECK(pass->price == 5000);       // two passes
  CHECK(pass->comparable == 5000);  // a pass compares by its price, not per month
  CHECK_FALSE(best_term(plan("acme-unlimited"), 4, true));
}
