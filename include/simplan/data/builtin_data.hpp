#pragma once
// The data compiled into the binary by cmake/EmbedData.cmake: the default catalog (data/plans.json) and
// the built-in profiles (data/profiles.json).

#include <string_view>

namespace simplan::data {

/// The bytes of data/plans.json as it was at build time.
std::string_view builtin_catalog_json();

/// Its "as_of" date, YYYY-MM-DD, for `simplan --version` without parsing the catalog.
std::string_view builtin_catalog_as_of();

/// The bytes of data/profiles.json as it was at build time.
std::string_view builtin_profiles_json();

} // namespace simplan::data
