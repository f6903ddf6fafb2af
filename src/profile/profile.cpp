#include "simplan/profile/profile.hpp"

#include "simplan/i18n/messages.hpp"
#include "simplan/util/json_reader.hpp"
#include "simplan/util/parse.hpp"
#include "simplan/util/spelling.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

// Profiles are read with the same located-problem reader as the catalog. A profile's fields are all
// optional: each overrides the value it starts from (the defaults, or the profile it extends).

namespace simplan::profile {
namespace {

using util::Json;
using util::JsonObject;
using util::Need;

constexpr auto k_book_fields = std::to_array<std::string_view>({"$schema", "schema_version", "defaults", "profiles"});
constexpr auto k_default_fields = std::to_array<std::string_view>(
  {"stay", "lines", "data_gb", "hotspot_gb", "budget_cents", "esim", "no_credit_check", "need_number", "ssn",
   "us_payment_card", "call", "call_minutes", "networks", "autopay", "premium_data", "tax_rate_percent", "state",
   "top"});
constexpr auto k_profile_fields = std::to_array<std::string_view>(
  {"id", "aliases", "description", "extends", "stay", "lines", "data_gb", "hotspot_gb", "budget_cents", "esim",
   "no_credit_check", "need_number", "ssn", "us_payment_card", "call", "call_minutes", "networks", "autopay",
   "premium_data", "tax_rate_percent", "state", "top"});
constexpr auto k_stay_fields = std::to_array<std::string_view>({"days", "months"});

// A number with at most two decimals, as basis points: 26.8 -> 2680.
std::optional<int> read_percent(const JsonObject& object, std::string_view key)
{
  const Json* value = object.find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_number()) {
    const double basis_points = value->get<double>() * 100.0;
    if (basis_points >= 0 && basis_points <= 10000 && std::abs(basis_points - std::round(basis_points)) < 1e-6) {
      return static_cast<int>(std::round(basis_points));
    }
  }
  object.problem(key, TR(object.language(), "expected a percentage from 0 to 100 with at most two decimals, got {}",
                         util::describe_json(*value, object.language())));
  return std::nullopt;
}

std::optional<std::int64_t> read_gigabytes(const JsonObject& object, std::string_view key)
{
  const Json* value = object.find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_number()) {
    const double megabytes = value->get<double>() * 1000.0;
    if (megabytes >= 0 && megabytes <= 10'000'000.0 && std::abs(megabytes - std::round(megabytes)) < 1e-6) {
      return static_cast<std::int64_t>(std::round(megabytes));
    }
  }
  object.problem(key, TR(object.language(), "expected GB from 0 to 10000 with at most three decimals, got {}",
                         util::describe_json(*value, object.language())));
  return std::nullopt;
}

std::vector<std::string> read_strings(const JsonObject& object, std::string_view key)
{
  std::vector<std::string> values;
  const Json* array = object.array(key, Need::optional);
  if (array == nullptr) {
    return values;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Json& element = (*array)[i];
    if (element.is_string() && !element.get_ref<const std::string&>().empty()) {
      values.push_back(element.get<std::string>());
    } else {
      object.problems().push_back({std::string{object.source()}, std::nullopt,
                                   util::json_pointer_append(object.pointer_to(key), i),
                                   TR(object.language(), "expected a non-empty string, got {}",
                                      util::describe_json(element, object.language()))});
    }
  }
  return values;
}

