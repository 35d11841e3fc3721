// The outline of a legal document: its Phần (parts), Chương (chapters),
// Mục (sections), Tiểu mục (subsections) and Điều (articles), each a
// heading line, for a table of contents with stable anchors ("dieu-5",
// "chuong-ii", "chuong-ii-muc-1"). The one reader of these headings: the
// relation extractor's list markers (src/text/layout.h) use heading_at()
// too.
//
// A heading starts its line: "Chương I", "CHƯƠNG I", "Chương 1", "Mục 1",
// "Tiểu mục 2", "Phần thứ nhất", "PHẦN THỨ BA: CAM KẾT", "Điều 5." or
// "Điều 5:" with its title on the same line or the next. Clauses ("1.")
// are not headings, nor a citation inside a sentence ("theo quy định tại
// Điều 5 của Luật này", a line wrapped before "Điều 5 Nghị định ...") or
// an article quoted by an amending text (“Điều 30a. ...”). Input: NFC
// UTF-8, '\n' line ends. Pure functions, thread-safe; one pass over the
// lines (and one over the text for its quotes).
#ifndef VANBAN_TEXT_OUTLINE_H_
#define VANBAN_TEXT_OUTLINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// Highest first: a part holds chapters, a chapter sections, and so on.
enum class OutlineLevel { kPart, kChapter, kSection, kSubsection, kArticle };

// "phan", "chuong", "muc", "tieu-muc", "dieu": the API's and the anchors'
// names of the levels.
std::string_view to_string(OutlineLevel level);

// A heading at the start of a line.
struct Heading {
  OutlineLevel level = OutlineLevel::kArticle;
  std::size_t label_end = 0;    // bytes of "Điều 5" / "Chương II" (after leading spaces)
  std::size_t marker_end = 0;   // after the '.' or ':' that follows the label, if any
  std::size_t title_start = 0;  // the title on the same line; the line's size if none
};

// The heading `line` (one line, without its '\n') starts with, after
// spaces; nullopt when it starts with none.
std::optional<Heading> heading_at(std::string_view line);

struct OutlineEntry {
  OutlineLevel level = OutlineLevel::kArticle;
  std::string label;   // as printed, spaces collapsed: "Điều 5", "CHƯƠNG II", "Phần thứ nhất"
  std::string title;   // "Phạm vi điều chỉnh", "NHỮNG QUY ĐỊNH CHUNG"; "" if none is printed
  // Lower-case ASCII, unique in the document: the folded label with '-'
  // for spaces ("dieu-5", "phan-thu-nhat"); a section's and a subsection's
  // prefixed with the chapter's (and section's) anchor ("chuong-ii-muc-1")
  // since each chapter numbers its sections from 1; a repeated anchor gets
  // "-2", "-3" in order.
  std::string anchor;
  std::size_t start = 0;  // byte offset of the heading's first character
};

// The headings of `text` in order. Empty for letters, plans and web pages
// (they have none).
std::vector<OutlineEntry> read_outline(std::string_view text);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_OUTLINE_H_
