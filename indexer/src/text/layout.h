// The layout of a legal or administrative document, as far as the relation
// extractor needs it: quoted stretches, the preamble, annexed form
// templates, and the sentences with their list markers. Private to
// vanban_core (src/text). Input: NFC UTF-8; pure functions, thread-safe.
#ifndef VANBAN_SRC_TEXT_LAYOUT_H_
#define VANBAN_SRC_TEXT_LAYOUT_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::text {

// List markers, highest first: a lower number is a higher level.
enum MarkerLevel : int {
  kNoMarker = 0,
  kSectionLetter = 1,  // "A.", "Chương I", "Mục 2", "Phần thứ nhất" (outline.h)
  kRoman = 2,          // "I.", "IV."
  kArticle = 3,        // "Điều 5.", "Điều 5:" (outline.h)
  kClause = 4,         // "1.", "2.1."
  kPoint = 5,          // "a)", "đ)"
  kDash = 6,           // "-", "+"
};

struct Sentence {
  std::size_t start = 0;  // first byte, at its marker if it has one
  std::size_t body = 0;   // first byte after the marker
  std::size_t end = 0;    // one past the last byte, before the terminator
  char terminator = 0;    // '.', ':', '\n' (a new unit follows) or 0 (text end)
  int level = kNoMarker;
};

using Span = std::pair<std::size_t, std::size_t>;  // [first, second)

// The stretches of `text` between “ and ”, nested pairs merged, sorted.
std::vector<Span> quoted_spans(std::string_view text);
// Is byte `pos` inside one of `spans` (sorted, disjoint)?
bool in_spans(const std::vector<Span>& spans, std::size_t pos);

class Layout {
 public:
  explicit Layout(std::string_view text);

  bool in_quote(std::size_t pos) const { return in_spans(quotes_, pos); }
  bool in_template(std::size_t pos) const { return in_spans(templates_, pos); }
  // Bytes before the first article or "QUYẾT ĐỊNH:" line; the whole text
  // when it has none (letters and web pages).
  std::size_t preamble_end() const { return preamble_end_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Index of the sentence that holds byte `pos` (the last one before it).
  std::size_t sentence_at(std::size_t pos) const;
  // The text of the line holding byte `pos` (without its '\n').
  std::string_view line_at(std::size_t pos) const;

 private:
  void find_quotes();
  void find_preamble_end();
  void find_templates();
  void split_sentences();
  bool paragraph_break(std::size_t from, std::size_t next) const;

  std::string_view text_;
  std::vector<Span> quotes_;
  std::vector<Span> templates_;
  std::size_t preamble_end_ = 0;
  std::vector<Sentence> sentences_;
};

// The list marker at the start of `line` (after spaces): its level and
// byte length (0 when there is none).
std::pair<int, std::size_t> marker_at(std::string_view line);

// A heading line: at least two letters and no lower-case letter
// ("THÔNG TƯ", "DANH MỤC VĂN BẢN ... BÃI BỎ TOÀN BỘ").
bool is_heading_line(std::string_view line);

}  // namespace vanban::text

#endif  // VANBAN_SRC_TEXT_LAYOUT_H_
