#include "cli/remind_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/files.hpp"
#include "cli/lines_command.hpp"
#include "cli/lines_store.hpp"
#include "cli/needs_options.hpp"
#include "cli/sync_command.hpp"
#include "cli/value_parsers.hpp"
#include "cli/cli_text.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/renewal/reminders.hpp"
#include "simplan/renewal/schedule.hpp"
#include "simplan/report/remind_report.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/spelling.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace simplan::cli {
namespace {

report::ReminderFormat choose_format(const RemindOptions& options, const Context& context)
{
  const std::string& name = options.export_format;
  if (name.empty()) {
    if (context.format_given) {
      switch (context.format) {
      case report::OutputFormat::json: return report::ReminderFormat::json;
      case report::OutputFormat::csv: return report::ReminderFormat::csv;
      case report::OutputFormat::tsv: return report::ReminderFormat::tsv;
      case report::OutputFormat::table: break;
      }
    }
    return report::ReminderFormat::text;
  }
  if (name == "ics") {
    return report::ReminderFormat::ics;
  }
  if (name == "json") {
    return report::ReminderFormat::json;
  }
  if (name == "csv") {
    return report::ReminderFormat::csv;
  }
  if (name == "tsv") {
    return report::ReminderFormat::tsv;
  }
  return report::ReminderFormat::text;
}

// SOURCE_DATE_EPOCH (reproducible builds) fixes the calendar's timestamp; otherwise it is now.
std::int64_t calendar_stamp(const Context& context)
{
  if (const auto epoch = context.environment.variable("SOURCE_DATE_EPOCH"); epoch && !epoch->empty()) {
    std::int64_t seconds = 0;
    const auto [end, error] = std::from_chars(epoch->data(), epoch->data() + epoch->size(), seconds);
    if (error != std::errc{} || end != epoch->data() + epoch->size() || seconds < 0 || seconds > 253402300799) {
      throw Failure{ExitCode::usage,
                    TR(context.language, "SOURCE_DATE_EPOCH: expected seconds since 1970 as a whole number, got \"{}\"", *epoch)};
    }
    return seconds;
  }
  return context.environment.now_unix();
}

// The one-shot line of `remind --plan ID --start DATE`: nothing is saved. Its id comes from the plan and
// the start, so the same command gives the same calendar UIDs.
lines::Line one_shot_line(const RemindOptions& options, const catalog::Catalog& catalog, const Context& context)
{
  const Language language = context.language;
  const catalog::Plan& plan = find_plan_or_fail(language, catalog, options.plan, "--plan");
  lines::Line line;
  line.plan = plan.id;
  line.label = plan.name;
  line.anchor = parse_date_option(language, "--start", options.start);
  line.term = plan.terms.front().length;
  if (!options.term.empty()) {
    line.term = parse_term_option(language, "--term", options.term);
    if (std::none_of(plan.terms.begin(), plan.terms.end(), [&](const catalog::Term& term) { return term.length == line.term; })) {
      throw Failure{ExitCode::usage, TR(language, "--term: {} is not sold in {}", plan.id, options.term)};
    }
  }
  line.line_count = options.line_count.value_or(1);
  line.autopay = options.autopay;
  if (!options.remind.empty()) {
    line.remind_days = parse_days_list(language, "--remind", options.remind);
  }
  line.paid_terms = std::max(1, renewal::term_covering(line.anchor, line.term, context.today) + 1);
  // A hash of the plan, term and start: stable and free of personal data.
  line.id = util::fnv1a_hex(fmt::format("{}|{}{}|{}", plan.id, line.term.count,
                                        line.term.unit == catalog::TermUnit::days ? 'd' : 'm', util::format_iso_date(line.anchor)));
  return line;
}

// A sync keeps a calendar in step with the lines file: it writes to no file or stream, answers no question
// about what is due, and works on the lines file, not on one plan.
void check_sync_options(const RemindOptions& options, Language language)
{
  const auto refuse = [&](std::string_view option) {
    throw Failure{ExitCode::usage, TR(language, "--sync and {} do not go together", option)};
  };
  if (!options.export_format.empty()) {
    refuse("--export");
  }
  if (!options.output.empty()) {
    refuse("--output");
  }
  if (options.due_within) {
    refuse("--due-within");
  }
  if (options.quiet) {
    refuse("--quiet");
  }
  if (!options.plan.empty()) {
    refuse("--plan");
  }
}

} // namespace

