#pragma once
// Text a person reads, in one or more languages. English is always present.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace simplan::catalog {

class LocalizedText {
public:
  using Translations = std::vector<std::pair<std::string, std::string>>;  ///< (language, text), by language

  LocalizedText() = default;
  explicit LocalizedText(std::string english) { m_by_language.emplace_back("en", std::move(english)); }

  void set(std::string language, std::string text);
  /// The text in `language`, or the English text when that language is missing.
  const std::string& in(std::string_view language) const;
  const std::string& english() const { return in("en"); }
  /// Every translation, ordered by language tag.
  const Translations& by_language() const { return m_by_language; }

  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;

private:
  // A text has one or two languages: a sorted vector costs one allocation where a map costs one per
  // language, and the catalog holds thousands of texts, all read at start-up.
  Translations m_by_language;
};

} // namespace simplan::catalog
