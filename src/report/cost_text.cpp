#include "simplan/report/cost_text.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/catalog/enums.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using recommend::CostKind;
using recommend::ExclusionReason;
using recommend::FitKind;
using util::format_dollars;

// "26.8%", "13.15%", "0%": a rate in ppm as a person reads it, to two decimals (the amounts use the exact rate).
std::string percent_text(tax::RatePpm rate)
{
  const tax::RatePpm hundredths = util::divide_rounded(rate, tax::k_ppm_per_percent / 100);
  std::string text = fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text + "%";
}

std::string_view treatment_name(tax::Treatment treatment)
{
  switch (treatment) {
  case tax::Treatment::given: return "given";
  case tax::Treatment::postpaid_bill: return "postpaid_bill";
  case tax::Treatment::prepaid_sale: return "prepaid_sale";
  case tax::Treatment::prepaid_estimate: return "prepaid_estimate";
  }
  return "given";
}

double percent_json(tax::RatePpm rate)
{
  return static_cast<double>(rate) / static_cast<double>(tax::k_ppm_per_percent);
}

// "8.875% + $0.90 a purchase": what one levy adds to a price.
std::string levy_text(Language language, const tax::Levy& levy)
{
  if (levy.cents_per_purchase == 0) {
    return percent_text(levy.rate);
  }
  return TR(language, "{} + {} a purchase", percent_text(levy.rate), format_dollars(levy.cents_per_purchase));
}

std::string_view kind_name(CostKind kind)
{
  switch (kind) {
  case CostKind::term: return "term";
  case CostKind::intro_term: return "intro_term";
  case CostKind::autopay_discount: return "autopay_discount";
  case CostKind::one_time_fee: return "one_time_fee";
  case CostKind::usage: return "usage";
  case CostKind::taxes: return "taxes";
  case CostKind::carrier_fee: return "carrier_fee";
  }
  return "";
}

std::string_view fit_name(FitKind kind)
{
  switch (kind) {
  case FitKind::data_short: return "data_short";
  case FitKind::data_priority: return "data_priority";
  case FitKind::hotspot_short: return "hotspot_short";
  case FitKind::calling_included: return "calling_included";
  case FitKind::calling_per_minute: return "calling_per_minute";
  case FitKind::calling_unknown: return "calling_unknown";
  case FitKind::network_other: return "network_other";
  case FitKind::network_unknown: return "network_unknown";
  case FitKind::esim_unknown: return "esim_unknown";
  case FitKind::ssn_unknown: return "ssn_unknown";
  case FitKind::us_card_unknown: return "us_card_unknown";
  }
  return "";
}

std::string_view exclusion_name(ExclusionReason reason)
{
  switch (reason) {
  case ExclusionReason::needs_credit_check: return "needs_credit_check";
  case ExclusionReason::esim_unknown: return "esim_unknown";
  case ExclusionReason::no_esim: return "no_esim";
  case ExclusionReason::no_phone_number: return "no_phone_number";
  case ExclusionReason::needs_ssn: return "needs_ssn";
  case ExclusionReason::needs_us_payment_card: return "needs_us_payment_card";
  case ExclusionReason::too_many_lines: return "too_many_lines";
  case ExclusionReason::lines_price_unpublished: return "lines_price_unpublished";
  case ExclusionReason::over_budget: return "over_budget";
  }
  return "";
}

nlohmann::ordered_json megabytes_json(std::int64_t megabytes)
{
  return catalog::quantity_to_json(catalog::Quantity::of(megabytes));
}

} // namespace

std::string gigabytes_text(std::int64_t megabytes)
{
  return gigabytes_value(catalog::Quantity::of(megabytes));
}

std::string plan_display_name(const recommend::Candidate& candidate)
{
  const std::string& name = candidate.plan->name;
  if (candidate.carrier == nullptr) {
    return name;
  }
  // "Visible+" rather than "Visible Visible+": a plan name that already starts with the carrier's.
  const std::string& carrier = candidate.carrier->name;
  if (util::to_lower_ascii(name).starts_with(util::to_lower_ascii(carrier))) {
    return name;
  }
  return carrier + " " + name;
}

