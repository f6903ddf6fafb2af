#include "cli/catalog_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/catalog_info_report.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

namespace simplan::cli {

CatalogCommand setup_catalog_command(CLI::App& app, CatalogOptions& options, i18n::Language language)
{
  CLI::App& catalog = *app.add_subcommand("catalog", TR(language, "Check a plan catalog, or see what the catalog holds"));
  catalog.require_subcommand(1);
  CatalogCommand command;
  command.validate = catalog.add_subcommand(
    "validate", TR(language, "Check a catalog file and print every problem with its location (exit 3 if any)"));
  command.validate
    ->add_option("FILE", options.validate_file,
                 TR(language, "The catalog to check: a file, - for standard input, or builtin (default: the catalogs in use)"))
    ->type_name("FILE|-");
  command.validate->footer(TR(language, "Examples:") +
                           "\n"
                           "  simplan catalog validate my-plans.json\n"
                           "  simplan --catalog builtin --catalog my-plans.json catalog validate\n"
                           "  generate-plans | simplan catalog validate -");
  command.info = catalog.add_subcommand("info", TR(language, "Show the catalog's date, plan counts by carrier and kind, and sources"));
  return command;
}

int run_catalog_validate(const CatalogOptions& options, const Context& context)
{
  const std::vector<std::string> names =
    options.validate_file.empty() ? effective_catalog_names(context) : std::vector<std::string>{options.validate_file};
  // Only counted: a single catalog file's plans are dropped as they are read, so a large one is checked in
  // little memory. Layered catalogs keep theirs (a later layer may replace a plan).
  std::size_t plans = 0;
  const CatalogCheck check = check_catalogs(context, names, [&](const catalog::Catalog&, catalog::Plan&&) { ++plans; });
  std::string label;
  for (const auto& layer : check.loaded.layers) {
    label += (label.empty() ? "" : " + ") + layer;
  }
  if (check.problems.empty()) {
    const i18n::Language language = context.language;
    plans += check.loaded.catalog.plans.size();
    const std::size_t carriers = check.loaded.catalog.carriers.size();
    context.output.out += TR(language, "{}: ok: {} from {}, as of {}", util::escape_control(label),
                             plans == 1 ? TR(language, "1 plan") : TR(language, "{} plans", plans),
                             carriers == 1 ? TR(language, "1 carrier") : TR(language, "{} carriers", carriers),
                             util::format_iso_date(check.loaded.catalog.as_of)) +
                          "\n";
    return static_cast<int>(ExitCode::success);
  }
  for (const auto& problem : check.problems) {
    context.output.out += util::format_diagnostic(problem) + "\n";
  }
  context.output.err += (check.problems.size() == 1 ? TR(context.language, "simplan: 1 problem found")
                                                    : TR(context.language, "simplan: {} problems found", check.problems.size())) +
                        "\n";
  return static_cast<int>(ExitCode::invalid_data);
}

int run_catalog_info(const CatalogOptions& /*options*/, const Context& context)
{
  // A single catalog file's plans are counted and dropped as they are read; the built-in catalog and
  // layered ones keep theirs.
  report::CatalogSummary summary;
  const LoadedCatalog& loaded = load_catalogs(context, [&](const catalog::Catalog&, catalog::Plan&& plan) { summary.add(plan); });
  for (const catalog::Plan& plan : loaded.catalog.plans) {
    summary.add(plan);
  }
  context.output.out += report::render_catalog_info(loaded.catalog, summary, loaded.layers, context.format, context.render);
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
