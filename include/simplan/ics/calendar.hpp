#pragma once
// An iCalendar (RFC 5545) writer for all-day reminder events, following ../shared/reference/ics-rules.md:
// CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character (after escaping), TEXT
// values escaped, UTC DTSTAMP, DATE-valued DTSTART/DTEND, and VALARMs last in each event. Pure: the
// timestamp comes in as a value (the CLI honours SOURCE_DATE_EPOCH).

#include "simplan/util/piece_buffer.hpp"

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::ics {

/// A reminder `days_before` the event's day, at `hour` o'clock local time (all-day events start at midnight).
struct Alarm {
  int days_before = 1;
  int hour = 9;
  std::string description;
};

struct Event {
  std::string uid;
  date::year_month_day day;  ///< all day: DTSTART is this day, DTEND the next
  std::string summary;
  std::string description;
  std::string url;  ///< written as given, but control characters and invalid UTF-8 made visible (escape_control)
  std::string rrule;  ///< the rule's value (without "RRULE:"); empty for a single event
  std::vector<Alarm> alarms;
  std::string sync_hash;  ///< X-SIMPLAN-HASH, what a sync compares (sync::wanted_event); empty: not written
};

struct Calendar {
  std::string name;                   ///< X-WR-CALNAME; empty: not written (one event's calendar object)
  std::int64_t stamp_unix_seconds = 0;  ///< DTSTAMP of every event
  std::vector<Event> events;
};

/// The whole calendar file.
std::string write_calendar(const Calendar& calendar);

/// Writes the same file one event at a time, so that a large calendar is never held both as events and
/// as text: 100,000 events of a few kilobytes each would otherwise take twice the memory.
/// With a `write` function, the text goes to it in pieces (util::PieceBuffer) as it is written, so a
/// calendar of any size takes the same memory.
class CalendarWriter {
public:
  CalendarWriter(std::string_view name, std::int64_t stamp_unix_seconds, util::PieceBuffer::Write write = {});
  void add(const Event& event);
  /// Ends the file and returns it whole, or with a `write` function, writes the rest and returns nothing.
  /// Nothing may be added afterwards.
  std::string finish() &&;

private:
  util::PieceBuffer m_out;
  std::string m_stamp;
};

/// TEXT escaping (RFC 5545 3.3.11): backslash first, then ";", ",", and any newline (CRLF, LF or CR) as
/// "\n". Other control characters and invalid UTF-8 become visible escapes first (never raw).
std::string escape_text(std::string_view text);

/// One content line, folded: at most 75 octets per physical line, continuation lines start with a space,
/// cut only between UTF-8 characters (where `content` is UTF-8); every physical line ends in CRLF.
std::string fold_line(std::string_view content);

/// A VALARM TRIGGER for `days_before` days before the start, at `hour` o'clock: "-P6DT15H" for 7 days
/// before at 09:00, "-PT15H" for the day before at 09:00, "PT9H" for the day itself at 09:00.
std::string trigger(int days_before, int hour);

/// "20261129T000000Z".
std::string utc_timestamp(std::int64_t unix_seconds);

} // namespace simplan::ics
