#include "cli/sync_command.hpp"

#include "cli/cli_text.hpp"
#include "cli/failure.hpp"
#include "cli/files.hpp"
#include "cli/vdir_store.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/sync/caldav_config.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/diagnostic.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

namespace simplan::cli {
namespace {

using i18n::Language;
using sync::ChangeKind;

constexpr std::size_t k_max_config_bytes = std::size_t{64} * 1024;

// The account in the config file, with the password from SIMPLAN_CALDAV_PASSWORD or the file's command.
CaldavAccount read_caldav_account(const Context& context)
{
  const Language language = context.language;
  const std::string path = caldav_config_path(context);
  const auto text = read_file_if_exists(path, k_max_config_bytes, TR(language, "CalDAV settings"), language);
  if (!text) {
    throw Failure{ExitCode::usage, TR(language, "no CalDAV calendar is set up: {} does not exist", path),
                  TR(language, "write it as {{\"url\": \"https://.../calendars/.../\", \"username\": \"you\", "
                               "\"password_command\": \"pass show caldav\"}}; docs/reminders.md shows how")};
  }
  auto loaded = sync::load_caldav_config(*text, path, language);
  if (!loaded.problems.empty()) {
    std::vector<std::string> messages;
    for (const auto& problem : loaded.problems) {
      messages.push_back(util::format_diagnostic(problem));
    }
    throw Failure{ExitCode::invalid_data, messages};
  }
  CaldavAccount account{loaded.config.url, loaded.config.calendar, loaded.config.username, {}, path};
  if (const auto password = context.environment.variable("SIMPLAN_CALDAV_PASSWORD"); password && !password->empty()) {
    account.password = *password;
  } else if (!loaded.config.password_command.empty()) {
    const std::string printed = context.environment.capture_command(loaded.config.password_command, language);
    account.password = printed.substr(0, printed.find('\n'));
    if (!account.password.empty() && account.password.back() == '\r') {
      account.password.pop_back();
    }
    if (account.password.empty()) {
      throw Failure{ExitCode::invalid_data, TR(language, "{}: /password_command: the command printed no password", path)};
    }
  } else {
    throw Failure{ExitCode::invalid_data, TR(language, "{}: no password: give \"password_command\", or set SIMPLAN_CALDAV_PASSWORD", path)};
  }
  return account;
}

std::string change_line(Language language, ChangeKind kind, bool dry_run, const sync::WantedEvent* wanted,
                        const sync::StoredEvent* stored)
{
  if (kind == ChangeKind::remove) {
    const std::string uid = util::escape_control(stored->uid);
    return (dry_run ? TR(language, "would delete {}", uid) : TR(language, "deleted {}", uid)) + "\n";
  }
  const std::string what = fmt::format("{} {} {}", wanted->uid, util::format_iso_date(wanted->day),
                                       util::escape_control(wanted->summary));
  if (kind == ChangeKind::create) {
    return (dry_run ? TR(language, "would create {}", what) : TR(language, "created {}", what)) + "\n";
  }
  return (dry_run ? TR(language, "would update {}", what) : TR(language, "updated {}", what)) + "\n";
}

WriteResult apply(EventStore& store, ChangeKind kind, const sync::WantedEvent* wanted, const sync::StoredEvent* stored)
{
  switch (kind) {
  case ChangeKind::create: return store.create(*wanted);
  case ChangeKind::update: return store.replace(*stored, *wanted);
  case ChangeKind::remove: return store.remove(*stored);
  }
  return WriteResult::done;
}

// What became of one change: made (as planned, or as it had to be after a conflict), not needed after all,
// or refused with a message.
struct Outcome {
  std::optional<ChangeKind> done;
  std::string refused;
};

// A conflict means the object changed (or appeared) since the target was listed: it is read again and, if
// the change is still needed, tried once more against the version there now.
Outcome apply_change(EventStore& store, const sync::Change& change, Language language)
{
  if (apply(store, change.kind, change.wanted, change.stored) == WriteResult::done) {
    return {change.kind, {}};
  }
  const std::string name = change.stored != nullptr ? change.stored->name : store.name_for(*change.wanted);
  const std::optional<sync::StoredEvent> now = store.fetch(name);
  if (now && !sync::line_id_of(now->uid)) {
    return {std::nullopt, TR(language, "{} in {} is not an event simplan made: left alone", name, store.target())};
  }
  const std::optional<ChangeKind> kind = sync::replan(change.wanted, now);
  if (kind && apply(store, *kind, change.wanted, now ? &*now : nullptr) == WriteResult::conflict) {
    return {std::nullopt, TR(language, "{} changed in {} while simplan was writing it, twice: run the sync again",
                             change.wanted != nullptr ? change.wanted->uid : change.stored->uid, store.target())};
  }
  return {kind, {}};
}

} // namespace

SyncRequest parse_sync_option(const std::vector<std::string>& values, bool dry_run, Language language)
{
  SyncRequest request;
  request.dry_run = dry_run;
  if (values.size() == 1 && values[0] == "caldav") {
    request.kind = SyncRequest::Kind::caldav;
  } else if (values.size() == 2 && values[0] == "vdir" && !values[1].empty()) {
    request.kind = SyncRequest::Kind::vdir;
    request.directory = values[1];
  } else if (values.size() == 1 && values[0] == "vdir") {
    throw Failure{ExitCode::usage, TR(language, "--sync vdir: give the directory: --sync vdir DIR")};
  } else {
    throw Failure{ExitCode::usage, TR(language, "--sync: expected \"caldav\" or \"vdir DIR\", got \"{}\"",
                                      util::escape_control(fmt::format("{}", fmt::join(values, " "))))};
  }
  return request;
}

std::string caldav_config_path(const Context& context)
{
  const auto& variable = context.environment.variable;
  if (const auto path = variable("SIMPLAN_CALDAV_CONFIG"); path && !path->empty()) {
    return *path;
  }
  if (const auto directory = config_directory(context.environment)) {
    return *directory + "/caldav.json";
  }
  throw Failure{ExitCode::usage, TR(context.language, "cannot tell where your CalDAV settings are: HOME is not set"),
                TR(context.language, "set SIMPLAN_CALDAV_CONFIG to the settings file")};
}

int run_sync(const SyncRequest& request, const lines::LinesFile& file, std::span<const lines::Line> synced,
             bool whole_file, const catalog::Catalog& catalog, const renewal::Window& window,
             const report::CalendarOptions& calendar, const Context& context)
{
  const Language language = context.language;
  // The events wanted, the target, what it holds, what to change; then the changes, one at a time.
  std::vector<sync::WantedEvent> wanted;
  report::for_each_calendar_event(catalog, synced, window, context.today, calendar, language,
                                  [&](const ics::Event& event, const lines::Line& line) {
                                    wanted.push_back(sync::wanted_event(event, line.id, calendar.stamp_unix_seconds));
                                  });
  sync::Scope scope;
  for (const lines::Line& line : file.lines) {
    scope.file_lines.insert(line.id);
  }
  for (const lines::Line& line : synced) {
    scope.synced_lines.insert(line.id);
  }
  scope.whole_file = whole_file;

  std::unique_ptr<EventStore> store = request.kind == SyncRequest::Kind::vdir
                                        ? open_vdir(request.directory, language)
                                        : context.environment.open_caldav(read_caldav_account(context), language);
  const std::vector<sync::StoredEvent> stored = store->list();
  const sync::SyncPlan plan = sync::plan_sync(stored, wanted, scope);

  std::size_t counts[3] = {};  // created, updated, deleted
  std::size_t unchanged = plan.unchanged;
  std::vector<std::string> refused;
  for (const sync::Change& change : plan.changes) {
    if (request.dry_run) {
      context.output.out += change_line(language, change.kind, true, change.wanted, change.stored);
      ++counts[static_cast<int>(change.kind)];
      continue;
    }
    const Outcome outcome = apply_change(*store, change, language);
    if (!outcome.refused.empty()) {
      refused.push_back(outcome.refused);
    } else if (outcome.done) {
      context.output.out += change_line(language, *outcome.done, false, change.wanted, change.stored);
      ++counts[static_cast<int>(*outcome.done)];
    } else if (change.wanted != nullptr) {
      ++unchanged;  // someone else made it what simplan wanted meanwhile
    }
  }
  const std::size_t total = wanted.size();
  context.output.out +=
    request.dry_run
      ? TR(language, "Dry run for {}: {} to create, {} to update, {} to delete, {} unchanged.", store->target(), counts[0],
           counts[1], counts[2], unchanged) + "\n"
      : TR(language, "Synced {} to {}: {} created, {} updated, {} deleted, {} unchanged.",
           total == 1 ? TR(language, "1 event") : TR(language, "{} events", total), store->target(), counts[0], counts[1],
           counts[2], unchanged) + "\n";
  if (!refused.empty()) {
    throw Failure{ExitCode::calendar, refused};
  }
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
