#include "simplan/report/plans_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/cost_text.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using catalog::PlanMatch;

std::string carrier_name(const PlanMatch& match)
{
  return match.carrier != nullptr ? match.carrier->name : match.plan->carrier;
}

bool is_travel(const PlanMatch& match)
{
  return match.plan->kind == catalog::PlanKind::travel;
}

// "none" only when there is no hotspot at all: a plan with 0 GB at full speed but unlimited slow
// tethering (T-Mobile Essentials: 600 kbps) shows that speed.
std::string hotspot_cell(Language language, const std::optional<catalog::Hotspot>& hotspot)
{
  if (!hotspot) {
    return unknown_text(language);
  }
  const catalog::Quantity& allowance = hotspot->high_speed;
  if (!allowance.unlimited && allowance.amount == 0 && hotspot->after_cap_kbps.value_or(0) > 0) {
    return format_speed(*hotspot->after_cap_kbps);
  }
  return format_gigabytes(language, allowance);
}

// The per-month (per-pass) price with taxes and fees; "+" when a fee is a range and may be higher.
std::string with_extras_cell(const PlanMatch& match)
{
  return util::format_dollars(match.comparable_with_extras()) + (match.extras->fee_range ? "+" : "");
}

std::string render_table(const std::vector<PlanMatch>& matches, const PlanListContext& context,
                         const RenderOptions& options)
{
  const Language language = options.language;
  const bool extras = context.taxes.has_value();
  std::vector<Column> columns{
    // On a narrow terminal the least important columns give way first: PRIORITY, NETWORK, KIND, HOTSPOT,
    // CARRIER, PER MONTH, PLAN. ID, PRICE, TERM, WITH TAX and DATA always stay.
    {TR(language, "ID")},
    {TR(language, "CARRIER"), Align::left, 8, 4},
    {TR(language, "PLAN"), Align::left, 10, 2},
    {TR(language, "KIND"), Align::left, 0, 6},
    {TR(language, "PRICE"), Align::right},
    {TR(language, "TERM")},
    {TR(language, "PER MONTH"), Align::right, 0, 3},
  };
  if (extras) {
    columns.push_back({TR(language, "WITH TAX"), Align::right});
  }
  columns.insert(columns.end(), {
    {TR(language, "DATA")},
    {TR(language, "PRIORITY"), Align::left, 0, 8},
    {TR(language, "HOTSPOT"), Align::left, 0, 5},
    {TR(language, "NETWORK"), Align::left, 0, 7},
  });
  Table table{std::move(columns)};
  for (const PlanMatch& match : matches) {
    const catalog::Plan& plan = *match.plan;
    std::vector<std::string> row{
      plan.id,
      carrier_name(match),
      plan.name,
      kind_text(language, plan.kind),
      util::format_dollars(match.quote.price),
      format_term_length(language, match.quote.term->length),
      is_travel(match) ? "-" : util::format_dollars(match.quote.comparable),
    };
    if (extras) {
      row.push_back(with_extras_cell(match));
    }
    row.insert(row.end(), {
      format_gigabytes(language, plan.data.high_speed),
      plan.data.priority ? priority_text(language, *plan.data.priority) : "-",
      hotspot_cell(language, plan.hotspot),
      format_networks(language, plan.networks),
    });
    table.add_row(std::move(row));
  }
  std::string out;
  if (extras) {
    std::string taxes = describe_taxes(language, *context.taxes);
    if (!taxes.empty() && taxes.front() >= 'a' && taxes.front() <= 'z') {
      taxes.front() = static_cast<char>(taxes.front() - 'a' + 'A');
    }
    out += TR(language, "{}. WITH TAX is the price per month (per pass for travel) with them and the carrier's fees.", taxes) +
           "\n\n";
  }
  return out + table.render(options);
}

