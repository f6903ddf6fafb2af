#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace simplan::util {
namespace {

// One decoded step through a UTF-8 string: a code point and its byte length, or an invalid byte.
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

Decoded decode_at(std::string_view text, std::size_t at)
{
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) {
    return {lead, 1, true};
  }
  std::size_t length = 0;
  char32_t minimum = 0;
  char32_t code_point = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    minimum = 0x80;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    minimum = 0x800;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    minimum = 0x10000;
    code_point = lead & 0x07;
  } else {
    return {};
  }
  if (at + length > text.size()) {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      return {};
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
  if (code_point < minimum || (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    return {};
  }
  return {code_point, length, true};
}

bool is_control(char32_t c)
{
  // C0, DEL, C1, and the bidirectional overrides and isolates, which can make text read in another order.
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

using Range = std::pair<char32_t, char32_t>;

// Zero-width: combining marks, joiners, variation selectors.
constexpr std::array k_zero_width{
  Range{0x0300, 0x036F}, Range{0x0483, 0x0489}, Range{0x0591, 0x05BD}, Range{0x0610, 0x061A},
  Range{0x064B, 0x065F}, Range{0x0E31, 0x0E31}, Range{0x0E34, 0x0E3A}, Range{0x0E47, 0x0E4E},
  Range{0x1AB0, 0x1AFF}, Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F}, Range{0x20D0, 0x20FF},
  Range{0xFE00, 0xFE0F}, Range{0xFE20, 0xFE2F}, Range{0xFEFF, 0xFEFF}, Range{0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth (Unicode 15 EastAsianWidth.txt, W and F), the blocks that occur in practice.
constexpr std::array k_wide{
  Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},   Range{0x23E9, 0x23EC},
  Range{0x23F0, 0x23F0},   Range{0x23F3, 0x23F3},   Range{0x25FD, 0x25FE},   Range{0x2614, 0x2615},
  Range{0x2648, 0x2653},   Range{0x267F, 0x267F},   Range{0x2693, 0x2693},   Range{0x26A1, 0x26A1},
  Range{0x26AA, 0x26AB},   Range{0x26BD, 0x26BE},   Range{0x26C4, 0x26C5},   Range{0x26CE, 0x26CE},
  Range{0x26D4, 0x26D4},   Range{0x26EA, 0x26EA},   Range{0x26F2, 0x26F3},   Range{0x26F5, 0x26F5},
  Range{0x26FA, 0x26FA},   Range{0x26FD, 0x26FD},   Range{0x2705, 0x2705},   Range{0x270A, 0x270B},
  Range{0x2728, 0x2728},   Range{0x274C, 0x274C},   Range{0x274E, 0x274E},   Range{0x2753, 0x2755},
  Range{0x2757, 0x2757},   Range{0x2795, 0x2797},   Range{0x27B0, 0x27B0},   Range{0x27BF, 0x27BF},
  Range{0x2B1B, 0x2B1C},   Range{0x2B50, 0x2B50},   Range{0x2B55, 0x2B55},   Range{0x2E80, 0x303E},
  Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4E00, 0x9FFF},   Range{0xA000, 0xA4CF},
  Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},   Range{0xF900, 0xFAFF},   Range{0xFE10, 0xFE19},
  Range{0xFE30, 0xFE6F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},   Range{0x16FE0, 0x16FE4},
  Range{0x17000, 0x18CFF}, Range{0x1B000, 0x1B2FF}, Range{0x1F004, 0x1F004}, Range{0x1F0CF, 0x1F0CF},
  Range{0x1F18E, 0x1F18E}, Range{0x1F191, 0x1F19A}, Range{0x1F200, 0x1F202}, Range{0x1F210, 0x1F23B},
  Range{0x1F240, 0x1F248}, Range{0x1F250, 0x1F251}, Range{0x1F260, 0x1F265}, Range{0x1F300, 0x1F64F},
  Range{0x1F680, 0x1F6FF}, Range{0x1F7E0, 0x1F7EB}, Range{0x1F90C, 0x1F9FF}, Range{0x1FA70, 0x1FAFF},
  Range{0x20000, 0x2FFFD}, Range{0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in_ranges(const std::array<Range, N>& ranges, char32_t c)
{
  const auto after = std::upper_bound(ranges.begin(), ranges.end(), c, [](char32_t value, const Range& range) {
    return value < range.first;
  });
  return after != ranges.begin() && c <= std::prev(after)->second;
}

std::size_t code_point_width(char32_t c)
{
  if (in_ranges(k_zero_width, c)) {
    return 0;
  }
  return in_ranges(k_wide, c) ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded step = decode_at(text, at);
    width += step.valid ? code_point_width(step.code_point) : 1;
    at += step.length;
  }
  return width;
}

std::string escape_control(std::string_view text)
{
  if (is_printable_utf8(text)) {
    return std::string{text};
  }
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t at = 0; at < text.size();) {
    const Decoded step = decode_at(text, at);
    if (!step.valid) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[at]));
    } else if (!is_control(step.code_point)) {
      out.append(text.substr(at, step.length));
    } else {
      switch (step.code_point) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case 0x1B: out += "\\e"; break;
      default:
        out += step.code_point < 0x80 ? fmt::format("\\x{:02X}", static_cast<unsigned>(step.code_point))
                                      : fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(step.code_point));
      }
    }
    at += step.length;
  }
  return out;
}

