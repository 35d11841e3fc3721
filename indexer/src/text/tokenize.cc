#include "vanban/text/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>

#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// Creating a break iterator loads and compiles rules (~100 µs); cloning a
// prototype is cheap. The prototype is never used directly, so sharing it
// read-only across threads is safe.
const icu::BreakIterator& prototype() {
  static const std::unique_ptr<icu::BreakIterator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !it) {
      throw std::runtime_error(std::string("ICU word break rules: ") +
                               u_errorName(status));
    }
    return it;
  }();
  return *proto;
}

std::string digits_without_leading_zeros(std::string_view s) {
  std::size_t i = 0;
  while (i + 1 < s.size() && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9') {
    ++i;
  }
  return std::string(s.substr(i));
}

}  // namespace

struct Tokenizer::Impl {
  SymbolScanOptions symbols;
  std::unique_ptr<icu::BreakIterator> words;
};

Tokenizer::Tokenizer(const SymbolScanOptions& symbols)
    : impl_(std::make_unique<Impl>()) {
  impl_->symbols = symbols;
  impl_->words.reset(prototype().clone());
  if (!impl_->words) throw std::runtime_error("cannot clone break iterator");
}

Tokenizer::~Tokenizer() = default;

std::vector<Token> Tokenizer::tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::vector<Symbol> symbols = find_symbols(text, impl_->symbols);
  std::size_t next_symbol = 0;

  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8: boundaries come back as byte offsets, no UTF-16 copy.
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("utext_openUTF8 failed");
  icu::BreakIterator& it = *impl_->words;
  it.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw std::runtime_error("BreakIterator::setText failed");
  }

  auto emit_symbols_before = [&](std::size_t pos) {
    while (next_symbol < symbols.size() && symbols[next_symbol].start < pos) {
      Symbol& s = symbols[next_symbol++];
      tokens.push_back({TokenKind::kSymbol, s.start, s.end,
                        std::move(s.display), std::move(s.key)});
    }
  };

  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE;
       start = end, end = it.next()) {
    const int32_t rule = it.getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const auto b = static_cast<std::size_t>(start);
    const auto e = static_cast<std::size_t>(end);
    emit_symbols_before(e);
    // Inside a symbol already emitted?
    if (next_symbol > 0 && b < symbols[next_symbol - 1].end &&
        e > symbols[next_symbol - 1].start) {
      continue;
    }
    const std::string_view word = text.substr(b, e - b);
    if (rule < UBRK_WORD_NUMBER_LIMIT) {
      // ICU's numbers include "Q1" and other scripts' digits: fold them like
      // words (an upper-case term would look like a prefixed one: "Q1" is
      // the id term of document "1").
      std::string w(word);
      std::string digits = digits_without_leading_zeros(fold(w));
      tokens.push_back({TokenKind::kNumber, b, e, std::move(w),
                        std::move(digits)});
    } else {
      WordForms forms = word_forms(word);
      tokens.push_back({TokenKind::kWord, b, e, std::move(forms.exact),
                        std::move(forms.folded)});
    }
  }
  emit_symbols_before(text.size() + 1);
  utext_close(ut);
  return tokens;
}

}  // namespace vanban::text
