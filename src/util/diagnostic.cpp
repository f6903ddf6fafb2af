#include "simplan/util/diagnostic.hpp"

#include <fmt/format.h>

namespace simplan::util {

std::string format_diagnostic(const Diagnostic& diagnostic)
{
  const std::string source = escape_control(diagnostic.source);
  const std::string message = escape_control(diagnostic.message);
  if (diagnostic.position) {
    return fmt::format("{}:{}:{}: {}", source, diagnostic.position->line, diagnostic.position->column, message);
  }
  if (!diagnostic.pointer.empty()) {
    return fmt::format("{}: {}: {}", source, escape_control(diagnostic.pointer), message);
  }
  return fmt::format("{}: {}", source, message);
}

} // namespace simplan::util
