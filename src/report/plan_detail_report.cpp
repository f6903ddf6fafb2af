#include "simplan/report/plan_detail_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/catalog/pricing.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/json_reader.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using namespace catalog;
using util::format_dollars;

std::string ordinal(int n)
{
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string out;
  for (const auto& part : parts) {
    out += (out.empty() ? "" : std::string{separator}) + part;
  }
  return out;
}

std::string describe_term(const Plan& plan, const Term& term)
{
  std::string text = fmt::format("{} per {}", format_dollars(term.price), format_term_length(term.length));
  if (plan.kind != PlanKind::travel && !(term.length.unit == TermUnit::months && term.length.count == 1)) {
    text += fmt::format(" ({} a month)", format_dollars(monthly_equivalent(term.price, term.length)));
  }
  if (term.intro) {
    const Intro& intro = *term.intro;
    text += fmt::format("; intro {} for the first {}", format_dollars(intro.price),
                        intro.terms == 1 ? std::string{"term"} : fmt::format("{} terms", intro.terms));
    std::vector<std::string> conditions;
    if (intro.new_customers_only == true) {
      conditions.emplace_back("new customers");
    }
    if (!intro.code.empty()) {
      conditions.push_back("code " + intro.code);
    }
    if (intro.until) {
      conditions.push_back("until " + util::format_iso_date(*intro.until));
    }
    if (!conditions.empty()) {
      text += " (" + join(conditions, ", ") + ")";
    }
  }
  return text;
}

std::string describe_lines(const Plan& plan)
{
  if (plan.kind == PlanKind::travel) {
    return "one pass per line";
  }
  std::vector<std::string> lines;
  const Term& term = plan.terms.front();
  if (!term.line_totals.empty()) {
    std::vector<std::string> totals;
    for (std::size_t i = 0; i < term.line_totals.size(); ++i) {
      totals.push_back(fmt::format("{} {}", i + 1,
                                   term.line_totals[i] ? format_dollars(*term.line_totals[i]) : std::string{"unpublished"}));
    }
    lines.push_back("account total per " + format_term_length(term.length) + " before AutoPay: " + join(totals, ", "));
  } else if (plan.multi_line_discount == false) {
    lines.emplace_back("every line pays the one-line price (no multi-line discount)");
  } else if (plan.max_lines != 1) {
    lines.emplace_back("prices for more than one line are not published");
  }
  if (plan.max_lines) {
    lines.push_back(*plan.max_lines == 1 ? std::string{"single line only"}
                                         : fmt::format("up to {} lines", *plan.max_lines));
  }
  return join(lines, "\n");
}

std::string describe_autopay(const Autopay& autopay)
{
  std::string text = fmt::format("-{} per {} per term", format_dollars(autopay.discount), to_string(autopay.per));
  if (autopay.max_lines) {
    text += fmt::format(" (up to {} lines)", *autopay.max_lines);
  }
  if (autopay.from_term > 1) {
    text += fmt::format(", from the {} term", ordinal(autopay.from_term));
  }
  if (!autopay.payment_methods.empty()) {
    std::vector<std::string> methods;
    for (const auto method : autopay.payment_methods) {
      std::string name{to_string(method)};
      std::replace(name.begin(), name.end(), '_', ' ');
      methods.push_back(name);
    }
    text += "; pay by " + join(methods, " or ");
  }
  if (autopay.paperless_billing == true) {
    text += "; paperless billing";
  }
  if (autopay.note) {
    text += "\n" + autopay.note->english();
  }
  return text;
}

std::string describe_taxes(const TaxesAndFees& taxes)
{
  std::string text = fmt::format("taxes {}, carrier fees {}", taxes.taxes_included ? "included" : "not included",
                                 taxes.fees_included ? "included" : "not included");
  if (taxes.carrier_fee) {
    const CarrierFee& fee = *taxes.carrier_fee;
    const std::string amount = fee.cents_per_line_max
                                 ? fmt::format("{} to {}", format_dollars(fee.cents_per_line), format_dollars(*fee.cents_per_line_max))
                                 : format_dollars(fee.cents_per_line);
    text += fmt::format("\n{}{} per line per month on top", fee.name.empty() ? "" : fee.name + ": ", amount);
  }
  if (taxes.note) {
    text += "\n" + taxes.note->english();
  }
  return text;
}

