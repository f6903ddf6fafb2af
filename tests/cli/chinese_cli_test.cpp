// simplan in Simplified Chinese: byte-exact output for the main commands, and no English left in anything a
// person reads, across every command on the built-in catalog.

#include "test_support.hpp"

#include "simplan/data/builtin_data.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

using simplan::testing::expected;
using simplan::testing::FakeWorld;
using simplan::testing::read_test_file;
using simplan::testing::RunResult;
using simplan::testing::TempDir;
using simplan::testing::test_file_path;

namespace {

// A Chinese reader with a lines file in a temporary directory, on 2026-11-29.
struct ChineseReader {
  TempDir home;
  FakeWorld world;

  explicit ChineseReader(const std::string& catalog = "")
  {
    world.variables["LANG"] = "zh_CN.UTF-8";
    world.variables["SIMPLAN_LINES"] = home.file("lines.json");
    world.variables["SOURCE_DATE_EPOCH"] = "1795953600";
    if (!catalog.empty()) {
      world.variables["SIMPLAN_CATALOG"] = test_file_path(catalog);
    }
  }

  RunResult run(std::vector<std::string> args) const { return world.run(std::move(args)); }
};

/// Three or more lowercase English words in a row: a sentence left untranslated. Text a person copies or
/// that is a name is not prose: commands ('simplan lines list', lines that start with "simplan "), URLs,
/// quoted values, and what follows "via" in a source (the catalog keeps citations as written).
std::vector<std::string> english_leaks(const std::string& text)
{
  static const std::regex k_not_prose{
    R"('[^']*'|“[^”]*”|"[^"]*"|https?://[!-~]+|[\w.-]+\.(com|org|net|md|json)\b|simplan(?: [a-z][\w-]*)+|转引自.*$)"};
  // Words joined by single spaces; a word glued to a hyphen ("5-year", "plan-id") is part of a name.
  static const std::regex k_english_run{R"((?:^|[^\w-])([a-z]+(?: [a-z]+){2,})(?![\w-]))"};
  std::vector<std::string> leaks;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos && line.compare(first, 8, "simplan ") == 0) {
      continue;  // an example command
    }
    const std::string prose = std::regex_replace(line, k_not_prose, " ");
    for (auto match = std::sregex_iterator(prose.begin(), prose.end(), k_english_run); match != std::sregex_iterator();
         ++match) {
      leaks.push_back(match->str(1) + "  <-  " + line);
    }
  }
  return leaks;
}

void check_no_english(const std::vector<std::string>& args, const RunResult& result)
{
  std::string command;
  for (const auto& arg : args) {
    command += arg + " ";
  }
  CAPTURE(command);
  for (const std::string& leak : english_leaks(result.out + result.err)) {
    FAIL_CHECK(leak);
  }
}

std::vector<std::string> builtin_ids(const char* array)
{
  std::vector<std::string> ids;
  const auto catalog = nlohmann::json::parse(simplan::data::builtin_catalog_json());
  for (const auto& item : catalog.at(array)) {
    ids.push_back(item["id"].get<std::string>());
  }
  return ids;
}

} // namespace

TEST_CASE("the leak check finds English prose and passes names, commands and URLs")
{
  CHECK(english_leaks("费用：pay by hand\n").size() == 1);
  CHECK(english_leaks("套餐 Unlimited Talk & Text，$25\n").empty());
  CHECK(english_leaks("运行 'simplan lines list' 查看\n").empty());
  CHECK(english_leaks("  simplan remind --export ics\n").empty());
  CHECK(english_leaks("网站：https://example.com/pay-as-you-go\n").empty());
}

TEST_CASE("recommend --profile tourist reads in Chinese, byte for byte")
{
  const ChineseReader reader{"catalogs/small.json"};
  const RunResult result = reader.run({"recommend", "--profile", "tourist", "--explain"});
  CHECK(result.status == 0);
  CHECK(result.out == expected("zh-recommend-tourist.txt", result.out));
}

TEST_CASE("plans show reads in Chinese, byte for byte, with labels aligned by display width")
{
  const ChineseReader reader{"catalogs/small.json"};
  const RunResult result = reader.run({"plans", "show", "acme-prepaid-15"});
  CHECK(result.status == 0);
  CHECK(result.out == expected("zh-show-acme-prepaid-15.txt", result.out));
}

