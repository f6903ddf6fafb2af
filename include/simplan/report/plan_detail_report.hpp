#pragma once
// `simplan plans show ID`: everything the catalog knows about one plan, including how to renew it.

#include "simplan/catalog/catalog.hpp"
#include "simplan/report/output_format.hpp"

#include <string>

namespace simplan::report {

/// table: labelled fields for a person. json: the catalog's plan object plus "carrier_name" and
/// "renewal" (the carrier's policy for the plan's kind). csv/tsv: "field,value" rows, one per JSON leaf,
/// the field being its JSON pointer.
std::string render_plan_detail(const catalog::Catalog& catalog, const catalog::Plan& plan, OutputFormat format,
                               const RenderOptions& options);

} // namespace simplan::report
