// What hostile input and hostile moments cannot do: break the lines file, lose an update, or slip text into
// a calendar, a spreadsheet or a terminal. Runs the real binary, killed and starved for real.

#include "e2e_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <array>
#include <set>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace simplan::e2e;
namespace fs = std::filesystem;

namespace {

// A directory for one test, removed with everything in it at the end.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) : dir{temp_path(name)}
  {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

Launch lines_command(const std::string& lines_file, std::vector<std::string> args)
{
  Launch launch;
  launch.args = {"--today", "2026-11-29"};
  launch.args.insert(launch.args.end(), args.begin(), args.end());
  launch.variables = {"SIMPLAN_LINES=" + lines_file};
  return launch;
}

Launch add_line(const std::string& lines_file, const std::string& label)
{
  return lines_command(lines_file, {"lines", "add", "--plan", "mint-unlimited", "--start", "2026-11-01", "--label", label});
}

std::set<std::string> names_in(const fs::path& dir)
{
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator{dir}) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

int wait_for(pid_t pid)
{
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return status;
}

// The system calls through which simplan reads, writes and replaces the lines file and its backup. strace
// kills simplan as it enters one of them, at each of its calls in turn: every point where what is on disk can
// change, reached the same way on any machine at any speed (killing at random instants was not: on a busy
// machine too few runs were cut short).
constexpr std::array<const char*, 9> k_file_calls{"openat", "read", "write", "fchmod", "fsync", "close", "rename", "unlink", "flock"};
constexpr const char* k_strace = "/usr/bin/strace";

// `launch` under strace, tracing only `call` into `log`, killed as it enters its `kill_at`th call.
Launch traced(Launch launch, const std::string& call, const std::string& log, std::optional<int> kill_at)
{
  launch.wrapper = {k_strace, "-qq", "-o", log, "-e", "trace=" + call};
  if (kill_at) {
    launch.wrapper.insert(launch.wrapper.end(), {"-e", "inject=" + call + ":signal=KILL:when=" + std::to_string(*kill_at)});
  }
  launch.wrapper.emplace_back("--");
  launch.variables.emplace_back("ASAN_OPTIONS=detect_leaks=0");  // LeakSanitizer needs ptrace, which strace holds
  return launch;
}

// How many times the traced process entered `call`.
int calls_in(const std::string& log, const std::string& call)
{
  std::istringstream lines{slurp(log)};
  int count = 0;
  for (std::string line; std::getline(lines, line);) {
    count += line.starts_with(call + "(") ? 1 : 0;
  }
  return count;
}

} // namespace

TEST_CASE("lines add and lines renewed killed at every file system call leave the old file or the new one, never a broken one")
{
  REQUIRE(fs::exists(k_strace));  // scripts/install-deps installs strace
  const Scratch scratch{"killed"};
  const Scratch logs{"killed-logs"};
  const std::string lines = scratch.file("lines.json");
  const std::string backup = scratch.file("lines.json.bak");
  const std::string log = logs.file("strace.log");
  REQUIRE(run(add_line(lines, "first")).status == 0);
  REQUIRE(run(lines_command(lines, {"lines", "renewed", "first"})).status == 0);
  const std::string first_lines = slurp(lines);
  const std::string first_backup = slurp(backup);
  // Every run starts from the same files, so it makes the same calls.
  const auto restore = [&] {
    fs::remove_all(scratch.dir);
    fs::create_directories(scratch.dir);
    std::ofstream{lines, std::ios::binary} << first_lines;
    std::ofstream{backup, std::ios::binary} << first_backup;
  };

  int killed = 0;
  for (const bool adding : {true, false}) {
    const Launch command = adding ? add_line(lines, "second") : lines_command(lines, {"lines", "renewed", "first"});
    for (const char* call : k_file_calls) {
      restore();
      REQUIRE(run(traced(command, call, log, std::nullopt)).status == 0);
      const int calls = calls_in(log, call);
      for (int kill_at = 1; kill_at <= calls; ++kill_at) {
        restore();
        const Run result = run(traced(command, call, log, kill_at));
        CAPTURE(adding, call, kill_at);
        CHECK(result.status == 128 + SIGKILL);
        killed += result.status == 128 + SIGKILL ? 1 : 0;
        const auto document = nlohmann::json::parse(slurp(lines));  // throws, and fails the test, if broken
        const std::size_t count = document.at("lines").size();
        const int paid = document.at("lines").at(0).at("paid_terms").get<int>();
        if (adding) {
          CHECK((count == 1 || count == 2));
          CHECK(paid == 2);
        } else {
          CHECK(count == 1);
          CHECK((paid == 2 || paid == 3));
        }
        if (fs::exists(backup)) {
          CHECK_NOTHROW(nlohmann::json::parse(slurp(backup)));
        }
      }
    }
  }
  // The writes really were among the calls cut, and the next change clears what the killed runs left behind.
  CHECK(killed > 40);
  REQUIRE(run(add_line(lines, "last")).status == 0);
  CHECK(names_in(scratch.dir) == std::set<std::string>{"lines.json", "lines.json.bak", "lines.json.lock"});
  CHECK(run(lines_command(lines, {"lines", "list"})).status == 0);
}

TEST_CASE("two simplan processes adding lines at the same moment lose no update, 100 rounds")
{
  const Scratch scratch{"concurrent"};
  const std::string lines = scratch.file("lines.json");
  for (int round = 1; round <= 100; ++round) {
    const pid_t first = start(add_line(lines, "a" + std::to_string(round)));
    const pid_t second = start(add_line(lines, "b" + std::to_string(round)));
    const int first_status = wait_for(first);
    const int second_status = wait_for(second);
    CAPTURE(round);
    REQUIRE(WIFEXITED(first_status));
    REQUIRE(WEXITSTATUS(first_status) == 0);
    REQUIRE(WIFEXITED(second_status));
    REQUIRE(WEXITSTATUS(second_status) == 0);
  }
  const auto document = nlohmann::json::parse(slurp(lines));
  std::set<std::string> labels;
  for (const auto& line : document.at("lines")) {
    labels.insert(line.at("label").get<std::string>());
  }
  CHECK(labels.size() == 200);
}

TEST_CASE("a write that fails midway leaves the old lines file intact and says why")
{
  const Scratch scratch{"write-fails"};
  const std::string lines = scratch.file("lines.json");
  REQUIRE(run(add_line(lines, "first")).status == 0);
  const std::string before = slurp(lines);

  // The new file would be larger than the process may write (as when the disk fills).
  Launch launch = add_line(lines, std::string(2000, 'x'));
  launch.file_size_limit = static_cast<long>(before.size()) + 100;
  const Run result = run(launch);
  CHECK(result.status == 4);
  CHECK(result.err == "simplan: error: cannot write lines file '" + lines + "': File too large\n");
  CHECK(slurp(lines) == before);
  CHECK(names_in(scratch.dir) == std::set<std::string>{"lines.json", "lines.json.lock"});
}

TEST_CASE("a full disk leaves the old lines file intact and says why")
{
  if (::geteuid() != 0) {
    WARN("not root: cannot mount a small tmpfs; the RLIMIT_FSIZE test covers a failing write");
    return;
  }
  const Scratch scratch{"full-disk"};
  const std::string mount_point = scratch.file("disk");
  fs::create_directory(mount_point);
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=64k") != 0) {
    WARN("cannot mount a tmpfs here; the RLIMIT_FSIZE test covers a failing write");
    return;
  }
  struct Unmount {
    std::string path;
    ~Unmount() { ::umount(path.c_str()); }
  } unmount{mount_point};