TEST_CASE("remind and its calendar read in Chinese, byte for byte")
{
  const ChineseReader reader{"catalogs/small.json"};
  REQUIRE(reader.run({"lines", "add", "--plan", "acme-prepaid-15", "--start", "2026-11-01", "--label", "我的手机"}).status == 0);
  const RunResult text = reader.run({"remind"});
  CHECK(text.status == 0);
  CHECK(text.out == expected("zh-remind.txt", text.out));
  const RunResult calendar = reader.run({"remind", "--export", "ics"});
  CHECK(calendar.status == 0);
  CHECK(calendar.out == expected("zh-remind.ics", calendar.out));
}

TEST_CASE("errors read in Chinese and keep option names as typed")
{
  const ChineseReader reader;
  RunResult result = reader.run({"plans", "--kind", "monthly"});
  CHECK(result.status == 2);
  CHECK(result.err == "simplan: 错误：--kind: 应为 prepaid, postpaid, travel 之一，实际为“monthly”\n"
                      "运行 'simplan --help' 查看用法。\n");
  result = reader.run({"remid"});
  CHECK(result.status == 2);
  CHECK(result.err == "simplan: 错误：未知命令“remid”；你是不是要找“remind”？\n运行 'simplan --help' 查看用法。\n");
}

TEST_CASE("the --lang option overrides the locale, in either direction")
{
  FakeWorld world;
  world.variables["LANG"] = "zh_CN.UTF-8";
  CHECK(world.run({"plans", "--kind", "monthly", "--lang", "en"}).err.starts_with("simplan: error: --kind: expected one of"));
  world.variables["LANG"] = "en_US.UTF-8";
  CHECK(world.run({"--lang=zh-CN", "plans", "--kind", "monthly"}).err.starts_with("simplan: 错误："));
  world.variables["LC_ALL"] = "zh_CN.UTF-8";
  CHECK(world.run({"plans", "--kind", "monthly"}).err.starts_with("simplan: 错误："));
  CHECK(world.run({"--lang", "fr", "plans"}).status == 2);
}

TEST_CASE("every command in Chinese on the built-in catalog leaves no English prose")
{
  const ChineseReader reader;
  std::vector<std::vector<std::string>> runs{
    {"--help"},
    {"recommend", "--help"},
    {"compare", "--help"},
    {"remind", "--help"},
    {"lines", "--help"},
    {"lines", "add", "--help"},
    {"lines", "list", "--help"},
    {"lines", "renewed", "--help"},
    {"lines", "remove", "--help"},
    {"renew", "--help"},
    {"plans", "--help"},
    {"plans", "show", "--help"},
    {"catalog", "--help"},
    {"catalog", "validate", "--help"},
    {"catalog", "info", "--help"},
    {"--version"},
    {"plans"},
    {"catalog", "info"},
    {"catalog", "validate"},
    {"remind"},
    {"lines", "list"},
    {"compare", "mint-unlimited", "visible-base", "tello-10gb"},
    {"recommend", "--profile", "tourist", "--budget", "1"},
    {"recommend", "--profile", "tourist", "--why-not", "visible-plus"},
    {"recommend", "--days", "3", "--months", "1"},
    {"recommend", "--profile", "toursit"},
    {"remid"},
    {"plans", "show", "no-such-plan"},
    {"catalog", "validate", "/nonexistent/plans.json"},
  };
  for (const char* profile : {"tourist", "student", "resident", "heavy-data"}) {
    runs.push_back({"recommend", "--profile", profile, "--explain", "--show-excluded", "--call", "CN", "--network", "att"});
  }
  for (const std::string& id : builtin_ids("plans")) {
    runs.push_back({"plans", "show", id});
  }
  for (const std::string& id : builtin_ids("carriers")) {
    runs.push_back({"renew", id});
  }
  // Lines of each kind (prepaid with an intro price, a travel pass, a custom plan) through every lines command.
  runs.push_back({"lines", "add", "--plan", "mint-unlimited", "--term", "90d", "--start", "2026-10-01", "--label", "家里"});
  runs.push_back({"lines", "add", "--plan", "tmobile-us-pass-30-day", "--start", "2026-11-20", "--label", "旅行"});
  runs.push_back({"lines", "add", "--custom", "--carrier", "Local", "--term", "30d", "--price", "20", "--start",
                  "2026-11-01", "--label", "自定义"});
  runs.push_back({"lines", "list"});
  runs.push_back({"remind", "--count", "3"});
  runs.push_back({"remind", "--export", "ics", "--rrule", "--heads-up", "3"});
  runs.push_back({"renew", "家里"});
  runs.push_back({"renew", "自定义"});
  runs.push_back({"lines", "renewed", "家里", "--on", "2026-12-20"});
  runs.push_back({"lines", "remove", "自定义"});

  for (const auto& args : runs) {
    check_no_english(args, reader.run(args));
  }
}
