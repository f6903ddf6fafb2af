#include "cli/recommend_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/recommend/recommender.hpp"
#include "simplan/report/recommend_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace simplan::cli {

CLI::App* setup_recommend_command(CLI::App& app, RecommendOptions& options, Language language)
{
  CLI::App* command = app.add_subcommand(
    "recommend", TR(language, "The plans that fit your stay and needs, ranked by what you would really pay"));
  add_needs_options(*command, options.needs, NeedsScope::all, language);
  command->add_flag("--explain", options.explain, TR(language, "Show each plan's cost line by line, and why it ranks where it does"));
  command->add_flag("--show-excluded", options.show_excluded, TR(language, "Also list the plans a need ruled out, and which need"));
  command->add_option("--why-not", options.why_not, TR(language, "Explain where one plan stands: its rank, or what rules it out"))
    ->type_name("ID");
  command->footer(TR(language, "The cost is what you pay for the whole stay: one-time fees, every term needed to cover it (the cheapest mix of the terms a plan is sold in), intro prices while they last, the AutoPay discount only if you can use AutoPay, and an estimate of taxes and fees where the price excludes them. Needs you must have (eSIM, no credit check, a US number, line count, budget) rule plans out; the rest (data, hotspot, calling, network) add an open penalty to the rank. docs/recommend.md has the whole model.") +
                  "\n\n" + TR(language, "Examples:") +
                  "\n"
                  "  simplan recommend --profile tourist\n"
                  "  simplan recommend --profile tourist --days 10 --explain\n"
                  "  simplan recommend --profile student --call CN --months 9\n"
                  "  simplan recommend --profile resident --lines 4 --budget 150\n"
                  "  simplan recommend --profile heavy-data --why-not visible-plus\n"
                  "  simplan recommend --profile tourist --format json | jq '.recommendations[0].id'\n\n" +
                  TR(language, "Exit codes: 0 a plan fits; 1 nothing fits (the nearest plans are shown); 2 usage; 3 bad input."));
  return command;
}

int run_recommend(const RecommendOptions& options, const Context& context)
{
  // Read the person's needs, load the catalog, rank every plan, render. Unless every plan may be shown
  // (--why-not, --show-excluded), only the plans that can be shown are kept: the top N (at least 2, as
  // --explain compares #1 with #2) and the nearest ruled out, so a large catalog is ranked as it streams in.
  const ResolvedNeeds resolved = resolve_needs(options.needs, context);
  const bool keep_all = !options.why_not.empty() || options.show_excluded;
  recommend::Ranking ranking{resolved.needs, context.today,
                             keep_all ? SIZE_MAX : std::max<std::size_t>(resolved.needs.top, 2),
                             keep_all ? SIZE_MAX : report::k_nearest_excluded_shown};
  const LoadedCatalog& loaded = load_catalogs(
    context, keep_all ? catalog::PlanSink{} : [&](const catalog::Catalog& catalog, catalog::Plan&& plan) {
      ranking.add(catalog, std::move(plan));
    });
  for (const catalog::Plan& plan : loaded.catalog.plans) {
    ranking.add(loaded.catalog, plan);
  }
  const recommend::Recommendations result = std::move(ranking).finish();

  if (!options.why_not.empty()) {
    const catalog::Plan& plan = find_plan_or_fail(context.language, loaded.catalog, options.why_not, "--why-not");
    context.output.out += report::render_why_not(result, plan, resolved.needs, context.format, context.render);
    return static_cast<int>(ExitCode::success);
  }

  const report::RecommendView view{resolved.label, options.explain, options.show_excluded};
  context.output.out += report::render_recommendations(result, resolved.needs, view, context.format, context.render);
  if (result.ranked.empty()) {
    context.output.err +=
      TR(context.language, "simplan: no plan meets every need; the nearest plans are listed with what ruled each out") + "\n";
    return static_cast<int>(ExitCode::no_match);
  }
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
