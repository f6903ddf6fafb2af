#pragma once
// Text a person reads, in one or more languages. English is always present.

#include <map>
#include <string>
#include <string_view>

namespace simplan::catalog {

class LocalizedText {
public:
  LocalizedText() = default;
  explicit LocalizedText(std::string english) { m_by_language.emplace("en", std::move(english)); }

  void set(std::string language, std::string text) { m_by_language[std::move(language)] = std::move(text); }

  /// The text in `language`, or the English text when that language is missing.
  const std::string& in(std::string_view language) const;
  const std::string& english() const { return in("en"); }

  const std::map<std::string, std::string, std::less<>>& by_language() const { return m_by_language; }

  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;

private:
  std::map<std::string, std::string, std::less<>> m_by_language;
};

} // namespace simplan::catalog
