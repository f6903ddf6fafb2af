#include "simplan/catalog/loader.hpp"
#include "simplan/renewal/reminders.hpp"
#include "simplan/util/date.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <span>
#include <tuple>

using namespace simplan;
using namespace simplan::renewal;
using namespace date::literals;

namespace {

const catalog::Catalog& fixture()
{
  static const catalog::Catalog loaded =
    catalog::load_catalog(testing::read_test_file("catalogs/small.json"), "small.json").catalog;
  return loaded;
}

lines::Line line_of(std::string label, std::string plan, catalog::TermLength term, date::year_month_day anchor,
                    int paid_terms = 1)
{
  lines::Line line;
  line.id = "00000000000000" + std::to_string(label.size());
  line.label = std::move(label);
  line.plan = std::move(plan);
  line.term = term;
  line.anchor = anchor;
  line.paid_terms = paid_terms;
  return line;
}

struct Seen {
  std::string day;
  std::string kind;
  std::optional<Cents> amount;
  int days_left;
  friend bool operator==(const Seen&, const Seen&) = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& seen)
{
  return out << seen.day << " " << seen.kind << " " << (seen.amount ? std::to_string(*seen.amount) : "-") << " "
             << seen.days_left;
}

std::vector<Seen> seen(const std::vector<Reminder>& reminders)
{
  std::vector<Seen> out;
  for (const Reminder& reminder : reminders) {
    out.push_back({util::format_iso_date(reminder.day), std::string{event_kind_name(reminder.kind)},
                   reminder.amount ? std::optional<Cents>{reminder.amount->cents} : std::nullopt, reminder.days_left});
  }
  return out;
}

const catalog::TermLength k_30_days{catalog::TermUnit::days, 30};
const catalog::TermLength k_month{catalog::TermUnit::months, 1};

} // namespace

TEST_CASE("a prepaid line lists its renewals, the end of its intro price and what happens if unpaid")
{
  const std::vector<lines::Line> lines{line_of("Prepaid", "acme-prepaid-15", k_30_days, 2026_y / 11 / 1)};
  const auto reminders = reminders_for(fixture(), lines, {2026_y / 11 / 29, std::nullopt, std::nullopt});
  CHECK(seen(reminders) == std::vector<Seen>{{"2026-12-01", "renewal_due", 2000, 2},
                                             {"2026-12-01", "suspended", std::nullopt, 2},
                                             {"2026-12-31", "renewal_due", 2000, 32},
                                             {"2027-01-30", "renewal_due", 4000, 62},
                                             {"2027-01-30", "intro_ends", 4000, 62},
                                             {"2027-01-30", "number_lost", std::nullopt, 62}});
  CHECK(reminders[0].amount->intro);
  CHECK(reminders[0].term_number == 1);
  CHECK(reminders[5].due == 2026_y / 12 / 1);
}

TEST_CASE("AutoPay lowers the amount from the term the plan says")
{
  std::vector<lines::Line> lines{line_of("Prepaid", "acme-prepaid-15", k_30_days, 2026_y / 11 / 1)};
  lines[0].autopay = true;
  const auto reminders = reminders_for(fixture(), lines, {2026_y / 11 / 29, 2027_y / 1 / 30, std::nullopt});
  CHECK(reminders[0].amount->cents == 1500);  // term 1 (the 2nd): intro $20 - $5
  CHECK(reminders[3].amount->cents == 3500);  // regular $40 - $5
}

TEST_CASE("a line started on the 31st renews on the last day of shorter months")
{
  std::vector<lines::Line> lines{line_of("Postpaid", "acme-unlimited", k_month, 2026_y / 1 / 31, 10)};
  lines[0].line_count = 2;
  const auto reminders = reminders_for(fixture(), lines, {2026_y / 11 / 29, std::nullopt, 4});
  CHECK(seen(reminders) == std::vector<Seen>{{"2026-11-30", "renewal_due", 14000, 1},
                                             {"2026-12-10", "suspended", std::nullopt, 11},
                                             {"2026-12-31", "renewal_due", 14000, 32},
                                             {"2027-01-31", "renewal_due", 14000, 63},
                                             {"2027-02-28", "renewal_due", 14000, 91}});
}

