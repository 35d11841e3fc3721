#include "vanban/text/chars.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <utility>

namespace vanban::text {

std::size_t space_at(std::string_view s, std::size_t i, bool line_breaks) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == ' ' || c == '\t') return 1;
  if (line_breaks && (c == '\n' || c == '\r')) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  return 0;
}

bool is_blank(std::string_view s, bool line_breaks) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = space_at(s, i, line_breaks);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string_view trim(std::string_view s, std::string_view also) {
  auto drop_byte = [&](char c) { return also.find(c) != std::string_view::npos; };
  for (;;) {
    if (const std::size_t n = space_at(s, 0, true)) {
      s.remove_prefix(n);
    } else if (!s.empty() && drop_byte(s.front())) {
      s.remove_prefix(1);
    } else {
      break;
    }
  }
  for (;;) {
    // NBSP is two bytes: look at the last two before the last one.
    if (s.size() >= 2 && space_at(s, s.size() - 2) == 2) {
      s.remove_suffix(2);
    } else if (!s.empty() && (space_at(s, s.size() - 1, true) == 1 || drop_byte(s.back()))) {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  return s;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = is_inline_space(c);
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::size_t next_line(std::string_view text, std::size_t pos) {
  const std::size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

std::string collapse_spaces(std::string_view s, std::string_view drop, std::size_t max_bytes) {
  // What each byte is: 0 part of a run that is copied as it is, 1 a space
  // or line break, 2 a byte of `drop`, 3 C2 (U+00A0 when A0 follows).
  std::array<std::uint8_t, 256> kind{};
  for (const char c : {' ', '\t', '\n', '\r'}) kind[static_cast<std::uint8_t>(c)] = 1;
  for (const char c : drop) kind[static_cast<std::uint8_t>(c)] = 2;
  kind[0xC2] = 3;
  std::string out;
  out.reserve(std::min(s.size(), max_bytes));
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size() && out.size() < max_bytes;) {
    // A run of text, single spaces between its words included.
    std::size_t end = i;
    auto plain = [&](std::size_t at) { return at < s.size() && kind[static_cast<std::uint8_t>(s[at])] == 0; };
    while (end - i < max_bytes) {
      while (plain(end)) ++end;
      if (end < s.size() && kind[static_cast<std::uint8_t>(s[end])] == 3 && space_at(s, end) == 0) {
        ++end;  // C2 starts a letter, not U+00A0
      } else if (end > i && end < s.size() && s[end] == ' ' && plain(end + 1)) {
        ++end;
      } else {
        break;
      }
    }
    if (end > i) {  // one copy
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(s, i, end - i);
      i = end;
      continue;
    }
    const std::size_t space = space_at(s, i, true);
    if (space) pending_space = !out.empty();
    i += space ? space : 1;  // else a byte of `drop`
  }
  return out;
}

Furniture page_furniture(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty()) return Furniture::kNone;
  if (t.find_first_not_of("0123456789") == std::string_view::npos) {
    // A page number; longer digit runs are content.
    return t.size() <= 4 ? Furniture::kPageNumber : Furniture::kNone;
  }
  static constexpr std::string_view kHead = "CÔNG BÁO";
  static constexpr std::string_view kContinued[] = {"(Xem tiếp Công báo", "(Xem tiếp theo Công báo"};
  static constexpr std::pair<std::string_view, Furniture> kStamp[] = {
      {"Ký bởi:", Furniture::kStampStart},      {"Người ký:", Furniture::kStampStart},
      {"Email:", Furniture::kStampField},       {"Cơ quan:", Furniture::kStampField},
      {"Thời gian ký:", Furniture::kStampTime}, {"Ngày ký:", Furniture::kStampTime}};
  if (t.starts_with(kHead)) return Furniture::kRunningHead;
  for (const std::string_view start : kContinued) {
    if (t.starts_with(start)) return Furniture::kRunningHead;
  }
  for (const auto& [start, kind] : kStamp) {
    if (t.starts_with(start)) return kind;
  }
  // A running head with the page number first: "64 CÔNG BÁO/Số ...".
  const std::size_t digits = t.find_first_not_of("0123456789 ");
  const bool numbered_head = digits != 0 && digits != std::string_view::npos &&
                             t.substr(digits, kHead.size()) == kHead;
  return numbered_head ? Furniture::kRunningHead : Furniture::kNone;
}

bool is_page_furniture(std::string_view line) { return page_furniture(line) != Furniture::kNone; }

std::string clean_span(std::string_view span) {
  std::string kept;
  kept.reserve(span.size());
  for (std::size_t from = 0; from <= span.size();) {
    std::size_t to = span.find('\n', from);
    if (to == std::string_view::npos) to = span.size();
    const std::string_view line = span.substr(from, to - from);
    if (!is_page_furniture(line)) {
      kept.append(line);
      kept += ' ';
    }
    from = to + 1;
  }
  return collapse_spaces(kept);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const auto end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(pos, end - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  // Back off continuation bytes (10xxxxxx) to the start of their sequence.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::string truncate_with_ellipsis(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  s.resize(utf8_prefix(s, max_bytes).size());
  return s + "…";
}

std::size_t code_point_offset(std::string_view text, std::size_t byte_offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<std::size_t> code_point_offsets(std::string_view text,
                                            const std::vector<std::size_t>& bytes) {
  std::vector<std::size_t> out;
  out.reserve(bytes.size());
  std::size_t points = 0, at = 0;
  for (const std::size_t b : bytes) {
    for (; at < b && at < text.size(); ++at) points += (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    out.push_back(points);
  }
  return out;
}

}  // namespace vanban::text
