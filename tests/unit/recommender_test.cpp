// Hand-computed scenarios on tests/data/catalogs/recommend.json, asserted to the cent.

#include "simplan/catalog/loader.hpp"
#include "simplan/recommend/recommender.hpp"

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

struct Ranked {
  std::string id;
  Cents total;
  Cents score;
  friend bool operator==(const Ranked&, const Ranked&) = default;
};

std::ostream& operator<<(std::ostream& out, const Ranked& ranked)
{
  return out << ranked.id << " total " << ranked.total << " score " << ranked.score;
}

std::vector<Ranked> ranking(const Recommendations& result)
{
  std::vector<Ranked> out;
  for (const auto& candidate : result.ranked) {
    out.push_back({candidate.plan->id, candidate.cost->total, candidate.score});
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<ExclusionReason>>> exclusions(const Recommendations& result)
{
  std::vector<std::pair<std::string, std::vector<ExclusionReason>>> out;
  for (const auto& candidate : result.excluded) {
    std::vector<ExclusionReason> reasons;
    for (const auto& exclusion : candidate.exclusions) {
      reasons.push_back(exclusion.reason);
    }
    out.emplace_back(candidate.plan->id, reasons);
  }
  return out;
}

profile::Needs tourist_for_ten_days()
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::days, 10};
  needs.data_mb = 10000;
  needs.esim = true;
  needs.no_credit_check = true;
  needs.has_ssn = false;
  needs.has_us_payment_card = false;
  needs.autopay = false;
  return needs;
}

using Reasons = std::vector<std::pair<std::string, std::vector<ExclusionReason>>>;

} // namespace

TEST_CASE("a 10-day tourist gets the travel pass first, and credit-check and data-only plans are ruled out")
{
  const Recommendations result = recommend::recommend(fixture(), tourist_for_ten_days(), 2026_y / 11 / 29);
  CHECK(ranking(result) == std::vector<Ranked>{{"passco-10-day", 1200, 1200},
                                               {"flexco-30", 1500, 1500},
                                               {"yearco-unlimited", 2500, 2500},
                                               {"slowco-basic", 4000, 4000},
                                               {"fastco-premium", 6000, 6000}});
  CHECK(exclusions(result) == Reasons{{"airco-data", {ExclusionReason::no_phone_number}},
                                      {"dayco-unlimited", {ExclusionReason::esim_unknown}},
                                      {"bigco-unlimited", {ExclusionReason::needs_credit_check}}});
}

TEST_CASE("a person without an SSN or a US card is told where the catalog does not say whether a plan needs one")
{
  const auto unknowns = [](const Recommendations& result) {
    std::vector<std::pair<std::string, std::vector<FitKind>>> out;
    for (const auto& candidate : result.ranked) {
      std::vector<FitKind> kinds;
      for (const FitNote& note : candidate.fit) {
        if (note.kind == FitKind::ssn_unknown || note.kind == FitKind::us_card_unknown) {
          kinds.push_back(note.kind);
          CHECK(note.penalty == 0);
        }
      }
      out.emplace_back(candidate.plan->id, kinds);
    }
    return out;
  };
  profile::Needs needs = tourist_for_ten_days();
  using Unknowns = std::vector<std::pair<std::string, std::vector<FitKind>>>;
  CHECK(unknowns(recommend::recommend(fixture(), needs, 2026_y / 11 / 29)) ==
        Unknowns{{"passco-10-day", {}},
                 {"flexco-30", {FitKind::us_card_unknown}},
                 {"yearco-unlimited", {}},
                 {"slowco-basic", {FitKind::ssn_unknown, FitKind::us_card_unknown}},
                 {"fastco-premium", {FitKind::ssn_unknown, FitKind::us_card_unknown}}});
  needs.has_ssn = true;
  needs.has_us_payment_card = true;
  CHECK(unknowns(recommend::recommend(fixture(), needs, 2026_y / 11 / 29)) ==
        Unknowns{{"passco-10-day", {}}, {"flexco-30", {}}, {"yearco-unlimited", {}}, {"slowco-basic", {}}, {"fastco-premium", {}}});
}

