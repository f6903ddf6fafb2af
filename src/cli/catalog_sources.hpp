#pragma once
// Which catalogs a command uses, read and merged: --catalog, else SIMPLAN_CATALOG, else the built-in one.

#include "cli/app.hpp"
#include "simplan/catalog/catalog.hpp"
#include "simplan/catalog/loader.hpp"
#include "simplan/util/diagnostic.hpp"

#include <string>
#include <vector>

namespace simplan::cli {

/// The name that stands for the catalog compiled into simplan.
inline constexpr std::string_view k_builtin_catalog = "builtin";

struct LoadedCatalog {
  catalog::Catalog catalog;
  std::vector<std::string> layers;  ///< the names of the merged catalogs, in order
  /// Every plan's id, in catalog order, when `catalog` holds only some of its plans (load_catalogs_keeping);
  /// empty when it holds them all.
  std::vector<std::string> plan_ids;
};

/// The catalog names in effect: --catalog values, else SIMPLAN_CATALOG split at ':', else "builtin".
std::vector<std::string> effective_catalog_names(const Context& context);

/// "<stdin>" for "-", the name otherwise: how messages refer to a catalog.
std::string catalog_label(const std::string& name);

struct CatalogCheck {
  LoadedCatalog loaded;         ///< complete only when problems is empty
  util::Diagnostics problems;   ///< every problem in every layer
};

/// Reads, validates and merges the named catalogs, collecting every problem. Throws Failure only when a
/// catalog cannot be read at all. With a `sink`, when the only catalog is a file (or stdin), its plans go to
/// the sink as they are read (catalog::load_catalog_stream) and the loaded catalog has none; otherwise the
/// plans are in the loaded catalog, where the sink would not bound memory anyway.
CatalogCheck check_catalogs(const Context& context, const std::vector<std::string>& names,
                            const catalog::PlanSink& sink = {});

/// Reads, validates and merges the catalogs in effect (with `sink`, as check_catalogs). Throws Failure
/// listing every problem. Prints one warning on stderr when the catalog is more than 180 days older than
/// the effective date.
/// The catalog is kept in context.output.kept, for the rest of the run.
const LoadedCatalog& load_catalogs(const Context& context, const catalog::PlanSink& sink = {});

/// load_catalogs() for a command that needs only the plans with these ids (plans show, compare, lines
/// add): a single catalog file's other plans are dropped as they are read, and only their ids are kept,
/// in plan_ids, to suggest one for a mistyped id. The built-in and layered catalogs keep every plan.
const LoadedCatalog& load_catalogs_keeping(const Context& context, const std::vector<std::string>& plan_ids);

} // namespace simplan::cli
