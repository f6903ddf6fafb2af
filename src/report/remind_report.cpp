#include "simplan/report/remind_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/ics/calendar.hpp"
#include "simplan/renewal/recurrence.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/renewal_text.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/piece_buffer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace simplan::report {
namespace {

using renewal::EventKind;
using renewal::Reminder;
using util::format_dollars;

std::string plan_words(const renewal::LinePlan& plan)
{
  if (plan.plan_name.empty()) {
    return plan.carrier_name;
  }
  if (util::to_lower_ascii(plan.plan_name).starts_with(util::to_lower_ascii(plan.carrier_name))) {
    return plan.plan_name;
  }
  return plan.carrier_name + " " + plan.plan_name;
}

std::string amount_text(Language language, const std::optional<renewal::TermAmount>& amount, bool taxes_included,
                        bool unknown_if_missing)
{
  if (!amount) {
    return unknown_if_missing ? unknown_text(language) : std::string{};
  }
  if (amount->extras && amount->extras->total() > 0) {
    // "+" as in `plans`: a carrier fee given as a range may come out higher.
    return TR(language, "{} with est. tax", format_dollars(amount->with_extras()) + (amount->extras->fee_range ? "+" : ""));
  }
  const std::string dollars = format_dollars(amount->cents);
  return taxes_included || amount->extras ? dollars : TR(language, "{} + tax", dollars);
}

// The amount with estimated taxes and fees, for machine formats: null without an estimate.
nlohmann::ordered_json with_taxes_json(const std::optional<renewal::TermAmount>& amount)
{
  return amount && amount->extras ? nlohmann::ordered_json(amount->with_extras()) : nlohmann::ordered_json(nullptr);
}

std::string with_taxes_field(const std::optional<renewal::TermAmount>& amount)
{
  return amount && amount->extras ? fmt::format("{}", amount->with_extras()) : std::string{};
}

std::string amount_text(Language language, const Reminder& reminder)
{
  return amount_text(language, reminder.amount, reminder.plan.taxes_included, reminder.kind == EventKind::renewal_due);
}

std::string renew_url(const renewal::LinePlan& plan)
{
  if (plan.policy != nullptr) {
    for (const catalog::Channel& channel : plan.policy->channels) {
      if (channel.kind == catalog::ChannelKind::online && !channel.url.empty()) {
        return channel.url;
      }
    }
  }
  return plan.carrier != nullptr ? plan.carrier->website : std::string{};
}

// ---- text ------------------------------------------------------------------------------------------

std::size_t write_text(renewal::ReminderStream& reminders, const RenderOptions& options,
                       const std::function<void(std::string_view)>& write)
{
  const Language language = options.language;
  Table table{{{TR(language, "DATE")},
               {TR(language, "DAYS"), Align::right},
               {TR(language, "LINE"), Align::left, 8},
               {TR(language, "EVENT"), Align::left, 16},
               {TR(language, "AMOUNT"), Align::right},
               {TR(language, "HOW TO RENEW"), Align::left, 12, 1}}};
  std::size_t count = 0;
  while (const Reminder* reminder = reminders.next()) {
    ++count;
    const bool payable = reminder->kind == EventKind::renewal_due || reminder->kind == EventKind::suspended ||
                         reminder->kind == EventKind::number_lost;
    table.add_row({i18n::human_date(language, reminder->day), fmt::format("{}", reminder->days_left), reminder->line->label,
                   reminder_text(language, *reminder), amount_text(language, *reminder),
                   payable ? how_to_renew_short(language, reminder->plan) : ""});
  }
  write(count == 0 ? TR(language, "Nothing falls due in this window.") + "\n" : table.render(options));
  return count;
}

// ---- JSON and CSV: machine formats, the same in every language ---------------------------------------

nlohmann::ordered_json reminder_json(const Reminder& reminder)
{
  nlohmann::ordered_json out;
  out["date"] = util::format_iso_date(reminder.day);
  out["days_left"] = reminder.days_left;
  out["line"] = reminder.line->label;
  out["line_id"] = reminder.line->id;
  out["kind"] = renewal::event_kind_name(reminder.kind);
  out["term_number"] = reminder.term_number;
  out["carrier"] = reminder.plan.carrier_name;
  out["plan"] = reminder.plan.plan_name;
  out["plan_id"] = reminder.plan.plan_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(reminder.plan.plan_id);
  if (reminder.kind == EventKind::renewal_due || reminder.kind == EventKind::intro_ends) {
    out["amount_cents"] = reminder.amount ? nlohmann::ordered_json(reminder.amount->cents) : nlohmann::ordered_json(nullptr);
    out["intro_price"] = reminder.amount && reminder.amount->intro;
    out["taxes_included"] = reminder.plan.taxes_included;
    out["amount_with_taxes_cents"] = with_taxes_json(reminder.amount);
  }
  if (reminder.kind == EventKind::suspended || reminder.kind == EventKind::number_lost) {
    out["due"] = util::format_iso_date(reminder.due);
  }
  if (reminder.cheaper) {
    out["cheaper"] = {{"plan_id", reminder.cheaper->plan->id},
                      {"per_month_cents", reminder.cheaper->per_month},
                      {"current_per_month_cents", reminder.cheaper->current_per_month}};
  }
  out["renew_url"] = renew_url(reminder.plan);
  return out;
}

// The document dump_json() would make of {"today": ..., "reminders": [...]}, one reminder at a time: each
// is dumped alone and indented to its depth (a dump has line breaks only between its parts; a string's
// own are escaped).
std::size_t write_json(renewal::ReminderStream& reminders, date::year_month_day today,
                       const std::function<void(std::string_view)>& write)
{
  util::PieceBuffer out{write};
  out.text() = "{\n  \"today\": " + nlohmann::ordered_json(util::format_iso_date(today)).dump() + ",\n  \"reminders\": [";
  std::size_t count = 0;
  while (const Reminder* reminder = reminders.next()) {
    out.text() += count == 0 ? "\n    " : ",\n    ";
    ++count;
    const std::string item = reminder_json(*reminder).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    for (const char c : item) {
      out.text() += c;
      if (c == '\n') {
        out.text() += "    ";
      }
    }
    out.flush_if_full();
  }
  out.text() += count == 0 ? "]\n}\n" : "\n  ]\n}\n";
  std::move(out).finish();
  return count;
}

std::size_t write_records(renewal::ReminderStream& reminders, ReminderFormat format,
                          const std::function<void(std::string_view)>& write)
{
  const auto record = format == ReminderFormat::csv ? csv_record : tsv_record;
  util::PieceBuffer out{write};
  out.text() = record(std::vector<std::string>{"date", "days_left", "line", "kind", "term_number", "carrier", "plan",
                                               "plan_id", "amount_cents", "renew_url", "amount_with_taxes_cents"});
  std::size_t count = 0;
  while (const Reminder* reminder = reminders.next()) {
    ++count;
    out.text() += record(std::vector<std::string>{
      util::format_iso_date(reminder->day), fmt::format("{}", reminder->days_left), reminder->line->label,
      std::string{renewal::event_kind_name(reminder->kind)}, fmt::format("{}", reminder->term_number),
      reminder->plan.carrier_name, reminder->plan.plan_name, reminder->plan.plan_id,
      reminder->amount ? fmt::format("{}", reminder->amount->cents) : "", renew_url(reminder->plan),
      with_taxes_field(reminder->amount)});
    out.flush_if_full();
  }
  std::move(out).finish();
  return count;
}

// ---- iCalendar --------------------------------------------------------------------------------------

std::string uid(const Reminder& reminder, std::string_view kind)
{
  return fmt::format("simplan-{}-t{}-{}", reminder.line->id, reminder.term_number, kind);
}

// `guide`: the renewal guide's lines for the reminder's plan (renewal_guide_lines), the same for every
// event of a line, so the caller computes it once.
ics::Event calendar_event(Language language, const Reminder& reminder, const std::vector<std::string>& guide)
{
  ics::Event event;
  event.day = reminder.day;
  event.url = renew_url(reminder.plan);
  const std::string plan = plan_words(reminder.plan);
  const std::string& label = reminder.line->label;
  const std::string amount = amount_text(language, reminder);
  const std::string day = i18n::human_date(language, reminder.day);
  const std::string term = format_term_count(language, reminder.line->term);
  std::vector<std::string> description;
  switch (reminder.kind) {
  case EventKind::renewal_due:
    event.uid = uid(reminder, "renewal");
    event.summary = TR(language, "Renew {} ({}): {}", plan, label, amount);
    description.push_back(reminder.amount && reminder.amount->intro
                            ? TR(language, "{} is due on {}: {} for {} (intro price).", plan, day, amount, term)
                            : TR(language, "{} is due on {}: {} for {}.", plan, day, amount, term));
    for (const int days : reminder.line->remind_days) {
      event.alarms.push_back({days, 9,
                              days == 0   ? TR(language, "{} renews today: {}", plan, amount)
                              : days == 1 ? TR(language, "{} renews tomorrow: {}", plan, amount)
                                          : TR(language, "{} renews in {} days: {}", plan, days, amount)});
    }
    break;
  case EventKind::intro_ends:
    event.uid = uid(reminder, "intro-ends");
    event.summary = TR(language, "Intro price ends: {} ({}) is {} from now", plan, label, amount);
    description.push_back(TR(language, "From {} this line costs the regular price, {} for {}.", day, amount, term));
    if (reminder.cheaper) {
      description.push_back(TR(language, "{} would cost {} a month instead of {} (simplan plans show {}).",
                               reminder.cheaper->plan->name, format_dollars(reminder.cheaper->per_month),
                               format_dollars(reminder.cheaper->current_per_month), reminder.cheaper->plan->id));
    }
    event.alarms.push_back({7, 9, TR(language, "{}: the intro price ends in 7 days", plan)});
    break;
  case EventKind::suspended:
    event.uid = uid(reminder, "suspended");
    event.summary = TR(language, "{} service stops if unpaid ({})", plan, label);
    description.push_back(TR(language, "If the renewal due on {} is still unpaid, service stops on {}.",
                             i18n::human_date(language, reminder.due), day));
    break;
  case EventKind::number_lost:
    event.uid = uid(reminder, "number-lost");
    event.summary = TR(language, "Last day to keep your number: pay {} ({})", plan, label);
    description.push_back(TR(language, "If the renewal due on {} is still unpaid after {}, the phone number can be lost for good.",
                             i18n::human_date(language, reminder.due), day));
    event.alarms.push_back({3, 9, TR(language, "3 days left to keep your {} number", reminder.plan.carrier_name)});
    break;
  case EventKind::pass_ends:
    event.uid = uid(reminder, "pass-ends");
    event.summary = TR(language, "{} ends ({})", plan, label);
    description.push_back(TR(language, "This pass is not renewable: buy a new pass or choose a plan (simplan recommend)."));
    for (const int days : reminder.line->remind_days) {
      event.alarms.push_back({days, 9,
                              days == 0   ? TR(language, "{} ends today", plan)
                              : days == 1 ? TR(language, "{} ends tomorrow", plan)
                                          : TR(language, "{} ends in {} days", plan, days)});
    }
    break;
  }
  if (reminder.kind != EventKind::pass_ends) {
    description.insert(description.end(), guide.begin(), guide.end());
  }
  event.description = join(description, "\n");
  return event;
}

ics::Event heads_up_event(Language language, const Reminder& reminder, int days)
{
  ics::Event event;
  event.uid = uid(reminder, "heads-up");
  event.day = date::year_month_day{date::sys_days{reminder.day} - date::days{days}};
  event.summary = TR(language, "{} ({}) renews in {} days: {}", plan_words(reminder.plan), reminder.line->label, days,
                     amount_text(language, reminder));
  event.description =
    TR(language, "Due on {}.", i18n::human_date(language, reminder.day)) + " " + official_channels_only(language);
  event.url = renew_url(reminder.plan);
  return event;
}

} // namespace

