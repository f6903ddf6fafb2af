#pragma once
// One mobile plan as the catalog describes it. Units: money in cents, data in megabytes (1 GB = 1000 MB,
// as carriers count), speeds in kbps, terms in days or calendar months. std::optional means "not known":
// simplan never guesses a missing fact. docs/catalog.md documents every field.

#include "simplan/catalog/enums.hpp"
#include "simplan/catalog/localized_text.hpp"
#include "simplan/util/money.hpp"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simplan::catalog {

using util::Cents;

/// An allowance that may be unlimited: data (in MB), minutes or messages.
struct Quantity {
  bool unlimited = false;
  std::int64_t amount = 0;  ///< meaningful only when !unlimited

  static Quantity make_unlimited() { return {true, 0}; }
  static Quantity of(std::int64_t value) { return {false, value}; }
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

struct TermLength {
  TermUnit unit = TermUnit::days;
  int count = 30;
  friend bool operator==(const TermLength&, const TermLength&) = default;
};

struct Intro {
  Cents price = 0;
  int terms = 1;
  std::optional<bool> new_customers_only;
  std::optional<date::year_month_day> until;
  std::string code;
  friend bool operator==(const Intro&, const Intro&) = default;
};

struct Term {
  TermLength length;
  Cents price = 0;  ///< one line, one term, before the AutoPay discount
  std::optional<Intro> intro;
  std::vector<std::optional<Cents>> line_totals;  ///< account total for 1, 2, ... lines; nullopt = unpublished
  friend bool operator==(const Term&, const Term&) = default;
};

struct Autopay {
  Cents discount = 0;  ///< per term
  Per per = Per::line;
  std::optional<int> max_lines;
  int from_term = 1;
  std::vector<PaymentMethod> payment_methods;
  std::optional<bool> paperless_billing;
  std::optional<LocalizedText> note;
  friend bool operator==(const Autopay&, const Autopay&) = default;
};

struct CarrierFee {
  std::string name;
  Cents cents_per_line = 0;  ///< per line per month
  std::optional<Cents> cents_per_line_max;
  friend bool operator==(const CarrierFee&, const CarrierFee&) = default;
};

struct TaxesAndFees {
  bool taxes_included = false;
  bool fees_included = false;
  std::optional<CarrierFee> carrier_fee;
  std::optional<LocalizedText> note;
  friend bool operator==(const TaxesAndFees&, const TaxesAndFees&) = default;
};

struct OneTimeFee {
  FeeKind kind = FeeKind::other;
  Cents cents = 0;
  Per per = Per::line;
  std::string name;
  std::optional<bool> waivable;
  std::optional<LocalizedText> note;
  friend bool operator==(const OneTimeFee&, const OneTimeFee&) = default;
};

/// Data billed by use on top of the price (Google Fi Flexible), up to a cap on what is charged.
struct UsageBilling {
  Cents cents_per_gb = 0;
  std::vector<std::int64_t> max_charged_mb;  ///< for an account of 1, 2, ... lines; empty: no cap known
  friend bool operator==(const UsageBilling&, const UsageBilling&) = default;
};

struct Data {
  Quantity high_speed;  ///< MB per 30 days or month (per pass for travel)
  std::optional<Priority> priority;
  std::optional<AfterCap> after_cap;
  std::optional<int> after_cap_kbps;
  std::optional<int> max_kbps;
  std::optional<UsageBilling> usage_billing;
  std::optional<LocalizedText> note;
  friend bool operator==(const Data&, const Data&) = default;
};

struct Hotspot {
  Quantity high_speed;  ///< MB per period
  std::optional<int> after_cap_kbps;
  std::optional<int> max_kbps;
  std::optional<bool> from_plan_data;
  std::optional<LocalizedText> note;
  friend bool operator==(const Hotspot&, const Hotspot&) = default;
};

/// Which countries a calling, texting or roaming feature reaches, and on what terms.
struct Reach {
  std::vector<std::string> countries;  ///< ISO 3166-1 alpha-2, when the list is known
  std::optional<int> country_count;
  std::optional<bool> included;
  std::optional<Cents> cents_per_minute;
  std::optional<Cents> cents_per_day;
  std::optional<int> minutes;
  std::optional<Quantity> data;  ///< MB
  std::optional<LocalizedText> note;
  friend bool operator==(const Reach&, const Reach&) = default;
};

struct International {
  std::vector<Reach> calling;
  std::vector<Reach> texting;
  std::vector<Reach> roaming;
  std::optional<LocalizedText> note;
  friend bool operator==(const International&, const International&) = default;
};

struct Requirements {
  bool credit_check = false;
  std::optional<bool> ssn;
  std::optional<bool> us_address;
  std::optional<bool> us_payment_card;
  std::optional<bool> in_store_activation;
  std::optional<bool> activate_in_us;
  std::optional<bool> byod_only;
  std::optional<LocalizedText> note;
  friend bool operator==(const Requirements&, const Requirements&) = default;
};

struct Sim {
  std::optional<bool> esim;
  std::optional<bool> physical;
  friend bool operator==(const Sim&, const Sim&) = default;
};

struct Source {
  std::string url;
  date::year_month_day checked;
  bool secondary = false;
  std::string via;
  friend bool operator==(const Source&, const Source&) = default;
};

struct Plan {
  std::string id;
  std::string carrier;  ///< a Carrier::id
  std::string name;
  PlanKind kind = PlanKind::prepaid;
  std::vector<Network> networks;  ///< empty: not known
  bool phone_number = true;
  std::vector<Term> terms;  ///< at least one
  std::optional<int> max_lines;
  std::optional<bool> multi_line_discount;
  std::optional<Autopay> autopay;
  TaxesAndFees taxes_and_fees;
  std::vector<OneTimeFee> one_time_fees;
  Data data;
  std::optional<Hotspot> hotspot;
  std::optional<Quantity> talk;
  std::optional<Quantity> text;
  std::optional<International> international;
  Requirements requirements;
  Sim sim;
  std::vector<LocalizedText> notes;
  std::vector<Source> sources;
  std::optional<Confidence> confidence;
  std::optional<LocalizedText> conflicts;
  friend bool operator==(const Plan&, const Plan&) = default;
};

} // namespace simplan::catalog
