// In-process runs of the whole command line against the fixture catalog: exact bytes of every output
// format, the stdout/stderr split and the exit codes.

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>

#include <cstdlib>
#include <fstream>
#include <sstream>

using simplan::testing::expected;
using simplan::testing::FakeWorld;
using simplan::testing::read_test_file;
using simplan::testing::RunResult;
using simplan::testing::test_file_path;

namespace {

const std::string k_small = test_file_path("catalogs/small.json");

RunResult run_small(std::vector<std::string> args)
{
  args.insert(args.begin(), {"--catalog", k_small});
  return FakeWorld{}.run(std::move(args));
}

// The expected output stored in tests/data/expected/NAME. With SIMPLAN_UPDATE_EXPECTED=1 in the
// environment the file is rewritten from `actual` instead (review the diff before committing it).
RunResult run_stdin_catalog(std::vector<std::string> args)
{
  FakeWorld world;
  world.stdin_text = read_test_file("catalogs/small.json");
  args.insert(args.begin(), {"--catalog", "-"});
  return world.run(std::move(args));
}

} // namespace

TEST_CASE("plans prints every output format byte for byte")
{
  for (const std::string format : {"table", "json", "csv", "tsv"}) {
    INFO(format);
    const RunResult result = run_small({"plans", "--format", format});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == expected("plans." + format, result.out));
  }
}

TEST_CASE("plans show prints one plan in every output format byte for byte")
{
  for (const std::string format : {"table", "json", "csv", "tsv"}) {
    INFO(format);
    const RunResult result = run_small({"plans", "show", "acme-prepaid-15", "--format", format});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == expected("show-acme-prepaid-15." + format, result.out));
  }
  const RunResult unlimited = run_small({"plans", "show", "acme-unlimited"});
  CHECK(unlimited.out == expected("show-acme-unlimited.table", unlimited.out));
}

TEST_CASE("catalog info summarizes the catalog byte for byte")
{
  const RunResult table = run_stdin_catalog({"catalog", "info"});
  CHECK(table.out == expected("info.table", table.out));
  const RunResult json = run_stdin_catalog({"catalog", "info", "--format", "json"});
  CHECK(json.out == expected("info.json", json.out));

  // Layered, a plan of the second replaced and one added: counted from the merged catalog.
  const RunResult layered = FakeWorld{}.run(
    {"--catalog", k_small, "--catalog", test_file_path("catalogs/layer.json"), "catalog", "info", "--format", "csv"});
  CHECK(layered.out == "carrier,name,prepaid,postpaid,travel,total\r\n"
                       "acme,Acme Wireless,2,1,1,4\r\n"
                       "beta,Beta Mobile,1,0,0,1\r\n"
                       "roam,Roam eSIM,0,0,1,1\r\n"
                       "lianxin,联信通信,1,0,0,1\r\n");
}

TEST_CASE("filters, lines and AutoPay change what plans lists and its prices")
{
  const RunResult result = run_small({"plans", "--lines", "2", "--no-autopay", "--kind", "postpaid,travel"});
  CHECK(result.status == 0);
  CHECK(result.out == "ID              CARRIER        PLAN                KIND        PRICE  TERM     PER MONTH  DATA       "
                      "PRIORITY  HOTSPOT  NETWORK\n"
                      "roam-usa-3gb    Roam eSIM      USA 3GB             travel     $24.00  30 days          -  3 GB       "
                      "standard  unknown  unknown\n"
                      "acme-pass-7     Acme Wireless  Visitor Pass 7-Day  travel     $50.00  7 days           -  50 GB      "
                      "standard  14 GB    Verizon\n"
                      "acme-unlimited  Acme Wireless  Unlimited Plus      postpaid  $140.00  month      $140.00  unlimited  "
                      "premium   30 GB    Verizon\n");
}

TEST_CASE("a query that matches nothing exits 1 with a note on stderr only")
{
  const RunResult result = run_small({"plans", "--max-price", "5"});
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "simplan: no plans match these filters\n");

  const RunResult json = run_small({"plans", "--max-price", "5", "--format", "json"});
  CHECK(json.status == 1);
  CHECK(json.out == "{\n  \"plans\": []\n}\n");
}

