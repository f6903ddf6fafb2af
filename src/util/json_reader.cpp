#include "simplan/util/json_reader.hpp"

#include "simplan/i18n/messages.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/json_guard.hpp"
#include "simplan/util/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <vector>

namespace simplan::util {
namespace {

using i18n::Language;

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 2: <reason>".
// The position is ours to compute (in characters, not bytes), so keep only the reason. Its words are the
// JSON library's; in Chinese the fixed phrases are translated and the tokens it quotes kept.
std::string parse_error_reason(const std::string& what, Language language)
{
  const std::size_t after_position = what.find(": ");
  std::string reason = after_position == std::string::npos ? what : what.substr(after_position + 2);
  if (language == Language::en) {
    return reason;
  }
  // "<what went wrong> - <detail>; last read: '<the text it read>'": the quoted text is the user's, so only
  // the part before it is translated.
  static constexpr std::string_view k_last_read = "; last read: ";
  const std::size_t quoted = reason.find(k_last_read);
  std::string head = reason.substr(0, quoted);
  const std::string tail = quoted == std::string::npos ? "" : "；最后读取：" + reason.substr(quoted + k_last_read.size());
  static constexpr std::pair<std::string_view, std::string_view> k_phrases[] = {
    {"syntax error while parsing object key", "解析对象键时出现语法错误"},
    {"syntax error while parsing object separator", "解析对象分隔符时出现语法错误"},
    {"syntax error while parsing object", "解析对象时出现语法错误"},
    {"syntax error while parsing array", "解析数组时出现语法错误"},
    {"syntax error while parsing value", "解析值时出现语法错误"},
    {"unexpected end of input", "输入意外结束"},
    {"expected end of input", "应为输入结尾"},
    {"expected string literal", "应为字符串"},
    {"invalid string: ill-formed UTF-8 byte", "字符串无效：UTF-8 字节格式错误"},
    {"invalid string: control character", "字符串无效：控制字符"},
    {"must be escaped to", "必须转义为"},
    {"invalid string", "字符串无效"},
    {"invalid literal", "无效的字面量"},
    {"invalid number", "无效的数字"},
    {"or a literal", "或字面量"},
    {"unexpected", "意外的"},
    {"expected", "应为"},
    {" - ", "："},
    {"; ", "；"},
  };
  for (const auto& [english, chinese] : k_phrases) {
    for (std::size_t at = head.find(english); at != std::string::npos; at = head.find(english, at + chinese.size())) {
      head.replace(at, english.size(), chinese);
    }
  }
  return head + tail;
}

// The bytes of a document read in chunks, as the input iterator nlohmann's parser reads. It keeps the chunk
// before the current one too, so the position of an error (at most one byte behind what was read, when the
// parser has put a byte back) can be computed without the text.
class ChunkReader {
public:
  explicit ChunkReader(const ReadBytes& read) : m_read(read) {}

  bool at_end() { return m_at == m_size && !refill(); }
  char current() const { return m_chunk[m_at]; }
  void advance() { ++m_at; }
  /// Bytes consumed so far.
  std::size_t consumed() const { return m_chunk_start + m_at; }

  /// Line and column of a byte offset within the current or the previous chunk.
  TextPosition position_of(std::size_t offset) const
  {
    if (offset >= m_chunk_start) {
      return advance_position(m_chunk_position, std::string_view{m_chunk.data(), std::min(offset - m_chunk_start, m_size)});
    }
    const std::size_t previous_start = m_chunk_start - m_previous_size;
    return advance_position(m_previous_position, std::string_view{m_previous.data(), offset - std::min(offset, previous_start)});
  }

  class Iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    explicit Iterator(ChunkReader* reader) : m_reader(reader) {}
    char operator*() const { return m_reader->current(); }
    Iterator& operator++()
    {
      m_reader->advance();
      return *this;
    }
    // Only "not yet at the end" is ever asked: begin != end.
    friend bool operator==(const Iterator& a, const Iterator& b)
    {
      ChunkReader* reader = a.m_reader != nullptr ? a.m_reader : b.m_reader;
      return reader == nullptr || reader->at_end();
    }

  private:
    ChunkReader* m_reader;
  };

private:
  static constexpr std::size_t k_chunk_bytes = std::size_t{1} << 16;

