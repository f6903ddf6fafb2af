#pragma once
// The one way a command fails: throw Failure; cli::run catches it, prints it and returns its exit code.
// Bugs are not Failures: they are assertions, or an internal error reported by the top-level catch.

#include <stdexcept>
#include <string>
#include <vector>

namespace simplan::cli {

/// simplan's exit codes, documented in README.md and `simplan --help`. CLI11's own codes never escape.
enum class ExitCode : int {
  success = 0,
  no_match = 1,      ///< a query found nothing (grep style)
  usage = 2,         ///< bad command line
  invalid_data = 3,  ///< a catalog or other input file is invalid
  io = 4,            ///< a file could not be read or written
  calendar = 5,      ///< remind --sync: the calendar server could not be reached, refused the login or a change
  internal = 70,     ///< a bug in simplan (EX_SOFTWARE)
};

class Failure : public std::runtime_error {
public:
  /// One line: "simplan: error: <message>". `hint`, when given, follows on its own line.
  Failure(ExitCode code, std::string message, std::string hint = {});
  /// Several errors, each printed as "simplan: error: <line>" (for example every problem in a catalog).
  Failure(ExitCode code, std::vector<std::string> messages, std::string hint = {});

  ExitCode code() const { return m_code; }
  const std::vector<std::string>& messages() const { return m_messages; }
  const std::string& hint() const { return m_hint; }

private:
  ExitCode m_code;
  std::vector<std::string> m_messages;
  std::string m_hint;
};

} // namespace simplan::cli
