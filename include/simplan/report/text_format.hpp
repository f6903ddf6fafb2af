#pragma once
// How catalog values read in human output (tables, `plans show`, reminders), in the reader's language.
// Machine formats do not use these.

#include "simplan/catalog/plan.hpp"
#include "simplan/i18n/language.hpp"

#include <optional>
#include <string>
#include <vector>

namespace simplan::report {

using i18n::Language;

/// "unlimited", "50 GB", "0.25 GB", "none" (0).
std::string format_gigabytes(Language language, const catalog::Quantity& megabytes);

/// "month", "3 months", "30 days", "1 day": a term as in "per month".
std::string format_term_length(Language language, catalog::TermLength length);

/// "1 month", "12 months", "30 days": a length as a count, as in "1 x 30 days".
std::string format_term_count(Language language, catalog::TermLength length);

/// "128 kbps", "1.5 Mbps", "10 Mbps".
std::string format_speed(int kbps);

/// "T-Mobile, AT&T", or "unknown" when none are known.
std::string format_networks(Language language, const std::vector<catalog::Network>& networks);

/// Talk or text: "unlimited", "300", or "unknown".
std::string format_allowance(Language language, const std::optional<catalog::Quantity>& allowance);

/// "prepaid", "postpaid", "travel" in the reader's language.
std::string kind_text(Language language, catalog::PlanKind kind);

/// "premium", "standard", "deprioritized" in the reader's language.
std::string priority_text(Language language, catalog::Priority priority);

/// "1 line", "3 lines".
std::string lines_count_text(Language language, int lines);

/// "1 month", "3 months".
std::string months_text(Language language, int months);

/// How sure the catalog is of a fact: "high", "medium", "low", or "not rated" when it does not say.
std::string confidence_text(Language language, const std::optional<catalog::Confidence>& confidence);

/// "unknown" in the reader's language.
std::string unknown_text(Language language);

/// A catalog text in the reader's language (English when it has no translation).
const std::string& localized(Language language, const catalog::LocalizedText& text);

/// The value of a GB quantity for machine output: "unlimited" or a decimal number of GB ("0.25").
std::string gigabytes_value(const catalog::Quantity& megabytes);

/// What ends a label before its value: ":" in English, "：" in Chinese.
std::string_view label_colon(Language language);

/// ", " in English, "、" in Chinese: between items of a list in running text.
std::string_view list_separator(Language language);

/// Joins `parts` with `separator`.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

} // namespace simplan::report
