#include "doc/formats/page_layout.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

// A gap between two words of a line wider than this many line heights (the
// tallest word box of the line) is a column gap: the gutter of a layout
// table, a page number beside a running header. Measured on the seed PDFs:
// justified body text stretches its spaces to at most 0.5 line heights;
// the header table of letter 001 leaves 2.6 between "ỦY BAN NHÂN DÂN" and
// "CỘNG HÒA ...".
constexpr double kColumnGapEm = 1.5;

// Lines stack into one block while the gap from one line's bottom to the
// next one's top exceeds the page's usual line gap by less than this many
// line heights. Measured: the seed PDFs' line gap is 0.15 (text boxes are
// font boxes), their OCR's 0.32 (boxes hug the ink); 6 pt of paragraph
// spacing at 13 pt adds 0.42 (PDF) to 0.48 (OCR); the 12 pt left under a
// header table adds 0.8 or more.
constexpr double kMaxStackGapEm = 0.6;
// The page's usual line gap counts up to this many line heights (a page of
// a few lines has no usual gap: its header's distance is not one).
constexpr double kMaxLineGapEm = 0.5;

// Words further apart than this many line heights have a space between
// them, whatever their source says: poppler marks the words of "- 1 -"
// drawn by one string as touching. A space is 0.24 line heights in the
// seed PDFs (Liberation Serif); the pieces of a word split by a font
// change touch (0).
constexpr double kSpaceGapEm = 0.1;

// Positions closer than this many line heights count as touching: box
// edges of OCR words wobble by a few pixels.
constexpr double kTouchEm = 0.3;

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}
double x_overlap(const Box& a, const Box& b) { return overlap(a.left, a.right, b.left, b.right); }
double y_overlap(const Box& a, const Box& b) { return overlap(a.top, a.bottom, b.top, b.bottom); }

Box unite(const Box& a, const Box& b) {
  return {std::min(a.left, b.left), std::min(a.top, b.top), std::max(a.right, b.right),
          std::max(a.bottom, b.bottom)};
}

// Bullet glyphs that start list items: •, ‣, ▪, ●, ◦, and the Symbol and
// Wingdings bullets Word writes into the private use area.
bool is_bullet(UChar32 c) {
  return c == 0x2022 || c == 0x2023 || c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0xF0B7 ||
         c == 0xF0A7 || c == 0xF0D8 || c == 0xF076;
}

// One code point of clean_line_text: appended as is, mapped, or dropped.
void append_clean(UChar32 c, std::string& out) {
  if (u_isUWhiteSpace(c)) {
    c = ' ';  // tabs, line breaks and no-break spaces too
  } else if (c == 0x00AD || c == 0x200B || c == 0xFEFF || u_iscntrl(c)) {
    return;
  }
  if (c == 0x2010 || c == 0x2011) c = '-';
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<std::size_t>(n));
}

bool ends_with_soft_hyphen(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xAD";
}

// The words [begin, end) of a source line as one layout line.
LayoutLine make_line(const std::vector<WordBox>& words, std::size_t begin, std::size_t end) {
  LayoutLine line;
  line.box = words[begin].box;
  line.first_word_width = words[begin].box.width();
  std::string raw;
  for (std::size_t i = begin; i < end; ++i) {
    raw += words[i].text;
    if (i + 1 < end && (words[i].space_after || words[i + 1].box.left - words[i].box.right >
                                                    kSpaceGapEm * words[i].box.height())) {
      raw += ' ';
    }
    line.box = unite(line.box, words[i].box);
  }
  line.soft_hyphen_end = ends_with_soft_hyphen(raw);
  line.text = clean_line_text(raw);
  return line;
}

// A source line cut at its column gaps, blank words dropped.
void split_at_column_gaps(std::vector<WordBox> words, std::vector<LayoutLine>& out) {
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const WordBox& w) {
                               return w.text.find_first_not_of(' ') == std::string::npos;
                             }),
              words.end());
  if (words.empty()) return;
  std::stable_sort(words.begin(), words.end(),
                   [](const WordBox& a, const WordBox& b) { return a.box.left < b.box.left; });
  double height = 0;
  for (const WordBox& w : words) height = std::max(height, w.box.height());
  const double gap_limit = kColumnGapEm * height;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= words.size(); ++i) {
    if (i == words.size() || words[i].box.left - words[i - 1].box.right > gap_limit) {
      LayoutLine line = make_line(words, begin, i);
      if (!line.text.empty() && line.text.find_first_not_of(' ') != std::string::npos) {
        out.push_back(std::move(line));
      }
      begin = i;
    }
  }
}

