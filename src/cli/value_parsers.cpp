#include "cli/value_parsers.hpp"

#include "cli/failure.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/parse.hpp"
#include "simplan/util/spelling.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::cli {
namespace {

[[noreturn]] void reject(std::string_view option, std::string_view expected, std::string_view text,
                         std::string_view suggestion = {})
{
  throw Failure{ExitCode::usage,
                fmt::format("{}: expected {}, got \"{}\"{}", option, expected, text,
                            suggestion.empty() ? std::string{} : fmt::format("; did you mean \"{}\"?", suggestion))};
}

} // namespace

date::year_month_day parse_date_option(std::string_view option, std::string_view text)
{
  const auto day = util::parse_iso_date(text);
  if (!day) {
    reject(option, "a date YYYY-MM-DD that exists", text);
  }
  return *day;
}

util::Cents parse_dollars_option(std::string_view option, std::string_view text)
{
  const auto cents = util::parse_dollars(text);
  if (!cents) {
    reject(option, "a dollar amount such as 25 or 25.50", text);
  }
  return *cents;
}

std::int64_t parse_gigabytes_option(std::string_view option, std::string_view text)
{
  const auto megabytes = util::parse_gigabytes(text);
  if (!megabytes) {
    reject(option, "an amount of GB such as 5 or 0.5 (at most 10000)", text);
  }
  return *megabytes;
}

std::string parse_country(std::string_view option, std::string_view text)
{
  auto code = util::parse_country_code(text);
  if (!code) {
    reject(option, "a two-letter country code such as CN, IN or MX", text);
  }
  return *code;
}

catalog::Network parse_network(std::string_view option, std::string_view text)
{
  std::string letters;
  for (const char c : util::to_lower_ascii(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      letters += c;
    }
  }
  if (const auto network = catalog::parse_enum<catalog::Network>(letters)) {
    return *network;
  }
  const auto suggestion = util::closest_match(letters, catalog::enum_names<catalog::Network>());
  reject(option, "one of tmobile, att, verizon, boost", text, suggestion.value_or(""));
}

catalog::TermLength parse_term_option(std::string_view option, std::string_view text)
{
  std::size_t at = 0;
  int count = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && count < 100000) {
    count = count * 10 + (text[at] - '0');
    ++at;
  }
  std::string unit{text.substr(at)};
  unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
  unit = util::to_lower_ascii(unit);
  if (at > 0 && count > 0) {
    if ((unit == "d" || unit == "day" || unit == "days") && count <= 400) {
      return {catalog::TermUnit::days, count};
    }
    if ((unit == "m" || unit == "month" || unit == "months") && count <= 13) {
      return {catalog::TermUnit::months, count};
    }
  }
  reject(option, "a term such as 30d (30 days) or 1m (1 calendar month)", text);
}

std::vector<int> parse_days_list(std::string_view option, std::string_view text)
{
  std::vector<int> days;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view item = text.substr(start, end - start);
    int value = 0;
    bool ok = !item.empty() && item.size() <= 3;
    for (const char c : item) {
      ok = ok && c >= '0' && c <= '9';
      value = value * 10 + (c - '0');
    }
    if (!ok || value > 365) {
      reject(option, "days before the due date, from 0 to 365, separated by commas (7,1)", text);
    }
    days.push_back(value);
    start = end + 1;
  }
  return days;
}

const catalog::Plan& find_plan_or_fail(const catalog::Catalog& catalog, std::string_view id, std::string_view context)
{
  if (const catalog::Plan* plan = catalog.find_plan(id)) {
    return *plan;
  }
  std::vector<std::string> ids;
  for (const auto& plan : catalog.plans) {
    ids.push_back(plan.id);
  }
  const auto suggestion = util::suggest_name(id, ids);
  throw Failure{ExitCode::no_match,
                fmt::format("{}no plan with id \"{}\"{}", context, id,
                            suggestion ? fmt::format("; did you mean \"{}\"?", *suggestion) : std::string{}),
                suggestion ? std::string{} : "'simplan plans' lists the plan ids"};
}

const catalog::Carrier& parse_carrier(std::string_view option, std::string_view text, const catalog::Catalog& catalog)
{
  if (const catalog::Carrier* carrier = catalog::find_carrier_by_id_or_name(catalog, text)) {
    return *carrier;
  }
  std::vector<std::string> names;
  for (const auto& carrier : catalog.carriers) {
    names.push_back(carrier.id);
  }
  const auto suggestion = util::closest_match(text, std::span<const std::string>{names});
  throw Failure{ExitCode::usage,
                fmt::format("{}: no carrier \"{}\" in the catalog{}", option, text,
                            suggestion ? fmt::format("; did you mean \"{}\"?", *suggestion) : std::string{}),
                suggestion ? std::string{} : "'simplan catalog info' lists the carriers"};
}

} // namespace simplan::cli
