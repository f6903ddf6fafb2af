#include "simplan/i18n/language.hpp"

#include <fmt/format.h>

namespace simplan::i18n {
namespace {

// i18n is below util in the dependency rule, so it keeps its own two-line helpers.
std::string lower_ascii(std::string_view text)
{
  std::string lower{text};
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

} // namespace

std::optional<Language> parse_language(std::string_view text)
{
  std::string tag = lower_ascii(text);
  for (char& c : tag) {
    if (c == '_') {
      c = '-';
    }
  }
  if (tag == "en" || tag.starts_with("en-")) {
    return Language::en;
  }
  if (tag == "zh" || tag == "zh-hans" || tag == "zh-cn" || tag == "zh-sg" || tag.starts_with("zh-hans-")) {
    return Language::zh_hans;
  }
  return std::nullopt;
}

Language language_of_locale(std::string_view locale)
{
  // "zh_CN.UTF-8@euro" -> "zh_CN"
  const std::size_t end = locale.find_first_of(".@");
  const std::string name = lower_ascii(locale.substr(0, end));
  if (name == "zh_cn" || name == "zh_sg" || name == "zh_hans" || name.starts_with("zh_hans_") || name == "zh-hans") {
    return Language::zh_hans;
  }
  return Language::en;
}

std::string_view language_tag(Language language)
{
  return language == Language::zh_hans ? "zh-Hans" : "en";
}

std::string human_date(Language language, date::year_month_day day)
{
  if (language == Language::zh_hans) {
    return fmt::format("{}年{}月{}日", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
  }
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

} // namespace simplan::i18n
