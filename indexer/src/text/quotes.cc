#include "text/quotes.h"

#include <algorithm>

namespace vanban::text {
namespace {

constexpr std::string_view kCurlyOpen = "\u201C";
constexpr std::string_view kCurlyClose = "\u201D";

}  // namespace

std::vector<Quote> find_quotes(std::string_view text) {
  std::vector<Quote> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool curly = text.substr(i, kCurlyOpen.size()) == kCurlyOpen;
    if (!curly && text[i] != '"') {
      ++i;
      continue;
    }
    const std::size_t begin = i + (curly ? kCurlyOpen.size() : 1);
    // A quote never spans lines: look for its end on this line only, so an
    // unclosed mark costs one line, not the rest of a 160,000-byte law.
    const std::size_t line_end = std::min(text.find('\n', begin), text.size());
    const std::string_view line = text.substr(begin, line_end - begin);
    const std::size_t e = line.find(curly ? kCurlyClose : std::string_view("\""));
    if (e == std::string_view::npos) {
      i = begin;
      continue;
    }
    const std::size_t reopen = curly ? line.find(kCurlyOpen) : std::string_view::npos;
    if (reopen != std::string_view::npos && reopen < e) {
      i = begin + reopen;
      continue;
    }
    const std::size_t close_len = curly ? kCurlyClose.size() : 1;
    out.push_back({i, begin, begin + e, begin + e + close_len});
    i = begin + e + close_len;
  }
  return out;
}

}  // namespace vanban::text
