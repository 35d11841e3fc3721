// Page chrome: what a page carries around the document it shows. Web-page
// chrome is the buttons, counters, menus and share blocks that a web page
// saved as text carries around its article ("A- A A+ | Tăng tương phản",
// "Thống kê truy cập", "Hôm nay : 383", "Chia sẻ :"); the official
// gazette's (Công báo) page furniture is its running heads, page numbers,
// section headings and digital-signature stamps. Both are removed before
// anything is indexed, stored, snippeted or compared; the HTML extractor
// applies the web rules to the text it takes from the DOM. Thread-safe
// (pure functions).
#ifndef VANBAN_DOC_CHROME_H_
#define VANBAN_DOC_CHROME_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::doc {

// Removes web-page chrome from a page's text: the block of chrome lines at
// its start, the trailing block that starts at a chrome line and holds only
// short lines (counters, menus, share buttons), and chrome lines elsewhere.
// Document text without chrome is returned unchanged.
std::string strip_boilerplate(std::string_view text);

// True for lines of web-page chrome that are not part of a document:
// font-size and contrast buttons, visit counters, rating prompts, share and
// link blocks ("A- A A+ | Tăng tương phản", "Thống kê truy cập").
bool is_boilerplate_line(std::string_view line);

// Removes the official gazette's page furniture from `text` (NFC UTF-8,
// '\n' line ends): running heads ("CÔNG BÁO/Số 302/Ngày 02-06-2026") with
// the page number printed beside them, the note that an issue continues
// ("(Xem tiếp Công báo số 715 + 716)"), digital-signature stamps ("Ký bởi:
// ..." through "Ngày ký: ..."), the gazette's section headings at the top
// of a page (is_gazette_heading), and the blank lines around each of them,
// so that a sentence broken by a page reads on. The line kinds are
// text::page_furniture's (chars.h). `offsets` (sorted byte offsets into
// `text`, e.g. where pages start), when given, are moved to the same
// places in the result; an offset inside removed furniture moves to what
// follows it. Text without furniture is returned unchanged.
std::string strip_page_furniture(std::string_view text,
                                 std::vector<std::size_t>* offsets = nullptr);

// True for a section heading of the gazette, printed above the first
// document of a section: "VĂN BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN PHÁP LUẬT
// KHÁC", "VĂN BẢN HỢP NHẤT - BỘ Y TẾ" (the consolidated texts of a body).
bool is_gazette_heading(std::string_view line);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_CHROME_H_
