#include "cli/app.hpp"

#include "cli/catalog_command.hpp"
#include "cli/compare_command.hpp"
#include "cli/failure.hpp"
#include "cli/lines_command.hpp"
#include "cli/plans_command.hpp"
#include "cli/recommend_command.hpp"
#include "cli/remind_command.hpp"
#include "cli/renew_command.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/util/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace simplan::cli {
namespace {

constexpr std::string_view k_exit_codes =
  "Exit codes:\n"
  "  0  success\n"
  "  1  nothing matched (no plan fits the needs or filters; unknown plan id)\n"
  "  2  usage error (unknown option, bad value)\n"
  "  3  invalid input data (a catalog file with problems)\n"
  "  4  a file could not be read or written\n"
  "  (remind --due-within DAYS -q: 0 when something falls due in that window, 1 when nothing does)\n";

std::string version_text()
{
  return fmt::format("simplan {} (built-in catalog as of {})", SIMPLAN_VERSION, data::builtin_catalog_as_of());
}

void setup_global_options(CLI::App& app, GlobalOptions& global)
{
  app.set_help_flag("-h,--help", "Show help for simplan or a command, and exit");
  app.set_version_flag("--version", version_text(), "Show the version and the built-in catalog's date, and exit");
  app.add_option("--today", global.today,
                 "The effective date, YYYY-MM-DD, against which the catalog's age is judged (default: today)")
    ->type_name("DATE");
  app.add_option("--catalog", global.catalogs,
                 "Use this catalog file instead of the built-in one; repeat to layer files (later ones add or "
                 "replace plans by id); - reads stdin; builtin names the built-in catalog")
    ->type_name("FILE")
    ->allow_extra_args(false);
  app.add_option("--format", global.format, "Output format: table (for people), json, csv or tsv (for scripts)")
    ->check(CLI::IsMember({"table", "json", "csv", "tsv"}))
    ->type_name("FORMAT")
    ->capture_default_str();
  app.add_option("--lines-file", global.lines_file,
                 "Your lines file (default: $SIMPLAN_LINES, else $XDG_CONFIG_HOME/simplan/lines.json, else "
                 "~/.config/simplan/lines.json)")
    ->type_name("FILE");
}

Context make_context(const CLI::App& app, const GlobalOptions& global, const Environment& environment, Output& output)
{
  Context context{environment, output, environment.today, report::OutputFormat::table, {}, {}, global.lines_file,
                  app.count("--format") > 0};
  if (!global.today.empty()) {
    context.today = parse_date_option("--today", global.today);
  }
  context.format = report::parse_output_format(global.format).value_or(report::OutputFormat::table);
  context.render.max_width = environment.terminal.stdout_is_terminal ? environment.terminal.width : 0;
  context.render.color = color_allowed(environment);
  context.render.unicode = locale_is_utf8(environment);
  context.catalogs = global.catalogs;
  return context;
}

// CLI11 reports with its own exit codes (100+); simplan maps every outcome onto its documented few.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error, Output& output)
{
  if (dynamic_cast<const CLI::CallForHelp*>(&error) != nullptr ||
      dynamic_cast<const CLI::CallForAllHelp*>(&error) != nullptr) {
    output.out += app.help();
    return static_cast<int>(ExitCode::success);
  }
  if (dynamic_cast<const CLI::CallForVersion*>(&error) != nullptr) {
    output.out += std::string{error.what()} + "\n";
    return static_cast<int>(ExitCode::success);
  }
  std::string message = error.what();
  if (!message.empty()) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  output.err += fmt::format("simplan: error: {}\nRun 'simplan --help' for usage.\n", util::escape_control(message));
  return static_cast<int>(ExitCode::usage);
}

int report_failure(const Failure& failure, Output& output)
{
  for (const auto& message : failure.messages()) {
    output.err += "simplan: error: " + util::escape_control(message) + "\n";
  }
  if (!failure.hint().empty()) {
    output.err += "simplan: hint: " + util::escape_control(failure.hint()) + "\n";
  }
  return static_cast<int>(failure.code());
}

} // namespace

int run(const std::vector<std::string>& args, const Environment& environment, Output& output)
{
  try {
    CLI::App app{"simplan finds the US mobile plan that fits your stay, with the math shown, and reminds you to renew it.",
                 "simplan"};
    app.fallthrough();  // global options are accepted after the command name too
    app.require_subcommand(1);
    app.footer(std::string{"Run 'simplan COMMAND --help' for a command's options.\n\n"} + std::string{k_exit_codes} +
               "\nEnvironment:\n"
               "  SIMPLAN_CATALOG    catalog files to use when --catalog is not given (colon-separated)\n"
               "  SIMPLAN_LINES      your lines file when --lines-file is not given\n"
               "  XDG_CONFIG_HOME    the lines file is XDG_CONFIG_HOME/simplan/lines.json (default ~/.config)\n"
               "  SOURCE_DATE_EPOCH  the timestamp written into calendar files (reproducible output)\n"
               "  NO_COLOR           when set and not empty, no color in tables\n");
    GlobalOptions global;
    setup_global_options(app, global);
    RecommendOptions recommend_options;
    const CLI::App* recommend = setup_recommend_command(app, recommend_options);
    CompareOptions compare_options;
    const CLI::App* compare = setup_compare_command(app, compare_options);
    RemindOptions remind_options;
    const CLI::App* remind = setup_remind_command(app, remind_options);
    LinesOptions lines_options;
    const LinesCommand lines = setup_lines_command(app, lines_options);
    RenewOptions renew_options;
    const CLI::App* renew = setup_renew_command(app, renew_options);
    PlansOptions plans_options;
    const PlansCommand plans = setup_plans_command(app, plans_options);
    CatalogOptions catalog_options;
    const CatalogCommand catalog = setup_catalog_command(app, catalog_options);

    try {
      std::vector<std::string> reversed{args.rbegin(), args.rend()};
      app.parse(reversed);
    } catch (const CLI::ParseError& error) {
      return report_parse_error(app, error, output);
    }

    const Context context = make_context(app, global, environment, output);
    if (recommend->parsed()) {
      return run_recommend(recommend_options, context);
    }
    if (compare->parsed()) {
      return run_compare(compare_options, context);
    }
    if (remind->parsed()) {
      return run_remind(remind_options, context);
    }
    if (lines.add->parsed()) {
      return run_lines_add(lines_options, context);
    }
    if (lines.list->parsed()) {
      return run_lines_list(lines_options, context);
    }
    if (lines.renewed->parsed()) {
      return run_lines_renewed(lines_options, context);
    }
    if (lines.remove->parsed()) {
      return run_lines_remove(lines_options, context);
    }
    if (renew->parsed()) {
      return run_renew(renew_options, context);
    }
    if (plans.show->parsed()) {
      return run_plans_show(plans_options, context);
    }
    if (plans.list->parsed()) {
      return run_plans_list(plans_options, context);
    }
    if (catalog.validate->parsed()) {
      return run_catalog_validate(catalog_options, context);
    }
    if (catalog.info->parsed()) {
      return run_catalog_info(catalog_options, context);
    }
    throw Failure{ExitCode::usage, "no command given", "run 'simplan --help' for the commands"};
  } catch (const Failure& failure) {
    return report_failure(failure, output);
  } catch (const std::exception& error) {
    output.err += fmt::format("simplan: internal error: {} (please report this)\n", util::escape_control(error.what()));
    return static_cast<int>(ExitCode::internal);
  }
}

} // namespace simplan::cli
