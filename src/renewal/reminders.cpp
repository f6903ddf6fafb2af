#include "simplan/renewal/reminders.hpp"

#include "simplan/catalog/pricing.hpp"
#include "simplan/renewal/schedule.hpp"
#include "simplan/util/date.hpp"

#include <algorithm>
#include <tuple>

// For each line: every renewal from the next unpaid term through the window (assuming the person keeps
// paying), the first term after an intro price, and, for the next unpaid term only, when service stops and
// when the number is gone if it is not paid. Later terms presume the earlier ones were paid, so they get no
// suspension events. Events sort by day, then line label, then kind, so the output is stable.

namespace simplan::renewal {
namespace {

const tax::TaxRates* taxes(const Window& window)
{
  return window.taxes ? &*window.taxes : nullptr;
}

date::year_month_day plus_days(date::year_month_day day, int days)
{
  return date::year_month_day{date::sys_days{day} + date::days{days}};
}

bool before(date::year_month_day a, date::year_month_day b)
{
  return date::sys_days{a} < date::sys_days{b};
}

const catalog::Term* matching_term(const catalog::Plan& plan, catalog::TermLength length)
{
  for (const catalog::Term& term : plan.terms) {
    if (term.length == length) {
      return &term;
    }
  }
  return nullptr;
}

// The cheapest catalog plan with at least the line's data, for the same kind of person (no credit check
// when the line needed none, a number when it has one), when it costs less a month than the regular price.
std::optional<Suggestion> cheaper_plan(const catalog::Catalog& catalog, const LinePlan& current,
                                       const lines::Line& line, Cents regular)
{
  if (current.plan == nullptr) {
    return std::nullopt;
  }
  const catalog::Plan& now = *current.plan;
  const Cents current_per_month = catalog::monthly_equivalent(regular, line.term);
  std::optional<Suggestion> best;
  for (const catalog::Plan& candidate : catalog.plans) {
    if (&candidate == &now || candidate.kind == catalog::PlanKind::travel || candidate.phone_number != now.phone_number ||
        (candidate.requirements.credit_check && !now.requirements.credit_check)) {
      continue;
    }
    const catalog::Quantity& data = candidate.data.high_speed;
    const catalog::Quantity& needed = now.data.high_speed;
    if (!(data.unlimited || (!needed.unlimited && data.amount >= needed.amount))) {
      continue;
    }
    const auto quote = catalog::best_term(candidate, line.line_count, line.autopay);
    if (quote && quote->comparable < current_per_month &&
        (!best || std::tie(quote->comparable, candidate.id) < std::tie(best->per_month, best->plan->id))) {
      best = Suggestion{&candidate, quote->comparable, current_per_month};
    }
  }
  return best;
}

} // namespace

std::string_view event_kind_name(EventKind kind)
{
  switch (kind) {
  case EventKind::renewal_due: return "renewal_due";
  case EventKind::intro_ends: return "intro_ends";
  case EventKind::suspended: return "suspended";
  case EventKind::number_lost: return "number_lost";
  case EventKind::pass_ends: return "pass_ends";
  }
  return "";
}

LinePlan resolve_plan(const catalog::Catalog& catalog, const lines::Line& line, bool* missing)
{
  LinePlan resolved;
  if (missing != nullptr) {
    *missing = false;
  }
  if (line.custom) {
    resolved.carrier_name = line.custom->carrier;
    resolved.plan_name = line.custom->name;
    resolved.taxes_included = true;  // the price the person gave is what they pay
    if (const catalog::Carrier* carrier = catalog.find_carrier(line.custom->carrier)) {
      resolved.carrier = carrier;
      resolved.carrier_name = carrier->name;
      resolved.policy = carrier->prepaid_renewal ? &*carrier->prepaid_renewal : nullptr;
    }
    return resolved;
  }
  resolved.plan_id = line.plan;
  resolved.plan = catalog.find_plan(line.plan);
  if (resolved.plan == nullptr) {
    if (missing != nullptr) {
      *missing = true;
    }
    resolved.plan_name = line.plan;
    return resolved;
  }
  resolved.plan_name = resolved.plan->name;
  resolved.carrier = catalog.find_carrier(resolved.plan->carrier);
  resolved.carrier_name = resolved.carrier != nullptr ? resolved.carrier->name : resolved.plan->carrier;
  resolved.policy = catalog::renewal_policy_for(catalog, *resolved.plan);
  resolved.travel = resolved.plan->kind == catalog::PlanKind::travel;
  resolved.taxes_included = resolved.plan->taxes_and_fees.taxes_included;
  return resolved;
}

std::optional<TermAmount> term_amount(const LinePlan& plan, const lines::Line& line, int plan_term_index,
                                      date::year_month_day due, const tax::TaxRates* taxes)
{
  if (line.custom) {
    return TermAmount{line.custom->price, false};
  }
  if (plan.plan == nullptr) {
    return std::nullopt;
  }
  const catalog::Term* term = matching_term(*plan.plan, line.term);
  if (term == nullptr) {
    return std::nullopt;
  }
  TermAmount amount;
  const bool intro = term->intro && plan_term_index < term->intro->terms &&
                     (!term->intro->until || !before(*term->intro->until, due));
  if (intro) {
    amount.cents = term->intro->price * line.line_count;
    amount.intro = true;
  } else if (const auto price = catalog::term_price_for_lines(*plan.plan, *term, line.line_count)) {
    amount.cents = *price;
  } else {
    return std::nullopt;
  }
  const auto& autopay = plan.plan->autopay;
  if (line.autopay && autopay && plan_term_index + 1 >= autopay->from_term) {
    amount.cents -= std::min(catalog::autopay_discount_for_lines(*plan.plan, line.line_count), amount.cents);
  }
  if (taxes != nullptr) {
    amount.extras = tax::term_extras(*plan.plan, amount.cents, line.term, line.line_count, *taxes);
  }
  return amount;
}

// One line's reminders in order (by day, then kind), made one at a time: its renewals as they come, merged
// with the few events decided up front (an intro price's end, and what follows an unpaid renewal).
class ReminderStream::LineCursor {
public:
  LineCursor(const catalog::Catalog& catalog, const lines::Line& line, const Window& window, std::size_t order)
    : m_line(&line), m_window(window), m_order(order), m_next(line.paid_terms), m_k(line.paid_terms)
  {
    m_current.line = &line;
    m_current.plan = resolve_plan(catalog, line);
    const LinePlan& plan = m_current.plan;
    const date::year_month_day default_until = plus_days(window.from, 90);
    if (plan.travel) {
      m_renewals_done = true;
      const date::year_month_day end = line.next_due();
      if (!before(window.until.value_or(end), end) || window.count) {
        m_extras.push_back(make(EventKind::pass_ends, end, m_next));
      }
      advance();
      return;
    }
    m_until = window.until.value_or(default_until);
    // With --count the window ends on the last renewal listed: found first, by the same walk as renewals.
    date::year_month_day until = m_until;
    if (window.count) {
      until = line.next_due();
      for (int k = m_next, listed = 0; next_renewal_term(k, listed); ++k) {
        until = term_start(line.anchor, line.term, k);
      }
    }
    const auto in_window = [&](date::year_month_day day) { return !before(day, window.from) && !before(until, day); };

    // The first term at the regular price, if an intro price ends within the window.
    if (plan.plan != nullptr && !line.custom) {
      if (const catalog::Term* term = matching_term(*plan.plan, line.term); term != nullptr && term->intro) {
        const int k = term->intro->terms - line.plan_terms_before;
        const date::year_month_day day = term_start(line.anchor, line.term, k);
        if (k >= m_next && in_window(day)) {
          Reminder reminder = make(EventKind::intro_ends, day, k);
          reminder.amount = term_amount(plan, line, line.plan_terms_before + k, day, taxes(window));
          reminder.due = day;
          if (reminder.amount) {
            reminder.cheaper = cheaper_plan(catalog, plan, line, reminder.amount->cents);
          }
          m_extras.push_back(std::move(reminder));
        }
      }
    }
    // If the next term is not paid: when service stops and when the number is gone. With --count there
    // is no end date, and these come after a due date that is listed, so they are kept.
    if (plan.policy != nullptr && plan.policy->unpaid) {
      const catalog::Unpaid& unpaid = *plan.policy->unpaid;
      const date::year_month_day due = line.next_due();
      const auto add_if_ahead = [&](EventKind kind, std::optional<int> days_after_due) {
        if (!days_after_due) {
          return;
        }
        Reminder reminder = make(kind, plus_days(due, *days_after_due), m_next);
        reminder.due = due;
        const bool bounded = window.until || !window.count;
        if (!before(reminder.day, window.from) && (!bounded || !before(until, reminder.day))) {
          m_extras.push_back(std::move(reminder));
        }
      };
      add_if_ahead(EventKind::suspended, unpaid.grace_days);
      add_if_ahead(EventKind::number_lost, unpaid.number_lost_after_days);
    }
    std::stable_sort(m_extras.begin(), m_extras.end(), [](const Reminder& a, const Reminder& b) {
      return std::tuple{date::sys_days{a.day}, static_cast<int>(a.kind)} <
             std::tuple{date::sys_days{b.day}, static_cast<int>(b.kind)};
    });
    advance();
  }