void for_each_calendar_event(const catalog::Catalog& catalog, std::span<const lines::Line> lines,
                             const renewal::Window& window, date::year_month_day today, const CalendarOptions& options,
                             Language language, const CalendarEventSink& take)
{
  std::map<std::pair<const catalog::RenewalPolicy*, const catalog::Carrier*>, std::vector<std::string>> guides;
  const auto event_for = [&](const Reminder& reminder) {
    const auto key = std::make_pair(reminder.plan.policy, reminder.plan.carrier);
    auto found = guides.find(key);
    if (found == guides.end()) {
      found = guides.emplace(key, renewal_guide_lines(language, reminder.plan.policy, reminder.plan.carrier)).first;
    }
    return calendar_event(language, reminder, found->second);
  };

  // With --rrule, each line's renewals at one amount become one recurring event where a portable rule
  // exists; the rest (an overdue renewal, intro-priced terms, rules that cannot be written) stay single.
  // Lines in the order of their ids; each line's renewals are made again, for that line alone.
  std::map<const lines::Line*, int> in_rules_from;  // the first term number of a line's renewals in a rule
  if (options.rrule) {
    std::vector<const lines::Line*> by_id;
    for (const lines::Line& line : lines) {
      by_id.push_back(&line);
    }
    std::stable_sort(by_id.begin(), by_id.end(), [](const lines::Line* a, const lines::Line* b) { return a->id < b->id; });
    for (const lines::Line* line_of_rule : by_id) {
      std::vector<Reminder> renewals;
      renewal::ReminderStream stream{catalog, std::span<const lines::Line>{line_of_rule, 1}, window};
      while (const Reminder* reminder = stream.next()) {
        if (reminder->kind == EventKind::renewal_due && reminder->days_left >= 0) {
          renewals.push_back(*reminder);
        }
      }
      if (renewals.empty()) {
        continue;
      }
      // The tail of renewals that share the last renewal's amount.
      std::size_t first = renewals.size() - 1;
      const auto cents = [](const Reminder& reminder) { return reminder.amount ? reminder.amount->cents : -1; };
      while (first > 0 && cents(renewals[first - 1]) == cents(renewals.back())) {
        --first;
      }
      if (renewals.size() - first < 2) {
        continue;
      }
      const Reminder& head = renewals[first];
      const lines::Line& line = *head.line;
      const int first_k = head.term_number - line.terms_before;
      const auto rules =
        renewal::recurrence_rules(line.anchor, line.term, first_k, options.until.value_or(renewals.back().day));
      if (!rules || rules->empty()) {
        continue;
      }
      for (const renewal::RecurrenceRule& rule : *rules) {
        ics::Event event = event_for(head);
        event.uid = fmt::format("simplan-{}-t{}-renewals{}", line.id, head.term_number, rule.part.empty() ? "" : "-" + rule.part);
        event.day = rule.start;
        event.rrule = rule.rule;
        event.description = TR(language, "Renews every {}: {}.", format_term_count(language, line.term), amount_text(language, head)) +
                            "\n" + event.description.substr(event.description.find('\n') + 1);
        take(event, line);
      }
      in_rules_from[line_of_rule] = head.term_number;
    }
  }
  const auto in_a_rule = [&](const Reminder& reminder) {
    if (reminder.kind != EventKind::renewal_due || reminder.days_left < 0) {
      return false;
    }
    const auto found = in_rules_from.find(reminder.line);
    return found != in_rules_from.end() && reminder.term_number >= found->second;
  };
  renewal::ReminderStream stream{catalog, lines, window};
  while (const Reminder* reminder = stream.next()) {
    if (!in_a_rule(*reminder)) {
      take(event_for(*reminder), *reminder->line);
    }
    if (options.heads_up_days && reminder->kind == EventKind::renewal_due) {
      const auto heads_up = heads_up_event(language, *reminder, *options.heads_up_days);
      if (date::sys_days{heads_up.day} >= date::sys_days{today}) {
        take(heads_up, *reminder->line);
      }
    }
  }
}