  const std::string lines = mount_point + "/lines.json";
  REQUIRE(run(add_line(lines, "first")).status == 0);
  const std::string before = slurp(lines);
  {
    // Fill the disk.
    std::ofstream filler{mount_point + "/filler", std::ios::binary};
    const std::string block(4096, '\0');
    while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
    }
  }
  const Run result = run(add_line(lines, "second"));
  CHECK(result.status == 4);
  CHECK(result.err == "simplan: error: cannot write lines file '" + lines + "': No space left on device\n");
  CHECK(slurp(lines) == before);
  CHECK(names_in(mount_point) == std::set<std::string>{"filler", "lines.json", "lines.json.lock"});
}

TEST_CASE("remind --output into a directory simplan cannot write fails cleanly and keeps the old file")
{
  const Scratch scratch{"unwritable"};
  const std::string dir = scratch.file("calendars");
  fs::create_directory(dir);
  const std::string calendar = dir + "/renewals.ics";
  std::ofstream{calendar} << "the old calendar\n";
  Launch launch;
  launch.args = {"--today", "2026-11-29", "remind", "--plan", "mint-unlimited", "--start", "2026-11-01", "--export",
                 "ics", "--output", calendar};
  // Root may write anywhere: run as nobody, for whom a root-owned 0755 directory is read-only.
  if (::geteuid() == 0) {
    fs::permissions(scratch.dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
    ::chmod(dir.c_str(), 0755);
    launch.user = 65534;
  } else {
    ::chmod(dir.c_str(), 0555);
  }
  const Run result = run(launch);
  ::chmod(dir.c_str(), 0755);
  CHECK(result.status == 4);
  CHECK(result.out.empty());
  CHECK(result.err == "simplan: error: cannot write output file '" + calendar + "': Permission denied\n");
  CHECK(slurp(calendar) == "the old calendar\n");
  CHECK(names_in(dir) == std::set<std::string>{"renewals.ics"});
}

TEST_CASE("a label with line breaks and BEGIN:VEVENT cannot add a calendar event")
{
  const Scratch scratch{"injection"};
  const std::string lines = scratch.file("lines.json");
  // Refused at the door, so it never reaches the file or a calendar...
  const std::string label = "mine\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Send gift cards\r\nX";
  const Run refused = run(add_line(lines, label));
  CHECK(refused.status == 2);
  CHECK(refused.err == "simplan: error: --label: expected text in UTF-8 without control characters such as line breaks, "
                       "got \"mine\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:Send gift cards\\r\\nX\"\n");
  CHECK_FALSE(fs::exists(lines));

  // ...and what may be in a label (";", ",", "\\", a line that looks like a property) stays text in the event.
  REQUIRE(run(add_line(lines, "a;b,c\\nBEGIN:VEVENT END:VEVENT")).status == 0);
  const Run calendar = run(lines_command(lines, {"remind", "--export", "ics"}));
  REQUIRE(calendar.status == 0);
  const Run listed = run(lines_command(lines, {"remind", "--format", "json"}));
  const std::size_t events = nlohmann::json::parse(listed.out).at("reminders").size();
  std::size_t begins = 0;
  std::size_t ends = 0;
  for (std::size_t at = 0; (at = calendar.out.find("\r\n", at)) != std::string::npos; at += 2) {
    begins += calendar.out.compare(at + 2, 14, "BEGIN:VEVENT\r\n") == 0 ? 1 : 0;
    ends += calendar.out.compare(at + 2, 12, "END:VEVENT\r\n") == 0 ? 1 : 0;
  }
  CHECK(events > 0);
  CHECK(begins == events);
  CHECK(ends == events);
  CHECK(calendar.out.find("a\\;b\\,c\\\\nBEGIN:VEVENT END:VEVENT") != std::string::npos);
}

TEST_CASE("catalog text cannot send escape sequences to a terminal or formulas to a spreadsheet")
{
  const Scratch scratch{"hostile-text"};
  auto catalog = nlohmann::json::parse(slurp(small_catalog()));
  const std::string id = catalog["plans"][0]["id"].get<std::string>();
  const std::string path = scratch.file("catalog.json");

  // Control characters in catalog text are refused when the catalog is read, and the message shows them escaped.
  catalog["plans"][0]["name"] = "\x1b]0;owned\x07\x1b[2J";
  std::ofstream{path, std::ios::binary} << catalog.dump();
  const Run refused = run({"--catalog", path, "plans"});
  CHECK(refused.status == 3);
  CHECK(refused.out.empty());
  CHECK(refused.err.find('\x1b') == std::string::npos);
  CHECK(refused.err.find("/plans/0/name: control characters are not allowed in text, got \"\\e]0;owned\\x07\\e[2J\"") !=
        std::string::npos);

  // A cell that starts like a formula is neutralized with a leading quote.
  catalog["plans"][0]["name"] = "=HYPERLINK(\"http://evil.example\")";
  std::ofstream{path, std::ios::binary} << catalog.dump();
  const Run csv = run({"--catalog", path, "--format", "csv", "plans"});
  CHECK(csv.status == 0);
  CHECK(csv.out.find(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",") != std::string::npos);
  const Run tsv = run({"--catalog", path, "--format", "tsv", "plans"});
  CHECK(tsv.out.find("\t'=HYPERLINK(\"http://evil.example\")\t") != std::string::npos);
}
