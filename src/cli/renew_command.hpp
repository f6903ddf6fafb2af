#pragma once
// `simplan renew LABEL|CARRIER`: how to pay a line or a carrier, what it costs, what happens when late.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace simplan::cli {

struct RenewOptions {
  std::string target;
  std::string state;
};

CLI::App* setup_renew_command(CLI::App& app, RenewOptions& options, i18n::Language language);
int run_renew(const RenewOptions& options, const Context& context);

} // namespace simplan::cli