CLI::App* setup_remind_command(CLI::App& app, RemindOptions& options, Language language)
{
  CLI::App* command =
    app.add_subcommand("remind", TR(language, "What falls due for your lines: renewals, amounts, deadlines"));
  command->add_option("--line", options.line_labels, TR(language, "Only this line (by label; repeatable)"))->type_name("LABEL");
  auto* until = command->add_option("--until", options.until, TR(language, "Through this day, at most 10 years ahead (default: the next 90 days)"))
                  ->type_name("DATE");
  command->add_option("--count", options.count, TR(language, "The next N renewals of each line instead of a date range"))
    ->check(in_range(language, 1, 1000))
    ->type_name("N")
    ->excludes(until);
  command->add_option("--due-within", options.due_within,
                      TR(language, "Only what falls due within DAYS days (with -q: exit 0 if anything does, 1 if nothing)"))
    ->check(in_range(language, 0, 3660))
    ->type_name("DAYS");
  command->add_flag("-q,--quiet", options.quiet, TR(language, "Print nothing; the exit code says whether anything is due"));
  command->add_option("--export", options.export_format, TR(language, "text (default), json, csv, tsv, or ics (a calendar file)"))
    ->check(one_of(language, {"text", "json", "csv", "tsv", "ics"}))
    ->type_name("FORMAT");
  command->add_option("--output", options.output, TR(language, "Write to FILE (atomically) instead of standard output; - is stdout"))
    ->type_name("FILE");
  command->add_flag("--rrule", options.rrule, TR(language, "In a calendar, write each line's renewals as one recurring event"));
  command->add_option("--heads-up", options.heads_up,
                      TR(language, "In a calendar, also an all-day \"renews in N days\" event (for calendars that drop alarms)"))
    ->check(in_range(language, 1, 90))
    ->type_name("DAYS");
  command->add_option("--sync", options.sync,
                      TR(language, "Keep a calendar up to date with these reminders: caldav (the calendar in your CalDAV "
                                   "settings) or vdir DIR (one .ics file per event)"))
    ->expected(1, 2)
    ->type_name("caldav|vdir DIR");
  command->add_flag("--dry-run", options.dry_run, TR(language, "With --sync: say what would change, change nothing"));
  add_state_option(*command, options.state, StateUse::listing, language);
  command->add_option("--plan", options.plan, TR(language, "One plan's dates without a lines file: the plan id (with --start)"))
    ->type_name("ID");
  command->add_option("--start", options.start, TR(language, "With --plan: the first day of service"))->type_name("DATE");
  command->add_option("--term", options.term, TR(language, "With --plan: the term bought (30d, 1m, 12m)"))->type_name("TERM");
  command->add_option("--line-count", options.line_count, TR(language, "With --plan: lines on the account"))
    ->check(in_range(language, 1, 20))
    ->type_name("N");
  command->add_flag("--autopay", options.autopay, TR(language, "With --plan: amounts with the AutoPay discount"));
  command->add_option("--remind", options.remind, TR(language, "With --plan: alarm days before each due date (default 7,1)"))
    ->type_name("DAYS");
  command->footer(TR(language, "Examples:") +
                  "\n"
                  "  simplan remind\n"
                  "  simplan remind --count 12 --export ics --output renewals.ics\n"
                  "  simplan remind --export ics --heads-up 3 > renewals.ics\n"
                  "  simplan remind --plan mint-unlimited --start 2026-11-29 --term 90d --count 4\n"
                  "  simplan remind --due-within 3 -q && notify-send 'A phone bill is due'\n"
                  "  simplan remind --sync caldav\n"
                  "  simplan remind --sync vdir ~/.local/share/calendars/renewals --dry-run\n\n" +
                  TR(language, "Exit codes: 0 something is listed (or due, with --due-within); 1 nothing; 2 usage; 3 bad input; 4 a file could not be read or written; 5 (--sync) the calendar server could not be reached or refused a change."));
  return command;
}