TEST_CASE("a 12-month student: upfront terms and an intro price beat paying monthly")
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::months, 12};
  needs.data_mb = 15000;
  needs.no_credit_check = true;
  const Recommendations result = recommend::recommend(fixture(), needs, 2026_y / 11 / 29);
  CHECK(ranking(result) == std::vector<Ranked>{{"dayco-unlimited", 17500, 17500},
                                               {"yearco-unlimited", 24000, 24000},
                                               {"flexco-30", 28500, 28500},
                                               {"passco-10-day", 44400, 44400},
                                               {"slowco-basic", 48000, 48000},
                                               {"fastco-premium", 72000, 72000}});
}

TEST_CASE("a family of four is priced per line, and plans without a four-line price are ruled out")
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::months, 12};
  needs.lines = 4;
  needs.data_mb = 10000;
  const Recommendations result = recommend::recommend(fixture(), needs, 2026_y / 11 / 29);
  CHECK(ranking(result) == std::vector<Ranked>{{"yearco-unlimited", 96000, 96000},
                                               {"passco-10-day", 177600, 177600},
                                               {"bigco-unlimited", 276608, 276608}});
  CHECK(exclusions(result) == Reasons{{"airco-data", {ExclusionReason::no_phone_number}},
                                      {"dayco-unlimited", {ExclusionReason::lines_price_unpublished}},
                                      {"fastco-premium", {ExclusionReason::lines_price_unpublished}},
                                      {"flexco-30", {ExclusionReason::lines_price_unpublished}},
                                      {"slowco-basic", {ExclusionReason::lines_price_unpublished}}});
  needs.lines = 6;
  const auto six = recommend::recommend(fixture(), needs, 2026_y / 11 / 29);
  const auto big = std::find_if(six.excluded.begin(), six.excluded.end(),
                                [](const Candidate& c) { return c.plan->id == "bigco-unlimited"; });
  REQUIRE(big != six.excluded.end());
  CHECK(big->exclusions.front().reason == ExclusionReason::too_many_lines);
}

TEST_CASE("a heavy-data user ranks premium data above a cheaper deprioritized plan")
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::months, 12};
  needs.data_mb = 100000;
  needs.hotspot_mb = 50000;
  needs.premium_data = true;
  const Recommendations result = recommend::recommend(fixture(), needs, 2026_y / 11 / 29);
  REQUIRE(result.ranked.size() >= 3);
  CHECK(ranking(result)[0] == Ranked{"fastco-premium", 72000, 72000});
  CHECK(ranking(result)[1] == Ranked{"slowco-basic", 48000, 48000 + 12 * 2500});
  CHECK(ranking(result)[2] == Ranked{"bigco-unlimited", 114800, 114800});
  const Candidate& slow = result.ranked[1];
  REQUIRE(slow.fit.size() == 1);
  CHECK(slow.fit[0].kind == FitKind::data_priority);
  CHECK(slow.fit[0].penalty == 30000);

  const auto yearco = std::find_if(result.ranked.begin(), result.ranked.end(),
                                   [](const Candidate& c) { return c.plan->id == "yearco-unlimited"; });
  REQUIRE(yearco != result.ranked.end());
  REQUIRE(yearco->fit.size() == 2);
  CHECK(yearco->fit[1].kind == FitKind::hotspot_short);
  CHECK_FALSE(yearco->fit[1].have_mb);  // unknown, shown as unknown
  CHECK(yearco->fit[1].penalty == 12 * 50 * 500);
}

TEST_CASE("data below the need is priced into the rank, by what happens after the cap")
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::months, 1};
  needs.data_mb = 25000;
  const auto stay = stay_dates(needs.stay, 2026_y / 11 / 29);
  const Candidate flex = evaluate(fixture(), *fixture().find_plan("flexco-30"), needs, stay);
  REQUIRE(flex.fit.size() == 1);
  CHECK(flex.fit[0].kind == FitKind::data_short);
  CHECK(flex.fit[0].have_mb == 15000);
  CHECK(flex.fit[0].penalty == 10 * 1000);  // 10 GB short, then slowed: $10 a GB
  const Candidate pass = evaluate(fixture(), *fixture().find_plan("passco-10-day"), needs, stay);
  CHECK(pass.fit.empty());  // 20 GB per 10 days is 60 GB a month
}

