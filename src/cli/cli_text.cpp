#include "cli/cli_text.hpp"

#include "simplan/i18n/messages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace simplan::cli {

using i18n::Language;

CLI::Validator one_of(Language language, const std::vector<std::string>& names)
{
  std::string list;
  for (const auto& name : names) {
    list += (list.empty() ? "" : ", ") + name;
  }
  CLI::Validator validator{[language, names, list](std::string& value) -> std::string {
                             if (std::find(names.begin(), names.end(), value) != names.end()) {
                               return {};
                             }
                             return TR(language, "expected one of {}, got \"{}\"", list, value);
                           },
                           "", "one_of"};
  return validator;
}

CLI::Validator in_range(Language language, long minimum, long maximum)
{
  return CLI::Validator{[language, minimum, maximum](std::string& value) -> std::string {
                          long number = 0;
                          const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
                          if (error == std::errc{} && end == value.data() + value.size() && number >= minimum &&
                              number <= maximum) {
                            return {};
                          }
                          return TR(language, "expected a whole number from {} to {}, got \"{}\"", minimum, maximum, value);
                        },
                        "", "in_range"};
}

void localize_help(CLI::App& app, Language language)
{
  const auto formatter = app.get_formatter();
  formatter->label("Usage", TR(language, "Usage"));
  formatter->label("OPTIONS", TR(language, "OPTIONS"));
  formatter->label("SUBCOMMAND", TR(language, "COMMAND"));
  formatter->label("SUBCOMMANDS", TR(language, "COMMANDS"));
  formatter->label("REQUIRED", TR(language, "REQUIRED"));
  formatter->label("Excludes", TR(language, "Excludes"));
  formatter->label("Needs", TR(language, "Needs"));
  formatter->label("Positionals", TR(language, "Arguments"));
  formatter->column_width(34);
  const std::string options = TR(language, "Options");
  const std::string commands = TR(language, "Commands");
  const auto apply = [&](auto& self, CLI::App& command) -> void {
    for (CLI::Option* option : command.get_options()) {
      if (option->get_group() == "Options") {
        option->group(options);
      }
    }
    for (CLI::App* sub : command.get_subcommands({})) {
      sub->group(commands);
      self(self, *sub);
    }
  };
  apply(apply, app);
}

std::string system_error_text(Language language, int error)
{
  switch (error) {
  case ENOENT: return TR(language, "No such file or directory");
  case EACCES: return TR(language, "Permission denied");
  case EISDIR: return TR(language, "Is a directory");
  case ENOTDIR: return TR(language, "Not a directory");
  case ENOSPC: return TR(language, "No space left on device");
  case EROFS: return TR(language, "Read-only file system");
  case EDQUOT: return TR(language, "Disk quota exceeded");
  case ELOOP: return TR(language, "Too many levels of symbolic links");
  case EEXIST: return TR(language, "File exists");
  default: return std::strerror(error);
  }
}

namespace {

template <typename Kind>
bool is_a(const CLI::ParseError& error)
{
  return dynamic_cast<const Kind*>(&error) != nullptr;
}

} // namespace

std::string parse_error_message(Language language, const CLI::ParseError& error)
{
  // CLI11 names an error by its class only when the error is thrown without a subcommand name, so the
  // kind of error is told by its type.
  std::string what = error.what();
  const auto after = [&](std::string_view marker) {
    const std::size_t at = what.find(marker);
    return at == std::string::npos ? std::string{} : what.substr(at + marker.size());
  };
  if (is_a<CLI::ExtrasError>(error)) {
    return TR(language, "unexpected argument: {}", after(": "));
  }
  if (is_a<CLI::RequiredError>(error)) {
    if (what.find("subcommand") != std::string::npos) {
      return TR(language, "a command is required");
    }
    return TR(language, "{} is required", what.substr(0, what.find(" is required")));
  }
  if (is_a<CLI::ExcludesError>(error)) {
    const std::size_t at = what.find(" excludes ");
    if (at != std::string::npos) {
      return TR(language, "{} and {} cannot be used together", what.substr(0, at), what.substr(at + 10));
    }
  }
  if (is_a<CLI::ArgumentMismatch>(error)) {
    return TR(language, "{} needs a value", what.substr(0, what.find(':')));
  }
  if (is_a<CLI::ConversionError>(error)) {
    // "Could not convert: --lines = abc"
    const std::string rest = after(": ");
    const std::size_t equals = rest.find(" = ");
    if (equals != std::string::npos) {
      return TR(language, "{}: expected a whole number, got \"{}\"", rest.substr(0, equals), rest.substr(equals + 3));
    }
  }
  if (is_a<CLI::ValidationError>(error)) {
    return what;  // "--option: " followed by a message of simplan's own validators
  }
  return TR(language, "invalid command line: {}", what);
}

} // namespace simplan::cli
