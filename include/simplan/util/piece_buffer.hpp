#pragma once
// Text that is made in order and handed on in pieces of about 64 KiB as it grows, so that output of any size
// (a ten-year calendar, a JSON list of a hundred thousand reminders) takes the same memory. Without a write
// function the text is kept whole instead, for the caller to take at the end.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace simplan::util {

class PieceBuffer {
public:
  using Write = std::function<void(std::string_view piece)>;
  static constexpr std::size_t k_piece_bytes = std::size_t{1} << 16;

  explicit PieceBuffer(Write write = {}) : m_write(std::move(write))
  {
    if (m_write) {
      m_text.reserve(k_piece_bytes + k_piece_bytes / 4);
    }
  }

  /// The text not yet handed on; append to it.
  std::string& text() { return m_text; }

  /// Hands the text on once it has reached k_piece_bytes; call it where a piece may end.
  void flush_if_full()
  {
    if (m_write && m_text.size() >= k_piece_bytes) {
      m_write(m_text);
      m_text.clear();
    }
  }

  /// Hands on the rest and returns nothing; without a write function, returns the whole text.
  std::string finish() &&
  {
    if (!m_write) {
      return std::move(m_text);
    }
    if (!m_text.empty()) {
      m_write(m_text);
    }
    return {};
  }

private:
  Write m_write;
  std::string m_text;
};

} // namespace simplan::util
