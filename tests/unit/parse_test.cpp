#include "simplan/util/parse.hpp"

#include <catch2/catch.hpp>

using namespace simplan::util;

TEST_CASE("gigabyte amounts parse to megabytes")
{
  CHECK(parse_gigabytes("5") == 5000);
  CHECK(parse_gigabytes("0.5") == 500);
  CHECK(parse_gigabytes("2.25") == 2250);
  CHECK(parse_gigabytes("0.001") == 1);
  CHECK(parse_gigabytes("10GB") == 10000);
  CHECK(parse_gigabytes("10000") == 10000000);
  for (const char* text : {"", ".", "5.", "-1", "1.2345", "10001", "GB", "five", "1,000"}) {
    INFO(text);
    CHECK_FALSE(parse_gigabytes(text));
  }
}

TEST_CASE("country codes are two letters, returned in capitals")
{
  CHECK(parse_country_code("cn") == std::optional<std::string>{"CN"});
  CHECK(parse_country_code("MX") == std::optional<std::string>{"MX"});
  CHECK_FALSE(parse_country_code("CHN"));
  CHECK_FALSE(parse_country_code("C1"));
  CHECK_FALSE(parse_country_code(""));
}
