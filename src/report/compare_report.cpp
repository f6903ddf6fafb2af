#include "simplan/report/compare_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/cost_text.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::report {
namespace {

using recommend::Candidate;
using util::Cents;
using util::format_dollars;

constexpr std::size_t k_widest_bar = 40;

std::string unavailable(Language language, const Candidate& candidate, const profile::Needs& needs)
{
  for (const auto& exclusion : candidate.exclusions) {
    if (exclusion.reason == recommend::ExclusionReason::too_many_lines ||
        exclusion.reason == recommend::ExclusionReason::lines_price_unpublished) {
      return describe_exclusion(language, exclusion, *candidate.plan, needs);
    }
  }
  return TR(language, "not priced");
}

std::string requirements_text(Language language, const catalog::Plan& plan)
{
  std::vector<std::string> parts;
  parts.push_back(plan.requirements.credit_check ? TR(language, "credit check") : TR(language, "no credit check"));
  if (plan.requirements.ssn == true) {
    parts.emplace_back("SSN");
  }
  if (plan.requirements.us_payment_card == true) {
    parts.push_back(TR(language, "US card"));
  }
  if (plan.requirements.in_store_activation == true) {
    parts.push_back(TR(language, "in store"));
  }
  parts.push_back(plan.sim.esim == true    ? std::string{"eSIM"}
                  : plan.sim.esim == false ? TR(language, "no eSIM")
                                           : TR(language, "eSIM unknown"));
  parts.push_back(plan.phone_number ? TR(language, "US number") : TR(language, "data only"));
  return join(parts, list_separator(language));
}

std::string hotspot_text(Language language, const catalog::Plan& plan)
{
  return plan.hotspot ? format_gigabytes(language, plan.hotspot->high_speed) : unknown_text(language);
}

// A bar of `eighths` eighth-columns: full blocks, then one partial block.
std::string bar(std::size_t eighths, bool ascii)
{
  if (ascii) {
    return std::string((eighths + 4) / 8, '#');
  }
  static constexpr std::string_view k_partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    out += "█";
  }
  return out + std::string{k_partial[eighths % 8]};
}

std::string render_chart(const std::vector<Candidate>& candidates, const recommend::StayDates& stay, bool ascii,
                         const RenderOptions& options)
{
  std::vector<std::vector<MonthlyTotal>> series;
  Cents highest = 0;
  std::size_t id_width = 0;
  for (const Candidate& candidate : candidates) {
    series.push_back(candidate.cost ? cumulative_by_month(*candidate.cost, stay) : std::vector<MonthlyTotal>{});
    if (!series.back().empty()) {
      highest = std::max(highest, series.back().back().cents);
    }
    id_width = std::max(id_width, util::display_width(candidate.plan->id));
  }
  std::size_t months = 0;
  for (const auto& totals : series) {
    months = std::max(months, totals.size());
  }
  // Room for "MONTH  id  bar $amount" within the terminal, when there is one.
  const std::size_t amount_width = format_dollars(highest).size() + 1;
  std::size_t widest = k_widest_bar;
  if (options.max_width > 0) {
    const std::size_t fixed = 6 + 2 + id_width + 2 + amount_width;
    widest = options.max_width > fixed + 10 ? std::min(widest, options.max_width - fixed) : 10;
  }
  const Language language = options.language;
  std::string out = TR(language, "Cumulative cost, month by month ({} = {}):", ascii ? "#" : "█",
                       format_dollars(highest > 0 ? util::divide_rounded(highest, static_cast<std::int64_t>(widest)) : 0)) +
                    "\n";
  const std::string month_header = TR(language, "MONTH");
  const std::size_t month_width = std::max<std::size_t>(5, util::display_width(month_header));
  out += fmt::format("{}  {}\n", util::pad_left(month_header, month_width), TR(language, "PLAN"));
  for (std::size_t month = 0; month < months; ++month) {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const std::string label =
        i == 0 ? util::pad_left(fmt::format("{}", month + 1), month_width) : std::string(month_width, ' ');
      if (month >= series[i].size()) {
        continue;
      }
      const Cents cents = series[i][month].cents;
      const auto eighths =
        highest > 0 ? static_cast<std::size_t>(util::divide_rounded(cents * static_cast<Cents>(widest * 8), highest)) : 0;
      std::string line = fmt::format("{}  {}  {} {}", label, util::pad_right(util::escape_control(candidates[i].plan->id), id_width),
                                     bar(eighths, ascii), format_dollars(cents));
      out += line + "\n";
    }
  }
  return out;
}