  bool has_current() const { return m_has_current; }
  const Reminder& current() const { return m_current; }
  std::size_t order() const { return m_order; }

  /// Moves to the line's next reminder.
  void advance()
  {
    const bool renewal_pending = m_renewal_ready || find_renewal();
    const bool extra_pending = m_extra < m_extras.size();
    if (renewal_pending &&
        (!extra_pending || !before(m_extras[m_extra].day, term_start(m_line->anchor, m_line->term, m_renewal_k)))) {
      // A renewal first, also on the day of an extra event: renewal_due sorts before every other kind.
      const date::year_month_day due = term_start(m_line->anchor, m_line->term, m_renewal_k);
      set_current(EventKind::renewal_due, due, m_renewal_k);
      m_current.amount =
        term_amount(m_current.plan, *m_line, m_line->plan_terms_before + m_renewal_k, due, taxes(m_window));
      m_current.due = due;
      m_renewal_ready = false;
    } else if (extra_pending) {
      Reminder& extra = m_extras[m_extra++];
      extra.plan = std::move(m_current.plan);
      m_current = std::move(extra);
    } else {
      m_has_current = false;
      return;
    }
    m_has_current = true;
  }

private:
  // Whether term k is a renewal to list, as the walk over terms from the next unpaid one goes: an overdue
  // one always (only the first unpaid term can be overdue: later ones presume it was paid), then those in
  // the window. False ends the walk; `listed` counts the renewals in the window.
  bool next_renewal_term(int& k, int& listed) const
  {
    for (;; ++k) {
      const date::year_month_day due = term_start(m_line->anchor, m_line->term, k);
      if (before(due, m_window.from)) {
        if (k == m_next) {
          return true;
        }
        continue;
      }
      if (m_window.count ? listed >= *m_window.count : before(m_until, due)) {
        return false;
      }
      ++listed;
      return true;
    }
  }

