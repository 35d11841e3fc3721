// iCalendar (RFC 5545) for the obligations' deadlines: a VCALENDAR of
// all-day VEVENTs that Thunderbird, Outlook and phone calendars import.
//
// Lines end in CRLF and are folded at 75 octets (a CRLF and one space),
// never inside a UTF-8 sequence; TEXT values escape '\', ';', ',' and line
// breaks (RFC 5545 3.1 and 3.3.11). Input is UTF-8. Pure functions,
// thread-safe.
#ifndef VANBAN_SERVER_ICAL_H_
#define VANBAN_SERVER_ICAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "vanban/search/obligations.h"

namespace vanban::http {

// One all-day event.
struct CalendarEvent {
  std::string uid;          // globally unique and stable: "<id>@vanban"
  std::string date;         // ISO "YYYY-MM-DD": DTSTART;VALUE=DATE, DTEND the day after
  std::string summary;      // plain text
  std::string description;  // plain text, may hold line breaks
};

// The longest content line, in octets, before folding (RFC 5545 3.1).
inline constexpr std::size_t kMaxLineOctets = 75;

// `value` as an RFC 5545 TEXT value: "\" -> "\\", ";" -> "\;", "," ->
// "\,", a line break (CRLF, LF or CR) -> "\n".
std::string escape_text(std::string_view value);

// One content line (without its line break) folded: after at most
// kMaxLineOctets octets, CRLF and a space, cut before a UTF-8 lead byte.
// Ends in CRLF.
std::string fold_line(std::string_view line);

// The calendar: VERSION, PRODID, CALSCALE, METHOD:PUBLISH, a calendar
// name, and one VEVENT per event (events whose date is not a full ISO date
// are left out). `stamp` is DTSTAMP, UTC "YYYYMMDDTHHMMSSZ".
std::string write_calendar(const std::vector<CalendarEvent>& events, std::string_view stamp);

// An obligation with a deadline date as an event: SUMMARY "Hạn: <assignee>:
// <task>" (or the report and its recipient), DESCRIPTION the deadline as
// printed, the document (title, date, issuer, id) and the evidence.
CalendarEvent calendar_event(const search::Obligation& o);

// The current time as a DTSTAMP ("20240301T101500Z").
std::string utc_stamp_now();

}  // namespace vanban::http

#endif  // VANBAN_SERVER_ICAL_H_
