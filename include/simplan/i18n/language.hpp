#pragma once
// The language a person reads: English or Simplified Chinese. Machine formats never depend on it.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace simplan::i18n {

enum class Language { en, zh_hans };

/// "en" or "zh-Hans" (also "zh", "zh-CN", "zh_CN", "zh-SG", "zh_Hans", any case). Nothing for others.
std::optional<Language> parse_language(std::string_view text);

/// The language of a POSIX locale name such as "zh_CN.UTF-8" or "en_US": zh_CN, zh_SG and zh_Hans are
/// Simplified Chinese; anything else, including Traditional Chinese (zh_TW, zh_HK), is English.
Language language_of_locale(std::string_view locale);

/// The BCP 47 tag: "en" or "zh-Hans" (the key of a catalog's localized text).
std::string_view language_tag(Language language);

/// A date in running text: "2027-03-01" in English, "2027年3月1日" in Chinese.
std::string human_date(Language language, date::year_month_day day);

} // namespace simplan::i18n
