#pragma once
// What the build steps in tools/ share: reading their input, failing on its problems as simplan would print
// them, and replacing their output atomically (a build interrupted midway leaves no half-written file).

#include "simplan/util/diagnostic.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

namespace simplan::tools {

/// The whole of `path`, or nothing (after saying so on stderr).
inline std::optional<std::string> read_input(const std::string& path)
{
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    std::cerr << path << ": cannot read\n";
    return std::nullopt;
  }
  return std::string{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

/// Prints every problem and returns false when there is any: data built into simplan must have none.
inline bool has_no_problems(const util::Diagnostics& problems, const std::string& path, const std::string& what)
{
  for (const auto& problem : problems) {
    std::cerr << util::format_diagnostic(problem) << '\n';
  }
  if (!problems.empty()) {
    std::cerr << path << ": " << problems.size() << " problems; " << what << " must have none\n";
  }
  return problems.empty();
}

/// Writes `bytes` to `path` through a temporary file and a rename; false (after saying so) on failure.
inline bool write_output(const std::string& path, const std::string& bytes)
{
  const std::string temporary = path + ".tmp";
  std::ofstream out{temporary, std::ios::binary | std::ios::trunc};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::cerr << path << ": cannot write\n";
    return false;
  }
  return true;
}

} // namespace simplan::tools
