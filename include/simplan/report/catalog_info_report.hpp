#pragma once
// `simplan catalog info`: what the catalog holds, how old it is, and where its facts come from.

#include "simplan/catalog/catalog.hpp"
#include "simplan/report/output_format.hpp"

#include <string>
#include <vector>

namespace simplan::report {

/// `layers` names the catalogs merged into `catalog`, in order ("builtin", "mine.json").
std::string render_catalog_info(const catalog::Catalog& catalog, const std::vector<std::string>& layers,
                                OutputFormat format, const RenderOptions& options);

} // namespace simplan::report