  bool refill()
  {
    if (m_done) {
      return false;
    }
    m_previous_position = m_chunk_position;
    m_chunk_position = advance_position(m_chunk_position, std::string_view{m_chunk.data(), m_size});
    std::swap(m_previous, m_chunk);
    m_previous_size = m_size;
    m_chunk_start += m_size;
    m_chunk.resize(k_chunk_bytes);
    m_size = m_read(m_chunk.data(), m_chunk.size());
    m_at = 0;
    m_done = m_size == 0;
    return !m_done;
  }

  const ReadBytes& m_read;
  std::vector<char> m_chunk;
  std::vector<char> m_previous;
  std::size_t m_size = 0;
  std::size_t m_at = 0;
  std::size_t m_previous_size = 0;
  std::size_t m_chunk_start = 0;  // offset of m_chunk[0] in the document
  TextPosition m_chunk_position;
  TextPosition m_previous_position;
  bool m_done = false;
};

// Builds the DOM from nlohmann's SAX events, as nlohmann's own DOM parser does, and also:
// - reports keys given twice in one object, with their JSON pointer: nlohmann keeps the last of two equal
//   keys silently, and a catalog with two "price_cents" would be a silent wrong answer. (nlohmann's callback
//   parser could see the keys too, but it rescans the parent container after every object: quadratic on a
//   large "plans" array);
// - stops at nesting deeper than k_max_json_depth (nlohmann's SAX parser keeps its own stack on the heap, so
//   only this DOM's depth needs bounding);
// - hands the elements of a StreamedArray over one by one instead of keeping them.
class DomBuilder {
public:
  // `input` (nullable) tells where excess nesting is.
  DomBuilder(std::string_view source, Diagnostics& problems, Language language, const ChunkReader* input,
             const StreamedArray* streamed)
    : m_source(source), m_problems(problems), m_language(language), m_input(input), m_streamed(streamed)
  {
  }

  Json& result() { return m_root; }
  /// After a failed parse: the 1-based byte where it failed, and nlohmann's message.
  std::size_t error_byte() const { return m_error_byte; }
  const std::string& error_message() const { return m_error_message; }
  /// After a parse stopped by nesting: the offset of the bracket that went too deep.
  std::optional<std::size_t> excess_nesting() const { return m_excess_nesting; }

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool value) { return add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) { return add(Json(value)); }
  bool string(Json::string_t& value) { return add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return add(Json(Json::binary(std::move(value)))); }

  bool start_object(std::size_t /*elements*/) { return open(Json::value_t::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*elements*/) { return open(Json::value_t::array); }
  bool end_array() { return close(); }

  bool key(Json::string_t& name)
  {
    Frame& frame = m_frames.back();
    const auto [existing, inserted] = frame.value->get_ref<Json::object_t&>().try_emplace(name, nullptr);
    if (!inserted) {
      m_problems.push_back({std::string{m_source}, std::nullopt, pointer_to(name),
                            TR(m_language, "duplicate key \"{}\" in one object", name)});
    }
    frame.key = std::move(name);
    m_slot = &existing->second;
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const nlohmann::detail::exception& error)
  {
    if (const auto* parse = dynamic_cast<const Json::parse_error*>(&error)) {
      m_error_byte = parse->byte;
    }
    m_error_message = error.what();
    return false;
  }

private:
  struct Frame {
    Json* value;
    std::string key;         // the current key, for objects
    std::size_t count = 0;   // elements so far, for arrays
    bool streamed = false;   // the StreamedArray: elements are handed over, not kept
  };

  // Where the next value goes: the root, the slot made by key(), the end of the current array, or the
  // element being streamed.
  Json* next_slot()
  {
    if (m_frames.empty()) {
      return &m_root;
    }
    Frame& frame = m_frames.back();
    if (!frame.value->is_array()) {
      return m_slot;
    }
    ++frame.count;
    if (frame.streamed) {
      m_element = Json();
      return &m_element;
    }
    auto& array = frame.value->get_ref<Json::array_t&>();
    array.emplace_back();
    return &array.back();
  }

  bool add(Json value)
  {
    *next_slot() = std::move(value);
    hand_over_if_complete();
    return true;
  }

  bool open(Json::value_t type)
  {
    if (m_frames.size() >= static_cast<std::size_t>(k_max_json_depth)) {
      m_excess_nesting = m_input != nullptr ? m_input->consumed() - 1 : 0;
      return false;
    }
    const bool streamed = m_streamed != nullptr && type == Json::value_t::array && m_frames.size() == 1 &&
                          m_frames.back().value->is_object() && m_frames.back().key == m_streamed->key;
    Json* slot = next_slot();
    *slot = Json(type);
    m_frames.push_back({slot, {}, 0, streamed});
    return true;
  }

  bool close()
  {
    m_frames.pop_back();
    hand_over_if_complete();
    return true;
  }

  // A value just completed directly inside the streamed array is one whole element.
  void hand_over_if_complete()
  {
    if (!m_frames.empty() && m_frames.back().streamed) {
      m_streamed->on_element(std::move(m_element), m_frames.back().count - 1, m_root);
    }
  }

  std::string pointer_to(std::string_view key) const
  {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < m_frames.size(); ++i) {
      pointer = m_frames[i].value->is_array() ? json_pointer_append(pointer, m_frames[i].count - 1)
                                              : json_pointer_append(pointer, m_frames[i].key);
    }
    return json_pointer_append(pointer, key);
  }

