#include "simplan/recommend/stay_cost.hpp"

#include "simplan/renewal/schedule.hpp"
#include "simplan/util/date.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

// How the cheapest way to cover a stay is found.
//
// A plan is sold in one or more terms (Mint: 90, 180 or 360 days). A purchase's price can depend on how
// many purchases came before it: an intro price for the first N terms, an AutoPay discount only from the
// Nth term. So the search is over sequences of purchases: from a state (calendar months bought, days
// bought, purchases made so far, capped where prices stop changing), try each term and keep the cheapest
// way to reach a state that covers the stay. Calendar-month terms are bought first and counted from the
// stay's start (a month bought on Jan 31 ends Feb 28, the next Mar 31), then day terms follow; so service
// is paid up to add_months(start, months) + days. Ties go to fewer purchases, then to the longer term
// bought first, then to the term listed first in the catalog, which makes the result deterministic.

namespace simplan::recommend {
namespace {

using catalog::Plan;
using catalog::Term;
using catalog::TermUnit;

date::year_month_day plus_days(date::year_month_day day, int days)
{
  return date::year_month_day{date::sys_days{day} + date::days{days}};
}

struct Step {
  Cents cost = 0;
  int purchases = 0;
  int option = -1;  // the term bought first from this state; -1 when the state already covers the stay
};

class CoverSearch {
public:
  CoverSearch(const Plan& plan, const profile::Needs& needs, const StayDates& stay)
    : m_plan(plan), m_needs(needs), m_stay(stay)
  {
    for (const Term& term : plan.terms) {
      if (catalog::term_price_for_lines(plan, term, needs.lines)) {
        m_options.push_back(&term);
        if (term.intro) {
          m_cap = std::max(m_cap, term.intro->terms);
        }
      }
    }
    if (plan.autopay) {
      m_cap = std::max(m_cap, plan.autopay->from_term - 1);
    }
  }

  bool empty() const { return m_options.empty(); }

  std::vector<Purchase> cheapest()
  {
    std::vector<Purchase> purchases;
    int months = 0;
    int days = 0;
    int made = 0;
    for (;;) {
      const Step step = best(months, days, made);
      if (step.option < 0) {
        return purchases;
      }
      const Term& term = *m_options[static_cast<std::size_t>(step.option)];
      Purchase purchase = price(term, made, months, days);
      purchases.push_back(purchase);
      (term.length.unit == TermUnit::months ? months : days) += term.length.count;
      ++made;
    }
  }

  date::year_month_day covered_until(int months, int days) const
  {
    return plus_days(add_months(m_stay.start, months), days);
  }

private:
  Purchase price(const Term& term, int made, int months, int days) const
  {
    Purchase purchase;
    purchase.term = &term;
    purchase.start = covered_until(months, days);
    purchase.end = term.length.unit == TermUnit::months ? covered_until(months + term.length.count, days)
                                                        : covered_until(months, days + term.length.count);
    const bool intro = term.intro && made < term.intro->terms &&
                       (!term.intro->until || date::sys_days{purchase.start} <= date::sys_days{*term.intro->until});
    purchase.intro = intro;
    purchase.price = intro ? term.intro->price * m_needs.lines : *catalog::term_price_for_lines(m_plan, term, m_needs.lines);
    if (m_needs.autopay && m_plan.autopay && made + 1 >= m_plan.autopay->from_term) {
      purchase.autopay_discount = std::min(catalog::autopay_discount_for_lines(m_plan, m_needs.lines), purchase.price);
    }
    return purchase;
  }

  // The cheapest way to cover the stay from this state (purchases made so far: `made`).
  Step best(int months, int days, int made)
  {
    if (date::sys_days{covered_until(months, days)} >= date::sys_days{m_stay.end}) {
      return {};
    }
    const int capped = std::min(made, m_cap);
    const auto key = std::tuple{months, days, capped};
    if (const auto found = m_memo.find(key); found != m_memo.end()) {
      return found->second;
    }
    Step chosen{std::numeric_limits<Cents>::max(), 0, -1};
    for (std::size_t i = 0; i < m_options.size(); ++i) {
      const Term& term = *m_options[i];
      // Calendar months first, then days: a month term cannot follow a day term.
      if (term.length.unit == TermUnit::months && days > 0) {
        continue;
      }
      const Purchase purchase = price(term, made, months, days);
      const Step rest = term.length.unit == TermUnit::months ? best(months + term.length.count, days, made + 1)
                                                             : best(months, days + term.length.count, made + 1);
      const Step candidate{purchase.price - purchase.autopay_discount + rest.cost, rest.purchases + 1,
                           static_cast<int>(i)};
      const int chosen_days = chosen.option < 0 ? 0 : catalog::approximate_days(m_options[static_cast<std::size_t>(chosen.option)]->length);
      if (std::tuple{candidate.cost, candidate.purchases, -catalog::approximate_days(term.length)} <
          std::tuple{chosen.cost, chosen.purchases, -chosen_days}) {
        chosen = candidate;
      }
    }
    m_memo.emplace(key, chosen);
    return chosen;
  }