TEST_CASE("an unknown plan id exits 1 and suggests the closest id")
{
  const RunResult result = run_small({"plans", "show", "acme-unlimted"});
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "simplan: error: no plan with id \"acme-unlimted\"; did you mean \"acme-unlimited\"?\n");
}

TEST_CASE("bad command lines exit 2 with a message naming the option")
{
  const auto check_usage = [](std::vector<std::string> args, const std::string& message) {
    const RunResult result = run_small(std::move(args));
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == message);
  };
  check_usage({"plans", "--max-price", "cheap"},
              "simplan: error: --max-price: expected a dollar amount such as 25 or 25.50, got \"cheap\"\n");
  check_usage({"plans", "--min-data", "lots"},
              "simplan: error: --min-data: expected an amount of GB such as 5 or 0.5 (at most 10000), got \"lots\"\n");
  check_usage({"plans", "--intl", "China"},
              "simplan: error: --intl: expected a two-letter country code such as CN, IN or MX, got \"China\"\n");
  check_usage({"plans", "--network", "verizn"},
              "simplan: error: --network: expected one of tmobile, att, verizon, boost, got \"verizn\"; did you mean "
              "\"verizon\"?\n");
  check_usage({"plans", "--carrier", "acm"},
              "simplan: error: --carrier: no carrier \"acm\" in the catalog; did you mean \"acme\"?\n");
  check_usage({"--today", "2026-02-30", "plans"},
              "simplan: error: --today: expected a date YYYY-MM-DD that exists, got \"2026-02-30\"\n");
  check_usage({"plans", "--bogus"},
              "simplan: error: unexpected argument: --bogus\nRun 'simplan --help' for usage.\n");
  check_usage({"plans", "--kind", "monthly"},
              "simplan: error: --kind: expected one of prepaid, postpaid, travel, got \"monthly\"\nRun 'simplan --help' for usage.\n");
  check_usage({"plans", "--lines", "0"},
              "simplan: error: --lines: expected a whole number from 1 to 20, got \"0\"\nRun 'simplan --help' for usage.\n");
  check_usage({}, "simplan: error: a command is required\nRun 'simplan --help' for usage.\n");
}

TEST_CASE("a broken catalog exits 3 and names the file and the place of each problem")
{
  FakeWorld world;
  world.stdin_text = "{\"schema_version\": 1, \"as_of\": \"2026-11-01\", \"carriers\": [], \"plans\": [{\"id\": 5}]}";
  const RunResult result = world.run({"--catalog", "-", "plans"});
  CHECK(result.status == 3);
  CHECK(result.out.empty());
  CHECK(result.err.starts_with("simplan: error: <stdin>: /plans/0/id: expected a string, got the number 5\n"
                               "simplan: error: <stdin>: /plans/0: missing required field \"carrier\"\n"));
  CHECK(result.err.ends_with("simplan: hint: 'simplan catalog validate' lists every problem; docs/catalog.md "
                             "describes the format\n"));
}

TEST_CASE("catalog validate prints every problem on stdout and exits 3")
{
  const RunResult bad = FakeWorld{}.run({"catalog", "validate", test_file_path("catalogs/layer.json")});
  CHECK(bad.status == 3);
  const std::string path = test_file_path("catalogs/layer.json");
  CHECK(bad.out == path + ": /plans/0/carrier: unknown carrier \"acme\" (not in \"carriers\")\n" + path +
                     ": /plans/1/carrier: unknown carrier \"acme\" (not in \"carriers\")\n");
  CHECK(bad.err == "simplan: 2 problems found\n");

  const RunResult layered = FakeWorld{}.run({"--catalog", k_small, "--catalog", path, "catalog", "validate"});
  CHECK(layered.status == 0);
  CHECK(layered.out == k_small + " + " + path + ": ok: 7 plans from 4 carriers, as of 2026-11-01\n");
}

