#pragma once
// What one purchase of a plan costs beyond its listed price: the estimated taxes (tax::TaxRates) and the
// carrier's own monthly fees, for `plans --state` and the amounts of `remind`, `lines list` and `renew`.
// Money is integer cents. Pure: values in, values out.

#include "simplan/catalog/plan.hpp"
#include "simplan/tax/tax_table.hpp"

namespace simplan::tax {

struct TermExtras {
  util::Cents taxes = 0;         ///< the levy of `rates` on the price (0 when the price includes taxes)
  util::Cents carrier_fees = 0;  ///< the plan's per-line monthly fee over the term, at its lower bound
  bool fee_range = false;        ///< the carrier gives the fee as a range: the real fee may be higher

  util::Cents total() const { return taxes + carrier_fees; }
};

/// The extras of one purchase of `length` at `price` (all lines, after discounts) for `lines` lines.
/// A month of a term in days is 30 days, as carriers count them.
TermExtras term_extras(const catalog::Plan& plan, util::Cents price, catalog::TermLength length, int lines,
                       const TaxRates& rates);

} // namespace simplan::tax
