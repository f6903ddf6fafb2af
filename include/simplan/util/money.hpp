#pragma once
// Money is integer cents everywhere in simplan: no floating point ever touches a price.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace simplan::util {

/// An amount of US money in cents ($25.00 is 2500).
using Cents = std::int64_t;

/// "$25.00", "$0.99", "-$5.00", "$1,234.50": what a person reads.
std::string format_dollars(Cents amount);

/// Parses a dollar amount typed by a person: "25", "25.5", "25.50", "$25", "1,234.50".
/// At most two decimals and at most $1,000,000,000. Returns nothing for anything else.
std::optional<Cents> parse_dollars(std::string_view text);

/// Rounds numerator / denominator to the nearest cent, halves away from zero. denominator > 0.
Cents divide_rounded(Cents numerator, std::int64_t denominator);

} // namespace simplan::util
