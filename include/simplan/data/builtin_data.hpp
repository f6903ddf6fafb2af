#pragma once
// The default catalog, data/plans.json, compiled into the binary by cmake/EmbedCatalog.cmake.

#include <string_view>

namespace simplan::data {

/// The bytes of data/plans.json as it was at build time.
std::string_view builtin_catalog_json();

/// Its "as_of" date, YYYY-MM-DD, for `simplan --version` without parsing the catalog.
std::string_view builtin_catalog_as_of();

} // namespace simplan::data