int run_remind(const RemindOptions& options, const Context& context)
{
  const Language language = context.language;
  if (options.plan.empty() != options.start.empty()) {
    throw Failure{ExitCode::usage, TR(language, "--plan and --start go together: one plan's dates from its first day")};
  }
  std::optional<SyncRequest> sync;
  if (!options.sync.empty()) {
    sync = parse_sync_option(options.sync, options.dry_run, language);
    check_sync_options(options, language);
    if (sync->kind == SyncRequest::Kind::caldav && !context.environment.open_caldav) {
      // This simplan links no network code, so that every other command starts fast: simplan-caldav does.
      context.environment.run_helper("simplan-caldav");
    }
  } else if (options.dry_run) {
    throw Failure{ExitCode::usage, TR(language, "--dry-run goes with --sync: it shows what a sync would change")};
  }
  // Which lines, which window, which events; then render and write.
  const auto taxes = requested_taxes(options.state, context);
  const LoadedCatalog& loaded = load_catalogs(context);
  std::vector<lines::Line> chosen;
  std::string path;
  lines::LinesFile file;
  if (!options.plan.empty()) {
    chosen.push_back(one_shot_line(options, loaded.catalog, context));
  } else {
    path = lines_file_path(context);
    file = read_lines_file(path, language);
    if (file.lines.empty() && !sync) {
      context.output.err += no_lines_hint(language, path);
      return static_cast<int>(ExitCode::no_match);
    }
    for (const std::string& label : options.line_labels) {
      if (file.find(label) == nullptr) {
        std::vector<std::string> labels;
        for (const auto& line : file.lines) {
          labels.push_back(line.label);
        }
        const auto suggestion = util::suggest_name(label, labels);
        std::string message = TR(language, "--line: no line labelled \"{}\"", label);
        if (suggestion) {
          message += TR(language, "; did you mean \"{}\"?", *suggestion);
        }
        throw Failure{ExitCode::no_match, message};
      }
    }
    for (const lines::Line& line : file.lines) {
      if (options.line_labels.empty() ||
          std::find(options.line_labels.begin(), options.line_labels.end(), line.label) != options.line_labels.end()) {
        chosen.push_back(line);
      }
    }
  }
  for (const lines::Line& line : chosen) {
    if (!line.custom && loaded.catalog.find_plan(line.plan) == nullptr) {
      context.output.err += TR(language, "simplan: warning: line \"{}\" uses plan \"{}\", which the catalog does not have; its amounts are unknown",
                               util::escape_control(line.label), util::escape_control(line.plan)) +
                            "\n";
    }
  }

  renewal::Window window{context.today, std::nullopt, options.count, taxes};
  if (options.due_within) {
    window.until = date::year_month_day{date::sys_days{context.today} + date::days{*options.due_within}};
  } else if (!options.until.empty()) {
    window.until = parse_date_option(language, "--until", options.until);
    // Ten years, as --due-within and --count allow: enough to plan with, and a bound on the work and output
    // (a 30-day plan through 9999 would be a hundred thousand events per line).
    const date::year_month_day last = date::sys_days{context.today} + date::days{3660};
    if (*window.until > last) {
      throw Failure{ExitCode::usage, TR(language, "--until: at most 10 years after the effective date, {}, got {}",
                                        util::format_iso_date(last), options.until)};
    }
  }
  if (options.quiet) {
    const bool any = renewal::ReminderStream{loaded.catalog, chosen, window}.next() != nullptr;
    return static_cast<int>(any ? ExitCode::success : ExitCode::no_match);
  }

  report::CalendarOptions calendar;
  calendar.rrule = options.rrule;
  calendar.heads_up_days = options.heads_up;
  calendar.until = window.until;
  if (sync) {
    calendar.stamp_unix_seconds = calendar_stamp(context);
    return run_sync(*sync, file, chosen, options.line_labels.empty(), loaded.catalog, window, calendar, context);
  }
  const report::ReminderFormat format = choose_format(options, context);
  if (format == report::ReminderFormat::ics) {
    calendar.stamp_unix_seconds = calendar_stamp(context);
  }
  // Nothing can fail now but writing, so the reminders (a calendar can be hundreds of megabytes) are made
  // one at a time and written as they are made, to standard output or to the new file that replaces
  // --output when it is complete; only the text table waits for its last row, to size its columns.
  const bool is_calendar = format == report::ReminderFormat::ics;
  std::size_t count = 0;
  const auto render = [&](const WritePiece& write) {
    if (is_calendar) {
      calendar.write = write;
      write(report::render_calendar(loaded.catalog, chosen, window, context.today, calendar, language));
    } else {
      renewal::ReminderStream reminders{loaded.catalog, chosen, window};
      count = report::write_reminders(reminders, context.today, format, context.render, write);
    }
  };
  if (options.output.empty() || options.output == "-") {
    render(context.output.stream_out ? WritePiece{context.output.stream_out}
                                     : WritePiece{[&](std::string_view piece) { context.output.out += piece; }});
  } else {
    write_file_atomically(options.output, render, TR(language, "output file"), {false, false, language});
  }
  return static_cast<int>(is_calendar || count > 0 ? ExitCode::success : ExitCode::no_match);
}

} // namespace simplan::cli
