#include "cli/needs_options.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/cli_text.hpp"
#include "cli/value_parsers.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/data/builtin_data.hpp"
#include "simplan/report/text_format.hpp"
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
std::optional<bool> either(Language language, bool yes, bool no, std::string_view yes_name, std::string_view no_name)
{
  if (yes && no) {
    throw Failure{ExitCode::usage, TR(language, "{} and {} contradict each other: give one", yes_name, no_name)};
  }
  if (yes || no) {
    return yes;
  }
  return std::nullopt;
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

const tax::TaxTable& builtin_tax_table()
{
  static const tax::TaxTable table = data::builtin_tax_table();  // validated when simplan was built
  return table;
}

void add_state_option(CLI::App& command, std::string& state, StateUse use, Language language)
{
  command.add_option("--state", state,
                     use == StateUse::ranking
                       ? TR(language, "Estimate taxes for this state: a two-letter code such as NY, CA or DC (default: $SIMPLAN_STATE, else the US average)")
                       : TR(language, "Also show amounts with the estimated taxes and carrier fees of this state: NY, CA, DC... (default: $SIMPLAN_STATE, else amounts as sold)"))
    ->type_name("XX");
}

namespace {

// The state's code in capitals, or a usage Failure naming where the code came from.
std::string checked_state(std::string_view code, std::string_view origin, const Context& context)
{
  const Language language = context.language;
  const tax::TaxTable& table = builtin_tax_table();
  std::string upper{code};
  for (char& c : upper) {
    c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  if (table.find_state(upper) != nullptr) {
    return upper;
  }
  std::vector<std::string> codes;
  for (const auto& row : table.states) {
    codes.push_back(row.code);
  }
  throw Failure{ExitCode::usage, TR(language, "{}: no state \"{}\" in the tax table", origin, code),
                TR(language, "the states are {}", report::join(codes, " "))};
}

} // namespace

void resolve_taxes(profile::Needs& needs, std::string_view state_option, const Context& context)
{
  if (!state_option.empty()) {
    needs.state = checked_state(state_option, "--state", context);
  } else if (!needs.state.empty()) {
    needs.state = checked_state(needs.state, TR(context.language, "the profile's \"state\""), context);
  } else if (const auto variable = context.environment.variable("SIMPLAN_STATE"); variable && !variable->empty()) {
    needs.state = checked_state(*variable, "SIMPLAN_STATE", context);
  }
  needs.taxes = needs.tax_rate_bp ? tax::given_rate(tax::RatePpm{*needs.tax_rate_bp} * 100)
                                  : tax::rates_for(builtin_tax_table(), needs.state);
}

std::optional<tax::TaxRates> requested_taxes(std::string_view state_option, const Context& context)
{
  profile::Needs needs;
  if (state_option.empty()) {
    const auto variable = context.environment.variable("SIMPLAN_STATE");
    if (!variable || variable->empty()) {
      return std::nullopt;
    }
  }
  resolve_taxes(needs, state_option, context);
  return needs.taxes;
}

void add_needs_options(CLI::App& command, NeedsOptions& options, NeedsScope scope, Language language)
{
  command.add_option("--profile", options.profile,
                     TR(language, "Start from a built-in profile: tourist, student, resident (or long-term-resident), heavy-data"))
    ->type_name("NAME");
  command.add_option("--profile-file", options.profile_file,
                     TR(language, "Start from your own profile (JSON, docs/profiles.md); - reads stdin"))
    ->type_name("FILE");
  auto* days = command.add_option("--days", options.days, TR(language, "Stay this many days from the effective date"))
                 ->check(in_range(language, 1, 3660))
                 ->type_name("N");
  command.add_option("--months", options.months, TR(language, "Stay this many calendar months from the effective date"))
    ->check(in_range(language, 1, 120))
    ->type_name("N")
    ->excludes(days);
  command.add_option("--lines", options.lines, TR(language, "Number of lines (1 to 20)"))->check(in_range(language, 1, 20))->type_name("N");
  command.add_option("--data", options.data, TR(language, "High-speed data needed per line per month"))->type_name("GB");
  command.add_flag("--autopay", options.autopay, TR(language, "You can pay by AutoPay (with a US bank account or card)"));
  command.add_flag("--no-autopay", options.no_autopay, TR(language, "You cannot use AutoPay (a foreign card often cannot)"));
  command.add_option("--tax-rate", options.tax_rate,
                     TR(language, "One tax rate, in percent, for every price that excludes taxes, instead of the state's rates"))
    ->type_name("PERCENT");
  add_state_option(command, options.state, StateUse::ranking, language);
  if (scope == NeedsScope::cost_only) {
    return;
  }
  command.add_option("--hotspot", options.hotspot, TR(language, "Hotspot data needed per line per month"))->type_name("GB");
  command.add_option("--budget", options.budget, TR(language, "The most the whole account may cost per month, all in"))
    ->type_name("DOLLARS");
  command.add_flag("--esim", options.esim, TR(language, "Your phone takes an eSIM and you want one"));
  command.add_flag("--no-esim", options.no_esim, TR(language, "A physical SIM is fine"));
  command.add_flag("--include-unknown", options.include_unknown,
                   TR(language, "Keep plans whose eSIM support is unknown, marked \"eSIM unknown\", instead of ruling them out"));
  command.add_flag("--no-credit-check", options.no_credit_check, TR(language, "You cannot pass a US credit check"));
  command.add_flag("--credit-check-ok", options.credit_check_ok, TR(language, "A credit check is fine"));
  command.add_flag("--need-number", options.need_number, TR(language, "You need a US phone number"));
  command.add_flag("--data-only", options.data_only, TR(language, "Data without a phone number is fine"));
  command.add_option("--call", options.call, TR(language, "You call this country from the US (ISO code: CN, IN, MX; repeatable)"))
    ->delimiter(',')
    ->type_name("COUNTRY");
  command.add_option("--network", options.networks, TR(language, "You prefer this network: tmobile, att, verizon, boost (repeatable)"))
    ->delimiter(',')
    ->type_name("NETWORK");
  command.add_option("--top", options.top, TR(language, "Show the best N plans (default 5)"))
    ->check(in_range(language, 1, 1000))
    ->type_name("N");
}

void check_one_stdin_reader(const NeedsOptions& options, const Context& context)
{
  const auto catalogs = effective_catalog_names(context);
  if (options.profile_file == "-" && std::find(catalogs.begin(), catalogs.end(), "-") != catalogs.end()) {
    throw Failure{ExitCode::usage,
                  TR(context.language, "standard input (-) can be read only once: the profile file and a catalog both name it")};
  }
}

ResolvedNeeds resolve_needs(const NeedsOptions& options, const Context& context)
{
  check_one_stdin_reader(options, context);
  const Language language = context.language;
  const profile::ProfileBook& book = builtin_profiles();
  ResolvedNeeds resolved{book.defaults, TR(language, "your needs")};
  if (!options.profile.empty() && !options.profile_file.empty()) {
    throw Failure{ExitCode::usage, TR(language, "{} and {} contradict each other: give one", "--profile", "--profile-file")};
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
      std::string message = TR(language, "--profile: no profile \"{}\"", options.profile);
      if (suggestion) {
        message += TR(language, "; did you mean \"{}\"?", *suggestion);
      }
      throw Failure{ExitCode::usage, message, TR(language, "the profiles are {}", profile_names())};
    }
    resolved = {chosen->needs, chosen->id};
  }
  if (!options.profile_file.empty()) {
    const std::string what = TR(language, "profile");
    const std::string text = options.profile_file == "-"
                               ? context.environment.read_stdin(profile::k_max_profile_bytes, what, language)
                               : context.environment.read_file(options.profile_file, profile::k_max_profile_bytes, what, language);
    const std::string label = options.profile_file == "-" ? "<stdin>" : options.profile_file;
    auto loaded = profile::load_profile_file(text, label, book, language);
    if (!loaded.problems.empty()) {
      std::vector<std::string> problems;
      for (const auto& problem : loaded.problems) {
        problems.push_back(util::format_diagnostic(problem));
      }
      throw Failure{ExitCode::invalid_data, std::move(problems), TR(language, "docs/profiles.md describes the profile format")};
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
    needs.data_mb = parse_gigabytes_option(language, "--data", options.data);
  }
  if (!options.hotspot.empty()) {
    needs.hotspot_mb = parse_gigabytes_option(language, "--hotspot", options.hotspot);
  }
  if (!options.budget.empty()) {
    needs.budget = parse_dollars_option(language, "--budget", options.budget);
  }
  needs.esim = either(language, options.esim, options.no_esim, "--esim", "--no-esim").value_or(needs.esim);
  needs.no_credit_check =
    either(language, options.no_credit_check, options.credit_check_ok, "--no-credit-check", "--credit-check-ok")
      .value_or(needs.no_credit_check);
  needs.need_number =
    either(language, options.need_number, options.data_only, "--need-number", "--data-only").value_or(needs.need_number);
  needs.autopay = either(language, options.autopay, options.no_autopay, "--autopay", "--no-autopay").value_or(needs.autopay);
  if (!options.call.empty()) {
    needs.call_countries.clear();
    for (const auto& country : options.call) {
      needs.call_countries.push_back(parse_country(language, "--call", country));
    }
  }
  if (!options.networks.empty()) {
    needs.networks.clear();
    for (const auto& network : options.networks) {
      needs.networks.push_back(parse_network(language, "--network", network));
    }
  }
  needs.include_unknown = needs.include_unknown || options.include_unknown;
  if (options.top) {
    needs.top = static_cast<std::size_t>(*options.top);
  }
  if (!options.tax_rate.empty()) {
    needs.tax_rate_bp = parse_percent_option(language, "--tax-rate", options.tax_rate);
  }
  resolve_taxes(needs, options.state, context);
  return resolved;
}

} // namespace simplan::cli
