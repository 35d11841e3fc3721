// Header fields of Vietnamese administrative documents and web articles,
// read from the text itself (Nghị định 30/2020/NĐ-CP lays out the header of
// an official document: issuer, "Số:", "V/v", place and date).
#ifndef VANBAN_DOC_METADATA_H_
#define VANBAN_DOC_METADATA_H_

#include <string>
#include <string_view>

#include "vanban/doc/record.h"

namespace vanban::doc {

// Fills the empty fields of `record` (title, date, type, symbol, issuer,
// subject, recipients, distribution list, signer) from `record.text`;
// fields already set (e.g. from JSONL) are kept. Never throws on odd text:
// a field that cannot be read stays empty.
void fill_metadata(DocumentRecord& record);

// Removes web-page chrome from a page's text: the block of chrome lines at
// its start, the trailing block that starts at a chrome line and holds only
// short lines (counters, menus, share buttons), and chrome lines elsewhere.
// Document text without chrome is returned unchanged.
std::string strip_boilerplate(std::string_view text);

// True for lines of web-page chrome that are not part of a document:
// font-size and contrast buttons, visit counters, rating prompts, share and
// link blocks ("A- A A+ | Tăng tương phản", "Thống kê truy cập").
bool is_boilerplate_line(std::string_view line);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_METADATA_H_
