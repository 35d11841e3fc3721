// Matching folded words on the tokens of a document: the small vocabulary
// the citation grammar and the relation extractor share. Private to
// vanban_core (src/text); pure functions, thread-safe.
#ifndef VANBAN_SRC_TEXT_TOKEN_MATCH_H_
#define VANBAN_SRC_TEXT_TOKEN_MATCH_H_

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {

// A phrase as the tokenizer folds it, one syllable a word: "thong", "tu".
using Words = std::vector<std::string_view>;

inline bool is_word(const Token& t, std::string_view folded) {
  return t.kind == TokenKind::kWord && t.folded == folded;
}

inline bool is_word_at(const std::vector<Token>& t, std::size_t i, std::string_view folded) {
  return i < t.size() && is_word(t[i], folded);
}

// The folded words `w` at tokens i, i+1, ...
inline bool words_at(const std::vector<Token>& t, std::size_t i, const Words& w) {
  if (i >= t.size() || w.size() > t.size() - i) return false;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (!is_word(t[i + k], w[k])) return false;
  }
  return true;
}

inline bool any_word(const Token& t, const Words& w) {
  return std::any_of(w.begin(), w.end(), [&](std::string_view x) { return is_word(t, x); });
}

// Index of the first token that starts at or after byte `pos`.
inline std::size_t token_at(const std::vector<Token>& t, std::size_t pos) {
  return static_cast<std::size_t>(
      std::lower_bound(t.begin(), t.end(), pos,
                       [](const Token& x, std::size_t p) { return x.start < p; }) -
      t.begin());
}

// Words that name provisions of a document and their numbering: "khoản 1
// Điều 3", "điểm a", "Mục V Phụ lục", "Mẫu số 01", "Danh mục", "I.B".
inline bool is_provision_word(const Token& t) {
  static const Words kNouns = {"dieu", "khoan", "diem", "muc", "phu", "luc", "chuong",
                               "phan", "tiet",  "danh", "mau",  "bieu", "so"};
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (any_word(t, kNouns)) return true;
  // Roman numerals and item letters: "iv", "a", "đ", "i.b".
  return t.exact.size() <= 4 && t.exact.find_first_not_of("ivxlabcde.0123456789\xC4\x91") ==
                                    std::string::npos;
}

// `name` folded syllable by syllable, as the tokenizer folds it ("Quy
// định" -> {"qui", "dinh"}).
inline std::vector<std::string> folded_syllables(std::string_view name) {
  Tokenizer tokenizer;
  std::vector<std::string> out;
  for (const Token& t : tokenizer.tokenize(name)) out.push_back(t.folded);
  return out;
}

}  // namespace vanban::text

#endif  // VANBAN_SRC_TEXT_TOKEN_MATCH_H_
