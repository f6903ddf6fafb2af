#include "cli/environment.hpp"

#include "simplan/util/text.hpp"

namespace simplan::cli {

std::optional<std::string> config_directory(const Environment& environment)
{
  if (const auto config = environment.variable("XDG_CONFIG_HOME"); config && !config->empty() && config->front() == '/') {
    return *config + "/simplan";
  }
  if (const auto home = environment.variable("HOME"); home && !home->empty()) {
    return *home + "/.config/simplan";
  }
  return std::nullopt;
}

bool locale_is_utf8(const Environment& environment)
{
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const auto value = environment.variable(name);
    if (value && !value->empty()) {
      const std::string lower = util::to_lower_ascii(*value);
      return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
  }
  return false;
}

bool color_allowed(const Environment& environment)
{
  if (!environment.terminal.stdout_is_terminal) {
    return false;
  }
  // https://no-color.org: any non-empty value turns color off.
  if (const auto no_color = environment.variable("NO_COLOR"); no_color && !no_color->empty()) {
    return false;
  }
  const auto term = environment.variable("TERM");
  return !(term && *term == "dumb");
}

} // namespace simplan::cli
