#include "simplan/report/plan_detail_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/catalog/pricing.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/renewal_text.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/json_reader.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using namespace catalog;
using util::format_dollars;

std::string describe_term(Language language, const Plan& plan, const Term& term)
{
  std::string text = TR(language, "{} per {}", format_dollars(term.price), format_term_length(language, term.length));
  if (plan.kind != PlanKind::travel && !(term.length.unit == TermUnit::months && term.length.count == 1)) {
    text += TR(language, " ({} a month)", format_dollars(monthly_equivalent(term.price, term.length)));
  }
  if (term.intro) {
    const Intro& intro = *term.intro;
    text += intro.terms == 1 ? TR(language, "; intro {} for the first term", format_dollars(intro.price))
                             : TR(language, "; intro {} for the first {} terms", format_dollars(intro.price), intro.terms);
    std::vector<std::string> conditions;
    if (intro.new_customers_only == true) {
      conditions.push_back(TR(language, "new customers"));
    }
    if (!intro.code.empty()) {
      conditions.push_back(TR(language, "code {}", intro.code));
    }
    if (intro.until) {
      conditions.push_back(TR(language, "until {}", i18n::human_date(language, *intro.until)));
    }
    if (!conditions.empty()) {
      text += TR(language, " ({})", join(conditions, list_separator(language)));
    }
  }
  return text;
}

std::string describe_lines(Language language, const Plan& plan)
{
  if (plan.kind == PlanKind::travel) {
    return TR(language, "one pass per line");
  }
  std::vector<std::string> lines;
  const Term& term = plan.terms.front();
  if (!term.line_totals.empty()) {
    std::vector<std::string> totals;
    for (std::size_t i = 0; i < term.line_totals.size(); ++i) {
      totals.push_back(TR(language, "{}: {}", lines_count_text(language, static_cast<int>(i + 1)),
                          term.line_totals[i] ? format_dollars(*term.line_totals[i]) : TR(language, "unpublished")));
    }
    lines.push_back(TR(language, "account total per {} before AutoPay: {}", format_term_length(language, term.length),
                       join(totals, list_separator(language))));
  } else if (plan.multi_line_discount == false) {
    lines.push_back(TR(language, "every line pays the one-line price (no multi-line discount)"));
  } else if (plan.max_lines != 1) {
    lines.push_back(TR(language, "prices for more than one line are not published"));
  }
  if (plan.max_lines) {
    lines.push_back(*plan.max_lines == 1 ? TR(language, "single line only") : TR(language, "up to {} lines", *plan.max_lines));
  }
  return join(lines, "\n");
}

std::string payment_method_text(Language language, PaymentMethod method)
{
  switch (method) {
  case PaymentMethod::bank_account: return TR(language, "bank account");
  case PaymentMethod::debit_card: return TR(language, "debit card");
  case PaymentMethod::credit_card: return TR(language, "credit card");
  case PaymentMethod::carrier_card: return TR(language, "the carrier's own card");
  case PaymentMethod::any: return TR(language, "any method");
  }
  return {};
}

std::string describe_autopay(Language language, const Autopay& autopay)
{
  std::string text = autopay.per == Per::line ? TR(language, "-{} per line per term", format_dollars(autopay.discount))
                                              : TR(language, "-{} per account per term", format_dollars(autopay.discount));
  if (autopay.max_lines) {
    text += *autopay.max_lines == 1 ? TR(language, " (single line only)") : TR(language, " (up to {} lines)", *autopay.max_lines);
  }
  if (autopay.from_term > 1) {
    text += TR(language, ", from term {}", autopay.from_term);
  }
  if (!autopay.payment_methods.empty()) {
    std::vector<std::string> methods;
    for (const auto method : autopay.payment_methods) {
      methods.push_back(payment_method_text(language, method));
    }
    text += TR(language, "; pay by {}", join(methods, TR(language, " or ")));
  }
  if (autopay.paperless_billing == true) {
    text += TR(language, "; paperless billing");
  }
  if (autopay.note) {
    text += "\n" + localized(language, *autopay.note);
  }
  return text;
}