  std::string_view m_source;
  Diagnostics& m_problems;
  Language m_language;
  const ChunkReader* m_input;
  const StreamedArray* m_streamed;
  Json m_root;
  Json m_element;
  std::vector<Frame> m_frames;
  Json* m_slot = nullptr;
  std::size_t m_error_byte = 0;
  std::string m_error_message = "invalid JSON";
  std::optional<std::size_t> m_excess_nesting;
};

// A strict JSON reader (RFC 8259, as nlohmann reads it) for documents that are valid, which is nearly all of
// them: it delivers the same SAX events as nlohmann's parser, several times faster, because it copies a run
// of plain characters of a string at once where nlohmann's lexer handles every byte on its own, twice. It
// does not explain problems: on anything it does not accept, or finds unusual (an integer beyond 64 bits, a
// byte order mark cut short), it gives up, and the caller parses the document again with nlohmann, whose
// message and position are the ones reported. It must never accept what nlohmann refuses.
template <typename Handler>
class StrictJsonReader {
public:
  StrictJsonReader(const ReadBytes& read, Handler& handler) : m_read(read), m_handler(handler) {}

  /// True when the whole input is one valid JSON value and the handler took every event.
  bool parse()
  {
    if (fill(3) && m_buffer[m_at] == '\xEF') {
      if (m_buffer[m_at + 1] != '\xBB' || m_buffer[m_at + 2] != '\xBF') {
        return false;
      }
      m_at += 3;
    }
    skip_whitespace();
    if (!value()) {
      return false;
    }
    while (!m_open.empty()) {
      skip_whitespace();
      const int c = peek();
      const bool object = m_open.back();
      if (c == (object ? '}' : ']')) {
        ++m_at;
        m_open.pop_back();
        m_first = false;
        if (!(object ? m_handler.end_object() : m_handler.end_array())) {
          return false;
        }
        continue;
      }
      if (!m_first) {
        if (c != ',') {
          return false;
        }
        ++m_at;
        skip_whitespace();
      }
      m_first = false;
      if (object) {
        if (peek() != '"') {
          return false;
        }
        ++m_at;
        if (!string(m_text) || !m_handler.key(m_text)) {
          return false;
        }
        skip_whitespace();
        if (peek() != ':') {
          return false;
        }
        ++m_at;
        skip_whitespace();
      }
      if (!value()) {
        return false;
      }
    }
    skip_whitespace();
    return peek() == k_end;
  }

private:
  static constexpr int k_end = -1;
  static constexpr std::size_t k_read_bytes = std::size_t{1} << 16;

  // Makes at least `count` bytes available from m_at, unless the input ends first.
  bool fill(std::size_t count)
  {
    if (m_size - m_at >= count) {
      return true;
    }
    std::copy(m_buffer.begin() + static_cast<std::ptrdiff_t>(m_at), m_buffer.begin() + static_cast<std::ptrdiff_t>(m_size),
              m_buffer.begin());
    m_size -= m_at;
    m_at = 0;
    while (m_size < count && !m_done) {
      if (m_buffer.size() < m_size + k_read_bytes) {
        m_buffer.resize(m_size + k_read_bytes);
      }
      const std::size_t got = m_read(m_buffer.data() + m_size, k_read_bytes);
      m_done = got == 0;
      m_size += got;
    }
    return m_size >= count;
  }

