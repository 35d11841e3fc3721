// Document symbols ("số ký hiệu"): the identifiers that Vietnamese
// administrative documents cite each other by. A symbol is one atom for
// search; it is never split into its numbers and letters.
//
//   Party style  number-TYPE/ISSUER          34-CT/TW, 08-QĐi/TW, 123-KH/TU
//   State style  number/TYPE-ISSUER          19/CT-TTg, 1954/UBND-TH
//                number/year/TYPE-ISSUER     30/2020/NĐ-CP
//
// Variants seen in real text and typed by users all map to one key:
// "34- CT/TW", "34 – CT/TW", "34-ct/tw", "034-CT/TW"; "30/2020/ND-CP" without
// đ. Thread-safe; no ICU types in this header.
#ifndef VANBAN_TEXT_SYMBOL_H_
#define VANBAN_TEXT_SYMBOL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// Longest number part seen in symbols ("123456/QĐ-BHXH"); longer digit
// runs are account numbers and codes, not document numbers.
inline constexpr std::size_t kMaxSymbolNumberDigits = 6;
// Longest letter group seen in symbols ("UBTVQH", "BNNPTNT" has 7).
inline constexpr std::size_t kMaxSymbolCodeLetters = 12;

enum class SymbolStyle { kParty, kState };

struct Symbol {
  // As written, with spaces removed and dashes made ASCII; all-lower-case
  // letter groups are upper-cased ("34-ct/tw" -> "34-CT/TW") while mixed
  // case is kept ("19/CT-TTg", "08-QĐi/TW").
  std::string display;
  // The search key: folded (no diacritics, đ -> d, lower case) with leading
  // zeros dropped from the number: "34-ct/tw", "30/2020/nd-cp", "1-kl/tw".
  std::string key;
  std::size_t start = 0;  // byte offsets of the match in the scanned text
  std::size_t end = 0;
  SymbolStyle style = SymbolStyle::kParty;
};

struct SymbolScanOptions {
  // Document text needs an upper-case letter in the letter groups, which
  // keeps ordinary words out; queries are typed in any case.
  bool accept_lower_case = false;
};

// Finds every symbol in `nfc_utf8` (valid UTF-8, NFC), in text order.
std::vector<Symbol> find_symbols(std::string_view nfc_utf8,
                                 const SymbolScanOptions& options = {});

// Parses `text` as exactly one symbol (surrounding spaces allowed, any
// case); std::nullopt if it is anything else.
std::optional<Symbol> parse_symbol(std::string_view text);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_SYMBOL_H_
