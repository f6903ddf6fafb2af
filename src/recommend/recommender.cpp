#include "simplan/recommend/recommender.hpp"

#include "simplan/catalog/plan_query.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>

// Hard needs are checked first and all of them, so `--show-excluded` can say every need a plan fails.
// Soft fit is priced "in the open": each shortfall becomes a FitNote with the penalty it adds, and the
// rank is total + penalties. Penalties scale with the stay's length in months (days / 30 for a stay
// given in days), as the costs do.

namespace simplan::recommend {
namespace {

using catalog::Plan;

FitNote note_of(FitKind kind, Cents penalty = 0)
{
  FitNote note;
  note.kind = kind;
  note.penalty = penalty;
  return note;
}

Exclusion ruled_out(ExclusionReason reason, Cents amount = 0)
{
  Exclusion exclusion;
  exclusion.reason = reason;
  exclusion.amount = amount;
  return exclusion;
}

Cents over_stay(Cents per_month, const MonthCount& months)
{
  return util::divide_rounded(per_month * months.numerator, months.denominator);
}

std::vector<Exclusion> hard_needs(const Plan& plan, const profile::Needs& needs)
{
  std::vector<Exclusion> failed;
  if (needs.no_credit_check && plan.requirements.credit_check) {
    failed.push_back(ruled_out(ExclusionReason::needs_credit_check));
  }
  if (needs.esim && plan.sim.esim == false) {
    failed.push_back(ruled_out(ExclusionReason::no_esim));
  } else if (needs.esim && !plan.sim.esim && !needs.include_unknown) {
    failed.push_back(ruled_out(ExclusionReason::esim_unknown));
  }
  if (needs.need_number && !plan.phone_number) {
    failed.push_back(ruled_out(ExclusionReason::no_phone_number));
  }
  if (!needs.has_ssn && plan.requirements.ssn == true) {
    failed.push_back(ruled_out(ExclusionReason::needs_ssn));
  }
  if (!needs.has_us_payment_card && plan.requirements.us_payment_card == true) {
    failed.push_back(ruled_out(ExclusionReason::needs_us_payment_card));
  }
  // The line count is priced by the cheapest-available term; a plan none of whose terms can be priced
  // for that many lines says why.
  bool priced = false;
  bool above_max = false;
  for (const catalog::Term& term : plan.terms) {
    const auto availability = catalog::line_availability(plan, term, needs.lines);
    priced = priced || availability == catalog::LineAvailability::available;
    above_max = above_max || availability == catalog::LineAvailability::above_max_lines;
  }
  if (!priced) {
    failed.push_back(ruled_out(above_max ? ExclusionReason::too_many_lines : ExclusionReason::lines_price_unpublished));
  }
  return failed;
}

// High-speed data per 30 days for a travel pass (its allowance is for the whole pass), else per period.
std::int64_t monthly_allowance(const Plan& plan, std::int64_t megabytes)
{
  if (plan.kind != catalog::PlanKind::travel) {
    return megabytes;
  }
  const int days = plan.terms.front().length.count;
  return megabytes * 30 / days;
}

std::vector<FitNote> soft_fit(const Plan& plan, const profile::Needs& needs, const StayDates& stay,
                              const FitWeights& weights)
{
  std::vector<FitNote> notes;
  if (needs.esim && needs.include_unknown && !plan.sim.esim) {
    notes.push_back(note_of(FitKind::esim_unknown));
  }
  // Unknown here passes the hard filter (most plans do not say, and most need neither), so it is said instead.
  if (!needs.has_ssn && !plan.requirements.ssn) {
    notes.push_back(note_of(FitKind::ssn_unknown));
  }
  if (!needs.has_us_payment_card && !plan.requirements.us_payment_card) {
    notes.push_back(note_of(FitKind::us_card_unknown));
  }
  const MonthCount months = months_of(stay);

  const catalog::Quantity& data = plan.data.high_speed;
  if (needs.data_mb > 0 && !data.unlimited) {
    const std::int64_t have = monthly_allowance(plan, data.amount);
    if (have < needs.data_mb) {
      FitNote note = note_of(FitKind::data_short);
      note.need_mb = needs.data_mb;
      note.have_mb = have;
      note.after_cap = plan.data.after_cap;
      const Cents per_gb = plan.data.after_cap == catalog::AfterCap::deprioritized ? weights.per_gb_short_deprioritized
                                                                                   : weights.per_gb_short_slowed;
      // Per line: every line is short by the same amount.
      note.penalty = over_stay(util::divide_rounded((needs.data_mb - have) * per_gb, 1000) * needs.lines, months);
      notes.push_back(note);
    }
  }
  if (needs.premium_data && plan.data.priority && *plan.data.priority != catalog::Priority::premium) {
    FitNote note = note_of(FitKind::data_priority);
    note.priority = plan.data.priority;
    note.penalty = over_stay(
      *plan.data.priority == catalog::Priority::deprioritized ? weights.deprioritized_data : weights.standard_data,
      months);
    notes.push_back(note);
  }
  if (needs.hotspot_mb > 0) {
    std::optional<std::int64_t> have;
    if (plan.hotspot) {
      have = plan.hotspot->high_speed.unlimited ? needs.hotspot_mb
                                                : monthly_allowance(plan, plan.hotspot->high_speed.amount);
    }
    if (!have || *have < needs.hotspot_mb) {
      FitNote note = note_of(FitKind::hotspot_short);
      note.need_mb = needs.hotspot_mb;
      note.have_mb = have;
      note.penalty = over_stay(
        util::divide_rounded((needs.hotspot_mb - have.value_or(0)) * weights.per_gb_hotspot_short, 1000) * needs.lines,
        months);
      notes.push_back(note);
    }
  }
  for (const std::string& country : needs.call_countries) {
    FitNote note = note_of(FitKind::calling_unknown);
    note.country = country;
    if (const catalog::Reach* reach = catalog::calling_reach(plan, country)) {
      if (reach->included == true) {
        note.kind = FitKind::calling_included;
      } else {
        note.kind = FitKind::calling_per_minute;
        note.rate = *reach->cents_per_minute;
        note.minutes = needs.call_minutes;
        note.penalty = over_stay(note.rate * note.minutes, months);
      }
    } else {
      note.penalty = over_stay(weights.calling_unknown, months);
    }
    notes.push_back(note);
  }
  if (!needs.networks.empty()) {
    if (plan.networks.empty()) {
      notes.push_back(note_of(FitKind::network_unknown, over_stay(weights.network_mismatch, months)));
    } else if (std::none_of(plan.networks.begin(), plan.networks.end(), [&](catalog::Network network) {
                 return std::find(needs.networks.begin(), needs.networks.end(), network) != needs.networks.end();
               })) {
      notes.push_back(note_of(FitKind::network_other, over_stay(weights.network_mismatch, months)));
    }
  }
  return notes;
}

} // namespace

bool is_unknown_fact(ExclusionReason reason)
{
  return reason == ExclusionReason::esim_unknown;
}

bool only_unknown_facts(const Candidate& candidate)
{
  return !candidate.exclusions.empty() && std::all_of(candidate.exclusions.begin(), candidate.exclusions.end(),
                                                      [](const Exclusion& e) { return is_unknown_fact(e.reason); });
}

Candidate evaluate(const catalog::Catalog& catalog, const Plan& plan, const profile::Needs& needs,
                   const StayDates& stay, const FitWeights& weights)
{
  Candidate candidate;
  candidate.plan = &plan;
  candidate.carrier = catalog.find_carrier(plan.carrier);
  candidate.exclusions = hard_needs(plan, needs);
  candidate.cost = cost_for_stay(plan, needs, stay);
  candidate.fit = soft_fit(plan, needs, stay, weights);
  if (candidate.cost) {
    candidate.score = candidate.cost->total;
    for (const FitNote& note : candidate.fit) {
      candidate.score += note.penalty;
    }
    if (needs.budget && candidate.cost->per_month > *needs.budget) {
      candidate.exclusions.push_back(ruled_out(ExclusionReason::over_budget, candidate.cost->per_month));
    }
  }
  return candidate;
}

namespace {

Cents total_or_max(const Candidate& candidate)
{
  return candidate.cost ? candidate.cost->total : std::numeric_limits<Cents>::max();
}

// Equal scores: the lower total, then more high-speed data (unlimited first), then the plan id. Ids are
// unique in a catalog, so this is a total order and a bounded heap keeps what a full sort would put first.
bool ranks_before(const Candidate& a, const Candidate& b)
{
  const auto more_data = [](const Candidate& candidate) {
    const catalog::Quantity& data = candidate.plan->data.high_speed;
    return std::pair{!data.unlimited, data.unlimited ? 0 : -data.amount};
  };
  return std::tuple{a.score, total_or_max(a), more_data(a), std::string_view{a.plan->id}} <
         std::tuple{b.score, total_or_max(b), more_data(b), std::string_view{b.plan->id}};
}

bool nearer(const Candidate& a, const Candidate& b)
{
  return std::tuple{a.exclusions.size(), total_or_max(a), std::string_view{a.plan->id}} <
         std::tuple{b.exclusions.size(), total_or_max(b), std::string_view{b.plan->id}};
}

// Adds to a max-heap of at most `limit` candidates: the worst of them is at the front, and is the one that
// goes when a better candidate comes.
template <typename Before>
void keep_best(std::vector<Candidate>& heap, std::size_t limit, Candidate&& candidate, Before before)
{
  if (heap.size() < limit) {
    heap.push_back(std::move(candidate));
    std::push_heap(heap.begin(), heap.end(), before);
  } else if (limit > 0 && before(candidate, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), before);
    heap.back() = std::move(candidate);
    std::push_heap(heap.begin(), heap.end(), before);
  }
}

} // namespace

