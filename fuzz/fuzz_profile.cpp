// Proves that any bytes given as a person's profile (--profile-file FILE), read against the built-in
// profiles in English and in Chinese, are either read or refused with located problems: never a crash, a
// leak, undefined behaviour or a hang. A profile that reads has needs within the documented ranges.

#include "simplan/data/builtin_data.hpp"
#include "simplan/profile/profile.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace simplan;

namespace {

const profile::ProfileBook& builtin_profiles()
{
  static const profile::ProfileBook book = [] {
    auto loaded = profile::load_profile_book(data::builtin_profiles_json(), "data/profiles.json");
    if (!loaded.problems.empty()) {
      __builtin_trap();  // the shipped profiles must load
    }
    return std::move(loaded.book);
  }();
  return book;
}

// The ranges docs/profiles.md gives; the recommender relies on them (a stay of 0 days, or 0 lines, is
// not a question it can answer).
bool in_range(const profile::Needs& needs)
{
  const bool stay_ok = needs.stay.unit == profile::StayUnit::days ? needs.stay.count >= 1 && needs.stay.count <= 3660
                                                                  : needs.stay.count >= 1 && needs.stay.count <= 120;
  return stay_ok && needs.lines >= 1 && needs.lines <= 20 && needs.data_mb >= 0 && needs.data_mb <= 10'000'000 &&
         needs.hotspot_mb >= 0 && needs.hotspot_mb <= 10'000'000 && needs.tax_rate_bp.value_or(0) >= 0 &&
         needs.tax_rate_bp.value_or(0) <= 10'000 && needs.top >= 1 && needs.top <= 1000 && needs.call_minutes >= 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  for (const auto language : {i18n::Language::en, i18n::Language::zh_hans}) {
    const auto loaded = profile::load_profile_file(text, "profile.json", builtin_profiles(), language);
    for (const auto& problem : loaded.problems) {
      util::format_diagnostic(problem);
    }
    if (loaded.problems.empty() && !in_range(loaded.profile.needs)) {
      __builtin_trap();
    }
  }
  return 0;
}
