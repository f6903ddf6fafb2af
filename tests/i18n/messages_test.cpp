// The message table: every entry in both languages, with the same arguments, and no entry twice.

#include "simplan/i18n/messages.hpp"

#include <catch2/catch.hpp>
#include <fmt/args.h>
#include <fmt/format.h>

#include <cctype>
#include <set>
#include <string>
#include <string_view>

using namespace simplan;
using i18n::k_message_table;

namespace {

/// The arguments a format string uses, by index ("{}" counts up from 0, "{1}" names 1); "mixed" when it
/// uses both kinds, which fmt refuses.
struct Arguments {
  std::set<int> indexes;
  bool mixed = false;
};

Arguments arguments_of(std::string_view text)
{
  Arguments found;
  int next_automatic = 0;
  bool automatic = false;
  bool numbered = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "{{" || text.substr(i, 2) == "}}") {
      ++i;
      continue;
    }
    if (text[i] != '{') {
      continue;
    }
    const std::size_t close = text.find('}', i);
    REQUIRE(close != std::string_view::npos);
    const std::string_view inside = text.substr(i + 1, close - i - 1);
    if (!inside.empty() && std::isdigit(static_cast<unsigned char>(inside.front())) != 0) {
      numbered = true;
      found.indexes.insert(std::stoi(std::string{inside}));
    } else {
      automatic = true;
      found.indexes.insert(next_automatic++);
    }
    i = close;
  }
  found.mixed = automatic && numbered;
  return found;
}

bool has_english_word(std::string_view text)
{
  // Two lowercase ASCII letters in a row outside a placeholder: a word a translator left in English.
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (std::islower(static_cast<unsigned char>(text[i])) != 0 && std::islower(static_cast<unsigned char>(text[i + 1])) != 0) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("every message has an English and a Chinese text with the same arguments")
{
  for (const i18n::Message& message : k_message_table) {
    CAPTURE(message.en, message.zh);
    CHECK_FALSE(message.en.empty());
    CHECK_FALSE(message.zh.empty());
    const Arguments english = arguments_of(message.en);
    const Arguments chinese = arguments_of(message.zh);
    CHECK_FALSE(english.mixed);
    CHECK_FALSE(chinese.mixed);
    CHECK(english.indexes == chinese.indexes);

    // And fmt accepts both with that many arguments.
    fmt::dynamic_format_arg_store<fmt::format_context> values;
    for (std::size_t i = 0; i < english.indexes.size(); ++i) {
      values.push_back("x");
    }
    CHECK_NOTHROW(fmt::vformat(message.en, values));
    CHECK_NOTHROW(fmt::vformat(message.zh, values));
  }
}

TEST_CASE("no English text is listed twice in the message table")
{
  std::set<std::string_view> seen;
  for (const i18n::Message& message : k_message_table) {
    CAPTURE(message.en);
    CHECK(seen.insert(message.en).second);
  }
}

TEST_CASE("a Chinese text is a translation, not a copy of the English")
{
  // Texts made only of placeholders, symbols and proper names ("{}: {}", "eSIM", "ID") may stay the same.
  for (const i18n::Message& message : k_message_table) {
    CAPTURE(message.en, message.zh);
    if (message.zh == message.en) {
      CHECK_FALSE(has_english_word(message.en));
    }
  }
}

TEST_CASE("TR fills a message in the reader's language")
{
  CHECK(TR(i18n::Language::en, "{} days", 30) == "30 days");
  CHECK(TR(i18n::Language::zh_hans, "{} days", 30) == "30 天");
  // A translation that reorders its arguments.
  CHECK(TR(i18n::Language::zh_hans, "taxes at {} of {}", "26.8%", "$260.00") == "税费：$260.00 的 26.8%");
}

TEST_CASE("language names and locales map to English or Simplified Chinese")
{
  using i18n::Language;
  CHECK(i18n::parse_language("en") == Language::en);
  CHECK(i18n::parse_language("en-US") == Language::en);
  CHECK(i18n::parse_language("zh-Hans") == Language::zh_hans);
  CHECK(i18n::parse_language("zh_CN") == Language::zh_hans);
  CHECK(i18n::parse_language("ZH") == Language::zh_hans);
  CHECK(i18n::parse_language("zh-TW") == std::nullopt);
  CHECK(i18n::parse_language("fr") == std::nullopt);
  CHECK(i18n::language_of_locale("zh_CN.UTF-8") == Language::zh_hans);
  CHECK(i18n::language_of_locale("zh_SG@euro") == Language::zh_hans);
  CHECK(i18n::language_of_locale("zh_TW.UTF-8") == Language::en);
  CHECK(i18n::language_of_locale("C.UTF-8") == Language::en);
  CHECK(i18n::language_tag(Language::zh_hans) == "zh-Hans");
}

TEST_CASE("dates in running text read as each language writes them")
{
  const date::year_month_day day{date::year{2027}, date::month{3}, date::day{1}};
  CHECK(i18n::human_date(i18n::Language::en, day) == "2027-03-01");
  CHECK(i18n::human_date(i18n::Language::zh_hans, day) == "2027年3月1日");
}
