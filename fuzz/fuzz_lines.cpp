// Proves that any bytes given as the lines file are either read or refused with located problems (never a
// crash, a leak, undefined behaviour or a hang), and that a file that reads survives being saved: the text
// write_lines() produces reads back, without problems, to equal lines, and saving that gives the same text.

#include "simplan/lines/lines_file.hpp"
#include "simplan/util/date.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace simplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto zh = lines::load_lines(text, "lines.json", i18n::Language::zh_hans);
  for (const auto& problem : zh.problems) {
    util::format_diagnostic(problem);
  }
  const auto loaded = lines::load_lines(text, "lines.json");
  for (const auto& problem : loaded.problems) {
    util::format_diagnostic(problem);
  }
  if (loaded.problems.empty() != zh.problems.empty()) {
    __builtin_trap();  // the reader's language changes the words, never the verdict
  }
  if (!loaded.problems.empty()) {
    return 0;
  }
  for (const auto& line : loaded.file.lines) {
    util::format_iso_date(line.next_due());  // what `simplan lines list` shows
  }

  const std::string saved = lines::write_lines(loaded.file);
  const auto reloaded = lines::load_lines(saved, "lines.json");
  if (!reloaded.problems.empty() || reloaded.file.schema_version != loaded.file.schema_version ||
      reloaded.file.lines != loaded.file.lines || lines::write_lines(reloaded.file) != saved) {
    __builtin_trap();
  }
  return 0;
}
