#pragma once
// A problem found in a file a person gave simplan, with where it is.

#include "simplan/util/text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace simplan::util {

struct Diagnostic {
  std::string source;                    ///< the file name as the person gave it, or "<stdin>", "builtin"
  std::optional<TextPosition> position;  ///< for syntax errors: line and column
  std::string pointer;                   ///< for content errors: a JSON pointer such as /plans/12/terms/0
  std::string message;                   ///< lowercase, no trailing period
};

/// "plans.json:3:14: message" for positions, "plans.json: /plans/2/name: message" for pointers,
/// "plans.json: message" for the whole document. Control characters in any part are escaped.
std::string format_diagnostic(const Diagnostic& diagnostic);

using Diagnostics = std::vector<Diagnostic>;

} // namespace simplan::util
