#include "cli/vdir_store.hpp"

#include "cli/cli_text.hpp"
#include "cli/failure.hpp"
#include "cli/files.hpp"
#include "simplan/i18n/messages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace simplan::cli {
namespace {

using i18n::Language;

// Bigger files are not simplan's (its events are a few kilobytes) and are left alone unread.
constexpr std::size_t k_max_event_bytes = std::size_t{1024} * 1024;

std::string etag_of(const struct stat& status)
{
  return fmt::format("{}-{}-{}.{}", status.st_ino, status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec);
}

class VdirStore final : public EventStore {
public:
  VdirStore(std::string directory, Language language) : m_directory(std::move(directory)), m_language(language) {}

  std::string target() const override { return m_directory; }

  std::vector<sync::StoredEvent> list() override
  {
    std::vector<sync::StoredEvent> events;
    DIR* directory = ::opendir(m_directory.c_str());
    if (directory == nullptr) {
      if (errno == ENOENT) {
        return events;  // made by the first write
      }
      fail(TR(m_language, "cannot read the directory '{}': {}", m_directory, system_error_text(m_language, errno)));
    }
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(directory)) {
      const std::string_view name = entry->d_name;
      if (!name.starts_with('.') && name.ends_with(".ics")) {
        names.emplace_back(name);
      }
    }
    ::closedir(directory);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (auto event = fetch(name)) {
        events.push_back(std::move(*event));
      }
    }
    return events;
  }

  std::string name_for(const sync::WantedEvent& event) const override { return event.uid + ".ics"; }

  std::optional<sync::StoredEvent> fetch(const std::string& name) override
  {
    const std::string path = path_of(name);
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode) ||
        static_cast<std::size_t>(status.st_size) > k_max_event_bytes) {
      return std::nullopt;  // gone, or not a file simplan could have written: not its
    }
    const auto text = read_file_if_exists(path, k_max_event_bytes, TR(m_language, "calendar event"), m_language);
    if (!text) {
      return std::nullopt;
    }
    const sync::Identity identity = sync::identify(*text);
    return sync::StoredEvent{name, etag_of(status), identity.uid, identity.hash};
  }

  WriteResult create(const sync::WantedEvent& event) override
  {
    const std::string path = path_of(name_for(event));
    struct stat status {};
    if (::lstat(path.c_str(), &status) == 0) {
      return WriteResult::conflict;
    }
    write(path, event.text);
    return WriteResult::done;
  }

  WriteResult replace(const sync::StoredEvent& stored, const sync::WantedEvent& event) override
  {
    if (!unchanged(stored)) {
      return WriteResult::conflict;
    }
    write(path_of(stored.name), event.text);
    return WriteResult::done;
  }

  WriteResult remove(const sync::StoredEvent& stored) override
  {
    const std::string path = path_of(stored.name);
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0 && errno == ENOENT) {
      return WriteResult::done;
    }
    if (!unchanged(stored)) {
      return WriteResult::conflict;
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      fail(TR(m_language, "cannot remove '{}': {}", path, system_error_text(m_language, errno)));
    }
    return WriteResult::done;
  }

private:
  std::string path_of(const std::string& name) const { return m_directory + "/" + name; }

  bool unchanged(const sync::StoredEvent& stored) const
  {
    struct stat status {};
    return ::lstat(path_of(stored.name).c_str(), &status) == 0 && etag_of(status) == stored.etag;
  }

  void write(const std::string& path, const std::string& text) const
  {
    write_file_atomically(path, text, TR(m_language, "calendar event"), {false, true, m_language});
  }

  [[noreturn]] static void fail(std::string message) { throw Failure{ExitCode::io, std::move(message)}; }

  std::string m_directory;
  Language m_language;
};

} // namespace

std::unique_ptr<EventStore> open_vdir(const std::string& directory, Language language)
{
  return std::make_unique<VdirStore>(directory, language);
}

} // namespace simplan::cli
