// Proves that any bytes given as a catalog (--catalog FILE), alone or layered on the built-in catalog, in
// English and in Chinese, are either loaded or refused with located problems: never a crash, a leak,
// undefined behaviour or a hang. A catalog that loads can be listed, shown and ranked in every format.

#include "simplan/catalog/loader.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/recommend/recommender.hpp"
#include "simplan/report/plan_detail_report.hpp"
#include "simplan/report/plans_report.hpp"
#include "simplan/report/recommend_report.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace simplan;

namespace {

constexpr std::size_t k_plans_shown = 3;
constexpr auto k_formats = std::to_array({report::OutputFormat::table, report::OutputFormat::json,
                                          report::OutputFormat::csv, report::OutputFormat::tsv});

const catalog::Catalog& builtin_catalog()
{
  static const catalog::Catalog catalog = [] {
    auto loaded = catalog::load_catalog(data::builtin_catalog_json(), "builtin");
    if (!loaded.problems.empty()) {
      __builtin_trap();  // the shipped catalog must load
    }
    return std::move(loaded.catalog);
  }();
  return catalog;
}

report::RenderOptions render_options(report::OutputFormat format, i18n::Language language)
{
  // Tables as a narrow colour terminal draws them (columns dropped, cells cut); the rest as for a script.
  return format == report::OutputFormat::table ? report::RenderOptions{60, true, true, language}
                                               : report::RenderOptions{0, false, false, language};
}

// What `plans`, `plans show` and `recommend` do with a catalog that loaded.
void use_catalog(const catalog::Catalog& catalog, i18n::Language language)
{
  catalog::PlanQuery query;
  query.limit = 20;
  const auto matches = catalog::find_plans(catalog, query);
  const auto result = recommend::recommend(catalog, profile::Needs{}, catalog.as_of);
  for (const auto format : k_formats) {
    const auto options = render_options(format, language);
    report::render_plan_list(matches, {query.lines, query.autopay}, format, options);
    for (std::size_t i = 0; i < catalog.plans.size() && i < k_plans_shown; ++i) {
      report::render_plan_detail(catalog, catalog.plans[i], format, options);
    }
    report::render_recommendations(result, profile::Needs{}, {"fuzz", true, true}, format, options);
  }
}

void report_problems(const util::Diagnostics& problems)
{
  for (const auto& problem : problems) {
    util::format_diagnostic(problem);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const catalog::Catalog& builtin = builtin_catalog();

  for (const auto language : {i18n::Language::en, i18n::Language::zh_hans}) {
    const auto alone = catalog::load_catalog(text, "fuzz.json", nullptr, language);
    report_problems(alone.problems);
    if (alone.problems.empty()) {
      use_catalog(alone.catalog, language);
    }
  }

  // --catalog builtin --catalog FILE: plans may name the built-in carriers and replace built-in plans.
  auto layer = catalog::load_catalog(text, "layer.json", &builtin);
  report_problems(layer.problems);
  if (layer.problems.empty()) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < layer.catalog.plans.size() && i < k_plans_shown; ++i) {
      shown.push_back(layer.catalog.plans[i].id);
    }
    catalog::Catalog merged = builtin;
    merged.merge(std::move(layer.catalog));
    for (const std::string& id : shown) {
      const catalog::Plan* plan = merged.find_plan(id);
      if (plan == nullptr) {
        __builtin_trap();  // a layer's plan is in the merged catalog
      }
      report::render_plan_detail(merged, *plan, report::OutputFormat::table,
                                 render_options(report::OutputFormat::table, i18n::Language::en));
    }
  }
  return 0;
}
