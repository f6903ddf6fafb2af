#pragma once
// The output formats every listing command offers, and how the terminal wants them drawn.

#include "simplan/i18n/language.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace simplan::report {

/// table: for people (aligned, fitted to the terminal). json, csv, tsv: stable interfaces for scripts,
/// documented in docs/output.md.
enum class OutputFormat { table, json, csv, tsv };

std::optional<OutputFormat> parse_output_format(std::string_view text);

struct RenderOptions {
  std::size_t max_width = 0;  ///< terminal columns for tables; 0: no limit (not a terminal)
  bool color = false;         ///< ANSI styles for tables
  bool unicode = true;        ///< the terminal takes UTF-8: "…" instead of "..."
  i18n::Language language = i18n::Language::en;  ///< of every human-readable word; never of machine formats
};

} // namespace simplan::report
