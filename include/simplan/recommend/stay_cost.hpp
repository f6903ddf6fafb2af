#pragma once
// What a person really pays for a plan over their whole stay (docs/recommend.md, "The cost model").
// Money in integer cents; dates are date::year_month_day. Pure: the start date comes in as a value.

#include "simplan/catalog/plan.hpp"
#include "simplan/catalog/pricing.hpp"
#include "simplan/profile/profile.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

namespace simplan::recommend {

using util::Cents;

/// A stay as dates: service is needed on every day from start up to, not including, end.
struct StayDates {
  date::year_month_day start;
  date::year_month_day end;
  int days = 0;
  profile::Stay stay;
};

StayDates stay_dates(const profile::Stay& stay, date::year_month_day start);

/// `anchor` plus `months` calendar months, on the anchor's day of the month or the month's last day
/// when it is shorter (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
date::year_month_day add_months(date::year_month_day anchor, int months);

/// One purchase of a term.
struct Purchase {
  const catalog::Term* term = nullptr;
  date::year_month_day start;
  date::year_month_day end;
  Cents price = 0;  ///< for all lines, intro price if it applied, before the AutoPay discount
  bool intro = false;
  Cents autopay_discount = 0;  ///< subtracted from price, 0 when it did not apply
};

enum class CostKind { term, intro_term, autopay_discount, one_time_fee, usage, taxes, carrier_fee };

/// One line of the cost breakdown.
struct CostItem {
  CostKind kind = CostKind::term;
  int quantity = 0;   ///< purchases for terms, discounts and taxes; months for usage
  Cents unit = 0;     ///< per purchase or per month; negative for discounts
  Cents amount = 0;   ///< the line's total
  std::optional<catalog::TermLength> length;  ///< terms
  std::string name;                           ///< fees: as the carrier names them
  std::optional<catalog::FeeKind> fee_kind;
  bool waivable = false;
  bool range = false;  ///< carrier fee given as a range: the lower end is counted
  tax::RatePpm rate = 0;  ///< taxes: the rate applied to `base`; unit x quantity is added per purchase
  Cents base = 0;         ///< taxes: the amount taxed
  tax::Treatment treatment = tax::Treatment::given;  ///< taxes: how they reach the price
  std::int64_t megabytes = 0;  ///< usage: data billed per month
};

/// A payment on a date, for the month-by-month view.
struct Payment {
  date::year_month_day date;
  Cents amount = 0;
};

struct StayCost {
  std::vector<Purchase> purchases;  ///< in order
  std::vector<CostItem> items;      ///< the breakdown, terms first, taxes last; sums to total
  std::vector<Payment> payments;    ///< by date; sums to total
  Cents total = 0;
  Cents per_month = 0;  ///< total / months of a stay given in months; total x 30 / days otherwise
  Cents per_day = 0;
  date::year_month_day covered_until;  ///< service is paid up to this date (at or after the stay's end)
};

/// The cheapest way to cover `stay` with `plan` for `needs.lines` lines, or nothing when the plan cannot
/// be priced for that many lines (catalog::line_availability says why).
std::optional<StayCost> cost_for_stay(const catalog::Plan& plan, const profile::Needs& needs, const StayDates& stay);

/// The stay's length in months, as a fraction: months of a stay given in months, else days / 30.
struct MonthCount {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
};
MonthCount months_of(const StayDates& stay);

} // namespace simplan::recommend