TEST_CASE("catalog validate counts one plan and one carrier in the singular, in either language")
{
  nlohmann::json document = nlohmann::json::parse(read_test_file("catalogs/small.json"));
  const nlohmann::json plan = document.at("plans").at(0);
  document["plans"] = nlohmann::json::array({plan});
  nlohmann::json carriers = nlohmann::json::array();
  for (const auto& carrier : document.at("carriers")) {
    if (carrier.at("id") == plan.at("carrier")) {
      carriers.push_back(carrier);
    }
  }
  document["carriers"] = carriers;
  FakeWorld world;
  world.stdin_text = document.dump();
  CHECK(world.run({"--catalog", "-", "catalog", "validate"}).out == "<stdin>: ok: 1 plan from 1 carrier, as of 2026-11-01\n");
  world.stdin_text = document.dump();
  CHECK(world.run({"--lang", "zh-Hans", "--catalog", "-", "catalog", "validate"}).out ==
        "<stdin>：检查通过，共 1 个套餐，来自 1 家运营商，数据截至 2026-11-01\n");
}

TEST_CASE("plans show counts one minute and one country in the singular")
{
  nlohmann::json document = nlohmann::json::parse(read_test_file("catalogs/small.json"));
  document["plans"][5]["international"]["calling"][0]["minutes"] = 1;
  document["plans"][5]["international"]["calling"].push_back({{"country_count", 1}, {"included", true}});
  FakeWorld world;
  world.stdin_text = document.dump();
  const RunResult shown = world.run({"--catalog", "-", "plans", "show", "lianxin-student"});
  CHECK(shown.out.find("\nCalls abroad:  CN: included, 1 minute a month\n"
                       "               1 country (list not in the catalog): included\n") != std::string::npos);
}

TEST_CASE("plans show says an AutoPay discount for one line only in words")
{
  nlohmann::json document = nlohmann::json::parse(read_test_file("catalogs/small.json"));
  document["plans"][1]["autopay"]["max_lines"] = 1;
  FakeWorld world;
  world.stdin_text = document.dump();
  const RunResult one = world.run({"--catalog", "-", "plans", "show", "acme-prepaid-15"});
  CHECK(one.out.find("\nAutoPay:       -$5.00 per line per term (single line only), from term 2\n") != std::string::npos);
  document["plans"][1]["autopay"]["max_lines"] = 3;
  world.stdin_text = document.dump();
  const RunResult three = world.run({"--catalog", "-", "plans", "show", "acme-prepaid-15"});
  CHECK(three.out.find("\nAutoPay:       -$5.00 per line per term (up to 3 lines), from term 2\n") != std::string::npos);
}

TEST_CASE("a missing catalog file exits 4 and names the file")
{
  const RunResult result = FakeWorld{}.run({"--catalog", "/nonexistent/plans.json", "plans"});
  CHECK(result.status == 4);
  CHECK(result.err == "simplan: error: cannot read catalog '/nonexistent/plans.json'\n");
}

TEST_CASE("later catalogs add and replace plans, from --catalog or SIMPLAN_CATALOG")
{
  const std::string layer = test_file_path("catalogs/layer.json");
  const RunResult flags = FakeWorld{}.run({"--catalog", k_small, "--catalog", layer, "plans", "--carrier", "acme",
                                           "--format", "csv"});
  FakeWorld with_variable;
  with_variable.variables["SIMPLAN_CATALOG"] = k_small + ":" + layer;
  const RunResult variable = with_variable.run({"plans", "--carrier", "acme", "--format", "csv"});
  CHECK(flags.status == 0);
  CHECK(flags.out == variable.out);
  CHECK(flags.out.find("acme-basic,") != std::string::npos);
  CHECK(flags.out.find("Unlimited Plus (renegotiated)") != std::string::npos);

  with_variable.variables["SIMPLAN_CATALOG"] = "/nonexistent.json";
  CHECK(with_variable.run({"--catalog", k_small, "plans"}).status == 0);  // --catalog wins
}

TEST_CASE("standard input can be read only once")
{
  const RunResult result = FakeWorld{}.run({"--catalog", "-", "--catalog", "-", "plans"});
  CHECK(result.status == 2);
  CHECK(result.err == "simplan: error: standard input (-) can be read only once\n");
}

