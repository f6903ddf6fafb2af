#pragma once
// A text table aligned by display width (CJK characters take two columns), fitted to a width by
// shrinking, then dropping, the columns that allow it.

#include "simplan/report/output_format.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace simplan::report {

enum class Align { left, right };

struct Column {
  std::string header;
  Align align = Align::left;
  std::size_t min_width = 0;  ///< narrowest the column may be cut to ("…"); 0: never cut
  int drop_rank = 0;          ///< columns with a higher rank are dropped first when cutting is not enough; 0: never
};

class Table {
public:
  explicit Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

  /// One cell per column. Cells are made safe for a terminal (control characters escaped).
  void add_row(std::vector<std::string> cells);
  bool empty() const { return m_rows.empty(); }

  /// Header and rows, two spaces between columns, no trailing spaces, one "\n" per line.
  std::string render(const RenderOptions& options) const;

private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
};

/// "label:  value" lines with the values aligned, for one-record views such as `plans show`.
/// A value with several lines continues under the first. Labels and values are escaped.
class FieldList {
public:
  /// `colon` ends each label: ":" in English, "：" in Chinese.
  explicit FieldList(std::string colon = ":") : m_colon(std::move(colon)) {}

  void add(const std::string& label, std::string value);
  std::string render() const;

private:
  std::string m_colon;
  std::vector<std::pair<std::string, std::string>> m_fields;
};

} // namespace simplan::report
