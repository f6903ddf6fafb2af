#include "cli/compare_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/compare_report.hpp"

#include <fmt/format.h>

namespace simplan::cli {

CLI::App* setup_compare_command(CLI::App& app, CompareOptions& options, Language language)
{
  CLI::App* command =
    app.add_subcommand("compare", TR(language, "Plans side by side over your stay, with their cost month by month"));
  command->add_option("ID", options.ids, TR(language, "Two or more plan ids, as `simplan plans` lists them"))->required();
  add_needs_options(*command, options.needs, NeedsScope::cost_only, language);
  command->add_flag("--ascii", options.ascii, TR(language, "Draw the chart with # instead of Unicode blocks"));
  command->footer(TR(language, "The stay defaults to 12 months from the effective date (--days or --months, or a profile's stay). Costs follow the same model as `simplan recommend` (docs/recommend.md).") +
                  "\n\n" + TR(language, "Examples:") +
                  "\n"
                  "  simplan compare mint-unlimited visible-base tmobile-prepaid-unlimited\n"
                  "  simplan compare att-value verizon-simplicity --lines 4 --months 24\n"
                  "  simplan compare tmobile-us-pass-14-day ultra-tourist-21-day --days 21 --no-autopay");
  return command;
}

int run_compare(const CompareOptions& options, const Context& context)
{
  if (options.ids.size() < 2) {
    throw Failure{ExitCode::usage, TR(context.language, "compare needs at least two plan ids"),
                  TR(context.language, "'simplan plans' lists the plan ids")};
  }
  ResolvedNeeds resolved = resolve_needs(options.needs, context);
  if (options.needs.profile.empty() && options.needs.profile_file.empty() && !options.needs.days &&
      !options.needs.months) {
    resolved.needs.stay = {profile::StayUnit::months, 12};
  }
  const LoadedCatalog& loaded = load_catalogs_keeping(context, options.ids);
  const recommend::StayDates stay = recommend::stay_dates(resolved.needs.stay, context.today);
  std::vector<recommend::Candidate> candidates;
  for (const std::string& id : options.ids) {
    const catalog::Plan& plan = find_plan_or_fail(context.language, loaded.catalog, id, {}, loaded.plan_ids);
    candidates.push_back(recommend::evaluate(loaded.catalog, plan, resolved.needs, stay));
  }
  const bool ascii = options.ascii || !context.render.unicode;
  context.output.out +=
    report::render_comparison(candidates, stay, resolved.needs, ascii, context.format, context.render);
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