TEST_CASE("a catalog older than 180 days gets exactly one warning on stderr")
{
  FakeWorld world;
  world.today = "2027-04-30";  // 180 days after 2026-11-01
  CHECK(world.run({"--catalog", k_small, "plans"}).err.empty());
  world.today = "2027-05-01";
  const RunResult stale = world.run({"--catalog", k_small, "plans", "--format", "json"});
  CHECK(stale.status == 0);
  CHECK(stale.out == read_test_file("expected/plans.json"));
  CHECK(stale.err == "simplan: warning: the plan catalog is 181 days old (as of 2026-11-01); prices and plans may "
                     "have changed. Use a newer simplan or --catalog FILE.\n");
  CHECK(run_small({"--today", "2027-06-01", "plans"}).err.starts_with("simplan: warning: the plan catalog is 212"));
}

TEST_CASE("global options work before or after the command")
{
  CHECK(run_small({"plans", "--format", "csv"}).out == run_small({"--format", "csv", "plans"}).out);
}

TEST_CASE("on a terminal the table fits the width and color obeys NO_COLOR")
{
  FakeWorld world;
  world.terminal = true;
  world.width = 60;
  world.variables["LANG"] = "en_US.UTF-8";
  const RunResult result = world.run({"--catalog", k_small, "plans"});
  std::istringstream lines{result.out};
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.find("\x1b[") == (line.starts_with("\x1b[1m") ? 0 : std::string::npos));
  }
  CHECK(result.out.starts_with("\x1b[1mID"));
  CHECK(result.out == expected("plans-width-60.table", result.out));

  world.variables["NO_COLOR"] = "1";
  CHECK(world.run({"--catalog", k_small, "plans"}).out.find('\x1b') == std::string::npos);
}