std::string render_calendar(const catalog::Catalog& catalog, std::span<const lines::Line> lines,
                            const renewal::Window& window, date::year_month_day today, const CalendarOptions& options,
                            Language language)
{
  ics::CalendarWriter calendar{TR(language, "Phone plan renewals (simplan)"), options.stamp_unix_seconds, options.write};
  for_each_calendar_event(catalog, lines, window, today, options, language,
                          [&](const ics::Event& event, const lines::Line&) { calendar.add(event); });
  return std::move(calendar).finish();
}

std::string how_to_renew_short(Language language, const renewal::LinePlan& plan)
{
  std::vector<std::string> ways;
  if (plan.policy != nullptr) {
    for (const catalog::Channel& channel : plan.policy->channels) {
      if (channel.kind == catalog::ChannelKind::online && !channel.url.empty()) {
        ways.push_back(channel.url);
      } else if (channel.kind == catalog::ChannelKind::app && channel.name) {
        ways.push_back(TR(language, "the {}", localized(language, *channel.name)));
      }
      if (ways.size() == 2) {
        break;
      }
    }
  }
  if (ways.empty() && plan.carrier != nullptr && !plan.carrier->website.empty()) {
    ways.push_back(plan.carrier->website);
  }
  return join(ways, TR(language, " or "));
}