std::size_t utf8_char_length(std::string_view text)
{
  if (text.empty()) {
    return 0;
  }
  const Decoded step = decode_at(text, 0);
  return step.valid ? step.length : 0;
}

bool is_printable_utf8(std::string_view text, bool allow_newlines)
{
  for (std::size_t at = 0; at < text.size();) {
    // Printable ASCII, most of any text, needs no decoding.
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++at;
      continue;
    }
    const Decoded step = decode_at(text, at);
    if (!step.valid || (is_control(step.code_point) && !(allow_newlines && step.code_point == '\n'))) {
      return false;
    }
    at += step.length;
  }
  return true;
}

std::string truncate_to_width(std::string_view text, std::size_t width, std::string_view ellipsis)
{
  if (display_width(text) <= width) {
    return std::string{text};
  }
  const std::size_t ellipsis_width = display_width(ellipsis);
  if (width < ellipsis_width) {
    return std::string(width, '.');
  }
  const std::size_t budget = width - ellipsis_width;
  std::size_t used = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const Decoded step = decode_at(text, at);
    const std::size_t step_width = step.valid ? code_point_width(step.code_point) : 1;
    if (used + step_width > budget) {
      break;
    }
    used += step_width;
    at += step.length;
  }
  std::string out{text.substr(0, at)};
  out += ellipsis;
  return out;
}

std::string pad_right(std::string_view text, std::size_t width)
{
  std::string out{text};
  const std::size_t current = display_width(text);
  if (current < width) {
    out.append(width - current, ' ');
  }
  return out;
}

std::string pad_left(std::string_view text, std::size_t width)
{
  const std::size_t current = display_width(text);
  std::string out = current < width ? std::string(width - current, ' ') : std::string{};
  out += text;
  return out;
}

std::string fnv1a_hex(std::string_view text)
{
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

std::string to_lower_ascii(std::string_view text)
{
  std::string out{text};
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

TextPosition position_at(std::string_view text, std::size_t byte_offset)
{
  return advance_position(TextPosition{}, text.substr(0, std::min(byte_offset, text.size())));
}

TextPosition advance_position(TextPosition start, std::string_view bytes)
{
  // Lines are counted in one pass the compiler vectorizes; only the last line's characters are counted.
  TextPosition position = start;
  const std::size_t last_newline = bytes.rfind('\n');
  if (last_newline != std::string_view::npos) {
    position.line += static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(last_newline) + 1, '\n'));
    position.column = 1;
    bytes.remove_prefix(last_newline + 1);
  }
  for (const char c : bytes) {
    position.column += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return position;
}

} // namespace simplan::util
