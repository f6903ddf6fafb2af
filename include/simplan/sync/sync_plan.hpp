#pragma once
// Keeping a calendar (a CalDAV collection or a vdir directory) equal to the reminders simplan makes, one
// calendar object per event, without touching anything simplan did not make.
//
// Pure: the events come in as values, what the target holds comes in as values (its names, ETags, UIDs and
// X-SIMPLAN-HASH), and what to change comes out. The CLI lists the target, plans, and applies the changes.
//
// An event is simplan's when its UID is "simplan-<16 hex digits: the line id>-...". Its X-SIMPLAN-HASH is a
// hash of its content without DTSTAMP, so an event whose content is unchanged is not written again, and an
// event a person moved or edited in their calendar app keeps their change until simplan's content changes.

#include "simplan/ics/calendar.hpp"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::sync {

/// One event as simplan wants it in the target: a calendar object of its own.
struct WantedEvent {
  std::string uid;
  std::string line_id;
  date::year_month_day day;
  std::string summary;
  std::string hash;  ///< X-SIMPLAN-HASH: 16 hex digits
  std::string text;  ///< the whole calendar object (VCALENDAR with one VEVENT), CRLF lines
};

/// The calendar object of `event` (its sync_hash is set here), stamped `stamp_unix_seconds`.
WantedEvent wanted_event(ics::Event event, std::string_view line_id, std::int64_t stamp_unix_seconds);

/// One calendar object the target holds.
struct StoredEvent {
  std::string name;  ///< where it is: an href (CalDAV) or a file name (vdir)
  std::string etag;  ///< its version, for If-Match
  std::string uid;   ///< of its first VEVENT; empty when it has none
  std::string hash;  ///< its X-SIMPLAN-HASH; empty when it has none
};

/// The UID and X-SIMPLAN-HASH of the first VEVENT of an iCalendar text (folded lines, CRLF or LF).
struct Identity {
  std::string uid;
  std::string hash;
};
Identity identify(std::string_view ics_text);

/// The line id of a UID simplan made ("simplan-0123456789abcdef-t3-renewal" -> "0123456789abcdef"), else
/// nothing: such an event is not simplan's.
std::optional<std::string_view> line_id_of(std::string_view uid);

/// Which of simplan's events a sync may change.
struct Scope {
  std::set<std::string, std::less<>> synced_lines;  ///< ids of the lines whose events are made to match
  std::set<std::string, std::less<>> file_lines;    ///< ids of every line in the lines file
  /// All the file's lines are synced: then the events of lines no longer in the file are deleted too.
  bool whole_file = true;
};

enum class ChangeKind { create, update, remove };

struct Change {
  ChangeKind kind = ChangeKind::create;
  const WantedEvent* wanted = nullptr;  ///< create, update
  const StoredEvent* stored = nullptr;  ///< update, remove
};

struct SyncPlan {
  std::vector<Change> changes;  ///< creates and updates in the order of the wanted events, then removals by name
  std::size_t unchanged = 0;
};

/// What to change so that the target holds exactly `wanted` among simplan's events in `scope`. Two stored
/// objects with one UID (a calendar imported twice): the first by name is kept and the others removed.
/// The plan points into `stored` and `wanted`, which must outlive it.
SyncPlan plan_sync(std::span<const StoredEvent> stored, std::span<const WantedEvent> wanted, const Scope& scope);

/// After a conflict (the target's copy changed since it was listed): what to do with `wanted` (or, for a
/// removal, nullptr) given the copy there now (nothing when it is gone). Nothing when nothing is left to do.
std::optional<ChangeKind> replan(const WantedEvent* wanted, const std::optional<StoredEvent>& now);

} // namespace simplan::sync
