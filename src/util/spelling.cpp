#include "simplan/util/spelling.hpp"

#include "simplan/util/text.hpp"

#include <algorithm>
#include <vector>

namespace simplan::util {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  const std::string left = to_lower_ascii(a);
  const std::string right = to_lower_ascii(b);
  std::vector<std::size_t> previous(right.size() + 1);
  std::vector<std::size_t> current(right.size() + 1);
  for (std::size_t j = 0; j <= right.size(); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= left.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= right.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[right.size()];
}

namespace {

template <typename Candidates>
std::optional<std::string> closest_in(std::string_view word, const Candidates& candidates)
{
  // Long inputs are not worth comparing: no name simplan knows is longer than this.
  if (word.size() > 100) {
    return std::nullopt;
  }
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string{candidate};
    }
  }
  return best;
}

} // namespace

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates)
{
  return closest_in(word, candidates);
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates)
{
  return closest_in(word, candidates);
}

std::optional<std::string> suggest_name(std::string_view word, std::span<const std::string> candidates)
{
  std::optional<std::string> extending;
  int count = 0;
  for (const auto& candidate : candidates) {
    if (!word.empty() && candidate.starts_with(word) && candidate != word) {
      extending = candidate;
      ++count;
    }
  }
  return count == 1 ? extending : closest_match(word, candidates);
}

} // namespace simplan::util
