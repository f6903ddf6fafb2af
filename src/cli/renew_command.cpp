#include "cli/renew_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/lines_store.hpp"
#include "cli/needs_options.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/remind_report.hpp"
#include "simplan/util/spelling.hpp"

#include <fmt/format.h>

namespace simplan::cli {

CLI::App* setup_renew_command(CLI::App& app, RenewOptions& options, i18n::Language language)
{
  CLI::App* command =
    app.add_subcommand("renew", TR(language, "How to renew a line or a carrier: where to pay, what late costs, scams"));
  command->add_option("TARGET", options.target, TR(language, "One of your lines (its label) or a carrier (id or name)"))
    ->required()
    ->type_name("LABEL|CARRIER");
  add_state_option(*command, options.state, StateUse::listing, language);
  command->footer(TR(language, "Examples:") +
                  "\n"
                  "  simplan renew \"My Mint\"\n"
                  "  simplan renew cricket");
  return command;
}

int run_renew(const RenewOptions& options, const Context& context)
{
  // A guide is prose with a list in it: there are no rows to give a spreadsheet.
  if (context.format == report::OutputFormat::csv || context.format == report::OutputFormat::tsv) {
    throw Failure{ExitCode::usage, TR(context.language, "--format: renew writes table or json, not csv or tsv")};
  }
  const auto taxes = requested_taxes(options.state, context);
  const LoadedCatalog& loaded = load_catalogs(context);
  // A line of the person's first; a missing or unreadable lines file only matters if no carrier matches.
  lines::LinesFile file;
  try {
    file = read_lines_file(lines_file_path(context), context.language);
  } catch (const Failure&) {
    if (catalog::find_carrier_by_id_or_name(loaded.catalog, options.target) == nullptr) {
      throw;
    }
  }
  const lines::Line* line = file.find(options.target);
  const catalog::Carrier* carrier = nullptr;
  if (line != nullptr) {
    const std::string carrier_id = line->custom ? line->custom->carrier
                                   : loaded.catalog.find_plan(line->plan) != nullptr ? loaded.catalog.find_plan(line->plan)->carrier
                                                                                     : std::string{};
    carrier = loaded.catalog.find_carrier(carrier_id);
    if (carrier == nullptr) {
      throw Failure{ExitCode::no_match,
                    TR(context.language, "line \"{}\" is with a carrier the catalog does not know (\"{}\")", line->label, carrier_id)};
    }
  } else {
    carrier = catalog::find_carrier_by_id_or_name(loaded.catalog, options.target);
  }
  if (carrier == nullptr) {
    std::vector<std::string> names;
    for (const auto& known : file.lines) {
      names.push_back(known.label);
    }
    for (const auto& known : loaded.catalog.carriers) {
      names.push_back(known.id);
    }
    const auto suggestion = util::suggest_name(options.target, names);
    std::string message = TR(context.language, "no line or carrier \"{}\"", options.target);
    if (suggestion) {
      message += TR(context.language, "; did you mean \"{}\"?", *suggestion);
    }
    throw Failure{ExitCode::no_match, message,
                  suggestion ? std::string{}
                             : TR(context.language, "'simplan lines list' shows your lines; 'simplan catalog info' the carriers")};
  }
  context.output.out +=
    report::render_renew_guide(loaded.catalog, *carrier, line, context.today, taxes, context.format, context.render);
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
