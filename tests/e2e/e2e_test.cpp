// Runs the real simplan binary: exit codes, what goes to stdout and stderr, pipes and files.

#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace simplan::e2e;

namespace {

const std::string k_small = small_catalog();

} // namespace

TEST_CASE("the built-in catalog lists plans with exit 0 and nothing on stderr")
{
  const Run result = run({"--today", "2026-11-29", "plans"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out.starts_with("ID "));
}

TEST_CASE("a reader that stops early ends simplan quietly with exit 0")
{
  // The pipe's reader is gone before simplan writes, as when `simplan plans | head -1` has its line.
  std::array<int, 2> pipe_ends{};
  REQUIRE(::pipe(pipe_ends.data()) == 0);
  ::close(pipe_ends[0]);
  const Run result = run({"--today", "2026-11-29", "plans"}, "/dev/null", pipe_ends[1]);
  ::close(pipe_ends[1]);
  CHECK(result.status == 0);
  CHECK(result.err.empty());
}

TEST_CASE("a failed write to stdout exits 4 with a message")
{
  const int full = ::open("/dev/full", O_WRONLY);
  REQUIRE(full >= 0);
  const Run result = run({"--catalog", k_small, "plans"}, "/dev/null", full);
  ::close(full);
  CHECK(result.status == 4);
  CHECK(result.err == "simplan: error: cannot write to standard output: No space left on device\n");
}

TEST_CASE("a calendar is written as it is made: the same bytes to a pipe, a file or --output, and a stopped reader or full disk handled")
{
  // Ten years of renewals, about 300 KB: several of the pieces simplan writes at a time. DTSTAMP is fixed:
  // otherwise it is the clock's second, and two runs a second apart (slow under sanitizers) differ.
  Launch launch;
  launch.args = {"--today", "2026-11-29", "remind", "--plan", "tello-2gb", "--start", "2026-11-01",
                 "--export", "ics", "--until", "2036-11-28", "--heads-up", "3"};
  launch.variables = {"SOURCE_DATE_EPOCH=1795000000"};
  const Run captured = run(launch);
  REQUIRE(captured.status == 0);
  CHECK(captured.err.empty());
  CHECK(captured.out.size() > 4 * 65536);
  CHECK(captured.out.find("\r\nDTSTAMP:20261118T110640Z\r\n") != std::string::npos);
  CHECK(captured.out.ends_with("END:VCALENDAR\r\n"));

  const std::string path = temp_path("streamed.ics");
  Launch to_file = launch;
  to_file.args.insert(to_file.args.end(), {"--output", path});
  const Run written = run(to_file);
  CHECK(written.status == 0);
  CHECK(written.out.empty());
  CHECK(slurp(path) == captured.out);
  std::remove(path.c_str());

  std::array<int, 2> pipe_ends{};
  REQUIRE(::pipe(pipe_ends.data()) == 0);
  ::close(pipe_ends[0]);
  Launch to_stopped_reader = launch;
  to_stopped_reader.stdout_fd = pipe_ends[1];
  const Run stopped = run(to_stopped_reader);
  ::close(pipe_ends[1]);
  CHECK(stopped.status == 0);
  CHECK(stopped.err.empty());

  const int full = ::open("/dev/full", O_WRONLY);
  REQUIRE(full >= 0);
  Launch to_full_disk = launch;
  to_full_disk.stdout_fd = full;
  const Run failed = run(to_full_disk);
  ::close(full);
  CHECK(failed.status == 4);
  CHECK(failed.err == "simplan: error: cannot write to standard output: No space left on device\n");
}

TEST_CASE("a catalog can come from standard input")
{
  const Run result = run({"--catalog", "-", "plans", "--format", "tsv", "--kind", "travel"}, k_small);
  CHECK(result.status == 0);
  CHECK(result.out.find("\nroam-usa-3gb\troam\t") != std::string::npos);
}

TEST_CASE("unreadable catalogs exit 4 with the operating system's reason")
{
  const Run missing = run({"--catalog", "/nonexistent/plans.json", "plans"});
  CHECK(missing.status == 4);
  CHECK(missing.err == "simplan: error: cannot read catalog '/nonexistent/plans.json': No such file or directory\n");
  const Run directory = run({"--catalog", "/", "plans"});
  CHECK(directory.status == 4);
  CHECK(directory.err == "simplan: error: cannot read catalog '/': Is a directory\n");
}

TEST_CASE("hostile catalogs are refused without a crash")
{
  const std::string path = temp_path("hostile.json");
  {
    std::ofstream deep{path, std::ios::binary};
    deep << std::string(100000, '[');
  }
  Run result = run({"catalog", "validate", path});
  CHECK(result.status == 3);
  CHECK(result.out == path + ":1:65: nesting deeper than 64 levels is not allowed\n");

  {
    std::ofstream truncated{path, std::ios::binary};
    truncated << "{\"schema_version\": 1, \"plans\": [{\"id\": \"a\x01";
  }
  result = run({"catalog", "validate", path});
  CHECK(result.status == 3);
  CHECK(result.out.starts_with(path + ":1:42: syntax error"));

  // A catalog has no size limit: it is read in pieces, so a huge one (300 MiB, sparse) is read only as far
  // as its first syntax error, and not into memory first.
  const std::string small_result = result.out;
  REQUIRE(::truncate(path.c_str(), 300L * 1024 * 1024) == 0);
  result = run({"catalog", "validate", path});
  CHECK(result.status == 3);
  CHECK(result.out == small_result);
  std::remove(path.c_str());
}

TEST_CASE("usage errors exit 2 and print nothing on stdout")
{
  const Run result = run({"plans", "--no-such-option"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "simplan: error: unexpected argument: --no-such-option\n"
                      "Run 'simplan --help' for usage.\n");
}

TEST_CASE("recommend --profile tourist on the built-in catalog ranks five plans a tourist can buy")
{
  const Run table = run({"--today", "2026-11-29", "recommend", "--profile", "tourist"});
  CHECK(table.status == 0);
  CHECK(table.err.empty());
  CHECK(table.out.starts_with("Recommended for tourist: 14 days from 2026-11-29 to 2026-12-13, 1 line, "));
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < table.out.size();) {
    const std::size_t end = table.out.find('\n', start);
    lines.push_back(table.out.substr(start, end - start));
    start = end + 1;
  }
  // Summary, blank, header, five plans; then, when some plans lack a fact, a blank and a line that says so.
  REQUIRE((lines.size() == 8 || lines.size() == 10));
  if (lines.size() == 10) {
    CHECK(lines[9].ends_with(" ruled out only because the catalog does not know a fact: --show-excluded lists them, --include-unknown keeps them."));
  }
  CHECK(lines[2].starts_with("RANK  ID"));
  for (int rank = 1; rank <= 5; ++rank) {
    CHECK(lines[static_cast<std::size_t>(rank) + 2].starts_with("   " + std::to_string(rank) + "  "));
  }

  const Run json = run({"--today", "2026-11-29", "recommend", "--profile", "tourist", "--format", "json"});
  REQUIRE(json.status == 0);
  const auto document = nlohmann::json::parse(json.out);
  const auto& recommendations = document.at("recommendations");
  REQUIRE(recommendations.size() == 5);
  std::int64_t previous_score = 0;
  for (const auto& plan : recommendations) {
    CHECK(plan.at("score_cents").get<std::int64_t>() >= previous_score);
    previous_score = plan.at("score_cents").get<std::int64_t>();
    CHECK(plan.at("total_cents").get<std::int64_t>() > 0);
    std::int64_t sum = 0;
    for (const auto& item : plan.at("breakdown")) {
      sum += item.at("amount_cents").get<std::int64_t>();
    }
    CHECK(sum == plan.at("total_cents").get<std::int64_t>());
    CHECK(plan.at("covered_until").get<std::string>() >= "2026-12-13");
    const Run show = run({"--today", "2026-11-29", "plans", "show", plan.at("id").get<std::string>(), "--format", "json"});
    REQUIRE(show.status == 0);
    const auto detail = nlohmann::json::parse(show.out);
    CHECK(detail.at("requirements").at("credit_check") == false);
    CHECK(detail.at("phone_number") == true);
    CHECK(detail.at("sim").at("esim") == true);
  }
}
