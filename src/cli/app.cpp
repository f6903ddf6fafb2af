#include "cli/app.hpp"

#include "cli/catalog_command.hpp"
#include "cli/cli_text.hpp"
#include "cli/compare_command.hpp"
#include "cli/completion_command.hpp"
#include "cli/failure.hpp"
#include "cli/lines_command.hpp"
#include "cli/plans_command.hpp"
#include "cli/recommend_command.hpp"
#include "cli/remind_command.hpp"
#include "cli/renew_command.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/spelling.hpp"
#include "simplan/util/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>

namespace simplan::cli {
namespace {

using i18n::Language;

std::string version_text(Language language)
{
  return TR(language, "simplan {} (built-in catalog as of {})", SIMPLAN_VERSION, data::builtin_catalog_as_of());
}

} // namespace

// The language comes first, before CLI11 parses anything, so that help and parse errors are in it too:
// --lang on the command line, else LC_ALL, else LC_MESSAGES, else LANG (POSIX order).
Language detect_language(const std::vector<std::string>& args, const Environment& environment)
{
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::optional<std::string> value;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
    } else if (args[i].starts_with("--lang=")) {
      value = args[i].substr(7);
    }
    if (value) {
      return i18n::parse_language(*value).value_or(Language::en);
    }
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (const auto locale = environment.variable(name); locale && !locale->empty()) {
      return i18n::language_of_locale(*locale);
    }
  }
  return Language::en;
}

namespace {

void setup_global_options(CLI::App& app, GlobalOptions& global, Language language)
{
  app.set_help_flag("-h,--help", TR(language, "Show help for simplan or a command, and exit"));
  app.set_version_flag("--version", version_text(language), TR(language, "Show the version and the built-in catalog's date, and exit"));
  app.add_option("--today", global.today, TR(language, "The effective date, YYYY-MM-DD: the day a stay starts and reminders count from (default: today)"))
    ->type_name("DATE");
  app.add_option("--catalog", global.catalogs,
                 TR(language, "Use this catalog file instead of the built-in one; repeat to layer files (later ones add or replace plans by id); - reads stdin; builtin names the built-in catalog"))
    ->type_name("FILE")
    ->allow_extra_args(false);
  app.add_option("--format", global.format, TR(language, "Output format: table (for people), json, csv or tsv (for scripts)"))
    ->check(one_of(language, {"table", "json", "csv", "tsv"}))
    ->type_name("FORMAT")
    ->capture_default_str();
  app.add_option("--lines-file", global.lines_file,
                 TR(language, "Your lines file (default: $SIMPLAN_LINES, else $XDG_CONFIG_HOME/simplan/lines.json, else ~/.config/simplan/lines.json)"))
    ->type_name("FILE");
  app.add_option("--lang", global.lang, TR(language, "Language of everything simplan writes for people: en or zh-Hans (default: from LC_ALL, LC_MESSAGES or LANG)"))
    ->check(CLI::Validator{[language](std::string& value) -> std::string {
                             // zh, zh-CN and zh_CN are accepted too: people type their locale's name.
                             return i18n::parse_language(value) ? std::string{}
                                                                : TR(language, "expected one of {}, got \"{}\"", "en, zh-Hans", value);
                           },
                           "", "language"})
    ->type_name("LANG");
}

Context make_context(const CLI::App& app, const GlobalOptions& global, const Environment& environment, Output& output,
                     Language language)
{
  Context context{environment, output, environment.today, report::OutputFormat::table, {}, {}, global.lines_file,
                  app.count("--format") > 0, language};
  context.render.language = language;
  if (!global.today.empty()) {
    context.today = parse_date_option(language, "--today", global.today);
  }
  context.format = report::parse_output_format(global.format).value_or(report::OutputFormat::table);
  context.render.max_width = environment.terminal.stdout_is_terminal ? environment.terminal.width : 0;
  context.render.color = color_allowed(environment);
  context.render.unicode = locale_is_utf8(environment);
  context.catalogs = global.catalogs;
  return context;
}

// CLI11 reports with its own exit codes (100+); simplan maps every outcome onto its documented few.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error, Output& output, Language language)
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
  std::string message = parse_error_message(language, error);
  // "simplan bogus": CLI11 says a command is required; the person meant a command and misspelled it.
  const std::vector<std::string> left = app.remaining();
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && !left.empty() && !left.front().starts_with('-') &&
      app.get_subcommands().empty()) {
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({})) {
      names.push_back(command->get_name());
    }
    const auto suggestion = util::closest_match(left.front(), std::span<const std::string>{names});
    message = suggestion ? TR(language, "unknown command \"{}\"; did you mean \"{}\"?", left.front(), *suggestion)
                         : TR(language, "unknown command \"{}\"; the commands are {}", left.front(), report::join(names, ", "));
  }
  output.err += TR(language, "simplan: error: {}", util::escape_control(message)) + "\n" +
                TR(language, "Run 'simplan --help' for usage.") + "\n";
  return static_cast<int>(ExitCode::usage);
}