TEST_CASE("an overdue renewal is listed first, with negative days, and later terms presume it was paid")
{
  const std::vector<lines::Line> lines{line_of("Late", "acme-prepaid-15", k_30_days, 2026_y / 10 / 1)};
  const auto reminders = reminders_for(fixture(), lines, {2026_y / 11 / 29, 2026_y / 12 / 31, std::nullopt});
  // Terms 1 and 2 are intro-priced; term 3 is the first at the regular price.
  CHECK(seen(reminders) == std::vector<Seen>{{"2026-10-31", "renewal_due", 2000, -29},
                                             {"2026-11-30", "renewal_due", 2000, 1},
                                             {"2026-12-30", "renewal_due", 4000, 31},
                                             {"2026-12-30", "intro_ends", 4000, 31},
                                             {"2026-12-30", "number_lost", std::nullopt, 31}});
}

TEST_CASE("a travel pass ends and is not renewed")
{
  const std::vector<lines::Line> lines{line_of("Visit", "acme-pass-7", {catalog::TermUnit::days, 7}, 2026_y / 11 / 27)};
  CHECK(seen(reminders_for(fixture(), lines, {2026_y / 11 / 29, std::nullopt, std::nullopt})) ==
        std::vector<Seen>{{"2026-12-04", "pass_ends", std::nullopt, 5}});
}

TEST_CASE("reminders from several lines sort by day, then label")
{
  const std::vector<lines::Line> lines{line_of("b", "beta-flex", {catalog::TermUnit::days, 90}, 2026_y / 11 / 10),
                                       line_of("a", "beta-flex", {catalog::TermUnit::days, 90}, 2026_y / 11 / 10)};
  const auto reminders = reminders_for(fixture(), lines, {2026_y / 11 / 29, std::nullopt, std::nullopt});
  // Beta has no renewal policy, so no suspension events; its one-term intro ends at the first renewal.
  CHECK(seen(reminders) == std::vector<Seen>{{"2027-02-08", "renewal_due", 12000, 71},
                                             {"2027-02-08", "intro_ends", 12000, 71},
                                             {"2027-02-08", "renewal_due", 12000, 71},
                                             {"2027-02-08", "intro_ends", 12000, 71}});
  CHECK(reminders[0].line->label == "a");
  CHECK(reminders[2].line->label == "b");
}

TEST_CASE("reminders made one at a time come in the order of every line's reminders sorted together")
{
  // Lines that share days and labels, one overdue, one a pass: the stream merges each line's own reminders
  // by day, then label, then kind, and keeps the lines' order between equals.
  const catalog::TermLength k_7_days{catalog::TermUnit::days, 7};
  std::vector<lines::Line> lines{
    line_of("B", "acme-prepaid-15", k_30_days, 2026_y / 11 / 1),
    line_of("A", "acme-prepaid-15", k_30_days, 2026_y / 11 / 1),
    line_of("A", "acme-unlimited", k_month, 2026_y / 10 / 1, 1),
    line_of("Weekly", "acme-prepaid-15", k_7_days, 2026_y / 11 / 20),
    line_of("B", "acme-prepaid-15", k_month, 2026_y / 12 / 1),
    line_of("Pass", "acme-pass-7", k_7_days, 2026_y / 12 / 3),
  };
  lines[2].id = "second-a";
  for (const Window& window : {Window{2026_y / 11 / 29, 2027_y / 12 / 31, std::nullopt}, Window{2026_y / 11 / 29, std::nullopt, 5},
                               Window{2027_y / 3 / 1, std::nullopt, std::nullopt}}) {
    std::vector<std::pair<Reminder, std::size_t>> expected;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      ReminderStream one{fixture(), std::span<const lines::Line>{&lines[i], 1}, window};
      while (const Reminder* reminder = one.next()) {
        expected.emplace_back(*reminder, i);
      }
    }
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
      return std::tuple{date::sys_days{a.first.day}, a.first.line->label, static_cast<int>(a.first.kind)} <
             std::tuple{date::sys_days{b.first.day}, b.first.line->label, static_cast<int>(b.first.kind)};
    });
    ReminderStream all{fixture(), lines, window};
    std::size_t at = 0;
    while (const Reminder* reminder = all.next()) {
      REQUIRE(at < expected.size());
      INFO("reminder " << at);
      CHECK(reminder->line == expected[at].first.line);
      CHECK(seen({*reminder}) == seen({expected[at].first}));
      CHECK(reminder->term_number == expected[at].first.term_number);
      ++at;
    }
    CHECK(at == expected.size());
    CHECK(at > 10);
  }
}
