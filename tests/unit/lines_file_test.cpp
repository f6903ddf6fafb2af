#include "simplan/lines/lines_file.hpp"

#include <catch2/catch.hpp>

using namespace simplan;
using namespace simplan::lines;
using namespace date::literals;

namespace {

Line mint_line()
{
  Line line;
  line.id = "0123456789abcdef";
  line.label = "My Mint, \"main\"";
  line.plan = "mint-unlimited";
  line.term = {catalog::TermUnit::days, 90};
  line.anchor = 2026_y / 11 / 29;
  line.history.push_back({2026_y / 11 / 29, "added", 1, "mint-unlimited"});
  return line;
}

std::vector<std::string> problems_in(std::string_view text)
{
  std::vector<std::string> lines;
  for (const auto& problem : load_lines(text, "lines.json").problems) {
    lines.push_back(util::format_diagnostic(problem));
  }
  return lines;
}

} // namespace

TEST_CASE("a lines file survives writing and reading back unchanged")
{
  LinesFile file;
  file.lines.push_back(mint_line());
  Line custom = mint_line();
  custom.id = "fedcba9876543210";
  custom.label = "留学生 line";
  custom.plan.clear();
  custom.custom = CustomPlan{"tello", "Custom 5GB", 1200};
  custom.term = {catalog::TermUnit::months, 1};
  custom.remind_days = {3};
  custom.autopay = true;
  file.lines.push_back(custom);
  const std::string text = write_lines(file);
  const auto loaded = load_lines(text, "lines.json");
  REQUIRE(loaded.problems.empty());
  CHECK(loaded.file.lines == file.lines);
  CHECK(write_lines(loaded.file) == text);
}

TEST_CASE("a broken lines file is reported with its places, never guessed at")
{
  CHECK(problems_in("{\"schema_version\": 1, \"lines\": [") ==
        std::vector<std::string>{"lines.json:1:33: syntax error while parsing value - unexpected end of input; expected "
                                 "'[', '{', or a literal"});
  CHECK(problems_in(R"({"schema_version": 1, "lines": [{"id": "a", "label": "x", "plan": "p", "term": {"days": 30}, "anchor": "2026-02-30"}]})") ==
        std::vector<std::string>{"lines.json: /lines/0/anchor: expected a real date YYYY-MM-DD, got the string \"2026-02-30\""});
  CHECK(problems_in(R"({"schema_version": 2, "lines": []})") ==
        std::vector<std::string>{"lines.json: /schema_version: this simplan reads lines files of version 1, got version 2; "
                                 "a newer simplan may read it"});
  CHECK(problems_in(R"({"schema_version": 1, "lines": [{"id": "a", "label": "x", "term": {"days": 30}, "anchor": "2026-01-01"}, {"id": "a", "label": "x", "plan": "p", "term": {"days": 30}, "anchor": "2026-01-01"}]})") ==
        std::vector<std::string>{"lines.json: /lines/0: expected exactly one of \"plan\" (a catalog plan id) or \"custom\"",
                                 "lines.json: /lines/1/label: another line is labelled \"x\" already",
                                 "lines.json: /lines/1/id: another line has the id \"a\""});
}

TEST_CASE("a renewal paid on time adds a term and keeps the due day")
{
  Line line = mint_line();
  record_renewal(line, {2027_y / 2 / 20, 1, {}, {}, {}});
  CHECK(line.paid_terms == 2);
  CHECK(line.next_due() == 2027_y / 5 / 28);
  CHECK(line.history.back() == HistoryEntry{2027_y / 2 / 20, "renewed", 1, "mint-unlimited"});
}

TEST_CASE("a day-count plan renewed late starts its new term on the day it is paid, keeping term numbers")
{
  Line line = mint_line();
  record_renewal(line, {2027_y / 3 / 5, 1, {}, {}, {}});  // due 2027-02-27, paid 6 days late
  CHECK(line.anchor == 2027_y / 3 / 5);
  CHECK(line.paid_terms == 1);
  CHECK(line.terms_before == 1);
  CHECK(line.plan_terms_before == 1);
  CHECK(line.next_due() == 2027_y / 6 / 3);
  CHECK(line.term_number(line.paid_terms) == 2);
}

TEST_CASE("a calendar-month plan renewed late keeps its due day")
{
  Line line = mint_line();
  line.term = {catalog::TermUnit::months, 1};
  line.anchor = 2026_y / 1 / 31;
  line.paid_terms = 10;  // paid through 2026-11-30
  record_renewal(line, {2026_y / 12 / 5, 1, {}, {}, {}});
  CHECK(line.anchor == 2026_y / 1 / 31);
  CHECK(line.next_due() == 2026_y / 12 / 31);
}

TEST_CASE("a plan change starts a new term on the day of the change")
{
  Line line = mint_line();
  record_renewal(line, {2027_y / 1 / 10, 1, std::string{"visible-base"}, catalog::TermLength{catalog::TermUnit::months, 1}, {}});
  CHECK(line.plan == "visible-base");
  CHECK(line.anchor == 2027_y / 1 / 10);
  CHECK(line.terms_before == 1);
  CHECK(line.plan_terms_before == 0);
  CHECK(line.next_due() == 2027_y / 2 / 10);
  CHECK(line.history.back().event == "plan_changed");
}
