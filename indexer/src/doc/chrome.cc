#include "vanban/doc/chrome.h"

#include <regex>
#include <vector>

#include "vanban/text/chars.h"
#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

// Lines in a trailing chrome block are short: counters, menu entries.
constexpr std::size_t kMaxChromeTailLineBytes = 160;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

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
