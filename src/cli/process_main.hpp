#pragma once
// The process boundary: argv, the real environment, the clock, files and the standard streams.

#include "cli/event_store.hpp"

namespace simplan::cli {

/// Runs simplan as a process and returns its exit status. `open_caldav`: how to reach a CalDAV calendar;
/// empty in the static simplan, which hands `remind --sync caldav` to simplan-caldav (src/caldav).
int process_main(int argc, const char* const* argv, OpenCaldav open_caldav = {});

} // namespace simplan::cli
