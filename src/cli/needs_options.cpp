#include "cli/needs_options.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/util/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace simplan::cli {
namespace {

std::string profile_names()
{
  std::string names;
  for (const auto& profile : builtin_profiles().profiles) {
    names += (names.empty() ? "" : ", ") + profile.id;
  }
  return names;
}

// A flag and its opposite: at most one may be given.
std::optional<bool> either(bool yes, bool no, std::string_view yes_name, std::string_view no_name)
{
  if (yes && no) {
    throw Failure{ExitCode::usage, fmt::format("{} and {} contradict each other: give one", yes_name, no_name)};
  }
  if (yes || no) {
    return yes;
  }
  return std::nullopt;
}

int parse_percent_option(std::string_view option, std::string_view text)
{
  // Percent with at most two decimals, as basis points, through the dollar parser's exact decimals.
  const auto hundredths = util::parse_dollars(text);
  if (!hundredths || text.starts_with('$') || *hundredths > 10000) {
    throw Failure{ExitCode::usage,
                  fmt::format("{}: expected a percentage from 0 to 100 such as 10 or 26.8, got \"{}\"", option, text)};
  }
  return static_cast<int>(*hundredths);
}

} // namespace

const profile::ProfileBook& builtin_profiles()
{
  static const profile::ProfileBook book = [] {
    auto loaded = profile::load_profile_book(data::builtin_profiles_json(), "data/profiles.json");
    if (!loaded.problems.empty()) {
      // A bug in the shipped data, caught by the tests: not the user's to fix.
      throw std::logic_error("the built-in profiles are invalid: " + util::format_diagnostic(loaded.problems.front()));
    }
    return std::move(loaded.book);
  }();
  return book;
}

void add_needs_options(CLI::App& command, NeedsOptions& options, NeedsScope scope)
{
  command.add_option("--profile", options.profile,
                     "Start from a built-in profile: tourist, student, resident (or long-term-resident), heavy-data")
    ->type_name("NAME");
  command.add_option("--profile-file", options.profile_file,
                     "Start from your own profile (JSON, docs/profiles.md); - reads stdin")
    ->type_name("FILE");
  auto* days = command.add_option("--days", options.days, "Stay this many days from the effective date")
                 ->check(CLI::Range(1, 3660))
                 ->type_name("N");
  command.add_option("--months", options.months, "Stay this many calendar months from the effective date")
    ->check(CLI::Range(1, 120))
    ->type_name("N")
    ->excludes(days);
  command.add_option("--lines", options.lines, "Number of lines (1 to 20)")->check(CLI::Range(1, 20))->type_name("N");
  command.add_option("--data", options.data, "High-speed data needed per line per month")->type_name("GB");
  command.add_flag("--autopay", options.autopay, "You can pay by AutoPay (with a US bank account or card)");
  command.add_flag("--no-autopay", options.no_autopay, "You cannot use AutoPay (a foreign card often cannot)");
  command.add_option("--tax-rate", options.tax_rate,
                     "Taxes and surcharges on prices that exclude them, in percent (default: 26.8, the 2024 US average)")
    ->type_name("PERCENT");
  if (scope == NeedsScope::cost_only) {
    return;
  }
  command.add_option("--hotspot", options.hotspot, "Hotspot data needed per line per month")->type_name("GB");
  command.add_option("--budget", options.budget, "The most the whole account may cost per month, all in")
    ->type_name("DOLLARS");
  command.add_flag("--esim", options.esim, "Your phone takes an eSIM and you want one");
  command.add_flag("--no-esim", options.no_esim, "A physical SIM is fine");
  command.add_flag("--no-credit-check", options.no_credit_check, "You cannot pass a US credit check");
  command.add_flag("--credit-check-ok", options.credit_check_ok, "A credit check is fine");
  command.add_flag("--need-number", options.need_number, "You need a US phone number");
  command.add_flag("--data-only", options.data_only, "Data without a phone number is fine");
  command.add_option("--call", options.call, "You call this country from the US (ISO code: CN, IN, MX; repeatable)")
    ->delimiter(',')
    ->type_name("COUNTRY");
  command.add_option("--network", options.networks, "You prefer this network: tmobile, att, verizon, boost (repeatable)")
    ->delimiter(',')
    ->type_name("NETWORK");
  command.add_option("--top", options.top, "Show the best N plans (default 5)")->check(CLI::Range(1, 1000))->type_name("N");
}

