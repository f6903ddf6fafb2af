#pragma once
// Option values typed by a person, parsed or rejected with a message that names the option, what it
// expected and what it got (exit code: usage).

#include "simplan/catalog/catalog.hpp"
#include "simplan/util/money.hpp"

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::cli {

date::year_month_day parse_date_option(std::string_view option, std::string_view text);
util::Cents parse_dollars_option(std::string_view option, std::string_view text);
std::int64_t parse_gigabytes_option(std::string_view option, std::string_view text);
std::string parse_country(std::string_view option, std::string_view text);
/// "tmobile", "T-Mobile", "att", "AT&T", "verizon", "boost" (case and punctuation ignored).
catalog::Network parse_network(std::string_view option, std::string_view text);
/// A term length: "30d", "90 days", "1m", "12 months".
catalog::TermLength parse_term_option(std::string_view option, std::string_view text);

/// A comma list of days before a due date: "7,1".
std::vector<int> parse_days_list(std::string_view option, std::string_view text);

/// The plan with this id. An unknown id throws Failure (exit "nothing matched") naming the closest id:
/// the only id that starts with `id`, else the closest spelling. `context` prefixes the message
/// ("--why-not: ").
const catalog::Plan& find_plan_or_fail(const catalog::Catalog& catalog, std::string_view id, std::string_view context = {});

/// A carrier of the catalog, by id or name.
const catalog::Carrier& parse_carrier(std::string_view option, std::string_view text, const catalog::Catalog& catalog);

} // namespace simplan::cli
