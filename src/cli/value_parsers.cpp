#include "cli/value_parsers.hpp"

#include "cli/failure.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/parse.hpp"
#include "simplan/util/spelling.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::cli {
namespace {

// "--max-price: expected ..., got "x"" with an optional "did you mean".
[[noreturn]] void reject(Language language, std::string_view option, std::string_view expected, std::string_view text,
                         std::string_view suggestion = {})
{
  std::string message = TR(language, "{}: expected {}, got \"{}\"", option, expected, text);
  if (!suggestion.empty()) {
    message += TR(language, "; did you mean \"{}\"?", suggestion);
  }
  throw Failure{ExitCode::usage, message};
}

std::string with_option(Language language, std::string_view option, std::string message)
{
  return option.empty() ? message : TR(language, "{}: {}", option, message);
}

} // namespace

date::year_month_day parse_date_option(Language language, std::string_view option, std::string_view text)
{
  const auto day = util::parse_iso_date(text);
  if (!day) {
    reject(language, option, TR(language, "a date YYYY-MM-DD that exists"), text);
  }
  return *day;
}

util::Cents parse_dollars_option(Language language, std::string_view option, std::string_view text)
{
  const auto cents = util::parse_dollars(text);
  if (!cents) {
    reject(language, option, TR(language, "a dollar amount such as 25 or 25.50"), text);
  }
  return *cents;
}

std::string parse_name_option(Language language, std::string_view option, std::string_view text)
{
  if (!util::is_printable_utf8(text)) {
    reject(language, option, TR(language, "text in UTF-8 without control characters such as line breaks"), text);
  }
  return std::string{text};
}

std::int64_t parse_gigabytes_option(Language language, std::string_view option, std::string_view text)
{
  const auto megabytes = util::parse_gigabytes(text);
  if (!megabytes) {
    reject(language, option, TR(language, "an amount of GB such as 5 or 0.5 (at most 10000)"), text);
  }
  return *megabytes;
}

std::string parse_country(Language language, std::string_view option, std::string_view text)
{
  auto code = util::parse_country_code(text);
  if (!code) {
    reject(language, option, TR(language, "a two-letter country code such as CN, IN or MX"), text);
  }
  return *code;
}

catalog::Network parse_network(Language language, std::string_view option, std::string_view text)
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
  reject(language, option, TR(language, "one of tmobile, att, verizon, boost"), text, suggestion.value_or(""));
}

catalog::TermLength parse_term_option(Language language, std::string_view option, std::string_view text)
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
  reject(language, option, TR(language, "a term such as 30d (30 days) or 1m (1 calendar month)"), text);
}

std::vector<int> parse_days_list(Language language, std::string_view option, std::string_view text)
{
  std::vector<int> days;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view item = text.substr(start, end - start);
    // At most three digits, checked before any arithmetic: a long item must not overflow `value` (fuzzing
    // found one that did).
    int value = 0;
    bool ok = !item.empty() && item.size() <= 3;
    for (std::size_t i = 0; ok && i < item.size(); ++i) {
      ok = item[i] >= '0' && item[i] <= '9';
      value = value * 10 + (item[i] - '0');
    }
    if (!ok || value > 365) {
      reject(language, option, TR(language, "days before the due date, from 0 to 365, separated by commas (7,1)"), text);
    }
    days.push_back(value);
    start = end + 1;
  }
  return days;
}

int parse_percent_option(Language language, std::string_view option, std::string_view text)
{
  // Percent with at most two decimals, as basis points, through the dollar parser's exact decimals.
  const auto hundredths = util::parse_dollars(text);
  if (!hundredths || text.starts_with('$') || *hundredths > 10000) {
    reject(language, option, TR(language, "a percentage from 0 to 100 such as 10 or 26.8"), text);
  }
  return static_cast<int>(*hundredths);
}

const catalog::Plan& find_plan_or_fail(Language language, const catalog::Catalog& catalog, std::string_view id,
                                       std::string_view option, std::span<const std::string> every_id)
{
  if (const catalog::Plan* plan = catalog.find_plan(id)) {
    return *plan;
  }
  std::vector<std::string> own_ids;
  if (every_id.empty()) {
    for (const auto& plan : catalog.plans) {
      own_ids.push_back(plan.id);
    }
    every_id = own_ids;
  }
  const auto suggestion = util::suggest_name(id, every_id);
  std::string message = TR(language, "no plan with id \"{}\"", id);
  if (suggestion) {
    message += TR(language, "; did you mean \"{}\"?", *suggestion);
  }
  throw Failure{ExitCode::no_match, with_option(language, option, message),
                suggestion ? std::string{} : TR(language, "'simplan plans' lists the plan ids")};
}

const catalog::Carrier& parse_carrier(Language language, std::string_view option, std::string_view text,
                                      const catalog::Catalog& catalog)
{
  if (const catalog::Carrier* carrier = catalog::find_carrier_by_id_or_name(catalog, text)) {
    return *carrier;
  }
  std::vector<std::string> names;
  for (const auto& carrier : catalog.carriers) {
    names.push_back(carrier.id);
  }
  const auto suggestion = util::closest_match(text, std::span<const std::string>{names});
  std::string message = TR(language, "no carrier \"{}\" in the catalog", text);
  if (suggestion) {
    message += TR(language, "; did you mean \"{}\"?", *suggestion);
  }
  throw Failure{ExitCode::usage, with_option(language, option, message),
                suggestion ? std::string{} : TR(language, "'simplan catalog info' lists the carriers")};
}

} // namespace simplan::cli
