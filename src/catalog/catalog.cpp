#include "simplan/catalog/catalog.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace simplan::catalog {
namespace {

template <typename Item>
const Item* find_by_id(const std::vector<Item>& items, std::string_view id)
{
  const auto found = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

// One pass with an index of ids: finding each of a layer's items by walking `into` made layering two
// catalogs of 40k plans take 4 s. The index owns its keys, since replacing an item frees its old id.
template <typename Item>
void merge_by_id(std::vector<Item>& into, std::vector<Item>&& layer)
{
  std::unordered_map<std::string, std::size_t> position_of;
  position_of.reserve(into.size() + layer.size());
  for (std::size_t i = 0; i < into.size(); ++i) {
    position_of.try_emplace(into[i].id, i);
  }
  for (Item& item : layer) {
    const auto [found, added] = position_of.try_emplace(item.id, into.size());
    if (added) {
      into.push_back(std::move(item));
    } else {
      into[found->second] = std::move(item);
    }
  }
}

} // namespace

const Carrier* Catalog::find_carrier(std::string_view id) const
{
  return find_by_id(carriers, id);
}

const Plan* Catalog::find_plan(std::string_view id) const
{
  return find_by_id(plans, id);
}

void Catalog::merge(Catalog layer)
{
  as_of = std::min(date::sys_days{as_of}, date::sys_days{layer.as_of});
  merge_by_id(carriers, std::move(layer.carriers));
  merge_by_id(plans, std::move(layer.plans));
}

const RenewalPolicy* renewal_policy_for(const Catalog& catalog, const Plan& plan)
{
  const Carrier* carrier = catalog.find_carrier(plan.carrier);
  if (carrier == nullptr) {
    return nullptr;
  }
  switch (plan.kind) {
  case PlanKind::prepaid: return carrier->prepaid_renewal ? &*carrier->prepaid_renewal : nullptr;
  case PlanKind::postpaid: return carrier->postpaid_renewal ? &*carrier->postpaid_renewal : nullptr;
  case PlanKind::travel: return nullptr;
  }
  return nullptr;
}

} // namespace simplan::catalog
