#include "simplan/catalog/pricing.hpp"

#include <algorithm>

namespace simplan::catalog {

LineAvailability line_availability(const Plan& plan, const Term& term, int lines)
{
  if (lines < 1 || (plan.max_lines && lines > *plan.max_lines)) {
    return LineAvailability::above_max_lines;
  }
  if (plan.kind == PlanKind::travel || lines == 1) {
    return LineAvailability::available;
  }
  const auto index = static_cast<std::size_t>(lines - 1);
  if (index < term.line_totals.size()) {
    return term.line_totals[index] ? LineAvailability::available : LineAvailability::price_unpublished;
  }
  return plan.multi_line_discount == false ? LineAvailability::available : LineAvailability::price_unpublished;
}

std::optional<Cents> term_price_for_lines(const Plan& plan, const Term& term, int lines)
{
  if (line_availability(plan, term, lines) != LineAvailability::available) {
    return std::nullopt;
  }
  const auto index = static_cast<std::size_t>(lines - 1);
  if (index < term.line_totals.size()) {
    return term.line_totals[index];
  }
  // A travel pass or a plan without multi-line discount: every line buys its own.
  return term.price * lines;
}

Cents autopay_discount_for_lines(const Plan& plan, int lines)
{
  if (!plan.autopay) {
    return 0;
  }
  if (plan.autopay->per == Per::account) {
    return plan.autopay->discount;
  }
  const int discounted_lines = plan.autopay->max_lines ? std::min(lines, *plan.autopay->max_lines) : lines;
  return plan.autopay->discount * discounted_lines;
}

Cents monthly_equivalent(Cents price_per_term, TermLength length)
{
  if (length.unit == TermUnit::months) {
    return util::divide_rounded(price_per_term, length.count);
  }
  return util::divide_rounded(price_per_term * 30, length.count);
}

int approximate_days(TermLength length)
{
  return length.unit == TermUnit::days ? length.count : length.count * 30;
}

std::optional<TermQuote> best_term(const Plan& plan, int lines, bool with_autopay)
{
  std::optional<TermQuote> best;
  for (const Term& term : plan.terms) {
    const auto price = term_price_for_lines(plan, term, lines);
    if (!price) {
      continue;
    }
    TermQuote quote;
    quote.term = &term;
    quote.price = *price - (with_autopay ? autopay_discount_for_lines(plan, lines) : 0);
    quote.comparable = plan.kind == PlanKind::travel ? quote.price : monthly_equivalent(quote.price, term.length);
    const bool better = !best || quote.comparable < best->comparable ||
                        (quote.comparable == best->comparable &&
                         approximate_days(term.length) < approximate_days(best->term->length));
    if (better) {
      best = quote;
    }
  }
  return best;
}

} // namespace simplan::catalog
