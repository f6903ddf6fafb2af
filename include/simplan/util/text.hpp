#pragma once
// Text as a terminal shows it: UTF-8 in, display columns and safe bytes out.

#include <cstddef>
#include <string>
#include <string_view>

namespace simplan::util {

/// The number of terminal columns `text` takes: East Asian wide and fullwidth characters count 2,
/// combining marks and zero-width characters 0, everything else 1. Invalid UTF-8 bytes count 1 each
/// (they are shown as an escape by escape_control, which callers apply first).
std::size_t display_width(std::string_view text);

/// Makes text from a catalog or a user safe to print: C0 and C1 control characters, DEL, and bytes
/// that are not valid UTF-8 become visible escapes (\n, \t, \r, \e, \xHH, \u{HHHH}), so no escape
/// sequence reaches a terminal raw. Valid printable UTF-8 is unchanged.
std::string escape_control(std::string_view text);

/// The length in bytes (1 to 4) of the well-formed UTF-8 character `text` starts with, or 0 when it does not
/// start with one (or is empty).
std::size_t utf8_char_length(std::string_view text);

/// True when `text` is valid UTF-8 without control characters (escape_control would not change it);
/// with `allow_newlines`, "\n" is allowed too (multi-line text such as renewal steps).
bool is_printable_utf8(std::string_view text, bool allow_newlines = false);

/// Cuts `text` to at most `width` display columns, ending in `ellipsis` when it was cut.
std::string truncate_to_width(std::string_view text, std::size_t width, std::string_view ellipsis);

/// Pads `text` with spaces on the right (or left) to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

/// ASCII lower case; other bytes unchanged.
std::string to_lower_ascii(std::string_view text);

/// 16 lowercase hex digits of the 64-bit FNV-1a hash of `text`: a stable name for content, not a secret.
std::string fnv1a_hex(std::string_view text);

/// Line and column (both from 1, the column counted in characters) of a byte offset in `text`.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_at(std::string_view text, std::size_t byte_offset);
/// The position just after `bytes`, when they start at `start`: for text read in pieces.
TextPosition advance_position(TextPosition start, std::string_view bytes);

} // namespace simplan::util
