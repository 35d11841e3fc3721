// Word breaking for Vietnamese text with ICU. Vietnamese writes one
// syllable per space-separated unit, so ICU's word boundaries give
// syllables; multi-syllable words are matched with positions (phrases).
// Document symbols (see symbol.h) are kept whole as one token.
#ifndef VANBAN_TEXT_TOKENIZE_H_
#define VANBAN_TEXT_TOKENIZE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/symbol.h"

namespace vanban::text {

enum class TokenKind { kWord, kNumber, kSymbol };

struct Token {
  TokenKind kind = TokenKind::kWord;
  std::size_t start = 0;  // byte offsets into the tokenized text
  std::size_t end = 0;
  // Word or number: the exact spelling (see WordForms::exact).
  // Symbol: its display form ("34-CT/TW").
  std::string exact;
  // Word: the folded spelling; number: digits without leading zeros;
  // symbol: its key ("34-ct/tw").
  std::string folded;
};

// Splits NFC UTF-8 text into tokens. Not thread-safe: use one Tokenizer per
// thread. Construction clones a shared ICU break iterator and throws
// std::runtime_error if ICU's break rules cannot be loaded.
class Tokenizer {
 public:
  explicit Tokenizer(const SymbolScanOptions& symbols = {});
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Tokens of `nfc_utf8` in text order; punctuation and spaces are dropped.
  // Ill-formed UTF-8 yields no tokens for the ill-formed bytes.
  std::vector<Token> tokenize(std::string_view nfc_utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_TOKENIZE_H_
