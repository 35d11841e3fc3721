// Small byte-level helpers for UTF-8 text that every module needs, defined
// once: what counts as a space, trimming, collapsing whitespace, lines,
// cutting on a code point boundary. Shared by the loader, the header
// parser, the symbol scanner, the citation grammar, the relation extractor
// and the search side so that "space" means one thing in all of them. No
// ICU; thread-safe (pure functions).
#ifndef VANBAN_TEXT_CHARS_H_
#define VANBAN_TEXT_CHARS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// Spaces inside a line, as ASCII bytes: ' ' and '\t' (not line breaks).
constexpr bool is_inline_space(char c) { return c == ' ' || c == '\t'; }

// Byte length of the space that starts at s[i], 0 if there is none (or i is
// past the end). A space within a line is ' ', '\t' or U+00A0 (bytes C2 A0:
// a lone 0xA0 byte is the tail of a letter, "à" is C3 A0, never a space).
// With `line_breaks`, '\n' and '\r' count as well: PDF extraction breaks
// lines inside phrases and symbols.
std::size_t space_at(std::string_view s, std::size_t i, bool line_breaks = false);

// True if `s` is empty or only spaces (line breaks too when `line_breaks`).
bool is_blank(std::string_view s, bool line_breaks = false);

// Words of `s`: runs of bytes between ' ' or '\t'.
std::size_t count_words(std::string_view s);

// Byte offset of the line after the one holding `pos` in `text`;
// text.size() at the end.
std::size_t next_line(std::string_view text, std::size_t pos);

// `s` without leading and trailing spaces and line breaks, nor any byte of
// `also` (ASCII only, e.g. ",*").
std::string_view trim(std::string_view s, std::string_view also = {});

// Every run of spaces and line breaks made one ' ', ends trimmed: how
// evidence and subjects are shown. The bytes of `drop` (ASCII only) are left
// out first, as if they were not there: collapse_spaces("**Điều 1. **
// x", "*") is "Điều 1. x". With `max_bytes`, stops once that many bytes
// are out (a few more to end a run): their start is that of the whole.
std::string collapse_spaces(std::string_view s, std::string_view drop = {},
                            std::size_t max_bytes = std::string_view::npos);

// What a line that PDF extraction of the official gazette puts inside the
// text of a document is: a running head ("CÔNG BÁO/Số 781 + 782/Ngày
// 26-6-2023", "64 CÔNG BÁO/...", or the note "(Xem tiếp Công báo số 715 +
// 716)" that ends an issue), a page number (up to 4 digits alone), or a
// line of a digital-signature stamp ("Người ký: ...", "Email:", "Cơ quan:",
// "Thời gian ký: ...", "Ký bởi: ...", "Ngày ký: ..."). `line` is one line
// without its '\n'. A page number or a stamp's "Email:" line is only
// furniture in its place (doc/chrome.h strip_page_furniture decides).
enum class Furniture {
  kNone,
  kRunningHead,     // "CÔNG BÁO/Số ...", "(Xem tiếp Công báo số ...)"
  kPageNumber,      // "70"
  kStampStart,      // "Ký bởi: ...", "Người ký: ..."
  kStampField,      // "Email: ...", "Cơ quan: ..."
  kStampTime,       // "Thời gian ký: ...", "Ngày ký: ..." (a stamp's last line)
};
Furniture page_furniture(std::string_view line);

// page_furniture(line) != Furniture::kNone.
bool is_page_furniture(std::string_view line);

// `span` with page-furniture lines dropped and whitespace collapsed: a
// phrase that runs across a page break, as a reader would quote it.
std::string clean_span(std::string_view span);

// The lines of `text`, split at '\n' (the line break of normalized text);
// a final empty line is kept when the text ends with '\n'.
std::vector<std::string_view> split_lines(std::string_view text);

// The longest prefix of `s` of at most `max_bytes` that does not end inside
// a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// `s` cut to at most `max_bytes` on a code point boundary, with "…" added
// when something was cut.
std::string truncate_with_ellipsis(std::string s, std::size_t max_bytes);

// The number of code points in the first `byte_offset` bytes of `text`:
// the offset a browser's string (UTF-16, BMP text) indexes, which the API
// serves.
std::size_t code_point_offset(std::string_view text, std::size_t byte_offset);
// code_point_offset() of each of `bytes` (sorted), in one pass over `text`.
std::vector<std::size_t> code_point_offsets(std::string_view text,
                                            const std::vector<std::size_t>& bytes);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CHARS_H_