  bool find_renewal()
  {
    if (m_renewals_done) {
      return false;
    }
    if (!next_renewal_term(m_k, m_listed)) {
      m_renewals_done = true;
      return false;
    }
    m_renewal_k = m_k++;
    m_renewal_ready = true;
    return true;
  }

  Reminder make(EventKind kind, date::year_month_day day, int k) const
  {
    Reminder reminder;
    reminder.line = m_line;
    reminder.kind = kind;
    reminder.day = day;
    reminder.term_number = m_line->term_number(k);
    reminder.days_left = util::days_between(m_window.from, day);
    return reminder;
  }

  // Reuses m_current, so the line's plan is copied once, not once per reminder.
  void set_current(EventKind kind, date::year_month_day day, int k)
  {
    m_current.kind = kind;
    m_current.day = day;
    m_current.term_number = m_line->term_number(k);
    m_current.days_left = util::days_between(m_window.from, day);
    m_current.amount.reset();
    m_current.due = {};
    m_current.cheaper.reset();
  }

  const lines::Line* m_line;
  Window m_window;
  std::size_t m_order;  // the line's place in the list: equal reminders of two lines keep that order
  int m_next;           // the next unpaid term
  date::year_month_day m_until;
  std::vector<Reminder> m_extras;  // sorted; the plan is moved in when one becomes current
  std::size_t m_extra = 0;
  int m_k;
  int m_listed = 0;
  int m_renewal_k = 0;
  bool m_renewal_ready = false;
  bool m_renewals_done = false;
  Reminder m_current;
  bool m_has_current = false;
};

ReminderStream::ReminderStream(const catalog::Catalog& catalog, std::span<const lines::Line> lines, const Window& window)
{
  m_lines.reserve(lines.size());
  for (const lines::Line& line : lines) {
    m_lines.push_back(std::make_unique<LineCursor>(catalog, line, window, m_lines.size()));
    if (m_lines.back()->has_current()) {
      m_waiting.push_back(m_lines.back().get());
      std::push_heap(m_waiting.begin(), m_waiting.end(), later);
    }
  }
}

ReminderStream::~ReminderStream() = default;

bool ReminderStream::later(const LineCursor* a, const LineCursor* b)
{
  const Reminder& x = a->current();
  const Reminder& y = b->current();
  return std::tuple{date::sys_days{x.day}, std::string_view{x.line->label}, static_cast<int>(x.kind), a->order()} >
         std::tuple{date::sys_days{y.day}, std::string_view{y.line->label}, static_cast<int>(y.kind), b->order()};
}

const Reminder* ReminderStream::next()
{
  if (m_given != nullptr) {
    m_given->advance();
    if (m_given->has_current()) {
      m_waiting.push_back(m_given);
      std::push_heap(m_waiting.begin(), m_waiting.end(), later);
    }
    m_given = nullptr;
  }
  if (m_waiting.empty()) {
    return nullptr;
  }
  std::pop_heap(m_waiting.begin(), m_waiting.end(), later);
  m_given = m_waiting.back();
  m_waiting.pop_back();
  return &m_given->current();
}

std::vector<Reminder> reminders_for(const catalog::Catalog& catalog, const std::vector<lines::Line>& lines,
                                    const Window& window)
{
  std::vector<Reminder> reminders;
  ReminderStream stream{catalog, lines, window};
  while (const Reminder* reminder = stream.next()) {
    reminders.push_back(*reminder);
  }
  return reminders;
}

} // namespace simplan::renewal