int report_failure(const Failure& failure, Output& output, Language language)
{
  for (const auto& message : failure.messages()) {
    output.err += TR(language, "simplan: error: {}", util::escape_control(message)) + "\n";
  }
  if (!failure.hint().empty()) {
    output.err += TR(language, "simplan: hint: {}", util::escape_control(failure.hint())) + "\n";
  }
  return static_cast<int>(failure.code());
}

std::string footer(Language language)
{
  return TR(language, "Run 'simplan COMMAND --help' for a command's options.") + "\n\n" + TR(language, "Exit codes:") +
         "\n" + "  0  " + TR(language, "success") + "\n" + "  1  " +
         TR(language, "nothing matched (no plan fits the needs or filters; unknown plan or line; nothing due)") + "\n" +
         "  2  " + TR(language, "usage error (unknown option, bad value)") + "\n" + "  3  " +
         TR(language, "invalid input data (a catalog, profile or lines file with problems)") + "\n" + "  4  " +
         TR(language, "a file could not be read or written") + "\n" + "  5  " +
         TR(language, "remind --sync: the calendar server could not be reached, refused the login or a change") +
         "\n\n" + TR(language, "Environment:") + "\n" +
         "  SIMPLAN_CATALOG    " + TR(language, "catalog files to use when --catalog is not given (colon-separated)") + "\n" +
         "  SIMPLAN_LINES      " + TR(language, "your lines file when --lines-file is not given") + "\n" +
         "  SIMPLAN_STATE      " + TR(language, "the state whose taxes are estimated when --state is not given (NY)") + "\n" +
         "  SIMPLAN_CALDAV_CONFIG    " + TR(language, "the CalDAV settings for remind --sync caldav (default XDG_CONFIG_HOME/simplan/caldav.json)") + "\n" +
         "  SIMPLAN_CALDAV_PASSWORD  " + TR(language, "the CalDAV password, instead of the settings' password_command") + "\n" +
         "  XDG_CONFIG_HOME    " + TR(language, "the lines file is XDG_CONFIG_HOME/simplan/lines.json (default ~/.config)") +
         "\n" + "  SOURCE_DATE_EPOCH  " + TR(language, "the timestamp written into calendar files (reproducible output)") +
         "\n" + "  NO_COLOR           " + TR(language, "when set and not empty, no color in tables") + "\n" +
         "  LC_ALL, LC_MESSAGES, LANG  " + TR(language, "the language when --lang is not given (zh_CN: Simplified Chinese)") +
         "\n";
}

} // namespace

namespace {

constexpr std::string_view k_commands[] = {"recommend", "compare", "remind", "lines", "renew", "plans", "catalog"};

// The command the arguments name: the first argument that is neither a global option nor its value, when it
// is one of k_commands (`completion` needs every command). Empty otherwise. A wrong guess costs only time:
// run_with_commands notices and the whole tree is built.
std::string_view named_command(const std::vector<std::string>& args)
{
  static constexpr std::string_view k_valued[] = {"--today", "--catalog", "--format", "--lines-file", "--lang"};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (std::find(std::begin(k_valued), std::end(k_valued), arg) != std::end(k_valued)) {
      ++i;  // its value
    } else if (!arg.starts_with('-')) {
      const auto* found = std::find(std::begin(k_commands), std::end(k_commands), arg);
      return found != std::end(k_commands) ? *found : std::string_view{};
    }
  }
  return {};
}

bool parsed(const CLI::App* command)
{
  return command != nullptr && command->parsed();
}

