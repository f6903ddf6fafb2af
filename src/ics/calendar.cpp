#include "simplan/ics/calendar.hpp"

#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::ics {
namespace {

constexpr std::string_view k_crlf = "\r\n";
constexpr std::size_t k_max_octets = 75;

std::string date_value(date::year_month_day day)
{
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

// Appends `content` to `out` as RFC 5545 content lines: at most 75 octets each, CRLF-ended, continued
// with a leading space.
void append_folded(std::string& out, std::string_view content)
{
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
}

void property(std::string& out, std::string_view name, std::string_view value)
{
  // Most properties fit on one line and are written in place; only a long one is copied to be folded.
  const std::size_t start = out.size();
  out += name;
  out += ':';
  out += value;
  if (out.size() - start <= k_max_octets) {
    out += k_crlf;
    return;
  }
  const std::string content = out.substr(start);
  out.resize(start);
  append_folded(out, content);
}

} // namespace

std::string escape_text(std::string_view text)
{
  // One pass that copies runs of plain text whole: a calendar of 100,000 events escapes hundreds of
  // megabytes of descriptions. A line break in any form becomes "\n"; "\", ";" and "," get a backslash;
  // anything else not printable is made visible as escape_control does, its backslash escaped in turn.
  const auto plain = [](char c) {
    return c >= 0x20 && c < 0x7F && c != '\\' && c != ';' && c != ',';
  };
  std::string out;
  out.reserve(text.size() + text.size() / 16 + 8);
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = at;
    while (end < text.size() && plain(text[end])) {
      ++end;
    }
    out.append(text.substr(at, end - at));
    at = end;
    if (at == text.size()) {
      break;
    }
    switch (text[at]) {
    case '\\': out += "\\\\"; ++at; continue;
    case ';': out += "\\;"; ++at; continue;
    case ',': out += "\\,"; ++at; continue;
    case '\n': out += "\\n"; ++at; continue;
    case '\r': out += "\\n"; at += text.substr(at, 2) == "\r\n" ? 2 : 1; continue;
    default: break;
    }
    const std::size_t length = std::max<std::size_t>(util::utf8_char_length(text.substr(at)), 1);
    const std::string_view character = text.substr(at, length);
    if (util::is_printable_utf8(character)) {
      out.append(character);
    } else {
      out += '\\';
      out += util::escape_control(character);
    }
    at += length;
  }
  return out;
}

std::string fold_line(std::string_view content)
{
  std::string out;
  append_folded(out, content);
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

CalendarWriter::CalendarWriter(std::string_view name, std::int64_t stamp_unix_seconds, util::PieceBuffer::Write write)
  : m_out(std::move(write)), m_stamp(utc_timestamp(stamp_unix_seconds))
{
  std::string& out = m_out.text();
  property(out, "BEGIN", "VCALENDAR");
  property(out, "VERSION", "2.0");
  property(out, "PRODID", "-//simplan//simplan " SIMPLAN_VERSION "//EN");
  property(out, "CALSCALE", "GREGORIAN");
  if (!name.empty()) {
    property(out, "X-WR-CALNAME", escape_text(name));
  }
}

void CalendarWriter::add(const Event& event)
{
  std::string& out = m_out.text();
  property(out, "BEGIN", "VEVENT");
  property(out, "UID", escape_text(event.uid));
  property(out, "DTSTAMP", m_stamp);
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
  if (!event.sync_hash.empty()) {
    property(out, "X-SIMPLAN-HASH", event.sync_hash);
  }
  for (const Alarm& alarm : event.alarms) {
    property(out, "BEGIN", "VALARM");
    property(out, "ACTION", "DISPLAY");
    property(out, "DESCRIPTION", escape_text(alarm.description));
    property(out, "TRIGGER", trigger(alarm.days_before, alarm.hour));
    property(out, "END", "VALARM");
  }
  property(out, "END", "VEVENT");
  m_out.flush_if_full();
}

std::string CalendarWriter::finish() &&
{
  property(m_out.text(), "END", "VCALENDAR");
  return std::move(m_out).finish();
}

std::string write_calendar(const Calendar& calendar)
{
  CalendarWriter writer{calendar.name, calendar.stamp_unix_seconds};
  for (const Event& event : calendar.events) {
    writer.add(event);
  }
  return std::move(writer).finish();
}

} // namespace simplan::ics
