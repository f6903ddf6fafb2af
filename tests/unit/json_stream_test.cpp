// The two streaming JSON readers: the fast strict one must build exactly what nlohmann builds, and give up
// (adding no problem) wherever nlohmann refuses; nlohmann's must place errors the same however the text is cut.

#include "simplan/util/json_reader.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace simplan;
using util::Json;

namespace {

std::optional<Json> fast(const std::string& text, std::size_t piece, util::Diagnostics& problems)
{
  return util::parse_valid_json_stream(testing::read_in_pieces(text, piece), "t.json", problems);
}

std::optional<Json> explained(const std::string& text, std::size_t piece, util::Diagnostics& problems)
{
  return util::parse_json_stream(testing::read_in_pieces(text, piece), "t.json", problems);
}

std::string first_problem(const util::Diagnostics& problems)
{
  return problems.empty() ? "" : util::format_diagnostic(problems.front());
}

} // namespace

TEST_CASE("the fast reader builds the same document as nlohmann, however the text is cut")
{
  const std::vector<std::string> documents = {
    "{}", "[]", "0", "-0", "12", "-12", "1.5", "-1.25e-3", "1E5", "2e+2", "18446744073709551615",
    "-9223372036854775808", "true", "false", "null", "\"\"", "  \r\n\t[ 1 , 2 ]  \n",
    "\xEF\xBB\xBF{\"bom\": 1}",
    R"({"a": {"b": [1, [2, [3, {}]], "x"]}, "c": null})",
    R"(["\" \\ \/ \b \f \n \r \t", "\u00e9\u4e2d\uD83D\uDE00", "\u0000"])",
    "[\"caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x93\xB1 \xF4\x8F\xBF\xBF \xED\x9F\xBF\"]",
    "{\"long\": \"" + std::string(70000, 'x') + "\xE4\xB8\xAD" + std::string(300, 'y') + "\"}",
  };
  for (const std::string& text : documents) {
    for (const std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{65536}}) {
      INFO(text.substr(0, 60) << " in pieces of " << piece);
      util::Diagnostics problems;
      const auto document = fast(text, piece, problems);
      REQUIRE(document);
      CHECK(problems.empty());
      CHECK(*document == Json::parse(text));
      CHECK(document->dump() == Json::parse(text).dump());  // the same types: unsigned, signed, float
    }
  }
}

TEST_CASE("the fast reader gives up without a word wherever nlohmann refuses")
{
  const std::vector<std::string> documents = {
    "", " ", "{", "[1,]", "{,}", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "01", "-", "1.", ".5", "1e", "+1", "1.5.3",
    "tru", "nul", "True", "\"abc", "\"a\x01\"", "\"\\x\"", "\"\\u12G4\"", "\"\\uDC00\"", "\"\\uD800\"",
    "\"\\uD800\\u0041\"", "\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
    "\"\xF5\x80\x80\x80\"", "\"\x80\"", "\"\xE4\xB8\"", "[1] 2", "\xEF\xBB{}", "1e999", "{\"a\": 1, \"a\": 2}",
    std::string(65, '[') + std::string(65, ']'),
  };
  for (const std::string& text : documents) {
    INFO(text);
    util::Diagnostics problems;
    CHECK_FALSE(fast(text, 3, problems));
    CHECK(problems.empty());
    CHECK_FALSE(explained(text, 3, problems));
    CHECK(problems.size() == 1);
  }
}

TEST_CASE("on thousands of damaged documents the fast reader accepts exactly what nlohmann accepts")
{
  // Random one- and two-byte damage to a document with every kind of value; the seed is fixed.
  const std::string original = R"({"id": "mint-unlimited", "price_cents": [1500, -0, 2.5e1], "ok": true, "no": null, )"
                               "\"name\": {\"en\": \"caf\xC3\xA9 \\\"q\\\"\", \"zh-Hans\": \"\xE4\xB8\xAD\\u6587\\uD83D\\uDE00\"}}";
  const std::string bytes = "{}[]\":,\\ 0-1.eE+tfnu\x01\x80\xBF\xC3\xE4\xED\xF0\xFF";
  std::mt19937 random{20261130};
  int accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text = original;
    for (int damage = 0; damage < 1 + round % 2; ++damage) {
      const std::size_t at = random() % text.size();
      const char byte = bytes[random() % bytes.size()];
      switch (random() % 3) {
      case 0: text[at] = byte; break;
      case 1: text.insert(at, 1, byte); break;
      default: text.erase(at, 1); break;
      }
    }
    INFO(text);
    util::Diagnostics fast_problems;
    util::Diagnostics problems;
    const auto document = fast(text, 1 + round % 13, fast_problems);
    const auto expected = explained(text, 64, problems);
    REQUIRE(document.has_value() == expected.has_value());
    CHECK(fast_problems.empty());
    if (document) {
      ++accepted;
      CHECK(document->dump() == expected->dump());
    }
  }
  CHECK(accepted > 100);  // the damage left enough documents valid to compare their content
}

TEST_CASE("a syntax error is placed at the same line and column however the text is cut")
{
  std::string text = "{\n  \"carriers\": [],\n  \"plans\": [\n";
  for (int i = 0; i < 40; ++i) {
    text += "    {\"id\": \"p" + std::to_string(i) + "\", \"name\": \"\xE4\xB8\xAD\xE6\x96\x87 plan\"},\n";
  }
  const std::string broken = text + "    {\"id\": \"last\" \"name\": 1}\n  ]\n}\n";
  const std::string cut_short = text;
  for (const auto& [document, expected] : {std::pair{broken, std::string{"t.json:44:24: syntax error while parsing object - unexpected string literal; expected '}'"}},
                                           std::pair{cut_short, std::string{"t.json:44:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"}}}) {
    for (std::size_t piece = 1; piece < 80; piece += 3) {
      INFO("pieces of " << piece);
      util::Diagnostics problems;
      CHECK_FALSE(explained(document, piece, problems));
      CHECK(first_problem(problems) == expected);
    }
    util::Diagnostics whole;
    CHECK_FALSE(util::parse_json_document(document, "t.json", whole));
    CHECK(first_problem(whole) == expected);
  }
}

TEST_CASE("the elements of a streamed array are handed over one by one, in order, and not kept")
{
  const std::string text = R"({"as_of": "2026-11-29", "plans": [{"id": "a"}, 2, [3], {"id": "d"}], "after": true})";
  std::vector<std::string> seen;
  const util::StreamedArray plans{"plans", [&](Json&& element, std::size_t index, const Json& so_far) {
                                    seen.push_back(std::to_string(index) + " " + element.dump() + " " +
                                                   std::to_string(so_far.contains("as_of")) +
                                                   std::to_string(so_far.contains("after")));
                                  }};
  for (const bool use_fast : {true, false}) {
    seen.clear();
    util::Diagnostics problems;
    const auto document = use_fast ? util::parse_valid_json_stream(testing::read_in_pieces(text, 5), "t.json", problems, i18n::Language::en, &plans)
                                   : util::parse_json_stream(testing::read_in_pieces(text, 5), "t.json", problems, i18n::Language::en, &plans);
    REQUIRE(document);
    CHECK(document->dump() == R"({"after":true,"as_of":"2026-11-29","plans":[]})");
    CHECK(seen == std::vector<std::string>{R"(0 {"id":"a"} 10)", "1 2 10", "2 [3] 10", R"(3 {"id":"d"} 10)"});
  }
}