// Parses `args` and runs the command they name. With `only` set, only that command gets its options; the
// others are bare names (building every option of every command, with its help text, was a third of what
// `simplan recommend` cost). Then anything that could show the difference (help, a parse error, another
// command parsed) returns nothing, and the caller runs again with every command built.
std::optional<int> run_with_commands(const std::vector<std::string>& args, const Environment& environment,
                                     Output& output, Language language, std::string_view only)
{
  const auto wanted = [only](std::string_view name) { return only.empty() || only == name; };
  std::vector<const CLI::App*> bare;
  CLI::App app{TR(language, "simplan finds the US mobile plan that fits your stay, with the math shown, and reminds you to renew it."),
               "simplan"};
  app.fallthrough();  // global options are accepted after the command name too
  app.require_subcommand(1);
  app.footer(footer(language));
  GlobalOptions global;
  setup_global_options(app, global, language);
  const auto bare_command = [&](std::string_view name) {
    bare.push_back(app.add_subcommand(std::string{name}));
    return nullptr;
  };
  RecommendOptions recommend_options;
  const CLI::App* recommend =
    wanted("recommend") ? setup_recommend_command(app, recommend_options, language) : bare_command("recommend");
  CompareOptions compare_options;
  const CLI::App* compare = wanted("compare") ? setup_compare_command(app, compare_options, language) : bare_command("compare");
  RemindOptions remind_options;
  const CLI::App* remind = wanted("remind") ? setup_remind_command(app, remind_options, language) : bare_command("remind");
  LinesOptions lines_options;
  LinesCommand lines;
  if (wanted("lines")) {
    lines = setup_lines_command(app, lines_options, language);
  } else {
    bare_command("lines");
  }
  RenewOptions renew_options;
  const CLI::App* renew = wanted("renew") ? setup_renew_command(app, renew_options, language) : bare_command("renew");
  PlansOptions plans_options;
  PlansCommand plans;
  if (wanted("plans")) {
    plans = setup_plans_command(app, plans_options, language);
  } else {
    bare_command("plans");
  }
  CatalogOptions catalog_options;
  CatalogCommand catalog;
  if (wanted("catalog")) {
    catalog = setup_catalog_command(app, catalog_options, language);
  } else {
    bare_command("catalog");
  }
  CompletionOptions completion_options;
  const CLI::App* completion = only.empty() ? setup_completion_command(app, completion_options, language) : bare_command("completion");
  localize_help(app, language);

  try {
    std::vector<std::string> reversed{args.rbegin(), args.rend()};
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    if (!only.empty() && dynamic_cast<const CLI::CallForVersion*>(&error) == nullptr) {
      return std::nullopt;
    }
    return report_parse_error(app, error, output, language);
  }
  if (std::any_of(bare.begin(), bare.end(), parsed)) {
    return std::nullopt;
  }

  const Context context = make_context(app, global, environment, output, language);
  if (parsed(recommend)) {
    return run_recommend(recommend_options, context);
  }
  if (parsed(compare)) {
    return run_compare(compare_options, context);
  }
  if (parsed(remind)) {
    return run_remind(remind_options, context);
  }
  if (parsed(lines.add)) {
    return run_lines_add(lines_options, context);
  }
  if (parsed(lines.list)) {
    return run_lines_list(lines_options, context);
  }
  if (parsed(lines.renewed)) {
    return run_lines_renewed(lines_options, context);
  }
  if (parsed(lines.remove)) {
    return run_lines_remove(lines_options, context);
  }
  if (parsed(renew)) {
    return run_renew(renew_options, context);
  }
  if (parsed(plans.show)) {
    return run_plans_show(plans_options, context);
  }
  if (parsed(plans.list)) {
    return run_plans_list(plans_options, context);
  }
  if (parsed(catalog.validate)) {
    return run_catalog_validate(catalog_options, context);
  }
  if (parsed(catalog.info)) {
    return run_catalog_info(catalog_options, context);
  }
  if (parsed(completion)) {
    return run_completion(completion_options, app, context);
  }
  throw Failure{ExitCode::usage, TR(language, "no command given"), TR(language, "run 'simplan --help' for the commands")};
}

} // namespace

int run(const std::vector<std::string>& args, const Environment& environment, Output& output)
{
  const Language language = detect_language(args, environment);
  try {
    if (const std::string_view command = named_command(args); !command.empty()) {
      // Nothing has been written or run when this gives up: the second attempt starts clean.
      if (const auto status = run_with_commands(args, environment, output, language, command)) {
        return *status;
      }
    }
    return *run_with_commands(args, environment, output, language, {});
  } catch (const Failure& failure) {
    return report_failure(failure, output, language);
  } catch (const std::exception& error) {
    output.err += TR(language, "simplan: internal error: {} (please report this)", util::escape_control(error.what())) + "\n";
    return static_cast<int>(ExitCode::internal);
  }
}

} // namespace simplan::cli
