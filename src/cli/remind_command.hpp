#pragma once
// `simplan remind`: what falls due for your lines, as a list, for scripts, or as a calendar file.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace simplan::cli {

struct RemindOptions {
  std::vector<std::string> line_labels;
  std::string until;
  std::optional<int> count;
  std::optional<int> due_within;
  bool quiet = false;
  std::string export_format;
  std::string output;
  bool rrule = false;
  std::optional<int> heads_up;
  std::string state;
  // --sync caldav, --sync vdir DIR
  std::vector<std::string> sync;
  bool dry_run = false;
  // one-shot
  std::string plan;
  std::string start;
  std::string term;
  std::optional<int> line_count;
  bool autopay = false;
  std::string remind;
};

CLI::App* setup_remind_command(CLI::App& app, RemindOptions& options, i18n::Language language);
int run_remind(const RemindOptions& options, const Context& context);

} // namespace simplan::cli
