#include "simplan/catalog/plan_query.hpp"

#include "simplan/util/text.hpp"

#include <algorithm>
#include <tuple>

namespace simplan::catalog {
namespace {

bool has_quantity_at_least(const Quantity& quantity, std::int64_t minimum)
{
  return quantity.unlimited || quantity.amount >= minimum;
}

bool passes(const Plan& plan, const PlanQuery& query, const PlanMatch& match)
{
  const auto contains = [](const auto& list, const auto& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (!query.kinds.empty() && !contains(query.kinds, plan.kind)) {
    return false;
  }
  if (!query.carrier_ids.empty() && !contains(query.carrier_ids, plan.carrier)) {
    return false;
  }
  if (!query.networks.empty() && std::none_of(plan.networks.begin(), plan.networks.end(), [&](Network network) {
        return contains(query.networks, network);
      })) {
    return false;
  }
  if (query.esim && plan.sim.esim != true) {
    return false;
  }
  if (query.no_credit_check && plan.requirements.credit_check) {
    return false;
  }
  if (query.max_price && match.comparable_with_extras() > *query.max_price) {
    return false;
  }
  if (query.min_data_mb && !has_quantity_at_least(plan.data.high_speed, *query.min_data_mb)) {
    return false;
  }
  if (query.min_hotspot_mb && (!plan.hotspot || !has_quantity_at_least(plan.hotspot->high_speed, *query.min_hotspot_mb))) {
    return false;
  }
  return std::all_of(query.calling_to.begin(), query.calling_to.end(),
                     [&](const std::string& country) { return calling_reach(plan, country) != nullptr; });
}

// Larger is more data: unlimited above any amount, then the better priority.
auto data_rank(const Plan& plan)
{
  const Quantity& data = plan.data.high_speed;
  const int priority = plan.data.priority ? 2 - static_cast<int>(*plan.data.priority) : -1;
  return std::tuple{data.unlimited, data.unlimited ? 0 : data.amount, priority};
}

std::string carrier_name(const PlanMatch& match)
{
  return util::to_lower_ascii(match.carrier != nullptr ? match.carrier->name : match.plan->carrier);
}

// A total order (the plan id breaks ties), so a bounded heap keeps exactly the first plans of the full list.
bool listed_before(const PlanMatch& a, const PlanMatch& b, PlanSort sort)
{
  switch (sort) {
  case PlanSort::price:
    return std::pair{a.comparable_with_extras(), std::string_view{a.plan->id}} <
           std::pair{b.comparable_with_extras(), std::string_view{b.plan->id}};
  case PlanSort::data: {
    const auto rank_a = data_rank(*a.plan);
    const auto rank_b = data_rank(*b.plan);
    if (rank_a != rank_b) {
      return rank_a > rank_b;
    }
    return std::pair{a.comparable_with_extras(), std::string_view{a.plan->id}} <
           std::pair{b.comparable_with_extras(), std::string_view{b.plan->id}};
  }
  case PlanSort::name: {
    const auto key_a = std::tuple{carrier_name(a), util::to_lower_ascii(a.plan->name), a.plan->id};
    const auto key_b = std::tuple{carrier_name(b), util::to_lower_ascii(b.plan->name), b.plan->id};
    return key_a < key_b;
  }
  }
  return false;
}

// The plan's match with its best term, or nothing when it has no price for the lines asked for.
std::optional<PlanMatch> quoted(const Catalog& catalog, const Plan& plan, const PlanQuery& query)
{
  const auto quote = best_term(plan, query.lines, query.autopay);
  if (!quote) {
    return std::nullopt;
  }
  PlanMatch match{&plan, catalog.find_carrier(plan.carrier), *quote, std::nullopt, nullptr};
  if (query.taxes) {
    match.extras = tax::term_extras(plan, quote->price, quote->term->length, query.lines, *query.taxes);
  }
  return match;
}

} // namespace

Cents PlanMatch::comparable_with_extras() const
{
  if (!extras) {
    return quote.comparable;
  }
  return plan->kind == PlanKind::travel ? price_with_extras() : monthly_equivalent(price_with_extras(), quote.term->length);
}

const Reach* calling_reach(const Plan& plan, std::string_view country)
{
  if (!plan.international) {
    return nullptr;
  }
  for (const Reach& reach : plan.international->calling) {
    const bool named = std::find(reach.countries.begin(), reach.countries.end(), country) != reach.countries.end();
    if (named && (reach.included == true || reach.cents_per_minute)) {
      return &reach;
    }
  }
  return nullptr;
}

const Carrier* find_carrier_by_id_or_name(const Catalog& catalog, std::string_view text)
{
  const std::string wanted = util::to_lower_ascii(text);
  for (const Carrier& carrier : catalog.carriers) {
    if (carrier.id == wanted || util::to_lower_ascii(carrier.name) == wanted) {
      return &carrier;
    }
  }
  return nullptr;
}

std::vector<PlanMatch> find_plans(const Catalog& catalog, const PlanQuery& query)
{
  PlanFinder finder{query};
  for (const Plan& plan : catalog.plans) {
    finder.add(catalog, plan);
  }
  return std::move(finder).finish();
}

PlanFinder::PlanFinder(PlanQuery query) : m_query(std::move(query)) {}

void PlanFinder::add(const Catalog& catalog, const Plan& plan)
{
  auto match = quoted(catalog, plan, m_query);
  if (match && passes(plan, m_query, *match)) {
    keep(std::move(*match));
  }
}

void PlanFinder::add(const Catalog& catalog, Plan&& plan)
{
  auto match = quoted(catalog, plan, m_query);
  if (!match || !passes(plan, m_query, *match)) {
    return;
  }
  // The quote points at one of the plan's terms: moving the plan keeps its terms where they are.
  match->owned_plan = std::make_shared<const Plan>(std::move(plan));
  match->plan = match->owned_plan.get();
  keep(std::move(*match));
}

void PlanFinder::keep(PlanMatch match)
{
  const auto before = [this](const PlanMatch& a, const PlanMatch& b) { return listed_before(a, b, m_query.sort); };
  if (!m_query.limit) {
    m_matches.push_back(std::move(match));
    return;
  }
  if (m_matches.size() < *m_query.limit) {
    m_matches.push_back(std::move(match));
    std::push_heap(m_matches.begin(), m_matches.end(), before);
  } else if (!m_matches.empty() && before(match, m_matches.front())) {
    std::pop_heap(m_matches.begin(), m_matches.end(), before);
    m_matches.back() = std::move(match);
    std::push_heap(m_matches.begin(), m_matches.end(), before);
  }
}

std::vector<PlanMatch> PlanFinder::finish() &&
{
  std::sort(m_matches.begin(), m_matches.end(),
            [this](const PlanMatch& a, const PlanMatch& b) { return listed_before(a, b, m_query.sort); });
  return std::move(m_matches);
}

} // namespace simplan::catalog
