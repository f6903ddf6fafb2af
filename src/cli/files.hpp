#pragma once
// Writing files people rely on: atomically (a temporary file in the same directory, fsync, rename, fsync
// the directory), never through a symbolic link, and under a lock when several simplan processes may
// change the same file. Failures throw Failure (exit 4) and leave the old file as it was.

#include "simplan/i18n/language.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace simplan::cli {

struct WriteOptions {
  bool keep_backup = false;      ///< keep the previous version as FILE.bak
  bool create_directory = false; ///< create the file's directory (mode 0700) when missing
  i18n::Language language = i18n::Language::en;  ///< of the error messages
};

/// Replaces `path` with `text` so that at every instant the path holds either the old or the new content.
/// `what` names the file in messages ("lines file", "calendar").
void write_file_atomically(const std::string& path, std::string_view text, std::string_view what,
                           const WriteOptions& options = {});

/// Writes one piece of a file's text; throws Failure when it cannot.
using WritePiece = std::function<void(std::string_view piece)>;

/// write_file_atomically for text made in pieces: `produce` is called once, with the function that appends
/// a piece to the new file, and the new file replaces `path` only when produce returns. Its memory does not
/// grow with the file. When produce throws, the old file stays and the exception passes through.
void write_file_atomically(const std::string& path, const std::function<void(const WritePiece& write)>& produce,
                           std::string_view what, const WriteOptions& options = {});

/// Creates the directory `path` is in (and its parents, mode 0700) when missing.
void create_parent_directory(const std::string& path, std::string_view what, i18n::Language language);

/// The file's content, or nothing when it does not exist. Throws Failure for any other error.
std::optional<std::string> read_file_if_exists(const std::string& path, std::size_t limit, std::string_view what,
                                               i18n::Language language);

/// Removes the temporary files a simplan killed while writing `path` left next to it. Call it only while
/// holding the FileLock of `path`: then no other simplan is writing them.
void remove_stale_temporaries(const std::string& path);

/// An exclusive lock on PATH.lock, held until destruction: simplan processes that change the same file
/// take turns. Waits up to 10 seconds, then throws Failure.
class FileLock {
public:
  FileLock(const std::string& path, i18n::Language language);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

private:
  int m_fd = -1;
};

} // namespace simplan::cli