std::string render_text(const std::vector<Candidate>& candidates, const recommend::StayDates& stay,
                        const profile::Needs& needs, bool ascii, const RenderOptions& options)
{
  std::vector<Column> columns{{""}};
  for (const Candidate& candidate : candidates) {
    columns.push_back({candidate.plan->id});
  }
  Table table{std::move(columns)};
  const auto row = [&](std::string label, const auto& cell) {
    std::vector<std::string> cells{std::move(label)};
    for (const Candidate& candidate : candidates) {
      cells.push_back(cell(candidate));
    }
    table.add_row(std::move(cells));
  };
  const Language language = options.language;
  row(TR(language, "plan"), [](const Candidate& c) { return plan_display_name(c); });
  row(TR(language, "kind"), [&](const Candidate& c) { return kind_text(language, c.plan->kind); });
  row(TR(language, "network"), [&](const Candidate& c) { return format_networks(language, c.plan->networks); });
  row(TR(language, "total"), [&](const Candidate& c) { return c.cost ? format_dollars(c.cost->total) : unavailable(language, c, needs); });
  row(TR(language, "per month"), [](const Candidate& c) { return c.cost ? format_dollars(c.cost->per_month) : "-"; });
  row(TR(language, "per day"), [](const Candidate& c) { return c.cost ? format_dollars(c.cost->per_day) : "-"; });
  row(TR(language, "buy"), [&](const Candidate& c) { return c.cost ? purchases_summary(language, *c.cost) : "-"; });
  row(TR(language, "data"), [&](const Candidate& c) { return format_gigabytes(language, c.plan->data.high_speed); });
  row(TR(language, "priority"), [&](const Candidate& c) {
    return c.plan->data.priority ? priority_text(language, *c.plan->data.priority) : "-";
  });
  row(TR(language, "hotspot"), [&](const Candidate& c) { return hotspot_text(language, *c.plan); });
  row(TR(language, "requires"), [&](const Candidate& c) { return requirements_text(language, *c.plan); });

  std::string out = TR(language, "Compared over {}.", describe_needs(language, needs, stay)) + "\n\n";
  std::string rendered = table.render(options);
  // The first line is the header of ids; the attribute column has no title.
  out += rendered;
  return out + "\n" + render_chart(candidates, stay, ascii, options);
}

nlohmann::ordered_json candidate_json(const Candidate& candidate, const recommend::StayDates& stay,
                                      const profile::Needs& needs, Language language)
{
  const catalog::Plan& plan = *candidate.plan;
  nlohmann::ordered_json out;
  out["id"] = plan.id;
  out["carrier"] = plan.carrier;
  out["carrier_name"] = candidate.carrier != nullptr ? candidate.carrier->name : plan.carrier;
  out["name"] = plan.name;
  out["kind"] = catalog::to_string(plan.kind);
  out["data_gb"] = catalog::quantity_to_json(plan.data.high_speed);
  out["priority"] = plan.data.priority ? nlohmann::ordered_json(catalog::to_string(*plan.data.priority))
                                       : nlohmann::ordered_json(nullptr);
  out["hotspot_gb"] = plan.hotspot ? catalog::quantity_to_json(plan.hotspot->high_speed) : nlohmann::ordered_json(nullptr);
  out["credit_check"] = plan.requirements.credit_check;
  out["esim"] = plan.sim.esim ? nlohmann::ordered_json(*plan.sim.esim) : nlohmann::ordered_json(nullptr);
  out["phone_number"] = plan.phone_number;
  if (candidate.cost) {
    out.update(cost_to_json(*candidate.cost));
    nlohmann::ordered_json months = nlohmann::ordered_json::array();
    for (const MonthlyTotal& total : cumulative_by_month(*candidate.cost, stay)) {
      months.push_back({{"month", total.month}, {"through", util::format_iso_date(total.through)}, {"cents", total.cents}});
    }
    out["cumulative"] = std::move(months);
  } else {
    out["unavailable"] = unavailable(language, candidate, needs);
  }
  return out;
}

} // namespace

