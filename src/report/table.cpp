#include "simplan/report/table.hpp"

#include "simplan/util/text.hpp"

#include <algorithm>
#include <numeric>

namespace simplan::report {
namespace {

constexpr std::size_t k_gap = 2;
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

void strip_trailing_spaces(std::string& line)
{
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
}

} // namespace

void Table::add_row(std::vector<std::string> cells)
{
  cells.resize(m_columns.size());
  for (std::string& cell : cells) {
    cell = util::escape_control(cell);
  }
  m_rows.push_back(std::move(cells));
}

std::string Table::render(const RenderOptions& options) const
{
  const std::size_t count = m_columns.size();
  std::vector<std::size_t> widths(count);
  std::vector<bool> shown(count, true);
  for (std::size_t c = 0; c < count; ++c) {
    widths[c] = util::display_width(m_columns[c].header);
    for (const auto& row : m_rows) {
      widths[c] = std::max(widths[c], util::display_width(row[c]));
    }
  }
  const auto total_width = [&] {
    std::size_t total = 0;
    std::size_t visible = 0;
    for (std::size_t c = 0; c < count; ++c) {
      if (shown[c]) {
        total += widths[c];
        ++visible;
      }
    }
    return total + (visible > 0 ? (visible - 1) * k_gap : 0);
  };

  // Fit: cut the widest cuttable column one column at a time down to its minimum; when that is not
  // enough, drop the column with the highest drop rank and fit again from the natural widths. Then give
  // back dropped columns, most important first, that fit in the room left.
  const std::vector<std::size_t> natural = widths;
  std::vector<std::size_t> dropped;
  while (options.max_width > 0 && total_width() > options.max_width) {
    std::size_t widest = count;
    for (std::size_t c = 0; c < count; ++c) {
      const std::size_t floor = std::max(m_columns[c].min_width, util::display_width(m_columns[c].header));
      if (shown[c] && m_columns[c].min_width > 0 && widths[c] > floor && (widest == count || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest != count) {
      --widths[widest];
      continue;
    }
    std::size_t drop = count;
    for (std::size_t c = 0; c < count; ++c) {
      if (shown[c] && m_columns[c].drop_rank > 0 && (drop == count || m_columns[c].drop_rank > m_columns[drop].drop_rank)) {
        drop = c;
      }
    }
    if (drop == count) {
      break;  // nothing more can give way: let the terminal wrap
    }
    shown[drop] = false;
    dropped.push_back(drop);
    widths = natural;
  }
  for (std::size_t i = dropped.size(); i-- > 0;) {
    shown[dropped[i]] = true;
    if (total_width() > options.max_width) {
      shown[dropped[i]] = false;
    }
  }

  const std::string_view ellipsis = options.unicode ? "…" : "~";
  const auto render_line = [&](const std::vector<std::string>& cells, bool header) {
    std::string line;
    bool first = true;
    for (std::size_t c = 0; c < count; ++c) {
      if (!shown[c]) {
        continue;
      }
      if (!first) {
        line.append(k_gap, ' ');
      }
      first = false;
      const std::string text = util::truncate_to_width(cells[c], widths[c], ellipsis);
      const std::string padded =
        m_columns[c].align == Align::right ? util::pad_left(text, widths[c]) : util::pad_right(text, widths[c]);
      line += padded;
    }
    strip_trailing_spaces(line);
    if (header && options.color) {
      line = std::string{k_bold} + line + std::string{k_reset};
    }
    return line + "\n";
  };

  std::vector<std::string> headers(count);
  std::transform(m_columns.begin(), m_columns.end(), headers.begin(), [](const Column& column) {
    return util::escape_control(column.header);
  });
  std::string out = render_line(headers, true);
  for (const auto& row : m_rows) {
    out += render_line(row, false);
  }
  return out;
}

void FieldList::add(const std::string& label, std::string value)
{
  m_fields.emplace_back(util::escape_control(label), std::move(value));
}

std::string FieldList::render() const
{
  std::size_t label_width = 0;
  for (const auto& [label, value] : m_fields) {
    label_width = std::max(label_width, util::display_width(label + m_colon));
  }
  std::string out;
  for (const auto& [label, value] : m_fields) {
    // Values may hold several lines; each is escaped on its own, and continues under the first.
    std::size_t start = 0;
    bool first = true;
    do {
      const std::size_t end = value.find('\n', start);
      const std::string_view line = std::string_view{value}.substr(start, end == std::string::npos ? std::string::npos : end - start);
      std::string row = first ? util::pad_right(label + m_colon, label_width) : std::string(label_width, ' ');
      row += "  " + util::escape_control(line);
      strip_trailing_spaces(row);
      out += row + "\n";
      first = false;
      start = end == std::string::npos ? value.size() + 1 : end + 1;
    } while (start <= value.size());
  }
  return out;
}

} // namespace simplan::report
