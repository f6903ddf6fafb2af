// Proves that whatever a CalDAV server answers, and whatever a person writes as CalDAV settings, is read or
// refused without a crash, a leak, undefined behaviour or a hang: the multistatus reader (libxml2 under
// simplan's walk of it), the UID and X-SIMPLAN-HASH reader of calendar objects, and the settings loader.
// A calendar object simplan writes always reads back to its own UID and hash.

#include "caldav/multistatus.hpp"
#include "simplan/sync/caldav_config.hpp"
#include "simplan/sync/sync_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace simplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  if (const auto resources = caldav::parse_multistatus(text)) {
    for (const auto& resource : *resources) {
      sync::identify(resource.calendar_data);
    }
  }
  sync::identify(text);
  sync::line_id_of(text);
  const auto config = sync::load_caldav_config(text, "caldav.json", i18n::Language::zh_hans);
  for (const auto& problem : config.problems) {
    util::format_diagnostic(problem);
  }

  // Any text as an event's summary: the object simplan writes names its own UID and hash.
  ics::Event event;
  event.uid = "simplan-0123456789abcdef-t1-renewal";
  event.day = date::year{2026} / 11 / 30;
  event.summary = std::string{text.substr(0, 256)};
  event.description = std::string{text};
  const sync::WantedEvent wanted = sync::wanted_event(event, "0123456789abcdef", 0);
  const sync::Identity identity = sync::identify(wanted.text);
  if (identity.uid != event.uid || identity.hash != wanted.hash) {
    __builtin_trap();
  }
  return 0;
}
