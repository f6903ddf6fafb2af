#pragma once
// A vdir (the layout vdirsyncer and khal read): a directory with one iCalendar file per event, named
// "<UID>.ics". Files are written atomically; a file's ETag is its inode, size and modification time, so a
// file changed since it was listed is a conflict, not overwritten.

#include "cli/event_store.hpp"

#include <memory>
#include <string>

namespace simplan::cli {

/// The directory is created (mode 0700, with its parents) by the first write, not before: a dry run or a
/// sync with nothing to write leaves no trace.
std::unique_ptr<EventStore> open_vdir(const std::string& directory, i18n::Language language);

} // namespace simplan::cli
