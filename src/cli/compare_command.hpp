#pragma once
// `simplan compare ID ID...`: plans side by side over a stay, with a chart of cumulative cost.

#include "cli/app.hpp"
#include "cli/needs_options.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace simplan::cli {

struct CompareOptions {
  std::vector<std::string> ids;
  NeedsOptions needs;
  bool ascii = false;
};

CLI::App* setup_compare_command(CLI::App& app, CompareOptions& options, i18n::Language language);
int run_compare(const CompareOptions& options, const Context& context);

} // namespace simplan::cli
