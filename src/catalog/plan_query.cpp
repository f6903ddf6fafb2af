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

bool passes(const Plan& plan, const PlanQuery& query, const TermQuote& quote)
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
  if (query.max_price && quote.comparable > *query.max_price) {
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

} // namespace

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
  std::vector<PlanMatch> matches;
  for (const Plan& plan : catalog.plans) {
    const auto quote = best_term(plan, query.lines, query.autopay);
    if (quote && passes(plan, query, *quote)) {
      matches.push_back({&plan, catalog.find_carrier(plan.carrier), *quote});
    }
  }
  const auto carrier_name = [](const PlanMatch& match) {
    return util::to_lower_ascii(match.carrier != nullptr ? match.carrier->name : match.plan->carrier);
  };
  std::sort(matches.begin(), matches.end(), [&](const PlanMatch& a, const PlanMatch& b) {
    switch (query.sort) {
    case PlanSort::price:
      return std::tie(a.quote.comparable, a.plan->id) < std::tie(b.quote.comparable, b.plan->id);
    case PlanSort::data: {
      const auto rank_a = data_rank(*a.plan);
      const auto rank_b = data_rank(*b.plan);
      if (rank_a != rank_b) {
        return rank_a > rank_b;
      }
      return std::tie(a.quote.comparable, a.plan->id) < std::tie(b.quote.comparable, b.plan->id);
    }
    case PlanSort::name: {
      const auto key_a = std::tuple{carrier_name(a), util::to_lower_ascii(a.plan->name), a.plan->id};
      const auto key_b = std::tuple{carrier_name(b), util::to_lower_ascii(b.plan->name), b.plan->id};
      return key_a < key_b;
    }
    }
    return false;
  });
  if (query.limit && matches.size() > *query.limit) {
    matches.resize(*query.limit);
  }
  return matches;
}

} // namespace simplan::catalog
