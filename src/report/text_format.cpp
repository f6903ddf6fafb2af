#include "simplan/report/text_format.hpp"

#include "simplan/catalog/enums.hpp"
#include "simplan/i18n/messages.hpp"

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

std::string format_gigabytes(Language language, const catalog::Quantity& megabytes)
{
  if (megabytes.unlimited) {
    return TR(language, "unlimited");
  }
  if (megabytes.amount == 0) {
    return TR(language, "none");
  }
  return gigabytes_value(megabytes) + " GB";
}

std::string format_term_length(Language language, catalog::TermLength length)
{
  if (length.unit == catalog::TermUnit::months) {
    return length.count == 1 ? TR(language, "month") : TR(language, "{} months", length.count);
  }
  return length.count == 1 ? TR(language, "1 day") : TR(language, "{} days", length.count);
}

std::string format_term_count(Language language, catalog::TermLength length)
{
  if (length.unit == catalog::TermUnit::months) {
    return months_text(language, length.count);
  }
  return length.count == 1 ? TR(language, "1 day") : TR(language, "{} days", length.count);
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

std::string format_networks(Language language, const std::vector<catalog::Network>& networks)
{
  if (networks.empty()) {
    return unknown_text(language);
  }
  std::vector<std::string> names;
  names.reserve(networks.size());
  for (const auto network : networks) {
    names.emplace_back(catalog::network_display_name(network));
  }
  return join(names, list_separator(language));
}

std::string format_allowance(Language language, const std::optional<catalog::Quantity>& allowance)
{
  if (!allowance) {
    return unknown_text(language);
  }
  return allowance->unlimited ? TR(language, "unlimited") : fmt::format("{}", allowance->amount);
}

std::string kind_text(Language language, catalog::PlanKind kind)
{
  switch (kind) {
  case catalog::PlanKind::prepaid: return TR(language, "prepaid");
  case catalog::PlanKind::postpaid: return TR(language, "postpaid");
  case catalog::PlanKind::travel: return TR(language, "travel");
  }
  return {};
}

std::string priority_text(Language language, catalog::Priority priority)
{
  switch (priority) {
  case catalog::Priority::premium: return TR(language, "premium");
  case catalog::Priority::standard: return TR(language, "standard");
  case catalog::Priority::deprioritized: return TR(language, "deprioritized");
  }
  return {};
}

std::string lines_count_text(Language language, int lines)
{
  return lines == 1 ? TR(language, "1 line") : TR(language, "{} lines", lines);
}

std::string months_text(Language language, int months)
{
  return months == 1 ? TR(language, "1 month") : TR(language, "{} months", months);
}

std::string unknown_text(Language language)
{
  return TR(language, "unknown");
}

const std::string& localized(Language language, const catalog::LocalizedText& text)
{
  return text.in(i18n::language_tag(language));
}

std::string confidence_text(Language language, const std::optional<catalog::Confidence>& confidence)
{
  if (!confidence) {
    return TR(language, "not rated");
  }
  switch (*confidence) {
  case catalog::Confidence::high: return TR(language, "high");
  case catalog::Confidence::medium: return TR(language, "medium");
  case catalog::Confidence::low: return TR(language, "low");
  }
  return {};
}

std::string_view label_colon(Language language)
{
  return language == Language::zh_hans ? "：" : ":";
}

std::string_view list_separator(Language language)
{
  return language == Language::zh_hans ? "、" : ", ";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += parts[i];
  }
  return out;
}

} // namespace simplan::report
