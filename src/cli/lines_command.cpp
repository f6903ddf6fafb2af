#include "cli/lines_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/lines_store.hpp"
#include "cli/needs_options.hpp"
#include "cli/value_parsers.hpp"
#include "cli/cli_text.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/renewal/reminders.hpp"
#include "simplan/renewal/schedule.hpp"
#include "simplan/report/remind_report.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/spelling.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::cli {
namespace {

const catalog::Term& choose_term(Language language, const catalog::Plan& plan, const std::string& text)
{
  if (text.empty()) {
    return plan.terms.front();
  }
  const catalog::TermLength wanted = parse_term_option(language, "--term", text);
  for (const catalog::Term& term : plan.terms) {
    if (term.length == wanted) {
      return term;
    }
  }
  std::string offered;
  for (const catalog::Term& term : plan.terms) {
    offered += (offered.empty() ? "" : ", ") + fmt::format("{}{}", term.length.count,
                                                          term.length.unit == catalog::TermUnit::days ? "d" : "m");
  }
  throw Failure{ExitCode::usage, TR(language, "--term: {} is not sold in {}; it is sold in {}", plan.id, text, offered)};
}

[[noreturn]] void unknown_line(Language language, const lines::LinesFile& file, std::string_view label)
{
  std::vector<std::string> labels;
  for (const auto& line : file.lines) {
    labels.push_back(line.label);
  }
  const auto suggestion = util::suggest_name(label, labels);
  std::string message = TR(language, "no line labelled \"{}\"", label);
  if (suggestion) {
    message += TR(language, "; did you mean \"{}\"?", *suggestion);
  }
  throw Failure{ExitCode::no_match, message, suggestion ? std::string{} : TR(language, "'simplan lines list' shows your lines")};
}

std::string describe_next(Language language, const lines::Line& line, const catalog::Catalog& catalog)
{
  const renewal::LinePlan plan = renewal::resolve_plan(catalog, line);
  const auto amount = renewal::term_amount(plan, line, line.plan_terms_before + line.paid_terms, line.next_due());
  const std::string due = i18n::human_date(language, line.next_due());
  if (plan.travel) {
    return TR(language, "the pass ends {}", due);
  }
  if (!amount) {
    return TR(language, "next renewal {}: amount unknown", due);
  }
  const std::string dollars = util::format_dollars(amount->cents);
  return TR(language, "next renewal {}: {}", due, plan.taxes_included ? dollars : TR(language, "{} + tax", dollars));
}

} // namespace

std::string no_lines_hint(Language language, const std::string& path)
{
  return TR(language, "No lines yet in {}. Add one:", util::escape_control(path)) + "\n" +
         "  simplan lines add --plan PLAN_ID --start YYYY-MM-DD --label \"My phone\"\n" +
         TR(language, "or see one plan's dates without saving anything:") + "\n" +
         "  simplan remind --plan PLAN_ID --start YYYY-MM-DD\n";
}

