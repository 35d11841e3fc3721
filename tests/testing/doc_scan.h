// Test helper for the contents modules (src/text/contents_*.cc): a text
// with its tokens, citations and the DocScan over them, built as
// extract_contents builds them.
#ifndef VANBAN_TESTS_TESTING_DOC_SCAN_H_
#define VANBAN_TESTS_TESTING_DOC_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/contents_internal.h"
#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::testing {

// Holds the text the scan points into: not copyable or movable.
class ScannedText {
 public:
  explicit ScannedText(std::string text)
      : text_(std::move(text)), tokens_(tokenize(text_)),
        citations_(text::find_citations(text_, tokens_)), scan_(text_, tokens_, citations_) {}
  ScannedText(const ScannedText&) = delete;
  ScannedText& operator=(const ScannedText&) = delete;

  const std::string& text() const { return text_; }
  const text::contents_detail::DocScan& scan() const { return scan_; }

  // The index of the `nth` (0-based) token spelled `exact` as
  // Token::exact spells it (words lower-case with their accents: "sở",
  // "2024"; symbols in display form: "34-CT/TW"); scan().size() if none.
  std::size_t at(std::string_view exact, int nth = 0) const {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].exact == exact && nth-- == 0) return i;
    }
    return tokens_.size();
  }

  // The text of bytes [start, end), or "<bad span>".
  std::string span(std::size_t start, std::size_t end) const {
    if (start > end || end > text_.size()) return "<bad span>";
    return text_.substr(start, end - start);
  }

 private:
  static std::vector<text::Token> tokenize(const std::string& text) {
    text::Tokenizer tok;
    return tok.tokenize(text);
  }

  std::string text_;
  std::vector<text::Token> tokens_;
  std::vector<text::Citation> citations_;
  text::contents_detail::DocScan scan_;
};

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_DOC_SCAN_H_
