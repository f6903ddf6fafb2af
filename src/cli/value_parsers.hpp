#pragma once
// Option values typed by a person, parsed or rejected with a message (in the reader's language) that names
// the option, what it expected and what it got (exit code: usage).

#include "simplan/catalog/catalog.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/util/money.hpp"

#include <date/date.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::cli {

using i18n::Language;

date::year_month_day parse_date_option(Language language, std::string_view option, std::string_view text);
util::Cents parse_dollars_option(Language language, std::string_view option, std::string_view text);
std::int64_t parse_gigabytes_option(Language language, std::string_view option, std::string_view text);
std::string parse_country(Language language, std::string_view option, std::string_view text);
/// "tmobile", "T-Mobile", "att", "AT&T", "verizon", "boost" (case and punctuation ignored).
catalog::Network parse_network(Language language, std::string_view option, std::string_view text);

/// A name a person gives something (--label, --name, --carrier): valid UTF-8 without control characters,
/// so that it can be saved, read back and shown as typed.
std::string parse_name_option(Language language, std::string_view option, std::string_view text);

/// A term length: "30d", "90 days", "1m", "12 months".
catalog::TermLength parse_term_option(Language language, std::string_view option, std::string_view text);

/// A comma list of days before a due date: "7,1".
std::vector<int> parse_days_list(Language language, std::string_view option, std::string_view text);

/// A percentage with at most two decimals, as basis points: "26.8" is 2680.
int parse_percent_option(Language language, std::string_view option, std::string_view text);

/// The plan with this id. An unknown id throws Failure (exit "nothing matched") naming the closest id:
/// the only id that starts with `id`, else the closest spelling. `option` prefixes the message. The ids
/// suggested from are `every_id` when the catalog holds only some of its plans (LoadedCatalog::plan_ids),
/// else the catalog's own.
const catalog::Plan& find_plan_or_fail(Language language, const catalog::Catalog& catalog, std::string_view id,
                                       std::string_view option = {}, std::span<const std::string> every_id = {});

/// A carrier of the catalog, by id or name.
const catalog::Carrier& parse_carrier(Language language, std::string_view option, std::string_view text,
                                      const catalog::Catalog& catalog);

} // namespace simplan::cli
