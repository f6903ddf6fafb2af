#pragma once
// The whole catalog: metadata, carriers and plans, after loading and validation.

#include "simplan/catalog/carrier.hpp"
#include "simplan/catalog/plan.hpp"

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

namespace simplan::catalog {

struct Catalog {
  int schema_version = 1;
  date::year_month_day as_of;
  std::vector<Carrier> carriers;
  std::vector<Plan> plans;

  const Carrier* find_carrier(std::string_view id) const;
  const Plan* find_plan(std::string_view id) const;

  /// Adds `layer`'s carriers and plans; one with the id of an existing one replaces it in place.
  /// as_of becomes the older of the two dates, so staleness is judged by the oldest layer.
  void merge(Catalog layer);

  friend bool operator==(const Catalog&, const Catalog&) = default;
};

/// The renewal policy that applies to `plan` (its carrier's policy for the plan's kind), if any.
/// Travel passes are not renewed and have none.
const RenewalPolicy* renewal_policy_for(const Catalog& catalog, const Plan& plan);

} // namespace simplan::catalog
