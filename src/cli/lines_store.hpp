#pragma once
// The person's lines file: where it is, reading it, and changing it safely (under a lock, atomically,
// keeping the previous version as FILE.bak; a file simplan cannot read is never overwritten).

#include "cli/app.hpp"
#include "simplan/lines/lines_file.hpp"

#include <functional>
#include <string>

namespace simplan::cli {

/// --lines-file, else SIMPLAN_LINES, else $XDG_CONFIG_HOME/simplan/lines.json, else
/// $HOME/.config/simplan/lines.json.
std::string lines_file_path(const Context& context);

/// The lines in the file; an absent file holds none. A broken file throws Failure (exit 3) naming every
/// problem and how to recover.
lines::LinesFile read_lines_file(const std::string& path, i18n::Language language);

/// Reads the file, applies `change`, writes it back: all under the file's lock, so two simplan processes
/// never lose each other's changes.
void update_lines_file(const std::string& path, i18n::Language language,
                       const std::function<void(lines::LinesFile&)>& change);

} // namespace simplan::cli
