#pragma once
// The options that describe a person's needs, shared by `recommend` and `compare`: a profile (built-in
// or a file) and overrides for each need. Raw strings here; resolve_needs() validates them.

#include "cli/app.hpp"
#include "simplan/profile/profile.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace simplan::cli {

struct NeedsOptions {
  std::string profile;
  std::string profile_file;
  std::optional<int> days;
  std::optional<int> months;
  std::string data;
  std::string hotspot;
  std::optional<int> lines;
  std::string budget;
  bool esim = false;
  bool no_esim = false;
  bool no_credit_check = false;
  bool credit_check_ok = false;
  bool need_number = false;
  bool data_only = false;
  std::vector<std::string> call;
  std::vector<std::string> networks;
  bool autopay = false;
  bool no_autopay = false;
  std::optional<int> top;
  std::string tax_rate;
  std::string state;
  bool include_unknown = false;
};

/// Which of the need options a command offers.
enum class NeedsScope { all, cost_only };

void add_needs_options(CLI::App& command, NeedsOptions& options, NeedsScope scope, i18n::Language language);

struct ResolvedNeeds {
  profile::Needs needs;
  std::string label;  ///< the profile's name, the profile file, or "your needs"
};

/// The profile (or the defaults) with every given option applied. Throws Failure (usage, or the profile
/// file's located problems).
ResolvedNeeds resolve_needs(const NeedsOptions& options, const Context& context);

/// Throws a usage Failure when the profile file and a catalog both come from standard input.
void check_one_stdin_reader(const NeedsOptions& options, const Context& context);

/// The built-in profiles (data/profiles.json, compiled in).
const profile::ProfileBook& builtin_profiles();

/// The built-in tax table (data/taxes.json, compiled in).
const tax::TaxTable& builtin_tax_table();

/// Fills `needs.taxes`: the rate given (tax_rate_bp) for every plan, else the rates of the state given by
/// `state_option` (--state), else by the profile, else by SIMPLAN_STATE, else the national average. Throws a
/// usage Failure for a state not in the table.
void resolve_taxes(profile::Needs& needs, std::string_view state_option, const Context& context);

/// For listings of prices and amounts (plans, remind, lines list, renew): the rates of the state given by
/// `state_option` (--state), else by SIMPLAN_STATE; nothing when neither gives one, so prices stay as sold.
/// Throws a usage Failure for a state not in the table.
std::optional<tax::TaxRates> requested_taxes(std::string_view state_option, const Context& context);

/// What --state does: it sets the rates every cost is ranked with (resolve_taxes), or it adds amounts with
/// taxes to a listing (requested_taxes).
enum class StateUse { ranking, listing };

/// Adds --state to a command.
void add_state_option(CLI::App& command, std::string& state, StateUse use, i18n::Language language);

} // namespace simplan::cli
