#include "simplan/report/text_format.hpp"

#include "simplan/catalog/enums.hpp"

#include <fmt/format.h>

namespace simplan::report {

std::string gigabytes_value(const catalog::Quantity& megabytes)
{
  if (megabytes.unlimited) {
    return "unlimited";
  }
  std::string text = fmt::format("{}.{:03}", megabytes.amount / 1000, megabytes.amount % 1000);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

std::string format_gigabytes(const catalog::Quantity& megabytes)
{
  if (megabytes.unlimited) {
    return "unlimited";
  }
  if (megabytes.amount == 0) {
    return "none";
  }
  return gigabytes_value(megabytes) + " GB";
}

std::string format_term_length(catalog::TermLength length)
{
  if (length.unit == catalog::TermUnit::months) {
    return length.count == 1 ? "month" : fmt::format("{} months", length.count);
  }
  return length.count == 1 ? "1 day" : fmt::format("{} days", length.count);
}

std::string format_speed(int kbps)
{
  if (kbps < 1000) {
    return fmt::format("{} kbps", kbps);
  }
  if (kbps % 1000 == 0) {
    return fmt::format("{} Mbps", kbps / 1000);
  }
  std::string text = fmt::format("{}.{:03}", kbps / 1000, kbps % 1000);
  while (text.back() == '0') {
    text.pop_back();
  }
  return text + " Mbps";
}

std::string format_networks(const std::vector<catalog::Network>& networks)
{
  if (networks.empty()) {
    return "unknown";
  }
  std::string text;
  for (const auto network : networks) {
    text += (text.empty() ? "" : ", ") + std::string{catalog::network_display_name(network)};
  }
  return text;
}

std::string format_allowance(const std::optional<catalog::Quantity>& allowance)
{
  if (!allowance) {
    return "unknown";
  }
  return allowance->unlimited ? "unlimited" : fmt::format("{}", allowance->amount);
}

std::string format_known_bool(const std::optional<bool>& value)
{
  if (!value) {
    return "unknown";
  }
  return *value ? "yes" : "no";
}

} // namespace simplan::report
