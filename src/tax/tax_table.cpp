#include "simplan/tax/tax_table.hpp"

#include "simplan/util/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

// The table is simplan's own data, read like the catalog: every problem located, in English (a broken
// table is a developer's to fix, caught by the tests). Rates are written in percent as the sources print
// them and kept in parts per million, so 4.225% stays 4.225%.

namespace simplan::tax {
namespace {

using util::Json;
using util::JsonObject;
using util::Need;

constexpr auto k_top_fields = std::to_array<std::string_view>({"$schema", "schema_version", "note", "sources", "national", "bundled", "states", "not_covered"});
constexpr auto k_source_fields = std::to_array<std::string_view>({"id", "title", "url", "published", "checked", "secondary", "via", "date_note"});
constexpr auto k_national_fields = std::to_array<std::string_view>({"state_local_percent", "federal_usf_percent", "source"});
constexpr auto k_bundled_fields = std::to_array<std::string_view>({"voice_percent", "bundled_percent", "source", "quote"});
constexpr auto k_state_fields =
  std::to_array<std::string_view>({"code", "name", "state_local_percent", "federal_usf_percent", "source", "prepaid", "note"});
constexpr auto k_prepaid_fields = std::to_array<std::string_view>({"percent", "cents_per_purchase", "sales_tax", "sources", "note"});

// A percentage from 0 to 100 with at most four decimals, in ppm.
RatePpm read_rate(const JsonObject& object, std::string_view key, Need need)
{
  const Json* value = object.find(key);
  if (value == nullptr) {
    if (need == Need::required) {
      object.problem(key, fmt::format("missing required field \"{}\"", key));
    }
    return 0;
  }
  if (value->is_number()) {
    const double ppm = value->get<double>() * static_cast<double>(k_ppm_per_percent);
    if (ppm >= 0 && ppm <= static_cast<double>(k_ppm_whole) && std::abs(ppm - std::round(ppm)) < 1e-3) {
      return static_cast<RatePpm>(std::llround(ppm));
    }
  }
  object.problem(key, fmt::format("expected a percentage from 0 to 100 with at most four decimals, got {}",
                         util::describe_json(*value)));
  return 0;
}

std::string source_reference(const JsonObject& object, const TaxTable& table)
{
  std::string id = object.string("source", Need::required).value_or("");
  if (!id.empty() && table.find_source(id) == nullptr) {
    object.problem("source", fmt::format("no source with id \"{}\" in /sources", id));
  }
  return id;
}

void read_sources(const JsonObject& top, TaxTable& table)
{
  top.each_object("sources", Need::required, k_source_fields, [&](const JsonObject& fields) {
    TaxSource source;
    source.id = fields.string("id", Need::required).value_or("");
    source.title = fields.string("title", Need::required).value_or("");
    source.url = fields.string("url", Need::required).value_or("");
    if (fields.date("published", Need::optional)) {
      source.published = fields.string("published", Need::optional).value_or("");
    }
    if (fields.date("checked", Need::required)) {
      source.checked = fields.string("checked", Need::required).value_or("");
    }
    source.secondary = fields.boolean("secondary", Need::optional).value_or(false);
    source.via = fields.string("via", Need::optional).value_or("");
    fields.string("date_note", Need::optional);
    if (source.secondary && source.via.empty()) {
      fields.problem("via", "a secondary source must say where it was read (\"via\")");
    }
    if (table.find_source(source.id) != nullptr) {
      fields.problem("id", fmt::format("duplicate source id \"{}\"", source.id));
    }
    table.sources.push_back(std::move(source));
  });
}

bool is_state_code(std::string_view code)
{
  return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void read_states(const JsonObject& top, TaxTable& table)
{
  const bool read = top.each_object("states", Need::required, k_state_fields, [&](const JsonObject& fields) {
    StateTaxes row;
    row.code = fields.string("code", Need::required).value_or("");
    if (!is_state_code(row.code)) {
      fields.problem("code", fmt::format("expected a two-letter code in capitals such as \"NY\", got \"{}\"", row.code));
    } else if (table.find_state(row.code) != nullptr) {
      fields.problem("code", fmt::format("duplicate state \"{}\"", row.code));
    }
    row.name = fields.string("name", Need::required).value_or("");
    if (fields.has("state_local_percent")) {
      row.state_local = read_rate(fields, "state_local_percent", Need::required);
    }
    row.federal_usf = read_rate(fields, "federal_usf_percent", Need::required);
    row.source = source_reference(fields, table);
    fields.string("note", Need::optional);
    if (const Json* prepaid = fields.object("prepaid", Need::optional)) {
      const JsonObject levy_fields{*prepaid, fields.pointer_to("prepaid"), top.source(), top.problems(), k_prepaid_fields};
      PrepaidLevies levies;
      levies.rate = read_rate(levy_fields, "percent", Need::optional);
      levies.cents_per_purchase =
        levy_fields.integer("cents_per_purchase", Need::optional, 0, 10'000, "an amount in cents").value_or(0);
      levies.sales_tax = levy_fields.boolean("sales_tax", Need::required).value_or(false);
      if (const Json* ids = levy_fields.array("sources", Need::required)) {
        for (std::size_t k = 0; k < ids->size(); ++k) {
          const Json& id = (*ids)[k];
          if (!id.is_string() || table.find_source(id.get<std::string>()) == nullptr) {
            top.problems().push_back({std::string{top.source()}, std::nullopt,
                                      util::json_pointer_append(levy_fields.pointer_to("sources"), k),
                                      "expected the id of a source in /sources"});
          } else {
            levies.sources.push_back(id.get<std::string>());
          }
        }
      }
      levies.note = levy_fields.string("note", Need::optional).value_or("");
      row.prepaid = std::move(levies);
    }
    table.states.push_back(std::move(row));
  });
  if (!read) {
    return;
  }
  std::sort(table.states.begin(), table.states.end(),
            [](const StateTaxes& a, const StateTaxes& b) { return a.code < b.code; });
}

} // namespace

const StateTaxes* TaxTable::find_state(std::string_view code) const
{
  const auto found = std::find_if(states.begin(), states.end(), [&](const StateTaxes& row) { return row.code == code; });
  return found == states.end() ? nullptr : &*found;
}

const TaxSource* TaxTable::find_source(std::string_view id) const
{
  const auto found = std::find_if(sources.begin(), sources.end(), [&](const TaxSource& source) { return source.id == id; });
  return found == sources.end() ? nullptr : &*found;
}

TaxTableLoad load_tax_table(std::string_view json_text, std::string_view source)
{
  TaxTableLoad result;
  const auto document = util::parse_json_document(json_text, source, result.problems);
  if (!document) {
    return result;
  }
  if (!document->is_object()) {
    result.problems.push_back({std::string{source}, std::nullopt, "", "expected an object"});
    return result;
  }
  TaxTable& table = result.table;
  const JsonObject top{*document, "", source, result.problems, k_top_fields};
  top.small_integer("schema_version", Need::required, 1, 1, "the version number");
  top.string("note", Need::optional);
  read_sources(top, table);
  if (const Json* national = top.object("national", Need::required)) {
    const JsonObject fields{*national, "/national", source, result.problems, k_national_fields};
    table.national_state_local = read_rate(fields, "state_local_percent", Need::required);
    table.national_federal_usf = read_rate(fields, "federal_usf_percent", Need::required);
    table.national_source = source_reference(fields, table);
  }
  if (const Json* bundled = top.object("bundled", Need::required)) {
    const JsonObject fields{*bundled, "/bundled", source, result.problems, k_bundled_fields};
    table.bundled_voice = read_rate(fields, "voice_percent", Need::required);
    table.bundled = read_rate(fields, "bundled_percent", Need::required);
    table.bundled_source = source_reference(fields, table);
    fields.string("quote", Need::optional);
    if (table.bundled_voice == 0 || table.bundled > table.bundled_voice) {
      fields.problem("bundled_percent", "expected a bundled rate above 0 and at most the voice rate");
    }
  }
  read_states(top, table);
  top.array("not_covered", Need::optional);
  return result;
}

TaxRates given_rate(RatePpm rate)
{
  TaxRates rates;
  rates.basis = RateBasis::given;
  rates.bill = {Treatment::given, rate, 0};
  rates.sale = rates.bill;
  return rates;
}

RatePpm bundled_rate(const TaxTable& table, RatePpm voice_rate)
{
  if (table.bundled_voice == 0) {
    return voice_rate;
  }
  return util::divide_rounded(voice_rate * table.bundled, table.bundled_voice);
}

TaxRates rates_for(const TaxTable& table, std::string_view state)
{
  TaxRates rates;
  const StateTaxes* row = state.empty() ? nullptr : table.find_state(state);
  if (row == nullptr) {
    rates.basis = RateBasis::national_average;
    rates.bill = {Treatment::postpaid_bill, bundled_rate(table, table.national_state_local + table.national_federal_usf), 0};
    rates.sale = {Treatment::prepaid_estimate, rates.bill.rate, 0};
    return rates;
  }
  rates.basis = RateBasis::state;
  rates.state = row->code;
  rates.bill_from_national = !row->state_local;
  const RatePpm state_local = row->state_local.value_or(table.national_state_local);
  rates.bill = {Treatment::postpaid_bill, bundled_rate(table, state_local + row->federal_usf), 0};
  // Levies known only in part (the 911 fee without the sales tax) would understate prepaid taxes.
  rates.sale = row->prepaid && row->prepaid->sales_tax
                 ? Levy{Treatment::prepaid_sale, row->prepaid->rate, row->prepaid->cents_per_purchase}
                 : Levy{Treatment::prepaid_estimate, rates.bill.rate, 0};
  return rates;
}

util::Cents levy_on(const Levy& levy, util::Cents amount, int purchases)
{
  return util::divide_rounded(amount * levy.rate, k_ppm_whole) + levy.cents_per_purchase * purchases;
}

} // namespace simplan::tax
