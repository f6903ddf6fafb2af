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

struct CarrierCount {
  const Carrier* carrier = nullptr;
  int by_kind[3] = {0, 0, 0};
  int total = 0;
};

struct SourceCount {
  std::string url;
  date::year_month_day checked;
  int plans = 0;
};

struct Summary {
  std::vector<CarrierCount> carriers;  // catalog order
  std::vector<SourceCount> sources;    // by URL, then date
  int by_kind[3] = {0, 0, 0};
  std::optional<date::year_month_day> oldest_check;
  std::optional<date::year_month_day> newest_check;
};

Summary summarize(const Catalog& catalog)
{
  Summary summary;
  for (const Carrier& carrier : catalog.carriers) {
    summary.carriers.push_back({&carrier});
  }
  std::map<std::pair<std::string, date::sys_days>, int> sources;
  for (const Plan& plan : catalog.plans) {
    const auto kind = static_cast<std::size_t>(plan.kind);
    ++summary.by_kind[kind];
    const auto counted = std::find_if(summary.carriers.begin(), summary.carriers.end(),
                                      [&](const CarrierCount& count) { return count.carrier->id == plan.carrier; });
    if (counted != summary.carriers.end()) {
      ++counted->by_kind[kind];
      ++counted->total;
    }
    for (const Source& source : plan.sources) {
      ++sources[{source.url, date::sys_days{source.checked}}];
      if (!summary.oldest_check || source.checked < *summary.oldest_check) {
        summary.oldest_check = source.checked;
      }
      if (!summary.newest_check || source.checked > *summary.newest_check) {
        summary.newest_check = source.checked;
      }
    }
  }
  for (const auto& [key, plans] : sources) {
    summary.sources.push_back({key.first, date::year_month_day{key.second}, plans});
  }
  return summary;
}

std::string render_text(const Catalog& catalog, const std::vector<std::string>& layers, const Summary& summary,
                        const RenderOptions& options)
{
  const Language language = options.language;
  FieldList fields{std::string{label_colon(language)}};
  fields.add(TR(language, "Catalog"), join(layers, ", "));
  fields.add(TR(language, "As of"), i18n::human_date(language, catalog.as_of));
  if (summary.oldest_check && summary.newest_check) {
    fields.add(TR(language, "Facts checked"), TR(language, "{} to {}", i18n::human_date(language, *summary.oldest_check),
                                                 i18n::human_date(language, *summary.newest_check)));
  }
  const std::size_t carrier_count = catalog.carriers.size();
  fields.add(TR(language, "Plans"), TR(language, "{} from {}: {} prepaid, {} postpaid, {} travel", catalog.plans.size(),
                                       carrier_count == 1 ? TR(language, "1 carrier") : TR(language, "{} carriers", carrier_count),
                                       summary.by_kind[0], summary.by_kind[1], summary.by_kind[2]));
  std::string out = fields.render() + "\n";

  Table carriers{{{TR(language, "CARRIER ID")}, {TR(language, "CARRIER"), Align::left, 8}, {TR(language, "PREPAID"), Align::right},
                  {TR(language, "POSTPAID"), Align::right}, {TR(language, "TRAVEL"), Align::right}, {TR(language, "TOTAL"), Align::right}}};
  for (const CarrierCount& count : summary.carriers) {
    carriers.add_row({count.carrier->id, count.carrier->name, fmt::format("{}", count.by_kind[0]),
                      fmt::format("{}", count.by_kind[1]), fmt::format("{}", count.by_kind[2]),
                      fmt::format("{}", count.total)});
  }
  out += carriers.render(options) + "\n";

  Table sources{{{TR(language, "SOURCE"), Align::left, 20}, {TR(language, "CHECKED")}, {TR(language, "PLANS"), Align::right}}};
  for (const SourceCount& source : summary.sources) {
    sources.add_row({source.url, i18n::human_date(language, source.checked), fmt::format("{}", source.plans)});
  }
  return out + sources.render(options);
}

} // namespace

std::string render_catalog_info(const Catalog& catalog, const std::vector<std::string>& layers, OutputFormat format,
                                const RenderOptions& options)
{
  const Summary summary = summarize(catalog);
  switch (format) {
  case OutputFormat::table: return render_text(catalog, layers, summary, options);
  case OutputFormat::json: {
    nlohmann::ordered_json document;
    document["layers"] = layers;
    document["schema_version"] = catalog.schema_version;
    document["as_of"] = util::format_iso_date(catalog.as_of);
    document["plans"] = catalog.plans.size();
    document["plans_by_kind"] = {{"prepaid", summary.by_kind[0]}, {"postpaid", summary.by_kind[1]},
                                 {"travel", summary.by_kind[2]}};
    document["carriers"] = nlohmann::ordered_json::array();
    for (const CarrierCount& count : summary.carriers) {
      document["carriers"].push_back({{"id", count.carrier->id},
                                      {"name", count.carrier->name},
                                      {"prepaid", count.by_kind[0]},
                                      {"postpaid", count.by_kind[1]},
                                      {"travel", count.by_kind[2]},
                                      {"total", count.total}});
    }
    document["sources"] = nlohmann::ordered_json::array();
    for (const SourceCount& source : summary.sources) {
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
    for (const CarrierCount& count : summary.carriers) {
      out += record(std::vector<std::string>{count.carrier->id, count.carrier->name, fmt::format("{}", count.by_kind[0]),
                                             fmt::format("{}", count.by_kind[1]), fmt::format("{}", count.by_kind[2]),
                                             fmt::format("{}", count.total)});
    }
    return out;
  }
  }
  return {};
}

} // namespace simplan::report
