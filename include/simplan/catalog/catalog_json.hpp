#pragma once
// Catalog values back to the JSON format of docs/catalog.md: `--format json` output, and round-trip tests.
// Only fields that are known are written, in the order docs/catalog.md lists them.

#include "simplan/catalog/catalog.hpp"

#include <nlohmann/json.hpp>

namespace simplan::catalog {

nlohmann::ordered_json plan_to_json(const Plan& plan);
nlohmann::ordered_json carrier_to_json(const Carrier& carrier);
nlohmann::ordered_json renewal_policy_to_json(const RenewalPolicy& policy);
nlohmann::ordered_json catalog_to_json(const Catalog& catalog);
nlohmann::ordered_json localized_to_json(const LocalizedText& text);
nlohmann::ordered_json term_length_to_json(TermLength length);
nlohmann::ordered_json quantity_to_json(const Quantity& megabytes);

/// Pretty JSON text (two-space indent, UTF-8) ending in a newline.
std::string dump_json(const nlohmann::ordered_json& value);

} // namespace simplan::catalog
