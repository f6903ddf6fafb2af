#pragma once
// CSV (RFC 4180) and TSV records that spreadsheets cannot run.

#include <span>
#include <string>

namespace simplan::report {

/// One RFC 4180 record ending in CRLF. Cells with a comma or quote are quoted (quotes doubled); control
/// characters are escaped (so a record is one line); a cell a spreadsheet would run as a formula
/// (starting with =, +, -, @) gets a leading apostrophe.
std::string csv_record(std::span<const std::string> cells);

/// One tab-separated record ending in LF. Tabs, newlines and other control characters in cells are
/// escaped (\t, \n, ...), and formula-like cells neutralized as for CSV.
std::string tsv_record(std::span<const std::string> cells);

} // namespace simplan::report
