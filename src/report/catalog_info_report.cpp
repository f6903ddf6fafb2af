#include "simplan/report/catalog_info_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/util/date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace simplan::report {
namespace {

using namespace catalog;

std::string count_text(int count)
{
  return fmt::format("{}", count);
}

// The carriers' renewal policies (prepaid and postpaid), and how many give each unpaid-line day count.
struct PolicyFacts {
  int policies = 0;
  int grace_days = 0;
  int number_lost_after_days = 0;
};

PolicyFacts policy_facts(const Catalog& catalog)
{
  PolicyFacts facts;
  for (const Carrier& carrier : catalog.carriers) {
    for (const auto* policy : {&carrier.prepaid_renewal, &carrier.postpaid_renewal}) {
      if (!policy->has_value()) {
        continue;
      }
      ++facts.policies;
      const auto& unpaid = (*policy)->unpaid;
      facts.grace_days += unpaid && unpaid->grace_days ? 1 : 0;
      facts.number_lost_after_days += unpaid && unpaid->number_lost_after_days ? 1 : 0;
    }
  }
  return facts;
}

std::string render_text(const Catalog& catalog, const CatalogSummary& summary, const std::vector<std::string>& layers,
                        const RenderOptions& options)
{
  const Language language = options.language;
  FieldList fields{std::string{label_colon(language)}};
  fields.add(TR(language, "Catalog"), join(layers, ", "));
  fields.add(TR(language, "As of"), i18n::human_date(language, catalog.as_of));
  if (summary.oldest_check() && summary.newest_check()) {
    fields.add(TR(language, "Facts checked"), TR(language, "{} to {}", i18n::human_date(language, *summary.oldest_check()),
                                                 i18n::human_date(language, *summary.newest_check())));
  }
  const std::size_t carrier_count = catalog.carriers.size();
  const auto& by_kind = summary.by_kind().by_kind;
  fields.add(TR(language, "Plans"), TR(language, "{} from {}: {} prepaid, {} postpaid, {} travel", summary.plans(),
                                       carrier_count == 1 ? TR(language, "1 carrier") : TR(language, "{} carriers", carrier_count),
                                       by_kind[0], by_kind[1], by_kind[2]));
  std::string out = fields.render() + "\n";

  Table carriers{{{TR(language, "CARRIER ID")}, {TR(language, "CARRIER"), Align::left, 8}, {TR(language, "PREPAID"), Align::right},
                  {TR(language, "POSTPAID"), Align::right}, {TR(language, "TRAVEL"), Align::right}, {TR(language, "TOTAL"), Align::right}}};
  for (const Carrier& carrier : catalog.carriers) {
    const CatalogSummary::Counts count = summary.of_carrier(carrier.id);
    carriers.add_row({carrier.id, carrier.name, count_text(count.by_kind[0]), count_text(count.by_kind[1]),
                      count_text(count.by_kind[2]), count_text(count.total)});
  }
  out += carriers.render(options) + "\n";

  Table facts{{{TR(language, "FACT")},
               {TR(language, "KNOWN"), Align::right},
               {TR(language, "UNKNOWN"), Align::right},
               {TR(language, "NOT APPLICABLE"), Align::right}}};
  const auto plans = static_cast<int>(summary.plans());
  for (std::size_t i = 0; i < CatalogSummary::k_fact_fields.size(); ++i) {
    const int known = summary.facts_known().at(i);
    const int not_applicable = summary.facts_not_applicable().at(i);
    facts.add_row({std::string{CatalogSummary::k_fact_fields.at(i)}, count_text(known),
                   count_text(plans - known - not_applicable), count_text(not_applicable)});
  }
  const PolicyFacts policies = policy_facts(catalog);
  facts.add_row({"renewal.unpaid.grace_days", count_text(policies.grace_days),
                 count_text(policies.policies - policies.grace_days), "0"});
  facts.add_row({"renewal.unpaid.number_lost_after_days", count_text(policies.number_lost_after_days),
                 count_text(policies.policies - policies.number_lost_after_days), "0"});
  out += facts.render(options) +
         TR(language, "Plans know each fact above, or it does not apply to them (calling to a data-only plan, priority "
                      "and hotspot to a plan with no data); the two renewal rows count the carriers' renewal policies.") +
         "\n\n";

  Table sources{{{TR(language, "SOURCE"), Align::left, 20}, {TR(language, "CHECKED")}, {TR(language, "PLANS"), Align::right}}};
  for (const CatalogSummary::Source& source : summary.sources()) {
    sources.add_row({source.url, i18n::human_date(language, source.checked), count_text(source.plans)});
  }
  return out + sources.render(options);
}

} // namespace

