#include "simplan/report/cost_text.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/report/text_format.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace simplan;
using namespace simplan::report;

namespace {

Table sample_table()
{
  Table table{{{"ID"}, {"NAME", Align::left, 6}, {"PRICE", Align::right}, {"NOTE", Align::left, 0, 1}}};
  table.add_row({"a", "Unlimited Premium", "$5.00", "x"});
  table.add_row({"bb", "留学生套餐", "$25.00", "yy"});
  return table;
}

} // namespace

TEST_CASE("a table aligns columns by display width, with no trailing spaces")
{
  CHECK(sample_table().render({}) == "ID  NAME                PRICE  NOTE\n"
                                     "a   Unlimited Premium   $5.00  x\n"
                                     "bb  留学生套餐         $25.00  yy\n");
}

TEST_CASE("a table fits a narrow terminal by cutting, then dropping columns")
{
  CHECK(sample_table().render({30, false, true}) == "ID  NAME           PRICE  NOTE\n"
                                                    "a   Unlimited P…   $5.00  x\n"
                                                    "bb  留学生套餐    $25.00  yy\n");
  CHECK(sample_table().render({25, false, true}) == "ID  NAME      PRICE  NOTE\n"
                                                    "a   Unlimi…   $5.00  x\n"
                                                    "bb  留学生…  $25.00  yy\n");
  CHECK(sample_table().render({20, false, false}) == "ID  NAME       PRICE\n"
                                                    "a   Unlimit~   $5.00\n"
                                                    "bb  留学生~   $25.00\n");
}

TEST_CASE("a table never prints raw escape sequences and bolds headers only with color")
{
  Table table{{{"A"}}};
  table.add_row({"\x1b]0;owned\x07"});
  CHECK(table.render({}) == "A\n\\e]0;owned\\x07\n");
  CHECK(table.render({0, true, true}) == "\x1b[1mA\x1b[0m\n\\e]0;owned\\x07\n");
}

TEST_CASE("a field list aligns labels and continues multi-line values")
{
  FieldList fields;
  fields.add("Plan", "Mint Unlimited");
  fields.add("Taxes & fees", "not included\nRecovery Fee");
  CHECK(fields.render() == "Plan:          Mint Unlimited\n"
                           "Taxes & fees:  not included\n"
                           "               Recovery Fee\n");
}

TEST_CASE("CSV follows RFC 4180 and neutralizes formulas")
{
  const std::vector<std::string> cells{"plain", "a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)",
                                       "line\nbreak", ""};
  CHECK(csv_record(cells) ==
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),line\\nbreak,\r\n");
}

TEST_CASE("TSV escapes tabs and newlines so every record is one line")
{
  const std::vector<std::string> cells{"a\tb", "c\nd", "=1", "中文"};
  CHECK(tsv_record(cells) == "a\\tb\tc\\nd\t'=1\t中文\n");
}

TEST_CASE("catalog values read naturally")
{
  const auto en = i18n::Language::en;
  CHECK(format_gigabytes(en, catalog::Quantity::of(0)) == "none");
  CHECK(format_gigabytes(en, catalog::Quantity::of(10500)) == "10.5 GB");
  CHECK(format_gigabytes(en, catalog::Quantity::make_unlimited()) == "unlimited");
  CHECK(gigabytes_value(catalog::Quantity::of(250)) == "0.25");
  CHECK(format_term_length(en, {catalog::TermUnit::months, 1}) == "month");
  CHECK(format_term_length(en, {catalog::TermUnit::months, 12}) == "12 months");
  CHECK(format_term_length(en, {catalog::TermUnit::days, 30}) == "30 days");
  CHECK(format_speed(128) == "128 kbps");
  CHECK(format_speed(1500) == "1.5 Mbps");
  CHECK(format_speed(3000) == "3 Mbps");
  CHECK(format_networks(en, {}) == "unknown");
  CHECK(format_networks(en, {catalog::Network::att, catalog::Network::tmobile}) == "AT&T, T-Mobile");
}

TEST_CASE("catalog values read naturally in Chinese")
{
  const auto zh = i18n::Language::zh_hans;
  CHECK(format_gigabytes(zh, catalog::Quantity::of(0)) == "无");
  CHECK(format_gigabytes(zh, catalog::Quantity::of(10500)) == "10.5 GB");
  CHECK(format_gigabytes(zh, catalog::Quantity::make_unlimited()) == "无限");
  CHECK(format_term_length(zh, {catalog::TermUnit::months, 1}) == "月");
  CHECK(format_term_length(zh, {catalog::TermUnit::months, 12}) == "12 个月");
  CHECK(format_term_length(zh, {catalog::TermUnit::days, 30}) == "30 天");
  CHECK(format_networks(zh, {}) == "未知");
  CHECK(format_networks(zh, {catalog::Network::att, catalog::Network::tmobile}) == "AT&T、T-Mobile");
}

TEST_CASE("counts of one read in the singular: months of usage and carrier fees")
{
  const auto en = i18n::Language::en;
  recommend::CostItem usage;
  usage.kind = recommend::CostKind::usage;
  usage.megabytes = 2500;
  usage.quantity = 1;
  CHECK(cost_item_label(en, usage, 1) == "data billed by use: 2.5 GB a month for 1 month");
  usage.quantity = 3;
  CHECK(cost_item_label(en, usage, 1) == "data billed by use: 2.5 GB a month for 3 months");
  CHECK(cost_item_label(i18n::Language::zh_hans, usage, 1) == "按用量计费的流量：每月 2.5 GB，共 3 个月");

  recommend::CostItem fee;
  fee.kind = recommend::CostKind::carrier_fee;
  fee.name = "Regulatory fee";
  fee.unit = 350;
  fee.quantity = 1;
  CHECK(cost_item_label(en, fee, 1) == "Regulatory fee: $3.50 a line a month, 1 line, 1 month");
  fee.range = true;
  fee.quantity = 2;
  CHECK(cost_item_label(en, fee, 2) == "Regulatory fee: at least $3.50 a line a month, 2 lines, 2 months");
  CHECK(cost_item_label(i18n::Language::zh_hans, fee, 1) == "Regulatory fee：每个号码每月至少 $3.50，1 个号码，共 2 个月");
}

TEST_CASE("a calling note for one minute a month reads in the singular")
{
  recommend::FitNote note;
  note.kind = recommend::FitKind::calling_per_minute;
  note.country = "MX";
  note.rate = 5;
  note.penalty = 60;
  note.minutes = 1;
  CHECK(fit_sentence(i18n::Language::en, note) ==
        "calls to MX cost $0.05 a minute: about $0.05 a month for 1 minute: ranked as if $0.60 more");
  CHECK(fit_sentence(i18n::Language::zh_hans, note).starts_with("打往 MX 的通话每分钟 $0.05：按每月 1 分钟计约 $0.05"));
  note.minutes = 100;
  CHECK(fit_sentence(i18n::Language::en, note) ==
        "calls to MX cost $0.05 a minute: about $5.00 a month for 100 minutes: ranked as if $0.60 more");
}