std::vector<MonthlyTotal> cumulative_by_month(const recommend::StayCost& cost, const recommend::StayDates& stay)
{
  std::vector<MonthlyTotal> totals;
  for (int month = 1;; ++month) {
    const date::year_month_day through = recommend::add_months(stay.start, month);
    Cents paid = 0;
    for (const recommend::Payment& payment : cost.payments) {
      if (date::sys_days{payment.date} < date::sys_days{through}) {
        paid += payment.amount;
      }
    }
    totals.push_back({month, through, paid});
    if (date::sys_days{through} >= date::sys_days{stay.end}) {
      return totals;
    }
  }
}

std::string render_comparison(const std::vector<Candidate>& candidates, const recommend::StayDates& stay,
                              const profile::Needs& needs, bool ascii, OutputFormat format,
                              const RenderOptions& options)
{
  switch (format) {
  case OutputFormat::table: return render_text(candidates, stay, needs, ascii, options);
  case OutputFormat::json: {
    nlohmann::ordered_json document;
    document["stay"] = stay_to_json(stay);
    document["lines"] = needs.lines;
    document["autopay"] = needs.autopay;
    document["taxes"] = taxes_to_json(needs.taxes);
    nlohmann::ordered_json plans = nlohmann::ordered_json::array();
    for (const Candidate& candidate : candidates) {
      plans.push_back(candidate_json(candidate, stay, needs, options.language));
    }
    document["plans"] = std::move(plans);
    return catalog::dump_json(document);
  }
  case OutputFormat::csv:
  case OutputFormat::tsv: {
    const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
    std::string out = record(std::vector<std::string>{"id", "carrier_name", "name", "total_cents", "per_month_cents",
                                                      "per_day_cents", "buy", "data_gb", "priority", "hotspot_gb",
                                                      "credit_check", "esim", "cumulative_cents"});
    for (const Candidate& candidate : candidates) {
      const catalog::Plan& plan = *candidate.plan;
      std::vector<std::string> cumulative;
      if (candidate.cost) {
        for (const MonthlyTotal& total : cumulative_by_month(*candidate.cost, stay)) {
          cumulative.push_back(fmt::format("{}", total.cents));
        }
      }
      const auto& cost = candidate.cost;
      out += record(std::vector<std::string>{
        plan.id, candidate.carrier != nullptr ? candidate.carrier->name : plan.carrier, plan.name,
        cost ? fmt::format("{}", cost->total) : "", cost ? fmt::format("{}", cost->per_month) : "",
        cost ? fmt::format("{}", cost->per_day) : "", cost ? purchases_summary(Language::en, *cost) : "",
        gigabytes_value(plan.data.high_speed), plan.data.priority ? std::string{catalog::to_string(*plan.data.priority)} : "",
        plan.hotspot ? gigabytes_value(plan.hotspot->high_speed) : "", plan.requirements.credit_check ? "true" : "false",
        plan.sim.esim ? (*plan.sim.esim ? "true" : "false") : "", join(cumulative, " ")});
    }
    return out;
  }
  }
  return {};
}

} // namespace simplan::report
