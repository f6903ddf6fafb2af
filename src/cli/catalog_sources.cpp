#include "cli/catalog_sources.hpp"

#include "cli/failure.hpp"
#include "simplan/catalog/compiled_catalog.hpp"
#include "simplan/catalog/loader.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/util/date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace simplan::cli {
namespace {

constexpr int k_stale_after_days = 180;
// Beyond this many problems a command stops listing them; `catalog validate` lists all.
constexpr std::size_t k_problems_shown = 20;

} // namespace

std::vector<std::string> effective_catalog_names(const Context& context)
{
  if (!context.catalogs.empty()) {
    return context.catalogs;
  }
  std::vector<std::string> names;
  if (const auto variable = context.environment.variable("SIMPLAN_CATALOG"); variable && !variable->empty()) {
    std::size_t start = 0;
    while (start <= variable->size()) {
      const std::size_t end = std::min(variable->find(':', start), variable->size());
      if (end > start) {
        names.push_back(variable->substr(start, end - start));
      }
      start = end + 1;
    }
  }
  if (names.empty()) {
    names.emplace_back(k_builtin_catalog);
  }
  return names;
}

std::string catalog_label(const std::string& name)
{
  return name == "-" ? "<stdin>" : name;
}

CatalogCheck check_catalogs(const Context& context, const std::vector<std::string>& names, const catalog::PlanSink& sink)
{
  if (std::count(names.begin(), names.end(), "-") > 1) {
    throw Failure{ExitCode::usage, TR(context.language, "standard input (-) can be read only once")};
  }
  CatalogCheck check;
  LoadedCatalog& loaded = check.loaded;
  for (const std::string& name : names) {
    catalog::Catalog layer;
    if (name == k_builtin_catalog) {
      // Validated when simplan was built: reading it parses no JSON and can find no problem.
      layer = catalog::read_compiled_catalog(data::builtin_catalog_compiled());
    } else {
      const auto open = [&] { return context.environment.open_input(name, TR(context.language, "catalog"), context.language); };
      catalog::CatalogInput input{open(), {}};
      if (name != "-") {
        input.reread = open;
      }
      auto result = catalog::load_catalog_stream(input, catalog_label(name), loaded.layers.empty() ? nullptr : &loaded.catalog,
                                                 context.language, names.size() == 1 ? sink : catalog::PlanSink{});
      check.problems.insert(check.problems.end(), result.problems.begin(), result.problems.end());
      layer = std::move(result.catalog);
    }
    if (loaded.layers.empty()) {
      loaded.catalog = std::move(layer);
    } else {
      loaded.catalog.merge(std::move(layer));
    }
    loaded.layers.push_back(catalog_label(name));
  }
  return check;
}

namespace {

// The loaded catalog, or Failure listing its problems.
LoadedCatalog checked_catalogs(const Context& context, const catalog::PlanSink& sink)
{
  CatalogCheck check = check_catalogs(context, effective_catalog_names(context), sink);
  if (!check.problems.empty()) {
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < check.problems.size() && i < k_problems_shown; ++i) {
      problems.push_back(util::format_diagnostic(check.problems[i]));
    }
    if (check.problems.size() > k_problems_shown) {
      problems.push_back(TR(context.language, "... and {} more problems", check.problems.size() - k_problems_shown));
    }
    throw Failure{ExitCode::invalid_data, std::move(problems),
                  TR(context.language, "'simplan catalog validate' lists every problem; docs/catalog.md describes the format")};
  }
  return std::move(check.loaded);
}

// Kept for the rest of the run, after a warning when it is old.
const LoadedCatalog& keep_for_run(const Context& context, LoadedCatalog checked)
{
  auto kept = std::make_shared<const LoadedCatalog>(std::move(checked));
  const LoadedCatalog& loaded = *kept;
  context.output.kept.push_back(std::move(kept));
  const int age = util::days_between(loaded.catalog.as_of, context.today);
  if (age > k_stale_after_days) {
    context.output.err += TR(context.language,
                             "simplan: warning: the plan catalog is {} days old (as of {}); prices and plans may have changed. Use a newer simplan or --catalog FILE.",
                             age, i18n::human_date(context.language, loaded.catalog.as_of)) +
                          "\n";
  }
  return loaded;
}

} // namespace

const LoadedCatalog& load_catalogs(const Context& context, const catalog::PlanSink& sink)
{
  return keep_for_run(context, checked_catalogs(context, sink));
}

const LoadedCatalog& load_catalogs_keeping(const Context& context, const std::vector<std::string>& plan_ids)
{
  bool streamed = false;
  std::vector<catalog::Plan> wanted;
  std::vector<std::string> every_id;
  LoadedCatalog loaded = checked_catalogs(context, [&](const catalog::Catalog&, catalog::Plan&& plan) {
    streamed = true;
    every_id.push_back(plan.id);
    if (std::find(plan_ids.begin(), plan_ids.end(), plan.id) != plan_ids.end()) {
      wanted.push_back(std::move(plan));
    }
  });
  if (streamed) {
    loaded.catalog.plans = std::move(wanted);
    loaded.plan_ids = std::move(every_id);
  }
  return keep_for_run(context, std::move(loaded));
}

} // namespace simplan::cli
