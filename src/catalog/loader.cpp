#include "simplan/catalog/loader.hpp"

#include "simplan/i18n/messages.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/json_reader.hpp"
#include "simplan/util/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <iterator>
#include <set>
#include <tuple>

// The loader reads a DOM field by field with util::JsonObject, which records a located problem for every
// bad field and lets reading continue, so one run reports every mistake in the file (mold's checkpoint
// idea). The DOM is never the whole catalog: each plan arrives as a small DOM of its own while the file
// streams past (CatalogReading, at the end of this file). Type and range checks happen as fields are read; rules that relate several fields are checked
// once the object is read (check_plan). The limits below are documented in docs/catalog.md.

namespace simplan::catalog {
namespace {

using util::Json;
using util::JsonObject;
using util::Need;

constexpr std::int64_t k_max_price_cents = 500'000;   // $5,000.00 per term
constexpr std::int64_t k_max_megabytes = 10'000'000;  // 10,000 GB
constexpr std::int64_t k_max_kbps = 10'000'000;       // 10 Gbps
constexpr std::int64_t k_max_count = 1'000'000;       // minutes or messages per term
constexpr int k_max_term_days = 400;
constexpr int k_max_term_months = 13;
constexpr int k_max_lines = 20;
constexpr int k_max_day_count = 3650;
constexpr std::size_t k_max_id_length = 64;

constexpr auto k_catalog_fields = std::to_array<std::string_view>({"$schema", "schema_version", "as_of", "carriers", "plans"});
constexpr auto k_carrier_fields = std::to_array<std::string_view>({"id", "name", "website", "renewal", "notes"});
constexpr auto k_renewal_fields = std::to_array<std::string_view>({"prepaid", "postpaid"});
constexpr auto k_policy_fields =
  std::to_array<std::string_view>({"auto_renew", "channels", "steps", "unpaid", "warnings", "sources"});
constexpr auto k_channel_fields = std::to_array<std::string_view>({"kind", "name", "url", "number", "fee_cents", "note"});
constexpr auto k_unpaid_fields = std::to_array<std::string_view>(
  {"grace_days", "number_lost_after_days", "reactivation_fee_cents", "confidence", "note"});
constexpr auto k_plan_fields = std::to_array<std::string_view>(
  {"id", "carrier", "name", "kind", "networks", "phone_number", "terms", "max_lines", "multi_line_discount", "autopay",
   "taxes_and_fees", "one_time_fees", "data", "hotspot", "talk", "text", "international", "requirements", "sim", "notes",
   "sources", "confidence", "conflicts"});
constexpr auto k_term_fields = std::to_array<std::string_view>({"length", "price_cents", "intro", "line_totals_cents"});
constexpr auto k_length_fields = std::to_array<std::string_view>({"days", "months"});
constexpr auto k_intro_fields =
  std::to_array<std::string_view>({"price_cents", "terms", "new_customers_only", "until", "code"});
constexpr auto k_autopay_fields = std::to_array<std::string_view>(
  {"discount_cents", "per", "max_lines", "from_term", "payment_methods", "paperless_billing", "note"});
constexpr auto k_taxes_fields = std::to_array<std::string_view>({"taxes_included", "fees_included", "carrier_fee", "note"});
constexpr auto k_carrier_fee_fields = std::to_array<std::string_view>({"name", "cents_per_line", "cents_per_line_max"});
constexpr auto k_fee_fields = std::to_array<std::string_view>({"kind", "cents", "per", "name", "waivable", "note"});
constexpr auto k_data_fields = std::to_array<std::string_view>(
  {"high_speed_gb", "priority", "after_cap", "after_cap_kbps", "max_kbps", "usage_billing", "note"});
constexpr auto k_usage_billing_fields = std::to_array<std::string_view>({"cents_per_gb", "max_charged_gb"});
constexpr auto k_hotspot_fields =
  std::to_array<std::string_view>({"high_speed_gb", "after_cap_kbps", "max_kbps", "from_plan_data", "note"});
constexpr auto k_international_fields = std::to_array<std::string_view>({"calling", "texting", "roaming", "note"});
constexpr auto k_reach_fields = std::to_array<std::string_view>(
  {"countries", "country_count", "included", "cents_per_minute", "cents_per_day", "minutes", "data_gb", "note"});
constexpr auto k_requirements_fields = std::to_array<std::string_view>(
  {"credit_check", "ssn", "us_address", "us_payment_card", "in_store_activation", "activate_in_us", "byod_only", "note"});
constexpr auto k_sim_fields = std::to_array<std::string_view>({"esim", "physical"});
constexpr auto k_source_fields = std::to_array<std::string_view>({"url", "checked", "secondary", "via"});

bool is_id(std::string_view text)
{
  if (text.empty() || text.size() > k_max_id_length || text.front() == '-' || text.back() == '-') {
    return false;
  }
  char previous = ' ';
  for (const char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) {
      return false;
    }
    previous = c;
  }
  return true;
}

bool is_language_tag(std::string_view text)
{
  // ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$ : "en", "zh-Hans", "pt-BR".
  std::size_t at = 0;
  while (at < text.size() && text[at] >= 'a' && text[at] <= 'z') {
    ++at;
  }
  if (at < 2 || at > 3) {
    return false;
  }
  while (at < text.size()) {
    if (text[at] != '-') {
      return false;
    }
    const std::size_t start = ++at;
    while (at < text.size() && std::isalnum(static_cast<unsigned char>(text[at])) != 0) {
      ++at;
    }
    if (at - start < 2 || at - start > 8) {
      return false;
    }
  }
  return true;
}

bool is_country_code(std::string_view text)
{
  return text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
}

// Everything the reading functions share: where problems go and what the document is called.
class Reader {
public:
  Reader(std::string_view source, util::Diagnostics& problems, i18n::Language language)
    : m_source(source), m_problems(problems), m_language(language)
  {
  }

  i18n::Language language() const { return m_language; }

  template <std::size_t N>
  std::optional<JsonObject> open(const Json& value, const std::string& pointer,
                                 const std::array<std::string_view, N>& fields) const
  {
    if (!value.is_object()) {
      problem(pointer, TR(m_language, "expected an object, got {}", util::describe_json(value, m_language)));
      return std::nullopt;
    }
    return JsonObject{value, pointer, m_source, m_problems, fields, m_language};
  }

