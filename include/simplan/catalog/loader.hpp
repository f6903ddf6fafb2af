#pragma once
// Turns catalog JSON text into a validated Catalog, reporting every problem in one pass.
// Pure: the caller reads the file and names it; nothing here touches the disk or the clock.

#include "simplan/catalog/catalog.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/util/diagnostic.hpp"
#include "simplan/util/read_bytes.hpp"

#include <cstddef>
#include <functional>
#include <string_view>

namespace simplan::catalog {

/// The catalog format version this simplan reads.
inline constexpr int k_schema_version = 1;

struct LoadResult {
  Catalog catalog;             ///< complete only when problems is empty
  util::Diagnostics problems;  ///< every problem found: field problems in reading order, then duplicate ids and unknown carriers
};

/// Receives each plan as it is read, instead of the catalog keeping it: for a command that needs only a few
/// of a large catalog's plans (recommend). `catalog` holds the document's metadata and carriers; it lives as
/// long as the load and becomes LoadResult::catalog, so pointers to its carriers stay valid.
using PlanSink = std::function<void(const Catalog& catalog, Plan&& plan)>;

/// Parses and validates one catalog document. `source` names it in messages ("plans.json", "<stdin>").
/// `base`, when given, is the catalog this one is layered on: plans may refer to its carriers.
/// Problems are worded in `language`.
LoadResult load_catalog(std::string_view json_text, std::string_view source, const Catalog* base = nullptr,
                        i18n::Language language = i18n::Language::en);

/// Where a catalog's bytes come from: `read` reads them from the start; `reread`, when the input can be
/// read twice (a file, not a pipe), reads them again from the start.
struct CatalogInput {
  util::ReadBytes read;
  std::function<util::ReadBytes()> reread;
};

/// load_catalog for a document read in pieces, in memory bounded by the plans kept, not the text's size.
/// A document that can be read twice is read first by a fast reader, and again only if it has a problem.
/// With a `sink`, each plan read without a problem goes to the sink, in document order, and the result's
/// catalog has no plans. The sink sees a plan as soon as it is read when the document gives as_of and its
/// carriers before "plans" (as data/plans.json does); otherwise the plans are kept until the document ends.
/// When problems are found, what the sink was given is meaningless.
LoadResult load_catalog_stream(const CatalogInput& input, std::string_view source, const Catalog* base = nullptr,
                               i18n::Language language = i18n::Language::en, const PlanSink& sink = {});

} // namespace simplan::catalog
