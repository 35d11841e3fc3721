#include "vanban/doc/markdown.h"

#include <cstddef>

namespace vanban::doc {
namespace {

// ATX headings have one to six marks ("######"); more is not a heading.
constexpr std::size_t kMaxHeadingMarks = 6;
// "***bold italic***" is the longest emphasis run Markdown defines.
constexpr std::size_t kMaxEmphasisRun = 3;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A letter or digit starts here: ASCII, or the lead byte of a multi-byte
// character (Vietnamese letters; also “ and other marks, which may follow
// an opening run just as well).
bool word_char(char c) { return is_ascii_alnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0; }

// Bytes of a leading "#### " (marks and one space), 0 when there is none.
std::size_t heading_mark_length(std::string_view line) {
  const std::size_t lead = line.find_first_not_of(' ');
  if (lead == std::string_view::npos || line[lead] != '#') return 0;
  const std::size_t marks_end = line.find_first_not_of('#', lead);
  const std::size_t marks = (marks_end == std::string_view::npos ? line.size() : marks_end) - lead;
  if (marks > kMaxHeadingMarks) return 0;
  if (marks_end == std::string_view::npos) return line.size();
  return line[marks_end] == ' ' ? marks_end + 1 : 0;
}

std::size_t run_length(std::string_view line, std::size_t at) {
  std::size_t end = at;
  while (end < line.size() && line[end] == '*') ++end;
  return end - at;
}

bool opens(std::string_view line, std::size_t at, std::size_t run) {
  const bool after_ok = at == 0 || !word_char(line[at - 1]);
  return after_ok && at + run < line.size() && word_char(line[at + run]);
}

bool closes(std::string_view line, std::size_t at, std::size_t run) {
  const char before = line[at - 1];
  const bool before_ok = before != ' ' && before != '\t' && before != '*';
  return before_ok && (at + run == line.size() || !word_char(line[at + run]));
}

// Where the run of `run` marks closing the one opened before `from` is;
// npos when the line has none.
std::size_t find_closer(std::string_view line, std::size_t from, std::size_t run) {
  for (std::size_t at = line.find('*', from); at != std::string_view::npos;) {
    const std::size_t length = run_length(line, at);
    if (length == run && closes(line, at, run)) return at;
    at = line.find('*', at + length);
  }
  return std::string_view::npos;
}

// One line without its emphasis pairs; an opening run without a closer is
// kept as written.
std::string strip_emphasis(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t run = line[i] == '*' ? run_length(line, i) : 0;
    const std::size_t closer = run > 0 && run <= kMaxEmphasisRun && opens(line, i, run)
                                   ? find_closer(line, i + run, run)
                                   : std::string_view::npos;
    if (closer == std::string_view::npos) {
      out.append(line.substr(i, run > 0 ? run : 1));
      i += run > 0 ? run : 1;
      continue;
    }
    // The inner text may hold a pair of its own ("**a *b* c**").
    out += strip_emphasis(line.substr(i + run, closer - i - run));
    i = closer + run;
  }
  return out;
}

}  // namespace

std::string strip_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    line.remove_prefix(heading_mark_length(line));
    if (line.find('*') == std::string_view::npos) {
      out += line;  // most lines: appended as they are, no copy of their own
    } else {
      out += strip_emphasis(line);
    }
    if (nl == std::string_view::npos) break;
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

}  // namespace vanban::doc