  int peek() { return fill(1) ? static_cast<unsigned char>(m_buffer[m_at]) : k_end; }

  void skip_whitespace()
  {
    for (;;) {
      while (m_at < m_size) {
        const char c = m_buffer[m_at];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        ++m_at;
      }
      if (!fill(1)) {
        return;
      }
    }
  }

  // One value: a scalar is delivered whole; a container is opened, and the loop in parse() reads its members.
  bool value()
  {
    switch (peek()) {
    case '{':
      ++m_at;
      m_open.push_back(true);
      m_first = true;
      return m_handler.start_object(static_cast<std::size_t>(-1));
    case '[':
      ++m_at;
      m_open.push_back(false);
      m_first = true;
      return m_handler.start_array(static_cast<std::size_t>(-1));
    case '"':
      ++m_at;
      return string(m_text) && m_handler.string(m_text);
    case 't': return literal("true") && m_handler.boolean(true);
    case 'f': return literal("false") && m_handler.boolean(false);
    case 'n': return literal("null") && m_handler.null();
    default: return number();
    }
  }

  bool literal(std::string_view word)
  {
    if (!fill(word.size()) || std::string_view{m_buffer.data() + m_at, word.size()} != word) {
      return false;
    }
    m_at += word.size();
    return true;
  }

  static bool is_number_byte(int c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

  bool number()
  {
    m_number.clear();
    for (int c = peek(); is_number_byte(c); c = peek()) {
      m_number += static_cast<char>(c);
      ++m_at;
    }
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::string_view text = m_number;
    std::size_t at = text.starts_with('-') ? 1 : 0;
    const auto digits = [&] {
      const std::size_t start = at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        ++at;
      }
      return at - start;
    };
    const std::size_t integer_start = at;
    const std::size_t integer_digits = digits();
    if (integer_digits == 0 || (integer_digits > 1 && text[integer_start] == '0')) {
      return false;
    }
    bool is_float = false;
    if (at < text.size() && text[at] == '.') {
      ++at;
      if (digits() == 0) {
        return false;
      }
      is_float = true;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
      ++at;
      if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        ++at;
      }
      if (digits() == 0) {
        return false;
      }
      is_float = true;
    }
    if (at != text.size()) {
      return false;
    }
    const char* const first = text.data();
    const char* const last = text.data() + text.size();
    if (is_float) {
      double number = 0;
      const auto [end, error] = std::from_chars(first, last, number);
      return error == std::errc{} && end == last && std::isfinite(number) && m_handler.number_float(number, m_number);
    }
    if (text.starts_with('-')) {
      Json::number_integer_t number = 0;
      const auto [end, error] = std::from_chars(first, last, number);
      return error == std::errc{} && end == last && m_handler.number_integer(number);
    }
    Json::number_unsigned_t number = 0;
    const auto [end, error] = std::from_chars(first, last, number);
    return error == std::errc{} && end == last && m_handler.number_unsigned(number);
  }

  // The rest of a string whose opening quote has been read, unescaped into `out`.
  bool string(std::string& out)
  {
    out.clear();
    for (;;) {
      // A run of bytes that stand for themselves, printable ASCII and whole well-formed UTF-8 characters:
      // copied at once. The rest (the closing quote, an escape, a character cut by the buffer's end, a
      // mistake) is handled one at a time below.
      const char* const data = m_buffer.data();
      std::size_t run = m_at;
      while (run < m_size) {
        if (is_plain(data[run])) {
          ++run;
        } else if (const std::size_t length = utf8_length(data + run, m_size - run); length > 0) {
          run += length;
        } else {
          break;
        }
      }
      out.append(data + m_at, run - m_at);
      m_at = run;
      if (!fill(1)) {
        return false;
      }
      const auto c = static_cast<unsigned char>(m_buffer[m_at]);
      if (c == '"') {
        ++m_at;
        return true;
      }
      if (c == '\\') {
        if (!escape(out)) {
          return false;
        }
      } else if (c >= 0x80) {
        if (!utf8_character(out)) {
          return false;
        }
      } else if (c < 0x20) {
        return false;
      }
    }
  }

  // The bytes a string holds as they are: printable ASCII but the quote and the backslash.
  static bool is_plain(char c)
  {
    static constexpr auto k_plain = [] {
      std::array<bool, 256> plain{};
      for (int byte = 0x20; byte < 0x80; ++byte) {
        plain[static_cast<std::size_t>(byte)] = byte != '"' && byte != '\\';
      }
      return plain;
    }();
    return k_plain[static_cast<unsigned char>(c)];
  }

  // The length of the multi-byte UTF-8 character at `text` (of which `available` bytes are read), when it
  // is whole and well-formed as RFC 3629 says (nlohmann's test: no overlong forms, no surrogates, nothing
  // above U+10FFFF); else 0.
  static std::size_t utf8_length(const char* text, std::size_t available)
  {
    const auto byte = [&](std::size_t i) -> unsigned char {
      return i < available ? static_cast<unsigned char>(text[i]) : 0;
    };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      second_low = lead == 0xE0 ? 0xA0 : 0x80;
      second_high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      second_low = lead == 0xF0 ? 0x90 : 0x80;
      second_high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (byte(1) < second_low || byte(1) > second_high) {
      return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
      if (byte(i) < 0x80 || byte(i) > 0xBF) {
        return 0;
      }
    }
    return length;
  }

  // A multi-byte character the run stopped at: cut by the buffer's end (read more), or not well-formed.
  bool utf8_character(std::string& out)
  {
    fill(4);
    const std::size_t length = utf8_length(m_buffer.data() + m_at, m_size - m_at);
    out.append(m_buffer.data() + m_at, length);
    m_at += length;
    return length > 0;
  }

  bool escape(std::string& out)
  {
    if (!fill(2)) {
      return false;
    }
    const char kind = m_buffer[m_at + 1];
    m_at += 2;
    switch (kind) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': break;
    default: return false;
    }
    std::uint32_t code = 0;
    if (!hex4(code)) {
      return false;
    }
    if (code >= 0xDC00 && code <= 0xDFFF) {
      return false;
    }
    if (code >= 0xD800 && code <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!fill(2) || m_buffer[m_at] != '\\' || m_buffer[m_at + 1] != 'u') {
        return false;
      }
      m_at += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) {
        return false;
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  bool hex4(std::uint32_t& code)
  {
    if (!fill(4)) {
      return false;
    }
    for (std::size_t i = 0; i < 4; ++i) {
      const char c = m_buffer[m_at + i];
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return false;
      }
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    m_at += 4;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code)
  {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  const ReadBytes& m_read;
  Handler& m_handler;
  std::vector<char> m_buffer;
  std::size_t m_at = 0;
  std::size_t m_size = 0;
  bool m_done = false;
  std::vector<bool> m_open;  // the containers open: true for an object
  bool m_first = false;      // the container just opened has no member yet
  std::string m_text;
  std::string m_number;
};

std::string quoted(std::string_view text)
{
  return fmt::format("\"{}\"", text);
}

std::string join_quoted(std::span<const std::string_view> names)
{
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : ", ") + quoted(names[i]);
  }
  return out;
}

} // namespace

