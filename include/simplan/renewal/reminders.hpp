#pragma once
// What falls due for a person's lines, and when: renewals with their amounts, the end of an intro price,
// and what happens if a renewal is not paid (service suspended, then the phone number lost).
// Pure: the lines, the catalog and the window come in as values.

#include "simplan/catalog/catalog.hpp"
#include "simplan/lines/lines_file.hpp"
#include "simplan/tax/term_extras.hpp"

#include <date/date.h>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace simplan::renewal {

using util::Cents;

/// What a line's plan is, resolved against the catalog (or the line's custom plan).
struct LinePlan {
  std::string carrier_name;
  std::string plan_name;
  std::string plan_id;  ///< empty for a custom plan
  const catalog::Plan* plan = nullptr;            ///< nullptr for a custom plan or one the catalog lacks
  const catalog::Carrier* carrier = nullptr;
  const catalog::RenewalPolicy* policy = nullptr; ///< how to pay, what happens when unpaid
  bool travel = false;                            ///< a pass: it ends, it is not renewed
  bool taxes_included = true;
};

/// Resolves `line`'s plan; `missing` is set when the line names a plan the catalog does not have.
LinePlan resolve_plan(const catalog::Catalog& catalog, const lines::Line& line, bool* missing = nullptr);

/// The price of the line's term number `term_number` (counted on the current plan from 0), for all its
/// lines, with AutoPay when the line uses it; nothing when the catalog does not give it. With `taxes`, also
/// the estimated taxes and carrier fees the catalog price leaves out (a custom plan's price has them).
struct TermAmount {
  Cents cents = 0;
  bool intro = false;
  std::optional<tax::TermExtras> extras = std::nullopt;

  Cents with_extras() const { return cents + (extras ? extras->total() : 0); }
};
std::optional<TermAmount> term_amount(const LinePlan& plan, const lines::Line& line, int plan_term_index,
                                      date::year_month_day due, const tax::TaxRates* taxes = nullptr);

enum class EventKind {
  renewal_due,   ///< the next term must be paid by this day
  intro_ends,    ///< the first term at the regular price
  suspended,     ///< if still unpaid, service stops this day
  number_lost,   ///< the last day to pay and keep the phone number
  pass_ends,     ///< a travel pass ends (not renewable)
};

/// A cheaper catalog plan, suggested when an intro price ends.
struct Suggestion {
  const catalog::Plan* plan = nullptr;
  Cents per_month = 0;
  Cents current_per_month = 0;
};

struct Reminder {
  const lines::Line* line = nullptr;
  LinePlan plan;
  EventKind kind = EventKind::renewal_due;
  date::year_month_day day;
  int term_number = 0;         ///< the overall term this event belongs to (stable across late renewals)
  int days_left = 0;           ///< from the effective date; negative when overdue
  std::optional<TermAmount> amount;  ///< renewal_due and intro_ends: what is due
  date::year_month_day due;          ///< suspended, number_lost: the due date they follow from
  std::optional<Suggestion> cheaper; ///< intro_ends
};

/// The reminders from `from` through `until` (inclusive), or for `count` renewals per line, soonest first.
/// A renewal already overdue is always included.
struct Window {
  date::year_month_day from;
  std::optional<date::year_month_day> until;
  std::optional<int> count;
  std::optional<tax::TaxRates> taxes = std::nullopt;  ///< estimate the taxes and fees of each amount (TermAmount::extras)
};

std::vector<Reminder> reminders_for(const catalog::Catalog& catalog, const std::vector<lines::Line>& lines,
                                    const Window& window);

/// The reminders of reminders_for, in the same order, one at a time: each line makes its own in order and
/// the lines are merged by day, so memory grows with the lines, not with the reminders (a calendar of ten
/// years of daily terms is a hundred thousand of them). `catalog` and `lines` must outlive the stream.
class ReminderStream {
public:
  ReminderStream(const catalog::Catalog& catalog, std::span<const lines::Line> lines, const Window& window);
  ~ReminderStream();
  ReminderStream(const ReminderStream&) = delete;
  ReminderStream& operator=(const ReminderStream&) = delete;

  /// The next reminder, valid until the next call; nullptr after the last.
  const Reminder* next();

private:
  class LineCursor;
  static bool later(const LineCursor* a, const LineCursor* b);

  std::vector<std::unique_ptr<LineCursor>> m_lines;
  std::vector<LineCursor*> m_waiting;  // lines with a reminder to give, soonest at the front (a heap)
  LineCursor* m_given = nullptr;       // the line whose reminder next() returned last
};

std::string_view event_kind_name(EventKind kind);

} // namespace simplan::renewal
