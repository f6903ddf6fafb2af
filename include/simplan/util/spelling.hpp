#pragma once
// "Did you mean ...?" for mistyped names, as ninja's SpellcheckString does it.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace simplan::util {

/// The Levenshtein distance between two byte strings, compared without ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo (distance at most one
/// third of the word's length, and at least 1 allowed), else nothing. Ties go to the earliest candidate.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// For names a person abbreviates (plan ids, line labels): the only candidate that starts with `word`,
/// else closest_match.
std::optional<std::string> suggest_name(std::string_view word, std::span<const std::string> candidates);

} // namespace simplan::util