std::optional<Json> parse_json_document(std::string_view text, std::string_view source, Diagnostics& problems,
                                        Language language)
{
  // Checked on the whole text first, so excess nesting is reported wherever it is, as it always was.
  if (const auto too_deep = find_excess_nesting(text, k_max_json_depth)) {
    problems.push_back({std::string{source}, position_at(text, *too_deep), {},
                        TR(language, "nesting deeper than {} levels is not allowed", k_max_json_depth)});
    return std::nullopt;
  }
  // Valid documents, nearly all of them, are read by the fast reader; nlohmann's explains the others.
  if (auto document = parse_valid_json_stream(read_text(text), source, problems, language)) {
    return document;
  }
  return parse_json_stream(read_text(text), source, problems, language);
}

ReadBytes read_text(std::string_view text)
{
  return [text](char* buffer, std::size_t capacity) mutable {
    const std::size_t count = std::min(capacity, text.size());
    std::copy_n(text.data(), count, buffer);
    text.remove_prefix(count);
    return count;
  };
}

std::optional<Json> parse_json_stream(const ReadBytes& read, std::string_view source, Diagnostics& problems,
                                      Language language, const StreamedArray* streamed)
{
  const std::size_t problems_before = problems.size();
  ChunkReader input{read};
  DomBuilder builder{source, problems, language, &input, streamed};
  const bool parsed = Json::sax_parse(ChunkReader::Iterator{&input}, ChunkReader::Iterator{nullptr}, &builder);
  if (!parsed) {
    // A syntax error hides any duplicate keys found before it: report the error alone.
    problems.resize(problems_before);
    if (const auto too_deep = builder.excess_nesting()) {
      problems.push_back({std::string{source}, input.position_of(*too_deep), {},
                          TR(language, "nesting deeper than {} levels is not allowed", k_max_json_depth)});
      return std::nullopt;
    }
    const std::size_t offset = builder.error_byte() == 0 ? 0 : builder.error_byte() - 1;
    problems.push_back(
      {std::string{source}, input.position_of(offset), {}, parse_error_reason(builder.error_message(), language)});
    return std::nullopt;
  }
  if (problems.size() != problems_before) {
    return std::nullopt;
  }
  return std::move(builder.result());
}

