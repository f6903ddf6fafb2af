#include "simplan/ics/calendar.hpp"

#include "simplan/util/text.hpp"

#include <fmt/format.h>

namespace simplan::ics {
namespace {

constexpr std::string_view k_crlf = "\r\n";
constexpr std::size_t k_max_octets = 75;

std::string date_value(date::year_month_day day)
{
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

void property(std::string& out, std::string_view name, std::string_view value)
{
  std::string content{name};
  content += ':';
  content += value;
  out += fold_line(content);
}

} // namespace

std::string escape_text(std::string_view text)
{
  // Newlines become "\n" whatever their form; everything else that is not printable is made visible.
  std::string normalized;
  std::string segment;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '\r' || c == '\n') {
      normalized += util::escape_control(segment) + '\n';
      segment.clear();
      if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
        ++at;
      }
    } else {
      segment += c;
    }
  }
  normalized += util::escape_control(segment);

  std::string out;
  out.reserve(normalized.size() + 8);
  for (const char c : normalized) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case ';': out += "\\;"; break;
    case ',': out += "\\,"; break;
    case '\n': out += "\\n"; break;
    default: out += c;
    }
  }
  return out;
}

std::string fold_line(std::string_view content)
{
  std::string out;
  std::size_t limit = k_max_octets;  // the first line has 75 octets; continuations 74 after the space
  while (content.size() > limit) {
    std::size_t cut = limit;
    // Never cut inside a UTF-8 sequence: back up to a byte that starts a character.
    while (cut > 0 && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    if (cut == 0) {
      cut = limit;  // no character starts in the line (not UTF-8): cutting nothing would loop forever
    }
    out.append(content.substr(0, cut));
    out += k_crlf;
    out += ' ';
    content.remove_prefix(cut);
    limit = k_max_octets - 1;
  }
  out.append(content);
  out += k_crlf;
  return out;
}

std::string trigger(int days_before, int hour)
{
  const int hours_before = days_before * 24 - hour;
  if (hours_before <= 0) {
    const int after = -hours_before;
    return after == 0 ? "PT0S" : fmt::format("PT{}H", after);
  }
  const int days = hours_before / 24;
  const int hours = hours_before % 24;
  std::string value = "-P";
  if (days > 0) {
    value += fmt::format("{}D", days);
  }
  if (hours > 0) {
    value += fmt::format("T{}H", hours);
  }
  return value;
}

std::string utc_timestamp(std::int64_t unix_seconds)
{
  const date::sys_seconds instant{std::chrono::seconds{unix_seconds}};
  const date::sys_days day = date::floor<date::days>(instant);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss time{instant - day};
  return fmt::format("{}T{:02}{:02}{:02}Z", date_value(ymd), time.hours().count(), time.minutes().count(),
                     time.seconds().count());
}

std::string write_calendar(const Calendar& calendar)
{
  std::string out;
  property(out, "BEGIN", "VCALENDAR");
  property(out, "VERSION", "2.0");
  property(out, "PRODID", "-//simplan//simplan " SIMPLAN_VERSION "//EN");
  property(out, "CALSCALE", "GREGORIAN");
  property(out, "X-WR-CALNAME", escape_text(calendar.name));
  const std::string stamp = utc_timestamp(calendar.stamp_unix_seconds);
  for (const Event& event : calendar.events) {
    property(out, "BEGIN", "VEVENT");
    property(out, "UID", escape_text(event.uid));
    property(out, "DTSTAMP", stamp);
    property(out, "DTSTART;VALUE=DATE", date_value(event.day));
    const date::year_month_day next{date::sys_days{event.day} + date::days{1}};
    property(out, "DTEND;VALUE=DATE", date_value(next));
    if (!event.rrule.empty()) {
      property(out, "RRULE", event.rrule);
    }
    property(out, "SUMMARY", escape_text(event.summary));
    if (!event.description.empty()) {
      property(out, "DESCRIPTION", escape_text(event.description));
    }
    if (!event.url.empty()) {
      // A URI has no escapes, but a raw line break or NUL would end the property or the file early:
      // make control characters and invalid UTF-8 visible, as TEXT values do. A catalog URL is unchanged.
      property(out, "URL", util::escape_control(event.url));
    }
    property(out, "TRANSP", "TRANSPARENT");
    for (const Alarm& alarm : event.alarms) {
      property(out, "BEGIN", "VALARM");
      property(out, "ACTION", "DISPLAY");
      property(out, "DESCRIPTION", escape_text(alarm.description));
      property(out, "TRIGGER", trigger(alarm.days_before, alarm.hour));
      property(out, "END", "VALARM");
    }
    property(out, "END", "VEVENT");
  }
  property(out, "END", "VCALENDAR");
  return out;
}

} // namespace simplan::ics
