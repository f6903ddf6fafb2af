#include "simplan/tax/term_extras.hpp"

#include "simplan/util/money.hpp"

namespace simplan::tax {

TermExtras term_extras(const catalog::Plan& plan, util::Cents price, catalog::TermLength length, int lines,
                       const TaxRates& rates)
{
  // The same rules as a stay's cost (recommend::stay_cost): one purchase, taxed as the plan is sold, and
  // the carrier fee per line and month unless the price includes fees.
  TermExtras extras;
  const catalog::TaxesAndFees& fees = plan.taxes_and_fees;
  if (!fees.taxes_included) {
    extras.taxes = levy_on(rates.for_kind(plan.kind), price, 1);
  }
  if (!fees.fees_included && fees.carrier_fee) {
    const util::Cents per_month = fees.carrier_fee->cents_per_line * lines;
    extras.carrier_fees = length.unit == catalog::TermUnit::months ? per_month * length.count
                                                                  : util::divide_rounded(per_month * length.count, 30);
    extras.fee_range = fees.carrier_fee->cents_per_line_max.has_value();
  }
  return extras;
}

} // namespace simplan::tax
