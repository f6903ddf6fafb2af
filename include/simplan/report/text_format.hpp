#pragma once
// How catalog values read in human output (tables and `plans show`). Machine formats do not use these.

#include "simplan/catalog/plan.hpp"

#include <optional>
#include <string>
#include <vector>

namespace simplan::report {

/// "unlimited", "50 GB", "0.25 GB", "none" (0).
std::string format_gigabytes(const catalog::Quantity& megabytes);

/// "month", "3 months", "30 days", "1 day".
std::string format_term_length(catalog::TermLength length);

/// "128 kbps", "1.5 Mbps", "10 Mbps".
std::string format_speed(int kbps);

/// "T-Mobile, AT&T", or "unknown" when none are known.
std::string format_networks(const std::vector<catalog::Network>& networks);

/// Talk or text: "unlimited", "300", or "unknown".
std::string format_allowance(const std::optional<catalog::Quantity>& allowance);

/// "yes", "no" or "unknown".
std::string format_known_bool(const std::optional<bool>& value);

/// The value of a GB quantity for machine output: "unlimited" or a decimal number of GB ("0.25").
std::string gigabytes_value(const catalog::Quantity& megabytes);

} // namespace simplan::report
