#pragma once
// Running the real simplan binary from tests: its exit status and what it wrote, with a clean environment.

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace simplan::e2e {

struct Run {
  int status = -1;  ///< the exit code, or 128 + the signal that ended it
  std::string out;
  std::string err;
};

/// How to start simplan. The environment is the test's own without the variables that change simplan's
/// output (LANG, LC_*, NO_COLOR, SIMPLAN_*, SOURCE_DATE_EPOCH), plus `variables` ("NAME=value").
struct Launch {
  std::vector<std::string> args;
  std::vector<std::string> variables;
  std::string stdin_path = "/dev/null";
  int stdout_fd = -1;                           ///< stdout to this descriptor instead of a captured file
  std::optional<long> file_size_limit;          ///< RLIMIT_FSIZE in bytes; SIGXFSZ ignored, so writes fail
  std::optional<uid_t> user;                    ///< run as this user (the test must be root)
  std::vector<std::string> wrapper;             ///< run simplan under this command: {"/usr/bin/strace", ...}
};

/// Starts simplan and returns its pid without waiting; stdout and stderr go to /dev/null.
pid_t start(const Launch& launch);

/// Runs simplan to the end.
Run run(const Launch& launch);

/// Runs simplan with `args` in the clean environment.
Run run(std::vector<std::string> args, const std::string& stdin_path = "/dev/null", int stdout_fd = -1);

/// The bytes of `path` ("" when it cannot be read).
std::string slurp(const std::string& path);

/// A path under $TMPDIR (or /tmp) unique to this test process.
std::string temp_path(const std::string& name);

/// The fixture catalog tests/data/catalogs/small.json.
std::string small_catalog();

} // namespace simplan::e2e
