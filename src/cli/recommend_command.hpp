#pragma once
// `simplan recommend`: the plans that fit a person's stay and needs, ranked by what they will really pay.

#include "cli/app.hpp"
#include "cli/needs_options.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace simplan::cli {

struct RecommendOptions {
  NeedsOptions needs;
  bool explain = false;
  bool show_excluded = false;
  std::string why_not;
};

CLI::App* setup_recommend_command(CLI::App& app, RecommendOptions& options, i18n::Language language);
int run_recommend(const RecommendOptions& options, const Context& context);

} // namespace simplan::cli