TEST_CASE("help and version exit 0 on stdout")
{
  const RunResult help = run_small({"--help"});
  CHECK(help.status == 0);
  CHECK(help.err.empty());
  CHECK(help.out.find("Exit codes:") != std::string::npos);
  const RunResult plans_help = run_small({"plans", "--help"});
  CHECK(plans_help.status == 0);
  CHECK(plans_help.out.find("--max-price DOLLARS") != std::string::npos);
  const RunResult version = run_small({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.starts_with("simplan 0.1.0 (built-in catalog as of "));
}

// ---- recommend and compare ---------------------------------------------------------------------

namespace {

const std::string k_recommend = test_file_path("catalogs/recommend.json");

RunResult run_recommend(std::vector<std::string> args)
{
  args.insert(args.begin(), {"--catalog", k_recommend});
  return FakeWorld{}.run(std::move(args));
}

} // namespace

TEST_CASE("recommend prints every output format byte for byte")
{
  for (const std::string format : {"table", "json", "csv", "tsv"}) {
    INFO(format);
    const RunResult result = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--format", format});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == expected("recommend-tourist." + format, result.out));
  }
}

TEST_CASE("recommend --explain shows each cost line and why each plan ranks where it does")
{
  const RunResult result =
    run_recommend({"recommend", "--profile", "student", "--call", "CN", "--top", "3", "--explain"});
  CHECK(result.status == 0);
  CHECK(result.out == expected("recommend-student-explain.table", result.out));
}

TEST_CASE("recommend --show-excluded names the need that ruled out each plan")
{
  const RunResult result = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--show-excluded"});
  CHECK(result.status == 0);
  CHECK(result.out == expected("recommend-tourist-excluded.table", result.out));

  const RunResult one = run_recommend(
    {"recommend", "--profile", "tourist", "--days", "10", "--show-excluded", "--no-esim", "--credit-check-ok"});
  CHECK(one.out.ends_with("\nRuled out by a fact (1 plan):\n"
                          "ID          PLAN           TOTAL  RULED OUT BY\n"
                          "airco-data  AirCo USA 5GB  $9.00  no phone number (data only)\n"));
}

TEST_CASE("when nothing fits, recommend exits 1 and shows the nearest plans")
{
  const RunResult table = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--budget", "5"});
  CHECK(table.status == 1);
  CHECK(table.err == "simplan: no plan meets every need; the nearest plans are listed with what ruled each out\n");
  CHECK(table.out == expected("recommend-nothing-fits.table", table.out));
  const RunResult json =
    run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--budget", "5", "--format", "json"});
  CHECK(json.status == 1);
  CHECK(json.out == expected("recommend-nothing-fits.json", json.out));
}

TEST_CASE("recommend --why-not explains one plan's rank or what rules it out")
{
  const RunResult ruled_out = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--why-not", "bigco-unlimited"});
  CHECK(ruled_out.status == 0);
  CHECK(ruled_out.out == "BigCo Unlimited (bigco-unlimited) is ruled out: needs a credit check.\n"
                         "Were it not, it would cost $129.51 for the stay ($388.53 a month).\n");
  const RunResult ranked = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--why-not", "flexco-30"});
  CHECK(ranked.status == 0);
  CHECK(ranked.out.starts_with("FlexCo Flex 15GB (flexco-30) ranks 2 of 5.\n\n2. FlexCo Flex 15GB (flexco-30)\n"));
  const RunResult unknown = run_recommend({"recommend", "--profile", "tourist", "--why-not", "flexco-3"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err == "simplan: error: --why-not: no plan with id \"flexco-3\"; did you mean \"flexco-30\"?\n");
}

TEST_CASE("a person's profile file drives recommend, and its mistakes are located")
{
  FakeWorld world;
  world.stdin_text = R"({"extends": "tourist", "stay": {"days": 10}})";
  const RunResult file = world.run({"--catalog", k_recommend, "recommend", "--profile-file", "-", "--format", "csv"});
  CHECK(file.status == 0);
  CHECK(file.out == read_test_file("expected/recommend-tourist.csv"));

  world.stdin_text = R"({"extends": "tourist", "stay": {"days": "ten"}})";
  const RunResult bad = world.run({"--catalog", k_recommend, "recommend", "--profile-file", "-"});
  CHECK(bad.status == 3);
  CHECK(bad.err == "simplan: error: <stdin>: /stay/days: expected a number of days from 1 to 3660, got the string "
                   "\"ten\"\nsimplan: hint: docs/profiles.md describes the profile format\n");

  const RunResult twice = world.run({"--catalog", "-", "recommend", "--profile-file", "-"});
  CHECK(twice.status == 2);
  CHECK(twice.err == "simplan: error: standard input (-) can be read only once: the profile file and a catalog both "
                     "name it\n");
}

TEST_CASE("recommend rejects contradictory or malformed needs with exit 2")
{
  const auto check_usage = [](std::vector<std::string> args, const std::string& message) {
    const RunResult result = run_recommend(std::move(args));
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == message);
  };
  check_usage({"recommend", "--profile", "turist"},
              "simplan: error: --profile: no profile \"turist\"; did you mean \"tourist\"?\n"
              "simplan: hint: the profiles are tourist, student, resident, heavy-data\n");
  check_usage({"recommend", "--esim", "--no-esim"},
              "simplan: error: --esim and --no-esim contradict each other: give one\n");
  check_usage({"recommend", "--days", "10", "--months", "2"},
              "simplan: error: --days and --months cannot be used together\nRun 'simplan --help' for usage.\n");
  check_usage({"recommend", "--tax-rate", "120"},
              "simplan: error: --tax-rate: expected a percentage from 0 to 100 such as 10 or 26.8, got \"120\"\n");
  check_usage({"recommend", "--budget", "lots"},
              "simplan: error: --budget: expected a dollar amount such as 25 or 25.50, got \"lots\"\n");
  check_usage({"recommend", "--call", "CHN"},
              "simplan: error: --call: expected a two-letter country code such as CN, IN or MX, got \"CHN\"\n");
}

TEST_CASE("compare prints plans side by side with a month-by-month chart")
{
  const RunResult unicode = [] {
    FakeWorld world;
    world.variables["LANG"] = "en_US.UTF-8";
    return world.run({"--catalog", k_recommend, "compare", "flexco-30", "yearco-unlimited", "bigco-unlimited",
                      "--months", "4"});
  }();
  CHECK(unicode.status == 0);
  CHECK(unicode.out == expected("compare.table", unicode.out));
  const RunResult ascii =
    run_recommend({"compare", "flexco-30", "yearco-unlimited", "bigco-unlimited", "--months", "4"});
  CHECK(ascii.out == expected("compare-ascii.table", ascii.out));
  for (const std::string format : {"json", "csv"}) {
    const RunResult result = run_recommend(
      {"compare", "flexco-30", "yearco-unlimited", "bigco-unlimited", "--months", "4", "--format", format});
    CHECK(result.status == 0);
    CHECK(result.out == expected("compare." + format, result.out));
  }
}

TEST_CASE("compare needs two known plans")
{
  const RunResult one = run_recommend({"compare", "flexco-30"});
  CHECK(one.status == 2);
  CHECK(one.err == "simplan: error: compare needs at least two plan ids\nsimplan: hint: 'simplan plans' lists the plan ids\n");
  const RunResult unknown = run_recommend({"compare", "flexco-30", "yearco"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err == "simplan: error: no plan with id \"yearco\"; did you mean \"yearco-unlimited\"?\n");
}

TEST_CASE("an option value that looks like a command still runs the command given, with the same output")
{
  // simplan builds only the named command's options when it can tell which command is named; a value
  // such as "--lines-file remind" misleads that guess, and the whole command tree must take over.
  const RunResult direct = run_small({"plans", "--kind", "travel"});
  const RunResult misled = run_small({"--lines-file", "remind", "plans", "--kind", "travel"});
  CHECK(direct.status == 0);
  CHECK(misled.status == direct.status);
  CHECK(misled.out == direct.out);
  CHECK(misled.err == direct.err);
  const RunResult help = run_small({"--lines-file", "lines", "plans", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out == run_small({"plans", "--help"}).out);
  CHECK(run_small({"--lines-file", "plans", "recommend", "--bogus"}).err ==
        run_small({"recommend", "--bogus"}).err);
}

namespace {

// Each plan's total for three months from 2026-11-29, as `compare --format json` gives it.
std::string three_month_totals(std::vector<std::string> extra, std::map<std::string, std::string> variables = {})
{
  std::vector<std::string> args = {"--catalog", k_small, "compare", "acme-unlimited", "beta-flex", "acme-prepaid-15",
                                   "--months", "3", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  FakeWorld world;
  for (auto& [name, value] : variables) {
    world.variables[name] = value;
  }
  const RunResult result = world.run(std::move(args));
  REQUIRE(result.status == 0);
  const nlohmann::json document = nlohmann::json::parse(result.out);
  std::string totals;
  for (const auto& plan : document.at("plans")) {
    totals += plan.at("id").get<std::string>() + "=" + std::to_string(plan.at("total_cents").get<long>()) + " ";
  }
  return totals;
}

} // namespace

// Hand-computed from data/taxes.json. The bill rate is (state-local + federal USF) x 12.1 / 25.4, the
// taxable share of a voice-and-data bundle (docs/taxes.md). Three months buy:
//   acme-unlimited (postpaid, taxes extra): 3 x ($80 - $10 AutoPay) = $210.00, $35.00 connection fee,
//     Admin Fee 3 x $3.99 = $11.97, taxes 3 x round($70.00 x bill rate)
//   beta-flex (prepaid, taxes extra): 90 days at the $45 intro price, then 90 days at $120: $165.00, Recovery
//     Fee 6 x $1.88 = $11.28, taxes at the state's point-of-sale levies per purchase, or the bill rate
//   acme-prepaid-15 (taxes included): $20 x 3 intro + $40, less 3 x $5 AutoPay = $85.00 in every state
TEST_CASE("totals follow the state's taxes: postpaid bills, prepaid purchases, and taxes included")
{
  // WA: 21.62% + 13.36% -> 16.6637% on a bill: 3 x $11.66; prepaid 6.5% + $0.95 a purchase: $2.93 + $0.95
  // and $7.80 + $0.95.
  CHECK(three_month_totals({"--state", "WA"}) == "acme-unlimited=29195 beta-flex=18891 acme-prepaid-15=8500 ");
  // FL: 15.10% + 13.36% -> 13.5578%: 3 x $9.49; prepaid 6% + $0.40: $2.70 + $0.40 and $7.20 + $0.40.
  CHECK(three_month_totals({"--state", "fl"}) == "acme-unlimited=28544 beta-flex=18698 acme-prepaid-15=8500 ");
  // IL: 24.96% + 13.36% -> 18.2548%: 3 x $12.78; its prepaid levies lack the sales tax, so prepaid pays the
  // bill rate: $8.21 and $21.91.
  CHECK(three_month_totals({"--state", "IL"}) == "acme-unlimited=29531 beta-flex=20640 acme-prepaid-15=8500 ");
  // No state: the national 14.25% + 13.36% -> 13.1528% for both kinds ($9.21 x 3; $5.92 and $15.78).
  CHECK(three_month_totals({}) == "acme-unlimited=28460 beta-flex=19798 acme-prepaid-15=8500 ");
  // SIMPLAN_STATE gives the state when --state does not; --state wins.
  CHECK(three_month_totals({}, {{"SIMPLAN_STATE", "WA"}}) == three_month_totals({"--state", "WA"}));
  CHECK(three_month_totals({"--state", "IL"}, {{"SIMPLAN_STATE", "WA"}}) == three_month_totals({"--state", "IL"}));
  // One given rate for every plan: 10% of $70.00 x 3 and of $45 + $120.
  CHECK(three_month_totals({"--tax-rate", "10", "--state", "WA"}) ==
        "acme-unlimited=27797 beta-flex=19278 acme-prepaid-15=8500 ");
}

TEST_CASE("the headline says which taxes were used and why")
{
  const auto headline = [](std::vector<std::string> extra) {
    std::vector<std::string> args = {"--catalog", k_small, "recommend", "--months", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult result = FakeWorld{}.run(std::move(args));
    const std::string line = result.out.substr(0, result.out.find('\n'));
    return line.substr(line.rfind(", taxes") + 2);
  };
  CHECK(headline({"--state", "WA"}) == "taxes estimated for WA: postpaid 16.66%, prepaid 6.5% + $0.95 a purchase.");
  CHECK(headline({"--state", "NY"}) ==
        "taxes estimated for NY: postpaid 16.18%, prepaid at the postpaid rate (its prepaid levies are not known in full).");
  CHECK(headline({"--state", "PR"}) == "taxes estimated for PR: postpaid 13.15% (the US average: no figure for this "
                                       "state), prepaid at the postpaid rate (its prepaid levies are not known in full).");
  CHECK(headline({}) == "taxes estimated at the US average 13.15% where not included (--state gives yours).");
  CHECK(headline({"--tax-rate", "8.25"}) == "taxes at 8.25% where not included.");
}

// plans --state WA on the small catalog, by hand (bill rate 16.6637%; prepaid 6.5% + $0.95 a purchase):
//   acme-unlimited: $70.00 + $11.66 tax + $3.99 Admin Fee = $85.65 a month
//   beta-flex, 360 days for $360.00: + $23.40 + $0.95 tax + 12 x $1.88 Recovery Fee = $406.91, $33.91 a month
//   (the fee is a range: "+"); the taxes-included plans stay as they are.
TEST_CASE("plans --state adds each plan's estimated taxes and fees, and filters and sorts by them")
{
  const auto with_taxes = [](std::vector<std::string> extra, std::map<std::string, std::string> variables = {}) {
    std::vector<std::string> args = {"--catalog", k_small, "plans", "--kind", "prepaid,postpaid", "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    FakeWorld world;
    world.variables.insert(variables.begin(), variables.end());
    const RunResult result = world.run(std::move(args));
    std::string rows;
    std::istringstream lines{result.out};
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
      if (line.ends_with('\r')) {
        line.pop_back();
      }
      std::vector<std::string> fields;
      std::istringstream cells{line};
      for (std::string cell; std::getline(cells, cell, ',');) {
        fields.push_back(cell);
      }
      rows += fields.at(0) + "=" + fields.at(12) + "/" + (line.back() == ',' ? "" : fields.back()) + " ";
    }
    return rows;
  };
  CHECK(with_taxes({"--state", "WA"}) ==
        "lianxin-student=2500/2500 beta-flex=3000/3391 acme-prepaid-15=3500/3500 acme-unlimited=7000/8565 ");
  CHECK(with_taxes({}, {{"SIMPLAN_STATE", "wa"}}) == with_taxes({"--state", "WA"}));
  // Without a state the prices are as sold and the columns are empty.
  CHECK(with_taxes({}) == "lianxin-student=2500/ beta-flex=3000/ acme-prepaid-15=3500/ acme-unlimited=7000/ ");
  // --max-price compares the price with taxes: $33.91 is over $33.90.
  CHECK(with_taxes({"--state", "WA", "--max-price", "33.90"}) == "lianxin-student=2500/2500 ");
  CHECK(with_taxes({"--max-price", "33.90"}) == "lianxin-student=2500/ beta-flex=3000/ ");

  const RunResult table = run_small({"plans", "--state", "WA", "--kind", "postpaid"});
  CHECK(table.out ==
        "Taxes estimated for WA: postpaid 16.66%, prepaid 6.5% + $0.95 a purchase. WITH TAX is the price per month "
        "(per pass for travel) with them and the carrier's fees.\n\n"
        "ID              CARRIER        PLAN            KIND       PRICE  TERM   PER MONTH  WITH TAX  DATA       PRIORITY  HOTSPOT  NETWORK\n"
        "acme-unlimited  Acme Wireless  Unlimited Plus  postpaid  $70.00  month     $70.00    $85.65  unlimited  premium   30 GB    Verizon\n");
  const RunResult json = run_small({"plans", "--state", "WA", "--carrier", "beta", "--format", "json"});
  const nlohmann::json quote = nlohmann::json::parse(json.out).at("plans").at(0).at("quote");
  CHECK(quote.at("taxes_cents") == 2435);
  CHECK(quote.at("carrier_fees_cents") == 2256);
  CHECK(quote.at("carrier_fee_range") == true);
  CHECK(quote.at("price_with_taxes_cents") == 40691);
  CHECK(quote.at("per_month_with_taxes_cents") == 3391);
  CHECK(nlohmann::json::parse(json.out).at("taxes").at("state") == "WA");
  CHECK(run_small({"plans", "--state", "GU"}).status == 2);
}

TEST_CASE("a state not in the tax table is a usage error that lists the states")
{
  const RunResult result = run_small({"recommend", "--state", "XZ"});
  CHECK(result.status == 2);
  CHECK(result.err.starts_with("simplan: error: --state: no state \"XZ\" in the tax table\n"
                               "simplan: hint: the states are AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN "));
  FakeWorld world;
  world.variables["SIMPLAN_STATE"] = "New York";
  const RunResult from_environment = world.run({"--catalog", k_small, "recommend"});
  CHECK(from_environment.status == 2);
  CHECK(from_environment.err.starts_with("simplan: error: SIMPLAN_STATE: no state \"New York\" in the tax table\n"));
}

TEST_CASE("a plan ruled out only because its eSIM is unknown is counted, and --include-unknown keeps it, noted")
{
  const RunResult ruled_out = run_recommend({"recommend", "--profile", "tourist", "--days", "10"});
  CHECK(ruled_out.out.ends_with(
    "\n1 plan ruled out only because the catalog does not know a fact: --show-excluded lists them, --include-unknown keeps them.\n"));
  CHECK(ruled_out.out.find("dayco-unlimited") == std::string::npos);

  const RunResult kept = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--include-unknown", "--top", "8"});
  CHECK(kept.status == 0);
  CHECK(kept.out.find("  dayco-unlimited   DayCo Unlimited         $25.00     $75.00    $2.50  1 x 30 days          eSIM unknown; SSN need unknown; US "
                      "card need unknown\n") !=
        std::string::npos);
  CHECK(kept.out.find("ruled out only because") == std::string::npos);
  const RunResult json = run_recommend({"recommend", "--profile", "tourist", "--days", "10", "--show-excluded", "--format", "json"});
  const nlohmann::json document = nlohmann::json::parse(json.out);
  for (const auto& plan : document.at("excluded")) {
    CAPTURE(plan.at("id"));
    CHECK(plan.at("ruled_out_by").at(0).at("unknown_fact").get<bool>() == (plan.at("id") == "dayco-unlimited"));
  }
}
