#pragma once
// Checks that run on JSON text before a parser sees it, so hostile input cannot exhaust the stack or memory.

#include <cstddef>
#include <optional>
#include <string_view>

namespace simplan::util {

/// The byte offset of the first `[` or `{` that opens nesting level max_depth + 1, or nothing when the
/// text never nests deeper than max_depth. Brackets inside strings do not count. Linear time.
std::optional<std::size_t> find_excess_nesting(std::string_view json_text, int max_depth);

} // namespace simplan::util