std::optional<Json> parse_valid_json_stream(const ReadBytes& read, std::string_view source, Diagnostics& problems,
                                            Language language, const StreamedArray* streamed)
{
  const std::size_t problems_before = problems.size();
  DomBuilder builder{source, problems, language, nullptr, streamed};
  StrictJsonReader<DomBuilder> reader{read, builder};
  if (!reader.parse() || problems.size() != problems_before) {
    problems.resize(problems_before);
    return std::nullopt;
  }
  return std::move(builder.result());
}

std::string json_pointer_append(std::string_view pointer, std::string_view key)
{
  std::string out{pointer};
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_pointer_append(std::string_view pointer, std::size_t index)
{
  return fmt::format("{}/{}", pointer, index);
}

std::string describe_json(const Json& value, Language language)
{
  switch (value.type()) {
  case Json::value_t::object: return TR(language, "an object");
  case Json::value_t::array: return TR(language, "an array");
  case Json::value_t::string: {
    const auto& text = value.get_ref<const std::string&>();
    constexpr std::size_t k_shown = 40;
    return text.size() > k_shown ? TR(language, "the string \"{}...\"", text.substr(0, k_shown))
                                 : TR(language, "the string \"{}\"", text);
  }
  case Json::value_t::boolean: return value.get<bool>() ? "true" : "false";
  case Json::value_t::null: return "null";
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
  case Json::value_t::number_float: return TR(language, "the number {}", value.dump());
  default: return TR(language, "an unsupported value");
  }
}

JsonObject::JsonObject(const Json& value, std::string pointer, std::string_view source, Diagnostics& problems,
                       std::span<const std::string_view> known_fields, Language language)
  : m_value(&value), m_pointer(std::move(pointer)), m_source(source), m_problems(&problems), m_language(language)
{
  for (const auto& [key, field_value] : value.items()) {
    bool known = false;
    for (const std::string_view name : known_fields) {
      known = known || name == key;
    }
    if (!known) {
      const auto suggestion = closest_match(key, known_fields);
      problem(key, suggestion ? TR(m_language, "unknown field \"{}\"; did you mean \"{}\"?", key, *suggestion)
                              : TR(m_language, "unknown field \"{}\"; expected one of {}", key, join_quoted(known_fields)));
    }
  }
}

const Json* JsonObject::find(std::string_view key) const
{
  const auto found = m_value->find(key);
  return found == m_value->end() ? nullptr : &*found;
}

void JsonObject::problem(std::string_view key, std::string message) const
{
  m_problems->push_back(
    {std::string{m_source}, std::nullopt, key.empty() ? m_pointer : pointer_to(key), std::move(message)});
}

const Json* JsonObject::field(std::string_view key, Need need) const
{
  const Json* value = find(key);
  if (value == nullptr && need == Need::required) {
    m_problems->push_back(
      {std::string{m_source}, std::nullopt, m_pointer,
       TR(m_language, "missing required field \"{}\"", key)});
  }
  return value;
}

void JsonObject::wrong_type(std::string_view key, std::string_view expected, const Json& got) const
{
  problem(key, TR(m_language, "expected {}, got {}", expected, describe_json(got, m_language)));
}

std::optional<std::string> JsonObject::string(std::string_view key, Need need) const
{
  const Json* value = field(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    wrong_type(key, TR(m_language, "a string"), *value);
    return std::nullopt;
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.empty()) {
    problem(key, TR(m_language, "expected a non-empty string, got \"\""));
    return std::nullopt;
  }
  if (!is_printable_utf8(text)) {
    problem(key, TR(m_language, "control characters are not allowed in text, got \"{}\"", escape_control(text)));
    return std::nullopt;
  }
  return text;
}

std::optional<bool> JsonObject::boolean(std::string_view key, Need need) const
{
  const Json* value = field(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    wrong_type(key, TR(m_language, "true or false"), *value);
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> JsonObject::integer(std::string_view key, Need need, std::int64_t minimum,
                                                std::int64_t maximum, std::string_view what) const
{
  const Json* value = field(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  const std::string expected =
    TR(m_language, "{} from {} to {}", what.empty() ? TR(m_language, "an integer") : std::string{what}, minimum, maximum);
  if (value->is_number_integer() && !value->is_number_unsigned()) {
    const auto number = value->get<std::int64_t>();
    if (number >= minimum && number <= maximum) {
      return number;
    }
  } else if (value->is_number_unsigned()) {
    const auto number = value->get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(maximum) && static_cast<std::int64_t>(number) >= minimum) {
      return static_cast<std::int64_t>(number);
    }
  }
  wrong_type(key, expected, *value);
  return std::nullopt;
}

std::optional<int> JsonObject::small_integer(std::string_view key, Need need, int minimum, int maximum,
                                             std::string_view what) const
{
  const auto value = integer(key, need, minimum, maximum, what);
  return value ? std::optional<int>{static_cast<int>(*value)} : std::nullopt;
}

std::optional<date::year_month_day> JsonObject::date(std::string_view key, Need need) const
{
  const Json* value = field(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    wrong_type(key, TR(m_language, "a date YYYY-MM-DD"), *value);
    return std::nullopt;
  }
  const auto parsed = parse_iso_date(value->get_ref<const std::string&>());
  if (!parsed) {
    wrong_type(key, TR(m_language, "a real date YYYY-MM-DD"), *value);
  }
  return parsed;
}

std::optional<std::size_t> JsonObject::one_of(std::string_view key, Need need,
                                              std::span<const std::string_view> names) const
{
  const Json* value = field(key, need);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == text) {
        return i;
      }
    }
    if (const auto suggestion = closest_match(text, names)) {
      problem(key, TR(m_language, "expected one of {}, got {}; did you mean \"{}\"?", join_quoted(names),
                      describe_json(*value, m_language), *suggestion));
      return std::nullopt;
    }
  }
  wrong_type(key, TR(m_language, "one of {}", join_quoted(names)), *value);
  return std::nullopt;
}

