#pragma once
// `simplan lines add|list|renewed|remove`: the person's own lines, kept in their lines file.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace simplan::cli {

struct LinesOptions {
  // add
  std::string plan;
  bool custom = false;
  std::string carrier;
  std::string name;
  std::string price;
  std::string start;
  std::string label;
  std::string term;
  std::optional<int> line_count;
  std::string remind;
  bool autopay = false;
  // renewed / remove
  std::string target;
  std::string on;
  int terms = 1;
  // list
  std::string state;
};

struct LinesCommand {
  CLI::App* add = nullptr;
  CLI::App* list = nullptr;
  CLI::App* renewed = nullptr;
  CLI::App* remove = nullptr;
};

LinesCommand setup_lines_command(CLI::App& app, LinesOptions& options, i18n::Language language);
int run_lines_add(const LinesOptions& options, const Context& context);
int run_lines_list(const LinesOptions& options, const Context& context);
int run_lines_renewed(const LinesOptions& options, const Context& context);
int run_lines_remove(const LinesOptions& options, const Context& context);

/// "No lines yet" and how to add one: printed by `lines list` and `remind` when the file has none.
std::string no_lines_hint(i18n::Language language, const std::string& path);

} // namespace simplan::cli
