#include "e2e_support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace simplan::e2e {
namespace {

bool changes_output(std::string_view variable)
{
  for (const std::string_view prefix : {"LANG=", "LANGUAGE=", "LC_", "NO_COLOR=", "SIMPLAN_", "SOURCE_DATE_EPOCH="}) {
    if (variable.starts_with(prefix)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> environment_for(const Launch& launch)
{
  std::vector<std::string> variables;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!changes_output(*entry)) {
      variables.emplace_back(*entry);
    }
  }
  variables.insert(variables.end(), launch.variables.begin(), launch.variables.end());
  return variables;
}

std::vector<char*> pointers(std::vector<std::string>& strings)
{
  std::vector<char*> result;
  result.reserve(strings.size() + 1);
  for (auto& text : strings) {
    result.push_back(text.data());
  }
  result.push_back(nullptr);
  return result;
}

// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void become_simplan(const Launch& launch, char** argv, char** envp, const char* out_path, const char* err_path)
{
  const int in = ::open(launch.stdin_path.c_str(), O_RDONLY);
  const int out = launch.stdout_fd >= 0 ? launch.stdout_fd : ::open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = ::open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) {
    ::_exit(126);
  }
  if (launch.file_size_limit) {
    const rlimit limit{static_cast<rlim_t>(*launch.file_size_limit), static_cast<rlim_t>(*launch.file_size_limit)};
    ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, as a full disk fails one
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) {
      ::_exit(126);
    }
  }
  if (launch.user && (::setgid(*launch.user) != 0 || ::setuid(*launch.user) != 0)) {
    ::_exit(126);
  }
  ::execve(argv[0], argv, envp);
  ::_exit(127);
}

pid_t spawn(const Launch& launch, const std::string& out_path, const std::string& err_path)
{
  std::vector<std::string> args = launch.args;
  args.insert(args.begin(), SIMPLAN_BINARY);
  args.insert(args.begin(), launch.wrapper.begin(), launch.wrapper.end());
  std::vector<std::string> variables = environment_for(launch);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(variables);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    become_simplan(launch, argv.data(), envp.data(), out_path.c_str(), err_path.c_str());
  }
  return pid;
}

} // namespace

pid_t start(const Launch& launch)
{
  return spawn(launch, "/dev/null", "/dev/null");
}

Run run(const Launch& launch)
{
  const std::string out_path = temp_path("out");
  const std::string err_path = temp_path("err");
  const pid_t pid = spawn(launch, out_path, err_path);
  int wait_status = 0;
  REQUIRE(::waitpid(pid, &wait_status, 0) == pid);
  Run result;
  result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  result.out = launch.stdout_fd >= 0 ? std::string{} : slurp(out_path);
  result.err = slurp(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

Run run(std::vector<std::string> args, const std::string& stdin_path, int stdout_fd)
{
  Launch launch;
  launch.args = std::move(args);
  launch.stdin_path = stdin_path;
  launch.stdout_fd = stdout_fd;
  return run(launch);
}

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

std::string small_catalog()
{
  return std::string{SIMPLAN_TEST_DATA} + "/catalogs/small.json";
}

} // namespace simplan::e2e
