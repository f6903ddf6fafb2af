#pragma once
// Every sentence simplan shows a person, in each language, in one place (message_table.hpp).
//
// Code names a message by its English text: TR(language, "renew {}", plan). The English text is looked up
// at compile time (Key's constructor is consteval), so a message missing from the table does not compile; a test
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

/// A message's place in the table, made from its English text at compile time: a text that is not in the
/// table is a compile error ("call to consteval function is not a constant expression").
class Key {
public:
  consteval Key(const char* english) : index(find(english)) {}  // NOLINT(google-explicit-constructor): by design

  std::size_t index;

private:
  static consteval std::size_t find(std::string_view english)
  {
    for (std::size_t i = 0; i < std::size(k_message_table); ++i) {
      if (k_message_table[i].en == english) {
        return i;
      }
    }
    throw "message not in simplan::i18n::k_message_table";
  }
};

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
/// compile time. (A plain variadic macro: the English text is the first of its variadic arguments.)
#define TR(language, ...) ::simplan::i18n::tr((language), __VA_ARGS__)