nlohmann::ordered_json quote_to_json(const PlanMatch& match, const PlanListContext& context)
{
  nlohmann::ordered_json quote;
  quote["lines"] = context.lines;
  quote["autopay"] = context.autopay;
  quote["term"] = catalog::term_length_to_json(match.quote.term->length);
  quote["price_cents"] = match.quote.price;
  quote["per_month_cents"] = is_travel(match) ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(match.quote.comparable);
  if (match.extras) {
    quote["taxes_cents"] = match.extras->taxes;
    quote["carrier_fees_cents"] = match.extras->carrier_fees;
    quote["carrier_fee_range"] = match.extras->fee_range;
    quote["price_with_taxes_cents"] = match.price_with_extras();
    quote["per_month_with_taxes_cents"] = is_travel(match) ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(match.comparable_with_extras());
  }
  return quote;
}

std::string optional_bool(const std::optional<bool>& value)
{
  return value ? (*value ? "true" : "false") : "";
}

std::vector<std::string> machine_row(const PlanMatch& match, const PlanListContext& context)
{
  const catalog::Plan& plan = *match.plan;
  std::string networks;
  for (const auto network : plan.networks) {
    networks += (networks.empty() ? "" : " ") + std::string{catalog::to_string(network)};
  }
  const auto& length = match.quote.term->length;
  return {
    plan.id,
    plan.carrier,
    carrier_name(match),
    plan.name,
    std::string{catalog::to_string(plan.kind)},
    networks,
    plan.phone_number ? "true" : "false",
    fmt::format("{}", context.lines),
    context.autopay ? "true" : "false",
    std::string{catalog::to_string(length.unit)},
    fmt::format("{}", length.count),
    fmt::format("{}", match.quote.price),
    is_travel(match) ? "" : fmt::format("{}", match.quote.comparable),
    gigabytes_value(plan.data.high_speed),
    plan.data.priority ? std::string{catalog::to_string(*plan.data.priority)} : "",
    plan.hotspot ? gigabytes_value(plan.hotspot->high_speed) : "",
    optional_bool(plan.sim.esim),
    plan.requirements.credit_check ? "true" : "false",
    plan.confidence ? std::string{catalog::to_string(*plan.confidence)} : "",
    match.extras ? fmt::format("{}", match.price_with_extras()) : "",
    match.extras && !is_travel(match) ? fmt::format("{}", match.comparable_with_extras()) : "",
  };
}

const std::vector<std::string> k_machine_header{
  "id",         "carrier",    "carrier_name", "name",        "kind",            "networks",   "phone_number",
  "lines",      "autopay",    "term_unit",    "term_count",  "price_cents",     "per_month_cents",
  "data_gb",    "priority",   "hotspot_gb",   "esim",        "credit_check",    "confidence",
  "price_with_taxes_cents",   "per_month_with_taxes_cents",
};

} // namespace

std::string render_plan_list(const std::vector<PlanMatch>& matches, const PlanListContext& context,
                             OutputFormat format, const RenderOptions& options)
{
  switch (format) {
  case OutputFormat::table: return render_table(matches, context, options);
  case OutputFormat::json: {
    nlohmann::ordered_json plans = nlohmann::ordered_json::array();
    for (const PlanMatch& match : matches) {
      auto plan = catalog::plan_to_json(*match.plan);
      plan["carrier_name"] = carrier_name(match);
      plan["quote"] = quote_to_json(match, context);
      plans.push_back(std::move(plan));
    }
    nlohmann::ordered_json document;
    if (context.taxes) {
      document["taxes"] = taxes_to_json(*context.taxes);
    }
    document["plans"] = std::move(plans);
    return catalog::dump_json(document);
  }
  case OutputFormat::csv:
  case OutputFormat::tsv: {
    const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
    std::string out = record(k_machine_header);
    for (const PlanMatch& match : matches) {
      out += record(machine_row(match, context));
    }
    return out;
  }
  }
  return {};
}

} // namespace simplan::report
