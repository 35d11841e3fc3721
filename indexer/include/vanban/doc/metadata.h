// Header fields of Vietnamese administrative documents and web articles,
// read from the text itself (Nghị định 30/2020/NĐ-CP lays out the header of
// an official document: issuer, "Số:", "V/v", place and date).
#ifndef VANBAN_DOC_METADATA_H_
#define VANBAN_DOC_METADATA_H_

#include <string>
#include <string_view>

#include "vanban/doc/record.h"

namespace vanban::doc {

// Fills the empty fields of `record` (title, date, type, symbol) from
// `record.text`; fields already set (e.g. from JSONL) are kept. Never throws
// on odd text: a field that cannot be read stays empty.
void fill_metadata(DocumentRecord& record);

// Parses a Vietnamese date phrase at the start of `text`:
// "ngày 29 tháng 02 năm 2024" -> "2024-02-29", "ngày tháng 5 năm 2023" ->
// "2023-05" (a draft whose day was left blank), "03/01/2023" ->
// "2023-01-03", "07-4-2014" -> "2014-04-07". Returns "" if there is none or
// it is not a real calendar date.
std::string parse_date(std::string_view text);

// True for lines of web-page chrome that are not part of a document:
// font-size and contrast buttons, visit counters, rating prompts, share and
// link blocks ("A- A A+ | Tăng tương phản", "Thống kê truy cập").
bool is_boilerplate_line(std::string_view line);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_METADATA_H_
