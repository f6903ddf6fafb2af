#include "cli/files.hpp"

#include "cli/cli_text.hpp"
#include "cli/failure.hpp"
#include "simplan/i18n/messages.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace simplan::cli {
namespace {

std::string directory_of(const std::string& path)
{
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) {
    return ".";
  }
  return slash == 0 ? "/" : path.substr(0, slash);
}

using i18n::Language;

enum class Doing { write, read, create_directory, open, lock };

[[noreturn]] void fail(Language language, std::string_view what, const std::string& path, int error, Doing doing = Doing::write)
{
  const std::string reason = system_error_text(language, error);
  switch (doing) {
  case Doing::write: throw Failure{ExitCode::io, TR(language, "cannot write {} '{}': {}", what, path, reason)};
  case Doing::read: throw Failure{ExitCode::io, TR(language, "cannot read {} '{}': {}", what, path, reason)};
  case Doing::create_directory:
    throw Failure{ExitCode::io, TR(language, "cannot create the directory for the {} '{}': {}", what, path, reason)};
  case Doing::open: throw Failure{ExitCode::io, TR(language, "cannot open {} '{}': {}", what, path, reason)};
  case Doing::lock: throw Failure{ExitCode::io, TR(language, "cannot lock {} '{}': {}", what, path, reason)};
  }
  throw Failure{ExitCode::io, reason};
}

void make_directories(const std::string& directory, std::string_view what, Language language)
{
  if (directory.empty() || directory == "." || directory == "/") {
    return;
  }
  struct stat status {};
  if (::stat(directory.c_str(), &status) == 0) {
    return;
  }
  make_directories(directory_of(directory), what, language);
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
    fail(language, what, directory, errno, Doing::create_directory);
  }
}

bool write_all(int fd, std::string_view text)
{
  while (!text.empty()) {
    const ssize_t count = ::write(fd, text.data(), text.size());
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(count));
  }
  return true;
}

// Writes what `produce` makes to a new temporary file next to `path` and returns its name; the file is
// synced. On any failure the temporary file is removed.
std::string write_temporary(const std::string& path, const std::function<void(const WritePiece&)>& produce,
                            std::string_view what, mode_t mode, Language language)
{
  std::string name = path + ".tmp.XXXXXX";
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    fail(language, what, path, errno);
  }
  try {
    produce([&](std::string_view piece) {
      if (!write_all(fd, piece)) {
        fail(language, what, path, errno);
      }
    });
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
      fail(language, what, path, errno);
    }
  } catch (...) {
    ::close(fd);
    ::unlink(name.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(name.c_str());
    fail(language, what, path, error);
  }
  return name;
}

std::string write_temporary(const std::string& path, std::string_view text, std::string_view what, mode_t mode,
                            Language language)
{
  return write_temporary(path, [text](const WritePiece& write) { write(text); }, what, mode, language);
}

void sync_directory(const std::string& directory)
{
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

void create_parent_directory(const std::string& path, std::string_view what, Language language)
{
  make_directories(directory_of(path), what, language);
}

void write_file_atomically(const std::string& path, std::string_view text, std::string_view what,
                           const WriteOptions& options)
{
  write_file_atomically(path, [text](const WritePiece& write) { write(text); }, what, options);
}

void write_file_atomically(const std::string& path, const std::function<void(const WritePiece& write)>& produce,
                           std::string_view what, const WriteOptions& options)
{
  const Language language = options.language;
  const std::string directory = directory_of(path);
  if (options.create_directory) {
    make_directories(directory, what, language);
  }
  struct stat status {};
  const bool exists = ::lstat(path.c_str(), &status) == 0;
  if (exists && S_ISLNK(status.st_mode)) {
    throw Failure{ExitCode::io, TR(language, "refusing to write {} '{}': it is a symbolic link (write to the file it points to instead)",
                                   what, path)};
  }
  if (exists && !S_ISREG(status.st_mode)) {
    throw Failure{ExitCode::io, TR(language, "refusing to write {} '{}': it is not a regular file", what, path)};
  }
  // New files are private (the person's own data); an existing file keeps its permissions.
  const mode_t mode = exists ? (status.st_mode & 07777) : 0600;

  const std::string temporary = write_temporary(path, produce, what, mode, language);
  if (options.keep_backup && exists) {
    const auto previous = read_file_if_exists(path, SIZE_MAX, what, language);
    if (previous) {
      std::string backup;
      try {
        backup = write_temporary(path + ".bak", *previous, what, mode, language);
      } catch (...) {
        ::unlink(temporary.c_str());
        throw;
      }
      if (::rename(backup.c_str(), (path + ".bak").c_str()) != 0) {
        const int error = errno;
        ::unlink(backup.c_str());
        ::unlink(temporary.c_str());
        fail(language, what, path + ".bak", error);
      }
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(language, what, path, error);
  }
  sync_directory(directory);
}

std::optional<std::string> read_file_if_exists(const std::string& path, std::size_t limit, std::string_view what,
                                               Language language)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return std::nullopt;
    }
    fail(language, what, path, errno, Doing::read);
  }
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count == 0) {
      break;
    }
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int error = errno;
      ::close(fd);
      fail(language, what, path, error, Doing::read);
    }
    if (text.size() + static_cast<std::size_t>(count) > limit) {
      ::close(fd);
      throw Failure{ExitCode::invalid_data, TR(language, "{} '{}' is larger than the limit of {} MiB", what, path, limit / (std::size_t{1024} * 1024))};
    }
    text.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(fd);
  return text;
}

void remove_stale_temporaries(const std::string& path)
{
  // write_temporary names its files PATH.tmp.XXXXXX and PATH.bak.tmp.XXXXXX (mkostemp's six characters).
  const std::string directory = directory_of(path);
  const std::string base = path.substr(path.find_last_of('/') + 1);
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) {
    return;
  }
  while (const dirent* entry = ::readdir(listing)) {
    const std::string_view name = entry->d_name;
    for (const std::string_view kind : {".tmp.", ".bak.tmp."}) {
      if (name.size() == base.size() + kind.size() + 6 && name.starts_with(base) && name.substr(base.size(), kind.size()) == kind) {
        ::unlinkat(::dirfd(listing), entry->d_name, 0);
      }
    }
  }
  ::closedir(listing);
}

FileLock::FileLock(const std::string& path, Language language)
{
  const std::string name = path + ".lock";
  const std::string what = TR(language, "lock file");
  m_fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (m_fd < 0) {
    fail(language, what, name, errno, Doing::open);
  }
  for (int attempt = 0;; ++attempt) {
    if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
      return;
    }
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int error = errno;
      ::close(m_fd);
      fail(language, what, name, error, Doing::lock);
    }
    if (attempt == 1000) {
      ::close(m_fd);
      throw Failure{ExitCode::io, TR(language, "another simplan has held '{}' for 10 seconds; try again", name)};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
}

FileLock::~FileLock()
{
  if (m_fd >= 0) {
    ::close(m_fd);  // releases the lock
  }
}

} // namespace simplan::cli
