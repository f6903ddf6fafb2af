#include "simplan/lines/lines_file.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/renewal/schedule.hpp"
#include "simplan/util/date.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/util/json_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <set>

namespace simplan::lines {
namespace {

using util::Json;
using util::JsonObject;
using util::Need;

constexpr auto k_file_fields = std::to_array<std::string_view>({"schema_version", "lines"});
constexpr auto k_line_fields = std::to_array<std::string_view>(
  {"id", "label", "plan", "custom", "term", "anchor", "paid_terms", "terms_before", "plan_terms_before", "line_count",
   "autopay", "remind_days", "history"});
constexpr auto k_custom_fields = std::to_array<std::string_view>({"carrier", "name", "price_cents"});
constexpr auto k_term_fields = std::to_array<std::string_view>({"days", "months"});
constexpr auto k_history_fields = std::to_array<std::string_view>({"on", "event", "terms", "plan"});
constexpr auto k_history_events = std::to_array<std::string_view>({"added", "renewed", "plan_changed"});

std::optional<catalog::TermLength> read_term(const JsonObject& line)
{
  const Json* value = line.object("term", Need::required);
  if (value == nullptr) {
    return std::nullopt;
  }
  const i18n::Language language = line.language();
  const JsonObject fields{*value, line.pointer_to("term"), line.source(), line.problems(), k_term_fields, language};
  if (fields.has("days") == fields.has("months")) {
    fields.problem("", TR(language, "expected exactly one of \"days\" or \"months\""));
    return std::nullopt;
  }
  if (fields.has("days")) {
    const auto days = fields.small_integer("days", Need::required, 1, 400, TR(language, "a number of days"));
    return days ? std::optional{catalog::TermLength{catalog::TermUnit::days, *days}} : std::nullopt;
  }
  const auto months = fields.small_integer("months", Need::required, 1, 13, TR(language, "a number of months"));
  return months ? std::optional{catalog::TermLength{catalog::TermUnit::months, *months}} : std::nullopt;
}

Line read_line(const JsonObject& fields)
{
  const i18n::Language language = fields.language();
  Line line;
  line.id = fields.string("id", Need::required).value_or("");
  line.label = fields.string("label", Need::required).value_or("");
  line.plan = fields.string("plan", Need::optional).value_or("");
  if (const Json* custom = fields.object("custom", Need::optional)) {
    const JsonObject custom_fields{*custom, fields.pointer_to("custom"), fields.source(), fields.problems(),
                                   k_custom_fields, language};
    CustomPlan plan;
    plan.carrier = custom_fields.string("carrier", Need::required).value_or("");
    plan.name = custom_fields.string("name", Need::optional).value_or("");
    plan.price =
      custom_fields.integer("price_cents", Need::required, 0, 10'000'000, TR(language, "an amount in cents")).value_or(0);
    line.custom = plan;
  }
  if (line.plan.empty() == !line.custom.has_value() && fields.has("label")) {
    fields.problem("", TR(language, "expected exactly one of \"plan\" (a catalog plan id) or \"custom\""));
  }
  line.term = read_term(fields).value_or(catalog::TermLength{});
  line.anchor = fields.date("anchor", Need::required).value_or(date::year_month_day{});
  const std::string terms = TR(language, "a number of terms");
  line.paid_terms = fields.small_integer("paid_terms", Need::optional, 1, 100'000, terms).value_or(1);
  line.terms_before = fields.small_integer("terms_before", Need::optional, 0, 100'000, terms).value_or(0);
  line.plan_terms_before = fields.small_integer("plan_terms_before", Need::optional, 0, 100'000, terms).value_or(0);
  line.line_count = fields.small_integer("line_count", Need::optional, 1, 20, TR(language, "a number of lines")).value_or(1);
  line.autopay = fields.boolean("autopay", Need::optional).value_or(false);
  if (const Json* days = fields.array("remind_days", Need::optional)) {
    line.remind_days.clear();
    for (std::size_t i = 0; i < days->size(); ++i) {
      const Json& day = (*days)[i];
      if (day.is_number_integer() && day.get<std::int64_t>() >= 0 && day.get<std::int64_t>() <= 365) {
        line.remind_days.push_back(day.get<int>());
      } else {
        fields.problems().push_back({std::string{fields.source()}, std::nullopt,
                                     util::json_pointer_append(fields.pointer_to("remind_days"), i),
                                     TR(language, "expected a number of days from 0 to 365, got {}",
                                        util::describe_json(day, language))});
      }
    }
  }
  if (const Json* history = fields.array("history", Need::optional)) {
    for (std::size_t i = 0; i < history->size(); ++i) {
      const std::string pointer = util::json_pointer_append(fields.pointer_to("history"), i);
      if (!(*history)[i].is_object()) {
        fields.problems().push_back({std::string{fields.source()}, std::nullopt, pointer,
                                     TR(language, "expected an object, got {}", util::describe_json((*history)[i], language))});
        continue;
      }
      const JsonObject entry{(*history)[i], pointer, fields.source(), fields.problems(), k_history_fields, language};
      HistoryEntry item;
      item.on = entry.date("on", Need::required).value_or(date::year_month_day{});
      const auto event = entry.one_of("event", Need::required, k_history_events);
      item.event = event ? std::string{k_history_events[*event]} : std::string{};
      item.terms = entry.small_integer("terms", Need::optional, 0, 100'000, terms).value_or(1);
      item.plan = entry.string("plan", Need::optional).value_or("");
      line.history.push_back(std::move(item));
    }
  }
  return line;
}

} // namespace

date::year_month_day Line::next_due() const
{
  return renewal::term_start(anchor, term, paid_terms);
}

const Line* LinesFile::find(std::string_view label) const
{
  for (const Line& line : lines) {
    if (line.label == label) {
      return &line;
    }
  }
  return nullptr;
}

Line* LinesFile::find(std::string_view label)
{
  return const_cast<Line*>(static_cast<const LinesFile&>(*this).find(label));
}

LinesLoad load_lines(std::string_view json_text, std::string_view source, i18n::Language language)
{
  LinesLoad result;
  const auto document = util::parse_json_document(json_text, source, result.problems, language);
  if (!document) {
    return result;
  }
  if (!document->is_object()) {
    result.problems.push_back(
      {std::string{source}, std::nullopt, "", TR(language, "expected an object, got {}", util::describe_json(*document, language))});
    return result;
  }
  const JsonObject top{*document, "", source, result.problems, k_file_fields, language};
  const auto version =
    top.small_integer("schema_version", Need::required, 1, 1'000'000, TR(language, "a version number"));
  if (version && *version != k_lines_schema_version) {
    top.problem("schema_version", TR(language, "this simplan reads lines files of version {}, got version {}; a newer simplan may read it",
                                     k_lines_schema_version, *version));
    return result;
  }
  std::set<std::string, std::less<>> labels;
  std::set<std::string, std::less<>> ids;
  top.each_object("lines", Need::required, k_line_fields, [&](const JsonObject& fields) {
    Line line = read_line(fields);
    if (!line.label.empty() && !labels.insert(line.label).second) {
      fields.problem("label", TR(language, "another line is labelled \"{}\" already", line.label));
    }
    if (!line.id.empty() && !ids.insert(line.id).second) {
      fields.problem("id", TR(language, "another line has the id \"{}\"", line.id));
    }
    result.file.lines.push_back(std::move(line));
  });
  return result;
}

std::string write_lines(const LinesFile& file)
{
  nlohmann::ordered_json document;
  document["schema_version"] = file.schema_version;
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const Line& line : file.lines) {
    nlohmann::ordered_json out;
    out["id"] = line.id;
    out["label"] = line.label;
    if (line.custom) {
      out["custom"] = {{"carrier", line.custom->carrier}, {"name", line.custom->name}, {"price_cents", line.custom->price}};
      if (line.custom->name.empty()) {
        out["custom"].erase("name");
      }
    } else {
      out["plan"] = line.plan;
    }
    out["term"] = catalog::term_length_to_json(line.term);
    out["anchor"] = util::format_iso_date(line.anchor);
    out["paid_terms"] = line.paid_terms;
    out["terms_before"] = line.terms_before;
    out["plan_terms_before"] = line.plan_terms_before;
    out["line_count"] = line.line_count;
    out["autopay"] = line.autopay;
    out["remind_days"] = line.remind_days;
    nlohmann::ordered_json history = nlohmann::ordered_json::array();
    for (const HistoryEntry& entry : line.history) {
      nlohmann::ordered_json item;
      item["on"] = util::format_iso_date(entry.on);
      item["event"] = entry.event;
      item["terms"] = entry.terms;
      if (!entry.plan.empty()) {
        item["plan"] = entry.plan;
      }
      history.push_back(std::move(item));
    }
    out["history"] = std::move(history);
    lines.push_back(std::move(out));
  }
  document["lines"] = std::move(lines);
  return catalog::dump_json(document);
}

void record_renewal(Line& line, const Renewal& renewal)
{
  const bool plan_change = renewal.new_plan || renewal.new_term || renewal.new_custom;
  if (plan_change) {
    line.terms_before += line.paid_terms;
    line.plan_terms_before = 0;
    if (renewal.new_plan) {
      line.plan = *renewal.new_plan;
      line.custom.reset();
    }
    if (renewal.new_custom) {
      line.custom = *renewal.new_custom;
      line.plan.clear();
    }
    if (renewal.new_term) {
      line.term = *renewal.new_term;
    }
    line.anchor = renewal.on;
    line.paid_terms = renewal.terms;
    line.history.push_back({renewal.on, "plan_changed", renewal.terms, line.plan});
    return;
  }
  const date::year_month_day due = line.next_due();
  if (line.term.unit == catalog::TermUnit::days && date::sys_days{renewal.on} > date::sys_days{due}) {
    // Late on a day-count plan: the carrier starts the new term on the day it is paid.
    line.terms_before += line.paid_terms;
    line.plan_terms_before += line.paid_terms;
    line.anchor = renewal.on;
    line.paid_terms = renewal.terms;
  } else {
    line.paid_terms += renewal.terms;
  }
  line.history.push_back({renewal.on, "renewed", renewal.terms, line.plan});
}

} // namespace simplan::lines