std::string reminder_text(Language language, const Reminder& reminder)
{
  const std::string plan = plan_words(reminder.plan);
  switch (reminder.kind) {
  case EventKind::renewal_due:
    if (reminder.days_left < 0) {
      return TR(language, "OVERDUE: renew {}", plan);
    }
    return reminder.amount && reminder.amount->intro ? TR(language, "renew {} (intro price)", plan) : TR(language, "renew {}", plan);
  case EventKind::intro_ends:
    return reminder.cheaper ? TR(language, "intro price ends; {} costs {} a month", reminder.cheaper->plan->id,
                                 format_dollars(reminder.cheaper->per_month))
                            : TR(language, "intro price ends");
  case EventKind::suspended: return TR(language, "service stops if still unpaid");
  case EventKind::number_lost: return TR(language, "last day to pay and keep the number");
  case EventKind::pass_ends: return TR(language, "{} ends (not renewable)", plan);
  }
  return "";
}

std::size_t write_reminders(renewal::ReminderStream& reminders, date::year_month_day today, ReminderFormat format,
                            const RenderOptions& options, const std::function<void(std::string_view)>& write)
{
  switch (format) {
  case ReminderFormat::text: return write_text(reminders, options, write);
  case ReminderFormat::json: return write_json(reminders, today, write);
  case ReminderFormat::csv:
  case ReminderFormat::tsv: return write_records(reminders, format, write);
  case ReminderFormat::ics: throw std::logic_error{"write_reminders: a calendar is made by render_calendar"};
  }
  return 0;
}