std::string taxes_label(Language language, const recommend::CostItem& item)
{
  const std::string rate = percent_text(item.rate);
  const std::string base = format_dollars(item.base);
  switch (item.treatment) {
  case tax::Treatment::given: return TR(language, "taxes at {} of {}", rate, base);
  case tax::Treatment::postpaid_bill: return TR(language, "taxes on a bill, estimated at {} of {}", rate, base);
  case tax::Treatment::prepaid_sale:
    return item.unit == 0 ? TR(language, "taxes at purchase, {} of {}", rate, base)
                          : TR(language, "taxes at purchase, {} of {} and {} x {}", rate, base, item.quantity,
                               format_dollars(item.unit));
  case tax::Treatment::prepaid_estimate: return TR(language, "taxes, estimated at the postpaid rate {} of {}", rate, base);
  }
  return "";
}

std::string cost_item_label(Language language, const recommend::CostItem& item, int lines)
{
  switch (item.kind) {
  case CostKind::term:
    return TR(language, "{} x {} at {}", item.quantity, format_term_count(language, *item.length), format_dollars(item.unit));
  case CostKind::intro_term:
    return TR(language, "{} x {}, intro price at {}", item.quantity, format_term_count(language, *item.length),
              format_dollars(item.unit));
  case CostKind::autopay_discount:
    return TR(language, "AutoPay discount, {} x {}", item.quantity, format_dollars(item.unit));
  case CostKind::one_time_fee: {
    std::string label = item.name.empty() ? TR(language, "one-time fee") : item.name;
    label = TR(language, "{}, {} x {}", label, item.quantity, format_dollars(item.unit));
    return item.waivable ? label + TR(language, " (can be waived)") : label;
  }
  case CostKind::usage:
    return TR(language, "data billed by use: {} GB a month for {}", gigabytes_text(item.megabytes), months_text(language, item.quantity));
  case CostKind::taxes: return taxes_label(language, item);
  case CostKind::carrier_fee: {
    const std::string name = item.name.empty() ? TR(language, "carrier fee") : item.name;
    return item.range ? TR(language, "{}: at least {} a line a month, {}, {}", name, format_dollars(item.unit),
                           lines_count_text(language, lines), months_text(language, item.quantity))
                      : TR(language, "{}: {} a line a month, {}, {}", name, format_dollars(item.unit),
                           lines_count_text(language, lines), months_text(language, item.quantity));
  }
  }
  return "";
}

std::string stay_length_text(Language language, const recommend::StayDates& stay)
{
  return format_term_count(
    language, {stay.stay.unit == profile::StayUnit::months ? catalog::TermUnit::months : catalog::TermUnit::days, stay.stay.count});
}

std::string describe_taxes(Language language, const tax::TaxRates& rates)
{
  switch (rates.basis) {
  case tax::RateBasis::given: return TR(language, "taxes at {} where not included", percent_text(rates.bill.rate));
  case tax::RateBasis::national_average:
    return TR(language, "taxes estimated at the US average {} where not included (--state gives yours)",
              percent_text(rates.bill.rate));
  case tax::RateBasis::state: {
    const std::string bill = rates.bill_from_national
                               ? TR(language, "{} (the US average: no figure for this state)", percent_text(rates.bill.rate))
                               : percent_text(rates.bill.rate);
    const std::string sale = rates.sale.treatment == tax::Treatment::prepaid_sale
                               ? levy_text(language, rates.sale)
                               : TR(language, "at the postpaid rate (its prepaid levies are not known in full)");
    return TR(language, "taxes estimated for {}: postpaid {}, prepaid {}", rates.state, bill, sale);
  }
  }
  return "";
}

