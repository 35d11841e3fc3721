#include "vanban/doc/chrome.h"

#include <algorithm>
#include <regex>
#include <vector>

#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

// Lines in a trailing chrome block are short: counters, menu entries.
constexpr std::size_t kMaxChromeTailLineBytes = 160;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

using text::Furniture;
using Lines = std::vector<std::string_view>;

// A stamp runs from its first line to its time line over at most this many
// lines: the signer's name may wrap ("Ký bởi: Cổng Thông tin điện tử
// Chính" / "phủ"), then "Email:", "Cơ quan:", "Thời gian ký:".
constexpr std::size_t kMaxStampLines = 6;
// Section headings sit in the first lines of a page.
constexpr std::size_t kPageTopLines = 3;


// The first non-blank line at or after `i`; lines.size() if none.
std::size_t next_content(const Lines& lines, std::size_t i) {
  while (i < lines.size() && text::is_blank(lines[i], true)) ++i;
  return i;
}

// A stamp's lines from its first one at `i`, through its time line: the
// lines between are its fields and the wrapped name. Without a time line
// close enough, only the first line is a stamp's.
void mark_stamp(const Lines& lines, std::size_t i, std::vector<bool>& drop) {
  drop[i] = true;
  for (std::size_t j = i + 1; j < lines.size() && j <= i + kMaxStampLines; ++j) {
    if (text::page_furniture(lines[j]) != Furniture::kStampTime) continue;
    std::fill(drop.begin() + static_cast<std::ptrdiff_t>(i), drop.begin() + static_cast<std::ptrdiff_t>(j) + 1, true);
    return;
  }
}

// Gazette section headings in the first lines of a page, from `i`. A
// heading that names the body of consolidated texts takes the capitalized
// lines its name wraps over ("VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG
// BINH" / "VÀ XÃ HỘI"); a bare "VĂN BẢN HỢP NHẤT -" leaves the body's name
// on its own lines, where it reads as the issuer.
void mark_page_top(const Lines& lines, std::size_t i, std::vector<bool>& drop) {
  for (std::size_t k = 0; k < kPageTopLines; ++k) {
    i = next_content(lines, i);
    if (i == lines.size() || !is_gazette_heading(lines[i])) return;
    drop[i] = true;
    const std::string_view heading = text::trim(lines[i], "-");
    if (text::fold(heading) != "van ban hop nhat") {
      for (; i + 1 < lines.size() && !text::is_blank(lines[i + 1], true) && text::all_upper(lines[i + 1]) &&
             text::fold(lines[i + 1]).find("cong hoa") == std::string::npos;
           ++i) {
        drop[i + 1] = true;
      }
    }
    ++i;
  }
}

// A running head, with its page number printed before or after it, and
// what the top of the page starts with.
void mark_head(const Lines& lines, std::size_t i, std::vector<bool>& drop) {
  drop[i] = true;
  std::size_t before = i;
  while (before > 0 && text::is_blank(lines[before - 1], true)) --before;
  if (before > 0 && text::page_furniture(lines[before - 1]) == Furniture::kPageNumber) {
    drop[before - 1] = true;
  }
  std::size_t after = next_content(lines, i + 1);
  if (after < lines.size() && text::page_furniture(lines[after]) == Furniture::kPageNumber) {
    drop[after] = true;
    ++after;
  }
  mark_page_top(lines, after, drop);
}

std::vector<bool> mark_furniture(const Lines& lines) {
  std::vector<bool> drop(lines.size(), false);
  mark_page_top(lines, 0, drop);  // the text starts a page
  for (std::size_t i = 0; i < lines.size(); ++i) {
    switch (text::page_furniture(lines[i])) {
      case Furniture::kRunningHead: mark_head(lines, i, drop); break;
      case Furniture::kStampStart: mark_stamp(lines, i, drop); break;
      case Furniture::kStampTime: drop[i] = true; break;
      default: break;
    }
  }
  return drop;
}

// Blank lines next to removed furniture go with it: a page break inside a
// paragraph is no paragraph break.
void drop_blank_neighbours(const Lines& lines, std::vector<bool>& drop) {
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = i;
    bool any = false;
    while (end < lines.size() && (drop[end] || text::is_blank(lines[end], true))) any |= drop[end++];
    if (any) std::fill(drop.begin() + static_cast<std::ptrdiff_t>(i), drop.begin() + static_cast<std::ptrdiff_t>(end), true);
    i = end == i ? i + 1 : end;
  }
}

