#pragma once
// What a plan costs per term at a number of lines, with or without AutoPay. Money in cents.
// These are list prices for browsing; the whole-stay cost model (intro terms, fees, taxes) builds on them.

#include "simplan/catalog/plan.hpp"

#include <optional>
#include <string>

namespace simplan::catalog {

/// Why a plan cannot be bought for a number of lines.
enum class LineAvailability { available, above_max_lines, price_unpublished };

/// Whether `lines` lines can be priced on `term`: `line_totals` entry, N x price without a multi-line
/// discount, or the one-line price; never above max_lines.
LineAvailability line_availability(const Plan& plan, const Term& term, int lines);

/// The regular price of one term for `lines` lines before AutoPay, when it is known.
std::optional<Cents> term_price_for_lines(const Plan& plan, const Term& term, int lines);

/// The AutoPay discount per term for `lines` lines on regular terms (0 without AutoPay).
Cents autopay_discount_for_lines(const Plan& plan, int lines);

/// A per-term price as a monthly one: divided by the months of a calendar-month term, or scaled to 30 days
/// for a day-count term (the "month" of most prepaid plans). Rounded to the cent.
Cents monthly_equivalent(Cents price_per_term, TermLength length);

/// One way to buy a plan, priced.
struct TermQuote {
  const Term* term = nullptr;
  Cents price = 0;       ///< per term, all lines, AutoPay applied when asked for and offered
  Cents comparable = 0;  ///< per month for renewable plans; the pass price for travel passes
};

/// The term with the lowest comparable price for `lines` lines (ties: the shorter term, then catalog
/// order), or nothing when no term can be priced for that many lines.
std::optional<TermQuote> best_term(const Plan& plan, int lines, bool with_autopay);

/// Term length in days for ordering terms: months count as 30 days.
int approximate_days(TermLength length);

} // namespace simplan::catalog