nlohmann::ordered_json taxes_to_json(const tax::TaxRates& rates)
{
  const auto levy_json = [](const tax::Levy& levy) {
    nlohmann::ordered_json out;
    out["treatment"] = treatment_name(levy.treatment);
    out["rate_percent"] = percent_json(levy.rate);
    out["per_purchase_cents"] = levy.cents_per_purchase;
    return out;
  };
  nlohmann::ordered_json out;
  out["basis"] = rates.basis == tax::RateBasis::state ? "state"
                 : rates.basis == tax::RateBasis::given ? "given"
                                                        : "national_average";
  if (rates.basis == tax::RateBasis::state) {
    out["state"] = rates.state;
    out["postpaid_from_national_average"] = rates.bill_from_national;
  }
  out["postpaid"] = levy_json(rates.bill);
  out["prepaid"] = levy_json(rates.sale);
  return out;
}

std::string describe_needs(Language language, const profile::Needs& needs, const recommend::StayDates& stay)
{
  std::vector<std::string> parts;
  parts.push_back(TR(language, "{} from {} to {}", stay_length_text(language, stay), i18n::human_date(language, stay.start),
                     i18n::human_date(language, stay.end)));
  parts.push_back(lines_count_text(language, needs.lines));
  parts.push_back(TR(language, "{} GB a month", gigabytes_text(needs.data_mb)));
  if (needs.hotspot_mb > 0) {
    parts.push_back(TR(language, "{} GB hotspot", gigabytes_text(needs.hotspot_mb)));
  }
  if (needs.premium_data) {
    parts.push_back(TR(language, "premium data"));
  }
  if (needs.esim) {
    parts.emplace_back("eSIM");
  }
  if (needs.no_credit_check) {
    parts.push_back(TR(language, "no credit check"));
  }
  parts.push_back(needs.need_number ? TR(language, "a US number") : TR(language, "data only is fine"));
  if (!needs.has_ssn) {
    parts.push_back(TR(language, "no SSN"));
  }
  if (!needs.has_us_payment_card) {
    parts.push_back(TR(language, "no US card"));
  }
  parts.push_back(needs.autopay ? TR(language, "AutoPay") : TR(language, "no AutoPay"));
  if (!needs.call_countries.empty()) {
    parts.push_back(TR(language, "calls to {}", join(needs.call_countries, ", ")));
  }
  if (!needs.networks.empty()) {
    std::vector<std::string> names;
    for (const auto network : needs.networks) {
      names.emplace_back(catalog::network_display_name(network));
    }
    parts.push_back(TR(language, "prefers {}", join(names, TR(language, " or "))));
  }
  if (needs.budget) {
    parts.push_back(TR(language, "at most {} a month", format_dollars(*needs.budget)));
  }
  parts.push_back(describe_taxes(language, needs.taxes));
  return join(parts, list_separator(language));
}

std::string describe_exclusion(Language language, const recommend::Exclusion& exclusion, const catalog::Plan& plan,
                               const profile::Needs& needs)
{
  switch (exclusion.reason) {
  case ExclusionReason::needs_credit_check: return TR(language, "needs a credit check");
  case ExclusionReason::esim_unknown: return TR(language, "eSIM not known to be offered");
  case ExclusionReason::no_esim: return TR(language, "no eSIM");
  case ExclusionReason::no_phone_number: return TR(language, "no phone number (data only)");
  case ExclusionReason::needs_ssn: return TR(language, "needs a US Social Security number");
  case ExclusionReason::needs_us_payment_card: return TR(language, "needs a US payment card");
  case ExclusionReason::too_many_lines:
    return TR(language, "at most {} for {}", lines_count_text(language, plan.max_lines.value_or(1)),
              lines_count_text(language, needs.lines));
  case ExclusionReason::lines_price_unpublished:
    return TR(language, "no published price for {}", lines_count_text(language, needs.lines));
  case ExclusionReason::over_budget:
    return TR(language, "{} a month, over the {} budget", format_dollars(exclusion.amount), format_dollars(needs.budget.value_or(0)));
  }
  return "";
}