const Json* JsonObject::array(std::string_view key, Need need) const
{
  const Json* value = field(key, need);
  if (value != nullptr && !value->is_array()) {
    wrong_type(key, TR(m_language, "an array"), *value);
    return nullptr;
  }
  return value;
}

bool JsonObject::each_object(std::string_view key, Need need, std::span<const std::string_view> known_fields,
                             const std::function<void(const JsonObject&)>& read) const
{
  const Json* elements = array(key, need);
  if (elements == nullptr) {
    return false;
  }
  const std::string at = pointer_to(key);
  for (std::size_t i = 0; i < elements->size(); ++i) {
    const Json& element = (*elements)[i];
    const std::string pointer = json_pointer_append(at, i);
    if (!element.is_object()) {
      m_problems->push_back({std::string{m_source}, std::nullopt, pointer,
                             TR(m_language, "expected an object, got {}", describe_json(element, m_language))});
      continue;
    }
    read(JsonObject{element, pointer, m_source, *m_problems, known_fields, m_language});
  }
  return true;
}

const Json* JsonObject::object(std::string_view key, Need need) const
{
  const Json* value = field(key, need);
  if (value != nullptr && !value->is_object()) {
    wrong_type(key, TR(m_language, "an object"), *value);
    return nullptr;
  }
  return value;
}

} // namespace simplan::util
