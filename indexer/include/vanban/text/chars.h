// Small byte-level helpers for UTF-8 text that every module needs, defined
// once: what counts as a space, trimming, lines, cutting on a code point
// boundary. ASCII only: no ICU here, so they are cheap enough for hot
// loops. Thread-safe, no state.
#ifndef VANBAN_TEXT_CHARS_H_
#define VANBAN_TEXT_CHARS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// ASCII white space: ' ', '\t', '\n', '\r', '\v', '\f'.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Spaces inside a line: ' ' and '\t' (not line breaks).
constexpr bool is_inline_space(char c) { return c == ' ' || c == '\t'; }

// True if `s` holds nothing but ASCII white space (or nothing).
bool is_blank(std::string_view s);

// `s` without ASCII white space at either end.
std::string_view trim(std::string_view s);

// The lines of `text`, split at '\n' (the line break of normalized text);
// a final empty line is kept when the text ends with '\n'.
std::vector<std::string_view> split_lines(std::string_view text);

// The longest prefix of `s` of at most `max_bytes` that does not end inside
// a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// `s` cut to at most `max_bytes` on a code point boundary, with "…" added
// when something was cut.
std::string truncate_with_ellipsis(std::string s, std::size_t max_bytes);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CHARS_H_