std::string fit_short(Language language, const recommend::FitNote& note)
{
  switch (note.kind) {
  case FitKind::data_short: return TR(language, "{} GB/mo short", gigabytes_text(note.need_mb - note.have_mb.value_or(0)));
  case FitKind::data_priority:
    return note.priority == catalog::Priority::deprioritized ? TR(language, "deprioritized data")
                                                             : TR(language, "standard-priority data");
  case FitKind::hotspot_short:
    return note.have_mb ? TR(language, "hotspot {} GB", gigabytes_text(*note.have_mb)) : TR(language, "hotspot unknown");
  case FitKind::calling_included: return TR(language, "calls to {} included", note.country);
  case FitKind::calling_per_minute: return TR(language, "calls to {} {}/min", note.country, format_dollars(note.rate));
  case FitKind::calling_unknown: return TR(language, "calls to {} unknown", note.country);
  case FitKind::network_other: return TR(language, "other network");
  case FitKind::network_unknown: return TR(language, "network unknown");
  case FitKind::esim_unknown: return TR(language, "eSIM unknown");
  case FitKind::ssn_unknown: return TR(language, "SSN need unknown");
  case FitKind::us_card_unknown: return TR(language, "US card need unknown");
  }
  return "";
}

std::string fit_sentence(Language language, const recommend::FitNote& note)
{
  std::string text;
  switch (note.kind) {
  case FitKind::data_short: {
    const std::string after = note.after_cap == catalog::AfterCap::deprioritized ? TR(language, "then deprioritized")
                              : note.after_cap == catalog::AfterCap::stopped      ? TR(language, "then data stops")
                                                                                  : TR(language, "then slowed");
    text = TR(language, "{} GB a month of high-speed data for a need of {} GB, {}", gigabytes_text(*note.have_mb),
              gigabytes_text(note.need_mb), after);
    break;
  }
  case FitKind::data_priority:
    text = note.priority == catalog::Priority::deprioritized ? TR(language, "data is deprioritized when the network is busy")
                                                             : TR(language, "data has standard, not premium, priority");
    break;
  case FitKind::hotspot_short:
    text = note.have_mb ? TR(language, "{} GB of hotspot a month for a need of {} GB", gigabytes_text(*note.have_mb),
                             gigabytes_text(note.need_mb))
                        : TR(language, "the hotspot allowance is unknown, for a need of {} GB", gigabytes_text(note.need_mb));
    break;
  case FitKind::calling_included: return TR(language, "calls to {} are included", note.country);
  case FitKind::calling_per_minute:
    text = note.minutes == 1
             ? TR(language, "calls to {} cost {} a minute: about {} a month for 1 minute", note.country,
                  format_dollars(note.rate), format_dollars(note.rate))
             : TR(language, "calls to {} cost {} a minute: about {} a month for {} minutes", note.country,
                  format_dollars(note.rate), format_dollars(note.rate * note.minutes), note.minutes);
    break;
  case FitKind::calling_unknown: text = TR(language, "calls to {}: unknown (the catalog does not say)", note.country); break;
  case FitKind::network_other: text = TR(language, "not on a network you prefer"); break;
  case FitKind::network_unknown: text = TR(language, "the plan's network is unknown"); break;
  case FitKind::esim_unknown:
    return TR(language, "the catalog does not say whether the plan offers eSIM (kept by --include-unknown): ask before you buy");
  case FitKind::ssn_unknown:
    return TR(language, "the catalog does not say whether the plan needs a US Social Security number: ask before you buy");
  case FitKind::us_card_unknown:
    return TR(language, "the catalog does not say whether paying for the plan needs a US card: ask before you buy");
  }
  return TR(language, "{}: ranked as if {} more", text, format_dollars(note.penalty));
}

std::string purchases_summary(Language language, const recommend::StayCost& cost)
{
  std::vector<std::string> parts;
  for (const recommend::CostItem& item : cost.items) {
    if (item.kind == CostKind::term) {
      parts.push_back(TR(language, "{} x {}", item.quantity, format_term_count(language, *item.length)));
    } else if (item.kind == CostKind::intro_term) {
      parts.push_back(TR(language, "{} x {} (intro)", item.quantity, format_term_count(language, *item.length)));
    }
  }
  return join(parts, " + ");
}

nlohmann::ordered_json stay_to_json(const recommend::StayDates& stay)
{
  nlohmann::ordered_json out;
  out["start"] = util::format_iso_date(stay.start);
  out["end"] = util::format_iso_date(stay.end);
  out["days"] = stay.days;
  if (stay.stay.unit == profile::StayUnit::months) {
    out["months"] = stay.stay.count;
  }
  return out;
}

