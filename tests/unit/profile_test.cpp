#include "simplan/data/builtin_data.hpp"
#include "simplan/profile/profile.hpp"

#include <catch2/catch.hpp>

using namespace simplan;
using namespace simplan::profile;

namespace {

const ProfileBook& builtin()
{
  static const ProfileBook book = [] {
    auto loaded = load_profile_book(data::builtin_profiles_json(), "profiles.json");
    REQUIRE(loaded.problems.empty());
    return loaded.book;
  }();
  return book;
}

std::vector<std::string> problems_in(std::string_view text)
{
  std::vector<std::string> lines;
  for (const auto& problem : load_profile_file(text, "me.json", builtin()).problems) {
    lines.push_back(util::format_diagnostic(problem));
  }
  return lines;
}

} // namespace

TEST_CASE("the built-in profiles say what the issue promised")
{
  const Profile& tourist = *builtin().find("tourist");
  CHECK(tourist.needs.stay == Stay{StayUnit::days, 14});
  CHECK(tourist.needs.esim);
  CHECK(tourist.needs.no_credit_check);
  CHECK(tourist.needs.need_number);
  CHECK_FALSE(tourist.needs.has_ssn);
  CHECK_FALSE(tourist.needs.autopay);
  CHECK_FALSE(tourist.needs.tax_rate_bp);  // taxes come from the state table, not a profile default
  CHECK(tourist.needs.state.empty());

  const Profile& student = *builtin().find("student");
  CHECK(student.needs.stay == Stay{StayUnit::months, 12});
  CHECK(student.needs.no_credit_check);

  CHECK(builtin().find("long-term-resident") == builtin().find("resident"));
  CHECK(builtin().find("resident")->needs.stay == Stay{StayUnit::months, 24});
  CHECK_FALSE(builtin().find("resident")->needs.no_credit_check);

  const Profile& heavy = *builtin().find("heavy-data");
  CHECK(heavy.needs.premium_data);
  CHECK(heavy.needs.hotspot_mb == 50000);
  CHECK(builtin().find("nobody") == nullptr);
}

TEST_CASE("a person's profile file overrides the profile it extends")
{
  const auto loaded = load_profile_file(
    R"({"extends": "student", "stay": {"months": 9}, "call": ["cn", "IN"], "data_gb": 2.5, "tax_rate_percent": 9.25})",
    "me.json", builtin());
  REQUIRE(loaded.problems.empty());
  const Needs& needs = loaded.profile.needs;
  CHECK(needs.stay == Stay{StayUnit::months, 9});
  CHECK(needs.call_countries == std::vector<std::string>{"CN", "IN"});
  CHECK(needs.data_mb == 2500);
  CHECK(needs.tax_rate_bp == 925);
  CHECK(needs.no_credit_check);  // from student
}

TEST_CASE("a profile file with mistakes reports each with its place")
{
  CHECK(problems_in(R"({"extends": "studnet"})") ==
        std::vector<std::string>{"me.json: /extends: no built-in profile \"studnet\"; did you mean \"student\"?"});
  CHECK(problems_in(R"({"stay": {"weeks": 2}})") ==
        std::vector<std::string>{"me.json: /stay/weeks: unknown field \"weeks\"; expected one of \"days\", \"months\"",
                                 "me.json: /stay: expected exactly one of \"days\" or \"months\""});
  CHECK(problems_in(R"({"lines": 0, "call": ["China"], "tax_rate_percent": 150})") ==
        std::vector<std::string>{
          "me.json: /lines: expected a number of lines from 1 to 20, got the number 0",
          "me.json: /call/0: expected a two-letter country code such as \"CN\", got \"China\"",
          "me.json: /tax_rate_percent: expected a percentage from 0 to 100 with at most two decimals, got the number 150"});
  CHECK(problems_in("[1]") == std::vector<std::string>{"me.json: expected a profile object, got an array"});
}
