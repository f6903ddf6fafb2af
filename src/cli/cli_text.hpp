#pragma once
// CLI11 in the reader's language: validators whose errors are simplan's own messages, and help screens
// whose labels, groups and descriptions are translated.

#include "simplan/i18n/language.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace simplan::cli {

/// Accepts one of `names` (each element of a list option); the error names the choices.
CLI::Validator one_of(i18n::Language language, const std::vector<std::string>& names);

/// Accepts an integer from `minimum` to `maximum`.
CLI::Validator in_range(i18n::Language language, long minimum, long maximum);

/// Translates CLI11's help labels and option and command groups for `app` and all its subcommands.
void localize_help(CLI::App& app, i18n::Language language);

/// An operating-system error (errno) in words: the common ones translated, others as the C library says.
std::string system_error_text(i18n::Language language, int error);

/// CLI11's parse errors (unknown option, missing value, ...) as simplan's own message.
std::string parse_error_message(i18n::Language language, const CLI::ParseError& error);

} // namespace simplan::cli
