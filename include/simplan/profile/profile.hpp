#pragma once
// Who the person is and what they need: the input of a recommendation. Units: money in cents, data in
// MB (1 GB = 1000 MB) per line per month, a given tax rate in basis points (26.8% is 2680).

#include "simplan/catalog/enums.hpp"
#include "simplan/catalog/localized_text.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/tax/tax_table.hpp"
#include "simplan/util/diagnostic.hpp"
#include "simplan/util/money.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::profile {

/// The largest profile file simplan reads (1 MiB): a profile is a few hundred bytes.
inline constexpr std::size_t k_max_profile_bytes = std::size_t{1024} * 1024;

enum class StayUnit { days, months };

/// How long the person needs service, from the effective date.
struct Stay {
  StayUnit unit = StayUnit::days;
  int count = 14;
  friend bool operator==(const Stay&, const Stay&) = default;
};

struct Needs {
  Stay stay;
  int lines = 1;
  std::int64_t data_mb = 0;     ///< high-speed data per line per month
  std::int64_t hotspot_mb = 0;  ///< hotspot data per line per month
  std::optional<util::Cents> budget;  ///< most the whole account may cost per month, all in
  bool esim = false;                  ///< hard: the plan must offer eSIM
  bool no_credit_check = false;       ///< hard: the plan must not need a credit check
  bool need_number = true;            ///< hard: the plan must give a US phone number
  bool has_ssn = true;                ///< false: plans that need a US SSN are excluded
  bool has_us_payment_card = true;    ///< false: plans that need a US card are excluded
  std::vector<std::string> call_countries;  ///< soft: calls from the US to these countries (ISO codes)
  int call_minutes = 60;                    ///< minutes per month to each of those countries
  std::vector<catalog::Network> networks;   ///< soft: preferred networks
  bool autopay = true;                      ///< the person can use AutoPay
  bool premium_data = false;                ///< soft: deprioritized data is a drawback
  bool include_unknown = false;             ///< keep plans whose eSIM is unknown, noted, instead of ruling them out
  std::optional<int> tax_rate_bp;           ///< a rate given for every plan (tax_rate_percent, --tax-rate)
  std::string state;                        ///< two-letter code whose taxes apply ("NY"); empty: not given
  tax::TaxRates taxes;                      ///< what is applied, resolved by the caller (tax::rates_for)
  std::size_t top = 5;                      ///< how many recommendations to show
  friend bool operator==(const Needs&, const Needs&) = default;
};

struct Profile {
  std::string id;
  std::vector<std::string> aliases;
  catalog::LocalizedText description;
  Needs needs;
};

/// The built-in profiles and the defaults every profile starts from ("defaults" in data/profiles.json,
/// applied over the values in Needs).
struct ProfileBook {
  Needs defaults;
  std::vector<Profile> profiles;

  /// The profile named `name` (its id or an alias), or nullptr.
  const Profile* find(std::string_view name) const;
};

struct ProfileBookLoad {
  ProfileBook book;
  util::Diagnostics problems;
};

/// Reads data/profiles.json (docs/profiles.md). `source` names it in messages.
ProfileBookLoad load_profile_book(std::string_view json_text, std::string_view source);

struct ProfileLoad {
  Profile profile;
  util::Diagnostics problems;
};

/// Reads a person's own profile: one profile object. It starts from `book.defaults`, or from the built-in
/// profile named by "extends", and its fields override that.
/// Problems are worded in `language`.
ProfileLoad load_profile_file(std::string_view json_text, std::string_view source, const ProfileBook& book,
                              i18n::Language language = i18n::Language::en);

} // namespace simplan::profile