  template <std::size_t N>
  std::optional<JsonObject> open_field(const JsonObject& parent, std::string_view key, Need need,
                                       const std::array<std::string_view, N>& fields) const
  {
    const Json* value = parent.object(key, need);
    if (value == nullptr) {
      return std::nullopt;
    }
    return JsonObject{*value, parent.pointer_to(key), m_source, m_problems, fields, m_language};
  }

  void problem(const std::string& pointer, std::string message) const
  {
    m_problems.push_back({std::string{m_source}, std::nullopt, pointer, std::move(message)});
  }

  // Rules that relate fields run only where those fields read cleanly: a bad price must not also be
  // reported as "the one-line total differs from the price".
  std::size_t problem_count() const { return m_problems.size(); }

  // Calls each(element, pointer) for every element of the array at parent[key].
  template <typename Each>
  void for_each(const JsonObject& parent, std::string_view key, Need need, Each&& each) const
  {
    const Json* array = parent.array(key, need);
    if (array == nullptr) {
      return;
    }
    const std::string pointer = parent.pointer_to(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
      each((*array)[i], util::json_pointer_append(pointer, i));
    }
  }

  template <typename Enum>
  std::optional<Enum> enumeration(const JsonObject& object, std::string_view key, Need need) const
  {
    const auto index = object.one_of(key, need, enum_names<Enum>());
    return index ? std::optional<Enum>{static_cast<Enum>(*index)} : std::nullopt;
  }

  template <typename Enum>
  std::vector<Enum> enumerations(const JsonObject& object, std::string_view key) const
  {
    std::vector<Enum> values;
    for_each(object, key, Need::optional, [&](const Json& element, const std::string& pointer) {
      const auto& names = enum_names<Enum>();
      if (element.is_string()) {
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (names[i] == element.get_ref<const std::string&>()) {
            const auto value = static_cast<Enum>(i);
            if (std::find(values.begin(), values.end(), value) != values.end()) {
              problem(pointer, TR(m_language, "\"{}\" is listed twice", names[i]));
            }
            values.push_back(value);
            return;
          }
        }
      }
      std::string expected;
      for (const auto name : names) {
        expected += (expected.empty() ? "\"" : ", \"") + std::string{name} + "\"";
      }
      problem(pointer, TR(m_language, "expected one of {}, got {}", expected, util::describe_json(element, m_language)));
    });
    return values;
  }