void check_one_stdin_reader(const NeedsOptions& options, const Context& context)
{
  const auto catalogs = effective_catalog_names(context);
  if (options.profile_file == "-" && std::find(catalogs.begin(), catalogs.end(), "-") != catalogs.end()) {
    throw Failure{ExitCode::usage, "standard input (-) can be read only once: the profile file and a catalog both "
                                   "name it"};
  }
}

ResolvedNeeds resolve_needs(const NeedsOptions& options, const Context& context)
{
  check_one_stdin_reader(options, context);
  const profile::ProfileBook& book = builtin_profiles();
  ResolvedNeeds resolved{book.defaults, "your needs"};
  if (!options.profile.empty() && !options.profile_file.empty()) {
    throw Failure{ExitCode::usage, "--profile and --profile-file contradict each other: give one"};
  }
  if (!options.profile.empty()) {
    const profile::Profile* chosen = book.find(options.profile);
    if (chosen == nullptr) {
      std::vector<std::string> names;
      for (const auto& known : book.profiles) {
        names.push_back(known.id);
        names.insert(names.end(), known.aliases.begin(), known.aliases.end());
      }
      const auto suggestion = util::closest_match(options.profile, std::span<const std::string>{names});
      throw Failure{ExitCode::usage,
                    fmt::format("--profile: no profile \"{}\"{}", options.profile,
                                suggestion ? fmt::format("; did you mean \"{}\"?", *suggestion) : std::string{}),
                    "the profiles are " + profile_names()};
    }
    resolved = {chosen->needs, chosen->id};
  }
  if (!options.profile_file.empty()) {
    const std::string text = options.profile_file == "-" ? context.environment.read_stdin(1024 * 1024, "profile")
                                                         : context.environment.read_file(options.profile_file,
                                                                                         1024 * 1024, "profile");
    const std::string label = options.profile_file == "-" ? "<stdin>" : options.profile_file;
    auto loaded = profile::load_profile_file(text, label, book);
    if (!loaded.problems.empty()) {
      std::vector<std::string> problems;
      for (const auto& problem : loaded.problems) {
        problems.push_back(util::format_diagnostic(problem));
      }
      throw Failure{ExitCode::invalid_data, std::move(problems), "docs/profiles.md describes the profile format"};
    }
    resolved = {loaded.profile.needs, label};
  }

  profile::Needs& needs = resolved.needs;
  if (options.days) {
    needs.stay = {profile::StayUnit::days, *options.days};
  }
  if (options.months) {
    needs.stay = {profile::StayUnit::months, *options.months};
  }
  if (options.lines) {
    needs.lines = *options.lines;
  }
  if (!options.data.empty()) {
    needs.data_mb = parse_gigabytes_option("--data", options.data);
  }
  if (!options.hotspot.empty()) {
    needs.hotspot_mb = parse_gigabytes_option("--hotspot", options.hotspot);
  }
  if (!options.budget.empty()) {
    needs.budget = parse_dollars_option("--budget", options.budget);
  }
  needs.esim = either(options.esim, options.no_esim, "--esim", "--no-esim").value_or(needs.esim);
  needs.no_credit_check = either(options.no_credit_check, options.credit_check_ok, "--no-credit-check",
                                 "--credit-check-ok")
                            .value_or(needs.no_credit_check);
  needs.need_number = either(options.need_number, options.data_only, "--need-number", "--data-only")
                        .value_or(needs.need_number);
  needs.autopay = either(options.autopay, options.no_autopay, "--autopay", "--no-autopay").value_or(needs.autopay);
  if (!options.call.empty()) {
    needs.call_countries.clear();
    for (const auto& country : options.call) {
      needs.call_countries.push_back(parse_country("--call", country));
    }
  }
  if (!options.networks.empty()) {
    needs.networks.clear();
    for (const auto& network : options.networks) {
      needs.networks.push_back(parse_network("--network", network));
    }
  }
  if (options.top) {
    needs.top = static_cast<std::size_t>(*options.top);
  }
  if (!options.tax_rate.empty()) {
    needs.tax_rate_bp = parse_percent_option("--tax-rate", options.tax_rate);
  }
  return resolved;
}

} // namespace simplan::cli