std::string describe_taxes(Language language, const TaxesAndFees& taxes)
{
  std::string text = TR(language, "{}, {}", taxes.taxes_included ? TR(language, "taxes included") : TR(language, "taxes not included"),
                        taxes.fees_included ? TR(language, "carrier fees included") : TR(language, "carrier fees not included"));
  if (taxes.carrier_fee) {
    const CarrierFee& fee = *taxes.carrier_fee;
    const std::string amount =
      fee.cents_per_line_max ? TR(language, "{} to {}", format_dollars(fee.cents_per_line), format_dollars(*fee.cents_per_line_max))
                             : format_dollars(fee.cents_per_line);
    text += "\n" + (fee.name.empty() ? TR(language, "{} per line per month on top", amount)
                                     : TR(language, "{}: {} per line per month on top", fee.name, amount));
  }
  if (taxes.note) {
    text += "\n" + localized(language, *taxes.note);
  }
  return text;
}

std::string fee_kind_text(Language language, FeeKind kind)
{
  switch (kind) {
  case FeeKind::activation: return TR(language, "activation");
  case FeeKind::sim: return TR(language, "SIM");
  case FeeKind::esim: return TR(language, "eSIM");
  case FeeKind::device_connection: return TR(language, "device connection");
  case FeeKind::other: return TR(language, "other");
  }
  return {};
}

std::string describe_fees(Language language, const std::vector<OneTimeFee>& fees)
{
  std::vector<std::string> lines;
  for (const OneTimeFee& fee : fees) {
    const std::string kind = fee_kind_text(language, fee.kind);
    const std::string what = fee.name.empty() ? kind : TR(language, "{} ({})", fee.name, kind);
    std::string line = fee.per == Per::line ? TR(language, "{}: {} per line", what, format_dollars(fee.cents))
                                            : TR(language, "{}: {} per account", what, format_dollars(fee.cents));
    if (fee.waivable == true) {
      line += TR(language, ", can be waived");
    }
    if (fee.note) {
      line += TR(language, "; {}", localized(language, *fee.note));
    }
    lines.push_back(line);
  }
  return join(lines, "\n");
}

std::string describe_data(Language language, const Data& data)
{
  if (!data.high_speed.unlimited && data.high_speed.amount == 0) {
    return TR(language, "none");
  }
  std::string text = format_gigabytes(language, data.high_speed);
  if (data.priority) {
    text += TR(language, " at {} priority", priority_text(language, *data.priority));
  }
  if (data.after_cap) {
    switch (*data.after_cap) {
    case AfterCap::slowed:
      text += data.after_cap_kbps ? TR(language, ", then slowed to {}", format_speed(*data.after_cap_kbps))
                                  : TR(language, ", then slowed");
      break;
    case AfterCap::deprioritized: text += TR(language, ", then deprioritized"); break;
    case AfterCap::stopped: text += TR(language, ", then data stops"); break;
    }
  }
  if (data.max_kbps) {
    text += TR(language, "; at most {}", format_speed(*data.max_kbps));
  }
  if (data.usage_billing) {
    text += "\n" + TR(language, "billed by use: {} per GB on top of the price", format_dollars(data.usage_billing->cents_per_gb));
    std::vector<std::string> caps;
    for (std::size_t i = 0; i < data.usage_billing->max_charged_mb.size(); ++i) {
      caps.push_back(TR(language, "{} GB for {}", gigabytes_value(Quantity::of(data.usage_billing->max_charged_mb[i])),
                        lines_count_text(language, static_cast<int>(i + 1))));
    }
    if (!caps.empty()) {
      text += TR(language, "; charged for at most {}", join(caps, list_separator(language)));
    }
  }
  if (data.note) {
    text += "\n" + localized(language, *data.note);
  }
  return text;
}

std::string describe_hotspot(Language language, const std::optional<Hotspot>& hotspot)
{
  if (!hotspot) {
    return unknown_text(language);
  }
  std::string text = format_gigabytes(language, hotspot->high_speed);
  if (hotspot->after_cap_kbps) {
    const bool slow_only = hotspot->high_speed.amount == 0 && !hotspot->high_speed.unlimited;
    text += slow_only ? TR(language, " at full speed; unlimited at {}", format_speed(*hotspot->after_cap_kbps))
                      : TR(language, ", then {}", format_speed(*hotspot->after_cap_kbps));
  }
  if (hotspot->max_kbps) {
    text += TR(language, "; at most {}", format_speed(*hotspot->max_kbps));
  }
  if (hotspot->from_plan_data == true) {
    text += TR(language, "; counts against plan data");
  }
  if (hotspot->note) {
    text += "\n" + localized(language, *hotspot->note);
  }
  return text;
}

