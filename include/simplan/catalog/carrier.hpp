#pragma once
// A carrier or brand, and how its lines are paid and renewed.

#include "simplan/catalog/enums.hpp"
#include "simplan/catalog/localized_text.hpp"
#include "simplan/catalog/plan.hpp"

#include <optional>
#include <string>
#include <vector>

namespace simplan::catalog {

struct Channel {
  ChannelKind kind = ChannelKind::online;
  /// A proper name ("myAT&T app") is the same in every language; a description ("Walmart and other
  /// retailers") may be translated.
  std::optional<LocalizedText> name;
  std::string url;
  std::string number;
  std::optional<Cents> fee_cents;
  std::optional<LocalizedText> note;
  friend bool operator==(const Channel&, const Channel&) = default;
};

/// What happens when a term is not paid. Day counts are from the due date.
struct Unpaid {
  std::optional<int> grace_days;
  std::optional<int> number_lost_after_days;
  std::optional<Cents> reactivation_fee_cents;
  std::optional<Confidence> confidence;
  std::optional<LocalizedText> note;
  friend bool operator==(const Unpaid&, const Unpaid&) = default;
};

struct RenewalPolicy {
  std::optional<AutoRenew> auto_renew;
  std::vector<Channel> channels;
  std::optional<LocalizedText> steps;
  std::optional<Unpaid> unpaid;
  std::vector<LocalizedText> warnings;
  std::vector<Source> sources;
  friend bool operator==(const RenewalPolicy&, const RenewalPolicy&) = default;
};

struct Carrier {
  std::string id;
  std::string name;
  std::string website;
  std::optional<RenewalPolicy> prepaid_renewal;
  std::optional<RenewalPolicy> postpaid_renewal;
  std::vector<LocalizedText> notes;
  friend bool operator==(const Carrier&, const Carrier&) = default;
};

} // namespace simplan::catalog