LinesCommand setup_lines_command(CLI::App& app, LinesOptions& options, Language language)
{
  CLI::App& lines = *app.add_subcommand("lines", TR(language, "Your own lines: add them, record renewals, list them"));
  lines.require_subcommand(1);
  LinesCommand command;

  command.add = lines.add_subcommand("add", TR(language, "Add a line you pay for, so simplan can remind you to renew it"));
  command.add->add_option("--plan", options.plan, TR(language, "The catalog plan (an id from `simplan plans`)"))->type_name("ID");
  command.add->add_option("--start", options.start, TR(language, "The first day of service, YYYY-MM-DD"))->required()->type_name("DATE");
  command.add->add_option("--label", options.label, TR(language, "Your name for the line (default: the plan's name)"))
    ->type_name("TEXT");
  command.add->add_option("--term", options.term, TR(language, "Which term you bought when the plan has several: 30d, 90d, 1m, 12m"))
    ->type_name("TERM");
  command.add->add_option("--line-count", options.line_count, TR(language, "Lines on this account (default 1)"))
    ->check(in_range(language, 1, 20))
    ->type_name("N");
  command.add->add_option("--remind", options.remind, TR(language, "Days before each due date to be reminded (default 7,1)"))
    ->type_name("DAYS");
  command.add->add_flag("--autopay", options.autopay, TR(language, "You pay by AutoPay (amounts include its discount)"));
  command.add->add_flag("--custom", options.custom, TR(language, "A plan the catalog lacks: give --carrier, --term and --price"));
  command.add->add_option("--carrier", options.carrier, TR(language, "With --custom: the carrier (a catalog carrier id or any name)"))
    ->type_name("NAME");
  command.add->add_option("--name", options.name, TR(language, "With --custom: the plan's name"))->type_name("TEXT");
  command.add->add_option("--price", options.price, TR(language, "With --custom: the price of one term, all lines"))
    ->type_name("DOLLARS");
  command.add->footer(TR(language, "Terms already past the start date are counted as paid.") + "\n\n" + TR(language, "Examples:") +
                      "\n"
                      "  simplan lines add --plan mint-unlimited --term 90d --start 2026-11-29 --label \"My Mint\"\n"
                      "  simplan lines add --plan att-value --start 2026-03-15 --line-count 2 --autopay\n"
                      "  simplan lines add --custom --carrier tello --term 30d --price 12 --start 2026-11-01");

  command.list = lines.add_subcommand("list", TR(language, "Your lines, with the next due date and amount"));
  add_state_option(*command.list, options.state, StateUse::listing, language);

  command.renewed = lines.add_subcommand("renewed", TR(language, "Record that you renewed a line (or changed its plan)"));
  command.renewed->add_option("LABEL", options.target, TR(language, "The line's label"))->required();
  command.renewed->add_option("--on", options.on, TR(language, "The day you paid (default: the effective date)"))->type_name("DATE");
  command.renewed->add_option("--terms", options.terms, TR(language, "How many terms you paid for (default 1)"))
    ->check(in_range(language, 1, 100))
    ->type_name("N");
  command.renewed->add_option("--plan", options.plan, TR(language, "You changed to this plan: a new term starts on --on"))
    ->type_name("ID");
  command.renewed->add_option("--term", options.term, TR(language, "The term you bought now (30d, 1m, ...)"))->type_name("TERM");
  command.renewed->footer(TR(language, "A day-count plan renewed after its due date starts its new term on the day you paid; a calendar-month plan keeps its due day."));

  command.remove = lines.add_subcommand("remove", TR(language, "Forget a line"));
  command.remove->add_option("LABEL", options.target, TR(language, "The line's label"))->required();
  return command;
}

int run_lines_add(const LinesOptions& options, const Context& context)
{
  const Language language = context.language;
  const LoadedCatalog& loaded = load_catalogs_keeping(context, {options.plan});
  lines::Line line;
  line.anchor = parse_date_option(language, "--start", options.start);
  line.line_count = options.line_count.value_or(1);
  line.autopay = options.autopay;
  if (!options.remind.empty()) {
    line.remind_days = parse_days_list(language, "--remind", options.remind);
  }
  std::string plan_name;
  if (options.custom) {
    if (!options.plan.empty()) {
      throw Failure{ExitCode::usage, TR(language, "{} and {} contradict each other: give one", "--custom", "--plan")};
    }
    if (options.carrier.empty() || options.term.empty() || options.price.empty()) {
      throw Failure{ExitCode::usage, TR(language, "--custom needs --carrier, --term and --price")};
    }
    line.custom = lines::CustomPlan{parse_name_option(language, "--carrier", options.carrier),
                                    options.name.empty() ? std::string{} : parse_name_option(language, "--name", options.name),
                                    parse_dollars_option(language, "--price", options.price)};
    if (const catalog::Carrier* carrier = catalog::find_carrier_by_id_or_name(loaded.catalog, options.carrier)) {
      line.custom->carrier = carrier->id;
    }
    line.term = parse_term_option(language, "--term", options.term);
    plan_name = options.name.empty() ? options.carrier : options.carrier + " " + options.name;
  } else {
    if (options.plan.empty()) {
      throw Failure{ExitCode::usage, TR(language, "give --plan ID (see 'simplan plans'), or --custom for a plan the catalog lacks")};
    }
    const catalog::Plan& plan = find_plan_or_fail(language, loaded.catalog, options.plan, "--plan", loaded.plan_ids);
    line.plan = plan.id;
    line.term = choose_term(language, plan, options.term).length;
    plan_name = plan.name;
    if (const auto availability = catalog::line_availability(plan, plan.terms.front(), line.line_count);
        availability == catalog::LineAvailability::above_max_lines) {
      const int most = plan.max_lines.value_or(1);
      throw Failure{ExitCode::usage, most == 1 ? TR(language, "--line-count: {} allows a single line only", plan.id)
                                               : TR(language, "--line-count: {} allows at most {} lines", plan.id, most)};
    }
  }
  line.label = options.label.empty() ? plan_name : parse_name_option(language, "--label", options.label);
  // Terms that began by the effective date are taken as paid: the next due date is the next one ahead.
  line.paid_terms = std::max(1, renewal::term_covering(line.anchor, line.term, context.today) + 1);
  line.history.push_back({line.anchor, "added", line.paid_terms, line.plan});

  const std::string path = lines_file_path(context);
  update_lines_file(path, language, [&](lines::LinesFile& file) {
    if (file.find(line.label) != nullptr) {
      throw Failure{ExitCode::usage, TR(language, "a line labelled \"{}\" exists already", line.label),
                    TR(language, "give another --label")};
    }
    do {
      line.id = context.environment.random_id();
    } while (std::any_of(file.lines.begin(), file.lines.end(), [&](const lines::Line& other) { return other.id == line.id; }));
    file.lines.push_back(line);
  });
  context.output.out += TR(language, "Added \"{}\": {} from {}; {}.", util::escape_control(line.label),
                           util::escape_control(plan_name), i18n::human_date(language, line.anchor),
                           describe_next(language, line, loaded.catalog)) +
                        "\n";
  return static_cast<int>(ExitCode::success);
}

