// Vietnamese date phrases -> ISO 8601 strings.
#ifndef VANBAN_TEXT_DATE_H_
#define VANBAN_TEXT_DATE_H_

#include <string>
#include <string_view>

namespace vanban::text {

// "YYYY-MM-DD", or "YYYY-MM" when `day` is 0 (a draft that left the day
// blank). "" if it is not a real calendar date between 1900 and 2100.
std::string iso_date(int year, int month, int day);

// Parses a date phrase at the start of `text`: "ngày 29 tháng 02 năm 2024"
// -> "2024-02-29", "ngày tháng 5 năm 2023" -> "2023-05", "ngày 07/4/2014",
// "07-4-2014", "03/01/2023 15:53" -> ISO. With or without diacritics.
// Returns "" if there is none.
std::string parse_date(std::string_view text);

// `iso` ("YYYY-MM-DD") moved by `days` (may be negative) on the Gregorian
// calendar: add_days("2024-04-26", 30) -> "2024-05-26". "" if `iso` is not
// a full date or the result falls outside 1900-2100.
std::string add_days(std::string_view iso, int days);

// A date filter's bound as a sortable "YYYYMMDD": "2023", "2023-05" or
// "2023-05-30" -> "20230000", "20230500", "20230530" as a lower bound;
// `upper` fills the missing part with 9s ("20239999"). "" if `iso` is not
// 4, 6 or 8 digits with optional '-'.
std::string date_bound(std::string_view iso, bool upper);

// True if `s` is exactly a real calendar day "YYYY-MM-DD" (1900-2100).
bool is_iso_day(std::string_view s);

// An ISO date as Vietnamese documents write it: "2014-04-07" ->
// "07/04/2014", "2023-05" -> "05/2023", "2023" -> "2023". Anything else
// (also "") is returned as it is.
std::string vietnamese_date(std::string_view iso);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_DATE_H_