std::string render_lines(const lines::LinesFile& file, const catalog::Catalog& catalog, date::year_month_day today,
                         const std::optional<tax::TaxRates>& taxes, OutputFormat format, const RenderOptions& options)
{
  const Language language = options.language;
  struct Row {
    const lines::Line* line;
    renewal::LinePlan plan;
    std::optional<renewal::TermAmount> amount;
    date::year_month_day due;
  };
  std::vector<Row> rows;
  for (const lines::Line& line : file.lines) {
    Row row{&line, renewal::resolve_plan(catalog, line), std::nullopt, line.next_due()};
    row.amount = renewal::term_amount(row.plan, line, line.plan_terms_before + line.paid_terms, row.due,
                                      taxes ? &*taxes : nullptr);
    rows.push_back(std::move(row));
  }
  if (format == OutputFormat::json) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const Row& row : rows) {
      items.push_back({{"label", row.line->label},
                       {"id", row.line->id},
                       {"carrier", row.plan.carrier_name},
                       {"plan", row.plan.plan_name},
                       {"plan_id", row.plan.plan_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.plan.plan_id)},
                       {"term", catalog::term_length_to_json(row.line->term)},
                       {"line_count", row.line->line_count},
                       {"next_due", util::format_iso_date(row.due)},
                       {"days_left", util::days_between(today, row.due)},
                       {"amount_cents", row.amount ? nlohmann::ordered_json(row.amount->cents) : nlohmann::ordered_json(nullptr)},
                       {"amount_with_taxes_cents", with_taxes_json(row.amount)}});
    }
    nlohmann::ordered_json document;
    document["lines"] = std::move(items);
    return catalog::dump_json(document);
  }
  if (format == OutputFormat::csv || format == OutputFormat::tsv) {
    const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
    std::string out = record(std::vector<std::string>{"label", "id", "carrier", "plan", "plan_id", "term_unit", "term_count",
                                                      "line_count", "next_due", "days_left", "amount_cents",
                                                      "amount_with_taxes_cents"});
    for (const Row& row : rows) {
      out += record(std::vector<std::string>{
        row.line->label, row.line->id, row.plan.carrier_name, row.plan.plan_name, row.plan.plan_id,
        std::string{catalog::to_string(row.line->term.unit)}, fmt::format("{}", row.line->term.count),
        fmt::format("{}", row.line->line_count), util::format_iso_date(row.due),
        fmt::format("{}", util::days_between(today, row.due)), row.amount ? fmt::format("{}", row.amount->cents) : "",
        with_taxes_field(row.amount)});
    }
    return out;
  }
  Table table{{{TR(language, "LINE"), Align::left, 8},
               {TR(language, "PLAN"), Align::left, 12, 2},
               {TR(language, "TERM")},
               {TR(language, "NEXT DUE")},
               {TR(language, "DAYS"), Align::right},
               {TR(language, "AMOUNT"), Align::right}}};
  for (const Row& row : rows) {
    table.add_row({row.line->label, plan_words(row.plan), format_term_count(language, row.line->term),
                   i18n::human_date(language, row.due), fmt::format("{}", util::days_between(today, row.due)),
                   amount_text(language, row.amount, row.plan.taxes_included, true)});
  }
  return table.render(options);
}

