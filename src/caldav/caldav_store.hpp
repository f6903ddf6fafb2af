#pragma once
// A CalDAV calendar (RFC 4791) as an EventStore: HTTP through libcurl, XML through libxml2. Linked only into
// simplan-caldav, so that the static simplan, which every other command runs, loads no network code.

#include "cli/event_store.hpp"

#include <memory>

namespace simplan::caldav {

/// Checks that `account.url` is a calendar collection the user may read (PROPFIND); throws cli::Failure
/// (exit 5) when the server cannot be reached, refuses the login, or the URL is not a calendar.
std::unique_ptr<cli::EventStore> open_calendar(const cli::CaldavAccount& account, i18n::Language language);

} // namespace simplan::caldav
