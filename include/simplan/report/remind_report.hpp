#pragma once
// `simplan remind`, `simplan lines list` and `simplan renew`: reminders as text, JSON, CSV/TSV and an
// iCalendar file, the person's lines, and how to renew a line or a carrier.

#include "simplan/catalog/catalog.hpp"
#include "simplan/ics/calendar.hpp"
#include "simplan/lines/lines_file.hpp"
#include "simplan/renewal/reminders.hpp"
#include "simplan/report/output_format.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::report {

enum class ReminderFormat { text, json, csv, tsv, ics };

struct CalendarOptions {
  std::int64_t stamp_unix_seconds = 0;  ///< DTSTAMP (SOURCE_DATE_EPOCH, or now)
  std::optional<int> heads_up_days;     ///< also a separate all-day "renews in N days" event
  bool rrule = false;                   ///< recurring events where a portable rule exists
  std::optional<date::year_month_day> until;  ///< the window's last day, for RRULE UNTIL
  /// When set, the calendar is written to it in pieces as it is made (ics::CalendarWriter), and
  /// render_calendar returns nothing.
  std::function<void(std::string_view piece)> write;
};

/// Reminders as text, JSON, CSV or TSV, taken from `reminders` one at a time and given to `write`. JSON, CSV
/// and TSV go in pieces of about 64 KiB as they are made, so memory does not grow with the number of
/// reminders; text is a table whose columns fit every row, so it goes whole at the end. Returns how many
/// reminders there were. Not for ics: see render_calendar.
std::size_t write_reminders(renewal::ReminderStream& reminders, date::year_month_day today, ReminderFormat format,
                            const RenderOptions& options, const std::function<void(std::string_view piece)>& write);

/// Takes each event of a calendar, with the line it belongs to.
using CalendarEventSink = std::function<void(const ics::Event& event, const lines::Line& line)>;

/// The events of the calendar render_calendar writes, in its order, one at a time.
void for_each_calendar_event(const catalog::Catalog& catalog, std::span<const lines::Line> lines,
                             const renewal::Window& window, date::year_month_day today, const CalendarOptions& options,
                             i18n::Language language, const CalendarEventSink& take);

/// The iCalendar file of the reminders of `lines` in `window` (renewal::ReminderStream): made one event at a
/// time, so with CalendarOptions::write its memory does not grow with the number of events.
std::string render_calendar(const catalog::Catalog& catalog, std::span<const lines::Line> lines,
                            const renewal::Window& window, date::year_month_day today, const CalendarOptions& options,
                            i18n::Language language);

/// The line and carrier words of one reminder, as the text export writes them ("renew Mint Mobile
/// Unlimited", "service stops if unpaid").
std::string reminder_text(i18n::Language language, const renewal::Reminder& reminder);

/// "mintmobile.com or the Mint Mobile app": the first ways to pay, in one phrase.
std::string how_to_renew_short(i18n::Language language, const renewal::LinePlan& plan);

/// `simplan lines list`; with `taxes`, amounts with estimated taxes and fees.
std::string render_lines(const lines::LinesFile& file, const catalog::Catalog& catalog, date::year_month_day today,
                         const std::optional<tax::TaxRates>& taxes, OutputFormat format, const RenderOptions& options);

/// `simplan renew`: how to pay a carrier (for a line: its plan, amount and due date first; with `taxes`, the
/// amount with estimated taxes and fees).
std::string render_renew_guide(const catalog::Catalog& catalog, const catalog::Carrier& carrier,
                               const lines::Line* line, date::year_month_day today,
                               const std::optional<tax::TaxRates>& taxes, OutputFormat format,
                               const RenderOptions& options);

} // namespace simplan::report