// Applies every field present in `fields` to `needs`.
void read_needs(const JsonObject& fields, Needs& needs)
{
  const i18n::Language language = fields.language();
  if (const Json* stay = fields.object("stay", Need::optional)) {
    const JsonObject stay_fields{*stay, fields.pointer_to("stay"), fields.source(), fields.problems(), k_stay_fields,
                                 language};
    if (stay_fields.has("days") == stay_fields.has("months")) {
      stay_fields.problem("", TR(language, "expected exactly one of \"days\" or \"months\""));
    } else if (stay_fields.has("days")) {
      if (const auto days = stay_fields.small_integer("days", Need::required, 1, 3660, TR(language, "a number of days"))) {
        needs.stay = {StayUnit::days, *days};
      }
    } else if (const auto months =
                 stay_fields.small_integer("months", Need::required, 1, 120, TR(language, "a number of months"))) {
      needs.stay = {StayUnit::months, *months};
    }
  }
  needs.lines = fields.small_integer("lines", Need::optional, 1, 20, TR(language, "a number of lines")).value_or(needs.lines);
  needs.data_mb = read_gigabytes(fields, "data_gb").value_or(needs.data_mb);
  needs.hotspot_mb = read_gigabytes(fields, "hotspot_gb").value_or(needs.hotspot_mb);
  if (const auto budget = fields.integer("budget_cents", Need::optional, 0, 100'000'000, TR(language, "an amount in cents"))) {
    needs.budget = *budget;
  }
  needs.esim = fields.boolean("esim", Need::optional).value_or(needs.esim);
  needs.no_credit_check = fields.boolean("no_credit_check", Need::optional).value_or(needs.no_credit_check);
  needs.need_number = fields.boolean("need_number", Need::optional).value_or(needs.need_number);
  needs.has_ssn = fields.boolean("ssn", Need::optional).value_or(needs.has_ssn);
  needs.has_us_payment_card = fields.boolean("us_payment_card", Need::optional).value_or(needs.has_us_payment_card);
  if (fields.has("call")) {
    needs.call_countries.clear();
    const auto countries = read_strings(fields, "call");
    for (std::size_t i = 0; i < countries.size(); ++i) {
      if (const auto code = util::parse_country_code(countries[i])) {
        needs.call_countries.push_back(*code);
      } else {
        fields.problems().push_back({std::string{fields.source()}, std::nullopt,
                                     util::json_pointer_append(fields.pointer_to("call"), i),
                                     TR(language, "expected a two-letter country code such as \"CN\", got \"{}\"",
                                        countries[i])});
      }
    }
  }
  needs.call_minutes =
    fields.small_integer("call_minutes", Need::optional, 0, 100'000, TR(language, "a number of minutes"))
      .value_or(needs.call_minutes);
  if (fields.has("networks")) {
    needs.networks.clear();
    for (const auto& name : read_strings(fields, "networks")) {
      if (const auto network = catalog::parse_enum<catalog::Network>(name)) {
        needs.networks.push_back(*network);
      } else {
        fields.problem("networks", TR(language, "expected networks among \"tmobile\", \"att\", \"verizon\", \"boost\", got \"{}\"",
                                      name));
      }
    }
  }
  needs.autopay = fields.boolean("autopay", Need::optional).value_or(needs.autopay);
  needs.premium_data = fields.boolean("premium_data", Need::optional).value_or(needs.premium_data);
  if (const auto rate = read_percent(fields, "tax_rate_percent")) {
    needs.tax_rate_bp = rate;
  }
  if (const auto state = fields.string("state", Need::optional)) {
    if (const auto code = util::parse_country_code(*state)) {  // the same shape: two letters, any case
      needs.state = *code;
    } else {
      fields.problem("state", TR(language, "expected a two-letter state code such as \"NY\", got \"{}\"", *state));
    }
  }
  if (const auto top = fields.small_integer("top", Need::optional, 1, 1000, TR(language, "a number of plans"))) {
    needs.top = static_cast<std::size_t>(*top);
  }
}

catalog::LocalizedText read_description(const JsonObject& fields)
{
  catalog::LocalizedText text;
  const Json* value = fields.object("description", Need::optional);
  if (value == nullptr) {
    return text;
  }
  for (const auto& [language, translation] : value->items()) {
    if (translation.is_string()) {
      text.set(language, translation.get<std::string>());
    } else {
      fields.problem("description", TR(fields.language(), "expected text for \"{}\", got {}", language,
                                       util::describe_json(translation, fields.language())));
    }
  }
  if (!value->contains("en")) {
    fields.problem("description", TR(fields.language(), "missing the English text \"en\""));
  }
  return text;
}

} // namespace

const Profile* ProfileBook::find(std::string_view name) const
{
  for (const Profile& profile : profiles) {
    if (profile.id == name) {
      return &profile;
    }
    for (const auto& alias : profile.aliases) {
      if (alias == name) {
        return &profile;
      }
    }
  }
  return nullptr;
}

ProfileBookLoad load_profile_book(std::string_view json_text, std::string_view source)
{
  // The built-in profiles are simplan's own data: their problems are for developers, in English.
  ProfileBookLoad result;
  const auto document = util::parse_json_document(json_text, source, result.problems);
  if (!document) {
    return result;
  }
  if (!document->is_object()) {
    result.problems.push_back({std::string{source}, std::nullopt, "", TR(i18n::Language::en, "expected an object")});
    return result;
  }
  const JsonObject top{*document, "", source, result.problems, k_book_fields};
  top.small_integer("schema_version", Need::required, 1, 1, "the version number");
  ProfileBook& book = result.book;
  if (const Json* defaults = top.object("defaults", Need::optional)) {
    const JsonObject fields{*defaults, "/defaults", source, result.problems, k_default_fields};
    read_needs(fields, book.defaults);
  }
  top.each_object("profiles", Need::required, k_profile_fields, [&](const JsonObject& fields) {
    Profile profile;
    profile.id = fields.string("id", Need::required).value_or("");
    profile.aliases = read_strings(fields, "aliases");
    profile.description = read_description(fields);
    profile.needs = book.defaults;
    read_needs(fields, profile.needs);
    for (const auto& name : profile.aliases) {
      if (book.find(name) != nullptr) {
        fields.problem("aliases", TR(i18n::Language::en, "\"{}\" names another profile already", name));
      }
    }
    if (book.find(profile.id) != nullptr) {
      fields.problem("id", TR(i18n::Language::en, "duplicate profile id \"{}\"", profile.id));
    }
    book.profiles.push_back(std::move(profile));
  });
  return result;
}

ProfileLoad load_profile_file(std::string_view json_text, std::string_view source, const ProfileBook& book,
                              i18n::Language language)
{
  ProfileLoad result;
  const auto document = util::parse_json_document(json_text, source, result.problems, language);
  if (!document) {
    return result;
  }
  if (!document->is_object()) {
    result.problems.push_back({std::string{source}, std::nullopt, "",
                               TR(language, "expected a profile object, got {}", util::describe_json(*document, language))});
    return result;
  }
  const JsonObject fields{*document, "", source, result.problems, k_profile_fields, language};
  Profile& profile = result.profile;
  profile.id = fields.string("id", Need::optional).value_or("custom");
  profile.needs = book.defaults;
  if (const auto extends = fields.string("extends", Need::optional)) {
    if (const Profile* base = book.find(*extends)) {
      profile.needs = base->needs;
    } else {
      std::vector<std::string> names;
      for (const auto& known : book.profiles) {
        names.push_back(known.id);
      }
      const auto suggestion = util::closest_match(*extends, std::span<const std::string>{names});
      fields.problem("extends", suggestion ? TR(language, "no built-in profile \"{}\"; did you mean \"{}\"?", *extends, *suggestion)
                                           : TR(language, "no built-in profile \"{}\"", *extends));
    }
  }
  profile.description = read_description(fields);
  read_needs(fields, profile.needs);
  return result;
}

} // namespace simplan::profile
