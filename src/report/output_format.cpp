#include "simplan/report/output_format.hpp"

namespace simplan::report {

std::optional<OutputFormat> parse_output_format(std::string_view text)
{
  if (text == "table") {
    return OutputFormat::table;
  }
  if (text == "json") {
    return OutputFormat::json;
  }
  if (text == "csv") {
    return OutputFormat::csv;
  }
  if (text == "tsv") {
    return OutputFormat::tsv;
  }
  return std::nullopt;
}

} // namespace simplan::report
