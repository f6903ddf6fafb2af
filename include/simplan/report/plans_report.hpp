#pragma once
// `simplan plans`: the list of matching plans in each output format.

#include "simplan/catalog/plan_query.hpp"
#include "simplan/report/output_format.hpp"

#include <string>
#include <vector>

namespace simplan::report {

/// Prices in the list are for `lines` lines, with the AutoPay discount when `autopay`.
struct PlanListContext {
  int lines = 1;
  bool autopay = true;
};

std::string render_plan_list(const std::vector<catalog::PlanMatch>& matches, const PlanListContext& context,
                             OutputFormat format, const RenderOptions& options);

} // namespace simplan::report
