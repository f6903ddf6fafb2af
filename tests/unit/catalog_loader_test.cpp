#include "simplan/catalog/loader.hpp"

#include "simplan/data/builtin_data.hpp"
#include "simplan/util/date.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <set>

using namespace simplan;
using namespace date::literals;
using nlohmann::json;

namespace {

std::vector<std::string> problems_in(std::string_view text, const catalog::Catalog* base = nullptr)
{
  std::vector<std::string> lines;
  for (const auto& problem : catalog::load_catalog(text, "t.json", base).problems) {
    lines.push_back(util::format_diagnostic(problem));
  }
  return lines;
}

json small_fixture()
{
  return json::parse(testing::read_test_file("catalogs/small.json"));
}

// The problems after one change to the good fixture.
std::vector<std::string> problems_after(const std::function<void(json&)>& change)
{
  json document = small_fixture();
  change(document);
  return problems_in(document.dump(2));
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("the fixture catalog loads with every field read exactly")
{
  const auto result = catalog::load_catalog(testing::read_test_file("catalogs/small.json"), "small.json");
  REQUIRE(result.problems.empty());
  const catalog::Catalog& loaded = result.catalog;
  CHECK(loaded.as_of == 2026_y / 11 / 1);
  CHECK(loaded.carriers.size() == 4);
  CHECK(loaded.plans.size() == 6);

  const catalog::Plan& unlimited = *loaded.find_plan("acme-unlimited");
  CHECK(unlimited.kind == catalog::PlanKind::postpaid);
  CHECK(unlimited.terms.at(0).length == catalog::TermLength{catalog::TermUnit::months, 1});
  CHECK(unlimited.terms.at(0).price == 8000);
  CHECK(unlimited.terms.at(0).line_totals ==
        std::vector<std::optional<util::Cents>>{8000, 14000, 18000, std::nullopt});
  CHECK(unlimited.autopay->discount == 1000);
  CHECK(unlimited.autopay->payment_methods == std::vector{catalog::PaymentMethod::bank_account});
  CHECK(unlimited.taxes_and_fees.carrier_fee->cents_per_line == 399);
  CHECK(unlimited.one_time_fees.at(0).cents == 3500);
  CHECK(unlimited.data.high_speed == catalog::Quantity::make_unlimited());
  CHECK(unlimited.hotspot->high_speed == catalog::Quantity::of(30000));
  CHECK(unlimited.international->calling.at(0).countries == std::vector<std::string>{"MX", "CA"});

  const catalog::Plan& prepaid = *loaded.find_plan("acme-prepaid-15");
  CHECK(prepaid.terms.at(0).intro->price == 2000);
  CHECK(prepaid.terms.at(0).intro->terms == 3);
  CHECK(prepaid.autopay->from_term == 2);
  CHECK(prepaid.data.after_cap == catalog::AfterCap::slowed);
  CHECK(prepaid.data.after_cap_kbps == 128);
  CHECK(prepaid.sources.at(0).secondary);
  CHECK(prepaid.sources.at(0).checked == 2026_y / 9 / 15);

  CHECK(loaded.find_plan("lianxin-student")->data.high_speed == catalog::Quantity::of(10500));
  CHECK(loaded.find_carrier("acme")->prepaid_renewal->unpaid->number_lost_after_days == 60);
  CHECK(loaded.find_carrier("acme")->prepaid_renewal->steps->in("zh-Hans") == "登录后点击续费。");
}

TEST_CASE("the built-in catalog validates clean and is as large as promised")
{
  const auto result = catalog::load_catalog(data::builtin_catalog_json(), "builtin");
  for (const auto& problem : result.problems) {
    UNSCOPED_INFO(util::format_diagnostic(problem));
  }
  REQUIRE(result.problems.empty());
  CHECK(result.catalog.plans.size() >= 45);
  std::set<std::string> carriers_with_plans;
  for (const auto& plan : result.catalog.plans) {
    carriers_with_plans.insert(plan.carrier);
  }
  CHECK(carriers_with_plans.size() >= 15);
  CHECK(util::format_iso_date(result.catalog.as_of) == data::builtin_catalog_as_of());
}

TEST_CASE("syntax errors are reported with line and column")
{
  CHECK(problems_in("") ==
        Lines{"t.json:1:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"});
  CHECK(problems_in("{\n  \"schema_version\": 1,\n") ==
        Lines{"t.json:3:1: syntax error while parsing object key - unexpected end of input; expected string literal"});
  CHECK(problems_in("{\"plans\": [1,]}") ==
        Lines{"t.json:1:14: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"});
}

TEST_CASE("invalid UTF-8 and raw control characters are syntax errors, shown escaped")
{
  CHECK(problems_in("{\"name\": \"\xff\"}") ==
        Lines{"t.json:1:11: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: "
              "'\"\\xFF'"});
  CHECK(problems_in("{\"name\": \"a\x1b[2Jb\"}") ==
        Lines{"t.json:1:12: syntax error while parsing value - invalid string: control character U+001B (ESC) must "
              "be escaped to \\u001B; last read: '\"a<U+001B>'"});
}

TEST_CASE("100000 nested brackets are refused before parsing")
{
  CHECK(problems_in(std::string(100000, '[')) == Lines{"t.json:1:65: nesting deeper than 64 levels is not allowed"});
}

TEST_CASE("a key given twice in one object is an error, not a silent overwrite")
{
  CHECK(problems_in("{\"schema_version\": 1, \"plans\": [{\"id\": \"a\", \"id\": \"b\"}]}") ==
        Lines{"t.json: /plans/0/id: duplicate key \"id\" in one object"});
}

TEST_CASE("wrong types name the path, what was expected and what was found")
{
  CHECK(problems_after([](json& c) { c["plans"][0]["terms"][0]["price_cents"] = "25.00"; }) ==
        Lines{"t.json: /plans/0/terms/0/price_cents: expected an amount in cents from 0 to 500000, got the string "
              "\"25.00\""});
  CHECK(problems_after([](json& c) { c["plans"][0]["terms"][0]["price_cents"] = 25.5; }) ==
        Lines{"t.json: /plans/0/terms/0/price_cents: expected an amount in cents from 0 to 500000, got the number 25.5"});
  CHECK(problems_after([](json& c) { c["plans"][1]["phone_number"] = "yes"; }) ==
        Lines{"t.json: /plans/1/phone_number: expected true or false, got the string \"yes\""});
  CHECK(problems_after([](json& c) { c["plans"][2]["data"] = json::array(); }) ==
        Lines{"t.json: /plans/2/data: expected an object, got an array"});
  CHECK(problems_after([](json& c) { c["carriers"] = json::object(); }) ==
        Lines{"t.json: /carriers: expected an array, got an object"});
}

TEST_CASE("missing required fields and unknown fields are reported with a suggestion")
{
  CHECK(problems_after([](json& c) { c["plans"][3].erase("name"); }) ==
        Lines{"t.json: /plans/3: missing required field \"name\""});
  CHECK(problems_after([](json& c) { c.erase("as_of"); }) == Lines{"t.json: missing required field \"as_of\""});
  CHECK(problems_after([](json& c) { c["plans"][0]["terms"][0]["price_cent"] = 1; }) ==
        Lines{"t.json: /plans/0/terms/0/price_cent: unknown field \"price_cent\"; did you mean \"price_cents\"?"});
  CHECK(problems_after([](json& c) { c["plans"][0]["zzz"] = 1; }).at(0).starts_with(
    "t.json: /plans/0/zzz: unknown field \"zzz\"; expected one of \"id\", \"carrier\","));
}

TEST_CASE("unknown enum values list the choices and suggest the closest")
{
  CHECK(problems_after([](json& c) { c["plans"][1]["kind"] = "prepayed"; }) ==
        Lines{"t.json: /plans/1/kind: expected one of \"prepaid\", \"postpaid\", \"travel\", got the string "
              "\"prepayed\"; did you mean \"prepaid\"?"});
  CHECK(problems_after([](json& c) { c["plans"][1]["networks"] = {"verizon", "sprint"}; }) ==
        Lines{"t.json: /plans/1/networks/1: expected one of \"tmobile\", \"att\", \"verizon\", \"boost\", got the "
              "string \"sprint\""});
}

TEST_CASE("duplicate ids and unknown carriers are reported where they occur")
{
  CHECK(problems_after([](json& c) { c["plans"][4]["id"] = "acme-unlimited"; }) ==
        Lines{"t.json: /plans/4/id: duplicate plan id \"acme-unlimited\" (first used at /plans/0)"});
  CHECK(problems_after([](json& c) { c["plans"][2]["carrier"] = "betta"; }) ==
        Lines{"t.json: /plans/2/carrier: unknown carrier \"betta\"; did you mean \"beta\"?"});
  CHECK(problems_after([](json& c) { c["plans"][2]["carrier"] = "Beta Mobile"; }) ==
        Lines{"t.json: /plans/2/carrier: expected an id of lowercase letters, digits and single hyphens (at most 64 "
              "characters), got \"Beta Mobile\""});
}

TEST_CASE("negative and absurd amounts are rejected")
{
  CHECK(problems_after([](json& c) { c["plans"][1]["terms"][0]["price_cents"] = -500; }) ==
        Lines{"t.json: /plans/1/terms/0/price_cents: expected an amount in cents from 0 to 500000, got the number -500"});
  CHECK(problems_after([](json& c) { c["plans"][1]["terms"][0]["price_cents"] = 90000000; }) ==
        Lines{"t.json: /plans/1/terms/0/price_cents: expected an amount in cents from 0 to 500000, got the number "
              "90000000"});
  CHECK(problems_after([](json& c) { c["plans"][1]["data"]["high_speed_gb"] = 20000; }) ==
        Lines{"t.json: /plans/1/data/high_speed_gb: expected \"unlimited\" or GB from 0 to 10000 with at most three "
              "decimals, got the number 20000"});
  CHECK(problems_after([](json& c) { c["plans"][1]["data"]["high_speed_gb"] = 1.23456; }) ==
        Lines{"t.json: /plans/1/data/high_speed_gb: expected \"unlimited\" or GB from 0 to 10000 with at most three "
              "decimals, got the number 1.23456"});
}

TEST_CASE("dates that do not exist are rejected")
{
  CHECK(problems_after([](json& c) { c["as_of"] = "2026-02-30"; }) ==
        Lines{"t.json: /as_of: expected a real date YYYY-MM-DD, got the string \"2026-02-30\""});
  CHECK(problems_after([](json& c) { c["plans"][0]["sources"][0]["checked"] = "2026-12-01"; }) ==
        Lines{"t.json: /plans/0/sources/0/checked: the date the facts were checked, 2026-12-01, is after the "
              "catalog's as_of date 2026-11-01"});
}

TEST_CASE("inconsistent terms are reported")
{
  CHECK(problems_after([](json& c) { c["plans"][3]["terms"][0]["length"] = {{"months", 1}}; }) ==
        Lines{"t.json: /plans/3/terms/0/length: a travel pass has a fixed validity in days, not calendar months"});
  CHECK(problems_after([](json& c) { c["plans"][0]["terms"][0]["line_totals_cents"][0] = 7000; }) ==
        Lines{"t.json: /plans/0/terms/0/line_totals_cents/0: the one-line total must equal price_cents (8000), got 7000"});
  CHECK(problems_after([](json& c) { c["plans"][0]["max_lines"] = 3; }) ==
        Lines{"t.json: /plans/0/terms/0/line_totals_cents: 4 line totals given but max_lines is 3"});
  CHECK(problems_after([](json& c) { c["plans"][1]["terms"][0]["intro"]["price_cents"] = 4000; }) ==
        Lines{"t.json: /plans/1/terms/0/intro/price_cents: an intro price ($40.00) must be below the regular price "
              "($40.00)"});
  CHECK(problems_after([](json& c) { c["plans"][1]["autopay"]["discount_cents"] = 4000; }) ==
        Lines{"t.json: /plans/1/autopay/discount_cents: the AutoPay discount ($40.00) must be below the price ($40.00)"});
  CHECK(problems_after([](json& c) { c["plans"][2]["terms"][1]["length"] = {{"days", 90}}; }) ==
        Lines{"t.json: /plans/2/terms/1/length: the same term length as /plans/2/terms/0"});
  CHECK(problems_after([](json& c) { c["plans"][0]["terms"][0]["length"] = {{"days", 30}, {"months", 1}}; }) ==
        Lines{"t.json: /plans/0/terms/0/length: expected exactly one of \"days\" or \"months\""});
  CHECK(problems_after([](json& c) { c["plans"][1]["terms"][0]["length"] = {{"days", 500}}; }) ==
        Lines{"t.json: /plans/1/terms/0/length/days: expected a number of days from 1 to 400, got the number 500"});
}

TEST_CASE("data, hotspot and phone rules relate fields to each other")
{
  CHECK(problems_after([](json& c) { c["plans"][1]["data"].erase("after_cap"); }) ==
        Lines{"t.json: /plans/1/data: missing required field \"after_cap\" (high_speed_gb is a limit: say what happens "
              "after it)"});
  CHECK(problems_after([](json& c) { c["plans"][0]["data"]["after_cap"] = "slowed"; }) ==
        Lines{"t.json: /plans/0/data/after_cap: \"after_cap\" needs a numeric high_speed_gb above 0"});
  CHECK(problems_after([](json& c) { c["plans"][0]["data"].erase("priority"); }) ==
        Lines{"t.json: /plans/0/data: missing required field \"priority\" (the plan has data)"});
  CHECK(problems_after([](json& c) { c["plans"][1]["hotspot"]["high_speed_gb"] = 20; }) ==
        Lines{"t.json: /plans/1/hotspot/high_speed_gb: the hotspot allowance is larger than the plan's high-speed data "
              "(set from_plan_data to false if it is a separate allowance)"});
  CHECK(problems_after([](json& c) { c["plans"][4]["talk"] = "unlimited"; }) ==
        Lines{"t.json: /plans/4/talk: \"talk\" given on a plan with no phone number"});
}

TEST_CASE("secondary sources and conflicts require a confidence")
{
  CHECK(problems_after([](json& c) { c["plans"][1].erase("confidence"); }) ==
        Lines{"t.json: /plans/1: missing required field \"confidence\" (a source is secondary)"});
  CHECK(problems_after([](json& c) { c["plans"][2].erase("confidence"); }) ==
        Lines{"t.json: /plans/2: missing required field \"confidence\" (the plan lists conflicts)"});
}

TEST_CASE("text must be printable and localized text needs English")
{
  CHECK(problems_after([](json& c) { c["plans"][0]["name"] = "Evil\x1b[2J"; }) ==
        Lines{"t.json: /plans/0/name: control characters are not allowed in text, got \"Evil\\e[2J\""});
  CHECK(problems_after([](json& c) { c["plans"][2]["notes"][0] = {{"zh-Hans", "只有中文"}}; }) ==
        Lines{"t.json: /plans/2/notes/0: missing the English text \"en\""});
  CHECK(problems_after([](json& c) { c["plans"][2]["notes"][0]["EN"] = "x"; }) ==
        Lines{"t.json: /plans/2/notes/0/EN: expected a language tag such as \"en\" or \"zh-Hans\", got \"EN\""});
  CHECK(problems_after([](json& c) { c["plans"][2]["notes"][0]["en"] = "Line one.\nLine two."; }).empty());
}

TEST_CASE("a newer schema version is refused with a clear reason")
{
  CHECK(problems_after([](json& c) { c["schema_version"] = 2; }) ==
        Lines{"t.json: /schema_version: this simplan reads catalog schema version 1, got version 2; a newer simplan "
              "may read it"});
}

TEST_CASE("every problem in a file is reported in one run")
{
  const auto problems = problems_after([](json& c) {
    c["plans"][0]["kind"] = "monthly";
    c["plans"][1]["terms"][0]["price_cents"] = -1;
    c["plans"][2].erase("sources");
    c["plans"][3]["sim"]["esim"] = "yes";
    c["plans"][5]["carrier"] = "nobody";
  });
  CHECK(problems.size() == 5);
}

TEST_CASE("a layered catalog may use the carriers of the catalog below it")
{
  const auto base = catalog::load_catalog(testing::read_test_file("catalogs/small.json"), "small.json");
  REQUIRE(base.problems.empty());
  const std::string layer = testing::read_test_file("catalogs/layer.json");
  CHECK(problems_in(layer).size() == 2);  // alone, its carrier "acme" is unknown to both plans
  CHECK(problems_in(layer, &base.catalog).empty());

  catalog::Catalog merged = base.catalog;
  merged.merge(catalog::load_catalog(layer, "layer.json", &base.catalog).catalog);
  CHECK(merged.plans.size() == 7);
  CHECK(merged.find_plan("acme-unlimited")->terms.at(0).price == 7500);  // replaced in place
  CHECK(merged.plans.at(0).id == "acme-unlimited");
  CHECK(merged.find_plan("acme-basic") != nullptr);  // added
  CHECK(merged.as_of == 2026_y / 11 / 1);            // the older of the two dates
}

TEST_CASE("a layer replaces plans and carriers in place and adds new ones after, in its own order")
{
  const auto with_ids = [](std::initializer_list<const char*> ids, util::Cents price) {
    catalog::Catalog catalog;
    catalog.as_of = date::year{2026} / 11 / 1;
    for (const char* id : ids) {
      catalog::Plan plan;
      plan.id = id;
      plan.carrier = std::string{"carrier-"} + id;
      catalog::Term term;
      term.price = price;
      plan.terms.push_back(term);
      catalog.plans.push_back(plan);
      catalog::Carrier carrier;
      carrier.id = plan.carrier;
      catalog.carriers.push_back(carrier);
    }
    return catalog;
  };
  // Ids longer than a short string's inline buffer too: replacing an item frees its old id.
  const std::string long_id = "a-plan-id-long-enough-to-live-on-the-heap-not-inline";
  catalog::Catalog merged = with_ids({"a", "b", "c", long_id.c_str()}, 100);
  merged.merge(with_ids({"c", "d", long_id.c_str(), "a", "e", "d"}, 200));

  std::vector<std::string> ids;
  std::vector<util::Cents> prices;
  for (const catalog::Plan& plan : merged.plans) {
    ids.push_back(plan.id);
    prices.push_back(plan.terms.at(0).price);
  }
  CHECK(ids == std::vector<std::string>{"a", "b", "c", long_id, "d", "e"});
  CHECK(prices == std::vector<util::Cents>{200, 100, 200, 200, 200, 200});
  CHECK(merged.carriers.size() == 6);
  CHECK(merged.carriers.at(3).id == "carrier-" + long_id);
  CHECK(merged.find_plan(long_id) == &merged.plans.at(3));
}

TEST_CASE("usage-billed data reads its per-GB price and the caps by line count")
{
  json document = small_fixture();
  document["plans"][1]["data"]["usage_billing"] = {{"cents_per_gb", 1000}, {"max_charged_gb", {6, 10.5}}};
  const auto result = catalog::load_catalog(document.dump(), "t.json");
  REQUIRE(result.problems.empty());
  const auto& billing = result.catalog.find_plan("acme-prepaid-15")->data.usage_billing;
  REQUIRE(billing);
  CHECK(billing->cents_per_gb == 1000);
  CHECK(billing->max_charged_mb == std::vector<std::int64_t>{6000, 10500});

  CHECK(problems_after([](json& c) { c["plans"][1]["data"]["usage_billing"] = {{"max_charged_gb", {-1}}}; }) ==
        Lines{"t.json: /plans/1/data/usage_billing: missing required field \"cents_per_gb\"",
              "t.json: /plans/1/data/usage_billing/max_charged_gb/0: expected GB from 0 to 10000 with at most three "
              "decimals, got the number -1"});
}

TEST_CASE("a way to pay is named by a plain name or by a localized text")
{
  json document = small_fixture();
  json& store = document["carriers"][0]["renewal"]["prepaid"]["channels"][1];
  store["name"] = {{"en", "Acme stores and dealers"}, {"zh-Hans", "Acme 门店和经销商"}};
  auto result = catalog::load_catalog(document.dump(), "t.json");
  REQUIRE(result.problems.empty());
  const catalog::Channel& channel = result.catalog.carriers[0].prepaid_renewal->channels[1];
  REQUIRE(channel.name.has_value());
  CHECK(channel.name->in("zh-Hans") == "Acme 门店和经销商");

  store["name"] = "Acme Pay";
  result = catalog::load_catalog(document.dump(), "t.json");
  REQUIRE(result.problems.empty());
  CHECK(result.catalog.carriers[0].prepaid_renewal->channels[1].name->english() == "Acme Pay");

  store["name"] = 7;
  CHECK(problems_in(document.dump()) ==
        Lines{"t.json: /carriers/0/renewal/prepaid/channels/1/name: expected a string, got the number 7"});
  store["name"] = {{"zh-Hans", "只有中文"}};
  CHECK(problems_in(document.dump()) ==
        Lines{"t.json: /carriers/0/renewal/prepaid/channels/1/name: missing the English text \"en\""});
}

namespace {

// A catalog read `piece` bytes at a time; with `twice`, as a file that can be read again from its start.
catalog::LoadResult load_streamed(const std::string& text, bool twice, const catalog::PlanSink& sink = {},
                                  std::size_t piece = 97)
{
  const auto open = [&text, piece] { return testing::read_in_pieces(text, piece); };
  catalog::CatalogInput input{open(), {}};
  if (twice) {
    input.reread = open;
  }
  return catalog::load_catalog_stream(input, "t.json", nullptr, i18n::Language::en, sink);
}

Lines formatted(const util::Diagnostics& problems)
{
  Lines lines;
  for (const auto& problem : problems) {
    lines.push_back(util::format_diagnostic(problem));
  }
  return lines;
}

} // namespace

TEST_CASE("a sink is given every plan the catalog would keep, in order, whatever order the fields come in")
{
  const json builtin = json::parse(data::builtin_catalog_json());
  const catalog::Catalog whole = catalog::load_catalog(data::builtin_catalog_json(), "builtin").catalog;
  // As written (carriers before plans: each plan goes to the sink as it is read), and with the plans first
  // (they wait for the carriers and as_of at the end).
  nlohmann::ordered_json plans_first;
  for (const char* key : {"plans", "carriers", "as_of", "schema_version"}) {
    plans_first[key] = builtin[key];
  }
  for (const std::string& text : {std::string{data::builtin_catalog_json()}, plans_first.dump(1)}) {
    for (const bool twice : {true, false}) {
      std::vector<catalog::Plan> given;
      std::vector<std::size_t> carriers_seen;
      const auto result = load_streamed(text, twice, [&](const catalog::Catalog& so_far, catalog::Plan&& plan) {
        carriers_seen.push_back(so_far.carriers.size());
        given.push_back(std::move(plan));
      });
      REQUIRE(result.problems.empty());
      CHECK(result.catalog.plans.empty());
      CHECK(result.catalog.carriers == whole.carriers);
      CHECK(given == whole.plans);
      CHECK(std::count(carriers_seen.begin(), carriers_seen.end(), whole.carriers.size()) ==
            static_cast<std::ptrdiff_t>(whole.plans.size()));
    }
  }
}

TEST_CASE("a catalog read once reports exactly what a catalog read twice reports")
{
  const std::string good = testing::read_test_file("catalogs/small.json");
  const std::vector<std::string> broken = {
    good.substr(0, good.size() / 2),                                  // cut short: a syntax error
    R"({"schema_version": 1, "as_of": "2026-11-01", "carriers": [], "plans": [{"id": "a", "id": "b"}]})",
    R"({"schema_version": 1, "as_of": "2026-11-01", "carriers": [], "plans": [{"id": "x", "max_lines": 99999999999999999999}]})",
    R"({"plans": [{"id": "Bad Id"}, {"id": "Bad Id"}], "carriers": [{"id": "c"}], "as_of": "2026-13-01", "schema_version": 1})",
    R"({"schema_version": 1, "as_of": "2026-11-01", "carriers": [{"id": "acme"}], "plans": [{"carrier": "acme2"}], "extra": 1})",
    R"({"schema_version": 2, "as_of": "2026-11-01", "carriers": [], "plans": [{"id": 5}]})",
  };
  for (const std::string& text : broken) {
    INFO(text.substr(0, 120));
    const Lines expected = problems_in(text);
    REQUIRE_FALSE(expected.empty());
    CHECK(formatted(load_streamed(text, true).problems) == expected);
    CHECK(formatted(load_streamed(text, false).problems) == expected);
    CHECK(formatted(load_streamed(text, true, [](const catalog::Catalog&, catalog::Plan&&) {}, 1).problems) == expected);
  }
}
