// Runs the real simplan binary: exit codes, what goes to stdout and stderr, pipes and files.

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

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path)
{
  std::ifstream file{path, std::ios::binary};
  return {std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
}

std::string temp_path(const std::string& name)
{
  const char* base = std::getenv("TMPDIR");
  return std::string{base != nullptr ? base : "/tmp"} + "/simplan-e2e-" + std::to_string(::getpid()) + "-" + name;
}

// Runs simplan with `args`; stdin from `stdin_path` (or /dev/null), stdout and stderr to files, or stdout
// to `stdout_fd` when it is not -1.
Run run(std::vector<std::string> args, const std::string& stdin_path = "/dev/null", int stdout_fd = -1)
{
  const std::string out_path = temp_path("out");
  const std::string err_path = temp_path("err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

  args.insert(args.begin(), SIMPLAN_BINARY);
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, SIMPLAN_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  int wait_status = 0;
  REQUIRE(waitpid(pid, &wait_status, 0) == pid);

  Run result;
  result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  result.out = stdout_fd >= 0 ? std::string{} : slurp(out_path);
  result.err = slurp(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

const std::string k_small = std::string{SIMPLAN_TEST_DATA} + "/catalogs/small.json";

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

  // Larger than the 256 MiB limit: refused from its size, before reading (the file is sparse).
  REQUIRE(::truncate(path.c_str(), 300L * 1024 * 1024) == 0);
  result = run({"catalog", "validate", path});
  CHECK(result.status == 3);
  CHECK(result.err == "simplan: error: catalog '" + path + "' is larger than the limit of 256 MiB\n");
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
  REQUIRE(lines.size() == 8);  // summary, blank, header, five plans
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

TEST_CASE("two simplan processes adding lines at the same time lose no update")
{
  const std::string dir = temp_path("concurrent");
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  const std::string lines = dir + "/lines.json";
  // Each writer adds 25 lines, one process per line, while the other does the same.
  const std::string script = "for i in $(seq 1 25); do SIMPLAN_LINES='" + lines + "' '" + SIMPLAN_BINARY +
                             "' --today 2026-11-29 lines add --plan mint-unlimited --start 2026-11-01 --label \"$0-$i\" "
                             ">/dev/null || exit 1; done";
  std::vector<pid_t> writers;
  for (const char* name : {"a", "b"}) {
    pid_t pid = 0;
    std::vector<std::string> args{"/bin/sh", "-c", script, name};
    std::vector<char*> argv;
    for (auto& arg : args) {
      argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    REQUIRE(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), environ) == 0);
    writers.push_back(pid);
  }
  for (const pid_t pid : writers) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto document = nlohmann::json::parse(slurp(lines));
  CHECK(document.at("lines").size() == 50);
  std::filesystem::remove_all(dir);
}
