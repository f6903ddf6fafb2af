#pragma once
// Turns catalog JSON text into a validated Catalog, reporting every problem in one pass.
// Pure: the caller reads the file and names it; nothing here touches the disk or the clock.

#include "simplan/catalog/catalog.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/util/diagnostic.hpp"

#include <cstddef>
#include <string_view>

namespace simplan::catalog {

/// The largest catalog simplan reads. Larger input is rejected before parsing.
inline constexpr std::size_t k_max_catalog_bytes = std::size_t{256} * 1024 * 1024;

/// The catalog format version this simplan reads.
inline constexpr int k_schema_version = 1;

struct LoadResult {
  Catalog catalog;             ///< complete only when problems is empty
  util::Diagnostics problems;  ///< every problem found: field problems in reading order, then duplicate ids and unknown carriers
};

/// Parses and validates one catalog document. `source` names it in messages ("plans.json", "<stdin>").
/// `base`, when given, is the catalog this one is layered on: plans may refer to its carriers.
/// Problems are worded in `language`.
LoadResult load_catalog(std::string_view json_text, std::string_view source, const Catalog* base = nullptr,
                        i18n::Language language = i18n::Language::en);

} // namespace simplan::catalog
