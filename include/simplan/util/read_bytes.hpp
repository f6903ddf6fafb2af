#pragma once
// A source of bytes read in pieces: how the core reads a large document without holding it whole, and
// without doing I/O itself (the CLI supplies the reader of a file or of standard input).

#include <cstddef>
#include <functional>
#include <string_view>

namespace simplan::util {

/// Supplies a document's bytes in order: fills at most `capacity` bytes of `buffer` and returns how many,
/// 0 at the end. Whatever it throws passes through to the caller of the function reading it.
using ReadBytes = std::function<std::size_t(char* buffer, std::size_t capacity)>;

/// A ReadBytes over `text`, which must outlive it.
ReadBytes read_text(std::string_view text);

} // namespace simplan::util