int run_lines_list(const LinesOptions& options, const Context& context)
{
  const auto taxes = requested_taxes(options.state, context);
  const std::string path = lines_file_path(context);
  const lines::LinesFile file = read_lines_file(path, context.language);
  if (file.lines.empty()) {
    context.output.err += no_lines_hint(context.language, path);
    return static_cast<int>(ExitCode::no_match);
  }
  const LoadedCatalog& loaded = load_catalogs(context);
  context.output.out += report::render_lines(file, loaded.catalog, context.today, taxes, context.format, context.render);
  return static_cast<int>(ExitCode::success);
}

int run_lines_renewed(const LinesOptions& options, const Context& context)
{
  const Language language = context.language;
  const LoadedCatalog& loaded = load_catalogs(context);
  lines::Renewal renewal;
  renewal.on = options.on.empty() ? context.today : parse_date_option(language, "--on", options.on);
  renewal.terms = options.terms;
  if (!options.plan.empty()) {
    const catalog::Plan& plan = find_plan_or_fail(language, loaded.catalog, options.plan, "--plan");
    renewal.new_plan = plan.id;
    renewal.new_term = choose_term(language, plan, options.term).length;
  } else if (!options.term.empty()) {
    renewal.new_term = parse_term_option(language, "--term", options.term);
  }
  lines::Line after;
  update_lines_file(lines_file_path(context), language, [&](lines::LinesFile& file) {
    lines::Line* line = file.find(options.target);
    if (line == nullptr) {
      unknown_line(language, file, options.target);
    }
    if (renewal.new_term && !renewal.new_plan && line->plan.empty() == false) {
      // A new term length on the same plan must be one it is sold in.
      const catalog::Plan* plan = loaded.catalog.find_plan(line->plan);
      if (plan != nullptr) {
        choose_term(language, *plan, options.term);
      }
    }
    lines::record_renewal(*line, renewal);
    after = *line;
  });
  context.output.out +=
    TR(language, "Recorded for \"{}\": {}.", util::escape_control(after.label), describe_next(language, after, loaded.catalog)) +
    "\n";
  return static_cast<int>(ExitCode::success);
}

int run_lines_remove(const LinesOptions& options, const Context& context)
{
  update_lines_file(lines_file_path(context), context.language, [&](lines::LinesFile& file) {
    const auto found = std::find_if(file.lines.begin(), file.lines.end(),
                                    [&](const lines::Line& line) { return line.label == options.target; });
    if (found == file.lines.end()) {
      unknown_line(context.language, file, options.target);
    }
    file.lines.erase(found);
  });
  context.output.out += TR(context.language, "Removed \"{}\".", util::escape_control(options.target)) + "\n";
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
