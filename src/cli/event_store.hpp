#pragma once
// Where `simplan remind --sync` keeps its events: a CalDAV calendar (src/caldav, in simplan-caldav) or a
// vdir directory (vdir_store). Each store does its own I/O and throws Failure; the sync itself
// (sync_command.cpp) is the same for both.

#include "simplan/i18n/language.hpp"
#include "simplan/sync/sync_plan.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simplan::cli {

/// `conflict`: the write's precondition failed: an object of that name exists already (create), or the
/// object changed since it was listed (replace, remove).
enum class WriteResult { done, conflict };

class EventStore {
public:
  virtual ~EventStore() = default;
  /// The target as messages name it: the calendar's URL, or the directory.
  virtual std::string target() const = 0;
  /// Every calendar object there, with its identity (sync::identify).
  virtual std::vector<sync::StoredEvent> list() = 0;
  /// The name a new event gets: "<UID>.ics" in the collection or the directory.
  virtual std::string name_for(const sync::WantedEvent& event) const = 0;
  /// One object read again (after a conflict); nothing when it is gone.
  virtual std::optional<sync::StoredEvent> fetch(const std::string& name) = 0;
  virtual WriteResult create(const sync::WantedEvent& event) = 0;
  virtual WriteResult replace(const sync::StoredEvent& stored, const sync::WantedEvent& event) = 0;
  /// An object already gone counts as done.
  virtual WriteResult remove(const sync::StoredEvent& stored) = 0;
};

/// A CalDAV calendar and who writes to it; the password is held only in memory.
struct CaldavAccount {
  std::string url;       ///< the calendar collection, or where to look for `calendar`; ending in "/"
  std::string calendar;  ///< the display name of the calendar to use when `url` is not one
  std::string username;
  std::string password;
  std::string settings;  ///< the settings file, for messages
};

/// Opens a CalDAV calendar: checks that the URL is a calendar the user may read (throws Failure otherwise).
using OpenCaldav = std::function<std::unique_ptr<EventStore>(const CaldavAccount& account, i18n::Language language)>;

} // namespace simplan::cli
