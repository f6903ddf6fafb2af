#pragma once
// Every sentence simplan shows a person, in each language, in one place (message_table.hpp).
//
// Code names a message by its English text: TR(language, "renew {}", plan). The English text is looked up
// at compile time (key() is consteval), so a message missing from the table does not compile; a test
// checks that every entry has both languages and the same placeholders. Placeholders are fmt's: "{}" in
// order, or "{0}", "{1}" where a translation needs another order.

#include "simplan/i18n/language.hpp"
#include "simplan/i18n/message_table.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace simplan::i18n {

/// A message's place in the table.
struct Key {
  std::size_t index;
};

/// The key of the message whose English text is `english`. Not in the table: a compile error.
consteval Key key(std::string_view english)
{
  for (std::size_t i = 0; i < std::size(k_message_table); ++i) {
    if (k_message_table[i].en == english) {
      return Key{i};
    }
  }
  throw "message not in simplan::i18n::k_message_table";
}

/// The message's text in `language`.
constexpr std::string_view text(Language language, Key message)
{
  const Message& entry = k_message_table[message.index];
  return language == Language::zh_hans ? entry.zh : entry.en;
}

/// The message in `language` with its placeholders filled.
template <typename... Args>
std::string tr(Language language, Key message, Args&&... args)
{
  if constexpr (sizeof...(Args) == 0) {
    return std::string{text(language, message)};
  } else {
    return fmt::format(fmt::runtime(text(language, message)), std::forward<Args>(args)...);
  }
}

} // namespace simplan::i18n

/// TR(language, "English text {}", args...): the message in `language`, checked against the table at
/// compile time.
#define TR(language, english, ...) ::simplan::i18n::tr((language), ::simplan::i18n::key(english) __VA_OPT__(, ) __VA_ARGS__)
