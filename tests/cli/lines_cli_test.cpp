// The lines file and reminders, run in process against the fixture catalog and a temporary directory.

#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <libical/ical.h>

#include <algorithm>
#include <fstream>
#include <sys/stat.h>

using simplan::testing::expected;
using simplan::testing::FakeWorld;
using simplan::testing::read_test_file;
using simplan::testing::read_text_file;
using simplan::testing::RunResult;
using simplan::testing::TempDir;
using simplan::testing::test_file_path;
using simplan::testing::write_text_file;

namespace {

// A person with a lines file in a temporary directory, on 2026-11-29, using the small fixture catalog.
struct Person {
  TempDir home;
  FakeWorld world;

  Person()
  {
    world.variables["SIMPLAN_LINES"] = home.file("lines.json");
    world.variables["SIMPLAN_CATALOG"] = test_file_path("catalogs/small.json");
    world.variables["SOURCE_DATE_EPOCH"] = "1795953600";
  }

  RunResult run(std::vector<std::string> args) const { return world.run(std::move(args)); }
  std::string lines_file() const { return read_text_file(home.file("lines.json")); }
};

void add_two_lines(const Person& person)
{
  REQUIRE(person.run({"lines", "add", "--plan", "acme-prepaid-15", "--start", "2026-11-01", "--label", "Prepaid, \"mine\""})
            .status == 0);
  REQUIRE(person.run({"lines", "add", "--plan", "acme-unlimited", "--start", "2026-01-31", "--line-count", "2",
                      "--autopay", "--label", "家庭 Family"})
            .status == 0);
}

} // namespace

TEST_CASE("with no lines, remind and lines list say how to add one")
{
  const Person person;
  const RunResult remind = person.run({"remind"});
  CHECK(remind.status == 1);
  CHECK(remind.out.empty());
  CHECK(remind.err == "No lines yet in " + person.home.file("lines.json") +
                        ". Add one:\n  simplan lines add --plan PLAN_ID --start YYYY-MM-DD --label \"My phone\"\n"
                        "or see one plan's dates without saving anything:\n"
                        "  simplan remind --plan PLAN_ID --start YYYY-MM-DD\n");
  CHECK(person.run({"lines", "list"}).status == 1);
}

TEST_CASE("lines add saves the line and tells the next renewal")
{
  const Person person;
  const RunResult added =
    person.run({"lines", "add", "--plan", "acme-prepaid-15", "--start", "2026-11-01", "--label", "Prepaid, \"mine\""});
  CHECK(added.status == 0);
  CHECK(added.out == "Added \"Prepaid, \"mine\"\": Prepaid 15GB from 2026-11-01; next renewal 2026-12-01: $20.00.\n");
  CHECK(person.lines_file() == expected("lines-one.json", person.lines_file()));
  struct stat status {};
  REQUIRE(::stat(person.home.file("lines.json").c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);

  const RunResult again = person.run({"lines", "add", "--plan", "acme-unlimited", "--start", "2026-11-01", "--label",
                                      "Prepaid, \"mine\""});
  CHECK(again.status == 2);
  CHECK(again.err == "simplan: error: a line labelled \"Prepaid, \"mine\"\" exists already\nsimplan: hint: give another "
                     "--label\n");
}

TEST_CASE("lines add rejects a plan, term or count it cannot use")
{
  const Person person;
  CHECK(person.run({"lines", "add", "--plan", "acme-prepaid", "--start", "2026-11-01"}).err ==
        "simplan: error: --plan: no plan with id \"acme-prepaid\"; did you mean \"acme-prepaid-15\"?\n");
  CHECK(person.run({"lines", "add", "--plan", "beta-flex", "--term", "30d", "--start", "2026-11-01"}).err ==
        "simplan: error: --term: beta-flex is not sold in 30d; it is sold in 90d, 360d\n");
  CHECK(person.run({"lines", "add", "--plan", "acme-unlimited", "--line-count", "5", "--start", "2026-11-01"}).err ==
        "simplan: error: --line-count: acme-unlimited allows at most 4 lines\n");
  CHECK(person.run({"--catalog", "builtin", "lines", "add", "--plan", "att-prepaid-12-month", "--line-count", "2",
                    "--start", "2026-11-01"})
          .err == "simplan: error: --line-count: att-prepaid-12-month allows a single line only\n");
  CHECK(person.run({"lines", "add", "--custom", "--carrier", "acme", "--start", "2026-11-01"}).err ==
        "simplan: error: --custom needs --carrier, --term and --price\n");
  CHECK(person.run({"lines", "add", "--plan", "beta-flex", "--start", "2026-11-01", "--remind", "7,x"}).err ==
        "simplan: error: --remind: expected days before the due date, from 0 to 365, separated by commas (7,1), got "
        "\"7,x\"\n");
  // A name the file could not hold as text: control characters, or bytes that are not UTF-8.
  CHECK(person.run({"lines", "add", "--plan", "beta-flex", "--start", "2026-11-01", "--label", "caf\xE9"}).err ==
        "simplan: error: --label: expected text in UTF-8 without control characters such as line breaks, got "
        "\"caf\\xE9\"\n");
  CHECK(person.run({"lines", "add", "--custom", "--carrier", "x\ty", "--term", "30d", "--price", "10", "--start",
                    "2026-11-01"})
          .status == 2);
  CHECK(person.lines_file().empty());
}

TEST_CASE("remind lists every line's dates, soonest first, in every export format")
{
  const Person person;
  add_two_lines(person);
  REQUIRE(person.run({"lines", "add", "--custom", "--carrier", "beta", "--name", "Own plan", "--term", "30d", "--price",
                      "12.50", "--start", "2026-11-20", "--label", "Custom"})
            .status == 0);
  for (const std::string format : {"text", "json", "csv", "tsv", "ics"}) {
    INFO(format);
    const RunResult result = person.run({"remind", "--export", format});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out == expected("remind." + format, result.out));
  }
  CHECK(person.run({"remind", "--format", "json"}).out == read_test_file("expected/remind.json"));

  // An independent parser reads the calendar without errors and finds one event per reminder.
  const std::string calendar = person.run({"remind", "--export", "ics"}).out;
  icalcomponent* root = icalparser_parse_string(calendar.c_str());
  REQUIRE(root != nullptr);
  CHECK(icalcomponent_count_errors(root) == 0);
  const std::string text = person.run({"remind", "--export", "csv"}).out;
  const auto records = static_cast<int>(std::count(text.begin(), text.end(), '\n')) - 1;
  CHECK(icalcomponent_count_components(root, ICAL_VEVENT_COMPONENT) == records);
  icalcomponent_free(root);
}

