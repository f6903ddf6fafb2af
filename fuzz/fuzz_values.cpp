// Proves that every parser of a value typed on the command line either returns a value in its documented
// range or refuses the text (cli::Failure, a usage error), whatever the bytes: never a crash, undefined
// behaviour, a hang, or any other exception. Each parser gets the whole input, in both languages.

#include "cli/failure.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/money.hpp"
#include "simplan/util/parse.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace simplan;

namespace {

void check(bool promise)
{
  if (!promise) {
    __builtin_trap();
  }
}

// Runs one CLI parser; a refusal is a Failure with the usage exit code and a message, nothing else.
template <typename Parse>
void refuse_or_parse(Parse&& parse)
{
  try {
    parse();
  } catch (const cli::Failure& failure) {
    check(failure.code() == cli::ExitCode::usage && !failure.messages().empty());
  }
}

void parse_core(std::string_view text)
{
  if (const auto day = util::parse_iso_date(text)) {
    check(day->ok() && util::format_iso_date(*day) == text);  // exactly YYYY-MM-DD
  }
  if (const auto cents = util::parse_dollars(text)) {
    check(*cents >= 0 && *cents < 100'000'000'100);
  }
  if (const auto megabytes = util::parse_gigabytes(text)) {
    check(*megabytes >= 0 && *megabytes <= 10'000'000);
  }
  if (const auto code = util::parse_country_code(text)) {
    check(code->size() == 2 && (*code)[0] >= 'A' && (*code)[0] <= 'Z' && (*code)[1] >= 'A' && (*code)[1] <= 'Z');
  }
}

void parse_options(i18n::Language language, std::string_view text)
{
  refuse_or_parse([&] { cli::parse_date_option(language, "--start", text); });
  refuse_or_parse([&] { cli::parse_dollars_option(language, "--max-price", text); });
  refuse_or_parse([&] { cli::parse_gigabytes_option(language, "--data", text); });
  refuse_or_parse([&] { cli::parse_country(language, "--call", text); });
  refuse_or_parse([&] { cli::parse_network(language, "--network", text); });
  refuse_or_parse([&] {
    const catalog::TermLength term = cli::parse_term_option(language, "--term", text);
    check(term.unit == catalog::TermUnit::days ? term.count >= 1 && term.count <= 400
                                               : term.count >= 1 && term.count <= 13);
  });
  refuse_or_parse([&] {
    for (const int days : cli::parse_days_list(language, "--remind", text)) {
      check(days >= 0 && days <= 365);
    }
  });
  refuse_or_parse([&] {
    const int basis_points = cli::parse_percent_option(language, "--tax-rate", text);
    check(basis_points >= 0 && basis_points <= 10'000);
  });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  parse_core(text);
  parse_options(i18n::Language::en, text);
  parse_options(i18n::Language::zh_hans, text);
  return 0;
}
