// The layout of one page from the boxes of its words, whether they come from
// a PDF's text layer or from OCR: lines cut where a column gap runs through
// them, stacked into blocks (a column, a cell of a borderless layout table),
// and the blocks put in reading order. An official letter's header, issuer
// and "Số:" on the left and the Quốc hiệu and date on the right, comes out
// left block first, then right, then the body below both.
//
// All functions are pure and thread-safe.
#ifndef VANBAN_DOC_FORMATS_PAGE_LAYOUT_H_
#define VANBAN_DOC_FORMATS_PAGE_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::doc {

// A rectangle in page coordinates, y growing downwards: points for a PDF's
// text layer, pixels for OCR. Only ratios to the line height are used, so
// the unit does not matter.
struct Box {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;

  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

struct WordBox {
  std::string text;  // UTF-8, any normalization form
  Box box;
  // False when the next word of the line touches this one (a change of
  // font inside a word): no space between them, unless the boxes are
  // apart.
  bool space_after = true;
};

// The words of one page in lines as their source found them (a PDF text
// row, a Tesseract text line), each line left to right; the lines in any
// order.
struct PageWords {
  std::vector<std::vector<WordBox>> lines;
};

// A line of a block: the words of a source line between two column gaps.
struct LayoutLine {
  std::string text;  // NFC, cleaned (see clean_line_text), words joined by spaces
  Box box;
  double first_word_width = 0;
  // The line ended with a soft hyphen (U+00AD), which clean_line_text drops:
  // the word goes on in the next line.
  bool soft_hyphen_end = false;
};

// Lines stacked at line spacing, top to bottom, overlapping horizontally.
struct LayoutBlock {
  std::vector<LayoutLine> lines;
  Box box;
};

// The blocks of a page in reading order: bands of blocks side by side
// (their vertical extents overlap) top to bottom; within a band, a block
// comes after the blocks above it that it overlaps horizontally and after
// the blocks to its left that it overlaps vertically; otherwise the one
// further down the current column, then the topmost, comes first. A page
// with more than
// kMaxLayoutWords words (no real page has) gets one block per source line
// in source order, so layout time stays bounded.
std::vector<LayoutBlock> lay_out_page(const PageWords& page);

inline constexpr std::size_t kMaxLayoutWords = 10000;

// The text of a line as downstream wants it: NFC; no control characters;
// no-break and other spaces as " "; Unicode hyphens (U+2010, U+2011) as
// "-"; soft hyphens dropped; a bullet glyph at the start (•, ▪, Word's
// Symbol-font bullets in the private use area) as "-".
std::string clean_line_text(std::string_view utf8);

// The median of `values` (the upper one of an even count), 0 for none:
// the usual line height or gap of a page or block.
double median(std::vector<double> values);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_PAGE_LAYOUT_H_
