#pragma once
// The data compiled into the binary by cmake/EmbedData.cmake and tools/: the default catalog (data/plans.json,
// as text and compiled), the built-in profiles (data/profiles.json) and the tax table (data/taxes.json, as text
// and compiled). Library simplan_data.

#include "simplan/tax/tax_table.hpp"

#include <string_view>

namespace simplan::data {

/// The bytes of data/plans.json as it was at build time.
std::string_view builtin_catalog_json();

/// The same catalog, validated at build time, in the compiled form (simplan/catalog/compiled_catalog.hpp):
/// what simplan reads at start-up.
std::string_view builtin_catalog_compiled();

/// Its "as_of" date, YYYY-MM-DD, for `simplan --version` without parsing the catalog.
std::string_view builtin_catalog_as_of();

/// The bytes of data/profiles.json as it was at build time.
std::string_view builtin_profiles_json();

/// The bytes of data/taxes.json as it was at build time.
std::string_view builtin_taxes_json();

/// The same tax table, validated at build time and compiled to C++ (tools/compile_taxes.cpp): what simplan
/// uses, without parsing JSON at start-up.
tax::TaxTable builtin_tax_table();

} // namespace simplan::data
