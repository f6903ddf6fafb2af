// Proves that the calendar writer keeps its RFC 5545 promises whatever text it is given: the file has only
// CRLF-ended lines of at most 75 octets, an independent reader (libical) parses it without errors into
// exactly the events written, and every summary and description that is printable UTF-8 (line breaks
// allowed) reads back unchanged but for spaces at its ends. Other text is made visible by escape_text
// (control characters and invalid UTF-8 become escapes), so it is not compared.
//
// Input: a first byte that picks the days and alarms, then pieces separated by 0x1F: the calendar name,
// then per event its summary, description, URL and alarm text (1 to 8 events).

#include "simplan/ics/calendar.hpp"
#include "simplan/util/text.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace simplan;

namespace {

constexpr std::size_t k_max_events = 8;
constexpr char k_separator = '\x1F';

void check(bool promise)
{
  if (!promise) {
    __builtin_trap();
  }
}

std::vector<std::string> split(std::string_view text)
{
  std::vector<std::string> pieces;
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find(k_separator, start), text.size());
    pieces.emplace_back(text.substr(start, end - start));
    if (end == text.size()) {
      return pieces;
    }
    start = end + 1;
  }
}

ics::Calendar make_calendar(std::size_t choice, const std::vector<std::string>& pieces)
{
  // Fixed prefixes keep the texts from being blank, as simplan's never are: libical refuses a property whose
  // value is empty or only spaces, which RFC 5545 allows. An empty description or URL is left out.
  ics::Calendar calendar;
  calendar.name = "Renewals " + pieces[0];
  calendar.stamp_unix_seconds = 1795953600;
  const std::size_t count = std::clamp<std::size_t>((pieces.size() - 1 + 3) / 4, 1, k_max_events);
  const auto piece = [&](std::size_t index) { return index < pieces.size() ? pieces[index] : std::string{}; };
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t first = 1 + i * 4;
    ics::Event event;
    event.uid = "simplan-fuzz-e" + std::to_string(i) + "-renewal";
    const auto offset = static_cast<int>((choice * 131 + i * 977) % 3650);  // within 2026 to 2035
    event.day = date::year_month_day{date::sys_days{date::year{2026} / 1 / 1} + date::days{offset}};
    event.summary = "Renew " + piece(first);
    event.description = piece(first + 1).empty() ? "" : "Pay: " + piece(first + 1);
    event.url = piece(first + 2).empty() ? "" : "https://example.com/" + piece(first + 2);
    event.alarms.push_back({static_cast<int>((choice + i) % 8), 9, "Due: " + piece(first + 3)});
    calendar.events.push_back(std::move(event));
  }
  return calendar;
}

void check_lines(const std::string& text)
{
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find("\r\n", start);
    check(end != std::string::npos && end - start <= 75);
    const std::string_view line{text.data() + start, end - start};
    check(line.find_first_of("\r\n") == std::string_view::npos);
    start = end + 2;
  }
}

// A text property reads back as written when the writer promises it does. libical drops the spaces at
// either end of a value (RFC 5545 has no escape for them), so those are not compared.
void check_text(std::string_view written, const char* read)
{
  if (util::is_printable_utf8(written, true)) {
    const std::size_t first = written.find_first_not_of(' ');
    written = first == std::string_view::npos ? std::string_view{} : written.substr(first);
    written = written.substr(0, written.find_last_not_of(' ') + 1);
    check(read != nullptr && written == read);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  if (size == 0) {
    return 0;
  }
  const std::vector<std::string> pieces = split({reinterpret_cast<const char*>(data) + 1, size - 1});
  const ics::Calendar calendar = make_calendar(data[0], pieces);
  const std::string text = ics::write_calendar(calendar);
  check_lines(text);

  icalcomponent* root = icalparser_parse_string(text.c_str());
  check(root != nullptr);
  check(icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT && icalcomponent_count_errors(root) == 0);
  std::size_t index = 0;
  for (icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); event != nullptr;
       event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), ++index) {
    check(index < calendar.events.size());
    const ics::Event& written = calendar.events[index];
    check_text(written.summary, icalcomponent_get_summary(event));
    if (!written.description.empty()) {
      check_text(written.description, icalcomponent_get_description(event));
    }
    check(icalcomponent_count_components(event, ICAL_VALARM_COMPONENT) == 1);
  }
  check(index == calendar.events.size());
  icalcomponent_free(root);
  return 0;
}
