#include "cli/process_main.hpp"

#include "cli/app.hpp"
#include "cli/cli_text.hpp"
#include "cli/failure.hpp"
#include "simplan/i18n/messages.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace simplan::cli {
namespace {

using i18n::Language;

[[noreturn]] void fail_io(Language language, std::string_view what, const std::string& path, int error)
{
  throw Failure{ExitCode::io, TR(language, "cannot read {} '{}': {}", what, path, system_error_text(language, error))};
}

[[noreturn]] void fail_too_large(Language language, std::string_view what, const std::string& path, std::size_t limit)
{
  throw Failure{ExitCode::invalid_data,
                TR(language, "{} '{}' is larger than the limit of {} MiB", what, path, limit / (std::size_t{1024} * 1024))};
}

// Reads a whole descriptor, refusing more than `limit` bytes before it has read them all.
std::string read_descriptor(int fd, std::size_t limit, std::string_view what, const std::string& name, Language language)
{
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count == 0) {
      return text;
    }
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail_io(language, what, name, errno);
    }
    if (text.size() + static_cast<std::size_t>(count) > limit) {
      fail_too_large(language, what, name, limit);
    }
    text.append(buffer, static_cast<std::size_t>(count));
  }
}

std::string read_file(const std::string& path, std::size_t limit, std::string_view what, Language language)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail_io(language, what, path, errno);
  }
  struct stat status {};
  if (::fstat(fd, &status) == 0) {
    if (S_ISDIR(status.st_mode)) {
      ::close(fd);
      fail_io(language, what, path, EISDIR);
    }
    if (S_ISREG(status.st_mode) && static_cast<std::size_t>(status.st_size) > limit) {
      ::close(fd);
      fail_too_large(language, what, path, limit);
    }
  }
  try {
    std::string text = read_descriptor(fd, limit, what, path, language);
    ::close(fd);
    return text;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

// A file (or standard input for "-") read in pieces; the descriptor closes with the last copy of the reader.
util::ReadBytes open_input(const std::string& path, std::string_view what, Language language)
{
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail_io(language, what, path, errno);
  }
  std::shared_ptr<int> descriptor{new int{fd}, [is_stdin](const int* owned) {
                                    if (!is_stdin) {
                                      ::close(*owned);
                                    }
                                    delete owned;
                                  }};
  struct stat status {};
  if (::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode)) {
    fail_io(language, what, path, EISDIR);
  }
  return [descriptor, what = std::string{what}, path, language](char* buffer, std::size_t capacity) -> std::size_t {
    for (;;) {
      const ssize_t count = ::read(*descriptor, buffer, capacity);
      if (count >= 0) {
        return static_cast<std::size_t>(count);
      }
      if (errno != EINTR) {
        fail_io(language, what, path, errno);
      }
    }
  };
}

date::year_month_day local_today()
{
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return date::year_month_day{date::year{local.tm_year + 1900}, date::month{static_cast<unsigned>(local.tm_mon + 1)},
                              date::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string random_hex_id()
{
  unsigned char bytes[8] = {};
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::read(fd, bytes, sizeof bytes) != static_cast<ssize_t>(sizeof bytes)) {
    if (fd >= 0) {
      ::close(fd);
    }
    throw Failure{ExitCode::io, "cannot read /dev/urandom for a new line id"};  // never seen on Linux
  }
  ::close(fd);
  std::string id;
  for (const unsigned char byte : bytes) {
    id += fmt::format("{:02x}", byte);
  }
  return id;
}

Terminal detect_terminal()
{
  Terminal terminal;
  terminal.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  if (terminal.stdout_is_terminal) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
      terminal.width = size.ws_col;
    } else if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && std::atoi(columns) > 0) {
      terminal.width = static_cast<std::size_t>(std::atoi(columns));
    } else {
      terminal.width = 80;
    }
  }
  return terminal;
}

/// 0 when all was written, else the errno of the failed write.
int write_all(int fd, std::string_view text)
{
  while (!text.empty()) {
    const ssize_t count = ::write(fd, text.data(), text.size());
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(count));
  }
  return 0;
}

