// Web-page chrome: the buttons, counters, menus and share blocks that a
// web page saved as text carries around its article ("A- A A+ | Tăng tương
// phản", "Thống kê truy cập", "Hôm nay : 383", "Chia sẻ :"). Removed before
// anything is indexed, stored, snippeted or compared; the HTML extractor
// applies the same rules to the text it takes from the DOM.
#ifndef VANBAN_DOC_CHROME_H_
#define VANBAN_DOC_CHROME_H_

#include <string>
#include <string_view>

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

}  // namespace vanban::doc

#endif  // VANBAN_DOC_CHROME_H_