  std::optional<std::string> id(const JsonObject& object, std::string_view key) const
  {
    auto text = object.string(key, Need::required);
    if (text && !is_id(*text)) {
      object.problem(key, TR(m_language,
                             "expected an id of lowercase letters, digits and single hyphens (at most {} characters), got \"{}\"",
                             k_max_id_length, *text));
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::string> url(const JsonObject& object, std::string_view key, Need need) const
  {
    auto text = object.string(key, need);
    if (text && !text->starts_with("https://") && !text->starts_with("http://")) {
      object.problem(key, TR(m_language, "expected an http:// or https:// URL, got \"{}\"", *text));
      return std::nullopt;
    }
    return text;
  }

  std::optional<Cents> cents(const JsonObject& object, std::string_view key, Need need) const
  {
    return object.integer(key, need, 0, k_max_price_cents, TR(m_language, "an amount in cents"));
  }

  std::optional<int> kbps(const JsonObject& object, std::string_view key) const
  {
    const auto value = object.integer(key, Need::optional, 0, k_max_kbps, TR(m_language, "a speed in kbps"));
    return value ? std::optional<int>{static_cast<int>(*value)} : std::nullopt;
  }

  // GB as a number with at most three decimals, stored as MB; or "unlimited" when allowed.
  std::optional<Quantity> gigabytes(const JsonObject& object, std::string_view key, Need need,
                                    bool unlimited_allowed) const
  {
    const Json* value = object.find(key);
    if (value == nullptr) {
      if (need == Need::required) {
        object.problem("", TR(m_language, "missing required field \"{}\"", key));
      }
      return std::nullopt;
    }
    if (unlimited_allowed && value->is_string() && value->get_ref<const std::string&>() == "unlimited") {
      return Quantity::make_unlimited();
    }
    if (value->is_number()) {
      const double megabytes = value->get<double>() * 1000.0;
      const double rounded = std::round(megabytes);
      if (rounded >= 0 && rounded <= static_cast<double>(k_max_megabytes) && std::abs(megabytes - rounded) < 1e-6) {
        return Quantity::of(static_cast<std::int64_t>(rounded));
      }
    }
    object.problem(key, unlimited_allowed
                          ? TR(m_language, "expected \"unlimited\" or GB from 0 to 10000 with at most three decimals, got {}",
                               util::describe_json(*value, m_language))
                          : TR(m_language, "expected GB from 0 to 10000 with at most three decimals, got {}",
                               util::describe_json(*value, m_language)));
    return std::nullopt;
  }

  std::optional<Quantity> count_or_unlimited(const JsonObject& object, std::string_view key) const
  {
    const Json* value = object.find(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (value->is_string() && value->get_ref<const std::string&>() == "unlimited") {
      return Quantity::make_unlimited();
    }
    const auto count = object.integer(key, Need::optional, 0, k_max_count, TR(m_language, "\"unlimited\" or a whole number"));
    return count ? std::optional<Quantity>{Quantity::of(*count)} : std::nullopt;
  }

  std::optional<LocalizedText> localized(const JsonObject& object, std::string_view key, Need need) const
  {
    const Json* value = object.find(key);
    if (value == nullptr) {
      if (need == Need::required) {
        object.problem("", TR(m_language, "missing required field \"{}\"", key));
      }
      return std::nullopt;
    }
    return localized_value(*value, object.pointer_to(key));
  }

  std::optional<LocalizedText> localized_value(const Json& value, const std::string& pointer) const
  {
    if (!value.is_object()) {
      problem(pointer, TR(m_language, "expected a localized text such as {{\"en\": \"...\"}}, got {}",
                          util::describe_json(value, m_language)));
      return std::nullopt;
    }
    LocalizedText text;
    bool ok = true;
    for (const auto& [language, translation] : value.items()) {
      const std::string at = util::json_pointer_append(pointer, language);
      if (!is_language_tag(language)) {
        problem(at, TR(m_language, "expected a language tag such as \"en\" or \"zh-Hans\", got \"{}\"", language));
        ok = false;
      } else if (!translation.is_string() || translation.get_ref<const std::string&>().empty()) {
        problem(at, TR(m_language, "expected a non-empty string, got {}", util::describe_json(translation, m_language)));
        ok = false;
      } else if (!util::is_printable_utf8(translation.get_ref<const std::string&>(), true)) {
        problem(at, TR(m_language, "control characters other than line breaks are not allowed in text, got \"{}\"",
                       util::escape_control(translation.get_ref<const std::string&>())));
        ok = false;
      } else {
        text.set(language, translation.get<std::string>());
      }
    }
    if (!value.contains("en")) {
      problem(pointer, TR(m_language, "missing the English text \"en\""));
      ok = false;
    }
    return ok ? std::optional<LocalizedText>{std::move(text)} : std::nullopt;
  }

  std::vector<LocalizedText> localized_list(const JsonObject& object, std::string_view key) const
  {
    std::vector<LocalizedText> texts;
    for_each(object, key, Need::optional, [&](const Json& element, const std::string& pointer) {
      if (auto text = localized_value(element, pointer)) {
        texts.push_back(std::move(*text));
      }
    });
    return texts;
  }

  std::vector<Source> sources(const JsonObject& object, Need need, date::year_month_day as_of) const
  {
    std::vector<Source> sources;
    for_each(object, "sources", need, [&](const Json& element, const std::string& pointer) {
      const auto fields = open(element, pointer, k_source_fields);
      if (!fields) {
        return;
      }
      Source source;
      source.url = url(*fields, "url", Need::required).value_or("");
      const auto checked = fields->date("checked", Need::required);
      if (checked && *checked > as_of && as_of.ok()) {
        fields->problem("checked", TR(m_language, "the date the facts were checked, {}, is after the catalog's as_of date {}",
                                      util::format_iso_date(*checked), util::format_iso_date(as_of)));
      }
      source.checked = checked.value_or(date::year_month_day{});
      source.secondary = fields->boolean("secondary", Need::optional).value_or(false);
      source.via = fields->string("via", Need::optional).value_or("");
      sources.push_back(std::move(source));
    });
    if (need == Need::required && object.has("sources") && sources.empty() && object.find("sources")->is_array()) {
      object.problem("sources", TR(m_language, "expected at least one source, got an empty array"));
    }
    return sources;
  }

private:
  std::string_view m_source;
  util::Diagnostics& m_problems;
  i18n::Language m_language;
};

// ---- carriers -------------------------------------------------------------------------------------

Channel read_channel(const Reader& reader, const JsonObject& fields)
{
  Channel channel;
  channel.kind = reader.enumeration<ChannelKind>(fields, "kind", Need::required).value_or(ChannelKind::online);
  if (const Json* name = fields.find("name"); name != nullptr && name->is_object()) {
    channel.name = reader.localized(fields, "name", Need::optional);
  } else if (auto text = fields.string("name", Need::optional)) {
    channel.name = LocalizedText{std::move(*text)};
  }
  channel.url = reader.url(fields, "url", Need::optional).value_or("");
  channel.number = fields.string("number", Need::optional).value_or("");
  channel.fee_cents = reader.cents(fields, "fee_cents", Need::optional);
  channel.note = reader.localized(fields, "note", Need::optional);
  return channel;
}

Unpaid read_unpaid(const Reader& reader, const JsonObject& fields)
{
  Unpaid unpaid;
  const i18n::Language language = reader.language();
  unpaid.grace_days =
    fields.small_integer("grace_days", Need::optional, 0, k_max_day_count, TR(language, "a number of days"));
  unpaid.number_lost_after_days =
    fields.small_integer("number_lost_after_days", Need::optional, 0, k_max_day_count, TR(language, "a number of days"));
  unpaid.reactivation_fee_cents = reader.cents(fields, "reactivation_fee_cents", Need::optional);
  unpaid.confidence = reader.enumeration<Confidence>(fields, "confidence", Need::optional);
  unpaid.note = reader.localized(fields, "note", Need::optional);
  if (unpaid.grace_days && unpaid.number_lost_after_days && *unpaid.number_lost_after_days < *unpaid.grace_days) {
    fields.problem("number_lost_after_days",
                   TR(language, "the number cannot be lost ({} days) before the grace period ends ({} days)",
                      *unpaid.number_lost_after_days, *unpaid.grace_days));
  }
  return unpaid;
}

RenewalPolicy read_policy(const Reader& reader, const JsonObject& fields, date::year_month_day as_of)
{
  RenewalPolicy policy;
  policy.auto_renew = reader.enumeration<AutoRenew>(fields, "auto_renew", Need::optional);
  reader.for_each(fields, "channels", Need::optional, [&](const Json& element, const std::string& pointer) {
    if (const auto channel = reader.open(element, pointer, k_channel_fields)) {
      policy.channels.push_back(read_channel(reader, *channel));
    }
  });
  policy.steps = reader.localized(fields, "steps", Need::optional);
  if (const auto unpaid = reader.open_field(fields, "unpaid", Need::optional, k_unpaid_fields)) {
    policy.unpaid = read_unpaid(reader, *unpaid);
  }
  policy.warnings = reader.localized_list(fields, "warnings");
  policy.sources = reader.sources(fields, Need::optional, as_of);
  return policy;
}

Carrier read_carrier(const Reader& reader, const JsonObject& fields, date::year_month_day as_of)
{
  Carrier carrier;
  carrier.id = reader.id(fields, "id").value_or("");
  carrier.name = fields.string("name", Need::required).value_or("");
  carrier.website = reader.url(fields, "website", Need::optional).value_or("");
  if (const auto renewal = reader.open_field(fields, "renewal", Need::optional, k_renewal_fields)) {
    if (const auto prepaid = reader.open_field(*renewal, "prepaid", Need::optional, k_policy_fields)) {
      carrier.prepaid_renewal = read_policy(reader, *prepaid, as_of);
    }
    if (const auto postpaid = reader.open_field(*renewal, "postpaid", Need::optional, k_policy_fields)) {
      carrier.postpaid_renewal = read_policy(reader, *postpaid, as_of);
    }
  }
  carrier.notes = reader.localized_list(fields, "notes");
  return carrier;
}

// ---- plans ----------------------------------------------------------------------------------------

std::optional<TermLength> read_length(const Reader& reader, const JsonObject& term)
{
  const auto fields = reader.open_field(term, "length", Need::required, k_length_fields);
  if (!fields) {
    return std::nullopt;
  }
  const bool has_days = fields->has("days");
  const bool has_months = fields->has("months");
  if (has_days == has_months) {
    fields->problem("", TR(reader.language(), "expected exactly one of \"days\" or \"months\""));
    return std::nullopt;
  }
  if (has_days) {
    const auto days = fields->small_integer("days", Need::required, 1, k_max_term_days, TR(reader.language(), "a number of days"));
    return days ? std::optional<TermLength>{TermLength{TermUnit::days, *days}} : std::nullopt;
  }
  const auto months =
    fields->small_integer("months", Need::required, 1, k_max_term_months, TR(reader.language(), "a number of months"));
  return months ? std::optional<TermLength>{TermLength{TermUnit::months, *months}} : std::nullopt;
}

Term read_term(const Reader& reader, const JsonObject& fields)
{
  Term term;
  term.length = read_length(reader, fields).value_or(TermLength{});
  const auto price = reader.cents(fields, "price_cents", Need::required);
  term.price = price.value_or(0);
  if (const auto intro = reader.open_field(fields, "intro", Need::optional, k_intro_fields)) {
    Intro offer;
    const auto intro_price = reader.cents(*intro, "price_cents", Need::required);
    offer.price = intro_price.value_or(0);
    offer.terms = intro->small_integer("terms", Need::required, 1, 60, TR(reader.language(), "a number of terms")).value_or(1);
    offer.new_customers_only = intro->boolean("new_customers_only", Need::optional);
    offer.until = intro->date("until", Need::optional);
    offer.code = intro->string("code", Need::optional).value_or("");
    if (price && intro_price && *intro_price >= *price) {
      intro->problem("price_cents", TR(reader.language(), "an intro price ({}) must be below the regular price ({})",
                                       util::format_dollars(offer.price), util::format_dollars(term.price)));
    }
    term.intro = std::move(offer);
  }
  reader.for_each(fields, "line_totals_cents", Need::optional, [&](const Json& element, const std::string& pointer) {
    if (element.is_null()) {
      term.line_totals.emplace_back();
    } else if (element.is_number_integer() && element.get<std::int64_t>() >= 0 &&
               element.get<std::int64_t>() <= k_max_price_cents * k_max_lines) {
      term.line_totals.emplace_back(element.get<std::int64_t>());
    } else {
      reader.problem(pointer, TR(reader.language(), "expected an amount in cents from 0 to {} or null, got {}",
                                 k_max_price_cents * k_max_lines, util::describe_json(element, reader.language())));
      term.line_totals.emplace_back();
    }
  });
  return term;
}

Autopay read_autopay(const Reader& reader, const JsonObject& fields)
{
  Autopay autopay;
  const i18n::Language language = reader.language();
  autopay.discount =
    fields.integer("discount_cents", Need::required, 1, k_max_price_cents, TR(language, "an amount in cents")).value_or(0);
  autopay.per = reader.enumeration<Per>(fields, "per", Need::optional).value_or(Per::line);
  autopay.max_lines = fields.small_integer("max_lines", Need::optional, 1, k_max_lines, TR(language, "a number of lines"));
  autopay.from_term = fields.small_integer("from_term", Need::optional, 1, 60, TR(language, "a term number")).value_or(1);
  autopay.payment_methods = reader.enumerations<PaymentMethod>(fields, "payment_methods");
  autopay.paperless_billing = fields.boolean("paperless_billing", Need::optional);
  autopay.note = reader.localized(fields, "note", Need::optional);
  return autopay;
}

TaxesAndFees read_taxes(const Reader& reader, const JsonObject& fields)
{
  TaxesAndFees taxes;
  taxes.taxes_included = fields.boolean("taxes_included", Need::required).value_or(false);
  taxes.fees_included = fields.boolean("fees_included", Need::required).value_or(false);
  if (const auto fee = reader.open_field(fields, "carrier_fee", Need::optional, k_carrier_fee_fields)) {
    CarrierFee carrier_fee;
    carrier_fee.name = fee->string("name", Need::optional).value_or("");
    carrier_fee.cents_per_line = reader.cents(*fee, "cents_per_line", Need::required).value_or(0);
    carrier_fee.cents_per_line_max = reader.cents(*fee, "cents_per_line_max", Need::optional);
    if (carrier_fee.cents_per_line_max && *carrier_fee.cents_per_line_max < carrier_fee.cents_per_line) {
      fee->problem("cents_per_line_max", TR(reader.language(), "the upper end of the fee range is below its lower end"));
    }
    taxes.carrier_fee = std::move(carrier_fee);
  }
  taxes.note = reader.localized(fields, "note", Need::optional);
  return taxes;
}

OneTimeFee read_fee(const Reader& reader, const JsonObject& fields)
{
  OneTimeFee fee;
  fee.kind = reader.enumeration<FeeKind>(fields, "kind", Need::required).value_or(FeeKind::other);
  fee.cents = reader.cents(fields, "cents", Need::required).value_or(0);
  fee.per = reader.enumeration<Per>(fields, "per", Need::optional).value_or(Per::line);
  fee.name = fields.string("name", Need::optional).value_or("");
  fee.waivable = fields.boolean("waivable", Need::optional);
  fee.note = reader.localized(fields, "note", Need::optional);
  return fee;
}

Data read_data(const Reader& reader, const JsonObject& fields)
{
  const std::size_t problems_before = reader.problem_count();
  Data data;
  data.high_speed = reader.gigabytes(fields, "high_speed_gb", Need::required, true).value_or(Quantity{});
  data.priority = reader.enumeration<Priority>(fields, "priority", Need::optional);
  data.after_cap = reader.enumeration<AfterCap>(fields, "after_cap", Need::optional);
  data.after_cap_kbps = reader.kbps(fields, "after_cap_kbps");
  data.max_kbps = reader.kbps(fields, "max_kbps");
  if (const auto billing = reader.open_field(fields, "usage_billing", Need::optional, k_usage_billing_fields)) {
    UsageBilling usage;
    usage.cents_per_gb =
      billing->integer("cents_per_gb", Need::required, 1, k_max_price_cents, TR(reader.language(), "an amount in cents"))
        .value_or(0);
    reader.for_each(*billing, "max_charged_gb", Need::optional, [&](const Json& element, const std::string& pointer) {
      const double megabytes = element.is_number() ? element.get<double>() * 1000.0 : -1.0;
      if (megabytes >= 0 && megabytes <= static_cast<double>(k_max_megabytes) &&
          std::abs(megabytes - std::round(megabytes)) < 1e-6) {
        usage.max_charged_mb.push_back(static_cast<std::int64_t>(std::round(megabytes)));
      } else {
        reader.problem(pointer, TR(reader.language(), "expected GB from 0 to 10000 with at most three decimals, got {}",
                                   util::describe_json(element, reader.language())));
      }
    });
    data.usage_billing = std::move(usage);
  }
  data.note = reader.localized(fields, "note", Need::optional);

  if (reader.problem_count() != problems_before) {
    return data;
  }
  const bool has_data = data.high_speed.unlimited || data.high_speed.amount > 0;
  const bool capped = !data.high_speed.unlimited && data.high_speed.amount > 0;
  if (has_data && !fields.has("priority")) {
    fields.problem("", TR(reader.language(), "missing required field \"priority\" (the plan has data)"));
  }
  if (capped && !fields.has("after_cap")) {
    fields.problem("", TR(reader.language(),
                          "missing required field \"after_cap\" (high_speed_gb is a limit: say what happens after it)"));
  }
  if (!capped && fields.has("after_cap")) {
    fields.problem("after_cap", TR(reader.language(), "\"after_cap\" needs a numeric high_speed_gb above 0"));
  }
  if (fields.has("after_cap_kbps") && data.after_cap && *data.after_cap != AfterCap::slowed) {
    fields.problem("after_cap_kbps", TR(reader.language(), "\"after_cap_kbps\" is only meaningful when after_cap is \"slowed\""));
  }
  return data;
}

Hotspot read_hotspot(const Reader& reader, const JsonObject& fields)
{
  Hotspot hotspot;
  hotspot.high_speed = reader.gigabytes(fields, "high_speed_gb", Need::required, true).value_or(Quantity{});
  hotspot.after_cap_kbps = reader.kbps(fields, "after_cap_kbps");
  hotspot.max_kbps = reader.kbps(fields, "max_kbps");
  hotspot.from_plan_data = fields.boolean("from_plan_data", Need::optional);
  hotspot.note = reader.localized(fields, "note", Need::optional);
  return hotspot;
}

std::vector<Reach> read_reaches(const Reader& reader, const JsonObject& parent, std::string_view key)
{
  std::vector<Reach> reaches;
  reader.for_each(parent, key, Need::optional, [&](const Json& element, const std::string& pointer) {
    const auto fields = reader.open(element, pointer, k_reach_fields);
    if (!fields) {
      return;
    }
    Reach reach;
    reader.for_each(*fields, "countries", Need::optional, [&](const Json& code, const std::string& at) {
      if (code.is_string() && is_country_code(code.get_ref<const std::string&>())) {
        reach.countries.push_back(code.get<std::string>());
      } else {
        reader.problem(at, TR(reader.language(), "expected a country code such as \"CN\" or \"MX\", got {}",
                              util::describe_json(code, reader.language())));
      }
    });
    reach.country_count =
      fields->small_integer("country_count", Need::optional, 1, 300, TR(reader.language(), "a number of countries"));
    reach.included = fields->boolean("included", Need::optional);
    reach.cents_per_minute = reader.cents(*fields, "cents_per_minute", Need::optional);
    reach.cents_per_day = reader.cents(*fields, "cents_per_day", Need::optional);
    reach.minutes = fields->small_integer("minutes", Need::optional, 0, 100'000, TR(reader.language(), "a number of minutes"));
    reach.data = reader.gigabytes(*fields, "data_gb", Need::optional, true);
    reach.note = reader.localized(*fields, "note", Need::optional);
    if (!fields->has("countries") && !fields->has("country_count")) {
      fields->problem("", TR(reader.language(), "expected \"countries\" or \"country_count\": which countries does this reach?"));
    }
    if (!fields->has("included") && !fields->has("cents_per_minute") && !fields->has("cents_per_day")) {
      fields->problem("", TR(reader.language(), "expected \"included\", \"cents_per_minute\" or \"cents_per_day\": on what terms?"));
    }
    reaches.push_back(std::move(reach));
  });
  return reaches;
}

International read_international(const Reader& reader, const JsonObject& fields)
{
  International international;
  international.calling = read_reaches(reader, fields, "calling");
  international.texting = read_reaches(reader, fields, "texting");
  international.roaming = read_reaches(reader, fields, "roaming");
  international.note = reader.localized(fields, "note", Need::optional);
  return international;
}

Requirements read_requirements(const Reader& reader, const JsonObject& fields)
{
  Requirements requirements;
  requirements.credit_check = fields.boolean("credit_check", Need::required).value_or(false);
  requirements.ssn = fields.boolean("ssn", Need::optional);
  requirements.us_address = fields.boolean("us_address", Need::optional);
  requirements.us_payment_card = fields.boolean("us_payment_card", Need::optional);
  requirements.in_store_activation = fields.boolean("in_store_activation", Need::optional);
  requirements.activate_in_us = fields.boolean("activate_in_us", Need::optional);
  requirements.byod_only = fields.boolean("byod_only", Need::optional);
  requirements.note = reader.localized(fields, "note", Need::optional);
  return requirements;
}

// Rules that relate several fields of one plan, checked after all of it was read.
void check_plan(const Reader& reader, const JsonObject& fields, const Plan& plan)
{
  const bool travel = plan.kind == PlanKind::travel;
  const std::string terms_pointer = fields.pointer_to("terms");
  if (travel && plan.terms.size() > 1) {
    fields.problem("terms", TR(reader.language(), "a travel pass is sold as exactly one term"));
  }
  for (std::size_t i = 0; i < plan.terms.size(); ++i) {
    const Term& term = plan.terms[i];
    const std::string pointer = util::json_pointer_append(terms_pointer, i);
    if (travel && term.length.unit == TermUnit::months) {
      reader.problem(pointer + "/length", TR(reader.language(), "a travel pass has a fixed validity in days, not calendar months"));
    }
    if (travel && term.intro) {
      reader.problem(pointer + "/intro", TR(reader.language(), "a travel pass is bought once and has no intro price"));
    }
    if (travel && !term.line_totals.empty()) {
      reader.problem(pointer + "/line_totals_cents", TR(reader.language(), "a travel pass has no multi-line prices"));
    }
    if (!term.line_totals.empty()) {
      if (term.line_totals.front() != term.price) {
        reader.problem(pointer + "/line_totals_cents/0",
                       TR(reader.language(), "the one-line total must equal price_cents ({}), got {}", term.price,
                          term.line_totals.front() ? fmt::format("{}", *term.line_totals.front()) : "null"));
      }
      if (plan.max_lines && term.line_totals.size() > static_cast<std::size_t>(*plan.max_lines)) {
        reader.problem(pointer + "/line_totals_cents",
                       TR(reader.language(), "{} line totals given but max_lines is {}", term.line_totals.size(), *plan.max_lines));
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.terms[j].length == term.length) {
        reader.problem(pointer + "/length", TR(reader.language(), "the same term length as {}/{}", terms_pointer, j));
        // Name the first use only: n equal terms give n - 1 problems, not n²/2 (a 64 KB catalog of 1,500
        // equal terms took over 10 s and 700 MB to report).
        break;
      }
    }
  }
  if (plan.autopay) {
    if (travel) {
      fields.problem("autopay", TR(reader.language(), "a travel pass is bought once and has no AutoPay discount"));
    }
    for (const Term& term : plan.terms) {
      if (plan.autopay->discount >= term.price && term.price > 0) {
        reader.problem(fields.pointer_to("autopay") + "/discount_cents",
                       TR(reader.language(), "the AutoPay discount ({}) must be below the price ({})",
                          util::format_dollars(plan.autopay->discount), util::format_dollars(term.price)));
        break;
      }
    }
  }
  if (plan.hotspot && !plan.hotspot->high_speed.unlimited && !plan.data.high_speed.unlimited &&
      plan.hotspot->high_speed.amount > plan.data.high_speed.amount && plan.hotspot->from_plan_data != false) {
    reader.problem(fields.pointer_to("hotspot") + "/high_speed_gb",
                   TR(reader.language(), "the hotspot allowance is larger than the plan's high-speed data (set from_plan_data to false if it is a separate allowance)"));
  }
  if (!plan.phone_number) {
    for (const auto& [key, allowance] : {std::pair{"talk", plan.talk}, std::pair{"text", plan.text}}) {
      if (allowance && (allowance->unlimited || allowance->amount > 0)) {
        fields.problem(key, TR(reader.language(), "\"{}\" given on a plan with no phone number", key));
      }
    }
  }
  const bool secondary =
    std::any_of(plan.sources.begin(), plan.sources.end(), [](const Source& source) { return source.secondary; });
  if ((secondary || plan.conflicts) && !plan.confidence) {
    fields.problem("", plan.conflicts ? TR(reader.language(), "missing required field \"confidence\" (the plan lists conflicts)")
                                      : TR(reader.language(), "missing required field \"confidence\" (a source is secondary)"));
  }
}

Plan read_plan(const Reader& reader, const JsonObject& fields, date::year_month_day as_of)
{
  const std::size_t problems_before = reader.problem_count();
  Plan plan;
  plan.id = reader.id(fields, "id").value_or("");
  plan.carrier = reader.id(fields, "carrier").value_or("");
  plan.name = fields.string("name", Need::required).value_or("");
  plan.kind = reader.enumeration<PlanKind>(fields, "kind", Need::required).value_or(PlanKind::prepaid);
  plan.networks = reader.enumerations<Network>(fields, "networks");
  plan.phone_number = fields.boolean("phone_number", Need::required).value_or(true);
  reader.for_each(fields, "terms", Need::required, [&](const Json& element, const std::string& pointer) {
    if (const auto term = reader.open(element, pointer, k_term_fields)) {
      plan.terms.push_back(read_term(reader, *term));
    }
  });
  if (const Json* terms = fields.find("terms"); terms != nullptr && terms->is_array() && terms->empty()) {
    fields.problem("terms", TR(reader.language(), "expected at least one term, got an empty array"));
  }
  plan.max_lines = fields.small_integer("max_lines", Need::optional, 1, k_max_lines, TR(reader.language(), "a number of lines"));
  plan.multi_line_discount = fields.boolean("multi_line_discount", Need::optional);
  if (const auto autopay = reader.open_field(fields, "autopay", Need::optional, k_autopay_fields)) {
    plan.autopay = read_autopay(reader, *autopay);
  }
  if (const auto taxes = reader.open_field(fields, "taxes_and_fees", Need::required, k_taxes_fields)) {
    plan.taxes_and_fees = read_taxes(reader, *taxes);
  }
  reader.for_each(fields, "one_time_fees", Need::optional, [&](const Json& element, const std::string& pointer) {
    if (const auto fee = reader.open(element, pointer, k_fee_fields)) {
      plan.one_time_fees.push_back(read_fee(reader, *fee));
    }
  });
  if (const auto data = reader.open_field(fields, "data", Need::required, k_data_fields)) {
    plan.data = read_data(reader, *data);
  }
  if (const auto hotspot = reader.open_field(fields, "hotspot", Need::optional, k_hotspot_fields)) {
    plan.hotspot = read_hotspot(reader, *hotspot);
  }
  plan.talk = reader.count_or_unlimited(fields, "talk");
  plan.text = reader.count_or_unlimited(fields, "text");
  if (const auto international = reader.open_field(fields, "international", Need::optional, k_international_fields)) {
    plan.international = read_international(reader, *international);
  }
  if (const auto requirements = reader.open_field(fields, "requirements", Need::required, k_requirements_fields)) {
    plan.requirements = read_requirements(reader, *requirements);
  }
  if (const auto sim = reader.open_field(fields, "sim", Need::optional, k_sim_fields)) {
    plan.sim.esim = sim->boolean("esim", Need::optional);
    plan.sim.physical = sim->boolean("physical", Need::optional);
  }
  plan.notes = reader.localized_list(fields, "notes");
  plan.sources = reader.sources(fields, Need::required, as_of);
  plan.confidence = reader.enumeration<Confidence>(fields, "confidence", Need::optional);
  plan.conflicts = reader.localized(fields, "conflicts", Need::optional);
  if (reader.problem_count() == problems_before) {
    check_plan(reader, fields, plan);
  }
  return plan;
}

// Reports the second and later uses of a carrier id, naming where it was first used.
void check_unique_carrier_ids(const Reader& reader, const std::vector<Carrier>& carriers,
                              const std::vector<std::string>& pointers)
{
  std::map<std::string_view, std::size_t> first_at;
  for (std::size_t i = 0; i < carriers.size(); ++i) {
    const std::string& id = carriers[i].id;
    if (id.empty()) {
      continue;
    }
    const auto [found, inserted] = first_at.emplace(id, i);
    if (!inserted) {
      reader.problem(pointers[i] + "/id", TR(reader.language(), "duplicate carrier id \"{}\" (first used at {})", id,
                                             pointers[found->second]));
    }
  }
}

// What the top-level object says besides its plans.
struct Head {
  JsonObject top;
  std::vector<std::string> carrier_pointers;  // where each of catalog.carriers is
  bool carriers_read_cleanly = false;
};

// Reads the top-level object's fields, its version, as_of and carriers into `catalog`. Nothing when the
// document is not an object or is of another schema version: then nothing else is worth reporting.
std::optional<Head> read_head(const Reader& reader, const Json& document, Catalog& catalog)
{
  auto top = reader.open(document, "", k_catalog_fields);
  if (!top) {
    return std::nullopt;
  }
  const i18n::Language language = reader.language();
  const auto version =
    top->small_integer("schema_version", Need::required, 1, 1'000'000, TR(language, "a version number"));
  if (version && *version != k_schema_version) {
    top->problem("schema_version", TR(language,
                                      "this simplan reads catalog schema version {}, got version {}; a newer simplan may read it",
                                      k_schema_version, *version));
    return std::nullopt;
  }
  catalog.schema_version = version.value_or(k_schema_version);
  catalog.as_of = top->date("as_of", Need::required).value_or(date::year_month_day{});

  Head head{std::move(*top), {}, false};
  const std::size_t problems_before = reader.problem_count();
  reader.for_each(head.top, "carriers", Need::required, [&](const Json& element, const std::string& pointer) {
    if (const auto fields = reader.open(element, pointer, k_carrier_fields)) {
      catalog.carriers.push_back(read_carrier(reader, *fields, catalog.as_of));
      head.carrier_pointers.push_back(pointer);
    }
  });
  head.carriers_read_cleanly = reader.problem_count() == problems_before;
  return head;
}

// The ids of a catalog's plans, for the duplicate check once all are read. They are kept end to end in one
// string, with a hash and a place per plan, rather than in a hash map of strings: the map's small
// allocations, interleaved with each plan's own, made reading a million plans 40% slower and twice as large.
class PlanIds {
public:
  void add(std::string_view id, std::size_t index)
  {
    m_entries.push_back({std::hash<std::string_view>{}(id), m_text.size(), id.size(), index});
    m_text += id;
  }

  void clear()
  {
    m_text.clear();
    m_entries.clear();
  }

  /// "duplicate plan id" for the second and later uses of each id, in the order of the plans.
  util::Diagnostics duplicates(std::string_view source, i18n::Language language)
  {
    const auto id = [&](const Entry& entry) { return std::string_view{m_text}.substr(entry.offset, entry.length); };
    std::sort(m_entries.begin(), m_entries.end(), [&](const Entry& a, const Entry& b) {
      return std::tuple{a.hash, id(a), a.index} < std::tuple{b.hash, id(b), b.index};
    });
    std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (index, index of the first use)
    for (std::size_t first = 0, at = 1; at < m_entries.size(); ++at) {
      if (m_entries[at].hash == m_entries[first].hash && id(m_entries[at]) == id(m_entries[first])) {
        repeats.emplace_back(at, first);
      } else {
        first = at;
      }
    }
    std::sort(repeats.begin(), repeats.end(), [&](const auto& a, const auto& b) {
      return m_entries[a.first].index < m_entries[b.first].index;
    });
    util::Diagnostics problems;
    for (const auto& [repeat, first] : repeats) {
      problems.push_back({std::string{source}, std::nullopt, util::json_pointer_append("/plans", m_entries[repeat].index) + "/id",
                          TR(language, "duplicate plan id \"{}\" (first used at {})", id(m_entries[repeat]),
                             util::json_pointer_append("/plans", m_entries[first].index))});
    }
    return problems;
  }

private:
  struct Entry {
    std::size_t hash;
    std::size_t offset;
    std::size_t length;
    std::size_t index;
  };
  std::string m_text;
  std::vector<Entry> m_entries;
};

// One catalog being read: the plans arrive one at a time from the parser (util::StreamedArray). When the
// document gives as_of and its carriers before its plans (data/plans.json and every catalog simplan's tools
// write do), each plan is read, checked and handed on as it arrives, and only its id is kept; otherwise the
// plans wait, as DOM elements, until the document ends. Problems are gathered per part and put together in
// the order the whole-document reader has always used: top-level fields, carriers, plans, duplicate carrier
// ids, duplicate plan ids, unknown carriers.
class CatalogReading {
public:
  CatalogReading(std::string_view source, const Catalog* base, i18n::Language language, const PlanSink& sink)
    : m_source(source), m_base(base), m_language(language), m_sink(sink), m_plan_reader(source, m_plan_problems, language)
  {
  }

  void on_plan(Json&& element, std::size_t index, const Json& document_so_far)
  {
    if (!m_ready && m_waiting.empty() && document_so_far.contains("as_of") && document_so_far.contains("carriers")) {
      util::Diagnostics ignored;  // reported from the whole document at the end
      const std::optional<Head> head = read_head(Reader{m_source, ignored, m_language}, document_so_far, m_catalog);
      get_ready(head ? head->carriers_read_cleanly : false);
    }
    if (m_ready) {
      take_plan(element, index);
    } else {
      m_waiting.push_back(std::move(element));
    }
  }

  /// Forgets the plans read, to read the same document again. What is already known of it stays, so the
  /// carriers the sink was shown stay where they are, and the sink is not given the same plan twice.
  void restart()
  {
    m_sink_has = std::max(m_sink_has, m_handed_over);
    m_handed_over = 0;
    m_catalog.plans.clear();
    m_waiting.clear();
    m_plan_ids.clear();
    m_plan_problems.clear();
    m_unknown_carriers.clear();
  }

  LoadResult finish(const Json& document)
  {
    LoadResult result;
    const Reader reader{m_source, result.problems, m_language};
    Catalog head_catalog;
    const std::optional<Head> head = read_head(reader, document, head_catalog);
    if (!head) {
      return result;
    }
    if (!m_ready) {
      m_catalog = std::move(head_catalog);
      get_ready(head->carriers_read_cleanly);
    }
    // Plans may wait only from the first one on, so their index is their place in the list.
    for (std::size_t i = 0; i < m_waiting.size(); ++i) {
      take_plan(m_waiting[i], i);
    }
    head->top.array("plans", Need::required);
    append(result.problems, std::move(m_plan_problems));
    check_unique_carrier_ids(reader, m_catalog.carriers, head->carrier_pointers);
    append(result.problems, m_plan_ids.duplicates(m_source, m_language));
    append(result.problems, std::move(m_unknown_carriers));
    result.catalog = std::move(m_catalog);
    return result;
  }

private:
  void get_ready(bool carriers_read_cleanly)
  {
    m_ready = true;
    m_check_carriers = carriers_read_cleanly;
    for (const Carrier& carrier : m_catalog.carriers) {
      m_carrier_ids.insert(carrier.id);
    }
    if (m_base != nullptr) {
      for (const Carrier& carrier : m_base->carriers) {
        m_carrier_ids.insert(carrier.id);
      }
    }
  }

  void take_plan(const Json& element, std::size_t index)
  {
    const std::string pointer = util::json_pointer_append("/plans", index);
    const auto fields = m_plan_reader.open(element, pointer, k_plan_fields);
    if (!fields) {
      return;
    }
    const std::size_t problems_before = m_plan_problems.size();
    Plan plan = read_plan(m_plan_reader, *fields, m_catalog.as_of);
    check_references(plan, index, pointer);
    if (!m_sink) {
      m_catalog.plans.push_back(std::move(plan));
    } else if (m_plan_problems.size() == problems_before && ++m_handed_over > m_sink_has) {
      m_sink(m_catalog, std::move(plan));
    }
  }

  // A plan's id must be new and its carrier known; both reported after every field problem.
  void check_references(const Plan& plan, std::size_t index, const std::string& pointer)
  {
    if (!plan.id.empty()) {
      m_plan_ids.add(plan.id, index);
    }
    if (m_check_carriers && !plan.carrier.empty() && !m_carrier_ids.contains(plan.carrier)) {
      const std::vector<std::string> known{m_carrier_ids.begin(), m_carrier_ids.end()};
      const auto suggestion = util::closest_match(plan.carrier, std::span<const std::string>{known});
      m_unknown_carriers.push_back(
        {std::string{m_source}, std::nullopt, pointer + "/carrier",
         suggestion ? TR(m_language, "unknown carrier \"{}\"; did you mean \"{}\"?", plan.carrier, *suggestion)
                    : TR(m_language, "unknown carrier \"{}\" (not in \"carriers\")", plan.carrier)});
    }
  }

  static void append(util::Diagnostics& to, util::Diagnostics&& from)
  {
    std::move(from.begin(), from.end(), std::back_inserter(to));
  }

  std::string_view m_source;
  const Catalog* m_base;
  i18n::Language m_language;
  const PlanSink& m_sink;
  Catalog m_catalog;
  bool m_ready = false;            // as_of and the carriers are known: plans are read as they come
  bool m_check_carriers = false;   // the carriers read cleanly, so a plan's unknown carrier is its own fault
  std::set<std::string, std::less<>> m_carrier_ids;
  std::vector<Json> m_waiting;
  std::size_t m_handed_over = 0;  // plans this reading has given the sink
  std::size_t m_sink_has = 0;     // plans an earlier reading of the document gave it
  PlanIds m_plan_ids;
  util::Diagnostics m_plan_problems;
  util::Diagnostics m_unknown_carriers;
  Reader m_plan_reader;
};

} // namespace

LoadResult load_catalog(std::string_view json_text, std::string_view source, const Catalog* base, i18n::Language language)
{
  return load_catalog_stream({util::read_text(json_text), [json_text] { return util::read_text(json_text); }}, source,
                             base, language);
}

LoadResult load_catalog_stream(const CatalogInput& input, std::string_view source, const Catalog* base,
                               i18n::Language language, const PlanSink& sink)
{
  CatalogReading reading{source, base, language, sink};
  const util::StreamedArray plans{"plans", [&](Json&& element, std::size_t index, const Json& document_so_far) {
                                    reading.on_plan(std::move(element), index, document_so_far);
                                  }};
  LoadResult result;
  // The fast reader first; a document it gives up on is read again by the one that explains problems.
  if (input.reread) {
    if (const auto document = util::parse_valid_json_stream(input.read, source, result.problems, language, &plans)) {
      return reading.finish(*document);
    }
    reading.restart();
  }
  const auto document =
    util::parse_json_stream(input.reread ? input.reread() : input.read, source, result.problems, language, &plans);
  if (!document) {
    return result;
  }
  return reading.finish(*document);
}

} // namespace simplan::catalog
