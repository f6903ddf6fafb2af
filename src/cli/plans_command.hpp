#pragma once
// `simplan plans` (list and filter the catalog) and `simplan plans show ID` (one plan in full).

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace simplan::cli {

struct PlansOptions {
  std::vector<std::string> kinds;
  std::vector<std::string> carriers;
  std::vector<std::string> networks;
  bool esim = false;
  bool no_credit_check = false;
  std::string max_price;
  std::string min_data;
  std::string hotspot;
  std::vector<std::string> intl;
  int lines = 1;
  bool no_autopay = false;
  std::string sort = "price";
  std::optional<int> limit;
  std::string state;
  std::string show_id;  ///< for `plans show`
};

struct PlansCommand {
  CLI::App* list = nullptr;
  CLI::App* show = nullptr;
};

PlansCommand setup_plans_command(CLI::App& app, PlansOptions& options, i18n::Language language);
int run_plans_list(const PlansOptions& options, const Context& context);
int run_plans_show(const PlansOptions& options, const Context& context);

} // namespace simplan::cli