// The block `line` continues: the one whose last line sits just above it
// (at most `line_gap` plus kMaxStackGapEm line heights), overlapping it
// horizontally, when there is exactly one such block and no other block
// beside that one reaches into the line (a line spanning two columns
// starts a block of its own). -1 for a new block.
int block_to_continue(const std::vector<LayoutBlock>& blocks, const LayoutLine& line,
                      double line_gap) {
  int found = -1;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const LayoutLine& last = blocks[i].lines.back();
    const double h = std::max(last.box.height(), line.box.height());
    const double gap = line.box.top - last.box.bottom;
    if (x_overlap(last.box, line.box) <= 0 ||
        gap > std::min(line_gap, kMaxLineGapEm * h) + kMaxStackGapEm * h ||
        line.box.top < last.box.top + 0.5 * last.box.height()) {
      continue;
    }
    if (found >= 0) return -1;
    found = static_cast<int>(i);
  }
  if (found < 0) return -1;
  const Box& chosen = blocks[static_cast<std::size_t>(found)].box;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (static_cast<int>(i) != found && x_overlap(blocks[i].box, line.box) > 0 &&
        y_overlap(blocks[i].box, chosen) > 0) {
      return -1;
    }
  }
  return found;
}

// The page's usual gap between a line and the next one below it (the
// nearest line under it that overlaps it horizontally). `lines` sorted
// by top.
double usual_line_gap(const std::vector<LayoutLine>& lines) {
  std::vector<double> gaps;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Box& a = lines[i].box;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const Box& b = lines[j].box;
      if (b.top > a.bottom + 2 * a.height()) break;  // too far: no line right below
      if (b.top >= a.bottom - kTouchEm * a.height() && x_overlap(a, b) > 0) {
        gaps.push_back(std::max(0.0, b.top - a.bottom));
        break;
      }
    }
  }
  return median(std::move(gaps));
}

std::vector<LayoutBlock> stack_into_blocks(std::vector<LayoutLine> lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const LayoutLine& a, const LayoutLine& b) {
    return a.box.top != b.box.top ? a.box.top < b.box.top : a.box.left < b.box.left;
  });
  const double line_gap = usual_line_gap(lines);
  std::vector<LayoutBlock> blocks;
  for (LayoutLine& line : lines) {
    const int i = block_to_continue(blocks, line, line_gap);
    if (i < 0) {
      blocks.push_back({{}, line.box});
    }
    LayoutBlock& block = i < 0 ? blocks.back() : blocks[static_cast<std::size_t>(i)];
    block.box = unite(block.box, line.box);
    block.lines.push_back(std::move(line));
  }
  return blocks;
}

double touch_tolerance(const LayoutBlock& a, const LayoutBlock& b) {
  return kTouchEm * std::min(a.lines.front().box.height(), b.lines.front().box.height());
}

// `a` must be read before `b`: it is above b and overlaps it horizontally,
// or it is left of b and overlaps it vertically.
bool reads_before(const LayoutBlock& a, const LayoutBlock& b) {
  const double tol = touch_tolerance(a, b);
  return (a.box.bottom <= b.box.top + tol && x_overlap(a.box, b.box) > 0) ||
         (a.box.right <= b.box.left + tol && y_overlap(a.box, b.box) > tol);
}

// Of the blocks ready to be read, the one just below `last` in its column,
// else the topmost (the leftmost of those level with each other).
std::size_t pick_next(const std::vector<LayoutBlock>& blocks, const std::vector<std::size_t>& ready,
                      const LayoutBlock* last) {
  std::size_t best = ready.front();
  bool best_below = false;
  for (const std::size_t i : ready) {
    const Box& b = blocks[i].box;
    const bool below = last != nullptr && x_overlap(last->box, b) > 0 &&
                       b.top >= last->box.bottom - touch_tolerance(*last, blocks[i]);
    const Box& cur = blocks[best].box;
    const double tol = touch_tolerance(blocks[best], blocks[i]);
    const bool higher = b.top < cur.top - tol || (b.top <= cur.top + tol && b.left < cur.left);
    if ((below && !best_below) || (below == best_below && (below ? b.top < cur.top : higher))) {
      best = i;
      best_below = below;
    }
  }
  return best;
}