// The kept lines joined, with `offsets` moved along.
std::string keep_lines(std::string_view text, const Lines& lines, const std::vector<bool>& drop,
                       std::vector<std::size_t>* offsets) {
  std::string out;
  out.reserve(text.size());
  std::vector<std::size_t> in_start, out_start;  // of each line; out: where it went or would go
  for (std::size_t i = 0; i < lines.size(); ++i) {
    in_start.push_back(static_cast<std::size_t>(lines[i].data() - text.data()));
    if (!drop[i] && !out.empty()) out += '\n';
    out_start.push_back(out.size());
    if (!drop[i]) out.append(lines[i]);
  }
  if (offsets == nullptr) return out;
  for (std::size_t& o : *offsets) {
    const auto line = std::upper_bound(in_start.begin(), in_start.end(), o) - in_start.begin() - 1;
    const auto k = static_cast<std::size_t>(std::max<std::ptrdiff_t>(line, 0));
    // A removed line's offset moves to the next kept line, after the '\n'
    // that joins it to what was kept before.
    o = drop[k] ? out_start[k] + (out_start[k] > 0 ? 1 : 0)
                : out_start[k] + std::min(o - in_start[k], lines[k].size());
    o = std::min(o, out.size());
  }
  return out;
}

}  // namespace

bool is_gazette_heading(std::string_view line) {
  const std::string f = text::fold(text::collapse_spaces(line));
  return f == "van ban quy pham phap luat" || f == "van ban phap luat khac" ||
         starts_with(f, "van ban hop nhat -");
}

std::string strip_page_furniture(std::string_view text, std::vector<std::size_t>* offsets) {
  const Lines lines = text::split_lines(text);
  std::vector<bool> drop = mark_furniture(lines);
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return std::string(text);
  drop_blank_neighbours(lines, drop);
  return keep_lines(text, lines, drop, offsets);
}

bool is_boilerplate_line(std::string_view line) {
  // Chrome lines are short; a paragraph of text never is one, and folding
  // every paragraph would cost more than the rest of the check.
  line = text::trim(line);
  if (line.size() > kMaxChromeTailLineBytes) return false;
  const std::string f = text::fold(line);
  if (f.empty()) return false;
  static const char* const kPrefixes[] = {
      "a- a a+",           "thong ke truy cap",    "tong so diem cua bai viet",
      "click de danh gia", "lien ket website",     "bai viet cung chuyen muc",
      "bai viet moi",      "view counter",         "views today",
      "views this month",  "views this year",      "total views",
      "skip to content",   "y kien ban doc",       "dang truy cap",
      "• dang truy cap",   "• may chu tim kiem",   "• khach vieng tham",
      "• hom nay",         "• thang hien tai",     "• tong luot truy cap",
      "may chu tim kiem",  "khach vieng tham",     "thang hien tai",
      "tong luot truy cap", "ban da khong su dung site",
  };
  for (const char* p : kPrefixes) {
    if (starts_with(f, p)) return true;
  }
  static const std::regex counter(R"(^(?:hom nay|hom qua)\s*:?\s*[\d.,]+$)");
  if (std::regex_match(f, counter)) return true;
  static const char* const kWhole[] = {"chia se :", "chia se:", "chia se", "language",
                                       "zalo",      "fb",        "facebook", "in bai viet"};
  for (const char* w : kWhole) {
    if (f == w) return true;
  }
  return f.find("tang tuong phan") != std::string::npos ||
         f.find("giam tuong phan") != std::string::npos;
}

std::string strip_boilerplate(std::string_view text) {
  const std::vector<std::string_view> lines = text::split_lines(text);
  const std::size_t n = lines.size();
  std::vector<bool> drop(n, false);
  bool any = false;
  // Leading chrome.
  for (std::size_t i = 0; i < n; ++i) {
    if (text::trim(lines[i]).empty()) continue;
    if (!is_boilerplate_line(lines[i])) break;
    drop[i] = any = true;
  }
  // Trailing block: from the first chrome line in the second half after
  // which every line is short.
  std::size_t tail = n;
  for (std::size_t i = n; i-- > n / 2;) {
    if (lines[i].size() > kMaxChromeTailLineBytes) break;
    if (is_boilerplate_line(lines[i])) tail = i;
  }
  for (std::size_t i = tail; i < n; ++i) drop[i] = any = true;
  // Chrome lines anywhere else.
  for (std::size_t i = 0; i < n; ++i) {
    if (!drop[i] && is_boilerplate_line(lines[i])) drop[i] = any = true;
  }
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    out.append(lines[i]);
    out += '\n';
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && out[lead] == '\n') ++lead;
  return out.substr(lead);
}

}  // namespace vanban::doc