void CatalogSummary::add(const Plan& plan)
{
  const auto kind = static_cast<std::size_t>(plan.kind);
  ++m_plans;
  ++m_all.by_kind.at(kind);
  ++m_all.total;
  const bool has_data = plan.data.high_speed.unlimited || plan.data.high_speed.amount > 0;
  const std::array<bool, k_fact_fields.size()> applies{true, true, true, has_data, has_data, plan.phone_number, true, true};
  const std::array<bool, k_fact_fields.size()> known{
    plan.sim.esim.has_value(),
    plan.requirements.ssn.has_value(),
    plan.requirements.us_payment_card.has_value(),
    plan.hotspot.has_value(),
    plan.data.priority.has_value(),
    plan.international && !plan.international->calling.empty(),
    !plan.networks.empty(),
    true};  // required: every plan states its data, as a control row
  for (std::size_t i = 0; i < known.size(); ++i) {
    // A fact a plan gives although it does not apply (a hotspot of 0 GB on a talk-only plan) counts as known.
    m_facts_known.at(i) += known.at(i) ? 1 : 0;
    m_facts_not_applicable.at(i) += !known.at(i) && !applies.at(i) ? 1 : 0;
  }
  Counts& carrier = m_by_carrier[plan.carrier];
  ++carrier.by_kind.at(kind);
  ++carrier.total;
  for (const catalog::Source& source : plan.sources) {
    ++m_sources[{source.url, date::sys_days{source.checked}}];
    if (!m_oldest_check || source.checked < *m_oldest_check) {
      m_oldest_check = source.checked;
    }
    if (!m_newest_check || source.checked > *m_newest_check) {
      m_newest_check = source.checked;
    }
  }
}

CatalogSummary::Counts CatalogSummary::of_carrier(std::string_view carrier_id) const
{
  const auto found = m_by_carrier.find(std::string{carrier_id});
  return found == m_by_carrier.end() ? Counts{} : found->second;
}

std::vector<CatalogSummary::Source> CatalogSummary::sources() const
{
  std::vector<Source> sources;
  sources.reserve(m_sources.size());
  for (const auto& [key, plans] : m_sources) {
    sources.push_back({key.first, date::year_month_day{key.second}, plans});
  }
  return sources;
}

std::string render_catalog_info(const Catalog& catalog, const CatalogSummary& summary, const std::vector<std::string>& layers,
                                OutputFormat format, const RenderOptions& options)
{
  switch (format) {
  case OutputFormat::table: return render_text(catalog, summary, layers, options);
  case OutputFormat::json: {
    nlohmann::ordered_json document;
    document["layers"] = layers;
    document["schema_version"] = catalog.schema_version;
    document["as_of"] = util::format_iso_date(catalog.as_of);
    document["plans"] = summary.plans();
    const auto& by_kind = summary.by_kind().by_kind;
    document["plans_by_kind"] = {{"prepaid", by_kind[0]}, {"postpaid", by_kind[1]}, {"travel", by_kind[2]}};
    document["carriers"] = nlohmann::ordered_json::array();
    for (const Carrier& carrier : catalog.carriers) {
      const CatalogSummary::Counts count = summary.of_carrier(carrier.id);
      document["carriers"].push_back({{"id", carrier.id},
                                      {"name", carrier.name},
                                      {"prepaid", count.by_kind[0]},
                                      {"postpaid", count.by_kind[1]},
                                      {"travel", count.by_kind[2]},
                                      {"total", count.total}});
    }
    nlohmann::ordered_json known;
    for (std::size_t i = 0; i < CatalogSummary::k_fact_fields.size(); ++i) {
      known[std::string{CatalogSummary::k_fact_fields.at(i)}] = summary.facts_known().at(i);
    }
    document["facts_known"] = std::move(known);
    nlohmann::ordered_json not_applicable;
    for (std::size_t i = 0; i < CatalogSummary::k_fact_fields.size(); ++i) {
      not_applicable[std::string{CatalogSummary::k_fact_fields.at(i)}] = summary.facts_not_applicable().at(i);
    }
    document["facts_not_applicable"] = std::move(not_applicable);
    const PolicyFacts policies = policy_facts(catalog);
    document["renewal_policies"] = {{"total", policies.policies},
                                    {"grace_days", policies.grace_days},
                                    {"number_lost_after_days", policies.number_lost_after_days}};
    document["sources"] = nlohmann::ordered_json::array();
    for (const CatalogSummary::Source& source : summary.sources()) {
      document["sources"].push_back(
        {{"url", source.url}, {"checked", util::format_iso_date(source.checked)}, {"plans", source.plans}});
    }
    return dump_json(document);
  }
  case OutputFormat::csv:
  case OutputFormat::tsv: {
    // One record per carrier: the part of the summary that is a table.
    const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
    std::string out = record(std::vector<std::string>{"carrier", "name", "prepaid", "postpaid", "travel", "total"});
    for (const Carrier& carrier : catalog.carriers) {
      const CatalogSummary::Counts count = summary.of_carrier(carrier.id);
      out += record(std::vector<std::string>{carrier.id, carrier.name, count_text(count.by_kind[0]), count_text(count.by_kind[1]),
                                             count_text(count.by_kind[2]), count_text(count.total)});
    }
    return out;
  }
  }
  return {};
}

} // namespace simplan::report