std::string describe_fees(const std::vector<OneTimeFee>& fees)
{
  std::vector<std::string> lines;
  for (const OneTimeFee& fee : fees) {
    std::string kind{to_string(fee.kind)};
    std::replace(kind.begin(), kind.end(), '_', ' ');
    std::string line = fmt::format("{}{} per {}", fee.name.empty() ? kind : fee.name + " (" + kind + ")",
                                   ": " + format_dollars(fee.cents), to_string(fee.per));
    if (fee.waivable == true) {
      line += ", can be waived";
    }
    if (fee.note) {
      line += "; " + fee.note->english();
    }
    lines.push_back(line);
  }
  return join(lines, "\n");
}

std::string describe_data(const Data& data)
{
  if (!data.high_speed.unlimited && data.high_speed.amount == 0) {
    return "none";
  }
  std::string text = format_gigabytes(data.high_speed);
  if (data.priority) {
    text += fmt::format(" at {} priority", to_string(*data.priority));
  }
  if (data.after_cap) {
    switch (*data.after_cap) {
    case AfterCap::slowed:
      text += data.after_cap_kbps ? ", then slowed to " + format_speed(*data.after_cap_kbps) : ", then slowed";
      break;
    case AfterCap::deprioritized: text += ", then deprioritized"; break;
    case AfterCap::stopped: text += ", then data stops"; break;
    }
  }
  if (data.max_kbps) {
    text += "; at most " + format_speed(*data.max_kbps);
  }
  if (data.usage_billing) {
    text += fmt::format("\nbilled by use: {} per GB on top of the price", format_dollars(data.usage_billing->cents_per_gb));
    std::vector<std::string> caps;
    for (std::size_t i = 0; i < data.usage_billing->max_charged_mb.size(); ++i) {
      caps.push_back(fmt::format("{} GB for {} line{}", gigabytes_value(Quantity::of(data.usage_billing->max_charged_mb[i])),
                                 i + 1, i == 0 ? "" : "s"));
    }
    if (!caps.empty()) {
      text += "; charged for at most " + join(caps, ", ");
    }
  }
  if (data.note) {
    text += "\n" + data.note->english();
  }
  return text;
}

std::string describe_hotspot(const std::optional<Hotspot>& hotspot)
{
  if (!hotspot) {
    return "unknown";
  }
  std::string text = format_gigabytes(hotspot->high_speed);
  if (hotspot->after_cap_kbps) {
    text += (hotspot->high_speed.amount == 0 && !hotspot->high_speed.unlimited ? " at full speed; unlimited at "
                                                                               : ", then ") +
            format_speed(*hotspot->after_cap_kbps);
  }
  if (hotspot->max_kbps) {
    text += "; at most " + format_speed(*hotspot->max_kbps);
  }
  if (hotspot->from_plan_data == true) {
    text += "; counts against plan data";
  }
  if (hotspot->note) {
    text += "\n" + hotspot->note->english();
  }
  return text;
}

