#pragma once
// `simplan remind --sync caldav` and `--sync vdir DIR`: keep a calendar equal to the reminders, one event
// per calendar object, changing only simplan's own events (simplan/sync/sync_plan.hpp).

#include "cli/app.hpp"
#include "simplan/catalog/catalog.hpp"
#include "simplan/lines/lines_file.hpp"
#include "simplan/renewal/reminders.hpp"
#include "simplan/report/remind_report.hpp"

#include <span>
#include <string>
#include <vector>

namespace simplan::cli {

struct SyncRequest {
  enum class Kind { caldav, vdir } kind = Kind::caldav;
  std::string directory;  ///< vdir
  bool dry_run = false;
};

/// The values of --sync: "caldav", or "vdir" and a directory. Throws Failure (usage) otherwise.
SyncRequest parse_sync_option(const std::vector<std::string>& values, bool dry_run, i18n::Language language);

/// $SIMPLAN_CALDAV_CONFIG, else $XDG_CONFIG_HOME/simplan/caldav.json, else ~/.config/simplan/caldav.json.
std::string caldav_config_path(const Context& context);

/// Syncs the events of `synced` (lines of `file`; all of them when `whole_file`) in `window`. Prints one line
/// per change and a summary; returns 0, or throws Failure (5 when the server refused a change).
int run_sync(const SyncRequest& request, const lines::LinesFile& file, std::span<const lines::Line> synced,
             bool whole_file, const catalog::Catalog& catalog, const renewal::Window& window,
             const report::CalendarOptions& calendar, const Context& context);

} // namespace simplan::cli