nlohmann::ordered_json cost_to_json(const recommend::StayCost& cost)
{
  nlohmann::ordered_json out;
  out["total_cents"] = cost.total;
  out["per_month_cents"] = cost.per_month;
  out["per_day_cents"] = cost.per_day;
  out["covered_until"] = util::format_iso_date(cost.covered_until);
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const recommend::CostItem& item : cost.items) {
    nlohmann::ordered_json entry;
    entry["kind"] = kind_name(item.kind);
    if (item.length) {
      entry["term"] = catalog::term_length_to_json(*item.length);
    }
    if (!item.name.empty()) {
      entry["name"] = item.name;
    }
    if (item.fee_kind) {
      entry["fee_kind"] = catalog::to_string(*item.fee_kind);
    }
    if (item.kind == CostKind::taxes) {
      entry["treatment"] = treatment_name(item.treatment);
      entry["rate_percent"] = percent_json(item.rate);
      entry["base_cents"] = item.base;
      if (item.unit > 0) {
        entry["purchases"] = item.quantity;
        entry["per_purchase_cents"] = item.unit;
      }
    } else {
      entry["quantity"] = item.quantity;
      entry["unit_cents"] = item.unit;
    }
    if (item.kind == CostKind::usage) {
      entry["gb_per_month"] = megabytes_json(item.megabytes);
    }
    entry["amount_cents"] = item.amount;
    items.push_back(std::move(entry));
  }
  out["breakdown"] = std::move(items);
  nlohmann::ordered_json purchases = nlohmann::ordered_json::array();
  for (const recommend::Purchase& purchase : cost.purchases) {
    purchases.push_back({{"start", util::format_iso_date(purchase.start)},
                         {"end", util::format_iso_date(purchase.end)},
                         {"term", catalog::term_length_to_json(purchase.term->length)},
                         {"price_cents", purchase.price},
                         {"intro", purchase.intro},
                         {"autopay_discount_cents", purchase.autopay_discount}});
  }
  out["purchases"] = std::move(purchases);
  nlohmann::ordered_json payments = nlohmann::ordered_json::array();
  for (const recommend::Payment& payment : cost.payments) {
    payments.push_back({{"date", util::format_iso_date(payment.date)}, {"amount_cents", payment.amount}});
  }
  out["payments"] = std::move(payments);
  return out;
}

nlohmann::ordered_json fit_to_json(const std::vector<recommend::FitNote>& fit)
{
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const recommend::FitNote& note : fit) {
    nlohmann::ordered_json entry;
    entry["kind"] = fit_name(note.kind);
    entry["penalty_cents"] = note.penalty;
    switch (note.kind) {
    case FitKind::data_short:
    case FitKind::hotspot_short:
      entry["need_gb"] = megabytes_json(note.need_mb);
      entry["have_gb"] = note.have_mb ? megabytes_json(*note.have_mb) : nlohmann::ordered_json(nullptr);
      break;
    case FitKind::data_priority: entry["priority"] = catalog::to_string(*note.priority); break;
    case FitKind::calling_per_minute:
      entry["country"] = note.country;
      entry["cents_per_minute"] = note.rate;
      entry["minutes_per_month"] = note.minutes;
      break;
    case FitKind::calling_included:
    case FitKind::calling_unknown: entry["country"] = note.country; break;
    case FitKind::network_other:
    case FitKind::network_unknown:
    case FitKind::esim_unknown:
    case FitKind::ssn_unknown:
    case FitKind::us_card_unknown: break;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::ordered_json exclusions_to_json(const std::vector<recommend::Exclusion>& exclusions)
{
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const recommend::Exclusion& exclusion : exclusions) {
    nlohmann::ordered_json entry;
    entry["reason"] = exclusion_name(exclusion.reason);
    entry["unknown_fact"] = recommend::is_unknown_fact(exclusion.reason);
    if (exclusion.reason == ExclusionReason::over_budget) {
      entry["per_month_cents"] = exclusion.amount;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

} // namespace simplan::report