std::string describe_reaches(const std::vector<Reach>& reaches)
{
  std::vector<std::string> lines;
  for (const Reach& reach : reaches) {
    std::string where = join(reach.countries, ", ");
    if (reach.country_count) {
      where += (where.empty() ? "" : " and ") + fmt::format("{} countries (list not in the catalog)", *reach.country_count);
    }
    std::vector<std::string> terms;
    if (reach.included == true) {
      terms.emplace_back("included");
    } else if (reach.included == false) {
      terms.emplace_back("not included");
    }
    if (reach.cents_per_minute) {
      terms.push_back(fmt::format("{} a minute", format_dollars(*reach.cents_per_minute)));
    }
    if (reach.cents_per_day) {
      terms.push_back(fmt::format("{} a day", format_dollars(*reach.cents_per_day)));
    }
    if (reach.minutes) {
      terms.push_back(fmt::format("{} minutes a month", *reach.minutes));
    }
    if (reach.data) {
      terms.push_back(format_gigabytes(*reach.data) + " of data");
    }
    std::string line = where + ": " + join(terms, ", ");
    if (reach.note) {
      line += "; " + reach.note->english();
    }
    lines.push_back(line);
  }
  return join(lines, "\n");
}

std::string describe_requirements(const Requirements& requirements)
{
  std::vector<std::string> needs;
  needs.emplace_back(requirements.credit_check ? "credit check" : "no credit check");
  const std::pair<const std::optional<bool>*, const char*> flags[] = {
    {&requirements.ssn, "US Social Security number"},
    {&requirements.us_address, "US address"},
    {&requirements.us_payment_card, "US payment card"},
    {&requirements.in_store_activation, "activation in a store"},
    {&requirements.activate_in_us, "activation while in the US"},
    {&requirements.byod_only, "your own phone (no phones sold)"},
  };
  for (const auto& [flag, name] : flags) {
    if (*flag == true) {
      needs.emplace_back(name);
    } else if (*flag == false) {
      needs.push_back(std::string{"no "} + name);
    }
  }
  std::string text = join(needs, "; ");
  if (requirements.note) {
    text += "\n" + requirements.note->english();
  }
  return text;
}

std::string describe_sim(const Sim& sim)
{
  std::vector<std::string> kinds;
  if (sim.esim == true) {
    kinds.emplace_back("eSIM");
  }
  if (sim.physical == true) {
    kinds.emplace_back("physical SIM");
  }
  if (sim.esim == false) {
    kinds.emplace_back("no eSIM");
  }
  if (sim.physical == false) {
    kinds.emplace_back("no physical SIM");
  }
  return kinds.empty() ? "unknown" : join(kinds, ", ");
}

std::string describe_renewal(const Plan& plan, const RenewalPolicy* policy)
{
  if (plan.kind == PlanKind::travel) {
    return "not renewable: buy a new pass when this one ends";
  }
  if (policy == nullptr) {
    return "unknown";
  }
  std::vector<std::string> lines;
  if (policy->auto_renew) {
    switch (*policy->auto_renew) {
    case AutoRenew::always: lines.emplace_back("charged automatically every term"); break;
    case AutoRenew::optional: lines.emplace_back("pay each term by hand, or turn on AutoPay / auto-renew"); break;
    case AutoRenew::none: lines.emplace_back("pay each term by hand (no automatic renewal)"); break;
    }
  }
  for (const Channel& channel : policy->channels) {
    std::string kind{to_string(channel.kind)};
    std::replace(kind.begin(), kind.end(), '_', ' ');
    std::vector<std::string> parts;
    for (const std::string* part : {&channel.name, &channel.url, &channel.number}) {
      if (!part->empty()) {
        parts.push_back(*part);
      }
    }
    if (channel.fee_cents) {
      parts.push_back(format_dollars(*channel.fee_cents) + " fee");
    }
    std::string line = "- " + kind + (parts.empty() ? "" : ": " + join(parts, ", "));
    if (channel.note) {
      line += "; " + channel.note->english();
    }
    lines.push_back(line);
  }
  if (policy->steps) {
    lines.push_back(policy->steps->english());
  }
  if (policy->unpaid) {
    const Unpaid& unpaid = *policy->unpaid;
    std::vector<std::string> facts;
    if (unpaid.grace_days) {
      facts.push_back(*unpaid.grace_days == 0 ? std::string{"suspended on the due date"}
                                              : fmt::format("service continues {} days past the due date", *unpaid.grace_days));
    }
    if (unpaid.number_lost_after_days) {
      facts.push_back(fmt::format("the number can be lost {} days after the due date", *unpaid.number_lost_after_days));
    }
    if (unpaid.reactivation_fee_cents) {
      facts.push_back(format_dollars(*unpaid.reactivation_fee_cents) + " to reactivate");
    }
    std::string line = "If unpaid: " + (facts.empty() ? std::string{"not known"} : join(facts, "; "));
    if (unpaid.confidence) {
      line += fmt::format(" (confidence: {})", to_string(*unpaid.confidence));
    }
    lines.push_back(line);
    if (unpaid.note) {
      lines.push_back(unpaid.note->english());
    }
  }
  for (const LocalizedText& warning : policy->warnings) {
    lines.push_back("Warning: " + warning.english());
  }
  return join(lines, "\n");
}

