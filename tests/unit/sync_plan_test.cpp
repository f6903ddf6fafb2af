// Keeping a calendar equal to the reminders: what a sync changes, decided from values alone.

#include "simplan/sync/caldav_config.hpp"
#include "simplan/sync/sync_plan.hpp"

#include <catch2/catch.hpp>

using namespace simplan;
using namespace simplan::sync;
using namespace date::literals;

namespace {

constexpr std::string_view k_mint = "00000000000000aa";
constexpr std::string_view k_cricket = "00000000000000bb";

WantedEvent wanted(std::string uid, std::string hash)
{
  WantedEvent event;
  event.uid = std::move(uid);
  event.hash = std::move(hash);
  return event;
}

std::string uid_of(std::string_view line, std::string_view rest)
{
  return "simplan-" + std::string{line} + "-" + std::string{rest};
}

// "create UID", "update NAME", "remove NAME"
std::vector<std::string> described(const SyncPlan& plan)
{
  std::vector<std::string> out;
  for (const Change& change : plan.changes) {
    switch (change.kind) {
    case ChangeKind::create: out.push_back("create " + change.wanted->uid); break;
    case ChangeKind::update: out.push_back("update " + change.stored->name + " to " + change.wanted->hash); break;
    case ChangeKind::remove: out.push_back("remove " + change.stored->name); break;
    }
  }
  return out;
}

Scope both_lines()
{
  Scope scope;
  scope.synced_lines = {std::string{k_mint}, std::string{k_cricket}};
  scope.file_lines = scope.synced_lines;
  return scope;
}

} // namespace

TEST_CASE("a sync creates what is missing, rewrites what changed, deletes what is no longer due, and counts the rest")
{
  const std::vector<StoredEvent> stored{
    {"a.ics", "\"1\"", uid_of(k_mint, "t1-renewal"), "1111111111111111"},
    {"b.ics", "\"2\"", uid_of(k_mint, "t1-suspended"), "2222222222222222"},
    {"c.ics", "\"3\"", uid_of(k_cricket, "t1-renewal"), "3333333333333333"},
  };
  const std::vector<WantedEvent> events{wanted(uid_of(k_mint, "t1-renewal"), "1111111111111111"),
                                        wanted(uid_of(k_cricket, "t1-renewal"), "3333333333333334"),
                                        wanted(uid_of(k_cricket, "t2-renewal"), "4444444444444444")};
  const SyncPlan plan = plan_sync(stored, events, both_lines());
  CHECK(described(plan) == std::vector<std::string>{"update c.ics to 3333333333333334",
                                                    "create " + uid_of(k_cricket, "t2-renewal"), "remove b.ics"});
  CHECK(plan.unchanged == 1);
}

TEST_CASE("a sync never touches an event simplan did not make, whatever its name")
{
  const std::vector<StoredEvent> stored{
    {"dentist.ics", "\"1\"", "dentist-123@example.com", ""},
    {"simplan-x.ics", "\"2\"", "simplan-not-a-line-id-t1-renewal", ""},
    {"upper.ics", "\"3\"", "simplan-00000000000000AA-t1-renewal", ""},
    {"no-uid.ics", "\"4\"", "", ""},
    {uid_of(k_mint, "t1-renewal") + ".ics", "\"5\"", "birthday@example.com", ""},
  };
  const SyncPlan plan = plan_sync(stored, {}, both_lines());
  CHECK(plan.changes.empty());
  CHECK(plan.unchanged == 0);
}

TEST_CASE("a removed line's events are deleted, unless the sync is limited to some lines")
{
  const std::vector<StoredEvent> stored{{"gone.ics", "\"1\"", uid_of("00000000000000cc", "t1-renewal"), "1"},
                                        {"mint.ics", "\"2\"", uid_of(k_mint, "t1-renewal"), "2"},
                                        {"cricket.ics", "\"3\"", uid_of(k_cricket, "t1-renewal"), "3"}};
  CHECK(described(plan_sync(stored, {}, both_lines())) ==
        std::vector<std::string>{"remove cricket.ics", "remove gone.ics", "remove mint.ics"});
  Scope mint_only = both_lines();
  mint_only.synced_lines = {std::string{k_mint}};
  mint_only.whole_file = false;
  CHECK(described(plan_sync(stored, {}, mint_only)) == std::vector<std::string>{"remove mint.ics"});
}

TEST_CASE("an event stored twice under one UID is kept once: the first by name is updated, the rest deleted")
{
  const std::string uid = uid_of(k_mint, "t1-renewal");
  const std::vector<StoredEvent> stored{{"z-imported.ics", "\"1\"", uid, "1"}, {"a-imported.ics", "\"2\"", uid, "1"}};
  const std::vector<WantedEvent> events{wanted(uid, "9")};
  CHECK(described(plan_sync(stored, events, both_lines())) ==
        std::vector<std::string>{"update a-imported.ics to 9", "remove z-imported.ics"});
}

TEST_CASE("after a conflict the change is made again only if it is still needed")
{
  const WantedEvent event = wanted(uid_of(k_mint, "t1-renewal"), "2222222222222222");
  const StoredEvent same{"a.ics", "\"9\"", event.uid, "2222222222222222"};
  const StoredEvent other{"a.ics", "\"9\"", event.uid, "1111111111111111"};
  CHECK(replan(&event, same) == std::nullopt);
  CHECK(replan(&event, other) == ChangeKind::update);
  CHECK(replan(&event, std::nullopt) == ChangeKind::create);
  CHECK(replan(nullptr, other) == ChangeKind::remove);
  CHECK(replan(nullptr, std::nullopt) == std::nullopt);
}