std::string render_renew_guide(const catalog::Catalog& catalog, const catalog::Carrier& carrier, const lines::Line* line,
                               date::year_month_day today, const std::optional<tax::TaxRates>& taxes, OutputFormat format,
                               const RenderOptions& options)
{
  const Language language = options.language;
  const catalog::RenewalPolicy* policy = carrier.prepaid_renewal ? &*carrier.prepaid_renewal
                                         : carrier.postpaid_renewal ? &*carrier.postpaid_renewal
                                                                    : nullptr;
  std::optional<renewal::LinePlan> plan;
  std::optional<renewal::TermAmount> amount;
  if (line != nullptr) {
    plan = renewal::resolve_plan(catalog, *line);
    policy = plan->policy;
    amount = renewal::term_amount(*plan, *line, line->plan_terms_before + line->paid_terms, line->next_due(),
                                  taxes ? &*taxes : nullptr);
  }
  if (format == OutputFormat::json) {
    nlohmann::ordered_json document;
    document["carrier"] = carrier.id;
    document["carrier_name"] = carrier.name;
    if (line != nullptr) {
      document["line"] = line->label;
      document["plan"] = plan->plan_name;
      document["next_due"] = util::format_iso_date(line->next_due());
      document["days_left"] = util::days_between(today, line->next_due());
      document["amount_cents"] = amount ? nlohmann::ordered_json(amount->cents) : nlohmann::ordered_json(nullptr);
      document["amount_with_taxes_cents"] = with_taxes_json(amount);
    }
    document["renewal"] = policy != nullptr ? catalog::renewal_policy_to_json(*policy) : nlohmann::ordered_json(nullptr);
    document["advice"] = official_channels_only(language);
    return catalog::dump_json(document);
  }
  std::string out;
  if (line != nullptr) {
    const int days = util::days_between(today, line->next_due());
    const std::string when = days < 0 ? TR(language, "overdue by {} days", -days) : TR(language, "in {} days", days);
    out += TR(language, "{}: {}, next due {} ({}), {}", line->label, plan_words(*plan), i18n::human_date(language, line->next_due()),
              when, amount_text(language, amount, plan->taxes_included, true)) +
           "\n\n";
  } else {
    out += TR(language, "How to renew {}", carrier.name) + "\n\n";
  }
  for (const auto& text : renewal_guide_lines(language, policy, &carrier)) {
    out += util::escape_control(text) + "\n";
  }
  if (policy != nullptr && !carrier.website.empty()) {
    out += TR(language, "Website: {}", carrier.website) + "\n";
  }
  return out;
}

} // namespace simplan::report