  const Plan& m_plan;
  const profile::Needs& m_needs;
  const StayDates& m_stay;
  std::vector<const Term*> m_options;
  int m_cap = 0;
  std::map<std::tuple<int, int, int>, Step> m_memo;
};

// Months of service a purchase buys, as a fraction, for fees and usage charged per month.
MonthCount months_bought(const Purchase& purchase)
{
  const catalog::TermLength& length = purchase.term->length;
  return length.unit == TermUnit::months ? MonthCount{length.count, 1} : MonthCount{length.count, 30};
}

Cents scale(Cents amount, MonthCount months)
{
  return util::divide_rounded(amount * months.numerator, months.denominator);
}

CostItem item_of(CostKind kind, int quantity, Cents unit, Cents amount)
{
  CostItem item;
  item.kind = kind;
  item.quantity = quantity;
  item.unit = unit;
  item.amount = amount;
  return item;
}

// Adds to an item of the same kind and length, or starts one: the breakdown lists each kind once.
void add_item(std::vector<CostItem>& items, CostItem item)
{
  for (CostItem& existing : items) {
    if (existing.kind == item.kind && existing.length == item.length && existing.unit == item.unit &&
        existing.name == item.name) {
      existing.quantity += item.quantity;
      existing.amount += item.amount;
      existing.base += item.base;
      return;
    }
  }
  items.push_back(std::move(item));
}

void add_payment(std::vector<Payment>& payments, date::year_month_day day, Cents amount)
{
  if (!payments.empty() && payments.back().date == day) {
    payments.back().amount += amount;
  } else {
    payments.push_back({day, amount});
  }
}

} // namespace

date::year_month_day add_months(date::year_month_day anchor, int months)
{
  return renewal::add_months(anchor, months);
}

StayDates stay_dates(const profile::Stay& stay, date::year_month_day start)
{
  StayDates dates;
  dates.stay = stay;
  dates.start = start;
  dates.end = stay.unit == profile::StayUnit::months ? add_months(start, stay.count) : plus_days(start, stay.count);
  dates.days = util::days_between(dates.start, dates.end);
  return dates;
}

MonthCount months_of(const StayDates& stay)
{
  return stay.stay.unit == profile::StayUnit::months ? MonthCount{stay.stay.count, 1} : MonthCount{stay.days, 30};
}

std::optional<StayCost> cost_for_stay(const Plan& plan, const profile::Needs& needs, const StayDates& stay)
{
  CoverSearch search{plan, needs, stay};
  if (search.empty()) {
    return std::nullopt;
  }
  StayCost cost;
  cost.purchases = search.cheapest();
  const catalog::TaxesAndFees& taxes = plan.taxes_and_fees;

  // One-time fees are paid on the first day. A fee of $0 ("no activation fee") adds nothing to say.
  for (const catalog::OneTimeFee& fee : plan.one_time_fees) {
    if (fee.cents == 0) {
      continue;
    }
    const int count = fee.per == catalog::Per::line ? needs.lines : 1;
    CostItem item = item_of(CostKind::one_time_fee, count, fee.cents, fee.cents * count);
    item.name = fee.name;
    item.fee_kind = fee.kind;
    item.waivable = fee.waivable.value_or(false);
    add_payment(cost.payments, stay.start, item.amount);
    add_item(cost.items, std::move(item));
  }

  // Usage-billed data (Google Fi Flexible): the person's data, up to the cap on what is charged.
  Cents usage_per_month = 0;
  std::int64_t billed_megabytes = 0;
  if (const auto& billing = plan.data.usage_billing) {
    billed_megabytes = needs.data_mb * needs.lines;
    const auto cap_index = static_cast<std::size_t>(needs.lines - 1);
    if (cap_index < billing->max_charged_mb.size()) {
      billed_megabytes = std::min(billed_megabytes, billing->max_charged_mb[cap_index]);
    }
    usage_per_month = util::divide_rounded(billed_megabytes * billing->cents_per_gb, 1000);
  }
  const bool carrier_fee = !taxes.fees_included && taxes.carrier_fee;

  for (const Purchase& purchase : cost.purchases) {
    const MonthCount months = months_bought(purchase);
    Cents paid = 0;
    CostItem term_item = item_of(purchase.intro ? CostKind::intro_term : CostKind::term, 1, purchase.price, purchase.price);
    term_item.length = purchase.term->length;
    add_item(cost.items, term_item);
    paid += purchase.price;
    if (purchase.autopay_discount > 0) {
      add_item(cost.items, item_of(CostKind::autopay_discount, 1, -purchase.autopay_discount, -purchase.autopay_discount));
      paid -= purchase.autopay_discount;
    }
    Cents usage = 0;
    if (usage_per_month > 0) {
      usage = scale(usage_per_month, months);
      CostItem item = item_of(CostKind::usage, 0, usage_per_month, usage);
      item.megabytes = billed_megabytes;
      add_item(cost.items, item);
      paid += usage;
    }
    if (!taxes.taxes_included) {
      // Postpaid bills and prepaid purchases are taxed differently (tax::TaxRates): a prepaid state's
      // flat 911 fee is charged once a purchase.
      const tax::Levy& levy = needs.taxes.for_kind(plan.kind);
      const Cents taxed = purchase.price - purchase.autopay_discount + usage;
      CostItem item = item_of(CostKind::taxes, 1, levy.cents_per_purchase, tax::levy_on(levy, taxed, 1));
      item.rate = levy.rate;
      item.base = taxed;
      item.treatment = levy.treatment;
      add_item(cost.items, item);
      paid += item.amount;
    }
    if (carrier_fee) {
      const Cents per_month = taxes.carrier_fee->cents_per_line * needs.lines;
      CostItem item = item_of(CostKind::carrier_fee, 0, taxes.carrier_fee->cents_per_line, scale(per_month, months));
      item.name = taxes.carrier_fee->name;
      item.range = taxes.carrier_fee->cents_per_line_max.has_value();
      item.base = 0;
      add_item(cost.items, item);
      paid += item.amount;
    }
    add_payment(cost.payments, purchase.start, paid);
  }

  // Quantities of monthly items are months of service; fill them in once, from the purchases.
  // Counted in thirtieths of a month, the one denominator months_bought uses, so the sum cannot overflow
  // (multiplying denominators did, for a year of 30-day terms: found by UBSan).
  std::int64_t thirtieths = 0;
  for (const Purchase& purchase : cost.purchases) {
    const MonthCount months = months_bought(purchase);
    thirtieths += months.numerator * (30 / months.denominator);
  }
  for (CostItem& item : cost.items) {
    if (item.kind == CostKind::usage || item.kind == CostKind::carrier_fee) {
      item.quantity = static_cast<int>(util::divide_rounded(thirtieths, 30));
    }
  }

  // Read in this order: what is bought, what comes off it, then what is added on top.
  const auto order = [](CostKind kind) {
    switch (kind) {
    case CostKind::intro_term: return 0;
    case CostKind::term: return 1;
    case CostKind::autopay_discount: return 2;
    case CostKind::usage: return 3;
    case CostKind::one_time_fee: return 4;
    case CostKind::carrier_fee: return 5;
    case CostKind::taxes: return 6;
    }
    return 7;
  };
  std::stable_sort(cost.items.begin(), cost.items.end(),
                   [&](const CostItem& a, const CostItem& b) { return order(a.kind) < order(b.kind); });
  for (const CostItem& item : cost.items) {
    cost.total += item.amount;
  }
  const MonthCount stay_months = months_of(stay);
  cost.per_month = util::divide_rounded(cost.total * stay_months.denominator, stay_months.numerator);
  cost.per_day = util::divide_rounded(cost.total, stay.days);
  cost.covered_until = cost.purchases.empty() ? stay.start : cost.purchases.back().end;
  return cost;
}

} // namespace simplan::recommend