TEST_CASE("lines list shows the next due date and amount of each line")
{
  const Person person;
  add_two_lines(person);
  const RunResult list = person.run({"lines", "list"});
  CHECK(list.status == 0);
  CHECK(list.out == "LINE             PLAN                          TERM     NEXT DUE    DAYS         AMOUNT\n"
                    "Prepaid, \"mine\"  Acme Wireless Prepaid 15GB    30 days  2026-12-01     2         $20.00\n"
                    "家庭 Family      Acme Wireless Unlimited Plus  1 month  2026-11-30     1  $120.00 + tax\n");
}

// Family, 2 lines of acme-unlimited with AutoPay in WA: $120.00, tax round($120.00 x 16.6637%) = $20.00, and
// the Admin Fee 2 x $3.99 = $7.98: $147.98. The prepaid line's price includes taxes and fees.
TEST_CASE("with --state, lines list, remind and renew give amounts with estimated taxes and fees")
{
  Person person;
  add_two_lines(person);
  const RunResult list = person.run({"lines", "list", "--state", "WA"});
  CHECK(list.status == 0);
  CHECK(list.out == "LINE             PLAN                          TERM     NEXT DUE    DAYS                 AMOUNT\n"
                    "Prepaid, \"mine\"  Acme Wireless Prepaid 15GB    30 days  2026-12-01     2                 $20.00\n"
                    "家庭 Family      Acme Wireless Unlimited Plus  1 month  2026-11-30     1  $147.98 with est. tax\n");
  const RunResult csv = person.run({"remind", "--state", "WA", "--count", "1", "--export", "csv"});
  CHECK(csv.out.starts_with(
    "date,days_left,line,kind,term_number,carrier,plan,plan_id,amount_cents,renew_url,amount_with_taxes_cents\r\n"
    "2026-11-30,1,家庭 Family,renewal_due,10,Acme Wireless,Unlimited Plus,acme-unlimited,12000,https://acme.example,14798\r\n"
    "2026-12-01,2,\"Prepaid, \"\"mine\"\"\",renewal_due,1,Acme Wireless,Prepaid 15GB,acme-prepaid-15,2000,https://acme.example/pay,2000\r\n"
    "2026-12-01,2,\"Prepaid, \"\"mine\"\"\",suspended,1,Acme Wireless,Prepaid 15GB,acme-prepaid-15,,https://acme.example/pay,\r\n"));
  // SIMPLAN_STATE gives the state too; the calendar's events carry the estimate.
  person.world.variables["SIMPLAN_STATE"] = "WA";
  std::string calendar = person.run({"remind", "--export", "ics", "--count", "1"}).out;
  for (std::size_t fold = calendar.find("\r\n "); fold != std::string::npos; fold = calendar.find("\r\n ", fold)) {
    calendar.erase(fold, 3);  // unfold the long lines (RFC 5545 3.1)
  }
  CHECK(calendar.find("SUMMARY:Renew Acme Wireless Unlimited Plus (家庭 Family): $147.98 with est. tax\r\n") !=
        std::string::npos);
  const RunResult guide = person.run({"renew", "家庭 Family", "--format", "json"});
  CHECK(nlohmann::json::parse(guide.out).at("amount_with_taxes_cents") == 14798);
  person.world.variables.erase("SIMPLAN_STATE");
  CHECK(nlohmann::json::parse(person.run({"renew", "家庭 Family", "--format", "json"}).out).at("amount_with_taxes_cents").is_null());
  CHECK(person.run({"remind", "--state", "XZ"}).status == 2);
}