std::string describe_reaches(Language language, const std::vector<Reach>& reaches)
{
  std::vector<std::string> lines;
  for (const Reach& reach : reaches) {
    std::string where = join(reach.countries, ", ");
    if (reach.country_count) {
      const std::string count = *reach.country_count == 1 ? TR(language, "1 country (list not in the catalog)")
                                                          : TR(language, "{} countries (list not in the catalog)", *reach.country_count);
      where = where.empty() ? count : TR(language, "{} and {}", where, count);
    }
    std::vector<std::string> terms;
    if (reach.included == true) {
      terms.push_back(TR(language, "included"));
    } else if (reach.included == false) {
      terms.push_back(TR(language, "not included"));
    }
    if (reach.cents_per_minute) {
      terms.push_back(TR(language, "{} a minute", format_dollars(*reach.cents_per_minute)));
    }
    if (reach.cents_per_day) {
      terms.push_back(TR(language, "{} a day", format_dollars(*reach.cents_per_day)));
    }
    if (reach.minutes) {
      terms.push_back(*reach.minutes == 1 ? TR(language, "1 minute a month") : TR(language, "{} minutes a month", *reach.minutes));
    }
    if (reach.data) {
      terms.push_back(TR(language, "{} of data", format_gigabytes(language, *reach.data)));
    }
    std::string line = TR(language, "{}: {}", where, join(terms, list_separator(language)));
    if (reach.note) {
      line += TR(language, "; {}", localized(language, *reach.note));
    }
    lines.push_back(line);
  }
  return join(lines, "\n");
}

std::string describe_requirements(Language language, const Requirements& requirements)
{
  std::vector<std::string> needs;
  needs.push_back(requirements.credit_check ? TR(language, "credit check") : TR(language, "no credit check"));
  const std::pair<const std::optional<bool>*, std::pair<std::string, std::string>> flags[] = {
    {&requirements.ssn, {TR(language, "US Social Security number"), TR(language, "no US Social Security number")}},
    {&requirements.us_address, {TR(language, "US address"), TR(language, "no US address")}},
    {&requirements.us_payment_card, {TR(language, "US payment card"), TR(language, "no US payment card")}},
    {&requirements.in_store_activation, {TR(language, "activation in a store"), TR(language, "no activation in a store")}},
    {&requirements.activate_in_us, {TR(language, "activation while in the US"), TR(language, "activation from abroad possible")}},
    {&requirements.byod_only, {TR(language, "your own phone (no phones sold)"), TR(language, "phones sold too")}},
  };
  for (const auto& [flag, words] : flags) {
    if (*flag == true) {
      needs.push_back(words.first);
    } else if (*flag == false) {
      needs.push_back(words.second);
    }
  }
  std::string text = join(needs, TR(language, "; "));
  if (requirements.note) {
    text += "\n" + localized(language, *requirements.note);
  }
  return text;
}

std::string describe_sim(Language language, const Sim& sim)
{
  std::vector<std::string> kinds;
  if (sim.esim == true) {
    kinds.emplace_back("eSIM");
  }
  if (sim.physical == true) {
    kinds.push_back(TR(language, "physical SIM"));
  }
  if (sim.esim == false) {
    kinds.push_back(TR(language, "no eSIM"));
  }
  if (sim.physical == false) {
    kinds.push_back(TR(language, "no physical SIM"));
  }
  return kinds.empty() ? unknown_text(language) : join(kinds, list_separator(language));
}

std::string describe_sources(Language language, const Plan& plan)
{
  std::vector<std::string> lines;
  for (const Source& source : plan.sources) {
    const std::string checked = i18n::human_date(language, source.checked);
    if (!source.secondary) {
      lines.push_back(TR(language, "{} (checked {})", source.url, checked));
    } else if (source.via.empty()) {
      lines.push_back(TR(language, "{} (checked {}, secondary source)", source.url, checked));
    } else {
      lines.push_back(TR(language, "{} (checked {}, via {})", source.url, checked, source.via));
    }
  }
  return join(lines, "\n");
}

