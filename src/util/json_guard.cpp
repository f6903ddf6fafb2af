#include "simplan/util/json_guard.hpp"

namespace simplan::util {

std::optional<std::size_t> find_excess_nesting(std::string_view json_text, int max_depth)
{
  int depth = 0;
  bool in_string = false;
  for (std::size_t at = 0; at < json_text.size(); ++at) {
    const char c = json_text[at];
    if (in_string) {
      if (c == '\\') {
        ++at;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
    case '"': in_string = true; break;
    case '[':
    case '{':
      if (++depth > max_depth) {
        return at;
      }
      break;
    case ']':
    case '}':
      // Unbalanced closers are the parser's to report; never let depth go negative.
      if (depth > 0) {
        --depth;
      }
      break;
    default: break;
    }
  }
  return std::nullopt;
}

} // namespace simplan::util
