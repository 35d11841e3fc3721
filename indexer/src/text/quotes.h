// Quoted spans of a document ("...", “...”): campaign names, subjects and
// slogans. Private to vanban_core (campaign.cc, contents).
#ifndef VANBAN_TEXT_QUOTES_H_
#define VANBAN_TEXT_QUOTES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vanban::text {

struct Quote {
  std::size_t open;   // byte offset of the opening quote mark
  std::size_t begin;  // first byte of the content
  std::size_t end;    // one past the content
  std::size_t close;  // one past the closing quote mark
};

// Balanced quotes in `text` (UTF-8), in text order: “...” or "..." closed
// on the same line. A “ opened again before it closes means the first one
// was never closed: it is dropped, and so is any quote left open at the end
// of its line. Work is linear in the length of each line times the quote
// marks on it. Thread-safe.
std::vector<Quote> find_quotes(std::string_view text);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_QUOTES_H_
