#include "cli/lines_store.hpp"

#include "cli/failure.hpp"
#include "cli/files.hpp"
#include "simplan/i18n/messages.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace simplan::cli {
namespace {

constexpr std::size_t k_max_lines_file_bytes = std::size_t{16} * 1024 * 1024;

} // namespace

std::string lines_file_path(const Context& context)
{
  if (!context.lines_file.empty()) {
    return context.lines_file;
  }
  const auto& variable = context.environment.variable;
  if (const auto path = variable("SIMPLAN_LINES"); path && !path->empty()) {
    return *path;
  }
  if (const auto directory = config_directory(context.environment)) {
    return *directory + "/lines.json";
  }
  throw Failure{ExitCode::usage, TR(context.language, "cannot tell where your lines file is: HOME is not set"),
                TR(context.language, "give --lines-file FILE or set SIMPLAN_LINES")};
}

lines::LinesFile read_lines_file(const std::string& path, i18n::Language language)
{
  const auto text = read_file_if_exists(path, k_max_lines_file_bytes, TR(language, "lines file"), language);
  if (!text) {
    return {};
  }
  auto loaded = lines::load_lines(*text, path, language);
  if (!loaded.problems.empty()) {
    std::vector<std::string> problems;
    for (const auto& problem : loaded.problems) {
      problems.push_back(util::format_diagnostic(problem));
    }
    throw Failure{ExitCode::invalid_data, std::move(problems),
                  TR(language, "simplan will not change this file until it reads cleanly. Fix it by hand, or go back to the previous version: cp '{0}.bak' '{0}'",
                     path)};
  }
  return std::move(loaded.file);
}

void update_lines_file(const std::string& path, i18n::Language language,
                       const std::function<void(lines::LinesFile&)>& change)
{
  const std::string what = TR(language, "lines file");
  create_parent_directory(path, what, language);
  const FileLock lock{path, language};
  remove_stale_temporaries(path);
  lines::LinesFile file = read_lines_file(path, language);
  change(file);
  const std::string text = lines::write_lines(file);
  // A file simplan could not read back would lock the person out of their own lines: that is a bug in
  // simplan, reported as one, and the old file stays.
  if (const auto check = lines::load_lines(text, path, language); !check.problems.empty()) {
    throw std::logic_error("the new lines file would not read back: " + util::format_diagnostic(check.problems.front()));
  }
  write_file_atomically(path, text, what, {true, false, language});
}

} // namespace simplan::cli