std::string describe_sources(const Plan& plan)
{
  std::vector<std::string> lines;
  for (const Source& source : plan.sources) {
    std::string line = source.url + " (checked " + util::format_iso_date(source.checked);
    if (source.secondary) {
      line += source.via.empty() ? ", secondary source" : ", via " + source.via;
    }
    lines.push_back(line + ")");
  }
  return join(lines, "\n");
}

std::string render_fields(const Catalog& catalog, const Plan& plan)
{
  const Carrier* carrier = catalog.find_carrier(plan.carrier);
  FieldList fields;
  fields.add("Plan", (carrier != nullptr ? carrier->name + " " : "") + plan.name);
  fields.add("ID", plan.id);
  fields.add("Kind", std::string{to_string(plan.kind)} + (plan.kind == PlanKind::travel ? " pass, bought once" : "") +
                       (plan.phone_number ? ", with a US phone number" : ", data only (no phone number)"));
  fields.add("Network", format_networks(plan.networks));
  std::vector<std::string> terms;
  for (const Term& term : plan.terms) {
    terms.push_back(describe_term(plan, term));
  }
  fields.add("Price", join(terms, "\n") + "\n(one line, before any AutoPay discount)");
  if (const std::string lines = describe_lines(plan); !lines.empty()) {
    fields.add("Lines", lines);
  }
  fields.add("AutoPay", plan.autopay ? describe_autopay(*plan.autopay) : "no discount");
  fields.add("Taxes & fees", describe_taxes(plan.taxes_and_fees));
  if (!plan.one_time_fees.empty()) {
    fields.add("One-time fees", describe_fees(plan.one_time_fees));
  }
  fields.add("Data", describe_data(plan.data));
  fields.add("Hotspot", describe_hotspot(plan.hotspot));
  fields.add("Talk", format_allowance(plan.talk));
  fields.add("Text", format_allowance(plan.text));
  if (plan.international) {
    const International& international = *plan.international;
    if (!international.calling.empty()) {
      fields.add("Calls abroad", describe_reaches(international.calling));
    }
    if (!international.texting.empty()) {
      fields.add("Texts abroad", describe_reaches(international.texting));
    }
    if (!international.roaming.empty()) {
      fields.add("Roaming", describe_reaches(international.roaming));
    }
    if (international.note) {
      fields.add("International", international.note->english());
    }
  }
  fields.add("Requirements", describe_requirements(plan.requirements));
  fields.add("SIM", describe_sim(plan.sim));
  fields.add("Renewal", describe_renewal(plan, renewal_policy_for(catalog, plan)));
  for (const LocalizedText& note : plan.notes) {
    fields.add("Note", note.english());
  }
  if (plan.conflicts) {
    fields.add("Conflicts", plan.conflicts->english());
  }
  fields.add("Sources", describe_sources(plan));
  fields.add("Confidence", plan.confidence ? std::string{to_string(*plan.confidence)} : "not rated");
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

std::string render_plan_detail(const Catalog& catalog, const Plan& plan, OutputFormat format,
                               const RenderOptions& /*options*/)
{
  if (format == OutputFormat::table) {
    return render_fields(catalog, plan);
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
