#pragma once
// The command line: options every command shares, the context a command runs in, and run(), which
// parses, dispatches to one subcommand and turns every failure into a message and an exit code.

#include "cli/environment.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/report/output_format.hpp"

#include <date/date.h>

#include <string>
#include <vector>

namespace simplan::cli {

/// Global options as typed, before validation.
struct GlobalOptions {
  std::string today;
  std::vector<std::string> catalogs;
  std::string format = "table";
  std::string lines_file;
  std::string lang;
};

/// What every command gets: validated global options and the outside world.
struct Context {
  const Environment& environment;
  Output& output;
  date::year_month_day today;
  report::OutputFormat format = report::OutputFormat::table;
  report::RenderOptions render;
  std::vector<std::string> catalogs;  ///< --catalog values, in order
  std::string lines_file;             ///< --lines-file, when given
  bool format_given = false;          ///< --format was on the command line
  i18n::Language language = i18n::Language::en;  ///< of everything written for people
};

/// The language of everything written for people: --lang in `args`, else LC_ALL, LC_MESSAGES or LANG.
i18n::Language detect_language(const std::vector<std::string>& args, const Environment& environment);

/// Runs one simplan command line (args without the program name). Never throws.
int run(const std::vector<std::string>& args, const Environment& environment, Output& output);

} // namespace simplan::cli
