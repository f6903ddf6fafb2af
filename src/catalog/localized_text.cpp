#include "simplan/catalog/localized_text.hpp"

namespace simplan::catalog {

const std::string& LocalizedText::in(std::string_view language) const
{
  static const std::string k_empty;
  if (const auto found = m_by_language.find(language); found != m_by_language.end()) {
    return found->second;
  }
  if (const auto english = m_by_language.find("en"); english != m_by_language.end()) {
    return english->second;
  }
  return k_empty;
}

} // namespace simplan::catalog
