// The text of laid-out pages (page_layout.h), from a PDF's text layer or
// from OCR alike: running headers and footers and page numbers dropped,
// lines joined into paragraphs, page starts recorded.
//
// A line is joined to the next one unless it ends its paragraph: the next
// line starts a list item ("1.", "a)", "-", "Điều 5.", "Thứ hai,"), either
// line is a heading in capitals, the font size changes, a paragraph gap or
// a first-line indent follows, or the next line's first word would have fit
// at the end of this one (the writer broke the line on purpose). A line
// that ends in a hyphen or slash glued to a letter or digit goes on without
// a space, so symbols and dates broken across lines ("34-" / "CT/TW",
// "30/2020/" / "NĐ-CP") come out whole.
//
// All functions are pure and thread-safe.
#ifndef VANBAN_DOC_FORMATS_PAGE_TEXT_H_
#define VANBAN_DOC_FORMATS_PAGE_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "doc/formats/page_layout.h"

namespace vanban::doc {

// The blocks of one page in reading order (lay_out_page).
using PageBlocks = std::vector<LayoutBlock>;

struct PagedText {
  // NFC UTF-8: one paragraph per line, a blank line between blocks and
  // between pages (unless a paragraph runs on from one to the next).
  std::string text;
  // Byte offset in `text` where each page's text starts, page 1 first; a
  // page without text starts where the next text would.
  std::vector<std::size_t> page_starts;
};

// Drops running headers and footers (a line among the first or last two
// rows of a page that recurs, digits aside, on at least half of the pages,
// and on two at least: "CÔNG BÁO/Số 987 + 988/Ngày 25-8-2024") and page
// numbers ("3", "- 3 -", "Trang 3", "3/12" alone in the first or last row,
// set apart from the text), then joins lines into paragraphs.
PagedText assemble_pages(std::vector<PageBlocks> pages);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_PAGE_TEXT_H_
