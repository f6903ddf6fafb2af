#pragma once
// The closed vocabularies of the catalog, each with the exact strings the JSON format uses.

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace simplan::catalog {

enum class PlanKind { prepaid, postpaid, travel };
enum class Network { tmobile, att, verizon, boost };
enum class Priority { premium, standard, deprioritized };
enum class AfterCap { slowed, deprioritized, stopped };
enum class Confidence { high, medium, low };
enum class AutoRenew { always, optional, none };
enum class ChannelKind { online, app, phone, sms, store, retail, refill_card, mail };
enum class FeeKind { activation, sim, esim, device_connection, other };
enum class PaymentMethod { bank_account, debit_card, credit_card, carrier_card, any };
enum class Per { line, account };
enum class TermUnit { days, months };

/// The JSON spelling of each value, in declaration order. Specialized below for every enum.
template <typename Enum>
struct EnumNames;

#define SIMPLAN_ENUM_NAMES(Enum, ...)                                                 \
  template <>                                                                         \
  struct EnumNames<Enum> {                                                            \
    static constexpr std::string_view type_name = #Enum;                              \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__});     \
  }

SIMPLAN_ENUM_NAMES(PlanKind, "prepaid", "postpaid", "travel");
SIMPLAN_ENUM_NAMES(Network, "tmobile", "att", "verizon", "boost");
SIMPLAN_ENUM_NAMES(Priority, "premium", "standard", "deprioritized");
SIMPLAN_ENUM_NAMES(AfterCap, "slowed", "deprioritized", "stopped");
SIMPLAN_ENUM_NAMES(Confidence, "high", "medium", "low");
SIMPLAN_ENUM_NAMES(AutoRenew, "always", "optional", "none");
SIMPLAN_ENUM_NAMES(ChannelKind, "online", "app", "phone", "sms", "store", "retail", "refill_card", "mail");
SIMPLAN_ENUM_NAMES(FeeKind, "activation", "sim", "esim", "device_connection", "other");
SIMPLAN_ENUM_NAMES(PaymentMethod, "bank_account", "debit_card", "credit_card", "carrier_card", "any");
SIMPLAN_ENUM_NAMES(Per, "line", "account");
SIMPLAN_ENUM_NAMES(TermUnit, "days", "months");

#undef SIMPLAN_ENUM_NAMES

template <typename Enum>
constexpr std::string_view to_string(Enum value)
{
  return EnumNames<Enum>::names[static_cast<std::size_t>(value)];
}

template <typename Enum>
constexpr std::optional<Enum> parse_enum(std::string_view text)
{
  const auto& names = EnumNames<Enum>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

template <typename Enum>
constexpr const auto& enum_names()
{
  return EnumNames<Enum>::names;
}

/// How a person would read the network: "T-Mobile", "AT&T", "Verizon", "Boost".
std::string_view network_display_name(Network network);

} // namespace simplan::catalog
