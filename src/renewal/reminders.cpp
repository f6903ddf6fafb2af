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
                                      date::year_month_day due)
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
  return amount;
}

std::vector<Reminder> reminders_for(const catalog::Catalog& catalog, const std::vector<lines::Line>& lines,
                                    const Window& window)
{
  std::vector<Reminder> reminders;
  const date::year_month_day default_until = plus_days(window.from, 90);
  for (const lines::Line& line : lines) {
    const LinePlan plan = resolve_plan(catalog, line);
    const auto make = [&](EventKind kind, date::year_month_day day, int k) {
      Reminder reminder;
      reminder.line = &line;
      reminder.plan = plan;
      reminder.kind = kind;
      reminder.day = day;
      reminder.term_number = line.term_number(k);
      reminder.days_left = util::days_between(window.from, day);
      return reminder;
    };
    const auto in_window = [&](date::year_month_day day, date::year_month_day until) {
      return !before(day, window.from) && !before(until, day);
    };

    const int next = line.paid_terms;
    if (plan.travel) {
      const date::year_month_day end = line.next_due();
      if (!before(window.until.value_or(end), end) || window.count) {
        reminders.push_back(make(EventKind::pass_ends, end, next));
      }
      continue;
    }

    // Renewals from the next unpaid term: an overdue one always, then those in the window.
    date::year_month_day last_due = line.next_due();
    for (int k = next, listed = 0;; ++k) {
      const date::year_month_day due = term_start(line.anchor, line.term, k);
      const bool overdue = before(due, window.from);
      if (!overdue) {
        if (window.count ? listed >= *window.count : before(window.until.value_or(default_until), due)) {
          break;
        }
        ++listed;
      } else if (k > next) {
        continue;  // only the first unpaid term can be overdue: later ones presume it was paid
      }
      Reminder reminder = make(EventKind::renewal_due, due, k);
      reminder.amount = term_amount(plan, line, line.plan_terms_before + k, due);
      reminder.due = due;
      reminders.push_back(reminder);
      last_due = due;
    }
    const date::year_month_day until = window.count ? last_due : window.until.value_or(default_until);

    // The first term at the regular price, if an intro price ends within the window.
    if (plan.plan != nullptr && !line.custom) {
      if (const catalog::Term* term = matching_term(*plan.plan, line.term); term != nullptr && term->intro) {
        const int k = term->intro->terms - line.plan_terms_before;
        const date::year_month_day day = term_start(line.anchor, line.term, k);
        if (k >= next && in_window(day, until)) {
          Reminder reminder = make(EventKind::intro_ends, day, k);
          reminder.amount = term_amount(plan, line, line.plan_terms_before + k, day);
          reminder.due = day;
          if (reminder.amount) {
            reminder.cheaper = cheaper_plan(catalog, plan, line, reminder.amount->cents);
          }
          reminders.push_back(reminder);
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
        Reminder reminder = make(kind, plus_days(due, *days_after_due), next);
        reminder.due = due;
        const bool bounded = window.until || !window.count;
        if (!before(reminder.day, window.from) && (!bounded || !before(until, reminder.day))) {
          reminders.push_back(reminder);
        }
      };
      add_if_ahead(EventKind::suspended, unpaid.grace_days);
      add_if_ahead(EventKind::number_lost, unpaid.number_lost_after_days);
    }
  }
  std::stable_sort(reminders.begin(), reminders.end(), [](const Reminder& a, const Reminder& b) {
    return std::tuple{date::sys_days{a.day}, std::string_view{a.line->label}, static_cast<int>(a.kind)} <
           std::tuple{date::sys_days{b.day}, std::string_view{b.line->label}, static_cast<int>(b.kind)};
  });
  return reminders;
}

} // namespace simplan::renewal