std::string render_fields(const Catalog& catalog, const Plan& plan, Language language)
{
  const Carrier* carrier = catalog.find_carrier(plan.carrier);
  FieldList fields{std::string{label_colon(language)}};
  fields.add(TR(language, "Plan"), (carrier != nullptr ? carrier->name + " " : "") + plan.name);
  fields.add(TR(language, "ID"), plan.id);
  std::string kind = plan.kind == PlanKind::travel ? TR(language, "travel pass, bought once") : kind_text(language, plan.kind);
  kind += plan.phone_number ? TR(language, ", with a US phone number") : TR(language, ", data only (no phone number)");
  fields.add(TR(language, "Kind"), kind);
  fields.add(TR(language, "Network"), format_networks(language, plan.networks));
  std::vector<std::string> terms;
  for (const Term& term : plan.terms) {
    terms.push_back(describe_term(language, plan, term));
  }
  fields.add(TR(language, "Price"), join(terms, "\n") + "\n" + TR(language, "(one line, before any AutoPay discount)"));
  if (const std::string lines = describe_lines(language, plan); !lines.empty()) {
    fields.add(TR(language, "Lines"), lines);
  }
  fields.add(TR(language, "AutoPay"), plan.autopay ? describe_autopay(language, *plan.autopay) : TR(language, "no discount"));
  fields.add(TR(language, "Taxes & fees"), describe_taxes(language, plan.taxes_and_fees));
  if (!plan.one_time_fees.empty()) {
    fields.add(TR(language, "One-time fees"), describe_fees(language, plan.one_time_fees));
  }
  fields.add(TR(language, "Data"), describe_data(language, plan.data));
  fields.add(TR(language, "Hotspot"), describe_hotspot(language, plan.hotspot));
  fields.add(TR(language, "Talk"), format_allowance(language, plan.talk));
  fields.add(TR(language, "Text"), format_allowance(language, plan.text));
  if (plan.international) {
    const International& international = *plan.international;
    if (!international.calling.empty()) {
      fields.add(TR(language, "Calls abroad"), describe_reaches(language, international.calling));
    }
    if (!international.texting.empty()) {
      fields.add(TR(language, "Texts abroad"), describe_reaches(language, international.texting));
    }
    if (!international.roaming.empty()) {
      fields.add(TR(language, "Roaming"), describe_reaches(language, international.roaming));
    }
    if (international.note) {
      fields.add(TR(language, "International"), localized(language, *international.note));
    }
  }
  fields.add(TR(language, "Requirements"), describe_requirements(language, plan.requirements));
  fields.add(TR(language, "SIM"), describe_sim(language, plan.sim));
  fields.add(TR(language, "Renewal"), describe_renewal_policy(language, plan, renewal_policy_for(catalog, plan)));
  for (const LocalizedText& note : plan.notes) {
    fields.add(TR(language, "Note"), localized(language, note));
  }
  if (plan.conflicts) {
    fields.add(TR(language, "Conflicts"), localized(language, *plan.conflicts));
  }
  fields.add(TR(language, "Sources"), describe_sources(language, plan));
  fields.add(TR(language, "Confidence"), confidence_text(language, plan.confidence));
  return fields.render();
}

// Flattens JSON into (pointer, value) leaves for csv/tsv: strings bare, other scalars as JSON.
void flatten(const nlohmann::ordered_json& value, const std::string& pointer,
             std::vector<std::pair<std::string, std::string>>& leaves)
{
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      flatten(child, util::json_pointer_append(pointer, key), leaves);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten(value[i], util::json_pointer_append(pointer, i), leaves);
    }
  } else {
    leaves.emplace_back(pointer, value.is_string() ? value.get<std::string>() : value.dump());
  }
}

} // namespace

std::string render_plan_detail(const Catalog& catalog, const Plan& plan, OutputFormat format, const RenderOptions& options)
{
  if (format == OutputFormat::table) {
    return render_fields(catalog, plan, options.language);
  }
  auto document = plan_to_json(plan);
  const Carrier* carrier = catalog.find_carrier(plan.carrier);
  document["carrier_name"] = carrier != nullptr ? carrier->name : plan.carrier;
  if (const RenewalPolicy* policy = renewal_policy_for(catalog, plan)) {
    document["renewal"] = renewal_policy_to_json(*policy);
  }
  if (format == OutputFormat::json) {
    return dump_json(document);
  }
  std::vector<std::pair<std::string, std::string>> leaves;
  flatten(document, "", leaves);
  const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
  std::string out = record(std::vector<std::string>{"field", "value"});
  for (const auto& [field, value] : leaves) {
    out += record(std::vector<std::string>{field, value});
  }
  return out;
}

} // namespace simplan::report
