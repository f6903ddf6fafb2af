#include "simplan/util/parse.hpp"

namespace simplan::util {

std::optional<std::int64_t> parse_gigabytes(std::string_view text)
{
  if (text.size() > 2 && (text.ends_with("GB") || text.ends_with("gb"))) {
    text.remove_suffix(2);
  }
  std::int64_t whole = 0;
  std::size_t at = 0;
  for (; at < text.size() && text[at] != '.'; ++at) {
    if (text[at] < '0' || text[at] > '9') {
      return std::nullopt;
    }
    whole = whole * 10 + (text[at] - '0');
    if (whole > 10'000) {
      return std::nullopt;
    }
  }
  if (at == 0 && at == text.size()) {
    return std::nullopt;
  }
  std::int64_t thousandths = 0;
  if (at < text.size()) {
    const std::string_view decimals = text.substr(at + 1);
    if (decimals.empty() || decimals.size() > 3) {
      return std::nullopt;
    }
    std::int64_t scale = 100;
    for (const char c : decimals) {
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      thousandths += (c - '0') * scale;
      scale /= 10;
    }
  } else if (at == 0) {
    return std::nullopt;
  }
  const std::int64_t megabytes = whole * 1000 + thousandths;
  return megabytes <= 10'000'000 ? std::optional<std::int64_t>{megabytes} : std::nullopt;
}

std::optional<std::string> parse_country_code(std::string_view text)
{
  if (text.size() != 2) {
    return std::nullopt;
  }
  std::string code;
  for (const char c : text) {
    if (c >= 'a' && c <= 'z') {
      code += static_cast<char>(c - 'a' + 'A');
    } else if (c >= 'A' && c <= 'Z') {
      code += c;
    } else {
      return std::nullopt;
    }
  }
  return code;
}

} // namespace simplan::util
