#pragma once
// Reading JSON documents that people write: every problem is collected with its location, never thrown.
// Syntax errors get line:column; content errors get the JSON pointer of the value (RFC 6901).

#include "simplan/i18n/language.hpp"
#include "simplan/util/diagnostic.hpp"
#include "simplan/util/read_bytes.hpp"

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace simplan::util {

using Json = nlohmann::json;

/// Documents deeper than this are rejected before parsing, so nesting cannot exhaust the stack.
inline constexpr int k_max_json_depth = 64;

/// Parses `text` (named `source` in messages) into a DOM. On failure adds the problems (a syntax error
/// with line:column, excessive nesting, duplicate object keys with their pointer), worded in `language`,
/// and returns nothing.
std::optional<Json> parse_json_document(std::string_view text, std::string_view source, Diagnostics& problems,
                                        i18n::Language language = i18n::Language::en);

/// The elements of one array field of the top-level object, handed over one at a time instead of kept.
struct StreamedArray {
  std::string_view key;  ///< the top-level field, e.g. "plans"
  /// Called as soon as each element is complete, with its index and the document read so far (the fields
  /// that come before `key` in the text, and any part of others). The array stays in the DOM, empty.
  std::function<void(Json&& element, std::size_t index, const Json& document_so_far)> on_element;
};

/// parse_json_document for a document read in pieces: memory is bounded by the DOM it keeps, not by the
/// text. Nesting is checked as it is read, so a syntax error before the excess nesting is the one reported.
/// Elements of `streamed` (when given) are not kept; on failure some may have been handed over already.
std::optional<Json> parse_json_stream(const ReadBytes& read, std::string_view source, Diagnostics& problems,
                                      i18n::Language language = i18n::Language::en,
                                      const StreamedArray* streamed = nullptr);

/// "/plans/3/name" from "/plans/3" and "name", escaping "~" and "/" as RFC 6901 says.
std::string json_pointer_append(std::string_view pointer, std::string_view key);
std::string json_pointer_append(std::string_view pointer, std::size_t index);

/// parse_json_stream for a document expected to be valid, several times faster. On any problem it adds
/// none and returns nothing: then parse the document again with parse_json_stream, which explains it.
/// (Elements of `streamed` may have been handed over before it gave up.)
std::optional<Json> parse_valid_json_stream(const ReadBytes& read, std::string_view source, Diagnostics& problems,
                                            i18n::Language language = i18n::Language::en,
                                            const StreamedArray* streamed = nullptr);

/// A short description of a JSON value for "expected ..., got ..." messages: the string "abc",
/// the number 12.5, an object, an array, true, null.
std::string describe_json(const Json& value, i18n::Language language = i18n::Language::en);

enum class Need { required, optional };

/// Typed access to the fields of one JSON object. Every failed read reports a problem and returns
/// nothing, so a caller can read all fields and get every problem in one pass.
class JsonObject {
public:
  /// Reports fields not in `known_fields` (with a "did you mean" suggestion). `value` must be an object.
  JsonObject(const Json& value, std::string pointer, std::string_view source, Diagnostics& problems,
             std::span<const std::string_view> known_fields, i18n::Language language = i18n::Language::en);

  const std::string& pointer() const { return m_pointer; }
  std::string pointer_to(std::string_view key) const { return json_pointer_append(m_pointer, key); }
  const Json* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }

  /// Adds a problem at this object's field `key` (or at the object itself when key is empty).
  void problem(std::string_view key, std::string message) const;

  std::optional<std::string> string(std::string_view key, Need need) const;
  std::optional<bool> boolean(std::string_view key, Need need) const;
  /// An integer in [minimum, maximum]; `what` names it in messages (a translated noun: "an amount in
  /// cents"), defaulting to "an integer".
  std::optional<std::int64_t> integer(std::string_view key, Need need, std::int64_t minimum, std::int64_t maximum,
                                      std::string_view what = {}) const;
  std::optional<int> small_integer(std::string_view key, Need need, int minimum, int maximum,
                                   std::string_view what = {}) const;
  std::optional<date::year_month_day> date(std::string_view key, Need need) const;
  /// One of `names`; reports "expected one of ..." with a suggestion.
  std::optional<std::size_t> one_of(std::string_view key, Need need, std::span<const std::string_view> names) const;
  /// The field's value when it is an array or object of the wanted type, else reports and returns nullptr.
  const Json* array(std::string_view key, Need need) const;
  const Json* object(std::string_view key, Need need) const;
  /// Calls `read` with each element of the array field `key`, as an object that knows `known_fields`, in
  /// order; reports each element that is not an object. Returns false when there is no such array.
  bool each_object(std::string_view key, Need need, std::span<const std::string_view> known_fields,
                   const std::function<void(const JsonObject&)>& read) const;

  std::string_view source() const { return m_source; }
  Diagnostics& problems() const { return *m_problems; }
  i18n::Language language() const { return m_language; }

private:
  const Json* field(std::string_view key, Need need) const;
  void wrong_type(std::string_view key, std::string_view expected, const Json& got) const;

  const Json* m_value;
  std::string m_pointer;
  std::string_view m_source;
  Diagnostics* m_problems;
  i18n::Language m_language;
};

} // namespace simplan::util
