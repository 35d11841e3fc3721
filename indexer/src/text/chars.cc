#include "vanban/text/chars.h"

#include <algorithm>

namespace vanban::text {

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_ascii_space); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
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

}  // namespace vanban::text
