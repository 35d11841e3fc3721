// References from one document to another ("Chỉ thị số 34-CT/TW ngày
// 07/4/2014 của Bộ Chính trị về ..."): a small grammar over the tokens of a
// document.
//
//   citation := [TYPE] ["số"] SYMBOL { [","] "ngày" DATE | "(" ... ")"
//               | "của" ISSUER | "ban hành ngày" DATE } [["về" ["việc"]] SUBJECT]
//
// TYPE is a document-type word (Chỉ thị, Nghị quyết, Kết luận, Quy định, Kế
// hoạch, Công văn, Quyết định, Thông báo, Báo cáo, Phát động, Nghị định,
// Thông tư, Luật, ...); DATE any common form; SUBJECT a quoted title or a
// "về ..." clause. The document's own number ("Số: 1954/UBND-TH" in its
// header) is not a citation.
#ifndef VANBAN_TEXT_CITATION_H_
#define VANBAN_TEXT_CITATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {

struct Citation {
  std::string symbol;      // display form: "34-CT/TW"
  std::string symbol_key;  // "34-ct/tw"
  std::string type;        // "Chỉ thị": the type word, else inferred from the symbol
  std::string date;        // ISO, "" when the text gives none
  std::string issuer;      // "Bộ Chính trị", "" when the text gives none
  std::string subject;     // quoted title or "về ..." clause, ""
  // The directive this citation names: symbol_key, plus "@" and the date
  // when known ("34-ct/tw@2014-04-07"); numbers restart each term, so the
  // same symbol with two dates is two directives.
  std::string key;
  std::size_t start = 0;  // byte offsets of the whole citation in the text
  std::size_t end = 0;
};

// The canonical names of document types, e.g. "Chỉ thị", "Nghị định".
const std::vector<std::string_view>& document_type_names();

// The type a symbol's letter code implies: "34-CT/TW" -> "Chỉ thị",
// "30/2020/NĐ-CP" -> "Nghị định", "1954/UBND-TH" -> "Công văn" (a State
// symbol that starts with its issuer is an official letter).
std::string type_from_symbol(std::string_view symbol_display);

// The directive key for a symbol key and an ISO date ("" if unknown).
std::string directive_key(std::string_view symbol_key, std::string_view date);

// Every citation in `text` (NFC UTF-8), in text order. `tokens` must be the
// document-text tokenization of `text` (Tokenizer with default options).
// Within one document an undated citation takes the date of a dated
// citation of the same symbol.
std::vector<Citation> find_citations(std::string_view text,
                                     const std::vector<Token>& tokens);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CITATION_H_
