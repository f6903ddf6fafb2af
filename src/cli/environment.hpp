#pragma once
// Everything a command reads from or writes to the world outside the process, as plain values and
// functions. process_main.cpp fills it from the real process; tests fill it by hand and run commands
// in-process, byte for byte.

#include "cli/event_store.hpp"
#include "simplan/i18n/language.hpp"
#include "simplan/util/read_bytes.hpp"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::cli {

struct Terminal {
  bool stdout_is_terminal = false;
  std::size_t width = 0;  ///< columns of the terminal on stdout; 0 when not a terminal
};

struct Environment {
  /// An environment variable, or nothing when unset.
  std::function<std::optional<std::string>(std::string_view name)> variable;
  /// The whole of standard input, at most `limit` bytes. Throws Failure on any error, worded in `language`.
  std::function<std::string(std::size_t limit, std::string_view what, i18n::Language language)> read_stdin;
  /// The whole of a file, at most `limit` bytes. Throws Failure naming the file on any error.
  std::function<std::string(const std::string& path, std::size_t limit, std::string_view what, i18n::Language language)>
    read_file;
  /// A file, or standard input for "-", to be read in pieces: for input that may be large (catalogs).
  /// Throws Failure naming the file on any error, when opening it or while reading.
  std::function<util::ReadBytes(const std::string& path, std::string_view what, i18n::Language language)> open_input;
  /// The local date: the default for --today.
  date::year_month_day today;
  /// Seconds since 1970 (UTC), for calendar timestamps.
  std::function<std::int64_t()> now_unix;
  /// 16 random hex digits, for new line ids.
  std::function<std::string()> random_id;
  Terminal terminal;
  /// Opens a CalDAV calendar. Empty in the static simplan, which links no network code: it hands a CalDAV
  /// command to simplan-caldav with run_helper instead (docs/reminders.md).
  OpenCaldav open_caldav;
  /// Replaces this process with the helper program `name` (from simplan's own directory, else the installed
  /// helper directory), given the same arguments. Returns only by throwing Failure.
  std::function<void(std::string_view name)> run_helper;
  /// Runs `argv` (no shell) and returns what it printed on standard output; throws Failure when it cannot be
  /// started or exits with a status other than 0 (for a password command).
  std::function<std::string(const std::vector<std::string>& argv, i18n::Language language)> capture_command;
};

/// What a command printed. process_main writes err, then out, when the command ends.
struct Output {
  std::string out;
  std::string err;
  /// When set (process_main sets it), a command whose output may be large writes it here in pieces instead
  /// of into `out`, once nothing can make it fail but writing: err so far is written first, then each piece.
  /// Throws Failure when standard output cannot be written; stops quietly when its reader has gone (EPIPE).
  std::function<void(std::string_view piece)> stream_out;
  /// What a command keeps for as long as the run lasts (the loaded catalog). Whoever made this Output frees it;
  /// process_main does not: the operating system takes it back at exit for nothing, where freeing a catalog's
  /// thousands of strings one by one would cost a seventh of a short command's time.
  std::vector<std::shared_ptr<const void>> kept;
};

/// simplan's directory of settings: $XDG_CONFIG_HOME/simplan (an absolute XDG_CONFIG_HOME), else
/// $HOME/.config/simplan; nothing when neither is set.
std::optional<std::string> config_directory(const Environment& environment);

/// The language/encoding of the terminal is UTF-8 (LC_ALL, else LC_CTYPE, else LANG names UTF-8).
bool locale_is_utf8(const Environment& environment);

/// Color is allowed: stdout is a terminal, NO_COLOR is unset or empty, and TERM is not "dumb".
bool color_allowed(const Environment& environment);

} // namespace simplan::cli
