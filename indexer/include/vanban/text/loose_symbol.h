// Document symbols as people type them when they do not copy them: the
// parts with spaces or no separators, a type word or abbreviation for the
// letter code, any case, with or without diacritics (symbol.h reads the
// symbols as printed):
//
//   111 2022 nd cp          -> 111/2022/nd-cp
//   nghi dinh 111/2022      -> 111/2022/nd-...  (the issuer left out)
//   nd 111 2022, NĐ 111/2022
//   34 ct tw, 34ct/tw       -> 34-ct/tw or 34/ct-tw (the style left out)
//   CT34, Chỉ thị 34        -> 34-ct/..., 34/ct-...
//   Chỉ thị 34-CT/TW        -> 34-ct/tw (a printed symbol after its type)
//
// A SymbolPattern says which symbol keys the words may mean; the index
// tells which of those exist. Ordinary numbers stay numbers: it takes a
// type word or abbreviation before the number, or a known letter code
// (document_type.h, the one table) after it, so "Điều 5", "năm 2020",
// "khoản 2 điều 3" and "5.000.000 đồng" are no symbol.
// Thread-safe (a thread_local tokenizer for parse_loose_symbol); no ICU
// types in this header.
#ifndef VANBAN_TEXT_LOOSE_SYMBOL_H_
#define VANBAN_TEXT_LOOSE_SYMBOL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {

// What a loosely typed symbol pins down; parts not typed are empty.
struct SymbolPattern {
  std::string number = {};  // "111": leading zeros dropped
  std::string year = {};    // "2022"; "" when not typed
  // The codes the first letter group may be, folded: {"nd"}; {"qdi", "qd"}
  // for "Quy định". Never empty.
  std::vector<std::string> first_codes = {};
  // The letter groups typed after the first, folded, in order: {"cp"}.
  std::vector<std::string> more_codes = {};

  // True if symbol key `key` (symbol.h: "111/2022/nd-cp") may be what was
  // typed: the same number; the same year when one was typed; its first
  // letter groups the typed codes, a group that adds a term number
  // matching its code ("qh" matches "qh14"). Either style: "34 ct tw"
  // matches "34-ct/tw" and "34/ct-tw".
  bool matches(std::string_view key) const;

  // What every matching key starts with: the number and a separator,
  // {"111-", "111/"}: the index's terms to scan.
  std::vector<std::string> key_prefixes() const;

  bool operator==(const SymbolPattern&) const = default;
};

struct LooseSymbol {
  SymbolPattern pattern;
  std::size_t first = 0;  // index of its first token
  std::size_t end = 0;    // one past its last token
};

// The loose symbols among `tokens`, a Tokenizer's tokens of `nfc_utf8`
// (symbols scanned with accept_lower_case, as queries are), in text
// order, not overlapping. A printed symbol is a symbol token already, with
// or without its type before it ("Chỉ thị 34-CT/TW"): never a loose one.
std::vector<LooseSymbol> find_loose_symbols(std::string_view nfc_utf8,
                                            const std::vector<Token>& tokens);

// `text` (valid UTF-8, any normalization form) as one symbol, printed or
// loose, with nothing else but spaces; std::nullopt if it is anything
// else. "34-CT/TW", "Chỉ thị 34-CT/TW", "chi thi 34", "CT34" all qualify.
std::optional<SymbolPattern> parse_loose_symbol(std::string_view text);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_LOOSE_SYMBOL_H_
