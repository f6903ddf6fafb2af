#include "simplan/util/text.hpp"

#include <catch2/catch.hpp>

using namespace simplan::util;

TEST_CASE("display width counts CJK characters as two columns")
{
  CHECK(display_width("") == 0);
  CHECK(display_width("Mint") == 4);
  CHECK(display_width("联信通信") == 8);
  CHECK(display_width("留学生套餐 Student") == 18);
  CHECK(display_width("ｆｕｌｌ") == 8);  // fullwidth Latin
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(display_width("caf\xC3\xA9") == 4);
  CHECK(display_width("\xFF") == 1);  // an invalid byte takes one column
}

TEST_CASE("control characters and broken UTF-8 are escaped before they reach a terminal")
{
  CHECK(escape_control("plain 中文") == "plain 中文");
  CHECK(escape_control("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(escape_control("\x1b[31mred\x1b[0m") == "\\e[31mred\\e[0m");
  CHECK(escape_control(std::string{"nul\0x", 5}) == "nul\\x00x");
  CHECK(escape_control("\x7f") == "\\x7F");
  CHECK(escape_control("\xC2\x9B"
                       "31m") == "\\u{009B}31m");  // C1 CSI
  CHECK(escape_control("\xE2\x80\xAE"
                       "evil") == "\\u{202E}evil");  // right-to-left override
  CHECK(escape_control("\xFF\xFE") == "\\xFF\\xFE");
  CHECK(escape_control("\xC0\xAF") == "\\xC0\\xAF");  // overlong "/"
  CHECK(escape_control("\xED\xA0\x80") == "\\xED\\xA0\\x80");  // a UTF-16 surrogate
  CHECK(escape_control("\xE4\xB8") == "\\xE4\\xB8");  // truncated sequence
  CHECK(is_printable_utf8("ok 中文"));
  CHECK_FALSE(is_printable_utf8("bell\a"));
}

TEST_CASE("truncation respects display width and never splits a character")
{
  CHECK(truncate_to_width("Unlimited Plus", 20, "…") == "Unlimited Plus");
  CHECK(truncate_to_width("Unlimited Plus", 8, "…") == "Unlimit…");
  CHECK(truncate_to_width("Unlimited Plus", 8, "~") == "Unlimit~");
  CHECK(truncate_to_width("留学生套餐", 6, "…") == "留学…");
  CHECK(truncate_to_width("留学生套餐", 5, "…") == "留学…");
  CHECK(display_width(truncate_to_width("留学生套餐", 4, "…")) <= 4);
}

TEST_CASE("padding fills to a display width")
{
  CHECK(pad_right("ab", 4) == "ab  ");
  CHECK(pad_right("中", 4) == "中  ");
  CHECK(pad_left("7", 3) == "  7");
  CHECK(pad_right("toolong", 3) == "toolong");
}

TEST_CASE("byte offsets map to line and character column")
{
  const std::string text = "{\n  \"名\": x\n}";
  const auto position = position_at(text, text.find('x'));
  CHECK(position.line == 2);
  CHECK(position.column == 8);
  CHECK(position_at(text, 0).line == 1);
  CHECK(position_at(text, 0).column == 1);
  CHECK(position_at(text, 1000).line == 3);
}

TEST_CASE("utf8_char_length gives the bytes of the first character, or 0 when it is not well-formed UTF-8")
{
  CHECK(utf8_char_length("ab") == 1);
  CHECK(utf8_char_length("\xC2\xA0x") == 2);
  CHECK(utf8_char_length("中文") == 3);
  CHECK(utf8_char_length("\xF0\x9F\x98\x80") == 4);
  CHECK(utf8_char_length("") == 0);
  CHECK(utf8_char_length("\xE4\xB8") == 0);      // cut short
  CHECK(utf8_char_length("\xE4\n\xAD") == 0);    // a line break is no continuation byte
  CHECK(utf8_char_length("\xC0\xAF") == 0);      // overlong
  CHECK(utf8_char_length("\xB8") == 0);          // a continuation byte alone
}