TEST_CASE("a renewal paid late on a 30-day plan moves the next due date, and a monthly plan keeps its day")
{
  const Person person;
  add_two_lines(person);
  const RunResult late = person.run({"lines", "renewed", "Prepaid, \"mine\"", "--on", "2026-12-05"});
  CHECK(late.status == 0);
  CHECK(late.out == "Recorded for \"Prepaid, \"mine\"\": next renewal 2027-01-04: $20.00.\n");
  const RunResult monthly = person.run({"lines", "renewed", "家庭 Family", "--on", "2026-12-03", "--terms", "2"});
  CHECK(monthly.out == "Recorded for \"家庭 Family\": next renewal 2027-01-31: $120.00 + tax.\n");
  // The calendar entry for the renewal after the late one keeps its identity: the same term number.
  CHECK(person.run({"--today", "2026-12-05", "remind", "--export", "ics", "--line", "Prepaid, \"mine\"", "--count", "1"})
          .out.find("UID:simplan-a11ce00000000001-t2-renewal\r\n") != std::string::npos);
  const RunResult unknown = person.run({"lines", "renewed", "Prepaid"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err == "simplan: error: no line labelled \"Prepaid\"; did you mean \"Prepaid, \"mine\"\"?\n");
}

TEST_CASE("a plan change starts a new term, remove forgets a line, and the old file is kept as a backup")
{
  const Person person;
  add_two_lines(person);
  const std::string before = person.lines_file();
  CHECK(person.run({"lines", "renewed", "Prepaid, \"mine\"", "--plan", "beta-flex", "--term", "360d", "--on",
                    "2026-11-29"})
          .out == "Recorded for \"Prepaid, \"mine\"\": next renewal 2027-11-24: $360.00 + tax.\n");
  CHECK(read_text_file(person.home.file("lines.json.bak")) == before);
  CHECK(person.run({"lines", "remove", "家庭 Family"}).out == "Removed \"家庭 Family\".\n");
  CHECK(person.run({"lines", "list", "--format", "csv"}).out ==
        "label,id,carrier,plan,plan_id,term_unit,term_count,line_count,next_due,days_left,amount_cents,amount_with_taxes_cents\r\n"
        "\"Prepaid, \"\"mine\"\"\",a11ce00000000001,Beta Mobile,Flex Unlimited,beta-flex,days,360,1,2027-11-24,360,36000,\r\n");
}

TEST_CASE("a lines file simplan cannot read is never overwritten, and the error says how to recover")
{
  const Person person;
  const std::string broken = "{\"schema_version\": 1, \"lines\": [{\"label\": 5}]}";
  write_text_file(person.home.file("lines.json"), broken);
  const RunResult result = person.run({"lines", "add", "--plan", "beta-flex", "--start", "2026-11-01"});
  CHECK(result.status == 3);
  const std::string path = person.home.file("lines.json");
  CHECK(result.err.starts_with("simplan: error: " + path + ": /lines/0: missing required field \"id\"\n"));
  CHECK(result.err.ends_with("simplan: hint: simplan will not change this file until it reads cleanly. Fix it by hand, or "
                             "go back to the previous version: cp '" + path + ".bak' '" + path + "'\n"));
  CHECK(person.lines_file() == broken);
}

TEST_CASE("remind --due-within with -q answers by exit code alone")
{
  const Person person;
  add_two_lines(person);
  const RunResult soon = person.run({"remind", "--due-within", "3", "-q"});
  CHECK(soon.status == 0);
  CHECK(soon.out.empty());
  CHECK(soon.err.empty());
  const RunResult not_today = person.run({"remind", "--due-within", "0", "-q"});
  CHECK(not_today.status == 1);
  CHECK(not_today.out.empty());
  // Once a due date has passed unpaid, the line is due (overdue) in every window.
  CHECK(person.run({"--today", "2026-12-02", "remind", "--due-within", "0", "-q"}).status == 0);
}

TEST_CASE("an empty window exits 1 and still gives a whole document in every format")
{
  const Person person;
  add_two_lines(person);
  const auto empty = [&](const std::string& format) {
    const RunResult result = person.run({"remind", "--due-within", "0", "--export", format});
    CHECK(result.status == 1);
    CHECK(result.err.empty());
    return result.out;
  };
  CHECK(empty("json") == "{\n  \"today\": \"2026-11-29\",\n  \"reminders\": []\n}\n");
  CHECK(empty("csv") == "date,days_left,line,kind,term_number,carrier,plan,plan_id,amount_cents,renew_url,amount_with_taxes_cents\r\n");
  CHECK(empty("tsv") == "date\tdays_left\tline\tkind\tterm_number\tcarrier\tplan\tplan_id\tamount_cents\trenew_url\tamount_with_taxes_cents\n");
  CHECK(empty("text") == "Nothing falls due in this window.\n");
}

TEST_CASE("remind's JSON, written a reminder at a time, is laid out as one dump of the whole document")
{
  const Person person;
  add_two_lines(person);
  const RunResult result = person.run({"remind", "--export", "json", "--until", "2027-11-29"});
  REQUIRE(result.status == 0);
  const auto document = nlohmann::ordered_json::parse(result.out);
  CHECK(document.at("reminders").size() > 20);
  CHECK(result.out == document.dump(2) + "\n");
}

TEST_CASE("remind --plan --start works without a lines file, with stable calendar identities")
{
  FakeWorld world;
  world.variables["SIMPLAN_CATALOG"] = test_file_path("catalogs/small.json");
  world.variables["SOURCE_DATE_EPOCH"] = "1795953600";
  const RunResult first = world.run({"remind", "--plan", "beta-flex", "--start", "2026-11-10", "--count", "2", "--export", "ics"});
  CHECK(first.status == 0);
  CHECK(first.out == expected("remind-one-shot.ics", first.out));
  CHECK(world.run({"remind", "--plan", "beta-flex", "--start", "2026-11-10", "--count", "2", "--export", "ics"}).out ==
        first.out);
  CHECK(world.run({"remind", "--plan", "beta-flex"}).err ==
        "simplan: error: --plan and --start go together: one plan's dates from its first day\n");
}

TEST_CASE("remind --rrule writes recurring events and --heads-up separate all-day events")
{
  const Person person;
  add_two_lines(person);
  const RunResult result = person.run({"remind", "--export", "ics", "--rrule", "--heads-up", "3", "--until", "2027-12-31"});
  CHECK(result.status == 0);
  CHECK(result.out == expected("remind-rrule.ics", result.out));
}

TEST_CASE("remind --output writes the calendar atomically and refuses a symbolic link")
{
  const Person person;
  add_two_lines(person);
  const std::string target = person.home.file("renewals.ics");
  CHECK(person.run({"remind", "--export", "ics", "--output", target}).status == 0);
  CHECK(read_text_file(target).starts_with("BEGIN:VCALENDAR\r\n"));
  const std::string link = person.home.file("link.ics");
  REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
  const RunResult refused = person.run({"remind", "--export", "ics", "--output", link});
  CHECK(refused.status == 4);
  CHECK(refused.err == "simplan: error: refusing to write output file '" + link +
                         "': it is a symbolic link (write to the file it points to instead)\n");
}

TEST_CASE("renew explains how to pay a line or a carrier")
{
  const Person person;
  add_two_lines(person);
  const RunResult line = person.run({"renew", "Prepaid, \"mine\""});
  CHECK(line.status == 0);
  CHECK(line.out == expected("renew-line.txt", line.out));
  const RunResult carrier = person.run({"renew", "Acme Wireless"});
  CHECK(carrier.status == 0);
  CHECK(carrier.out.starts_with("How to renew Acme Wireless\n\n"));
  const RunResult unknown = person.run({"renew", "acmee"});
  CHECK(unknown.status == 1);
  CHECK(unknown.err == "simplan: error: no line or carrier \"acmee\"; did you mean \"acme\"?\n");
  const RunResult csv = person.run({"renew", "acme", "--format", "csv"});
  CHECK(csv.status == 2);
  CHECK(csv.out.empty());
  CHECK(csv.err == "simplan: error: --format: renew writes table or json, not csv or tsv\n");
}

TEST_CASE("remind looks at most ten years ahead")
{
  const Person person;
  add_two_lines(person);
  CHECK(person.run({"remind", "--until", "2036-12-06"}).status == 0);
  const RunResult result = person.run({"remind", "--until", "9999-12-31"});
  CHECK(result.status == 2);
  CHECK(result.err == "simplan: error: --until: at most 10 years after the effective date, 2036-12-06, got 9999-12-31\n");
}

TEST_CASE("a travel pass's alarms say when it ends in words: in 7 days, tomorrow, today")
{
  const Person person;
  REQUIRE(person.run({"lines", "add", "--plan", "acme-pass-7", "--start", "2026-12-01", "--remind", "7,1,0"}).status == 0);
  const std::string calendar = person.run({"remind", "--export", "ics"}).out;
  CHECK(calendar.find("DESCRIPTION:Acme Wireless Visitor Pass 7-Day ends in 7 days\r\n") != std::string::npos);
  CHECK(calendar.find("DESCRIPTION:Acme Wireless Visitor Pass 7-Day ends tomorrow\r\n") != std::string::npos);
  CHECK(calendar.find("DESCRIPTION:Acme Wireless Visitor Pass 7-Day ends today\r\n") != std::string::npos);
  CHECK(calendar.find(" 1 days") == std::string::npos);
  CHECK(calendar.find(" 0 days") == std::string::npos);
}

TEST_CASE("remind --sync vdir reports each change and a summary, in English and in Chinese, and a second sync writes nothing")
{
  const Person person;
  add_two_lines(person);
  const std::string directory = person.home.file("calendar");
  const RunResult dry = person.run({"remind", "--sync", "vdir", directory, "--dry-run", "--count", "1"});
  CHECK(dry.status == 0);
  CHECK(dry.err.empty());
  CHECK(dry.out.starts_with("would create simplan-a11ce00000000002-t10-renewal 2026-11-30 Renew Acme Wireless Unlimited "
                            "Plus (家庭 Family): $120.00 + tax\n"));
  CHECK(dry.out.ends_with("\nDry run for " + directory + ": 5 to create, 0 to update, 0 to delete, 0 unchanged.\n"));
  struct stat status {};
  CHECK(::stat(directory.c_str(), &status) != 0);  // a dry run creates nothing

  const RunResult first = person.run({"--lang", "zh-Hans", "remind", "--sync", "vdir", directory, "--count", "1"});
  CHECK(first.status == 0);
  CHECK(first.out.starts_with("已创建 simplan-a11ce00000000002-t10-renewal 2026-11-30 "));
  CHECK(first.out.ends_with("\n已将 5 个日程同步到 " + directory + "：创建 5 个，更新 0 个，删除 0 个，0 个不变。\n"));
  CHECK(::stat(directory.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0700);
  CHECK(person.run({"--lang", "zh-Hans", "remind", "--sync", "vdir", directory, "--count", "1"}).out ==
        "已将 5 个日程同步到 " + directory + "：创建 0 个，更新 0 个，删除 0 个，5 个不变。\n");
  // The events are written in the language of the run: another language rewrites each one.
  CHECK(person.run({"remind", "--sync", "vdir", directory, "--count", "1"}).out.ends_with(
    "\nSynced 5 events to " + directory + ": 0 created, 5 updated, 0 deleted, 0 unchanged.\n"));

  CHECK(person.run({"remind", "--dry-run"}).err ==
        "simplan: error: --dry-run goes with --sync: it shows what a sync would change\n");
  CHECK(person.run({"remind", "--sync", "vdir"}).err == "simplan: error: --sync vdir: give the directory: --sync vdir DIR\n");
  CHECK(person.run({"remind", "--sync", "webdav"}).err ==
        "simplan: error: --sync: expected \"caldav\" or \"vdir DIR\", got \"webdav\"\n");
}