// Appends the blocks of one band to `out` in reading order: Kahn's
// topological sort over reads_before; a cycle (boxes that overlap both
// ways) is broken by reading the topmost remaining block.
void order_band(std::vector<LayoutBlock> blocks, std::vector<LayoutBlock>& out) {
  const std::size_t n = blocks.size();
  std::vector<std::size_t> waiting_for(n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a != b && reads_before(blocks[a], blocks[b])) ++waiting_for[b];
    }
  }
  std::vector<bool> done(n, false);
  std::vector<std::size_t> order;
  while (order.size() < n) {
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i) {
      if (!done[i] && waiting_for[i] == 0) ready.push_back(i);
    }
    if (ready.empty()) {
      for (std::size_t i = 0; i < n; ++i) {
        if (!done[i]) ready.push_back(i);
      }
    }
    const std::size_t next =
        pick_next(blocks, ready, order.empty() ? nullptr : &blocks[order.back()]);
    done[next] = true;
    order.push_back(next);
    for (std::size_t b = 0; b < n; ++b) {
      if (!done[b] && waiting_for[b] > 0 && reads_before(blocks[next], blocks[b])) --waiting_for[b];
    }
  }
  for (const std::size_t i : order) out.push_back(std::move(blocks[i]));
}

// Bands are runs of blocks whose vertical extents overlap (the cells of a
// letter's header side by side, the columns of a page); they are read top
// to bottom, so what lies below the whole header comes after all of it.
std::vector<LayoutBlock> order_blocks(std::vector<LayoutBlock> blocks) {
  std::stable_sort(blocks.begin(), blocks.end(), [](const LayoutBlock& a, const LayoutBlock& b) {
    return a.box.top < b.box.top;
  });
  std::vector<LayoutBlock> out, band;
  out.reserve(blocks.size());
  double band_bottom = 0;
  for (LayoutBlock& block : blocks) {
    const double tol = kTouchEm * block.lines.front().box.height();
    if (!band.empty() && block.box.top >= band_bottom - tol) {
      order_band(std::move(band), out);
      band.clear();
    }
    band_bottom = band.empty() ? block.box.bottom : std::max(band_bottom, block.box.bottom);
    band.push_back(std::move(block));
  }
  if (!band.empty()) order_band(std::move(band), out);
  return out;
}

// Past kMaxLayoutWords: each source line is a block, in source order.
std::vector<LayoutBlock> lines_as_blocks(const PageWords& page) {
  std::vector<LayoutBlock> blocks;
  for (const auto& words : page.lines) {
    if (words.empty()) continue;
    LayoutLine line = make_line(words, 0, words.size());
    if (line.text.empty()) continue;
    blocks.push_back({{}, line.box});
    blocks.back().lines.push_back(std::move(line));
  }
  return blocks;
}

}  // namespace

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

std::string clean_line_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto n = static_cast<int32_t>(std::min<std::size_t>(
      utf8.size(), static_cast<std::size_t>(std::numeric_limits<int32_t>::max())));
  bool at_start = true;
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0) c = 0xFFFD;  // ill-formed bytes
    if (at_start && is_bullet(c)) {
      out += "- ";
    } else {
      append_clean(c, out);
    }
    at_start = at_start && (out.empty() || out.find_first_not_of(' ') == std::string::npos);
  }
  // One space between words, none around the line.
  std::string squeezed;
  squeezed.reserve(out.size());
  for (const char ch : out) {
    if (ch != ' ' || (!squeezed.empty() && squeezed.back() != ' ')) squeezed += ch;
  }
  while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  return text::to_nfc(squeezed);
}

std::vector<LayoutBlock> lay_out_page(const PageWords& page) {
  std::size_t words = 0;
  for (const auto& line : page.lines) words += line.size();
  if (words > kMaxLayoutWords) return lines_as_blocks(page);
  std::vector<LayoutLine> lines;
  for (const auto& source_line : page.lines) split_at_column_gaps(source_line, lines);
  return order_blocks(stack_into_blocks(std::move(lines)));
}

}  // namespace vanban::doc
