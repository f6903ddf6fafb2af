// The calendar writer, checked byte by byte and with an independent parser (libical): events, dates and
// awkward text survive, and every recurrence rule simplan writes expands to the engine's own dates.

#include "simplan/ics/calendar.hpp"
#include "simplan/renewal/recurrence.hpp"
#include "simplan/renewal/schedule.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <catch2/catch.hpp>
#include <libical/ical.h>

#include <string>
#include <vector>

using namespace simplan;
using namespace date::literals;

namespace {

std::vector<std::string> physical_lines(const std::string& text)
{
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

std::string unfold(const std::string& text)
{
  std::string out;
  for (const auto& line : physical_lines(text)) {
    if (!line.empty() && line.front() == ' ') {
      out += line.substr(1);
    } else {
      out += (out.empty() ? "" : "\n") + line;
    }
  }
  return out;
}

date::year_month_day date_of(icaltimetype time)
{
  return date::year_month_day{date::year{time.year}, date::month{static_cast<unsigned>(time.month)},
                              date::day{static_cast<unsigned>(time.day)}};
}

} // namespace

TEST_CASE("TEXT values escape backslash first, then semicolon, comma and every newline")
{
  CHECK(ics::escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(ics::escape_text("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics::escape_text("Orientation\\New Hire") == "Orientation\\\\New Hire");
  CHECK(ics::escape_text("bell\a") == "bell\\\\x07");  // made visible, then escaped
  CHECK(ics::escape_text("5G: 20 GB \"plus\"") == "5G: 20 GB \"plus\"");
}

TEST_CASE("folding keeps lines within 75 octets and never splits a UTF-8 character")
{
  const std::string long_ascii(200, 'a');
  for (const auto& line : physical_lines(ics::fold_line("SUMMARY:" + long_ascii))) {
    CHECK(line.size() <= 75);
  }
  const std::string cjk = "SUMMARY:" + std::string{"续费提醒😀"} + std::string(60, 'x') + "中文中文中文中文中文中文";
  const std::string folded = ics::fold_line(cjk);
  for (const auto& line : physical_lines(folded)) {
    CHECK(line.size() <= 75);
    CHECK(simplan::util::is_printable_utf8(line));  // no character cut in half
  }
  CHECK(unfold(folded) == cjk);
  CHECK(ics::fold_line("SHORT:1") == "SHORT:1\r\n");
}

TEST_CASE("alarms fire at 9 in the morning, days before the all-day event")
{
  CHECK(ics::trigger(7, 9) == "-P6DT15H");
  CHECK(ics::trigger(1, 9) == "-PT15H");
  CHECK(ics::trigger(0, 9) == "PT9H");
  CHECK(ics::trigger(2, 0) == "-P2D");
  CHECK(ics::utc_timestamp(1795953600) == "20261129T120000Z");
}

TEST_CASE("a calendar with awkward labels parses cleanly with libical and keeps every event and text")
{
  const std::vector<std::string> labels{"Mint, \"main\"; line", "留学生的手机", "emoji 😀📱 line", "back\\slash\\n",
                                        "two\nlines"};
  ics::Calendar calendar;
  calendar.name = "Phone plan renewals (simplan)";
  calendar.stamp_unix_seconds = 1795953600;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    ics::Event event;
    event.uid = "simplan-test-t" + std::to_string(i) + "-renewal";
    event.day = date::year_month_day{date::sys_days{2026_y / 12 / 31} + date::days{static_cast<int>(i)}};
    event.summary = "Renew " + labels[i];
    event.description = labels[i] + "\nPay only in the official app.";
    event.url = "https://example.com/pay";
    event.alarms = {{7, 9, "renews in 7 days: " + labels[i]}, {1, 9, "renews tomorrow"}};
    calendar.events.push_back(event);
  }
  const std::string text = ics::write_calendar(calendar);
  CHECK(text.find('\n') == text.find("\r\n") + 1);  // every line ends in CRLF
  CHECK(text.find("\xEF\xBB\xBF") == std::string::npos);
  for (const auto& line : physical_lines(text)) {
    CHECK(!line.empty());
    CHECK(line.size() <= 75);
  }

  icalcomponent* root = icalparser_parse_string(text.c_str());
  REQUIRE(root != nullptr);
  CHECK(icalcomponent_count_errors(root) == 0);
  std::size_t index = 0;
  for (icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); event != nullptr;
       event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), ++index) {
    REQUIRE(index < labels.size());
    CHECK(std::string{icalcomponent_get_summary(event)} == "Renew " + labels[index]);
    CHECK(std::string{icalcomponent_get_description(event)} == labels[index] + "\nPay only in the official app.");
    const icaltimetype start = icalcomponent_get_dtstart(event);
    CHECK(start.is_date == 1);
    CHECK(date_of(start) == calendar.events[index].day);
    CHECK(date_of(icalcomponent_get_dtend(event)) ==
          date::year_month_day{date::sys_days{calendar.events[index].day} + date::days{1}});
    CHECK(icalcomponent_count_components(event, ICAL_VALARM_COMPONENT) == 2);
  }
  CHECK(index == labels.size());
  icalcomponent_free(root);
}

TEST_CASE("every recurrence rule simplan writes expands to the engine's dates over ten years")
{
  const std::vector<catalog::TermLength> lengths{
    {catalog::TermUnit::days, 30}, {catalog::TermUnit::days, 28},   {catalog::TermUnit::months, 1},
    {catalog::TermUnit::months, 2}, {catalog::TermUnit::months, 3}, {catalog::TermUnit::months, 4},
    {catalog::TermUnit::months, 6}, {catalog::TermUnit::months, 12}};
  int rules_checked = 0;
  // Every anchor day of a leap year and the year after covers every day of the month and Feb 29.
  for (date::sys_days day{2027_y / 1 / 1}; day < date::sys_days{2029_y / 1 / 1}; day += date::days{1}) {
    const date::year_month_day anchor{day};
    for (const auto& length : lengths) {
      const int first_term = 1;
      const date::year_month_day until = renewal::add_months(anchor, 120);
      const auto rules = renewal::recurrence_rules(anchor, length, first_term, until);
      REQUIRE(rules.has_value());
      std::vector<date::sys_days> expected;
      for (int k = first_term;; ++k) {
        const auto due = renewal::term_start(anchor, length, k);
        if (date::sys_days{due} > date::sys_days{until}) {
          break;
        }
        expected.push_back(date::sys_days{due});
      }
      std::vector<date::sys_days> expanded;
      for (const auto& rule : *rules) {
        const icalrecurrencetype recurrence = icalrecurrencetype_from_string(rule.rule.c_str());
        const std::string start = util::format_iso_date(rule.start);
        icaltimetype dtstart = icaltime_from_string((start.substr(0, 4) + start.substr(5, 2) + start.substr(8, 2)).c_str());
        icalrecur_iterator* iterator = icalrecur_iterator_new(recurrence, dtstart);
        REQUIRE(iterator != nullptr);
        for (icaltimetype next = icalrecur_iterator_next(iterator); !icaltime_is_null_time(next);
             next = icalrecur_iterator_next(iterator)) {
          expanded.push_back(date::sys_days{date_of(next)});
        }
        icalrecur_iterator_free(iterator);
        CHECK(rule.rule.starts_with("FREQ="));
        CHECK(rule.rule.find("BYSETPOS") == std::string::npos);
        ++rules_checked;
      }
      std::sort(expanded.begin(), expanded.end());
      if (expanded != expected) {
        FAIL_CHECK("rules for anchor " << util::format_iso_date(anchor) << " every " << length.count
                                       << (length.unit == catalog::TermUnit::days ? " days" : " months")
                                       << " expand differently");
      }
    }
  }
  CHECK(rules_checked > 5000);
}

TEST_CASE("a 29th or 30th anchor on a cycle that does not divide a year has no portable rule")
{
  CHECK_FALSE(renewal::recurrence_rules(2027_y / 1 / 30, {catalog::TermUnit::months, 5}, 1, 2030_y / 1 / 1));
  CHECK(renewal::recurrence_rules(2027_y / 1 / 28, {catalog::TermUnit::months, 5}, 1, 2030_y / 1 / 1));
}
