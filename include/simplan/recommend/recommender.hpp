#pragma once
// Ranks the catalog's plans for a person's needs (docs/recommend.md). Hard needs exclude a plan; soft fit
// adds an open penalty to its rank; the rank is by total cost plus penalties. Pure and deterministic.

#include "simplan/catalog/catalog.hpp"
#include "simplan/profile/profile.hpp"
#include "simplan/recommend/stay_cost.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simplan::recommend {

/// A hard need a plan fails.
enum class ExclusionReason {
  needs_credit_check,      ///< the person cannot pass a credit check
  esim_unknown,            ///< the person needs eSIM; the catalog does not say the plan offers it
  no_esim,                 ///< the person needs eSIM; the plan has none
  no_phone_number,         ///< data-only, but the person needs a number
  needs_ssn,               ///< the plan needs a US SSN the person does not have
  needs_us_payment_card,   ///< the plan needs a US card the person does not have
  too_many_lines,          ///< more lines than the plan allows
  lines_price_unpublished, ///< the price for that many lines is not published
  over_budget,             ///< costs more per month than the budget
};

/// True for a reason that is a missing fact, not a known one ("eSIM not known to be offered").
bool is_unknown_fact(ExclusionReason reason);

struct Exclusion {
  ExclusionReason reason = ExclusionReason::needs_credit_check;
  Cents amount = 0;  ///< over_budget: the plan's cost per month
};

/// Why a plan ranks lower than its price alone: a soft need it meets only partly.
enum class FitKind {
  data_short,        ///< less high-speed data than needed
  data_priority,     ///< data is not premium, for a person who needs premium data
  hotspot_short,     ///< less hotspot than needed (or unknown)
  calling_included,  ///< calls to a country are included (no penalty)
  calling_per_minute,///< calls to a country cost a known rate
  calling_unknown,   ///< the catalog does not say
  network_other,     ///< not on a preferred network
  network_unknown,   ///< the plan's network is not known
  esim_unknown,      ///< kept by include_unknown: the catalog does not say the plan offers eSIM (no penalty)
  ssn_unknown,       ///< a person without an SSN; the catalog does not say whether the plan needs one (no penalty)
  us_card_unknown,   ///< a person without a US card; the catalog does not say whether paying needs one (no penalty)
};

struct FitNote {
  FitKind kind = FitKind::data_short;
  Cents penalty = 0;  ///< added to the total for ranking, over the whole stay
  std::int64_t need_mb = 0;
  std::optional<std::int64_t> have_mb;  ///< per month (for a pass: scaled to 30 days); nullopt: unknown
  std::optional<catalog::AfterCap> after_cap;
  std::optional<catalog::Priority> priority;
  std::string country;
  Cents rate = 0;   ///< calling_per_minute: cents per minute
  int minutes = 0;  ///< calling_per_minute: minutes a month assumed
};

/// The weights that turn soft-fit shortfalls into rank penalties (cents per month unless noted). They are
/// ranking weights, not prices: docs/recommend.md explains each.
struct FitWeights {
  Cents per_gb_short_slowed = 1000;        ///< per GB short per month, when data slows or stops after the cap
  Cents per_gb_short_deprioritized = 100;  ///< per GB short per month, when only priority drops after the cap
  Cents deprioritized_data = 2500;         ///< premium-data need, plan deprioritized
  Cents standard_data = 1000;              ///< premium-data need, plan at standard priority
  Cents per_gb_hotspot_short = 500;        ///< per GB of hotspot short per month
  Cents calling_unknown = 1000;            ///< per country per month
  Cents network_mismatch = 500;            ///< per month
};

struct Candidate {
  const catalog::Plan* plan = nullptr;
  std::shared_ptr<const catalog::Plan> owned_plan;  ///< set when the candidate owns its plan (a streamed catalog)
  const catalog::Carrier* carrier = nullptr;
  std::optional<StayCost> cost;         ///< absent when the plan cannot be priced for the lines
  std::vector<Exclusion> exclusions;    ///< empty: the plan is recommendable
  std::vector<FitNote> fit;
  Cents score = 0;  ///< total + penalties
};

struct Recommendations {
  StayDates stay;
  std::vector<Candidate> ranked;    ///< the plans that meet the hard needs, best first (all, unless a Ranking kept fewer)
  std::size_t ranked_count = 0;     ///< how many plans meet the hard needs
  std::vector<Candidate> excluded;  ///< the rest, nearest first (fewest failed needs, then cost, then id)
  std::size_t excluded_count = 0;   ///< how many plans a hard need rules out
  std::size_t excluded_unknown_count = 0;  ///< of those, how many only because a fact is unknown
};

/// True when every need that rules the candidate out is a fact the catalog does not know.
bool only_unknown_facts(const Candidate& candidate);

/// Ranks by score, then total, then more high-speed data (unlimited first), then plan id.
Recommendations recommend(const catalog::Catalog& catalog, const profile::Needs& needs, date::year_month_day start,
                          const FitWeights& weights = {});

/// recommend() for plans given one at a time: keeps only the best `keep_ranked` plans that meet the hard
/// needs and the nearest `keep_excluded` of the rest (a bounded heap each), so ranking a catalog of any size
/// holds only what will be shown. The kept plans are exactly the first ones recommend() would list.
class Ranking {
public:
  Ranking(const profile::Needs& needs, date::year_month_day start, std::size_t keep_ranked, std::size_t keep_excluded,
          const FitWeights& weights = {});

  /// Evaluates a plan that outlives the result (one of a catalog held in memory).
  void add(const catalog::Catalog& catalog, const catalog::Plan& plan);
  /// Evaluates a plan, which the result owns if it is kept (one streamed from a file).
  void add(const catalog::Catalog& catalog, catalog::Plan&& plan);

  Recommendations finish() &&;

private:
  void keep(Candidate candidate);

  const profile::Needs* m_needs;
  FitWeights m_weights;
  std::size_t m_keep_ranked;
  std::size_t m_keep_excluded;
  Recommendations m_result;  // ranked and excluded are heaps, the worst kept first, until finish()
};

/// Evaluates one plan the way recommend() does (for compare and --why-not).
Candidate evaluate(const catalog::Catalog& catalog, const catalog::Plan& plan, const profile::Needs& needs,
                   const StayDates& stay, const FitWeights& weights = {});

} // namespace simplan::recommend
