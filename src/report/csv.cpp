#include "simplan/report/csv.hpp"

#include "simplan/util/text.hpp"

namespace simplan::report {
namespace {

// OWASP's advice for CSV injection: a cell starting with one of these is data, not a formula.
std::string neutralized(const std::string& cell)
{
  std::string safe = util::escape_control(cell);
  if (!safe.empty() && (safe.front() == '=' || safe.front() == '+' || safe.front() == '-' || safe.front() == '@')) {
    safe.insert(0, "'");
  }
  return safe;
}

} // namespace

std::string csv_record(std::span<const std::string> cells)
{
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    const std::string cell = neutralized(cells[i]);
    if (cell.find_first_of(",\"") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (const char c : cell) {
      out += c;
      if (c == '"') {
        out += '"';
      }
    }
    out += '"';
  }
  return out + "\r\n";
}

std::string tsv_record(std::span<const std::string> cells)
{
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      out += '\t';
    }
    out += neutralized(cells[i]);
  }
  return out + "\n";
}

} // namespace simplan::report
