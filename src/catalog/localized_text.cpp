#include "simplan/catalog/localized_text.hpp"

#include <algorithm>

namespace simplan::catalog {

void LocalizedText::set(std::string language, std::string text)
{
  const auto at = std::lower_bound(m_by_language.begin(), m_by_language.end(), language,
                                   [](const auto& entry, const std::string& tag) { return entry.first < tag; });
  if (at != m_by_language.end() && at->first == language) {
    at->second = std::move(text);
  } else {
    const auto index = at - m_by_language.begin();
    m_by_language.reserve(2);  // English and one translation, in one allocation
    m_by_language.emplace(m_by_language.begin() + index, std::move(language), std::move(text));
  }
}

const std::string& LocalizedText::in(std::string_view language) const
{
  static const std::string k_empty;
  const std::string* english = nullptr;
  for (const auto& [tag, text] : m_by_language) {
    if (tag == language) {
      return text;
    }
    if (tag == "en") {
      english = &text;
    }
  }
  return english != nullptr ? *english : k_empty;
}

} // namespace simplan::catalog
