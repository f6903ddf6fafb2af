#pragma once
// Parsing values a person types on the command line. Pure: text in, value or nothing out.
// Dates are in date.hpp and dollars in money.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace simplan::util {

/// A data amount in GB ("5", "0.5", "2.25", "10GB") as megabytes (1 GB = 1000 MB, as carriers count).
/// At most three decimals and at most 10,000 GB.
std::optional<std::int64_t> parse_gigabytes(std::string_view text);

/// An ISO 3166-1 alpha-2 country code in either case ("cn", "MX") as capitals.
std::optional<std::string> parse_country_code(std::string_view text);

} // namespace simplan::util