TEST_CASE("calling abroad: included, priced per minute, or unknown, never assumed")
{
  profile::Needs needs = needs_taxed_at_26_8();
  needs.stay = {profile::StayUnit::months, 2};
  needs.call_countries = {"CN", "MX"};
  needs.call_minutes = 100;
  const auto stay = stay_dates(needs.stay, 2026_y / 11 / 29);
  const Candidate flex = evaluate(fixture(), *fixture().find_plan("flexco-30"), needs, stay);
  REQUIRE(flex.fit.size() == 2);
  CHECK(flex.fit[0].kind == FitKind::calling_per_minute);
  CHECK(flex.fit[0].penalty == 2 * 100 * 5);
  CHECK(flex.fit[1].kind == FitKind::calling_unknown);
  CHECK(flex.fit[1].penalty == 2 * 1000);
  const Candidate big = evaluate(fixture(), *fixture().find_plan("bigco-unlimited"), needs, stay);
  CHECK(big.fit[0].kind == FitKind::calling_unknown);
  CHECK(big.fit[1].kind == FitKind::calling_included);
  CHECK(big.fit[1].penalty == 0);
}

TEST_CASE("a budget nothing meets leaves no recommendation and the nearest plans with their reasons")
{
  profile::Needs needs = tourist_for_ten_days();
  needs.budget = 500;
  const Recommendations result = recommend::recommend(fixture(), needs, 2026_y / 11 / 29);
  CHECK(result.ranked.empty());
  CHECK(exclusions(result) ==
        Reasons{{"passco-10-day", {ExclusionReason::over_budget}},
                {"flexco-30", {ExclusionReason::over_budget}},
                {"yearco-unlimited", {ExclusionReason::over_budget}},
                {"slowco-basic", {ExclusionReason::over_budget}},
                {"fastco-premium", {ExclusionReason::over_budget}},
                {"airco-data", {ExclusionReason::no_phone_number, ExclusionReason::over_budget}},
                {"dayco-unlimited", {ExclusionReason::esim_unknown, ExclusionReason::over_budget}},
                {"bigco-unlimited", {ExclusionReason::needs_credit_check, ExclusionReason::over_budget}}});
  CHECK(result.excluded.front().exclusions.front().amount == 3600);
}

TEST_CASE("the same inputs always give the same ranking")
{
  const auto first = ranking(recommend::recommend(fixture(), tourist_for_ten_days(), 2026_y / 11 / 29));
  for (int i = 0; i < 3; ++i) {
    CHECK(ranking(recommend::recommend(fixture(), tourist_for_ten_days(), 2026_y / 11 / 29)) == first);
  }
}

TEST_CASE("a ranking that keeps only a few plans keeps exactly the ones the full ranking lists first")
{
  for (const profile::Needs& needs : {tourist_for_ten_days(), needs_taxed_at_26_8()}) {
    const Recommendations full = recommend::recommend(fixture(), needs, 2026_y / 12 / 1);
    REQUIRE(full.ranked.size() >= 3);
    REQUIRE(full.excluded.size() >= 1);
    for (const std::size_t keep : {std::size_t{0}, std::size_t{1}, std::size_t{2}, full.ranked.size() + 5}) {
      Ranking bounded{needs, 2026_y / 12 / 1, keep, keep};
      for (const catalog::Plan& plan : fixture().plans) {
        bounded.add(fixture(), catalog::Plan{plan});  // owned, as a streamed plan is
      }
      const Recommendations kept = std::move(bounded).finish();
      const auto first = [keep](auto items) {
        items.resize(std::min(keep, items.size()));
        return items;
      };
      CHECK(kept.ranked_count == full.ranked.size());
      CHECK(kept.excluded_count == full.excluded.size());
      CHECK(ranking(kept) == first(ranking(full)));
      CHECK(exclusions(kept) == first(exclusions(full)));
    }
  }
}