Ranking::Ranking(const profile::Needs& needs, date::year_month_day start, std::size_t keep_ranked,
                 std::size_t keep_excluded, const FitWeights& weights)
  : m_needs(&needs), m_weights(weights), m_keep_ranked(keep_ranked), m_keep_excluded(keep_excluded)
{
  m_result.stay = stay_dates(needs.stay, start);
}

void Ranking::add(const catalog::Catalog& catalog, const Plan& plan)
{
  keep(evaluate(catalog, plan, *m_needs, m_result.stay, m_weights));
}

void Ranking::add(const catalog::Catalog& catalog, Plan&& plan)
{
  auto owned = std::make_shared<const Plan>(std::move(plan));
  Candidate candidate = evaluate(catalog, *owned, *m_needs, m_result.stay, m_weights);
  candidate.owned_plan = std::move(owned);
  keep(std::move(candidate));
}

void Ranking::keep(Candidate candidate)
{
  if (candidate.exclusions.empty()) {
    ++m_result.ranked_count;
    keep_best(m_result.ranked, m_keep_ranked, std::move(candidate), ranks_before);
  } else {
    ++m_result.excluded_count;
    m_result.excluded_unknown_count += only_unknown_facts(candidate) ? 1 : 0;
    keep_best(m_result.excluded, m_keep_excluded, std::move(candidate), nearer);
  }
}

Recommendations Ranking::finish() &&
{
  std::sort_heap(m_result.ranked.begin(), m_result.ranked.end(), ranks_before);
  std::sort_heap(m_result.excluded.begin(), m_result.excluded.end(), nearer);
  return std::move(m_result);
}

Recommendations recommend(const catalog::Catalog& catalog, const profile::Needs& needs, date::year_month_day start,
                          const FitWeights& weights)
{
  const std::size_t all = catalog.plans.size();
  Ranking ranking{needs, start, all, all, weights};
  for (const Plan& plan : catalog.plans) {
    ranking.add(catalog, plan);
  }
  return std::move(ranking).finish();
}

} // namespace simplan::recommend
