// Result snippets: the passage of a document that best covers the query,
// HTML-escaped, with matched words in <mark>.
//
// Xapian's MSet::snippet() re-tokenizes the text with its own rules and
// compares unfolded words, so it cannot see that "dan van kheo" matched
// "Dân vận khéo" or that "34- CT/TW" is the symbol 34-CT/TW. This module
// uses vanban's tokenizer instead, so a snippet highlights exactly what the
// index matched, in the document's own accented spelling.
#ifndef VANBAN_SEARCH_SNIPPET_H_
#define VANBAN_SEARCH_SNIPPET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "vanban/search/query_builder.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {

// The folded forms (and symbol keys) a snippet highlights.
// For an accented query it also knows the exact spellings, so that "thư"
// highlights "thư" and not "thu" or "thứ" when the document has "thư".
class Highlighter {
 public:
  explicit Highlighter(const ParsedQuery& query);
  // True if `token` matches a query word once folded (or is a query symbol).
  bool matches(const text::Token& token) const;
  // True if `token` matches with the accents as typed (accented queries).
  bool matches_exactly(const text::Token& token) const;
  bool accented() const { return !exact_.empty(); }
  // True if `token` matches a query word that is not only part of a
  // quoted phrase.
  bool matches_word(const text::Token& token) const;
  // The quoted phrases' tokens, each as the keys matches() compares.
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }
  // The key matches() compares for `token`.
  static std::string key_of(const text::Token& token);

 private:
  std::unordered_set<std::string> keys_;
  std::unordered_set<std::string> word_keys_;
  std::unordered_set<std::string> exact_;
  std::vector<std::vector<std::string>> phrases_;
};

struct SnippetOptions {
  std::size_t window_tokens = 32;  // passage length, in tokens
};

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

// The plain text of a snippet made by make_snippet(): without its <mark>
// tags, and with what html_escape() escaped unescaped again. For exports
// (report/rows.h), which show text, not HTML.
std::string snippet_text(std::string_view snippet_html);

// Picks the window of `text` (NFC UTF-8) with the most distinct matched
// query words, then the most matches and adjacent matches (phrases); marks
// runs of adjacent matched tokens as one <mark> span. For an accented query,
// a document that has exact matches gets only those highlighted. Falls back to the
// start of the text when nothing matches. `tokenizer` must be a
// document-text tokenizer.
std::string make_snippet(std::string_view text, const Highlighter& highlighter,
                         text::Tokenizer& tokenizer,
                         const SnippetOptions& options = {});

// Byte spans [first, second) of `text` (NFC UTF-8) that the query
// matched, in order, as the search matched them: folded words (with the
// accents as typed only, when the query has accents and the text has
// such matches, as make_snippet() marks them), a quoted phrase only where
// all its words stand in a row, and each run of adjacent matches separated
// only by spaces as one span. `tokenizer` must be a document-text
// tokenizer. For the document page's highlighting.
std::vector<std::pair<std::size_t, std::size_t>> match_spans(std::string_view text,
                                                             const Highlighter& highlighter,
                                                             text::Tokenizer& tokenizer);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SNIPPET_H_
