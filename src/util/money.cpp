#include "simplan/util/money.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace simplan::util {

std::string format_dollars(Cents amount)
{
  // Group thousands by hand: fmt's locale-aware grouping would read the process locale.
  const bool negative = amount < 0;
  const auto magnitude = negative ? -static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
  const std::string digits = fmt::format("{}", magnitude / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += digits[i];
  }
  return fmt::format("{}${}.{:02}", negative ? "-" : "", grouped, magnitude % 100);
}

std::optional<Cents> parse_dollars(std::string_view text)
{
  if (!text.empty() && text.front() == '$') {
    text.remove_prefix(1);
  }
  if (text.empty()) {
    return std::nullopt;
  }
  Cents whole = 0;
  std::size_t at = 0;
  std::size_t digits_since_comma = 0;
  bool saw_comma = false;
  bool saw_digit = false;
  for (; at < text.size() && text[at] != '.'; ++at) {
    const char c = text[at];
    if (c == ',') {
      // Thousands separators must group exactly three digits.
      if (!saw_digit || (saw_comma && digits_since_comma != 3) || (!saw_comma && digits_since_comma > 3)) {
        return std::nullopt;
      }
      saw_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    whole = whole * 10 + (c - '0');
    saw_digit = true;
    ++digits_since_comma;
    if (whole > 1'000'000'000) {
      return std::nullopt;
    }
  }
  if (saw_comma && digits_since_comma != 3) {
    return std::nullopt;
  }
  Cents fraction = 0;
  if (at < text.size()) {
    const std::string_view decimals = text.substr(at + 1);
    if (decimals.empty() || decimals.size() > 2) {
      return std::nullopt;
    }
    for (const char c : decimals) {
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      fraction = fraction * 10 + (c - '0');
    }
    if (decimals.size() == 1) {
      fraction *= 10;
    }
  } else if (!saw_digit) {
    return std::nullopt;
  }
  return whole * 100 + fraction;
}

Cents divide_rounded(Cents numerator, std::int64_t denominator)
{
  const Cents quotient = numerator / denominator;
  const Cents remainder = numerator % denominator;
  if (2 * std::llabs(remainder) >= denominator) {
    return quotient + (numerator < 0 ? -1 : 1);
  }
  return quotient;
}

} // namespace simplan::util
