#pragma once
// Taxes on US mobile service, by state and by how the service is sold (docs/taxes.md), read from
// data/taxes.json. Rates are integer parts per million of the price (26.8% is 268000, 4.225% is 42250):
// exact for every rate a source publishes. Money is integer cents. Pure: text in, values out.

#include "simplan/catalog/enums.hpp"
#include "simplan/util/diagnostic.hpp"
#include "simplan/util/money.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::tax {

/// A rate in parts per million of the amount taxed: 1% is 10000.
using RatePpm = std::int64_t;

inline constexpr RatePpm k_ppm_per_percent = 10'000;
inline constexpr RatePpm k_ppm_whole = 1'000'000;

/// Where the table's figures come from.
struct TaxSource {
  std::string id;  ///< referenced by rows: "tf-2024"
  std::string title;
  std::string url;
  std::string published;  ///< YYYY-MM-DD, or empty when the page gives no date
  std::string checked;    ///< YYYY-MM-DD: when simplan's maintainers read it
  bool secondary = false; ///< read from a copy or a third party quoting the source
  std::string via;
  friend bool operator==(const TaxSource&, const TaxSource&) = default;
};

/// What a state charges at the point of sale on prepaid service (sales tax plus a prepaid 911 fee).
struct PrepaidLevies {
  RatePpm rate = 0;                    ///< percentage levies on the price, together
  util::Cents cents_per_purchase = 0;  ///< flat fees per retail transaction
  bool sales_tax = false;  ///< `rate` includes the state sales tax; false: a source gives only the 911 fees
  std::vector<std::string> sources;  ///< TaxSource ids
  std::string note;                  ///< what the levies are, in English
  friend bool operator==(const PrepaidLevies&, const PrepaidLevies&) = default;
};

/// One state's row (or DC's, or Puerto Rico's).
struct StateTaxes {
  std::string code;  ///< two capital letters: "NY"
  std::string name;  ///< "New York"
  std::optional<RatePpm> state_local;  ///< state and local taxes and fees on taxable voice; absent: no source
  RatePpm federal_usf = 0;  ///< the Federal Universal Service Fund charge on the same
  std::string source;
  std::optional<PrepaidLevies> prepaid;  ///< absent: no source says
  friend bool operator==(const StateTaxes&, const StateTaxes&) = default;
};

struct TaxTable {
  std::vector<TaxSource> sources;
  RatePpm national_state_local = 0;  ///< the national average, for a person who gives no state
  RatePpm national_federal_usf = 0;
  std::string national_source;
  /// The same series' average rate on a bundle of voice and (untaxable) data, against its rate on voice
  /// alone: bundled / voice is the share of a bundled price that bears the voice rate.
  RatePpm bundled_voice = 0;
  RatePpm bundled = 0;
  std::string bundled_source;
  std::vector<StateTaxes> states;  ///< by code

  const StateTaxes* find_state(std::string_view code) const;
  const TaxSource* find_source(std::string_view id) const;
  friend bool operator==(const TaxTable&, const TaxTable&) = default;
};

struct TaxTableLoad {
  TaxTable table;
  util::Diagnostics problems;
};

/// Reads data/taxes.json (docs/taxes.md). `source` names it in messages.
TaxTableLoad load_tax_table(std::string_view json_text, std::string_view source);

/// How taxes reach a plan's price.
enum class Treatment {
  given,             ///< a rate the person gave (--tax-rate): the same for every plan
  postpaid_bill,     ///< billed monthly: state-local and federal USF on the taxable share of the bundle
  prepaid_sale,      ///< bought at a point of sale: the state's prepaid levies
  prepaid_estimate,  ///< prepaid where the state's point-of-sale levies are not known in full: the bill rate
};

/// What is added to a price that excludes taxes.
struct Levy {
  Treatment treatment = Treatment::given;
  RatePpm rate = 0;
  util::Cents cents_per_purchase = 0;
  friend bool operator==(const Levy&, const Levy&) = default;
};

/// Where the rates come from.
enum class RateBasis { given, state, national_average };

/// The rates for one person: resolved once from the table, then applied to each plan by its kind.
struct TaxRates {
  RateBasis basis = RateBasis::given;
  std::string state;  ///< the two-letter code when basis is state
  bool bill_from_national = false;  ///< basis state, but no state figure: the bill rate is the national one
  Levy bill;          ///< postpaid plans
  Levy sale;          ///< prepaid plans and travel passes
  friend bool operator==(const TaxRates&, const TaxRates&) = default;

  const Levy& for_kind(catalog::PlanKind kind) const { return kind == catalog::PlanKind::postpaid ? bill : sale; }
};

/// The same rate for every plan.
TaxRates given_rate(RatePpm rate);

/// The rates for a state in the table (`state` must be one of its codes), or the national average when
/// `state` is empty.
TaxRates rates_for(const TaxTable& table, std::string_view state);

/// `rate` applied to the taxable share of a bundled price (bundled / voice), rounded to the ppm.
RatePpm bundled_rate(const TaxTable& table, RatePpm voice_rate);

/// The tax on `amount` bought in `purchases` purchases: rate x amount + cents_per_purchase x purchases.
util::Cents levy_on(const Levy& levy, util::Cents amount, int purchases);

} // namespace simplan::tax
