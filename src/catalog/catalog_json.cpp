#include "simplan/catalog/catalog_json.hpp"

#include "simplan/util/date.hpp"

#include <cmath>

namespace simplan::catalog {
namespace {

using Json = nlohmann::ordered_json;

template <typename Value, typename Convert>
void put_optional(Json& out, const char* key, const std::optional<Value>& value, Convert convert)
{
  if (value) {
    out[key] = convert(*value);
  }
}

template <typename Value>
void put_optional(Json& out, const char* key, const std::optional<Value>& value)
{
  if (value) {
    out[key] = *value;
  }
}

void put_text(Json& out, const char* key, const std::optional<LocalizedText>& text)
{
  put_optional(out, key, text, localized_to_json);
}

void put_string(Json& out, const char* key, const std::string& text)
{
  if (!text.empty()) {
    out[key] = text;
  }
}

template <typename Enum>
void put_enum(Json& out, const char* key, const std::optional<Enum>& value)
{
  put_optional(out, key, value, [](Enum e) { return std::string{to_string(e)}; });
}

Json texts_to_json(const std::vector<LocalizedText>& texts)
{
  Json array = Json::array();
  for (const auto& text : texts) {
    array.push_back(localized_to_json(text));
  }
  return array;
}

Json allowance_to_json(const Quantity& count)
{
  return count.unlimited ? Json("unlimited") : Json(count.amount);
}

Json sources_to_json(const std::vector<Source>& sources)
{
  Json array = Json::array();
  for (const Source& source : sources) {
    Json out;
    out["url"] = source.url;
    out["checked"] = util::format_iso_date(source.checked);
    if (source.secondary) {
      out["secondary"] = true;
    }
    put_string(out, "via", source.via);
    array.push_back(std::move(out));
  }
  return array;
}

Json term_to_json(const Term& term)
{
  Json out;
  out["length"] = term_length_to_json(term.length);
  out["price_cents"] = term.price;
  if (term.intro) {
    Json intro;
    intro["price_cents"] = term.intro->price;
    intro["terms"] = term.intro->terms;
    put_optional(intro, "new_customers_only", term.intro->new_customers_only);
    put_optional(intro, "until", term.intro->until, util::format_iso_date);
    put_string(intro, "code", term.intro->code);
    out["intro"] = std::move(intro);
  }
  if (!term.line_totals.empty()) {
    Json totals = Json::array();
    for (const auto& total : term.line_totals) {
      totals.push_back(total ? Json(*total) : Json(nullptr));
    }
    out["line_totals_cents"] = std::move(totals);
  }
  return out;
}

Json reaches_to_json(const std::vector<Reach>& reaches)
{
  Json array = Json::array();
  for (const Reach& reach : reaches) {
    Json out;
    if (!reach.countries.empty()) {
      out["countries"] = reach.countries;
    }
    put_optional(out, "country_count", reach.country_count);
    put_optional(out, "included", reach.included);
    put_optional(out, "cents_per_minute", reach.cents_per_minute);
    put_optional(out, "cents_per_day", reach.cents_per_day);
    put_optional(out, "minutes", reach.minutes);
    put_optional(out, "data_gb", reach.data, quantity_to_json);
    put_text(out, "note", reach.note);
    array.push_back(std::move(out));
  }
  return array;
}

} // namespace

Json renewal_policy_to_json(const RenewalPolicy& policy)
{
  Json out = Json::object();
  put_enum(out, "auto_renew", policy.auto_renew);
  if (!policy.channels.empty()) {
    Json channels = Json::array();
    for (const Channel& channel : policy.channels) {
      Json item;
      item["kind"] = to_string(channel.kind);
      if (channel.name) {
        // As written: a plain name stays a string.
        item["name"] = channel.name->by_language().size() == 1 ? Json(channel.name->english()) : localized_to_json(*channel.name);
      }
      put_string(item, "url", channel.url);
      put_string(item, "number", channel.number);
      put_optional(item, "fee_cents", channel.fee_cents);
      put_text(item, "note", channel.note);
      channels.push_back(std::move(item));
    }
    out["channels"] = std::move(channels);
  }
  put_text(out, "steps", policy.steps);
  if (policy.unpaid) {
    Json unpaid = Json::object();
    put_optional(unpaid, "grace_days", policy.unpaid->grace_days);
    put_optional(unpaid, "number_lost_after_days", policy.unpaid->number_lost_after_days);
    put_optional(unpaid, "reactivation_fee_cents", policy.unpaid->reactivation_fee_cents);
    put_enum(unpaid, "confidence", policy.unpaid->confidence);
    put_text(unpaid, "note", policy.unpaid->note);
    out["unpaid"] = std::move(unpaid);
  }
  if (!policy.warnings.empty()) {
    out["warnings"] = texts_to_json(policy.warnings);
  }
  if (!policy.sources.empty()) {
    out["sources"] = sources_to_json(policy.sources);
  }
  return out;
}

Json localized_to_json(const LocalizedText& text)
{
  Json out;
  // English first, as the catalog writes it; other languages in tag order.
  out["en"] = text.english();
  for (const auto& [language, translation] : text.by_language()) {
    if (language != "en") {
      out[language] = translation;
    }
  }
  return out;
}

Json term_length_to_json(TermLength length)
{
  Json out;
  out[std::string{to_string(length.unit)}] = length.count;
  return out;
}

Json quantity_to_json(const Quantity& megabytes)
{
  if (megabytes.unlimited) {
    return "unlimited";
  }
  if (megabytes.amount % 1000 == 0) {
    return megabytes.amount / 1000;
  }
  return static_cast<double>(megabytes.amount) / 1000.0;
}

Json plan_to_json(const Plan& plan)
{
  Json out;
  out["id"] = plan.id;
  out["carrier"] = plan.carrier;
  out["name"] = plan.name;
  out["kind"] = to_string(plan.kind);
  if (!plan.networks.empty()) {
    Json networks = Json::array();
    for (const auto network : plan.networks) {
      networks.push_back(to_string(network));
    }
    out["networks"] = std::move(networks);
  }
  out["phone_number"] = plan.phone_number;
  Json terms = Json::array();
  for (const Term& term : plan.terms) {
    terms.push_back(term_to_json(term));
  }
  out["terms"] = std::move(terms);
  put_optional(out, "max_lines", plan.max_lines);
  put_optional(out, "multi_line_discount", plan.multi_line_discount);
  if (plan.autopay) {
    const Autopay& autopay = *plan.autopay;
    Json item;
    item["discount_cents"] = autopay.discount;
    item["per"] = to_string(autopay.per);
    put_optional(item, "max_lines", autopay.max_lines);
    item["from_term"] = autopay.from_term;
    if (!autopay.payment_methods.empty()) {
      Json methods = Json::array();
      for (const auto method : autopay.payment_methods) {
        methods.push_back(to_string(method));
      }
      item["payment_methods"] = std::move(methods);
    }
    put_optional(item, "paperless_billing", autopay.paperless_billing);
    put_text(item, "note", autopay.note);
    out["autopay"] = std::move(item);
  }
  {
    const TaxesAndFees& taxes = plan.taxes_and_fees;
    Json item;
    item["taxes_included"] = taxes.taxes_included;
    item["fees_included"] = taxes.fees_included;
    if (taxes.carrier_fee) {
      Json fee;
      put_string(fee, "name", taxes.carrier_fee->name);
      fee["cents_per_line"] = taxes.carrier_fee->cents_per_line;
      put_optional(fee, "cents_per_line_max", taxes.carrier_fee->cents_per_line_max);
      item["carrier_fee"] = std::move(fee);
    }
    put_text(item, "note", taxes.note);
    out["taxes_and_fees"] = std::move(item);
  }
  if (!plan.one_time_fees.empty()) {
    Json fees = Json::array();
    for (const OneTimeFee& fee : plan.one_time_fees) {
      Json item;
      item["kind"] = to_string(fee.kind);
      item["cents"] = fee.cents;
      item["per"] = to_string(fee.per);
      put_string(item, "name", fee.name);
      put_optional(item, "waivable", fee.waivable);
      put_text(item, "note", fee.note);
      fees.push_back(std::move(item));
    }
    out["one_time_fees"] = std::move(fees);
  }
  {
    Json data;
    data["high_speed_gb"] = quantity_to_json(plan.data.high_speed);
    put_enum(data, "priority", plan.data.priority);
    put_enum(data, "after_cap", plan.data.after_cap);
    put_optional(data, "after_cap_kbps", plan.data.after_cap_kbps);
    put_optional(data, "max_kbps", plan.data.max_kbps);
    if (plan.data.usage_billing) {
      Json billing;
      billing["cents_per_gb"] = plan.data.usage_billing->cents_per_gb;
      if (!plan.data.usage_billing->max_charged_mb.empty()) {
        Json caps = Json::array();
        for (const auto megabytes : plan.data.usage_billing->max_charged_mb) {
          caps.push_back(quantity_to_json(Quantity::of(megabytes)));
        }
        billing["max_charged_gb"] = std::move(caps);
      }
      data["usage_billing"] = std::move(billing);
    }
    put_text(data, "note", plan.data.note);
    out["data"] = std::move(data);
  }
  if (plan.hotspot) {
    Json hotspot;
    hotspot["high_speed_gb"] = quantity_to_json(plan.hotspot->high_speed);
    put_optional(hotspot, "after_cap_kbps", plan.hotspot->after_cap_kbps);
    put_optional(hotspot, "max_kbps", plan.hotspot->max_kbps);
    put_optional(hotspot, "from_plan_data", plan.hotspot->from_plan_data);
    put_text(hotspot, "note", plan.hotspot->note);
    out["hotspot"] = std::move(hotspot);
  }
  put_optional(out, "talk", plan.talk, allowance_to_json);
  put_optional(out, "text", plan.text, allowance_to_json);
  if (plan.international) {
    Json international = Json::object();
    if (!plan.international->calling.empty()) {
      international["calling"] = reaches_to_json(plan.international->calling);
    }
    if (!plan.international->texting.empty()) {
      international["texting"] = reaches_to_json(plan.international->texting);
    }
    if (!plan.international->roaming.empty()) {
      international["roaming"] = reaches_to_json(plan.international->roaming);
    }
    put_text(international, "note", plan.international->note);
    out["international"] = std::move(international);
  }
  {
    const Requirements& requirements = plan.requirements;
    Json item;
    item["credit_check"] = requirements.credit_check;
    put_optional(item, "ssn", requirements.ssn);
    put_optional(item, "us_address", requirements.us_address);
    put_optional(item, "us_payment_card", requirements.us_payment_card);
    put_optional(item, "in_store_activation", requirements.in_store_activation);
    put_optional(item, "activate_in_us", requirements.activate_in_us);
    put_optional(item, "byod_only", requirements.byod_only);
    put_text(item, "note", requirements.note);
    out["requirements"] = std::move(item);
  }
  if (plan.sim.esim || plan.sim.physical) {
    Json sim = Json::object();
    put_optional(sim, "esim", plan.sim.esim);
    put_optional(sim, "physical", plan.sim.physical);
    out["sim"] = std::move(sim);
  }
  if (!plan.notes.empty()) {
    out["notes"] = texts_to_json(plan.notes);
  }
  out["sources"] = sources_to_json(plan.sources);
  put_enum(out, "confidence", plan.confidence);
  put_text(out, "conflicts", plan.conflicts);
  return out;
}

Json carrier_to_json(const Carrier& carrier)
{
  Json out;
  out["id"] = carrier.id;
  out["name"] = carrier.name;
  put_string(out, "website", carrier.website);
  if (carrier.prepaid_renewal || carrier.postpaid_renewal) {
    Json renewal = Json::object();
    put_optional(renewal, "prepaid", carrier.prepaid_renewal, renewal_policy_to_json);
    put_optional(renewal, "postpaid", carrier.postpaid_renewal, renewal_policy_to_json);
    out["renewal"] = std::move(renewal);
  }
  if (!carrier.notes.empty()) {
    out["notes"] = texts_to_json(carrier.notes);
  }
  return out;
}

Json catalog_to_json(const Catalog& catalog)
{
  Json out;
  out["schema_version"] = catalog.schema_version;
  out["as_of"] = util::format_iso_date(catalog.as_of);
  Json carriers = Json::array();
  for (const Carrier& carrier : catalog.carriers) {
    carriers.push_back(carrier_to_json(carrier));
  }
  out["carriers"] = std::move(carriers);
  Json plans = Json::array();
  for (const Plan& plan : catalog.plans) {
    plans.push_back(plan_to_json(plan));
  }
  out["plans"] = std::move(plans);
  return out;
}

std::string dump_json(const Json& value)
{
  return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace simplan::catalog
