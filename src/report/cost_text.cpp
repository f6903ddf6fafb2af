#include "simplan/report/cost_text.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/catalog/enums.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using recommend::CostKind;
using recommend::ExclusionReason;
using recommend::FitKind;
using util::format_dollars;

std::string percent_text(int basis_points)
{
  std::string text = fmt::format("{}.{:02}", basis_points / 100, basis_points % 100);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text + "%";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string out;
  for (const auto& part : parts) {
    out += (out.empty() ? "" : std::string{separator}) + part;
  }
  return out;
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

std::string lines_text(int lines)
{
  return lines == 1 ? std::string{"1 line"} : fmt::format("{} lines", lines);
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

std::string term_count_text(catalog::TermLength length)
{
  if (length.unit == catalog::TermUnit::months) {
    return length.count == 1 ? "1 month" : fmt::format("{} months", length.count);
  }
  return length.count == 1 ? "1 day" : fmt::format("{} days", length.count);
}

std::string cost_item_label(const recommend::CostItem& item, int lines)
{
  switch (item.kind) {
  case CostKind::term:
  case CostKind::intro_term:
    return fmt::format("{} x {}{} at {}", item.quantity, term_count_text(*item.length),
                       item.kind == CostKind::intro_term ? ", intro price" : "", format_dollars(item.unit));
  case CostKind::autopay_discount: return fmt::format("AutoPay discount, {} x {}", item.quantity, format_dollars(item.unit));
  case CostKind::one_time_fee: {
    std::string kind{catalog::to_string(*item.fee_kind)};
    std::replace(kind.begin(), kind.end(), '_', ' ');
    std::string label = item.name.empty() ? kind + " fee" : item.name;
    label += fmt::format(", {} x {}", item.quantity, format_dollars(item.unit));
    return item.waivable ? label + " (can be waived)" : label;
  }
  case CostKind::usage:
    return fmt::format("data billed by use: {} GB a month for {} months", gigabytes_text(item.megabytes), item.quantity);
  case CostKind::taxes:
    return fmt::format("taxes, estimated at {} of {}", percent_text(item.rate_bp), format_dollars(item.base));
  case CostKind::carrier_fee:
    return fmt::format("{}: {}{} a line a month, {}, {} months", item.name.empty() ? "carrier fee" : item.name,
                       item.range ? "at least " : "", format_dollars(item.unit), lines_text(lines), item.quantity);
  }
  return "";
}

std::string stay_length_text(const recommend::StayDates& stay)
{
  return term_count_text({stay.stay.unit == profile::StayUnit::months ? catalog::TermUnit::months : catalog::TermUnit::days,
                          stay.stay.count});
}

std::string describe_needs(const profile::Needs& needs, const recommend::StayDates& stay)
{
  std::vector<std::string> parts;
  parts.push_back(fmt::format("{} from {} to {}", stay_length_text(stay), util::format_iso_date(stay.start),
                              util::format_iso_date(stay.end)));
  parts.push_back(lines_text(needs.lines));
  parts.push_back(fmt::format("{} GB a month", gigabytes_text(needs.data_mb)));
  if (needs.hotspot_mb > 0) {
    parts.push_back(fmt::format("{} GB hotspot", gigabytes_text(needs.hotspot_mb)));
  }
  if (needs.premium_data) {
    parts.emplace_back("premium data");
  }
  if (needs.esim) {
    parts.emplace_back("eSIM");
  }
  if (needs.no_credit_check) {
    parts.emplace_back("no credit check");
  }
  parts.emplace_back(needs.need_number ? "a US number" : "data only is fine");
  if (!needs.has_ssn) {
    parts.emplace_back("no SSN");
  }
  if (!needs.has_us_payment_card) {
    parts.emplace_back("no US card");
  }
  parts.emplace_back(needs.autopay ? "AutoPay" : "no AutoPay");
  if (!needs.call_countries.empty()) {
    parts.push_back("calls to " + join(needs.call_countries, ", "));
  }
  if (!needs.networks.empty()) {
    std::vector<std::string> names;
    for (const auto network : needs.networks) {
      names.emplace_back(catalog::network_display_name(network));
    }
    parts.push_back("prefers " + join(names, " or "));
  }
  if (needs.budget) {
    parts.push_back(fmt::format("at most {} a month", format_dollars(*needs.budget)));
  }
  parts.push_back(fmt::format("taxes estimated at {} where not included", percent_text(needs.tax_rate_bp)));
  return join(parts, ", ");
}

std::string describe_exclusion(const recommend::Exclusion& exclusion, const catalog::Plan& plan,
                               const profile::Needs& needs)
{
  switch (exclusion.reason) {
  case ExclusionReason::needs_credit_check: return "needs a credit check";
  case ExclusionReason::esim_unknown: return "eSIM not known to be offered";
  case ExclusionReason::no_esim: return "no eSIM";
  case ExclusionReason::no_phone_number: return "no phone number (data only)";
  case ExclusionReason::needs_ssn: return "needs a US Social Security number";
  case ExclusionReason::needs_us_payment_card: return "needs a US payment card";
  case ExclusionReason::too_many_lines:
    return fmt::format("at most {} for {}", lines_text(plan.max_lines.value_or(1)), lines_text(needs.lines));
  case ExclusionReason::lines_price_unpublished: return fmt::format("no published price for {}", lines_text(needs.lines));
  case ExclusionReason::over_budget:
    return fmt::format("{} a month, over the {} budget", format_dollars(exclusion.amount),
                       format_dollars(needs.budget.value_or(0)));
  }
  return "";
}

std::string fit_short(const recommend::FitNote& note)
{
  switch (note.kind) {
  case FitKind::data_short: return fmt::format("{} GB/mo short", gigabytes_text(note.need_mb - note.have_mb.value_or(0)));
  case FitKind::data_priority:
    return note.priority == catalog::Priority::deprioritized ? "deprioritized data" : "standard-priority data";
  case FitKind::hotspot_short:
    return note.have_mb ? fmt::format("hotspot {} GB", gigabytes_text(*note.have_mb)) : "hotspot unknown";
  case FitKind::calling_included: return fmt::format("calls to {} included", note.country);
  case FitKind::calling_per_minute: return fmt::format("calls to {} {}/min", note.country, format_dollars(note.rate));
  case FitKind::calling_unknown: return fmt::format("calls to {} unknown", note.country);
  case FitKind::network_other: return "other network";
  case FitKind::network_unknown: return "network unknown";
  }
  return "";
}

std::string fit_sentence(const recommend::FitNote& note)
{
  std::string text;
  switch (note.kind) {
  case FitKind::data_short: {
    const char* after = note.after_cap == catalog::AfterCap::deprioritized ? "then deprioritized"
                        : note.after_cap == catalog::AfterCap::stopped      ? "then data stops"
                                                                            : "then slowed";
    text = fmt::format("{} GB a month of high-speed data for a need of {} GB, {}", gigabytes_text(*note.have_mb),
                       gigabytes_text(note.need_mb), after);
    break;
  }
  case FitKind::data_priority:
    text = note.priority == catalog::Priority::deprioritized ? "data is deprioritized when the network is busy"
                                                             : "data has standard, not premium, priority";
    break;
  case FitKind::hotspot_short:
    text = note.have_mb ? fmt::format("{} GB of hotspot a month for a need of {} GB", gigabytes_text(*note.have_mb),
                                      gigabytes_text(note.need_mb))
                        : fmt::format("the hotspot allowance is unknown, for a need of {} GB", gigabytes_text(note.need_mb));
    break;
  case FitKind::calling_included: return fmt::format("calls to {} are included", note.country);
  case FitKind::calling_per_minute:
    text = fmt::format("calls to {} cost {} a minute: about {} a month for {} minutes", note.country,
                       format_dollars(note.rate), format_dollars(note.rate * note.minutes), note.minutes);
    break;
  case FitKind::calling_unknown: text = fmt::format("calls to {}: unknown (the catalog does not say)", note.country); break;
  case FitKind::network_other: text = "not on a network you prefer"; break;
  case FitKind::network_unknown: text = "the plan's network is unknown"; break;
  }
  return text + fmt::format(": ranked as if {} more", format_dollars(note.penalty));
}

std::string purchases_summary(const recommend::StayCost& cost)
{
  std::vector<std::string> parts;
  for (const recommend::CostItem& item : cost.items) {
    if (item.kind == CostKind::term || item.kind == CostKind::intro_term) {
      parts.push_back(fmt::format("{} x {}{}", item.quantity, term_count_text(*item.length),
                                  item.kind == CostKind::intro_term ? " (intro)" : ""));
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
      entry["rate_percent"] = static_cast<double>(item.rate_bp) / 100.0;
      entry["base_cents"] = item.base;
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
    case FitKind::network_unknown: break;
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
    if (exclusion.reason == ExclusionReason::over_budget) {
      entry["per_month_cents"] = exclusion.amount;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

} // namespace simplan::report
