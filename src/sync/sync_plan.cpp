#include "simplan/sync/sync_plan.hpp"

#include "simplan/util/text.hpp"

#include <algorithm>
#include <map>

namespace simplan::sync {
namespace {

constexpr std::string_view k_uid_prefix = "simplan-";
constexpr std::size_t k_line_id_digits = 16;

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && util::to_lower_ascii(a) == util::to_lower_ascii(b);
}

// The name of a content line ("DTSTART" of "DTSTART;VALUE=DATE:20261130") and its value: the text after the
// first colon outside a quoted parameter value (RFC 5545 3.1).
std::pair<std::string_view, std::string_view> split_content_line(std::string_view line)
{
  const std::size_t name_end = line.find_first_of(";:");
  if (name_end == std::string_view::npos) {
    return {line, {}};
  }
  bool quoted = false;
  for (std::size_t i = name_end; i < line.size(); ++i) {
    if (line[i] == '"') {
      quoted = !quoted;
    } else if (line[i] == ':' && !quoted) {
      return {line.substr(0, name_end), line.substr(i + 1)};
    }
  }
  return {line.substr(0, name_end), {}};
}

} // namespace

WantedEvent wanted_event(ics::Event event, std::string_view line_id, std::int64_t stamp_unix_seconds)
{
  // The hash covers the event as written without DTSTAMP (stamped 0) and without the hash itself; not the
  // calendar's header, so a new simplan version does not rewrite every event for its PRODID.
  event.sync_hash.clear();
  ics::CalendarWriter unstamped{"", 0};
  unstamped.add(event);
  const std::string text = std::move(unstamped).finish();
  const std::size_t begin = text.find("BEGIN:VEVENT");
  const std::size_t end = text.rfind("END:VEVENT");
  event.sync_hash = util::fnv1a_hex(std::string_view{text}.substr(begin, end - begin));

  WantedEvent wanted;
  wanted.uid = event.uid;
  wanted.line_id = std::string{line_id};
  wanted.day = event.day;
  wanted.summary = event.summary;
  wanted.hash = event.sync_hash;
  ics::CalendarWriter stamped{"", stamp_unix_seconds};
  stamped.add(event);
  wanted.text = std::move(stamped).finish();
  return wanted;
}

Identity identify(std::string_view ics_text)
{
  Identity identity;
  int depth = 0;  // 1 inside the first VEVENT, more inside its VALARMs
  bool done = false;
  const auto take = [&](std::string_view line) {
    if (done) {
      return;
    }
    const auto [name, value] = split_content_line(line);
    if (equals_ignoring_case(name, "BEGIN")) {
      depth += depth > 0 || equals_ignoring_case(value, "VEVENT") ? 1 : 0;
    } else if (equals_ignoring_case(name, "END") && depth > 0) {
      done = --depth == 0;
    } else if (depth == 1 && equals_ignoring_case(name, "UID") && identity.uid.empty()) {
      identity.uid = std::string{value};
    } else if (depth == 1 && equals_ignoring_case(name, "X-SIMPLAN-HASH") && identity.hash.empty()) {
      identity.hash = std::string{value};
    }
  };
  // Unfold: a line break followed by a space or a tab continues the line (RFC 5545 3.1).
  std::string line;
  std::size_t start = 0;
  while (start < ics_text.size() && !done) {
    std::size_t end = ics_text.find('\n', start);
    if (end == std::string_view::npos) {
      end = ics_text.size();
    }
    std::string_view physical = ics_text.substr(start, end - start);
    if (!physical.empty() && physical.back() == '\r') {
      physical.remove_suffix(1);
    }
    if (!physical.empty() && (physical.front() == ' ' || physical.front() == '\t')) {
      line.append(physical.substr(1));
    } else {
      if (!line.empty()) {
        take(line);
      }
      line.assign(physical);
    }
    start = end + 1;
  }
  if (!line.empty()) {
    take(line);
  }
  return identity;
}

std::optional<std::string_view> line_id_of(std::string_view uid)
{
  if (!uid.starts_with(k_uid_prefix)) {
    return std::nullopt;
  }
  const std::string_view rest = uid.substr(k_uid_prefix.size());
  if (rest.size() < k_line_id_digits + 2 || rest[k_line_id_digits] != '-') {
    return std::nullopt;
  }
  const std::string_view id = rest.substr(0, k_line_id_digits);
  const bool hex = std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  return hex ? std::optional<std::string_view>{id} : std::nullopt;
}

SyncPlan plan_sync(std::span<const StoredEvent> stored, std::span<const WantedEvent> wanted, const Scope& scope)
{
  // simplan's events in scope, by UID; each UID's first object by name is the one kept.
  std::vector<const StoredEvent*> ours;
  for (const StoredEvent& event : stored) {
    const auto line = line_id_of(event.uid);
    if (line && (scope.synced_lines.contains(*line) || (scope.whole_file && !scope.file_lines.contains(*line)))) {
      ours.push_back(&event);
    }
  }
  std::sort(ours.begin(), ours.end(), [](const StoredEvent* a, const StoredEvent* b) { return a->name < b->name; });
  std::map<std::string_view, const StoredEvent*> by_uid;
  std::vector<const StoredEvent*> removals;
  for (const StoredEvent* event : ours) {
    if (!by_uid.emplace(event->uid, event).second) {
      removals.push_back(event);
    }
  }

  SyncPlan plan;
  for (const WantedEvent& event : wanted) {
    const auto found = by_uid.find(event.uid);
    if (found == by_uid.end()) {
      plan.changes.push_back({ChangeKind::create, &event, nullptr});
      continue;
    }
    if (found->second->hash == event.hash) {
      ++plan.unchanged;
    } else {
      plan.changes.push_back({ChangeKind::update, &event, found->second});
    }
    by_uid.erase(found);
  }
  for (const auto& [uid, event] : by_uid) {
    removals.push_back(event);
  }
  std::sort(removals.begin(), removals.end(), [](const StoredEvent* a, const StoredEvent* b) { return a->name < b->name; });
  for (const StoredEvent* event : removals) {
    plan.changes.push_back({ChangeKind::remove, nullptr, event});
  }
  return plan;
}

std::optional<ChangeKind> replan(const WantedEvent* wanted, const std::optional<StoredEvent>& now)
{
  if (wanted == nullptr) {
    return now ? std::optional<ChangeKind>{ChangeKind::remove} : std::nullopt;
  }
  if (!now) {
    return ChangeKind::create;
  }
  return now->hash == wanted->hash ? std::nullopt : std::optional<ChangeKind>{ChangeKind::update};
}

} // namespace simplan::sync
