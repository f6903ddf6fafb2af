#pragma once
// `simplan catalog info`: what the catalog holds, how old it is, and where its facts come from.

#include "simplan/catalog/catalog.hpp"
#include "simplan/report/output_format.hpp"

#include <date/date.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace simplan::report {

/// What `catalog info` tells of a catalog's plans, counted one plan at a time, so that a large catalog's
/// plans can be dropped as they are read.
class CatalogSummary {
public:
  void add(const catalog::Plan& plan);

  struct Counts {
    std::array<int, 3> by_kind{};  ///< prepaid, postpaid, travel (catalog::PlanKind order)
    int total = 0;
  };
  struct Source {
    std::string url;
    date::year_month_day checked;
    int plans = 0;
  };

  /// The plan facts a filter or a ranking depends on, as catalog paths: "sim.esim", "requirements.ssn"...
  static constexpr std::array<std::string_view, 8> k_fact_fields{
    "sim.esim",           "requirements.ssn", "requirements.us_payment_card", "hotspot.high_speed_gb",
    "data.priority",      "international.calling", "networks", "data.high_speed_gb"};
  /// How many plans know each of k_fact_fields, in that order.
  const std::array<int, k_fact_fields.size()>& facts_known() const { return m_facts_known; }
  /// How many plans each of k_fact_fields does not apply to: calling for a plan with no phone number,
  /// priority and hotspot for a plan with no data. Unknown is the rest: plans - known - not applicable.
  const std::array<int, k_fact_fields.size()>& facts_not_applicable() const { return m_facts_not_applicable; }

  std::size_t plans() const { return m_plans; }
  const Counts& by_kind() const { return m_all; }
  /// Zero counts for a carrier with no plans.
  Counts of_carrier(std::string_view carrier_id) const;
  /// By URL, then date checked.
  std::vector<Source> sources() const;
  std::optional<date::year_month_day> oldest_check() const { return m_oldest_check; }
  std::optional<date::year_month_day> newest_check() const { return m_newest_check; }

private:
  std::size_t m_plans = 0;
  std::array<int, k_fact_fields.size()> m_facts_known{};
  std::array<int, k_fact_fields.size()> m_facts_not_applicable{};
  Counts m_all;
  std::unordered_map<std::string, Counts> m_by_carrier;
  std::map<std::pair<std::string, date::sys_days>, int> m_sources;
  std::optional<date::year_month_day> m_oldest_check;
  std::optional<date::year_month_day> m_newest_check;
};

/// `catalog` gives the metadata and carriers (in their order); `summary` has counted its plans (whether or
/// not `catalog` still holds them). `layers` names the catalogs merged into it, in order ("builtin", "mine.json").
std::string render_catalog_info(const catalog::Catalog& catalog, const CatalogSummary& summary,
                                const std::vector<std::string>& layers, OutputFormat format, const RenderOptions& options);

} // namespace simplan::report
