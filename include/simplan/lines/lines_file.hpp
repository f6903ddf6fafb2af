#pragma once
// The person's own lines, as stored in lines.json (docs/lines.md), and the changes simplan makes to them.
// Pure: text in, values and text out. The CLI reads and writes the file (atomically, under a lock).

#include "simplan/catalog/plan.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/util/diagnostic.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::lines {

using util::Cents;

inline constexpr int k_lines_schema_version = 1;

/// A plan the catalog does not have, described by the person.
struct CustomPlan {
  std::string carrier;
  std::string name;
  Cents price = 0;  ///< per term, all lines
  friend bool operator==(const CustomPlan&, const CustomPlan&) = default;
};

struct HistoryEntry {
  date::year_month_day on;
  std::string event;  ///< "added", "renewed", "plan_changed"
  int terms = 1;
  std::string plan;   ///< the plan id after the event (empty for a custom plan)
  friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

/// One line. Its terms run from `anchor`: term k starts renewal::term_start(anchor, term, k). Terms
/// 0 .. paid_terms-1 are paid. Term numbers count every term since the line was added, across late
/// renewals and plan changes (terms_before), so calendar entries keep their identity.
struct Line {
  std::string id;     ///< random, stable; carries no personal data (calendar UIDs derive from it)
  std::string label;  ///< the person's name for the line, unique in the file
  std::string plan;   ///< a catalog plan id; empty for a custom plan
  std::optional<CustomPlan> custom;
  catalog::TermLength term;
  date::year_month_day anchor;
  int paid_terms = 1;
  int terms_before = 0;       ///< terms paid before `anchor`, on any plan
  int plan_terms_before = 0;  ///< of those, on the current plan (intro prices count these)
  int line_count = 1;
  bool autopay = false;
  std::vector<int> remind_days{7, 1};  ///< days before each due date to be reminded
  std::vector<HistoryEntry> history;
  friend bool operator==(const Line&, const Line&) = default;

  /// The first day not yet paid for: when the next renewal is due.
  date::year_month_day next_due() const;
  /// The overall number of the term starting at term k from the anchor.
  int term_number(int k) const { return terms_before + k; }
};

struct LinesFile {
  int schema_version = k_lines_schema_version;
  std::vector<Line> lines;

  const Line* find(std::string_view label) const;
  Line* find(std::string_view label);
};

struct LinesLoad {
  LinesFile file;
  util::Diagnostics problems;
};

/// Parses lines.json. Every problem is located (line:column or JSON pointer) and worded in `language`.
LinesLoad load_lines(std::string_view json_text, std::string_view source, i18n::Language language = i18n::Language::en);

/// The file's text: human-readable JSON, two-space indent, ending in a newline.
std::string write_lines(const LinesFile& file);

/// Records a renewal paid on `on` for `terms` terms. For day-count terms paid after the due date the
/// line restarts on the payment day (carriers count the new term from then); otherwise the paid terms are
/// added. A plan change (`new_plan`, `new_term`, `new_custom`) always starts a new term on `on`.
struct Renewal {
  date::year_month_day on;
  int terms = 1;
  std::optional<std::string> new_plan;
  std::optional<catalog::TermLength> new_term;
  std::optional<CustomPlan> new_custom;
};
void record_renewal(Line& line, const Renewal& renewal);

} // namespace simplan::lines
