#include "ical.h"

#include <chrono>
#include <ctime>

#include "vanban/text/chars.h"
#include "vanban/text/date.h"

namespace vanban::http {
namespace {

// A summary longer than this is cut (with "…"): calendars show one line.
// 160 bytes hold about 40 Vietnamese syllables, a task's first clause.
constexpr std::size_t kMaxSummaryBytes = 160;

bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// "2023-12-15" -> "20231215"; "" unless a full ISO date.
std::string basic_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return {};
  std::string out;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out.size() == 8 ? out : std::string();
}

std::string vevent(const CalendarEvent& e, std::string_view stamp) {
  const std::string start = basic_date(e.date);
  const std::string end = basic_date(text::add_days(e.date, 1));
  if (start.empty() || end.empty()) return {};
  return fold_line("BEGIN:VEVENT") + fold_line("UID:" + escape_text(e.uid)) +
         fold_line("DTSTAMP:" + std::string(stamp)) +
         fold_line("DTSTART;VALUE=DATE:" + start) + fold_line("DTEND;VALUE=DATE:" + end) +
         fold_line("SUMMARY:" + escape_text(e.summary)) +
         fold_line("DESCRIPTION:" + escape_text(e.description)) +
         fold_line("TRANSP:TRANSPARENT") + fold_line("END:VEVENT");
}

std::string summary(const search::Obligation& o) {
  std::string s = "Hạn: ";
  if (o.kind == search::ObligationKind::kAssignment) {
    s += o.assignee + ": " + o.task;
  } else {
    s += "báo cáo " + o.task;
    if (!o.recipient.empty()) s += " gửi " + o.recipient;
  }
  return text::truncate_with_ellipsis(s, kMaxSummaryBytes);
}

// "Văn bản: <title> (<date>, <issuer>)".
std::string document_line(const search::Obligation& o) {
  std::string about;
  for (const std::string* part : {&o.date, &o.issuer}) {
    if (part->empty()) continue;
    about += (about.empty() ? "" : ", ") + *part;
  }
  return "Văn bản: " + o.title + (about.empty() ? "" : " (" + about + ")");
}

}  // namespace

std::string escape_text(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string fold_line(std::string_view line) {
  std::string out;
  std::size_t budget = kMaxLineOctets;  // the first line; later ones start with a space
  while (line.size() > budget) {
    std::size_t cut = budget;
    while (cut > 0 && utf8_continuation(line[cut])) --cut;
    if (cut == 0) cut = budget;  // not UTF-8: cut anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    budget = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string write_calendar(const std::vector<CalendarEvent>& events, std::string_view stamp) {
  std::string out = fold_line("BEGIN:VCALENDAR") + fold_line("VERSION:2.0") +
                    fold_line("PRODID:-//vanban//Viec can lam//VI") +
                    fold_line("CALSCALE:GREGORIAN") + fold_line("METHOD:PUBLISH") +
                    fold_line("X-WR-CALNAME:" + escape_text("vanban — Việc cần làm"));
  for (const CalendarEvent& e : events) out += vevent(e, stamp);
  return out + fold_line("END:VCALENDAR");
}

CalendarEvent calendar_event(const search::Obligation& o) {
  std::string description = "Hạn: " + o.deadline.text;
  if (o.kind == search::ObligationKind::kAssignment) {
    description += "\nĐơn vị thực hiện: " + o.assignee + "\nNhiệm vụ: " + o.task;
  }
  if (!o.recipient.empty()) description += "\nBáo cáo gửi: " + o.recipient;
  description += "\n" + document_line(o) + "\nMã văn bản: " + o.document_id;
  description += "\n\n" + o.evidence;
  return {o.id + "@vanban", o.deadline.date, summary(o), description};
}

std::string utc_stamp_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return buf;
}

}  // namespace vanban::http
