#include "test_support.hpp"

#include "cli/app.hpp"
#include "cli/failure.hpp"
#include "simplan/util/date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <sstream>
#include <stdexcept>

namespace simplan::testing {

std::string expected(const std::string& name, const std::string& actual)
{
  if (std::getenv("SIMPLAN_UPDATE_EXPECTED") != nullptr) {
    std::ofstream{test_file_path("expected/" + name), std::ios::binary} << actual;
    return actual;
  }
  return read_test_file("expected/" + name);
}

std::string test_file_path(const std::string& relative_path)
{
  return std::string{SIMPLAN_TEST_DATA} + "/" + relative_path;
}

std::string read_test_file(const std::string& relative_path)
{
  std::ifstream file{test_file_path(relative_path), std::ios::binary};
  if (!file) {
    throw std::runtime_error("missing test file " + relative_path);
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

namespace {

// A file's text for the fake world's reads; throws Failure as simplan's own readers do.
std::string read_whole_file(const std::string& path, std::string_view what)
{
  std::ifstream file{path, std::ios::binary};
  if (!file) {
    throw cli::Failure{cli::ExitCode::io, "cannot read " + std::string{what} + " '" + path + "'"};
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

} // namespace

util::ReadBytes read_in_pieces(std::string_view text, std::size_t piece)
{
  return [text, piece](char* buffer, std::size_t capacity) mutable {
    const std::size_t count = std::min({capacity, piece, text.size()});
    std::copy_n(text.data(), count, buffer);
    text.remove_prefix(count);
    return count;
  };
}

RunResult FakeWorld::run(std::vector<std::string> args) const
{
  cli::Environment environment;
  environment.variable = [this](std::string_view name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    return found == variables.end() ? std::nullopt : std::optional<std::string>{found->second};
  };
  environment.read_stdin = [this](std::size_t limit, std::string_view what, i18n::Language /*language*/) {
    if (stdin_text.size() > limit) {
      throw cli::Failure{cli::ExitCode::invalid_data, std::string{what} + " '-' is too large"};
    }
    return stdin_text;
  };
  environment.read_file = [](const std::string& path, std::size_t /*limit*/, std::string_view what,
                             i18n::Language /*language*/) { return read_whole_file(path, what); };
  // Served in small, odd-sized pieces, so every test of a streamed input also crosses piece boundaries.
  environment.open_input = [this](const std::string& path, std::string_view what, i18n::Language /*language*/) {
    auto text = std::make_shared<const std::string>(path == "-" ? stdin_text : read_whole_file(path, what));
    return util::ReadBytes{[text, read = read_in_pieces(*text, 61)](char* buffer, std::size_t capacity) {
      return read(buffer, capacity);
    }};
  };
  environment.today = *util::parse_iso_date(today);
  environment.now_unix = [] { return std::int64_t{1795953600}; };  // 2026-11-29T12:00:00Z
  environment.random_id = [counter = 0]() mutable { return fmt::format("{:016x}", 0xa11ce00000000000ULL + ++counter); };
  environment.terminal = {terminal, terminal ? width : 0};

  cli::Output output;
  RunResult result;
  result.status = cli::run(args, environment, output);
  result.out = std::move(output.out);
  result.err = std::move(output.err);
  return result;
}

TempDir::TempDir()
{
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string{base != nullptr ? base : "/tmp"} + "/simplan-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

void write_text_file(const std::string& path, const std::string& text)
{
  std::ofstream{path, std::ios::binary} << text;
}

std::string read_text_file(const std::string& path)
{
  std::ifstream file{path, std::ios::binary};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

RunResult run_simplan(std::vector<std::string> args)
{
  return FakeWorld{}.run(std::move(args));
}

} // namespace simplan::testing