// Replaces this process with the helper `name` from simplan's own directory (a build tree), else from the
// helper directory relative to it (an installation, wherever its prefix was moved), else from the helper
// directory of the prefix it was built for.
[[noreturn]] void run_helper(std::string_view name, const char* const* argv, Language language)
{
  std::vector<std::string> candidates;
  std::string self(4096, '\0');
  const ssize_t length = ::readlink("/proc/self/exe", self.data(), self.size());
  if (length > 0 && static_cast<std::size_t>(length) < self.size()) {
    self.resize(static_cast<std::size_t>(length));
    const std::string directory = self.substr(0, self.rfind('/') + 1);
    candidates.push_back(directory + std::string{name});
    candidates.push_back(directory + SIMPLAN_HELPER_RELATIVE_DIR + "/" + std::string{name});
  }
  candidates.push_back(std::string{SIMPLAN_HELPER_DIR} + "/" + std::string{name});
  int error = ENOENT;
  for (const std::string& path : candidates) {
    std::vector<const char*> args{path.c_str()};
    for (const char* const* arg = argv + 1; *arg != nullptr; ++arg) {
      args.push_back(*arg);
    }
    args.push_back(nullptr);
    ::execv(path.c_str(), const_cast<char* const*>(args.data()));
    if (errno != ENOENT) {
      error = errno;
    }
  }
  throw Failure{ExitCode::io,
                TR(language, "cannot run {}, which a CalDAV sync needs: {} (looked for {})", name,
                   system_error_text(language, error), fmt::format("{}", fmt::join(candidates, ", "))),
                TR(language, "install simplan with make install or its Debian package, or sync to a directory with --sync vdir DIR")};
}

// Runs a command (a password command) with standard input and error inherited, so that it can ask for a
// passphrase, and returns its standard output.
std::string capture_command(const std::vector<std::string>& argv, Language language)
{
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw Failure{ExitCode::io, TR(language, "cannot run the password command: {}", system_error_text(language, errno))};
  }
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& word : argv) {
    args.push_back(const_cast<char*>(word.c_str()));
  }
  args.push_back(nullptr);
  pid_t child = 0;
  const int spawned = ::posix_spawnp(&child, args[0], &actions, nullptr, args.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  const std::string command = fmt::format("{}", fmt::join(argv, " "));
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    throw Failure{ExitCode::invalid_data,
                  TR(language, "cannot run the password command \"{}\": {}", command, system_error_text(language, spawned))};
  }
  std::string printed;
  try {
    printed = read_descriptor(pipe_fds[0], std::size_t{64} * 1024, TR(language, "the password command's output"), command, language);
  } catch (...) {
    ::close(pipe_fds[0]);
    ::waitpid(child, nullptr, 0);
    throw;
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Failure{ExitCode::invalid_data,
                  TR(language, "the password command \"{}\" failed (exit status {})", command,
                     WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status))};
  }
  return printed;
}

} // namespace

int process_main(int argc, const char* const* argv, OpenCaldav open_caldav)
{
  // A reader that stops early (simplan plans | head -1) is not an error: see EPIPE below.
  std::signal(SIGPIPE, SIG_IGN);

  Environment environment;
  environment.variable = [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string{name}.c_str());
    return value == nullptr ? std::nullopt : std::optional<std::string>{value};
  };
  environment.read_stdin = [](std::size_t limit, std::string_view what, Language language) {
    return read_descriptor(STDIN_FILENO, limit, what, "-", language);
  };
  environment.read_file = read_file;
  environment.open_input = open_input;
  environment.today = local_today();
  environment.now_unix = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  environment.random_id = random_hex_id;
  environment.terminal = detect_terminal();
  environment.open_caldav = std::move(open_caldav);
  environment.capture_command = capture_command;

  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    args.emplace_back(argv[i]);
  }
  const Language language = detect_language(args, environment);
  environment.run_helper = [argv, language](std::string_view name) { run_helper(name, argv, language); };
  Output output;
  bool reader_gone = false;
  output.stream_out = [&](std::string_view piece) {
    write_all(STDERR_FILENO, output.err);
    output.err.clear();
    if (reader_gone) {
      return;
    }
    const int error = write_all(STDOUT_FILENO, piece);
    reader_gone = error == EPIPE;
    if (error != 0 && error != EPIPE) {
      throw Failure{ExitCode::io,
                    TR(language, "cannot write to standard output: {}", system_error_text(language, error))};
    }
  };
  int status = run(args, environment, output);

  write_all(STDERR_FILENO, output.err);
  const int error = write_all(STDOUT_FILENO, output.out);
  // EPIPE: the reader has all it wanted (simplan plans | head -1); that is success, and quiet.
  if (error != 0 && error != EPIPE) {
    const std::string message = TR(language, "cannot write to standard output: {}", system_error_text(language, error));
    write_all(STDERR_FILENO, TR(language, "simplan: error: {}", message) + "\n");
    status = static_cast<int>(ExitCode::io);
  }
  // Output::kept is left to the operating system, from a place leak checkers see as still reachable.
  static const auto* const left_for_exit = new std::vector<std::shared_ptr<const void>>(std::move(output.kept));
  static_cast<void>(left_for_exit);
  return status;
}

} // namespace simplan::cli