TEST_CASE("a UID is simplan's only with a line id of 16 lowercase hex digits")
{
  CHECK(line_id_of("simplan-0123456789abcdef-t3-renewal") == "0123456789abcdef");
  CHECK(line_id_of("simplan-0123456789abcdef-t12-renewals-feb") == "0123456789abcdef");
  CHECK(line_id_of("simplan-0123456789abcdeg-t3-renewal") == std::nullopt);
  CHECK(line_id_of("simplan-0123456789abcdef") == std::nullopt);
  CHECK(line_id_of("simplan-0123456789abcde-t3-renewal") == std::nullopt);
  CHECK(line_id_of("xsimplan-0123456789abcdef-t3-renewal") == std::nullopt);
}

TEST_CASE("the UID and hash are read from the first VEVENT, unfolded, whatever the case and line endings")
{
  const std::string folded = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nUID:zone\r\nEND:VTIMEZONE\r\n"
                             "BEGIN:VEVENT\r\nuid;X-PARAM=\"a:b\":simplan-0123456789abcdef-t1-rene\r\n wal\r\n"
                             "BEGIN:VALARM\r\nUID:alarm\r\nEND:VALARM\r\n"
                             "X-SIMPLAN-HASH:00000000000000ff\r\nEND:VEVENT\r\n"
                             "BEGIN:VEVENT\nUID:second\nX-SIMPLAN-HASH:1\nEND:VEVENT\nEND:VCALENDAR\n";
  const Identity identity = identify(folded);
  CHECK(identity.uid == "simplan-0123456789abcdef-t1-renewal");
  CHECK(identity.hash == "00000000000000ff");
  CHECK(identify("BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:task\nEND:VTODO\nEND:VCALENDAR\n").uid.empty());
  CHECK(identify("not a calendar").uid.empty());
}

TEST_CASE("an event's hash ignores its timestamp and changes with its content, and is written into it")
{
  ics::Event event;
  event.uid = uid_of(k_mint, "t1-renewal");
  event.day = 2027_y / 2 / 27;
  event.summary = "Renew Mint Mobile Unlimited (My Mint): $120.00 + tax";
  event.alarms.push_back({7, 9, "renews in 7 days"});
  const WantedEvent first = wanted_event(event, k_mint, 1'796'000'000);
  const WantedEvent later = wanted_event(event, k_mint, 1'796'086'400);
  CHECK(first.hash.size() == 16);
  CHECK(first.hash == later.hash);
  CHECK(first.text != later.text);
  CHECK(first.line_id == k_mint);
  CHECK(identify(first.text).uid == event.uid);
  CHECK(identify(first.text).hash == first.hash);
  CHECK(first.text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//simplan//simplan "));
  CHECK(first.text.find("X-WR-CALNAME") == std::string::npos);
  CHECK(first.text.ends_with("X-SIMPLAN-HASH:" + first.hash + "\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
                             "DESCRIPTION:renews in 7 days\r\nTRIGGER:-P6DT15H\r\nEND:VALARM\r\nEND:VEVENT\r\n"
                             "END:VCALENDAR\r\n"));
  event.alarms.front().days_before = 3;
  CHECK(wanted_event(event, k_mint, 1'796'000'000).hash != first.hash);
}

TEST_CASE("CalDAV settings name the calendar, the user and a password command, and each mistake is located")
{
  const auto load = [](std::string_view text) { return load_caldav_config(text, "caldav.json"); };
  const auto good = load(R"({"url": "https://caldav.example.com/cal", "username": "me", "password_command": "pass show x"})");
  REQUIRE(good.problems.empty());
  CHECK(good.config.url == "https://caldav.example.com/cal/");
  CHECK(good.config.username == "me");
  CHECK(good.config.password_command == std::vector<std::string>{"/bin/sh", "-c", "pass show x"});
  CHECK(good.config.calendar.empty());
  const auto argv = load(R"({"url": "http://[::1]:5232/", "calendar": "Phone renewals", "username": "me",
                             "password_command": ["printf", "%s", "pw"]})");
  REQUIRE(argv.problems.empty());
  CHECK(argv.config.calendar == "Phone renewals");
  CHECK(argv.config.password_command == std::vector<std::string>{"printf", "%s", "pw"});

  const auto messages = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& problem : load(text).problems) {
      out.push_back(util::format_diagnostic(problem));
    }
    return out;
  };
  CHECK(messages(R"({"url": "http://calendar.example.com/", "username": "me"})") ==
        std::vector<std::string>{"caldav.json: /url: plain http is allowed only to this machine (localhost); use https://"});
  CHECK(messages(R"({"url": "https://me@calendar.example.com/", "username": "me"})") ==
        std::vector<std::string>{"caldav.json: /url: put the user name in \"username\", not in the URL"});
  CHECK(messages(R"({"url": "ftp://x/", "username": "", "password_command": [], "passwd": 1})") ==
        std::vector<std::string>{"caldav.json: /passwd: unknown field \"passwd\"; expected one of \"url\", \"calendar\", "
                                 "\"username\", \"password_command\"",
                                 "caldav.json: /url: expected the https:// URL of a calendar, got \"ftp://x/\"",
                                 "caldav.json: /username: expected a non-empty string, got \"\"",
                                 "caldav.json: /password_command: expected a command that prints the password: a "
                                 "string run by /bin/sh, or an array of its words, got an array"});
  CHECK(messages("[1]") == std::vector<std::string>{"caldav.json: expected an object, got an array"});
}

TEST_CASE("plain http is for this machine only")
{
  CHECK(url_host("http://LocalHost:5232/a/") == "localhost");
  CHECK(url_host("https://user@[::1]:8443/") == "::1");
  CHECK(url_host("https://caldav.icloud.com") == "caldav.icloud.com");
  CHECK(url_host("no scheme") == "");
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(!is_loopback_host("127.0.0.2.example.com"));
}
