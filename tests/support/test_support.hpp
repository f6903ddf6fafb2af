#pragma once
// Shared helpers: fixture files and in-process runs of the CLI with a fake environment.

#include "cli/environment.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::testing {

/// The text of tests/data/<relative_path>.
std::string read_test_file(const std::string& relative_path);

/// The expected output tests/data/expected/<name>; with SIMPLAN_UPDATE_EXPECTED set, first writes `actual`
/// there (to refresh the files after an intended change, then review the diff).
std::string expected(const std::string& name, const std::string& actual);

/// The path of tests/data/<relative_path>.
std::string test_file_path(const std::string& relative_path);

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

/// A fake world for in-process runs: no terminal, today 2026-11-29, no environment variables unless set,
/// files read from disk, stdin from `stdin_text`.
struct FakeWorld {
  std::map<std::string, std::string, std::less<>> variables;
  std::string stdin_text;
  std::string today = "2026-11-29";
  bool terminal = false;
  std::size_t width = 0;

  RunResult run(std::vector<std::string> args) const;
};

/// A fresh directory under $TMPDIR (or /tmp), removed with everything in it at the end of the scope.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }
  std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
  std::string m_path;
};

/// Reads `text` (which must outlive the reader) at most `piece` bytes at a time, so that a test of a
/// streamed input also crosses piece boundaries.
util::ReadBytes read_in_pieces(std::string_view text, std::size_t piece);

/// Writes `text` to `path`.
void write_text_file(const std::string& path, const std::string& text);
/// The text of `path`, or "" when it cannot be read.
std::string read_text_file(const std::string& path);

/// Runs with the default FakeWorld.
RunResult run_simplan(std::vector<std::string> args);

} // namespace simplan::testing
