#pragma once
// `simplan plans`: the list of matching plans in each output format.

#include "simplan/catalog/plan_query.hpp"
#include "simplan/report/output_format.hpp"
#include "simplan/tax/tax_table.hpp"

#include <optional>

#include <string>
#include <vector>

namespace simplan::report {

/// Prices in the list are for `lines` lines, with the AutoPay discount when `autopay`; with `taxes` (the
/// rates of the query, which gave each match its extras) also with estimated taxes and carrier fees.
struct PlanListContext {
  int lines = 1;
  bool autopay = true;
  std::optional<tax::TaxRates> taxes = std::nullopt;
};

std::string render_plan_list(const std::vector<catalog::PlanMatch>& matches, const PlanListContext& context,
                             OutputFormat format, const RenderOptions& options);

} // namespace simplan::report
